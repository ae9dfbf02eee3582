"""Contradictions between title and body: opposite outcomes and negation (examples written for this project).

The generic runner in test_engine.py walks ``EXAMPLES``: each "flag" example must give the exact title span,
each "pass" example (paraphrases, both directions reported, the same negation on both sides) nothing.
"""

from __future__ import annotations

from editorial.checks import check_draft
from editorial.checks.arabic import lexicon as L

EXAMPLES: dict[str, dict] = {
    "consistency.score_mismatch": {
        "flag": [
            ("الترجي يفوز على النجم 3-1 في الدربي",
             "فاز الترجي على النجم الساحلي بهدفين مقابل هدف في مباراة الدربي أمس.", "title", "3-1"),
            ("الأهلي يكتسح الزمالك برباعية نظيفة", "اكتسح الأهلي منافسه الزمالك بنتيجة 3-0 في قمة الدوري.",
             "title", "برباعية نظيفة"),
            ("تعادل الفريقين (1-1) في افتتاح البطولة", "انتهت مباراة الافتتاح بالتعادل السلبي بين الفريقين."
             , "title", "(1-1)"),
        ],
        "pass": [
            # the same score, in words or digits, in either order
            ("الترجي يفوز على النجم 2-1 في الدربي",
             "فاز الترجي على النجم الساحلي بهدفين مقابل هدف في مباراة الدربي أمس."),
            ("خسارة المنتخب أمام ضيفه 1-3", "خسر المنتخب أمام ضيفه بثلاثة أهداف مقابل هدف (وات)."),
            ("الأهلي يكتسح الزمالك (4-0)", "اكتسح الأهلي منافسه الزمالك برباعية نظيفة."),
            # a date range is no score
            ("مهرجان المسرح من 2-5 ماي", "يفتتح المهرجان فعالياته وقد فاز فريق المدينة بهدف دون رد في المباراة."),
        ],
    },
    "consistency.swapped_word": {
        "flag": [
            ("الذهب يرتفع بفعل قرار البنك المركزي", "النفط يرتفع بفعل قرار البنك المركزي الأخير.", "title",
             "الذهب"),
            ("من هم العرب الذين حصلوا على جائزة نوبل للسلام؟",
             "من هم العرب الذين حصلوا على جائزة نوبل للطب؟", "title", "للسلام"),
            # two names after the same head of a named entity, neither definite
            ("رواية مغربية تفوز بجائزة بوكر العربية هذا العام",
             "رواية مغربية تفوز بجائزة كتارا العربية هذا العام في حفل بالدوحة.", "title", "بوكر"),
            ("إقالة وزير الداخلية بعد أيام من غرق قارب للمهاجرين",
             "إقالة وزير الدفاع بعد أيام من غرق قارب للمهاجرين قبالة السواحل.", "title", "الداخلية"),
        ],
        "pass": [
            # near-synonyms of one group (القتال / الاشتباكات), a verb and its verbal noun, an agency credit
            ("دخول المساعدات إلى المدينة رغم استمرار القتال",
             "دخلت المساعدات إلى المدينة رغم استمرار الاشتباكات في محيطها."),
            ("وزير الخارجية يلتقي نظيره الفرنسي في باريس",
             "التقى وزير الخارجية نظيره الفرنسي في باريس وبحثا العلاقات الثنائية."),
            ("الشرطة تعتقل شخصين في قضية سرقة المصرف", "اعتقلت الشرطة شخصين في قضية سرقة المصرف المركزي (وات)."),
            # an indefinite adjective paraphrased (no head of a named entity before it)
            ("ارتفاع كبير في أسعار الخضر بالأسواق", "ارتفاع حاد في أسعار الخضر بالأسواق هذا الأسبوع."),
            # a verb paraphrased: only two definite nouns make a swap
            ("أوباما وزوجته يبحثان تقديم برامج تلفزيونية", "أوباما وزوجته يفكران في تقديم برامج تلفزيونية."),
        ],
    },
    "consistency.place_mismatch": {
        "flag": [
            # a nationality adjective replaced by another one
            ("الليرة التركية تواصل التراجع أمام الدولار",
             "واصلت الليرة اللبنانية تراجعها أمام الدولار في السوق الموازية.", "title", "التركية"),
            ("الرئيس التونسي يستقبل وفدا من رجال الأعمال",
             "استقبل الرئيس المصري وفدا من رجال الأعمال في قصر الاتحادية.", "title", "التونسي"),
            # countries that places.txt does not list are known by their CLDR name
            ("فنزويلا تطلق عملة رقمية لمواجهة التضخم",
             "أطلقت كولومبيا عملة رقمية جديدة لمواجهة التضخم المتسارع.", "title", "فنزويلا"),
            # a city whose country the body never names, while it names another country's city
            ("الرباط تحتضن مؤتمرا عربيا للطاقة المتجددة",
             "تحتضن بيروت الأسبوع المقبل مؤتمرا عربيا للطاقة المتجددة بمشاركة عشرين دولة.", "title", "الرباط"),
            # a title country against another country's adjective in the body
            ("الجزائر تعلن خطة لدعم صغار الفلاحين",
             "أعلنت الحكومة المغربية خطة جديدة لدعم صغار الفلاحين في المناطق الجبلية.", "title", "الجزائر"),
            # "لل" is "ل" + "ال": "للسعودية" is the country, the rival of the title's "لقطر"
            ("زيارة مرتقبة لقطر لبحث ملف الطاقة",
             "أعلنت الرئاسة عن زيارة مرتقبة للسعودية لبحث ملف الطاقة والاستثمار.", "title", "لقطر"),
        ],
        "pass": [
            # the country is in the body through its city (قرطاج) and only the guests are foreign
            ("الرئيس التونسي يستقبل وفدا من رجال الأعمال",
             "استقبل رئيس الجمهورية بقصر قرطاج وفدا من رجال الأعمال الفرنسيين."),
            ("الليرة التركية تواصل التراجع", "واصلت العملة التركية تراجعها أمام اليورو والدولار الأميركي."),
            ("السفير الأمريكي يزور جربة",
             "زار سفير الولايات المتحدة جزيرة جربة اليوم والتقى بممثلين عن المجتمع المدني."),
            # a CLDR name that is also a common word (بنين "boys") is left out
            ("منتخب مدرسة بنين يفوز بالبطولة المدرسية",
             "فاز فريق مدرسة البنين بالبطولة المدرسية على حساب فريق المعهد الفرنسي."),
            # the body names the city's country: a visitor's home city is no rival
            ("الرباط تحتضن مؤتمرا عربيا للطاقة المتجددة",
             "تحتضن العاصمة المغربية مؤتمرا عربيا للطاقة يشارك فيه وزير من عمّان وآخر من تونس."),
            # the body names the title's country through its adjective; other adjectives are only guests
            ("الجزائر تعلن خطة لدعم صغار الفلاحين",
             "أعلنت الحكومة الجزائرية خطة لدعم صغار الفلاحين بتمويل من البنك الأوروبي وخبراء فرنسيين."),
        ],
    },
    "consistency.polarity_mismatch": {
        "flag": [
            ("السلطات تفرج عن الصحفي المعتقل منذ شهرين",
             "قررت النيابة تمديد اعتقال الصحفي شهرين إضافيين على ذمة التحقيق.", "title", "تفرج"),
            ("المحكمة تبرئ رجل الأعمال من تهمة التهرب الضريبي",
             "أدانت المحكمة الابتدائية رجل الأعمال بتهمة التهرب الضريبي وقضت بسجنه ثلاث سنوات.", "title",
             "تبرئ رجل الأعمال"),
            ("إغلاق معبر رأس جدير أمام المسافرين",
             "أعادت السلطات فتح معبر رأس جدير أمام المسافرين صباح اليوم بعد توقف دام يومين.", "title",
             "إغلاق معبر رأس"),
            ("الرئيس يقيل محافظ البنك المركزي",
             "قرر الرئيس إبقاء محافظ البنك المركزي في منصبه رغم الانتقادات.", "title", "يقيل محافظ البنك"),
            ("تأجيل التصويت على قانون المالية",
             "واصل البرلمان التصويت على فصول قانون المالية في جلسة مسائية.", "title", "تأجيل التصويت"),
            # each outcome word has its own subject: the gold rose, the dollar fell
            ("الذهب يصعد مع تراجع الدولار",
             "تراجعت أسعار الذهب اليوم مع ارتفاع الدولار أمام العملات الرئيسية.", "title", "يصعد"),
            # a negated outcome counts on the other side; the span starts at the negator
            ("الحكومة تقر زيادة الأجور", "رفضت الحكومة زيادة الأجور في القطاع العام هذا العام.", "title",
             "تقر زيادة الأجور"),
            # attitudes, trade and money flows are opposite outcomes too
            ("رئيس الوزراء يرحب بقرار النقابات",
             "حذر رئيس الوزراء من قرار النقابات الأخير وقال إنه يضر بالاقتصاد.", "title", "يرحب بقرار النقابات"),
            ("البنك المركزي يضخ سيولة في المصارف",
             "قرر البنك المركزي أن يسحب سيولة من المصارف لكبح التضخم.", "title", "يضخ سيولة"),
            # turnout, advance and retreat, the highest level against a fall
            ("إقبال كثيف على مكاتب الاقتراع في الجنوب",
             "سجلت مكاتب الاقتراع في الجنوب عزوفا واضحا عن التصويت منذ الصباح.", "title", "إقبال كثيف"),
            # a verb before "لـ" + outcome carries its subject (تعود للارتفاع)
            ("الليرة تواصل الهبوط أمام الدولار", "أظهرت بيانات السوق أن الليرة تعود للارتفاع أمام الدولار.",
             "title", "الهبوط"),
            # more opposite outcomes: relations cut and resumed, thwarted and carried out, stable and falling,
            # granted and withdrawn, extended and ended
            ("الأردن يقطع علاقاته مع جارته الشمالية", "أعلن الأردن استئناف علاقاته مع جارته الشمالية.",
             "title", "يقطع علاقاته"),
            ("الأمن يحبط هجوما على مركز للشرطة في الموصل",
             "نفذ مسلحون هجوما على مركز للشرطة في الموصل فجر اليوم وأصابوا عنصرين.", "title", "يحبط هجوما"),
            ("استقرار أسعار الطماطم في أسواق الجملة",
             "تراجعت أسعار الطماطم في أسواق الجملة هذا الأسبوع بنسبة عشرة في المئة.", "title",
             "استقرار أسعار الطماطم"),
            ("الحكومة تمدد حالة الطوارئ ثلاثة أشهر", "قررت الحكومة إنهاء حالة الطوارئ المعلنة منذ الصيف.",
             "title", "تمدد حالة الطوارئ"),
            # the subject named differently in a sentence that restates the title with the opposite outcome
            ("هبوط جديد لعملة المغرب في السوق الموازية",
             "الدرهم يعود إلى الارتفاع في السوق الموازية للمغرب منذ مطلع الأسبوع.", "title", "هبوط جديد لعملة"),
            # "و" + a definite noun begins the phrase of the verb after it: the dinar recovers, not the
            # inflation (a verb with no subject in reach no longer counts as agreeing with the title)
            ("الدينار في تراجع والتضخم يرتفع في تونس",
             "الدينار يتعافى في تونس والأسعار تواصل الارتفاع.", "title", "تراجع"),
            # a verb of change with "بـ" and a definite noun brings that noun down: the oil price falls,
            # so the title's "the price rises" is contradicted
            ("ارتفاع أسعار النفط مع تراجع المخزونات الأميركية",
             "تراجع المخزونات الأميركية يهوي بأسعار النفط في تعاملات اليوم.", "title", "ارتفاع أسعار النفط"),
        ],
        "pass": [
            ("الذهب يصعد مع تراجع الدولار",
             "ارتفعت أسعار الذهب اليوم مع تراجع الدولار أمام العملات الرئيسية."),
            # a denial with a pronoun attached supports a denied title (ورفضهم المغادرة), wherever its subject is
            ("عائلات تقيم في مقر البلدية وترفض المغادرة",
             "تقيم أربع عائلات في مقر البلدية منذ الفيضانات ورفضهم المغادرة. وغادرت عائلات أخرى المقر أمس."),
            # "غير أن" is "however": nothing is negated
            ("الحكومة تقر زيادة الأجور", "أقرت الحكومة زيادة الأجور، غير أن النقابات طالبت بالمزيد."),
            # a reversing verb turns the outcome after it (يعوض خسائره is a gain); a level left (من أعلى) and a
            # purpose (لخفض) are no outcome; a compass word after a place is part of its name; a city whose
            # name reads like a verb (صعدة) is no outcome
            ("الدينار يعوض بعض خسائره أمام اليورو", "ارتفع الدينار اليوم أمام اليورو بعد أسبوع من التراجع."),
            ("النحاس ينخفض من أعلى مستوى في عامين", "تراجعت أسعار النحاس اليوم بعد أن بلغت أعلى مستوى في عامين."),
            ("الحكومة تعلن إجراءات لخفض أسعار اللحوم", "أعلنت الحكومة إجراءات جديدة بعد ارتفاع أسعار اللحوم."),
            ("رئيس كوريا الشمالية يزور مصنعا للجرارات",
             "زار رئيس كوريا الشمالية مصنعا للجرارات، في وقت تجري فيه كوريا الجنوبية مناورات."),
            ("الجيش يحبط هجوما على موقع في صعدة", "أحبط الجيش هجوما على موقع عسكري في صعدة وكبد المهاجمين خسائر."),
            # selling abroad is exporting, not its opposite
            ("الجزائر تبيع الغاز لإيطاليا بأسعار جديدة", "ارتفعت صادرات الجزائر من الغاز نحو إيطاليا هذا العام."),
            # a restating sentence with two outcomes: the title's own and its opposite about another subject
            ("هبوط جديد لعملة المغرب في السوق الموازية",
             "الدرهم يتراجع في السوق الموازية للمغرب بينما ترتفع أسعار الذهب منذ مطلع الأسبوع."),
            ("النقابة ترفض التوقيع على الاتفاق", "رفضت النقابة التوقيع على الاتفاق مع الوزارة وأعلنت إضرابا."),
            ("لم ترتفع أسعار المحروقات هذا الشهر",
             "أكدت الوزارة أن أسعار المحروقات لم تشهد أي زيادة هذا الشهر."),
            ("الأسعار لا تزال ترتفع في الأسواق", "لا تزال الأسعار ترتفع في الأسواق رغم تدخل الحكومة."),
            ("الشرطة تعتقل المشتبه به في سرقة البنك",
             "ألقت الشرطة القبض على المشتبه به في سرقة البنك بعد مطاردة قصيرة."),
            ("ارتفاع صادرات الفوسفات رغم تراجع الأسعار",
             "ارتفعت صادرات الفوسفات خلال الربع الأول، رغم تراجع الأسعار العالمية."),
            ("السياحة تنتعش في الجنوب",
             "شهدت السياحة في الجنوب انتعاشا لافتا هذا الموسم، ولم يتراجع عدد الزوار رغم الحر."),
            ("الحكومة تقر زيادة الأجور", "وافقت الحكومة على زيادة الأجور، ولم تحدد بعد موعد صرفها."),
            # word order differs, the denial is the same: "نفى" far before the word it covers
            ("الوزير ينفي استقالته", "نفى وزير الصحة اليوم ما تداولته مواقع التواصل عن استقالته من منصبه."),
            # a demand is no outcome: the party asks for a withdrawal, the body reports the joining
            ("الحزب يطالب الحكومة بالانسحاب من التحالف",
             "طالب الحزب الحكومة بالانسحاب من التحالف الذي أعلنت انضمامها إليه العام الماضي."),
            # "لم ... إلا" says "only", not "not": the works did begin
            ("بدء أشغال توسعة الطريق الساحلي",
             "لم تبدأ أشغال توسعة الطريق الساحلي إلا منذ أسبوعين رغم صدور الإذن قبل عام."),
            # two opposite words in one phrase make one outcome (the easing of tensions is calm)
            ("الذهب يتراجع مع انحسار التوترات", "تراجع الذهب بعد أن خفت التوترات وعاد الهدوء إلى الأسواق."),
            # an outcome word whose negation is unclear still has its own subject: the interest rate rose,
            # which says nothing against the lira not recovering
            ("الدينار.. لماذا لم يتحسن بعد رفع أسعار الفائدة؟",
             "زيادة الفائدة دون أثر يذكر على قيمة الدينار في السوق."),
            # a negated gradable word is not its opposite: "not the biggest" is not "the smallest"
            ("خسارة البورصة ليست الأصغر في تاريخها",
             "خسرت البورصة اليوم 2% من قيمتها، وهي من أكبر الخسائر في السنوات الأخيرة."),
            # confirming a denial confirms nothing the title denies
            ("السفارة تنفي علمها المسبق بالحملة الإعلانية",
             "أكدت السفارة أن الحكومة لم تكن على علم مسبق بالحملة الإعلانية التي نفذتها الشركة."),
            # "بقية" (the rest) is no "بقي" (stayed) with a pronoun
            ("الوزير يدعو جميع المسلحين إلى الخروج من المدينة",
             "قال الوزير إن على جميع المسلحين وبقية المجموعات الخروج من المدينة خلال يومين."),
            # a feminine participle of a listed form keeps its side (ممنوعة is ممنوع)
            ("الشركة ممنوعة من دخول السوق المحلية", "قررت الهيئة منع الشركة من العمل في السوق المحلية."),
            # a yes/no question asks about an outcome, it does not report one
            ("هل بدأ موسم الهجرة إلى الشمال؟", "يرى خبراء أن موسم الهجرة إلى الشمال لم ينته بعد وأنه قد ينتهي قريبا."),
            # recovering from losses is a gain
            ("الدينار يتعافى من خسائره أمام اليورو", "قفز الدينار اليوم أمام اليورو بعد أسبوع من التراجع."),
            # a denial covers its own clause, not the one coordinated after it
            ("الشركة تتجاهل الانتقادات وتعزز حضورها في السوق",
             "أعلنت الشركة تعزيز حضورها في السوق رغم الانتقادات التي طالتها."),
            # a denial story repeats what is denied: the denial is the statement (the negation check weighs it)
            ("الحكومة تنفي فرض رسوم على التحويلات",
             "نفت الحكومة ما تداولته صفحات عن فرض رسوم جديدة على تحويلات العاملين في الخارج."),
            # a level left: "يتراجع عن أعلى مستوى" is a fall, not a high
            ("النحاس يتراجع عن أعلى مستوى في عامين", "هبطت أسعار النحاس اليوم بعد أن بلغت أعلى مستوى في عامين."),
            # a stance past the opening is another actor's or about another thing: the lead criticises, a later
            # paragraph reports support for someone else's position
            ("الوزارة تنتقد قرار النقابة بشأن الإضراب",
             "قالت الوزارة إن قرار النقابة الدخول في إضراب مفتوح غير مسؤول. "
             + "وقال المتحدث إن الحوار ما زال ممكنا وإن الأبواب مفتوحة أمام الجميع في الأيام المقبلة. " * 12
             + "وأيدت الوزارة موقف الهيئة المستقلة بشأن مواعيد الامتحانات."),
            # buying and selling are two sides of one sale, and a dismissal story names the successor
            ("مصر تشتري الغاز من قبرص بعقد جديد", "وقعت قبرص عقدا تبيع بموجبه الغاز لمصر لمدة عشر سنوات."),
            ("النادي يقيل مدربه بعد الخسارة الثالثة", "أعلن النادي إقالة مدربه وتعيين مساعده مدربا مؤقتا."),
            # the title gives both stances: the body may report either
            ("الوزير يؤكد موعد الامتحانات وينفي تأجيلها", "أكد الوزير أن الامتحانات ستجري في موعدها المحدد."),
        ],
    },
    "consistency.result_mismatch": {
        "flag": [
            # the result line says the title's winner lost (sides matched by what sets them apart)
            ("كرة اليد : النادي البنزرتي يفوز على النادي الصفاقسي",
             ("دارت مساء اليوم مباريات الجولة العاشرة وفي ما يلي النتائج :\nالنادي البنزرتي – النادي الصفاقسي 24 - 29"
              "\nجمعية الحمامات – مكارم المهدية 30 - 27"), "title", "النادي البنزرتي يفوز"),
            # a loser in the title who drew
            ("كرة السلة : الاتحاد المنستيري ينهزم أمام الملعب النابلي",
             "النتائج الكاملة للجولة :\nالملعب النابلي * الاتحاد المنستيري 70-70\nالنادي الإفريقي * الشبيبة القيروانية 81-64",
             "title", "الاتحاد المنستيري ينهزم"),
        ],
        "pass": [
            # the result line agrees, whichever side it names first
            ("كرة اليد : النادي البنزرتي يفوز على النادي الصفاقسي",
             "وفي ما يلي النتائج :\nالنادي الصفاقسي – النادي البنزرتي 24 - 29\nجمعية الحمامات – مكارم المهدية 30 - 27"),
            # a line that names only one of the two sides is another match
            ("كرة السلة : الاتحاد المنستيري ينهزم أمام الملعب النابلي",
             "النتائج :\nالاتحاد المنستيري * النادي الإفريقي 80-62\nالملعب النابلي * الشبيبة القيروانية 75-70"),
            # a date range is no result
            ("المنتخب يفوز على ضيفه في افتتاح الدورة", "تقام الدورة من 17 - 28 ماي بمشاركة المنتخب وضيفه."),
        ],
    },
    "consistency.roles_swapped": {
        "flag": [
            ("المغرب يهزم الجزائر في نهائي البطولة", "الجزائر تهزم المغرب في نهائي البطولة بهدفين دون رد.", "title",
             "المغرب يهزم الجزائر"),
            # a capital and a nationality adjective stand for their countries
            ("الرباط تطالب مدريد بتسليم المطلوبين",
             "إسبانيا تطالب المغرب بتسليم المطلوبين الفارين، وفق مصدر رسمي.", "title", "الرباط تطالب مدريد"),
        ],
        "pass": [
            # a verb of mutual action, in the reciprocal form or listed: either order says the same
            ("مصر تتفاوض مع السودان حول مياه النيل", "السودان يتفاوض مع مصر حول مياه النيل منذ أشهر."),
            ("تونس تلتقي ليبيا في مباراة ودية", "ليبيا تلتقي تونس في مباراة ودية الأحد المقبل (وات)."),
            # the title's order is in the sentence too: both statements are reported
            ("الصين تتهم أميركا بالتجسس", "الصين تتهم أميركا بالتجسس، وأميركا تتهم الصين بالقرصنة."),
            # the same order, told again
            ("قطر تدعو إيران إلى الحوار", "قطر تدعو إيران إلى الحوار مع جيرانها في أقرب وقت."),
        ],
    },
    "consistency.negation_mismatch": {
        "flag": [
            # a casualty word of the title's synonym group, denied with a light noun of occurrence
            ("مقتل ثلاثة عمال في انهيار مبنى بالمدينة القديمة",
             "انهار جزء من مبنى قديم في المدينة القديمة صباح اليوم دون وقوع ضحايا، وفق الحماية المدنية.",
             "title", "مقتل ثلاثة عمال"),
            ("إصابات في حريق بسوق الخضر", "اندلع حريق في سوق الخضر ولم يتم تسجيل أي جرحى حسب الدفاع المدني.",
             "title", "إصابات"),
            ("الشركة تسلم الشحنة الأولى للمستشفيات",
             "لم تسلم الشركة الشحنة الأولى للمستشفيات بسبب تأخر الموردين.", "title", "تسلم الشحنة الأولى"),
            ("الوزارة لا تعتزم رفع الدعم عن المحروقات",
             "قالت الوزارة إنها تعتزم رفع الدعم عن المحروقات تدريجيا خلال العام المقبل.", "title",
             "لا تعتزم رفع الدعم"),
            # a verb and its verbal noun are one word (تعتمد / اعتماد, derived-form patterns)
            ("الحكومة تعتمد الخطة الجديدة للنقل",
             "فشلت الحكومة في اعتماد الخطة الجديدة للنقل بعد خلاف بين الوزراء.", "title",
             "تعتمد الخطة الجديدة"),
            # cancelling or postponing is a denial that it happens
            ("الوزير يعقد اجتماعا مع النقابات", "ألغى الوزير الاجتماع مع النقابات بسبب الإضراب العام.", "title",
             "اجتماعا"),
            ("البلدية تنفي ترميم السوق القديمة",
             "بدأت البلدية صباح اليوم ترميم السوق القديمة لإقامة مرآب للسيارات.", "title",
             "تنفي ترميم السوق القديمة"),
            # a denied outcome asserted by the body (the denial is weighed here, not as an opposite outcome)
            ("الوزارة تنفي رفع أسعار الخبز",
             "أعلنت الوزارة رفع أسعار الخبز بنسبة عشرة في المئة ابتداء من الشهر المقبل.", "title",
             "تنفي رفع أسعار الخبز"),
            # verbs of avoidance deny what follows them (يتجنب، يتفادى، يفلت من، يخلو من)
            ("الحكومة تطلق إصلاحات ضريبية واسعة", "الحكومة تتفادى الإصلاحات الضريبية في موازنة العام المقبل.",
             "title", "إصلاحات ضريبية واسعة"),
            ("محاكمة موظف بتهمة اختلاس أموال البلدية", "الموظف المتهم باختلاس أموال البلدية يفلت من المحاكمة.",
             "title", "محاكمة موظف بتهمة"),
            # the existential "لن يكون هناك" negates the noun after it; the body declares it
            ("الرئيس: لن تكون هناك انتخابات مبكرة", "الرئيس يعلن انتخابات مبكرة في الربيع المقبل.", "title",
             "لن تكون هناك انتخابات مبكرة"),
            # the title denies what the body's first sentence reports, though the body negates something later
            ("عدم تنظيم معرض الكتاب في المدينة", ("تنظم البلدية اليوم معرض الكتاب في المدينة بمشاركة عشرين دار "
                                                 "نشر. ولم يحدد المنظمون بعد موعد السهرة الختامية."),
             "title", "عدم تنظيم معرض الكتاب"),
            # a past feminine verb of a derived form and its present are one word (استهدفت / تستهدف)
            ("غارة جوية تستهدف مستودعا للأسلحة", "قال الجيش إن الغارة الجوية لم تستهدف مستودعا للأسلحة."
             , "title", "تستهدف مستودعا للأسلحة"),
        ],
        "pass": [
            # a place is an actor, not a statement: "وتنفي تركيا" does not deny Turkey
            ("هولندا تعترف بمجازر الحرب وتغضب تركيا", "اعترف البرلمان الهولندي بالمجازر، وتنفي تركيا الاتهامات."),
            # the same word denied about something else, away from the title's other words
            ("الصين تتجاوز أميركا في عرض جوي", ("قدمت طائرات صينية عرضا جويا اليوم. وقال الطيار إن المسافة بين "
                                               "الطائرتين لا تتجاوز مترين.")),
            # "سقوط" before a definite noun is that noun's fall, not an occurrence: the government is not denied
            ("البرلمان يصوت على سحب الثقة من الحكومة",
             "صوت البرلمان على لائحة سحب الثقة وانتهت الجلسة دون سقوط الحكومة بعد أن نقصتها أصوات."),
            ("الشركة تسلم الشحنة الأولى للمستشفيات",
             "سلمت الشركة الشحنة الأولى للمستشفيات ولم تسلم الثانية بعد."),
            ("البلدية تنفي هدم السوق القديمة",
             "نفت البلدية ما تداولته الصفحات عن هدم السوق القديمة في وسط المدينة."),
            ("اللاعب لا يجدد عقده مع النادي", "أعلن النادي أن اللاعب لن يجدد عقده الذي ينتهي في الصيف."),
            ("الوزارة تعتزم رفع الدعم عن المحروقات",
             "أكدت الوزارة أنها تعتزم رفع الدعم عن المحروقات ولن تتراجع عن القرار."),
            # the copula and the existential (لم تكن، لا يوجد) pass on the negation: the same claim both sides
            ("الغارات لم تكن بغاز الكلور", "أكد مصدر طبي أن الغارات لم تكن بغاز الكلور كما أشيع."),
            # a hedged cancellation (قد تلغي) is no denial
            ("اللجنة قد تلغي الجائزة هذا العام", "قالت اللجنة إن الجائزة قد تحجب هذا العام بسبب الفضيحة."),
            # "أرجاء" (regions) is no postponement
            ("صدمة في المغرب بعد غرق مركب للصيد",
             "خلف غرق مركب الصيد صدمة كبيرة في أرجاء المغرب، وتواصل البحث عن المفقودين."),
            # "دون" in both; an agency credit in brackets
            ("مباراة الترجي والنجم دون جمهور",
             "تقام مباراة الترجي والنجم دون جمهور بقرار من وزارة الداخلية (وات)."),
            # what the title stops is not asserted: "وقف" and the body's "إلغاء" say the same
            ("وقف التعامل بالدينار في المبادلات بين البلدين",
             "قرر البلدان إلغاء التعامل بالدينار في المبادلات التجارية بينهما."),
            # the title asserts the conflict and negates a clash: the body's conflict is the asserted one
            ("النزاع في الشمال: اتفاق على تجنب الصدام في المدينة",
             "اتفق الطرفان على خطة من أجل حل النزاع في المدينة."),
            # a denial denied ("لا تستثني": it includes them) asserts; the body's plural agrees
            ("حملة الاعتقالات لا تستثني الأطباء", "اعتقلت السلطات ثلاثة أطباء في حملة جديدة، ولم توضح الأسباب."),
            # what the body stops (إيقاف الرحلات) is not asserted against a title's cancellation
            ("الشركة تلغي رحلات من وإلى العاصمة", "أعلنت الشركة إيقاف الرحلات من العاصمة وإليها، ولم تحدد موعدا للعودة."),
            # a past feminine verb of a derived form asserted in the body: the same statement
            ("غارة جوية تستهدف مستودعا للأسلحة",
             "استهدفت الغارة الجوية مستودعا للأسلحة، ولم تستهدف حركة المدنيين."),
        ],
    },
}


def test_both_spans_are_reported():
    report = check_draft("إغلاق معبر رأس جدير أمام المسافرين",
                         "أعادت السلطات فتح معبر رأس جدير أمام المسافرين صباح اليوم.")
    [f] = [f for f in report.findings if f.rule == "consistency.polarity_mismatch"]
    assert [(r.field, r.text) for r in f.related] == [("body", "فتح معبر رأس")]
    assert "فتح معبر رأس" in f.message and "فتح معبر رأس" in f.message_en


def test_country_names_come_from_cldr_and_places_file():
    tables = L.places()
    assert tables.countries["موزمبيق"] == "موزمبيق"  # CLDR only
    assert tables.countries["المملكه العربيه السعوديه"] == "السعوديه"  # CLDR name of a places.txt country
    assert tables.cities["قرطاج"] == ("قرطاج", "تونس") and tables.adjectives["تونسيه"] == "تونس"
    assert "بنين" not in tables.countries and "الامم المتحده" not in tables.countries


def test_outcome_pairs_are_data():
    table = L.polarity()
    assert ("open", 0) in table["فتح"] and ("open", 1) in table["اغلاق"]
    assert ("arrest", 1) in table["افراج"]
    assert "قبل" not in table  # "before": never an outcome word
    assert L.negators()["لم"] == "particle" and L.negators()["ينفي"] == "verb"


def test_a_number_too_large_for_a_float_is_no_count():
    """A run of digits that overflows to infinity before a counted noun must not break the family."""
    for title, body in ((("1" * 400) + " دول تشارك في القمة", "تشارك الجزائر والمغرب وتونس في القمة."),
                        ("قمة بمشاركة 5 دول", ("9" * 400) + " دولة شاركت في القمة.")):
        report = check_draft(title, body)
        assert report.errors == []
