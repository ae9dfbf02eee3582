"""A LanguageTool-compatible answer, so editor plug-ins written for LanguageTool can use our checks.

The submitted text is either ``text`` or LanguageTool's ``data`` annotation (text and markup pieces; markup
counts for offsets but is not checked, or is checked as its ``interpretAs``). It is read with the one text rule
(``editorial.checks.text``: CRLF as LF, NUL dropped) like every other door, so the findings are those ``/check/``
gives. When the text has several non-empty lines, the first is the title. Offsets in the answer are UTF-16 units
into the whole text as it was submitted.

Clients choose rules as LanguageTool's do: ``disabledRules`` and ``disabledCategories`` switch rules or families
off, ``enabledOnly=true`` runs only ``enabledRules`` and ``enabledCategories``. Rule ids are ours
(``placeholder.bracket_instruction``); a category id is a family in capitals (``PLACEHOLDER``). What the newsroom
switched off stays off.
"""

from __future__ import annotations

import dataclasses

import regex
from django.utils.translation import gettext as _

from editorial.api.parsers import loads_bounded
from editorial.checks import ENGINE_VERSION, CheckConfig, all_rules, check_draft
from editorial.checks.text import normalise_mapped, split_title_at
from editorial.checks.types import utf16_offsets

ISSUE_TYPES = {"placeholder": "omission", "repetition": "duplication", "consistency": "inconsistency"}
CONTEXT_CHARS = 40
_SENTENCE_END = regex.compile(r"[.!?؟。\n]")


class AnnotationError(ValueError):
    pass


def parse_annotation(data: str) -> tuple[str, str, list[int]]:
    """``(original, checked, index_map)``: ``index_map[i]`` is where ``checked[i]`` sits in ``original``."""
    try:
        items = loads_bounded(data)["annotation"]
        if not isinstance(items, list):
            raise TypeError
    except ValueError as exc:
        raise AnnotationError(_("'data' is not usable JSON: %(e)s") % {"e": str(exc)[:200]}) from None
    except (TypeError, KeyError) as exc:
        raise AnnotationError(_("'data' must be JSON like {\"annotation\": [{\"text\": \"...\"}]}.")) from exc
    original: list[str] = []
    checked: list[str] = []
    index_map: list[int] = []
    pos = 0
    for item in items:
        if not isinstance(item, dict):
            raise AnnotationError(_("Each annotation item must be an object."))
        if "text" in item:
            piece = str(item["text"])
            checked.append(piece)
            index_map.extend(range(pos, pos + len(piece)))
        elif "markup" in item:
            piece = str(item["markup"])
            interpret = str(item.get("interpretAs", ""))
            checked.append(interpret)
            index_map.extend([pos] * len(interpret))
        else:
            raise AnnotationError(_("Each annotation item needs 'text' or 'markup'."))
        original.append(piece)
        pos += len(piece)
    index_map.append(pos)
    checked_text, index_map = normalise_mapped("".join(checked), index_map)
    return "".join(original), checked_text, index_map


def _ids(value: str) -> frozenset[str]:
    return frozenset(x.strip() for x in (value or "").split(",") if x.strip())


def _family(category: str) -> str:
    return category.strip().lower()


def rule_choice(config: CheckConfig, *, disabled_rules: str = "", enabled_rules: str = "",
                disabled_categories: str = "", enabled_categories: str = "", enabled_only: bool = False
                ) -> CheckConfig:
    """The newsroom's ``config`` with the client's choice of rules applied (comma-separated ids, as sent)."""
    off = set(_ids(disabled_rules)) | {_family(c) for c in _ids(disabled_categories)}
    if enabled_only:
        rules, families = _ids(enabled_rules), {_family(c) for c in _ids(enabled_categories)}
        off |= {r for r in all_rules() if r not in rules and r.split(".", 1)[0] not in families}
    return dataclasses.replace(config, disabled=config.disabled | off) if off else config


def read_text(text: str) -> tuple[str, str, list[int]]:
    """``(original, checked, index_map)`` for a plain ``text`` field."""
    checked, index_map = normalise_mapped(text)
    return text, checked, index_map


def split_title(text: str) -> tuple[str, int, str, int]:
    """``(title, title_start, body, body_start)``: the first non-empty line is the title (``checks.text.split_title_at``)
    if more follow; a single line is all body."""
    found = split_title_at(text)
    return tuple(found) if found.body else ("", 0, text, 0)


def _utf16(text: str, i: int) -> int:
    return utf16_offsets(text)(i)


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)].strip()


def _context(text: str, start: int, end: int) -> dict:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    prefix = "..." if left else ""
    suffix = "..." if right < len(text) else ""
    window = text[left:right].replace("\n", " ")
    return {"text": prefix + window + suffix, "offset": len(prefix) + _utf16(window, start - left),
            "length": _utf16(text[start:end], end - start)}


def check(original: str, checked: str, index_map: list[int], config) -> dict:
    """The LanguageTool ``/v2/check`` answer for one text."""
    title, t0, body, b0 = split_title(checked)
    report = check_draft(title, body, config)
    matches = []
    for f in report.findings:
        base = t0 if f.field == "title" else b0
        start, end = base + f.start, base + f.end
        start, end = index_map[start], index_map[end - 1] + 1 if end > start else index_map[start]
        matches.append({
            "message": f.message,
            "shortMessage": "",
            "offset": _utf16(original, start),
            "length": _utf16(original[start:end], end - start),
            "replacements": [{"value": f.suggestion}] if f.suggestion else [],
            "rule": {
                "id": f.rule, "description": f.message_en or f.rule,
                "issueType": ISSUE_TYPES.get(f.check, "uncategorized"),
                "category": {"id": f.check.upper(), "name": f.check},
            },
            "context": _context(original, start, end),
            "sentence": _sentence(original, start, end),
            "type": {"typeName": "Other"},
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        })
    return {
        "software": {"name": "Editorial checks", "version": ENGINE_VERSION, "buildDate": "", "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": bool(report.errors)},
        "language": {"name": "Arabic", "code": "ar",
                     "detectedLanguage": {"name": "Arabic", "code": "ar", "confidence": 1.0}},
        "matches": matches,
    }
