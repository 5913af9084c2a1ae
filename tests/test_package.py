"""The package stands alone (issue 12): the wheel carries the licence, honest project links and the example
files, and the README's Python runs from the installed package outside a clone of the repository."""

from __future__ import annotations

import email
import email.message
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT


def readme_python() -> str:
    """The README's Python blocks, read as tests/test_readme.py reads them."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return "\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = pytest.importorskip("hatchling.build")
    out = tmp_path_factory.mktemp("wheel")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        name = build.build_wheel(str(out))
    finally:
        os.chdir(cwd)
    return out / str(name)


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_wheel_carries_the_licence(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        licences = [n for n in archive.namelist() if n.endswith("/LICENSE")]
        assert licences, "no LICENSE in the wheel"
        text = archive.read(licences[0]).decode("utf-8")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert metadata(wheel)["License-Expression"] == "MIT"


def test_project_links_name_only_what_exists(wheel: Path) -> None:
    links = dict(value.split(", ", 1) for value in metadata(wheel).get_all("Project-URL", []))
    assert set(links) == {"Documentation", "Changelog"}
    for target in links.values():
        # no invented web address: each link is a file of the source distribution, and it exists
        assert "://" not in target
        assert (ROOT / target).is_file(), target


def test_the_strategies_extra_pins_nothing_exactly(wheel: Path) -> None:
    requires = metadata(wheel).get_all("Requires-Dist", [])
    strategies = [r for r in requires if re.search(r"""extra == ["']strategies["']""", r)]
    assert strategies
    assert all("==" not in r.split(";")[0] for r in strategies), strategies


def test_the_wheel_ships_every_example_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n.removeprefix("supercomplaint/_examples/") for n in archive.namelist() if "/_examples/" in n}
    expected = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()}
    assert shipped == expected


def test_the_readme_python_runs_from_the_installed_wheel_outside_a_clone(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = tmp_path / "readme.py"
    script.write_text(
        "import supercomplaint\n"
        f"assert supercomplaint.__file__.startswith({str(site)!r}), supercomplaint.__file__\n" + readme_python(),
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # the unpacked wheel comes first on the path, before the clone's editable install
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "obligations overdue on 1 December 2021" in done.stdout
