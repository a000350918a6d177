"""The quarterly report moved to the top app (portal); its table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('civiccenter', '0004_constraint_messages'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='quarterlyreport',
                    name='one_report_per_quarter',
                ),
                migrations.DeleteModel(
                    name='QuarterlyReport',
                ),
            ],
        ),
    ]
