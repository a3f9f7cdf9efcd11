"""Load the shipped reference list of Dutch municipalities (no network needed).

Written by hand. Later changes come in through `manage.py update_gemeenten`; see docs/gemeenten.md.
"""

from django.db import migrations


def load_gemeenten(apps, schema_editor):
    from gezondin.gemeenten import load_reference_list

    load_reference_list(apps.get_model("gezondin", "Gemeente"))


class Migration(migrations.Migration):
    dependencies = [
        ("gezondin", "0001_initial"),
    ]

    operations = [
        # Reversing keeps the rows: other content may link to them by then.
        migrations.RunPython(load_gemeenten, migrations.RunPython.noop, elidable=False),
    ]
