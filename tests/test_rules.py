"""The rules: valid documents give no error, and breaking exactly one rule gives exactly that rule's code."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint import strategies as sst
from supercomplaint.rules import RULES, check, rules_markdown
from supercomplaint.rules.context import Context
from supercomplaint.rules.items import stated_counts

from .conftest import HESTIA, ROOT

Breaker = Callable[[m.CaseRecord], tuple[m.CaseRecord, str]]


def _errors(findings: list[sc.Problem]) -> list[sc.Problem]:
    return [f for f in findings if f.severity == sc.Severity.ERROR]


# --------------------------------------------------------------------------------------------------
# Valid documents
# --------------------------------------------------------------------------------------------------


def test_hestia_has_no_errors() -> None:
    for path in sorted(HESTIA.rglob("*.json")):
        doc = sc.load(path)
        assert _errors(check(doc)) == [], path


def test_hestia_warnings_are_the_expected_ones() -> None:
    findings = check(sc.load(HESTIA / "case.json"))
    # Action 5.1 is 'as soon as possible' and 5.2 has no deadline: the regulations give actions no clock.
    assert [(f.code, f.path) for f in findings] == [
        ("SC203", "$.report.actions[0]"),
        ("SC203", "$.report.actions[1]"),
    ]


# Generated documents have no errors: tests/test_rules_wording.py draws 300 of them and checks that too.


# --------------------------------------------------------------------------------------------------
# Breaking exactly one rule
# --------------------------------------------------------------------------------------------------


def _rec(case: m.CaseRecord) -> tuple[m.Report, m.Recommendation]:
    assert case.report is not None
    return case.report, case.report.recommendations[0]


def _with_report(case: m.CaseRecord, **changes: Any) -> m.CaseRecord:
    """The case with its report changed; the counts the report states still cover the items it now holds,
    unless the change sets the stated counts itself."""
    assert case.report is not None
    case = attrs.evolve(case, report=attrs.evolve(case.report, **changes))
    if "stated_counts" in changes:
        return case
    assert case.report is not None
    fitted = tuple(attrs.evolve(c, count=max(c.count, held)) for c, _, held in stated_counts(Context(case)))
    return attrs.evolve(case, report=attrs.evolve(case.report, stated_counts=fitted))


def _with_rec0(case: m.CaseRecord, **changes: Any) -> m.CaseRecord:
    """The case with recommendation 0 changed; setting its addressees makes them known (not 'not captured')."""
    report, rec = _rec(case)
    if "addressees" in changes and "not_captured" not in changes:
        changes["not_captured"] = tuple(d for d in rec.not_captured if d is not m.Detail.ADDRESSEES)
    recs = (attrs.evolve(rec, **changes), *report.recommendations[1:])
    return _with_report(case, recommendations=recs)


def _report_day(case: m.CaseRecord) -> dt.date:
    assert case.report is not None
    when = case.report.sent_to_addressees or case.report.published
    assert when is not None
    return when.earliest


def _day(value: dt.date) -> sc.PartialDate:
    return sc.PartialDate.from_date(value)


def _to_group(case: m.CaseRecord) -> m.CaseRecord:
    """Address recommendation 0 to the case's group only; answers to it stay legitimate."""
    return _with_rec0(case, addressees=(m.Ref(case.groups[0].id),))


def _responder(case: m.CaseRecord) -> m.Ref:
    """A member of the group: owes a response to a recommendation addressed to the group."""
    return case.groups[0].members[0]


def _add_response(case: m.CaseRecord, *answers: m.ItemResponse, **fields: object) -> tuple[m.CaseRecord, int]:
    defaults: dict[str, object] = {
        "id": m.Id("zz-response"),
        "responder": _responder(case),
        "sent": _day(_report_day(case) + dt.timedelta(days=20)),
        "items": answers,
    }
    response = m.Response(**{**defaults, **fields})  # type: ignore[arg-type]
    return attrs.evolve(case, responses=(*case.responses, response)), len(case.responses)


def _answer(case: m.CaseRecord, **fields: object) -> m.ItemResponse:
    _, rec = _rec(case)
    return m.ItemResponse(item=m.Ref(rec.id), **fields)  # type: ignore[arg-type]


def _without_answers_to(case: m.CaseRecord, item: str) -> m.CaseRecord:
    kept = tuple(r for r in case.responses if all(a.item != item for a in r.items))
    return attrs.evolve(case, responses=kept)


def b101(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    return attrs.evolve(case, bodies=(*case.bodies, case.bodies[0])), f"$.bodies[{len(case.bodies)}]"


def b102(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    ghost = m.Participant(as_written="Nobody", ref=m.Ref("no-such-body"))
    return _with_rec0(case, consultees=(*rec.consultees, ghost)), (
        f"$.report.recommendations[0].consultees[{len(rec.consultees)}].ref"
    )


def b103(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    report, rec = _rec(case)
    other = m.Recommendation(
        id=m.Id("zz-rec"),
        addressees=rec.addressees,
        text="Another recommendation.",
        parts=(m.Part(id=m.Id("zz-part"), text="A part of it."),),
        deadline=m.FixedDeadline(date=_report_day(case) + dt.timedelta(days=100)),
    )
    case = _with_report(case, recommendations=(*report.recommendations, other))
    case, index = _add_response(case, _answer(case, parts=(m.Ref("zz-part"),)))
    return case, f"$.responses[{index}].items[0].parts[0]"


def b104(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    empty = m.Group(id=m.Id("zz-empty"), name="Nobody at all", members=())
    return attrs.evolve(case, groups=(*case.groups, empty)), f"$.groups[{len(case.groups)}]"


def b201(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    case = _without_answers_to(case, rec.id)
    return _with_rec0(case, addressees=()), "$.report.recommendations[0]"


def b202(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    report, rec = _rec(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if str(i) != rec.id)) for r in report.monitoring)
    case = _with_report(case, monitoring=routes)
    return _with_rec0(case, deadline=m.OpenDeadline(as_written="as soon as possible")), "$.report.recommendations[0]"


def b203(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    assert case.report is not None
    action = m.Action(
        id=m.Id("zz-action"), owner=case.complaint.decision_makers[0], text="We will.", deadline=m.NoDeadline()
    )
    return _with_report(case, actions=(*case.report.actions, action)), f"$.report.actions[{len(case.report.actions)}]"


def b204(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    assert case.report is not None
    action = m.Action(
        id=m.Id("zz-action"),
        owner=case.complaint.complainants[0],
        text="We will.",
        deadline=m.FixedDeadline(date=_report_day(case) + dt.timedelta(days=30)),
    )
    return _with_report(case, actions=(*case.report.actions, action)), f"$.report.actions[{len(case.report.actions)}]"


def b205(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    case = _without_answers_to(case, rec.id)
    return _with_rec0(case, addressees=(case.complaint.decision_makers[1],)), "$.report.recommendations[0]"


def b206(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _with_report(_to_group(case), monitoring=())
    return case, "$.report.recommendations[0].addressees[0]"


def _route(
    case: m.CaseRecord, route_id: str, reporter: str, recipient: str, **fields: object
) -> m.MonitoringObligation:
    return m.MonitoringObligation(
        id=m.Id(route_id),
        reporter=m.Ref(reporter),
        recipient=m.Ref(recipient),
        items=(),
        **fields,  # type: ignore[arg-type]
    )


def b207(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    assert case.report is not None
    a, b = case.complaint.complainants[0], case.complaint.decision_makers[2]
    routes = (*case.report.monitoring, _route(case, "zz-1", a, b), _route(case, "zz-2", b, a))
    return _with_report(case, monitoring=routes), f"$.report.monitoring[{len(routes) - 1}]"


def b208(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    past = m.FixedDeadline(date=_report_day(case) - dt.timedelta(days=1))
    return _with_rec0(case, deadline=past), "$.report.recommendations[0].deadline"


def b209(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    assert case.report is not None
    route = _route(
        case,
        "zz-route",
        case.complaint.complainants[0],
        case.complaint.decision_makers[0],
        on_behalf_of=m.Ref(case.groups[0].id),
    )
    routes = (*case.report.monitoring, route)
    return _with_report(case, monitoring=routes), f"$.report.monitoring[{len(routes) - 1}]"


def b210(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)  # known addressees: an item whose addressees are not captured is not checked
    report, rec = _rec(case)
    route = attrs.evolve(
        _route(case, "zz-route", case.complaint.complainants[0], case.complaint.decision_makers[0]),
        items=(m.Ref(rec.id),),
    )
    routes = (*report.monitoring, route)
    return _with_report(case, monitoring=routes), f"$.report.monitoring[{len(routes) - 1}].items[0]"


def b301(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    received = case.complaint.received
    assert received is not None
    early = _day(received.earliest - dt.timedelta(days=1))
    return attrs.evolve(case, complaint=attrs.evolve(case.complaint, acknowledged=early)), "$.complaint.acknowledged"


def b302(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case), sent=_day(_report_day(case) - dt.timedelta(days=1)))
    return case, f"$.responses[{index}].sent"


def b303(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    received = case.complaint.received
    assert received is not None
    assert case.complaint.eligibility is not None
    late = _day(received.earliest + dt.timedelta(days=15))
    complaint = attrs.evolve(
        case.complaint, acknowledged=late, eligibility=attrs.evolve(case.complaint.eligibility, date=None)
    )
    return attrs.evolve(case, complaint=complaint), "$.complaint.acknowledged"


def b304(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    planned = sc.PartialDate(_report_day(case).year - 1)
    case, index = _add_response(case, _answer(case, planned_completion=planned))
    return case, f"$.responses[{index}].items[0].plannedCompletion"


def b305(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    start = _report_day(case)
    case, index = _add_response(
        case,
        _answer(case),
        sent=_day(start + dt.timedelta(days=20)),
        published=_day(start + dt.timedelta(days=10)),
    )
    return case, f"$.responses[{index}].published"


def b306(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    assessment = m.Assessment(
        id=m.Id("zz-assessment"),
        assessor=case.complaint.decision_makers[0],
        item=m.Ref(rec.id),
        date=_day(_report_day(case) - dt.timedelta(days=1)),
        status=m.AssessmentStatus.AWAITING_REVIEW,
    )
    return attrs.evolve(
        case, assessments=(*case.assessments, assessment)
    ), f"$.assessments[{len(case.assessments)}].date"


def b401(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    refusal = m.EligibilityDecision(outcome=m.Eligibility.NOT_ELIGIBLE)
    complaint = attrs.evolve(case.complaint, eligibility=refusal)
    # Without a report nothing refers to its items: no responses, assessments or follow-ups.
    case = attrs.evolve(case, complaint=complaint, report=None, responses=(), assessments=(), follow_ups=())
    return case, "$.complaint.eligibility"


def b402(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    refusal = m.EligibilityDecision(outcome=m.Eligibility.NOT_ELIGIBLE, reasons="It repeats an earlier complaint.")
    return attrs.evolve(case, complaint=attrs.evolve(case.complaint, eligibility=refusal)), "$.report"


def b403(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)  # known addressees: an item whose addressees are not captured is not checked
    case, index = _add_response(
        case, _answer(case, position=m.Position.ACCEPTED), responder=case.complaint.complainants[0]
    )
    return case, f"$.responses[{index}].items[0].position"


def b404(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case, position=m.Position.NOT_ACCEPTED))
    return case, f"$.responses[{index}].items[0]"


def b405(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case, position=m.Position.PARTIALLY_ACCEPTED, narrative="Some."))
    return case, f"$.responses[{index}].items[0]"


def b406(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    group = case.groups[0]
    outcome = m.MemberOutcome(member=case.complaint.decision_makers[0], position=m.Position.ACCEPTED)
    case, index = _add_response(
        case, _answer(case, member_outcomes=(outcome,)), responder=group.collator, on_behalf_of=m.Ref(group.id)
    )
    return case, f"$.responses[{index}].items[0].memberOutcomes[0]"


def b407(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = attrs.evolve(_to_group(case), responses=())
    start = _report_day(case)
    case, _ = _add_response(
        case, _answer(case, progress=m.Progress.COMPLETED), id=m.Id("zz-first"), sent=_day(start + dt.timedelta(days=3))
    )
    case, index = _add_response(
        case,
        _answer(case, progress=m.Progress.NOT_STARTED),
        id=m.Id("zz-second"),
        sent=_day(start + dt.timedelta(days=900)),
    )
    return case, f"$.responses[{index}].items[0]"


def b408(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case), _answer(case))
    return case, f"$.responses[{index}].items[1]"


def b105(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    link = m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref(rec.id))
    return _with_rec0(case, links=(*rec.links, link)), f"$.report.recommendations[0].links[{len(rec.links)}].target"


def b105_own_predecessor(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    body = case.bodies[0]
    itself = attrs.evolve(body, predecessors=(*body.predecessors, m.Ref(body.id)))
    case = attrs.evolve(case, bodies=(itself, *case.bodies[1:]))
    return case, f"$.bodies[0].predecessors[{len(body.predecessors)}]"


def b106(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case), joint_responders=(_responder(case),))
    return case, f"$.responses[{index}].jointResponders[0]"


def b107(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    # a chain of groups one deeper than the format allows, ending in a body the case defines
    depth = 33
    chain = tuple(
        m.Group(
            id=m.Id(f"zz-chain-{k}"),
            name=f"Chain {k}",
            members=(m.Ref(f"zz-chain-{k + 1}" if k + 1 < depth else case.bodies[0].id),),
        )
        for k in range(depth)
    )
    return attrs.evolve(case, groups=(*case.groups, *chain)), f"$.groups[{len(case.groups)}]"


def b213(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    period = m.PeriodDeadline(
        amount=101, unit=m.Unit.YEARS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER
    )
    return _with_rec0(case, deadline=period), "$.report.recommendations[0].deadline.amount"


def _stated(case: m.CaseRecord, *counts: int) -> m.CaseRecord:
    """The report states only these totals of recommendations."""
    stated = tuple(m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=n) for n in counts)
    return _with_report(case, stated_counts=stated)


def b211(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    report, _ = _rec(case)
    return _stated(case, len(report.recommendations) - 1), "$.report.statedCounts[0]"


def b212(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    report, _ = _rec(case)
    held = len(report.recommendations)
    return _stated(case, held + 5, held + 6), "$.report.statedCounts[1]"


def _published(case: m.CaseRecord) -> dt.date:
    assert case.report is not None
    assert case.report.published is not None
    return case.report.published.earliest


def b307(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    period = m.PeriodDeadline(amount=56, unit=m.Unit.DAYS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER)
    stated = _published(case) + dt.timedelta(days=57)
    case = _with_rec0(case, deadline=attrs.evolve(period, stated_date=stated))
    return case, "$.report.recommendations[0].deadline.statedDate"


def b308(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case, planned_completion_bound=m.Bound.EARLIEST))
    return case, f"$.responses[{index}].items[0].plannedCompletionBound"


def b409(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _to_group(case)
    case, index = _add_response(case, _answer(case), sent=None, published=None)
    return case, f"$.responses[{index}]"


def b501(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    return _with_rec0(case, text=None), "$.report.recommendations[0]"


def b502(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    cut = m.Provenance(fidelity=m.TextFidelity.TRUNCATED, note="as reproduced in a force's action plan")
    return _with_rec0(case, provenance=cut), "$.report.recommendations[0].provenance.fidelity"


def b503(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    case = _with_rec0(case, addressees=(), not_captured=(m.Detail.ADDRESSEES,))
    return case, "$.report.recommendations[0].notCaptured[0]"


def b504(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    report, rec = _rec(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if str(i) != rec.id)) for r in report.monitoring)
    case = _with_report(case, monitoring=routes)
    return _with_rec0(case, deadline=m.NotCapturedDeadline()), "$.report.recommendations[0].deadline"


def b505(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    report, _ = _rec(case)
    return _stated(case, len(report.recommendations) + 3), "$.report.statedCounts[0]"


def b506(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    away = m.Body(id=m.Id("zz-away"), name="A force far away", kind=m.BodyKind.OTHER_POLICE_FORCE, outside_regime=True)
    case = attrs.evolve(case, bodies=(*case.bodies, away))
    case = _with_rec0(case, addressees=(*rec.addressees, m.Ref(away.id)))
    return case, f"$.report.recommendations[0].addressees[{len(rec.addressees)}]"


def b507(case: m.CaseRecord) -> tuple[m.CaseRecord, str]:
    _, rec = _rec(case)
    kept = tuple(d for d in rec.not_captured if d is not m.Detail.TITLE)
    case = _with_rec0(case, title="A title", not_captured=(*kept, m.Detail.TITLE))
    return case, f"$.report.recommendations[0].notCaptured[{len(kept)}]"


BREAKERS: list[tuple[str, Breaker]] = sorted(
    (
        (f"SC{found[1]}", func)
        for name, func in dict(globals()).items()
        if (found := re.fullmatch(r"b(\d{3})(_\w+)?", name)) is not None
    ),
    key=lambda pair: pair[0],
)
"""Every way of breaking each rule: ``bNNN`` breaks rule SCNNN, and ``bNNN_what`` breaks it another way."""


def test_every_rule_has_a_breaker() -> None:
    assert {code for code, _ in BREAKERS} == set(RULES)


def _breaking_fails(code: str, breaker: Breaker, case: m.CaseRecord) -> str | None:
    """Why breaking rule ``code`` on ``case`` did not give exactly that rule's code, or None when it did."""
    broken, path = breaker(case)
    findings = check(broken)
    if (code, path) not in {(f.code, f.path) for f in findings}:
        return f"{code} ({breaker.__name__}): expected at {path}, found {[(f.code, f.path) for f in findings]}"
    errors = _errors(findings)
    if RULES[code].severity == sc.Severity.ERROR:
        if {f.code for f in errors} != {code}:
            others = [(f.code, f.path, f.message) for f in errors if f.code != code]
            return f"{code} ({breaker.__name__}): other errors too: {others}"
    elif errors:
        return (
            f"{code} ({breaker.__name__}): a warning rule, yet errors: {[(f.code, f.path, f.message) for f in errors]}"
        )
    # A broken document is still a loadable document: the rules are not the schema.
    if sc.loads(sc.dumps(broken)) != broken:
        return f"{code} ({breaker.__name__}): the broken document does not round-trip"
    return None


@given(case=sst.case_records())
def test_breaking_one_rule_gives_exactly_its_code(case: m.CaseRecord) -> None:
    # Every rule is broken on every generated case (one generation serves all the rules).
    failures = [why for code, breaker in BREAKERS if (why := _breaking_fails(code, breaker, case)) is not None]
    assert failures == []


# --------------------------------------------------------------------------------------------------
# The must-shows on the real example, and the registry around the rules
# --------------------------------------------------------------------------------------------------


def _hestia_data() -> dict[str, object]:
    data: dict[str, object] = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    return data


def test_removing_every_addressee_is_sc201_at_that_recommendation() -> None:
    data = _hestia_data()
    data["report"]["recommendations"][1]["addressees"] = []  # type: ignore[index]
    data["responses"] = []
    findings = check(sc.loads(json.dumps(data)))
    assert [(f.code, f.path) for f in _errors(findings)] == [("SC201", "$.report.recommendations[1]")]


def test_removing_deadline_and_routes_is_an_sc202_warning_at_that_recommendation() -> None:
    data = _hestia_data()
    report = data["report"]
    report["recommendations"][4].pop("deadline", None)  # type: ignore[index]
    for route in report["monitoring"]:  # type: ignore[index]
        route["items"] = [i for i in route["items"] if i != "r5"]
    findings = check(sc.loads(json.dumps(data)))
    assert _errors(findings) == []
    # Issue 11 item 5: a source that states no deadline is recorded faithfully; the finding is a warning.
    assert [(f.code, f.path, f.ids, f.severity) for f in findings if f.code == "SC202"] == [
        ("SC202", "$.report.recommendations[4]", ("r5",), sc.Severity.WARNING)
    ]


def test_select_and_ignore() -> None:
    case = sc.load(HESTIA / "case.json")
    assert [f.code for f in check(case, ignore=["SC203"])] == []
    assert {f.code for f in check(case, select=["SC2"])} == {"SC203"}
    assert check(case, select=["SC1"]) == []
    with pytest.raises(ValueError, match="SC999"):
        check(case, select=["SC999"])


def test_findings_are_problems_with_everything_filled_in() -> None:
    doc = sc.load(HESTIA / "case.json")
    for finding in check(doc):
        assert isinstance(finding, sc.Problem)
        assert finding.code in RULES
        assert finding.severity == RULES[finding.code].severity
        assert finding.path.startswith("$")
        assert finding.ids
        assert finding.message


def test_rules_have_their_metadata() -> None:
    for code, rule in RULES.items():
        assert code == rule.code
        assert code.startswith("SC")
        assert len(code) == 5
        assert rule.summary.endswith(".")
        assert rule.explanation
        assert rule.source


def test_docs_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: run `python -m supercomplaint.rules > docs/rules.md`"


def test_docs_lists_every_code() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in RULES:
        assert f"## {code}" in text


def test_response_document_is_checked_on_its_own(tmp_path: Path) -> None:
    doc = sc.load(HESTIA / "responses" / "cambridgeshire-2021-07-13.json")
    assert isinstance(doc, m.ResponseDocument)
    assert check(doc) == []
    ghost = attrs.evolve(doc, response=attrs.evolve(doc.response, responder=m.Ref("force-atlantis")))
    assert [(f.code, f.path) for f in check(ghost)] == [("SC102", "$.response.responder")]


@given(st.data())
def test_hestia_with_a_progress_reversal_warns(data: st.DataObject) -> None:
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, m.CaseRecord)
    first = m.Response(
        id=m.Id("cambs-later"),
        responder=m.Ref("force-cambridgeshire"),
        sent=sc.PartialDate(2021, 9, 1),
        items=(m.ItemResponse(item=m.Ref("r3"), progress=m.Progress.COMPLETED),),
    )
    second_progress = data.draw(st.sampled_from([m.Progress.NOT_STARTED, m.Progress.PLANNED, m.Progress.IN_PROGRESS]))
    second = m.Response(
        id=m.Id("cambs-even-later"),
        responder=m.Ref("force-cambridgeshire"),
        sent=sc.PartialDate(2022, 1, 10),
        items=(m.ItemResponse(item=m.Ref("r3"), progress=second_progress),),
    )
    broken = attrs.evolve(case, responses=(*case.responses, first, second))
    codes = [(f.code, f.path) for f in check(broken)]
    assert ("SC407", f"$.responses[{len(case.responses) + 1}].items[0]") in codes
