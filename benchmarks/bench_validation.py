"""How much validating costs against structuring, measured in the same process (issue 3, item 6).

Run from the repository root::

    python -m benchmarks.bench_validation [--rounds N]

For the Hestia case and a large synthetic case it prints the best time per call of structuring
(``structure_document``) and of ``validate`` on the parsed document, valid, with three errors and with
an error or two in every recommendation, and their ratio to structuring the same document (the
requirement: at most 2). For comparison it prints the reference engine (``validate(...,
engine="jsonschema")``, plain ``jsonschema`` plus the mapping of its errors). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import supercomplaint as sc
from supercomplaint import validation
from supercomplaint.converter import structure_document

ROOT = Path(__file__).resolve().parent.parent
HESTIA = ROOT / "examples" / "hestia" / "case.json"


def best(func: Callable[[Any], object], data: Any, rounds: int) -> float:
    """The best time of one call over ``rounds`` rounds (each round long enough to time well)."""
    func(data)
    start = time.perf_counter()
    func(data)
    number = max(1, int(0.05 / max(time.perf_counter() - start, 1e-7)))
    result = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            func(data)
        result = min(result, (time.perf_counter() - start) / number)
    return result


def synthetic(copies: int) -> dict[str, Any]:
    """The Hestia case with its recommendations, actions and responses repeated ``copies`` times."""
    data: dict[str, Any] = json.loads(HESTIA.read_text(encoding="utf-8"))
    report = data["report"]
    for key, items in (("recommendations", report["recommendations"]), ("actions", report["actions"])):
        report[key] = [{**copy.deepcopy(item), "id": f"{item['id']}-{n}"} for n in range(copies) for item in items]
    data["responses"] = [
        {**copy.deepcopy(response), "id": f"{response['id']}-{n}"}
        for n in range(copies)
        for response in data["responses"]
    ]
    return data


def structure(data: Any) -> None:
    """Structure a document, as loading does after parsing; a document with errors raises LoadError."""
    with contextlib.suppress(sc.LoadError):
        structure_document(data)


def measure(name: str, data: dict[str, Any], rounds: int) -> None:
    """Print the timings and ratios for one valid document and the same document with three errors."""
    size = len(json.dumps(data).encode("utf-8")) / 1024
    invalid = copy.deepcopy(data)
    invalid["report"]["recommendations"][0]["deadline"] = {"type": "fixed", "date": "2021-02-30"}
    invalid["responses"][0]["items"][0]["position"] = "maybe"
    invalid["complaint"]["surprise"] = True
    riddled = copy.deepcopy(data)
    for recommendation in riddled["report"]["recommendations"]:
        recommendation["deadline"] = {"type": "fixed", "date": "2021-02-30"}
        recommendation["surprise"] = True
    errors = len(sc.validate(riddled).problems)
    assert sc.validate(data).valid
    assert len(sc.validate(invalid).problems) == 3
    print(f"{name} ({size:.0f} KiB)")
    for label, document in (("valid", data), ("3 errors", invalid), (f"{errors} errors", riddled)):
        base = best(structure, document, rounds)
        fast = best(sc.validate, document, rounds)
        reference = best(lambda d: validation.validate(d, engine="jsonschema"), document, rounds)
        print(f"  {label:10} structure_document        {base * 1e3:9.3f} ms")
        print(f"  {label:10} validate                  {fast * 1e3:9.3f} ms   ratio {fast / base:5.2f}  (limit 2)")
        print(f"  {label:10} validate, engine=jsonschema {reference * 1e3:7.3f} ms   ratio {reference / base:5.2f}")


def main() -> None:
    """Print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    measure("Hestia case", json.loads(HESTIA.read_text(encoding="utf-8")), args.rounds)
    measure("synthetic case, 50 copies", synthetic(50), args.rounds)


if __name__ == "__main__":
    main()
