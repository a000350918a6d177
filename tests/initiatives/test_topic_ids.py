"""`Organisation.topic_ids` follows the record's topics whichever side changes them, and the
catalogue's topic filter reads it."""

import pytest
from django.urls import reverse

from initiatives import topic_ids
from initiatives.models import Organisation, Topic
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _ids(record: Organisation) -> list[int]:
    record.refresh_from_db(fields=["topic_ids"])
    return record.topic_ids


def test_the_ids_follow_the_topics_from_either_side():
    ecology, culture, sport = (
        Topic.objects.get_or_create(name=name)[0] for name in ("Экология", "Культура", "Спорт")
    )
    record, other = OrganisationFactory(), OrganisationFactory()
    record.topics.add(culture, ecology)
    assert _ids(record) == sorted([culture.pk, ecology.pk])
    record.topics.remove(culture)
    assert _ids(record) == [ecology.pk]
    record.topics.set([sport])
    assert _ids(record) == [sport.pk]

    sport.organisation_set.add(other)
    assert _ids(other) == [sport.pk]
    sport.organisation_set.remove(record)
    assert _ids(record) == []
    record.topics.add(sport)
    sport.organisation_set.clear()
    assert _ids(record) == _ids(other) == []

    # A bulk insert into the link table sends no signal: its code refreshes.
    Organisation.topics.through.objects.bulk_create(
        [Organisation.topics.through(organisation_id=record.pk, topic_id=culture.pk)]
    )
    topic_ids.refresh([record.pk])
    assert _ids(record) == [culture.pk]


def test_the_catalogue_filters_by_topic(client):
    ecology = Topic.objects.get_or_create(name="Экология")[0]
    green = OrganisationFactory(name="Зелёный двор")
    green.topics.add(ecology)
    OrganisationFactory(name="Шахматный клуб")
    html = client.get(reverse("initiatives:catalogue"), {"topic": ecology.pk}).content.decode()
    assert "Зелёный двор" in html and "Шахматный клуб" not in html
