"""A start costs little: ``import supercomplaint`` defines no model class, ``--version`` and ``--help`` build no
parser (issue 14)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from supercomplaint import _help, cli

from .conftest import ROOT


def run(*code_or_args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *code_or_args], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False
    )


def test_import_supercomplaint_imports_no_model_attrs_or_typing() -> None:
    done = run("-c", "import json, sys, supercomplaint; print(json.dumps(sorted(sys.modules)))")
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert not loaded & {"supercomplaint.model", "supercomplaint.problems", "attr", "attrs", "typing"}


def test_public_names_still_resolve_lazily() -> None:
    done = run(
        "-c",
        "import supercomplaint as sc; print(sc.CaseRecord.__module__, sc.LoadError.__name__, sc.examples.__name__)",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["supercomplaint.model", "LoadError", "supercomplaint.examples"]


def test_version_alone_is_answered_without_the_parser_and_says_what_argparse_says() -> None:
    done = run("-X", "importtime", "-m", "supercomplaint", "--version")
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not imported & {"argparse", "supercomplaint.cli", "typing"}, imported
    parsed = io.StringIO()
    with contextlib.redirect_stdout(parsed):
        assert cli.main(["--version"]) == 0
    assert done.stdout == parsed.getvalue() != ""


def test_version_with_other_options_goes_through_the_parser() -> None:
    done = run("-m", "supercomplaint", "-q", "--version")
    assert done.returncode == 0
    assert done.stdout.startswith("supercomplaint ")


def _imported(*args: str) -> set[str]:
    done = run("-X", "importtime", *args)
    assert done.returncode == 0, done.stderr
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}


@pytest.mark.parametrize("flag", ["--help", "-h", "--version"])
def test_help_and_version_alone_import_nothing_but_what_they_print(flag: str) -> None:
    """Beyond what ``python -m`` itself imports: no argparse, re, typing, model, rich, nor the command line."""
    baseline = _imported("-m", "supercomplaint._version")  # a module that does nothing when run
    extra = _imported("-m", "supercomplaint", flag) - baseline
    assert extra <= {"supercomplaint.__main__", "supercomplaint._help"}, extra


@pytest.mark.skipif(not _help.VERIFIED, reason="this Python's argparse lays help out as _help was not checked for")
def test_help_alone_says_what_argparse_says_at_every_width(monkeypatch: pytest.MonkeyPatch) -> None:
    for columns in range(1, 251):
        monkeypatch.setenv("COLUMNS", str(columns))
        said = _help.top_help(_help.help_columns())
        assert said == cli.build_parser().format_help(), columns
        assert said.isascii()


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_alone_in_a_process_is_the_parser_s_help(flag: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # the process and this one see the same width, terminal or not
    done = run("-m", "supercomplaint", flag)
    assert done.returncode == 0, done.stderr
    parsed = io.StringIO()
    with contextlib.redirect_stdout(parsed), pytest.raises(SystemExit) as stop:
        cli.build_parser().parse_args([flag])
    assert stop.value.code == 0
    assert done.stdout == parsed.getvalue() != ""


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["status", "a.json", "--state", "met"], "status"),
        (["-q", "--color", "never", "validate", "x"], "validate"),
        (["--color=always", "rules"], "rules"),
        (["--colo", "never", "status"], None),  # an abbreviated --color: its value is not skipped, so all
        (["--help"], None),
        (["bogus", "status"], None),
        ([], None),
    ],
)
def test_main_builds_the_options_of_the_command_named_only(argv: list[str], command: str | None) -> None:
    assert cli._command_in(argv) == command


def test_a_parser_built_for_one_command_says_what_the_whole_parser_says() -> None:
    whole = cli.build_parser()
    assert whole.format_help() == cli.build_parser("status").format_help()
    for name in _help.COMMANDS:
        one = _subparsers(cli.build_parser(name))
        assert one.keys() == _subparsers(whole).keys()
        assert one[name].format_help() == _subparsers(whole)[name].format_help()


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no commands")


def test_status_of_a_valid_document_reads_it_without_cattrs_the_schemas_or_generating_code() -> None:
    """A document that loads takes the fast path, whose structuring functions are written ahead of time: no
    cattrs converter, no validator, no importlib.resources, no code generator at all (issue 14)."""
    imported = _imported("-m", "supercomplaint", "status", "examples/hestia/case.json", "--as-of", "2024-06-01")
    assert "supercomplaint.tracker" in imported  # the command ran
    assert "supercomplaint._faststructure" in imported
    unwanted = {
        *("cattrs", "jsonschema", "importlib.resources", "shutil", "tempfile"),
        *("supercomplaint.validation", "supercomplaint._fastgen"),
    }
    assert not imported & unwanted, imported & unwanted


def test_a_document_with_a_problem_still_gets_the_detailed_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "case", "schemaVersion": "1.1", "id": "c"}', encoding="utf-8")
    done = run("-m", "supercomplaint", "status", str(bad), "--as-of", "2024-06-01")
    assert done.returncode == 1, done.stderr
    assert "[missing-field]" in done.stderr, done.stderr
