"""Brackets that hold an instruction or a template slot instead of news text.

Brackets alone prove nothing: agency credits "(كونا)", acronyms "(يونسكو)", seasons "(2025-2026)" and
explanations are normal. A bracket is flagged by what it says: an instruction verb ("يرجى", "أضف", "insert"),
a slot noun standing alone ("[المصدر]", "(اسم الشركة)"), or only filler characters ("[؟؟؟]"). Square brackets
are rare in news, so a slot noun is enough there; parentheses need a verb or a short, bare slot phrase.
Curly braces, single angle brackets, printf/shell variables are template variables.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..arabic.quotes import CLOSING_MARKS, Quotations
from . import lexicon as lx
from .text import any_in, forms, words

BRACKET_RULE = "placeholder.bracket_instruction"
TEMPLATE_RULE = "placeholder.template_variable"

_SQUARE_RE = regex.compile(r"\[\[?([^\[\]\n]{1,160})\]?\]|【([^【】\n]{1,160})】")
_ROUND_RE = regex.compile(r"\(([^()\n]{1,160})\)")
_OMISSION_RE = regex.compile(r"\s*(?:\.{2,}|…+|\.\s\.\s\.)\s*")
_FILLER_ONLY_RE = regex.compile(r"[\s؟?ـ_xX.…\-–—*]+")
_IDENT_RE = regex.compile(r"\s*[\p{L}\p{M}\p{N}]+(?:_[\p{L}\p{M}\p{N}]+)+\s*|\s*[A-Z][A-Z0-9]{2,}\s*")

_CURLY_RE = regex.compile(r"\{\{[^{}\n]{1,60}\}\}|\{[^{}\n]{1,60}\}|\$\{[^{}\n]{1,40}\}")
_CURLY_BODY_RE = regex.compile(r"[\s\p{L}\p{M}\p{N}_.\-]+")
_ANGLE_RE = regex.compile(r"(?<!<)<([^<>\n]{1,60})>(?!>)")
_DOUBLE_ANGLE_RE = regex.compile(r"<<([^<>\n]{1,60})>>|‹([^‹›\n]{1,60})›")
_ANGLE_BODY_RE = regex.compile(r"[\s\p{L}\p{M}\p{N}_\-]+")
_PRINTF_RE = regex.compile(r"(?<![\p{L}\p{N}%])%(?:\([A-Za-z_]\w*\))?[sd](?![\p{L}\p{N}])|(?<![\p{L}\p{N}])%\d\$[sd]")
_SHELL_RE = regex.compile(
    r"(?<![\p{Latin}\p{N}$])\$[A-Za-z_][A-Za-z0-9_]*(?![\p{L}\p{N}])|(?<![\p{Latin}\p{N}%#])([%#])[A-Z][A-Z0-9_]{2,}\1"
)
_SNAKE_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_\[{<#@./])__[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*__(?![\p{L}\p{N}])"
    r"|(?<![\p{L}\p{M}\p{N}_\[{<#@./])(?:[A-Z]{2,}(?:_[A-Z0-9]+)+|\p{Arabic}+(?:_\p{Arabic}+)+)(?![\p{L}\p{M}\p{N}_\]}>])"
)
_EN_WORD_RE = regex.compile(r"[A-Za-z]+")


def _en_words(content: str) -> list[str]:
    return [w.lower() for w in _EN_WORD_RE.findall(content)]


def _filler_only(content: str) -> bool:
    """Only blank characters ("؟؟؟", "ـــ", "  "), but not an omission "..." nor a lone doubt mark "(؟)"."""
    if not content.strip():
        return True
    if _OMISSION_RE.fullmatch(content) or not _FILLER_ONLY_RE.fullmatch(content):
        return False
    return len(content.strip()) >= 2 or content.strip() in "ـ_"


def square_is_slot(content: str, quoted: bool = False) -> bool:
    """Square brackets: an instruction, a slot noun, an English slot word, or filler (even one "[؟]").

    Inside a quotation square brackets are the editor's clarification («قال إن [الوزير] ...»): there a slot
    noun is not enough, only an instruction verb or filler.
    """
    if _filler_only(content) or content.strip() in ("؟", "?", "x", "X"):
        return True
    ws = words(content)
    if not ws or any_in(ws, lx.LEGIT_BRACKET_WORDS):
        return False
    en = _en_words(content)
    if any_in(ws, lx.STRONG_VERBS | lx.WEAK_VERBS | lx.PASSIVE_ADD) or any(w in lx.EN_STRONG for w in en):
        return True
    if quoted:
        return False
    return any_in(ws, lx.INSTRUCTION_NOUNS | lx.SLOT_MARKERS | lx.SLOT_NOUNS | lx.SQUARE_ONLY_SLOTS) or any(
        w in lx.EN_SLOT for w in en
    )


_NOT_ADDED = frozenset({"الي", "اليه", "اليها", "لها", "له", "لذلك", "اليهم"})


def _passive_add(ws: list[str]) -> bool:
    """"يُضاف تصريح ..." is an instruction; "تُضاف إليها الضريبة" is not."""
    for i, w in enumerate(ws):
        if any(f in lx.PASSIVE_ADD for f in forms(w)):
            return i + 1 >= len(ws) or ws[i + 1] not in _NOT_ADDED
    return False


_MAX_NOTE_WORDS = 24


def _editor_note(ws: list[str]) -> bool:
    """"(تأكد من صحة التصريح قبل النشر)", "(راجع الأرقام مع قسم الاقتصاد)": an imperative opens the bracket and
    the rest is its object; not "(تحقق ذلك عام 2010)" (past tense) nor "(راجع ص 4)" (a cross-reference)."""
    if not 2 <= len(ws) <= _MAX_NOTE_WORDS or ws[0] not in lx.EDITOR_IMPERATIVES:
        return False
    return ws[1] not in lx.PAST_READING and not any_in(ws[1:], lx.CROSS_REFERENCE)


def round_is_slot(content: str) -> bool:
    """Parentheses: a verb of instruction, or a short bare slot ("(المصدر)", "(يُحدد لاحقاً)")."""
    if _filler_only(content):
        return True
    ws = words(content)
    if not ws or any_in(ws, lx.LEGIT_BRACKET_WORDS):
        return False
    en = _en_words(content)
    if any_in(ws, lx.STRONG_VERBS) or any(w in lx.EN_STRONG_ROUND for w in en) or _passive_add(ws):
        return True
    if len(en) >= 2 and en[0] in lx.EN_IMPERATIVE and any(w in lx.EN_SLOT for w in en[1:]):
        return True  # "(add source)", "(confirm date)"; not a name such as "(Check Point)"
    if _editor_note(ws):
        return True
    if ":" in content or any(c.isdigit() for c in content) or len(ws) > 8:
        return False  # an attribution "(المصدر: ...)", a figure, or a real aside
    marker = any_in(ws, lx.SLOT_MARKERS)
    slot_word = any_in(ws, lx.SLOT_NOUNS | lx.INSTRUCTION_NOUNS)
    if any_in(ws, lx.WEAK_VERBS) and (marker or slot_word):
        return True  # "(تأكد من الاسم)", "(يُحدد لاحقاً)"
    slot = any_in(ws[:1], lx.PAREN_SLOTS)
    if slot and (marker or any_in(ws[1:], lx.INSTRUCTION_NOUNS)):
        return True  # "(الرقم النهائي بانتظار تأكيد الوزارة)"
    if len(ws) > 4:
        return False
    # "(لاحقاً)", "(التحديث لاحقاً)" are slots; "(دون تحديده)" alone is an ordinary aside
    if (marker and slot_word) or (len(ws) <= 2 and any_in(ws, lx.BARE_MARKERS)):
        return True
    return len(ws) <= 3 and (slot or (bool(en) and en[0] in lx.EN_SLOT and len(en) == len(ws)))


def _quoted_inside(text: str, quotes: Quotations, start: int, end: int) -> bool:
    """Inside a quotation that says more than the bracket: «[اقتباس المدير]» alone is still a slot."""
    q = quotes.around(start)
    if q is None:
        return False
    return bool(text[q[0] + 1 : start].strip() or text[end : q[1]].strip().strip(CLOSING_MARKS))


_EMPTY_RE = regex.compile(r"\(\)|\[\]")


def bracket_hits(text: str, quotes: Quotations) -> Iterator[tuple[str, int, int]]:
    for m in _EMPTY_RE.finditer(text) if "()" in text or "[]" in text else ():
        yield BRACKET_RULE, m.start(), m.end()
    for m in _SQUARE_RE.finditer(text) if "[" in text or "【" in text else ():
        content = m.group(1) if m.group(1) is not None else m.group(2)
        if _IDENT_RE.fullmatch(content):
            yield TEMPLATE_RULE, m.start(), m.end()
        elif square_is_slot(content, _quoted_inside(text, quotes, m.start(), m.end())):
            yield BRACKET_RULE, m.start(), m.end()
    for m in _ROUND_RE.finditer(text):
        if round_is_slot(m.group(1)):
            yield BRACKET_RULE, m.start(), m.end()


def template_hits(text: str) -> Iterator[tuple[str, int, int]]:
    # substring gates first: most texts have no brace, angle bracket, % or $ at all
    if "{" in text:
        for m in _CURLY_RE.finditer(text):
            if _CURLY_BODY_RE.fullmatch(m.group().strip("{}$")):
                yield TEMPLATE_RULE, m.start(), m.end()
    if "<" in text:
        for m in _ANGLE_RE.finditer(text):
            content = m.group(1).strip()
            if content and _ANGLE_BODY_RE.fullmatch(m.group(1)) and content.lower() not in lx.HTML_TAGS:
                yield TEMPLATE_RULE, m.start(), m.end()
    if "<<" in text or "‹" in text:
        for m in _DOUBLE_ANGLE_RE.finditer(text):
            # <<...>> is also a typed stand-in for «...»: a slot only if it reads like one
            if square_is_slot(m.group(1) or m.group(2) or ""):
                yield TEMPLATE_RULE, m.start(), m.end()
    for gates, rx in (("%", _PRINTF_RE), ("$%#", _SHELL_RE), ("_", _SNAKE_RE)):
        if any(g in text for g in gates):
            for m in rx.finditer(text):
                yield TEMPLATE_RULE, m.start(), m.end()
