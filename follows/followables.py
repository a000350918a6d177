"""What may be followed. Each app registers its kinds in its AppConfig.ready, so this app
knows them without importing any app above it:

    followables.register("initiative", "initiatives.Organisation", visible=published)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model, QuerySet


def _everything(rows: QuerySet) -> QuerySet:
    return rows


@dataclass(frozen=True)
class Followable:
    kind: str
    model_label: str
    # The rows a person may follow (a published record, not a draft).
    visible: Callable[[QuerySet], QuerySet] = _everything

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def find(self, pk: int) -> Model | None:
        return self.visible(self.model._default_manager.all()).filter(pk=pk).first()


_KINDS: dict[str, Followable] = {}


def register(
    kind: str, model_label: str, *, visible: Callable[[QuerySet], QuerySet] = _everything
) -> None:
    _KINDS[kind] = Followable(kind, model_label, visible)


def get(kind: str) -> Followable | None:
    return _KINDS.get(kind)


def kind_of(instance: Model) -> Followable:
    label = instance._meta.label
    return next(kind for kind in _KINDS.values() if kind.model_label == label)
