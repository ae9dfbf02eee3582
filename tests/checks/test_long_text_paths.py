"""Paths taken only by long texts (the array index map) or by the literal-head scan of phrase patterns agree
with the plain definitions."""

from __future__ import annotations

from editorial.checks.arabic.normalize import _ARRAY_MIN_CHARS, normalize
from editorial.checks.arabic.tokens import TextView
from editorial.checks.placeholder import phrases as P
from tests.checks.test_normalize_fast import _reference


def test_a_long_text_maps_back_like_a_short_one() -> None:
    unit = "قالَ الوزيرُ إنّ المشروعَ سيكتمل\u200b قريباً ﻻ محالة.\n"
    text = unit * (_ARRAY_MIN_CHARS // len(unit) + 2)
    nz = normalize(text)
    assert len(text) > _ARRAY_MIN_CHARS
    assert (nz.text, tuple(nz.index)) == _reference(text)
    view = TextView("body", text)
    short = TextView("body", unit)
    per_unit = len(short.tokens)
    assert [t.text for t in view.tokens[:per_unit]] == [t.text for t in short.tokens]
    last = view.tokens[-per_unit:]
    offset = len(text) - len(unit)
    assert [(t.start - offset, t.end - offset) for t in last] == [(t.start, t.end) for t in short.tokens]


def test_head_scan_finds_what_a_full_scan_finds() -> None:
    sentences = (
        "ملاحظة للمحرر: يرجى التأكد من الرقم قبل النشر. ",
        "هذا نص تجريبي ولوريم إيبسوم هنا. ",
        "قال فلان الفلاني إن العمل بدأ، والفلان بن علان حضر. ",
        "بالتأكيد! إليك نسخة معدلة من الخبر. حسنا، يمكنني كتابة المزيد. ",
        "عنوان مقترح: الحكومة تقر الميزانية. أتمنى أن يكون هذا مفيدا. ",
        "الرقم يحتاج إلى تأكيد. ننتظر تأكيد الاسم. وفيما يلي صياغة جديدة. ",
        "بصفتي نموذج لغوي لا أستطيع ذلك. كنموذج ذكاء اصطناعي. ",
        "ليس لدي أي معلومات حديثة، ولا أملك وصول إلى الإنترنت. وتدربت على بيانات قديمة. ",
        "المعلومات المتاحة لي حتى آخر تحديث، والبيانات المتوفرة لدي حتى 2023. ",
    )
    text = "".join(sentences) * 3
    nt = normalize(text).text
    for pat in (*P._NOTES, *P._AI, P._NOTE_COLON, P._DUMMY, P._NAME):
        if pat.heads:
            assert [m.span() for m in pat.finditer(nt)] == [m.span() for m in pat.rx.finditer(nt)], pat.triggers
