"""A start costs little: ``import supercomplaint`` defines no model class, ``--version`` builds no parser (issue 14)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

from supercomplaint import cli

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
