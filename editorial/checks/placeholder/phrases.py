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

from ..arabic import WORD_RE, TextView, data, norm
from ..arabic.clitics import CLITIC_LETTERS
from ..arabic.fastre import Dual
from ..arabic.marks import after_marks
from ..arabic.memo import WordMemo
from ..arabic.quotes import Quotations
from . import lexicon as lx
from .text import any_in, positions, sentence_end, sentence_start, words

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


class Pattern:
    """A regex that only runs when one of its trigger strings occurs in the (normalised) text.

    Alternations are slow to scan in ``regex``; a plain substring test is not, and most texts hold none of a
    pattern's triggers, so the gate keeps the whole family near a millisecond on an 800-word article.
    ``heads`` (optional) lists literal strings one of which every match starts with: the regex is then tried
    only where ``str.find`` sees a head, instead of scanning a long text (same matches as ``finditer``).
    ``needs`` (optional) says which words a match from a head goes on with ("لا=أملك لا=تتوفر+لدي": one entry per
    way, "+" joining the words one way needs): with the gate's words at hand, a head is looked for only when the
    words of one of its ways are in the text (a common head such as لا is then mostly skipped).
    """

    def __init__(self, triggers: str, pattern: str, anchored: bool = False, raw: bool = False,
                 heads: str = "", sentence: bool = False, needs: str = "") -> None:
        self.triggers = _literals(triggers, raw)
        self.heads = _literals(heads, raw)
        self.rx = regex.compile(pattern if raw else norm(pattern))
        self.anchored = anchored  # must start a sentence
        self.sentence = sentence  # the finding covers the whole sentence, not only from the match on
        # For the word gate (see ``present_runs``): triggers that are one run of letters, and the others with
        # their runs (a literal can only occur where each of its runs occurs inside some word of the text).
        self.single = frozenset(t for t in self.triggers if WORD_RE.fullmatch(t))
        self.multi = tuple((t, tuple(WORD_RE.findall(t))) for t in self.triggers if t not in self.single)
        self.head_runs = tuple((h, tuple(WORD_RE.findall(h))) for h in self.heads)
        if needs:
            ways = [(_literals(h, raw)[0], _literals(ws.replace("+", " "), raw)) for h, ws in
                    (entry.split("=") for entry in needs.split())]
            named = {h for h, _ws in ways}
            self.head_runs = tuple((h, tuple(WORD_RE.findall(" ".join((h, *ws))))) for h, ws in ways) + tuple(
                (h, runs) for h, runs in self.head_runs if h not in named)
        # The gate can only open when one of these runs is present (a single trigger, or a multi trigger's first
        # run), unless a trigger has no run at all (``always``): see ``_Gate``.
        self.gate_runs = self.single | {runs[0] for _t, runs in self.multi if runs}
        self.always = any(not runs for _t, runs in self.multi)
        _register_runs(self.triggers + self.heads + tuple(r for _h, runs in self.head_runs for r in runs))

    def finditer(self, text: str, present: frozenset[str] | None = None) -> Iterator[regex.Match[str]]:
        """Matches in ``text``; ``present``, when given, is ``present_runs`` of this same text: the gate then
        looks up words instead of scanning the text once per trigger (same matches)."""
        heads = self.heads
        if present is None:
            if not any(map(text.__contains__, self.triggers)):  # the substring tests run in C
                return
        else:
            # the heads whose words are present first: with none, nothing can match, and the substring tests of
            # the triggers (slow for a needle of several letters) are not needed
            heads = tuple(dict.fromkeys(h for h, runs in self.head_runs if all(map(present.__contains__, runs))))
            if self.heads and not heads:
                return
            if present.isdisjoint(self.single) and not any(
                    all(map(present.__contains__, runs)) and t in text for t, runs in self.multi):
                return
        if not self.heads:
            yield from self.rx.finditer(text)
            return
        last = 0
        for pos in positions(text, heads):
            if pos < last:
                continue  # inside the previous match: finditer does not overlap matches
            m = self.rx.match(text, pos)  # lookbehinds still see the text before pos
            if m is not None and m.end() > pos:
                last = m.end()
                yield m


class _Gate:
    """The patterns of a family indexed by their ``gate_runs``: ``live(present)`` lists, in order, those whose gate
    may open on a text with these runs (the others' ``finditer`` would return at once), in a few dict lookups
    instead of a generator and a gate test per pattern."""

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = patterns
        self.always = frozenset(i for i, p in enumerate(patterns) if p.always)
        self.by_run: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            for r in p.gate_runs:
                self.by_run.setdefault(r, []).append(i)

    def live(self, present: frozenset[str]) -> list[Pattern]:
        found = set(self.always)
        for r in present:
            found.update(self.by_run.get(r, ()))
        return [self.patterns[i] for i in sorted(found)]


# Every run of letters (``WORD_RE``) in a trigger or head of any ``Pattern``, and word -> the runs inside it.
_RUNS: set[str] = set()


def _runs_in(word: str) -> frozenset[str]:
    return frozenset(r for r in _RUNS if r in word)


_RUNS_IN: WordMemo[frozenset[str]] = WordMemo(_runs_in)


def _register_runs(literals: tuple[str, ...]) -> None:
    new = {r for t in literals for r in WORD_RE.findall(t)} - _RUNS
    if new:
        _RUNS.update(new)
        _RUNS_IN.clear()  # computed with fewer runs


def present_runs(view: TextView) -> frozenset[str]:
    """The pattern runs that occur in the normalised text ``view.norm``: a run of letters occurs in a text
    exactly when it is inside one of the text's words (its maximal runs, ``view.norms``). One memo lookup
    per distinct word instead of one scan of the text per trigger; kept on the view for the other passes."""
    cached = view.__dict__.get("_placeholder_runs")
    if cached is None:
        cached = view.__dict__["_placeholder_runs"] = frozenset().union(*map(_RUNS_IN.__getitem__, view.vocabulary))
    return cached


def _literals(words: str, raw: bool) -> tuple[str, ...]:
    return tuple(t.replace("_", " ") for t in (words if raw else norm(words)).split())


_SLOT = r"(?:الرقم|الأرقام|رقم|الاسم|الأسماء|اسم|التاريخ|تاريخ|التهجئة|المصدر|النسبة|المبلغ|صحة الرقم|صحة الاسم|المعلومة)"
_SLOT_WORD = r"(?:ال)?(?:رقم|أرقام|اسم|أسماء|تاريخ|مصدر|نسبة|مبلغ|معلومة|معلومات)(?![\p{L}])"
_NOTES = (
    Pattern("انتظار ننتظر", r"(?:ننتظر|بانتظار|في انتظار)\s+(?:تأكيد|تدقيق|مراجعة)\s+" + _SLOT_WORD, anchored=True, heads="ننتظر بانتظار في_انتظار"),
    Pattern("ملاحظة ملحوظة تنبيه", B + r"(?:ملاحظة|ملحوظة|تنبيه)\s+(?:للمحرر|للمحررين|للتحرير|داخلية|للمراجع|للمراجعة|للمدقق|للديسك|للزملاء"
            r"|للقسم|لفريق التحرير|لنفسي|مؤقتة)" + E, heads="ملاحظة ملحوظة تنبيه"),
    Pattern("المحرر للمحرر للمحررين للديسك", B + r"(?:إلى المحرر|للمحرر|للمحررين|للديسك)\s*:", heads="إلى_المحرر للمحرر للديسك"),
    Pattern("note", B + r"(?:note to (?:the )?editors?|internal note|note for (?:the )?editors?)" + E, heads="note internal"),
    Pattern("تأكد تحقق راجع مراجعة", B + r"(?:لل?تأكد|لل?تحقق|يجب التأكد|يجب التحقق|ينبغي التأكد|تأكد|تحقق|راجع|مراجعة)"
            r"\s+من\s+" + _SLOT + E, anchored=True, heads="لتأكد للتأكد لتحقق للتحقق يجب ينبغي تأكد تحقق راجع مراجعة"),
    Pattern("يضاف تضاف يدرج تدرج", B + r"(?:يضاف|تضاف|يدرج|تدرج)\s+(?!إلى|إليه|إليها|لها|له|لذلك)\p{L}+"
        # "تُضاف هذه الخطوة إلى ..." is news: an "added to" later in the sentence
        r"(?![^.!؟?\n]{0,80}?(?<!\p{L})(?:إلى|ضمن)(?!\p{L}))", anchored=True, heads="يضاف تضاف يدرج تدرج"),
    Pattern("يرجى الرجاء", B + r"(?:يرجى|الرجاء)\s+(?:إضافة|تحديد|التأكد|إدراج|كتابة|وضع|مراجعة|استكمال|التحقق|تحديث"
            r"|إرفاق|حذف|ذكر)\s+[^.!؟?\n]{0,80}?(?:تصريح|اقتباس|الاسم|اسم|الرقم|رقم|الأرقام|التاريخ|تاريخ|المصدر"
            r"|صورة|رابط|هنا|قبل النشر|رد|تعليق)" + E, anchored=True, heads="يرجى الرجاء"),
    # "يجب على الحكومة ...", "يجب أن تراجع الحكومة ..." name who must act: a demand in the story, not a note; "حدث ذلك" is a past tense
    Pattern("قبل_النشر", B + r"(?:يجب|يرجى|ينبغي|تأكد|تحقق|راجع|احذف|يحذف)(?!\s+(?:على|أن)" + E + r")\s+[^.!؟?\n]{0,60}?"
            r"قبل\s+النشر" + E, anchored=True, heads="يجب يرجى ينبغي تأكد تحقق راجع احذف يحذف"),
    Pattern("تأكيد تدقيق مراجعة تحقق التأكد التحقق",
            B + _SLOT + r"\s+(?:بحاجة إلى|يحتاج إلى|تحتاج إلى|بانتظار|قيد|يحتاج|تحتاج)\s+(?:ال)?(?:تأكيد|تدقيق|مراجعة"
            r"|تحقق|تأكد)" + E, heads="الرقم الأرقام رقم الاسم الأسماء اسم التاريخ تاريخ التهجئة المصدر النسبة المبلغ صحة المعلومة"),
    Pattern("يستكمل تستكمل يكمل يضاف تضاف", B + r"(?:يستكمل|تستكمل|يكمل|يضاف|تضاف)\s+[^.!؟?\n]{0,60}?(?:لاحقا|عند وروده|عند ورودها"
            r"|عند توفره|عند توفرها)" + E, anchored=True, heads="يستكمل تستكمل يكمل يضاف تضاف"),
)
_NOTE_COLON = Pattern("ملاحظة ملحوظة note المحرر", B + r"(?:ملاحظة|ملحوظة|note|nb|المحرر)\s*[:：]", heads="ملاحظة ملحوظة note nb المحرر")
_CODE_NOTE = Pattern("TODO FIXME TBD TBC", r"(?<![A-Za-z])(?:TODO|FIXME|TBD|TBC)(?![A-Za-z])", raw=True)

_DUMMY = Pattern(
    "lorem dolor consectetur perspiciatis eiusmod tempor لوريم مثال_على_نص",
    B + r"(?:lorem|dolor\s+sit\s+amet|لوريم|مثال\s+على\s+نص|perspiciatis|eiusmod|tempor\s+incididunt|dolore\s+magna"
    r"|consectetur\s+adipiscing)" + E, heads="lorem dolor لوريم مثال perspiciatis eiusmod tempor consectetur")


def _phrase_pattern(name: str) -> Pattern:
    """One pattern for the phrases of ``data/NAME.txt`` (normalised by the loader); punctuation may separate the
    words. Tried only where a phrase's first word occurs."""
    phrases = sorted(data.groups(name), key=len, reverse=True)
    heads = " ".join(sorted({p[0] for p in phrases}))
    body = "|".join(r"[\s\p{P}]+".join(map(regex.escape, p)) for p in phrases)
    # A phrase matches only where all its words are in the text: its first word is looked for only then (most
    # heads are common words, هذا، تم، يمكن): one ``needs`` entry per phrase.
    needs = " ".join(p[0] + "=" + "+".join(p[1:]) for p in phrases)
    return Pattern(heads, B + "(?:" + body + ")" + E, raw=True, heads=heads, needs=needs)


# The Arabic generator's filler, the Arabic lorem ipsum explanation and lorem ipsum in Arabic letters.
_DUMMY_PHRASES = _phrase_pattern("placeholder_dummy_phrases")

# Starts with the name itself (fast to scan); the word boundary and one proclitic letter (وفلان، لفلان) are
# checked in code so the proclitic stays outside the span.
_NAME = Pattern(
    "فلان علان doe",
    r"(?:ال)?فلان(?:ة)?(?:\s+(?:بن|ابن|بنت|ابنة)\s+(?:فلان|علان)(?:ة)?)?(?:\s+(?:ال)?(?:فلاني|علاني|علان)(?:ة)?)?"
    r"(?![\p{L}\p{N}])|(?:ال)?فلاني(?:ة)?(?![\p{L}\p{N}])|علان(?:ة)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:john|jane)\s+doe" + E, heads="الفلان فلان علان john jane")
_NAME_IDIOM = _rx(r"فلان\s*(?:و|أو|ولا)\s*علان")

_INTERJ = (
    r"(?:بالتأكيد|بالطبع|طبعا|بكل سرور|حسنا|بكل تأكيد|sure|certainly|of course|absolutely|great)"
    r"\s*[!،,.]*\s*"
)
_INTERJ_TRIGGERS = "بالتأكيد بالطبع طبعا بكل_سرور حسنا sure certainly of_course absolutely great"
# After "إليك": an indefinite noun ("خبراً", "نسخةً") or a revision word is assistant talk; "إليك نص البيان"
# is how a person introduces a document, so definite nouns count only after an interjection ("بالتأكيد!"). A story
# is not assistant talk: "إليكم القصة كما رواها" is how a reporter hands over to a narrative.
_AI_OFFER = (
    r"(?:ال)?(?:نسخ|صياغ|مسود|مقترح|اقتراح|إعادة|معاد|معدل|منقح|مختصر|محدث|خبرا|مقالا|تقريرا|نصا|ملخصا|عنوانا|عناوين|"
    r"فقرة|صيغة|تحديثا|النسخ|الصياغ|المسود|خبر صحفي|مقال صحفي|تقرير صحفي)"
)
_AI_NOUN = r"(?:ال)?(?:مقال|خبر|نسخة|صياغة|نص|تقرير|ملخص|مسودة|صيغة|عنوان|عناوين|مقترح|فقرة|قصة|مادة|بيان|تحديث)"
_MY_KNOWLEDGE = r"(?:معلوماتي|معرفتي|معارفي|بياناتي|بيانات\s+تدريبي|تدريبي|قاعدة\s+(?:معارفي|بياناتي))(?!\p{L})"
_ASKS = r"(?:تريد|ترغب|تود|تودين|ترغبين|تريدين|تحب|تحبين|تفضل|تفضلين)"
_I_EDIT = r"أ(?:ضيف|كتب|عيد|ختصر|ترجم|وسع|غير|عدل|قدم|رسل|صيغ|حول|لخص|جهز)"
_AI = (
    Pattern(_INTERJ_TRIGGERS, _INTERJ + r"(?:إليك|إليكم|ها هو|ها هي|فيما يلي|هذه|هذا)(?:\s+\p{L}+){0,3}?\s+" + _AI_NOUN
            + r"|" + _INTERJ + r"(?:يمكنني|سأقوم|سأكتب|سأعيد|يسعدني)", anchored=True, heads="بالتأكيد بالطبع طبعا بكل حسنا sure certainly of absolutely great"),
    Pattern("إليك", r"إليك(?:م)?(?:\s+\p{L}+){0,3}?\s+" + _AI_OFFER
            + r"|إليك\s+(?:ال)?(?:خبر|مقال|نص|تقرير)[^.!؟?\n:]{0,40}?(?:بعد|مع)\s+(?:التعديل|التعديلات|التدقيق"
            r"|المراجعة|إعادة الصياغة|التحرير)"
            # a paragraph that only says "إليك ...:" introduces generated text
            r"|(?<=^|\n)[ \t]*إليك(?:\s+[^\s:.!؟?\n]+){1,6}\s*:[ \t]*(?=\n|$)", anchored=True),
    Pattern("فيما_يلي", r"(?:وفيما|فيما)\s+يلي\s+(?:خبر صحفي|مقال صحفي|تقرير صحفي|خبرا|مقالا|صياغة|إعادة صياغة)",
            anchored=True),
    Pattern("ها_هو ها_هي فيما_يلي", r"(?:ها هو|ها هي|فيما يلي|وفيما يلي)\s+(?:ال)?(?:نسخة|صياغة|مسودة|مقترح|إعادة|اقتراح)",
            anchored=True, heads="ها_هو ها_هي فيما_يلي وفيما_يلي", needs=" ".join(
                f"{h}={w}" for h in ("ها_هو", "ها_هي", "فيما_يلي", "وفيما_يلي")
                for w in ("نسخة", "صياغة", "مسودة", "مقترح", "إعادة", "اقتراح"))),
    Pattern("هل", r"هل\s+" + _ASKS + r"(?:ني)?\s+(?:مني\s+)?(?:في\s+)?(?:أن|بأن)\s+أ\p{L}+"
            r"|هل\s+" + _ASKS + r"\s+(?:في\s+)?(?:إضافة|إعداد|كتابة|تعديل|نسخة|صياغة|اختصار|المزيد|تلخيص|ترجمة)"
            r"|هل\s+هناك\s+(?:أي\s+)?(?:شيء|تعديل|تعديلات)\s+(?:آخر|أخرى|تريد|ترغب|تود)"
            r"|هل\s+" + _I_EDIT + r"(?![\p{L}])", anchored=True),
    Pattern("رأيك", r"ما\s+رأيك\s+(?:في\s+)?(?:أن\s+)?" + _I_EDIT, anchored=True),
    Pattern("طلبت", r"(?:إليك|هذا هو|هذه هي)[^.!؟?\n]{0,60}?كما\s+طلبت(?:ه|ها)?(?![\p{L}])", anchored=True),
    Pattern("يسرني يسعدني", r"(?:يسرني|يسعدني)\s+(?:أن\s+)?(?:أقدم|تقديم)\s+لك"),
    Pattern("below", r"below is (?:a|an|the|your)\s+", anchored=True, raw=True),
    Pattern("عنوان", r"(?:عنوان|العنوان)\s+(?:فرعي\s+)?(?:مقترح|بديل)\s*:", anchored=True, heads="عنوان العنوان"),
    Pattern("here", r"(?:here's|here is|here are)\s+(?:a|an|the|your)\s+", anchored=True, raw=True),
    # "بصفتي نموذجاً لغوياً": after بصفتي/كوني the noun and its adjective take the accusative alef
    Pattern("نموذج مساعد", r"(?:بصفتي|كوني|لأنني|أنا|إنني)\s+(?:مجرد\s+)?(?:نموذجا?|مساعدا?)\s+(?:لغويا?|ذكاء|ذكيا?|افتراضيا?"
            r"|رقميا?)(?!\p{L})|كنموذج\s+(?:لغوي|ذكاء)", heads="بصفتي كوني لأنني أنا إنني كنموذج"),
    Pattern("يمكنني أستطيع بإمكاني يسعدني طلبك",
            r"لا\s+(?:يمكنني|أستطيع)\s+(?:الوصول\s+إلى|تصفح)\s+(?:الإنترنت|الويب|المصادر|معلومات|الأخبار)"
            r"|(?:يمكنني|أستطيع|بإمكاني)\s+(?:أيضا|كذلك)\s+(?:أن\s+)?\p{L}+"
            r"|(?:يمكنني|بإمكاني)\s+(?:مساعدتك|إعداد|كتابة|تعديل|إعادة صياغة|اقتراح|توسيع|اختصار|تحويل)"
            r"|(?:إذا|إن|لو)\s+(?:كنت\s+)?(?:تريد|ترغب|تود|أردت|رغبت|احتجت|تحتاج)(?:ين)?\s+[^.!؟?\n]{0,60}?"
            r"(?:يمكنني|أستطيع|بإمكاني|فيمكنني|فبإمكاني)"
            r"|يسعدني\s+(?:أن\s+)?(?:مساعدتك|أساعدك|أقدم لك|تقديم)|(?:بناء على|حسب|وفقا ل)\s*طلبك"),
    Pattern("أتمنى_أن آمل_أن أرجو_أن",
            r"(?:أتمنى|آمل|أرجو)\s+أن\s+(?:يكون|تكون)\s+(?:هذا|ذلك|النص|الخبر|المقال|التقرير|المحتوى|الرد|الملخص"
            r"|ما سبق|هذه الصياغة|هذه النسخة|هذا النص|هذا الخبر|هذا المقال)?\s*(?:مفيدا|مفيدة|مناسبا|مناسبة"
            r"|ما تبحث عنه|وافيا)"
            r"|(?:أتمنى|آمل)\s+أن\s+(?:يلبي|يفي|ينال|يناسب|يلائم)\s+(?:احتياجاتك|طلبك|بالغرض|إعجابك|توقعاتك)"
            r"|(?:أتمنى|آمل|أرجو)\s+أن\s+(?:تجد|تجدي)\s+(?:هذا|ذلك|النص|الخبر|المقال|هذه)?[^.!؟?\n]{0,25}?"
            r"(?:مفيدا|مفيدة|مناسبا|مناسبة)", heads="أتمنى آمل أرجو"),
    Pattern("لا_تتردد لا_تترددي أخبرني أعلمني دعني_أعرف",
            r"لا\s+(?:تتردد|تترددي)\s+في\s+(?:طلب|التواصل معي|سؤالي|إخباري|إبلاغي|السؤال|الاستفسار|إعلامي)|(?:أخبرني|أعلمني|دعني أعرف)\s+(?:إذا|إن|لو)",
            heads="لا أخبرني أعلمني دعني", needs=" ".join(
                f"لا=تتردد+في+{w}" for w in ("طلب", "التواصل", "سؤالي", "إخباري", "إبلاغي", "السؤال", "الاستفسار", "إعلامي"))),
    Pattern("هذا_هو هذه_هي", r"(?:هذا هو|هذه هي)\s+(?:ال)?(?:خبر|مقال|نص|صياغة|نسخة|مسودة)\s+(?:بعد|المعدل|المنقح"
            r"|المعدلة|المنقحة|الجديدة|النهائية|المختصر|المختصرة)", anchored=True, heads="هذا_هو هذه_هي"),
    Pattern("سأكتب سأعيد سأقوم سأقدم سأصيغ", r"سأ(?:كتب|عيد|قوم|قدم|صيغ)\s+لك"),
    # "إذا كان لديك أي أسئلة" also ends service stories: only with the assistant speaking of itself
    Pattern("لديك", r"(?:إذا|إن|لو)\s+(?:كان|كانت)\s+لديك\s+(?:أي\s+)?(?:أسئلة|استفسارات|ملاحظات|تعديلات|طلبات)"
            r"[^.!؟?\n]{0,60}?(?:فأنا|أنا|تتردد|يسعدني|أخبرني|يمكنني|سأكون|لمساعدتك|أساعدك)"),
    Pattern("يمكنك", r"يمكنك\s+(?:أيضا|كذلك)\s+(?:إضافة|تعديل|تغيير|اختصار|توسيع|إعادة صياغة)"),
    Pattern("تحتاج احتجت بحاجة", r"هل\s+(?:تحتاج|تحتاجين)\s+(?:إلى|ل)\s*(?:مساعدة|تعديل|أي|المزيد)"
            # service stories also say "إذا كنت بحاجة إلى مساعدة": only with the assistant speaking of itself
            r"|(?:إذا|إن|لو)\s+(?:احتجت|كنت بحاجة|كنت تحتاج)\s+(?:إلى\s+)?(?:أي\s+)?(?:تعديلات|تعديل|مساعدة|مزيد)"
            r"[^.!؟?\n]{0,60}?(?:فأنا|أنا|تتردد|يسعدني|أخبرني|يمكنني|سأكون|لمساعدتك|أساعدك|أعلمني)"),
    Pattern("يمكنك", r"يمكنك\s+(?:تعديل|استخدام|نسخ|تغيير|إضافة|تكييف)\s+(?:هذا\s+|هذه\s+)?(?:النص|الخبر|المقال"
            r"|الصياغة|العنوان|المسودة|النسخة)"),
    Pattern("افتراضي خيالي متخيل الخيال", r"(?:هذا|هذه)\s+(?:الخبر|النص|المقال|القصة|الصياغة|المادة)\s+(?:افتراضي"
            r"|افتراضية|خيالي|خيالية|متخيل|متخيلة|من وحي الخيال)"),
    # The assistant on its own knowledge or data cut-off: first person on "my information / my training".
    Pattern("معلوماتي معرفتي معارفي بياناتي تدريبي",
            r"(?:آخر\s+)?تحديث\s+(?:ل|في\s+)?" + _MY_KNOWLEDGE
            + r"|" + _MY_KNOWLEDGE + r"\s+(?:قد\s+)?(?:لا\s+)?(?:محدودة|محدود|تقتصر|تتوقف|توقفت|تنتهي|انتهت|تمتد|تصل"
            r"|تتجاوز|تشمل|تغطي|محدثة|حديثة|مقتصرة)"
            r"|(?:تاريخ|موعد|حد)\s+(?:انقطاع|توقف|قطع|نهاية)\s+" + _MY_KNOWLEDGE
            + r"|(?:نهاية|حدود|تاريخ)\s+(?:فترة\s+)?(?:معلوماتي|معرفتي|معارفي|بياناتي|بيانات\s+تدريبي)(?!\p{L})"
            + r"|(?:تم|جرى)\s+تدريبي\s+على|(?:حسب|وفق|بحسب|وفقا ل|استنادا إلى)\s*(?:آخر\s+)?" + _MY_KNOWLEDGE
            + r"\s+(?:المتاحة\s+|المتوفرة\s+|المحدثة\s+)?(?:حتى|لغاية|في)\s+(?:تاريخ\s+|عام\s+|سنة\s+|شهر\s+)?"
            r"(?:\p{L}+\s+)?\d{4}", sentence=True),
    Pattern("لدي أملك أمتلك دربت تدربت المتاحة_لي المتوفرة_لي المتوافرة_لي",
            r"(?:ليس\s+لدي|ليست\s+لدي|لا\s+أملك|لا\s+أمتلك|لا\s+تتوفر\s+لدي|لا\s+يتوفر\s+لدي)\s+(?:أي\s+)?(?:معلومات"
            r"|بيانات|معرفة|إمكانية\s+(?:الوصول|الاطلاع)|وصول)\s+(?:إلى\s+)?(?:ال)?(?:حديثة|محدثة|آنية|لحظية|فورية|مباشرة|إنترنت|أحداث\s+الجارية"
            r"|تتجاوز|(?:حول|عن|بشأن|على)\s+(?:ال)?(?:أحداث|تطورات|مستجدات|أخبار)\s+(?:التي\s+)?(?:بعد|وقعت\s+بعد|جرت\s+بعد|الأخيرة))"
            r"|(?:دربت|تدربت)\s+على\s+(?:بيانات|معلومات)"
            # "المعلومات المتاحة لي حتى آخر تحديث": information available to me, up to an update or a date
            r"|(?:المعلومات|البيانات)\s+(?:المتاحة|المتوفرة|المتوافرة)\s+(?:لي|لدي)\s+(?:حتى|لغاية|منذ)\s+(?:آخر\s+)?"
            r"(?:تحديث|تاريخ|عام|\d)", sentence=True, heads="ليس لا دربت تدربت المعلومات البيانات",
            needs="ليس=لدي لا=أملك لا=أمتلك لا=تتوفر+لدي لا=يتوفر+لدي دربت=على تدربت=على المعلومات=المتاحة"
                  " المعلومات=المتوفرة المعلومات=المتوافرة البيانات=المتاحة البيانات=المتوفرة البيانات=المتوافرة"),
    Pattern("يمكنني أستطيع",
            r"لا\s+(?:يمكنني|أستطيع)\s+(?:تصفح|الوصول\s+إلى|الاطلاع\s+على|تقديم|معرفة|تأكيد|التحقق\s+من)\s+"
            r"(?:ال)?(?:معلومات|أخبار|بيانات|أحداث|تطورات|مستجدات|مصادر)\s+(?:ال)?(?:حديثة|محدثة|آنية|لحظية|فورية|حالية"
            r"|أخيرة|مباشرة|جارية|التي\s+(?:وقعت|جرت|حدثت)\s+بعد)", sentence=True),
    Pattern("بواسطة باستخدام", r"تم\s+(?:إنشاء|توليد|كتابة|إعداد)\s+(?:هذا\s+)?(?:النص|المقال|الخبر|المحتوى)\s+"
            r"(?:بواسطة|باستخدام|عبر)\s+(?:الذكاء|نموذج|برنامج|chatgpt)"),
    Pattern("as_an_ai as_a language_model i_am_an_ai i'm_an_ai i_cannot i_can't i_can_not i_don't as_of_my here "
            "hope_this let_me feel_free would_you do_you i_can i'd i've i_have my_knowledge my_training "
            "my_information my_data i_do_not trained_on",
            r"\bas an ai\b|as a (?:large )?language model|i am an ai|i'm an ai"
            r"|i (?:cannot|can't|can not|don't have the ability to) (?:browse|access) (?:the internet|real-time)"
            r"|as of my (?:last |latest |most recent )?(?:knowledge |training )?(?:update|cutoff|cut-off|training)"
            r"|my (?:knowledge|training data|training|information|data)(?: base)? (?:cutoff|cut-off|only goes|goes up to"
            r"|extends|is limited|is current|was last updated|ends)"
            r"|i (?:do not|don't|cannot|can't) (?:have|access|provide) (?:access to )?(?:real-time|current|up-to-date"
            r"|live|recent) (?:information|data|news|updates|events)"
            r"|i (?:was|have been|am) trained on (?:data|information)"
            r"|(?:since|after|beyond) my (?:last )?(?:knowledge )?(?:training|update|cutoff|cut-off)"
            r"|(?:certainly|sure|of course|absolutely)[!,.]?\s+here(?:'s| is| are)"
            r"|i hope this helps|hope this helps|let me know if|feel free to|would you like me to|do you want me to"
            r"|i can also|i'd be happy to|i(?:'ve| have) (?:rewritten|revised|edited|drafted|written|updated)", raw=True),
)
_NOTES_GATE = _Gate(_NOTES)
_AI_GATE = _Gate(_AI)
# In a story about AI, a sentence that reports what a model said, or names the model, is news.
_REPORTING = data.words("placeholder_reporting_words")


def _at_sentence_start(ntext: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and ntext[i] in " \t\u00a0":
        i -= 1
    return i < 0 or ntext[i] in ".!?؟:\n-–—*#>•"


def _orig(view: TextView, s: int, e: int) -> tuple[int, int]:
    """Original span of a normalised match, keeping the tashkeel that follows its last letter ("الفلانيّ")."""
    start, end = view.normalized.to_original(s, e)
    return start, after_marks(view.text, end)


def _to_sentence_end(text: str, end: int, colon: bool = True) -> int:
    if end > 0 and text[end - 1] in ".!?؟" + (":" if colon else ""):
        return end
    return max(end, sentence_end(text, end, colon))


def note_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    nt, text = view.norm, view.text
    present = present_runs(view)
    for pat in _NOTES_GATE.live(present):
        for m in pat.finditer(nt, present):
            if not pat.anchored or _at_sentence_start(nt, m.start()):
                s, e = _orig(view, m.start(), m.end())
                yield NOTE_RULE, s, _to_sentence_end(text, e, colon=False)
    for m in _NOTE_COLON.finditer(nt, present):
        s, e = _orig(view, m.start(), m.end())
        end = _to_sentence_end(text, e, colon=False)
        if _note_body_instructs(text[e:end]):
            yield NOTE_RULE, s, end
    for m in _CODE_NOTE.finditer(text):
        with_colon = text[m.end():m.end() + 1] == ":"
        yield NOTE_RULE, m.start(), _to_sentence_end(text, m.end() + 1, colon=False) if with_colon else m.end()
    yield from _line_notes(view)


# A sentence of its own: from a start, a newline or a stop mark to the next stop mark or newline (not a colon,
# so "وقال الوزير: تأكدوا من الأرقام" opens with وقال). Leading bullets and dashes are not part of the note.
# (Each run by ``re`` on a text without characters beyond the BMP: see ``arabic.fastre``.)
_SENTENCE_RE = Dual(r"[^.!?؟\n]+")
_LEAD_RE = Dual(r"[\s\-–—*•>#]*")
_WORD = Dual(WORD_RE.pattern)
_LABEL_END_RE = regex.compile(r"\s*[:：\-–—]")
_ORDER_WORDS, _NEED_WORDS, _STATUS_WORDS = 16, 10, 8
# The first words a note can open with (an element opening a status line is looked up apart).
_NOT_TO_US = frozenset(norm(w) for w in ("على", "أن", "ان", "عليه", "عليها", "عليهم"))
_MARKER_WORDS = frozenset(p[0] for p in lx.NOTE_MARKERS if len(p) == 1)  # "ولاحقاً" too
_DETAILS = frozenset(norm(w) for w in ("التفاصيل", "تفاصيل"))
_THIS = frozenset(norm(w) for w in ("هذه", "هذا"))
_OPENERS = _THIS | frozenset(p[0] for p in (lx.NOTE_ORDERS | lx.NOTE_ORDERS_FROM | lx.NOTE_ORDERS_OBJECT
                                    | lx.NOTE_ORDERS_CONTACT | lx.NOTE_DEMANDS
                                    | lx.NOTE_NEEDS | lx.NOTE_LABELS | lx.NOTE_SOFT_LABELS))  # a note is short; a longer sentence is copy


def _starts(ws: list[str], i: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Length of the phrase of ``phrases`` that the words from ``i`` begin with (0 when none)."""
    for n in (3, 2, 1):
        if tuple(ws[i:i + n]) in phrases:
            return n
    return 0


def _has_phrase(ws: list[str], phrases: frozenset[tuple[str, ...]], start: int = 0) -> bool:
    return any(_starts(ws, i, phrases) for i in range(start, len(ws)))


def _element_at(ws: list[str], i: int, nouns: frozenset[str] = lx.NOTE_ELEMENTS,
                phrases: frozenset[tuple[str, ...]] = lx.NOTE_ELEMENT_PHRASES) -> bool:
    """An element (or a party) at word ``i``; an indefinite accusative counts too ("نحتاج تصريحاً")."""
    if i >= len(ws):
        return False
    w = ws[i]
    acc = [w[:-1]] if w.endswith("ا") and len(w) > 4 else []
    return any_in([w, *acc], nouns) or _starts(ws, i, phrases) > 0


def _about_story(ws: list[str], start: int) -> bool:
    """An element of the story or a note's time or workflow phrase in the words from ``start``."""
    return any(_element_at(ws, i) for i in range(start, len(ws))) or _has_phrase(
        ws, lx.NOTE_MARKERS, start) or any_in(ws[start:], _MARKER_WORDS)


def _to_reader(ws: list[str]) -> bool:
    """A how-to or service line: a device or account word, or an element the reader owns ("اسمك", "صورتك")."""
    if any_in(ws, lx.NOTE_READER) or _has_phrase(ws, lx.NOTE_READER_PHRASES):
        return True
    for w in ws:
        for suf in ("كم", "كن", "ك"):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                stem = w[: -len(suf)]
                stems = [stem, stem[:-1] + "ه"] if stem.endswith("ت") else [stem]
                if any_in(stems, lx.NOTE_READER | lx.NOTE_ELEMENTS):
                    return True
                break
    return False


def _note_line(ws: list[str], howto: bool) -> bool:
    """The words of a sentence make a note to a colleague: an order, a demand or a need about the story."""
    n = len(ws)
    k = _starts(ws, 0, lx.NOTE_ORDERS)
    if k and n <= _ORDER_WORDS and not howto:
        return _about_story(ws, k) and not _to_reader(ws)
    k = _starts(ws, 0, lx.NOTE_ORDERS_FROM)
    if k and n <= _ORDER_WORDS and not howto:
        return k < n and ws[k] == "من" and _about_story(ws, k + 1) and not _to_reader(ws)
    k = _starts(ws, 0, lx.NOTE_ORDERS_OBJECT)
    if k and n <= _ORDER_WORDS and not howto:
        return (_element_at(ws, k) or _element_at(ws, k + 1)) and not _to_reader(ws)
    k = _starts(ws, 0, lx.NOTE_ORDERS_CONTACT)
    if k and n <= _ORDER_WORDS and not howto:
        return any(_element_at(ws, i, lx.NOTE_PARTIES, lx.NOTE_PARTY_PHRASES) for i in (k, k + 1))
    k = _starts(ws, 0, lx.NOTE_DEMANDS)
    if k and n <= _ORDER_WORDS:
        # the verbal noun within three words ("يرجى من المراسل إرسال الصور"), or an imperative ("من فضلك أضف ...");
        # "يجب على الحكومة ..." and "يجب أن ..." name who must act: a demand in the story
        if k >= n or ws[k] in _NOT_TO_US:
            return False
        act = next((i for i in range(k, min(k + 3, n)) if any_in(ws[i:i + 1], lx.NOTE_ACTIONS)), None)
        if act is None and _starts(ws, k, lx.NOTE_ORDERS | lx.NOTE_ORDERS_OBJECT):
            act = k
        return act is not None and _about_story(ws, act + 1) and not _to_reader(ws)
    k = _starts(ws, 0, lx.NOTE_NEEDS)
    if k and n <= _NEED_WORDS:
        return _about_story(ws, k) and not _to_reader(ws)
    i = 1 if ws[0] in _THIS else 0  # "هذه الفقرة للمراجعة"
    # not after a conjunction ("وتفاصيل الحفل تُضاف لاحقاً" goes on a story), nor breaking news' "التفاصيل لاحقاً"
    if n <= _STATUS_WORDS and _element_at(ws, i) and not ws[i].startswith("و") and ws[i] not in _DETAILS:
        return _has_phrase(ws, lx.NOTE_STATUS, i + 1)
    return False


def _line_notes(view: TextView) -> Iterator[tuple[str, int, int]]:
    """Unbracketed notes to a colleague, each a sentence of its own: "أضف تصريح الوزارة قبل النشر", "يجب التأكد
    من الاسم", "بانتظار رد الشركة", "الرقم غير مؤكد", "للمحرر: ...". A quoted sentence is news; in a how-to (two
    sentences or more opening with its imperatives, اضغط، اختر) an imperative line is a step, not a note."""
    nt, text = view.norm, view.text
    lines, howto = [], 0
    astral = view.astral
    lead_re, word_re = _LEAD_RE.for_astral(astral), _WORD.for_astral(astral)
    for m in _SENTENCE_RE.for_astral(astral).finditer(nt):
        start = lead_re.match(nt, m.start(), m.end()).end()
        first = word_re.match(nt, start, m.end())
        if first is None:
            continue
        howto += first.group() in lx.NOTE_HOWTO
        if first.group() in _OPENERS or any_in([first.group()], lx.NOTE_ELEMENTS):
            lines.append((start, list(word_re.finditer(nt, start, m.end()))))
    howto = howto >= 2
    quotes = None
    for start, found in lines:
        ws = [w.group() for w in found]
        k = _starts(ws, 0, lx.NOTE_LABELS)
        labelled = k and k < len(ws) and _LABEL_END_RE.match(nt, found[k - 1].end()) is not None
        if not labelled:
            # "تنبيه: ..." also heads a notice to readers: what follows the label must read as a note
            k = _starts(ws, 0, lx.NOTE_SOFT_LABELS)
            k = k if k and k < len(ws) and _LABEL_END_RE.match(nt, found[k - 1].end()) else 0
            if found[0].start() != start or not _note_line(ws[k:], howto):
                continue  # a note opens its sentence with a word (not a quotation mark or a number)
        s, e = _orig(view, start, found[-1].end())
        quotes = quotes if quotes is not None else view.quotations
        if quotes.inside(s):
            continue
        yield NOTE_RULE, s, _to_sentence_end(text, e, colon=False)


def _note_body_instructs(rest: str) -> bool:
    ws = words(rest)
    en = {w.lower() for w in ws}
    return (
        any_in(ws, lx.INSTRUCTION_VERBS | lx.INSTRUCTION_NOUNS)
        or "المحرر" in ws
        or bool(en & (lx.EN_STRONG | {"editor", "editors"}))
    )


def dummy_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    """Each sentence with dummy text; consecutive ones (only spaces or punctuation between) make one stretch."""
    text, spans = view.text, []
    present = present_runs(view)
    for pat in (_DUMMY, _DUMMY_PHRASES):
        for m in pat.finditer(view.norm, present):
            s, e = _orig(view, m.start(), m.end())
            spans.append((sentence_start(text, s), _to_sentence_end(text, e)))
    spans.sort()
    stretch: tuple[int, int] | None = None
    for s, e in spans:
        if stretch is not None and (s <= stretch[1] or _GAP_RE.fullmatch(text, stretch[1], s)):
            stretch = (stretch[0], max(stretch[1], e))
            continue
        if stretch is not None:
            yield DUMMY_RULE, *stretch
        stretch = (s, e)
    if stretch is not None:
        yield DUMMY_RULE, *stretch


_GAP_RE = regex.compile(r"[\s\p{P}]*")


def _name_start(nt: str, pos: int) -> bool:
    """A match starts a word, possibly after one proclitic letter (وفلان، لفلان)."""
    if pos == 0 or not nt[pos - 1].isalnum():
        return True
    return nt[pos - 1] in CLITIC_LETTERS and (pos == 1 or not nt[pos - 2].isalnum())


def name_hits(view: TextView) -> Iterator[tuple[str, int, int]]:
    nt = view.norm
    idioms = [(m.start(), m.end()) for m in _NAME_IDIOM.finditer(nt)] if "علان" in nt else []
    for m in _NAME.finditer(nt, present_runs(view)):
        if not _name_start(nt, m.start()) or any(s <= m.start() < e for s, e in idioms):
            continue
        yield NAME_RULE, *_orig(view, m.start(), m.end())


def _reported(view: TextView, quotes: Quotations, s: int) -> bool:
    """A chatbot phrase that is quoted or reported ("قال النموذج: ...") is part of the story."""
    if quotes.inside(s):
        return True
    prefix = view.text[sentence_start(view.text, s):s]
    return any_in(words(prefix), _REPORTING)


def ai_hits(view: TextView, quotes: Quotations) -> Iterator[tuple[str, int, int]]:
    nt, present = view.norm, present_runs(view)
    for pat in _AI_GATE.live(present):
        for m in pat.finditer(nt, present):
            if m.end() == m.start() or (pat.anchored and not _at_sentence_start(nt, m.start())):
                continue
            if not _name_start(nt, m.start()):
                continue  # inside a word (one proclitic letter is allowed: "لآخر تحديث لمعلوماتي")
            s, e = _orig(view, m.start(), m.end())
            if not _reported(view, quotes, s):
                yield AI_RULE, sentence_start(view.text, s) if pat.sentence else s, _to_sentence_end(view.text, e)


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
