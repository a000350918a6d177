"""The events app's permissions for the portal's roles."""

from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

MODELS = [
    "event", "eventseries", "agendaitem", "partner", "registration", "stand", "question",
    "questionsupport", "commitment", "standreport", "reportcomment", "juryscore", "publicvote",
    "gameparticipant", "team", "outcome",
]
ROLE_PERMISSIONS = {
    "coordinator": [f"{a}_{m}" for m in MODELS for a in ("view", "add", "change", "delete")],
    "administration": [f"view_{m}" for m in MODELS] + ["change_commitment"],
    "consultant": ["view_event", "change_registration"],
    "trainer": ["view_event", "change_registration"],
}


def assign_roles(apps):
    grant(apps, "events", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "events")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_programme_registration_meetings_posters_games"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
