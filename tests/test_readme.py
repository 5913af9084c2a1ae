"""The README is a contract: its two commands come first, CI runs the same test command, its Python runs."""

from __future__ import annotations

import os
import re

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_readme_opens_with_exactly_two_commands() -> None:
    first = README.split("```", 2)
    assert first[0].strip().startswith("# supercomplaint")
    assert first[0].strip().count("\n") == 0, "nothing but the title before the two commands"
    commands = [line for line in _blocks("sh")[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert "supercomplaint status examples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = [line for line in _blocks("sh")[0].splitlines() if line.strip()][1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


@pytest.mark.parametrize("index", range(len(_blocks("python"))))
def test_readme_python_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(_blocks("python")[index], f"README.md python block {index + 1}", "exec"), {})
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out
