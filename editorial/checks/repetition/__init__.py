"""Repetition checks: what an editor cuts because it is said twice.

Flags copy-paste slips (a word typed twice, a sentence or paragraph pasted twice: errors), near copies and
restatements of a nearby sentence, phrases used far more than edited copy carries, and runs of sentences that
open the same way (warnings; a weak restatement signal is info). An editor cares because repetition is the
commonest trace of hasty assembly and machine drafting, and readers notice it at once.

Every finding is one occurrence (the later one for duplicates) with the other occurrences in ``related``.
Not flagged: names and titles a story naturally repeats, units, function-word phrases (other than the stock
linking phrases of ``data/stock_phrases.txt``), the story's subject as named in the title, repetition inside
quotations and list lines, a digest's line repeated once per item (``Body.formula_sentences``), section
headings, acronyms spelled out (سي إن إن), ``config.allowed_repeats`` and ``config.stop_phrases``. Known limits: the module docstrings of ``similar``, ``phrases`` and ``openers``.
All passes are linear in the text except the blocked fuzzy comparison, which is bounded per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import CheckConfig
from ..types import Document, Hit
from .exact import doubled_words, duplicated_paragraphs, duplicated_sentences, repeated_sentences
from .openers import repeated_openers
from .phrases import overused_phrases, overused_stock_phrases
from .prep import Body
from .rules import RULES
from .similar import comparable, near_duplicates, restated_figures, restatements

__all__ = ["RULES", "run"]


def run(doc: Document, config: CheckConfig) -> Iterable[Hit]:
    return list(_run(doc, config))


def _run(doc: Document, config: CheckConfig) -> Iterator[Hit]:
    body = Body.of(doc.body, config)
    on = config.enabled
    if on("repetition.doubled_word") or on("repetition.repeated_word"):
        yield from doubled_words(doc.title, None, body.allowed)
        yield from doubled_words(doc.body, body, body.allowed)
    para_hits, covered = duplicated_paragraphs(body)
    if on("repetition.duplicated_paragraph"):
        yield from para_hits
    if on("repetition.duplicated_sentence"):
        yield from duplicated_sentences(body, covered)
    exact, ok = repeated_sentences(body), comparable(body)
    near_hits, done = near_duplicates(body, exact, ok)
    yield from near_hits  # near duplicates and distant possible restatements; the engine drops disabled rules
    if on("repetition.restated_fact") or on("repetition.possible_restatement"):
        hits = list(restatements(body, done | exact, ok))
        yield from hits
        starts = {h.start for h in hits}
        restated = {k for k, s in enumerate(body.view.sentences) if s.start in starts}
        yield from restated_figures(body, done | exact | restated)
    if on("repetition.repeated_term"):
        yield from overused_phrases(body, doc.title)
    if on("repetition.overused_phrase"):
        yield from overused_stock_phrases(body)
    if on("repetition.repeated_opener"):
        yield from repeated_openers(body)

