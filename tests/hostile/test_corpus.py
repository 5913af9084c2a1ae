"""Issue 13's hostile inputs, each run through every public entry point with a hard time limit.

Each input of ``inputs/`` (and the generated ones) with each operation named in ``expected.json`` must give
the library's own error with its code and path, or a correct result, within the time limit; no other
exception. Then every way a write can fail, for ``dump()`` and every command that writes a file with ``-o``
(``compile``, ``render`` in Markdown and Word, ``export``, ``upgrade``).
"""

from __future__ import annotations

import errno
import io
import json
import math
import os
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.cli import main
from supercomplaint.io import WriteError

from . import EXPECTED, HardTimeout, Seen, cases, hard_limit, input_text, run, transform, verify
from .build import BUILDERS, INPUTS, case, period, rec, text_of

SLACK = float(os.environ.get("HOSTILE_TIME_SLACK", "1"))  # stretch every limit on a slow machine
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Import what the operations import (jinja2, holidays, jsonschema), so that the limits time the work."""
    doc = sc.loads(BUILDERS["csv-formulas"]())
    assert isinstance(doc, sc.CaseRecord)
    sc.obligations(doc, sc.PartialDate(2021, 12, 1).earliest)
    sc.render(doc, view="tracker", to="md", as_of=sc.PartialDate(2021, 12, 1).earliest)
    sc.validate(text_of(case([rec(1, ["body-x"], deadline=period(3000))])), engine="jsonschema")
    sc.check(doc)


@cache
def _text(name: str) -> str:
    entry = EXPECTED["inputs"][name]
    return transform(input_text(entry.get("input", name)), entry.get("transform"))


def test_the_committed_inputs_are_what_the_builders_make() -> None:
    for name, build in BUILDERS.items():
        path = INPUTS / f"{name}.json"
        assert path.read_text(encoding="utf-8") == build(), f"{path.name} is stale: run python -m tests.hostile.build"


def test_every_input_has_expectations_and_every_expectation_an_input() -> None:
    named = set(EXPECTED["inputs"])
    assert set(BUILDERS) <= named
    for name, entry in EXPECTED["inputs"].items():
        assert entry["expect"], name
        assert entry["defect"], name
        assert _text(name)


@pytest.mark.parametrize(("name", "operation", "outcome"), cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_hostile_input(name: str, operation: str, outcome: dict[str, Any], tmp_path: Path) -> None:
    entry = EXPECTED["inputs"][name]
    limit = float(outcome.get("seconds", entry.get("seconds", 5))) * SLACK
    pending = outcome.get("pending", entry.get("pending"))
    if outcome.get("ci", True) is False and PROFILE == "ci":
        pytest.skip(f"slow while pending on {pending}; runs in the dev and thorough profiles")
    try:
        with hard_limit(limit):
            seen = run(operation, _text(name), tmp_path, responder=entry.get("responder", "body-x"))
        wrong = verify(outcome, seen)
    except HardTimeout:
        wrong = [f"{operation} took more than {limit} s"]
    except Exception as exc:  # only a pending entry may fail this way; otherwise re-raised
        if not pending:
            raise
        wrong = [f"{type(exc).__name__}: {exc}"]
    if pending and wrong:
        pytest.xfail(f"pending on {pending}: {wrong}")
    assert not wrong, f"{name} / {operation}: {wrong}"


# --------------------------------------------------------------------------------------------------
# Python values no JSON text holds, handed to validate()
# --------------------------------------------------------------------------------------------------


def _variant(name: str) -> dict[str, Any]:
    base: dict[str, Any] = json.loads(BUILDERS["csv-formulas"]())

    def tuples(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: tuples(v) for k, v in value.items()}
        if isinstance(value, list):
            return tuple(tuples(v) for v in value)
        return value

    changes: dict[str, Callable[[], dict[str, Any]]] = {
        "tuples": lambda: tuples(base),
        "nan": lambda: {**base, "extensions": {"org.example": math.nan}},
        "integer-key": lambda: {**base, "extensions": {"org.example": {1: 2}}},
        "bytes": lambda: {**base, "id": b"hostile"},
        "set": lambda: {**base, "extensions": {"org.example": {1, 2}}},
        "huge-integer": lambda: {**base, "extensions": {"org.example": 10**5000}},
        "surrogate-id": lambda: {**base, "id": "hostile\ud800"},
        "object": lambda: {**base, "extensions": {"org.example": object()}},
    }
    return changes[name]()


@pytest.mark.parametrize("variant", EXPECTED["python"]["variants"])
def test_python_input_that_is_not_json(variant: str) -> None:
    """Both engines give the same problems, and a document validate() calls valid dumps and loads back."""
    wrong: list[str] = []
    try:
        with hard_limit(10 * SLACK):
            fast = sc.validate(_variant(variant))
            reference = sc.validate(_variant(variant), engine="jsonschema")
            if sorted((p.code, p.path) for p in fast.problems) != sorted((p.code, p.path) for p in reference.problems):
                wrong.append(f"engines disagree: {fast.problems} / {reference.problems}")
            if fast.valid and fast.document is not None and sc.loads(sc.dumps(fast.document)) != fast.document:
                wrong.append("a valid document does not dump and load back")
    except Exception as exc:  # noqa: BLE001 - the point of the test: what escapes
        wrong.append(f"{type(exc).__name__}: {exc}")
    pending = EXPECTED["python"].get("pending")
    if wrong and pending:
        pytest.xfail(f"pending on {pending}: {wrong}")
    assert not wrong, wrong


# --------------------------------------------------------------------------------------------------
# Writes that fail, as a user meets them
# --------------------------------------------------------------------------------------------------

WRITE_TARGETS: dict[str, str] = EXPECTED["writes"]["targets"]
_SPECIAL = {
    "dev-stdout": "/dev/stdout",
    "dev-null": "/dev/null",
    "dev-full": "/dev/full",
    "proc-self-fd-1": "/proc/self/fd/1",
}


def _temp_files(folder: Path) -> list[str]:
    try:
        return sorted(p.name for p in folder.iterdir() if p.name.endswith((".sc-tmp", ".tmp")))
    except OSError:
        return []


class _Target:
    """A write target set up for one failure, and a way to see that nothing changed."""

    def __init__(self, kind: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kind = kind
        self.folder = tmp
        self.old: Path | None = None
        real_open, real_write = os.open, os.write
        if kind == "read-only-folder":
            self.folder = tmp / "read-only"
            self.folder.mkdir()
            self.path = self.folder / "out.json"
            self._old_file(self.path)
            self.folder.chmod(0o555)
            if os.geteuid() == 0:  # root ignores the mode: the system's refusal is simulated

                def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
                    if flags & os.O_CREAT and Path(os.fsdecode(path)).parent == self.folder:
                        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
                    return real_open(path, flags, *args, **kwargs)

                monkeypatch.setattr(os, "open", refuse)
        elif kind == "missing-folder":
            self.path = tmp / "missing" / "out.json"
        elif kind == "folder-as-target":
            self.path = tmp / "a-folder"
            self.path.mkdir()
        elif kind == "disk-full":
            self.path = tmp / "out.json"
            self._old_file(self.path)

            def full(fd: int, data: Any) -> int:
                if fd > 2:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return real_write(fd, data)

            monkeypatch.setattr(os, "write", full)
        elif kind == "symlink":
            real = tmp / "real.json"
            self._old_file(real)
            self.path = tmp / "link.json"
            self.path.symlink_to(real.name)
        elif kind == "fifo":
            self.path = tmp / "fifo"
            os.mkfifo(self.path)
        else:
            self.path = Path(_SPECIAL[kind])
            self.folder = self.path.parent
        self.mode = os.lstat(self.path).st_mode if os.path.lexists(self.path) else None

    def _old_file(self, path: Path) -> None:
        path.write_text("the old text\n", encoding="utf-8")
        self.old = path

    def intact(self) -> list[str]:
        wrong = []
        if self.old is not None and self.old.read_text(encoding="utf-8") != "the old text\n":
            wrong.append("the old file changed")
        if self.mode is not None and stat.S_IFMT(os.lstat(self.path).st_mode) != stat.S_IFMT(self.mode):
            wrong.append("the target changed type")
        if self.mode is None and os.path.lexists(self.path):
            wrong.append("a file was created")
        if _temp_files(self.folder):
            wrong.append(f"temporary files left: {_temp_files(self.folder)}")
        return wrong


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    case_file, response_file = folder / "case.json", folder / "response.json"
    case_file.write_text(text_of(case([rec(1, ["home-office"], deadline=period(6, "months"))])), encoding="utf-8")
    answer = sc.Response(id=m.Id("resp"), responder=m.Ref("home-office"), sent=sc.PartialDate(2021, 7, 1))
    response = sc.ResponseDocument(case=m.Ref("hostile"), response=answer)
    response_file.write_text(sc.dumps(response), encoding="utf-8")
    return case_file, response_file


_WRITERS: dict[str, Callable[[Path, Path], list[str]]] = {  # each command that writes a file, less its -o
    "compile": lambda case_file, response_file: ["compile", str(case_file), str(response_file)],
    "render": lambda case_file, _: ["render", str(case_file), "--view", "tracker", "--as-of", "2021-12-01"],
    "render-docx": lambda case_file, _: ["render", str(case_file), "--view", "tracker", "--to", "docx"],
    "export": lambda case_file, _: ["export", str(case_file), "--as-of", "2021-12-01"],
    "upgrade": lambda case_file, _: ["upgrade", str(case_file)],
}


@pytest.mark.parametrize("command", ["dump", *_WRITERS])
@pytest.mark.parametrize("kind", sorted(WRITE_TARGETS))
def test_a_write_that_cannot_be_done(
    kind: str, command: str, inputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if command == "export":
        pytest.importorskip("openpyxl")
    if command == "render-docx":
        pytest.importorskip("docx")
    case_file, response_file = inputs
    doc = sc.load(case_file)
    work = tmp_path / "work"
    work.mkdir()
    target = _Target(kind, work, monkeypatch)
    code = WRITE_TARGETS[kind]
    try:
        with hard_limit(10 * SLACK):
            if command == "dump":
                with pytest.raises(WriteError) as caught:
                    sc.dump(doc, target.path)
                assert caught.value.problems[0].code == code
                assert str(target.path) in str(caught.value)
            else:
                args = _WRITERS[command](case_file, response_file)
                out, err = io.StringIO(), io.StringIO()
                exit_code = main([*args, "-o", str(target.path)], stdout=out, stderr=err)
                lines = err.getvalue().splitlines()
                assert exit_code == 2, err.getvalue()
                assert len(lines) == 1, lines
                assert "cannot write" in lines[0]
                assert out.getvalue() == ""
    finally:
        if kind == "read-only-folder":
            target.folder.chmod(0o755)
    assert target.intact() == []


def test_write_failures_are_the_library_error_and_an_os_error() -> None:
    assert issubclass(WriteError, sc.SupercomplaintError)
    assert issubclass(WriteError, OSError)


def test_every_issue_item_has_an_input() -> None:
    """The issue's list, items 1 to 7: each has at least one input here (item 6, the writes, above)."""
    items = {entry["defect"].split(".", 1)[0] for entry in EXPECTED["inputs"].values()}
    items |= {part.strip() for item in list(items) for part in item.split(" and ")}
    assert {"1", "2", "3", "4", "5", "7"} <= items
    assert EXPECTED["writes"]["about"].startswith("6.")


def test_seen_reports_library_errors_as_data(tmp_path: Path) -> None:
    seen: Seen = run("loads", "{", tmp_path)
    assert seen.error == "LoadError"
    assert seen.codes == ["json-syntax"]
