"""The consultation log summed ahead: per day and topic, per day and consultant, per quarter
and initiative (a quarter's totals over 5 million entries took 5 s)."""

import django.db.models.deletion
from django.db import migrations, models


# The log's sums as they stand; consulting/rollups.py keeps them from now on (its
# REBUILD_SQL is this statement, frozen here as it was when the tables were made).
SUMS_FROM_THE_LOG = """
DELETE FROM consulting_dailytopictotal;
DELETE FROM consulting_dailyconsultanttotal;
DELETE FROM consulting_quarterinitiativetotal;
INSERT INTO consulting_dailytopictotal (day, topic_id, minutes, sessions, people)
SELECT held_on, topic_id, SUM(duration_minutes), COUNT(*), SUM(people_count)
FROM consulting_consultationlog GROUP BY held_on, topic_id;
INSERT INTO consulting_dailyconsultanttotal (day, consultant_id, minutes, sessions)
SELECT l.held_on, c.consultant_id, SUM(l.duration_minutes), COUNT(*)
FROM consulting_consultationlog l
JOIN consulting_consultationlog_consultants c ON c.consultationlog_id = l.id
GROUP BY l.held_on, c.consultant_id;
INSERT INTO consulting_quarterinitiativetotal (quarter_start, organisation_id, minutes, sessions)
SELECT date_trunc('quarter', l.held_on)::date, o.organisation_id,
       SUM(l.duration_minutes), COUNT(*)
FROM consulting_consultationlog l
JOIN consulting_consultationlog_organisations o ON o.consultationlog_id = l.id
GROUP BY 1, o.organisation_id;
"""


def sums_from_the_log(apps, schema_editor):
    schema_editor.execute(SUMS_FROM_THE_LOG)
    schema_editor.execute(
        "ANALYZE consulting_dailytopictotal, consulting_dailyconsultanttotal, "
        "consulting_quarterinitiativetotal"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('consulting', '0008_consulting_figures_permission'),
        ('initiatives', '0014_link_networks_video'),
    ]

    operations = [
        migrations.CreateModel(
            name='DailyConsultantTotal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('minutes', models.IntegerField()),
                ('sessions', models.IntegerField()),
                ('consultant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='consulting.consultant')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('day', 'consultant'), name='daily_consultant_total_unique')],
            },
        ),
        migrations.CreateModel(
            name='DailyTopicTotal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('minutes', models.IntegerField()),
                ('sessions', models.IntegerField()),
                ('people', models.IntegerField()),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='consulting.consultingtopic')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('day', 'topic'), name='daily_topic_total_unique')],
            },
        ),
        migrations.CreateModel(
            name='QuarterInitiativeTotal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quarter_start', models.DateField()),
                ('minutes', models.IntegerField()),
                ('sessions', models.IntegerField()),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='initiatives.organisation')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('quarter_start', 'organisation'), name='quarter_initiative_total_unique')],
            },
        ),
        migrations.RunPython(sums_from_the_log, migrations.RunPython.noop),
    ]
