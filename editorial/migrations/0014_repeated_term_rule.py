"""``repetition.overused_phrase`` is split: content phrases are now ``repetition.repeated_term`` (a hint), which
takes the two parameters (min_count, per_words); stock linking phrases stay ``overused_phrase``. A stored
setting of the old rule is carried over to the new one (enabled, severity override, parameters), and its
parameters are removed from the old rule, which no longer declares any."""

from django.db import migrations

OLD, NEW = "repetition.overused_phrase", "repetition.repeated_term"


def split(apps, schema_editor):
    RuleSetting = apps.get_model("editorial", "RuleSetting")
    old = RuleSetting.objects.filter(rule=OLD).first()
    if old is None or RuleSetting.objects.filter(rule=NEW).exists():
        return
    RuleSetting.objects.create(rule=NEW, enabled=old.enabled, severity=old.severity, params=old.params or {})
    if old.params:
        old.params = {}
        old.save(update_fields=["params"])


def join(apps, schema_editor):
    RuleSetting = apps.get_model("editorial", "RuleSetting")
    new = RuleSetting.objects.filter(rule=NEW).first()
    if new is None:
        return
    old, _ = RuleSetting.objects.get_or_create(rule=OLD)
    if new.params and not old.params:
        old.params = new.params
        old.save(update_fields=["params"])
    new.delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0013_reports_rollup")]
    operations = [migrations.RunPython(split, join)]
