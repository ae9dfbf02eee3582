"""The one bounded word memo: ``word -> fn(word)`` in a plain dict.

A hit is a single C-level dict lookup (``map(memo.__getitem__, words)`` stays in C for known words), cheaper
than ``functools.lru_cache`` bookkeeping in the hot loops that classify every token. The memo is bounded
because a server checks drafts for weeks: past ``limit`` entries it starts again empty.
"""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_LIMIT = 200_000


class WordMemo[V](dict[str, V]):
    """``memo[word]`` computes ``fn(word)`` once and keeps it, up to ``limit`` words."""

    def __init__(self, fn: Callable[[str], V], limit: int = DEFAULT_LIMIT) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, word: str) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value
