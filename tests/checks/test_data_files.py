"""Every lexicon file under editorial/checks/data/ says what it holds, where it came from and its licence."""

from importlib.resources import files

import pytest

from editorial.checks.arabic import data, norm

DATA = files("editorial.checks").joinpath("data")
NAMES = sorted(p.name[:-4] for p in DATA.iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", NAMES)
def test_file_opens_with_its_provenance(name):
    head = []
    for line in DATA.joinpath(f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        head.append(line.lower())
    header = "\n".join(head)
    assert head, f"{name}.txt must open with a comment"
    assert "source" in header, f"{name}.txt: say where the entries came from (a 'Source:' line)"
    assert "licen" in header, f"{name}.txt: say under which licence (a 'Licence:' line)"


@pytest.mark.parametrize("name", NAMES)
def test_file_loads_and_has_entries(name):
    rows = data.entries(name)
    assert rows, f"{name}.txt has no entries"
    assert all("#" not in r and r == r.strip() for r in rows)
    assert all(norm(w) == w for w in data.words(name)), "words() returns normalised forms"
    assert data.normalized_fields(name) is data.normalized_fields(name)  # cached, read once


# Files of keyed word lists say so in their header ("Read with arabic/data.keyed").
KEYED = [n for n in NAMES if "data.keyed" in DATA.joinpath(f"{n}.txt").read_text(encoding="utf-8").split("\n\n")[0]]


def test_keyed_files_exist():
    assert "polarity_words" in KEYED


@pytest.mark.parametrize("name", KEYED)
def test_keyed_lists_are_normalised_read_only_and_cached(name):
    lists = data.keyed(name)
    assert lists is data.keyed(name)
    assert lists and all(key and key == key.upper() and words for key, words in lists.items())
    assert all(norm(w) == w for words in lists.values() for w in words)
    with pytest.raises(TypeError):
        lists["NEW"] = ()  # type: ignore[index]


def test_a_keyed_list_may_wrap_over_lines():
    lines = [e for e in data.entries("polarity_words") if e.startswith("BREAKS |")]
    assert len(lines) == 2
    assert len(data.keyed("polarity_words")["BREAKS"]) == sum(len(e.split()) - 2 for e in lines)


def test_no_word_list_is_inline_in_a_check():
    """Word lists are data: no check module builds one from a string of words (the old ``L._n("...")``)."""
    from pathlib import Path

    root = Path(data.__file__).resolve().parent.parent
    for path in root.rglob("*.py"):
        assert "L._n(" not in path.read_text(encoding="utf-8"), path


def test_other_words_have_one_home():
    from editorial.checks.arabic import lexicon as L
    from editorial.checks.consistency import numbers, polarity

    assert numbers._OTHER_WORDS == L.OTHER_WORDS | L.OTHER_SINGULAR
    assert polarity._OTHER == L.OTHER_WORDS | L.FURTHER_WORDS
    assert norm("آخرين") in L.OTHER_WORDS and norm("آخر") not in L.OTHER_WORDS
