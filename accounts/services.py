"""Account rules: activist registration with 152-FZ consent, withdrawal, anonymisation."""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from civiccenter.kernel import audit, erasure_journal, personal_data, unsubscribe

from . import access
from .models import NewsletterConsent, PersonalDataConsent, PublicationConsent, User
from .roles import Role
from .signals import consent_withdrawn

NEWSLETTER_SCOPE = "newsletters"


@transaction.atomic
def activist_register(*, user: User, ip_address: str | None) -> User:
    """A person who signs up is an activist, and their consent is recorded with it."""
    user.groups.add(Group.objects.get(name=Role.ACTIVIST))
    access.forget(user)
    consent_record(user=user, ip_address=ip_address)
    return user


@transaction.atomic
def consent_record(*, user: User, ip_address: str | None) -> PersonalDataConsent:
    """Records a consent to the current version of the processing policy."""
    consent = PersonalDataConsent.objects.create(
        user=user,
        policy_version=settings.PERSONAL_DATA_POLICY_VERSION,
        given_at=timezone.now(),
        ip_address=ip_address,
    )
    audit.record(
        user,
        actor=user,
        action="consent_given",
        changes={"policy_version": [None, consent.policy_version]},
    )
    return consent


def active_consent(user: User) -> PersonalDataConsent | None:
    return user.consents.filter(withdrawn_at__isnull=True).order_by("-given_at").first()


def consent_is_current(user: User) -> bool:
    """The person consented to the policy now in force (accounts made by staff have no consent
    yet, and a new policy version asks everyone again)."""
    return user.consents.filter(
        withdrawn_at__isnull=True, policy_version=settings.PERSONAL_DATA_POLICY_VERSION
    ).exists()


@transaction.atomic
def consent_withdraw(*, user: User, ip_address: str | None) -> User:
    """Withdrawal deactivates the account and stops processing at once; anonymisation follows
    within 30 days.

    Every app above cancels the person's live bookings, registrations and enrolments through
    `consent_withdrawn` (places go to the waitlist). The sweep `anonymise_due_accounts` does
    the anonymisation, so that a withdrawal made by mistake can still be discussed with the
    centre before the data is gone.
    """
    now = timezone.now()
    user.consents.filter(withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawal_ip_address=ip_address
    )
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record(user, actor=user, action="consent_withdrawn")
    consent_withdrawn.send(sender=User, user=user)
    return user


@transaction.atomic
def publication_consent_set(*, user: User, publishes: bool) -> User:
    """Gives or withdraws the consent to the publication of one's name (art. 10.1); public
    pages show the name from then on, or «a consultant of the centre» and the like."""
    if publishes == user.publishes_name:
        return user
    now = timezone.now()
    if publishes:
        PublicationConsent.objects.create(user=user, given_at=now)
    else:
        user.publication_consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    user.publishes_name = publishes
    user.save(update_fields=["publishes_name"])
    audit.record(
        user,
        actor=user,
        action="publication_consent",
        changes={"publishes_name": [not publishes, publishes]},
    )
    return user


@transaction.atomic
def newsletter_consent_set(*, user: User, receives: bool, from_letter: bool = False) -> User:
    """Gives or withdraws the consent to the centre's newsletters; `from_letter`: withdrawn by
    the link of a newsletter, without signing in. The newsletters go only to people whose
    consent stands at the moment each letter is written."""
    if receives == user.receives_newsletters:
        return user
    now = timezone.now()
    if receives:
        NewsletterConsent.objects.create(user=user, given_at=now)
    else:
        user.newsletter_consents.filter(withdrawn_at__isnull=True).update(
            withdrawn_at=now, withdrawn_from_letter=from_letter
        )
    user.receives_newsletters = receives
    user.save(update_fields=["receives_newsletters"])
    audit.record(
        user,
        actor=user,
        action="newsletter_consent",
        changes={"receives_newsletters": [not receives, receives]},
    )
    return user


def newsletter_unsubscribe(token: str) -> User | None:
    """One click in a newsletter withdraws the consent to newsletters. Returns the person, or
    None for a token that is not genuine."""
    user = unsubscribe.person_from(token, NEWSLETTER_SCOPE)
    if user is not None:
        newsletter_consent_set(user=user, receives=False, from_letter=True)
    return user


def newsletter_unsubscribe_url(user: User) -> str:
    return unsubscribe.unsubscribe_url("accounts:newsletter_unsubscribe", user.pk, NEWSLETTER_SCOPE)


def withdrawn_account(email: str) -> User | None:
    """The account of this address whose consent was withdrawn and which is not anonymised
    yet: signing up again with its address reopens it (`withdrawn_account_reopen`)."""
    return (
        User.objects.filter(
            email__iexact=email,
            is_active=False,
            anonymised_at__isnull=True,
            consents__withdrawn_at__isnull=False,
        )
        .exclude(consents__withdrawn_at__isnull=True)
        .first()
    )


@transaction.atomic
def withdrawn_account_reopen(
    *, user: User, last_name: str, first_name: str, password: str, ip_address: str | None
) -> User:
    """A withdrawal is reversible until the sweep anonymises the account: the person signs up
    again with the same address, gives a new consent, sets a new password and confirms the
    address again before they can sign in (whoever typed it must own the mailbox). What the
    withdrawal cancelled stays cancelled."""
    user.last_name, user.first_name = last_name, first_name
    user.set_password(password)
    user.is_active = True
    user.save()
    EmailAddress.objects.filter(user=user).update(verified=False)
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    consent_record(user=user, ip_address=ip_address)
    audit.record(user, actor=user, action="account_reopened")
    return user


def anonymisation_due_at(withdrawn_at: datetime) -> datetime:
    return withdrawn_at + timedelta(days=settings.PERSONAL_DATA_ANONYMISE_AFTER_DAYS)


@transaction.atomic
def user_anonymise(*, user: User, journal: bool = True) -> User:
    """Replaces every personal field with a placeholder and removes sign-in credentials.

    Consent rows are kept (date and policy version prove the consent that was given), but
    their IP addresses are erased with the rest. Every app then erases what it holds about
    the person beyond this row (`personal_data.register_eraser`), in the same transaction.
    The erasure journal gets a line first (`journal`: False when a restore replays it), so
    that a restore of an older backup erases the person again.
    """
    identity = personal_data.Identity(
        email=user.email,
        phone=user.phone,
        full_name=user.get_full_name().strip(),
        last_name=user.last_name,
        first_name=user.first_name,
    )
    user.email = f"anonymised-{user.pk}@anonymised.invalid"
    user.first_name = user.last_name = user.patronymic = user.phone = ""
    user.publishes_name = False
    user.receives_newsletters = False
    user.is_active = False
    user.set_unusable_password()
    user.anonymised_at = timezone.now()
    if journal:
        erasure_journal.append("account", user.pk, at=user.anonymised_at)
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.consents.update(ip_address=None, withdrawal_ip_address=None)
    erased = personal_data.erase(user, identity)
    audit.record(
        user,
        actor=None,
        action="anonymised",
        label=user.email,
        changes={name: [None, count] for name, count in erased.items()},
    )
    return user


def anonymise_again(pk: int) -> bool:
    """The replay of a journal line after a restore: the account, if the backup had it still
    unanonymised, is anonymised again with everything every app holds about it."""
    user = User.objects.filter(pk=pk, anonymised_at__isnull=True).first()
    if user is None:
        return False
    user_anonymise(user=user, journal=False)
    return True


def anonymise_due_accounts(*, now: datetime | None = None) -> list[int]:
    """Anonymises every account whose consent was withdrawn long enough ago.

    Safe to run any number of times: an anonymised account is never picked again, and an
    account that gave consent again after withdrawing is left alone.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PERSONAL_DATA_ANONYMISE_AFTER_DAYS)
    due = (
        User.objects.filter(
            anonymised_at__isnull=True,
            is_active=False,
            consents__withdrawn_at__lte=cutoff,
        )
        .exclude(consents__withdrawn_at__isnull=True)
        .distinct()
    )
    done = []
    for user in due.iterator():
        user_anonymise(user=user)
        done.append(user.pk)
    return done


@transaction.atomic
def user_set_roles(*, user: User, roles: list[str], actor: User | None = None) -> User:
    """Gives the user exactly these roles. No role opens the Django admin: it is a repair tool
    of superusers (found: the administration's role read e-mails in its user list and the
    consultants' private notes in the log); every staff task has a portal page."""
    before = sorted(user.groups.values_list("name", flat=True))
    user.groups.set(Group.objects.filter(name__in=roles))
    user.is_staff = user.is_superuser
    user.save(update_fields=["is_staff"])
    access.forget(user)
    after = sorted(user.groups.values_list("name", flat=True))
    if after != before:
        audit.record(user, actor=actor, action="roles", changes={"groups": [before, after]})
    return user
