"""Places, people, numbers and genders of the title against the body: cases written for this project (issue 8,
entity kinds). Each FLAG case must be reported on exactly the given title span; each KEEP case, a look-alike,
must raise no alarm of these rules."""

from __future__ import annotations

import pytest

from editorial.checks import check_draft

RULES = ("consistency.place_mismatch", "consistency.person_mismatch", "consistency.number_mismatch",
         "consistency.number_unmatched", "consistency.gender_mismatch")


def alarms(title: str, body: str) -> list[tuple[str, str]]:
    report = check_draft(title, body)
    assert not report.errors
    return [(f.rule, f.text) for f in report.findings if f.rule in RULES and f.severity != "info"]


FLAG = [
    # the same words around another place: one place put for another (a governor, a club, an airport, a festival)
    ("والي القصرين يزور المستشفى الجهوي",
     "أدى والي توزر صباح اليوم زيارة إلى المستشفى الجهوي واطلع على سير العمل في أقسامه.",
     "consistency.place_mismatch", "القصرين"),
    ("مستقبل نفطة يتعاقد مع مدرب جديد",
     "أعلنت الهيئة المديرة لمستقبل قليبية التعاقد مع مدرب جديد لبقية الموسم.",
     "consistency.place_mismatch", "نفطة"),
    ("أول رحلة تحط في مطار طبرقة عين دراهم",
     "حطت أمس أول رحلة قادمة من ليون في مطار توزر عين دراهم وسط استقبال رسمي.",
     "consistency.place_mismatch", "طبرقة"),
    ("انطلاق مهرجان دوز للشعر الشعبي",
     "انطلقت مساء أمس فعاليات مهرجان قفصة للشعر الشعبي بمشاركة شعراء من عدة ولايات.",
     "consistency.place_mismatch", "دوز"),
    ("وكالة المغرب العربي للأنباء تكرم صحفييها",
     "كرمت وكالة تونس العربي للأنباء عددا من صحفييها في حفل أقيم بالعاصمة.",
     "consistency.place_mismatch", "المغرب"),
    # an ambiguous place name after the preposition ب is the place (in the title: in the body it would only add
    # rivals)
    ("حجز كمية من المخدرات بقبلي",
     "حجزت وحدات الحرس الوطني بالمهدية كمية من المخدرات كانت مخبأة في سيارة.",
     "consistency.place_mismatch", "بقبلي"),
    # the body's place not after a media noun is a rival
    ("فيضانات تجتاح شمال العراق", "قالت الوكالة إن الفيضانات اجتاحت مدنا في شمال سوريا.",
     "consistency.place_mismatch", "العراق"),
    # a media noun further back does not make the festival's city an outlet's
    ("اختتام مهرجان الإذاعة والتلفزيون في قابس",
     "اختتمت مساء أمس دورة مهرجان الإذاعة والتلفزيون الذي انتظم بمدينة سوسة على مدى أسبوع.",
     "consistency.place_mismatch", "قابس"),
    # Latin America is no United States; a city of a country the lexicon now knows in full
    ("أول ظهور للفرقة في الولايات المتحدة", "بالصور: أول ظهور للفرقة في أمريكا اللاتينية قبل خمسين عاما.",
     "consistency.place_mismatch", "الولايات المتحدة"),
    ("رحلة جوية مباشرة بين لندن وبيرث", "أعلنت الشركة عن رحلة جوية مباشرة بين لندن وسيدني.",
     "consistency.place_mismatch", "وبيرث"),
    # a family name of two words, a name before its office
    ("كريم بن سالم يستقيل من رئاسة الجمعية",
     "أعلن رئيس الجمعية نزار بن سالم استقالته من منصبه مساء أمس لأسباب صحية.",
     "consistency.person_mismatch", "كريم بن سالم"),
    ("هالة بوزيد عبيد تفوز بالجائزة الأولى",
     "تحصلت الكاتبة سلوى بوزيد عبيد على الجائزة الأولى للمسابقة الوطنية للقصة القصيرة.",
     "consistency.person_mismatch", "هالة بوزيد عبيد"),
    ("وزارة الصحة: ريم العياري مديرة المستشفى الجديد",
     "قررت وزارة الصحة تعيين أمل العياري مديرة المستشفى الجهوي الجديد ابتداء من الشهر القادم.",
     "consistency.person_mismatch", "ريم العياري"),
    # counts in words are exact: four is no rounding of five
    ("إيقاف خمسة متهمين في قضية فساد", "تم إيقاف أربعة متهمين في قضية فساد مالي.",
     "consistency.number_mismatch", "خمسة متهمين"),
    ("وفاة 3 أشخاص في حادث مرور", "توفي أربعة أشخاص في حادث مرور بالطريق السريعة.",
     "consistency.number_mismatch", "3 أشخاص"),
    # a bare title figure never given by the body, close to the one figure the body gives
    ("ذاكرة الرجال تتراجع بدءا من الـ47", "تبدأ ذاكرة الرجال بالتراجع عند بلوغ سن 45 عاما حسب الدراسة.",
     "consistency.number_unmatched", "47"),
    # a title figure more precise than the body's round one (the headline's 710 cannot come from "نحو 700")
    ("حجز 710 علب جعة بالنفيضة", "حجزت الفرقة نحو 700 علبة جعة وإيقاف مروج خمور.",
     "consistency.number_mismatch", "710 علب"),
    ("63 عارضا في معرض الصناعات التقليدية",
     "يشارك نحو 60 عارضا في الدورة الجديدة لمعرض الصناعات التقليدية.",
     "consistency.number_mismatch", "63 عارضا"),
    ("سيارة كهربائية تقطع 515 كيلومترا بشحنة واحدة",
     "كشفت الشركة عن سيارة كهربائية تقطع حوالي 500 كيلومتر بشحنة واحدة.",
     "consistency.number_mismatch", "515 كيلومترا"),
    # the governor of a region: والي / والية
    ("والية نابل تشرف على اجتماع اللجنة الجهوية",
     "أشرف والي نابل صباح اليوم على اجتماع اللجنة الجهوية لمجابهة الكوارث.",
     "consistency.gender_mismatch", "والية نابل"),
]


@pytest.mark.parametrize(("title", "body", "rule", "text"), FLAG)
def test_flagged(title: str, body: str, rule: str, text: str) -> None:
    assert (rule, text) in alarms(title, body)


KEEP = [
    # the title's place is in the body, as a team
    ("اتحاد بن قردان يتأهل ومستقبل قابس يغادر",
     "تأهل اتحاد بن قردان إلى الدور الموالي فيما غادر مستقبل قابس المسابقة بعد هزيمته أمام النادي البنزرتي."),
    # the same word after two places, but the title's place is named in the body too
    ("والي صفاقس ووالي سوسة في اجتماع مشترك",
     "اجتمع والي سوسة بوالي صفاقس لمتابعة المشاريع المشتركة بين الجهتين."),
    # a place in the frame is a place, not the frame (لندن.. وروسيا / موسكو، روسيا)
    ("واشنطن تدعم لندن.. وروسيا تتوعد",
     "موسكو، روسيا (CNN)-- توعدت الخارجية الروسية بالرد على الإجراءات البريطانية ضد روسيا."),
    # an adjective describes: no frame
    ("السعودية تودع مليار دولار أميركي في البنك المركزي اليمني",
     "أودعت السعودية مليار دولار سعودية في البنك المركزي اليمني دعما للعملة."),
    # an ambiguous word after ب that is a word (بصور: with pictures)
    ("حريق في مستودع بالقيروان",
     "شب حريق في مستودع بالقيروان ووثق الأهالي الحادثة بصور نشروها على مواقع التواصل."),
    # the place after a media noun names the outlet's country, not where the story is
    ("مقتل مهاجر أفغاني في حادث سير", "ذكرت صحيفة الغارديان البريطانية أن مهاجرا لقي حتفه في حادث سير."),
    ("فيضانات تجتاح شمال العراق", "قالت وكالة الأنباء الفرنسية إن الفيضانات اجتاحت مدنا في الشمال."),
    ("مقتل شاب أسترالي برصاص الشرطة", "أظهر فيديو نشرته صحيفة \"ذا صن\" البريطانية لحظة إطلاق الشرطة النار على الشاب."),
    # the body misspells the title's place with two letters swapped
    ("حداد في الأرجنتين بعد الخسارة أمام كرواتيا",
     "أعلنت قناة أرجنتينية دقيقة صمت عقب الهزيمة أمام كراوتيا في نهائيات كأس العالم المقامة بروسيا."),
    # اليمنى "the right (foot)" is no Yemeni; a club's country adjective; الكوري for either Korea; a capital
    # as the subject of a second clause; the English adjective covers إنجلترا
    ("حارس المنتخب الجزائري يغيب عن المباراة",
     "يغيب حارس المنتخب عن المباراة بسبب إصابة في يده اليمنى تعرض لها في التدريبات."),
    ("فريق إثيوبي مغمور يطيح الزمالك المصري",
     "أطاح فريق إثيوبي بنادي الزمالك من البطولة، بعد أن أقصى الترجي التونسي والأهلي الليبي."),
    ("ترامب يبحث اجتماعه الكوري المرتقب",
     "قال الرئيس الأمريكي إن اجتماعه مع زعيم كوريا الشمالية سيعقد قريبا."),
    ("هجوم دوما.. واشنطن تطلب تصويتا وموسكو تعارض",
     "طلبت الولايات المتحدة تصويتا في مجلس الأمن على مشروع قرار بشأن سوريا، فيما عارضت روسيا."),
    ("كرواتيا تبلغ النهائي على حساب إنجلترا",
     "بلغ منتخب كرواتيا النهائي بعد فوزه على المنتخب الإنجليزي في موسكو."),
    # a town of the governorate the title names
    ("المنظمة ترجح استخدام الكلور في إدلب", "قالت المنظمة إن الكلور استخدم على الأرجح في هجوم على بلدة سراقب."),
    # الإنجليزية is the language, not a country
    ("الوزير: تحدثت بالإنجليزية ليفهم العالم موقفنا", "قال الوزير الإسرائيلي إنه خاطب العالم بلغة يفهمها."),
    # a participle, a verb after و, a feminine relative adjective: no family name
    ("محمد العياري نافيا تدخله في القضية", "نفى الفنان محمد العياري تدخله في القضية أمام الصحفيين."),
    ("خلفان يعلق على خطاب الشيخ تميم ويرد على المنتقدين", "علق خلفان على خطاب الشيخ تميم بن حمد."),
    ("قيمة محمد صلاح الشرائية ترتفع", "ارتفعت القيمة الشرائية للاعب محمد صلاح خلال ستة أشهر."),
    # a word after "و" before an office is a noun, not a family name
    ("أسماء وأدوار المسؤولين المشمولين بالعقوبات", "أدرجت الخزانة سامي الطرابلسي في القائمة."),
    # two plain words after a name, the second an adjective (أفضل), not a family name
    ("سلمى الرياحي أفضل لاعبة في البطولة", "اختيرت اللاعبة سلمى الرياحي كأحسن لاعبة في البطولة هذا الموسم."),
    # a round bare title figure for a precise body one; a count of others besides one named
    ("ألمانيا تعيد النظر في 4500 \"قرار لجوء\"", "أعلنت السلطات أنها ستعيد النظر في 4568 ملفا هذا العام."),
    ("4 أحزاب تتحالف في الانتخابات", "سيوقع الحزب الجمهوري وثلاثة أحزاب أخرى اتفاقا لتشكيل تحالف انتخابي."),
    # a bare title figure the body gives, or one with several close figures in the body
    ("ذاكرة الرجال تتراجع بدءا من الـ45", "تبدأ ذاكرة الرجال بالتراجع عند بلوغ سن 45 عاما حسب الدراسة."),
    ("ذاكرة الرجال تتراجع بدءا من الـ47", "تتراجع الذاكرة بين سن 45 و50 عاما حسب الدراسة."),
    # a count in words one off one of several body figures: the title may pick or add
    ("ثلاثة قتلى في هجومين", "قتل أربعة أشخاص في الهجوم الأول و9 أشخاص في الهجوم الثاني، بينهم 3 أطفال."),
    # the same count in words and in digits
    ("وفاة ثلاثة أشخاص في حادث مرور", "توفي 3 أشخاص في حادث مرور بالطريق السريعة."),
    # the title rounds the body's figure with "نحو"; the body's figure is the same
    ("نحو 500 عارض في معرض الصناعات التقليدية", "يشارك 512 عارضا في الدورة الجديدة لمعرض الصناعات التقليدية."),
    ("41 عارضا في معرض الكتاب", "يشارك نحو 41 عارضا في معرض الكتاب هذه السنة."),
    # a three-letter present-tense verb after a name is no family name
    ("رياض العياري يرد على منتقديه بهدف", "سجل رياض العياري هدفا رائعا ليرد على منتقديه."),
    # "والى" is "and to", not the governor
    ("والي المنستير يزور الميناء", "زار والي المنستير الميناء والى جانبه المندوب الجهوي للفلاحة."),
]


@pytest.mark.parametrize(("title", "body"), KEEP)
def test_not_flagged(title: str, body: str) -> None:
    assert alarms(title, body) == []


SWAPS = [
    # one club put for another between the same two words, outside sports copy
    ("التنظيم يسعى للتمدد نحو منطقة الأفريقي الشرقية",
     "قال الخبير إن التنظيم يسعى منذ أشهر للتمدد خارج المدينة نحو منطقة الترجي الشرقية الغنية بالموارد.",
     "الأفريقي"),
]


@pytest.mark.parametrize(("title", "body", "text"), SWAPS)
def test_swapped_between_same_words(title: str, body: str, text: str) -> None:
    found = [(f.rule, f.text) for f in check_draft(title, body).findings]
    assert ("consistency.swapped_word", text) in found


def test_adjectives_between_same_words_are_paraphrase() -> None:
    title = "اتفاق الوزيرين على التعاون الوثيق لحل الخلافات"
    body = "أعلن الوزيران اتفاقهما على التعاون المثمر لحل الخلافات العالقة بين البلدين."
    assert not [f for f in check_draft(title, body).findings if f.rule == "consistency.swapped_word"]
