"""consistency: does the title agree with the body, and does the body agree with itself?

Compares what the headline claims with what the body reports: numbers (any digits or words, with their unit),
named people, places, weekdays and dates, the gender and count of the people named by a role noun, the direction
of a change (rise/fall, accept/reject), and whether the body covers the headline's subject at all. Inside the
body it flags a person given two genders or two name forms. An editor cares because a headline that contradicts
its story is the error readers notice first. Known limits: no named-entity model (hand-written lexicons and
anchors such as role nouns and honorifics), so unknown names and places are missed; findings are conservative
by design and the weak signals are reported as ``info``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..arabic.marks import after_marks
from ..config import CheckConfig
from ..types import Document, Hit, PartialFailure, Rule
from . import (
    counts,
    dates,
    gender,
    numbers,
    people,
    places,
    polarity,
    results,
    roles,
    scores,
    swapped,
    teams,
    topic,
)
from .common import Context

_MODULES = (numbers, people, gender, counts, places, teams, dates, polarity, roles, scores, results, swapped, topic)

RULES: tuple[Rule, ...] = tuple(r for m in _MODULES for r in m.RULES)


def run(doc: Document, config: CheckConfig) -> Iterable[Hit]:
    ctx = Context(doc)
    errors: list[str] = []
    hits = _first_per_span(list(_hits(ctx, config, errors)))
    for h in hits:  # a span ends after the word's trailing tashkeel (شخصاً, not شخصا)
        h.end = after_marks(doc.field(h.field).text, h.end)
        h.related = [(f, s, after_marks(doc.field(f).text, e)) for f, s, e in h.related]
    if errors:
        raise PartialFailure(hits, errors)
    return hits


def _first_per_span(hits: list[Hit]) -> list[Hit]:
    """A swapped word already reported as a place, person, number or outcome is not reported twice."""
    taken = [(h.field, h.start, h.end) for h in hits if h.rule != "consistency.swapped_word"]
    return [h for h in hits if h.rule != "consistency.swapped_word"
            or not any(f == h.field and s < h.end and h.start < e for f, s, e in taken)]


def _hits(ctx: Context, config: CheckConfig, errors: list[str]) -> Iterator[Hit]:
    """Each check's hits; a check that raises loses only its own (its error is kept for the report)."""
    if not ctx.title.tokens or not ctx.body.tokens:
        return
    for m in _MODULES:
        try:
            found = list(m.check(ctx, config))
        except Exception as exc:  # noqa: BLE001 - the engine must never raise on text
            errors.append(f"{m.__name__}: {type(exc).__name__}: {exc}")
            continue
        yield from found
