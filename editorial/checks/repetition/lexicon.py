"""Word lists for the repetition checks, read from ``editorial/checks/data/`` through the one loader.

Function words never make an overused phrase or a restatement; units, titles and institution heads are what a
story legitimately repeats; a handful of words are doubled on purpose in good Arabic (رويداً رويداً). Every
word comes normalised from the loader; each file says what it holds and where it came from.
"""

from __future__ import annotations

from ..arabic import data
from ..arabic import lexicon as L

# Particles, prepositions, pronouns, demonstratives, relatives, auxiliaries and newswire glue words.
FUNCTION_WORDS = data.words("function_words")
# Money, measures and percentages: repeated with every figure in a news story.
UNIT_WORDS = data.words("unit_words")
# Heads of titles and institutions: "وزير الدفاع", "وزارة الصحة", "بلدية المنامة" name one entity.
ENTITY_HEADS = L.ENTITY_HEADS  # declared with the shared lexicons
# Words doubled on purpose (distributive or emphatic reduplication) and spelled letters of acronyms.
REDUPLICATION = data.words("reduplication") | data.words("spelled_letters")
# Latin letter names in Arabic: a word doubled beside one is part of an acronym ("سي إن إن").
SPELLED_LETTERS = data.words("spelled_letters")
# Weekdays, months and periods are repeated naturally (dates of events, «الأشهر السبعة الأولى»).
CALENDAR_WORDS = data.words("calendar_words")
# Opening words that are pure glue: "و في" or "كما أن" starting three sentences is not a style fault.
OPENER_GLUE = data.words("opener_glue")
# Conjunctions before a sentence's real opener: "كما أكد" and "وأكد" open alike.
OPENER_CONJUNCTIONS = data.words("opener_conjunctions")
# Given names that a person's own name and father's name often share ("محمد محمد علي"): never a doubled word.
DOUBLED_NAMES = data.words("doubled_names")
# Reporting verbs: a run of three sentences opening with the same one (وأضاف... وأضاف... وأضاف) is flagged.
REPORTING_VERBS = data.words("reporting_verbs")
# Verbs whose next noun is the speaker ("وقال رئيس النقابة"): a run naming a new one each time is several voices.
ATTRIBUTION_VERBS = data.words("attribution_verbs")
# Connectives that open a restatement ("أي ما مجموعه"، "بعبارة أخرى").
RESTATING = data.words("restating_connectives")
# Phrases that point back at something said before ("كما سبق ذكره"، "كما أسلفنا"), matched anywhere in a sentence.
RECAP_PHRASES = data.groups("recap_phrases")
# Words a rewrite swaps for each other (one group a line, normalised): matched on light stems.
SYNONYM_GROUPS = data.groups("synonym_groups")
# Nationality and scope adjectives: "الحكومة التونسية", "الجيش اللبناني", "المنتخب الوطني" name one actor.
NATIONALITIES = data.words("nationality_adjectives")
# Stock linking phrases of news copy ("في هذا الإطار"، "من جهة أخرى"): padding when used again and again.
# One entry a family: its wordings separated by "|" (تجدر الإشارة | الجدير بالذكر), counted together.
STOCK_FILLERS = tuple(tuple(tuple(f.split()) for f in row if f) for row in data.normalized_fields("stock_phrases"))
# Compound prepositions and connectors (من خلال، في حين): counted with them, against a threshold that grows with
# the length (they carry their sentence's grammar).
STOCK_CONNECTORS = tuple(tuple(tuple(f.split()) for f in row if f)
                         for row in data.normalized_fields("stock_connectors"))
STOCK_PHRASES = STOCK_FILLERS + STOCK_CONNECTORS
# Names and fixed terms of several words that a story repeats as a name, not as padding (normalised).
MULTIWORD_NAMES = data.groups("multiword_names")
# Word classes of the linking-phrase frames (preposition + demonstrative + noun, manner noun + adjective ...).
LINKING_FRAMES = {row[0]: frozenset(row[1].split()) for row in data.normalized_fields("linking_frames")}
