"""What every page asks of the signed-in person — roles, authenticator, permissions — is read
in one query and agrees with what Django itself works out."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import access
from accounts.models import User
from accounts.roles import Role, has_role, user_roles
from accounts.services import user_set_roles

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_roles_authenticator_and_permissions_come_from_one_query(make_user):
    user = make_user(Role.COORDINATOR, Role.CONSULTANT)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    user.user_permissions.add(Permission.objects.get(codename="delete_consultationlog"))
    expected = _fresh(user).get_all_permissions()  # Django's ModelBackend, its own queries
    assert "consulting.delete_consultationlog" in expected
    assert "initiatives.change_organisation" in expected  # the coordinator group's

    user = _fresh(user)
    with CaptureQueriesContext(connection) as queries:
        assert user_roles(user) == {Role.COORDINATOR, Role.CONSULTANT}
        assert access.has_authenticator(user)
        assert user.get_all_permissions() == expected
        assert user.get_user_permissions() == {"consulting.delete_consultationlog"}
        assert user.has_perm("initiatives.change_organisation")
        assert not user.has_perm("accounts.delete_user")
    assert len(queries) == 1


def test_an_activist_has_no_permission_and_no_authenticator(activist):
    activist = _fresh(activist)
    assert user_roles(activist) == {Role.ACTIVIST}
    assert not access.has_authenticator(activist)
    assert activist.get_all_permissions() == set()
    assert not activist.has_perm("consulting.change_booking")


def test_an_inactive_person_has_no_permission(make_user):
    user = _fresh(make_user(Role.COORDINATOR, is_active=False))
    assert user_roles(user) == {Role.COORDINATOR}
    assert user.get_all_permissions() == set()


def test_a_superuser_keeps_every_permission(make_user):
    user = _fresh(make_user(is_superuser=True))
    access.load(user)
    assert user.has_perm("accounts.delete_user")
    assert user.get_all_permissions() == _fresh(user).get_all_permissions()
    assert len(user.get_all_permissions()) == Permission.objects.count()


def test_a_change_of_roles_counts_on_the_same_object(make_user):
    user = _fresh(make_user(Role.ACTIVIST))
    assert not has_role(user, Role.TRAINER)
    user_set_roles(user=user, roles=[Role.TRAINER])
    assert has_role(user, Role.TRAINER)
    assert user.has_perm("training.change_programme")


def test_a_removed_authenticator_counts_on_the_next_page(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("home")).status_code == 200
    Authenticator.objects.filter(user=coordinator).delete()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_forgetting_works_through_the_requests_lazy_user(make_user):
    from django.utils.functional import SimpleLazyObject

    user = make_user(Role.ACTIVIST)
    lazy = SimpleLazyObject(lambda: user)
    assert user_roles(lazy) == {Role.ACTIVIST}
    user.groups.clear()
    access.forget(lazy)
    assert user_roles(lazy) == set()
