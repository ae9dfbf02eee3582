"""Overused phrases: a two- or three-word content phrase repeated far more than edited copy carries.

Phrases are counted on light stems (التعاون العسكري = للتعاون العسكري). What a story legitimately repeats
is not counted: names of institutions and titles (a phrase opening with وزارة، رئيس، بلدية...), units
(مليار درهم، في المئة), function-word phrases (من خلال), dates, phrases inside quotations or list lines, the
story's subject (a phrase sharing a word with the headline counts against a tripled threshold), phrases without
the article (mostly personal names, brand names and indefinite idafa chains), allowed repeats and stop phrases.
Known limit: a definite technical term that the headline does not name (الغدة الدرقية in a health story)
reaches the threshold like filler does; the threshold is the only guard.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from ..arabic import TextView, Token
from ..config import CheckConfig
from ..engine import Hit
from .lexicon import ENTITY_HEADS
from .prep import Body, has_article, is_content
from .rules import OVERUSED_PHRASE

Occurrence = tuple[Token, ...]


def _phrases(body: Body) -> dict[tuple[str, ...], list[Occurrence]]:
    """Every 2- and 3-token content phrase of the body, by stem key, outside quotations, lists and names."""
    found: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
    for s in body.view.sentences:
        if body.in_list(s):
            continue
        toks = s.tokens
        for i, t in enumerate(toks):
            if not is_content(t) or body.in_quote(t.start) or _in_name(body.view.text, toks, i):
                continue
            for n in (2, 3):
                occ = toks[i:i + n]
                if len(occ) < n or not _joined(body.view.text, occ):
                    break
                prev = found[tuple(x.stem for x in occ)]
                # "هاني رمضان", "دعم تطبيق" (no article): names and idafa chains. Once per sentence: a phrase
                # repeated inside one long line is a list, not padding.
                if any(has_article(x.norm) for x in occ) and not (prev and prev[-1][0].index >= toks[0].index):
                    prev.append(occ)
    return found


def _joined(text: str, occ: Occurrence) -> bool:
    """Content words with nothing but spaces between them (punctuation ends a phrase)."""
    return all(is_content(x) for x in occ[1:]) and not any(text[x.end:y.start].strip() for x, y in zip(occ, occ[1:]))


def _in_name(text: str, toks: tuple[Token, ...], i: int) -> bool:
    """The word is a head (وزارة، رئيس) or follows one closely: part of an institution's name or a title."""
    for k in range(max(0, i - 3), i + 1):
        if toks[k].norm in ENTITY_HEADS and _joined(text, toks[k:i + 1]) if k < i else toks[k].norm in ENTITY_HEADS:
            return True
    return False


def _threshold(config: CheckConfig, words: int) -> int:
    base = int(config.param(OVERUSED_PHRASE.id, "min_count", 5))
    per = int(config.param(OVERUSED_PHRASE.id, "per_words", 600))
    return max(base, math.ceil(base * words / max(per, 1)))


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
    for key, occs in _phrases(body).items():
        # the story's subject, as the headline names it, is repeated by design
        need = limit * 3 if subject.intersection(key) else limit
        if len(occs) >= need and not _excluded(body, occs[0]):
            ranked.append((-len(occs), -len(key), occs[0][0].start, key, occs))
    taken: set[int] = set()  # token indexes already inside a reported phrase
    for _, _, _, key, occs in sorted(ranked):
        idx = {t.index for occ in occs for t in occ}
        if len(idx & taken) * 2 >= len(idx):
            continue  # mostly inside a longer or more frequent phrase already reported
        taken |= idx
        first = occs[0]
        related = [("body", o[0].start, o[-1].end) for o in occs[1:]]
        phrase = body.view.text[first[0].start:first[-1].end]
        yield Hit(OVERUSED_PHRASE.id, "body", first[0].start, first[-1].end, related=related,
                  args={"phrase": phrase, "count": len(occs)}, context=" ".join(key))
