"""The Django admin is a superuser's repair tool: the portal's roles no longer open it, so
accounts given is_staff by a role lose it (superusers keep it)."""

from django.db import migrations


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(is_staff=True, is_superuser=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_validated_phones_links_and_dates")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
