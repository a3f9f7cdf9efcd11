# The exposed name of a domain object is the Dutch word (docs/architecture.md, "Naming rules").

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_harvest_sources_and_shared_copies"),
    ]

    operations = [
        migrations.RenameField(
            model_name="kennisartikelpage",
            old_name="source_organisation",
            new_name="source_organisatie",
        ),
    ]
