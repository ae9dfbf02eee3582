"""The repetition rules: stable ids, severities and the messages an editor reads."""

from __future__ import annotations

from ..types import Param, Rule

DOUBLED_WORD = Rule(
    "repetition.doubled_word", "error",
    "الكلمة «{word}» مكررة مرتين متتاليتين؛ احذف إحداهما.",
    "The word “{word}” is typed twice in a row; delete one of them.",
    "The same word twice in a row (في في، الوزير الوزير), a typing or paste slip. Legitimate reduplication "
    "(رويداً رويداً), numbers, names that repeat (محمد محمد) and quotations are left alone.",
)
REPEATED_WORD = Rule(
    "repetition.repeated_word", "info",
    "الكلمة «{word}» مكررة مرتين متتاليتين؛ تحقق من أن التكرار مقصود (اسم علم مثلاً) وإلا فاحذف إحداهما.",
    "The word “{word}” appears twice in a row; check that this is intended (a name, say) or delete one.",
    "A bare word without article or clitic typed twice (يضم يضم). Names (حفيظ حفيظ), titles and distributive "
    "phrases also look like this, so it is only a hint.",
)
DUPLICATED_SENTENCE = Rule(
    "repetition.duplicated_sentence", "error",
    "هذه الجملة وردت حرفياً في موضع سابق من النص؛ احذف التكرار.",
    "This sentence already appears word for word earlier in the text; delete the repeat.",
    "A sentence of six or more words that occurs twice (after normalising spelling and punctuation).",
)
DUPLICATED_PARAGRAPH = Rule(
    "repetition.duplicated_paragraph", "error",
    "هذه الفقرة مكررة بنصها في موضع سابق؛ احذف إحدى النسختين.",
    "This paragraph is an exact copy of an earlier one; delete one copy.",
    "A whole paragraph pasted twice. Bulleted or numbered list lines are not compared.",
)
NEAR_DUPLICATE_SENTENCE = Rule(
    "repetition.near_duplicate_sentence", "warning",
    "هذه الجملة تكاد تطابق جملة سابقة ({score}٪ تشابه)؛ احذفها أو أعد صياغتها بمعلومة جديدة.",
    "This sentence nearly repeats an earlier one ({score}% similar); delete it or make it add something new.",
    "Two sentences that differ by a few words (rapidfuzz ratio on stemmed text), or a long sentence found almost "
    "whole inside another (pasted without its full stop). Candidates are found by shared "
    "rare stems, never by comparing every pair.",
    params=(Param("min_similarity", float, 85.0, 60.0, 100.0,
                  "How alike (per cent, on stemmed words) two sentences must be to count as one repeated."),),
)
RESTATED_FACT = Rule(
    "repetition.restated_fact", "warning",
    "هذه الجملة تعيد بصياغة أخرى ما قالته جملة قريبة سابقة؛ احذفها أو ادمج الجملتين.",
    "This sentence restates, in other words, what a sentence just before it says; delete it or merge the two.",
    "A sentence that shares most of its rare content words (names, figures, key terms) with a sentence up to "
    "three sentences earlier. The opening sentence of the body is not used as the earlier one: news leads "
    "are meant to be developed.",
)
POSSIBLE_RESTATEMENT = Rule(
    "repetition.possible_restatement", "info",
    "قد تكون هذه الجملة إعادة لمعلومة وردت في الجملة السابقة؛ تحقق من أنها تضيف جديداً.",
    "This sentence may repeat a fact given just before; check that it adds something new.",
    "A weaker restatement signal: a nearby sentence shares several rare content words (or synonyms) and a "
    "two-word phrase, or the very next sentence shares most of its content words, or a distant sentence repeats "
    "boilerplate wording, or a figure is given again (with shared words, or behind أي / بعبارة أخرى / وعليه / كما سبق ذكره). Often a "
    "genuine paraphrase, sometimes a legitimate follow-up.",
)
OVERUSED_PHRASE = Rule(
    "repetition.overused_phrase", "warning",
    "العبارة «{phrase}» تكررت {count} مرات في النص؛ نوّع الصياغة أو احذف بعض المواضع.",
    "The phrase “{phrase}” occurs {count} times; vary the wording or cut some occurrences.",
    "A stock linking phrase four times or more in a piece of up to 1,200 words (more in a longer one): listed "
    "(في هذا الإطار، من خلال) or built the same way (بشكل ملحوظ، في الوقت نفسه، من زاوية أخرى); the wordings "
    "of one formula count together. Quotations, list lines, a digest's per-item lines, allowed repeats and stop "
    "phrases are not counted.",
)
# A content phrase repeated often is, in published news, mostly the story's own subject or a term it is about
# (القوات المسلحة، الغلاف الجوي): judged on real news it was padding in one alarm of ten, so it is a hint
# (issue 8: a rule under 0.80 precision on real news reports info), while stock phrases keep their warning.
REPEATED_TERM = Rule(
    "repetition.repeated_term", "info",
    "العبارة «{phrase}» تكررت {count} مرات في النص؛ إن لم تكن اسمًا أو مصطلحًا يتناوله الخبر فنوّع الصياغة.",
    "The phrase “{phrase}” occurs {count} times; unless it names what the story is about, vary the wording.",
    "A two- or three-word content phrase repeated far more often than an edited article of this length "
    "carries (default five times in up to 600 words, growing with the square root of the length; params "
    "min_count and per_words). Names of institutions and titles, units, function-word phrases, the story's "
    "subject as named in the title (counted against a higher threshold), quotations, list lines, a digest's "
    "per-item lines, allowed repeats and stop phrases are not counted; a term the story is about still is, "
    "so it is only a hint.",
    params=(
        Param("min_count", int, 5, 2, 50, "Occurrences that make a phrase overused in a short article."),
        Param("per_words", int, 600, 100, 10000, "The article length (in words) that the count above is for; "
              "longer articles allow more, with the square root of the length."),
    ),
)
REPEATED_OPENER = Rule(
    "repetition.repeated_opener", "warning",
    "ثلاث جمل أو أكثر تبدأ بـ«{opener}»؛ نوّع بدايات الجمل.",
    "Three or more sentences open with “{opener}”; vary how the sentences begin.",
    "Runs of three consecutive sentences opening with the same two words (or the same verb, e.g. وأضاف), "
    "whatever conjunction precedes them (وأكد، فأكد، كما أكد); a two-word opener such as «وتأتي هذه» used three "
    "times or more in the article; and one opener put behind different conjunctions (و، ف، ثم، كما، وقد) three "
    "times anywhere, a reporting clause inside a sentence (… ثم قال الوزير) included. "
    "Section headings (في مجال الصحة: ...) and list items are not counted.",
)

RULES: tuple[Rule, ...] = (
    DOUBLED_WORD, REPEATED_WORD, DUPLICATED_SENTENCE, DUPLICATED_PARAGRAPH, NEAR_DUPLICATE_SENTENCE, RESTATED_FACT,
    POSSIBLE_RESTATEMENT, OVERUSED_PHRASE, REPEATED_TERM, REPEATED_OPENER,
)
