from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

ROLE_PERMISSIONS = {
    "coordinator": ["view_quarterlyreport", "add_quarterlyreport", "view_quarterlytarget", "change_quarterlytarget"],
    "consultant": ["view_quarterlyreport"],
    "trainer": ["view_quarterlyreport"],
    "administration": [
        "view_quarterlyreport", "add_quarterlyreport", "view_quarterlytarget", "add_quarterlytarget",
        "change_quarterlytarget",
    ],
}


def assign_roles(apps):
    grant(apps, "civiccenter", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "civiccenter")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("civiccenter", "0002_quarterly_report"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
