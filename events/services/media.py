"""Publications in the media, logged by staff: saved and removed with the audit trail."""

from typing import cast

from django.db import transaction
from django.forms import ModelForm

from accounts.models import User
from civiccenter.kernel import audit, editing

from ..models import MediaPublication


@transaction.atomic
def media_publication_save(*, form: ModelForm, user: User) -> MediaPublication:
    publication = cast(MediaPublication, form.instance)
    if publication.pk is None:
        publication.logged_by = user
    return cast(MediaPublication, editing.save_model_form(form, actor=user))


@transaction.atomic
def media_publication_delete(*, publication: MediaPublication, user: User) -> None:
    audit.record(publication, actor=user, action="deleted")
    publication.delete()
