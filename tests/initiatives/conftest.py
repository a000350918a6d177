import pytest
from allauth.mfa.models import Authenticator

from accounts.roles import Role
from initiatives.models import Membership, Topic
from initiatives.models import Role as TeamRole
from tests.factories import OrganisationFactory


@pytest.fixture
def coordinator(make_user):
    """A moderator of the registry, with the authenticator staff must have."""
    user = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


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
