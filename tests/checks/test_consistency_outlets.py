"""Title against body on other outlets: cases written for this project after the kinds of true titles the
consistency rules flagged on outlets they were not tuned on (``python -m quality.outlets``)."""

from __future__ import annotations

import pytest

from .alarms import title_alarms

FLAG = [
    # a place after the dateline still counts
    ("الآلاف يتظاهرون في دمشق احتجاجا على غلاء الخبز",
     "باريس (أ ف ب) - تظاهر الآلاف في بيروت احتجاجا على غلاء الخبز وتراجع الليرة.",
     "consistency.place_mismatch", "دمشق"),
    # a compound nationality adjective names one of the two Koreas
    ("مظاهرات في كوريا الشمالية ضد الوفد الأمريكي",
     "تظاهر آلاف الكوريين الجنوبيين في شوارع سيول ضد زيارة الوفد الأمريكي.",
     "consistency.place_mismatch", "كوريا الشمالية"),
    # a capital inside the title is where the story happened, not its state
    ("انفجار في دمشق يوقع قتلى", "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في مدينة حمص السورية صباح اليوم.",
     "consistency.place_mismatch", "دمشق"),
    # two figures written to the same precision do not round into each other
    ("الصادرات تبلغ 1.6 مليار دولار", "بلغت الصادرات 1.7 مليار دولار هذا العام.",
     "consistency.number_mismatch", "1.6 مليار دولار"),
    ("الفائض التجاري يقفز 160%", "ارتفع الفائض بنسبة 161.4% وزادت الصادرات 37.8% خلال الشهر.",
     "consistency.number_unmatched", "160%"),
    # a foreign name the body never spells in any form: the title is another story's
    ("تسيتسيباس يصعق نادال في تورونتو",
     "أعلن المقاتل الأيرلندي كونور ماكجريجور عودته للمنافسة بعد غياب طويل بسبب الإصابة.",
     "consistency.topic_absent", "تسيتسيباس يصعق نادال في تورونتو"),
    # the names and nouns the title adds are missing from the body (its verb is found or not, no matter)
    ("يوفنتوس يجدد عقدي بوفون وكيليني حتى الاعتزال",
     "أعلن نادي يوفنتوس الإيطالي التعاقد مع المدرب السابق للفريق ماسيميليانو أليغري لمدة ثلاثة مواسم.",
     "consistency.topic_absent", "يجدد عقدي بوفون وكيليني حتى الاعتزال"),
    # a total the body does not give, nor as the sum of two of its figures
    ("تونس تتسلم قرضا بـ31 مليار دولار",
     "قال البنك المركزي إن البلاد تسلمت 12 مليار دولار في الدفعة الأولى، على أن تصل الشريحة الثانية البالغة 18 "
     "مليار دولار قبل نهاية العام.", "consistency.number_unmatched", "31 مليار دولار"),
    # a headline's round "مليار" is not 1.6 billion
    ("البحرية تشتري سفنا حربية بمليار دولار",
     "وقعت البحرية عقدا لشراء أربع سفن حربية في صفقة قيمتها 1.6 مليار دولار، ويمتد التسليم خمس سنوات.",
     "consistency.number_mismatch", "بمليار دولار"),
]

PASS = [
    # the dateline says where the story was filed from, not where it happened
    ("فرق الإنقاذ تصل إلى موقع تحطم الطائرة الإيرانية",
     "دبي، الإمارات العربية المتحدة (CNN)-- وصلت فرق الإنقاذ إلى موقع تحطم الطائرة في جبال زاغروس."),
    ("ارتفاع أسعار الخبز في السودان",
     "القاهرة (رويترز) - ارتفعت أسعار الخبز إلى ثلاثة أضعاف خلال أسبوع واحد في مدن عدة."),
    ("تأثير بيع السندات الأمريكية على واشنطن",
     "نيويورك، الولايات المتحدة (CNN)-- قال خبراء إن بيع السندات لن يضر الولايات المتحدة كثيرا."),
    # "الكوري الشمالي" is North Korea, not South Korea
    ("ترامب يتلقى رسالة من زعيم كوريا الشمالية",
     "قال الرئيس الأمريكي إنه تلقى رسالة جميلة من الزعيم الكوري الشمالي، وأشاد بالتقارب بين الكوريين."),
    # a country known by its CLDR name only has its regular nationality adjective (آيسلندا / الآيسلندي)
    ("الأرجنتين تفشل في عبور آيسلندا",
     "تعادل المنتخب الأرجنتيني مع نظيره الآيسلندي بهدف لمثله في افتتاح مشواره بكأس العالم في روسيا."),
    # a capital opening the title before its verb stands for the state (دمشق تعلن = Syria announces)
    ("دمشق تعلن التصدي لضربات إسرائيلية",
     "أعلنت وكالة الأنباء السورية أن الدفاعات الجوية تصدت لصواريخ إسرائيلية قرب حمص فجر اليوم."),
    # صيدا is also a word (prey), trusted as the Lebanese city only after a place noun
    ('غارة أمريكية تستهدف "صيدا ثمينا" في أفغانستان',
     "قال مسؤولون إن غارة أمريكية في ولاية ننكرهار بأفغانستان استهدفت قياديا بارزا قرب الحدود مع باكستان."),
    # a title rounds or truncates the body's precise figure
    ("أرامكو تشرح صفقة بـ1.6 مليار دولار",
     "بلغت قيمة الصفقة 1.5 مليار يورو (1.62 مليار دولار) وفق الشركة، مقابل 250 مليون دولار في صفقة سابقة."),
    ("الفائض التجاري يقفز 160%", "ارتفع الفائض بنسبة 160.7% مقارنة بالعام الماضي، فيما زادت الصادرات 37.8%."),
    # a foreign name transliterated another way (زيلينسكي / زيلنسكي، ماكغريغور / ماكجريجور)
    ("زيلينسكي يطلب المزيد من الدعم العسكري",
     "طالب الرئيس الأوكراني فولوديمير زيلنسكي الحلفاء الغربيين بتقديم مساعدات إضافية لجيش بلاده في أقرب وقت."),
    ("ماكغريغور يعود إلى الحلبة", "أعلن المقاتل الأيرلندي كونور ماكجريجور عودته للمنافسة بعد غياب طويل بسبب الإصابة."),
    # a headline adds up the body's figures (12 + 18 billion), rounds them to a scale word (1.18 billion)
    ("تونس تتسلم قرضا بـ30 مليار دولار",
     "قال البنك المركزي إن البلاد تسلمت 12 مليار دولار في الدفعة الأولى، على أن تصل الشريحة الثانية البالغة 18 "
     "مليار دولار قبل نهاية العام."),
    ("البحرية تشتري سفنا حربية بمليار دولار",
     "وقعت البحرية عقدا لشراء أربع سفن حربية في صفقة قيمتها 1.18 مليار دولار، ويمتد التسليم خمس سنوات."),
    # the headline's own verbs (يستنجد، يعيد) are the words outlets choose most freely: missing, they are no
    # sign of another story (at most a hint)
    ("يوفنتوس يستنجد بأساطيره ويعيد المدرب القديم",
     "أعلن نادي يوفنتوس الإيطالي التعاقد مع المدرب السابق للفريق ماسيميليانو أليغري لمدة ثلاثة مواسم."),
]


@pytest.mark.parametrize("title,body,rule,text", FLAG)
def test_flagged_with_its_exact_span(title, body, rule, text):
    assert (rule, text) in title_alarms(title, body)


@pytest.mark.parametrize("title,body", PASS)
def test_true_titles_are_not_flagged(title, body):
    assert title_alarms(title, body) == []


def test_a_transliterated_name_has_one_skeleton():
    from editorial.checks.arabic.normalize import norm
    from editorial.checks.consistency.topic import skeleton

    assert skeleton(norm("تورنتو")) == skeleton(norm("تورونتو"))
    assert skeleton(norm("غوارديولا")) == skeleton(norm("جوارديولا"))
    assert skeleton(norm("تسيتسيباس")) == skeleton(norm("تستسيباس"))
    assert skeleton(norm("نادال")) == ""  # too few consonants to tell names apart


def test_a_headline_present_verb_is_told_from_nouns_that_start_alike():
    from editorial.checks.arabic.normalize import norm
    from editorial.checks.consistency.topic import _present_verb

    assert all(_present_verb(norm(w)) for w in ("يثخن", "تتعثر", "ويعيد", "تستبق", "يحسم"))
    assert not any(_present_verb(norm(w)) for w in ("تعاون", "تحذير", "تقارير", "تبعات", "تركي", "تونس", "يوميات"))


@pytest.mark.parametrize("title,body", [
    # a verb after "و" and a preposition after an honorific are no name parts (الشيخ ويوجه، الشيخ بسبب)
    ("المغني يرد على الشيخ ويوجه رسالة له", "رد المغني على الداعية في مقطع مصور، وقال المطرب سامي يوسف إنه يحترم الجميع."),
    ("المعلق ينتقد الشيخ بسبب أغنية وطنية",
     "انتقد المعلق الرياضي أغنية وطنية بثتها القناة، وقال إن المستشار تركي الدخيل يتحمل المسؤولية."),
])
def test_no_name_is_read_from_a_verb_or_a_preposition(title, body):
    assert "consistency.person_mismatch" not in [rule for rule, _ in title_alarms(title, body)]


def test_a_cldr_country_gets_its_regular_nisba_but_not_a_short_one():
    from editorial.checks.arabic.lexicon import _nisba
    from editorial.checks.arabic.normalize import norm

    assert _nisba(norm("آيسلندا")) == "ايسلندي" and _nisba(norm("التشيك")) == "تشيكي"
    assert _nisba(norm("الصومال")) == "صومالي" and _nisba(norm("سلوفينيا")) == "سلوفيني"
    assert _nisba(norm("غانا")) == "" and _nisba(norm("جنوب السودان")) == ""
