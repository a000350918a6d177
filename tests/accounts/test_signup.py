import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import PersonalDataConsent, User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "last_name": "Соколова",
    "first_name": "Анна",
    "email": "anna@example.org",
    "password1": "Trudno-ugadat-2026",
    "password2": "Trudno-ugadat-2026",
}


def test_signup_without_consent_is_refused_in_russian_and_keeps_the_input(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Без согласия на обработку персональных данных мы не можем создать" in html
    assert 'value="anna@example.org"' in html
    assert 'value="Соколова"' in html
    assert not User.objects.exists()


def test_signup_form_offers_an_unticked_consent_linking_to_the_policy(client):
    html = client.get(reverse("account_signup")).content.decode()

    assert 'name="personal_data_consent"' in html
    assert 'name="personal_data_consent" checked' not in html
    assert f'href="{reverse("privacy")}"' in html


def test_signup_records_consent_role_and_sends_verification_email(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {**SIGNUP, "personal_data_consent": "on"},
            REMOTE_ADDR="10.1.2.3",
        )

    assert response.status_code == 302
    user = User.objects.get(email="anna@example.org")
    assert (user.last_name, user.first_name) == ("Соколова", "Анна")
    assert list(user.groups.values_list("name", flat=True)) == ["activist"]
    consent = PersonalDataConsent.objects.get(user=user)
    assert consent.policy_version == settings.PERSONAL_DATA_POLICY_VERSION
    assert consent.ip_address == "10.1.2.3"
    assert consent.withdrawn_at is None
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_unverified_activist_cannot_log_in(client):
    client.post(reverse("account_signup"), {**SIGNUP, "personal_data_consent": "on"})
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link(client, activist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": activist.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_login_is_locked_after_repeated_failures_even_with_the_right_password(client, activist):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": activist.email, "password": "wrong"})

    response = client.post(
        reverse("account_login"), {"login": activist.email, "password": "correct-horse-battery"}
    )

    assert response.status_code == 200
    assert "Слишком много неудачных попыток входа" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_attempts_from_one_address_are_rate_limited(client):
    statuses = {
        client.post(
            reverse("account_login"), {"login": f"guess{n}@example.org", "password": "x"}
        ).status_code
        for n in range(32)
    }

    # Thirty sign-in attempts a minute per IP address, then allauth answers 429.
    assert 429 in statuses
