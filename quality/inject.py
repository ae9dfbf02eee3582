"""Inject one defect into a real article: ``INJECTORS[kind](title, body, rng, items)`` returns
``(title, body, defect)`` or ``None`` when the article offers no place for that kind.

``defect`` is a label in the format of ``../shared/corpus/dev/labels.json``; ``items`` is the part of the
kind's templates (see ``templates.py``) the current split may use. Pure functions of their arguments.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from . import templates as T

Injection = tuple[str, str, dict]

# a sentence: up to . ! ؟ (a dot between digits is a decimal point) or the end of the line
_SENT = re.compile(r"(?:[^\n.!؟]|(?<=\d)\.(?=\d))+(?:[.!؟]+|(?=\n)|$)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_NUM = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d.,]*\d)")
_AR = r"[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\w]"


def _inside_quote(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a quotation opened earlier on the same line."""
    seg = text[text.rfind("\n", 0, at) + 1:at]
    return seg.count('"') % 2 == 1 or seg.count("«") > seg.count("»")


def sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in the body, leading spaces excluded. A full stop inside a quotation does not
    end the sentence, so nothing is ever inserted inside a quote."""
    out, start = [], None
    for m in _SENT.finditer(body):
        s, e = m.start(), m.end()
        start = s if start is None else start
        if e < len(body) and body[e] != "\n" and _inside_quote(body, e):
            continue
        s, start = start, None
        while s < e and body[s].isspace():
            s += 1
        if e - s >= 2:
            out.append((s, e))
    return out


def paragraphs(body: str) -> list[tuple[int, int]]:
    out, i = [], 0
    for line in body.split("\n"):
        if line.strip():
            out.append((i, i + len(line)))
        i += len(line) + 1
    return out


def words_of(text: str) -> int:
    return len(text.split())


def _insert(text: str, at: int, piece: str) -> str:
    return text[:at] + piece + text[at:]


def _word(word: str, prefixes: str = "وبلف") -> re.Pattern:
    """A whole word, optionally with one proclitic letter, not inside a longer word."""
    pre = f"[{prefixes}]?" if prefixes else ""
    return re.compile(rf"(?<!{_AR})(?P<pre>{pre})(?P<w>{re.escape(word)})(?!{_AR})")


def _find_word(text: str, word: str, prefixes: str = "وبلف") -> re.Match | None:
    return _word(word, prefixes).search(text)


def _word_starts(sentence: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<=\s)\S", sentence)]


def _label(check: str, kind: str, **kw) -> dict:
    d = {"check": check, "kind": kind}
    d.update(kw)
    d["difficulty"] = "injected"
    return d


# --- placeholders ---------------------------------------------------------------------------------------------

def _put_in_sentence(body: str, rng: random.Random, piece: str, replace_word: bool = False) -> str | None:
    sents = [s for s in sentences(body) if words_of(body[s[0]:s[1]]) >= 5]
    if not sents:
        return None
    s, e = rng.choice(sents)
    starts = [s + i for i in _word_starts(body[s:e])[1:] if not _inside_quote(body, s + i)]
    if not starts:
        return None
    at = rng.choice(starts)
    if replace_word:
        m = re.match(r"\S+", body[at:])
        word = m.group(0) if m else ""
        if len(word) >= 3 and not re.search(r"[.!؟،:\"«»()]", word):
            return body[:at] + piece + body[at + len(word):]
    return _insert(body, at, piece + " ")


def after_sentence(body: str, rng: random.Random, piece: str) -> str | None:
    sents = sentences(body)
    if not sents:
        return None
    _, e = rng.choice(sents)
    return _insert(body, e, " " + piece)


def as_paragraph(body: str, rng: random.Random, piece: str, where: str = "any") -> str:
    paras = paragraphs(body)
    if where == "start" or not paras:
        return piece + "\n" + body
    if where == "end":
        return body + "\n" + piece
    _, e = rng.choice(paras)
    return _insert(body, e, "\n" + piece)


def inject_bracketed(title, body, rng, items):
    piece = rng.choice(items)
    if rng.random() < 0.15:
        return title + " " + piece, body, _label("placeholder", "bracketed_instruction", field="title", text=piece)
    new = _put_in_sentence(body, rng, piece, replace_word=rng.random() < 0.4)
    return new and (title, new, _label("placeholder", "bracketed_instruction", field="body", text=piece))


def inject_template_variable(title, body, rng, items):
    piece = rng.choice(items)
    if rng.random() < 0.15:
        words = title.split()
        if len(words) >= 3:
            i = rng.randrange(1, len(words))
            words[i] = piece
            return " ".join(words), body, _label("placeholder", "template_variable", field="title", text=piece)
    new = _put_in_sentence(body, rng, piece, replace_word=rng.random() < 0.7)
    return new and (title, new, _label("placeholder", "template_variable", field="body", text=piece))


def inject_filler(title, body, rng, items):
    piece = rng.choice(items)
    nums = [m for m in _NUM.finditer(body)]
    if nums and rng.random() < 0.7:
        m = rng.choice(nums)
        new = body[:m.start()] + piece + body[m.end():]
    else:
        new = _put_in_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "filler_marker", field="body", text=piece))


def inject_editor_note(title, body, rng, items):
    piece = rng.choice(items)
    if piece.startswith("("):
        new = after_sentence(body, rng, piece) if rng.random() < 0.5 else _put_in_sentence(body, rng, piece)
    elif rng.random() < 0.5:
        new = as_paragraph(body, rng, piece)
    else:
        new = after_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "editor_note", field="body", text=piece))


_FIRST_ANY = sorted(T.FIRST_NAMES["m"] + T.FIRST_NAMES["f"], key=len, reverse=True)
_FULL_NAME = re.compile(rf"(?<!{_AR})(?:{'|'.join(map(re.escape, _FIRST_ANY))}) {_AR}{{3,}}")


def inject_placeholder_name(title, body, rng, items):
    name = rng.choice(items)
    found = list(_FULL_NAME.finditer(body))
    if found and rng.random() < 0.5:
        m = rng.choice(found)
        new = body[:m.start()] + name + body[m.end():]
    else:
        new = after_sentence(body, rng, rng.choice(T.NAME_FRAMES).format(name))
    return new and (title, new, _label("placeholder", "placeholder_name", field="body", text=name))


def inject_ai_leftover(title, body, rng, items):
    piece = rng.choice(items)
    where = "start" if piece.endswith(":") else "end"
    return title, as_paragraph(body, rng, piece, where), _label("placeholder", "ai_leftover", field="body", text=piece)


def inject_cutoff(title, body, rng, items):
    piece = rng.choice(items)
    new = after_sentence(body, rng, piece) if rng.random() < 0.5 else as_paragraph(body, rng, piece, "end")
    return new and (title, new, _label("placeholder", "knowledge_cutoff", field="body", text=piece))


def inject_dummy(title, body, rng, items):
    piece = rng.choice(items)
    if rng.random() < 0.4:
        piece = piece + " " + rng.choice([t for t in items if t != piece] or [piece])
    new = as_paragraph(body, rng, piece) if rng.random() < 0.6 else after_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "dummy_text", field="body", text=piece))


# --- repetition -----------------------------------------------------------------------------------------------

PLACEMENTS = ["next", "later", "end", "other_paragraph"]


def _copy_place(body: str, rng: random.Random, after: int, how: str) -> int | None:
    """Where a copy of something ending at ``after`` goes."""
    later = [e for _, e in sentences(body) if e > after]
    paras = [e for _, e in paragraphs(body) if e > after]
    if how == "next":
        return later[0] if later else None
    if how == "later":
        return later[min(len(later) - 1, 1 + rng.randrange(3))] if len(later) >= 2 else None
    if how == "other_paragraph":
        return paras[1] if len(paras) >= 2 else None
    return len(body) if later else None


def inject_dup_sentence(title, body, rng, items):
    sents = [s for s in sentences(body) if 6 <= words_of(body[s[0]:s[1]]) <= 45]
    if not sents:
        return None
    s, e = rng.choice(sents)
    text = body[s:e]
    at = _copy_place(body, rng, e, rng.choice(items))
    if at is None:
        return None
    return title, _insert(body, at, " " + text), _label("repetition", "duplicated_sentence", field="body", text=text)


def inject_dup_paragraph(title, body, rng, items):
    paras = paragraphs(body)
    if len(paras) < 2:
        return None
    cands = [p for p in paras if 8 <= words_of(body[p[0]:p[1]]) <= 120]
    if not cands:
        return None
    s, e = rng.choice(cands)
    text = body[s:e]
    how = rng.choice(items)
    later = [pe for _, pe in paras if pe > e]
    at = (later[0] if how == "next" else later[-1]) if later else len(body)
    return title, _insert(body, at, "\n" + text), _label("repetition", "duplicated_paragraph", field="body", text=text)


def inject_near_dup(title, body, rng, items):
    table = dict(items)
    cands = []
    for s, e in sentences(body):
        sent = body[s:e]
        if not 7 <= words_of(sent) <= 40:
            continue
        n = sum(1 for w in sent.split() if w in table)
        if n >= 2:
            cands.append((s, e))
    if not cands:
        return None
    s, e = rng.choice(cands)
    sent = body[s:e]
    out, changed = [], 0
    for w in sent.split(" "):
        if w in table and changed < 4:
            out.append(table[w])
            changed += 1
        else:
            out.append(w)
    text = " ".join(out)
    if text.startswith("و") and rng.random() < 0.5:
        text = "كما " + text[1:]
    at = _copy_place(body, rng, e, rng.choice(["next", "later", "end"]))
    if at is None:
        return None
    return title, _insert(body, at, " " + text), _label(
        "repetition", "near_duplicate_sentence", field="body", text=text, duplicate_of=sent)


_YEAR = re.compile(r"^(19|20)\d\d$")


def inject_restated(title, body, rng, items):
    cands = []
    for s, e in sentences(body):
        sent = body[s:e]
        for m in re.finditer(rf"(?<![\d.,])(\d+(?:[.,]\d+)?) ({_AR}{{3,}})", sent):
            if not _YEAR.match(m.group(1)) and words_of(sent) <= 45:
                cands.append((s, e, m.group(1), m.group(2)))
    if not cands:
        return None
    s, e, n, w = rng.choice(cands)
    text = rng.choice(items).format(n=n, w=w)
    at = e if rng.random() < 0.6 else _copy_place(body, rng, e, "next")
    if at is None:
        at = e
    return title, _insert(body, at, " " + text), _label(
        "repetition", "restated_fact", field="body", text=text, duplicate_of=body[s:e])


def inject_opener(title, body, rng, items):
    core = rng.choice(items)
    sents = sentences(body)
    if len(sents) < 2:
        return None
    conjs = rng.sample(T.OPENER_CONJ, 3)
    tails = rng.sample(T.OPENER_TAILS, 3)
    ends = sorted(rng.sample([e for _, e in sents], min(3, len(sents))))
    while len(ends) < 3:
        ends.append(ends[-1])
    new = body
    for at, conj, tail in sorted(zip(ends, conjs, tails), reverse=True):
        if core.startswith("قال"):
            tail = "إن" + tail[2:]
        new = _insert(new, at, f" {conj}{core} {tail}")
    return title, new, _label("repetition", "repeated_opener", field="body", text=core)


def inject_overused(title, body, rng, items):
    phrase = rng.choice(items)
    spots = [m.start() for m in re.finditer(r"(?<=\S)(?=[.،؛!؟](?:\s|$))", body) if not _inside_quote(body, m.start())]
    if len(spots) < 5:
        return None
    new = body
    for at in sorted(rng.sample(spots, 5), reverse=True):
        new = _insert(new, at, " " + phrase)
    return title, new, _label("repetition", "overused_phrase", field="body", text=phrase)


# --- consistency ----------------------------------------------------------------------------------------------

_ONES = {1: "واحد", 2: "اثنان", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة",
         10: "عشرة"}
NUMBER_TRANSFORMS = ["plus", "digit", "times", "eastern", "words"]


def _other_number(n: str, how: str, rng: random.Random) -> str | None:
    if not n.isdigit():
        return None
    v = int(n)
    if how == "plus":
        return str(v + rng.choice([1, 2, 3, 5, 10]) * rng.choice([1, -1] if v > 10 else [1]))
    if how == "digit":
        i = rng.randrange(len(n))
        d = rng.choice([c for c in "123456789" if c != n[i]])
        return n[:i] + d + n[i + 1:]
    if how == "times":
        return str(v * 10) if v < 100000 else str(v // 10)
    if how == "eastern":
        other = str(v + rng.choice([1, 2, 4]))
        return other.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    if how == "words" and 1 <= v <= 10:
        return _ONES[rng.choice([k for k in _ONES if k != v and k > 2])]
    return None


def with_next_word(text: str, end: int) -> int:
    m = re.match(rf" {_AR}+", text[end:])
    return end + (m.end() if m else 0)


def inject_number(title, body, rng, items):
    cands = []
    for m in _NUM.finditer(title):
        n = m.group(0)
        if _YEAR.match(n):
            continue
        bm = re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d.,]*\d)", body)
        if bm:
            cands.append((m, bm))
    if not cands:
        return None
    m, bm = rng.choice(cands)
    other = _other_number(m.group(0), rng.choice(items), rng)
    if other is None:
        return None
    new = title[:m.start()] + other + title[m.end():]
    tt = new[m.start():with_next_word(new, m.start() + len(other))]
    bt = body[bm.start():with_next_word(body, bm.end())]
    return new, body, _label("consistency", "number_mismatch", title_text=tt, body_text=bt)


def inject_count(title, body, rng, items):
    sents = sentences(body)
    if not sents:
        return None
    frame_t, frame_b = rng.choice(items)
    _sing, dual, plural, gender, pool = rng.choice(T.COUNT_ITEMS)
    k = rng.choice([2, 3, 3, 4, 5])
    m = rng.choice([c for c in (2, 3, 4, 5, 6) if c != k])
    listed = rng.sample(pool, min(k, len(pool)))
    k = len(listed)
    if m == k:
        return None
    count = dual if m == 2 else f"{T.COUNT_WORDS[m][0 if gender == 'f' else 1]} {plural}"
    if k > 2 and rng.random() < 0.5:
        listing = "، ".join(listed[:-1]) + " و" + listed[-1]
    else:
        listing = " و".join(listed)
    piece_t = frame_t.format(count)
    new_title = title + " " + piece_t
    new_body = _insert(body, sents[0][1], " " + frame_b.format(listing))
    return new_title, new_body, _label("consistency", "count_mismatch", title_text=count, body_text=listing)


def _name_pattern(names: Sequence[str]) -> re.Pattern:
    alts = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<!{_AR})(?P<first>{alts}) (?P<last>{_AR}{{3,}})")


_NAME_RE = {g: _name_pattern(ns) for g, ns in T.FIRST_NAMES.items()}


def inject_person(title, body, rng, items):
    # items: first names of the split (either gender); the replacement keeps the gender of the title's name
    cands = []
    for g, pat in _NAME_RE.items():
        for m in pat.finditer(title):
            if m.group(0) in body:
                cands.append((g, m))
    if not cands:
        return None
    g, m = rng.choice(cands)
    pool = [n for n in items if n in T.FIRST_NAMES[g] and n != m.group("first")
            and n.removeprefix("ال") != m.group("first").removeprefix("ال")]
    if not pool:
        return None
    other = rng.choice(pool)
    new = title[:m.start("first")] + other + title[m.end("first"):]
    tt = f"{other} {m.group('last')}"
    return new, body, _label("consistency", "person_name_mismatch", title_text=tt, body_text=m.group(0))


def _swap_in_title(title, body, rng, groups: dict[str, list[str]], allowed: set[str], kind: str, prefixes="وبلف"):
    cands = []
    for group, names in groups.items():
        for name in names:
            mt = _find_word(title, name, prefixes)
            if mt and _find_word(body, name, prefixes):
                cands.append((group, name, mt))
    if not cands:
        return None
    group, name, mt = rng.choice(cands)
    pool = [n for n in groups[group] if n in allowed and n != name and not _find_word(body, n, prefixes)]
    if not pool:
        return None
    other = rng.choice(pool)
    new = title[:mt.start("w")] + other + title[mt.end("w"):]
    bm = _find_word(body, name, prefixes)
    return new, body, _label("consistency", kind, title_text=other, body_text=bm.group("w"))


def inject_place(title, body, rng, items):
    return _swap_in_title(title, body, rng, T.CITIES, set(items), "place_mismatch")


def inject_entity(title, body, rng, items):
    return _swap_in_title(title, body, rng, T.ENTITIES, set(items), "entity_swap")


_DAYS = T.WEEKDAYS + ["الاثنين"]


def inject_weekday(title, body, rng, items):
    in_body = [d for d in _DAYS if _find_word(body, d)]
    if not in_body:
        return None
    said = rng.choice(in_body)
    named = {d.replace("الاثنين", "الإثنين") for d in in_body}
    other = rng.choice([d for d in T.WEEKDAYS if d not in named])
    bm = _find_word(body, said)
    in_title = [d for d in _DAYS if _find_word(title, d)]
    if in_title:
        tm = _find_word(title, in_title[0])
        new = title[:tm.start("w")] + other + title[tm.end("w"):]
        tt = other
    else:
        tt = rng.choice(items).format(other)
        new = title + " " + tt
    return new, body, _label("consistency", "date_mismatch", title_text=tt, body_text=bm.group("w"))


_MATCH_WORDS = re.compile(r"مباراة|المباراة|مقابلة|المقابلة|اللقاء|الفريق|البطولة|الدوري|الملعب|المدرب")


def inject_score(title, body, rng, items):
    sents = sentences(body)
    if not sents or not _MATCH_WORDS.search(body):  # a score only in a story about a match
        return None
    frame_t, frame_b = rng.choice(items)
    h, a, words = rng.choice(T.SCORE_WORDS)
    digits = rng.choice([(x, y) for x, y, _ in T.SCORE_WORDS if (x, y) != (h, a)])
    dig = f"{digits[0]}-{digits[1]}"
    at = sents[min(1, len(sents) - 1)][1]
    if rng.random() < 0.5:  # digits in the title, words in the body
        tt, bt = dig, words
        new_title = title + " " + frame_t.format(dig)
        new_body = _insert(body, at, " " + frame_b.format(words))
    else:  # words in the title, digits in the body
        tt, bt = words, dig
        new_title = title + " " + words
        new_body = _insert(body, at, " " + frame_b.format("بنتيجة " + dig))
    return new_title, new_body, _label("consistency", "score_mismatch", title_text=tt, body_text=bt)


def inject_polarity(title, body, rng, items):
    cands = [(w, o) for w, o in items if _find_word(title, w, "و")]
    if not cands:
        return None
    w, o = rng.choice(cands)
    mt = _find_word(title, w, "و")
    new = title[:mt.start("w")] + o + title[mt.end("w"):]
    bm = _find_word(body, w)
    return new, body, _label("consistency", "polarity_mismatch", title_text=o, body_text=bm.group("w") if bm else "")


def inject_negation(title, body, rng, items):
    cands = [w for w in items if _find_word(title, w, "")]
    if not cands:
        return None
    w = rng.choice(cands)
    neg = rng.choice(T.NEG_VERB_WORDS if w in T.NEG_VERBS else T.NEG_NOUN_WORDS)
    mt = _find_word(title, w, "")
    new = title[:mt.start("w")] + neg + " " + title[mt.start("w"):]
    bm = _find_word(body, w)
    return new, body, _label("consistency", "negation", title_text=f"{neg} {w}", body_text=bm.group("w") if bm else "")


def inject_gender(title, body, rng, items):
    cands = []
    for masc, fem in items:
        for a, b in ((masc, fem), (fem, masc)):
            mt = _find_word(title, a, "و")
            if mt and _find_word(body, a, "و") and not _find_word(body, b, "و"):
                cands.append((a, b, mt))
    if not cands:
        return None
    a, b, mt = rng.choice(cands)
    new = title[:mt.start("w")] + b + title[mt.end("w"):]
    bm = _find_word(body, a, "و")
    return new, body, _label("consistency", "gender_mismatch", title_text=b, body_text=bm.group("w"))


def inject_topic_clause(title, body, rng, items):
    clause = rng.choice(items)
    words = [w for w in clause.split() if len(w) >= 4]
    if any(w.removeprefix("و") in body for w in words):  # the body must not report it in any form we can see
        return None
    sep = rng.choice([" ", "، ", " .. "])
    return title + sep + clause, body, _label("consistency", "topic_clause", title_text=clause, body_text="")


# kind -> (family, templates, injector); count and score templates are (title frame, body frame) pairs
Injector = Callable[[str, str, random.Random, Sequence], Injection | None]
KINDS: dict[str, tuple[str, Sequence, Injector]] = {
    "bracketed_instruction": ("placeholder", T.BRACKETED, inject_bracketed),
    "template_variable": ("placeholder", T.TEMPLATE_VARS, inject_template_variable),
    "filler_marker": ("placeholder", T.FILLER_MARKERS, inject_filler),
    "editor_note": ("placeholder", T.EDITOR_NOTES, inject_editor_note),
    "placeholder_name": ("placeholder", T.PLACEHOLDER_NAMES, inject_placeholder_name),
    "ai_leftover": ("placeholder", T.AI_LEFTOVERS, inject_ai_leftover),
    "knowledge_cutoff": ("placeholder", T.KNOWLEDGE_CUTOFF, inject_cutoff),
    "dummy_text": ("placeholder", T.DUMMY_TEXT, inject_dummy),
    "duplicated_sentence": ("repetition", PLACEMENTS, inject_dup_sentence),
    "duplicated_paragraph": ("repetition", ["next", "end"], inject_dup_paragraph),
    "near_duplicate_sentence": ("repetition", T.SYNONYMS, inject_near_dup),
    "restated_fact": ("repetition", T.RESTATE, inject_restated),
    "repeated_opener": ("repetition", T.OPENERS, inject_opener),
    "overused_phrase": ("repetition", T.OVERUSED, inject_overused),
    "number_mismatch": ("consistency", NUMBER_TRANSFORMS, inject_number),
    "count_mismatch": ("consistency", list(zip(T.COUNT_TITLE_FRAMES, T.COUNT_BODY_FRAMES, strict=True)),
                       inject_count),
    "person_name_mismatch": ("consistency", T.FIRST_NAMES["m"] + T.FIRST_NAMES["f"], inject_person),
    "place_mismatch": ("consistency", [c for cs in T.CITIES.values() for c in cs], inject_place),
    "date_mismatch": ("consistency", T.WEEKDAY_FRAMES, inject_weekday),
    "score_mismatch": ("consistency", list(zip(T.SCORE_TITLE_FRAMES, T.SCORE_BODY_FRAMES, strict=True)),
                       inject_score),
    "polarity_mismatch": ("consistency", T.POLARITY, inject_polarity),
    "negation": ("consistency", T.NEG_VERBS + T.NEG_NOUNS, inject_negation),
    "entity_swap": ("consistency", [e for es in T.ENTITIES.values() for e in es], inject_entity),
    "gender_mismatch": ("consistency", T.ROLES, inject_gender),
    "topic_clause": ("consistency", T.TOPIC_CLAUSES, inject_topic_clause),
}
