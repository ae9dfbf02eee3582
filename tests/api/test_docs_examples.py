"""docs/api.md shows real answers: the examples are made again by the same run and must match, ids, times and
tokens aside (``editorial.api.examples.masked``). When this fails, run ``python manage.py api_examples``."""

from __future__ import annotations

from pathlib import Path

import pytest

from editorial.api import examples

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@pytest.fixture
def fresh(settings) -> tuple[str, str]:
    settings.ALLOWED_HOSTS = [examples.HOST]
    document = DOCS.read_text(encoding="utf-8")
    return document, examples.render(document, examples.scenario())


def test_the_examples_in_docs_api_md_are_what_the_api_answers(fresh):
    document, regenerated = fresh
    assert examples.masked(regenerated) == examples.masked(document), "run: python manage.py api_examples"


def test_the_comparison_ignores_only_ids_times_and_tokens(fresh):
    document, regenerated = fresh
    assert regenerated != document  # times at least differ between two runs: the masking is what makes them equal
    changed = {
        "an offset": ('"start": 22', '"start": 23'),
        "a status code": ("HTTP/1.1 409 Conflict", "HTTP/1.1 400 Bad Request"),
        "an error code": ('"code": "invalid_transition"', '"code": "gate_blocked"'),
        "a header": ("RateLimit-Limit: 6000", "RateLimit-Limit: 600"),
        "a rule": ('"rule": "placeholder.bracket_instruction"', '"rule": "placeholder.editor_note"'),
    }
    for what, (before, after) in changed.items():
        assert before in document, what
        assert examples.masked(document.replace(before, after, 1)) != examples.masked(regenerated), what


def test_a_marker_without_an_example_is_an_error():
    with pytest.raises(ValueError, match="nothing_here"):
        examples.render("<!-- example: nothing_here -->\n<!-- /example -->\n", {})


def test_every_id_in_a_path_is_masked_so_another_database_gives_the_same_page():
    """PostgreSQL's sequences go on across tests: the same run gives other ids there."""
    assert examples.masked('"$API/drafts/1/findings/1/dismiss/"') == examples.masked('"$API/drafts/7/findings/5/dismiss/"')
    assert examples.masked('"start": 1') != examples.masked('"start": 5')
