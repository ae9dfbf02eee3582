"""Word lists for the placeholder checks, read from ``editorial/checks/data/`` through the one loader.

Every word is normalised by the loader (alef forms, ta marbuta, alef maqsura, tashkeel folded) so it compares
with normalised text; English words are lower-cased. The files say what each role means.
"""

from __future__ import annotations

from ..arabic import data


def _role(name: str, role: str) -> frozenset[str]:
    """The words of ``data/NAME.txt`` listed with ``role`` (rows are ``WORD | ROLE``)."""
    return frozenset(w for w, r in data.normalized_fields(name) if r == role)


def _nouns(words: frozenset[str]) -> frozenset[str]:
    """Nouns with and without the article, so "[موعد]" and "[الموعد]" both match."""
    return words | frozenset(w[2:] for w in words if w.startswith("ال") and len(w) > 4)


_BRACKET, _ENGLISH, _CUES = "placeholder_bracket_words", "placeholder_english_words", "placeholder_blank_cues"

# Words only an instruction to a writer contains: "please", imperatives, "for checking". Enough on their own
# to make a bracketed text an instruction.
STRONG_VERBS = _role(_BRACKET, "strong")
# "To be added": an instruction, except "(تُضاف إليها الضريبة)", so not before إلى/له.
PASSIVE_ADD = _role(_BRACKET, "passive_add")
# Also past tenses or ordinary verbs ("تحقق ذلك عام 2010", "مطلوب للعدالة"): only with a slot word nearby.
WEAK_VERBS = _role(_BRACKET, "weak")
INSTRUCTION_VERBS = STRONG_VERBS | PASSIVE_ADD | WEAK_VERBS
# Nouns of the instruction ("add the ...", "fix the ..."): strong in square brackets, not in parentheses.
INSTRUCTION_NOUNS = _role(_BRACKET, "instruction_noun")
# Short markers that a bracket is a slot: "later", "here", "not confirmed".
SLOT_MARKERS = _role(_BRACKET, "slot_marker")
# The markers that make a slot on their own: "(لاحقاً)", "(هنا)"; "(مؤقتاً)" is an ordinary aside.
BARE_MARKERS = _role(_BRACKET, "bare_marker")
# What a slot stands for: "[the source]", "[name of the minister]".
SLOT_NOUNS = _nouns(_role(_BRACKET, "slot_noun"))
# In parentheses only these stand alone as a slot ("(اسم الشركة)", "(المصدر)"); "(الموقع الرسمي)",
# "(الجهة المنظمة)" are ordinary asides.
PAREN_SLOTS = _nouns(_role(_BRACKET, "paren_slot"))
# Slot nouns that are also ordinary credits in parentheses ("تأليف (اقتباس) ...", "(صورة)"): square only.
SQUARE_ONLY_SLOTS = _role(_BRACKET, "square_only")
# Words that make a bracket clearly legitimate even if a slot noun is in it.
LEGIT_BRACKET_WORDS = _role(_BRACKET, "legit")
# An editor's note in parentheses opens with an imperative ("(تأكد من ...)", "(راجع ...)"), unless the next word
# gives the past-tense reading ("(تحقق ذلك عام 2010)") or the note is a cross-reference ("(راجع ص 4)").
EDITOR_IMPERATIVES = _role(_BRACKET, "editor_imperative")
PAST_READING = _role(_BRACKET, "past_reading")
CROSS_REFERENCE = _role(_BRACKET, "cross_ref")

# In parentheses English words are often names ("Check Point"): only these, or an imperative first word.
EN_STRONG_ROUND = _role(_ENGLISH, "strong_round")
EN_IMPERATIVE = _role(_ENGLISH, "imperative")
EN_STRONG = _role(_ENGLISH, "strong")
EN_SLOT = _role(_ENGLISH, "slot")

# Before a blank that stands for a number: "worth ___", "about ....".
NUMBER_CUES_BEFORE = _role(_CUES, "number_before")
# Before a blank that stands for a name.
TITLE_CUES = _role(_CUES, "title_before")
# Before a tatweel or underscore blank, a preposition also expects a name or a number.
BLANK_CUES_BEFORE = NUMBER_CUES_BEFORE | TITLE_CUES | _role(_CUES, "preposition_before")
# After a blank: the unit or scale it was meant to quantify.
BLANK_CUES_AFTER = _role(_CUES, "unit_after") | frozenset({"%", "٪"})

HTML_TAGS = data.words("html_tags")
# A run of X in a sentence with one of these is a format mask in a how-to ("أدخل رقمك بالشكل 09XXXXXXXX").
EXAMPLE_CUES = data.words("placeholder_example_cues")

# An editor's note as a line of its own ("أضف تصريح الوزارة قبل النشر", "يجب التأكد من الاسم"): see the file.
_NOTE = "placeholder_note_words"


def _phrases(role: str) -> frozenset[tuple[str, ...]]:
    """The entries of ``data/placeholder_note_words.txt`` with ``role``, each as its normalised words."""
    return frozenset(tuple(w.split()) for w, r in data.normalized_fields(_NOTE) if r == role)


NOTE_ORDERS = _phrases("order")
NOTE_ORDERS_FROM = _phrases("order_from")
NOTE_ORDERS_OBJECT = _phrases("order_object")
NOTE_ORDERS_CONTACT = _phrases("order_contact")


def _words_and_phrases(role: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The single-word entries with ``role`` (with and without the article, see ``_nouns``), and its phrases
    ("رئيس التحرير") apart."""
    entries = _phrases(role)
    return _nouns(frozenset(p[0] for p in entries if len(p) == 1)), frozenset(p for p in entries if len(p) > 1)


NOTE_PARTIES, NOTE_PARTY_PHRASES = _words_and_phrases("party")
NOTE_DEMANDS = _phrases("demand")
NOTE_ACTIONS = _nouns(frozenset(p[0] for p in _phrases("action")))
NOTE_NEEDS = _phrases("need")
NOTE_ELEMENTS, NOTE_ELEMENT_PHRASES = _words_and_phrases("element")
NOTE_MARKERS = _phrases("marker")
NOTE_STATUS = _phrases("status")
NOTE_LABELS = _phrases("label")
NOTE_SOFT_LABELS = _phrases("soft_label")
NOTE_READER, NOTE_READER_PHRASES = _words_and_phrases("reader")
NOTE_HOWTO = frozenset(p[0] for p in _phrases("howto"))
