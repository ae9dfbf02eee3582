"""Repetition checks: what must be flagged (with its exact span) and the look-alikes that must not be.

The generic runner in test_engine.py walks ``EXAMPLES`` (with ``CONFIG``); the tests below cover what a table
cannot say (which occurrence is the finding, related spans, thresholds, configuration). Every example is
written for these tests.
"""

from __future__ import annotations

from editorial.checks import CheckConfig, check_draft
from editorial.checks.arabic import light_stem, norm
from editorial.checks.repetition.phrases import _threshold

T = "افتتاح مستشفى جديد في المدينة"  # a neutral title for body examples

# The runner checks EXAMPLES with this configuration: one allowed repeat and one stop phrase.
SLOGAN = "صحتكم أمانة في أعناقنا جميعاً كل يوم"
CONFIG = CheckConfig(allowed_repeats=("المدينة الذكية", SLOGAN), stop_phrases=("التنمية المستدامة",))

LEAD = "افتتح وزير الصحة صباح اليوم مستشفى جديداً في المدينة بسعة مئتي سرير."
FILLER = [
    "وتبلغ كلفة المشروع نحو ثلاثين مليون دينار مولتها الحكومة بالكامل.",
    "ويضم المبنى عيادات خارجية وصيدلية مركزية ومواقف للسيارات.",
    "وسيعمل في المستشفى أكثر من أربعمئة موظف بين طبيب وممرض وإداري.",
    "وينتظر السكان منذ سنوات افتتاح هذا المرفق الذي يخفف الضغط عن المستشفيات القديمة.",
]

DUP = "وكشفت الوزارة أن عدد المراجعين تجاوز ثلاثة آلاف مريض في الأسبوع الأول."
DUP_PARA = "وتعهدت الحكومة بتوفير الأجهزة الطبية اللازمة قبل نهاية العام، وبتدريب الكوادر على تشغيلها."
RESTATED_A = ("وأوضح المدير أن المستشفى سيستقبل حالات الطوارئ القادمة من القرى الجبلية المجاورة، "
              "إضافة إلى مرضى الكلى الذين يحتاجون إلى غسيل دوري.")
RESTATED_B = ("وأشار إلى أن مرضى الكلى من القرى الجبلية المجاورة سيجدون في المستشفى وحدة غسيل دوري، "
              "كما ستصل إليه حالات الطوارئ.")
SYNONYM_A = ("وقال مدير المستشفى إن الطلب القوي على خدمات الطوارئ دفع الإدارة إلى زيادة عدد الأطباء المناوبين "
             "في الأقسام الليلية.")
SYNONYM_B = "وأشار إلى أن الإقبال الكبير على أقسام الطوارئ جعل الإدارة ترفع أعداد الأطباء المناوبين خلال الفترة الليلية."
POSSIBLE_A = ("وقالت الطبيبة المشرفة إن جناح الأطفال مجهز بحاضنات حديثة وغرف عزل، "
              "وإن الفريق تلقى تدريباً في الخارج.")
POSSIBLE_B = "وستسمح الحاضنات الحديثة في جناح الأطفال بعلاج الخدج دون نقلهم إلى العاصمة."
REWORDED_A = "وأعلنت الحكومة ارتفاع أسعار الوقود في المحطات بداية من الأسبوع المقبل بسبب نقص الإمدادات."
REWORDED_B = "وأعلنت السلطات زيادة تكلفة الوقود في المحطات مطلع الأسبوع القادم بسبب شح الإمدادات."  # synonyms
GLUED_A = ("وقال المدير إن المستشفى سيستقبل حالات الطوارئ القادمة من القرى الجبلية المجاورة ابتداء من الأسبوع "
           "المقبل بعد انتهاء تجهيز القسم.")
GLUED_B = ("ويضم القسم الجديد أسرة مجهزة وأجهزة تصوير حديثة وغرفتين للعمليات وصيدلية صغيرة ومخزنا للأدوية "
           "وقال المدير إن المستشفى سيستقبل حالات الطوارئ القادمة من القرى المجاورة ابتداء من الأسبوع المقبل "
           "بعد انتهاء تجهيز القسم.")
FIGURE_A = "وبلغ عدد المراجعين في الشهر الأول 4,250 مريضاً من المحافظة والقرى المجاورة."
FIGURE_B = "واستقبلت أقسام المستشفى خلال أسابيعها الأولى 4,250 مراجعاً قدموا من المحافظة."
DIGEST_ITEMS = [
    "افتتح وزير الصحة مستشفى جديداً في المدينة.",
    "وقعت وزارة التربية اتفاقية لتجهيز المدارس بالحواسيب.",
    "أعلنت البلدية عن حملة لتنظيف الشواطئ قبل الصيف.",
    "نظمت الجامعة يوماً مفتوحاً لطلبة الثانوية.",
]
DIGEST_LINE = "لمزيد من التفاصيل تابعوا نشرتنا المسائية على الموقع."
PHRASE_BODY = (
    "أكدت الوزارة أن الشراكة الاستراتيجية مع القطاع الخاص مكنت من إنجاز المشروع في وقته.\n\n"
    "وأضاف المتحدث أن الشراكة الاستراتيجية ستتوسع لتشمل مستشفيات أخرى في الجنوب.\n\n"
    "وتقوم الشراكة الاستراتيجية على تقاسم كلفة التجهيز والصيانة بين الطرفين.\n\n"
    "ويرى خبراء أن نجاح الشراكة الاستراتيجية مرهون بوضوح العقود ومتابعتها.\n\n"
    "وختم المتحدث بأن للشراكة الاستراتيجية أثراً مباشراً على جودة الخدمة المقدمة للمرضى."
)


def body(*sentences: str) -> str:
    """Paragraphs, one per argument, separated by an empty line (the corpus layout)."""
    return "\n\n".join(sentences)


EXAMPLES: dict[str, dict] = {
    "repetition.doubled_word": {
        "flag": [
            (T, "وقال الوزير إن العمل سيبدأ في في الأسبوع المقبل.", "body", "في في"),
            (T, "وأكد الوزير الوزير أن المستشفى سيفتح أبوابه للجميع.", "body", "الوزير الوزير"),
            (T, "واستمعت الإدارة إلى ملاحظات الأطباء التي التي أخذت بها.", "body", "التي التي"),
            ("افتتاح المستشفى المستشفى الجديد في المدينة", LEAD, "title", "المستشفى المستشفى"),
            (T, "وأصيب ثلاثة عمال بجروح بجروح طفيفة خلال الأشغال.", "body", "بجروح بجروح"),
            (T, "وقال المدير: «سنعمل على على تحسين الخدمات»، مؤكداً التزامه.", "body", "على على"),
            (T, "وجاء الافتتاح في إطار في إطار خطة الوزارة لتحديث القطاع.", "body", "في إطار في إطار"),
        ],
        "pass": [
            (T, "وبدأت الحركة تعود رويداً رويداً إلى أقسام المستشفى."),
            (T, "وتتحسن الخدمات شيئاً فشيئاً منذ الافتتاح."),
            (T, "وانتقل المتطوعون بيتاً بيتاً لإبلاغ السكان بموعد الافتتاح."),
            (T, "وحضر الافتتاح الأستاذ محمد محمد علي عميد كلية الطب."),
            (T, "وبثت قناة بي بي سي تقريراً عن المستشفى."),
            (T, "وهتف الحاضرون «شكراً شكراً» عند وصول الوزير."),
            (T, "وردد الأطفال «نريد نريد» ملعباً قرب المستشفى."),
            (T, "وسجلت الفرق 10 10 حالات في يومين متتاليين."),
            (T, "وقال الطبيب في\nفي الوقت نفسه بدأ الفريق عمله."),
            (T, "وهنأ الحاضرون عبد الله عبد الله على تعيينه مديراً للمستشفى."),
            (T, "وحصل المستشفى على تغطية من قناة سي إن إن الأمريكية."),
            (T, "وقال الطبيب إنه في، في الحقيقة، لم يتوقع هذا الإقبال."),
        ],
    },
    "repetition.repeated_word": {
        "flag": [
            (T, "وقالت الإدارة إن المبنى يضم يضم قسماً للولادة.", "body", "يضم يضم"),
            (T, "وقال المدير إن المستشفى يستقبل يستقبل المرضى منذ الصباح.", "body", "يستقبل يستقبل"),
        ],
        "pass": [
            (T, "وأكد الوزير الوزير أن المستشفى سيفتح أبوابه للجميع."),  # a slip: doubled_word, not a hint
            (T, "وحضر الافتتاح الأستاذ محمد محمد علي عميد كلية الطب."),
            (T, "وراجع الأطباء الملفات فصلاً فصلاً قبل الافتتاح."),
        ],
    },
    "repetition.duplicated_sentence": {
        "flag": [
            (T, body(LEAD, DUP + " " + FILLER[0], FILLER[1] + " " + DUP), "body", DUP),
            (T, body(LEAD, DUP, FILLER[1] + " " + DUP.replace("ثلاثة", "ثلاثةَ")), "body",
             DUP.replace("ثلاثة", "ثلاثةَ")),
        ],
        "pass": [
            (T, body(LEAD, "وقال: نعم. " + FILLER[0], "وقال: نعم. " + FILLER[1])),
            (T, body(LEAD, "- تقديم الطلبات عبر المنصة الإلكترونية للوزارة.",
                     "- تقديم الطلبات عبر المنصة الإلكترونية للوزارة.")),
            (T, body(LEAD, SLOGAN + ". " + FILLER[0], FILLER[1] + " " + SLOGAN + ".")),  # an allowed slogan
            (T, body(LEAD, *FILLER)),
        ],
    },
    "repetition.duplicated_paragraph": {
        "flag": [
            (T, body(LEAD, DUP_PARA, FILLER[0], DUP_PARA), "body", DUP_PARA),
            (T, body(LEAD, DUP_PARA + " " + FILLER[2], FILLER[0], DUP_PARA + " " + FILLER[2]), "body",
             DUP_PARA + " " + FILLER[2]),
        ],
        "pass": [
            (T, body(LEAD, "اللقاء مع الأطباء", FILLER[0], "اللقاء مع الأطباء", FILLER[1])),
            (T, body(LEAD, "1. تجهيز غرف العمليات بالمعدات الحديثة اللازمة", FILLER[0],
                     "1. تجهيز غرف العمليات بالمعدات الحديثة اللازمة")),
        ],
    },
    "repetition.near_duplicate_sentence": {
        "flag": [
            (T, body(LEAD, DUP, FILLER[0], FILLER[1], DUP.replace("الأول", "الماضي")), "body",
             DUP.replace("الأول", "الماضي")),
            (T, body(LEAD, FILLER[2], FILLER[0], FILLER[3], FILLER[2].replace("وسيعمل", "و سيعمل")), "body",
             FILLER[2].replace("وسيعمل", "و سيعمل")),
            # reworded with synonyms: الحكومة/السلطات، ارتفاع/زيادة، أسعار/تكلفة، بداية/مطلع، المقبل/القادم، نقص/شح
            (T, body(LEAD, REWORDED_A, FILLER[0], FILLER[1], FILLER[2], REWORDED_B), "body", REWORDED_B),
            # a near copy pasted onto the end of another sentence without its full stop
            (T, body(LEAD, GLUED_A, FILLER[0], GLUED_B), "body", GLUED_B),
            # شاركت/ساهمت، الشركة/المؤسسة، بهدف/قصد، تحسين/تطوير، العمال/الأعوان
            (T, body(LEAD, "وشاركت الشركة في تنظيم المعرض الجهوي بهدف تحسين ظروف العمال في المصانع.", FILLER[0],
                     FILLER[1], "وساهمت المؤسسة في تنظيم المعرض الجهوي قصد تطوير ظروف الأعوان في المصانع."), "body",
             "وساهمت المؤسسة في تنظيم المعرض الجهوي قصد تطوير ظروف الأعوان في المصانع."),
        ],
        "pass": [
            (T, body(LEAD, "وارتفع عدد المراجعين بنسبة 12 في المئة خلال الربع الأول من العام الجاري.",
                     FILLER[0],
                     "وارتفع عدد المراجعين بنسبة 7 في المئة خلال الربع الأول من العام الجاري.")),
            (T, body(LEAD, *FILLER)),
            # a short sentence whose words recur inside a longer one is not a copy glued on
            (T, body(LEAD, "وتبلغ كلفة المشروع ثلاثين مليون دينار.", FILLER[1],
                     "وقالت الوزارة إن كلفة المشروع ثلاثين مليون دينار تشمل التجهيزات الطبية والأثاث وتدريب الأطباء "
                     "والممرضين على الأجهزة الجديدة خلال السنة الأولى.")),
        ],
    },
    "repetition.restated_fact": {
        "flag": [
            (T, body(LEAD, FILLER[0], RESTATED_A, RESTATED_B), "body", RESTATED_B),
            # other words for the same fact: الطلب القوي / الإقبال الكبير، زيادة / ترفع
            (T, body(LEAD, FILLER[0], SYNONYM_A, SYNONYM_B), "body", SYNONYM_B),
        ],
        "pass": [
            # the lead is developed by the next sentence, not restated
            (T, body(LEAD, "وقال وزير الصحة إن المستشفى الجديد في المدينة يتسع لمئتي سرير ويخدم "
                           "سكان المحافظة كلها.", FILLER[0])),
            (T, body(LEAD, FILLER[0], RESTATED_A, FILLER[1], FILLER[2], FILLER[3], FILLER[0].replace(
                "وتبلغ", "وقد بلغت"))),
            (T, body(LEAD, *FILLER)),
        ],
    },
    "repetition.possible_restatement": {
        "flag": [
            (T, body(LEAD, FILLER[0], POSSIBLE_A + " " + POSSIBLE_B), "body", POSSIBLE_B),
            # the same figure given again in other words
            (T, body(LEAD, FILLER[0], FIGURE_A, FILLER[1], FIGURE_B), "body", FIGURE_B),
            # "أي" restating the figure of the sentence before
            (T, body(LEAD, FILLER[0], "وأكد المدير أن قسم الطوارئ سيعمل بطاقم من 9 أطباء مختصين. أي ما مجموعه 9 أطباء."),
             "body", "أي ما مجموعه 9 أطباء."),
            # a summing-up link and a back-reference giving again the figure of a sentence before
            (T, body(LEAD, "وأوضح المدير أن المستشفى انتدب 45 ممرضاً من خريجي المعهد الجهوي.", FILLER[1],
                     "وعليه فقد بلغ عدد الممرضين 45 ممرضاً كما سبق ذكره."), "body",
             "وعليه فقد بلغ عدد الممرضين 45 ممرضاً كما سبق ذكره."),
            (T, body(LEAD, "وتعمل في القسم 6 فرق طبية منذ الافتتاح.", "وبعبارة أخرى فإن الرقم المسجل هو 6 فرق."),
             "body", "وبعبارة أخرى فإن الرقم المسجل هو 6 فرق."),
            # inside one sentence: the restating part from its connective
            (T, body(LEAD, FILLER[0], "وانتدب المستشفى 45 ممرضاً من خريجي المعهد، أي أن الحصيلة وصلت إلى 45 ممرضاً."),
             "body", "أي أن الحصيلة وصلت إلى 45 ممرضاً."),
        ],
        "pass": [
            (T, body(LEAD, FILLER[0], POSSIBLE_A, FILLER[3])),
            # the same figure about another thing; a date's day and a year are not figures
            # "أي" converting to another figure is new information
            (T, body(LEAD, "وارتفعت كلفة التجهيز بنسبة 5 في المئة، أي ما يعادل 3 ملايين دينار.", FILLER[1])),
            (T, body(LEAD, FIGURE_A, FILLER[1], "وتلقى الصندوق 4,250 طلباً للمنح الدراسية هذا العام.")),
            (T, body(LEAD, "وبدأ التسجيل يوم 15 مارس 2026 في المدينة.", FILLER[1],
                     "وينتهي تسجيل الأطباء يوم 15 مارس 2026 في المدينة أيضاً.")),
            # a month whose tail looks like a connective (ماي), and مجموعة meaning a group
            (T, body(LEAD, "وبدأ التسجيل يوم 15 ماي في المدينة.", "وفي 15 ماي أيضاً يصل الأطباء الجدد إلى المستشفى.")),
            (T, body(LEAD, "وتضم الصيدلية 12 رفاً للأدوية المزمنة.",
                     "وتضم مجموعة الأجهزة الجديدة 12 جهازاً للتصوير.")),
            # a single digit again with another counted thing, and "أي" converting inside a sentence
            (T, body(LEAD, "وتعمل في القسم 6 فرق طبية منذ الافتتاح.", "أي أن المستشفى يحتاج إلى 6 سيارات إسعاف.")),
            (T, body(LEAD, *FILLER)),
        ],
    },
    "repetition.repeated_term": {
        "flag": [
            (T, PHRASE_BODY, "body", "الشراكة الاستراتيجية"),
        ],
        "pass": [
            # the subject named in the headline
            ("الشراكة الاستراتيجية تنجز مستشفى المدينة", PHRASE_BODY),
            # an institution, a unit, a configured allowed repeat and stop phrase
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "وزارة الصحة").replace("للشراكة", "لوزارة")),
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "مليون دينار").replace("للشراكة", "بمليون")),
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "المدينة الذكية").replace("للشراكة", "للمدينة")),
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "التنمية المستدامة").replace("للشراكة", "للتنمية")),
            # a head with the article or a clitic names an institution too (للمستشفى الجامعي)
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "المستشفى الجامعي").replace("للشراكة", "للمستشفى")),
            # a known multi-word name, an actor named by nationality
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "الأمم المتحدة").replace("للشراكة", "للأمم")),
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "الحكومة الأردنية").replace("للشراكة", "للحكومة")),
            # a function-word phrase and a personal name
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "على أن").replace("للشراكة", "على")),
            (T, PHRASE_BODY.replace("الشراكة الاستراتيجية", "سامي حداد").replace("للشراكة", "لسامي")),
            # four times is what an edited article of this length may carry
            (T, PHRASE_BODY.replace("للشراكة الاستراتيجية", "للتعاون")),
            # inside quotations
            (T, "«" + PHRASE_BODY.replace("\n\n", " ") + "»"),
        ],
    },
    "repetition.overused_phrase": {
        "flag": [
            # a stock linking phrase, made of function words, four times
            (T, body(LEAD, "وفي هذا الإطار، وصل الأطباء. " + FILLER[0], "وأوضح المدير في هذا الإطار أن الفريق جاهز. "
                     + FILLER[1], FILLER[2] + " وفي هذا الإطار أيضاً بدأ العمل.",
                     "وقال الوزير في هذا الإطار إن الأدوية متوفرة. " + FILLER[3]), "body", "وفي هذا الإطار"),
            # phrases no list names, built by the linking frames: manner noun + adjective, preposition +
            # demonstrative + noun, preposition + noun + "same" / "other"
            (T, body(LEAD, "وتحسنت الخدمات بصفة جلية. " + FILLER[0], "وارتفع عدد الأطباء بصفة جلية.",
                     FILLER[1] + " وتراجعت المواعيد بصفة جلية.", "وتطورت الصيدلية بصفة جلية."), "body", "بصفة جلية"),
            (T, body(LEAD, "ومن هذا المنظور وصل الأطباء. " + FILLER[0], "وقال المدير من هذا المنظور إن الفريق جاهز.",
                     FILLER[1] + " وبدأ العمل من هذا المنظور.", "ومن هذا المنظور تتوفر الأدوية."), "body", "ومن هذا المنظور"),
            (T, body(LEAD, "وفي اللحظة ذاتها وصل الأطباء. " + FILLER[0], "وبدأ الفريق عمله في اللحظة ذاتها.",
                     FILLER[1] + " ووصلت الأدوية في اللحظة ذاتها.", "وفتحت الصيدلية في اللحظة ذاتها."), "body",
             "وفي اللحظة ذاتها"),
            (T, body(LEAD, "ومن زاوية أخرى وصل الأطباء. " + FILLER[0], "ومن زاوية أخرى بدأ الفريق عمله.",
                     FILLER[1] + " ومن زاوية أخرى وصلت الأدوية.", "ومن زاوية أخرى فتحت الصيدلية."), "body",
             "ومن زاوية أخرى"),
            # pointers back at what was just said: preposition + noun + ذلك, adverb + ذلك
            (T, body(LEAD, "وعلى إثر ذلك وصل الأطباء. " + FILLER[0], "وعلى إثر ذلك بدأ الفريق عمله.",
                     FILLER[1] + " وعلى إثر ذلك وصلت الأدوية.", "وعلى إثر ذلك فتحت الصيدلية."), "body",
             "وعلى إثر ذلك"),
            (T, body(LEAD, "وبعد ذلك وصل الأطباء. " + FILLER[0], "وبدأ الفريق عمله بعد ذلك.",
                     FILLER[1] + " ثم وصلت الأدوية بعد ذلك.", "وبعد ذلك فتحت الصيدلية."), "body", "وبعد ذلك"),
            # a compound connector leaned on
            (T, body(LEAD, "ويعمل الفريق من خلال نوبات ليلية. " + FILLER[0], "وتصل الأدوية من خلال الصيدلية المركزية.",
                     FILLER[1] + " ويتم التسجيل من خلال المنصة.", "ويتابع المدير العمل من خلال تقارير يومية."), "body",
             "من خلال"),
        ],
        "pass": [
            # a content phrase, however often, is a repeated term (a hint), not a stock phrase
            (T, PHRASE_BODY),
            # a stock phrase three times
            (T, body(LEAD, "وفي هذا الإطار، وصل الأطباء. " + FILLER[0], "وأوضح المدير في هذا الإطار أن الفريق جاهز.",
                     FILLER[2] + " وفي هذا الإطار أيضاً بدأ العمل.")),
            # a frame three times, and a manner noun or a preposition before a figure
            (T, body(LEAD, "وتحسنت الخدمات بصفة جلية. " + FILLER[0], "وارتفع عدد الأطباء بصفة جلية.",
                     FILLER[1] + " وتراجعت المواعيد بصفة جلية.")),
            (T, body(LEAD, "وارتفع العدد بنحو 20 طبيباً. " + FILLER[0], "وزادت الأسرة بنحو 30 سريراً.",
                     "وتراجعت المواعيد بنحو 40 موعداً.", "وزادت الأدوية بنحو 50 صنفاً.")),
            (T, body(LEAD, "وبلغ العدد 20 في 2024 مقابل 15 في 2023. " + FILLER[0], "وبلغت الأسرة 30 في 2024 مقابل 25.",
                     "وبلغت المواعيد 40 في 2024 مقابل 35.", "وبلغت الأدوية 50 في 2024 مقابل 45.")),
        ],
    },
    "repetition.repeated_opener": {
        "flag": [
            (T, body(LEAD, "ودعت الوزارة المواطنين إلى التسجيل المسبق. كما دعت الأطباء إلى الالتحاق "
                           "بالفريق. كما دعت الصيدليات إلى توفير الأدوية. كما دعت البلديات إلى تسهيل "
                           "النقل."), "body", "كما دعت"),
            (T, body(LEAD, "وأضاف أن العمل سيستمر ليلاً ونهاراً.", "وأضاف أن الفريق جاهز لاستقبال المرضى.",
                     "وأضاف أن الأدوية متوفرة بكميات كافية."), "body", "وأضاف أن"),
            (T, body(LEAD, "وأضاف المدير أن العمل سيستمر ليلاً.", "وأضاف طبيب في القسم أن الفريق جاهز.",
                     "وأضاف مسؤول آخر أن الأدوية متوفرة."), "body", "وأضاف"),
            (T, body(LEAD, "وأكد المدير أن العمل سيستمر ليلاً. " + FILLER[0],
                     "وأكد المدير أن الفريق جاهز. " + FILLER[1],
                     "وأكد المدير أن الأدوية متوفرة. " + FILLER[2]), "body", "وأكد المدير أن"),
            (T, body(LEAD, "كما أشار إلى توفر الأدوية. كما أشار إلى جاهزية الفريق. كما أشار إلى موعد "
                           "الافتتاح الرسمي."), "body", "كما أشار إلى"),
            (T, body(LEAD, "وفي هذا السياق، وصل الأطباء الجدد. " + FILLER[0],
                     "وفي هذا السياق، بدأت الصيدلية عملها.", "وفي هذا السياق، افتتح قسم الأشعة."), "body",
             "وفي هذا السياق"),
            (T, body(LEAD, "وتأتي هذه الخطوة بعد سنوات من الانتظار. " + FILLER[0],
                     FILLER[1] + " وتأتي هذه المبادرة ضمن خطة وطنية.",
                     FILLER[2], "وتأتي هذه الجهود استجابة لمطالب السكان."), "body", "وتأتي هذه"),
            # the same opener behind another conjunction: وأكد، فأكد، كما أكد
            (T, body(LEAD, "وأكد المدير أن الأطباء جاهزون. فأكد الممرض أن الأدوية متوفرة. كما أكد الحارس أن "
                           "المداخل مفتوحة."), "body", "كما أكد"),
            # paragraph openers: the same speaker introduced behind three different conjunctions
            (T, body(LEAD, "وأضاف المتحدث أن العمل بدأ. " + FILLER[0], "ثم أضاف المتحدث أن الفريق جاهز. " + FILLER[1],
                     "كما أضاف المتحدث أن الأدوية متوفرة."), "body", "كما أضاف المتحدث أن"),
            # apart in one paragraph, behind different conjunctions
            (T, body(LEAD, "وأضاف المتحدث أن العمل بدأ. " + FILLER[0] + " ثم أضاف المتحدث أن الفريق جاهز. " + FILLER[1]
                     + " كما أضاف المتحدث أن الأدوية متوفرة."), "body", "كما أضاف المتحدث"),
            # the particle قد is one more way of varying the conjunction: وقد أوضح، فأوضح، ثم أوضح
            (T, body(LEAD, "وقد أوضح المدير أن العمل بدأ. " + FILLER[0], "فأوضح المدير أن الفريق جاهز. " + FILLER[1],
                     FILLER[2] + " ثم أوضح المدير أن الأدوية متوفرة."), "body", "ثم أوضح المدير"),
            # a clause inside a sentence the writer ran on without a full stop, and a list line's own start
            (T, body(LEAD, "وقال الوزير إن العمل بدأ. " + FILLER[0],
                     "وتضم القائمة أطباء من الجهة ثم قال الوزير إن الفريق جاهز.",
                     "- قسم الطوارئ وقسم الأشعة.", "- وقد قال الوزير إن الأدوية متوفرة."), "body", "وقد قال الوزير"),
            # any verb of saying (حذر), here each time inside a longer sentence
            (T, body(LEAD, FILLER[0] + " وحذر المدير من نقص الأدوية.", FILLER[1] + " ثم حذر المدير من الاكتظاظ.",
                     FILLER[2] + " كما حذر المدير من تأخر الأشغال."), "body", "كما حذر المدير"),
        ],
        "pass": [
            (T, body(LEAD, "وفي الصباح وصل الأطباء.", "وفي المساء وصل الممرضون.", "وفي الليل وصلت الأدوية.")),
            (T, body(LEAD, "- تسجيل المرضى في المنصة.", "- تسجيل المواعيد في المنصة.",
                     "- تسجيل الأدوية في المنصة.")),
            # section headings of a programme, and numbered items run into one paragraph
            (T, body(LEAD, "في مجال الصحة: افتتاح مستشفى جديد وتجهيز مراكز صحية.",
                     "في مجال التعليم: بناء ثلاث مدارس وتجهيز المخابر.", "في مجال النقل: تعبيد الطرق وتجديد الحافلات.")),
            (T, body(LEAD, "وتشمل الخطة عدة محاور. 1. تهيئة وتقسيم مساحة 40 هكتاراً للسكن. 2. تهيئة وتقسيم مساحة "
                           "20 هكتاراً للتجارة. 3. تهيئة وتقسيم مساحة 60 هكتاراً للمرافق.")),
            (T, body(LEAD, "وقال المدير إن العمل بدأ.", FILLER[0], "وقال المدير إن الفريق جاهز.", FILLER[1],
                     "وقال المدير إن الأدوية متوفرة.")),
            # a speaker introduced twice behind two conjunctions is ordinary reporting
            (T, body(LEAD, "وأضاف المدير أن العمل بدأ. " + FILLER[0], FILLER[1] + " ثم أضاف المدير أن الفريق جاهز.")),
            # "كما" comparing inside a quotation is the speaker's, and "وبين" meaning "and between" is no opener
            (T, body(LEAD, "«العمل بدأ كما قال الوزير، والفريق جاهز كما قال الوزير» " + FILLER[0],
                     "وقال الوزير إن الأدوية متوفرة.")),
            (T, body(LEAD, "وتمتد الطريق بين المدينة وبين القرى المجاورة. " + FILLER[0],
                     "وتقع الصيدلية بين المستشفى وبين القرى المجاورة.", FILLER[1])),
            (T, body(LEAD, *FILLER)),
        ],
    },
}


def _findings(title: str, text: str, config: CheckConfig | None = None, rule: str | None = None):
    report = check_draft(title, text, config or CONFIG)
    assert not report.errors
    return [f for f in report.findings if f.check == "repetition" and (rule is None or f.rule == rule)]


def test_a_duplicated_sentence_is_reported_at_its_later_occurrence_with_the_first_related():
    text = body(LEAD, DUP + " " + FILLER[0], FILLER[1] + " " + DUP)
    (f,) = _findings(T, text, rule="repetition.duplicated_sentence")
    assert f.severity == "error"
    assert f.start == text.rindex(DUP)
    assert [(r.start, r.text) for r in f.related] == [(text.index(DUP), DUP)]


def test_a_duplicated_paragraph_is_one_finding_not_one_per_sentence():
    text = body(LEAD, DUP_PARA + " " + FILLER[2], FILLER[0], DUP_PARA + " " + FILLER[2])
    found = _findings(T, text)
    assert [f.rule for f in found] == ["repetition.duplicated_paragraph"]
    assert found[0].start == text.rindex(DUP_PARA) and found[0].related[0].start == text.index(DUP_PARA)


def test_a_repeated_term_points_at_one_occurrence_and_relates_the_others():
    (f,) = _findings(T, PHRASE_BODY, rule="repetition.repeated_term")
    assert f.severity == "info"  # in published news mostly the story's own term: a hint
    assert f.start == PHRASE_BODY.index("الشراكة الاستراتيجية")
    assert len(f.related) == 4 and f.text in f.message and "5" in f.message


def test_the_overused_threshold_is_configurable_and_scales_with_length():
    four = PHRASE_BODY.replace("للشراكة الاستراتيجية", "للتعاون")
    strict = CheckConfig(params={"repetition.repeated_term": {"min_count": 4}})
    assert _findings(T, four, strict, "repetition.repeated_term")
    assert _threshold(CONFIG, 250) == 5 and _threshold(CONFIG, 600) == 5
    # grows with the square root of the length: a long piece has room for more, not in proportion
    assert _threshold(CONFIG, 1200) == 8 and _threshold(CONFIG, 2400) == 10 and _threshold(CONFIG, 4800) == 15
    assert _threshold(strict, 300) == 4


def test_a_stem_counts_every_inflection_of_a_phrase():
    assert light_stem(norm("والتعاون")) == light_stem(norm("للتعاون")) == light_stem(norm("التعاون"))
    assert light_stem(norm("الاتفاقيات")) == light_stem(norm("الاتفاقية"))
    assert light_stem(norm("السرطانية")) == light_stem(norm("السرطان"))


def test_a_disabled_rule_gives_nothing():
    config = CheckConfig(disabled=frozenset({"repetition.doubled_word"}))
    assert not _findings(T, "وقال الوزير إن العمل سيبدأ في في الأسبوع المقبل.", config)


def test_near_duplicates_are_found_far_apart_without_comparing_every_pair():
    far = body(LEAD, DUP, *(FILLER * 30), DUP.replace("الأول", "الماضي"))
    (f,) = _findings(T, far, rule="repetition.near_duplicate_sentence")
    assert f.related[0].text == DUP


def test_a_clean_article_gives_no_repetition_finding():
    assert _findings(T, body(LEAD, *FILLER)) == []


def test_a_run_of_one_word_is_one_finding():
    found = _findings(T, "وقال المدير إن العمل سيبدأ في في في في الأسبوع المقبل.", rule="repetition.doubled_word")
    assert [f.text for f in found] == ["في في"]


def test_a_text_pasted_many_times_lists_a_bounded_number_of_related_spans():
    text = body(*([DUP] * 400))
    found = _findings(T, text, rule="repetition.duplicated_paragraph")
    assert len(found) == 399 and all(len(f.related) <= 20 for f in found)


def test_a_digest_line_repeated_once_per_item_is_its_format_not_a_slip():
    digest = body(*(item + " " + DIGEST_LINE for item in DIGEST_ITEMS))
    assert _findings("أبرز أخبار اليوم", digest) == []
    # pasted twice in a row, or twice within one item, it is still a slip
    (f,) = _findings(T, body(LEAD, DIGEST_ITEMS[0] + " " + DIGEST_LINE, DIGEST_LINE),
                     rule="repetition.duplicated_paragraph") or _findings(
        T, body(LEAD, DIGEST_ITEMS[0] + " " + DIGEST_LINE, DIGEST_LINE), rule="repetition.duplicated_sentence")
    assert f.text == DIGEST_LINE


def test_a_repeated_term_is_found_in_a_long_piece():
    # about 2,800 words; the phrase 12 times: padding, though the old proportional threshold asked for 24
    lines = [f"وقال متحدث باسم لجنة رقم {k} إن عمل فريق رقم {k} مستمر منذ أشهر" for k in range(200)]
    for k in range(0, 192, 16):
        lines[k] += " لتحقيق الأمن الغذائي"
    text = body(*(". ".join(lines[i:i + 5]) + "." for i in range(0, len(lines), 5)))
    words = len(text.split())
    assert words > 2500 and _threshold(CONFIG, words) <= 12 < 5 * words / 600
    found = _findings(T, text, rule="repetition.repeated_term")
    assert [f.text for f in found] == ["الأمن الغذائي"] and "12" in found[0].message


FIGURES_TWICE = (
    "بلغت صادرات زيت الزيتون التونسي 350 ألف طن خلال الموسم الماضي بحسب وزارة الفلاحة.\n\n"
    "وقالت الوزارة إن عائدات التصدير بلغت 2500 مليون دينار في الفترة ذاتها بفضل الأسعار المرتفعة.\n\n"
    "وأضاف المرصد الوطني أن الأسواق الأوروبية استوعبت معظم الكميات المصدرة هذا العام.\n\n"
    "وسجل الموسم تصدير 350 ألف طن من زيت الزيتون بعائدات التصدير 2500 مليون دينار حسب الأرقام الرسمية."
)


def test_restated_figure_points_at_its_first_figure_whatever_the_string_hashing():
    """Two figures of the last sentence were each given before: the finding names the sentence of the first
    one (350 ألف طن), in every process, not whichever figure a set happened to yield first."""
    import json
    import subprocess
    import sys

    code = ("import json, sys; from editorial.checks import check_draft; r = check_draft(sys.argv[1], sys.argv[2]); "
            "print(json.dumps([(f.rule, f.start, [(s.start, s.end) for s in f.related]) for f in r.findings]))")
    title = "صادرات تونس من زيت الزيتون ترتفع"
    first = FIGURES_TWICE.index("بلغت صادرات")
    outs = set()
    for seed in ("0", "1", "2", "3", "5"):
        env = {"PYTHONHASHSEED": seed, "PATH": ""}
        run = subprocess.run([sys.executable, "-c", code, title, FIGURES_TWICE], env=env, capture_output=True,
                             text=True, check=True)
        outs.add(run.stdout)
    assert len(outs) == 1
    findings = json.loads(outs.pop())
    restated = [f for f in findings if f[0] == "repetition.possible_restatement"]
    assert restated and restated[0][2][0][0] == first


def test_a_clause_opener_inside_a_sentence_is_related_with_its_exact_span():
    text = body(LEAD, "وقال الوزير إن العمل بدأ. " + FILLER[0], "وتضم القائمة أطباء من الجهة ثم قال الوزير إن الفريق جاهز.",
                "فقال الوزير إن الأدوية متوفرة.")
    (f,) = _findings(T, text, rule="repetition.repeated_opener")
    assert f.text == "فقال الوزير"
    assert sorted(r.text for r in f.related) == ["ثم قال الوزير", "وقال الوزير"]


def test_the_wordings_of_one_stock_formula_count_together():
    text = body(LEAD, "وتجدر الإشارة إلى أن الأطباء وصلوا. " + FILLER[0], "والجدير بالذكر أن الفريق جاهز.",
                FILLER[1] + " ومن الجدير بالذكر أن الأدوية متوفرة.", "يذكر أن الصيدلية فتحت أبوابها.")
    (f,) = _findings(T, text, rule="repetition.overused_phrase")
    assert f.text == "وتجدر الإشارة إلى" and "4" in f.message
    assert "تجدر الإشارة إلى / الجدير بالذكر / من الجدير بالذكر / يذكر أن" in f.message
    assert [r.text for r in f.related] == ["والجدير بالذكر", "ومن الجدير بالذكر", "يذكر أن"]
    # three wordings three times is not a habit yet; "من الجدير بالذكر" is one occurrence, not two
    assert not _findings(T, body(LEAD, "ومن الجدير بالذكر أن الأطباء وصلوا. " + FILLER[0],
                                 "والجدير بالذكر أن الفريق جاهز.", FILLER[1] + " يذكر أن الأدوية متوفرة."),
                         rule="repetition.overused_phrase")


def test_a_digest_with_a_reporting_line_and_a_stock_phrase_per_item_is_its_format():
    """Several short items, each closing with the same line that carries a stock phrase and a speaker: the
    digest's format, not an overused phrase nor a repeated opener."""
    closing = "وفي هذا الإطار قال المراسل إن التفاصيل متاحة على الموقع."
    digest = body(*(item + " " + closing for item in DIGEST_ITEMS))
    assert _findings("أبرز أخبار اليوم", digest) == []


# --- precision on other outlets' published news (SkyNews, CNN): look-alikes of each rule ----------------------

def test_a_name_in_construct_repeated_through_a_story_is_not_a_repeated_term():
    """A bare head in construct with a definite word names one thing (كوريا الجنوبية، قوات النظام، وكالة
    الأنباء): a story repeats it as it repeats a name. A definite phrase used as often is still flagged."""
    text = body(
        "أجرت كوريا الجنوبية مناورات بحرية واسعة قرب حدودها البحرية مع جارتها الشمالية.",
        "وقالت وزارة الدفاع إن كوريا الجنوبية أبلغت الدول المجاورة بموعد المناورات مسبقا.",
        "وتشارك في التدريبات سفن حربية وطائرات مراقبة أرسلتها كوريا الجنوبية وحلفاؤها.",
        "ويرى محللون أن كوريا الجنوبية تسعى إلى طمأنة سكان الجزر القريبة من خط التماس.",
        "ومن المنتظر أن تعلن كوريا الجنوبية نتائج التدريبات في مؤتمر صحفي نهاية الأسبوع.",
        "وردت وسائل إعلام الشمال بانتقاد المناورات التي وصفتها بالاستفزازية.",
    )
    assert text.count("كوريا الجنوبية") == 5
    assert _findings("مناورات بحرية قرب الحدود", text, rule="repetition.repeated_term") == []
    (f,) = _findings(T, PHRASE_BODY, rule="repetition.repeated_term")
    assert f.text == "الشراكة الاستراتيجية"


def test_three_speakers_each_introduced_by_the_same_verb_are_not_a_repeated_opener():
    """«وقال فلان... وقال علان... وقال آخر...»: a report giving several voices. One speaker going on
    (وأضاف أن... وأضاف أن... وأضاف أن) is still a run."""
    voices = body(LEAD,
                  "وقال رئيس النقابة المحلية إن الأطباء ينتظرون هذا الافتتاح منذ سنوات طويلة.",
                  "وقال ممثل جمعية المرضى إن المستشفى سيخفف معاناة سكان القرى البعيدة.",
                  "وقال نائب المحافظ إن السلطات ستوفر حافلات لنقل المرضى من الأرياف.",
                  FILLER[0])
    assert _findings(T, voices, rule="repetition.repeated_opener") == []
    going_on = body(LEAD,
                    "وأضاف أن المستشفى سيعمل على مدار الساعة طوال أيام الأسبوع.",
                    "وأضاف أن قسم الأطفال سيفتح أبوابه في الشهر المقبل.",
                    "وأضاف أن التوظيف سيشمل شباب المنطقة بالأولوية.",
                    FILLER[0])
    (f,) = _findings(T, going_on, rule="repetition.repeated_opener")
    third = going_on.index("وأضاف أن التوظيف")
    assert (f.start, f.end) == (third, third + len("وأضاف أن"))


def test_a_source_quoted_again_in_a_long_piece_behind_the_plain_conjunction_is_not_a_repeated_opener():
    """«وقال المدير» three times and «كما قال المدير» once across some 600 words: a report returning to its
    source. The same opener behind three different conjunctions is the habit, whatever the length."""
    fill = [f"{s[:-1]} في المرحلة رقم {k}." for k in range(9) for s in FILLER]
    paras = [LEAD]
    quotes = ["وقال المدير إن العمل بدأ في موعده المحدد.", "كما قال المدير إن الأجهزة وصلت كاملة.",
              "وقال المدير إن التوظيف سيبدأ قريبا.", "وقال المدير إن الافتتاح الرسمي سيكون في الربيع."]
    for k, q in enumerate(quotes):
        paras.append(" ".join(fill[k * 9:(k + 1) * 9]) + " " + q)
    text = body(*paras)
    assert len(text.split()) > 550
    assert _findings(T, text, rule="repetition.repeated_opener") == []
    varied = body(*paras[:2], paras[2].replace("كما قال المدير", "ثم قال المدير"),
                  paras[3].replace("وقال المدير", "وقد قال المدير"), paras[4].replace("وقال المدير", "كما قال المدير"))
    (f,) = _findings(T, varied, rule="repetition.repeated_opener")
    assert f.text in ("ثم قال المدير", "وقد قال المدير", "كما قال المدير")


def test_items_of_a_comparison_under_different_labels_are_not_near_duplicates():
    """A comparison gives several items the same value ("الهاتف الأول: ..."، "الهاتف الثاني: ..."): the list's
    format. The same sentence without labels is still a near duplicate."""
    spec = ("البطارية الهاتف الأول: بطارية بسعة 4000 ميلي أمبير مع شحن سريع وشحن لاسلكي عكسي. "
            "الهاتف الثاني: بطارية بسعة 4000 ميلي أمبير مع شحن سريع وشحن لاسلكي عكسي. "
            "الهاتف الثالث: بطارية بسعة 4000 ميلي أمبير مع شحن سريع.")
    text = body("قارن موقعنا بين ثلاثة هواتف جديدة طرحتها الشركة هذا العام.", spec)
    assert _findings(T, text, rule="repetition.near_duplicate_sentence") == []
    plain = body(LEAD, "وزودت الأقسام ببطاريات احتياطية بسعة كبيرة مع شحن سريع للأجهزة الطبية الحساسة كلها.",
                 FILLER[0], "كما زودت الأقسام ببطاريات احتياطية بسعة كبيرة مع شحن سريع للأجهزة الطبية الحساسة.")
    found = _findings(T, plain)
    assert any(f.rule in ("repetition.near_duplicate_sentence", "repetition.duplicated_sentence") for f in found)


def test_a_demand_verb_run_whose_next_noun_is_its_object_is_still_a_repeated_opener():
    """«وحثت الإدارة السكان... كما حثت الأطباء... كما حثت الزوار»: after a verb of urging the noun is who is
    asked, the subject goes on unnamed; three openers in a row are the habit."""
    text = body(LEAD,
                "وحثت إدارة المستشفى السكان على حجز مواعيدهم عبر الهاتف. كما حثت الأطباء على الالتزام بالمناوبات. "
                "كما حثت الزوار على احترام أوقات الزيارة المحددة.",
                FILLER[0])
    (f,) = _findings(T, text, rule="repetition.repeated_opener")
    third = text.index("كما حثت الزوار")
    assert f.start == third and text[f.start:f.end].startswith("كما حثت")


def test_a_connector_used_in_proportion_to_a_long_piece_is_not_an_overused_phrase():
    """«عن طريق» five times in some 330 words carries the grammar of each sentence (means), not padding; the
    same connector five times in a short draft, and a linking filler («في هذا الإطار») four times, still are."""
    means = ["ووصل المرضى الأوائل عن طريق سيارات الإسعاف التابعة للهلال الأحمر.",
             "وتصل الأدوية إلى الصيدلية المركزية عن طريق شاحنات مبردة مرتين في الأسبوع.",
             "ويمكن حجز المواعيد عن طريق تطبيق إلكتروني أطلقته الإدارة أمس.",
             "وتتم متابعة المرضى بعد خروجهم عن طريق فريق من الممرضين المتنقلين.",
             "وتمول الصيانة عن طريق اتفاقية مع شركة خاصة لمدة خمس سنوات."]
    givers = ["البلدية", "جمعية الأطباء", "الهلال الأحمر", "غرفة التجارة", "وزارة التربية"]
    gifts = ["أسرة إضافية لقسم الأطفال", "أجهزة تنفس حديثة", "كراسي متحركة للمسنين", "حواسيب لمكتب الاستقبال",
             "مولدات كهرباء احتياطية", "سيارة نقل صغيرة"]
    days = ["صباح السبت", "مساء الأحد", "ظهر الاثنين", "يوم الخميس", "قبل أسبوعين", "منذ شهر"]
    fill = [f"وقدمت {g} {x} للمستشفى {days[(i + j) % 6]}." for i, g in enumerate(givers) for j, x in enumerate(gifts)]
    long_text = body(LEAD, *(" ".join(fill[k * 6:(k + 1) * 6]) + " " + means[k] for k in range(5)))
    assert 300 < len(long_text.split()) < 420
    assert _findings(T, long_text, rule="repetition.overused_phrase") == []
    short = body(LEAD, *means)
    (f,) = _findings(T, short, rule="repetition.overused_phrase")
    assert (f.start, f.end) == (short.index("عن طريق"), short.index("عن طريق") + len("عن طريق"))
    filler = body(LEAD, *(s[:-1] + " في هذا الإطار." for s in [*FILLER, DUP]))
    (f,) = _findings(T, filler, rule="repetition.overused_phrase")
    assert f.text == "في هذا الإطار"
