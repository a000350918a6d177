"""The account's part of what the portal holds about a person (see kernel/personal_data.py)."""

from .models import ApiToken, NewsletterConsent, PersonalDataConsent, PublicationConsent, User


def account(user: User) -> dict:
    return {
        "email": user.email,
        "last_name": user.last_name,
        "first_name": user.first_name,
        "patronymic": user.patronymic,
        "phone": user.phone,
        "joined": user.date_joined,
        "last_login": user.last_login,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def consents(user: User) -> dict:
    return {
        "processing": [
            dict(row)
            for row in PersonalDataConsent.objects.filter(user=user)
            .order_by("given_at")
            .values("policy_version", "given_at", "ip_address", "withdrawn_at")
        ],
        "publication_of_name": [
            dict(row)
            for row in PublicationConsent.objects.filter(user=user)
            .order_by("given_at")
            .values("given_at", "withdrawn_at")
        ],
        "newsletters": [
            dict(row)
            for row in NewsletterConsent.objects.filter(user=user)
            .order_by("given_at")
            .values("given_at", "withdrawn_at", "withdrawn_from_letter")
        ],
    }


def api_keys(user: User) -> list[dict]:
    """The person's keys to the API's exports: what each is for and when it was used (the
    key itself is never kept)."""
    return [
        dict(row)
        for row in ApiToken.objects.filter(user=user)
        .order_by("created_at")
        .values("name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at")
    ]


def erase_api_keys(user: User, identity) -> int:
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return deleted


def erase_trail(user: User, identity) -> int:
    """The audit trail keeps who did what, not what the person was called: entries about the
    account lose their values and its name; any other entry whose values or label name the
    person (their e-mail, phone or name) has those hidden."""
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    from civiccenter.kernel import audit
    from civiccenter.kernel.models import AuditEntry

    touched = audit.hide_values(
        User.objects.filter(pk=user.pk),
        tuple(field.name for field in User._meta.concrete_fields),
        label=user.email,
    )
    needles = identity.needles()
    if not needles:
        return touched
    matching = Q()
    for needle in needles:
        matching |= Q(as_text__icontains=needle) | Q(object_label__icontains=needle)
    entries = AuditEntry.objects.annotate(as_text=Cast("changes", TextField())).filter(matching)

    def names(value) -> bool:
        return any(needle.lower() in str(value).lower() for needle in needles)

    for entry in entries:
        entry.changes = {
            name: [audit.HIDDEN if names(v) else v for v in values]
            if isinstance(values, list)
            else values
            for name, values in entry.changes.items()
        }
        if names(entry.object_label):
            entry.object_label = audit.HIDDEN
        entry.save(update_fields=["changes", "object_label"])
        touched += 1
    return touched
