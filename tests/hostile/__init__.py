"""The hostile-input corpus of issue 13 and the means to run it: every public entry point, a hard time limit.

``inputs/`` holds the inputs (built by ``build.py``), ``expected.json`` what each must produce, per
operation; :func:`run` performs one operation and returns what it saw, and :func:`verify` compares that with
the expectation. The test module is ``test_corpus.py``; the fuzz harness in ``tests/fuzz/`` drives the same
operations with :data:`OPERATIONS`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.cli import main

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
EXPECTED: dict[str, Any] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
AS_OF = dt.date(2021, 12, 1)
AS_OF_TEXT = AS_OF.isoformat()
COMPILE_RESPONDER = "home-office"  # a body of the shipped register, so that the response document is valid

LIBRARY_OPERATIONS = (
    "loads",
    "validate",
    "validate-jsonschema",
    "dumps",
    "dump",
    "check",
    "obligations",
    "compile",
    "history",
    "render-tracker-md",
    "render-tracker-html",
    "render-board-paper-md",
    "render-board-paper-html",
)
CLI_OPERATIONS = (
    "cli-validate",
    "cli-status",
    "cli-status-csv",
    "cli-status-json",
    "cli-render-tracker-md",
    "cli-render-tracker-html",
    "cli-render-board-paper-md",
    "cli-compile",
)
OPERATIONS = LIBRARY_OPERATIONS + CLI_OPERATIONS
GROUPS: dict[str, tuple[str, ...]] = {
    "@library": LIBRARY_OPERATIONS,
    "@document": LIBRARY_OPERATIONS[3:],
    "@cli": CLI_OPERATIONS,
    "@cli-reading": CLI_OPERATIONS[1:],
}


class HardTimeout(Exception):
    """An operation ran past its hard time limit."""


@contextlib.contextmanager
def hard_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`HardTimeout` after ``seconds`` (a real timer, so a hang is stopped).

    Works in the main thread (where pytest runs tests); elsewhere the block runs to its end and is then
    failed if it took too long.
    """
    if threading.current_thread() is not threading.main_thread():
        start = time.perf_counter()
        yield
        if time.perf_counter() - start > seconds:
            raise HardTimeout(f"took more than {seconds} s")
        return

    def expire(signum: int, frame: object) -> None:
        raise HardTimeout(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Seen:
    """What one operation did: returned (``ok``), or raised one of the library's errors (``error``)."""

    ok: bool = False
    error: str | None = None
    problems: tuple[sc.Problem, ...] = ()
    value: Any = None
    exit: int | None = None
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


_ESCAPED_SURROGATE = re.compile(r"\\u(d[89a-f][0-9a-f]{2})", re.IGNORECASE)


def input_text(name: str) -> str:
    """The text of a corpus input: a file in ``inputs/``, or generated (``many-problems-N``)."""
    from .build import generated

    path = INPUTS / f"{name}.json"
    return path.read_text(encoding="utf-8") if path.is_file() else generated(name)


def transform(text: str, how: str | None) -> str:
    """``raw-surrogates``: each escaped lone surrogate becomes the raw character, as a Python ``str`` can hold."""
    if how == "raw-surrogates":
        return _ESCAPED_SURROGATE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if how is None:
        return text
    raise ValueError(how)


def _document(text: str) -> sc.CaseRecord:
    doc = sc.loads(text)
    if not isinstance(doc, sc.CaseRecord):
        raise sc.LoadError([sc.Problem(code="unexpected-kind", message="a case record is needed here")])
    return doc


def _response_for(case_id: str, responder: str) -> sc.ResponseDocument:
    response = sc.Response(id=m.Id("hostile-response"), responder=m.Ref(responder))
    return sc.ResponseDocument(case=m.Ref(case_id), response=response)


def _library(operation: str, text: str, folder: Path, responder: str) -> Any:
    if operation == "loads":
        return sc.loads(text)
    if operation == "validate":
        return sc.validate(text)
    if operation == "validate-jsonschema":
        return sc.validate(text, engine="jsonschema")
    doc = _document(text)
    if operation == "dumps":
        again = sc.loads(sc.dumps(doc))
        if again != doc:
            raise AssertionError("dumps then loads does not give the document back")
        return True
    if operation == "dump":
        target = folder / "dumped.json"
        sc.dump(doc, target)
        return sc.load(target) == doc
    if operation == "check":
        return sc.check(doc)
    if operation == "obligations":
        return sc.obligations(doc, AS_OF)
    if operation == "compile":
        return sc.compile(doc, _response_for(str(doc.id), COMPILE_RESPONDER))
    if operation == "history":
        return sc.history(doc, as_of=AS_OF)
    if operation.startswith("render-"):
        view, _, to = operation.removeprefix("render-").rpartition("-")
        return sc.render(doc, view=view, to=to, as_of=AS_OF, responder=responder)  # type: ignore[arg-type]
    raise ValueError(operation)


def _cli_args(operation: str, path: Path, folder: Path, responder: str) -> list[str]:
    name = str(path)
    if operation == "cli-validate":
        return ["validate", name]
    if operation.startswith("cli-status"):
        fmt = operation.removeprefix("cli-status").lstrip("-") or "table"
        return ["status", name, "--as-of", AS_OF_TEXT, "--format", fmt]
    if operation == "cli-compile":
        response = folder / "response.json"
        case_id = "hostile"
        with contextlib.suppress(ValueError, RecursionError):
            found = json.loads(path.read_text(encoding="utf-8"))
            case_id = str(found.get("id", case_id)) if isinstance(found, dict) else case_id
        response.write_text(sc.dumps(_response_for(case_id, COMPILE_RESPONDER)), encoding="utf-8")
        return ["compile", name, str(response), "-o", str(folder / "compiled.json")]
    if operation.startswith("cli-render-"):
        view, _, to = operation.removeprefix("cli-render-").rpartition("-")
        args = ["render", name, "--view", view, "--to", to, "--as-of", AS_OF_TEXT]
        return [*args, "--responder", responder] if view == "board-paper" else args
    raise ValueError(operation)


def run(operation: str, text: str, folder: Path, *, responder: str = "body-x", raw: bytes | None = None) -> Seen:
    """Perform ``operation`` on ``text`` (files go in ``folder``); the library's own errors are observations.

    Any other exception propagates: for hostile input, that is the failure this corpus looks for.
    """
    seen = Seen()
    start = time.perf_counter()
    if operation.startswith("cli-"):
        path = folder / "input.json"
        path.write_bytes(raw if raw is not None else text.encode("utf-8", "surrogatepass"))
        out, err = io.StringIO(), io.StringIO()
        seen.exit = main(_cli_args(operation, path, folder, responder), stdout=out, stderr=err)
        seen.stdout, seen.stderr, seen.ok = out.getvalue(), err.getvalue(), True
    else:
        try:
            seen.value = _library(operation, text, folder, responder)
            seen.ok = True
            problems = getattr(seen.value, "problems", None)
            if isinstance(problems, tuple):
                seen.problems = problems
        except sc.SupercomplaintError as exc:
            seen.error = type(exc).__name__
            seen.problems = tuple(getattr(exc, "problems", ()))
    seen.seconds = time.perf_counter() - start
    return seen


_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\xa0\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]*")


_FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_formula_cells(text: str) -> list[str]:
    """The cells of CSV text that a spreadsheet could run as a formula."""
    bad = []
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            rest = cell[_INVISIBLE.match(cell).end() :]  # type: ignore[union-attr]
            formula = rest[:1] in _FORMULA_START and not cell.startswith("'")
            if formula or cell[:1] in ("\t", "\r", "\n"):
                bad.append(cell)
    return bad


def _text_out(seen: Seen) -> str:
    return seen.stdout if seen.exit is not None else seen.value if isinstance(seen.value, str) else ""


def verify(expected: dict[str, Any], seen: Seen) -> list[str]:
    """What in ``seen`` falls short of ``expected`` (an empty list when it all holds)."""
    wrong: list[str] = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            wrong.append(message)

    for key, want in expected.items():
        if key == "ok":
            need(seen.ok is want, f"expected {'success' if want else 'a library error'}, saw {seen.error or 'success'}")
        elif key == "ok_or_error":
            need(seen.ok or seen.error is not None, "neither a result nor a library error")
        elif key in ("error", "problem"):
            codes = [want] if isinstance(want, str) else list(want)
            if key == "error":
                need(seen.error is not None, f"expected a library error {codes}, saw success")
            matching = [p for p in seen.problems if p.code in codes]
            need(bool(matching), f"expected a problem {codes}, saw {seen.codes}")
            if "path" in expected:
                need(any(p.path == expected["path"] for p in matching), f"no {codes} at {expected['path']}")
            if expected.get("located"):
                need(any(p.line is not None for p in matching), f"{codes} has no line and column")
        elif key == "valid":
            need(getattr(seen.value, "valid", None) is want, f"expected valid={want}, saw {seen.codes}")
        elif key == "exit":
            need(seen.exit == want, f"expected exit {want}, saw {seen.exit}: {seen.stderr[-500:]!r}")
        elif key == "exit_in":
            need(seen.exit in want, f"expected exit in {want}, saw {seen.exit}: {seen.stderr[-500:]!r}")
        elif key == "stdout_lacks":
            found = [s for s in want if s in _text_out(seen)]
            need(not found, f"output holds {found!r}")
        elif key == "stderr_lacks":
            found = [s for s in want if s in seen.stderr]
            need(not found, f"stderr holds {found!r}")
        elif key == "stdout_has":
            need(all(s in _text_out(seen) for s in want), f"output lacks one of {want!r}")
        elif key == "stderr_has":
            need(all(s in seen.stderr for s in want), f"stderr lacks one of {want!r}: {seen.stderr[-500:]!r}")
        elif key == "csv_safe":
            bad = csv_formula_cells(seen.stdout)
            need(not bad, f"formula cells: {bad!r}")
        elif key == "csv_rows":
            rows = list(csv.reader(io.StringIO(seen.stdout, newline="")))
            need(len(rows) == want, f"expected {want} CSV rows (with the header), saw {len(rows)}")
        elif key == "lines_lack_prefix":
            lines = _text_out(seen).splitlines()
            found = [line for line in lines for prefix in want if line.startswith(prefix)]
            need(not found, f"lines start with injected structure: {found[:5]!r}")
        elif key == "unsplit":
            first, last = want
            lines = [line for line in _text_out(seen).splitlines() if first in line]
            need(bool(lines) and all(last in line for line in lines), f"{first!r} and {last!r} are not on one line")
        elif key == "count":
            need(isinstance(seen.value, Sequence) and len(seen.value) == want, f"expected {want} results")
        elif key == "all_dated":
            values = seen.value if isinstance(seen.value, Sequence) else ()
            need(all(o.resolution.dated is want for o in values), f"expected every obligation dated={want}")
        elif key in ("path", "located", "seconds", "pending", "ci"):
            continue
        else:
            raise ValueError(f"unknown expectation {key!r}")
    return wrong


def expectations(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The expected outcome of each operation for one input, groups expanded (a named operation wins)."""
    out: dict[str, dict[str, Any]] = {}
    for key in sorted(entry["expect"], key=lambda k: (not k.startswith("@"), len(GROUPS.get(k, ())) * -1)):
        for operation in GROUPS.get(key, (key,)):
            if operation not in OPERATIONS:
                raise ValueError(f"unknown operation {operation!r}")
            out[operation] = entry["expect"][key]
    return out


def cases() -> list[tuple[str, str, dict[str, Any]]]:
    """(input, operation, expected outcome) for every expectation in ``expected.json``."""
    return [
        (name, operation, outcome)
        for name, entry in EXPECTED["inputs"].items()
        for operation, outcome in expectations(entry).items()
    ]
