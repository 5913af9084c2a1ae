"""The typed API type-checks as a user writes it (issue 12).

* ``mypy --strict`` passes on the Python of the tutorial and of the README, exactly as the pages show it
  (the blocks are read as tests/test_docs.py and tests/test_readme.py read them, and checked page by page,
  each page's blocks in order as one module, as they run).
* The API's types say what it does: ids and references are plain strings (``ResponseDocument(case=case.id)``),
  ``load``/``loads``/``validate`` with a literal kind give that kind's type, ``view`` and ``to`` are
  literal types, and every ``as_of`` takes a date or a partial date as the parameter after the case. A module
  written against these types is checked with ``mypy --strict``: what must type-check does, and what must not
  carries ``# type: ignore[...]``, which strict mode reports when it is not needed.
* At run time a partial date as ``as_of`` means its last day, everywhere.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import supercomplaint as sc

from .conftest import ROOT
from .test_docs import python_blocks
from .test_package import readme_python

IN_CI = os.environ.get("CI", "").lower() in ("true", "1")


def tutorial_python() -> str:
    """The tutorial's Python blocks in order, read as tests/test_docs.py reads them."""
    return "\n".join(block.code for block, _ in python_blocks(ROOT / "docs" / "tutorial.md"))


def mypy_strict(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over the given modules, outside the repository (so that its configuration does not
    apply, and supercomplaint is the installed package a user imports)."""
    if importlib.util.find_spec("mypy") is None:
        if IN_CI:
            pytest.fail("mypy is not installed; CI must run these tests")
        pytest.skip("mypy is not installed: pip install -e '.[test]'")
    for name, code in files.items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / ".cache")]
    return subprocess.run([*command, *files], cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)


def test_mypy_strict_passes_on_the_tutorial_and_the_readme_as_written(tmp_path: Path) -> None:
    tutorial, readme = tutorial_python(), readme_python()
    assert "sc.load(" in readme  # not vacuous: the pages hold the code that loads and builds records
    assert "sc.Response(" in tutorial
    done = mypy_strict(tmp_path, {"tutorial_page.py": tutorial, "readme_page.py": readme})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""


TYPED_API = """
import datetime as dt
from typing import assert_type

import supercomplaint as sc
from supercomplaint.validation import ValidationReport

case = sc.load(sc.examples.path("hestia/case.json"), kind="case")
assert_type(case, sc.CaseRecord)
assert_type(sc.loads("{}", kind="response"), sc.ResponseDocument)
assert_type(sc.loads("{}", kind="register"), sc.Register)
assert_type(sc.load("x.json"), sc.CaseRecord | sc.ResponseDocument | sc.Register)
assert_type(sc.validate({}, "case"), ValidationReport[sc.CaseRecord])
assert_type(sc.validate({}, kind="response").document, sc.ResponseDocument | None)
assert_type(sc.validate({}).document, sc.CaseRecord | sc.ResponseDocument | sc.Register | None)

# ids and references are plain strings; an object's id is a reference as it stands
reply = sc.ResponseDocument(
    case=case.id,
    response=sc.Response(id="kent-2021-07-01", responder="force-kent", items=(sc.ItemResponse(item="r2"),)),
)
ref: str = reply.case

# as_of: a date or a partial date, the parameter after the case
sc.obligations(case, dt.date(2021, 12, 1))
sc.obligations(case, sc.PartialDate(2021, 12))
sc.history(case, sc.PartialDate(2021))
sc.render(case, dt.date(2021, 12, 1), view="tracker", to="html")
sc.render(case, sc.PartialDate(2021, 12), view="board-paper", responder="force-cambridgeshire")

# literal types refuse what is not one of their values
sc.render(case, view="trackers")  # type: ignore[arg-type]
sc.render(case, view="tracker", to="pdf")  # type: ignore[arg-type]
sc.obligations(case, "2021-12-01")  # type: ignore[arg-type]
"""


def test_the_typed_api_says_what_it_does(tmp_path: Path) -> None:
    done = mypy_strict(tmp_path, {"typed_api.py": textwrap.dedent(TYPED_API)})
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_partial_date_as_of_means_its_last_day() -> None:
    case = sc.load(sc.examples.path("hestia/case.json"), kind="case")
    day = dt.date(2021, 12, 31)
    month = sc.PartialDate(2021, 12)
    assert sc.obligations(case, month) == sc.obligations(case, day)
    assert sc.history(case, month) == sc.history(case, as_of=day)
    assert sc.render(case, month, view="tracker") == sc.render(case, as_of=day, view="tracker")
    assert sc.obligations(case, sc.PartialDate(2021)) == sc.obligations(case, day)
    with pytest.raises(TypeError):
        sc.obligations(case, "2021-12-01")  # type: ignore[arg-type]
