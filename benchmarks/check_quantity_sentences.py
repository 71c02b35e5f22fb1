"""Sanity checks for benchmarks/data/quantity_sentences.jsonl.

Run: python3 benchmarks/check_quantity_sentences.py [path]
Checks that every line parses, ids are unique and well formed, every surface
is a substring of its text, and field types/values follow the conventions in
benchmarks/data/README.md.  Exits non-zero on the first batch of errors.
"""
import json
import re
import sys
from pathlib import Path

UNITS = {
    "percent", "percentage point", "basis point", "point",
    "USD", "EUR", "GBP", "JPY", "CNY", "AUD", "CAD", "NZD", "SGD", "MYR", "HKD",
    "CHF", "INR", "DKK", "SEK", "NOK", "BRL", "ZAR", "KRW", "RUB", "cent", "penny",
    "km", "m", "cm", "mm", "mile", "nautical mile", "ft", "inch", "yard",
    "kg", "g", "mg", "tonne", "lb", "oz", "litre", "ml", "gallon", "barrel",
    "km2", "m2", "hectare", "acre", "mile2", "km/h", "mph", "knot", "degC", "degF",
    "hour", "minute", "second", "day", "week", "month", "year",
    "hp", "psi", "ksi", "mpg", "GB", "MB", "TB", "kWh", "MW", "GW", "W",
}
QKEYS = {"surface", "value", "unit", "per", "attribute", "change", "role"}


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check(path):
    errors, ids = [], set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        where = f"line {n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: bad JSON: {e}")
            continue
        if set(rec) != {"id", "text", "quantities"}:
            errors.append(f"{where}: keys {sorted(rec)}")
            continue
        rid, text, qs = rec["id"], rec["text"], rec["quantities"]
        where = f"line {n} ({rid})"
        if not (isinstance(rid, str) and re.fullmatch(r"q\d{3}", rid)):
            errors.append(f"{where}: bad id")
        if rid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(rid)
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
        if not isinstance(qs, list):
            errors.append(f"{where}: quantities is not a list")
            continue
        for q in qs:
            if not isinstance(q, dict) or not {"surface", "value", "unit"} <= set(q) or set(q) - QKEYS:
                errors.append(f"{where}: bad quantity keys {q}")
                continue
            s, v, u = q["surface"], q["value"], q["unit"]
            if not isinstance(s, str) or not s or s not in text:
                errors.append(f"{where}: surface {s!r} not in text")
            if isinstance(v, list):
                if len(v) != 2 or not all(is_num(x) for x in v) or v[0] > v[1]:
                    errors.append(f"{where}: bad range {v}")
            elif not is_num(v):
                errors.append(f"{where}: value {v!r} is not a number")
            if u is not None and u not in UNITS:
                errors.append(f"{where}: unknown unit {u!r}")
            if "per" in q and not (isinstance(q["per"], str) and q["per"]):
                errors.append(f"{where}: bad per {q['per']!r}")
            if "attribute" in q:
                a = q["attribute"]
                if a not in ("age", "multiple"):
                    errors.append(f"{where}: bad attribute {a!r}")
                elif a == "age" and u != "year":
                    errors.append(f"{where}: age must have unit year")
                elif a == "multiple" and u is not None:
                    errors.append(f"{where}: multiple must have unit null")
            if ("change" in q) != ("role" in q):
                errors.append(f"{where}: change and role must come together")
            if "change" in q and q["change"] not in ("up", "down"):
                errors.append(f"{where}: bad change {q['change']!r}")
            if "role" in q and q["role"] not in ("amount", "from", "to"):
                errors.append(f"{where}: bad role {q['role']!r}")
    return len(lines), errors


if __name__ == "__main__":
    default = Path(__file__).resolve().parent / "data" / "quantity_sentences.jsonl"
    path = sys.argv[1] if len(sys.argv) > 1 else default
    count, errors = check(path)
    for e in errors:
        print(e)
    print(f"{count} lines, {len(errors)} errors")
    sys.exit(1 if errors else 0)
