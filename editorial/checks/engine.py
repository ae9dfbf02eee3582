"""``check_draft``: run every registered check on a title and body and build the report.

Checks yield ``Hit``s (rule, field, span, related spans, message arguments); this module turns them into
``Finding``s: text, UTF-16 offsets, severity after configuration, messages and a fingerprint. A check that
fails on some text is reported in ``Report.errors`` instead of raising, so one bad rule never takes the
others down (the tests require ``errors`` to stay empty).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from .arabic import norm
from .config import DEFAULT_CONFIG, CheckConfig
from .registry import FAMILIES, all_rules
from .types import CheckModule, Document, Finding, Hit, PartialFailure, Report, Rule, Span, utf16_offsets

ENGINE_VERSION = "1.0.0"


def fingerprint(rule: str, text: str, context: str = "") -> str:
    material = "\x1f".join((rule, " ".join(norm(text).split()), context))
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _format(template: str, args: dict[str, Any]) -> str:
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def _valid(doc: Document, h: Hit) -> bool:
    if h.field not in ("title", "body"):
        return False
    n = len(doc.field(h.field).text)
    return 0 <= h.start < h.end <= n


def _to_finding(doc: Document, rule: Rule, h: Hit, config: CheckConfig,
                u16: dict[str, Callable[[int], int]]) -> Finding:
    text = doc.field(h.field).text
    span_text = text[h.start:h.end]
    args = {"text": span_text, **h.args}
    related = [
        Span(f, s, e, doc.field(f).text[s:e], u16[f](s), u16[f](e))
        for f, s, e in h.related
        if f in ("title", "body") and 0 <= s < e <= len(doc.field(f).text)
    ]
    return Finding(
        check=rule.family,
        rule=rule.id,
        severity=config.severity.get(rule.id, rule.severity),
        field=h.field,
        start=h.start,
        end=h.end,
        start_utf16=u16[h.field](h.start),
        end_utf16=u16[h.field](h.end),
        text=span_text,
        message=_format(rule.message_ar, args),
        message_en=_format(rule.message_en, args),
        related=related,
        suggestion=h.suggestion,
        fingerprint=fingerprint(rule.id, span_text, h.context),
    )


def _run_safely(module: CheckModule, doc: Document, config: CheckConfig, errors: list[str]) -> Iterator[Hit]:
    try:
        hits = list(module.run(doc, config))
    except PartialFailure as partial:  # some of the family's checks failed: keep the others' findings
        errors.extend(f"{module.__name__}: {e}" for e in partial.errors)
        hits = partial.hits
    except Exception as exc:  # noqa: BLE001 - the engine must never raise on text
        errors.append(f"{module.__name__}: {type(exc).__name__}: {exc}")
        return
    yield from hits


def _stats(doc: Document) -> dict[str, Any]:
    return {
        "words": len(doc.title.tokens) + len(doc.body.tokens),
        "title_words": len(doc.title.tokens),
        "body_words": len(doc.body.tokens),
        "sentences": len(doc.body.sentences),
        "paragraphs": len(doc.body.paragraphs),
        "characters": len(doc.title.text) + len(doc.body.text),
    }


def check_draft(title: str, body: str, config: CheckConfig | None = None) -> Report:
    """Check one draft. Deterministic, no I/O, never raises on any text."""
    # The checks allocate many short-lived containers (a token per word) and create no reference cycles worth
    # collecting; with the cyclic collector on, a long text triggers several full collections that each walk
    # every object in the process (the word caches included): a third of the time on 100,000 words. Pause it
    # for the call (refcounting still frees everything) and restore it; collection resumes afterwards.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _check_draft(title, body, config)
    finally:
        if paused:
            gc.enable()


_RULE_TABLE: list = [None, None]  # [the families' RULES tuples it was made from, (rules by id, sorted ids)]


def _rule_table() -> tuple[dict[str, Rule], tuple[str, ...]]:
    """``all_rules()`` and its sorted ids, made once (not per check) while the families declare the same rules."""
    declared = tuple(m.RULES for m in FAMILIES)
    made_from, table = _RULE_TABLE
    if made_from is None or len(made_from) != len(declared) or any(a is not b for a, b in zip(made_from, declared)):
        rules = all_rules()
        table = (rules, tuple(sorted(rules)))
        _RULE_TABLE[:] = [declared, table]
    return table


def _check_draft(title: str, body: str, config: CheckConfig | None) -> Report:
    config = config or DEFAULT_CONFIG
    title = title if isinstance(title, str) else str(title or "")
    body = body if isinstance(body, str) else str(body or "")
    doc = Document(title, body)
    errors: list[str] = []
    rules, rule_ids = _rule_table()
    u16 = {"title": utf16_offsets(title), "body": utf16_offsets(body)}
    seen: set[tuple[str, str, int, int]] = set()
    findings: list[Finding] = []
    for module in FAMILIES:
        if not any(config.enabled(r.id) for r in module.RULES):
            continue  # every rule of the family is switched off: its findings would all be dropped below
        for h in _run_safely(module, doc, config, errors):
            rule = rules.get(h.rule)
            key = (h.rule, h.field, h.start, h.end)
            if rule is None or not config.enabled(h.rule) or key in seen or not _valid(doc, h):
                continue
            seen.add(key)
            findings.append(_to_finding(doc, rule, h, config, u16))
    findings.sort(key=lambda f: (f.field != "title", f.start, f.end, f.rule))
    counts = dict.fromkeys(rule_ids, 0)
    for f in findings:
        counts[f.rule] += 1
    try:
        stats = _stats(doc)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"stats: {type(exc).__name__}")
        stats = {}
    return Report(title, body, findings, counts, stats, ENGINE_VERSION, errors)
