"""The command line's manners, as issue 12 asks: ``-`` for standard input and output, write failures as one
line, ``--color`` and ``-q``, options anywhere, output that fits the terminal and survives its encoding,
line and column for parse-level problems, ``supercomplaint rules``, ``--responder`` by name, and a closing
summary that counts errors, warnings and notes apart."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shlex
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import supercomplaint as sc
from supercomplaint.cli import main, wants_colour
from supercomplaint.rules import RULES

from .conftest import EXAMPLES, HESTIA, ROOT

CASE = str(HESTIA / "case.json")
AT_PUBLICATION = str(HESTIA / "case-at-publication.json")
RESPONSE = str(HESTIA / "responses" / "npcc-2022-04-04.json")
RESPONSES = sorted(str(p) for p in (HESTIA / "responses").glob("*.json"))
BAD_ENUM = str(ROOT / "tests" / "invalid" / "bad-enum.json")
PARTIAL = str(ROOT / "tests" / "data" / "partial-record.json")
PLAN = str(EXAMPLES / "action-plans" / "thames-valley-action-plan.xlsx")
PLAN_MAPPING = str(EXAMPLES / "action-plans" / "thames-valley.toml")
ILLUSTRATIVE = str(EXAMPLES / "illustrative-vaw" / "case.json")


def run(*args: str, stdin: bytes | None = None, stdout: Any = None) -> tuple[int, str, str]:
    """The command line in this process: exit code, stdout and stderr."""
    out = stdout if stdout is not None else io.StringIO()
    err = io.StringIO()
    code = main(list(args), stdout=out, stderr=err, stdin=None if stdin is None else io.BytesIO(stdin))
    return code, out.getvalue() if isinstance(out, io.StringIO) else "", err.getvalue()


def process(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The command line as a user runs it, with ``env`` added to a colourless, width-free environment."""
    base = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"}}
    return subprocess.run(
        [sys.executable, "-m", "supercomplaint", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=base | env,
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True)
def _no_terminal_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Hestia case exported as a workbook, for `import`."""
    import datetime as dt

    from supercomplaint.xlsx import case_workbook

    path = tmp_path_factory.mktemp("workbook") / "hestia.xlsx"
    case = sc.load(CASE, kind="case")
    assert isinstance(case, sc.CaseRecord)
    path.write_bytes(case_workbook(case, as_of=dt.date(2021, 12, 1)))
    return path


def _bytes(path: str | Path) -> bytes:
    return Path(path).read_bytes()


# --------------------------------------------------------------------------------------------------
# '-' reads standard input; '-o -' writes standard output
# --------------------------------------------------------------------------------------------------


def test_cat_into_validate_dash() -> None:
    command = f"cat {shlex.quote(CASE)} | {shlex.quote(sys.executable)} -m supercomplaint validate -"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<stdin>: 2 findings\n")
    assert done.stdout.rstrip().endswith("1 file checked: 0 errors, 2 warnings, 0 notes")
    assert done.stderr == ""


# Each command reading '-' gives what it gives reading the file itself.
READERS = {
    "status": (["status", "-", "--as-of", "2021-12-01", "--format", "json"], CASE),
    "history": (["history", "-", "--item", "5.2"], CASE),
    "render": (["render", "-", "--view", "tracker", "--as-of", "2021-12-01"], CASE),
    "upgrade": (["upgrade", "-"], CASE),
    "validate": (["validate", "-", "--format", "json"], BAD_ENUM),
    "compile case": (["compile", "-", *RESPONSES, "-o", "-"], AT_PUBLICATION),
    "compile response": (["compile", AT_PUBLICATION, "-", "-o", "-"], RESPONSE),
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_dash_reads_standard_input(name: str) -> None:
    args, source = READERS[name]
    from_stdin = run(*args, stdin=_bytes(source))
    from_file = run(*[source if a == "-" and args[i - 1] != "-o" else a for i, a in enumerate(args)])
    assert from_stdin[0] == from_file[0]
    if name == "validate":  # the same findings, the file named as <stdin>
        (stdin_file,) = json.loads(from_stdin[1])["files"]
        (file_file,) = json.loads(from_file[1])["files"]
        assert stdin_file["path"] == "<stdin>"
        assert stdin_file["findings"] == file_file["findings"]
    else:
        assert from_stdin[1] == from_file[1]
        assert from_stdin[1]


def test_compile_from_standard_input_gives_the_example() -> None:
    code, out, err = run("compile", "-", *reversed(RESPONSES), "-o", "-", stdin=_bytes(AT_PUBLICATION))
    assert code == 0, err
    assert out == Path(CASE).read_text(encoding="utf-8")
    assert "wrote standard output: 5 responses" in err


def test_a_workbook_through_standard_input_and_output(workbook: Path) -> None:
    exported = process("export", CASE, "--as-of", "2021-12-01", "-o", "-")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith(b"PK")  # a zip: the workbook itself, not text
    imported = process("import", "-", stdin=exported.stdout)
    assert imported.returncode == 0, imported.stderr
    assert sc.loads(imported.stdout) == sc.load(CASE)
    code, out, _ = run("import", str(workbook), "-o", "-")
    assert code == 0
    assert sc.loads(out) == sc.load(CASE)


def test_a_word_document_to_standard_output() -> None:
    done = process("render", CASE, "--view", "tracker", "--as-of", "2021-12-01", "--to", "docx", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"PK")


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "args",
    [["export", CASE, "-o", "-"], ["render", CASE, "--view", "tracker", "--to", "docx", "-o", "-"]],
    ids=["export", "docx"],
)
def test_binary_output_never_goes_to_a_terminal(args: list[str]) -> None:
    raw = io.BytesIO()
    terminal = _Terminal(raw, encoding="utf-8")
    code, _, err = run(*args, stdout=terminal)
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "binary" in err
    assert raw.getvalue() == b""


def test_dash_o_writes_no_file_called_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (
        ["render", CASE, "--view", "tracker", "--as-of", "2021-12-01", "-o", "-"],
        ["upgrade", CASE, "-o", "-"],
        ["compile", AT_PUBLICATION, RESPONSE, "-o", "-"],
    ):
        code, out, err = run(*args)
        assert code == 0, err
        assert out.startswith(("#", "{"))
        if args[0] != "compile":  # the same as with no -o at all
            assert out == run(*args[:-2])[1]
    assert list(tmp_path.iterdir()) == []


def test_standard_input_is_named_in_messages() -> None:
    code, out, _ = run("validate", "-", stdin=b'{\n  "kind": "case",\n}')
    assert code == 1
    assert out.startswith("<stdin>: 1 finding\n")
    code, _, err = run("status", "-", stdin=_bytes(BAD_ENUM))
    assert code == 1
    assert err.startswith("<stdin>: not used:")
    code, _, err = run("upgrade", "-", stdin=b"[1, 2")
    assert code == 1
    assert err.startswith("<stdin>: cannot be read as a document:")


def test_standard_input_cannot_be_replaced_in_place() -> None:
    code, _, err = run("upgrade", "-", "--in-place", stdin=_bytes(CASE))
    assert code == 2
    assert "standard input cannot be replaced" in err


# --------------------------------------------------------------------------------------------------
# Writes that fail: one plain line, exit 2, the old file intact, no temporary file
# --------------------------------------------------------------------------------------------------


def _writers(workbook: Path) -> dict[str, Callable[[str], list[str]]]:
    return {
        "compile": lambda target: ["compile", AT_PUBLICATION, RESPONSE, "-o", target],
        "render md": lambda target: ["render", CASE, "--view", "tracker", "--as-of", "2021-12-01", "-o", target],
        "render docx": lambda target: ["render", CASE, "--view", "tracker", "--to", "docx", "-o", target],
        "upgrade": lambda target: ["upgrade", CASE, "-o", target],
        "export": lambda target: ["export", CASE, "--as-of", "2021-12-01", "-o", target],
        "import": lambda target: ["import", str(workbook), "-o", target],
    }


WRITERS = ["compile", "render md", "render docx", "upgrade", "export", "import"]
FAILURES = ["missing-folder", "folder-as-target", "read-only-folder", "symlink", "fifo", "disk-full"]


@pytest.fixture
def failing_target(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A target that cannot be written, for the failure named by the test's parameter."""
    kind: str = request.param
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "old.txt"
    if kind == "missing-folder":
        target = folder / "missing" / "x.out"
    elif kind == "folder-as-target":
        target = folder / "a-folder"
        target.mkdir()
    elif kind == "read-only-folder":
        target = folder / "x.out"
        target.write_text("the old text\n", encoding="utf-8")
        folder.chmod(0o555)
        real_open = os.open

        def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & os.O_CREAT and Path(os.fsdecode(path)).parent == folder:
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)  # the system's refusal, also for root, who ignores the mode
    elif kind == "symlink":
        old.write_text("the old text\n", encoding="utf-8")
        target = folder / "link.out"
        target.symlink_to(old.name)
    elif kind == "fifo":
        target = folder / "fifo"
        os.mkfifo(target)
    else:
        target = folder / "x.out"
        target.write_text("the old text\n", encoding="utf-8")
        real_write = os.write

        def full(fd: int, data: Any) -> int:
            if fd > 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", full)
    before = {
        p.name: (stat.S_IFMT(p.lstat().st_mode), p.read_bytes() if p.is_file() else b"") for p in folder.iterdir()
    }
    yield target
    folder.chmod(0o755)
    after = {p.name: (stat.S_IFMT(p.lstat().st_mode), p.read_bytes() if p.is_file() else b"") for p in folder.iterdir()}
    assert after == before, "the folder changed: a file replaced, created or left behind"


@pytest.mark.parametrize("failing_target", FAILURES, indirect=True)
@pytest.mark.parametrize("command", WRITERS)
def test_a_write_that_fails_is_one_line_and_exit_2(command: str, failing_target: Path, workbook: Path) -> None:
    code, out, err = run(*_writers(workbook)[command](str(failing_target)))
    lines = err.splitlines()
    assert code == 2, err
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"supercomplaint {command.split()[0]}: cannot write {failing_target}: ")
    assert lines[0].endswith("nothing written")
    assert "Traceback" not in err
    assert out == ""


@pytest.mark.parametrize("command", WRITERS)
def test_every_command_with_o_into_a_missing_folder_exits_2_with_one_line(
    command: str, tmp_path: Path, workbook: Path
) -> None:
    target = tmp_path / "missing" / "out"
    done = process(*_writers(workbook)[command](str(target)))
    lines = done.stderr.decode("utf-8").splitlines()
    assert done.returncode == 2
    assert lines == [f"supercomplaint {command.split()[0]}: cannot write {target}: the folder "
                     f"'{target.parent}' does not exist; nothing written"]  # fmt: skip
    assert done.stdout == b""
    assert not target.parent.exists()


def test_a_target_that_cannot_be_written_is_refused_before_any_work(tmp_path: Path) -> None:
    target = str(tmp_path / "missing" / "case.json")
    code, out, err = run("compile", str(Path(BAD_ENUM)), RESPONSE, "-o", target)  # a bad input too: not read
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"supercomplaint compile: cannot write {target}: the folder '{tmp_path / 'missing'}' does not exist; "
        "nothing written"
    ]


def test_import_into_a_missing_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing"
    done = process("import", PLAN, "--mapping", PLAN_MAPPING, "--case", ILLUSTRATIVE, "-o", str(target))
    lines = done.stderr.decode("utf-8").splitlines()
    assert done.returncode == 2
    assert len(lines) == 1, lines
    assert "is not a folder" in lines[0]
    assert not target.exists()


@pytest.mark.parametrize("failing_target", ["read-only-folder", "disk-full"], indirect=True)
def test_import_with_a_mapping_into_a_folder_that_cannot_be_written(failing_target: Path) -> None:
    folder = failing_target.parent
    code, _, err = run("import", PLAN, "--mapping", PLAN_MAPPING, "--case", ILLUSTRATIVE, "-o", str(folder), "-q")
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("supercomplaint import: cannot write ")


def test_import_says_what_it_wrote_before_a_write_failed(tmp_path: Path) -> None:
    (tmp_path / "thames-valley-update-2023-03.json").mkdir()  # the second document's name, taken by a folder
    code, _, err = run("import", PLAN, "--mapping", PLAN_MAPPING, "--case", ILLUSTRATIVE, "-o", str(tmp_path), "-q")
    assert code == 2
    assert err.splitlines() == [
        f"supercomplaint import: cannot write {tmp_path / 'thames-valley-update-2023-03.json'}: it is a folder; "
        "only a regular file is replaced; 1 document of 2 written before it"
    ]
    assert (tmp_path / "thames-valley-action-plan-2021-11.json").is_file()


def test_in_place_refuses_a_symlink_and_leaves_it(tmp_path: Path) -> None:
    real = tmp_path / "case.json"
    real.write_bytes(_bytes(CASE))
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    code, out, err = run("upgrade", str(link), "--in-place")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "symbolic link" in err
    assert link.is_symlink()
    assert real.read_bytes() == _bytes(CASE)


# --------------------------------------------------------------------------------------------------
# --color, NO_COLOR, FORCE_COLOR
# --------------------------------------------------------------------------------------------------


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("choice", "env", "terminal", "expected"),
    [
        ("auto", {}, False, False),
        ("auto", {}, True, True),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: not set (no-color.org)
        ("auto", {"TERM": "dumb"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("never", {"FORCE_COLOR": "1"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("always", {"TERM": "dumb"}, False, True),
    ],
)
def test_when_output_is_coloured(choice: str, env: dict[str, str], terminal: bool, expected: bool) -> None:
    assert wants_colour(_Stream(terminal), choice, env) is expected


def test_force_color_colours_a_pipe_unless_never() -> None:
    done = process("validate", CASE, FORCE_COLOR="1")
    assert b"\033[32m1 file checked" in done.stdout
    done = process("status", CASE, "--as-of", "2021-12-01", "--body", "Kent Police", FORCE_COLOR="1")
    assert b"\033[31moverdue" in done.stdout
    done = process(
        "status", CASE, "--as-of", "2021-12-01", "--body", "Kent Police", "--color", "never", FORCE_COLOR="1"
    )
    assert b"\033[" not in done.stdout
    done = process("--color", "always", "validate", CASE, NO_COLOR="1")
    assert b"\033[" in done.stdout


def test_no_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured, plain = _Stream(True), _Stream(True)
    assert main(["validate", CASE], stdout=coloured, stderr=io.StringIO()) == 0
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["validate", CASE], stdout=plain, stderr=io.StringIO()) == 0
    assert "\033[" in coloured.getvalue()
    assert "\033[" not in plain.getvalue()
    assert re.sub("\033\\[[0-9;]*m", "", coloured.getvalue()) == plain.getvalue()


# --------------------------------------------------------------------------------------------------
# -q
# --------------------------------------------------------------------------------------------------


def test_quiet_validate_prints_only_errors() -> None:
    assert run("validate", "-q", str(EXAMPLES)) == (0, "", "")
    code, out, err = run("-q", "validate", BAD_ENUM, CASE)
    assert code == 1
    assert err == ""
    assert out.splitlines()[0] == f"{BAD_ENUM}: 1 error"
    assert "invalid-value" in out
    assert CASE not in out
    assert "warning" not in out
    assert "checked" not in out


def test_quiet_leaves_out_what_is_not_an_error(tmp_path: Path) -> None:
    code, _, err = run("compile", AT_PUBLICATION, RESPONSE, "-o", str(tmp_path / "c.json"))
    assert (code, "warning" in err, "wrote" in err) == (0, True, True)
    assert run("compile", AT_PUBLICATION, RESPONSE, "-o", str(tmp_path / "c.json"), "-q") == (0, "", "")
    assert run("render", CASE, "--view", "tracker", "-q", "-o", str(tmp_path / "t.md")) == (0, "", "")
    code, out, err = run("status", CASE, "--as-of", "2021-12-01", "--item", "5.2", "--quiet")
    assert (code, err) == (0, "")  # no note that '5.2' names two items
    assert "Recommendation 5.2" in out  # the table asked for is still printed
    code, out, _ = run("rules", "-q")
    assert "supercomplaint rules CODE" not in out
    assert "SC101" in out


def test_quiet_keeps_errors_and_exit_codes() -> None:
    code, out, err = run("status", "-q", BAD_ENUM)
    assert (code, out) == (1, "")
    assert "not used" in err
    code, _, err = run("render", "-q", CASE, "--view", "board-paper")
    assert code == 2
    assert "--responder" in err


# --------------------------------------------------------------------------------------------------
# Options anywhere among the file arguments
# --------------------------------------------------------------------------------------------------


def test_options_among_file_arguments(tmp_path: Path) -> None:
    code, out, _ = run("validate", CASE, "--format", "json", AT_PUBLICATION)
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == [CASE, AT_PUBLICATION]
    target = tmp_path / "case.json"
    backwards = list(reversed(RESPONSES))
    code, _, err = run("compile", AT_PUBLICATION, "-o", str(target), *backwards[:2], "-q", *backwards[2:])
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8") == Path(CASE).read_text(encoding="utf-8")
    code, out, _ = run("status", CASE, "--as-of", "2021-12-01", CASE, "--format", "csv", "--body", "Kent Police")
    assert code == 0
    _, once, _ = run("status", "--format", "csv", CASE, "--as-of", "2021-12-01", "--body", "Kent Police")
    assert len(out.splitlines()) - 1 == 2 * (len(once.splitlines()) - 1) > 0  # Kent's rows in each copy
    assert run("validate", CASE, "--color", "never", "-q") == (0, "", "")
    assert run("--color", "never", "-q", "validate", CASE) == (0, "", "")


# --------------------------------------------------------------------------------------------------
# Output that fits the terminal, wrapping rather than cutting
# --------------------------------------------------------------------------------------------------


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file whose findings have long paths and messages: deep nesting, an unknown key with a long name."""
    data = json.loads(Path(CASE).read_text(encoding="utf-8"))
    data["report"]["recommendations"][0]["a_very_long_key_name_that_no_schema_knows_of_at_all"] = 1
    data["report"]["recommendations"][1]["addressees"] = []
    path = tmp_path_factory.mktemp("long") / ("a-file-with-a-rather-long-name-" * 3 + ".json")
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_validate_fits_the_width_and_cuts_nothing(
    columns: int, long_names: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    paths = [str(long_names), BAD_ENUM, PARTIAL]
    code, out, _ = run("validate", *paths)
    assert code == 1
    assert max(map(len, out.splitlines())) <= columns
    _, text, _ = run("validate", "--format", "json", *paths)
    squeezed = _squeezed(out)
    for file in json.loads(text)["files"]:
        assert _squeezed(file["path"]) in squeezed
        for finding in file["findings"]:
            assert _squeezed(finding["path"]) in squeezed
            assert _squeezed(finding["message"]) in squeezed


def test_validate_to_a_pipe_keeps_each_message_on_one_line(long_names: Path) -> None:
    code, out, _ = run("validate", str(long_names), BAD_ENUM)
    assert code == 1
    _, text, _ = run("validate", "--format", "json", str(long_names), BAD_ENUM)
    lines = set(out.splitlines())
    for file in json.loads(text)["files"]:
        for finding in file["findings"]:
            assert any(line.strip().startswith(finding["message"]) for line in lines), finding["message"]


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_history_fits_the_width_and_cuts_nothing(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = run("history", CASE)
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run("history", CASE)
    assert code == 0
    assert max(map(len, out.splitlines())) <= columns
    assert _squeezed(out) == _squeezed(wide)


@pytest.mark.parametrize("columns", [40, 60])
def test_status_and_rules_fit_a_narrow_terminal(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    status = ["status", CASE, "--as-of", "2023-01-01", "--item", "5.2", "--item", "6.1"]
    for args in (status, ["rules"], ["rules", "SC203"]):
        code, out, _ = run(*args)
        assert code == 0
        assert max(map(len, out.splitlines())) <= columns, args
    _, out, _ = run(*status)
    hmicfrs = "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
    assert set(hmicfrs.split(" ")) <= set(out.split())


# --------------------------------------------------------------------------------------------------
# Line and column for every parse-level problem
# --------------------------------------------------------------------------------------------------

PARSE_LEVEL: dict[str, tuple[bytes, str, set[int]]] = {
    "duplicate key": (b'{\n  "kind": "case",\n  "kind": "case"\n}\n', "json-duplicate-key", {2, 3}),
    "NaN": (b'{\n  "x": NaN\n}\n', "json-constant", {2}),
    "minus Infinity": (b'{\n  "x": 1,\n  "y": -Infinity\n}\n', "json-constant", {3}),
    "number too big for a float": (b'{\n  "x": 1e400\n}\n', "json-constant", {2}),
    "integer of 5000 digits": (b'{\n  "x": ' + b"9" * 5000 + b"\n}\n", "json-number-too-large", {2}),
    "escaped lone surrogate": (b'{\n  "x": "\\ud800"\n}\n', "json-encoding", {2}),
    "raw lone surrogate": (b'{\n  "x": "\xed\xa0\x80"\n}\n', "json-encoding", {2}),
    "not UTF-8": (b'{\n  "x": "\xff"\n}\n', "json-encoding", {2}),
    "trailing comma": (b'{\n  "x": 1,\n}\n', "json-syntax", {3}),
    "nested too deep for the parser": (b"\n" + b"[" * 3000 + b"]" * 3000, "json-too-deep", {2}),
    "nested too deep": (b'{\n  "a":\n' + b"[" * 250 + b"]" * 250 + b"\n}", "json-too-deep", {3}),
}


@pytest.mark.parametrize("name", sorted(PARSE_LEVEL))
@pytest.mark.parametrize("source", ["file", "stdin"])
def test_parse_level_problems_have_line_and_column(name: str, source: str, tmp_path: Path) -> None:
    data, code, lines = PARSE_LEVEL[name]
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    argument, stdin = (str(path), None) if source == "file" else ("-", data)
    status, out, _ = run("validate", "--format", "json", argument, stdin=stdin)
    assert status == 1
    (file,) = json.loads(out)["files"]
    found = [f for f in file["findings"] if f["code"] == code]
    assert found, file["findings"]
    for finding in found:
        assert finding["line"] in lines
        assert finding["column"] >= 1
    _, text, _ = run("validate", argument, stdin=stdin)
    assert f"{found[0]['line']}:{found[0]['column']}" in text


def test_other_commands_place_parse_level_problems_too(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(PARSE_LEVEL["NaN"][0])
    code, _, err = run("status", str(path))
    assert code == 1
    assert "(line 2, column 3): [json-constant]" in err


# --------------------------------------------------------------------------------------------------
# supercomplaint rules [CODE]
# --------------------------------------------------------------------------------------------------


def test_rules_lists_every_rule_by_family() -> None:
    code, out, _ = run("rules")
    assert code == 0
    listed = re.findall(r"^  (SC\d{3})  ", out, flags=re.MULTILINE)
    assert listed == list(RULES)
    for prefix in ("SC1", "SC2", "SC3", "SC4", "SC5"):
        assert re.search(rf"^{prefix}xx: \w", out, flags=re.MULTILINE)


@pytest.mark.parametrize("code", ["SC203", "sc203", " SC507 "])
def test_rules_explains_one_rule(code: str) -> None:
    status, out, err = run("rules", code)
    assert (status, err) == (0, "")
    rule = RULES[code.strip().upper()]
    assert out.splitlines()[0] == f"{rule.code} {rule.name} ({rule.severity})"
    squeezed = _squeezed(out)
    for text in (rule.summary, rule.explanation, f"Source: {rule.source}"):
        assert _squeezed(text) in squeezed


def test_rules_prefix_lists_its_family() -> None:
    code, out, _ = run("rules", "SC5")
    assert code == 0
    assert re.findall(r"^  (SC\d{3})", out, flags=re.MULTILINE) == [c for c in RULES if c.startswith("SC5")]


@pytest.mark.parametrize("code", ["XX", "SC9", "SC2031"])
def test_an_unknown_rule_code_lists_the_prefixes(code: str) -> None:
    status, out, err = run("rules", code)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    for prefix in ("SC1 (", "SC2 (", "SC3 (", "SC4 (", "SC5 ("):
        assert prefix in err
    assert "`supercomplaint rules`" in err


def test_messages_point_at_the_rules_command_not_a_docs_folder() -> None:
    code, _, err = run("validate", "--select", "SC999", CASE)
    assert code == 2
    assert "supercomplaint rules" in err
    code, out, _ = run("validate", CASE)
    assert "(see `supercomplaint rules SC203`)" in out
    assert "docs/" not in out + err
    done = process("validate", "--help")
    assert b"docs/rules.md" not in done.stdout
    assert b"supercomplaint rules CODE" in b" ".join(done.stdout.split())


# --------------------------------------------------------------------------------------------------
# --responder takes any name the register knows
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Cambridgeshire Police", "cambridgeshire constabulary", "Chief Constable of Cambridgeshire"]
)
def test_responder_by_any_name(name: str) -> None:
    by_id = run("render", CASE, "--view", "board-paper", "--responder", "force-cambridgeshire")
    by_name = run("render", CASE, "--view", "board-paper", "--responder", name)
    assert by_name == by_id
    assert by_id[0] == 0


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Chief Constable", "names no police force area"),
        ("Kent", "did you mean Kent Police or Police and Crime Commissioner for Kent?"),
        ("force-atlantis", "Cambridgeshire Constabulary (force-cambridgeshire)"),
        ("chief constables", "is a group, not a body"),
    ],
)
def test_a_responder_that_names_no_one_body_is_one_line_and_exit_2(name: str, said: str) -> None:
    code, out, err = run("render", CASE, "--view", "board-paper", "--responder", name)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert said in err


# --------------------------------------------------------------------------------------------------
# The encoding of standard output never causes a traceback
# --------------------------------------------------------------------------------------------------

FOR_PEOPLE = {
    "status": ["status", CASE, "--as-of", "2021-12-01", "--body", "Kent Police", "--body", "Cambridgeshire Police"],
    "history": ["history", CASE],
    "validate": ["validate", str(EXAMPLES)],
    "rules": ["rules", "SC203"],
    "help": ["--help"],
}


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("name", sorted(FOR_PEOPLE))
def test_output_for_people_in_any_encoding(name: str, encoding: str) -> None:
    done = process(*FOR_PEOPLE[name], PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode(encoding)  # what the terminal can show, and only that
    assert text.strip()
    if name == "status":
        table = text.split("\n\n")[0].splitlines()
        assert len(table) > 3
        assert len({len(line) for line in table}) == 1, "the columns stay aligned"
        assert "\\u" not in "".join(table)  # a dash for the em dash, not an escape


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_data_on_standard_output_is_utf8_in_any_encoding(encoding: str) -> None:
    done = process("status", CASE, "--as-of", "2021-12-01", "--format", "json", PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout.decode("utf-8"))
    assert rows[0]["caseTitle"].startswith("Hestia’s super-complaint")
    done = process("render", CASE, "--view", "tracker", "--as-of", "2021-12-01", PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == run("render", CASE, "--view", "tracker", "--as-of", "2021-12-01")[1]
    done = process("upgrade", CASE, PYTHONIOENCODING=encoding)
    assert sc.loads(done.stdout) == sc.load(CASE)


@pytest.mark.parametrize(
    "args",
    [
        ["status", CASE, "--as-of", "2021-12-01"],
        ["status", CASE, "--as-of", "2021-12-01", "--format", "json"],
        ["history", CASE],
        ["render", CASE, "--view", "tracker", "--to", "html"],
    ],
    ids=["table", "json", "history", "html"],
)
def test_a_reader_that_goes_away_ends_it_quietly(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # `| head -0`: nobody reads
    try:
        done = subprocess.run(
            [sys.executable, "-m", "supercomplaint", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


# --------------------------------------------------------------------------------------------------
# validate's closing summary: errors, warnings and notes apart
# --------------------------------------------------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@pytest.mark.parametrize("paths", [[PARTIAL, CASE, ILLUSTRATIVE], [PARTIAL], [BAD_ENUM, CASE], [str(EXAMPLES)]])
def test_summary_counts_each_severity(paths: list[str]) -> None:
    _, text, _ = run("validate", "--format", "json", *paths)
    files = json.loads(text)["files"]
    tally = {"error": 0, "warning": 0, "note": 0}
    for file in files:
        for finding in file["findings"]:
            tally[finding["severity"]] += 1
    bad = sum(not f["ok"] for f in files)
    _, out, _ = run("validate", *paths)
    expected = (
        f"{_plural(len(files), 'file')} checked: {_plural(tally['error'], 'error')}, "
        f"{_plural(tally['warning'], 'warning')}, {_plural(tally['note'], 'note')}"
        + (f", {_plural(bad, 'file')} with errors" if bad else "")
    )
    assert out.splitlines()[-1] == expected


def test_summary_in_the_singular(tmp_path: Path) -> None:
    data = json.loads(Path(CASE).read_text(encoding="utf-8"))
    data["report"]["actions"][1]["deadline"] = {"type": "fixed", "date": "2021-11-26"}  # one SC203 of two
    one = tmp_path / "one.json"
    one.write_text(json.dumps(data), encoding="utf-8")
    _, text, _ = run("validate", "--format", "json", str(one))
    severities = sorted(f["severity"] for f in json.loads(text)["files"][0]["findings"])
    assert severities == ["warning"]
    code, out, _ = run("validate", str(one))
    assert code == 0
    assert out.splitlines()[-1] == "1 file checked: 0 errors, 1 warning, 0 notes"
    assert out.splitlines()[0] == f"{one}: 1 finding"


# --------------------------------------------------------------------------------------------------
# --help and --version stay light
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["--help"], ["rules", "--help"], ["validate", "--help"], ["--color", "never", "-q", "--version"]]
)
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supercomplaint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    heavy = {"jsonschema", "cattrs", "referencing", "jinja2", "holidays", "hypothesis", "rich", "openpyxl"}
    assert not imported & heavy, imported & heavy
