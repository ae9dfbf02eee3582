"""Placeholder checks: text that was never meant to be published.

Flags bracketed instructions ("[المصدر]", "(يُضاف لاحقاً)", "[insert quote]"), template variables
("{{city}}", "<اسم الوزير>", "%s"), filler markers ("XXX", "بقيمة ـــ مليون", "٠٠٠"), editor notes and TODOs,
dummy text (lorem ipsum and its Arabic generator cousin, a stretch of consecutive sentences as one finding),
placeholder names ("فلان الفلاني") and AI-assistant leftovers ("إليك نسخة...", "As an AI language model", a remark
on its own knowledge cut-off), editor notes opening with an imperative in parentheses ("(تأكد من ...)",
"(راجع ...)"), an unbracketed note to a colleague as a sentence of its own ("أضف رد الوزارة قبل النشر",
"يجب التأكد من الاسم", "بانتظار رد الشركة", "الرقم غير مؤكد", "للمحرر: ..."), plus the newsroom's own phrases from
``CheckConfig.extra_placeholders``. Any of these in print is an embarrassment, so every rule is an error.

Legitimate look-alikes stay silent: agency credits "(كونا)", acronyms and years in brackets, quotations in
«» or "", Quranic ﴿﴾, "[...]" omissions, cross-references "(راجع ص 4)", example values and masks in a how-to
("phone=XXXXXXXXXX"), chatbot phrases quoted or reported in a story about AI, and imperatives in quotations, in a how-to's steps
("اضغط ... اختر ...") or addressed to readers ("تأكد من تحديث هاتفك").
Known limits: a blank typed between two ordinary words, a paraphrased assistant preamble, and an unmarked
note in mid-sentence are missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import CheckConfig
from ..types import Document, Hit, Rule
from .brackets import BRACKET_RULE, TEMPLATE_RULE, bracket_hits, template_hits
from .markers import RULE as FILLER_RULE
from .markers import marker_hits
from .phrases import (
    AI_RULE,
    CUSTOM_RULE,
    DUMMY_RULE,
    NAME_RULE,
    NOTE_RULE,
    ai_hits,
    custom_hits,
    dummy_hits,
    name_hits,
    note_hits,
)


def _rule(rid: str, ar: str, en: str, desc: str) -> Rule:
    return Rule(rid, "error", ar, en, desc)


RULES: tuple[Rule, ...] = (
    _rule(BRACKET_RULE, "«{text}» تعليمات تحرير بين أقواس وليست نصاً للنشر: استبدلها بالمعلومة المطلوبة أو احذفها.",
          "“{text}” is a bracketed editing instruction, not copy: replace it with the missing fact or delete it.",
          "An instruction or an empty slot in brackets ([المصدر], (يُضاف لاحقاً), [insert quote])."),
    _rule(TEMPLATE_RULE, "«{text}» متغير قالب لم يُستبدل: ضع مكانه القيمة الصحيحة.",
          "“{text}” is an unfilled template variable: put the real value in its place.",
          "A template variable left in the text ({{city}}, {اسم_المدينة}, <اسم الوزير>, %s, $NAME)."),
    _rule(FILLER_RULE, "«{text}» علامة فراغ مكان معلومة ناقصة: أكمل الرقم أو الاسم أو التاريخ.",
          "“{text}” marks a blank where a fact is missing: fill in the number, name or date.",
          "Filler standing for a missing number, name or date (XXX, ؟؟؟, ـــ, ....., ٠٠٠, ـــ/ـــ/2025)."),
    _rule(NOTE_RULE, "«{text}» ملاحظة تحرير داخلية بقيت في النص: نفّذها ثم احذفها قبل النشر.",
          "“{text}” is an internal editing note left in the text: act on it, then delete it.",
          "A note to the editor or a TODO (ملاحظة للمحرر:, TODO, للتأكد من الرقم)."),
    _rule(DUMMY_RULE, "«{text}» نص تجريبي وليس جزءاً من الخبر: احذفه واكتب النص الفعلي.",
          "“{text}” is dummy filler text, not part of the story: delete it and write the real copy.",
          "Lorem ipsum and the Arabic generator dummy text."),
    _rule(NAME_RULE, "«{text}» اسم افتراضي وليس اسم شخص حقيقي: ضع الاسم الصحيح.",
          "“{text}” is a placeholder name, not a real person: put the correct name.",
          "Placeholder names (فلان الفلاني, فلان بن فلان, علان, John Doe)."),
    _rule(AI_RULE, "«{text}» عبارة متبقية من مساعد ذكاء اصطناعي وليست من الخبر: احذفها.",
          "“{text}” is leftover AI-assistant chatter, not part of the story: delete it.",
          "AI-assistant preambles, disclaimers and closing offers in Arabic or English."),
    _rule(CUSTOM_RULE, "«{text}» عبارة مسجلة لدى غرفة الأخبار كعبارة مؤقتة: استبدلها بالنص النهائي.",
          "“{text}” is a phrase your newsroom lists as a placeholder: replace it with final copy.",
          "A phrase from the newsroom's own list (CheckConfig.extra_placeholders)."),
)


def _field_hits(view, config: CheckConfig) -> Iterator[tuple[str, int, int]]:
    text = view.text
    quotes = view.quotations
    yield from bracket_hits(text, quotes)
    yield from template_hits(text)
    yield from marker_hits(text, quotes)
    yield from note_hits(view)
    yield from dummy_hits(view)
    yield from name_hits(view)
    yield from ai_hits(view, quotes)
    if config.extra_placeholders:
        yield from custom_hits(view, tuple(config.extra_placeholders))


def _drop_nested(hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One finding per leftover: a marker inside a flagged bracket or note is not reported again."""
    hits = sorted(set(hits), key=lambda h: (h[1], -h[2], h[0]))
    out: list[tuple[str, int, int]] = []
    reach = -1
    for h in hits:
        if h[2] <= reach and h[0] != CUSTOM_RULE:
            continue
        out.append(h)
        reach = max(reach, h[2])
    return out


def run(doc: Document, config: CheckConfig) -> Iterable[Hit]:
    for field in ("title", "body"):
        view = doc.field(field)
        if not view.text:
            continue
        for rule, start, end in _drop_nested(list(_field_hits(view, config))):
            if start < end and config.enabled(rule):
                yield Hit(rule, field, start, end)
