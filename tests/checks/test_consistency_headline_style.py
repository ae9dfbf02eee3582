"""Title against body: a headline's format and tone words, and figures a body tells another way. Cases written
for this project after the kinds of true titles the topic and number rules flagged on outlets they were not tuned
on (``python -m quality.outlets``): labels (شاهد، بالفيديو), evaluative words (مرعبة، سار), figurative set
phrases (تقلب الطاولة), dates told as the time since them, and one figure counted by two nouns: the helpers
here; the title/body cases themselves are in test_consistency_outlets.py."""

from __future__ import annotations

from editorial.checks.consistency.common import Context
from editorial.checks.consistency.topic import (
    _credit,
    _present_verb,
    _said_in_third_person,
    _weekday,
    style_words,
)
from editorial.checks.types import Document


def test_style_words_are_labels_evaluations_and_set_phrases_in_any_clitic_form():
    title = "بالصور.. الفيفا يدق ناقوس الخطر ومفاجأة في الملعب"
    toks = Document(title, "").title.tokens
    style = {t.text for t in toks if t.start in style_words(toks)}
    assert style == {"بالصور", "يدق", "ناقوس", "الخطر", "ومفاجأة"}
    # "خطر" alone is a claim (a risk), "صور" alone a noun (photos): only the set phrase and the label are style
    toks = Document("صور جوية تكشف خطر الفيضانات", "").title.tokens
    assert style_words(toks) == set()


def test_a_credit_is_a_latin_name_after_li():
    assert _credit("لcnn") and _credit("لbbc")
    assert not _credit("لبنان") and not _credit("ل") and not _credit("cnn")


def test_a_weekday_is_left_out_when_missing_but_a_month_is_not():
    assert _weekday("الخميس") and _weekday("بالخميس") and _weekday("والسبت")
    assert not _weekday("سبتمبر") and not _weekday("فيفري")  # هجمات 11 سبتمبر is a name


def test_a_quoted_first_person_verb_is_found_in_the_third_person():
    ctx = Context(Document("سيناتور: أخشى ألا نفي بوعدنا", "قال السيناتور إنه يخشى ألا تفي الإدارة بوعدها."))
    verb = next(t for t in ctx.title.tokens if t.text == "أخشى")
    assert _said_in_third_person(ctx, verb)
    ctx = Context(Document("سيناتور: أخشى ألا نفي بوعدنا", "قال السيناتور إن الإدارة ستفي بوعدها."))
    verb = next(t for t in ctx.title.tokens if t.text == "أخشى")
    assert not _said_in_third_person(ctx, verb)


def test_a_future_verb_is_a_headline_verb():
    assert _present_verb("سيصبح") and _present_verb("ستعلن")
    assert not _present_verb("سياسه") and not _present_verb("ستين")
