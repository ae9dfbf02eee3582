"""The two splits, both deterministic for a seed and disjoint.

- Articles are split by section (category): the tune split injects into some sections, the held-out split into
  the others, so a rule fitted to one section's style shows up as a gap between the two.
- Each kind's templates are split too: the tune split uses only tune templates, the held-out split only
  held-out ones, so a rule fitted to our wording shows up the same way.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

DEFAULT_SEED = 8
TUNE, HOLDOUT = "tune", "holdout"
SPLITS = (TUNE, HOLDOUT)


def seeded_rng(seed: int, salt: str) -> random.Random:
    # str hashing is salted per process; a digest keeps the split the same on every run and machine
    digest = hashlib.sha256(f"{seed}\x1f{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def split_categories(categories: Sequence[str], seed: int = DEFAULT_SEED, tune_share: float = 0.55) -> dict[str, str]:
    """Category -> split. At least one category on each side when there are two or more."""
    cats = sorted(set(categories))
    seeded_rng(seed, "categories").shuffle(cats)
    n_tune = min(max(1, round(len(cats) * tune_share)), max(len(cats) - 1, 1))
    return {c: (TUNE if i < n_tune else HOLDOUT) for i, c in enumerate(cats)}


def split_items(kind: str, items: Sequence, seed: int = DEFAULT_SEED, tune_share: float = 0.6) -> dict[str, list]:
    """A kind's templates -> {"tune": [...], "holdout": [...]}; both non-empty when there are two or more.

    A pure function of (seed, kind, items); each part keeps the templates' own order."""
    idx = list(range(len(items)))
    seeded_rng(seed, "templates/" + kind).shuffle(idx)
    n_tune = min(max(1, round(len(items) * tune_share)), max(len(items) - 1, 1))
    tune = sorted(idx[:n_tune])
    return {TUNE: [items[i] for i in tune], HOLDOUT: [items[i] for i in sorted(idx[n_tune:])]}
