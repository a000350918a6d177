"""Each event gets its own site plan: the fixed list of zones becomes zones the staff name per
event. Existing programme points keep their zone, under the name it had in Russian. Events
also get a cancellation time and a registration deadline."""

import django.db.models.deletion
from django.db import migrations, models

OLD_ZONES = {
    "stage": "Сцена",
    "art_workshop": "Арт-мастерская",
    "children": "Детская площадка",
    "cafe": "Кафе",
    "books": "Книжная лавка",
    "lounge": "Шезлонги и скамейки",
    "installation": "Инсталляция",
    "navigation": "Стойка навигации",
    "hall": "Зал",
    "room": "Аудитория",
}


def zones_from_the_old_list(apps, schema_editor):
    AgendaItem = apps.get_model("events", "AgendaItem")
    SiteZone = apps.get_model("events", "SiteZone")
    zones = {}
    for item in AgendaItem.objects.order_by("event_id", "starts_at", "id"):
        key = (item.event_id, item.old_zone)
        if key not in zones:
            position = sum(1 for event_id, _code in zones if event_id == item.event_id)
            zones[key] = SiteZone.objects.create(
                event_id=item.event_id,
                name=OLD_ZONES.get(item.old_zone, item.old_zone),
                position=position,
            )
        item.zone = zones[key]
        item.save(update_fields=["zone"])


class Migration(migrations.Migration):
    dependencies = [("events", "0006_constraint_messages")]

    operations = [
        migrations.CreateModel(
            name="SiteZone",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="zone")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="where it is")),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position on the plan")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="zones", to="events.event"
                    ),
                ),
            ],
            options={
                "verbose_name": "zone of the site plan",
                "verbose_name_plural": "site plan",
                "ordering": ["position", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("event", "name"),
                        name="one_zone_name_per_event",
                        violation_error_message="The site plan already has a zone of that name.",
                    )
                ],
            },
        ),
        migrations.RenameField("agendaitem", "zone", "old_zone"),
        migrations.AddField(
            model_name="agendaitem",
            name="zone",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="items",
                to="events.sitezone",
                verbose_name="zone",
            ),
        ),
        migrations.RunPython(zones_from_the_old_list, migrations.RunPython.noop),
        migrations.RemoveField("agendaitem", "old_zone"),
        migrations.AddField(
            model_name="agendaitem",
            name="audience",
            field=models.CharField(blank=True, max_length=255, verbose_name="audience"),
        ),
        migrations.AddField(
            model_name="event",
            name="registration_closes_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Empty: registration stays open until the event ends.",
                null=True,
                verbose_name="registration closes",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="cancelled_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="cancelled"),
        ),
    ]
