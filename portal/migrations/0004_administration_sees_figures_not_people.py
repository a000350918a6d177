"""The city administration sees figures, not people (152-FZ; the privacy policy promises
depersonalised reports): it loses the view permissions on rows that name a person — bookings,
the consultation log and its revisions, registrations, enrolments, attendance, certificates,
team memberships, invitations, the registry's change records, game places, votes, supports and
comments — and keeps the quarter's totals through `view_consulting_figures`."""

from django.db import migrations

from civiccenter.kernel.permission_sync import ensure_permissions, grant

TAKEN_FROM_ADMINISTRATION = {
    "consulting": ["view_booking", "view_consultationlog", "view_consultationlogrevision"],
    "events": [
        "view_registration",
        "view_gameparticipant",
        "view_questionsupport",
        "view_publicvote",
        "view_reportcomment",
    ],
    "initiatives": ["view_invitation", "view_membership", "view_changerecord"],
    "training": ["view_attendance", "view_enrolment", "view_certificate"],
}
FIGURES = {role: ["view_consulting_figures"] for role in ("coordinator", "consultant", "administration")}


def assign_roles(apps):
    """Safe to run again (the browser tests do, after a transactional test has emptied the
    database)."""
    grant(apps, "consulting", FIGURES)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administration = Group.objects.filter(name="administration").first()
    if administration is None:
        return
    for app_label, codenames in TAKEN_FROM_ADMINISTRATION.items():
        administration.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def forwards(apps, schema_editor):
    ensure_permissions(apps, "consulting")
    assign_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_passport_approval"),
        ("accounts", "0007_publication_consent"),
        ("consulting", "0008_consulting_figures_permission"),
        ("events", "0011_event_time_zone"),
        ("initiatives", "0014_link_networks_video"),
        ("training", "0006_trainer_publication_consent"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
