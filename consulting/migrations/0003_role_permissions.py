"""The consulting app's permissions for the portal's roles."""

from civiccenter.kernel.permission_sync import ensure_permissions, grant
from django.db import migrations

CRUD = ("view", "add", "change")
ROLE_PERMISSIONS = {
    "consultant": [
        "view_consultingtopic",
        "view_consultant",
        "view_booking",
        "change_booking",
        *[f"{a}_{m}" for m in ("consultationlog", "grantreview", "roadmap", "milestone", "expertcouncil") for a in CRUD],
        *[f"{a}_{m}" for m in ("weeklyavailability", "availabilityexception") for a in (*CRUD, "delete")],
        "view_quarterstate",
    ],
    "trainer": ["view_consultingtopic"],
    "coordinator": [
        *[
            f"{a}_{m}"
            for m in (
                "consultingtopic",
                "consultant",
                "weeklyavailability",
                "availabilityexception",
                "booking",
                "consultationlog",
                "grantreview",
                "roadmap",
                "milestone",
                "expertcouncil",
            )
            for a in (*CRUD, "delete")
        ],
        "view_consultationlogrevision",
        "view_quarterstate",
    ],
    "administration": [
        *[
            f"view_{m}"
            for m in (
                "consultingtopic",
                "consultant",
                "booking",
                "consultationlog",
                "consultationlogrevision",
                "grantreview",
                "roadmap",
                "milestone",
                "expertcouncil",
            )
        ],
        "view_quarterstate",
        "add_quarterstate",
        "change_quarterstate",
    ],
}


def assign_roles(apps):
    grant(apps, "consulting", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "consulting")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("consulting", "0002_bookings_hours_reviews"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
