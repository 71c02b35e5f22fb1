"""Write, or check, the table entries that ship with the package (``factcheck/tables``).

    python scripts/ship_tables.py           # rewrite them (``make tables``)
    python scripts/ship_tables.py --check   # exit 1 when they differ from what the code builds now

A first run on a fresh machine would otherwise read the bundled name lists'
YAML and find the date patterns' guards, a few tenths of a second before the
first article (`factcheck.table_cache`).  The entries shipped are those whose
keys depend on no library version, for the bundled rule pack: they are built
here by a fresh process over an empty cache directory, with no shipped
entries to read, and copied in place of the old ones.
``tests/test_shipped_tables.py`` runs ``--check``, so a change to the lists,
the patterns or the code that reads them fails until this is run again.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extraction.dates.guards import GUARD_TABLES  # noqa: E402 - the checkout's package, as the build's
from factcheck.rulebook.loader import NAME_LIST_TABLES  # noqa: E402

SHIPPED = ROOT / "factcheck" / "tables"
KINDS = (NAME_LIST_TABLES, GUARD_TABLES)
"""The kinds of entry whose keys name no library version (`factcheck.table_cache`)."""

BUILD = """
import sys
from pathlib import Path
import factcheck.table_cache as tables
tables.SHIPPED_TABLES = Path(sys.argv[1])  # nothing shipped to read: every entry is built
from factcheck.rulebook.compiled import load_rules_and_names
import factcheck.extraction.dates.extract  # the date patterns and their guards
load_rules_and_names(None)  # the bundled pack and its name lists
"""


def build(cache: Path) -> Path:
    """Build the entries in a fresh process over the empty ``cache``; the directory of its tables."""
    environment = {"FACTCHECK_CACHE_DIR": str(cache), "FACTCHECK_TABLE_CACHE": "1", "PYTHONPATH": str(ROOT)}
    empty = cache / "no-shipped-tables"
    empty.mkdir()
    subprocess.run([sys.executable, "-c", BUILD, str(empty)], env=environment, check=True)
    return cache / "tables"


def differences(built: Path) -> list[str]:
    """What differs between the shipped entries and the ``built`` ones, a line each."""
    lines: list[str] = []
    for kind in KINDS:
        new = {p.name for p in (built / kind).glob("*.json")}
        old = {p.name for p in (SHIPPED / kind).glob("*.json")}
        lines += [f"{kind}/{name}: not shipped" for name in sorted(new - old)]
        lines += [f"{kind}/{name}: shipped, no longer built" for name in sorted(old - new)]
        lines += [
            f"{kind}/{name}: differs"
            for name in sorted(new & old)
            if not filecmp.cmp(built / kind / name, SHIPPED / kind / name, shallow=False)
        ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare, write nothing; exit 1 on a difference")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-ship-tables-") as cache:
        built = build(Path(cache))
        found = differences(built)
        if args.check:
            for line in found:
                print(line)
            if found:
                print("the shipped tables are out of date: run `make tables`", file=sys.stderr)
            return 1 if found else 0
        for kind in KINDS:
            shutil.rmtree(SHIPPED / kind, ignore_errors=True)
            shutil.copytree(built / kind, SHIPPED / kind, copy_function=shutil.copyfile)  # not the cache's 0600
        print(f"{sum(len(list((SHIPPED / kind).glob('*.json'))) for kind in KINDS)} entries in {SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
