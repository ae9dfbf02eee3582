"""Topic: how a title word is found in the body when the headline words it otherwise (issue 8): the stem
readings of a word whose first letters look like proclitics, the root of a rare word, a headline's paraphrase
(data/headline_paraphrases.txt), a style phrase in any person, a repeated word counted once. Cases written for
this project."""

from __future__ import annotations

import pytest

from editorial.checks import check_draft
from editorial.checks.arabic.normalize import norm
from editorial.checks.consistency.common import Context
from editorial.checks.consistency.topic import (
    _found_nicknames,
    _opening_silent,
    _paraphrased,
    _shares_form,
    _shares_root,
    _written_apart,
    coverage,
    forms,
    roots,
    style_words,
)
from editorial.checks.types import Document
from tests.checks.alarms import consistency_alarms as _alarms


def _token(ctx: Context, text: str):
    return next(t for t in ctx.title.tokens if t.text == text)


def test_forms_read_a_word_with_and_without_its_first_letters_as_proclitics():
    assert "وحش" in forms(norm("وحشية")) & forms(norm("الوحشي"))  # not only حشي (و as "and")
    assert "فتر" in forms(norm("فترات")) & forms(norm("فترتين"))  # not only ترتين (ف as "so")
    assert forms(norm("الفضاء")) & forms(norm("فضائية"))  # one hamza whatever its seat
    assert forms(norm("امرأة")) & forms(norm("المرأة"))  # the irregular article form
    assert not forms(norm("وحشية")) & forms(norm("حشيش"))
    assert "هاتف" in forms(norm("هاتفك"))  # a second-person pronoun (هاتفك الذكي)


def test_a_title_word_shares_a_form_with_the_bodys_opening():
    ctx = Context(Document("الصين تتمسك بتحديد فترات الرئاسة",
                           "قالت بكين إن الرئيس لن يبقى في منصبه أكثر من فترتين كما ينص الدستور."))
    assert _shares_form(ctx, _token(ctx, "فترات"))
    assert not _shares_form(ctx, _token(ctx, "تتمسك"))


def test_roots_of_derived_forms_meet_and_hollow_roots_are_not_read():
    assert roots(norm("يرحل")) == roots(norm("رحيل")) == {"رحل"}
    assert roots(norm("يرتفع")) & roots(norm("ترفع"))  # the ت of افتعل
    assert roots(norm("يهبط")) & roots(norm("الهبوط"))
    assert roots(norm("وقوفا")) & roots(norm("واقفا"))
    assert roots(norm("قال")) == frozenset() and roots(norm("يقول")) == frozenset()


def test_only_a_rare_title_word_is_matched_by_its_root():
    ctx = Context(Document("مخرج مخضرم يرحل في صمت",
                           "غيب الموت المخرج المعروف بعد مسيرة طويلة، ولم يعلم جمهوره برحيله إلا بعد أيام، "
                           "وكان قد عمل في السينما خمسين عاما."))
    assert _shares_root(ctx, _token(ctx, "يرحل"))  # يرحل / برحيله
    ctx = Context(Document("الوزير يعمل على خطة جديدة", "قال مدير المصنع إن العمال ينتظرون رواتبهم."))
    assert not _shares_root(ctx, _token(ctx, "يعمل"))  # a common word: its root (عمل) is in any story


def test_a_headline_paraphrase_is_found_in_the_bodys_opening():
    ctx = Context(Document("كائنات غريبة في أعماق البحر",
                           "رصد علماء مخلوقات لم تعرف من قبل على عمق أربعة آلاف متر في المحيط."))
    assert _paraphrased(ctx, _token(ctx, "كائنات"))
    ctx = Context(Document("مظاهرات ضد الغلاء", "خرج آلاف المحتجين إلى الشوارع احتجاجا على الغلاء."))
    assert _paraphrased(ctx, _token(ctx, "مظاهرات"))
    ctx = Context(Document("مظاهرات ضد الغلاء", "أعلنت الحكومة رفع أسعار الخبز ابتداء من الشهر المقبل."))
    assert not _paraphrased(ctx, _token(ctx, "مظاهرات"))
    # a present verb in either person (the group lists يغادر), a synonym group's inflected form (حرائق / حريق)
    ctx = Context(Document("المصنفة الأولى تغادر البطولة مبكرا", "ودعت المصنفة الأولى عالميا البطولة من الدور الأول."))
    assert _paraphrased(ctx, _token(ctx, "تغادر"))
    ctx = Context(Document("حرائق الغابات تلتهم آلاف الهكتارات", "أتت النيران على آلاف الهكتارات من الغابات."))
    assert _paraphrased(ctx, _token(ctx, "حرائق"))


def test_a_style_phrase_is_a_style_phrase_in_any_person():
    toks = Document("الأطباء يدقون ناقوس الخطر بشأن السمنة", "").title.tokens
    assert {t.text for t in toks if t.start in style_words(toks)} == {"يدقون", "ناقوس", "الخطر"}


def test_a_repeated_title_word_is_one_word_of_the_claim():
    ctx = Context(Document("إضراب في الميناء وعمال يهتفون: كرامة كرامة كرامة",
                           "بدأ عمال الميناء إضرابا مفتوحا صباح الاثنين، وردد المضربون شعارات تطالب بالأجور."))
    cov, verdicts = coverage(ctx)
    assert [t.text for t, _ in verdicts].count("كرامة") == 1
    assert cov == pytest.approx(4 / 5)


@pytest.mark.parametrize("title,body,text", [
    # another story: the title's rare verb has a root (رحل) that no word of this body has
    ("المنتخب يرحل إلى الدوحة استعدادا للبطولة",
     "أعلنت وزارة الصحة تسجيل حالات جديدة من الحصبة في المدارس الابتدائية، ودعت الأهالي إلى تطعيم أطفالهم.",
     "المنتخب يرحل إلى الدوحة استعدادا للبطولة"),
    # a paraphrase group is no topic: "مظاهرات" is not found in a story about a match
    ("مظاهرات في العاصمة ضد قانون الضرائب الجديد",
     ("فاز فريق النادي على ضيفه بهدفين دون رد في الجولة العاشرة من الدوري، وسجل المهاجم الهدفين في الشوط "
      "الثاني."), "مظاهرات في العاصمة ضد قانون الضرائب"),
])
def test_a_title_of_another_story_is_still_absent(title, body, text):
    assert ("consistency.topic_absent", text) in _alarms(title, body)


@pytest.mark.parametrize("title,body", [
    ("الأطباء يدقون ناقوس الخطر بشأن السمنة",
     "حذرت نقابة الأطباء من تزايد نسب السمنة بين الأطفال، وقالت إن ثلث التلاميذ يعانون من زيادة الوزن."),
    ("إضراب في الميناء وعمال يهتفون: كرامة كرامة كرامة",
     "بدأ عمال الميناء إضرابا مفتوحا صباح الاثنين، وردد المضربون شعارات تطالب بصرف أجورهم المتأخرة."),
    ("البرلمان يرفض تمديد فترات الرئاسة",
     "رفض البرلمان مقترحا يمدد بقاء الرئيس في منصبه إلى أكثر من فترتين."),
])
def test_a_true_title_told_in_headline_words_is_not_absent(title, body):
    assert not [r for r, _ in _alarms(title, body) if r == "consistency.topic_absent"]


def test_a_name_written_as_one_word_is_found_written_as_two():
    ctx = Context(Document("فولكسفاغن تواجه دعاوى بالمليارات",
                           "تواجه شركة فولكس فاجن الألمانية مئات الدعاوى القضائية في الولايات المتحدة."))
    assert _written_apart(ctx, _token(ctx, "فولكسفاغن"))
    assert not _written_apart(ctx, _token(ctx, "تواجه"))  # a common word is not a name


# A body of about seventy words whose first sentences are about a theatre festival; the government and a plan come
# only in its last sentence.
_FESTIVAL = ("افتتح المهرجان الدولي للمسرح دورته العشرين مساء السبت في قاعة الأوبرا بحضور عدد كبير من الفنانين "
             "والنقاد القادمين من عشرين بلدا عربيا وأجنبيا، وقدمت فرقة المسرح الوطني في حفل الافتتاح عرضا جديدا "
             "عن الهجرة استمر ساعتين وصفق له الجمهور طويلا. وقال مدير المهرجان إن الدورة الحالية تضم أربعين عرضا "
             "وورشات تدريب للشباب وندوات فكرية يومية.")
_SUPPORT = ("وأضاف أن الحكومة قدمت دعما ماليا للمهرجان هذا العام، وأن وزارة الثقافة وضعت خطة لتوسيع جمهوره في "
            "الولايات الداخلية.")


def test_a_title_none_of_whose_words_the_first_sentences_have_is_absent():
    title = "الحكومة تعلن خطة لإصلاح التعليم العالي"
    body = _FESTIVAL + " " + _SUPPORT
    ctx = Context(Document(title, body))
    assert _opening_silent(ctx, len(coverage(ctx)[1]))
    assert ("consistency.topic_absent", "تعلن خطة لإصلاح التعليم العالي") in _alarms(title, body)


def test_the_same_words_in_the_first_sentences_are_evidence_enough():
    title = "الحكومة تعلن خطة لإصلاح التعليم العالي"
    body = _SUPPORT + " " + _FESTIVAL
    ctx = Context(Document(title, body))
    assert not _opening_silent(ctx, len(coverage(ctx)[1]))
    assert not [r for r, _ in _alarms(title, body) if r == "consistency.topic_absent"]
    # a short body is all opening: the coverage alone decides
    ctx = Context(Document(title, _SUPPORT))
    assert not _opening_silent(ctx, len(coverage(ctx)[1]))


# A team's nickname (data/team_nicknames.txt) is found when the body names the team: the country in any form, or
# the club's name.
_MATCH = ("خسر تشيلسي أمام ضيفه توتنهام بثلاثة أهداف مقابل هدف في المرحلة العاشرة من الدوري الإنجليزي "
          "الممتاز.")


@pytest.mark.parametrize("title,body", [
    ("الديوك يتجاوزون الكنغر بصعوبة",
     ("تغلب المنتخب الفرنسي على نظيره الأسترالي بهدفين مقابل هدف في افتتاح مبارياته بالمجموعة الثالثة من كأس "
      "العالم.")),
    ("البلوز يسقط أمام السبيرز", _MATCH),
    ("نسور قرطاج تطير إلى النهائي",
     "بلغ المنتخب التونسي المباراة النهائية لبطولة كأس العرب بعد فوزه على مصر بهدف دون رد مساء الأربعاء."),
])
def test_a_team_named_by_its_nickname_is_found(title, body):
    assert not [r for r, _ in _alarms(title, body) if r == "consistency.topic_absent"]


def test_a_nickname_is_found_only_when_the_body_names_its_team():
    ctx = Context(Document("نسور قرطاج تطير إلى النهائي",
                           "بلغ المنتخب الجزائري المباراة النهائية بعد فوزه على مصر بهدف دون رد."))
    assert not _found_nicknames(ctx)
    ctx = Context(Document("نسور قرطاج تطير إلى النهائي",
                           "بلغ المنتخب التونسي المباراة النهائية بعد فوزه على مصر بهدف دون رد."))
    assert _found_nicknames(ctx) == {_token(ctx, "نسور").start, _token(ctx, "قرطاج").start}
    # another story is still another story
    assert ("consistency.topic_absent", "الديوك يتجاوزون الكنغر بصعوبة") in _alarms(
        "الديوك يتجاوزون الكنغر بصعوبة", _MATCH)


@pytest.mark.parametrize("title,body", [
    # a video label and the reaction a story stirs are the headline's words (data/headline_style.txt)
    ("لحظات رعب وجدل واسع في مطار هيثرو",
     ("هبطت طائرة ركاب اضطراريا في مطار هيثرو بلندن بعد اشتعال النار في أحد محركاتها، وأخلت فرق الطوارئ "
      "الركاب سالمين.")),
    ("مخاوف من انهيار سد الموصل",
     ("حذر مسؤولون عراقيون من أن سد الموصل قد ينهار إذا لم تستأنف أعمال الصيانة في أساساته خلال الأشهر "
      "المقبلة.")),
])
def test_a_reaction_or_a_label_missing_from_the_body_is_no_evidence(title, body):
    assert not [r for r, _ in _alarms(title, body) if r == "consistency.topic_absent"]


def test_a_reaction_word_left_out_leaves_another_storys_title_absent():
    # the style words are left out of the span
    assert ("consistency.topic_absent", "انهيار سد الموصل") in _alarms(
        "مخاوف من انهيار سد الموصل", _MATCH)


_RATE = "أعلن البنك المركزي خفض سعر الفائدة الرئيسي بنصف نقطة مئوية، في خطوة تهدف إلى دعم النمو والاستثمار."
_FUEL = "رفعت الحكومة أسعار الوقود بنسبة عشرة في المئة ابتداء من منتصف الليل، في ثالث زيادة خلال هذا العام."


def _weak(title: str, body: str) -> list[str]:
    return [f.text for f in check_draft(title, body).findings if f.rule == "consistency.topic_weak"]


def test_a_clause_verb_the_title_already_used_is_no_evidence_of_the_clause():
    # يعلن is the first clause's verb again: the body's أعلن reports that clause, not the resignation
    assert _weak("البنك المركزي يعلن خفض الفائدة ويعلن استقالة محافظه", _RATE) == ["ويعلن استقالة محافظه"]
    assert _weak("البنك المركزي يعلن خفض الفائدة ويعلن استقالة محافظه",
                 _RATE + " كما أعلن البنك استقالة محافظه لأسباب صحية.") == []


def test_a_circumstance_of_one_word_that_the_body_never_gives_is_a_missing_clause():
    assert _weak("الحكومة ترفع أسعار الوقود وسط احتجاجات", _FUEL) == ["وسط احتجاجات"]
    assert _weak("الحكومة ترفع أسعار الوقود وسط احتجاجات", _FUEL + " ودعت النقابات إلى احتجاج أمام البرلمان.") == []
    # its opener (وسط) and a style word (واسعة) are not the clause's words
    assert _weak("الحكومة ترفع أسعار الوقود وسط احتجاجات واسعة",
                 _FUEL + " وانتشر الخبر على نطاق واسع.") == ["وسط احتجاجات واسعة"]


_STRIKE = ("قرر مجلس إدارة الشركة الوطنية للنقل تأجيل اجتماعه السنوي إلى الشهر القادم، وأعلن المدير العام أن "
           "الشركة ستعرض نتائجها المالية خلال الأسبوع المقبل.")


def test_a_clause_whose_specific_nouns_the_body_never_has_is_missing_whatever_its_verb():
    # أعلن and العام are in the body, the resignation, the compensation and the strike are not
    assert _weak("شركة النقل تؤجل اجتماعها السنوي ويعلن مديرها استقالته", _STRIKE) == ["ويعلن مديرها استقالته"]
    assert _weak("شركة النقل تؤجل اجتماعها السنوي .. ويطالب بتعويضات مالية", _STRIKE) == ["ويطالب بتعويضات مالية"]
    assert _weak("شركة النقل تؤجل اجتماعها السنوي وسط إضراب عام", _STRIKE) == ["وسط إضراب عام"]
    # look-alikes: the body gives the noun in another form, or the clause has only common words
    assert _weak("شركة النقل تؤجل اجتماعها السنوي ويعلن مديرها استقالته",
                 _STRIKE + " ثم قدم المدير استقالة مكتوبة.") == []
    assert _weak("شركة النقل تؤجل اجتماعها السنوي وسط إضراب عام", _STRIKE + " ويأتي ذلك مع الإضراب.") == []
    assert _weak("شركة النقل تؤجل اجتماعها السنوي ويعلن موعد النتائج", _STRIKE) == []
    # a noun sharing four letters with the title's (استقبال، انتقال / استقالة) is not the title's noun
    assert _weak("شركة النقل تؤجل اجتماعها السنوي ويعلن مديرها استقالته",
                 _STRIKE + " وتم استقبال المسافرين بعد انتقال المقر.") == ["ويعلن مديرها استقالته"]
    # two common nouns, neither in the body
    assert _weak("شركة النقل تؤجل اجتماعها السنوي ويكشف عن موعد الانتخابات", _STRIKE) == \
        ["ويكشف عن موعد الانتخابات"]


def test_a_clause_opened_by_a_word_of_time_or_cause_is_a_second_claim():
    assert _weak("شركة النقل تؤجل اجتماعها السنوي احتجاجا على الضرائب", _STRIKE) == ["احتجاجا على الضرائب"]
    assert _weak("شركة النقل تؤجل اجتماعها السنوي قبيل الانتخابات البلدية", _STRIKE) == ["قبيل الانتخابات البلدية"]
    assert _weak("شركة النقل تؤجل اجتماعها السنوي قبيل الانتخابات البلدية",
                 _STRIKE + " ويأتي القرار قبيل الانتخابات البلدية.") == []
    # "من قبل" is the passive's agent ("by"), no clause of time
    title = "مجلس إدارة الشركة الوطنية للنقل يقرر تأجيل اجتماعه السنوي {} النقابة"
    assert _weak(title.format("من قبل"), _STRIKE) == []
    assert _weak(title.format("قبل"), _STRIKE) == ["قبل النقابة"]


_DIGEST = ("موعد يومي مع أبرز الأحداث والمستجدات على الساحة الوطنية خلال 24 ساعة: إصابة جنديين في انفجار لغم، "
           "واتحاد الشغل يحذر من غلاء الأسعار، وانخفاض أسعار الخضر في الأسواق.")


def test_a_title_date_is_the_date_checks_not_evidence_of_another_story():
    # a digest's date (day, month, year) is not in its body: a month after a day or before a year is left out
    assert not [r for r, _ in _alarms("أبرز أخبار الخميس 2 فيفري 2017", _DIGEST) if r == "consistency.topic_absent"]
    ctx = Context(Document("أبرز أخبار الخميس 2 فيفري 2017", _DIGEST))
    assert _token(ctx, "فيفري").start in style_words(ctx.title.tokens)
    ctx = Context(Document("سبتمبر شهر العودة المدرسية", _DIGEST))
    assert _token(ctx, "سبتمبر").start not in style_words(ctx.title.tokens)  # a month alone is a word of the claim
    # another story's title is still another story's, its date left out of the span's words
    assert ("consistency.topic_absent", "هجمات 11 سبتمبر تعود إلى الواجهة") in _alarms(
        "هجمات 11 سبتمبر تعود إلى الواجهة", _DIGEST)
