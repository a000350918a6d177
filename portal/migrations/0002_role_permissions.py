from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

# The roles' permissions on the models that moved here (granted before, kept by the move;
# granted again for a database made from scratch, and for the tests).
ROLE_PERMISSIONS = {
    "coordinator": [
        "view_quarterlyreport",
        "add_quarterlyreport",
        *(f"{a}_{m}" for m in ("practicepassport", "passportversion") for a in ("view", "add", "change")),
    ],
    "consultant": ["view_quarterlyreport", "view_practicepassport", "add_practicepassport"],
    "trainer": ["view_quarterlyreport", "view_practicepassport", "add_practicepassport"],
    "administration": [
        "view_quarterlyreport",
        "add_quarterlyreport",
        "view_practicepassport",
        "view_passportversion",
    ],
}


def assign_roles(apps):
    grant(apps, "portal", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "portal")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_moved_reports_and_passports"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
