"""Creates the portal's roles as groups, with the model permissions each role needs.

Later apps grant their own permissions in their own migrations, with `grant` below as a model.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "activist": [],
    "consultant": [
        "consulting.view_consultingtopic",
        "initiatives.view_organisation",
        "initiatives.view_organisationlink",
    ],
    "trainer": [
        "training.view_programme",
        "training.change_programme",
        "initiatives.view_organisation",
    ],
    "coordinator": [
        f"{app}.{action}_{model}"
        for app, model in [
            ("initiatives", "organisation"),
            ("initiatives", "organisationlink"),
            ("consulting", "consultingtopic"),
            ("training", "programme"),
            ("events", "event"),
        ]
        for action in ("view", "add", "change", "delete")
    ],
    "administration": [
        "accounts.view_user",
        "accounts.view_personaldataconsent",
        "initiatives.view_organisation",
        "initiatives.view_organisationlink",
        "consulting.view_consultingtopic",
        "training.view_programme",
        "events.view_event",
    ],
}


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; make sure they exist now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def assign_roles(apps):
    """Creates the groups and gives them their permissions; safe to run again (the browser
    tests do, after a transactional test has emptied the database)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def grant(apps, schema_editor):
    ensure_permissions(apps)
    assign_roles(apps)


def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("initiatives", "0001_initial"),
        ("consulting", "0001_initial"),
        ("training", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
