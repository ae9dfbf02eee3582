"""Word lists for the placeholder checks, written naturally and normalised at import.

Kept as Python data (no I/O). Arabic entries go through ``norm`` so they compare with normalised text (alef
forms, ta marbuta, alef maqsura, tashkeel all folded).
"""

from __future__ import annotations

from ..arabic import norm


def _n(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


def _nouns(words: str) -> frozenset[str]:
    """Normalised nouns with and without the article, so "[موعد]" and "[الموعد]" both match."""
    out = set(_n(words))
    return frozenset(out | {w[2:] for w in out if w.startswith("ال") and len(w) > 4})


def en(words: str) -> frozenset[str]:
    """Lower-case English words, space-separated."""
    return frozenset(words.lower().split())


# Words only an instruction to a writer contains: "please", imperatives, "for checking". Enough on their own
# to make a bracketed text an instruction.
STRONG_VERBS = _n(
    "يرجى يُرجى الرجاء رجاء أضف أضيفي أضيفوا ضع ضعي ضعوا اكتب اكتبي أدخل أدخلي أدرج يُستكمل استكمل "
    "للتأكد للتحقق للمراجعة للتحديث للإضافة للتدقيق"
)
# "To be added": an instruction, except "(تُضاف إليها الضريبة)", so not before إلى/له.
PASSIVE_ADD = _n("يُضاف تُضاف يضاف تضاف يُدرج تُدرج")
# Also past tenses or ordinary verbs ("تحقق ذلك عام 2010", "مطلوب للعدالة"): only with a slot word nearby.
WEAK_VERBS = _n(
    "حدد حددي يُحدد تُحدد يحدد تحدد اذكر تأكد تأكدي تحقق تحققي راجع راجعي أكمل يُكمل املأ عدّل استبدل "
    "يُستبدل احذف يُحذف أرفق يُرفق يُكتب تُكتب يوضع تُوضع يُوضع مطلوب ناقص يُحدّث"
)
INSTRUCTION_VERBS = STRONG_VERBS | PASSIVE_ADD | WEAK_VERBS
# Nouns of the instruction ("add the ...", "fix the ..."): strong in square brackets, not in parentheses.
INSTRUCTION_NOUNS = _n("إضافة تحديد تأكيد إدراج تحديث استكمال تدقيق مراجعة التأكد التحقق كتابة وضع")
# Short markers that a bracket is a slot: "later", "here", "not confirmed".
SLOT_MARKERS = _n("لاحقا هنا مؤقت مؤقتا قريبا انتظار بانتظار")
# The markers that make a slot on their own: "(لاحقاً)", "(هنا)"; "(مؤقتاً)" is an ordinary aside.
BARE_MARKERS = _n("لاحقا هنا")
# What a slot stands for: "[the source]", "[name of the minister]".
SLOT_NOUNS = _nouns(
    "المصدر مصدر الاسم اسم الأسماء التاريخ تاريخ الرقم رقم الأرقام العدد المبلغ القيمة النسبة الرابط رابط "
    "الصورة صورة الاقتباس اقتباس التصريح تصريح المكان المدينة الموعد الوقت الساعة التفاصيل تفاصيل "
    "المعلومة معلومات الجهة المسؤول العنوان عنوان التعليق تعليق المرجع الكمية السعر المنصب الصفة العمر "
    "النتيجة التوقيت المساحة"
)
# In parentheses only these stand alone as a slot ("(اسم الشركة)", "(المصدر)"); "(الموقع الرسمي)",
# "(الجهة المنظمة)" are ordinary asides.
PAREN_SLOTS = _nouns("المصدر الاسم الرقم التاريخ المبلغ العدد النسبة الرابط")
# Slot nouns that are also ordinary credits in parentheses ("تأليف (اقتباس) ...", "(صورة)"): square only.
SQUARE_ONLY_SLOTS = _n("الاقتباس اقتباس الصورة صورة التعليق تعليق التفاصيل تفاصيل ملاحظة")
# Words that make a bracket clearly legitimate even if a slot noun is in it.
LEGIT_BRACKET_WORDS = _n("مستعار مستعارة أرشيفية أرشيف الهجري الميلادي نفسه نفسها ذاته ذاتها السابق")

# In parentheses English words are often names ("Check Point"): only these, or an imperative first word.
EN_STRONG_ROUND = en("tbd tbc tk todo fixme placeholder")
EN_IMPERATIVE = en("add insert confirm check verify fill update replace")
EN_STRONG = en("insert add tbd tbc tk todo fixme placeholder confirm verify fill pending missing update check replace "
    "needed")
EN_SLOT = en("source name date quote link photo image figure number citation caption here headline city company "
    "country amount title url")

# Before a blank that stands for a number: "worth ___", "about ....".
NUMBER_CUES_BEFORE = _n(
    "بقيمة قيمته قيمتها نحو حوالي قرابة زهاء بلغ بلغت يبلغ تبلغ بنسبة نسبة قدره قدرها بمبلغ مبلغ عدد "
    "بعدد رقم برقم يوم عام سنة الساعة بتاريخ تاريخ بحوالي بنحو بواقع بمعدل معدل بسعر سعر "
    "وصل وصلت ارتفع ارتفعت انخفض انخفضت تجاوز تجاوزت أكثر أقل الموافق شهر منذ حتى مساحة بمساحة بطول طول "
    "بارتفاع ارتفاع بعمق عمق بسعة سعة بوزن وزن بكلفة كلفة بتكلفة تكلفة"
)
# Before a blank that stands for a name.
TITLE_CUES = _n(
    "السيد السيدة الدكتور الدكتورة الوزير الوزيرة المهندس الشيخ العميد اللواء العقيد الأستاذ "
    "المدير المديرة المتحدث الناطق بحضور الرئيس الرئيسة رئيس رئيسة النائب النائبة الكاتب "
    "الفنان الفنانة اللاعب المدرب القاضي المستشار السفير السفيرة الأمين المحافظ العمدة الأمير الملك الإعلامي "
    "الصحفي الباحث البروفيسور النقيب الرائد المقدم الفريق مدينة منطقة شركة تعيين بتعيين تكليف انتخاب يدعى "
    "المدعو المدعوة المواطن المواطنة المتهم المتهمة الضحية اسمه اسمها باسم"
)
# Before a tatweel or underscore blank, a preposition also expects a name or a number.
BLANK_CUES_BEFORE = NUMBER_CUES_BEFORE | TITLE_CUES | _n("إلى من في بين")

# After a blank: the unit or scale it was meant to quantify.
BLANK_CUES_AFTER = _n(
    "مليون ملايين مليار مليارات ألف آلاف ألفا بالمئة بالمائة بالمية درهم دراهم دينار دنانير ريال ريالات "
    "جنيه جنيها دولار دولارا يورو ليرة سنتيمتر سنتيمترا متر مترا أمتار كيلومتر كيلومترا كلم كم طن طنا أطنان "
    "شخص شخصا أشخاص مواطن مواطنا دقيقة دقائق ساعة ساعات يوما أيام شهرا أشهر سنوات عاما أعوام درجة درجات "
    "ميغاواط برميل نقطة نقاط هدف أهداف صفقة صفقات وحدة وحدات مشاركا طالب طالبا حالة حالات قتيلا جريحا "
    "إصابة إصابات وفاة وفيات قتيل قتلى مصاب مصابا ضحية ضحايا منزل منازل سيارة سيارات عامل عاملا موظف موظفا "
    "مشروع مشاريع دولة دول لاعب لاعبا مرة مرات جولة مباراة كيلوغرام كغ لتر لترا هكتار هكتارا غرام ميلا "
    "دولارات ملم سم ميغاوات جيغاوات أسرة أسر عائلة عائلات مدرسة مدارس سريرا أسرة مليونا"
) | frozenset({"%", "٪"})

HTML_TAGS = en("a b i u p br hr em strong div span img ul ol li table tr td th h1 h2 h3 h4 h5 h6 sup sub small "
    "blockquote figure figcaption")
