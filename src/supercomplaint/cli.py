"""The command line: a thin face over the public API. It parses arguments and calls library functions.

Every command's help names the function it calls. Only light modules are imported at start-up, so
``supercomplaint --help`` and ``--version`` import neither cattrs nor jsonschema; each command imports what
it needs when it runs.

Exit codes: 0 when all is well (warnings allowed), 1 when a document has an error, 2 for a usage error or a
file that cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .model import CaseRecord
    from .problems import Problem

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2

STATES = ("not-yet-due", "due-soon", "overdue", "met", "met-late", "met-date-unknown", "not-applicable")
KINDS = ("case", "response", "register")

_COLOURS = {"error": "31", "warning": "33", "note": "36", "ok": "32", "dim": "2", "bold": "1"}
_STATE_COLOURS = {
    "overdue": "31",
    "due-soon": "33",
    "not-yet-due": "34",
    "met": "32",
    "met-late": "32",
    "met-date-unknown": "32",
    "not-applicable": "2",
}


class UsageError(Exception):
    """Bad arguments: reported on stderr with exit code 2."""


class _Out:
    """Where output goes, and whether it may use colour and show progress (only on a terminal)."""

    def __init__(self, stream: IO[str], err: IO[str]) -> None:
        self.stream = stream
        self.err = err
        self.colour = stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        self.progress = err.isatty()

    def paint(self, text: str, colour: str) -> str:
        return f"\033[{colour}m{text}\033[0m" if self.colour else text

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")


# --------------------------------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------------------------------


def _json_files(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def validate_file(
    path: Path, *, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> tuple[bool, list[Problem], bool]:
    """Parse, validate against the schema, load and check one file.

    Returns (readable, problems, ok): ``ok`` is False when any problem is an error.
    """
    from .io import parse_json
    from .locate import with_positions
    from .problems import LoadError, Problem, Severity, sort_problems
    from .rules import check
    from .validation import validate

    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")
        return False, [problem], False
    try:
        data = parse_json(raw)
    except LoadError as exc:
        return True, list(exc.problems), False
    report = validate(data)
    problems: list[Problem] = list(report.problems)
    if report.document is not None:  # valid: the report carries the loaded document
        problems.extend(check(report.document, select=select, ignore=ignore))
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")  # as parse_json reads it
    problems = sort_problems(with_positions(text, problems))
    ok = not any(p.severity == Severity.ERROR for p in problems)
    return True, problems, ok


def _cmd_validate(args: argparse.Namespace, out: _Out) -> int:
    import json

    select = _codes(args.select)
    ignore = _codes(args.ignore)
    if select or ignore:
        from .rules import RULES

        for code in (*(select or ()), *(ignore or ())):
            if not any(c.startswith(code) for c in RULES):
                raise UsageError(f"no rule code starts with {code!r} (see docs/rules.md)")
    files = list(_json_files(args.paths))
    if not files:
        raise UsageError("no JSON files found in " + ", ".join(args.paths))
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    started = time.monotonic()
    errors = warnings = bad_files = 0
    for index, path in enumerate(files):
        if out.progress and len(files) > 1 and args.format == "text":
            _progress(out, index, len(files), started, str(path))
        readable, problems, ok = validate_file(path, select=select, ignore=ignore)
        if not readable:
            status = max(status, EXIT_USAGE)
        elif not ok:
            status = max(status, EXIT_ERRORS)
        n_err = sum(p.severity == "error" for p in problems)
        errors += n_err
        warnings += len(problems) - n_err
        bad_files += not ok
        results.append({"path": str(path), "ok": ok, "problems": problems})
        if args.format == "text":
            if out.progress and len(files) > 1:
                out.err.write("\r\033[K")
            _print_file(out, str(path), problems, ok)
    if out.progress and len(files) > 1 and args.format == "text":
        out.err.write("\r\033[K")
        out.err.flush()
    if args.format == "json":
        payload = {
            "files": [
                {"path": r["path"], "ok": r["ok"], "findings": [_finding_json(p) for p in r["problems"]]}
                for r in results
            ]
        }
        out.line(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        summary = (
            f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
            f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
            f"{f', {bad_files} file' + ('s' if bad_files != 1 else '') + ' with errors' if bad_files else ''}"
        )
        out.line(out.paint(summary, _COLOURS["error" if bad_files else "ok"]))
    return status


def _finding_json(problem: Problem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": problem.code,
        "severity": str(problem.severity),
        "path": problem.path,
        "message": problem.message,
    }
    if problem.line is not None:
        data["line"] = problem.line
        data["column"] = problem.column
    if problem.schema_path is not None:
        data["schemaPath"] = problem.schema_path
    if problem.ids:
        data["ids"] = list(problem.ids)
    return data


def _print_file(out: _Out, name: str, problems: Sequence[Problem], ok: bool) -> None:
    name = terminal_safe(name)
    if not problems:
        out.line(f"{name}: {out.paint('ok', _COLOURS['ok'])}")
        return
    out.line(f"{out.paint(name, _COLOURS['bold'])}: {len(problems)} finding{'s' if len(problems) != 1 else ''}")
    for p in problems:
        where = f"{p.line}:{p.column}" if p.line is not None else "-"
        severity = out.paint(f"{p.severity:<7}", _COLOURS[str(p.severity)])
        hint = " (see docs/rules.md)" if p.code.startswith("SC") else ""
        out.line(f"  {where:>9}  {severity} {p.code:<20} {terminal_safe(p.path)}")
        out.line(f"  {'':>9}  {terminal_safe(p.message)}{out.paint(hint, _COLOURS['dim'])}")


def _progress(out: _Out, index: int, total: int, started: float, name: str) -> None:
    elapsed = time.monotonic() - started
    left = ""
    if index:
        remaining = elapsed / index * (total - index)
        left = f", about {remaining:.0f}s left" if remaining >= 1 else ", under a second left"
    out.err.write(f"\r\033[K[{index + 1}/{total}{left}] {terminal_safe(name[-60:])}")
    out.err.flush()


def _codes(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


# --------------------------------------------------------------------------------------------------
# Loading cases for status, compile and render
# --------------------------------------------------------------------------------------------------


def _load_case(name: str, out: _Out) -> CaseRecord | None:
    from .io import load
    from .model import CaseRecord
    from .problems import LoadError

    try:
        doc = load(name)
    except LoadError as exc:
        _report_load_error(out, name, exc)
        return None
    if not isinstance(doc, CaseRecord):
        out.err.write(f"{terminal_safe(name)}: expected a case record, found a {type(doc).__name__}\n")
        return None
    return doc


def _report_load_error(out: _Out, name: str, exc: Any) -> None:
    from .locate import with_positions

    problems = exc.problems
    with contextlib.suppress(OSError):
        text = Path(name).read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
        problems = with_positions(text, problems)
    out.err.write(f"{terminal_safe(name)}: cannot be read as a document:\n")
    for p in problems:
        where = f" (line {p.line}, column {p.column})" if p.line is not None else ""
        out.err.write(f"  {terminal_safe(p.path)}{where}: [{p.code}] {terminal_safe(p.message)}\n")


def _unreadable(exc: Any) -> bool:
    return any(p.code == "file-unreadable" for p in exc.problems)


def _as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text!r} is not a date of the form YYYY-MM-DD") from None


# --------------------------------------------------------------------------------------------------
# status
# --------------------------------------------------------------------------------------------------


def _cmd_status(args: argparse.Namespace, out: _Out) -> int:
    import json

    from .rendering import tracker_rows
    from .tracker import obligations

    as_of = _as_of(args.as_of)
    only = set(args.only or ())
    rows: list[dict[str, Any]] = []
    status = EXIT_OK
    for name in args.paths:
        case = _load_case(name, out)
        if case is None:
            status = EXIT_USAGE if not Path(name).is_file() else max(status, EXIT_ERRORS)
            continue
        found = obligations(case, as_of)
        for o, row in zip(found, tracker_rows(case, found), strict=True):
            if only and str(o.state) not in only:
                continue
            rows.append(
                {
                    "case": case.id,
                    "item": o.ref,
                    "label": o.label,
                    "kind": str(o.kind),
                    "body": o.body,
                    "bodyName": o.body_name,
                    "via": o.via,
                    "recipient": o.recipient,
                    "owed": o.owed,
                    "due": o.due.isoformat() if o.due else None,
                    "dueEarliest": o.resolution.earliest.isoformat() if o.resolution.earliest else None,
                    "dueLatest": o.resolution.latest.isoformat() if o.resolution.latest else None,
                    "dueExplanation": o.resolution.explanation,
                    "state": str(o.state),
                    "position": str(o.position) if o.position else None,
                    "progress": str(o.progress) if o.progress else None,
                    "plannedCompletion": str(o.planned_completion) if o.planned_completion else None,
                    "metBy": list(o.met_by),
                    "metOn": str(o.met_on) if o.met_on else None,
                    "asOf": as_of.isoformat(),
                    "_title": row.label,
                    "_due": row.due,
                }
            )
    if status != EXIT_OK and not rows:
        return status  # nothing could be read: the problems are on stderr, and no table pretends otherwise
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    if args.format == "json":
        out.line(json.dumps(public, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        columns = list(public[0]) if public else ["case", "item", "label", "body", "due", "state"]
        out.stream.write(csv_text(public, columns))
    else:
        _status_table(out, rows, as_of)
    return status


def csv_cell(value: object) -> str:
    """A value as a CSV cell, neutralised against spreadsheet formula injection.

    A cell that a spreadsheet could read as a formula gets a leading ``'``, so that it shows as text: one
    that begins with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms), also after leading spaces,
    control characters or invisible characters (a zero-width space, a byte-order mark, a bidirectional
    control), and one that begins with a tab, a carriage return or a line feed. Quoting a cell that holds a
    comma, a quote or a line break is the writer's part: see :func:`csv_text`.

    >>> csv_cell('=HYPERLINK("http://x", "y")')
    '\\'=HYPERLINK("http://x", "y")'
    >>> csv_cell("\\u200b =1+1")
    "'\\u200b =1+1"
    >>> csv_cell(["r1", "r2"])
    'r1; r2'
    """
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = str(value)
    if not text:
        return text
    if text[0] in "\t\r\n" or text[_INVISIBLE_START.match(text).end() :][:1] in _FORMULA_START:  # type: ignore[union-attr]
        return "'" + text
    return text


_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Spaces, controls and characters that show as nothing: a spreadsheet may skip them before a formula.
_INVISIBLE_START = re.compile(
    "[\\s\x00-\x1f\x7f-\xa0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]*"
)


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """CSV text (RFC 4180, with ``\\n`` line ends) of ``rows``: a header line, then each row's cells.

    Every cell goes through :func:`csv_cell`, and every cell that holds a comma, a quote, a carriage
    return or a line feed is quoted, so a cell's text never starts a new row (Python's ``csv`` writer,
    told that lines end in ``\\n``, leaves a bare carriage return unquoted).

    >>> csv_text([{"a": "x\\ry", "b": "=1"}], ["a", "b"])
    'a,b\\n"x\\ry",\\'=1\\n'
    """
    lines = [",".join(_csv_field(name) for name in columns)]
    lines.extend(",".join(_csv_field(csv_cell(row.get(name))) for name in columns) for row in rows)
    return "".join(line + "\n" for line in lines)


def _csv_field(text: str) -> str:
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_AS_SPACE = frozenset("\t\n\r\x0b\x0c\x85\u2028\u2029")


def terminal_safe(text: object) -> str:
    """Text from a document made safe to print on a terminal, on one line.

    Escape sequences cannot reach the terminal: control characters (C0, DEL and C1: ``ESC``, ``CSI``, a
    bell ...), bidirectional controls (which reorder what a reader sees) and lone surrogates (which cannot
    be printed at all) are shown as escapes such as ``\\x1b`` and ``\\u202e``; tabs and line breaks become
    spaces. Everything else is left as it is.

    >>> terminal_safe("Chief\\x1b]0;owned\\x07 Constable\\nof Kent")
    'Chief\\\\x1b]0;owned\\\\x07 Constable of Kent'
    """
    value = str(text)
    if value.isascii() and value.isprintable():
        return value
    return _UNSAFE.sub(_escape_unsafe, value)


def _escape_unsafe(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _AS_SPACE:
        return " "
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _status_table(out: _Out, rows: list[dict[str, Any]], as_of: dt.date) -> None:
    if not rows:
        out.line(f"No obligations as of {as_of.isoformat()}.")
        return
    headers = ("item", "body", "due", "state", "position", "progress")
    table = [
        (
            terminal_safe(r["_title"]),
            terminal_safe(r["bodyName"]),
            terminal_safe(r["_due"]),
            str(r["state"]),
            terminal_safe(r["position"] or "—"),
            terminal_safe(r["progress"] or "—"),
        )
        for r in rows
    ]
    widths = [min(max(len(h), *(len(row[i]) for row in table)), 48) for i, h in enumerate(headers)]
    out.line("  ".join(out.paint(h.ljust(w), _COLOURS["bold"]) for h, w in zip(headers, widths, strict=True)))
    for row in table:
        cells = [_fit(cell, w) for cell, w in zip(row, widths, strict=True)]
        cells[3] = out.paint(cells[3], _STATE_COLOURS.get(row[3], "0"))
        out.line("  ".join(cells).rstrip())
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["state"]] = counts.get(r["state"], 0) + 1
    summary = ", ".join(f"{counts[s]} {s}" for s in STATES if s in counts)
    out.line(f"\n{len(rows)} obligation{'s' if len(rows) != 1 else ''} as of {as_of.isoformat()}: {summary}")


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------------
# compile, render, schema
# --------------------------------------------------------------------------------------------------


def _cmd_compile(args: argparse.Namespace, out: _Out) -> int:
    from .compiling import CompileError, compile
    from .io import dump, load
    from .model import ResponseDocument
    from .problems import LoadError

    case = _load_case(args.case, out)
    if case is None:
        return EXIT_USAGE if not Path(args.case).is_file() else EXIT_ERRORS
    responses = []
    status = EXIT_OK
    for name in args.responses:
        try:
            doc = load(name, kind="response")
        except LoadError as exc:
            _report_load_error(out, name, exc)
            status = max(status, EXIT_USAGE if _unreadable(exc) else EXIT_ERRORS)
            continue
        assert isinstance(doc, ResponseDocument)
        responses.append(doc)
    if status != EXIT_OK:
        out.err.write("nothing written: fix the documents above first\n")
        return status
    try:
        merged = compile(case, *responses)
    except CompileError as exc:
        out.err.write("cannot compile:\n")
        for p in exc.problems:
            out.err.write(f"  {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")
        out.err.write("nothing written\n")
        return EXIT_ERRORS
    dump(merged, args.output)
    out.err.write(f"wrote {terminal_safe(args.output)}: {len(merged.responses)} responses\n")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace, out: _Out) -> int:
    from .io import atomic_write
    from .rendering import RenderError, render

    case = _load_case(args.path, out)
    if case is None:
        return EXIT_USAGE if not Path(args.path).is_file() else EXIT_ERRORS
    if args.view == "board-paper" and not args.responder:
        raise UsageError("--view board-paper needs --responder BODY (a body id, e.g. force-cambridgeshire)")
    try:
        text = render(case, view=args.view, to=args.to, as_of=_as_of(args.as_of), responder=args.responder)
    except RenderError as exc:
        raise UsageError(str(exc)) from None
    if args.output:
        atomic_write(args.output, text.encode("utf-8"))
        out.err.write(f"wrote {terminal_safe(args.output)}\n")
    else:
        out.stream.write(text)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: _Out) -> int:
    import json

    from .validation import schema

    out.line(json.dumps(schema(args.kind), ensure_ascii=False, indent=2))
    return EXIT_OK


# --------------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every command and option."""
    parser = argparse.ArgumentParser(
        prog="supercomplaint",
        description="Model, validate and track UK police super-complaints, their recommendations and responses.",
        epilog="Exit codes: 0 all well (warnings allowed), 1 a document has errors, 2 usage or unreadable file.",
    )
    parser.add_argument("--version", action="version", version=f"supercomplaint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser(
        "validate",
        help="check JSON documents: parse, schema, structure and rules",
        description="Check every JSON file given, or found under a folder: parse, JSON Schema, structure and "
        "rules together. Calls supercomplaint.validate() and supercomplaint.check(). Rule codes are "
        "explained in docs/rules.md.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSON files, or folders to search for *.json")
    p.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes (SC2,SC101)")
    p.add_argument("--ignore", action="append", metavar="CODES", help="leave out these rule codes or prefixes")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(func=_cmd_validate)

    p = commands.add_parser(
        "status",
        help="who owes what to whom, by when, and where it stands",
        description="List every obligation of the case records as of a date. Calls supercomplaint.obligations().",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="case record files")
    p.add_argument("--as-of", metavar="DATE", help="the day to describe, YYYY-MM-DD (default: today)")
    p.add_argument(
        "--only", action="append", choices=STATES, metavar="STATE", help=f"only this state: {', '.join(STATES)}"
    )
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_status)

    p = commands.add_parser(
        "compile",
        help="merge response documents into a case record",
        description="Merge response documents into a case record and write the result. Calls "
        "supercomplaint.compile(). Nothing is written when any input has a problem.",
    )
    p.add_argument("case", metavar="CASE", help="the case record")
    p.add_argument("responses", nargs="+", metavar="RESPONSE", help="response documents")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the compiled case")
    p.set_defaults(func=_cmd_compile)

    p = commands.add_parser(
        "render",
        help="render the tracker or a board paper as Markdown or HTML",
        description="Render a case record for people. Calls supercomplaint.render().",
    )
    p.add_argument("path", metavar="PATH", help="the case record")
    p.add_argument("--view", choices=("tracker", "board-paper"), required=True, help="what to render")
    p.add_argument("--responder", metavar="BODY", help="for a board paper: the responder's body id")
    p.add_argument("--to", choices=("md", "html"), default="md", help="output format (default: md)")
    p.add_argument("--as-of", metavar="DATE", help="for the tracker: the day to describe (default: today)")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file (whole or not at all) instead of stdout")
    p.set_defaults(func=_cmd_render)

    p = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema of a document kind. Calls supercomplaint.schema().",
    )
    p.add_argument("kind", nargs="?", default="case", choices=KINDS, help="document kind (default: case)")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    out = _Out(stdout or sys.stdout, stderr or sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse's own exit: --help, --version, or a usage error
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out.err)
        return EXIT_USAGE
    from .io import WriteError
    from .problems import SupercomplaintError

    try:
        code: int = args.func(args, out)
    except UsageError as exc:
        out.err.write(f"supercomplaint {args.command}: {terminal_safe(exc)}\n")
        return EXIT_USAGE
    except WriteError as exc:  # the output file cannot be written: one plain line; the old file is intact
        out.err.write(f"supercomplaint {args.command}: {terminal_safe(exc)}; nothing written\n")
        return EXIT_USAGE
    except SupercomplaintError as exc:  # bad data found past loading (an unknown body, say): never a traceback
        problems = getattr(exc, "problems", ())
        out.err.write(
            f"supercomplaint {args.command}: {exc.__class__.__name__}\n"
            if problems
            else f"supercomplaint {args.command}: {terminal_safe(exc)}\n"
        )
        for p in problems:
            out.err.write(f"  {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")
        if problems:
            out.err.write("  (run `supercomplaint validate` on the file for every problem, with line numbers)\n")
        return EXIT_ERRORS
    except BrokenPipeError:  # pragma: no cover - the reader went away (| head)
        return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover
        out.err.write("interrupted\n")
        return 130
    return code
