"""The command line, run as a user runs it: exit codes, output formats, safety, start-up, renderings."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supercomplaint.cli import csv_cell, main

from .conftest import EXAMPLES, HESTIA, ROOT

INVALID = ROOT / "tests" / "invalid"
SNAPSHOTS = ROOT / "tests" / "snapshots"
CASE = str(HESTIA / "case.json")
UPDATE = "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_cli.py"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "supercomplaint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


# --------------------------------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------------------------------


def test_validate_examples_exits_0() -> None:
    done = run_process("validate", str(EXAMPLES))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout
    assert "\033[" not in done.stdout, "piped output has no colour"
    assert done.stderr == "", "piped output shows no progress"


def test_validate_rule_error_exits_1(tmp_path: Path) -> None:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    data["report"]["recommendations"][1]["addressees"] = []
    data["responses"] = []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, _ = run("validate", str(bad))
    assert code == 1
    assert "SC201" in out
    assert "$.report.recommendations[1]" in out
    assert "docs/rules.md" in out


def test_validate_missing_file_exits_2_and_checks_the_others() -> None:
    code, out, _ = run("validate", "no-such-file.json", CASE)
    assert code == 2
    assert "no-such-file.json" in out
    assert "file-unreadable" in out
    assert f"{CASE}: 2 findings" in out  # the readable file was still checked


def test_validate_json_format_has_the_keys() -> None:
    code, out, _ = run("validate", "--format", "json", CASE, str(INVALID / "unknown-key.json"))
    assert code == 1
    payload = json.loads(out)
    assert list(payload) == ["files"]
    first, second = payload["files"]
    assert first["path"] == CASE
    assert first["ok"] is True
    assert second["ok"] is False
    for finding in first["findings"] + second["findings"]:
        assert {"code", "severity", "path", "message"} <= set(finding)
    (unknown,) = second["findings"]
    assert (unknown["code"], unknown["path"]) == ("unknown-key", "$.response.items[3].rating")
    assert unknown["line"] > 1


@pytest.mark.parametrize("name", sorted(p.name for p in INVALID.glob("*.json") if p.name != "expected.json"))
def test_validate_invalid_corpus(name: str) -> None:
    expected = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))[name]
    code, out, _ = run("validate", "--format", "json", str(INVALID / name))
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert (expected["code"], expected["path"]) in {(f["code"], f["path"]) for f in findings}


def test_validate_select_and_ignore() -> None:
    code, out, _ = run("validate", "--ignore", "SC203", CASE)
    assert code == 0
    assert f"{CASE}: ok" in out
    code, out, err = run("validate", "--select", "SC999", CASE)
    assert code == 2
    assert "SC999" in err


def test_validate_folder_of_nothing_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path))
    assert code == 2
    assert "no JSON files" in err


# --------------------------------------------------------------------------------------------------
# status
# --------------------------------------------------------------------------------------------------


def test_status_json_lists_the_overdue_monitoring_reports() -> None:
    done = run_process("status", CASE, "--as-of", "2021-12-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    for row in rows:
        assert {"item", "label", "body", "due", "state", "position", "progress"} <= set(row)
    reports = {(r["item"], r["body"]): r for r in rows if r["kind"] == "report" and r["due"] == "2021-11-26"}
    assert {key: r["state"] for key, r in reports.items()} == {
        ("m1", "home-office"): "overdue",
        ("m2", "npcc"): "overdue",
        ("m3", "apcc"): "overdue",
    }


def test_status_only_and_table() -> None:
    code, out, _ = run("status", CASE, "--as-of", "2021-12-01", "--only", "met")
    assert code == 0
    lines = [line for line in out.splitlines() if "Cambridgeshire" in line]
    assert len(lines) == 3
    assert all("met" in line for line in lines)
    assert out.rstrip().endswith("3 met")


def test_status_today_by_default() -> None:
    code, out, _ = run("status", CASE, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    states = {(r["item"], r["body"]): r["state"] for r in rows}
    # Known only from the GOV.UK publication of 4 April 2022: they exist, but were they on time?
    assert states[("m2", "npcc")] == "met-date-unknown"
    assert states[("m3", "apcc")] == "met-date-unknown"
    assert states[("m1", "home-office")] == "overdue"


def test_status_bad_date_is_a_usage_error() -> None:
    code, _, err = run("status", CASE, "--as-of", "01/12/2021")
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_status_csv_is_neutralised(tmp_path: Path) -> None:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    data["report"]["recommendations"][0]["label"] = '=HYPERLINK("http://evil.example", "click")'
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run("status", str(case), "--as-of", "2021-12-01", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    labels = {r["label"] for r in rows if r["item"] == "r1"}
    assert labels == {'\'=HYPERLINK("http://evil.example", "click")'}
    for row in rows:
        for cell in row.values():
            assert not cell or cell[0] not in "=+-@\t\r"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cell_neutralises_formula_starts(text: str) -> None:
    assert csv_cell(text) == "'" + text


def test_csv_cell_leaves_ordinary_text() -> None:
    assert csv_cell("5.2") == "5.2"
    assert csv_cell(None) == ""


# --------------------------------------------------------------------------------------------------
# compile
# --------------------------------------------------------------------------------------------------


def test_compile_gives_the_example(tmp_path: Path) -> None:
    out = tmp_path / "compiled.json"
    responses = sorted(str(p) for p in (HESTIA / "responses").glob("*.json"))
    code, _, err = run("compile", str(HESTIA / "case-at-publication.json"), *reversed(responses), "-o", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == (HESTIA / "case.json").read_text(encoding="utf-8")


def test_compile_bad_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "compiled.json"
    code, _, err = run(
        "compile", str(HESTIA / "case-at-publication.json"), str(INVALID / "unknown-key.json"), "-o", str(out)
    )
    assert code == 1
    assert "unknown-key" in err
    assert not out.exists()


def test_compile_conflict_writes_nothing(tmp_path: Path) -> None:
    original = HESTIA / "responses" / "npcc-2022-04-04.json"
    data = json.loads(original.read_text(encoding="utf-8"))
    data["response"]["title"] = "A different title"
    changed = tmp_path / "npcc.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "compiled.json"
    code, _, err = run("compile", CASE, str(changed), "-o", str(out))
    assert code == 1
    assert "npcc-hestia" in err
    assert not out.exists()


# --------------------------------------------------------------------------------------------------
# render and snapshots
# --------------------------------------------------------------------------------------------------

RENDERINGS = {
    "hestia-tracker-2021-12-01.md": ("--view", "tracker", "--as-of", "2021-12-01", "--to", "md"),
    "hestia-tracker-2021-12-01.html": ("--view", "tracker", "--as-of", "2021-12-01", "--to", "html"),
    "hestia-board-paper-cambridgeshire.md": ("--view", "board-paper", "--responder", "force-cambridgeshire"),
    "hestia-board-paper-cambridgeshire.html": (
        "--view",
        "board-paper",
        "--responder",
        "force-cambridgeshire",
        "--to",
        "html",
    ),
}


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_rendering_snapshot(name: str) -> None:
    code, out, err = run("render", CASE, *RENDERINGS[name])
    assert code == 0, err
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(out, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {name}: run `{UPDATE}`"
    assert out == snapshot.read_text(encoding="utf-8"), f"{name} changed: check it, then run `{UPDATE}`"


def test_board_paper_reads_like_the_seed() -> None:
    _, out, _ = run("render", CASE, *RENDERINGS["hestia-board-paper-cambridgeshire.md"])
    for text in (
        "**To:** Business Coordination Board",
        "**From:** Cambridgeshire Constabulary",
        "**Date:** 13 July 2021",
        "## 1. Purpose",
        "## 2. Overview",
        "The report sets out 2 actions and 6 recommendations.",
        "Modern slavery and human trafficking continues to be a key strategic priority",
        "The Constabulary will await correspondence from the NPCC.",
    ):
        assert text in out, text


def _hostile_case(tmp_path: Path) -> Path:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    cambs = next(r for r in data["responses"] if r["responder"] == "force-cambridgeshire")
    cambs["items"][3]["narrative"] = "<script>alert(1)</script> & <b>bold</b>"
    data["report"]["title"] = "Report <img src=x onerror=alert(2)>"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("view", ["tracker", "board-paper"])
def test_html_escapes_document_text(tmp_path: Path, view: str) -> None:
    path = _hostile_case(tmp_path)
    code, out, _ = run("render", str(path), "--view", view, "--responder", "force-cambridgeshire", "--to", "html")
    assert code == 0
    assert "<script>" not in out
    assert "<img" not in out
    assert "&lt;img src=x onerror=alert(2)&gt;" in out
    if view == "board-paper":
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in out


def test_markdown_escapes_document_text(tmp_path: Path) -> None:
    path = _hostile_case(tmp_path)
    code, out, _ = run("render", str(path), "--view", "board-paper", "--responder", "force-cambridgeshire")
    assert code == 0
    assert "<script>" not in out
    assert "\\<script\\>alert(1)\\</script\\>" in out


def test_render_writes_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "tracker.html"
    code, out, err = run(
        "render", CASE, "--view", "tracker", "--to", "html", "--as-of", "2021-12-01", "-o", str(target)
    )
    assert code == 0
    assert out == ""
    assert str(target) in err
    assert target.read_text(encoding="utf-8") == (SNAPSHOTS / "hestia-tracker-2021-12-01.html").read_text(
        encoding="utf-8"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.html"]


def test_board_paper_needs_a_known_responder() -> None:
    code, _, err = run("render", CASE, "--view", "board-paper")
    assert code == 2
    assert "--responder" in err
    code, _, err = run("render", CASE, "--view", "board-paper", "--responder", "force-atlantis")
    assert code == 2
    assert "force-cambridgeshire" in err


# --------------------------------------------------------------------------------------------------
# schema, version, help, start-up
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["case", "response", "register"])
def test_schema_prints_the_shipped_schema(kind: str) -> None:
    code, out, _ = run("schema", kind)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert kind in schema["$id"]


def test_version() -> None:
    done = run_process("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("supercomplaint ")


def test_no_command_is_a_usage_error() -> None:
    code, _, err = run()
    assert code == 2
    assert "validate" in err


@pytest.mark.parametrize("command", ["validate", "status", "compile", "render", "schema"])
def test_every_command_names_the_function_it_calls(command: str) -> None:
    done = run_process(command, "--help")
    assert done.returncode == 0
    assert "supercomplaint." in done.stdout


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_start_up_imports_neither_jsonschema_nor_cattrs(flag: str) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supercomplaint", flag],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert "supercomplaint" in imported
    assert not imported & {"jsonschema", "cattrs", "referencing", "jinja2", "holidays", "hypothesis"}, imported


def test_progress_and_colour_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    for i in range(3):
        (tmp_path / f"doc{i}.json").write_bytes((HESTIA / "case.json").read_bytes())
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "supercomplaint", "validate", str(tmp_path)],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=follower,
            cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM"}} | {"TERM": "xterm"},
            timeout=120,
            check=False,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8", errors="replace")
    assert done.returncode == 0
    assert "[1/3" in shown, "a terminal shows progress"
    assert "left]" in shown or "[1/3]" in shown
    assert "\033[32m" in shown, "a terminal shows colour"


@pytest.mark.parametrize("command", [["status"], ["render", "--view", "tracker"]])
def test_a_case_with_an_unknown_body_is_an_error_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    data["report"]["recommendations"][0]["addressees"] = ["force-atlantis"]
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(command[0], str(case), *command[1:], "--as-of", "2021-12-01")
    assert code == 1
    assert out == ""
    assert "force-atlantis" in err
    assert "$.report.recommendations[0].addressees" in err
    assert "Traceback" not in err
