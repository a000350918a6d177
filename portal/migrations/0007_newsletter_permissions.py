from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

# Coordinators write and send the newsletters; the administration sees them and their counts.
ROLE_PERMISSIONS = {
    "coordinator": ["view_newsletter", "add_newsletter", "change_newsletter"],
    "administration": ["view_newsletter"],
}


def assign_roles(apps):
    grant(apps, "portal", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    ensure_permissions(apps, "portal")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_newsletters"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
