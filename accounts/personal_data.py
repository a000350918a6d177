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
