"""Polarity: the title says a thing rises, improves, is accepted or won; the body says the opposite.

Polarity words come in pairs of opposite sides (ارتفاع/انخفاض، تحسن/تدهور، انحسار/اشتداد، رفض/وافق،
فوز/خسارة ...). A title word conflicts when the body uses an opposite word about the same subject (a title
content word within a few words of it) and never a same-side word about that
subject. The subject condition keeps "exports rise in volume" apart from "revenue fell" (different subjects),
and the "never supported" condition keeps a story that reports both directions quiet. Known limits: negation
("لم ترتفع") is not read; subjects are matched by stem, so paraphrased subjects are missed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arabic import lexicon as L
from ..arabic.tokens import Token
from ..config import CheckConfig
from ..engine import Hit
from ..types import Rule
from .common import Context, bare, hit, is_content
from .words import POLAR, token_index, word_sides

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.polarity_mismatch", "warning",
        "العنوان يقول «{text}» بينما يقول النص عكس ذلك ({body}): وحّد الاتجاه.",
        "The title says “{text}” while the body says the opposite ({body}): make them agree.",
        "A rise/fall, improve/worsen, accept/reject or win/lose word in the title contradicted in the body.",
    ),
)

_WINDOW = 3  # words between a polarity word and its subject
_PREPOSITIONS = frozenset(L._n("في على من إلى عن"))
_BREAKS = frozenset(L._n("""
و مع بعد قبل بينما فيما لكن لكنه غير رغم مقابل حين إلا أو ثم إذ حيث الذي التي الذين عقب إثر بسبب نتيجة إن أن
"""))


def _sides(tok: Token) -> tuple[tuple[int, int], ...]:
    return word_sides(tok.norm)


def _subject(ctx: Context) -> set[str]:
    """Stems of the title's content words: what the title is about."""
    return {bare(t.stem) for t in ctx.title.tokens if is_content(t) and not _sides(t)}


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    body = ctx.body.tokens
    polar = [(j, s) for j in token_index(ctx.body)[POLAR] for s in _sides(body[j])]
    if not polar:
        return
    subject = _subject(ctx)
    if not subject:
        return
    for i, t in enumerate(ctx.title.tokens):
        for pair, side in _sides(t):
            about = [(j, s) for j, (p, s) in polar if p == pair and _about(ctx, j, subject)]
            if any(s == side for _, s in about):
                continue
            against = [j for j, s in about if s != side]
            if against:
                yield _hit(ctx, i, against[0])
                break


def _about(ctx: Context, j: int, subject: set[str]) -> bool:
    """The body word at j speaks about the title's subject: a title content stem right after it (ارتفاع أسعار
    النفط) or right before it in the same phrase (أسعار النفط ارتفعت), not across "مع"، "و" or punctuation."""
    toks = ctx.body.tokens
    for step in (1, -1):
        k = j
        for _ in range(_WINDOW):
            nxt = k + step
            if not 0 <= nxt < len(toks) or _gap(toks, min(k, nxt) + 1):
                break
            if toks[nxt].norm in _BREAKS:
                break  # "مع"، "و"، "بعد" start another phrase; "ارتفاع في أسعار" reads on
            k = nxt
            if bare(toks[k].stem) in subject:
                return True
    return False


def _gap(toks: tuple[Token, ...], j: int) -> bool:
    """Punctuation between token j - 1 and token j."""
    return toks[j].start - toks[j - 1].end > 1


def _hit(ctx: Context, i: int, j: int) -> Hit:
    ttoks, btoks = ctx.title.tokens, ctx.body.tokens
    t_end = _phrase_end(ttoks, i)
    b_end = _phrase_end(btoks, j)
    text = ctx.body.text[btoks[j].start:b_end]
    return hit("consistency.polarity_mismatch", "title", ttoks[i].start, t_end, [("body", btoks[j].start, b_end)],
               context=text, body=text)


def _phrase_end(toks: tuple[Token, ...], i: int) -> int:
    """End of the polarity word and up to two following words (its subject), stopping at punctuation."""
    end = toks[i].end
    for k in range(i + 1, min(i + 3, len(toks))):
        if toks[k].start - end > 1 or toks[k].norm in _BREAKS or toks[k].norm in _PREPOSITIONS:
            break
        end = toks[k].end
    return end
