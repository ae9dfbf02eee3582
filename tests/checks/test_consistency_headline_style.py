"""Title against body: a headline's format and tone words, and figures a body tells another way. Cases written
for this project after the kinds of true titles the topic and number rules flagged on outlets they were not tuned
on (``python -m quality.outlets``): labels (شاهد، بالفيديو), evaluative words (مرعبة، سار), figurative set
phrases (تقلب الطاولة), dates told as the time since them, and one figure counted by two nouns."""

from __future__ import annotations

import pytest

from editorial.checks.consistency.common import Context
from editorial.checks.consistency.topic import (
    _credit,
    _present_verb,
    _said_in_third_person,
    _style_words,
    _weekday,
)
from editorial.checks.types import Document

from .alarms import title_alarms

FLAG = [
    # an interview credited to the outlet (لـCNN) is in any of its stories: it does not make a title belong
    ("وزير سابق لـCNN: الاتفاق النووي انتهى",
     "(CNN)-- أعلنت شركة تسلا عن طراز جديد من سياراتها الكهربائية بسعر أقل من الطرازات السابقة.",
     "consistency.topic_absent", "وزير سابق لـCNN: الاتفاق النووي انتهى"),
    # style words left out, what remains of the title is still another story's
    ("بالفيديو.. زلزال مرعب يضرب تشيلي",
     "أعلنت وزارة الصحة الفرنسية عن خطة لتوظيف آلاف الممرضين في المستشفيات العامة خلال العام المقبل.",
     "consistency.topic_absent", "زلزال مرعب يضرب تشيلي"),
    # two specific nouns are two groups: 12 injured is no count of the dead
    ("مقتل 12 شخصا في هجوم على سوق شعبي", "قتل 10 أشخاص وأصيب 12 آخرون في هجوم على سوق شعبي وسط المدينة.",
     "consistency.number_mismatch", "12 شخصا"),
    ("انتشال 15 قتيلا من تحت الأنقاض", "انتشلت فرق الدفاع المدني 9 قتلى و15 جريحا من تحت أنقاض المبنى المنهار.",
     "consistency.number_mismatch", "15 قتيلا"),
    # a bare body figure (an article of law, an hour) is not the title's count told another way
    ("مقتل 15 شخصا في هجوم على حافلة", "قتل 12 شخصا في هجوم على حافلة، بحسب المادة 15 من بيان الشرطة.",
     "consistency.number_mismatch", "15 شخصا"),
    # a duration that is no "منذ" is still compared
    ("الحكومة تمدد حالة الطوارئ 3 أشهر", "قررت الحكومة تمديد حالة الطوارئ ستة أشهر إضافية بسبب الوضع الأمني.",
     "consistency.number_mismatch", "3 أشهر"),
    # an age is compared with the body's age
    ("معمرة يابانية تحتفل بعيد ميلادها في عمر 117 عاما",
     "احتفلت المعمرة اليابانية، البالغة من العمر 116 عاما، بعيد ميلادها في دار للمسنين عاشت فيها 20 عاما.",
     "consistency.number_mismatch", "117 عاما"),
    # an age in the title against a body that states it in no form we read as an age
    ("وفاة شاب (27 عاما) في حادث مرور", "توفي شاب يبلغ 25 عاما في حادث مرور على الطريق السريعة.",
     "consistency.number_mismatch", "27 عاما"),
    # years are one unit whether the body counts them in أعوام or سنوات
    ("الحكومة تمدد حالة الطوارئ 3 سنوات", "قررت الحكومة تمديد حالة الطوارئ خمسة أعوام بسبب الوضع الأمني.",
     "consistency.number_mismatch", "3 سنوات"),
]

PASS = [
    # a label and an evaluative word are the headline's, not the story's
    ("شاهد.. لحظات مرعبة في جنوى",
     ("انهار جزء من جسر للطرق السريعة في مدينة جنوى الإيطالية، صباح الثلاثاء، وسقطت عشرات السيارات من ارتفاع "
      "كبير، بحسب ما أفادت فرق الإنقاذ.")),
    ("نبأ سار لعشاق المعكرونة",
     "كشفت دراسة كندية حديثة أن تناول المعكرونة باعتدال لا يؤدي إلى زيادة الوزن، بل قد يساعد على إنقاصه."),
    # a figurative set phrase: no story says "قلب الطاولة" for a comeback
    ("أسود الأطلس تقلب الطاولة على البرتغال",
     "فاز المنتخب المغربي على نظيره البرتغالي بهدفين مقابل هدف في مباراة ودية، بعد أن تأخر بهدف في الشوط الأول."),
    # a digest's date: the date check compares it, the body of a digest does not repeat it
    ("أبرز عناوين الخميس",
     ("موعد يومي مع أبرز المستجدات: الترجي يفوز على الصفاقسي، والمنتخب يستعد لمواجهة مصر، والنادي الإفريقي يعين "
      "مدربا جديدا.")),
    # the body counts the dead as people; an earlier toll it reports is another figure, not the title's
    ("24 قتيلا في حريق بمركز لعلاج الإدمان في باكو",
     ("قتل 24 شخصا في حريق اندلع فجر اليوم في مركز لعلاج الإدمان في العاصمة الأذربيجانية باكو، وكانت وكالة "
      "محلية أفادت في وقت سابق بسقوط 30 قتيلا.")),
    # a percentage whose sign (٪) the body writes apart
    ("بيتكوين تفقد 20% من قيمتها في يومين",
     "فقدت عملة بيتكوين أكثر من 20٪ من قيمتها في يومين، فيما لم يتجاوز تراجع الإيثريوم 4.5% في الفترة نفسها."),
    # players counted by their nationality
    ("ديشان يستدعي 6 لاعبين من الدوري الإسباني",
     ("استدعى المدرب ديدييه ديشان 6 فرنسيين يلعبون في الدوري الإسباني ضمن قائمة من 23 لاعبا لمباراتي الشهر "
      "المقبل.")),
    # a contract in أعوام, told in سنوات; the player's age (26 عاما) is no duration
    ("شاكيري ينضم إلى ليفربول لخمسة أعوام",
     "وقع السويسري شيردان شاكيري، 26 عاما، عقدا لمدة خمس سنوات مع ليفربول قادما من ستوك سيتي."),
    # a title age is compared with the body's ages first; a sentence in years agrees with the body's sentence
    ('برشلونة يعزز دفاعه بـ"صاحب الـ34 عاما"',
     "يسعى برشلونة لتعزيز دفاعه بالمدافع البالغ من العمر 34 عاما، والذي لعب 10 سنوات في الدوري الإيطالي."),
    ("سجن صحفيين 7 سنوات في ميانمار",
     "قضت محكمة في ميانمار بسجن الصحفيين وا لون (32 عاما) وكياو سو أو (28 عاما) سبع سنوات."),
    # a rank (27 عالميا) is compared with no rank of another index in the body
    ("الإمارات الأولى عربيا و27 عالميا في التنافسية",
     "حلت الإمارات في المركز الأول عربيا في تقرير التنافسية، وجاءت في المرتبة 10 عالميا في مؤشر البنية التحتية."),
    # "the highest in 20 years" is a date told as the time since it
    ("الذهب في أطول موجة خسائر في 20 عاما", "تراجع الذهب للأسبوع السادس، في أطول موجة خسائر منذ نحو أربع سنوات."),
    # "العشرات" without a noun: the body's "عشرات الجنود" may be what it counts, whatever else the body has
    ("مسلحون يسيطرون على قاعدة عسكرية ويأسرون العشرات",
     "سيطر مسلحون على قاعدة عسكرية وأسروا عشرات الجنود، فيما فر المئات إلى الجبال المجاورة."),
    # "منذ 7 سنوات" is the date the body gives as a year, not a duration against its three-year programme
    ("البطالة في أدنى مستوى منذ 7 سنوات",
     ("تراجع معدل البطالة إلى 9.8 في المئة، وهو أدنى مستوى منذ 2011، فيما تمضي الحكومة في برنامج إصلاح مدته "
      "ثلاث سنوات.")),
]


@pytest.mark.parametrize("title,body,rule,text", FLAG)
def test_flagged_with_its_exact_span(title, body, rule, text):
    assert (rule, text) in title_alarms(title, body)


@pytest.mark.parametrize("title,body", PASS)
def test_true_titles_are_not_flagged(title, body):
    assert title_alarms(title, body) == []


def test_style_words_are_labels_evaluations_and_set_phrases_in_any_clitic_form():
    title = "بالصور.. الفيفا يدق ناقوس الخطر ومفاجأة في الملعب"
    toks = Document(title, "").title.tokens
    style = {t.text for t in toks if t.start in _style_words(toks)}
    assert style == {"بالصور", "يدق", "ناقوس", "الخطر", "ومفاجأة"}
    # "خطر" alone is a claim (a risk), "صور" alone a noun (photos): only the set phrase and the label are style
    toks = Document("صور جوية تكشف خطر الفيضانات", "").title.tokens
    assert _style_words(toks) == set()


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
