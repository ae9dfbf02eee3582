"""consistency.count_mismatch: a count in the title against the body's count of the same thing.

Each flagged case gives the title span and the body span the finding points at; the look-alikes (paraphrased
counts, lists announced as partial, a list followed by other context, agency credits, quotations, side
meetings) must give no count finding.
"""

from __future__ import annotations

import pytest

from editorial.checks import check_draft

RULE = "consistency.count_mismatch"


def _counts(title: str, body: str):
    return [f for f in check_draft(title, body).findings if f.rule == RULE]


FLAGGED = [
    # a number of towns against the towns the body lists after "كل من"
    ("حملة تلقيح في أربع ولايات",
     "تونس (وات) - انطلقت حملة التلقيح ضد الحصبة وشملت كلا من صفاقس وقابس ومدنين. وتتواصل الحملة أسبوعا.",
     "أربع ولايات", "صفاقس وقابس ومدنين"),
    # a dual of countries against three countries named after the noun
    ("وزير الخارجية يختتم جولة في دولتين",
     "اختتم وزير الخارجية جولة شملت دول مصر والأردن والعراق بحث خلالها العلاقات الثنائية.",
     "دولتين", "دول مصر والأردن والعراق"),
    # the dual in construct (وزيرا خارجية) against the plural role followed by three countries
    ("وزيرا خارجية مصر والأردن يبحثان أزمة المياه",
     "بحث وزراء خارجية مصر والأردن والعراق في عمان أزمة المياه في المنطقة.",
     "وزيرا", "وزراء خارجية مصر والأردن والعراق"),
    # a meeting: trilateral in the title, bilateral in the body
    ("قمة ثلاثية في القاهرة لبحث الوضع في غزة",
     "احتضنت القاهرة اليوم القمة الثنائية المصرية الأردنية لبحث تطورات الوضع في غزة.",
     "قمة ثلاثية", "القمة الثنائية"),
    # a meeting and the parties it brought together
    ("لقاء ثنائي في عمان حول أمن الحدود",
     "عقد في عمان اجتماع بين وزراء داخلية الأردن والعراق وسوريا لبحث أمن الحدود المشتركة.",
     "لقاء ثنائي", "اجتماع بين وزراء داخلية الأردن والعراق وسوريا"),
    # stadiums named by a list with no noun before it, after "كل من"
    ("أشغال صيانة في ثلاثة ملاعب قبل انطلاق البطولة",
     "انطلقت أشغال الصيانة، ويتعلق الأمر بكل من ملعب رادس والمنزه، على أن تنتهي قبل البطولة.",
     "ثلاثة ملاعب", "ملعب رادس والمنزه"),
    # people named one by one after "كل من": three foreign ministers, not two
    ("وزيرا خارجية تونس والجزائر يبحثان الوضع في ليبيا",
     ("انعقد في تونس اجتماع حضره كل من وزير خارجية تونس نبيل عمار ووزير خارجية الجزائر أحمد عطاف ووزير "
      "خارجية مصر سامح شكري."),
     "وزيرا", ("وزير خارجية تونس نبيل عمار ووزير خارجية الجزائر أحمد عطاف ووزير خارجية مصر سامح شكري")),
    # "جمعت X بنظيريه": the host and two peers make three parties
    ("قمة ثنائية في العقبة حول الأمن الإقليمي",
     "احتضنت العقبة قمة جمعت العاهل الأردني بنظيريه المصري والعراقي لبحث الأمن الإقليمي.",
     "قمة ثنائية", "قمة جمعت العاهل الأردني بنظيريه المصري والعراقي"),
    # a meeting of ministers described as trilateral: three ministers, not two
    ("وزيرا خارجية مصر والأردن يبحثان أزمة المياه",
     "عقد في عمان اجتماع ثلاثي لوزراء الخارجية لبحث أزمة المياه في المنطقة.",
     "وزيرا", "اجتماع ثلاثي لوزراء"),
    # the leaders counted in the body's opening are the meeting's parties
    ("قمة ثنائية في القاهرة لبحث التعاون", "أكد الرؤساء الثلاثة في ختام قمتهم بالقاهرة أهمية التعاون الاقتصادي.",
     "قمة ثنائية", "الرؤساء الثلاثة"),
    # two presidents in the title, a trilateral summit in the body's opening
    ("الرئيسان المصري والأردني يبحثان الأزمة", "انعقدت في العقبة القمة الثلاثية المصرية الأردنية العراقية لبحث الأزمة.",
     "الرئيسان", "القمة الثلاثية"),
    # a meeting that brought together "كلا من" three ministers
    ("لقاء ثنائي في تونس حول الأمن", "عقد في تونس لقاء جمع كلا من وزير الداخلية ووزير الدفاع ووزير العدل.",
     "لقاء ثنائي", "لقاء جمع كلا من وزير الداخلية ووزير الدفاع ووزير العدل"),
    # the parties counted in the body's opening
    ("لقاء ثنائي في الجزائر حول ليبيا", "بحثت الأطراف الثلاثة في الجزائر اليوم تطورات الوضع في ليبيا.",
     "لقاء ثنائي", "الأطراف الثلاثة"),
    # a plural and its definite number in the title (الدول الثلاث), four countries signing in the body
    ("الدول الثلاث توقع اتفاق الممر الاقتصادي",
     "وقعت كل من مصر والأردن والعراق والسعودية اتفاق الممر الاقتصادي في عمان اليوم.",
     "الدول الثلاث", "مصر والأردن والعراق والسعودية"),
    ("الوزراء الثلاثة يبحثون أزمة المياه", "بحث وزيرا خارجية مصر والأردن أزمة المياه في عمان.",
     "الوزراء الثلاثة", "وزيرا خارجية"),
    # a number word with a clitic in the title (بـست)
    ("قافلة صحية تجوب بـست ولايات", "انطلقت القافلة الصحية وشملت كلا من القصرين وسيدي بوزيد وقفصة.",
     "بـست ولايات", "القصرين وسيدي بوزيد وقفصة"),
    # the body's own count of the same noun (a dual in the title, a number in the body)
    ("افتتاح مستشفيين جديدين في الجنوب",
     "افتتح وزير الصحة ثلاثة مستشفيات جديدة في ولايات الجنوب بطاقة جملية تفوق 300 سرير.",
     "مستشفيين", "ثلاثة مستشفيات"),
    # towns narrowed by a nationality (مدن مغربية): the body lists four Moroccan towns
    ("افتتاح مستشفيات جديدة في ثلاث مدن مغربية",
     "افتتحت الوزارة اليوم مستشفيات جديدة في مدن فاس ومراكش وطنجة وأكادير ضمن خطة لتحسين الخدمات الصحية.",
     "ثلاث مدن", "مدن فاس ومراكش وطنجة وأكادير"),
    # a list of names after "في" that closes a sentence of the opening: the hospitals named in full
    ("نقل جرحى حادث الحافلة إلى أربعة مستشفيات",
     ("انقلبت حافلة لنقل العمال صباح اليوم قرب العاصمة. وتم توزيع الجرحى على المستشفيات ونقلت الحالات الخطيرة "
      "إلى أقسام الإنعاش في شارل نيكول والرابطة وسهلول.\nوقال مصدر طبي إن حالة ثلاثة منهم حرجة."),
     "أربعة مستشفيات", "شارل نيكول والرابطة وسهلول"),
    # the same after a dual in the title, the list joined by a comma and و
    ("إغلاق مستشفيين بسبب الإضراب",
     "شنّ الأطباء الشبان إضرابا عاما اليوم، وأغلقت أقسام العيادات الخارجية في سهلول، فرحات حشاد والرابطة.",
     "مستشفيين", "سهلول، فرحات حشاد والرابطة"),
    # a town of two words (سيدي بوزيد) is one item of a list of towns
    ("انقطاع الماء الصالح للشرب في ثلاث ولايات",
     "أعلنت شركة المياه انقطاع الماء الصالح للشرب في ولايات القصرين وسيدي بوزيد. وستعود الخدمة مساء.",
     "ثلاث ولايات", "ولايات القصرين وسيدي بوزيد"),
    ("حملة نظافة في أربع معتمديات",
     "انطلقت حملة نظافة واسعة شملت كلا من طبلبة وقصر هلال والساحلين. وتتواصل الحملة أسبوعا.",
     "أربع معتمديات", "طبلبة وقصر هلال والساحلين"),
    # six with the preposition (بست) is the count, not the unit of the number before it
    ("توقف بيع هواتف نوت 7 بست ولايات",
     "قررت الشركة وقف بيع هواتف نوت 7 وشمل القرار كلا من صفاقس وقابس ومدنين. وتتواصل الحملة غدا.",
     "بست ولايات", "صفاقس وقابس ومدنين"),
    # a venue named after its town (سوسة الأولمبي) is a venue of the list, not a town
    ("مباريات الجولة الخامسة تقام في ملعبين",
     "تقام مباريات الجولة الخامسة يوم الأحد في سوسة الأولمبي وحمادي العقربي والمنزه.",
     "ملعبين", "سوسة الأولمبي وحمادي العقربي والمنزه"),
    # nationality adjectives (السورية والعراقية) name no towns: they do not agree with the title's dual
    ("إضراب في ولايتين",
     "يتواصل الإضراب في قابس وقفصة وصفاقس، وطالب المضربون بمعلومات عن أبنائهم في السجون السورية والعراقية.",
     "ولايتين", "قابس وقفصة وصفاقس"),
]


@pytest.mark.parametrize("title,body,title_span,body_span", FLAGGED)
def test_a_count_the_body_contradicts_is_flagged_with_both_spans(title, body, title_span, body_span):
    (f,) = _counts(title, body)
    assert (f.field, f.text, f.severity) == ("title", title_span, "warning")
    assert [(r.field, r.text) for r in f.related] == [("body", body_span)]
    assert title[f.start:f.end] == title_span and body[f.related[0].start:f.related[0].end] == body_span


def test_the_message_says_both_counts_in_plain_arabic():
    (f,) = _counts(*FLAGGED[0][:2])
    assert f.message == "يذكر العنوان 4 («أربع ولايات») بينما يذكر النص 3 («صفاقس وقابس ومدنين»): تحقّق من العدد."
    assert "4" in f.message_en and "3" in f.message_en


NOT_FLAGGED = [
    # the same count said another way (a number word in the body, the title's dual)
    ("وزير الخارجية يختتم جولة في دولتين",
     "اختتم وزير الخارجية جولة إقليمية قادته إلى الأردن والعراق، وبحث في البلدين العلاقات الثنائية."),
    ("قمة ثلاثية في عمان", "انعقدت في عمان القمة الثلاثية بين مصر والأردن والعراق بحضور القادة الثلاثة."),
    ("ثلاثة ملاعب جاهزة للبطولة", "أصبحت الملاعب الثلاثة جاهزة، وهي رادس والمنزه وحمادي العقربي."),
    # a list announced as partial (منها، من بينها، مثل)
    ("مهرجان الفيلم العربي بمشاركة ست دول", "يشارك في المهرجان مخرجون من دول عدة منها تونس والمغرب ومصر."),
    ("أمطار غزيرة في خمس ولايات", "شملت الأمطار ولايات عدة من بينها صفاقس وقابس خلال الليلة الماضية."),
    # the list, then other context in the same sentence
    ("جولة للوزير في ثلاث دول",
     "زار الوزير مصر والأردن والعراق خلال الأسبوع الماضي، بعد مشاركته في اجتماعات بروكسل."),
    # an agency credit and a dateline are no items
    ("الكويت تستقبل سفيري فرنسا وألمانيا",
     "الكويت (كونا) - استقبل نائب وزير الخارجية سفيري فرنسا وألمانيا لدى البلاد وبحث معهما التعاون."),
    # a count inside a quotation in the body is someone's words, not the story's count
    ("قمة ثلاثية في عمان لبحث الأزمة",
     "عقدت في عمان قمة ثلاثية لبحث الأزمة، وقال مسؤول إن «القمة الثنائية المقبلة ستعقد في بغداد»."),
    # side meetings on the margins of the summit
    ("قمة ثلاثية في العقبة",
     "عقد القادة الثلاثة قمة في العقبة، وتخللتها لقاءات ثنائية بين الوفود لبحث ملفات التعاون."),
    ("قمة ثلاثية في عمان", "على هامش القمة في عمان، عقد لقاء ثنائي بين العاهل الأردني والرئيس المصري."),
    # bilateral relations are no meeting
    ("قمة ثلاثية في بغداد", "بحث الرئيس العراقي مع نظيره المصري العلاقات الثنائية قبيل انعقاد القمة."),
    # hospitals in two towns are not two hospitals
    ("افتتاح ثلاثة مستشفيات جديدة", "افتتحت الوزارة مستشفيات صفاقس وسوسة الجديدة بحضور الوالي."),
    # the two presidents met on the margins of the trilateral summit: the body says two as well
    ("الرئيسان المصري والأردني يبحثان الأزمة",
     "على هامش القمة الثلاثية في العقبة، بحث الرئيسان المصري والأردني الأزمة."),
    ("قمة ثلاثية في القاهرة", "أكد قادة الدول الثلاث في ختام قمتهم بالقاهرة أهمية التعاون الاقتصادي."),
    ("الدول الثلاث توقع اتفاق الممر", "وقعت الدول الثلاث مصر والأردن والعراق اتفاق الممر الاقتصادي."),
    # a list of countries does not count hospitals
    ("افتتاح مستشفيين ميدانيين", "أعلنت الوزارة افتتاح المستشفيات الميدانية بتمويل من كل من الجزائر ومصر."),
    ("وزيرا خارجية مصر والأردن يبحثان أزمة المياه",
     "عقد في عمان اجتماع ثنائي لوزيري الخارجية لبحث أزمة المياه في المنطقة."),
    # "مديرا عاما" is one general manager in the accusative, not a dual in construct
    ("تعيين سامي الحاج مديرا عاما للشركة", "عين مجلس الإدارة سامي الحاج مديرا عاما، ومعه نائبان للمدير العام."),
    # two foreign ministers among other people named: the list's other office is not counted
    ("وزيرا خارجية تونس والجزائر يبحثان الوضع في ليبيا",
     ("انعقد في تونس اجتماع حضره كل من وزير خارجية تونس نبيل عمار ووزير خارجية الجزائر أحمد عطاف ووزير "
      "الداخلية التونسي.")),
    # periods and amounts are measured, not counted item by item (the numbers check compares them)
    ("الحكومة تمدد الإجراءات 6 أشهر", "قررت الحكومة تمديد الإجراءات، بعد أن كانت مددتها في الشهرين الماضيين."),
    # a narrowed kind in the title (دول عربية) is not contradicted by the count of all of them
    ("ألمانيا ترفض طلبات لجوء من 3 دول عربية",
     "أقر البرلمان الألماني قانونا يصنف الدول الأربع، الجزائر والمغرب وتونس وجورجيا، دولا آمنة."),
    # a smaller count in the body that is part of the title's (two killed, another wounded)
    ("مقتل وجرح 3 أشخاص في حادث طعن", "قتل شخصان وأصيب آخر بجروح في حادث طعن وقع مساء أمس وسط المدينة."),
    # a large total in the title, a detail in the body
    ("محاكمة 20 متهما في قضية فساد", "مثل أمام المحكمة اليوم المتهمان الرئيسيان في القضية ومعهما بقية المتهمين."),
    # "البلدان" is also the plural "countries"
    ("منظمة جديدة تدعو البلدان للانضمام إليها", "دعت المنظمة فرنسا والولايات المتحدة وبريطانيا إلى الانضمام."),
    # a goal-count adjective after a win is a score, not a meeting
    ("الترجي يفوز بثلاثية على النجم", "فاز الترجي على النجم بثلاثية نظيفة في لقاء ثنائي الطابع."),
    # a list after "في" that does not close its sentence: the places of a part, not the full count
    ("نقل الجرحى إلى ثلاثة مستشفيات",
     "نقل الجرحى إلى ثلاثة مستشفيات بالعاصمة، وأجريت عمليات عاجلة في شارل نيكول والرابطة لفائدة الحالات الحرجة."),
    # a list of known towns after "في" says where, not which venues
    ("مباريات الجولة الخامسة تقام في ثلاثة ملاعب", "تقام مباريات الجولة الخامسة يوم الأحد في صفاقس وسوسة."),
    # a list after "في" whose first item is a common noun (الشوط), not a name
    ("ثلاثة ملاعب تحتضن الدورة", "سجل المهاجم هدفين في الشوط الأول والثاني."),
    # the title names some of its items (بينها): a longer list in the body is no conflict
    ("تسجيل إصابات بالحصبة في ثلاث ولايات بينها باجة",
     "أعلنت وزارة الصحة تسجيل إصابات جديدة بالحصبة في بنزرت وباجة وجندوبة وسليانة.\nوالوضع تحت السيطرة."),
    # a count of people in a photo caption, and an agency credit after the list
    ("صورة: ثلاثة لاعبين خلال التدريب", "تونس (وات) - أجرى اللاعبون حصة تدريبية مغلقة في رادس والمنزه."),
    # the same venues, as many as the title's
    ("مباريات الجولة الخامسة تقام في ملعبين", "تقام مباريات الجولة الخامسة يوم الأحد في سوسة الأولمبي ورادس."),
    # a town with a word that says which part of it (صفاقس الكبرى) is still a town
    ("أمطار غزيرة في ثلاث مدن", "تهاطلت أمطار غزيرة اليوم في صفاقس الكبرى وقابس وسوسة."),
    # nationality adjectives are no run of towns against the title's count
    ("إضراب في ثلاث ولايات",
     "يتواصل الإضراب في قابس وقفصة وصفاقس، وطالب المضربون بمعلومات عن أبنائهم في السجون السورية والعراقية."),
    # a town of two words agrees with the count
    ("حملة نظافة في مدينتين", "انطلقت حملة نظافة واسعة شملت كلا من نفطة وسيدي بوزيد. وتتواصل الحملة أسبوعا."),
    # لست "I am not" is no number
    ("لست أدري: ثلاث ولايات بلا ماء", "انقطع الماء في كل من صفاقس وقابس ومدنين. وتعود الخدمة غدا."),
]


@pytest.mark.parametrize("title,body", NOT_FLAGGED)
def test_look_alikes_give_no_count_finding(title, body):
    assert _counts(title, body) == []
