"""Speed against the fastest Python peers, scaling, cold start and memory, in one table (issue 14).

Run from the repository root (the ``bench`` extra installs the peers)::

    .venv/bin/python -m benchmarks [--rounds N] [--sizes 1,10,100,1000] [--start-rounds N] [--no-memory]

What it measures, with the garbage collector on as users run it:

* ``loads``, ``dumps``, ``validate``, ``check``, ``obligations`` and ``compile`` on the Hestia case (1x) and
  synthetic cases made of 10, 100 and 1000 renamed copies of its recommendations, actions and responses;
* the same documents read and written by pydantic v2 and msgspec models that datamodel-code-generator makes from
  the shipped case schema at run time (into a temporary folder; a peer that cannot be made is skipped, saying
  why), orjson's parse as the floor of a load, jsonschema-rs as the floor of a validation;
* ``python -c pass``, ``import supercomplaint``, ``supercomplaint --help``, ``--version`` and ``status``;
* the peak memory (tracemalloc) of loading and of dumping, against the JSON text's size.

Every row is one call, timed once per round (the same at every size: see ``Row``), and the rows take turns
round-robin (A, B, C, A, B, C...), so that the machine's load falls on all alike. A ratio is the median of the
per-round ratios (paired), with the lowest and highest in brackets; a time is a median with its spread. A
step of the scaling (time at 10 times the size over time at this size) above 11 is flagged. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HESTIA = ROOT / "examples" / "hestia" / "case.json"
SCHEMA = ROOT / "src" / "supercomplaint" / "schemas" / "case.schema.json"
AS_OF = dt.date(2024, 6, 1)
STEP_LIMIT = 11.0


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------


def _ids(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            found.add(node["id"])
        for child in node.values():
            _ids(child, found)
    elif isinstance(node, list):
        for child in node:
            _ids(child, found)


def _renamed(node: Any, ids: set[str], suffix: str) -> Any:
    if isinstance(node, dict):
        return {key: _renamed(value, ids, suffix) for key, value in node.items()}
    if isinstance(node, list):
        return [_renamed(value, ids, suffix) for value in node]
    if isinstance(node, str) and node in ids:
        return node + suffix
    return node


def synthetic(copies: int) -> dict[str, Any]:
    """The Hestia case with its recommendations, actions and responses ``copies`` times over.

    Shape: copy ``n`` renames every id of the copied items, their parts and the responses (and every reference
    to one) with the suffix ``-n``, so each copy is a self-consistent case inside the case and the work of
    every operation grows with ``copies``; the complaint, the bodies and the monitoring stay as they are.
    Written as the latest schema version (the example is 1.0), as the library writes it.
    """
    import supercomplaint as sc

    data: dict[str, Any] = json.loads(sc.upgrade(HESTIA.read_bytes()))
    if copies == 1:
        return data
    report, responses = data["report"], data.get("responses", [])
    ids: set[str] = set()
    _ids([report["recommendations"], report["actions"], responses], ids)
    for key in ("recommendations", "actions"):
        report[key] = [_renamed(item, ids, f"-{n}") for n in range(copies) for item in report[key]]
    data["responses"] = [_renamed(response, ids, f"-{n}") for n in range(copies) for response in responses]
    return data


# --------------------------------------------------------------------------------------------------
# Peers
# --------------------------------------------------------------------------------------------------


def generated_models(folder: Path) -> dict[str, types.ModuleType | str]:
    """pydantic v2 and msgspec modules made from the shipped case schema, or why one could not be made."""
    made: dict[str, types.ModuleType | str] = {}
    codegen = Path(sys.executable).parent / "datamodel-codegen"
    outputs = {"pydantic": "pydantic_v2.BaseModel", "msgspec": "msgspec.Struct"}
    for flavour, output in outputs.items():
        if not codegen.exists() or importlib.util.find_spec(flavour) is None:
            made[flavour] = f"skipped: datamodel-codegen or {flavour} is not installed (pip install -e '.[bench]')"
            continue
        path = folder / f"bench_{flavour}.py"
        command = [str(codegen), "--input", str(SCHEMA), "--output", str(path), "--output-model-type", output]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            made[flavour] = f"skipped: datamodel-codegen failed: {done.stderr.strip()[-300:]}"
            continue
        name = f"supercomplaint_bench_{flavour}"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # pydantic resolves postponed annotations through sys.modules
        spec.loader.exec_module(module)
        made[flavour] = module
    return made


# --------------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------------


class Row:
    """One timed thing: a function of no arguments, called once per round.

    Once, at every size: calling a small document's operation several times in a row to fill a sample would
    time it with the processor's caches warm from the call before, while the large document's single call
    starts cold, and so flatter the small size in every scaling step (compile's 100x->1000x step read 13.5
    with 5 calls a sample at 100x; its instruction count grows 9.99 times).
    """

    def __init__(self, func: Callable[[], object]) -> None:
        self.func = func
        self.samples: list[float] = []

    def warm(self) -> None:
        self.func()  # the first call pays for code generated once per process (converters, hooks)

    def run(self) -> None:
        func = self.func
        start = time.perf_counter()
        func()
        self.samples.append(time.perf_counter() - start)


def interleave(rows: list[Row], rounds: int) -> None:
    for row in rows:
        row.warm()
    for _ in range(rounds):
        for row in rows:  # round-robin: each round times every row once
            row.run()


def median_spread(samples: list[float]) -> tuple[float, float, float]:
    return statistics.median(samples), min(samples), max(samples)


def paired(a: Row, b: Row) -> tuple[float, float, float]:
    """The median of the per-round ratios a/b, with the lowest and the highest."""
    return median_spread([x / y for x, y in zip(a.samples, b.samples, strict=True)])


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} us"


def fmt_ratio(ratio: tuple[float, float, float]) -> str:
    return f"{ratio[0]:.2f} [{ratio[1]:.2f}-{ratio[2]:.2f}]"


def load_average() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


# --------------------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------------------

OPERATIONS = ("loads", "validate", "check", "obligations", "compile", "dumps", "dumps-orjson")
# "dumps-orjson" is supercomplaint._json.document_text, which io.dumps calls since issue 14 (the collector held while
# the document is unstructured, then orjson, byte-identical to json.dumps(indent=2)): timed apart as a check that
# dumps adds nothing to it.


def build_rows(size: int, peers: dict[str, types.ModuleType | str]) -> tuple[dict[str, Row], dict[str, int]]:
    import orjson

    import supercomplaint as sc
    from supercomplaint._json import document_text

    data = synthetic(size)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    raw = text.encode("utf-8")
    case = sc.loads(raw, kind="case")
    bare = sc.loads(json.dumps({**data, "responses": []}), kind="case")
    responses = [sc.ResponseDocument(case=case.id, response=r) for r in case.responses]
    assert sc.validate(data).valid, "the synthetic case must be valid"
    rows: dict[str, Row] = {
        "loads": Row(lambda: sc.loads(raw, kind="case")),
        "validate": Row(lambda: sc.validate(data)),
        "check": Row(lambda: sc.check(case)),
        "obligations": Row(lambda: sc.obligations(case, AS_OF)),
        "compile": Row(lambda: sc.compile(bare, *responses)),
        "dumps": Row(lambda: sc.dumps(case)),
        "dumps-orjson": Row(lambda: document_text(case)),
        "loads:orjson": Row(lambda: orjson.loads(raw)),
    }
    if importlib.util.find_spec("jsonschema_rs") is not None:
        import jsonschema_rs

        validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8")))
        assert validator.is_valid(data)
        rows["validate:jsonschema-rs"] = Row(lambda: validator.is_valid(data))
    pyd = peers.get("pydantic")
    if isinstance(pyd, types.ModuleType):
        model = pyd.CaseRecord
        obj = model.model_validate_json(raw)
        rows["loads:pydantic"] = Row(lambda: model.model_validate_json(raw))
        rows["dumps:pydantic"] = Row(lambda: obj.model_dump_json(by_alias=True, exclude_unset=True, indent=2))
    ms = peers.get("msgspec")
    if isinstance(ms, types.ModuleType):
        import msgspec

        struct = ms.CaseRecord
        decoded = msgspec.json.decode(raw, type=struct)
        rows["loads:msgspec"] = Row(lambda: msgspec.json.decode(raw, type=struct))
        rows["dumps:msgspec"] = Row(lambda: msgspec.json.encode(decoded))
    counts = {"bytes": len(raw), "responses": len(responses)}
    return rows, counts


GOALS: list[tuple[str, str, float, str]] = [
    # (operation, peer, at most, said as)
    ("loads", "pydantic", 1.0, "loads <= pydantic"),
    ("loads", "msgspec", 2.0, "loads <= 2x msgspec"),
    ("dumps", "pydantic", 1.0, "dumps <= pydantic"),
    ("dumps-orjson", "pydantic", 1.0, "dumps-orjson <= pydantic"),
]


def memory(size: int) -> tuple[float, float, float, float]:
    """Peak memory of loading over the JSON's size; of dumping (``dumps``, then the bytes ``dump`` writes to a
    file) over the text's UTF-8 size; and the size of the ``str`` that ``dumps`` returns over the same (tracemalloc).
    """
    import supercomplaint as sc
    from supercomplaint._json import document_bytes

    raw = json.dumps(synthetic(size), ensure_ascii=False, indent=2).encode("utf-8")
    gc.collect()
    tracemalloc.start()
    case = sc.loads(raw, kind="case")
    load_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    text = sc.dumps(case)
    dump_peak = tracemalloc.get_traced_memory()[1] - base
    fresh = sc.loads(raw, kind="case")  # its strings not yet asked for their UTF-8 (orjson's copies are counted)
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    written = document_bytes(fresh)
    bytes_peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    size_of_text = len(written)
    return load_peak / len(raw), dump_peak / size_of_text, bytes_peak / size_of_text, sys.getsizeof(text) / size_of_text


def start_up(rounds: int, pycache: str) -> None:
    python = sys.executable
    example = str(HESTIA)
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "import supercomplaint": [python, "-c", "import supercomplaint"],
        "supercomplaint --help": [python, "-m", "supercomplaint", "--help"],
        "supercomplaint --version": [python, "-m", "supercomplaint", "--version"],
        "supercomplaint status (Hestia)": [python, "-m", "supercomplaint", "status", example, "--as-of", "2024-06-01"],
    }
    goals = {"supercomplaint --help": 2.0, "supercomplaint --version": 2.0, "supercomplaint status (Hestia)": 6.0}

    # As an installed package starts: from compiled bytecode. PYTHONDONTWRITEBYTECODE (set on some machines)
    # would make every start compile every module it imports; the bytecode goes to a temporary folder instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache

    def runner(argv: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env, cwd=ROOT
        )

    rows = {name: Row(runner(argv)) for name, argv in commands.items()}
    for row in rows.values():
        row.func()  # warm the file cache
    for _ in range(rounds):
        for row in rows.values():
            row.run()
    print(f"\nCold start ({rounds} rounds, {load_average()}): median [min-max], ratio to python -c pass (paired)")
    base = rows["python -c pass"]
    for name, row in rows.items():
        med, lo, hi = median_spread(row.samples)
        ratio = paired(row, base)
        goal = goals.get(name)
        verdict = "" if goal is None else f"goal <= {goal:g}: {'holds' if ratio[0] <= goal else 'MISSED'}"
        print(f"  {name:<32} {fmt_time(med):>9} [{fmt_time(lo)}-{fmt_time(hi)}]  x{fmt_ratio(ratio):<20} {verdict}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds of every row (default 9)")
    parser.add_argument("--sizes", default="1,10,100,1000", help="copies of Hestia (default 1,10,100,1000)")
    parser.add_argument("--start-rounds", type=int, default=15, help="rounds of the cold-start rows (default 15)")
    parser.add_argument("--no-memory", action="store_true", help="leave out the memory rows")
    parser.add_argument(
        "--only", default="", help=f"comma-separated operations to time (default all: {','.join(OPERATIONS)})"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    only = [op for op in args.only.split(",") if op] or list(OPERATIONS)
    unknown = sorted(set(only) - set(OPERATIONS))
    if unknown:
        parser.error(f"unknown operation(s) {', '.join(unknown)}; choose from {', '.join(OPERATIONS)}")
    print(f"supercomplaint benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} cores, {load_average()}")
    print("GC on; rows interleaved round-robin; median [min-max] over rounds; ratios are supercomplaint/peer, paired")
    with tempfile.TemporaryDirectory(prefix="sc-bench-") as tmp:
        peers = generated_models(Path(tmp))
        for flavour, made in peers.items():
            if isinstance(made, str):
                print(f"  {flavour}: {made}")
        per_size: dict[int, dict[str, Row]] = {}
        counts: dict[int, dict[str, int]] = {}
        for size in sizes:
            rows_of_size, counts[size] = build_rows(size, peers)
            per_size[size] = {k: v for k, v in rows_of_size.items() if k.split(":")[0] in only}
        everything = [row for size in sizes for row in per_size[size].values()]
        started = time.perf_counter()
        interleave(everything, args.rounds)
        took = time.perf_counter() - started
    print(f"\nTimes and ratios ({args.rounds} rounds in {took:.0f} s, {load_average()} at the end)")
    header = f"  {'operation':<12}{'size':>6}{'bytes':>11}  {'supercomplaint':<28}{'vs peer':<44}"
    print(header)
    for op in only:
        for size in sizes:
            rows = per_size[size]
            med, lo, hi = median_spread(rows[op].samples)
            peers_text = []
            for name, row in rows.items():
                if name.startswith(op.split("-")[0] + ":"):
                    peers_text.append(f"/{name.split(':')[1]} {fmt_ratio(paired(rows[op], row))}")
            spread = f"{fmt_time(med)} [{fmt_time(lo)}-{fmt_time(hi)}]"
            print(f"  {op:<12}{size:>5}x{counts[size]['bytes']:>11}  {spread:<28}{'  '.join(peers_text)}")
    print("\nGoals (ratio median [min-max] over rounds)")
    for op, peer, limit, said in GOALS:
        if op not in only:
            continue
        for size in sizes:
            rows = per_size[size]
            peer_row = f"{op.split('-')[0]}:{peer}"
            if peer_row not in rows:
                print(f"  {said:<24}{size:>5}x  no {peer} peer")
                continue
            ratio = paired(rows[op], rows[peer_row])
            print(f"  {said:<24}{size:>5}x  {fmt_ratio(ratio):<20} {'holds' if ratio[0] <= limit else 'MISSED'}")
    print(f"\nScaling: time at 10 times the size over time at this size (goal <= {STEP_LIMIT:g}); shape: Hestia's")
    print("  recommendations, actions and responses repeated, ids renamed per copy (see synthetic())")
    for op in only:
        steps = []
        for small, big in itertools.pairwise(sizes):
            ratio = paired(per_size[big][op], per_size[small][op])
            flag = "" if ratio[0] * small / big * 10 <= STEP_LIMIT else "  <-- ABOVE 11"
            steps.append(f"{small}x->{big}x {fmt_ratio(ratio)}{flag}")
        print(f"  {op:<12} " + "; ".join(steps))
    if not args.no_memory:
        print("\nPeak memory (tracemalloc) over the JSON text's UTF-8 size (goals: loading <= 3, dumping <= 2)")
        print("  (dump: the bytes written to a file; str: the size of the text dumps returns, for comparison)")
        for size in sizes:
            load_ratio, dump_ratio, bytes_ratio, str_ratio = memory(size)
            print(
                f"  {size:>5}x  loads {load_ratio:5.1f} {'holds' if load_ratio <= 3 else 'MISSED':<7}"
                f"  dumps {dump_ratio:5.1f} {'holds' if dump_ratio <= 2 else 'MISSED':<7}"
                f"  dump {bytes_ratio:5.1f} {'holds' if bytes_ratio <= 2 else 'MISSED':<7}  str {str_ratio:4.1f}"
            )
    if args.start_rounds:
        with tempfile.TemporaryDirectory(prefix="sc-bench-pycache-") as pycache:
            start_up(args.start_rounds, pycache)


if __name__ == "__main__":
    main()
