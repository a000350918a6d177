"""The account's part of what the portal holds about a person (see kernel/personal_data.py)."""

from .models import PersonalDataConsent, User


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


def consents(user: User) -> list[dict]:
    return [
        dict(row)
        for row in PersonalDataConsent.objects.filter(user=user)
        .order_by("given_at")
        .values("policy_version", "given_at", "ip_address", "withdrawn_at")
    ]


def erase_trail(user: User, identity) -> int:
    """The audit trail keeps who did what, not what the person was called: entries about the
    account lose their values, and any entry whose values name the person (their e-mail,
    phone or full name) has those values hidden."""
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    from civiccenter.kernel import audit
    from civiccenter.kernel.models import AuditEntry

    needles = [value for value in (identity.email, identity.phone, identity.full_name) if value]
    if not needles:
        return 0
    matching = Q()
    for needle in needles:
        matching |= Q(as_text__icontains=needle)
    entries = AuditEntry.objects.annotate(as_text=Cast("changes", TextField())).filter(matching)
    touched = 0
    for entry in entries:
        entry.changes = {
            name: [
                audit.HIDDEN if any(n.lower() in str(v).lower() for n in needles) else v
                for v in values
            ]
            if isinstance(values, list)
            else values
            for name, values in entry.changes.items()
        }
        entry.save(update_fields=["changes"])
        touched += 1
    return touched
