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
RESPONSE = str(HESTIA / "responses" / "npcc-2022-04-04.json")
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
    assert "(see `supercomplaint rules SC201`)" in out  # a pointer a pip user can follow, not a docs folder
    assert "docs/rules.md" not in out
    assert out.rstrip().endswith("1 file checked: 1 error, 4 warnings, 0 notes, 1 file with errors")


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
    lines = [line for line in out.splitlines() if line.startswith("Recommendation") and "Cambridgeshire" in line]
    assert len(lines) == 3
    assert all("met (13 Jul 2021)" in line for line in lines)
    assert out.rstrip().endswith("3 met")
    assert run("status", CASE, "--as-of", "2021-12-01", "--state", "met")[1] == out


def _case_ids(path: Path) -> set[str]:
    """Every id a case record defines or names: items, parts, routes, responses, bodies, groups."""
    data = json.loads(path.read_text(encoding="utf-8"))
    ids: set[str] = set()

    def walk(value: object, key: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and " " not in value and key in {
            "id", "item", "items", "owner", "addressees", "reporter", "recipient", "onBehalfOf", "source",
            "responder", "inReplyTo", "ref", "parts", "case", "member",
        }:  # fmt: skip
            ids.add(value)

    walk(data)
    return ids


def _no_internal_id(text: str, ids: set[str]) -> None:
    import re

    for ref in ids:
        assert not re.search(rf"(?<![\w-]){re.escape(ref)}(?![\w-])", text), f"internal id {ref!r} shown"


def test_status_for_one_body_named_as_people_write_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # no cell wraps, so each row is one line
    code, out, err = run("status", CASE, "--as-of", "2023-01-01", "--body", "Cambridgeshire Police")
    assert code == 0, err
    table = out.split("\n\nBy item")[0].splitlines()
    header, _, *rows = table
    for column in ("Item", "Body", "Due", "Reply", "Delivery", "Position"):
        assert column in header
    starts = [row for row in rows if row and not row.startswith(" ")]
    assert [row.split("  ")[0] for row in starts] == [
        "Recommendation 5.2",
        "Recommendation 5.3",
        "Recommendation 5.4",
        "Monitoring route to NPCC on 5.2, 5.3 and 5.4",  # "Chief Constables are asked to report ... to the NPCC"
    ]
    assert all("Cambridgeshire" in row for row in starts)
    assert "Kent" not in out
    assert "via NPCC: replied 4 Apr 2022" in out  # the NPCC's collated reply, on the force's own row
    assert "4 obligations as of 1 January 2023: 3 met, 1 no due date" in out
    _no_internal_id(out, _case_ids(HESTIA / "case.json"))


def test_no_internal_id_in_any_table() -> None:
    ids = _case_ids(HESTIA / "case.json")
    for as_of in ("2021-07-13", "2021-12-01", "2023-01-01"):
        code, out, _ = run("status", CASE, "--as-of", as_of)
        assert code == 0
        _no_internal_id(out, ids)
    code, out, _ = run("history", CASE)
    assert code == 0
    _no_internal_id(out, ids)


def test_status_delivery_shows_the_colleges_lapsed_promise() -> None:
    code, out, _ = run("status", CASE, "--as-of", "2023-01-01", "--delivery", "lapsed", "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert (row["item"], row["body"], row["state"], row["delivery"]) == (
        "a1",
        "college-of-policing",
        "met",
        "in-progress",
    )
    assert (row["lapsed"], row["atRisk"], row["closed"], row["plannedCompletion"]) == (True, False, False, "2022")
    code, out, _ = run("status", CASE, "--as-of", "2023-01-01", "--delivery", "lapsed")
    assert "Action 5.1" in out
    assert {"progress", "(claimed);", "planned", "2022;", "LAPSED"} <= set(out.split())
    code, out, _ = run("status", CASE, "--as-of", "2022-12-31", "--delivery", "lapsed")
    assert "No obligations match." in out


def test_status_item_by_label_matches_every_item_so_labelled() -> None:
    code, out, err = run("status", CASE, "--as-of", "2021-12-01", "--item", "5.2", "--format", "json")
    assert code == 0
    assert "'5.2' matches Action 5.2 and Recommendation 5.2" in err
    refs = {row["item"] for row in json.loads(out)}
    # Both items labelled 5.2, and the monitoring routes that report on recommendation 5.2.
    assert refs == {"a2", "r2", "m2", "m4"}
    code, out, err = run("status", CASE, "--as-of", "2021-12-01", "--item", "r2", "--format", "json")
    assert {row["item"] for row in json.loads(out)} == {"r2", "m2", "m4"}
    assert err == ""


def test_status_group_state_and_due_soon() -> None:
    code, out, _ = run(
        "status", CASE, "--as-of", "2021-12-01", "--group", "chief constables", "--state", "overdue", "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)
    assert {r["item"] for r in rows} == {"r2", "r3", "r4"}
    assert len(rows) == 42 * 3  # every force but Cambridgeshire, on 5.2, 5.3 and 5.4
    assert all(r["state"] == "overdue" and r["body"].startswith("force-") for r in rows)
    code, out, _ = run("status", CASE, "--as-of", "2021-11-01", "--due-soon", "30", "--format", "json")
    rows = json.loads(out)
    assert rows
    assert all(r["state"] == "due-soon" and r["due"] == "2021-11-26" for r in rows)
    code, out, _ = run("status", CASE, "--as-of", "2021-11-01", "--due-soon", "14", "--format", "json")
    assert json.loads(out) == []
    code, _, err = run("status", CASE, "--due-soon", "-1")
    assert code == 2
    assert "negative" in err


def test_status_unknown_or_ambiguous_names_are_usage_errors() -> None:
    code, out, err = run("status", CASE, "--body", "Kent")
    assert (code, out) == (2, "")
    assert "no body, group or item called 'Kent'" in err
    assert "did you mean Kent Police or Police and Crime Commissioner for Kent?" in err
    code, _, err = run("status", CASE, "--group", "Kent Police")
    assert code == 2
    assert "is a body, not a group" in err
    code, _, err = run("status", CASE, "--item", "9.9")
    assert code == 2
    assert "'9.9'" in err


def test_status_of_several_cases_has_a_case_column(tmp_path: Path) -> None:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    data["id"] = "hestia-copy"
    data["complaint"]["title"] = "A second copy"
    other = tmp_path / "copy.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run("status", CASE, str(other), "--as-of", "2021-12-01", "--body", "Cambridgeshire Police")
    assert code == 0
    header = out.splitlines()[0]
    assert header.split()[0] == "Case"
    assert sum(line.startswith("Hestia") for line in out.splitlines()) >= 4
    assert sum(line.startswith("A second copy") for line in out.splitlines()) >= 4
    code, out, _ = run("status", CASE, "--as-of", "2021-12-01", "--body", "Cambridgeshire Police")
    assert out.splitlines()[0].split()[0] == "Item"


def test_status_csv_names_its_id_columns_and_keeps_both_answers() -> None:
    code, out, _ = run("status", CASE, "--as-of", "2023-01-01", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    header = out.splitlines()[0].split(",")
    for column in ("case", "item", "body", "recipient", "state", "delivery", "atRisk", "lapsed", "closed", "group"):
        assert column in header
    code, text, _ = run("status", CASE, "--as-of", "2023-01-01", "--format", "json")
    assert list(json.loads(text)[0]) == header  # the same columns, in the same order
    kent = next(r for r in rows if (r["item"], r["body"]) == ("r2", "force-kent"))
    assert (kent["state"], kent["delivery"], kent["groupAnsweredByName"], kent["groupResponses"]) == (
        "overdue",
        "unknown",
        "NPCC",
        "npcc-hestia",
    )
    assert kent["title"] == "Recommendation 5.2"


@pytest.mark.parametrize("columns", ["60", "100", "160"])
def test_status_fits_the_width_and_cuts_no_name(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run("status", CASE, "--as-of", "2023-01-01", "--item", "5.2", "--item", "6.1")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    words = set(out.split())
    for name in (
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        "Hampshire and Isle of Wight",
    ):
        assert set(name.split()) <= words, name
    assert "\033[" not in out, "not a terminal: no colour"


def test_status_table_imports_rich_only_when_it_prints_a_table() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from supercomplaint.cli import main; main(['status', 'examples/hestia/case.json', "
            "'--format', 'json', '--as-of', '2021-12-01'], stdout=open('/dev/null', 'w')); "
            "print('rich' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip() == "False", done.stderr


def _messy_case(tmp_path: Path) -> Path:
    """Two recommendations numbered alike, one unnumbered, and a narrative carrying terminal escapes."""
    data = json.loads((HESTIA / "case-at-publication.json").read_text(encoding="utf-8"))
    recs = data["report"]["recommendations"]
    recs[2]["label"] = "5.2"  # 5.3 misnumbered as a second 5.2
    del recs[4]["label"]  # 5.5 unnumbered
    data["responses"] = [
        {
            "id": "kent-plan",
            "responder": "force-kent",
            "items": [{"item": "r2", "position": "accepted", "narrative": "We will\u001b[31m do it\u0007 soon."}],
        }
    ]
    path = tmp_path / "messy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_messy_record_reads_plainly(tmp_path: Path) -> None:
    path = str(_messy_case(tmp_path))
    code, out, err = run("status", path, "--as-of", "2021-12-01", "--summary")
    assert code == 0, err
    assert "Recommendation 5.2 (1st of 2 so numbered)" in out
    assert "Recommendation 5.2 (2nd of 2 so numbered)" in out
    assert "Recommendation (unnumbered; 5th in the record)" in out
    code, out, err = run("history", path, "--body", "Kent Police")
    assert code == 0, err
    assert "\x1b" not in out
    assert "\a" not in out
    assert "We will\\x1b[31m do it\\x07 soon." in out  # shown, escaped, never run by the terminal
    code, out, _ = run("status", path, "--as-of", "2021-12-01", "--body", "Kent Police", "--item", "r2")
    assert "met, date unknown" in out  # an undated action plan


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


def test_compile_refuses_a_response_with_a_rule_error(tmp_path: Path) -> None:
    data = json.loads((HESTIA / "responses" / "npcc-2022-04-04.json").read_text(encoding="utf-8"))
    data["response"]["items"] = [{"item": "r2", "position": "not-accepted"}]  # SC404: says why not
    bad = tmp_path / "npcc.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    out = tmp_path / "compiled.json"
    code, _, err = run("compile", str(HESTIA / "case-at-publication.json"), str(bad), "-o", str(out))
    assert code == 1
    assert "SC404" in err
    assert "nothing written" in err
    assert not out.exists()


def test_compile_refuses_a_result_with_a_rule_error(tmp_path: Path) -> None:
    # Each document is valid alone; together Kent takes a position on the Home Office's recommendation.
    data = json.loads((HESTIA / "responses" / "cambridgeshire-2021-07-13.json").read_text(encoding="utf-8"))
    data["response"]["id"] = "kent-1"
    data["response"]["responder"] = "force-kent"
    data["response"]["items"] = [{"item": "r1", "position": "accepted"}]
    response = tmp_path / "kent.json"
    response.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert run("validate", str(response))[0] == 0
    out = tmp_path / "compiled.json"
    code, _, err = run("compile", str(HESTIA / "case-at-publication.json"), str(response), "-o", str(out))
    assert code == 1
    assert "the compiled case would have 1 error" in err
    assert "SC403" in err
    assert "nothing written" in err
    assert not out.exists()


def test_compile_prints_warnings_and_writes(tmp_path: Path) -> None:
    out = tmp_path / "compiled.json"
    response = HESTIA / "responses" / "npcc-2022-04-04.json"
    code, _, err = run("compile", str(HESTIA / "case-at-publication.json"), str(response), "-o", str(out))
    assert code == 0, err
    assert "warning" in err  # the example's undated-deadline warnings, printed
    assert f"wrote {out}: 1 response" in err
    assert out.exists()


def _with_rule_error(tmp_path: Path) -> Path:
    data = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    data["report"]["recommendations"][1]["addressees"] = []  # SC201
    data["responses"] = []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    "command", [["status"], ["history"], ["render", "--view", "tracker"], ["compile", "-o", "x.json", RESPONSE]]
)
def test_commands_refuse_what_validate_rejects(tmp_path: Path, command: list[str]) -> None:
    bad = _with_rule_error(tmp_path)
    assert run("validate", str(bad))[0] == 1
    code, out, err = run(command[0], str(bad), *command[1:])
    assert code == 1
    assert out == ""
    assert "not used: `supercomplaint validate` finds 1 error in it" in err
    assert "SC201" in err
    assert "line" in err
    assert not (tmp_path / "x.json").exists()


def test_commands_refuse_a_document_of_another_kind() -> None:
    code, out, err = run("status", RESPONSE)
    assert (code, out) == (1, "")
    assert "unexpected-kind" in err


def test_history_prints_each_items_dated_history() -> None:
    code, out, err = run("history", CASE)
    assert code == 0, err
    flat = " ".join(out.split())
    assert out.startswith("Action 5.1\n  13 July 2021      Cambridgeshire Constabulary: not addressed to it.")
    assert "4 April 2022 College of Policing: in progress, completion planned 2022." in flat
    assert "NPCC, for chief constables of the territorial forces, replied to monitoring route 5.6 b)" in flat
    assert "Recommendation 5.6: Monitoring of recommendations" in out


def test_history_filters_and_as_of() -> None:
    code, out, _ = run("history", CASE, "--as-of", "2021-12-01", "--item", "5.1")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Action 5.1",
        "  13 July 2021      Cambridgeshire Constabulary: not addressed to it. “This action is addressed to",
    ]
    assert "April 2022" not in out  # the College's answer is of April 2022
    code, out, _ = run("history", CASE, "--body", "College of Policing")
    assert [line for line in out.splitlines() if line and not line.startswith(" ")] == ["Action 5.1"]
    code, out, _ = run("history", CASE, "--as-of", "2023-01-01", "--delivery", "lapsed")
    assert [line for line in out.splitlines() if line and not line.startswith(" ")] == ["Action 5.1"]
    code, out, _ = run("history", CASE, "--body", "Lincolnshire Police", "--item", "5.2")
    assert "NPCC, for chief constables" in out  # the group's word concerns every member
    assert "Cambridgeshire" not in out


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
        "2 actions and 6 recommendations",
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


@pytest.mark.parametrize("command", ["validate", "status", "history", "compile", "render", "schema"])
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
    assert not imported & {"jsonschema", "cattrs", "referencing", "jinja2", "holidays", "hypothesis", "rich"}, imported


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
