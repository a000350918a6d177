"""The consulting app's permissions for the portal's roles."""

from django.contrib.auth.management import create_permissions
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
    """Safe to run again (the browser tests do, after a transactional test has emptied the
    database)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="consulting", codename__in=codenames)
        )


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("consulting")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("consulting", "0002_bookings_hours_reviews"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
