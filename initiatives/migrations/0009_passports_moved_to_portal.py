"""Practice passports moved to the top app (portal), which reads events and training; their tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('initiatives', '0008_constraint_messages'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='passportversion',
                    name='unique_passport_version',
                ),
                migrations.RemoveField(
                    model_name='practicepassport',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='practicepassport',
                    name='event',
                ),
                migrations.RemoveField(
                    model_name='practicepassport',
                    name='programme',
                ),
                migrations.RemoveField(
                    model_name='practicepassport',
                    name='series',
                ),
                migrations.DeleteModel(
                    name='PassportVersion',
                ),
                migrations.DeleteModel(
                    name='PracticePassport',
                ),
            ],
        ),
    ]
