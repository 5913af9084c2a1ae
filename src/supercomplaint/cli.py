"""The command line: a thin face over the public API. It parses arguments and calls library functions.

Every command's help names the function it calls. Only light modules are imported at start-up, so
``supercomplaint --help`` and ``--version`` import neither cattrs nor jsonschema; each command imports what
it needs when it runs.

Exit codes: 0 when all is well (warnings allowed), 1 when a document has an error, 2 for a usage error or a
file that cannot be read.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import errno
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import _help
from ._version import __version__

if TYPE_CHECKING:
    from .model import Action, CaseRecord, Document, Recommendation
    from .partialdate import PartialDate
    from .problems import Problem
    from .tracker import Obligation

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2

STATES = ("not-yet-due", "due-soon", "overdue", "met", "met-late", "met-date-unknown", "closed", "not-applicable")
# The delivery flags, then the delivery states (tracker.DeliveryState: the tracker is not imported at start-up).
DELIVERY = (
    "at-risk",
    "lapsed",
    "closed",
    "unknown",
    "not-started",
    "planned",
    "in-progress",
    "completed",
    "awaiting-review",
    "being-progressed",
    "complete",
    "closed-not-implemented",
    "superseded",
)
KINDS = ("case", "response", "register")

_COLOURS = {"error": "31", "warning": "33", "note": "36", "ok": "32", "dim": "2", "bold": "1"}
_STATE_COLOURS = {
    "overdue": "31",
    "due-soon": "33",
    "not-yet-due": "34",
    "met": "32",
    "met-late": "32",
    "met-date-unknown": "32",
    "closed": "2",
    "not-applicable": "2",
}


class UsageError(Exception):
    """Bad arguments: reported on stderr with exit code 2."""


STDIN = "-"
"""The file argument that means standard input (and, after ``-o``, standard output)."""

STDIN_NAME = "<stdin>"
"""How messages name standard input."""


def wants_colour(stream: IO[str], choice: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """Whether output to ``stream`` is coloured: ``choice`` is ``--color`` ("auto", "always" or "never").

    "always" and "never" decide. Under "auto", a non-empty ``FORCE_COLOR`` forces colour, else a non-empty
    ``NO_COLOR`` (https://no-color.org) or ``TERM=dumb`` turns it off, else colour goes to a terminal only.

    >>> import io
    >>> wants_colour(io.StringIO(), "auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    True
    >>> wants_colour(io.StringIO(), "always", {"NO_COLOR": "1"})
    True
    >>> wants_colour(io.StringIO(), "never", {"FORCE_COLOR": "1"})
    False
    """
    env = os.environ if environ is None else environ
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("FORCE_COLOR"):
        return True
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    return stream.isatty()


class _Out:
    """Where output goes: whether it is coloured (``--color``), quiet (``-q``) and shows progress (only on a
    terminal), and standard input, read once and kept for every use of ``-``."""

    def __init__(
        self,
        stream: IO[str],
        err: IO[str],
        *,
        colour: str = "auto",
        quiet: bool = False,
        stdin: IO[bytes] | None = None,
    ) -> None:
        self.stream = stream
        self.err = err
        self.encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
        self.colour = wants_colour(stream, colour)
        self.quiet = quiet
        self.progress = err.isatty() and not quiet
        self._stdin = stdin
        self._stdin_data: bytes | None = None

    def paint(self, text: str, colour: str) -> str:
        return f"\033[{colour}m{text}\033[0m" if self.colour else text

    def line(self, text: str = "") -> None:
        self.stream.write(self.fit(text) + "\n")

    def fit(self, text: str) -> str:
        """Text for people, shown in the output's encoding: a character it cannot encode becomes its nearest
        plain form (a dash, a quote mark) or an escape such as ``\\u2192``, so that nothing raises and a
        table's columns stay aligned.

        >>> import io
        >>> out = _Out(io.TextIOWrapper(io.BytesIO(), encoding="ascii"), io.StringIO())
        >>> out.fit("Hestia’s — 5.2 → 5.3")
        "Hestia's - 5.2 \\\\u2192 5.3"
        """
        if self.encoding in _UNICODE_ENCODINGS or text.isascii():
            return text
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return "".join(ch if ch.isascii() else self._fit_character(ch) for ch in text)
        return text

    def _fit_character(self, ch: str) -> str:
        try:
            ch.encode(self.encoding)
        except UnicodeEncodeError:
            return _PLAIN.get(ch) or ch.encode("ascii", "backslashreplace").decode("ascii")
        return ch

    def note(self, text: str) -> None:
        """A line for people on stderr that is not an error ("wrote ...", a warning): left out with ``-q``."""
        if not self.quiet:
            self.err.write(text + "\n")

    def read(self, name: str) -> bytes:
        """The bytes of file ``name``, or of standard input for ``-``; raises :class:`OSError`."""
        if name != STDIN:
            return Path(name).read_bytes()
        if self._stdin_data is None:
            stream = self._stdin if self._stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise OSError(errno.EBADF, "standard input is closed")
            self._stdin_data = stream.read()
        return self._stdin_data

    def data(self, text: str) -> None:
        """Data (JSON, CSV, Markdown, HTML) on standard output, in UTF-8 whatever the terminal's encoding, so
        that a pipe or a redirect gets what ``-o FILE`` writes."""
        buffer = getattr(self.stream, "buffer", None)
        encoding = getattr(self.stream, "encoding", None) or "utf-8"
        if buffer is None or codecs.lookup(encoding).name == "utf-8":
            self.stream.write(text)
            return
        self.stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()

    def writable(self, target: str | None) -> None:
        """Refuse at once, before any work, a target that cannot be written: a missing folder, a folder, a
        link or a special file, a read-only file (what :func:`~supercomplaint.io.atomic_write` refuses
        first). Raises :class:`~supercomplaint.WriteError`."""
        if target is None or target == STDIN:
            return
        from .io import WriteError, _existing

        if not target or target.endswith(("/", os.sep)):
            raise WriteError("not-a-regular-file", "this names a folder, not a file", target)
        _existing(target, os.path.dirname(target) or ".")

    def write(self, target: str | None, data: str | bytes, *, what: str = "the output", tell: bool = True) -> None:
        """Write ``data`` to file ``target`` (whole or not at all; "wrote FILE" on stderr unless ``tell`` is
        False), or to standard output when ``target`` is ``None`` or ``-``. Binary data (a workbook, a Word
        document) is never written to a terminal. Raises :class:`~supercomplaint.WriteError`."""
        if target is not None and target != STDIN:
            from .io import atomic_write

            atomic_write(target, data.encode("utf-8") if isinstance(data, str) else data)
            if tell:
                self.note(f"wrote {terminal_safe(target)}")
            return
        if isinstance(data, str):
            self.data(data)
            return
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None or self.stream.isatty():
            raise UsageError(f"{what} is a binary file: name the file with -o FILE, or redirect standard output")
        self.stream.flush()
        buffer.write(data)
        buffer.flush()


_UNICODE_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-32", "utf-8-sig"})
_PLAIN = {
    "\u2014": "-",
    "\u2013": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
    "\u2022": "*",
}


def shown(name: str) -> str:
    """A file argument as messages name it: ``<stdin>`` for ``-``, made safe for a terminal."""
    return STDIN_NAME if name == STDIN else terminal_safe(name)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    """ "1 error", "2 errors", "0 files"."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


# --------------------------------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------------------------------


def _json_files(paths: Sequence[str]) -> Iterator[str]:
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*.json") if p.is_file())
        else:
            yield name


def validate_file(
    path: Path | str,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    data: bytes | None = None,
) -> tuple[bool, list[Problem], bool]:
    """Parse, validate against the schema, load and check one file (or ``data``, its bytes, when given).

    Returns (readable, problems, ok): ``ok`` is False when any problem is an error. Every problem found in
    the text (parse-level ones included: a repeated key, NaN, a number too big) has its line and column.
    """
    from .io import parse_json
    from .locate import with_positions
    from .problems import LoadError, Problem, Severity, sort_problems
    from .rules import check
    from .validation import validate

    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            problem = Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")
            return False, [problem], False
    raw = data
    try:
        parsed = parse_json(raw)
    except LoadError as exc:
        return True, list(exc.problems), False
    report = validate(parsed)
    problems: list[Problem] = list(report.problems)
    if report.document is not None:  # valid: the report carries the loaded document
        problems.extend(check(report.document, select=select, ignore=ignore))
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")  # as parse_json reads it
    problems = sort_problems(with_positions(text, problems))
    ok = not any(p.severity == Severity.ERROR for p in problems)
    return True, problems, ok


def _rule_codes_hint() -> str:
    """The families of rule codes, for a message about a code that is not one."""
    from .rules import _FAMILIES

    families = _and_words([f"{prefix} ({concern})" for prefix, concern in _FAMILIES])
    return f"rule codes start with {families}; `supercomplaint rules` lists them all"


def _cmd_validate(args: argparse.Namespace, out: _Out) -> int:
    import json

    from .problems import Problem

    select = _codes(args.select)
    ignore = _codes(args.ignore)
    if select or ignore:
        from .rules import RULES

        for code in (*(select or ()), *(ignore or ())):
            if not any(c.startswith(code) for c in RULES):
                raise UsageError(f"no rule code starts with {code!r}: {_rule_codes_hint()}")
    files = list(_json_files(args.paths))
    if not files:
        raise UsageError("no JSON files found in " + ", ".join(args.paths))
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    started = time.monotonic()
    counts = {"error": 0, "warning": 0, "note": 0}
    bad_files = 0
    text = args.format == "text"
    width = _wrap_width(out)
    for index, name in enumerate(files):
        if out.progress and len(files) > 1 and text:
            _progress(out, index, len(files), started, shown(name))
        if name == STDIN:
            try:
                data: bytes | None = out.read(name)
            except OSError as exc:
                problem = Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")
                readable, problems, ok = False, [problem], False
            else:
                readable, problems, ok = validate_file(name, select=select, ignore=ignore, data=data)
        else:
            readable, problems, ok = validate_file(name, select=select, ignore=ignore)
        if not readable:
            status = max(status, EXIT_USAGE)
        elif not ok:
            status = max(status, EXIT_ERRORS)
        for p in problems:
            counts[str(p.severity)] = counts.get(str(p.severity), 0) + 1
        bad_files += not ok
        results.append({"path": STDIN_NAME if name == STDIN else name, "ok": ok, "problems": problems})
        if text:
            if out.progress and len(files) > 1:
                out.err.write("\r\033[K")
            _print_file(out, shown(name), problems, ok, width)
    if out.progress and len(files) > 1 and text:
        out.err.write("\r\033[K")
        out.err.flush()
    if args.format == "json":
        payload = {
            "files": [
                {"path": r["path"], "ok": r["ok"], "findings": [_finding_json(p) for p in r["problems"]]}
                for r in results
            ]
        }
        out.data(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif not out.quiet:
        summary = (
            f"{_plural(len(files), 'file')} checked: {_plural(counts['error'], 'error')}, "
            f"{_plural(counts['warning'], 'warning')}, {_plural(counts['note'], 'note')}"
            + (f", {_plural(bad_files, 'file')} with errors" if bad_files else "")
        )
        for line in _wrapped(summary, width, indent=""):
            out.line(out.paint(line, _COLOURS["error" if bad_files else "ok"]))
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


def _wrap_width(out: _Out) -> int | None:
    """The width lines of text are wrapped to: the terminal's, else COLUMNS; None (no wrapping) when the
    output is not a terminal and COLUMNS is not set, so that a pipe or a log gets one finding per line."""
    if out.stream.isatty() or os.environ.get("COLUMNS", "").isdigit():
        return _width(out)
    return None


def _wrapped(text: str, width: int | None, indent: str, first: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters (any length when ``width`` is None), the first led
    by ``first`` (default ``indent``) and the others by ``indent``; a word longer than a line is broken
    across lines, never cut."""
    import textwrap

    first = indent if first is None else first
    if width is None:
        return [first + text]
    return textwrap.wrap(
        text,
        width=max(width, len(first) + 10, len(indent) + 10),
        initial_indent=first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _print_file(out: _Out, name: str, problems: Sequence[Problem], ok: bool, width: int | None = None) -> None:
    """One file's findings; with ``-q``, only its errors (and nothing for a file without one)."""
    if out.quiet:
        problems = [p for p in problems if p.severity == "error"]
        if not problems:
            return
    if not problems:
        out.line(f"{name}: {out.paint('ok', _COLOURS['ok'])}")
        return
    head = f"{name}: {_plural(len(problems), 'error' if out.quiet else 'finding')}"
    for index, line in enumerate(_wrapped(head, width, indent="  ", first="")):
        out.line(out.paint(line, _COLOURS["bold"]) if index == 0 else line)
    wide = width is None or width >= 62
    indent = " " * 13 if wide else "    "
    for p in problems:
        where = f"{p.line}:{p.column}" if p.line is not None else "-"
        path = out.fit(terminal_safe(p.path))
        if wide:
            severity = f"{p.severity:<7}"
            lines = _wrapped(path, width, indent=indent, first=f"  {where:>9}  {severity} {p.code:<20} ")
        else:  # narrow: where, severity and code on a line, the path below
            severity = str(p.severity)
            lines = _wrapped(f"{where} {severity} {p.code}", width, indent=indent, first="  ")
            lines += _wrapped(path, width, indent=indent)
        lines[0] = lines[0].replace(severity, out.paint(severity, _COLOURS[str(p.severity)]), 1)
        for line in lines:
            out.line(line)
        hint = f" (see `supercomplaint rules {p.code}`)" if p.code.startswith("SC") else ""
        message = _wrapped(out.fit(terminal_safe(p.message)) + hint, width, indent=indent)
        if hint and message[-1].endswith(hint.strip()):
            message[-1] = message[-1][: -len(hint.strip())] + out.paint(hint.strip(), _COLOURS["dim"])
        for line in message:
            out.line(line)


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


def _load_case(name: str, out: _Out) -> tuple[CaseRecord | None, int]:
    """The case record in file ``name``, checked as ``validate`` checks it, or ``None`` and the exit code.

    A document that ``supercomplaint validate`` rejects (unreadable, not JSON, not a case record, against
    the schema, or with a rule error) is refused with every error on stderr: nothing is worked out from a
    record that cannot be trusted. Warnings and notes do not stop it.
    """
    from .model import CaseRecord

    doc, status, _ = _read_checked(name, out, "case")
    if doc is not None and not isinstance(doc, CaseRecord):  # pragma: no cover - validate() insists on the kind
        out.err.write(f"{shown(name)}: expected a case record, found a {type(doc).__name__}\n")
        return None, EXIT_ERRORS
    return doc, status


def _read_checked(name: str, out: _Out, kind: str) -> tuple[Document | None, int, list[Problem]]:
    """Read, validate and check one document of ``kind`` as ``validate`` does.

    Returns the document (``None`` when it has an error, the errors then written to stderr), the exit code,
    and the findings that are not errors (warnings and notes), placed at their lines.
    """
    from .io import loads, parse_json
    from .locate import with_positions
    from .problems import LoadError, Severity, sort_problems
    from .rules import check

    try:
        raw = out.read(name)
    except OSError as exc:
        out.err.write(f"{shown(name)}: cannot read the file: {terminal_safe(exc.strerror or exc)}\n")
        return None, EXIT_USAGE, []
    document: Document | None = None
    source = STDIN_NAME if name == STDIN else name
    problems: list[Problem]
    try:
        # A document the loader reads is one validate() finds nothing in (the test suite proves the two
        # agree): read it the fast way, and give the detailed report only to a document with a problem.
        document = loads(raw, kind=kind, source=source)
    except LoadError:
        document = None
    if document is not None:
        problems = list(check(document))
    else:
        try:
            data = parse_json(raw, source=source)
        except LoadError as exc:
            problems = list(exc.problems)
        else:
            from .validation import validate  # only for a document with a problem (3 ms of a start)

            report = validate(data, kind)
            problems = list(report.problems)
            document = report.document
            if document is not None:
                problems.extend(check(document))
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")  # as parse_json reads it
    problems = sort_problems(with_positions(text, problems))
    errors = [p for p in problems if p.severity == Severity.ERROR]
    if errors or document is None:
        found = _plural(len(errors), "error")
        out.err.write(f"{shown(name)}: not used: `supercomplaint validate` finds {found} in it:\n")
        for p in errors:
            where = f" (line {p.line}, column {p.column})" if p.line is not None else ""
            out.err.write(f"  {terminal_safe(p.path)}{where}: [{p.code}] {terminal_safe(p.message)}\n")
        return None, EXIT_ERRORS, []
    return document, EXIT_OK, [p for p in problems if p.severity != Severity.ERROR]


def _report_load_error(out: _Out, name: str, exc: Any) -> None:
    from .locate import with_positions

    problems = exc.problems
    with contextlib.suppress(OSError):
        text = out.read(name).decode("utf-8", errors="replace").removeprefix("\ufeff")
        problems = with_positions(text, problems)
    out.err.write(f"{shown(name)}: cannot be read as a document:\n")
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

    from .tracker import obligations

    as_of = _as_of(args.as_of)
    due_soon = _due_soon(args.due_soon)
    states = set(args.state or ()) | set(args.only or ())
    delivery = set(args.delivery or ())
    rows: list[dict[str, Any]] = []
    cases = _cases(args.paths, out)
    selections = _selections(args, [case for case, _ in cases], out)
    for case, selection in zip((c for c, _ in cases), selections, strict=True):
        if case is None:
            continue
        found = obligations(case, as_of) if due_soon is None else obligations(case, as_of, due_soon=due_soon)
        names = _Names(case)
        for o in found:
            if not selection.keeps(o):
                continue
            if states and str(o.state) not in states:
                continue
            if due_soon is not None and str(o.state) != "due-soon":
                continue
            if delivery and not _delivery_matches(o, delivery):
                continue
            rows.append(_row(case, o, names))
    status = max((s for _, s in cases), default=EXIT_OK)
    if status != EXIT_OK and not any(case is not None for case, _ in cases):
        return status  # nothing could be read: the problems are on stderr, and no table pretends otherwise
    if args.format in ("json", "csv"):
        public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
        out.data(
            json.dumps(public, ensure_ascii=False, indent=2) + "\n"
            if args.format == "json"
            else csv_text(public, list(_COLUMNS))
        )
    else:
        several = len(args.paths) > 1
        rows = _safe_rows(rows, out)
        if not args.summary:
            _status_table(out, rows, several)
        _summaries(out, rows, several)
        _status_total(out, rows, as_of)
    return status


# The columns of `status --format csv` (and the keys of --format json), ids in their own columns.
_COLUMNS: dict[str, str] = {
    "case": "id of the case",
    "caseTitle": "the complaint's title",
    "item": "id of the item, monitoring obligation or follow-up the obligation arises from",
    "label": "its label as written",
    "title": "what a person calls it: 'Recommendation 5.2', 'Monitoring route 5.6 b)'",
    "kind": "respond, report or reply",
    "body": "id of the body that owes it",
    "bodyName": "its name",
    "via": "id of the group it owes it through",
    "viaName": "the group's name",
    "recipient": "id of the body owed (a report's recipient, a follow-up's sender)",
    "recipientName": "its name",
    "otherRecipients": "ids of the others owed the same report or reply",
    "owed": "what is owed, in words",
    "due": "the due date, when known to the day",
    "dueEarliest": "the earliest day it can be",
    "dueLatest": "the latest day it can be",
    "dueExplanation": "how the due date was worked out",
    "dueFrom": "id of the item, route or follow-up whose deadline applies",
    "state": "the reply's state",
    "metBy": "ids of the responses that meet it",
    "metOn": "the date of the earliest dated one",
    "positionOn": "id of the item the position and delivery describe",
    "position": "the body's latest position on it",
    "progress": "the body's latest claimed progress",
    "progressOn": "the date of that claim",
    "plannedCompletion": "the body's latest planned completion",
    "plannedCompletionBound": "earliest or latest, when the planned completion is a bound",
    "plannedCompletionAsWritten": "the planned completion as written",
    "delivery": "where delivery stands: the claim, or the monitoring body's assessment when that wins",
    "atRisk": "the planned completion may fall after the item's own deadline",
    "lapsed": "the planned completion has passed with no completion claimed or assessed",
    "closed": "the monitoring body has closed the item",
    "assessment": "id of the latest assessment that applies",
    "assessmentStatus": "its status",
    "assessedOn": "its date",
    "assessedBy": "id of the monitoring body",
    "group": "id of the group whose collated answer is shown",
    "groupAnsweredBy": "id of the body that answered for the group",
    "groupAnsweredByName": "its name as written after 'via'",
    "groupResponses": "ids of the group's responses on the item",
    "groupAnswerDate": "the date of the latest",
    "groupPosition": "the group's position",
    "groupProgress": "the group's progress",
    "groupAnswerMeets": "whether the group's answer meets the body's own obligation",
    "asOf": "the day described",
}


def _iso(value: object) -> str | None:
    return None if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))


def _row(case: CaseRecord, o: Obligation, names: _Names) -> dict[str, Any]:
    """One obligation as a row: the public columns, and what the table shows (keys starting with '_')."""
    group = o.group_answer
    assessment = o.assessment
    row: dict[str, Any] = {
        "case": case.id,
        "caseTitle": case.complaint.title,
        "item": o.ref,
        "label": o.label,
        "title": names.title(o.ref),
        "kind": str(o.kind),
        "body": o.body,
        "bodyName": o.body_name,
        "via": o.via,
        "viaName": names.name(o.via) if o.via else None,
        "recipient": o.recipient,
        "recipientName": names.name(o.recipient) if o.recipient else None,
        "otherRecipients": list(o.other_recipients),
        "owed": o.owed,
        "due": _iso(o.due),
        "dueEarliest": _iso(o.resolution.earliest),
        "dueLatest": _iso(o.resolution.latest),
        "dueExplanation": o.resolution.explanation,
        "dueFrom": o.due_from,
        "state": str(o.state),
        "metBy": list(o.met_by),
        "metOn": _iso(o.met_on),
        "positionOn": o.position_on,
        "position": _str(o.position),
        "progress": _str(o.progress),
        "progressOn": _iso(o.progress_on),
        "plannedCompletion": _iso(o.planned_completion),
        "plannedCompletionBound": _str(o.planned_completion_bound),
        "plannedCompletionAsWritten": o.planned_completion_as_written,
        "delivery": str(o.delivery),
        "atRisk": o.at_risk,
        "lapsed": o.lapsed,
        "closed": o.closed,
        "assessment": assessment.id if assessment else None,
        "assessmentStatus": str(assessment.status) if assessment else None,
        "assessedOn": _iso(assessment.date) if assessment else None,
        "assessedBy": assessment.assessor if assessment else None,
        "group": group.group if group else None,
        "groupAnsweredBy": group.responder if group else None,
        "groupAnsweredByName": group.responder_name if group else None,
        "groupResponses": list(group.responses) if group else [],
        "groupAnswerDate": _iso(group.date) if group else None,
        "groupPosition": _str(group.position) if group else None,
        "groupProgress": _str(group.progress) if group else None,
        "groupAnswerMeets": group.meets if group else None,
        "asOf": o.as_of.isoformat(),
    }
    row["_item"] = names.heading(o)
    row["_to"] = ", ".join(names.short(r) for r in (o.recipient, *o.other_recipients) if r) or "—"
    row["_due"] = _due_words(o)
    row["_reply"] = _reply_words(o)
    row["_delivery"] = _delivery_words(o)
    row["_position"] = _position_words(o)
    row["_items"] = names.items_of(o)
    return row


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _words(value: object) -> str:
    return str(value).replace("-", " ")


def _date_words(value: dt.date | PartialDate) -> str:
    """A date as a person writes it: "26 November 2021", "April 2022", "2022"."""
    from .deadlines import format_date

    return format_date(value)


def _short_date(value: dt.date | PartialDate) -> str:
    """A date for a narrow table cell: "26 Nov 2021", "Apr 2022", "2022"."""
    words = _date_words(value).split(" ")
    return " ".join(w[:3] if w.isalpha() else w for w in words)


def _due_words(o: Obligation) -> str:
    due, first, last = o.resolution.due, o.resolution.earliest, o.resolution.latest
    if due is not None:
        return _short_date(due)
    if first is not None and last is not None:
        return f"between {_short_date(first)} and {_short_date(last)}"
    return "no date"


_REPLY_WORDS = {
    "met": "met",
    "met-late": "met late",
    "met-date-unknown": "met, date unknown",
    "closed": "no longer owed (closed)",
    "overdue": "overdue",
    "due-soon": "due soon",
    "not-yet-due": "not yet due",
    "not-applicable": "no due date",
}


_COUNT_WORDS = {"met-date-unknown": "met (date unknown)"}


def _reply_words(o: Obligation) -> str:
    text = _REPLY_WORDS.get(str(o.state), _words(o.state))
    if o.state.is_met:
        group = o.group_answer
        if group is not None and group.meets and set(o.met_by) <= set(group.responses):
            text += f" via {group.responder_name}"  # the collated answer is how this body answered
        if o.met_on is not None:
            text += f" ({_short_date(o.met_on)})"
    return text


def _delivery_words(o: Obligation) -> str:
    parts: list[str] = []
    if o.assessment is not None and o.delivery.assessed:
        parts.append(f"{_words(o.delivery)} (assessed {_short_date(o.assessment.date)})")
    elif str(o.delivery) != "unknown":
        parts.append(f"{_words(o.delivery)} (claimed)")
    if o.planned_completion is not None and not o.delivery.done and not o.closed:
        bound = f" at the {o.planned_completion_bound}" if o.planned_completion_bound else ""
        parts.append(f"planned {_short_date(o.planned_completion)}{bound}")
    if o.at_risk:
        parts.append("AT RISK")
    if o.lapsed:
        parts.append("LAPSED")
    return "; ".join(parts) or "—"


def _position_words(o: Obligation) -> str:
    own = _words(o.position) if o.position is not None else ""
    group = o.group_answer
    if group is None:
        return own or "—"
    if group.position is not None or group.progress is not None:
        said = ", ".join(_words(v) for v in (group.position, group.progress) if v is not None)
    else:
        said = "replied" + (f" {_short_date(group.date)}" if group.date is not None else "")
    shown = f"via {group.responder_name}: {said}"
    return f"{own}; {shown}" if own else shown


def _delivery_matches(o: Obligation, wanted: set[str]) -> bool:
    flags = {"at-risk": o.at_risk, "lapsed": o.lapsed, "closed": o.closed}
    return any(flags.get(w, False) or str(o.delivery) == w for w in wanted)


class _Names:
    """How a person reads a case's things: item headings and body names, never an internal id."""

    def __init__(self, case: CaseRecord) -> None:
        from .registry import Registry

        self.registry = Registry.for_document(case)
        self.case = case
        self.things: dict[str, Any] = {}
        self.headings: dict[str, str] = {}
        report = case.report
        if report is not None:
            kinds: tuple[tuple[str, Sequence[Action | Recommendation]], ...] = (
                ("Action", report.actions),
                ("Recommendation", report.recommendations),
            )
            for kind, things in kinds:
                labels = [i.label or (i.alternate_labels[0] if i.alternate_labels else None) for i in things]
                seen: dict[str, int] = {}
                for index, (item, label) in enumerate(zip(things, labels, strict=True), 1):
                    self.things[item.id] = item
                    if label:
                        heading = f"{kind} {label}"
                        twins = labels.count(label)
                        if twins > 1:  # the source numbers two items alike: say which is which
                            seen[label] = seen.get(label, 0) + 1
                            heading += f" ({_ordinal(seen[label])} of {twins} so numbered)"
                    else:
                        heading = f"{kind} (unnumbered; {_ordinal(index)} in the record)"
                    if item.title:
                        heading += f": {item.title}"
                    self.headings[item.id] = heading
            for route in report.monitoring:
                self.things[route.id] = route
        for follow_up in case.follow_ups:
            self.things[follow_up.id] = follow_up
        self._titles: dict[str, str] = {}  # what title() and short() said of each ref, said again (a row asks twice)
        self._shorts: dict[str, str] = {}

    def name(self, ref: str) -> str:
        found = self.registry.get(ref)
        return found.name if found is not None else ref

    def short(self, ref: str) -> str:
        said = self._shorts.get(ref)
        if said is None:
            from .tracker import short_name

            said = self._shorts[ref] = short_name(self.registry.get(ref), ref)
        return said

    def label(self, ref: str) -> str:
        """An item's label alone ('5.2'), for lists of items."""
        item = self.things.get(ref)
        label = getattr(item, "label", None)
        return str(label) if label else self.headings.get(ref, "an unnumbered item").split(":")[0]

    def title(self, ref: str) -> str:
        said = self._titles.get(ref)
        if said is None:
            said = self._titles[ref] = self._title(ref)
        return said

    def _title(self, ref: str) -> str:
        from .model import FollowUp, MonitoringObligation

        thing = self.things.get(ref)
        if isinstance(thing, MonitoringObligation):
            if thing.label:
                return f"Monitoring route {thing.label}"
            about = _and_words([self.label(i) for i in thing.items])
            return f"Monitoring route to {self.short(thing.recipient)} on {about}"
        if isinstance(thing, FollowUp):
            if thing.title:
                return f"Follow-up: {thing.title}"
            return f"Follow-up from {self.short(thing.sender)} of {_date_words(thing.date)}"
        return self.headings.get(ref, "an item the record does not hold")

    def heading(self, o: Obligation) -> str:
        title = self.title(o.ref)
        if o.position_on is not None and o.position_on != o.ref and self.label(o.position_on) not in title:
            title += f" (set by {self.label(o.position_on)})"
        return title

    def items_of(self, o: Obligation) -> frozenset[str]:
        """The items an obligation concerns: the item itself, a route's or follow-up's items, the item that
        sets the route."""
        return frozenset({o.ref, *o.items, *((o.position_on,) if o.position_on else ())})


def _ordinal(number: int) -> str:
    """ "1st", "2nd", "3rd", "4th", "11th", "21st" ..."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _and_words(names: Sequence[str], word: str = "and") -> str:
    """ "A", "A and B", "A, B and C" (or "or")."""
    return f" {word} ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} {word} {names[-1]}"


def _due_soon(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise UsageError(f"--due-soon {value}: the number of days cannot be negative")
    return value


def _cases(paths: Sequence[str], out: _Out) -> list[tuple[CaseRecord | None, int]]:
    return [_load_case(name, out) for name in paths]


class _Selection:
    """Which obligations of one case the filters --body, --group and --item keep."""

    def __init__(self, bodies: frozenset[str] | None, items: frozenset[str] | None) -> None:
        self.bodies = bodies
        self.items = items

    def keeps(self, o: Obligation) -> bool:
        if self.bodies is not None and o.body not in self.bodies:
            return False
        if self.items is not None:
            concerned = {o.ref, *o.items, *((o.position_on,) if o.position_on else ())}
            if not concerned & self.items:
                return False
        return True


def _selections(args: argparse.Namespace, cases: Sequence[CaseRecord | None], out: _Out) -> list[_Selection]:
    """The --body, --group and --item filters resolved in each case; a name no case knows is a usage error."""
    from .registry import AmbiguousRefError, Registry, UnknownRefError

    wanted_bodies: list[str] = list(args.body or ())
    wanted_groups: list[str] = list(args.group or ())
    wanted_items: list[str] = list(args.item or ())
    selections: list[_Selection] = []
    known: dict[str, bool] = dict.fromkeys([*wanted_bodies, *wanted_groups, *wanted_items], False)
    said: set[str] = set()
    for case in cases:
        if case is None:
            selections.append(_Selection(None, None))
            continue
        registry = Registry.for_document(case)
        bodies: set[str] | None = None
        for text, as_group in [*((b, False) for b in wanted_bodies), *((g, True) for g in wanted_groups)]:
            bodies = set() if bodies is None else bodies
            try:
                found = registry.get(text) or registry.by_name(text)
            except AmbiguousRefError as exc:
                options = _and_words([f"{registry.name(i)!s}" for p in exc.problems for i in p.ids], "or")
                raise UsageError(f"{text!r} may mean {options}: say which") from None
            except UnknownRefError:
                continue
            from .model import Group

            if as_group and not isinstance(found, Group):
                raise UsageError(f"--group {text!r}: {found.name} is a body, not a group (use --body)")
            known[text] = True
            bodies.update(b.id for b in registry.members(found.id))
        items: set[str] | None = None
        names = _Names(case)
        for text in wanted_items:
            items = set() if items is None else items
            matched = _match_items(case, text, names)
            if matched:
                known[text] = True
                items.update(matched)
                if len(matched) > 1 and text not in said:
                    said.add(text)
                    out.note(
                        f"note: {terminal_safe(repr(text))} matches "
                        f"{terminal_safe(_and_words([names.title(i) for i in matched]))}: all are shown"
                    )
        selections.append(
            _Selection(
                frozenset(bodies) if bodies is not None else None, frozenset(items) if items is not None else None
            )
        )
    if any(case is not None for case in cases):
        missing = [text for text, ok in known.items() if not ok]
        if missing:
            what = " or ".join(repr(t) for t in missing)
            hint = _suggest(missing, [c for c in cases if c is not None])
            raise UsageError(f"no body, group or item called {what} in the register or the case{hint}")
    return selections


def _suggest(texts: Sequence[str], cases: Sequence[CaseRecord]) -> str:
    """A hint naming up to five bodies or groups whose names contain one of ``texts``."""
    from .registry import Registry, normalise_name

    found: dict[str, None] = {}
    for case in cases:
        registry = Registry.for_document(case)
        for text in texts:
            key = normalise_name(text)
            if not key:
                continue
            names: list[str] = [b.name for b in registry.bodies] + [g.name for g in registry.groups]
            for name in names:
                if key in normalise_name(name):
                    found.setdefault(name)
    if not found:
        return ""
    hits = list(found)
    more = f" (and {len(hits) - 5} more)" if len(hits) > 5 else ""
    return f"; did you mean {_and_words(hits[:5], 'or')}{more}?"


def _match_items(case: CaseRecord, text: str, names: _Names) -> list[str]:
    """The ids of the items, routes and follow-ups ``text`` names: by id, label, alternate label or title."""
    report = case.report
    wanted = text.strip().casefold()
    found: list[str] = []
    candidates: list[Any] = []
    if report is not None:
        candidates.extend((*report.actions, *report.recommendations, *report.monitoring))
    candidates.extend(case.follow_ups)
    for thing in candidates:
        forms = {thing.id, getattr(thing, "label", None), getattr(thing, "title", None)}
        forms.update(getattr(thing, "alternate_labels", ()))
        forms.add(names.title(thing.id))
        if wanted in {str(f).strip().casefold() for f in forms if f}:
            found.append(thing.id)
    return found


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
    if value.isprintable():  # every character _UNSAFE matches is one Python does not call printable
        return value
    return _UNSAFE.sub(_escape_unsafe, value)


def _escape_unsafe(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _AS_SPACE:
        return " "
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_STATE_STYLES = {
    "overdue": "red",
    "due-soon": "yellow",
    "not-yet-due": "blue",
    "met": "green",
    "met-late": "green",
    "met-date-unknown": "green",
    "closed": "dim",
    "not-applicable": "dim",
}


def _console(out: _Out) -> Any:
    """A rich console on the output: the terminal's width and colour on a terminal; plain text, no colour
    and a width from COLUMNS (else 120) when not a terminal or NO_COLOR is set."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich would exit with status 1: main() stops quietly instead
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "the reader of the output went away")

    on_terminal = out.stream.isatty()
    return _Console(
        file=out.stream,
        width=_width(out),
        force_terminal=on_terminal,
        no_color=not out.colour,
        color_system="standard" if out.colour else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def _status_table(out: _Out, rows: list[dict[str, Any]], several: bool) -> None:
    """The obligations as a table that fits the width and wraps long names rather than cutting them (``rows``
    made safe to print by :func:`_safe_rows`). Plain text where rich would print no colour
    (:mod:`supercomplaint._plaintable`, the same bytes); rich on a terminal or in colour."""
    if not rows:
        out.line("No obligations match.")
        return
    if _width(out) < _TABLE_WIDTH:
        _status_blocks(out, rows, several, _width(out))
        return
    headers = [*(["Case"] if several else []), "Item", "Body", "To", "Due", "Reply", "Delivery", "Position"]
    least = {"Item": 14, "Body": 12, "Due": 8}
    if _plain_tables(out):
        from ._plaintable import Column, render

        keys = [*(["caseTitle"] if several else []), "_item", "bodyName", "_to", "_due", "_reply", "_delivery"]
        text = render(
            [Column(h, overflow="fold", min_width=least.get(h)) for h in headers],
            [[r[k] for k in [*keys, "_position"]] for r in rows],
            _width(out),
        )
        if text is not None:
            out.stream.write(text)
            return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console(out)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold" if out.colour else "")
    for header in headers:
        table.add_column(header, overflow="fold", min_width=least.get(header))
    for r in rows:
        cells = [
            *([r["caseTitle"]] if several else []),
            r["_item"],
            r["bodyName"],
            r["_to"],
            r["_due"],
            Text(r["_reply"], style=_STATE_STYLES.get(r["state"], "") if out.colour else ""),
            Text(r["_delivery"], style="bold red" if out.colour and (r["atRisk"] or r["lapsed"]) else ""),
            r["_position"],
        ]
        table.add_row(*cells)
    console.print(table)


_SHOWN = ("caseTitle", "_item", "bodyName", "_to", "_due", "_reply", "_delivery", "_position")
"""The texts of a row that the table, the blocks and the summaries of `status` show."""


def _safe_rows(rows: list[dict[str, Any]], out: _Out) -> list[dict[str, Any]]:
    """The rows with every text shown (_SHOWN) made safe to print on a terminal (see terminal_safe), in the
    output's encoding."""
    unicode = out.encoding in _UNICODE_ENCODINGS  # out.fit would change nothing
    safe = []
    for row in rows:
        row = dict(row)
        for key in _SHOWN:
            value = row[key]
            if isinstance(value, str):
                value = terminal_safe(value)
                row[key] = value if unicode else out.fit(value)
        safe.append(row)
    return safe


def _counts(rows: Sequence[dict[str, Any]]) -> str:
    """ "3 overdue, 1 met; 1 at risk", in the order of the states."""
    states: dict[str, int] = {}
    for r in rows:
        states[r["state"]] = states.get(r["state"], 0) + 1
    text = ", ".join(f"{states[s]} {_COUNT_WORDS.get(s, _REPLY_WORDS[s])}" for s in STATES if s in states)
    flags = [
        f"{n} {word}"
        for word, key in (("at risk", "atRisk"), ("lapsed", "lapsed"), ("closed by assessment", "closed"))
        if (n := sum(1 for r in rows if r[key]))
    ]
    return "; ".join([text, *flags])


def _summaries(out: _Out, rows: list[dict[str, Any]], several: bool) -> None:
    """How many obligations are in each state, per item and per body (``rows`` made safe to print), as plain
    tables or rich's as _status_table chooses."""
    if not rows:
        return
    plain = _plain_tables(out)
    for what, key in (("Item", "_item"), ("Body", "bodyName")):
        grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in rows:
            grouped.setdefault((r["caseTitle"] if several else "", r[key]), []).append(r)
        if plain:
            from ._plaintable import Column, render

            text = render(
                [
                    *([Column("Case", overflow="fold")] if several else []),
                    Column(what, overflow="fold"),
                    Column("Obligations", justify="right"),
                    Column("Reply; delivery", overflow="fold"),
                ],
                [
                    [*([case_title] if several else []), name, str(len(members)), _counts(members)]
                    for (case_title, name), members in grouped.items()
                ],
                _width(out),
                title=f"By {what.lower()}",
            )
            if text is not None:
                out.line()
                out.stream.write(text)
                continue
        from rich import box
        from rich.table import Table

        console = _console(out)
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            title=f"By {what.lower()}",
            title_justify="left",
            header_style="bold" if out.colour else "",
            title_style="bold" if out.colour else "",
        )
        if several:
            table.add_column("Case", overflow="fold", ratio=1)
        table.add_column(what, overflow="fold", ratio=2)
        table.add_column("Obligations", justify="right")
        table.add_column("Reply; delivery", overflow="fold", ratio=3)
        for (case_title, name), members in grouped.items():
            table.add_row(*([case_title] if several else []), name, str(len(members)), _counts(members))
        out.line()
        console.print(table)


def _status_total(out: _Out, rows: list[dict[str, Any]], as_of: dt.date) -> None:
    import textwrap

    count = len(rows)
    summary = f": {_counts(rows)}" if rows else ""
    text = f"{count} obligation{'s' if count != 1 else ''} as of {_date_words(as_of)}{summary}"
    out.line()
    for line in textwrap.wrap(text, width=_width(out), break_long_words=False, break_on_hyphens=False):
        out.line(line)


def _plain_tables(out: _Out) -> bool:
    """Whether tables go out as plain text (see supercomplaint._plaintable) rather than through rich: not on a
    terminal, without colour, in a Unicode encoding (rich draws ASCII boxes otherwise), not on Windows (whose
    consoles rich treats apart)."""
    encoding = (getattr(out.stream, "encoding", None) or "utf-8").lower()
    return not out.colour and os.name != "nt" and encoding.startswith("utf") and not out.stream.isatty()


def _width(out: _Out) -> int:
    """The width to fit: the terminal's; when not a terminal, COLUMNS, else 120."""
    if out.stream.isatty():
        import shutil  # for a terminal only: 2-4 ms of a start into a pipe

        return shutil.get_terminal_size((120, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 20 else 120


_TABLE_WIDTH = 100
"""Below this width, status prints each obligation as a block of lines instead of a table's row."""


def _status_blocks(out: _Out, rows: list[dict[str, Any]], several: bool, width: int) -> None:
    """Each obligation as a short block, wrapped to ``width``: a narrow terminal still shows everything."""
    import textwrap

    for r in rows:
        head = f"{r['_item']}: {r['bodyName']}"
        if several:
            head = f"{r['caseTitle']}: {head}"
        lines = textwrap.wrap(head, width=width, subsequent_indent="  ", break_on_hyphens=False)
        bold = len(lines)
        details = [
            ("to", r["_to"]),
            ("due", r["_due"]),
            ("reply", r["_reply"]),
            ("delivery", r["_delivery"]),
            ("position", r["_position"]),
        ]
        for name, value in details:
            if name == "to" and value == "—":
                continue
            lines.extend(
                textwrap.wrap(
                    f"{name}: {value}",
                    width=width,
                    initial_indent="  ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
            )
        for index, line in enumerate(lines):
            out.line(out.paint(line, _COLOURS["bold"]) if index < bold else line)


# --------------------------------------------------------------------------------------------------
# history
# --------------------------------------------------------------------------------------------------


def _cmd_history(args: argparse.Namespace, out: _Out) -> int:
    from .compiling import EntryKind, history
    from .tracker import obligations

    as_of = _as_of(args.as_of) if args.as_of else None
    case, status = _load_case(args.path, out)
    if case is None:
        return status
    (selection,) = _selections(args, [case], out)
    names = _Names(case)
    items = selection.items
    bodies = selection.bodies
    if args.state or args.delivery:
        # Only the items (and bodies) whose obligations are in the states asked for.
        wanted_states = set(args.state or ())
        wanted_delivery = set(args.delivery or ())
        chosen = [
            o
            for o in obligations(case, as_of or dt.date.today())
            if selection.keeps(o)
            and (not wanted_states or str(o.state) in wanted_states)
            and (not wanted_delivery or _delivery_matches(o, wanted_delivery))
        ]
        items = frozenset(i for o in chosen for i in names.items_of(o))
        bodies = frozenset(o.body for o in chosen)
    width = min(_width(out), 100)  # prose: wider lines are hard to read
    from .registry import RegistryError

    registry = names.registry
    groups_of: dict[str, set[str]] = {}
    if bodies is not None:
        for group in registry.groups:
            try:
                members: set[str] = {b.id for b in registry.members(group.id)}
            except RegistryError:  # a member the register lacks: the rules report it, history goes on
                continue
            groups_of[group.id] = members
    printed = 0
    for found in history(case, as_of=as_of):
        if items is not None and found.item not in items:
            continue
        lines: list[tuple[str, str]] = []
        for entry in found.entries:
            if bodies is not None and not _concerns(entry, bodies, groups_of):
                continue
            when = _date_words(entry.date) if entry.date is not None else "date unknown"
            lines.append((when, out.fit(terminal_safe(_entry_words(entry, names, EntryKind)))))
        if bodies is not None and not lines:
            continue
        printed += 1
        for line in _wrapped(out.fit(terminal_safe(names.title(found.item))), width, indent="  ", first=""):
            out.line(line)
        if not lines:
            out.line("  nothing recorded yet")
        for when, text in lines:
            if width >= 50:  # the date in a column of its own
                for line in _wrapped(text, width, indent=" " * 20, first=f"  {when:<17} "):
                    out.line(line)
            else:  # narrow: the date on a line, the entry below
                out.line(f"  {when}")
                for line in _wrapped(text, width, indent="    "):
                    out.line(line)
        out.line()
    if not printed:
        out.line("Nothing matches." if (items is not None or bodies is not None) else "The case has no report yet.")
    return status


def _concerns(entry: Any, bodies: frozenset[str], groups_of: dict[str, set[str]]) -> bool:
    """Whether a history entry is about one of ``bodies``: theirs, their group's, or sent to them."""
    who = {entry.source, *entry.joint, *((entry.speaks_for,) if entry.speaks_for else ())}
    if entry.follow_up is not None:
        who.update(entry.follow_up.recipients)
    if who & bodies:
        return True
    if entry.kind == "assessment" and entry.speaks_for is None:
        return True  # the item as a whole
    return any(bodies & groups_of.get(ref, set()) for ref in who)


def _entry_words(entry: Any, names: _Names, kinds: Any) -> str:
    """One history entry in words, with names and labels, never an internal id."""
    if entry.kind is kinds.FOLLOW_UP:
        letter = entry.follow_up
        senders = _and_words([names.name(s) for s in (letter.sender, *letter.joint_senders)])
        to = _and_words([names.name(r) for r in letter.recipients])
        about = _and_words([names.label(i) for i in letter.items])
        title = f" “{letter.title}”" if letter.title else ""
        return f"Follow-up{title} from {senders} to {to}, asking about {about}."
    if entry.kind is kinds.ASSESSMENT:
        assessment = entry.assessment
        whom = f" for {names.name(assessment.subject)}" if assessment.subject else ""
        rag = f", rated {assessment.rag}" if assessment.rag else ""
        comment = f": “{assessment.comment}”" if assessment.comment else ""
        return f"{names.name(assessment.assessor)} assessed it{whom} as {_words(assessment.status)}{rag}{comment}."
    speaker = names.name(entry.source)
    if entry.kind is kinds.MEMBER_OUTCOME:
        said = _said(entry.position, entry.progress, None, None) or "named, with no position or progress"
        return f"{names.name(entry.speaks_for)}, as {names.short(entry.source)} reports: {said}."
    if entry.speaks_for is not None and entry.speaks_for != entry.source:
        whom = names.name(entry.speaks_for)
        speaker = f"{names.short(entry.source)}, for {whom[:1].lower() + whom[1:]},"
    if entry.joint:
        speaker = _and_words([speaker.rstrip(","), *(names.name(j) for j in entry.joint)]) + ", jointly,"
    if entry.via is not None:
        route = names.title(entry.via)
        return f"{speaker} replied to {route[:1].lower() + route[1:]}; what it says of this item is not recorded."
    answer = entry.answer
    said = _said(entry.position, entry.progress, answer.planned_completion, answer.planned_completion_bound)
    text = f"{speaker.rstrip(',')}: {said or 'no position or progress stated'}."
    if answer.narrative:
        text += f" “{_excerpt(answer.narrative)}”"
    return text


def _excerpt(text: str, limit: int = 160) -> str:
    """The start of a narrative, at most ``limit`` characters, cut at a word and marked "[…]" when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " […]"


_POSITION_PROSE = {"not-addressed-to-us": "not addressed to it", "alternative-proposed": "proposed an alternative"}


def _said(position: Any, progress: Any, planned: PartialDate | None, bound: Any) -> str:
    parts = []
    if position is not None:
        parts.append(_POSITION_PROSE.get(str(position), _words(position)))
    if progress is not None:
        parts.append(_words(progress))
    if planned is not None:
        parts.append(f"completion planned {_date_words(planned)}" + (f" at the {bound}" if bound else ""))
    return ", ".join(parts)


# --------------------------------------------------------------------------------------------------
# compile, render, schema
# --------------------------------------------------------------------------------------------------


def _cmd_compile(args: argparse.Namespace, out: _Out) -> int:
    from .compiling import merge
    from .io import dumps
    from .model import ResponseDocument
    from .problems import Severity
    from .rules import check

    out.writable(args.output)
    case, status = _load_case(args.case, out)
    responses: list[ResponseDocument] = []
    for name in args.responses:
        doc, code, _ = _read_checked(name, out, "response")
        status = max(status, code)
        if isinstance(doc, ResponseDocument):
            responses.append(doc)
    if status != EXIT_OK or case is None:
        out.err.write("nothing written: fix the documents above first\n")
        return status
    result = merge(case, *responses)
    if result.problems:
        out.err.write("cannot compile:\n")
        for p in result.problems:
            out.err.write(f"  {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")
        out.err.write("nothing written\n")
        return EXIT_ERRORS
    findings = check(result.case)
    errors = [p for p in findings if p.severity == Severity.ERROR]
    if errors:
        out.err.write(f"cannot compile: the compiled case would have {_plural(len(errors), 'error')}:\n")
        for p in errors:
            out.err.write(f"  {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")
        out.err.write("nothing written\n")
        return EXIT_ERRORS
    # Written first: when the file cannot be written, that one line is all stderr says.
    out.write(args.output, dumps(result.case, version=_version_to_write(args.case, result.case, out)), tell=False)
    for p in findings:
        out.note(f"  {p.severity}: {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}")
    n = len(result.case.responses)
    tally = _and_words(
        [_plural(k, word) for word in ("warning", "note") if (k := sum(p.severity == word for p in findings))]
    )
    where = "standard output" if args.output == STDIN else terminal_safe(args.output)
    out.note(f"wrote {where}: {_plural(n, 'response')}" + (f"; {tally} above" if tally else ""))
    return EXIT_OK


def _version_to_write(source: str, case: CaseRecord, out: _Out) -> str:
    """The schema version of the case file ``source``, or the oldest later one that can hold ``case``: a
    1.0 record compiled with 1.0 responses stays 1.0."""
    import json

    from .converter import needed_version, version_key

    needed = needed_version(case)
    try:
        declared = json.loads(out.read(source)).get("schemaVersion")
    except (OSError, ValueError, AttributeError):  # pragma: no cover - the file was read and validated before
        return needed
    if not isinstance(declared, str):  # pragma: no cover - validated before
        return needed
    return max(declared, needed, key=version_key)


def _responder(case: CaseRecord, text: str) -> str:
    """The id of the body ``text`` names for ``--responder``: its id, or any name the register knows."""
    from .registry import AmbiguousRefError, Registry, RegistryError

    registry = Registry.for_document(case)
    try:
        found = registry.get(text) or registry.by_name(text)
    except AmbiguousRefError as exc:
        options = _and_words([registry.name(i) for p in exc.problems for i in p.ids], "or")
        raise UsageError(f"--responder {text!r} may mean {options}: say which") from None
    except RegistryError as exc:  # an unknown name, or one that names no area ("Chief Constable")
        known = sorted({r.responder for r in case.responses})
        listed = ", ".join(f"{registry.name(r)} ({r})" if registry.get(r) else r for r in known)
        hint = _suggest([text], [case]) or f"; the case's responders: {listed or 'none'}"
        raise UsageError(f"--responder: {exc}{hint}") from None
    from .model import Group

    if isinstance(found, Group):
        raise UsageError(
            f"--responder: {found.name} is a group, not a body: a board paper is one body's (name a member)"
        )
    return found.id


def _cmd_render(args: argparse.Namespace, out: _Out) -> int:
    from .rendering import RenderError, render

    out.writable(args.output)
    case, status = _load_case(args.path, out)
    if case is None:
        return status
    if args.view == "board-paper" and not args.responder:
        raise UsageError("--view board-paper needs --responder BODY (a body's id or name, e.g. 'Kent Police')")
    responder = _responder(case, args.responder) if args.responder else None
    if args.to == "docx":  # a Word document: bytes, made by supercomplaint.docx from the HTML rendering
        if not args.output:
            raise UsageError("--to docx writes a Word document: name the file with -o OUT.docx")
        from .docx import render_docx

        try:
            data = render_docx(case, view=args.view, as_of=_as_of(args.as_of), responder=responder)
        except RenderError as exc:
            raise UsageError(str(exc)) from None
        out.write(args.output, data, what="a Word document")
        return EXIT_OK
    try:
        text = render(case, view=args.view, to=args.to, as_of=_as_of(args.as_of), responder=responder)
    except RenderError as exc:
        raise UsageError(str(exc)) from None
    out.write(args.output, text)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: _Out) -> int:
    import json

    from .validation import schema

    try:
        found = schema(args.kind, args.schema_version)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out.data(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _cmd_upgrade(args: argparse.Namespace, out: _Out) -> int:
    from .io import upgrade
    from .problems import LoadError, VersionError

    if args.in_place and args.path == STDIN:
        raise UsageError("--in-place needs a file: standard input cannot be replaced (write with -o instead)")
    out.writable(args.path if args.in_place else args.output)
    try:
        data = out.read(args.path)
    except OSError as exc:
        out.err.write(f"{shown(args.path)}: cannot read the file: {terminal_safe(exc.strerror or exc)}\n")
        return EXIT_USAGE
    try:
        text = upgrade(data, to=args.to, source=STDIN_NAME if args.path == STDIN else args.path)
    except LoadError as exc:
        _report_load_error(out, args.path, exc)
        return EXIT_ERRORS
    except VersionError as exc:
        out.err.write(f"{shown(args.path)}: cannot write schema version {terminal_safe(args.to)}:\n")
        for p in exc.problems:
            out.err.write(f"  {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")
        out.err.write("nothing written\n")
        return EXIT_ERRORS
    out.write(args.path if args.in_place else args.output, text)
    return EXIT_OK


# --------------------------------------------------------------------------------------------------
# export, import (spreadsheets)
# --------------------------------------------------------------------------------------------------


def _cmd_export(args: argparse.Namespace, out: _Out) -> int:
    from .xlsx import case_workbook

    out.writable(args.output)
    case, status = _load_case(args.path, out)
    if case is None:
        return status
    out.write(args.output, case_workbook(case, as_of=_as_of(args.as_of)), what="a workbook")
    return EXIT_OK


def _print_sheet_problems(out: _Out, name: str, problems: Sequence[Problem], head: str) -> None:
    out.err.write(f"{terminal_safe(name)}: {head}\n")
    for p in problems:
        out.err.write(f"  {p.severity}: {terminal_safe(p.path)}: [{p.code}] {terminal_safe(p.message)}\n")


def _source(out: _Out, name: str) -> str | bytes:
    """A spreadsheet argument as the xlsx functions take it: the path, or standard input's bytes for ``-``."""
    from .problems import Problem
    from .xlsx import WorkbookError

    if name != STDIN:
        return name
    try:
        return out.read(name)
    except OSError as exc:
        problem = Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")
        raise WorkbookError([problem], STDIN_NAME) from None


def _cmd_import(args: argparse.Namespace, out: _Out) -> int:
    from .io import WriteError, dumps
    from .problems import Severity
    from .xlsx import WorkbookError, import_tracker, load_mapping, read_case_workbook

    if args.mapping is None:
        if args.case is not None:
            raise UsageError("--case goes with --mapping; a workbook that `export` wrote holds its own case")
        out.writable(args.output)
        try:
            record = read_case_workbook(_source(out, args.source))
        except WorkbookError as exc:
            unreadable = any(p.code == "file-unreadable" for p in exc.problems)
            _print_sheet_problems(out, shown(args.source), exc.problems, "cannot be read as a case record:")
            out.err.write("nothing written\n")
            return EXIT_USAGE if unreadable else EXIT_ERRORS
        out.write(args.output, dumps(record))
        return EXIT_OK
    if args.case is None:
        raise UsageError("--mapping needs --case CASE: the case record whose labels the rows name")
    if not args.output or args.output == STDIN:
        raise UsageError("--mapping writes one response document per response: name a folder with -o FOLDER")
    if [args.source, args.mapping, args.case].count(STDIN) > 1:
        raise UsageError("only one of SOURCE, --mapping and --case can be standard input (-)")
    folder = Path(args.output)
    if not folder.is_dir():
        raise UsageError(f"-o {args.output!r} is not a folder (create it first)")
    case, status = _load_case(args.case, out)
    if case is None:
        return status
    try:
        mapping = load_mapping(_mapping_source(out, args.mapping))
        result = import_tracker(_source(out, args.source), mapping, case, csv_input=True if args.csv else None)
    except WorkbookError as exc:
        unreadable = any(p.code == "file-unreadable" for p in exc.problems)
        errors = sum(p.severity == Severity.ERROR for p in exc.problems)
        head = f"{_plural(errors, 'error')}; nothing written:"
        _print_sheet_problems(out, exc.source or shown(args.source), exc.problems, head)
        return EXIT_USAGE if unreadable else EXIT_ERRORS
    if result.problems and not out.quiet:
        _print_sheet_problems(out, shown(args.source), result.problems, "read, with these warnings and notes:")
    for index, document in enumerate(result.documents):
        target = folder / f"{document.response.id}.json"
        try:
            out.write(str(target), dumps(document), tell=False)
        except WriteError as exc:
            if not index:
                raise
            done = f"{_plural(index, 'document')} of {len(result.documents)} written before it"
            raise UsageError(f"{exc}; {done}") from None
        answers = len(document.response.items)
        out.note(f"wrote {terminal_safe(target)}: {_plural(answers, 'answer')}")
    return EXIT_OK


def _mapping_source(out: _Out, name: str) -> str | dict[str, Any]:
    """A mapping argument as :func:`~supercomplaint.xlsx.load_mapping` takes it: the path, or standard
    input's TOML, parsed, for ``-``."""
    import tomllib

    from .problems import Problem
    from .xlsx import WorkbookError

    if name != STDIN:
        return name
    try:
        return tomllib.loads(out.read(name).decode("utf-8-sig"))
    except OSError as exc:
        problem = Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")
        raise WorkbookError([problem], STDIN_NAME) from None
    except (UnicodeError, tomllib.TOMLDecodeError) as exc:
        problem = Problem(code="mapping-invalid", path=STDIN_NAME, message=f"not TOML: {exc}")
        raise WorkbookError([problem], STDIN_NAME) from None


# --------------------------------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------------------------------


def _cmd_rules(args: argparse.Namespace, out: _Out) -> int:
    from .rules import _FAMILIES, RULES

    width = _wrap_width(out)
    if args.code is None:
        wanted = list(RULES.values())
    else:
        code = args.code.strip().upper()
        if code in RULES:
            _explain_rule(out, RULES[code], width)
            return EXIT_OK
        wanted = [r for r in RULES.values() if r.code.startswith(code)]
        if not code or not wanted:
            raise UsageError(f"no rule code starts with {terminal_safe(repr(args.code))}: {_rule_codes_hint()}")
    for prefix, concern in _FAMILIES:
        family = [r for r in wanted if r.code.startswith(prefix)]
        if not family:
            continue
        for line in _wrapped(f"{prefix}xx: {concern}", width, indent="  ", first=""):
            out.line(out.paint(line, _COLOURS["bold"]))
        for r in family:
            severity = f"{r.severity:<7}"
            lines = _wrapped(r.summary, width, indent=" " * 16, first=f"  {r.code}  {severity} ")
            lines[0] = lines[0].replace(severity, out.paint(severity, _COLOURS[str(r.severity)]), 1)
            for line in lines:
                out.line(line)
        out.line()
    if not out.quiet:
        hint = "`supercomplaint rules CODE` explains a rule; validate's --select and --ignore take codes or prefixes."
        for line in _wrapped(hint, width, indent=""):
            out.line(out.paint(line, _COLOURS["dim"]))
    return EXIT_OK


def _explain_rule(out: _Out, rule: Any, width: int | None) -> None:
    """One rule in the terminal: code, name, severity, summary, explanation and source."""
    severity = out.paint(str(rule.severity), _COLOURS[str(rule.severity)])
    out.line(f"{out.paint(f'{rule.code} {rule.name}', _COLOURS['bold'])} ({severity})")
    for text in (rule.summary, "", rule.explanation, "", f"Source: {rule.source}"):
        for line in _wrapped(text, width, indent="") if text else [""]:
            out.line(line)


# --------------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose options may come anywhere among a command's file arguments, as in
    ``supercomplaint validate a.json --format json b.json`` (``parse_intermixed_args`` for each command)."""

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing or self._subparsers is not None:  # the top level: the command takes the rest
            return super().parse_known_args(args, namespace)
        self._intermixing = True  # parse_known_intermixed_args calls parse_known_args itself
        try:
            return super().parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, at the width it would choose (``shutil.get_terminal_size``), found without
    importing shutil: argparse makes a formatter for every option added, and shutil imports the compression
    modules (issue 14)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        width = _help.help_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def _common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--color and -q, accepted before the command and after it (where they leave the top's value alone
    unless given)."""
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        metavar="WHEN",
        default="auto" if top else argparse.SUPPRESS,
        help=_help.COLOR_HELP,
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=_help.QUIET_HELP,
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every command and option.

    With ``command`` (what :func:`main` finds the command line asks for), only that command takes its options:
    the others are listed, with their help, and take none, and their options are not built (issue 14: the
    parser of every command costs a start as much as the interpreter's own).
    """
    parser = _Parser(prog=_help.PROG, description=_help.DESCRIPTION, epilog=_help.EPILOG, formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"supercomplaint {__version__}")
    _common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, text in _help.COMMANDS.items():
        sub = commands.add_parser(name, help=text, formatter_class=_Formatter)
        if command is None or name == command:
            _OPTIONS[name](sub)
            _common_options(sub, top=False)
    return parser


def _validate_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint validate`."""
    p.description = (
        "Check every JSON file given, or found under a folder: parse, JSON Schema, structure and "
        "rules together. Calls supercomplaint.validate() and supercomplaint.check(). Every problem has its "
        "line and column; `supercomplaint rules CODE` explains a rule."
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="JSON files, folders to search for *.json, or - for standard input"
    )
    p.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes (SC2,SC101)")
    p.add_argument("--ignore", action="append", metavar="CODES", help="leave out these rule codes or prefixes")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(func=_cmd_validate)


def _status_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint status`."""
    p.description = (
        "List every obligation of the case records as of a date, with two answers side by side: "
        "the reply (did the body answer, and on time?) and the delivery (what it claims, what the monitoring "
        "body assessed; at risk, lapsed, closed). Calls supercomplaint.obligations(). A table fits the "
        "terminal and ends with counts per item and per body; --format csv and json give every field, ids "
        "in their own columns. A case record that `validate` rejects is refused (exit 1)."
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="case record files (- for standard input)")
    p.add_argument("--as-of", metavar="DATE", help="the day to describe, YYYY-MM-DD (default: today)")
    _filters(p)
    p.add_argument(
        "--only", action="append", choices=STATES, metavar="STATE", help="the same as --state (kept for scripts)"
    )
    p.add_argument(
        "--due-soon",
        type=int,
        metavar="DAYS",
        help="only what is unmet and due within DAYS days of the as-of date (today included)",
    )
    p.add_argument("--summary", action="store_true", help="only the counts per item and per body, not each row")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_status)


def _history_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint history`."""
    p.description = (
        "Print, for each action and recommendation of a case record, every response, member "
        "outcome, assessment and follow-up about it, by date (undated last). Calls supercomplaint.history(); "
        "--state and --delivery call supercomplaint.obligations() to choose the items and bodies."
    )
    p.add_argument("path", metavar="CASE", help="the case record (- for standard input)")
    p.add_argument("--as-of", metavar="DATE", help="only what is dated on or before this day, YYYY-MM-DD")
    _filters(p)
    p.set_defaults(func=_cmd_history)


def _compile_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint compile`."""
    p.description = (
        "Merge response documents into a case record and write the result. Calls "
        "supercomplaint.compile() and supercomplaint.check(). Nothing is written when any input has an "
        "error (as `validate` finds them) or cannot be merged, or when the compiled case would have a rule "
        "error: the reasons go to stderr, with exit 1. Warnings and notes are printed and do not stop it."
    )
    p.add_argument("case", metavar="CASE", help="the case record (- for standard input)")
    p.add_argument("responses", nargs="+", metavar="RESPONSE", help="response documents (one may be -)")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="where to write the compiled case (- for standard output)"
    )
    p.set_defaults(func=_cmd_compile)


def _render_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint render`."""
    p.description = (
        "Render a case record for people. Calls supercomplaint.render(). A case record that "
        "`validate` rejects is refused (exit 1)."
    )
    p.add_argument("path", metavar="PATH", help="the case record (- for standard input)")
    p.add_argument("--view", choices=("tracker", "board-paper"), required=True, help="what to render")
    p.add_argument(
        "--responder",
        metavar="BODY",
        help="for a board paper: the responding body, by its id or any name the register knows ('Kent Police')",
    )
    p.add_argument(
        "--to",
        choices=("md", "html", "docx"),
        default="md",
        help="output format (default: md); docx (a Word document, needs -o) calls supercomplaint.docx.render_docx()",
    )
    p.add_argument("--as-of", metavar="DATE", help="for the tracker: the day to describe (default: today)")
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file (whole or not at all) instead of stdout (-)"
    )
    p.set_defaults(func=_cmd_render)


def _schema_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint schema`."""
    p.description = "Print the JSON Schema of a document kind. Calls supercomplaint.schema()."
    p.add_argument("kind", nargs="?", default="case", choices=KINDS, help="document kind (default: case)")
    p.add_argument(
        "--schema-version", metavar="VERSION", help="the schema version (default: the latest; every version read ships)"
    )
    p.set_defaults(func=_cmd_schema)


def _upgrade_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint upgrade`."""
    p.description = (
        "Read a document of any supported schema version and write it canonically as VERSION (the "
        "latest by default). An older version is written only when the document uses nothing newer; "
        "otherwise each value it cannot say is listed and nothing is written. Calls supercomplaint.upgrade()."
    )
    p.add_argument("path", metavar="PATH", help="the JSON document (- for standard input)")
    p.add_argument("--to", metavar="VERSION", help="the schema version to write (default: the latest)")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file (whole or not at all) instead of stdout (-)"
    )
    where.add_argument("--in-place", action="store_true", help="replace PATH itself (whole or not at all)")
    p.set_defaults(func=_cmd_upgrade)


def _export_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint export`."""
    p.description = (
        "Write a case record as an .xlsx workbook: items, monitoring, responses, obligations as of a "
        "date (reply and delivery), assessments and follow-ups, each a sheet with a frozen, filtered header; the "
        "record itself in hidden sheets that `supercomplaint import` reads back unchanged. Calls "
        "supercomplaint.xlsx.case_workbook() (needs the xlsx extra). A case record that `validate` rejects is "
        "refused (exit 1)."
    )
    p.add_argument("path", metavar="CASE", help="the case record (- for standard input)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the .xlsx file to write (whole or not at all); - for standard output, when it is not a terminal",
    )
    p.add_argument("--as-of", metavar="DATE", help="the day the obligations describe, YYYY-MM-DD (default: today)")
    p.set_defaults(func=_cmd_export)


def _import_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint import`."""
    p.description = (
        "Without --mapping: read back a workbook that `export` wrote, as the case record's JSON "
        "(supercomplaint.xlsx.read_case_workbook()). With --mapping: read a force's action plan or a "
        "collator's tracker (.xlsx or .csv) into one response document per response the mapping names, "
        "written to the folder -o as RESPONSE-ID.json (supercomplaint.xlsx.import_tracker()). Every problem "
        "is placed at its sheet and cell, with the column's heading; nothing is written when any is an error "
        "(exit 1). Needs the xlsx extra."
    )
    p.add_argument("source", metavar="SOURCE", help="the .xlsx workbook or .csv file (- for standard input)")
    p.add_argument("--mapping", metavar="MAPPING", help="the mapping (TOML) for an action plan's layout")
    p.add_argument("--case", metavar="CASE", help="with --mapping: the case record whose items the rows name")
    p.add_argument("--csv", action="store_true", help="read SOURCE as CSV whatever its name")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the case record file to write (default, or -: stdout); with --mapping, the folder for the responses",
    )
    p.set_defaults(func=_cmd_import)


def _rules_options(p: argparse.ArgumentParser) -> None:
    """The options of `supercomplaint rules`."""
    p.description = (
        "List the domain's rules by family, with code, severity and summary; or explain one rule "
        "(its code, name, severity, summary, explanation and source). A prefix (SC2) lists that family. "
        "Reads supercomplaint.rules.RULES, which supercomplaint.check() runs."
    )
    p.add_argument("code", nargs="?", metavar="CODE", help="a rule's code (SC203) or a prefix (SC2); default: all")
    p.set_defaults(func=_cmd_rules)


_OPTIONS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "validate": _validate_options,
    "status": _status_options,
    "history": _history_options,
    "compile": _compile_options,
    "render": _render_options,
    "schema": _schema_options,
    "upgrade": _upgrade_options,
    "export": _export_options,
    "import": _import_options,
    "rules": _rules_options,
}
"""What each command takes, by command: build_parser adds them to the commands it builds."""


def _filters(p: argparse.ArgumentParser) -> None:
    """The filters status and history share."""
    p.add_argument(
        "--body",
        action="append",
        metavar="BODY",
        help="only this body: its id or any name the register knows ('Cambridgeshire Police'); a group's "
        "name means its members; repeat for more",
    )
    p.add_argument("--group", action="append", metavar="GROUP", help="only the members of this group (id or name)")
    p.add_argument(
        "--item",
        action="append",
        metavar="ITEM",
        help="only this action, recommendation, monitoring route or follow-up: its id or label as written "
        "('5.2' matches every item labelled 5.2), and what reports on it",
    )
    p.add_argument(
        "--state", action="append", choices=STATES, metavar="STATE", help=f"only this reply state: {', '.join(STATES)}"
    )
    p.add_argument(
        "--delivery",
        action="append",
        choices=DELIVERY,
        metavar="DELIVERY",
        help=f"only this delivery flag or state: {', '.join(DELIVERY)}",
    )


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, found as argparse finds it: the first argument that is not an option
    before it (nor --color's value); ``None`` when that is not a command (then every command is built)."""
    after_color = False
    for arg in argv:
        if after_color:
            after_color = False
        elif arg == "--color":
            after_color = True
        elif not arg.startswith("-"):
            return arg if arg in _help.COMMANDS else None
    return None


def _tolerant(stream: object) -> None:
    """Make a standard stream escape what its encoding cannot show (an ASCII or cp1252 terminal) instead of
    raising ``UnicodeEncodeError``."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def _silence(stream: IO[str]) -> None:
    """After a broken pipe on standard output, point it at the null device, so that the interpreter's last
    flush does not complain of the pipe at exit."""
    if stream is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    stdin: IO[bytes] | None = None,
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code.

    ``stdout``, ``stderr`` and ``stdin`` (bytes, for the file argument ``-``) default to the process's own.
    """
    if stdout is None:
        _tolerant(sys.stdout)
    if stderr is None:
        _tolerant(sys.stderr)
    parser = build_parser(_command_in(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse's own exit: --help, --version, or a usage error
        return int(exc.code or 0)
    out = _Out(stdout or sys.stdout, stderr or sys.stderr, colour=args.color, quiet=args.quiet, stdin=stdin)
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
    except BrokenPipeError:  # the reader went away (| head): stop, and say nothing more
        _silence(out.stream)
        return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover
        out.err.write("interrupted\n")
        return 130
    return code
