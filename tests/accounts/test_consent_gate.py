"""Nobody works in the portal without a consent to the policy in force."""

import pytest
from django.urls import reverse

from accounts.consent_gate import SESSION_KEY
from accounts.middleware import ConsentRequiredMiddleware
from accounts.models import PersonalDataConsent

pytestmark = pytest.mark.django_db


def test_an_account_made_by_staff_gives_consent_at_the_first_sign_in(client, make_user):
    trainer = make_user("activist", consented=False)  # made by a coordinator: no consent row
    client.force_login(trainer)
    profile = reverse("accounts:profile")

    response = client.get(profile)
    assert response.status_code == 302
    assert (
        response["Location"] == f"{reverse('accounts:consent_give')}?next=%2Faccounts%2Fprofile%2F"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Для этой учётной записи согласие ещё не записано" in page

    refused = client.post(reverse("accounts:consent_give"), {"next": profile})
    assert "Отметьте флажок, чтобы дать согласие" in refused.content.decode()
    assert not PersonalDataConsent.objects.filter(user=trainer).exists()

    given = client.post(
        reverse("accounts:consent_give"), {"personal_data_consent": "on", "next": profile}
    )
    assert given["Location"] == profile
    consent = PersonalDataConsent.objects.get(user=trainer)
    assert consent.ip_address == "127.0.0.1"
    assert client.get(profile).status_code == 200


def test_a_new_policy_version_asks_again(client, settings, activist):
    client.force_login(activist)
    assert client.get(reverse("accounts:profile")).status_code == 200

    settings.PERSONAL_DATA_POLICY_VERSION = "2027-03-01"

    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Политика обработки персональных данных изменилась" in page
    client.post(reverse("accounts:consent_give"), {"personal_data_consent": "on"})
    assert activist.consents.filter(policy_version="2027-03-01").exists()
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_the_gate_costs_no_query_once_the_consent_is_known(
    client, rf, activist, django_assert_num_queries
):
    client.force_login(activist)  # the sign-in checks the consent and remembers it
    request = rf.get(reverse("accounts:profile"))
    request.user, request.session = activist, client.session
    assert request.session.get(SESSION_KEY)  # loaded before counting

    with django_assert_num_queries(0):
        assert ConsentRequiredMiddleware(lambda request: "the page")(request) == "the page"


def test_an_unsafe_next_address_is_ignored(client, make_user):
    client.force_login(make_user(consented=False))

    given = client.post(
        reverse("accounts:consent_give"),
        {"personal_data_consent": "on", "next": "https://evil.example/"},
    )
    assert given["Location"] == reverse("home")


def test_a_new_staff_account_gives_consent_then_sets_up_two_factor(client, settings, make_user):
    """The consent gate and the two-factor rule must not send each other round in circles."""
    settings.MFA_REQUIRED_FOR_STAFF = True
    coordinator = make_user("coordinator", consented=False)  # no consent, no authenticator
    client.force_login(coordinator)
    gate = reverse("accounts:consent_give")

    assert client.get(reverse("accounts:profile"))["Location"].startswith(gate)
    assert client.get(gate).status_code == 200
    given = client.post(gate, {"personal_data_consent": "on"})
    assert client.get(given["Location"])["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before the set-up; nobody sends back to the gate.
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert [url for url, _status in setup.redirect_chain] == [
        f"{reverse('account_reauthenticate')}?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    ]
