"""The training app's permissions for the portal's roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["programme", "trainer", "session", "sessionday", "enrolment", "attendance", "feedback", "certificate"]
ROLE_PERMISSIONS = {
    "trainer": [
        "view_programme",
        "change_programme",
        "view_trainer",
        *[f"{a}_{m}" for m in ("session", "sessionday") for a in ("view", "add", "change")],
        "view_enrolment",
        *[f"{a}_attendance" for a in ("view", "add", "change")],
        "view_feedback",
    ],
    "coordinator": [f"{a}_{m}" for m in MODELS for a in ("view", "add", "change", "delete")],
    "administration": [f"view_{m}" for m in MODELS],
    "consultant": ["view_programme"],
}


def assign_roles(apps):
    """Safe to run again (the browser tests do, after a transactional test has emptied the
    database)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="training", codename__in=codenames)
        )


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("training")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_sessions_enrolment_attendance"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
