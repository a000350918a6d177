"""Coordinators give people their roles on a portal page («Люди и роли»); the city
administration no longer reads accounts or consents (152-FZ: it needs the figures, not who
is behind them)."""

from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant


def forwards(apps, schema_editor):
    ensure_permissions(apps, "accounts")
    grant(apps, "accounts", {"coordinator": ["view_user", "change_user"]})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administration = Group.objects.filter(name="administration").first()
    if administration is not None:
        administration.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="accounts",
                codename__in=["view_user", "view_personaldataconsent"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_the_admin_is_for_superusers")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
