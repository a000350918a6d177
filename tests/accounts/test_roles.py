import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_migration_creates_every_role_with_its_permissions():
    groups = {g.name: g for g in Group.objects.prefetch_related("permissions")}
    assert set(groups) == set(Role.values)
    coordinator = {p.codename for p in groups["coordinator"].permissions.all()}
    assert {"add_organisation", "change_event", "change_programme"} <= coordinator
    assert not groups["activist"].permissions.exists()


@pytest.mark.parametrize(
    "role", [Role.CONSULTANT, Role.TRAINER, Role.COORDINATOR, Role.ADMINISTRATION]
)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, make_user, role):
    user = make_user(role)
    assert not user.is_staff  # the Django admin is a superuser's tool only
    client.post(
        reverse("account_login"), {"login": user.email, "password": "correct-horse-battery"}
    )

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more before an authenticator is added; the
    # middleware lets both steps through.
    activation = client.get(reverse("mfa_activate_totp"), follow=True)
    assert activation.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    client.post(activation.redirect_chain[-1][0], {"password": "correct-horse-battery"})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "Активировать приложение" in page.content.decode()


def test_only_a_superuser_with_an_authenticator_reaches_the_admin(client, make_user):
    user = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200
    changelist = reverse("admin:initiatives_organisation_changelist")
    assert client.get(changelist, follow=True).status_code == 403

    user.is_superuser = user.is_staff = True
    user.save()
    assert client.get(changelist).status_code == 200


def test_activists_need_no_authenticator_and_no_admin(client, activist):
    client.force_login(activist)

    assert client.get(reverse("home")).status_code == 200
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_admin_login_goes_through_allauth(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_navigation_follows_the_role(client, activist, make_user):
    client.force_login(activist)
    assert "Рабочий стол" not in client.get(reverse("home")).content.decode()

    coordinator = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={})
    client.force_login(coordinator)
    assert "Рабочий стол" in client.get(reverse("home")).content.decode()
