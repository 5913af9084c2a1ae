"""The command line: a thin face over the public API. It parses arguments and calls library functions.

Only light modules are imported at start-up, so ``supercomplaint --help`` and ``--version`` stay fast; each
command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def _cmd_validate(args: argparse.Namespace) -> int:
    from .io import load
    from .problems import LoadError

    status = EXIT_OK
    for name in args.paths:
        path = Path(name)
        files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        for file in files:
            try:
                load(file)
            except LoadError as exc:
                print(exc)
                unreadable = any(p.code == "file-unreadable" for p in exc.problems)
                status = max(status, EXIT_USAGE if unreadable else EXIT_ERRORS)
            else:
                print(f"{file}: ok")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supercomplaint",
        description="Model, validate and track UK police super-complaints.",
    )
    parser.add_argument("--version", action="version", version=f"supercomplaint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check JSON documents (calls supercomplaint.load)",
        description="Check every JSON file given, or found under a folder. Calls supercomplaint.load().",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(func=_cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    code: int = args.func(args)
    return code
