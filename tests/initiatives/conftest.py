import pytest

from initiatives.models import Membership, Topic
from initiatives.models import Role as TeamRole
from tests.factories import OrganisationFactory


@pytest.fixture
def ecology(db):
    return Topic.objects.get(name="Экология")


@pytest.fixture
def draft_of(db):
    def make(user, **fields):
        fields.setdefault("moderation", "draft")
        organisation = OrganisationFactory(published_at=None, created_by=user, **fields)
        Membership.objects.create(organisation=organisation, user=user, role=TeamRole.LEADER)
        return organisation

    return make
