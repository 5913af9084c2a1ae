"""Cold start of the command line, against the interpreter's own start-up, measured side by side.

``supercomplaint --help`` and ``--version`` import neither jsonschema nor cattrs (a test proves it); this
measures what they cost: each command is run N times in fresh processes, alternating, and the median times
and their ratio to ``python -c pass`` are printed.

    .venv/bin/python -m benchmarks.bench_startup [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import supercomplaint'": [sys.executable, "-c", "import supercomplaint"],
    "supercomplaint --version": [sys.executable, "-m", "supercomplaint", "--version"],
    "supercomplaint --help": [sys.executable, "-m", "supercomplaint", "--help"],
    "supercomplaint schema case": [sys.executable, "-m", "supercomplaint", "schema", "case"],
}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, argv in COMMANDS.items():  # alternate, so that machine load falls on all alike
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    baseline = statistics.median(times["python -c pass"])
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<36} {median * 1000:7.1f} ms  x{median / baseline:4.1f}")


if __name__ == "__main__":
    main()
