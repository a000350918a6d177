"""Publications in the media are logged one by one (outlet, date, link, event or initiative)
instead of a count in an event's outcomes. Each counted publication becomes a row dated on
the event's day, so no quarter's figure changes; the coordinators may then fill in the
outlets. Coordinators log them, the administration sees them."""

import civiccenter.kernel.quarters
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from civiccenter.kernel.permission_sync import ensure_permissions, grant

OUTLET_UNKNOWN = "Не указано (из итогов мероприятия)"
ROLE_PERMISSIONS = {
    "coordinator": [f"{a}_mediapublication" for a in ("view", "add", "change", "delete")],
    "administration": ["view_mediapublication"],
}


def assign_roles(apps):
    grant(apps, "events", ROLE_PERMISSIONS)


def counts_to_rows(apps, schema_editor):
    Outcome = apps.get_model("events", "Outcome")
    MediaPublication = apps.get_model("events", "MediaPublication")
    for outcome in Outcome.objects.filter(media_publications__gt=0).select_related("event"):
        day = timezone.localtime(outcome.event.starts_at).date()
        MediaPublication.objects.bulk_create(
            MediaPublication(outlet=OUTLET_UNKNOWN, published_on=day, event=outcome.event)
            for _ in range(outcome.media_publications)
        )


def rows_to_counts(apps, schema_editor):
    Outcome = apps.get_model("events", "Outcome")
    MediaPublication = apps.get_model("events", "MediaPublication")
    for outcome in Outcome.objects.all():
        outcome.media_publications = MediaPublication.objects.filter(event=outcome.event).count()
        outcome.save(update_fields=["media_publications"])


def permissions(apps, schema_editor):
    ensure_permissions(apps, "events")
    assign_roles(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0011_event_time_zone'),
        ('initiatives', '0014_link_networks_video'),
        ('accounts', '0002_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='MediaPublication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('outlet', models.CharField(max_length=255, verbose_name='media outlet')),
                ('published_on', models.DateField(validators=[civiccenter.kernel.quarters.validate_not_in_future], verbose_name='published on')),
                ('url', models.URLField(blank=True, max_length=500, verbose_name='link')),
                ('headline', models.CharField(blank=True, max_length=255, verbose_name='headline')),
                ('logged_at', models.DateTimeField(auto_now_add=True, verbose_name='logged at')),
                ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='media_publications', to='events.event', verbose_name='event')),
                ('logged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='logged by')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='media_publications', to='initiatives.organisation', verbose_name='initiative')),
            ],
            options={
                'verbose_name': 'media publication',
                'verbose_name_plural': 'media publications',
                'ordering': ['-published_on', '-id'],
                'indexes': [models.Index(fields=['published_on'], name='media_published_on')],
            },
        ),
        migrations.RunPython(counts_to_rows, rows_to_counts),
        migrations.RemoveField(
            model_name='outcome',
            name='media_publications',
        ),
        migrations.RunPython(permissions, migrations.RunPython.noop),
    ]
