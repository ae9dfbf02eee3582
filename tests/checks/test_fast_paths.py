"""Faster ways to the same result: each agrees with the plain definition it replaces."""

from __future__ import annotations

import itertools

from editorial.checks.arabic import tokens as T
from editorial.checks.arabic.fastre import _BMP, has_astral
from editorial.checks.arabic.stem import light_stem


def _plain_content(body) -> list[frozenset[str]]:
    """``Body.content`` by its plain definition, word by word: a number as itself, a content word as its stem's
    synonym group, a clitic letter the stemmer kept dropped when the draft has the bare stem too."""
    from editorial.checks.repetition import prep

    stems = set(body.view.stems)
    return [frozenset(t.norm if prep.word_class(t.norm) & prep.NUMBER else prep._concept(light_stem(t.norm), stems)
                      for t in s.tokens if prep.word_class(t.norm) & (prep.NUMBER | prep.CONTENT))
            for s in body.view.sentences]

def test_the_re_word_class_matches_the_regex_class_on_every_bmp_character() -> None:
    word = [bool(T.WORD_RE.fullmatch(c)) for c in _BMP]
    assert [bool(T._WORD_SPLIT_BMP_RE.fullmatch(c)) for c in _BMP] == word


def test_the_word_split_is_the_regex_split_with_and_without_astral_characters() -> None:
    texts = (
        "قالَ الوزيرُ إنّ المشروعَ سيكتمل\u200b قريباً ﻻ محالة.",
        "ارتفعت الصادرات 3ر747 مليون دينار (١٢٣) في ٢٠٢٤ 😀 حسب 𝐀𝐁 المعهد",
        "Café naïve — İstanbul ـــ وـــ 16.8% ﷺ",
    )
    for text in texts:
        assert T._word_split(text, has_astral(text)) == T._WORD_SPLIT_RE.split(text)
    assert has_astral(texts[1]) and not has_astral(texts[0])


def test_the_gaps_read_off_the_split_are_the_text_between_the_tokens() -> None:
    texts = (
        "قال الوزير، إن المشروع «سيكتمل» قريباً.\n\nوأضاف: ـــ لا محالة",
        "ـــ الوزيرُ  ـقال\u200b ﻻ  (تصوير) 😀 𝐀𝐁",
        "كلمة",
        "",
        " ... ",
    )
    for text in texts:
        view = T.TextView("body", text)
        toks = view.tokens
        assert view.gaps == [text[a.end:b.start] for a, b in itertools.pairwise(toks)]


_DIGEST = (
    "افتتح الوزير المعرض الدولي للكتاب بحضور عدد من السفراء.\nللمزيد من التفاصيل اضغط هنا 1\n\n"
    "وقعت الحكومة اتفاقية للتعاون في مجال الطاقة المتجددة.\nللمزيد من التفاصيل اضغط هنا 2\n\n"
    "أعلنت البلدية عن مشروع جديد لتهيئة الطرقات في الأحياء الشعبية.\nللمزيد من التفاصيل اضغط هنا 3"
)


def test_the_repetition_prep_matches_its_plain_definitions() -> None:
    from collections import Counter

    from editorial.checks.config import CheckConfig
    from editorial.checks.repetition import prep

    texts = (
        _DIGEST,
        "قال الوزير إن «المشروع سيكتمل» قريباً. وأضاف الوزير  أن المشروع، وهو الأول من نوعه، سيكتمل قريباً!\n- بند أول",
        "ـ خبر عاجل ـ\n\nالمجلس البلدي يجتمع. المجلس البلدي يجتمع. المجلس البلدي يجتمع.",
        "ﻻ محالة. جملة ثانية\u200b هنا",
        "كلمة",
        "",
    )
    for text in texts:
        body = prep.Body.of(T.TextView("body", text), CheckConfig())
        sent, gaps = body.sentence_of, body.view.gaps
        plain = [sent[i] == sent[i + 1] and prep._space_gap(gaps[i]) for i in range(len(sent) - 1)]
        assert body.joined == ([*plain, False] if sent else [])
        assert body.content == _plain_content(body)
        df: Counter[str] = Counter()
        for stems in body.content:
            df.update(stems)
        assert body.stem_df == df and list(body.stem_df) == list(df)
        assert body.stem_weight == [sum(1 / df[x] for x in stems) for stems in body.content]
        groups: dict[tuple[str, ...], list[int]] = {}
        for k, s in enumerate(body.view.sentences):
            key = tuple("#" if prep.is_number(t.norm) else t.norm for t in s.tokens)
            groups.setdefault(key, []).append(k)
        formula = {k for ks in groups.values() if len(ks) >= prep.FORMULA_MIN and body._per_item(ks) for k in ks}
        assert body.formula_sentences == formula
    digest = prep.Body.of(T.TextView("body", _DIGEST), CheckConfig())
    assert digest.formula_sentences == {1, 3, 5}  # the per-item line, whatever its number


def test_the_ratio_skipped_by_length_is_the_ratio_below_its_cutoff() -> None:
    import random

    from rapidfuzz import fuzz

    from editorial.checks.repetition.similar import _ratio

    rng = random.Random(7)
    words = ["تعاون", "عسكر", "مشترك", "وزير", "اعلن", "قرار", "جديد", "حكوم", "12", "في", "من"]
    for _ in range(3000):
        a = " ".join(rng.choices(words, k=rng.randint(0, 12)))
        b = " ".join(rng.choices(words, k=rng.randint(0, 12)))
        for cutoff in (None, 60.0, 68.0, 85.0, 100.0):
            assert _ratio(a, b, cutoff) == fuzz.ratio(a, b, score_cutoff=cutoff)
    # a copy of a third of the length cannot reach 85 (at most 2 * 10 / 40): no call, the cutoff's 0
    assert _ratio("ا" * 10, "ا" * 30, 85.0) == 0 == fuzz.ratio("ا" * 10, "ا" * 30, score_cutoff=85.0)
    assert _ratio("ا" * 10, "ا" * 30, None) == 50.0


def _sentences_by_scanning(view) -> list[tuple[int, int, str, int, tuple]]:
    """The plain definition of ``TextView.sentences``: each paragraph's text scanned for sentence ends."""
    from bisect import bisect_left, bisect_right

    out, text, ti = [], view.text, 0
    for p in view.paragraphs:
        pos = p.start
        bounds = [m.end() + p.start for m in T._SENT_END_RE.finditer(p.text)]
        if not bounds or bounds[-1] < p.end:
            bounds.append(p.end)
        for b in bounds:
            s, e = T._strip_span(text, pos, b)
            pos = b
            if e <= s:
                continue
            first = ti = bisect_left(view.starts, s, ti)
            ti = bisect_right(view.ends, e, ti)
            if ti > first:
                out.append((s, e, text[s:e], p.index, view.tokens[first:ti]))
    return out


def test_sentence_ends_looked_for_at_their_first_characters_are_those_a_scan_finds() -> None:
    import random

    rng = random.Random(11)
    pieces = ["قال", "الوزير", " ", "  ", "\n", "\n\n", ".", "..", "...", "…", "!", "?", "؟", "3", "3.5", "«", "»",
              '"', ")", "]", "ـ", "\u064b", "\t", "٢٠٢٤", "1.", "؟!"]
    texts = ["قال الوزير. وأضاف: «المشروع سيكتمل!» ثم غادر... 3.5 مليون؟\n\nفقرة ثانية… نعم", ""]
    texts += ["".join(rng.choices(pieces, k=rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        view = T.TextView("body", text)
        assert [tuple(s) for s in view.sentences] == _sentences_by_scanning(view), text


def test_the_vocabulary_is_the_distinct_normalised_words_shared_by_the_families() -> None:
    from editorial.checks.config import CheckConfig
    from editorial.checks.placeholder.phrases import _RUNS_IN, present_runs
    from editorial.checks.repetition.prep import Body

    view = T.TextView("body", "أعلنت الوزارة أن الوزارة ستعلن، وأعلنت الوزاره اليوم فلان الفلاني")
    assert view.vocabulary == {"اعلنت", "الوزاره", "ان", "ستعلن", "واعلنت", "اليوم", "فلان", "الفلاني"}
    assert present_runs(view) == frozenset().union(*(_RUNS_IN[w] for w in view.norms))
    body = Body.of(view, CheckConfig())
    assert body.content == _plain_content(body)  # the repetition keys read the same vocabulary
