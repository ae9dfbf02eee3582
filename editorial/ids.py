"""Ids from the outside world (URL query strings, form fields): ASCII digits within the database's range.

``int()`` accepts Arabic-Indic digits and ``str.isdigit()`` accepts "²" that ``int()`` then refuses: neither
is an id. One parser, so every integer field answers the same way.
"""

from __future__ import annotations

MAX_ID = 2**63 - 1  # bigint, PostgreSQL's and SQLite's largest key


def parse_id(value) -> int | None:
    """The id in ``value``, or ``None`` when it is not 1 to 19 ASCII digits naming a possible row."""
    if not isinstance(value, str) or not (0 < len(value) <= 19) or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
