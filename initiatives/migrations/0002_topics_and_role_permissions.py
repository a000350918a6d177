"""The starting list of topics, and the registry's permissions for the portal's roles."""

from civiccenter.kernel.permission_sync import ensure_permissions, grant
from django.db import migrations

TOPICS = [
    ("Экология", "Ecology"),
    ("Культура", "Culture"),
    ("Образование", "Education"),
    ("Социальная поддержка", "Social support"),
    ("Городская среда", "Urban environment"),
    ("Спорт", "Sport"),
    ("IT", "IT"),
    ("Краеведение", "Local history"),
    ("Дети и семья", "Children and family"),
    ("Животные", "Animals"),
    ("Добровольчество", "Volunteering"),
    ("Искусство", "Art"),
    ("Музыка", "Music"),
]

MODELS = [
    "organisation",
    "organisationlink",
    "topic",
    "district",
    "relation",
    "grant",
    "partnership",
    "statuschange",
    "headcountrecord",
    "changerecord",
    "membership",
    "invitation",
    "importjob",
]

ROLE_PERMISSIONS = {
    "coordinator": [f"{action}_{model}" for model in MODELS for action in ("view", "add", "change")]
    + [
        "delete_topic",
        "delete_district",
        "moderate_organisation",
        "import_organisation",
        "export_organisation",
        "view_registry_analytics",
    ],
    "consultant": ["view_registry_analytics", "view_grant", "view_partnership"],
    "trainer": ["view_registry_analytics"],
    "administration": [f"view_{model}" for model in MODELS if model != "importjob"]
    + ["view_registry_analytics", "export_organisation"],
}


def seed_topics(apps):
    Topic = apps.get_model("initiatives", "Topic")
    for position, (name, name_en) in enumerate(TOPICS):
        Topic.objects.get_or_create(name=name, defaults={"name_en": name_en, "position": position})


def assign_roles(apps):
    grant(apps, "initiatives", ROLE_PERMISSIONS)


def forwards(apps, schema_editor):
    seed_topics(apps)
    ensure_permissions(apps, "initiatives")
    assign_roles(apps)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLE_PERMISSIONS.items():
        for group in Group.objects.filter(name=role):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="initiatives", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
