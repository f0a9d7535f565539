"""The change log, moved from the cms app: its table (cms_changeevent) and its rows stay.

A database made before the move already has the table (cms's 0001_change_log): this migration
only takes the model over (and its content type, with the permissions on it). A new database
gets the table here."""

from django.db import migrations, models


def create_table_unless_present(apps, schema_editor):
    model = apps.get_model("changes", "ChangeEvent")
    if model._meta.db_table not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(model)


def adopt_content_type(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="cms", model="changeevent").update(app_label="changes")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='ChangeEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('occurred_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('action', models.CharField(choices=[('published', 'Published'), ('updated', 'Updated'), ('unpublished', 'Unpublished'), ('deleted', 'Deleted')], max_length=12)),
                ('object_type', models.CharField(choices=[('section', 'Section'), ('service', 'Service')], max_length=10)),
                ('object_id', models.PositiveBigIntegerField()),
                ('locale', models.CharField(max_length=10)),
                ('translation_key', models.UUIDField()),
                ('identifier', models.CharField(help_text='Section number or service slug.', max_length=80)),
            ],
            options={
                'db_table': 'cms_changeevent',
                'ordering': ['id'],
                'indexes': [models.Index(fields=['object_type', 'object_id', '-id'], name='cms_changee_object__d5441d_idx')],
            },
        )]),
        migrations.RunPython(create_table_unless_present, migrations.RunPython.noop),
        migrations.RunPython(adopt_content_type, migrations.RunPython.noop),
    ]
