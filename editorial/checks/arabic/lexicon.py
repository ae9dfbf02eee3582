"""Hand-written Arabic lexicons for the consistency checks (no NER model is available offline).

Everything is Python data, normalised once at import with ``norm`` (alef forms, ta marbuta -> ha, alef maqsura
-> ya), so lookups compare normalised words. Lists cover role nouns with their gender and number forms, first
names, countries, capitals and major cities with nationality adjectives, weekdays, months (Gregorian, Levantine,
Maghrebi), polarity pairs, number words and function words. Known limits: the place list favours the Arab world
(Tunisia in detail, as real test data is Tunisian); broken plurals are listed by hand, so rare ones are missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import entries, fields, normalized_fields, words
from .normalize import norm


def _n(words: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in words.split())


# --- role nouns ----------------------------------------------------------------------------------------------

# masculine singular, its broken plural ("" when the sound plural -ون/-ين is used).
_ROLES = """
وزير:وزراء سفير:سفراء رئيس:رؤساء مدير:مدراء نائب:نواب مستشار: قاضي:قضاة محافظ: عميد:عمداء مدرب:
لاعب: عداء: بطل:أبطال طبيب:أطباء دكتور: مهندس: محامي: ناطق: متحدث: مسؤول: ممثل: مندوب: قنصل:
كاتب:كتاب صحفي: باحث: زعيم:زعماء أمير:أمراء مطرب: فنان: مخرج: أستاذ:أساتذة سكرتير: مراسل: مفوض:
مبعوث: وكيل:وكلاء حاكم:حكام نقيب:نقباء موظف: معلم: ملاكم: سباح: مصارع: متسابق: طالب:طلاب
"""


def _role_forms() -> dict[str, tuple[str, str, int]]:
    """normalised form -> (lemma, gender 'm'/'f', count: 1, 2, 3 = plural, 0 = singular-or-dual/plural unclear)."""
    out: dict[str, tuple[str, str, int]] = {}
    for item in _ROLES.split():
        lemma, _, plural = item.partition(":")
        m = norm(lemma)
        forms: dict[str, tuple[str, int]] = {m: ("m", 1), m + "ه": ("f", 1)}
        forms[m + "ان"] = ("m", 2)
        # -ين/-ي are dual only when the plural is broken (وزراء); "وزيرا" is also the accusative singular.
        for suf in ("ين", "ي"):
            forms[m + suf] = ("m", 2 if plural else 0)
        forms[m + "ا"] = ("m", 0)
        for suf in ("تان", "تين", "تا", "تي"):
            forms[m + suf] = ("f", 2)
        forms[m + "ات"] = ("f", 3)
        forms[norm(plural) if plural else m + "ون"] = ("m", 3)
        for f, (g, c) in forms.items():
            out.setdefault(f, (m, g, c))
    return out


ROLE_FORMS: dict[str, tuple[str, str, int]] = _role_forms()

# Honorifics and titles that introduce a person's name.
HONORIFICS = frozenset(_n("""
الشيخ الشيخة الدكتور الدكتورة المستشار المستشارة المهندس المهندسة الأستاذ الأستاذة السيد السيدة الأمير الأميرة
الفنان الفنانة اللواء العميد العقيد الفريق المشير الحاج الحاجة الإمام البابا الملك الملكة
"""))

# Speech verbs after which a name often follows ("قال فلان"); they end a name.
SPEECH_VERBS = frozenset(_n("""
قال قالت أكد أكدت أوضح أوضحت أضاف أضافت أشار أشارت صرح صرحت أعلن أعلنت كشف كشفت شدد شددت لفت لفتت دعا دعت
اعتبر اعتبرت نفى نفت أفاد أفادت
"""))

# Common Arabic first names (male and female), for conservative person detection.
MALE_NAMES = frozenset(_n("""
محمد أحمد محمود مصطفى علي عمر عثمان خالد سعيد سعد سعود فهد فيصل عبدالله عبدالرحمن عبدالعزيز عبدالكريم
عبدالمجيد عبدالحميد عبدالقادر عبدالرزاق عبداللطيف عبدالسلام عبدالحكيم يوسف يونس إبراهيم إسماعيل إسحاق
يعقوب موسى عيسى سليمان داود زكريا يحيى حسن حسين حسان حمزة حمد حامد حميد جاسم جمال جابر جعفر جلال
كريم كمال مالك ماجد مجدي مراد منير منصور مهدي ناصر نبيل نادر نزار نضال نعمان نورالدين هشام هاني
هيثم وليد وائل وسام ياسر ياسين زياد زيد زهير سامي سامر سالم سليم سلطان سيف شريف شادي صالح صلاح طارق
طلال طه عادل عامر عباس عزيز عصام علاء عماد غسان غادي فادي فارس فتحي فريد فؤاد قاسم لطفي لؤي مازن مروان
معاذ منذر مهند نجيب هادي هيثم رامي رائد رشيد رضا رياض ريان راشد رافع بشير بلال بسام توفيق ثامر تميم
أنس أسامة أيمن أمين أنور إياد إلياس باسل بدر منجي الحبيب حبيب الباجي المنصف منصف نجيب رشيد قيس الطاهر
طاهر الهادي المختار مختار المنذر الصادق صادق الناصر الفاضل فاضل كمال نبيه جوهر الطيب طيب شكري فوزي
رؤوف عبدالفتاح عبدالوهاب عبدالناصر سيدي بوبكر أبوبكر ميلود رابح عبدالمالك جيلالي بلقاسم
جوزاف جوزيف ميشال ميشيل جورج جبران شربل أنطوان طوني بطرس سمير نواف نايف مشعل حمدي حسني عمرو معتز بشار
"""))

FEMALE_NAMES = frozenset(_n("""
فاطمة عائشة خديجة مريم زينب سارة سلمى ليلى هند هدى نورة منى منيرة مها ريم رانيا رنا رشا رزان لينا
لمى لبنى سميرة سعاد سهام سوسن سمر سناء شيماء صفاء هالة هبة هيفاء وداد ياسمين يسرى أمل أمينة أسماء
آمنة إيمان بسمة حنان خلود دلال رحاب رقية زهرة سلوى عبير علياء غادة فاتن
كوثر لطيفة ليندا مروة نادية نجلاء نجاة نسرين نوال هيام ابتسام إيناس ألفة سنية نزيهة بثينة
سامية حليمة سلمى ضحى وئام أروى
دينا لمياء
"""))

# Words that end a name or are never part of one.
NAME_PARTICLES = frozenset(_n("بن ابن بنت أبو أبي أبا آل ولد منت عبد"))

# Nouns that take a person's family name in a title ("هدف الشمري", "ثنائية المهندي").
NAME_HEADS = frozenset(_n("""
هدف هدفا أهداف مقتل قرار خطاب تصريح رحيل انتقال تعاقد تتويج إصابة ثنائية ثلاثية هاتريك رأسية تسديدة ركلة
تصريحات استقالة عودة زيارة كلمة رسالة وفاة صفقة انتقادات
"""))

# Nouns of places and institutions named after people ("استاد جاسم بن حمد"): a name after them is no person.
FACILITY_NOUNS = frozenset(_n("""
استاد ملعب مستشفى جامعة شارع مطار مسجد جائزة مدينة قاعة مركز مؤسسة مدرسة معهد ميناء جسر حي قصر ساحة
مجمع مكتبة متحف كلية نادي منتدى مهرجان برج جامع دار قرية بلدة طريق نهج
"""))

# --- places (data/places.txt, data/place_aliases.txt, data/town_regions.txt; CLDR names through babel) -------

@dataclass(frozen=True)
class PlaceTables:
    """Normalised lookups: country forms -> country key, adjective forms -> country key, city -> (city, country
    key), and the multi-word names keyed by their first word (for a cheap longest-match lookup)."""

    countries: dict[str, str]
    adjectives: dict[str, str]
    cities: dict[str, tuple[str, str]]
    multiword: dict[str, tuple[tuple[str, ...], ...]]


def _cldr_names() -> dict[str, str]:
    """ISO code -> Arabic country name from CLDR (a qualifier such as "(بورما)" or "- كينشاسا" cut off)."""
    from babel import Locale  # loaded on first use: the place tables are built once per process

    out = {}
    left_out = frozenset(code for e in entries("cldr_left_out") for code in e.split())
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and code not in left_out:
            out[code] = name.split("(")[0].split(" - ")[0].strip()
    return out


@cache
def places() -> PlaceTables:
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    cities: dict[str, tuple[str, str]] = {}
    keys: dict[str, str] = {}  # ISO code -> the country's key
    for code, names, adjective, towns in fields("places"):
        forms = [norm(n.strip()) for n in names.split("،")]
        key = keys[code] = forms[0]
        for form in forms:
            countries.setdefault(form, key)
        a = norm(adjective)
        for form in (a, a + "ه", a + "ين", a + "ون", a + "ان", a + "تين"):
            adjectives.setdefault(form, key)
        for town in filter(None, map(str.strip, towns.split("،"))):
            cities.setdefault(norm(town), (norm(town), key))
    for code, name in _cldr_names().items():
        form = norm(name)
        countries.setdefault(form, keys.get(code, form))
    for alias, name in normalized_fields("place_aliases"):
        if name in cities:
            cities.setdefault(alias, cities[name])
        elif name in countries:
            countries.setdefault(alias, countries[name])
        elif name in adjectives:
            adjectives.setdefault(alias, adjectives[name])
    multiword: dict[str, list[tuple[str, ...]]] = {}
    for name in (*countries, *cities, *adjectives):
        if " " in name:
            parts = tuple(name.split())
            multiword.setdefault(parts[0], []).append(parts)
    return PlaceTables(countries, adjectives, cities, {k: tuple(v) for k, v in multiword.items()})


@cache
def town_region() -> dict[str, str]:
    """A town -> the governorate of the same name as a city around it (المكنين -> المنستير)."""
    return dict(normalized_fields("town_regions"))


# City names that are also common words: only trusted after a place noun (في/مدينة/ولاية ...).
AMBIGUOUS_CITIES = words("ambiguous_cities")
# Sports club words: a city after them names a team (ترجي جرجيس، مستقبل قابس), not where the story happens.
CLUB_NOUNS = words("club_nouns")
PLACE_NOUNS = words("place_nouns")
# Offices held by one person per country: a male and a female holder in one story is a contradiction.
UNIQUE_OFFICES = frozenset(_n("سفير قنصل مندوب ملك أمير"))

# --- days and months -----------------------------------------------------------------------------------------

WEEKDAYS: dict[str, int] = {
    w: i for i, ws in enumerate((
        "الأحد", "الإثنين الاثنين الأثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    )) for w in _n(ws)
}

# month number for every spelling (Gregorian in the Egyptian/Gulf, Levantine and Maghrebi forms)
MONTHS: dict[str, int] = {}
for _i, _forms in enumerate((
    "يناير جانفي كانون_الثاني", "فبراير فيفري شباط", "مارس آذار", "أبريل إبريل أفريل نيسان", "مايو ماي أيار",
    "يونيو يونيه جوان حزيران", "يوليو يوليه جويلية تموز", "أغسطس أوت آب", "سبتمبر شتنبر أيلول",
    "أكتوبر تشرين_الأول", "نوفمبر نونبر تشرين_الثاني", "ديسمبر دجنبر كانون_الأول",
), start=1):
    for _f in _forms.split():
        MONTHS[norm(_f.replace("_", " "))] = _i
# "ماي" and "أوت" are also ordinary words: trusted only next to a day number or a year.
AMBIGUOUS_MONTHS = frozenset(_n("ماي أوت مارس آب"))

# --- polarity and negation (data/polarity.txt, data/negators.txt) ------------------------------------------

@cache
def polarity() -> dict[str, tuple[tuple[str, int], ...]]:
    """normalised word -> ((pair name, side 0/1), ...): opposite outcomes (see data/polarity.txt)."""
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for name, *sides in normalized_fields("polarity"):
        for side, forms in enumerate(sides):
            for w in forms.split():
                if (name, side) not in out.get(w, ()):
                    out[w] = out.get(w, ()) + ((name, side),)
    return out


@cache
def negators() -> dict[str, str]:
    """normalised word -> "particle", "verb" or "skip" (see data/negators.txt)."""
    return {w: kind for kind, forms in normalized_fields("negators") for w in forms.split()}


# --- number words --------------------------------------------------------------------------------------------

UNIT_WORDS: dict[str, int] = {}
for _v, _ws in (
    (1, "واحد واحدة"), (2, "اثنان اثنين اثنتان اثنتين اثنا اثنتا"), (3, "ثلاث ثلاثة"), (4, "أربع أربعة"),
    (5, "خمس خمسة"), (6, "ست ستة"), (7, "سبع سبعة"), (8, "ثمان ثماني ثمانية"), (9, "تسع تسعة"),
    (10, "عشر عشرة"),
):
    for _w in _n(_ws):
        UNIT_WORDS[_w] = _v
TEN_WORDS: dict[str, int] = {}
for _v, _stem in ((20, "عشر"), (30, "ثلاث"), (40, "أربع"), (50, "خمس"), (60, "ست"), (70, "سبع"), (80, "ثمان"),
                  (90, "تسع")):
    for _suf in ("ون", "ين"):
        TEN_WORDS[norm(_stem) + _suf] = _v
HUNDRED_WORDS: dict[str, int] = {norm(w): 100 for w in ("مئة", "مائة")}
HUNDRED_WORDS.update({norm(w): 200 for w in ("مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي")})
for _v, _stem in ((3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع")):
    for _h in ("مئة", "مائة"):
        HUNDRED_WORDS[norm(_stem + _h)] = _v * 100
# scale words: value and whether the form is plural (needs a count before it, else vague)
SCALE_WORDS: dict[str, tuple[float, bool]] = {}
SCALE_BASE: dict[str, float] = {}  # the multiplier of any form (dual included)
for _v, _sing, _dual, _plur in (
    (1e3, "ألف ألفا", "ألفان ألفين ألفي", "آلاف ألوف"),
    (1e6, "مليون مليونا", "مليونان مليونين مليوني", "ملايين"),
    (1e9, "مليار مليارا بليون", "ملياران مليارين ملياري", "مليارات"),
    (1e12, "تريليون ترليون", "تريليونان تريليونين", "تريليونات"),
):
    for _w in _n(_sing):
        SCALE_WORDS[_w] = (_v, False)
    for _w in _n(_dual):
        SCALE_WORDS[_w] = (2 * _v, False)
    for _w in _n(_plur):
        SCALE_WORDS[_w] = (_v, True)
    for _w in _n(f"{_sing} {_dual} {_plur}"):
        SCALE_BASE[_w] = _v
VAGUE_WORDS: dict[str, float] = {norm("عشرات"): 10, norm("مئات"): 100, norm("مئات"): 100}
FRACTION_WORDS: dict[str, float] = {
    norm("نصف"): 0.5, norm("ربع"): 0.25, norm("ثلث"): 1 / 3, norm("ثلثي"): 2 / 3, norm("ثلثا"): 2 / 3,
}
ORDINALS: dict[str, int] = {}
for _v, _ws in (
    (1, "الأول الأولى"), (2, "الثاني الثانية"), (3, "الثالث الثالثة"), (4, "الرابع الرابعة"),
    (5, "الخامس الخامسة"), (6, "السادس السادسة"), (7, "السابع السابعة"), (8, "الثامن الثامنة"),
    (9, "التاسع التاسعة"), (10, "العاشر العاشرة"), (11, "الحادي الحادية"),
):
    for _w in _n(_ws):
        ORDINALS[_w] = _v

# Words (normalised) before a number that qualify it.
QUALIFIERS: dict[str, str] = {}
for _kind, _ws in (
    ("over", "أكثر أزيد يتجاوز تتجاوز تجاوز تجاوزت يفوق تفوق فاق فاقت فوق يزيد تزيد يربو تخطى تخطت يتخطى تتخطى"),
    ("about", "نحو حوالي قرابة زهاء يقارب يناهز ناهز ناهزت تقريبا قرابه حوالى"),
    ("under", "أقل دون"),
    ("upto", "حتى"),
):
    for _w in _n(_ws):
        QUALIFIERS[_w] = _kind

# Broken plurals and other forms of common counted nouns -> one key (see numbers.unit_key).
UNIT_LEMMAS: dict[str, str] = {norm(k): norm(v) for k, v in (
    ("أيام", "يوم"), ("أشهر", "شهر"), ("شهور", "شهر"), ("سنوات", "سنة"), ("سنين", "سنة"), ("أعوام", "عام"),
    ("دقائق", "دقيقة"), ("ثوان", "ثانية"), ("ثواني", "ثانية"), ("أطنان", "طن"), ("أمتار", "متر"),
    ("دنانير", "دينار"), ("دراهم", "درهم"), ("قتلى", "قتيل"), ("جرحى", "جريح"), ("أشخاص", "شخص"),
    ("أفراد", "فرد"), ("منازل", "منزل"), ("أطفال", "طفل"), ("رجال", "رجل"), ("نساء", "امرأة"),
    ("مقاعد", "مقعد"), ("نقاط", "نقطة"), ("أهداف", "هدف"), ("مباريات", "مباراة"), ("حقائب", "حقيبة"),
    ("وزراء", "وزير"), ("سفراء", "سفير"), ("ساعات", "ساعة"), ("أسابيع", "أسبوع"), ("مواطنين", "مواطن"),
    ("مواطنون", "مواطن"), ("لاجئين", "لاجئ"), ("مهاجرين", "مهاجر"), ("ضحايا", "ضحية"), ("شهداء", "شهيد"),
    ("مصابين", "مصاب"), ("مدارس", "مدرسة"), ("مشاريع", "مشروع"), ("مراكز", "مركز"), ("دول", "دولة"),
    ("بلدان", "بلد"), ("فرق", "فريق"), ("لاعبين", "لاعب"), ("سيارات", "سيارة"), ("طائرات", "طائرة"),
    ("أسرة", "سرير"), ("أسر", "أسرة"), ("عائلات", "عائلة"), ("ميداليات", "ميدالية"), ("وحدات", "وحدة"),
    ("ساعتين", "ساعة"), ("يومين", "يوم"), ("شهرين", "شهر"), ("عامين", "عام"), ("سنتين", "سنة"),
)}

# --- function words ------------------------------------------------------------------------------------------

STOPWORDS = frozenset(_n("""
في من إلى الى على عن مع بعد قبل خلال حول بين عند لدى منذ حتى ضد عبر دون نحو وفق حسب تحت فوق أمام وراء
و أو أم ثم بل لكن لكنه غير سوى إلا إن أن إنه أنه كان كانت يكون تكون ليس ليست قد لقد لم لن لا ما ماذا
هل كيف متى أين لماذا هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين اللواتي هو هي هم هن نحن أنا
أنت كل بعض أي كما مثل أيضا فقط جدا عدة عدد أكثر أقل اليوم أمس غدا الآن يوم عام العام سنة السنة مساء صباح
له لها لهم به بها بهم فيه فيها منه منها عليه عليها إليه إليها عنه عنها وقد وكان وكانت وهو وهي وفي ومن
ولا وما وإن وأن وذلك وهذا وهذه بعد يوما أول آخر جديد جديدة أمام إثر لدى ضمن كذلك حيث إذ إذا لو بين
"""))
