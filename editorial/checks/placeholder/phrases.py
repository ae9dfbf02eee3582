"""Leftover phrases: editor notes, dummy text, placeholder names, AI-assistant chatter, custom phrases.

All patterns run on the normalised text (so hamza, ta marbuta, tashkeel and tatweel variants match alike) and
spans are mapped back to the original. Patterns are written in ordinary spelling and normalised at import.
A chatbot phrase inside quotation marks, or in a sentence that reports what a model said ("قال النموذج"),
is news, not a leftover, and is skipped. Notes and AI phrases are flagged up to the end of their sentence.
Known limits: an AI preamble paraphrased beyond these patterns, an unmarked note in the middle of a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ..arabic import TextView, norm
from . import lexicon as lx
from .text import Quotes, any_in, sentence_end, sentence_start, words

NOTE_RULE = "placeholder.editor_note"
DUMMY_RULE = "placeholder.dummy_text"
NAME_RULE = "placeholder.placeholder_name"
AI_RULE = "placeholder.ai_leftover"
CUSTOM_RULE = "placeholder.custom_phrase"

B = r"(?<![\p{L}\p{N}])"
E = r"(?![\p{L}\p{N}])"


def _rx(pattern: str) -> regex.Pattern[str]:
    # norm() folds the Arabic letters of the pattern and lower-cases ASCII, so no upper-case escapes here.
    return regex.compile(norm(pattern))


_SLOT = r"(?:الرقم|الأرقام|رقم|الاسم|الأسماء|اسم|التاريخ|تاريخ|التهجئة|المصدر|النسبة|المبلغ|صحة الرقم|صحة الاسم|المعلومة)"
_NOTE_ANYWHERE = _rx(
    B + r"ملاحظة\s+(?:للمحرر|للمحررين|للتحرير|داخلية|للمراجع|للمراجعة|للمدقق|للديسك|للزملاء|للقسم|لفريق التحرير"
    r"|لنفسي|مؤقتة)" + E
    + r"|" + B + r"(?:إلى المحرر|للمحرر|للمحررين|للديسك)\s*:"
    + r"|" + B + r"(?:note to (?:the )?editors?|internal note|note for (?:the )?editors?)" + E
)
_NOTE_COLON = _rx(B + r"ملاحظة\s*[:：]")
_NOTE_AT_START = _rx(
    B + r"(?:لل?تأكد|لل?تحقق|يجب التأكد|يجب التحقق|ينبغي التأكد|تأكد|تحقق|راجع|مراجعة)\s+من\s+" + _SLOT + E
    + r"|" + B + r"(?:يضاف|تضاف|يدرج|تدرج)\s+(?!إلى|إليه|إليها|لها|له|لذلك)" + r"\p{L}+"
    + r"|" + B + r"(?:يجب|يرجى|ينبغي|تأكد|تحقق|راجع|احذف|يحذف|حدث|يحدث)\s+[^.!؟?\n]{0,60}?قبل\s+النشر" + E
    + r"|" + B + r"(?:يستكمل|تستكمل|يكمل)\s+[^.!؟?\n]{0,60}?(?:لاحقا|عند وروده|عند ورودها|عند توفره|عند توفرها)" + E
)
_CODE_NOTE_RE = regex.compile(r"(?<![A-Za-z])(?:TODO|FIXME|TBD|TBC)(?![A-Za-z])")

_DUMMY = _rx(
    B + r"(?:lorem\s+ipsum|dolor\s+sit\s+amet|consectetur\s+adipiscing|لوريم\s+[إا]ي?بسوم|لوريم\s+ايبسم|مولد\s+النص\s+العربى"
    r"|هذا\s+النص\s+هو\s+مثال|يمكن\s+أن\s+يستبدل\s+في\s+نفس\s+المساحة|نص\s+شكلي|النص\s+الشكلي"
    r"|نص\s+تجريبي|هذا\s+نص\s+(?:تجريبي|عشوائي|افتراضي|مؤقت)|النص\s+البديل\s+المؤقت)" + E
)

_NAME = _rx(
    B + r"(?:[وفبلك](?=فلان|علان))?"  # one proclitic letter (وفلان، لفلان) stays outside the span
    r"(?<n>(?:ال)?فلان(?:ة)?(?:\s+(?:بن|ابن|بنت|ابنة)\s+(?:فلان|علان)(?:ة)?)?(?:\s+(?:ال)?(?:فلاني|علاني|علان)(?:ة)?)?"
    r"|علان(?:ة)?)" + E
    + r"|" + B + r"(?<n>(?:john|jane)\s+doe)" + E
)
_NAME_IDIOM = _rx(r"فلان\s*(?:و|أو|ولا)\s*علان")

_INTERJ = (
    r"(?:بالتأكيد|بالطبع|طبعا|بكل سرور|حسنا|أكيد|بكل تأكيد|تمام|sure|certainly|of course|absolutely|great)"
    r"\s*[!،,.]*\s*"
)
# After "إليك": an indefinite noun ("خبراً", "نسخةً") or a revision word is assistant talk; "إليك نص البيان"
# is how a person introduces a document, so definite nouns count only after an interjection ("بالتأكيد!").
_AI_OFFER = (
    r"(?:نسخة|صياغة|مسودة|مقترح|اقتراح|إعادة|خبرا|مقالا|تقريرا|نصا|ملخصا|عنوانا|عناوين|فقرة|قصة|صيغة|تحديثا|"
    r"النسخة|الصياغة|المسودة|النص المعدل|الخبر المعدل|المقال المعدل|نسخة معدلة)"
)
_AI_NOUN = r"(?:ال)?(?:مقال|خبر|نسخة|صياغة|نص|تقرير|ملخص|مسودة|صيغة|عنوان|عناوين|مقترح|فقرة|قصة|مادة|بيان|تحديث)"
_AI_AT_START = _rx(
    r"(?:"
    + _INTERJ + r"(?:إليك|إليكم|ها هو|ها هي|فيما يلي|هذه|هذا)(?:\s+\p{L}+){0,3}?\s+" + _AI_NOUN
    + r"|" + _INTERJ + r"(?:يمكنني|سأقوم|سأكتب|سأعيد|يسعدني)"
    + r"|إليك(?:\s+\p{L}+){0,3}?\s+" + _AI_OFFER
    + r"|إليك\s+(?:ال)?(?:خبر|مقال|نص|تقرير)[^.!؟?\n:]{0,40}?(?:بعد|مع)\s+(?:التعديل|التعديلات|التدقيق|المراجعة|إعادة الصياغة|التحرير)"
    + r"|(?:ها هو|ها هي|فيما يلي|وفيما يلي)\s+(?:ال)?(?:نسخة|صياغة|مسودة|مقترح|إعادة|اقتراح)"
    + r"|هل\s+(?:تريد|ترغب|تود|تودين|ترغبين|تريدين|تحب|تحبين)(?:ني)?\s+(?:مني\s+)?(?:في\s+)?(?:أن|بأن)\s+أ\p{L}+"
    + r"|هل\s+(?:تريد|ترغب|تود|تودين|ترغبين|تريدين)\s+(?:في\s+)?(?:إضافة|إعداد|كتابة|تعديل|نسخة|صياغة|اختصار|المزيد|تلخيص|ترجمة)"
    + r"|هل\s+هناك\s+(?:أي\s+)?(?:شيء|تعديل|تعديلات)\s+(?:آخر|أخرى|تريد|ترغب|تود)"
    + r"|(?:عنوان|العنوان)\s+(?:فرعي\s+)?(?:مقترح|بديل)\s*:"
    + r"|(?:here's|here is|here are)\s+(?:a|an|the|your)\s+"
    + r")"
)
_AI_ANYWHERE = _rx(
    r"(?:بصفتي|كوني|لأنني|أنا|إنني)\s+(?:مجرد\s+)?(?:نموذج|مساعد)\s+(?:لغوي|ذكاء|ذكي|افتراضي|رقمي)"
    r"|كنموذج\s+(?:لغوي|ذكاء)"
    r"|لا\s+(?:يمكنني|أستطيع)\s+(?:الوصول\s+إلى|تصفح)\s+(?:الإنترنت|الويب|المصادر|معلومات|الأخبار)"
    r"|(?:حتى|حسب|وفق)\s+(?:تاريخ\s+)?آخر\s+تحديث\s+(?:لمعلوماتي|لبياناتي|لمعرفتي)"
    r"|(?:يمكنني|أستطيع|بإمكاني)\s+(?:أيضا|كذلك)\s+(?:أن\s+)?\p{L}+"
    r"|(?:يمكنني|بإمكاني)\s+(?:مساعدتك|إعداد|كتابة|تعديل|إعادة صياغة|اقتراح|توسيع|اختصار|تحويل)"
    r"|(?:أتمنى|آمل|أرجو)\s+أن\s+(?:يكون|تكون)\s+(?:هذا|ذلك|النص|الخبر|المقال|التقرير|المحتوى|الرد|الملخص|ما سبق"
    r"|هذه الصياغة|هذه النسخة|هذا النص|هذا الخبر|هذا المقال)?\s*(?:مفيدا|مفيدة|مناسبا|مناسبة|ما تبحث عنه|وافيا)"
    r"|(?:أتمنى|آمل)\s+أن\s+(?:يلبي|يفي|ينال)\s+(?:احتياجاتك|طلبك|بالغرض|إعجابك|توقعاتك)"
    r"|لا\s+(?:تتردد|تترددي)\s+في\s+(?:طلب|التواصل|سؤالي|إخباري|إبلاغي)"
    r"|(?:أخبرني|أعلمني|دعني أعرف)\s+(?:إذا|إن|لو)"
    r"|(?:إذا|إن|لو)\s+(?:كنت\s+)?(?:تريد|ترغب|تود|أردت|رغبت|احتجت|تحتاج)(?:ين)?\s+[^.!؟?\n]{0,60}?(?:يمكنني|أستطيع|بإمكاني|فيمكنني|فبإمكاني)"
    r"|يسعدني\s+(?:أن\s+)?(?:مساعدتك|أساعدك|أقدم لك|تقديم)|(?:بناء على|حسب|وفقا ل)\s*طلبك"
    r"|تم\s+(?:إنشاء|توليد|كتابة|إعداد)\s+(?:هذا\s+)?(?:النص|المقال|الخبر|المحتوى)\s+(?:بواسطة|باستخدام|عبر)\s+(?:الذكاء|نموذج|برنامج|chatgpt)"
    r"|as an ai\b|as a (?:large )?language model|i am an ai|i'm an ai|as an ai assistant"
    r"|i (?:cannot|can't|can not|don't have the ability to) (?:browse|access) (?:the internet|real-time)"
    r"|as of my (?:last )?(?:knowledge )?(?:update|cutoff)"
    r"|(?:certainly|sure|of course|absolutely)[!,.]?\s+here(?:'s| is| are)"
    r"|i hope this helps|hope this helps|let me know if|feel free to|would you like me to|do you want me to"
    r"|i can also|i'd be happy to"
)
_REPORTING = lx._n(
    "قال قالت رد ردت أجاب أجابت كتب كتبت جاء عبارة بعبارة يقول تقول يرد ترد ردا جوابا أجاب وقال وقالت وكتب"
) | frozenset("said says replied replies wrote writes answered responded".split())


def _at_sentence_start(ntext: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and ntext[i] in " \t\u00a0":
        i -= 1
    return i < 0 or ntext[i] in ".!?؟:\n-–—*#>•"


def _orig(view: TextView, s: int, e: int) -> tuple[int, int]:
    return view.normalized.to_original(s, e)


def _to_sentence_end(text: str, end: int, colon: bool = True) -> int:
    if end > 0 and text[end - 1] in ".!?؟" + (":" if colon else ""):
        return end
    return max(end, sentence_end(text, end, colon))


def note_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    nt, text = view.norm, view.text
    for rx, anchored in ((_NOTE_ANYWHERE, False), (_NOTE_COLON, False), (_NOTE_AT_START, True)):
        for m in rx.finditer(nt):
            if anchored and not _at_sentence_start(nt, m.start()):
                continue
            s, e = _orig(view, m.start(), m.end())
            end = _to_sentence_end(text, e, colon=False)
            if rx is _NOTE_COLON and not _note_body_instructs(text[e:end]):
                continue
            yield NOTE_RULE, s, end
    for m in _CODE_NOTE_RE.finditer(text):
        yield NOTE_RULE, m.start(), _to_sentence_end(text, m.end() + 1, colon=False) if text[m.end():m.end() + 1] == ":" else m.end()


def _note_body_instructs(rest: str) -> bool:
    ws = words(rest)
    return any_in(ws, lx.INSTRUCTION_VERBS | lx.INSTRUCTION_NOUNS) or "المحرر" in ws


def dummy_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    for m in _DUMMY.finditer(view.norm):
        s, e = _orig(view, m.start(), m.end())
        yield DUMMY_RULE, sentence_start(view.text, s), _to_sentence_end(view.text, e)


def name_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    nt = view.norm
    idioms = [(m.start(), m.end()) for m in _NAME_IDIOM.finditer(nt)]
    for m in _NAME.finditer(nt):
        if any(s <= m.start("n") < e for s, e in idioms):
            continue
        s, e = _orig(view, m.start("n"), m.end("n"))
        yield NAME_RULE, s, e


def _reported(view: TextView, quotes: Quotes, s: int) -> bool:
    """A chatbot phrase that is quoted or reported ("قال النموذج: ...") is part of the story."""
    if quotes.inside(s):
        return True
    prefix = view.text[sentence_start(view.text, s):s]
    return any_in(words(prefix), _REPORTING)


def ai_hits(view: TextView, quotes: Quotes) -> Iterator[tuple[str, int, int]]:
    nt = view.norm
    for rx, anchored in ((_AI_AT_START, True), (_AI_ANYWHERE, False)):
        for m in rx.finditer(nt):
            if m.end() == m.start() or (anchored and not _at_sentence_start(nt, m.start())):
                continue
            if m.start() > 0 and (nt[m.start() - 1].isalnum()):
                continue  # inside a word
            s, e = _orig(view, m.start(), m.end())
            if not _reported(view, quotes, s):
                yield AI_RULE, s, _to_sentence_end(view.text, e)


@lru_cache(maxsize=64)
def _custom_re(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    parts = []
    for p in phrases:
        n = " ".join(norm(p).split())
        if not n:
            continue
        body = r"\s+".join(regex.escape(w) for w in n.split(" "))
        left = B if regex.match(r"[\p{L}\p{N}]", n) else ""
        right = E if regex.search(r"[\p{L}\p{N}]$", n) else ""
        parts.append(left + body + right)
    return regex.compile("|".join(parts)) if parts else None


def custom_hits(view: TextView, phrases: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    rx = _custom_re(tuple(phrases))
    if rx is None:
        return
    for m in rx.finditer(view.norm):
        if m.end() > m.start():
            s, e = _orig(view, m.start(), m.end())
            yield CUSTOM_RULE, s, e
