"""Title against body on other outlets: cases written for this project after the kinds of true titles the
consistency rules flagged on outlets they were not tuned on (``python -m quality.outlets``)."""

from __future__ import annotations

import pytest

from tests.checks.alarms import consistency_alarms as title_alarms

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
    # headline style and figures told another way (see test_consistency_headline_style.py)
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
    # headline style and figures told another way (see test_consistency_headline_style.py)
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
