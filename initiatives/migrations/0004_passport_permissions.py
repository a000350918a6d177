from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

ROLE_PERMISSIONS = {
    "coordinator": [f"{a}_{m}" for m in ("practicepassport", "passportversion") for a in ("view", "add", "change")],
    "consultant": ["view_practicepassport", "add_practicepassport"],
    "trainer": ["view_practicepassport", "add_practicepassport"],
    "administration": ["view_practicepassport", "view_passportversion"],
}


def assign_roles(apps):
    grant(apps, "initiatives", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "initiatives")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0003_practice_passports"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
