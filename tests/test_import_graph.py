"""The import graph of ``editorial/``, read from the source with ``ast`` (imports at any depth, function-local
"lazy" imports included): no cycle anywhere in the package, and the check engine imports nothing from outside
``editorial/checks/`` but the standard library and its declared pure dependencies."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "editorial"
ENGINE = "editorial.checks"

# The engine's third-party imports: import name -> the distribution pyproject.toml must declare.
ENGINE_DEPENDENCIES = {"regex": "regex", "Stemmer": "PyStemmer", "rapidfuzz": "rapidfuzz", "babel": "babel",
                       "wordfreq": "wordfreq"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def imported_names(name: str, tree: ast.AST) -> set[str]:
    """Every module ``name`` imports, as absolute dotted names (a ``from x import y`` names ``x.y`` when that is
    a module of ours, else ``x``)."""
    is_package = MODULES[name].name == "__init__.py"
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                out.add(sub if sub in MODULES else source)
    return out


IMPORTS = {name: imported_names(name, ast.parse(path.read_text(encoding="utf-8"))) for name, path in MODULES.items()}
GRAPH = {name: sorted(t for t in targets if t in MODULES and t != name) for name, targets in IMPORTS.items()}


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_the_graph_reader_sees_lazy_and_relative_imports():
    tree = ast.parse("from . import b\nfrom .c import d\ndef f():\n    from ..x import y\n    import os\n")
    MODULES.setdefault("editorial.zz.a", PACKAGE / "zz" / "a.py")
    try:
        assert imported_names("editorial.zz.a", tree) == {"editorial.zz", "editorial.zz.c", "editorial.x", "os"}
    finally:
        del MODULES["editorial.zz.a"]
    assert cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert cycles({"a": ["b"], "b": []}) == []


def test_there_is_no_import_cycle_in_editorial():
    assert len(MODULES) > 50
    assert cycles(GRAPH) == []


def test_the_engine_imports_only_itself_the_standard_library_and_its_declared_dependencies():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    declared_names = {d.split(">")[0].split("<")[0].split("=")[0].split("[")[0].strip().lower() for d in declared}
    for import_name, distribution in ENGINE_DEPENDENCIES.items():
        assert distribution.lower() in declared_names, f"{distribution} (imported as {import_name}) not declared"
    allowed = set(sys.stdlib_module_names) | set(ENGINE_DEPENDENCIES)
    outside = {
        (name, target)
        for name, targets in IMPORTS.items() if name == ENGINE or name.startswith(ENGINE + ".")
        for target in targets
        if not (target == ENGINE or target.startswith(ENGINE + ".") or target.split(".")[0] in allowed)
    }
    assert outside == set()


@pytest.mark.parametrize("module", ["editorial.checks.engine", "editorial.checks.consistency"])
def test_the_engine_modules_are_read(module):
    assert module in MODULES and GRAPH[module]
