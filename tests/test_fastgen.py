"""The fast path's structuring functions written ahead of time (``_faststructure.py``, issue 14).

The committed module must be what ``python -m supercomplaint._fastgen`` writes from the sources in use; the fast
path must use it only while its fingerprint matches those sources, and must build the same documents from it
as from functions generated at run time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import supercomplaint as sc
from supercomplaint import _fastgen, _fastload
from supercomplaint.converter import SUPPORTED_VERSIONS

from .conftest import EXAMPLES
from .test_fast_path import identical

EXAMPLE_FILES = sorted(
    path for path in EXAMPLES.rglob("*.json") if json.loads(path.read_text(encoding="utf-8")).get("kind")
)


def _clear() -> None:
    for cached in (_fastload._written, _fastload._factory, _fastload._builders):
        cached.cache_clear()


@pytest.fixture
def generated_at_run_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fast path as it runs when the written module is stale: its fingerprint no longer matches."""
    monkeypatch.setattr(_fastload, "source_fingerprint", lambda: "edited-since")
    _clear()
    yield
    monkeypatch.undo()
    _clear()


def test_the_committed_module_is_current() -> None:
    stale = _fastgen.stale_files()
    assert not stale, (
        f"src/supercomplaint/{_fastgen.MODULE} is stale (the model, the converter or the generator changed): "
        f"regenerate it with `{_fastgen.COMMAND}` and commit the result"
    )


def test_the_fast_path_uses_the_written_functions_for_every_version() -> None:
    _clear()
    written = _fastload._written()
    assert sorted(written) == sorted(SUPPORTED_VERSIONS)
    for version in SUPPORTED_VERSIONS:
        assert _fastload._factory(version) is written[version]
        assert _fastload._factory(version).__module__ == "supercomplaint._faststructure"


def test_a_stale_module_is_not_used(generated_at_run_time: None) -> None:
    assert _fastload._written() == {}
    for version in SUPPORTED_VERSIONS:
        assert _fastload._factory(version).__module__ != "supercomplaint._faststructure"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_written_and_run_time_functions_build_the_same_documents(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = path.read_bytes()
    _clear()
    written = _fastload.fast_loads(raw, None, sc.io.MAX_DEPTH)
    monkeypatch.setattr(_fastload, "source_fingerprint", lambda: "edited-since")
    _clear()
    try:
        run_time = _fastload.fast_loads(raw, None, sc.io.MAX_DEPTH)
    finally:
        monkeypatch.undo()
        _clear()
    assert written is not None
    assert run_time is not None
    identical(written, run_time)


def test_the_fingerprint_covers_the_sources_and_ignores_line_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(_fastload.__file__).parent
    for name in _fastload.FINGERPRINTED:
        (tmp_path / name).write_bytes((package / name).read_bytes().replace(b"\n", b"\r\n"))
    monkeypatch.setattr(_fastload, "__file__", str(tmp_path / "_fastload.py"))
    crlf = _fastload.source_fingerprint()
    monkeypatch.undo()
    assert crlf == _fastload.source_fingerprint()  # a checkout with CRLF line ends uses the written module too
    monkeypatch.setattr(_fastload, "__file__", str(tmp_path / "_fastload.py"))
    (tmp_path / "model.py").write_bytes((package / "model.py").read_bytes() + b"\n# an edit\n")
    assert _fastload.source_fingerprint() != crlf
    (tmp_path / "model.py").unlink()
    assert _fastload.source_fingerprint() is None  # sources not installed: the functions are generated


def test_main_checks_and_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / _fastgen.MODULE
    monkeypatch.setattr(_fastgen, "module_path", lambda: target)
    assert _fastgen.main(["--check"]) == 1  # missing
    err = capsys.readouterr().err
    assert _fastgen.COMMAND in err
    assert str(target) in err
    assert _fastgen.main([]) == 0
    assert target.read_text(encoding="utf-8") == _fastgen.module_source()
    assert "wrote" in capsys.readouterr().out
    assert _fastgen.main(["--check"]) == 0
    assert _fastgen.main([]) == 0
    assert "wrote" not in capsys.readouterr().out  # nothing changed: nothing written
    target.write_text("# edited by hand\n", encoding="utf-8")
    assert _fastgen.main(["--check"]) == 1
