"""Recycled copy across the archive: paragraphs that already appeared in another draft or published story.

Each paragraph of a revision (at least ``MIN_WORDS`` words) gets a MinHash signature (``datasketch``) over the
3-word shingles of its normalised words, cut into ``BANDS`` bands of ``ROWS`` values; each band's hash is a row
of ``ArchiveBand`` (an indexed bigint), so finding the paragraphs that may match is one indexed lookup that works
the same on SQLite and PostgreSQL. Candidates sharing a band are kept when their signatures agree on at least
``MIN_SIMILARITY`` of their values (the estimated Jaccard similarity of the two shingle sets).

``index_revision`` runs in the background (``tasks.index_revision``, enqueued for every new revision): it stores
the revision's paragraphs, drops the draft's older ones, and adds one ``archive.recycled`` finding per other draft
sharing paragraphs to the revision's latest check run: the span is the first shared paragraph, the related spans
the others, the message names the other draft. This is the Django side; the pure engine knows no archive.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from django.db import connection, transaction

from editorial import detail_cache, selectors
from editorial.checks.arabic.normalize import norm
from editorial.checks.types import utf16_offsets
from editorial.reports import rollup

PERMUTATIONS = 64
BANDS, ROWS = 16, 4  # 16 x 4 = 64 values: two paragraphs at Jaccard 0.5 share a band with p ~ 0.65, at 0.8 ~ 1
SHINGLE = 3
MIN_WORDS = 12
MIN_SIMILARITY = 0.5
KEYS_PER_QUERY = 2000
RULE = "archive.recycled"
FAMILY = "archive"
SEED = 20261206
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_WORD = re.compile(r"\w+")
# One fixed set of permutations, built once: every signature in the table must use the same.
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=SEED)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    signature: np.ndarray  # PERMUTATIONS uint64 values

    def band_keys(self) -> list[int]:
        return band_keys(self.signature)


def paragraphs(body: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each paragraph (blank-line or line separated), offsets into ``body``."""
    out = []
    for m in _PARAGRAPH.finditer(body or ""):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if text:
            out.append((m.start() + lead, m.start() + lead + len(text), text))
    return out


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(norm(text))
    if len(words) < SHINGLE:
        return set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray | None:
    grams = shingles(text)
    if len(grams) < MIN_WORDS - SHINGLE + 1:
        return None
    m = _TEMPLATE.copy()
    m.update_batch(list(grams))
    return m.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number included, so equal values in different bands differ)."""
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8,
                                 person=b.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def signed_paragraphs(body: str) -> list[Paragraph]:
    out = []
    for i, (start, end, text) in enumerate(paragraphs(body)):
        sig = signature(text)
        if sig is not None:
            out.append(Paragraph(i, start, end, text, sig))
    return out


@dataclass
class Match:
    ours: Paragraph
    other_paragraph_id: int
    other_draft_id: int
    other_start: int
    other_end: int
    similarity: float


_LOOKUP_COLUMNS = 'b.key, p.id, p.draft_id, p.start, p."end", p.signature'
# PostgreSQL: the lookup is a statement prepared once per connection. Planning the join took longer than running
# it (about 1.3 ms against 0.25 ms at a million paragraphs); EXECUTE reuses the plan. Each pooled connection
# prepares its own copy the first time it looks up, so this needs a session-pooling proxy or none (see
# docs/deploy.md), never PgBouncer in transaction mode.
_PREPARED = "editorial_archive_lookup"
_prepared_on: weakref.WeakSet = weakref.WeakSet()


def _tables() -> tuple[str, str]:
    from editorial.models import ArchiveBand, ArchiveParagraph

    return ArchiveBand._meta.db_table, ArchiveParagraph._meta.db_table


def _lookup_sql(cursor, keys: list[int], exclude_draft_id: int | None) -> tuple[str, list]:
    """The statement and parameters that read the band rows of ``keys`` (other drafts than the excluded one)."""
    b_table, p_table = _tables()
    if connection.vendor == "postgresql":
        raw = connection.connection
        if raw not in _prepared_on:
            cursor.execute(
                f"PREPARE {_PREPARED} (bigint[], bigint) AS SELECT {_LOOKUP_COLUMNS} FROM {b_table} b "
                f"JOIN {p_table} p ON p.id = b.paragraph_id WHERE b.key = ANY($1) "
                "AND ($2::bigint IS NULL OR p.draft_id <> $2)"
            )
            _prepared_on.add(raw)
        return f"EXECUTE {_PREPARED} (%s::bigint[], %s::bigint)", [keys, exclude_draft_id]
    sql = (f"SELECT {_LOOKUP_COLUMNS} FROM {b_table} b JOIN {p_table} p ON p.id = b.paragraph_id "
           f"WHERE b.key IN ({', '.join(['%s'] * len(keys))})")
    if exclude_draft_id is None:
        return sql, keys
    return sql + " AND p.draft_id <> %s", [*keys, exclude_draft_id]


def find_matches(signed: list[Paragraph], *, exclude_draft_id: int | None) -> list[Match]:
    """Paragraphs of other drafts that share a band with ours and agree on at least MIN_SIMILARITY."""
    by_key: dict[int, list[Paragraph]] = {}
    for p in signed:
        for k in p.band_keys():
            by_key.setdefault(k, []).append(p)
    if not by_key:
        return []
    # Plain SQL: this runs for every revision, and building the ORM query cost more than running it.
    # Keys go in chunks: a long text has thousands, more than a database takes as parameters at once.
    keys = list(by_key)
    rows = []
    with connection.cursor() as cursor:
        for i in range(0, len(keys), KEYS_PER_QUERY):
            cursor.execute(*_lookup_sql(cursor, keys[i:i + KEYS_PER_QUERY], exclude_draft_id))
            rows += cursor.fetchall()
    best: dict[tuple[int, int], Match] = {}
    signatures: dict[int, np.ndarray] = {}
    seen: set[tuple[int, int]] = set()
    for key, pid, draft_id, start, end, sig in rows:
        theirs = signatures.get(pid)
        if theirs is None:
            theirs = signatures[pid] = np.frombuffer(bytes(sig), dtype=np.uint64)
        for p in by_key[key]:
            pair = (p.index, pid)
            if pair in seen:
                continue
            seen.add(pair)
            sim = similarity(p.signature, theirs)
            if sim >= MIN_SIMILARITY:
                best[pair] = Match(p, pid, draft_id, start, end, sim)
    return sorted(best.values(), key=lambda m: (m.ours.index, -m.similarity))


def store(revision, signed: list[Paragraph]) -> None:
    """The revision's paragraphs replace the draft's older ones in the index."""
    from editorial.models import ArchiveBand, ArchiveParagraph

    ArchiveParagraph.objects.filter(draft_id=revision.draft_id).delete()
    made = ArchiveParagraph.objects.bulk_create([
        ArchiveParagraph(draft_id=revision.draft_id, revision=revision, index=p.index, start=p.start, end=p.end,
                         signature=p.signature.tobytes())
        for p in signed
    ])
    ArchiveBand.objects.bulk_create([
        ArchiveBand(key=k, paragraph=row) for row, p in zip(made, signed, strict=True) for k in p.band_keys()
    ])


def findings_for(revision, matches: list[Match]) -> list:
    """One finding per other draft: the first shared paragraph, the others as related spans."""
    from editorial.models import Draft, Finding

    by_draft: dict[int, list[Match]] = {}
    for m in matches:
        by_draft.setdefault(m.other_draft_id, []).append(m)
    others = {d.pk: d for d in Draft.objects.filter(pk__in=by_draft).only("pk", "title", "status", "updated_at")}
    to16 = utf16_offsets(revision.body_text)
    out = []
    for draft_id, ms in sorted(by_draft.items()):
        other = others.get(draft_id)
        if other is None:
            continue
        ours = sorted({m.ours.index: m for m in ms}.values(), key=lambda m: m.ours.start)
        first = ours[0]
        n = len(ours)
        title = other.title[:120]
        message = (f"{n} من فقرات هذه المسودة سبق نشرها في المسودة رقم {other.pk} «{title}»"
                   if n > 1 else f"هذه الفقرة سبق أن وردت في المسودة رقم {other.pk} «{title}»")
        message_en = (f"{n} paragraph(s) of this draft already appeared in draft #{other.pk} “{title}”")
        related = [{"field": "body", "start": m.ours.start, "end": m.ours.end,
                    "start_utf16": to16(m.ours.start), "end_utf16": to16(m.ours.end),
                    "text": m.ours.text[:200]} for m in ours[1:]]
        fp = hashlib.sha256(f"{RULE}\x00{other.pk}".encode()).hexdigest()
        out.append(Finding(
            family=FAMILY, rule=RULE, severity="warning", field="body", start=first.ours.start, end=first.ours.end,
            start_utf16=to16(first.ours.start), end_utf16=to16(first.ours.end),
            text=first.ours.text, message=message, message_en=message_en, related=related,
            suggestion=None, fingerprint=fp,
        ))
    return out


def index_revision(revision_id: int) -> int:
    """Index one revision and record its archive findings; returns how many findings were added.

    A revision that is no longer its draft's latest is skipped (a newer one has its own task)."""
    from editorial.models import CheckRun, Finding, Revision

    rev = Revision.objects.select_related("draft").filter(pk=revision_id).first()
    if rev is None or rev.number != rev.draft.revision_number:
        return 0
    signed = signed_paragraphs(rev.body_text)
    matches = find_matches(signed, exclude_draft_id=rev.draft_id)
    with transaction.atomic():
        store(rev, signed)
        run = selectors.latest_run_of(rev.draft)
        if run is None:
            return 0
        with rollup.tracked(rev.draft_id):  # the reports count the replaced findings
            run.findings.filter(family=FAMILY).delete()
            found = findings_for(rev, matches)
            for f in found:
                f.check_run = run
            Finding.objects.bulk_create(found)
        counts = dict(run.counts or {})
        counts[RULE] = len(found)
        CheckRun.objects.filter(pk=run.pk).update(counts=counts)
        detail_cache.changed(rev.draft_id)  # the API's cached detail shows the run's findings and counts
    return len(found)
