"""The package's structure: no import cycles, every module importable on its own.

The import graph is read from the source with ``ast`` (every import counts:
top-level, inside functions and under ``TYPE_CHECKING``), so a cycle is
caught before it bites as a "partially initialized module" error.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import factcheck

PACKAGE = Path(factcheck.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports: ``from a import b`` is ``a.b`` when that is a module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    return {name: imports_of(path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reader_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_reader_reads_lazy_and_type_checking_imports() -> None:
    graph = import_graph()
    assert "factcheck.pipeline" in graph["factcheck"]  # the lazy `check` import of the package face
    assert "factcheck.alignment" in graph["factcheck.checks.base"]  # under TYPE_CHECKING


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    """Each module first, before any other of the package: what a user's ``import`` does.

    One interpreter loads the third-party libraries once, then forks a child
    per module, so each child starts without any factcheck module loaded.
    """
    modules = sorted(package_modules())
    script = textwrap.dedent(
        f"""
        import importlib, os, sys, traceback
        import pydantic, spacy, dateparser, rapidfuzz, yaml  # third-party, loaded once for speed
        assert not any(m == "factcheck" or m.startswith("factcheck.") for m in sys.modules)
        failed = []
        for name in {modules!r}:
            pid = os.fork()
            if pid == 0:
                try:
                    importlib.import_module(name)
                except BaseException:
                    traceback.print_exc()
                    os._exit(1)
                os._exit(0)
            _, status = os.waitpid(pid, 0)
            if status != 0:
                failed.append(name)
        print("FAILED", failed)
        sys.exit(1 if failed else 0)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def reachable(graph: dict[str, set[str]], roots: list[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        module = stack.pop()
        if module not in seen:
            seen.add(module)
            stack.extend(graph[module])
    return seen


def test_the_claims_cache_keys_on_all_code_that_shapes_claims() -> None:
    """Every module the extractors and the NLP pipeline import, recursively, is in the cache key."""
    from factcheck.extraction.cache import claim_code_files

    shaping = reachable(import_graph(), ["factcheck.extraction.per_source", "factcheck.extraction.nlp"])
    modules = package_modules()
    keyed = {p.resolve() for p in claim_code_files()}
    missing = sorted(m for m in shaping if modules[m].resolve() not in keyed)
    assert missing == [], f"code that shapes claims but is not in extraction.cache.CLAIM_CODE: {missing}"


CONSTRUCTORS = {("factcheck.claims", "_built")}
"""Functions that fill a new object before anything else can see it (pydantic's own way)."""


def test_no_module_writes_into_a_claim() -> None:
    """Claims are immutable: nothing assigns through ``__dict__`` or ``object.__setattr__``."""
    offenders = []
    for name, path in package_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and (name, function.name) in CONSTRUCTORS
            for node in ast.walk(function)
        }
        for node in ast.walk(tree):
            if id(node) in allowed:
                continue
            target_dict = (
                isinstance(node, ast.Assign)
                and any(
                    isinstance(t, ast.Subscript) and isinstance(t.value, ast.Attribute) and t.value.attr == "__dict__"
                    for t in node.targets
                )
            )
            setattr_call = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "__setattr__"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "object"
            )
            if target_dict or setattr_call:
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def test_modules_stay_small() -> None:
    """A module over about 600 lines is doing more than one job: split it by job (tables apart)."""
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in package_modules().items()}
    assert {name: n for name, n in lengths.items() if n > 600} == {}


BASE = {
    *("version", "errors", "timing", "yaml_positions", "calendar_words", "suggest"),
    *("render_formats", "stop_words", "table_cache", "pattern_cache"),
}
ALLOWED: dict[str, set[str]] = {
    **{room: set() for room in BASE},
    "pattern_cache": {"table_cache"},
    "claims": set(),
    "sources": BASE,
    "names": {"claims"},
    "extraction": BASE | {"claims", "sources", "names"},
    "alignment": BASE | {"claims", "sources", "names"},
    "report": {"claims", "sources", "render_formats"},
    "checks": BASE | {"claims", "names", "alignment", "report"},
    "rulebook": BASE | {"claims", "sources", "names", "report", "checks"},
    "output": BASE | {"claims", "alignment", "report"},
    "baseline": BASE | {"report"},
    "pipeline": BASE | {"claims", "sources", "names", "extraction", "alignment", "report", "checks", "rulebook"},
    **{
        shell: BASE
        | {"claims", "sources", "names", "extraction", "alignment", "report", "checks", "rulebook", "output"}
        | {"baseline", "pipeline", "rule_tests"}
        for shell in ("rule_tests", "cli", "pytest_plugin", "dask_support")
    },
    "__init__": BASE | {"claims", "sources", "report", "pipeline", "output"},
}
"""What each room (a top-level module or folder) may import: the table that opens docs/pipeline.md."""


def room_of(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def test_rooms_import_only_what_the_map_allows() -> None:
    graph = import_graph()
    assert {room_of(m) for m in graph} == set(ALLOWED), "a room is missing from the map (docs/pipeline.md too)"
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if room_of(target) != room_of(module) and room_of(target) not in ALLOWED[room_of(module)]
    )
    assert wrong == []


def test_the_map_in_the_docs_names_every_room() -> None:
    docs = (PACKAGE.parent / "docs" / "pipeline.md").read_text(encoding="utf-8")
    table = docs[docs.index("## The tree") : docs.index("## The stages")]
    for room in ALLOWED:
        written = f"`{room}/`" if (PACKAGE / room).is_dir() else f"`{room}.py`"
        assert written in table, f"{written} is not in the map of docs/pipeline.md"
