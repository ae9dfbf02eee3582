"""Numbers, scores and names' numbers between title and body (examples written for this project).

Each flagged case gives the rule, the exact title span and the body span the finding points at; each passing
case must give no finding of the rules under test.
"""

from __future__ import annotations

import pytest

from editorial.checks import check_draft

RULES = ("consistency.number_mismatch", "consistency.number_unmatched", "consistency.score_mismatch",
         "consistency.count_mismatch", "consistency.date_mismatch")


def _found(title: str, body: str):
    return [f for f in check_draft(title, body).findings if f.rule in RULES]


FLAGGED = [
    # a score at the end of a sentence, its full stop right after it
    ("النادي الصفاقسي يفوز على الملعب التونسي 2-0", "فاز النادي الصفاقسي على ضيفه الملعب التونسي بنتيجة 3-1.",
     "consistency.score_mismatch", "2-0", "3-1"),
    ("الملعب القابسي ينهزم بهدف لصفر", "انهزم الملعب القابسي أمام مضيفه بنتيجة 2-0، ويتراجع إلى المركز العاشر.",
     "consistency.score_mismatch", "بهدف لصفر", "2-0"),
    ("تعادل الفريقين 2-2 في الدربي", "انتهى الدربي بفوز الفريق المحلي بثلاثة أهداف لهدفين أمام جماهيره.",
     "consistency.score_mismatch", "2-2", "بثلاثة أهداف لهدفين"),
    # a draw without goals against a score with goals; the winner's goals alone, more than the body's score
    ("الملعب التونسي يتعادل سلبيا مع الأولمبي الباجي", "تعادل الملعب التونسي مع الأولمبي الباجي بنتيجة 1-1.",
     "consistency.score_mismatch", "يتعادل سلبيا", "1-1"),
    ("النادي الإفريقي يفوز بثلاثية على اتحاد بن قردان", "فاز النادي الإفريقي على اتحاد بن قردان بنتيجة 2-1.",
     "consistency.score_mismatch", "بثلاثية", "2-1"),
    # a dual in construct (ولايتي) against a count of three
    ("تساقط البرد في ثلاث ولايات بالشمال", "تساقط البرد مساء أمس على ولايتي سليانة والكاف وسط رياح قوية.",
     "consistency.count_mismatch", "ثلاث ولايات", "ولايتي"),
    # a year after a place's name is still a year
    ("مونديال 2026 أمريكا وكندا والمكسيك", "تستضيف الولايات المتحدة وكندا والمكسيك كأس العالم لكرة القدم عام 2030.",
     "consistency.date_mismatch", "2026", "2030"),
    # a model number after the product's name (نوت 9 / نوت-7)
    ("سامسونغ تسحب هواتف غالاكسي نوت 9 من الأسواق",
     "أعلنت شركة سامسونغ سحب هواتف غالاكسي نوت-7 من الأسواق بعد حوادث احتراق بطارياتها.",
     "consistency.number_mismatch", "نوت 9", "نوت-7"),
    # an edition number (الدورة 35 / الدورة 53)
    ("افتتاح الدورة 35 لمهرجان قرطاج الدولي",
     "افتتحت مساء أمس الدورة 53 لمهرجان قرطاج الدولي بعرض موسيقي على الركح الأثري.",
     "consistency.number_mismatch", "الدورة 35", "الدورة 53"),
    # the title's edition in digits, the body's as an ordinal in words
    ("افتتاح الدورة 41 لمعرض الكتاب", "افتتح وزير الثقافة الدورة الثامنة والأربعين لمعرض الكتاب بقصر المعارض.",
     "consistency.number_mismatch", "الدورة 41", "الدورة الثامنة والأربعين"),
    # a number with a Latin tag in one word
    ("عروض أفلام 5D للأطفال بالمسرح البلدي", "تنظم البلدية عروضا سينمائية بتقنية 4D للأطفال طيلة العطلة.",
     "consistency.number_mismatch", "5D", "4D"),
    # a precise title figure against the body's round one in digits (no scale word rounds it)
    ("انهيار 2998 منزلا في الفيضانات", "أدت الفيضانات إلى انهيار 3000 منزل في ولايات الشمال.",
     "consistency.number_mismatch", "2998 منزلا", "3000 منزل"),
    ("اكتشاف مخطوطة عمرها 700 عام", "عثر الباحثون على مخطوطة عمرها 1400عام في دير قديم.",
     "consistency.number_mismatch", "700 عام", "1400عام"),
    # "more than" against "less than" the same figure
    ("سعر الذهب يتخطى حاجز الـ2000 دولار", "تراجع سعر أوقية الذهب ليقل عن 2000 دولار في تعاملات اليوم.",
     "consistency.number_mismatch", "2000 دولار", "2000 دولار"),
    ("صادرات الزيت تتجاوز 300 ألف طن", "بلغت صادرات زيت الزيتون أقل من 300 ألف طن هذا الموسم.",
     "consistency.number_mismatch", "300 ألف طن", "300 ألف طن"),
    # "at least" after the noun, and a title figure below it
    ("مقتل 4 أشخاص في الاشتباكات", "قال المتحدث إن 9 أشخاص على الأقل قتلوا في الاشتباكات منذ الأربعاء.",
     "consistency.number_mismatch", "4 أشخاص", "9 أشخاص"),
    # the title's bound stronger than the body's: more than 57 thousand for "more than 50 thousand"
    ("تسريح أكثر من 35 ألف موظف", "تعتزم الحكومة التسريح الاختياري لأكثر من 30 ألف موظف بالقطاع العام.",
     "consistency.number_mismatch", "35 ألف موظف", "30 ألف موظف"),
    # a title figure well away from the body's "about" figure
    ("حجز 900 علبة سجائر مهربة بالقصرين", "حجزت وحدات الحرس نحو 600 علبة سجائر مهربة على متن شاحنة خفيفة.",
     "consistency.number_mismatch", "900 علبة", "600 علبة"),
    # a full billion in the title for the body's half billion (النصف مليار is half, not a billion)
    ("الحكومة ترصد مليار دينار لدعم الفلاحين", "رصدت الحكومة النصف مليار دينار لدعم الفلاحين المتضررين من الجفاف.",
     "consistency.number_mismatch", "مليار دينار", "النصف مليار دينار"),
    # a definite count in words against the body's digits
    ("الجامعة تحتفل بمرور الخمسين عاما على تأسيسها", "احتفلت الجامعة بمرور 40 عاما على تأسيسها بحضور الوزير.",
     "consistency.number_mismatch", "الخمسين عاما", "40 عاما"),
]


@pytest.mark.parametrize(("title", "body", "rule", "span", "related"), FLAGGED)
def test_flagged(title, body, rule, span, related):
    found = _found(title, body)
    assert [f.rule for f in found] == [rule]
    assert found[0].text == span
    assert related in [r.text for r in found[0].related]


PASSED = [
    # the same score, its full stop after it; a decimal range and a date are no scores
    ("النادي الصفاقسي يفوز على الملعب التونسي 3-1", "فاز النادي الصفاقسي على ضيفه الملعب التونسي بنتيجة 3-1."),
    ("الترجي يفوز 1-0 ويعتلي الصدارة", "فاز الترجي بهدف لصفر. وارتفعت نسبة النمو إلى 2.5-3 بالمئة حسب الوزارة."),
    ("الترجي يفوز 2-1 على النجم", "فاز الترجي على النجم بهدفين لهدف في مباراة مثيرة."),
    # the winner's goals alone: one player's three goals in a 4-1 win; "بثلاثية الأبعاد" is no score
    ("النادي الإفريقي يفوز بثلاثية على اتحاد بن قردان", "فاز النادي الإفريقي على اتحاد بن قردان بنتيجة 4-1."),
    ("عرض الفيلم بثلاثية الأبعاد في قاعة الكوليزي", "عرض الفيلم أمس، وفي الرياضة انتهت مباراة الافتتاح 1-0."),
    ("الترجي يتعادل سلبيا مع النجم", "تعادل الترجي والنجم دون أهداف (0-0) في رادس."),
    # a dual in construct, the same count
    ("تساقط البرد في ولايتي سليانة والكاف", "تساقط البرد مساء أمس على ولايتي سليانة والكاف وسط رياح قوية."),
    # a figure in the range of years with a noun in the accusative is a count, not a year
    ("انهيار 1950 منزلا في الفيضانات", "أدت فيضانات سنة 2003 إلى انهيار ألف وتسعمئة وخمسين منزلا في الشمال."),
    # a year before an adverb in -ا is still a year (إلى 2020 وفقا لـ...)
    ("ارتفاع الصادرات الفلاحية بين 2010 و2020", "ارتفعت الصادرات الفلاحية من 2010 إلى 2020 وفقا لتقرير البنك."),
    # the same model number; a model the body gives as an ordinal word
    ("سامسونغ تسحب هواتف غالاكسي نوت 7 من الأسواق",
     "أعلنت شركة سامسونغ سحب هواتف غالاكسي نوت-7 من الأسواق، بعد أن كانت نوت 5 ناجحة."),
    ("الدورة 48 لمهرجان الجاز بطبرقة", "تنطلق الدورة الثامنة والأربعين لمهرجان الجاز، بعد نجاح الدورة 47 العام الماضي."),
    ("الترجي يحرز اللقب 30 في تاريخه", "أحرز الترجي اللقب الثلاثين في تاريخه، بعد أن أحرز اللقب 29 قبل عام."),
    ("شبكة 5G في تونس قريبا", "تستعد الشركات لإطلاق شبكات الجيل الخامس بعد انتشار 4G في كامل البلاد."),
    # the body's ordinal after the same noun and the title's figure in digits agree; "للمرة الأولى" is no edition
    ("افتتاح الدورة 48 لمعرض الكتاب", "افتتح وزير الثقافة الدورة الثامنة والأربعين لمعرض الكتاب بقصر المعارض."),
    ("الحلقة 3 من المسلسل تعرض الليلة", "تعرض الليلة الحلقة الثالثة من المسلسل، بعد أن عرضت الحلقة الأولى للمرة الأولى."),
    # the title's edition figure given elsewhere in the body
    ("الدورة 12 لمعرض الكتاب", "تنطلق فعاليات معرض الكتاب في دورته 12، بعد الدورة 11 التي شهدت إقبالا كبيرا."),
    # a title's round figure for the body's precise one; a figure with a scale word is rounded
    ("غرق 3000 مهاجر في المتوسط منذ بداية العام", "لقي 2987 مهاجرا حتفهم غرقا في المتوسط منذ بداية العام."),
    ("الميزانية تبلغ 1.6 مليار دينار", "تبلغ ميزانية الوزارة 1,640,000,000 دينار حسب قانون المالية."),
    ("رصد 3 ملايين دينار للمشروع", "رصدت الوزارة 3,2 ملايين دينار للمشروع."),
    # "more than" and "less than" two different figures, the same range
    ("أكثر من 100 قتيل في الزلزال", "أسفر الزلزال عن مقتل أقل من 150 قتيلا حسب حصيلة أولية."),
    ("الذهب يتخطى 2000 دولار", "ارتفع سعر الذهب ليتجاوز 2000 دولار للأوقية."),
    ("مشاركة أكثر من 60 عارضا في المعرض", "يشارك في المعرض ما لا يقل عن 60 عارضا من عدة دول."),
    # the body's figure qualified after its noun: "at least 6" may be the title's 7
    ("ارتفاع حصيلة الاشتباكات إلى 7 قتلى", "قال المتحدث إن 6 قتلى على الأقل سقطوا في الاشتباكات منذ الأربعاء."),
    ("غرق 50 مهاجرا قبالة السواحل", "غرق 48 مهاجرا تقريبا قبالة السواحل حسب الحرس البحري."),
    # the title's bound weaker than the body's, or the same
    ("تسريح أكثر من 30 ألف موظف", "تعتزم الحكومة التسريح الاختياري لأكثر من 35 ألف موظف بالقطاع العام."),
    ("أقل من 5 آلاف مشارك في السباق", "شارك في السباق أقل من 4 آلاف عداء، أي أقل من 5 آلاف مشارك."),
    ("أكثر من 1.5 مليون زائر للمعرض", "زار المعرض أكثر من 1,5 مليون زائر خلال عشرة أيام."),
    # the title gives the body's "about" figure as it is
    ("حجز 700 علبة جعة بالنفيضة", "حجزت الفرقة نحو 700 علبة جعة وإيقاف مروج خمور."),
    # a number after a function word or a verb is no name's number
    ("ارتفاع عدد الإصابات إلى 12", "ارتفع عدد الإصابات إلى 15 حالة حسب الوزارة، فيما بلغ عدد الوفيات 12 حالة."),
    # half a billion in words and in digits; population with dots or commas as thousands separators
    ("الحكومة ترصد نصف مليار دينار لدعم الفلاحين", "رصدت الحكومة النصف مليار دينار لدعم الفلاحين المتضررين."),
    ("الحكومة ترصد النصف مليار دينار للفلاحين", "رصدت الحكومة 500 مليون دينار لدعم الفلاحين المتضررين."),
    ("عدد سكان الولاية يبلغ 1,473,659 نسمة", "بلغ عدد سكان الولاية 1.473.659 نسمة حسب آخر تعداد."),
    ("عدد سكان الولاية يتجاوز المليون نسمة", "بلغ عدد سكان الولاية ١٬٤٧٣٬٦٥٩ نسمة حسب آخر تعداد."),
    ("الجامعة تحتفل بمرور الخمسين عاما على تأسيسها", "احتفلت الجامعة بمرور خمسين عاما على تأسيسها."),
    ("الجامعة تحتفل بالذكرى الخمسين لتأسيسها", "احتفلت الجامعة بمرور 50 عاما على تأسيسها."),
    # look-alikes: a half hour, the second half, a version, a date with dots, a year, a phone number
    ("الحافلة تتأخر نصف ساعة", "تأخرت الحافلة أكثر من ساعة عن موعدها بسبب الزحام."),
    ("هدف في النصف الثاني من المباراة يمنح الترجي الفوز", "سجل الترجي هدفين في المباراة بعد 12 دقيقة من البداية."),
    ("الشركة تطلق الإصدار 1.2.3 من تطبيقها", "أطلقت الشركة الإصدار 1.2.4 من تطبيقها في 2018 بعد تجارب."),
    ("افتتاح المصنع يوم 12.03.2018", "افتتح المصنع يوم 12 مارس 2018 بحضور الوالي وتشغيل 300 عامل."),
]


def test_a_bare_title_figure_near_a_body_figure_says_nothing_of_units():
    found = _found("السلطات: الحصيلة ترتفع إلى 52", "ارتفعت الحصيلة إلى 50 قتيلا حسب السلطات المحلية.")
    assert [(f.rule, f.text) for f in found] == [("consistency.number_unmatched", "52")]
    assert "بالوحدة نفسها" not in found[0].message and "same unit" not in found[0].message_en
    assert "«52»" in found[0].message and "50 قتيلا" in found[0].message


@pytest.mark.parametrize(("title", "body"), PASSED)
def test_passed(title, body):
    assert _found(title, body) == []
