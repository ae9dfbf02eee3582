"""Recycled copy across the archive: a story filed again (lightly edited) is flagged, a new story on the same
topic is not. The texts are ours."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from editorial import archive, services
from editorial.api.services import api_client_create
from editorial.models import ArchiveBand, Draft, Finding

P1 = ("أقر مجلس الوزراء في جلسته الأسبوعية خطة لتوسعة محطة تحلية المياه في منطقة الزور بكلفة تبلغ مئة وعشرين "
      "مليون دينار، على أن تبدأ الأعمال مطلع العام المقبل وتستمر ثلاث سنوات.")
P2 = ("وقال وزير الكهرباء والماء في مؤتمر صحفي عقب الجلسة إن التوسعة سترفع الطاقة الإنتاجية للمحطة بنحو أربعين "
      "مليون غالون يومياً لمواجهة الطلب المتزايد خلال أشهر الصيف.")
P3 = ("وأوضح الوزير أن المناقصة ستطرح أمام الشركات المحلية والعالمية خلال الربع الأول من العام، وأن لجنة فنية "
      "مشتركة ستتولى تقييم العروض وفق معايير الجودة والكلفة.")
ORIGINAL = f"{P1}\n\n{P2}\n\n{P3}"

# The same paragraphs with light edits (a word added, a word swapped), and one new paragraph.
RECYCLED = "\n\n".join([
    ("وفي سياق متصل، أعلنت الوزارة عن حملة توعية جديدة لترشيد استهلاك المياه في المدارس والمساجد والمباني "
     "الحكومية تستمر حتى نهاية الصيف."),
    P1.replace("الأسبوعية", "الأسبوعية أمس").replace("المقبل", "القادم"),
    P2.replace("خلال أشهر", "في أشهر"),
])

# Another story on the same event, in other words.
SAME_TOPIC = "\n\n".join([
    ("وافقت الحكومة على مشروع لزيادة قدرة محطة الزور لإنتاج المياه المحلاة، في صفقة تتجاوز قيمتها مئة مليون "
     "دينار ويستغرق تنفيذها قرابة ثلاثة أعوام بحسب مصادر رسمية."),
    ("وأشار مسؤولون في وزارة الكهرباء والماء إلى أن الاستهلاك بلغ مستويات قياسية الصيف الماضي، ما استدعى البحث "
     "عن حلول عاجلة لتفادي انقطاع الإمدادات عن المناطق السكنية."),
    ("ومن المتوقع أن تتنافس على العقد شركات خليجية وأوروبية، فيما دعا نواب إلى نشر تفاصيل الدراسة الاقتصادية "
     "قبل توقيع أي اتفاق."),
])
TITLE = "توسعة محطة تحلية المياه في الزور"


def _indexed(draft: Draft) -> list[Finding]:
    rev = draft.revisions.order_by("-number").first()
    archive.index_revision(rev.pk)
    return list(Finding.objects.filter(check_run__revision=rev, family="archive").order_by("start"))


@pytest.fixture
def original(make_draft):
    draft = make_draft(title=TITLE, body=ORIGINAL)
    assert _indexed(draft) == []
    return draft


def test_a_story_sent_again_by_a_cms_under_another_id_is_flagged(original, db):
    client, _key = api_client_create(name="cms-archive")
    again = services.draft_create(title=TITLE + " (محدث)", body_text=RECYCLED, client=client,
                                  external_id="another-id")
    found = _indexed(again)
    assert len(found) == 1
    f = found[0]
    assert f.rule == "archive.recycled" and f.severity == "warning"
    assert str(original.pk) in f.message and TITLE in f.message and str(original.pk) in f.message_en
    # The span is the first shared paragraph, exactly; the other shared one is a related span.
    paragraphs = RECYCLED.split("\n\n")
    assert RECYCLED[f.start:f.end] == paragraphs[1] and f.text == paragraphs[1]
    assert [RECYCLED[r["start"]:r["end"]] for r in f.related] == [paragraphs[2]]
    assert f.start_utf16 == f.start  # no characters outside the BMP here
    run = f.check_run
    assert run.counts["archive.recycled"] == 1


def test_a_story_pasted_on_the_desk_is_flagged(original, writer):
    pasted = services.draft_create(title="خبر جديد", body_text=ORIGINAL, user=writer)
    found = _indexed(pasted)
    assert len(found) == 1 and str(original.pk) in found[0].message
    assert len(found[0].related) == 2  # all three paragraphs are shared


def test_a_different_story_on_the_same_topic_is_not_flagged(original, writer):
    other = services.draft_create(title=TITLE, body_text=SAME_TOPIC, user=writer)
    assert _indexed(other) == []


def test_a_new_revision_replaces_the_drafts_paragraphs_in_the_index(original, writer):
    before = ArchiveBand.objects.filter(paragraph__draft=original).count()
    assert before == 3 * archive.BANDS
    services.draft_revise(draft=original, title=TITLE, body_text=P1, user=writer)
    _indexed(Draft.objects.get(pk=original.pk))
    assert ArchiveBand.objects.filter(paragraph__draft=original).count() == archive.BANDS


def test_every_new_revision_is_indexed_in_the_background(original, writer, settings,
                                                         django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        pasted = services.draft_create(title="خبر", body_text=ORIGINAL, user=writer)
    rev = pasted.revisions.get()
    assert Finding.objects.filter(check_run__revision=rev, rule="archive.recycled").count() == 1


def test_short_or_empty_paragraphs_have_no_signature():
    assert archive.signed_paragraphs("") == []
    assert archive.signed_paragraphs("قصير جداً.\n\nسطر آخر.") == []
    assert len(archive.signed_paragraphs(ORIGINAL)) == 3


def test_import_then_a_recycled_draft_names_the_imported_story(tmp_path, writer, db):
    path = tmp_path / "archive.jsonl"
    rows = [{"title": TITLE, "body": ORIGINAL, "desk": "اقتصاد", "author": "محرر", "published": "2025-05-01"},
            {"title": "", "body": "بلا عنوان"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8")
    call_command("import_drafts", str(path))
    imported = Draft.objects.get(title=TITLE)
    assert imported.status == "published" and imported.metadata["published_at"] == "2025-05-01"
    again = services.draft_create(title="خبر", body_text=RECYCLED, user=writer)
    found = _indexed(again)
    assert len(found) == 1 and str(imported.pk) in found[0].message


def test_backfill_indexes_every_latest_revision(make_draft, capsys):
    make_draft(title=TITLE, body=ORIGINAL)
    make_draft(title="آخر", body=SAME_TOPIC)
    call_command("archive_backfill")
    assert "indexed 2 drafts, 6 paragraphs" in capsys.readouterr().out
    assert ArchiveBand.objects.count() == 6 * archive.BANDS


def test_recheck_queues_the_matching_drafts(make_draft, settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    a = make_draft(title=TITLE, body=ORIGINAL, desk="اقتصاد")
    make_draft(title="آخر", body=SAME_TOPIC, desk="محليات")
    runs = a.revisions.get().check_runs.count()
    call_command("recheck", "--desk", "اقتصاد", "--wait")
    out = capsys.readouterr().out
    assert "queued 1 drafts in 1 tasks" in out and "rechecked 1 drafts" in out
    assert a.revisions.get().check_runs.count() == runs + 1


def test_a_long_text_is_looked_up_in_chunks(original, writer, monkeypatch):
    monkeypatch.setattr(archive, "KEYS_PER_QUERY", 5)  # 3 paragraphs x 16 bands: ten queries
    pasted = services.draft_create(title="خبر", body_text=ORIGINAL, user=writer)
    found = _indexed(pasted)
    assert len(found) == 1 and len(found[0].related) == 2


@pytest.mark.django_db(transaction=True)
def test_the_lookup_survives_a_new_database_connection(original, writer):
    """On PostgreSQL the lookup is a statement prepared per connection: a replaced connection (restart,
    CONN_MAX_AGE, health check) prepares it again instead of executing a statement it does not have."""
    from django.db import connection

    pasted = services.draft_create(title="خبر", body_text=ORIGINAL, user=writer)
    signed = archive.signed_paragraphs(ORIGINAL)
    assert {m.other_draft_id for m in archive.find_matches(signed, exclude_draft_id=pasted.pk)} == {original.pk}
    connection.close()
    assert {m.other_draft_id for m in archive.find_matches(signed, exclude_draft_id=pasted.pk)} == {original.pk}
    # Nothing excluded: the pasted draft itself was never indexed, so only the original is found again.
    assert {m.other_draft_id for m in archive.find_matches(signed, exclude_draft_id=None)} == {original.pk}
