"""What every repetition check needs from the body, computed once per draft.

Which tokens sit inside a quotation, which paragraphs are list items, the content stems of each sentence and
the rarity of each stem in the draft. Offsets stay those of the original text (see ``arabic.tokens``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import regex

from ..arabic import Sentence, TextView, Token, norm
from ..config import CheckConfig
from .lexicon import CALENDAR_WORDS, FUNCTION_WORDS, UNIT_WORDS

# A list item: a bullet, a dash, or "1." / "2)" / "أ-" at the start of the paragraph.
_LIST_RE = regex.compile(
    r"^\s*(?:[-–—•●▪◦*·]|\d{1,3}\s*[.)\-–]|[\p{L}]\s*[)\-–](?=\s)"
    r"|(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)[\u064b]?\s*[:\-–])"
)
_OPEN, _CLOSE = "«“„", "»”"
_ARTICLE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")
_CLITICS = ("و", "ف", "وب", "ول", "وك", "فب", "فل", "ب", "ل", "ك")


def is_function(word: str) -> bool:
    """True for a normalised function word, also behind a conjunction or preposition clitic (وفي, بهذا)."""
    if word in FUNCTION_WORDS:
        return True
    for c in _CLITICS:
        if word.startswith(c) and word[len(c):] in FUNCTION_WORDS:
            return True
    return False


def has_article(word: str) -> bool:
    """The word carries the definite article, possibly behind a clitic (الهوية، والتعاون، بالمجال، للتعاون)."""
    return word.startswith(_ARTICLE)


def is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def is_content(tok: Token) -> bool:
    """A word that carries the story's content: not glue, not a unit, not a date word, not a bare letter."""
    w = tok.norm
    return len(w) > 2 and not is_function(w) and w not in UNIT_WORDS and w not in CALENDAR_WORDS \
        and not is_number(w)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches of one paragraph; an unclosed quote runs to the paragraph's end (multi-paragraph quotes)."""
    spans: list[tuple[int, int]] = []
    depth, open_at, straight = 0, 0, -1
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
        elif ch == '"' and depth == 0:
            if straight < 0:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = -1
    if depth:
        spans.append((open_at, end))
    elif straight >= 0:
        spans.append((straight, end))
    return spans


@dataclass
class Body:
    """The body field seen by the repetition checks."""

    view: TextView
    config: CheckConfig
    quotes: list[tuple[int, int]] = field(default_factory=list)
    list_paras: frozenset[int] = frozenset()

    @classmethod
    def of(cls, view: TextView, config: CheckConfig) -> "Body":
        quotes: list[tuple[int, int]] = []
        lists = set()
        for p in view.paragraphs:
            if any(ch in p.text for ch in '"«“'):
                quotes.extend(quote_spans(view.text, p.start, p.end))
            if _LIST_RE.match(p.text):
                lists.add(p.index)
        quotes.sort()
        return cls(view, config, quotes, frozenset(lists))

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quotes, (pos, 1 << 62)) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def sentence_quoted(self, s: Sentence) -> bool:
        """Most of the sentence's words are inside a quotation."""
        inside = sum(1 for t in s.tokens if self.in_quote(t.start))
        return inside * 2 > len(s.tokens)

    def in_list(self, s: Sentence) -> bool:
        """A list line, or a list item run into a paragraph ("...التالية: -عدم الإعلان...")."""
        return s.paragraph in self.list_paras or self._starts_item(s)

    def _starts_item(self, s: Sentence) -> bool:
        text = self.view.text
        i = s.start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1  # a dash just before the sentence start belongs to the item
        return bool(_LIST_RE.match(s.text)) or (i >= 0 and text[i] in "-–—•*")

    @cached_property
    def allowed(self) -> frozenset[str]:
        """Normalised allowed repeats (single words and phrases, spaces collapsed)."""
        return frozenset(" ".join(norm(a).split()) for a in self.config.allowed_repeats if a.strip())

    @cached_property
    def stop_phrases(self) -> frozenset[str]:
        return frozenset(" ".join(norm(a).split()) for a in self.config.stop_phrases if a.strip())

    @cached_property
    def content(self) -> list[frozenset[str]]:
        """Content stems of each sentence (numbers kept as they are: a restated figure is a strong sign)."""
        out = []
        for s in self.view.sentences:
            out.append(frozenset(t.stem if not is_number(t.norm) else t.norm
                                 for t in s.tokens if is_content(t) or is_number(t.norm)))
        return out

    @cached_property
    def stem_df(self) -> Counter[str]:
        """In how many sentences each content stem occurs."""
        df: Counter[str] = Counter()
        for stems in self.content:
            df.update(stems)
        return df

    @cached_property
    def paragraph_tokens(self) -> dict[int, list[Token]]:
        out: dict[int, list[Token]] = {}
        for s in self.view.sentences:
            out.setdefault(s.paragraph, []).extend(s.tokens)
        return out
