"""`Organisation.topic_ids`, the ids of a record's topics, kept equal to its many-to-many
`topics` whichever side changes them (`record.topics.add`, `topic.organisation_set.clear`…).
A bulk insert into the link table sends no signal: the code that does one calls `refresh`."""

from typing import Any

from django.db import connection
from django.db.models.signals import m2m_changed

from .models import Organisation

_REFRESH = """
    UPDATE initiatives_organisation AS o
    SET topic_ids = COALESCE(
        (SELECT array_agg(t.topic_id ORDER BY t.topic_id)
         FROM initiatives_organisation_topics AS t WHERE t.organisation_id = o.id),
        '{}')
"""


def refresh(organisation_ids: list[int] | None = None) -> None:
    """Writes the topic ids of these records (of all of them when None) from the link table."""
    with connection.cursor() as cursor:
        if organisation_ids is None:
            cursor.execute(_REFRESH)
        elif organisation_ids:
            cursor.execute(_REFRESH + " WHERE o.id = ANY(%s)", [list(organisation_ids)])


def _changed(
    sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh([instance.pk])
    elif pk_set is not None:
        refresh(list(pk_set))
    else:  # a topic's records cleared: those that still list it
        refresh(
            list(
                Organisation.objects.filter(topic_ids__contains=[instance.pk]).values_list(
                    "pk", flat=True
                )
            )
        )


def connect() -> None:
    m2m_changed.connect(
        _changed, sender=Organisation.topics.through, dispatch_uid="initiatives.topic_ids"
    )
