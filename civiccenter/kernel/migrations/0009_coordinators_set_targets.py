"""Coordinators set the quarter's targets on a portal page: they need to add a quarter's row,
not only change one (found: a coordinator got 403 and only a superuser could set a target)."""

from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

ROLE_PERMISSIONS = {"coordinator": ["add_quarterlytarget"]}


def forwards(apps, schema_editor):
    ensure_permissions(apps, "civiccenter")
    grant(apps, "civiccenter", ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("civiccenter", "0008_quarterly_targets_of_every_indicator")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
