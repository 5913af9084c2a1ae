"""The command line: ``supercomplaint`` or ``python -m supercomplaint``.

``supercomplaint --version`` and ``supercomplaint --help`` alone are answered here, before the command line's
module (argparse, its parser of every command) is imported: such a start costs little more than the
interpreter's own (issue 14). ``--version`` prints what argparse's ``--version`` prints, and ``--help`` what
argparse's help prints (:mod:`supercomplaint._help`, on the Pythons whose argparse it is checked against);
any other arguments go to :func:`supercomplaint.cli.main`.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing itself is not imported: it costs a start more than this module does
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        from ._version import __version__

        return _say(f"supercomplaint {__version__}\n")
    if args in (["--help"], ["-h"]):
        from . import _help

        if _help.VERIFIED:
            return _say(_help.top_help(_help.help_columns()))
    from .cli import main as cli_main

    return cli_main(argv)


def _say(text: str) -> int:
    """Write ``text`` (ASCII) on standard output and return exit code 0, quietly if the reader went away."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: nothing more to say, and nothing left to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
