"""The command line: ``supercomplaint`` or ``python -m supercomplaint``."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
