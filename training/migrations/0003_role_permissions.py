"""The training app's permissions for the portal's roles."""

from civiccenter.kernel.permission_sync import ensure_permissions, grant
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
    grant(apps, "training", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "training")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_sessions_enrolment_attendance"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
