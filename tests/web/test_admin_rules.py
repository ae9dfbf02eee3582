"""The admin for a newsroom: every rule with its declared parameters as typed, validated fields; one row of phrase
lists; the open-finding filters that look only at open findings of the latest check; actions in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from editorial import services
from editorial.checks import all_rules
from editorial.models import NewsroomPhrases, RuleSetting
from editorial.rule_settings import build_config

OVERUSED = "repetition.repeated_term"  # the rule with parameters (min_count, per_words)
PLACEHOLDER_BODY = "قال المتحدث باسم الوزارة [اسم المتحدث] إن الاجتماع سيعقد الأسبوع المقبل في العاصمة."


@pytest.fixture
def admin_client(login, admin_user):
    return login(admin_user)


def test_the_rule_list_shows_every_rule_with_its_parameters_and_defaults(admin_client):
    RuleSetting.objects.create(rule=OVERUSED, params={"min_count": 7})
    html = admin_client.get(reverse("admin:editorial_rulesetting_changelist")).content.decode()
    assert all(rule_id in html for rule_id in all_rules())
    assert "min_count" in html and "per_words" in html and "absent_below" in html and "weak_below" in html
    row = html[html.index(f"<code dir=\"ltr\">{OVERUSED}</code>"):]
    row = row[:row.index("</tr>")]
    assert ">7</bdi>" in row and ">600</bdi>" in row  # the tuned value, and a default where nothing is tuned


def test_the_setting_form_has_a_typed_bounded_field_per_parameter_and_no_json_box(admin_client):
    html = admin_client.get(reverse("admin:editorial_rulesetting_add") + f"?rule={OVERUSED}").content.decode()
    assert 'name="params"' not in html
    assert 'name="param_min_count"' in html and 'type="number"' in html and 'min="2"' in html
    assert 'name="param_per_words"' in html
    response = admin_client.post(reverse("admin:editorial_rulesetting_add") + f"?rule={OVERUSED}", {
        "rule": OVERUSED, "enabled": "on", "severity": "", "param_min_count": "4", "param_per_words": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    setting = RuleSetting.objects.get(rule=OVERUSED)
    assert setting.params == {"min_count": 4}  # an empty field keeps the default: nothing stored
    assert build_config().params[OVERUSED] == {"min_count": 4}


@pytest.mark.parametrize("value", ["1", "500", "4.5", "كثير"])
def test_a_parameter_out_of_bounds_or_of_the_wrong_type_is_refused_on_its_field(admin_client, value):
    response = admin_client.post(reverse("admin:editorial_rulesetting_add") + f"?rule={OVERUSED}", {
        "rule": OVERUSED, "enabled": "on", "severity": "", "param_min_count": value, "param_per_words": ""})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["param_min_count"]
    assert not RuleSetting.objects.exists()


def test_a_saved_setting_changes_its_parameters_and_keeps_its_rule(admin_client):
    setting = RuleSetting.objects.create(rule="consistency.topic_absent", params={"absent_below": 0.3})
    url = reverse("admin:editorial_rulesetting_change", args=[setting.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="param_absent_below"' in html and 'value="0.3"' in html and 'name="rule"' not in html
    response = admin_client.post(url, {"enabled": "on", "severity": "info", "param_absent_below": "0.25"})
    assert response.status_code == 302
    setting.refresh_from_db()
    assert setting.params == {"absent_below": 0.25} and setting.severity == "info"


def test_the_model_refuses_undeclared_or_invalid_parameters_and_the_config_drops_them(db):
    for params in ({"min_cuont": 4}, {"min_count": "4"}, {"min_count": 0}, [4]):
        with pytest.raises(ValidationError):
            RuleSetting(rule=OVERUSED, params=params).full_clean()
    with pytest.raises(ValidationError):
        RuleSetting(rule="repetition.no_such_rule").full_clean()
    RuleSetting.objects.create(rule=OVERUSED, params={"min_count": "many", "per_words": 900})  # around clean()
    assert build_config().params[OVERUSED] == {"per_words": 900}


def test_the_phrase_lists_are_one_newsroom_row_that_every_check_reads(admin_client, make_draft):
    url = reverse("admin:editorial_newsroomphrases_changelist")
    assert admin_client.get(url)["Location"].endswith(reverse("admin:editorial_newsroomphrases_add"))
    response = admin_client.post(reverse("admin:editorial_newsroomphrases_add"), {
        "extra_placeholders": "يُستكمل لاحقاً\n  \nنص مؤقت", "stop_phrases": "", "allowed_repeats": "رؤية 2030"})
    assert response.status_code == 302
    assert admin_client.get(url)["Location"].endswith(reverse("admin:editorial_newsroomphrases_change", args=[1]))
    config = build_config()
    assert config.extra_placeholders == ("يُستكمل لاحقاً", "نص مؤقت") and config.allowed_repeats == ("رؤية 2030",)
    draft = make_draft(body="أعلنت البلدية افتتاح الحديقة العامة الجديدة يُستكمل لاحقاً أمام الزوار.")
    from editorial.selectors import open_findings

    assert any(f.rule == "placeholder.custom_phrase" for f in open_findings(draft))
    assert NewsroomPhrases.objects.count() == 1
    assert not admin_client.get(reverse("admin:editorial_rulesetting_add")).content.decode().count("stop_phrases")


def test_the_open_family_filter_ignores_dismissed_and_earlier_findings(admin_client, make_draft, reviewer):
    from editorial.selectors import open_findings

    open_one = make_draft(title="اجتماع الحكومة الأسبوعي", body=PLACEHOLDER_BODY)
    dismissed = make_draft(title="اجتماع الحكومة الأسبوعي", body=PLACEHOLDER_BODY)
    for f in open_findings(dismissed):
        services.finding_dismiss(finding=f, user=reviewer, kind="false_alarm", reason="")
    fixed = make_draft(title="اجتماع الحكومة الأسبوعي", body=PLACEHOLDER_BODY)
    fixed, _changed = services.draft_revise(draft=fixed, title=fixed.title, body_text=PLACEHOLDER_BODY.replace("[اسم المتحدث] ", ""),
                                            user=fixed.author)
    assert any(f.family == "placeholder" and f.severity == "error" for f in open_findings(open_one))
    assert not open_findings(dismissed) and not any(f.family == "placeholder" for f in open_findings(fixed))
    url = reverse("admin:editorial_draft_changelist")
    for query in ("?family=placeholder", "?severity=error"):
        listed = set(admin_client.get(url + query).context["cl"].result_list.values_list("pk", flat=True))
        assert open_one.pk in listed and dismissed.pk not in listed and fixed.pk not in listed, query


def test_the_admin_actions_live_in_the_admin(admin_client, api_client_a):
    from editorial.admin import ApiClientAdmin, ApiKeyAdmin, WebhookDeliveryAdmin

    assert "create_key" in ApiClientAdmin.actions and "revoke_keys" in ApiKeyAdmin.actions
    assert "retry_deliveries" in WebhookDeliveryAdmin.actions
    response = admin_client.post(reverse("admin:editorial_apiclient_changelist"), {
        "action": "create_key", "_selected_action": [api_client_a.pk]}, follow=True)
    assert api_client_a.keys.count() == 1 and response.status_code == 200


def test_history_tables_are_read_only_through_one_mixin(admin_client, draft):
    from django.contrib import admin as django_admin

    from editorial.admin import ReadOnlyAdminMixin
    from editorial.models import CheckRun, Dismissal, Finding, ReviewEvent, Revision

    for model in (CheckRun, Finding, Revision, ReviewEvent, Dismissal):
        model_admin = django_admin.site._registry[model]
        assert isinstance(model_admin, ReadOnlyAdminMixin)
    revision = draft.revisions.get()
    html = admin_client.get(reverse("admin:editorial_revision_change", args=[revision.pk])).content.decode()
    assert 'name="body_text"' not in html and "delete" not in admin_client.get(
        reverse("admin:editorial_revision_changelist")).content.decode().split("action")[1][:200].lower()


def test_the_admin_speaks_arabic_rules_and_internal_tables_included(admin_client, draft):
    from editorial.checks import all_rules

    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "داخلي: المهام في الخلفية" in html and "Tasks Database Backend" not in html and "Task Results" not in html
    html = admin_client.get(reverse("admin:editorial_rulesetting_changelist")).content.decode()
    doubled = all_rules()["repetition.doubled_word"].description
    assert "الكلمة نفسها مرتين متتاليتين" in html and doubled[:40] not in html
    html = admin_client.get(reverse("admin:editorial_rulesetting_add") + f"?rule={OVERUSED}").content.decode()
    assert "عدد المرات الذي تُعدّ عنده العبارة مفرطة التكرار" in html
    html = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")).content.decode()
    assert "الأولوية" in html and "اسم الطابور" in html


def test_every_rule_description_has_an_arabic_translation():
    """The admin shows rule descriptions in the page's language: a rule added or reworded needs its Arabic in
    locale/ar (msgid: the English description), or the admin falls back to English for it."""
    from django.utils import translation

    from editorial.checks import all_rules

    with translation.override("ar"):
        missing = [r.id for r in all_rules().values() if r.description and translation.gettext(r.description)
                   == r.description]
        missing += [f"{r.id}:{p.name}" for r in all_rules().values() for p in r.params
                    if translation.gettext(p.description) == p.description]
    assert missing == [], ("add each description's Arabic to editorial/locale/ar/LC_MESSAGES/django.po (msgid: the "
                           "English description), then manage.py compilemessages -l ar")


@pytest.mark.django_db(transaction=True)
def test_a_stored_overused_phrase_setting_moves_to_the_repeated_term_rule():
    """Migration 0014: the content-phrase parameters moved from overused_phrase to repeated_term; a setting an
    admin stored before keeps its effect (enabled, severity, parameters) and the old row keeps no parameter its
    rule no longer declares. Migrating back joins them again."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("editorial", "0013_reports_rollup")], [("editorial", "0014_repeated_term_rule")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_model = executor.loader.project_state(before).apps.get_model("editorial", "RuleSetting")
    old_model.objects.create(rule="repetition.overused_phrase", enabled=False, severity="warning",
                             params={"min_count": 7})
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_model = executor.loader.project_state(after).apps.get_model("editorial", "RuleSetting")
    moved = new_model.objects.get(rule="repetition.repeated_term")
    assert (moved.enabled, moved.severity, moved.params) == (False, "warning", {"min_count": 7})
    assert new_model.objects.get(rule="repetition.overused_phrase").params == {}
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    assert list(old_model.objects.values_list("rule", "params")) == [("repetition.overused_phrase", {"min_count": 7})]
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
