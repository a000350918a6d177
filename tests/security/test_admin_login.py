"""The admin has no sign-in form of its own: its login sends people to allauth's, where the
rate limits, the lock-out after failed attempts and the authenticator-app step apply."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_the_admin_login_sends_to_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_password_posted_to_the_admin_login_signs_nobody_in(client, make_user):
    admin = make_user(Role.ADMINISTRATION, is_staff=True, is_superuser=True)

    response = client.post(
        "/admin/login/", {"username": admin.email, "password": "correct-horse-battery"}
    )

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_admin_sign_in_is_locked_after_repeated_failures(client, make_user):
    admin = make_user(Role.ADMINISTRATION, is_staff=True, is_superuser=True)
    login = client.get("/admin/login/?next=/admin/")["Location"]
    for _ in range(5):
        client.post(login, {"login": admin.email, "password": "wrong"})

    response = client.post(login, {"login": admin.email, "password": "correct-horse-battery"})

    assert "Слишком много неудачных попыток входа" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMINISTRATION, Role.CONSULTANT])
def test_no_role_opens_the_django_admin(client, make_user, role):
    user = make_user(role)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    assert client.get("/admin/", follow=True).status_code == 403
    assert client.get("/admin/accounts/user/", follow=True).status_code == 403
    assert "_auth_user_id" in client.session  # still signed in to the portal
