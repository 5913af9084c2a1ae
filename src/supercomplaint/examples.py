"""The example files that ship with the package, so that the README's and the tutorial's code runs outside a
clone of the repository: the Hestia super-complaint (the case at publication, its five responses and the
compiled case), an illustrative case, and the action plans the spreadsheet import reads.

>>> import supercomplaint as sc
>>> case = sc.load(sc.examples.path("hestia/case.json"), kind="case")
>>> case.report.recommendations[0].label if case.report else None
'6.1'
>>> "hestia/responses/npcc-2022-04-04.json" in sc.examples.names()
True

In an installed wheel the files are package data (``supercomplaint/_examples/``); in a source checkout
(an editable install) they are the repository's own ``examples/`` folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["names", "path"]

_PACKAGED = "_examples"  # where the wheel holds them (pyproject.toml force-includes examples/ there)


def folder() -> Path:
    """The folder that holds the example files.

    Raises :class:`FileNotFoundError` when this copy of the package has none (neither installed from a
    wheel nor run from a source checkout).
    """
    packaged = resources.files(__package__ or "supercomplaint").joinpath(_PACKAGED)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "examples").is_dir():
        return root / "examples"
    raise FileNotFoundError("this copy of supercomplaint has no example files (they ship in the wheel)")


def names() -> list[str]:
    """Every example file, by the name :func:`path` takes (``hestia/case.json``), sorted.

    Raises :class:`FileNotFoundError` as :func:`folder` does.
    """
    root = folder()
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def path(name: str) -> Path:
    """The path of the example file ``name``, such as ``"hestia/case.json"`` (a name from :func:`names`).

    Raises :class:`ValueError` for a name that is not an example file (the message lists them), and
    :class:`FileNotFoundError` as :func:`folder` does.
    """
    root = folder()
    target = (root / name).resolve()
    if not target.is_relative_to(root.resolve()) or not target.is_file():
        raise ValueError(f"{name!r} is not an example file; use one of: {', '.join(names())}")
    return target
