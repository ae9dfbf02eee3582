"""Related spans stored before they carried UTF-16 offsets get them, from the revision's text."""

from django.db import migrations

from editorial.checks.types import utf16_offsets


def fill(apps, schema_editor):
    Finding = apps.get_model("editorial", "Finding")
    rows = (Finding.objects.exclude(related=[]).select_related("check_run__revision")
            .only("related", "check_run__revision__title", "check_run__revision__body_text"))
    changed = []
    for f in rows.iterator(chunk_size=500):
        if all("start_utf16" in r for r in f.related):
            continue
        rev = f.check_run.revision
        to16 = {"title": utf16_offsets(rev.title), "body": utf16_offsets(rev.body_text)}
        f.related = [r if "start_utf16" in r else {**r, "start_utf16": to16[r["field"]](r["start"]),
                                                   "end_utf16": to16[r["field"]](r["end"])} for r in f.related]
        changed.append(f)
        if len(changed) >= 500:
            Finding.objects.bulk_update(changed, ["related"])
            changed = []
    Finding.objects.bulk_update(changed, ["related"])


class Migration(migrations.Migration):
    dependencies = [("editorial", "0011_user_preferences")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
