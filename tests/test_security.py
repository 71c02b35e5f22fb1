"""Rule files are data, never code; the library never reaches the network; normalizers are stable.

- generated rule files (hypothesis-jsonschema over the published schema) load
  or fail with a `Problem`, never an exception;
- YAML bombs, attribute-reaching templates and catastrophic regular
  expressions fail fast with a clear error;
- rule packs cannot read files outside their directory;
- the whole CLI checks the seeds with sockets disabled (in a fresh process,
  so the spaCy model is loaded under the ban too);
- no module of the package unpickles, evals or loads YAML unsafely;
- the name normalizers are idempotent and number formatting round-trips.
"""

from __future__ import annotations

import ast
import copy
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import factcheck
from factcheck.checks import get_check_types
from factcheck.extraction.dates.normalising import normalise
from factcheck.extraction.quantities.numbers import format_thousands, parse_digits, parse_number
from factcheck.names.folding import fold, strip_accents, translit_key
from factcheck.report import Problem
from factcheck.rulebook.loader import load_rule_file, load_rule_packs
from factcheck.rulebook.schema import rule_schema
from factcheck.sources.model import Source

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "factcheck"
SEEDS = REPO / "seeds"
DOCS_SCHEMA = REPO / "docs" / "factcheck-rules.schema.json"
GENERATED = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


# --- generated rule files ---------------------------------------------------------------------------


def schema_for(check: str) -> dict[str, Any]:
    """The published rule-file schema (docs/) narrowed to one check type, with small lists.

    The whole schema (an ``if``/``then`` per check type) is correct but far too
    slow for hypothesis-jsonschema to generate from; one check type at a time
    is the same schema, branch by branch.
    """
    published = json.loads(DOCS_SCHEMA.read_text(encoding="utf-8"))
    if check not in published["$defs"]["Rule"]["properties"]["check"]["enum"]:
        published = rule_schema()  # a check type newer than the checked-in copy: `factcheck rules schema`
    schema = copy.deepcopy(published)
    defs = schema["$defs"]
    rule = defs["Rule"]
    branch = next(b for b in rule.pop("allOf") if b["if"]["properties"]["check"]["const"] == check)
    rule["properties"]["check"] = {"const": check}
    rule["properties"]["params"] = branch["then"]["properties"]["params"]
    rule["properties"]["examples"]["maxItems"] = 1
    example = defs["RuleExample"]
    example["properties"]["sources"]["maxItems"] = 2
    for key in ("expect", "forbid"):
        example["properties"][key]["maxItems"] = 1
    schema["properties"]["rules"]["maxItems"] = 2
    return schema


def load_document(tmp_path: Path, document: object) -> tuple[int, list[Problem]]:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    loaded, problems = load_rule_file(path)
    for problem in problems:
        assert problem.path == str(path) and problem.message and "Traceback" not in problem.message
    return len(loaded), problems


@pytest.mark.parametrize("check", sorted(get_check_types()))
def test_schema_valid_rule_files_load_or_give_problems(check: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("generated")

    @GENERATED
    @given(from_schema(schema_for(check)))
    def run(document: dict[str, Any]) -> None:
        loaded, problems = load_document(tmp_path, document)
        assert loaded <= len(document["rules"])
        if loaded < len(document["rules"]):
            assert problems, document
        rules = document["rules"]
        if rules:  # the same file with a required key removed never loads that rule
            broken = copy.deepcopy(document)
            del broken["rules"][0]["id"]
            loaded_broken, problems_broken = load_document(tmp_path, broken)
            assert loaded_broken < len(rules) and problems_broken

    run()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@GENERATED
@given(st.one_of(JSON, st.fixed_dictionaries({"rules": st.lists(JSON, max_size=3)})))
def test_arbitrary_documents_give_problems_not_exceptions(document: object) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        loaded, problems = load_document(Path(folder), document)
    assert loaded == 0
    if document != {"rules": []}:
        assert problems


@GENERATED
@given(st.text(max_size=300))
def test_arbitrary_yaml_text_gives_problems_not_exceptions(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        loaded, problems = load_rule_file(path)
    assert loaded == [] or problems == [] or all(p.message for p in problems)


# --- bombs and code -----------------------------------------------------------------------------------


def make_pack(tmp_path: Path, files: dict[str, str]) -> Path:
    pack = tmp_path / "pack"
    for name, text in files.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def test_billion_laughs_and_deep_nesting_fail_within_a_second(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    pack = make_pack(
        tmp_path,
        {
            "bomb.yaml": "\n".join(lines) + "\nrules: []\n",
            "deep.yaml": "rules: " + "[" * 10_000 + "]" * 10_000 + "\n",
            "big.yaml": "rules: []\n#" + "x" * 2_100_000 + "\n",
        },
    )
    started = time.process_time()  # CPU time: a busy machine must not fail a guard against blow-ups
    ruleset = load_rule_packs([pack])
    assert time.process_time() - started < 1.0
    messages = {Path(p.path).name: p.message for p in ruleset.problems}
    assert "alias bomb" in messages["bomb.yaml"]
    assert "nesting" in messages["deep.yaml"]
    assert "2000000-byte limit" in messages["big.yaml"]


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGVsbG8="],
)
def test_yaml_tags_never_build_objects(tmp_path: Path, tag: str) -> None:
    pack = make_pack(tmp_path, {"a.yaml": f"rules:\n  - id: x\n    check: {tag}\n"})
    ruleset = load_rule_packs([pack])
    assert ruleset.rules == [] and ruleset.problems


@pytest.mark.parametrize(
    "message", ["{text.__class__}", "{text.__init__.__globals__}", "{text[0]}", "{text!r}", "{text:{x}}"]
)
def test_templates_cannot_reach_attributes(tmp_path: Path, message: str) -> None:
    rule = (
        "rules:\n  - id: x\n    check: name-casing\n    category: name-casing\n    severity: info\n"
        f"    message: {json.dumps(message)}\n"
    )
    ruleset = load_rule_packs([make_pack(tmp_path, {"a.yaml": rule})])
    assert ruleset.rules == [] and "plain name" in ruleset.problems[0].message


@pytest.mark.parametrize("spec", ["bogus", ",a", "1111111111111111b"])
def test_a_bad_format_spec_fails_the_rule_not_the_run(tmp_path: Path, spec: str) -> None:
    """Fuzz (rules) found ``{count:bogus}`` loading and failing in format(), and
    ``{count:1111111111111111b}`` asking for a petabyte of padding (MemoryError).

    The loader now refuses such specs: the rule is a problem naming it, and the
    other rules still report.
    """
    rule = (
        "rules:\n  - id: x\n    check: name-variant\n    category: name-variant\n    severity: info\n"
        f'    message: "{{count:{spec}}} spellings"\n'
        "  - id: y\n    check: pattern\n    category: custom\n    severity: info\n"
        '    message: "{text}"\n    params: {patterns: [Lavrov]}\n'
    )
    pack = make_pack(tmp_path, {"a.yaml": rule})
    texts = [Source(id="a", text="Sergei Lavrov spoke."), Source(id="b", text="Sergey Lavrov spoke.")]
    report = factcheck.check(texts, rules=[pack])
    assert {f.rule for f in report.findings} == {"y"}
    assert any(p.kind == "rule" and "'x'" in p.message for p in report.problems), report.problems


def test_catastrophic_regex_in_a_rule_is_fast_end_to_end(tmp_path: Path) -> None:
    rule = (
        "rules:\n  - id: slow\n    check: pattern\n    category: custom\n    severity: info\n"
        "    message: \"{text}\"\n    params: {patterns: ['(a+)+$']}\n"
    )
    pack = make_pack(tmp_path, {"a.yaml": rule})
    (loaded,) = load_rule_packs([pack]).rules
    from factcheck.alignment import AlignedCluster
    from factcheck.names.index import NameIndex

    cluster = AlignedCluster("c", {"a": Source(id="a", text="a" * 50_000 + "b")}, {}, [], [], [], NameIndex([]))
    started = time.perf_counter()
    assert list(loaded.check.run(cluster)) == []
    assert time.perf_counter() - started < 1.0


def test_rule_packs_cannot_read_outside_their_directory(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("rules: []\n", encoding="utf-8")
    (outside / "people.yaml").write_text("entities: []\n", encoding="utf-8")
    pack = make_pack(tmp_path, {"pack.yaml": "name: p\n"})
    (pack / "linked.yaml").symlink_to(outside / "secret.yaml")
    (pack / "names").mkdir()
    (pack / "names" / "people.yaml").symlink_to(outside / "people.yaml")
    ruleset = load_rule_packs([pack])
    outside_problems = [p for p in ruleset.problems if "links outside its rule pack" in p.message]
    assert {Path(p.path).name for p in outside_problems} == {"linked.yaml", "people.yaml"}
    assert ruleset.name_lists == []


# --- no network -------------------------------------------------------------------------------------

NO_NETWORK = """
import socket, sys

attempts = []

def refuse(*args, **kwargs):
    attempts.append(args)
    print("NETWORK ATTEMPT", args, file=sys.stderr)
    raise OSError("network access is disabled in this test")

_init = socket.socket.__init__

def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
    # No internet socket can even be created.  Creating one is not yet a
    # connection (urllib3, imported by spaCy, probes for IPv6 that way and
    # copes with the refusal), so it is refused but not counted.
    if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
        raise OSError("sockets are disabled in this test")
    _init(self, family, type, proto, fileno)

socket.socket.__init__ = guarded_init
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from factcheck.cli import main
status = main(sys.argv[1:])
sys.exit(3 if attempts else status)
"""


def test_the_cli_checks_the_seeds_with_sockets_disabled() -> None:
    """A fresh interpreter, so importing spaCy and loading the model happen under the ban."""
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "check", str(SEEDS), "--format", "json", "--fail-on", "error"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
    )
    assert "NETWORK ATTEMPT" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["sources_read"] == len(list(SEEDS.glob("*.txt")))
    assert report["problems"] == []
    assert report["findings"]


# --- no code from data in the package's own source ------------------------------------------------------

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib",
                     "socket", "ssl", "requests", "httpx", "urllib3", "aiohttp", "ftplib", "smtplib",
                     "http.client", "urllib.request", "subprocess"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_ATTRIBUTES = {
    ("yaml", "load"), ("yaml", "load_all"), ("yaml", "unsafe_load"), ("yaml", "unsafe_load_all"),
    ("yaml", "full_load"), ("yaml", "full_load_all"), ("yaml", "Loader"), ("yaml", "UnsafeLoader"),
    ("yaml", "FullLoader"), ("yaml", "CLoader"), ("yaml", "CUnsafeLoader"), ("yaml", "CFullLoader"),
    ("os", "system"), ("os", "popen"), ("importlib", "import_module"),
}
ALLOWED: set[tuple[str, str]] = set()
"""(file relative to the package, what) pairs that are deliberate; none today."""


def dangerous_uses(path: Path, root: Path = PACKAGE) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module in FORBIDDEN_MODULES:
                found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in FORBIDDEN_MODULES]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{node.func.id}()")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES
        ):
            found.append(f"{node.value.id}.{node.attr}")
    relative = str(path.relative_to(root))
    return [f"{relative}: {what}" for what in found if (relative, what) not in ALLOWED]


def test_no_module_unpickles_evals_or_loads_yaml_unsafely() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    problems = [use for path in files for use in dangerous_uses(path)]
    assert problems == []


def test_the_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import pickle\nfrom urllib.request import urlopen\nimport yaml\n"
        "yaml.load('a', Loader=yaml.Loader)\neval('1')\n",
        encoding="utf-8",
    )
    found = dangerous_uses(sample, tmp_path)
    assert sorted(f.split(": ", 1)[1] for f in found) == [
        "eval()", "pickle", "urllib.request", "yaml.Loader", "yaml.load"
    ]


# --- normalizers ------------------------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
NAMEISH = st.sampled_from(
    ["Zelenskiy", "Sergey", "Órban", "Kharkiv", "Mikhail", "O'Brien", "Jean-Luc", "Ţepeş", "Dmitriy", "yuri"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, st.lists(NAMEISH, max_size=4).map(" ".join)))
def test_name_normalizers_are_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert strip_accents(strip_accents(text)) == strip_accents(text)
    # translit_key is a comparison key, not a normal form: applying it twice may
    # rewrite again ("tzj"), so only its dependence on the folded form is a property.
    assert translit_key(text) == translit_key(fold(text))
    assert fold(text) == fold(fold(text).upper())


DATE_TEXT = st.one_of(
    ANY_TEXT,
    st.sampled_from(["Tuesday, 1", "1is February", "3 March 2025", "Dec. 23", "10:30 a.m.", "mid-July", "tmrw"]),
)


@settings(max_examples=300, deadline=None)
@given(DATE_TEXT)
def test_date_text_normalization_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_formatting_round_trips(n: int) -> None:
    written = format_thousands(n)
    assert parse_digits(written) == n
    assert parse_number(written) == n
    assert format_thousands(int(parse_digits(written) or 0)) == written


def test_invalid_yaml_timestamp_in_a_rule_file_is_a_problem_with_a_position(tmp_path: Path) -> None:
    """Fuzz (sources, front matter): PyYAML raised ValueError for ``2022-20-01``."""
    rule = (
        "rules:\n  - id: x\n    check: name-casing\n    category: name-casing\n    severity: info\n"
        "    message: \"{text}\"\n    examples:\n      - name: e\n        sources:\n"
        "          - {id: a, text: nato, published: 2022-20-01}\n        forbid: [{source: a}]\n"
    )
    ruleset = load_rule_packs([make_pack(tmp_path, {"a.yaml": rule})])
    (problem,) = ruleset.problems
    assert (problem.line, problem.column) == (10, 44)  # the value itself
    assert "invalid value '2022-20-01': month must be in 1..12" in problem.message


def test_lone_surrogates_never_reach_yaml() -> None:
    """Fuzz (sources): a str with lone surrogates made the C YAML parser raise UnicodeEncodeError."""
    from factcheck.yaml_positions import YamlLoadError, load_yaml_text

    with pytest.raises(YamlLoadError, match="not valid Unicode"):
        load_yaml_text("a: \udcd8\n")
