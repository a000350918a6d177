"""Granting model permissions to the portal's roles from data migrations.

Each app's migration keeps its own frozen table of {role: [codename, …]} and calls these
functions with the migration's historical `apps`; the browser tests call the same migration
functions again after a transactional test has emptied the database.
"""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions


def ensure_permissions(apps: Apps, app_label: str) -> None:
    """Permissions are normally created after all migrations; make sure they exist now."""
    app_config = apps.get_app_config(app_label)
    # create_permissions skips an app without a models module; a historical app has none.
    app_config.models_module = True  # type: ignore[assignment]
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps: Apps, app_label: str, role_permissions: dict[str, list[str]]) -> None:
    """Creates the role groups if needed and adds the app's permissions to them (idempotent)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in role_permissions.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
