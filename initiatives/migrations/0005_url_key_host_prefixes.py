# A generated column cannot be altered in place, so the key is dropped and
# re-added with the corrected expression ("m.ru" is a host, not a prefix).

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('initiatives', '0004_passport_permissions'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='organisationlink', name='organisation_link_key'),
        migrations.RemoveField(model_name='organisationlink', name='url_key'),
        migrations.AddField(
            model_name='organisationlink',
            name='url_key',
            field=models.GeneratedField(db_persist=True, expression=models.Func(models.Func(models.Func(models.Func(django.db.models.functions.text.Lower(models.F('url')), models.Value('^[a-z]+://'), models.Value(''), function='regexp_replace'), models.Value('^(www\\.)?(m\\.)?(?=[^/]*\\.)'), models.Value(''), function='regexp_replace'), models.Value('[?#].*$'), models.Value(''), function='regexp_replace'), models.Value('/'), function='rtrim'), output_field=models.CharField(max_length=500)),
        ),
        migrations.AddIndex(
            model_name='organisationlink',
            index=models.Index(fields=['url_key'], name='organisation_link_key'),
        ),
    ]
