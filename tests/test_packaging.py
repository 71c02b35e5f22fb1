"""The wheel holds the whole package: every module imports from it, the bundled rules come with it.

The wheel is built from this checkout (no build isolation: the build
backend is a dev dependency) and unpacked; a fresh interpreter then imports
every module of the tree from the unpacked wheel, never from the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import factcheck

ROOT = Path(factcheck.__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    (wheel,) = out.glob("factcheck_consistency-*.whl")
    target = out / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def tree_modules() -> list[str]:
    package = ROOT / "factcheck"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_every_module_of_the_tree_imports_from_the_wheel(unpacked_wheel: Path) -> None:
    script = textwrap.dedent(
        f"""
        import importlib, json, sys
        sys.path.insert(0, {str(unpacked_wheel)!r})
        found = {{}}
        for name in {tree_modules()!r}:
            found[name] = importlib.import_module(name).__file__
        from factcheck.rulebook.packs import bundled_rules_dir
        found["rules"] = str(bundled_rules_dir())
        print(json.dumps(found))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=unpacked_wheel, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    outside = {name: where for name, where in found.items() if not where.startswith(str(unpacked_wheel))}
    assert outside == {}, "imported from outside the wheel"
    rules = Path(found["rules"])
    assert (rules / "pack.yaml").is_file() and list((rules / "names").glob("*.yaml"))


def test_the_wheel_declares_its_licence(unpacked_wheel: Path) -> None:
    (metadata,) = unpacked_wheel.glob("factcheck_consistency-*.dist-info/METADATA")
    text = metadata.read_text(encoding="utf-8")
    assert "License-Expression: MIT" in text
    assert list(unpacked_wheel.glob("factcheck_consistency-*.dist-info/licenses/LICENSE"))
    assert f"Version: {factcheck.__version__}" in text
