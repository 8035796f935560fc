"""The demo's Notice of Privacy Practices lives at /privacy-practices/, an address the
list of legal pages did not name, so it was not flagged as legal: flag it."""

from django.db import migrations


def flag_notice(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    Page.objects.filter(slug="privacy-practices").update(is_legal=True)


class Migration(migrations.Migration):
    dependencies = [("programs", "0012_content_in_spanish")]

    operations = [migrations.RunPython(flag_notice, migrations.RunPython.noop)]
