import pytest
from allauth.mfa.models import Authenticator

from accounts.roles import Role


@pytest.fixture
def coordinator(make_user):
    """A coordinator of the centre, with the authenticator staff must have."""
    user = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user
