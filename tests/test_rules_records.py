"""What the record does not hold (SC5xx), and the must-show of issue 10: a record built from partial sources
validates, and its findings say, as warnings or notes, what is missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.rules import RULES, check

from .conftest import HESTIA, ROOT
from .rulekit import hestia as _hestia
from .rulekit import report as _report

PARTIAL = ROOT / "tests" / "data" / "partial-record.json"


def _errors(findings: list[sc.Problem]) -> list[sc.Problem]:
    return [f for f in findings if f.severity == sc.Severity.ERROR]


def _with_rec(case: m.CaseRecord, index: int, **changes: Any) -> m.CaseRecord:
    report = _report(case)
    recs = list(report.recommendations)
    recs[index] = attrs.evolve(recs[index], **changes)
    return attrs.evolve(case, report=attrs.evolve(report, recommendations=tuple(recs)))


def _with_action(case: m.CaseRecord, index: int, **changes: Any) -> m.CaseRecord:
    report = _report(case)
    actions = list(report.actions)
    actions[index] = attrs.evolve(actions[index], **changes)
    return attrs.evolve(case, report=attrs.evolve(report, actions=tuple(actions)))


# --------------------------------------------------------------------------------------------------
# The partial record (issue 10, must show)
# --------------------------------------------------------------------------------------------------


def _partial() -> m.CaseRecord:
    text = PARTIAL.read_text(encoding="utf-8")
    doc = sc.loads(text)
    assert isinstance(doc, m.CaseRecord)
    return doc


def test_partial_record_is_schema_1_1_and_valid_against_the_schema() -> None:
    data = json.loads(PARTIAL.read_text(encoding="utf-8"))
    assert data["schemaVersion"] == "1.1"
    assert sc.validate(data).problems == ()


def test_partial_record_has_no_error_and_says_what_is_missing() -> None:
    findings = check(_partial())
    assert _errors(findings) == []
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("SC501", "note", "$.report.actions[0]"),  # text unknown
        ("SC504", "note", "$.report.actions[0].deadline"),  # deadline not captured
        ("SC504", "note", "$.report.monitoring[0].deadline"),
        ("SC504", "note", "$.report.recommendations[1].deadline"),
        ("SC502", "note", "$.report.recommendations[1].provenance.fidelity"),  # text cut off
        ("SC202", "warning", "$.report.recommendations[2]"),  # the source states no deadline
        ("SC502", "note", "$.report.recommendations[2].provenance.fidelity"),  # a paraphrase
        ("SC501", "note", "$.report.recommendations[3]"),  # known by number only
        ("SC504", "note", "$.report.recommendations[3].deadline"),
        ("SC503", "note", "$.report.recommendations[3].notCaptured[0]"),
        ("SC505", "note", "$.report.statedCounts[0]"),  # fewer items than the report states
        ("SC505", "note", "$.report.statedCounts[1]"),
        ("SC505", "note", "$.report.statedCounts[2]"),
        ("SC409", "warning", "$.responses[0]"),  # an undated response
    ]


def test_partial_record_messages_say_what_is_missing_in_words() -> None:
    messages = {(f.code, f.path): f.message for f in check(_partial())}
    assert (
        messages[("SC505", "$.report.statedCounts[1]")]
        == "the record holds 4 of the 12 recommendations the report states"
    )
    assert messages[("SC505", "$.report.statedCounts[2]")] == (
        "the record holds 2 of the 8 recommendations to Chief constables of the territorial forces that the report "
        "states"
    )
    assert messages[("SC503", "$.report.recommendations[3].notCaptured[0]")] == (
        "the addressees of recommendation 8 are not captured"
    )
    assert messages[("SC504", "$.report.recommendations[3].deadline")] == (
        "the deadline of recommendation 8 is not captured (the source at hand says 'progress updates')"
    )
    assert messages[("SC502", "$.report.recommendations[1].provenance.fidelity")] == (
        "the text of recommendation 2 is cut off in the source at hand (taken from Stalking action plan (illustrative))"
    )
    assert "Kent Police" in messages[("SC409", "$.responses[0]")]
    # No internal id where a person reads these notes.
    for (code, _), message in messages.items():
        if RULES[code].severity == sc.Severity.NOTE:
            assert "'r" not in message, message
            assert "'a1'" not in message, message


def test_partial_record_answer_on_an_item_whose_addressees_are_unknown_is_not_sc403() -> None:
    # The NPCC accepts recommendation 8, whose addressees the record does not know: nobody can tell it is wrong.
    assert [f for f in check(_partial()) if f.code in {"SC403", "SC201", "SC210"}] == []


# --------------------------------------------------------------------------------------------------
# SC501-SC507 one by one
# --------------------------------------------------------------------------------------------------


def test_a_part_without_text_is_noted() -> None:
    case = _hestia()
    rec = _report(case).recommendations[1]
    parts = (attrs.evolve(rec.parts[0], text=None), *rec.parts[1:])
    findings = check(_with_rec(case, 1, parts=parts))
    assert [(f.code, f.path, f.message) for f in findings if f.code == "SC501"] == [
        ("SC501", "$.report.recommendations[1].parts[0]", "the text of part a) of recommendation 5.2 is not captured")
    ]


@pytest.mark.parametrize(
    ("fidelity", "words"),
    [
        (m.TextFidelity.SUMMARY, "is a summary, not the source's own words"),
        (m.TextFidelity.PARAPHRASE, "is a paraphrase, not the source's own words"),
        (m.TextFidelity.TRUNCATED, "is cut off in the source at hand"),
    ],
)
def test_non_verbatim_text_is_a_note_never_an_error(fidelity: m.TextFidelity, words: str) -> None:
    case = _with_rec(_hestia(), 2, provenance=m.Provenance(fidelity=fidelity))
    findings = check(case)
    assert _errors(findings) == []
    assert [(f.code, f.severity, f.message) for f in findings if f.code == "SC502"] == [
        ("SC502", "note", f"the text of recommendation 5.3 {words}")
    ]


def test_verbatim_provenance_says_nothing_and_gives_no_finding() -> None:
    # Decided: a provenance that says 'verbatim' with no source and no note is the default spelled out; quiet.
    case = _with_rec(_hestia(), 2, provenance=m.Provenance())
    assert [f.code for f in check(case)] == ["SC203", "SC203"]


@pytest.mark.parametrize(
    ("detail", "changes", "message"),
    [
        (m.Detail.TITLE, {}, "the title of recommendation 5.3 is not captured"),
        (m.Detail.PARTS, {}, "the parts of recommendation 5.3 are not captured"),
        (m.Detail.EVIDENCE_REQUIREMENTS, {}, "the evidence requirements of recommendation 5.3 are not captured"),
        (m.Detail.ADDRESSEES, {"addressees": ()}, "the addressees of recommendation 5.3 are not captured"),
    ],
)
def test_each_detail_not_captured_is_noted(detail: m.Detail, changes: dict[str, Any], message: str) -> None:
    case = _with_rec(_hestia(), 2, not_captured=(detail,), **changes)
    findings = check(case)
    assert _errors(findings) == []
    assert [(f.code, f.path, f.message) for f in findings if f.code == "SC503"] == [
        ("SC503", "$.report.recommendations[2].notCaptured[0]", message)
    ]


def test_addressees_not_captured_is_a_note_and_empty_addressees_otherwise_an_error() -> None:
    case = attrs.evolve(_hestia(), responses=())
    unknown = check(_with_rec(case, 2, addressees=(), not_captured=(m.Detail.ADDRESSEES,)))
    assert _errors(unknown) == []
    missing = check(_with_rec(case, 2, addressees=()))
    assert [(f.code, f.path) for f in _errors(missing)] == [("SC201", "$.report.recommendations[2]")]


@pytest.mark.parametrize(
    ("detail", "changes", "message"),
    [
        (
            m.Detail.TITLE,
            {"title": "Victims"},
            "the title of recommendation 5.3 is listed as not captured, yet the record has it",
        ),
        (
            m.Detail.PARTS,
            {"parts": (m.Part(id=m.Id("r3-x"), text="A part."),)},
            "the parts of recommendation 5.3 are listed as not captured, yet the record has them",
        ),
        (
            m.Detail.EVIDENCE_REQUIREMENTS,
            {"evidence_requirements": ("A copy of the policy.",)},
            "the evidence requirements of recommendation 5.3 are listed as not captured, yet the record has them",
        ),
        (
            m.Detail.ADDRESSEES,
            {},
            "the addressees of recommendation 5.3 are listed as not captured, yet the record has them",
        ),
    ],
)
def test_a_detail_both_not_captured_and_recorded_is_an_error(
    detail: m.Detail, changes: dict[str, Any], message: str
) -> None:
    findings = check(_with_rec(_hestia(), 2, not_captured=(detail,), **changes))
    assert [(f.code, f.path, f.message) for f in _errors(findings)] == [
        ("SC507", "$.report.recommendations[2].notCaptured[0]", message)
    ]


def test_an_action_lists_no_addressees_as_not_captured() -> None:
    findings = check(_with_action(_hestia(), 0, not_captured=(m.Detail.ADDRESSEES,)))
    assert [(f.code, f.path) for f in _errors(findings)] == [("SC507", "$.report.actions[0].notCaptured[0]")]


def test_a_not_captured_deadline_is_a_note_not_sc202_or_sc203() -> None:
    case = _with_action(_hestia(), 0, deadline=m.NotCapturedDeadline())
    report = _report(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if i != "r5")) for r in report.monitoring)
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=routes))
    case = _with_rec(case, 4, deadline=m.NotCapturedDeadline(as_written="in due course"))
    findings = check(case)
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("SC504", "note", "$.report.actions[0].deadline"),
        ("SC203", "warning", "$.report.actions[1]"),
        ("SC504", "note", "$.report.recommendations[4].deadline"),
    ]


def test_a_covering_route_whose_deadline_is_not_captured_is_not_sc202() -> None:
    # r5 (5.5) is covered only by m1; with m1's deadline not captured, SC504 notes m1 and SC202 stays quiet.
    case = _hestia()
    report = _report(case)
    routes = (attrs.evolve(report.monitoring[0], deadline=m.NotCapturedDeadline()), *report.monitoring[1:])
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=routes))
    case = _with_rec(case, 4, deadline=m.NoDeadline())
    findings = [f for f in check(case) if f.code in {"SC202", "SC504"}]
    assert [(f.code, f.path) for f in findings] == [("SC504", "$.report.monitoring[0].deadline")]


def test_a_follow_up_deadline_not_captured_is_noted_with_its_date() -> None:
    case = _hestia()
    follow_up = m.FollowUp(
        id=m.Id("f1"),
        sender=m.Ref("hmicfrs"),
        recipients=(m.Ref("home-office"),),
        items=(m.Ref("r1"),),
        date=sc.PartialDate(2022, 6, 1),
        deadline=m.NotCapturedDeadline(),
    )
    findings = check(attrs.evolve(case, follow_ups=(follow_up,)))
    assert [(f.code, f.path, f.message) for f in findings if f.code == "SC504"] == [
        (
            "SC504",
            "$.followUps[0].deadline",
            "the deadline of the follow-up from His Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
            "of 1 June 2022 is not captured",
        )
    ]


def test_outside_regime_addressee_and_reporter_are_notes() -> None:
    case = _with_rec(_hestia(), 2, addressees=(m.Ref("chief-constables"), m.Ref("psni")))
    report = _report(case)
    route = m.MonitoringObligation(
        id=m.Id("m9"), reporter=m.Ref("psni"), recipient=m.Ref("hmicfrs"), items=(m.Ref("r3"),)
    )
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=(*report.monitoring, route)))
    findings = check(case)
    assert _errors(findings) == []
    notes = [(f.path, f.message) for f in findings if f.code == "SC506"]
    assert notes == [
        (
            "$.report.monitoring[5].reporter",
            "Police Service of Northern Ireland is outside the regime's territory (England and Wales): it owes no "
            "report under the regulations, and its report under the monitoring route from Police Service of Northern "
            "Ireland to His Majesty's Inspectorate of Constabulary and Fire & Rescue Services is voluntary",
        ),
        (
            "$.report.recommendations[2].addressees[1]",
            "Police Service of Northern Ireland is outside the regime's territory (England and Wales): it owes "
            "nothing on recommendation 5.3 under the regulations, and its answer is voluntary",
        ),
    ]


def test_stated_counts_equal_to_the_record_say_nothing() -> None:
    case = _hestia()
    report = _report(case)
    stated = (
        m.StatedCount(of=m.CountOf.ACTIONS, count=2),
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=6),
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=3, addressee=m.Ref("chief-constables")),
        m.StatedCount(of=m.CountOf.ACTIONS, count=1, addressee=m.Ref("hmicfrs")),
    )
    case = attrs.evolve(case, report=attrs.evolve(report, stated_counts=stated))
    assert [f.code for f in check(case)] == ["SC203", "SC203"]


def test_more_recommendations_to_one_addressee_than_stated_is_an_error() -> None:
    case = _hestia()
    report = _report(case)
    stated = (m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=2, addressee=m.Ref("chief-constables")),)
    case = attrs.evolve(case, report=attrs.evolve(report, stated_counts=stated))
    assert [(f.code, f.path, f.message) for f in _errors(check(case))] == [
        (
            "SC211",
            "$.report.statedCounts[0]",
            "the record holds 3 recommendations to Chief constables of the territorial forces, but the report states 2",
        )
    ]


def test_two_stated_totals_that_differ_are_an_error() -> None:
    case = _hestia()
    report = _report(case)
    stated = (
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=6),
        m.StatedCount(of=m.CountOf.ACTIONS, count=7),
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=7),
    )
    case = attrs.evolve(case, report=attrs.evolve(report, stated_counts=stated))
    assert [(f.code, f.path, f.message) for f in _errors(check(case))] == [
        (
            "SC212",
            "$.report.statedCounts[2]",
            "the report's count of recommendations is stated twice, as 6 and as 7",
        )
    ]


def test_partial_record_validates_on_the_command_line_with_exit_0() -> None:
    import io

    from supercomplaint.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(PARTIAL)], stdout=out, stderr=err)
    assert code == 0, out.getvalue() + err.getvalue()
    assert "0 errors" in out.getvalue()
    assert "SC505" in out.getvalue()
    assert "note" in out.getvalue()


@pytest.mark.parametrize("path", [PARTIAL, ROOT / "examples" / "illustrative-vaw" / "case.json", HESTIA / "case.json"])
def test_findings_on_real_shaped_records_are_well_formed(path: Path) -> None:
    doc = sc.load(path)
    findings = check(doc)
    assert _errors(findings) == []
    for finding in findings:
        rule = RULES[finding.code]
        assert finding.severity == rule.severity
        assert finding.path.startswith("$")
        assert finding.ids
        assert finding.message
