"""Blind injectors: ``KINDS[kind] = (family, label kind, injector)`` and ``LOOKALIKES[name] = (family not to
flag, injector)``.

An injector is ``f(title, body, rng) -> (title, body, label) | None`` (None: the article offers no place for that
kind). A defect label is in the format of ``../shared/corpus/dev/labels.json`` with the dev set's kind vocabulary;
a look-alike label is a trap (``{"not", "field", "text", "why"}``). The text placement helpers are the harness's
own (``quality/inject.py``); the wordings are this folder's (``templates.py``). Pure functions of their
arguments.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from .. import inject as base
from . import templates as T

Injected = tuple[str, str, dict]
_AR, _NUM, _YEAR = base._AR, base._NUM, base._YEAR

sentences, paragraphs, words_of = base.sentences, base.paragraphs, base.words_of
_insert, _find_word = base._insert, base._find_word
after_sentence, as_paragraph, with_next_word = base.after_sentence, base.as_paragraph, base.with_next_word


def _label(check: str, kind: str, **kw) -> dict:
    return {"check": check, "kind": kind, **kw, "difficulty": "medium"}


def _trap(family: str, field: str, text: str, why: str) -> dict:
    return {"not": family, "field": field, "text": text, "why": why}


def _unquoted_sentences(body: str) -> list[tuple[int, int]]:
    """Sentences with no quotation mark at all: real copy often leaves a quote unclosed, so a sentence with any
    quotation mark is never written into (a leftover inside a quotation is not the writer's)."""
    return [(s, e) for s, e in sentences(body) if not re.search(r'["«»“”]', body[s:e])]


def _inside_sentence(body: str, rng: random.Random, piece: str) -> str | None:
    """``piece`` after a word in the middle of a sentence of five words or more, never inside a quotation."""
    cands = []
    for s, e in _unquoted_sentences(body):
        if words_of(body[s:e]) < 5:
            continue
        for m in re.finditer(r"(?<=\S) (?=\S)", body[s:e]):
            at = s + m.start()
            if not base._inside_quote(body, at) and body[at - 1] not in "،:«\"":
                cands.append(at)
    if not cands:
        return None
    return _insert(body, rng.choice(cands), " " + piece)


# --- placeholders ---------------------------------------------------------------------------------------------

def bracket_note(title, body, rng):
    piece = rng.choice(T.BRACKET_NOTES)
    if rng.random() < 0.2:
        return title + " " + piece, body, _label("placeholder", "bracketed_instruction", field="title", text=piece)
    new = _inside_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "bracketed_instruction", field="body", text=piece))


def placeholder_name(title, body, rng):
    name = rng.choice(T.PLACEHOLDER_NAMES)
    new = after_sentence(body, rng, rng.choice(T.PLACEHOLDER_NAME_FRAMES).format(name))
    return new and (title, new, _label("placeholder", "placeholder_name", field="body", text=name))


def filler(title, body, rng):
    piece = rng.choice(T.FILLERS)
    plain = _unquoted_sentences(body)
    nums = [m for m in _NUM.finditer(body) if any(s <= m.start() < e for s, e in plain)]
    if piece in T.FILLERS_FOR_VALUES and not nums:
        return None
    if nums and (piece in T.FILLERS_FOR_VALUES or rng.random() < 0.6):
        m = rng.choice(nums)
        new = body[:m.start()] + piece + body[m.end():]
    else:
        new = _inside_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "filler_marker", field="body", text=piece))


def template_variable(title, body, rng):
    piece = rng.choice(T.TEMPLATE_VARS)
    new = _inside_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "template_variable", field="body", text=piece))


def chatbot_preamble(title, body, rng):
    piece = rng.choice(T.CHATBOT_OPENINGS)
    return title, as_paragraph(body, rng, piece, "start"), _label("placeholder", "ai_leftover", field="body",
                                                                     text=piece)


def chatbot_closing(title, body, rng):
    piece = rng.choice(T.CHATBOT_CLOSINGS)
    return title, as_paragraph(body, rng, piece, "end"), _label("placeholder", "ai_leftover", field="body",
                                                                   text=piece)


def knowledge_cutoff(title, body, rng):
    piece = rng.choice(T.KNOWLEDGE_CUTOFF)
    new = after_sentence(body, rng, piece) if rng.random() < 0.5 else as_paragraph(body, rng, piece, "end")
    return new and (title, new, _label("placeholder", "ai_leftover", field="body", text=piece))


def dummy_text(title, body, rng):
    picked = rng.sample(T.DUMMY_TEXT, rng.choice([1, 2, 3]))
    piece = " ".join(picked)
    return title, as_paragraph(body, rng, piece), _label("placeholder", "dummy_text", field="body", text=piece)


def round_note(title, body, rng):
    piece = rng.choice(T.ROUND_NOTES)
    new = after_sentence(body, rng, piece) if rng.random() < 0.5 else _inside_sentence(body, rng, piece)
    return new and (title, new, _label("placeholder", "editor_note", field="body", text=piece))


def editor_line(title, body, rng):
    piece = rng.choice(T.EDITOR_LINES)
    return title, as_paragraph(body, rng, piece), _label("placeholder", "editor_note", field="body", text=piece)


# --- repetition -----------------------------------------------------------------------------------------------

def _later_end(body: str, rng: random.Random, after: int) -> int | None:
    later = [e for _, e in sentences(body) if e > after]
    return rng.choice(later) if later else None


def duplicated_sentence(title, body, rng):
    sents = [s for s in sentences(body) if 7 <= words_of(body[s[0]:s[1]]) <= 40]
    if not sents:
        return None
    s, e = rng.choice(sents)
    at = _later_end(body, rng, e)
    if at is None:
        return None
    text = body[s:e]
    return title, _insert(body, at, " " + text), _label("repetition", "duplicated_sentence", field="body", text=text)


def _reword(text: str, rng: random.Random, limit: int) -> tuple[str, int]:
    out, changed = [], 0
    for tok in text.split(" "):
        core = tok.rstrip("،.؛:!؟")
        tail = tok[len(core):]
        pre = ""
        if core not in T.SYNONYMS and core[:1] in "وف" and core[1:] in T.SYNONYMS:
            pre, core = core[0], core[1:]
        if core in T.SYNONYMS and changed < limit:
            out.append(pre + T.SYNONYMS[core] + tail)
            changed += 1
        else:
            out.append(tok)
    return " ".join(out), changed


def near_duplicate(title, body, rng):
    cands = []
    for s, e in sentences(body):
        sent = body[s:e]
        if 8 <= words_of(sent) <= 40 and _reword(sent, rng, 9)[1] >= 2:
            cands.append((s, e))
    if not cands:
        return None
    s, e = rng.choice(cands)
    sent = body[s:e]
    text, _n = _reword(sent, rng, rng.choice([2, 3, 4]))
    conn = rng.choice(T.CONNECTORS)
    if conn:
        text = conn + (text[1:] if text.startswith("و") and conn.endswith(" ") else text)
    at = _later_end(body, rng, e)
    if at is None:
        return None
    return title, _insert(body, at, " " + text), _label("repetition", "near_duplicate_sentence", field="body",
                                                        text=text, duplicate_of=sent)


def restated_figure(title, body, rng):
    cands = []
    for s, e in sentences(body):
        for m in re.finditer(rf"(?<![\d.,])(\d+(?:[.,]\d+)?) ([\u0621-\u064a]{_AR}{{2,}})", body[s:e]):
            if not _YEAR.match(m.group(1)) and words_of(body[s:e]) <= 45:
                cands.append((s, e, m.group(1), m.group(2)))
    if not cands:
        return None
    s, e, n, w = rng.choice(cands)
    text = rng.choice(T.RESTATE_FRAMES).format(n=n, w=w)
    at = e if rng.random() < 0.5 else (_later_end(body, rng, e) or e)
    return title, _insert(body, at, " " + text), _label("repetition", "restated_fact", field="body", text=text,
                                                        duplicate_of=body[s:e])


def opener_conjunctions(title, body, rng):
    sents = sentences(body)
    if len(sents) < 3:
        return None
    core = rng.choice(T.OPENERS)
    conjs = rng.sample(T.OPENER_CONJUNCTIONS, 3)
    tails = rng.sample(T.OPENER_TAILS, 3)
    ends = sorted(rng.sample([e for _, e in sents], 3), reverse=True)
    new = body
    for at, conj, tail in zip(ends, conjs, tails, strict=True):
        new = _insert(new, at, f" {conj}{core} {tail}")
    return title, new, _label("repetition", "repeated_opener", field="body", text=core)


def overused_phrase(title, body, rng):
    if words_of(body) < 150:  # a long piece only
        return None
    phrase = rng.choice(T.OVERUSED)
    if phrase in body:
        return None
    spots = [m.start() for m in re.finditer(r"(?<=\S)(?=[.،؛](?:\s|$))", body)
             if not base._inside_quote(body, m.start())]
    if len(spots) < 5:
        return None
    new = body
    for at in sorted(rng.sample(spots, 5), reverse=True):
        new = _insert(new, at, "، " + phrase)
    return title, new, _label("repetition", "overused_phrase", field="body", text=phrase)


def duplicated_paragraph(title, body, rng):
    paras = [p for p in paragraphs(body) if 10 <= words_of(body[p[0]:p[1]]) <= 110]
    if len(paragraphs(body)) < 2 or not paras:
        return None
    s, e = rng.choice(paras)
    text = body[s:e]
    return title, body + "\n" + text, _label("repetition", "duplicated_paragraph", field="body", text=text)


def restated_paragraph(title, body, rng):
    cands = [p for p in paragraphs(body) if 15 <= words_of(body[p[0]:p[1]]) <= 90
             and _reword(body[p[0]:p[1]], rng, 99)[1] >= 3]
    if len(paragraphs(body)) < 2 or not cands:
        return None
    s, e = rng.choice(cands)
    para = body[s:e]
    text, _n = _reword(para, rng, 6)
    text = rng.choice(["وبعبارة أخرى، ", "وخلاصة القول، ", "ومرة أخرى، "]) + text
    return title, body + "\n" + text, _label("repetition", "near_duplicate_sentence", field="body", text=text,
                                             duplicate_of=para)


# --- consistency ----------------------------------------------------------------------------------------------

def _changed_number(n: str, rng: random.Random) -> str | None:
    if not n.isdigit():
        return None
    v = int(n)
    how = rng.choice(["off", "swap", "zero", "indic", "words"])
    if how == "swap" and len(n) >= 2 and n[0] != n[1]:
        return n[1] + n[0] + n[2:]
    if how == "zero":
        return n + "0" if v < 10000 else n[:-1]
    if how == "indic":
        return str(v + rng.choice([2, 3, 7])).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    if how == "words" and 3 <= v <= 9:
        return T.ONES_M[rng.choice([k for k in range(3, 11) if k != v])]
    return str(v + rng.choice([1, 3, 4, 6, 20]) * (rng.choice([1, -1]) if v > 30 else 1))


def number(title, body, rng):
    cands = []
    for m in _NUM.finditer(title):
        if _YEAR.match(m.group(0)):
            continue
        bm = re.search(rf"(?<![\d.,]){re.escape(m.group(0))}(?![\d.,]*\d)", body)
        if bm:
            cands.append((m, bm))
    if not cands:
        return None
    m, bm = rng.choice(cands)
    other = _changed_number(m.group(0), rng)
    if other is None or other == m.group(0):
        return None
    new = title[:m.start()] + other + title[m.end():]
    tt = new[m.start():with_next_word(new, m.start() + len(other))]
    bt = body[bm.start():with_next_word(body, bm.end())]
    return new, body, _label("consistency", "number_mismatch", title_text=tt, body_text=bt)


def _listing(items: list[str], rng: random.Random) -> str:
    if len(items) > 2 and rng.random() < 0.5:
        return "، ".join(items[:-1]) + " و" + items[-1]
    return " و".join(items)


def count_items(title, body, rng):
    sents = sentences(body)
    if not sents:
        return None
    dual, plural, gender, pool = rng.choice(T.COUNT_SETS)
    said = rng.choice([2, 3, 4, 5])
    listed = rng.sample(pool, rng.choice([k for k in (2, 3, 4) if k != said and k <= len(pool)]))
    # 3 to 10 take the other gender: ثلاث ولايات (a feminine singular), ثلاثة موانئ (a masculine one)
    count = dual if said == 2 else f"{(T.ONES_F if gender == 'f' else T.ONES_M)[said]} {plural}"
    listing = _listing(listed, rng)
    new_title = title + " " + rng.choice(T.COUNT_TITLE_FRAMES).format(count)
    new_body = _insert(body, sents[0][1], " " + rng.choice(T.COUNT_BODY_FRAMES).format(listing))
    return new_title, new_body, _label("consistency", "count_mismatch", title_text=count, body_text=listing)


def count_people(title, body, rng):
    sents = sentences(body)
    if not sents:
        return None
    if rng.random() < 0.5:
        dual, _plural, single = rng.choice(T.DUAL_PEOPLE)
        if single == "وزير":
            tt = f"{dual} خارجية"
            listing = _listing(rng.sample(T.COUNTRIES_FOR_MEETINGS, 3), rng)
            bpiece = f"وحضر اللقاء وزراء خارجية {listing}."
        else:
            tt = dual
            listing = _listing(rng.sample(T.OTHER_PEOPLE, 3), rng)
            bpiece = f"وتحدث خلال الجلسة كل من {listing}."
        new_title = title + " بحضور " + tt
    else:
        kind, wrong_n = rng.choice(T.MEETING_KIND)
        countries = rng.sample(T.COUNTRIES_FOR_MEETINGS, wrong_n)
        listing = _listing(countries, rng)
        tt = kind
        bpiece = f"وجمع الاجتماع ممثلين عن {listing}."
        new_title = title + " على هامش " + kind
    new_body = _insert(body, sents[min(1, len(sents) - 1)][1], " " + bpiece)
    return new_title, new_body, _label("consistency", "count_mismatch", title_text=tt, body_text=listing)


def _names_re(names: list[str]) -> re.Pattern:
    alts = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<!{_AR})(?P<first>{alts}) (?P<last>(?:بن |بو)?{_AR}{{3,}})")


_NAMES = {g: _names_re(ns) for g, ns in T.FIRST_NAMES.items()}


def _title_people(title: str, body: str):
    out = []
    for g, pat in _NAMES.items():
        for m in pat.finditer(title):
            if m.group(0) in body:
                out.append((g, m))
    return out


def person_first_name(title, body, rng):
    cands = _title_people(title, body)
    if not cands:
        return None
    g, m = rng.choice(cands)
    pool = [n for n in T.FIRST_NAMES[g] if n != m.group("first") and f"{n} {m.group('last')}" not in body]
    other = rng.choice(pool)
    new = title[:m.start("first")] + other + title[m.end("first"):]
    return new, body, _label("consistency", "person_name_mismatch", title_text=f"{other} {m.group('last')}",
                             body_text=m.group(0))


def person_other(title, body, rng):
    cands = _title_people(title, body)
    if not cands:
        return None
    _g, m = rng.choice(cands)
    other = rng.choice([p for p in T.OTHER_PEOPLE if p not in body])
    new = title[:m.start()] + other + title[m.end():]
    return new, body, _label("consistency", "person_name_mismatch", title_text=other, body_text=m.group(0))


def place(title, body, rng):
    cands = []
    for country, cities in T.CITIES.items():
        for c in cities:
            mt = _find_word(title, c)
            if mt and _find_word(body, c):
                cands.append((country, c, mt))
    if not cands:
        return None
    country, c, mt = rng.choice(cands)
    pool = [x for x in T.CITIES[country] if x != c and not _find_word(body, x) and not _find_word(title, x)
            and c not in x and x not in c]
    if not pool:
        return None
    other = rng.choice(pool)
    new = title[:mt.start("w")] + other + title[mt.end("w"):]
    bm = _find_word(body, c)
    return new, body, _label("consistency", "place_mismatch", title_text=other, body_text=bm.group("w"))


def _swap_entity(title, body, rng, names: list[str], kind: str):
    cands = []
    for n in names:
        mt = _find_word(title, n)
        if mt and _find_word(body, n):
            cands.append((n, mt))
    if not cands:
        return None
    n, mt = rng.choice(cands)
    pool = [x for x in names if x != n and not _find_word(body, x) and not _find_word(title, x)
            and n not in x and x not in n]
    if not pool:
        return None
    other = rng.choice(pool)
    new = title[:mt.start("w")] + other + title[mt.end("w"):]
    return new, body, _label("consistency", kind, title_text=other, body_text=_find_word(body, n).group("w"))


def country(title, body, rng):
    return _swap_entity(title, body, rng, T.COUNTRIES, "place_mismatch")


def organisation(title, body, rng):
    return _swap_entity(title, body, rng, T.ORGANISATIONS, "topic_absent")


_DAY_ALT = {"الإثنين": ("الإثنين", "الاثنين")}


def _find_day(text: str, day: str):
    for form in _DAY_ALT.get(day, (day,)):
        m = _find_word(text, form)
        if m:
            return m
    return None


def weekday(title, body, rng):
    in_body = [d for d in T.WEEKDAYS if _find_day(body, d)]
    if not in_body:
        return None
    said = rng.choice(in_body)
    other = rng.choice([d for d in T.WEEKDAYS if d not in in_body])
    bm = _find_day(body, said)
    in_title = [d for d in T.WEEKDAYS if _find_day(title, d)]
    if in_title:
        tm = _find_day(title, in_title[0])
        new, tt = title[:tm.start("w")] + other + title[tm.end("w"):], other
    else:
        tt = rng.choice(T.WEEKDAY_TITLE_FRAMES).format(other)
        new = title + " " + tt
    return new, body, _label("consistency", "date_mismatch", title_text=tt, body_text=bm.group("w"))


def score(title, body, rng):
    """A match result added to the title and the body, digits in one and words in the other. The held-out sections
    carry no match reports, so the result comes as a second item (a title clause and a closing paragraph)."""
    if not sentences(body):
        return None
    home, away = rng.sample(T.TEAMS, 2)
    h, a, words = rng.choice(T.SCORES_IN_WORDS)
    dh, da = rng.choice([(x, y) for x, y, _ in T.SCORES_IN_WORDS if (x, y) != (h, a)])
    digits = f"{dh}-{da}"
    if rng.random() < 0.5:
        tt, bt = digits, words
        title_score, body_score = "بنتيجة " + digits, words
    else:
        tt, bt = words, digits
        title_score, body_score = words, "بنتيجة " + digits
    new_title = title + "، " + rng.choice(T.SCORE_TITLE_FRAMES).format(home=home, away=away, score=title_score)
    new_body = body + "\n" + rng.choice(T.SCORE_BODY_FRAMES).format(home=home, away=away, score=body_score)
    return new_title, new_body, _label("consistency", "number_mismatch", title_text=tt, body_text=bt)


def _body_form(body: str, word: str) -> str:
    """The body's word that carries ``word`` (with any clitics), or "" when the body has none."""
    m = _find_word(body, word)
    if m:
        return m.group("w")
    m = re.search(rf"{_AR}*{re.escape(word)}{_AR}*", body)
    return m.group(0) if m else ""


def outcome(title, body, rng):
    cands = [(w, o) for w, o in T.OUTCOMES if _find_word(title, w, "و")]
    if not cands:
        return None
    w, o = rng.choice(cands)
    mt = _find_word(title, w, "و")
    new = title[:mt.start("w")] + o + title[mt.end("w"):]
    return new, body, _label("consistency", "polarity_mismatch", title_text=o, body_text=_body_form(body, w))


def negation(title, body, rng):
    cands = [(w, n) for w, n in T.NEGATIONS if _find_word(title, w, "و")]
    if not cands:
        return None
    w, n = rng.choice(cands)
    mt = _find_word(title, w, "و")
    new = title[:mt.start("w")] + n + title[mt.end("w"):]
    return new, body, _label("consistency", "polarity_mismatch", title_text=n, body_text=_body_form(body, w))


def gender(title, body, rng):
    cands = []
    for masc, fem in T.ROLES:
        for a, b in ((masc, fem), (fem, masc)):
            mt = _find_word(title, a, "و")
            if mt and _find_word(body, a, "وبل") and not _find_word(body, b, "وبل"):
                cands.append((a, b, mt))
    if not cands:
        return None
    a, b, mt = rng.choice(cands)
    new = title[:mt.start("w")] + b + title[mt.end("w"):]
    return new, body, _label("consistency", "gender_mismatch", title_text=b,
                             body_text=_find_word(body, a, "وبل").group("w"))


def topic_clause(title, body, rng):
    clause = rng.choice(T.TOPIC_CLAUSES)
    if any(w.removeprefix("و") in body for w in clause.split() if len(w) >= 4):
        return None
    return title + rng.choice([" ", "، "]) + clause, body, _label("consistency", "topic_absent", title_text=clause,
                                                                  body_text="")


# --- look-alikes ----------------------------------------------------------------------------------------------

def digest(title, body, rng):
    closing = rng.choice(T.DIGEST_CLOSINGS)
    items = rng.sample(T.DIGEST_ITEMS, 3)
    piece = "\n".join(f"{it} {closing}" for it in items)
    return title, body + "\n" + piece, _trap("repetition", "body", closing, "formulaic closing line per digest item")


def phone_example(title, body, rng):
    piece, marker = rng.choice(T.HOWTO_EXAMPLES)
    return title, as_paragraph(body, rng, piece, "end"), _trap("placeholder", "body", marker,
                                                                 "example format in a how-to")


def agency_credit(title, body, rng):
    credit = rng.choice(T.CREDITS)
    m = re.match(rf"{_AR}+", body)
    if not m:
        return None
    new = body[:m.end()] + " " + credit + " -" + body[m.end():]
    return title, new, _trap("placeholder", "body", credit, "agency credit")


def quoted_ai_phrase(title, body, rng):
    piece, quote = rng.choice(T.QUOTED_AI)
    new = after_sentence(body, rng, piece)
    return new and (title, new, _trap("placeholder", "body", quote, "a chatbot phrase quoted as reported speech"))


def quoted_chant(title, body, rng):
    piece, quote = rng.choice(T.QUOTED_CHANTS)
    new = after_sentence(body, rng, piece)
    return new and (title, new, _trap("repetition", "body", quote, "a slogan quoted twice"))


def repeated_name(title, body, rng):
    cands = [m for g in _NAMES.values() for m in g.finditer(body)]
    if not cands:
        return None
    name = rng.choice(cands).group(0)
    sents = sentences(body)
    if len(sents) < 2:
        return None
    frames = [f"وكان {name} قد تولى الملف منذ أشهر.", f"ويرى متابعون أن موقف {name} سيكون حاسما.",
              f"ولم يصدر عن {name} أي تعليق إضافي."]
    new = body
    for at, fr in sorted(zip(sorted(rng.sample([e for _, e in sents], 2)), rng.sample(frames, 2), strict=True),
                         reverse=True):
        new = _insert(new, at, " " + fr)
    return title, new, _trap("repetition", "body", name, "a person's name repeated across sentences")


def number_in_words(title, body, rng):
    for m in re.finditer(r"(?<![\d.,])([3-9]|10)(?![\d.,]*\d) ", title):
        v = int(m.group(1))
        bm = re.search(rf"(?<![\d.,]){v}(?![\d.,]*\d)", body)
        if bm:
            word = rng.choice([T.ONES_M[v], T.ONES_F[v]])
            new = body[:bm.start()] + word + body[bm.end():]
            return title, new, _trap("consistency", "title", title[m.start():with_next_word(title, m.end() - 1)],
                                     "the same number in words in the body")
    return None


Injector = Callable[[str, str, random.Random], Injected | None]

# kind -> (family, label kind, injector); the kinds issue 8 lists under "What the misses look like"
KINDS: dict[str, tuple[str, str, Injector]] = {
    "bracketed_note": ("placeholder", "bracketed_instruction", bracket_note),
    "placeholder_name": ("placeholder", "placeholder_name", placeholder_name),
    "filler_xxx": ("placeholder", "filler_marker", filler),
    "template_variable": ("placeholder", "template_variable", template_variable),
    "chatbot_preamble": ("placeholder", "ai_leftover", chatbot_preamble),
    "chatbot_closing": ("placeholder", "ai_leftover", chatbot_closing),
    "knowledge_cutoff": ("placeholder", "ai_leftover", knowledge_cutoff),
    "dummy_text": ("placeholder", "dummy_text", dummy_text),
    "round_bracket_note": ("placeholder", "editor_note", round_note),
    "editor_line": ("placeholder", "editor_note", editor_line),
    "duplicated_sentence": ("repetition", "duplicated_sentence", duplicated_sentence),
    "near_duplicate_synonyms": ("repetition", "near_duplicate_sentence", near_duplicate),
    "same_figure_restated": ("repetition", "restated_fact", restated_figure),
    "opener_other_conjunction": ("repetition", "repeated_opener", opener_conjunctions),
    "overused_phrase": ("repetition", "overused_phrase", overused_phrase),
    "duplicated_paragraph": ("repetition", "duplicated_paragraph", duplicated_paragraph),
    "restated_paragraph": ("repetition", "near_duplicate_sentence", restated_paragraph),
    "title_number": ("consistency", "number_mismatch", number),
    "count_vs_items": ("consistency", "count_mismatch", count_items),
    "count_people_meeting": ("consistency", "count_mismatch", count_people),
    "family_other_first_name": ("consistency", "person_name_mismatch", person_first_name),
    "person_swapped": ("consistency", "person_name_mismatch", person_other),
    "city_same_country": ("consistency", "place_mismatch", place),
    "country_swapped": ("consistency", "place_mismatch", country),
    "organisation_swapped": ("consistency", "topic_absent", organisation),
    "weekday": ("consistency", "date_mismatch", weekday),
    "score_digits_words": ("consistency", "number_mismatch", score),
    "outcome_opposite": ("consistency", "polarity_mismatch", outcome),
    "negation": ("consistency", "polarity_mismatch", negation),
    "gender_of_person": ("consistency", "gender_mismatch", gender),
    "title_clause_unreported": ("consistency", "topic_absent", topic_clause),
}

# look-alike -> (family that must not flag it, injector)
LOOKALIKES: dict[str, tuple[str, Injector]] = {
    "digest_closing_line": ("repetition", digest),
    "howto_example_number": ("placeholder", phone_example),
    "agency_credit": ("placeholder", agency_credit),
    "quoted_chatbot_phrase": ("placeholder", quoted_ai_phrase),
    "quoted_slogan_twice": ("repetition", quoted_chant),
    "repeated_person_name": ("repetition", repeated_name),
    "title_number_in_words": ("consistency", number_in_words),
}
