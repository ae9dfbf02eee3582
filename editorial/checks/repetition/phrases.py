"""Overused phrases: a stock linking phrase used as a habit (``repetition.overused_phrase``, a warning), and a
two- or three-word content phrase repeated far more than edited copy carries (``repetition.repeated_term``, a
hint: in published news such a phrase is mostly the story's own subject or term).

Phrases are counted on light stems (التعاون العسكري = للتعاون العسكري). What a story legitimately repeats
is not counted: names of institutions and titles (a phrase opening with وزارة، رئيس، بلدية...), actors named by
nationality (الحكومة التونسية), known multi-word names and terms (الأمم المتحدة، كرة القدم), units
(مليار درهم، في المئة), function-word phrases (من خلال), dates, phrases inside quotations or list lines, the
story's subject (a phrase sharing a word with the headline counts against a doubled threshold, all its words
a tripled one), phrases without
the article (mostly personal names, brand names and indefinite idafa chains), allowed repeats and stop phrases.
Known limit: a definite technical term that the headline does not name (الغدة الدرقية in a health story)
reaches the threshold like filler does; the threshold is the only guard, which is why it is only a hint.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import compress

from ..arabic import TextView, Token, light_stem
from ..arabic.clitics import CONJUNCTION_LETTERS
from ..arabic.memo import WordMemo
from ..config import CheckConfig
from ..types import Hit
from .lexicon import (
    ENTITY_HEADS,
    LINKING_FRAMES,
    MULTIWORD_NAMES,
    NATIONALITIES,
    STOCK_CONNECTORS,
    STOCK_PHRASES,
)
from .prep import ARTICLE, CONTENT, MAX_RELATED, Body, is_content, word_class
from .rules import OVERUSED_PHRASE, REPEATED_TERM

Occurrence = tuple[Token, ...]


def _phrases(body: Body, least: int = 1) -> dict[tuple[str, ...], list[Occurrence]]:
    """Every 2- and 3-token content phrase of the body, by stem key, outside quotations, lists and names, that may
    occur ``least`` times: a phrase is looked at only where each of its stems is in the body that often (an
    occurrence of the phrase is one of each of its stems), so the rarer ones, most of them, cost no key."""
    found: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
    stems = body.view.stems
    count: Counter[str] | None = None  # how often each stem is in the body (when ``least`` > 1)
    if least > 1:
        count = Counter(stems)  # counted in C; a stem is asked about only where a phrase may start or go on
    toks, flags, joined, sent = body.view.tokens, body.token_flags, body.joined, body.sentence_of
    # an entity's name (``_name_tokens``): marked for every token when every opener is visited, else asked of the
    # few openers left (``_in_name``, the same answer)
    skip = _name_tokens(body) if count is None else None
    out = body.excluded_tokens
    # Definite content words open phrases; they are found in C (a memo of the word's flags). Without the article
    # ("هاني رمضان", "دعم تطبيق", "كوريا الشمالية", "قوات النظام", "وكالة الأنباء": a bare head in construct with a
    # definite word) a phrase is a name or an idafa chain that names one thing, not padding.
    for i in compress(range(len(toks) - 1), map(_DEFINITE_CONTENT.__getitem__, body.view.norms)):
        if out[i] or (skip[i] if skip is not None else count[stems[i]] < least or _in_name(body, i)):
            continue
        end = i
        while end - i < 2 and joined[end] and flags[end + 1] & CONTENT:
            if count is not None and count[stems[end + 1]] < least:
                break  # neither this phrase nor the longer one can occur often enough
            end += 1
            prev = found[tuple(stems[i:end + 1])]
            # once per sentence: a phrase repeated inside one long line is a list, not padding
            if not prev or sent[prev[-1][0].index] != sent[i]:
                prev.append(toks[i:end + 1])
    return found


def _definite_content(word: str) -> bool:
    return word_class(word) & (CONTENT | ARTICLE) == CONTENT | ARTICLE


_DEFINITE_CONTENT = WordMemo(_definite_content)


def _name_tokens(body: Body) -> list[bool]:
    """Heads (وزارة، رئيس) and up to three words joined after one: an institution's name or a title."""
    toks, joined = body.view.tokens, body.joined
    out = [False] * len(toks)
    flags = body.token_flags
    for i in compress(range(len(toks)), map(_HEAD_STEMS.__contains__, body.view.stems)):  # heads, found in C
        out[i] = True
        k = i
        while k - i < 3 and k + 1 < len(toks) and joined[k] and flags[k + 1] & CONTENT:
            k += 1
            out[k] = True
    return out


def _in_name(body: Body, i: int) -> bool:
    """``_name_tokens(body)[i]``: token i is a head or one of the three words joined after one."""
    stems, joined, flags = body.view.stems, body.joined, body.token_flags
    if stems[i] in _HEAD_STEMS:
        return True
    for m in range(i - 1, max(-1, i - 4), -1):  # the head may be up to three words back, every link between
        if not (joined[m] and flags[m + 1] & CONTENT):
            return False
        if stems[m] in _HEAD_STEMS:
            return True
    return False


def _stems(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(light_stem, words))


_NATIONALITY_STEMS = frozenset(light_stem(w) for w in NATIONALITIES)
_HEAD_STEMS = frozenset(light_stem(w) for w in ENTITY_HEADS)  # المسجد، والوزارة، للمنتخب
# Every two- and three-word window of a known name: "العربية السعودية" is part of "المملكة العربية السعودية".
_NAME_KEYS = frozenset(
    k[i:i + n] for k in map(_stems, MULTIWORD_NAMES) for n in (2, 3) for i in range(len(k) - n + 1)
)


def _named(key: tuple[str, ...]) -> bool:
    """A known multi-word name or term, or an actor named by its nationality (الحكومة التونسية)."""
    return key in _NAME_KEYS or any(k in _NATIONALITY_STEMS for k in key[1:])


def _threshold(config: CheckConfig, words: int) -> int:
    """``min_count`` per ``per_words``, growing with the square root of the length: a long piece has room for more
    mentions of its terms, but not in proportion (a phrase eight times in 2,000 words is padding)."""
    base = REPEATED_TERM.param(config, "min_count")
    per = REPEATED_TERM.param(config, "per_words")
    return max(base, math.ceil(base * math.sqrt(words / max(per, 1))))


def _title_stems(title: TextView) -> set[str]:
    return {t.stem for t in title.tokens if is_content(t)}


def _excluded(body: Body, occ: Occurrence) -> bool:
    surface = " ".join(t.norm for t in occ)
    stems = " ".join(t.stem for t in occ)
    banned = body.allowed | body.stop_phrases
    return any(p in banned for p in (surface, stems)) or any(t.norm in body.allowed for t in occ)


def overused_phrases(body: Body, title: TextView) -> Iterator[Hit]:
    limit = _threshold(body.config, len(body.view.tokens))
    subject = _title_stems(title)
    ranked = []
    for key, occs in _phrases(body, limit).items():  # (a phrase under ``limit`` is never reported)
        if len(occs) < limit or _named(key):
            continue
        # the story's subject, as the headline names it, is repeated by design
        shared = len(subject.intersection(key))
        need = limit * 3 if shared == len(key) else limit * 2 if shared else limit
        if len(occs) >= need and not _excluded(body, occs[0]):
            ranked.append((-len(occs), -len(key), occs[0][0].start, key, occs))
    taken: set[int] = set()  # token indexes already inside a reported phrase
    for _, _, _, key, occs in sorted(ranked):
        idx = {t.index for occ in occs for t in occ}
        if len(idx & taken) * 2 >= len(idx):
            continue  # mostly inside a longer or more frequent phrase already reported
        taken |= idx
        first = occs[0]
        related = [("body", o[0].start, o[-1].end) for o in occs[1:MAX_RELATED + 1]]
        phrase = body.view.text[first[0].start:first[-1].end]
        yield Hit(REPEATED_TERM.id, "body", first[0].start, first[-1].end, related=related,
                  args={"phrase": phrase, "count": len(occs)}, context=" ".join(key))


STOCK_MIN = 4  # a stock linking phrase this many times in a piece of up to STOCK_PER words is a habit
STOCK_PER = 1200


CONNECTOR_PER = 60  # a compound preposition or connector once in this many words is the grammar of the piece
_CONNECTORS = frozenset(family[0] for family in STOCK_CONNECTORS)


def _stock_threshold(words: int) -> int:
    return max(STOCK_MIN, math.ceil(STOCK_MIN * math.sqrt(words / STOCK_PER)))


def _connector_threshold(words: int) -> int:
    """A connector (من خلال، في حين) is needed by its sentence like a function word: one in CONNECTOR_PER words
    is the grammar of the piece, and the threshold is never lower than a stock phrase's."""
    return max(_stock_threshold(words), math.ceil(words / CONNECTOR_PER))


def overused_stock_phrases(body: Body) -> Iterator[Hit]:
    """Stock linking phrases ("في هذا الإطار"، "من جهة أخرى"، "بشكل ملحوظ") used again and again. They are made of
    function words, which the content-phrase count leaves out, so they are counted from their own list and from
    the frames that build them (``_frame``). The wordings of one formula (تجدر الإشارة، الجدير بالذكر، يذكر أن)
    count together: varying the wording of a stock formula does not vary the copy."""
    toks, out, joined = body.view.tokens, body.excluded_tokens, body.joined
    limit = _stock_threshold(len(toks))
    found: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    norms = body.view.norms
    # only the tokens that may open a stock phrase are visited; they are picked out in C
    last = -1  # the last token of the phrase found before: "من الجدير بالذكر" is not "الجدير بالذكر" again
    for i in compress(range(len(norms)), map(_OPENS_STOCK.__contains__, norms)):
        if out[i] or i <= last:
            continue
        # only the phrases whose second word is the next token's (or of one word) can match here
        w = norms[i]
        pair = _STOCK_BY_PAIR.get((w, norms[i + 1])) if i + 1 < len(norms) else None
        for family, rest, n in pair or _STOCK_BY_PAIR.get((w, None), ()):
            # slices compared in C (a slice past the end is shorter than ``rest``, so it cannot match)
            if norms[i + 1:i + n] == rest and all(joined[i:i + n - 1]):
                found[family].append((i, i + n - 1))
                last = i + n - 1
                break
        else:
            framed = _frame(norms, i)
            if framed and all(joined[i:i + len(framed) - 1]):
                found[framed].append((i, i + len(framed) - 1))
                last = i + len(framed) - 1
    banned = body.allowed | body.stop_phrases
    connector_limit = _connector_threshold(len(toks))
    for family, occs in found.items():
        if len(occs) < (connector_limit if family in _CONNECTORS else limit) or " ".join(family) in banned:
            continue
        if any(" ".join(norms[x:y + 1]) in banned for x, y in occs):
            continue  # one of its wordings is an allowed repeat
        (a, b), rest = occs[0], occs[1:]
        related = [("body", toks[x].start, toks[y].end) for x, y in rest[:MAX_RELATED]]
        # the wordings used, in order of first use ("تجدر الإشارة / الجدير بالذكر"), the conjunction left out
        wordings = dict.fromkeys(_without_conjunction(body.view.text[toks[x].start:toks[y].end], norms[x])
                                 for x, y in occs)
        text = " / ".join(wordings) if len(wordings) > 1 else body.view.text[toks[a].start:toks[b].end]
        yield Hit(OVERUSED_PHRASE.id, "body", toks[a].start, toks[b].end, related=related,
                  args={"phrase": text, "count": len(occs)}, context=" ".join(family))


def _without_conjunction(text: str, first: str) -> str:
    """A phrase as written, without the و/ف glued to its first word when that word is not a stock opener."""
    if first not in _STOCK_BY_FIRST_WORDS and first[:1] in CONJUNCTION_LETTERS and text[:1] in CONJUNCTION_LETTERS:
        return text[1:]
    return text


def _by_word() -> dict[str, tuple[tuple[tuple[str, ...], list[str]], ...]]:
    """A token -> the stock phrases it may open, longest first, each as (its family's first wording, its other
    words): the phrase's own first word, or that word behind a conjunction (وفي هذا الإطار)."""
    out: dict[str, list[tuple[int, tuple[str, ...], list[str]]]] = defaultdict(list)
    for family in STOCK_PHRASES:
        for phrase in family:
            for first in (phrase[0], *(c + phrase[0] for c in CONJUNCTION_LETTERS)):
                out[first].append((len(phrase), family[0], list(phrase[1:])))
    return {w: tuple((head, rest) for _, head, rest in sorted(v, key=lambda e: -e[0])) for w, v in out.items()}


_STOCK_BY_WORD = _by_word()


def _by_pair() -> dict[tuple[str, str | None], tuple[tuple[tuple[str, ...], list[str], int], ...]]:
    """``_STOCK_BY_WORD`` keyed by a token and the next one: of each first word's phrases, in the same order,
    those whose second word is that next token and those of one word, each with its length; under (word, None)
    the one-word phrases alone (for any other next token, or none). A phrase of two words or more can only match
    where its second word follows."""
    out: dict[tuple[str, str | None], tuple[tuple[tuple[str, ...], list[str], int], ...]] = {}
    for w, phrases in _STOCK_BY_WORD.items():
        seconds = {rest[0] for _, rest in phrases if rest}
        for second in (*seconds, None):
            out[w, second] = tuple((head, rest, len(rest) + 1) for head, rest in phrases
                                   if not rest or rest[0] == second)
    return out


_STOCK_BY_PAIR = _by_pair()
_STOCK_BY_FIRST_WORDS = frozenset(p[0] for family in STOCK_PHRASES for p in family)


_PREPOSITIONS = LINKING_FRAMES["prepositions"]
_DEMONSTRATIVES = LINKING_FRAMES["demonstratives"]
_FUSED = LINKING_FRAMES["fused_demonstratives"]
_SAME = LINKING_FRAMES["same"]
_OTHER = LINKING_FRAMES["other"]
_MANNER = LINKING_FRAMES["manner"]
_ANAPHORIC = LINKING_FRAMES["anaphoric"]
_ANAPHORIC_HEADS = LINKING_FRAMES["anaphoric_heads"]
_FRAME_OPENERS = _PREPOSITIONS | _FUSED | _MANNER | _ANAPHORIC_HEADS
_OPENS_STOCK = frozenset(_STOCK_BY_WORD) | {c + w for w in _FRAME_OPENERS for c in ("", *CONJUNCTION_LETTERS)}


def _frame_word(w: str) -> bool:
    """A word that can fill a frame's open slot: letters, not a figure, not a particle."""
    return len(w) >= 3 and w.isalpha() and w not in _PREPOSITIONS and w not in _DEMONSTRATIVES


def _frame(norms: list[str], i: int) -> tuple[str, ...] | None:
    """The linking phrase a frame builds at token ``i`` (its key, without a leading و/ف), or None:
    preposition + demonstrative + noun (في هذا الإطار), fused (بهذه المناسبة), preposition + noun + نفسه/ذاته
    (في الوقت نفسه), preposition + noun + أخرى/آخر/متصل (من جهة أخرى), manner noun + adjective (بشكل ملحوظ),
    preposition + noun + ذلك (على إثر ذلك) and adverb + ذلك (بعد ذلك)."""
    first = norms[i]
    if first not in _FRAME_OPENERS and first[:1] in CONJUNCTION_LETTERS:
        first = first[1:]
    nxt = norms[i + 1] if i + 1 < len(norms) else ""
    if first in _ANAPHORIC_HEADS and nxt in _ANAPHORIC:
        return first, nxt
    if first in _MANNER:
        return (first, nxt) if _frame_word(nxt) else None
    if first in _FUSED:
        return (first, nxt) if _frame_word(nxt) else None
    if first not in _PREPOSITIONS or i + 2 >= len(norms):
        return None
    third = norms[i + 2]
    if nxt in _DEMONSTRATIVES:
        return (first, nxt, third) if _frame_word(third) else None
    if (third in _SAME or third in _OTHER or third in _ANAPHORIC) and _frame_word(nxt):
        return (first, nxt, third)
    return None
