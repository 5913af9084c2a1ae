"""Cold start of the command line, against the interpreter's own start-up, measured side by side.

Each command runs N times in fresh processes, the commands alternating so that machine load falls on all
alike, from compiled bytecode (PYTHONPYCACHEPREFIX to a temporary folder, as an installed package starts,
PYTHONDONTWRITEBYTECODE unset) as ``python -m benchmarks``'s cold-start rows do. Printed: the median time
and the median of the paired ratios to ``python -c pass`` (round by round) with their spread, against the
goals of issue 14 (``--help`` and ``--version`` within 2 times, ``status`` on the Hestia case within 6).

``--help`` and ``--version`` alone import neither argparse nor the command line's module
(``tests/test_start.py`` proves it); ``status`` into a pipe draws its tables without rich.

    .venv/bin/python -m benchmarks.bench_startup [N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HESTIA = str(ROOT / "examples" / "hestia" / "case.json")

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import supercomplaint'": [sys.executable, "-c", "import supercomplaint"],
    "supercomplaint --version": [sys.executable, "-m", "supercomplaint", "--version"],
    "supercomplaint --help": [sys.executable, "-m", "supercomplaint", "--help"],
    "supercomplaint schema case": [sys.executable, "-m", "supercomplaint", "schema", "case"],
    "supercomplaint status (Hestia)": [
        sys.executable,
        *("-m", "supercomplaint", "status", HESTIA, "--as-of", "2024-06-01"),
    ],
}
GOALS = {"supercomplaint --version": 2.0, "supercomplaint --help": 2.0, "supercomplaint status (Hestia)": 6.0}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="sc-startup-pycache-") as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache

        def run(argv: list[str]) -> None:
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd=ROOT)

        for argv in COMMANDS.values():
            run(argv)  # compile the bytecode, warm the file cache
        for _ in range(rounds):
            for name, argv in COMMANDS.items():
                start = time.perf_counter()
                run(argv)
                times[name].append(time.perf_counter() - start)
    base = times["python -c pass"]
    print(f"Cold start, {rounds} rounds interleaved: median time, paired ratio to python -c pass [min-max]")
    for name, samples in times.items():
        ratios = sorted(t / b for t, b in zip(samples, base, strict=True))
        ratio = statistics.median(ratios)
        goal = GOALS.get(name)
        verdict = "" if goal is None else f"goal <= {goal:g}: {'holds' if ratio <= goal else 'MISSED'}"
        median = statistics.median(samples) * 1000
        print(f"  {name:<34} {median:7.1f} ms  x{ratio:5.2f} [{ratios[0]:.2f}-{ratios[-1]:.2f}]  {verdict}")


if __name__ == "__main__":
    main()
