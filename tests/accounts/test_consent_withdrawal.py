from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import PersonalDataConsent, User
from accounts.tasks import anonymise_withdrawn_accounts

pytestmark = pytest.mark.django_db


@pytest.fixture
def consenting_activist(make_user):
    activist = make_user("activist", consented=False)
    services.consent_record(user=activist, ip_address="10.0.0.7")
    return activist


def test_withdrawal_from_the_profile_deactivates_at_once(client, consenting_activist):
    client.force_login(consenting_activist)

    response = client.post(reverse("accounts:consent_withdraw"), {"confirm": "on"}, follow=True)

    consenting_activist.refresh_from_db()
    assert not consenting_activist.is_active
    assert consenting_activist.anonymised_at is None
    assert PersonalDataConsent.objects.get(user=consenting_activist).withdrawn_at is not None
    assert "_auth_user_id" not in client.session
    assert "будут обезличены в течение 30 дней" in response.content.decode()


def test_withdrawal_needs_the_confirmation_box(client, consenting_activist):
    client.force_login(consenting_activist)

    response = client.post(reverse("accounts:consent_withdraw"), {})

    assert response.status_code == 200
    assert "Отметьте флажок, чтобы подтвердить отзыв согласия." in response.content.decode()
    consenting_activist.refresh_from_db()
    assert consenting_activist.is_active


def test_withdrawal_is_post_only(client, consenting_activist):
    client.force_login(consenting_activist)

    assert client.get(reverse("accounts:consent_withdraw")).status_code == 405


def test_personal_data_is_anonymised_within_30_days(consenting_activist):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        services.consent_withdraw(user=consenting_activist, ip_address="10.0.0.8")

    with time_machine.travel(start + timedelta(days=28), tick=False):
        assert anonymise_withdrawn_accounts.delay().get() == []
    consenting_activist.refresh_from_db()
    assert consenting_activist.email.endswith("@example.org")

    with time_machine.travel(start + timedelta(days=30), tick=False):
        assert anonymise_withdrawn_accounts.delay().get() == [consenting_activist.pk]
        # A second sweep finds nothing more to do.
        assert anonymise_withdrawn_accounts.delay().get() == []

    user = User.objects.get(pk=consenting_activist.pk)
    assert user.email == f"anonymised-{user.pk}@anonymised.invalid"
    assert (user.first_name, user.last_name, user.phone) == ("", "", "")
    assert not user.has_usable_password()
    assert user.anonymised_at is not None
    assert not EmailAddress.objects.filter(user=user).exists()
    consent = PersonalDataConsent.objects.get(user=user)
    assert consent.ip_address is None and consent.withdrawal_ip_address is None
    assert consent.policy_version  # the fact of consent stays on record


def test_active_accounts_are_never_anonymised(consenting_activist):
    with time_machine.travel(timezone.now() + timedelta(days=400), tick=False):
        assert services.anonymise_due_accounts() == []


def test_signing_up_again_reopens_a_withdrawn_account_until_the_sweep(
    client, django_capture_on_commit_callbacks, time_machine
):
    from django.core import mail

    from accounts.services import anonymise_due_accounts, consent_withdraw
    from tests.accounts.signup_data import SIGNUP

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), SIGNUP)
    person = User.objects.get(email=SIGNUP["email"])
    EmailAddress.objects.filter(user=person).update(verified=True)
    consent_withdraw(user=person, ip_address=None)
    mail.outbox.clear()

    time_machine.move_to(timezone.now() + timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                **SIGNUP,
                "password1": "another-horse-staple-9",
                "password2": "another-horse-staple-9",
            },
            REMOTE_ADDR="10.1.2.4",
        )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_active and person.check_password("another-horse-staple-9")
    assert User.objects.filter(email=SIGNUP["email"]).count() == 1  # the same account
    consents = list(person.consents.order_by("given_at").values_list("withdrawn_at", "ip_address"))
    assert consents[0][0] is not None and consents[1] == (None, "10.1.2.4")
    # The address is confirmed again before anyone can sign in with the new password.
    assert not EmailAddress.objects.get(user=person).verified
    assert "/accounts/confirm-email/" in mail.outbox[-1].body
    time_machine.move_to(timezone.now() + timedelta(days=40))
    assert anonymise_due_accounts() == []
