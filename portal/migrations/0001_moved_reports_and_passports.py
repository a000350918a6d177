"""The quarterly report (from the kernel) and the practice passports (from the registry) join
the top app; their tables keep their names, only Django's state and content types move."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """The models' content types (and so their permissions, which groups hold) follow them
    to the portal app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old_app, model in MOVED:
        old = ContentType.objects.filter(app_label=old_app, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label="portal", model=model).first()
        if new is None:
            old.app_label = "portal"
            old.save(update_fields=["app_label"])
            continue
        taken = set(Permission.objects.filter(content_type=new).values_list("codename", flat=True))
        Permission.objects.filter(content_type=old).exclude(codename__in=taken).update(
            content_type=new
        )
        old.delete()


MOVED = [
    ("civiccenter", "quarterlyreport"),
    ("initiatives", "practicepassport"),
    ("initiatives", "passportversion"),
]


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('initiatives', '0008_constraint_messages'),
        ('civiccenter', '0004_constraint_messages'),
        ('events', '0006_constraint_messages'),
        ('training', '0005_constraint_messages'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PracticePassport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=500, verbose_name='name of the practice')),
                        ('territory', models.CharField(blank=True, max_length=255, verbose_name='territory')),
                        ('donor_practice', models.TextField(blank=True, verbose_name='donor practice')),
                        ('preconditions', models.TextField(blank=True, verbose_name='preconditions')),
                        ('period', models.CharField(blank=True, max_length=255, verbose_name='period')),
                        ('indicators_before', models.TextField(blank=True, verbose_name='socio-economic indicators before')),
                        ('goals', models.TextField(blank=True, verbose_name='goal and tasks')),
                        ('taking_part', models.PositiveIntegerField(blank=True, null=True, verbose_name='citizens taking part')),
                        ('reached', models.PositiveIntegerField(blank=True, null=True, verbose_name='citizens reached')),
                        ('business_model', models.TextField(blank=True, verbose_name='business model')),
                        ('description', models.TextField(blank=True, verbose_name='short description')),
                        ('indicators_after', models.TextField(blank=True, verbose_name='socio-economic indicators after')),
                        ('team_leader', models.TextField(blank=True, verbose_name='team leader')),
                        ('tables', models.JSONField(blank=True, default=dict, verbose_name='tables')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', max_length=16, verbose_name='status')),
                        ('version', models.PositiveIntegerField(default=1)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('pdf', models.FileField(blank=True, upload_to='passports/', verbose_name='PDF')),
                        ('pdf_state', models.CharField(choices=[('none', 'Not made'), ('pending', 'Being prepared'), ('running', 'Being made'), ('ready', 'Ready'), ('failed', 'Failed')], default='none', max_length=16)),
                        ('pdf_version', models.PositiveIntegerField(default=0)),
                        ('pdf_error', models.TextField(blank=True)),
                        ('pdf_requested_at', models.DateTimeField(blank=True, null=True)),
                        ('pdf_started_at', models.DateTimeField(blank=True, null=True)),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='passports', to='events.event', verbose_name='event')),
                        ('programme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='passports', to='training.programme', verbose_name='training programme')),
                        ('series', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='passports', to='events.eventseries', verbose_name='event series')),
                    ],
                    options={
                        'verbose_name': 'practice passport',
                        'verbose_name_plural': 'practice passports',
                        'db_table': 'initiatives_practicepassport',
                        'ordering': ['-updated_at'],
                    },
                ),
                migrations.CreateModel(
                    name='PassportVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField()),
                        ('snapshot', models.JSONField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('passport', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='portal.practicepassport')),
                    ],
                    options={
                        'db_table': 'initiatives_passportversion',
                        'ordering': ['-number'],
                        'constraints': [models.UniqueConstraint(fields=('passport', 'number'), name='unique_passport_version')],
                    },
                ),
                migrations.CreateModel(
                    name='QuarterlyReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('quarter', models.PositiveSmallIntegerField(verbose_name='quarter')),
                        ('state', models.CharField(choices=[('queued', 'Queued'), ('running', 'Being generated'), ('done', 'Ready'), ('failed', 'Failed')], default='queued', max_length=16, verbose_name='state')),
                        ('error', models.TextField(blank=True, verbose_name='reason of failure')),
                        ('pdf', models.FileField(blank=True, upload_to='reports/', verbose_name='PDF')),
                        ('xlsx', models.FileField(blank=True, upload_to='reports/', verbose_name='XLSX')),
                        ('checksum', models.CharField(blank=True, max_length=64)),
                        ('requested_at', models.DateTimeField(verbose_name='requested at')),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                        ('generation', models.PositiveIntegerField(default=0)),
                        ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'quarterly report',
                        'verbose_name_plural': 'quarterly reports',
                        'db_table': 'civiccenter_quarterlyreport',
                        'ordering': ['-year', '-quarter'],
                        'constraints': [models.UniqueConstraint(fields=('year', 'quarter'), name='one_report_per_quarter')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
