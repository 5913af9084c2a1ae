"""Rules on responses and dates of schema 1.1: joint responders, whole-group outcomes, undated responses,
bounds, deadlines known to the month, and stated dates that differ from computed ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.rules import check

from .conftest import HESTIA
from .rulekit import errors as _errors
from .rulekit import hestia as _hestia
from .rulekit import report as _report


def _with_rec(case: m.CaseRecord, index: int, **changes: Any) -> m.CaseRecord:
    recs = list(_report(case).recommendations)
    recs[index] = attrs.evolve(recs[index], **changes)
    return attrs.evolve(case, report=attrs.evolve(_report(case), recommendations=tuple(recs)))


def _add(case: m.CaseRecord, response: m.Response) -> tuple[m.CaseRecord, str]:
    return attrs.evolve(case, responses=(*case.responses, response)), f"$.responses[{len(case.responses)}]"


# --------------------------------------------------------------------------------------------------
# Joint responders (SC403)
# --------------------------------------------------------------------------------------------------


def test_a_joint_responder_who_is_addressed_lets_the_response_take_a_position() -> None:
    # 5.4 (r4) is addressed to chief constables and commissioners: a commissioner and a chief constable answer
    # it in one document. 6.1 (r1) is the Home Office's: a force answering it alone takes a position on
    # someone else's recommendation, but not when the Home Office sends the response with it.
    answer = m.ItemResponse(item=m.Ref("r1"), position=m.Position.ACCEPTED)
    alone = m.Response(
        id=m.Id("joint"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2021, 8, 1), items=(answer,)
    )
    case, path = _add(_hestia(), alone)
    assert _errors(check(case)) == [("SC403", f"{path}.items[0].position")]
    jointly = attrs.evolve(alone, joint_responders=(m.Ref("home-office"),))
    case, _ = _add(_hestia(), jointly)
    assert _errors(check(case)) == []


def test_a_response_sent_jointly_by_a_commissioner_and_a_chief_constable() -> None:
    answer = m.ItemResponse(item=m.Ref("r4"), position=m.Position.ACCEPTED, narrative="We agree.")
    response = m.Response(
        id=m.Id("kent-joint"),
        responder=m.Ref("lpb-kent"),
        joint_responders=(m.Ref("force-kent"),),
        signatories=(
            m.Signatory(name="A. Commissioner", role="Police and Crime Commissioner", body=m.Ref("lpb-kent")),
            m.Signatory(name="B. Constable", role="Chief Constable", body=m.Ref("force-kent")),
        ),
        sent=sc.PartialDate(2021, 8, 1),
        items=(answer,),
    )
    case, _ = _add(_hestia(), response)
    assert _errors(check(case)) == []


# --------------------------------------------------------------------------------------------------
# Whole-group member outcomes (SC406)
# --------------------------------------------------------------------------------------------------


def _collated(*outcomes: m.MemberOutcome, on_behalf_of: str = "chief-constables") -> tuple[m.CaseRecord, str]:
    response = m.Response(
        id=m.Id("npcc-2021"),
        responder=m.Ref("npcc"),
        on_behalf_of=m.Ref(on_behalf_of),
        sent=sc.PartialDate(2021, 11, 1),
        items=(m.ItemResponse(item=m.Ref("r2"), member_outcomes=outcomes),),
    )
    case, path = _add(_hestia(), response)
    return case, f"{path}.items[0].memberOutcomes"


def _group(group_id: str, *members: str) -> m.Group:
    return m.Group(id=m.Id(group_id), name=group_id.replace("-", " "), members=tuple(m.Ref(x) for x in members))


def test_an_outcome_for_the_whole_group_with_exceptions() -> None:
    outcome = m.MemberOutcome(
        member=m.Ref("chief-constables"),
        except_members=(m.Ref("force-kent"), m.Ref("force-cambridgeshire")),
        position=m.Position.ACCEPTED,
    )
    case, _ = _collated(outcome)
    assert _errors(check(case)) == []


def test_an_outcome_for_a_group_of_members_is_allowed_and_for_another_group_is_not() -> None:
    south_east = _group("south-east-forces", "force-kent", "force-surrey")
    outcome = m.MemberOutcome(member=m.Ref(south_east.id), position=m.Position.ACCEPTED)
    case, path = _collated(outcome)
    assert _errors(check(attrs.evolve(case, groups=(south_east,)))) == []
    outcome = m.MemberOutcome(member=m.Ref("local-policing-bodies"), position=m.Position.ACCEPTED)
    case, path = _collated(outcome)
    assert _errors(check(case)) == [("SC406", f"{path}[0]")]


def test_exceptions_are_members_of_the_outcome_group() -> None:
    south_east = _group("south-east-forces", "force-kent", "force-surrey")
    outcome = m.MemberOutcome(
        member=m.Ref(south_east.id),
        except_members=(m.Ref("force-surrey"), m.Ref("force-cumbria"), m.Ref(south_east.id)),
    )
    case, path = _collated(outcome)
    findings = check(attrs.evolve(case, groups=(south_east,)))
    assert _errors(findings) == [("SC406", f"{path}[0].exceptMembers[1]"), ("SC406", f"{path}[0].exceptMembers[2]")]


def test_an_outcome_for_one_body_has_no_exceptions() -> None:
    outcome = m.MemberOutcome(member=m.Ref("force-kent"), except_members=(m.Ref("force-surrey"),))
    case, path = _collated(outcome)
    findings = check(case)
    assert _errors(findings) == [("SC406", f"{path}[0].exceptMembers[0]")]
    assert [f.message for f in findings if f.code == "SC406"] == [
        "the outcome for Kent Police alone can have no exceptions"
    ]


# --------------------------------------------------------------------------------------------------
# Undated responses (SC409) and bounds (SC308)
# --------------------------------------------------------------------------------------------------


def test_an_undated_response_is_a_warning_not_an_error() -> None:
    # Issue 11 item 2: a force's action plan with no date on it still answers; the rule warns it is undated.
    case = _hestia()
    undated = attrs.evolve(case.responses[0], id=m.Id("cambs-plan"), sent=None, published=None)
    case, path = _add(case, undated)
    findings = check(case)
    assert _errors(findings) == []
    assert [(f.code, f.severity, f.path, f.ids) for f in findings if f.code == "SC409"] == [
        ("SC409", "warning", path, ("cambs-plan",))
    ]


def test_an_undated_response_document_is_a_warning() -> None:
    doc = sc.load(HESTIA / "responses" / "cambridgeshire-2021-07-13.json")
    assert isinstance(doc, m.ResponseDocument)
    undated = attrs.evolve(doc, response=attrs.evolve(doc.response, sent=None, published=None))
    assert [(f.code, f.path) for f in check(undated)] == [("SC409", "$.response")]


@pytest.mark.parametrize("bound", list(m.Bound))
def test_a_bound_needs_a_planned_completion(bound: m.Bound) -> None:
    answer = m.ItemResponse(item=m.Ref("r2"), progress=m.Progress.PLANNED, planned_completion_bound=bound)
    response = m.Response(
        id=m.Id("kent"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2021, 8, 1), items=(answer,)
    )
    case, path = _add(_hestia(), response)
    assert _errors(check(case)) == [("SC308", f"{path}.items[0].plannedCompletionBound")]
    dated = attrs.evolve(answer, planned_completion=sc.PartialDate(2026, 3), planned_completion_as_written="March 26")
    case, _ = _add(_hestia(), attrs.evolve(response, items=(dated,)))
    assert _errors(check(case)) == []


# --------------------------------------------------------------------------------------------------
# Deadlines: month precision, stated dates (SC202, SC307)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("when", [sc.PartialDate(2022, 3), sc.PartialDate(2022)])
def test_a_deadline_known_to_the_month_or_year_resolves(when: sc.PartialDate) -> None:
    case = _with_rec(_hestia(), 4, deadline=m.FixedDeadline(date=when, as_written="in March 2022"))
    report = _report(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if i != "r5")) for r in report.monitoring)
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=routes))
    assert [f.code for f in check(case) if f.code == "SC202"] == []


def test_a_deadline_from_an_event_the_record_does_not_date_warns_and_says_why() -> None:
    case = _hestia()
    case = attrs.evolve(case, report=attrs.evolve(_report(case), published=sc.PartialDate(2021, 5, 26)))
    period = m.PeriodDeadline(amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.REPORT_SENT, counting=m.Counting.AFTER)
    report = _report(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if i != "r5")) for r in report.monitoring)
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=routes))
    findings = [f for f in check(_with_rec(case, 4, deadline=period)) if f.code == "SC202"]
    assert [(f.severity, f.message) for f in findings] == [
        (
            "warning",
            "recommendation 5.5 has no deadline that resolves to a date (six months from the report being "
            "sent to its addressees, because the record does not say when the report was sent to its addressees)",
        )
    ]


def test_a_superseded_recommendation_needs_no_deadline() -> None:
    case = _hestia()
    report = _report(case)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if i != "r5")) for r in report.monitoring)
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=routes))
    assert [f.path for f in check(case) if f.code == "SC202"] == ["$.report.recommendations[4]"]
    link = m.ItemLink(relation=m.LinkRelation.SUPERSEDED_BY, target=m.Ref("r1"))
    assert [f.path for f in check(_with_rec(case, 4, links=(link,))) if f.code == "SC202"] == []


def _stated_case(published: dt.date, stated: dt.date, counting: m.Counting = m.Counting.AFTER) -> m.CaseRecord:
    case = attrs.evolve(_hestia(), responses=())  # the responses would be dated before the report
    case = attrs.evolve(case, report=attrs.evolve(_report(case), published=sc.PartialDate.from_date(published)))
    deadline = m.PeriodDeadline(
        amount=56,
        unit=m.Unit.DAYS,
        anchor=m.Anchor.REPORT_PUBLISHED,
        counting=counting,
        stated_date=stated,
        as_written="within 56 days of the date of this report, namely by ...",
    )
    return _with_rec(case, 5, deadline=deadline)


def test_a_stated_date_one_day_after_the_computed_one_warns_with_the_days() -> None:
    findings = check(_stated_case(dt.date(2024, 4, 1), dt.date(2024, 5, 28)))
    assert _errors(findings) == []
    assert [(f.code, f.severity, f.path, f.message) for f in findings if f.code == "SC307"] == [
        (
            "SC307",
            "warning",
            "$.report.recommendations[5].deadline.statedDate",
            "the deadline of recommendation 5.6: the stated date 28 May 2024 is 1 day later than 56 days from "
            "publication on 1 April 2024, 27 May 2024",
        )
    ]


def test_a_stated_date_before_the_computed_one_says_earlier() -> None:
    findings = check(_stated_case(dt.date(2024, 4, 1), dt.date(2024, 5, 20), m.Counting.BEGINNING_WITH))
    messages = [f.message for f in findings if f.code == "SC307"]
    assert messages == [
        "the deadline of recommendation 5.6: the stated date 20 May 2024 is 6 days earlier than 56 days beginning "
        "with publication on 1 April 2024, 26 May 2024"
    ]


@given(st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 1, 1)), st.integers(-60, 60))
def test_stated_date_warns_exactly_when_it_differs(published: dt.date, shift: int) -> None:
    computed = published + dt.timedelta(days=56)
    findings = [f for f in check(_stated_case(published, computed + dt.timedelta(days=shift))) if f.code == "SC307"]
    assert len(findings) == (shift != 0)
    if shift:
        days = abs(shift)
        assert (
            f" {days} day{'s' if days != 1 else ''} {'later' if shift > 0 else 'earlier'} than " in findings[0].message
        )


def test_a_position_from_a_body_outside_the_regime_is_a_voluntary_answer_not_sc403() -> None:
    import json
    from pathlib import Path

    import supercomplaint as sc

    root = Path(__file__).resolve().parents[1]
    data = json.loads(sc.upgrade((root / "examples" / "hestia" / "case.json").read_bytes()))
    answer = {"item": "r2", "position": "accepted"}
    data["responses"] = [{"id": "psni-1", "responder": "psni", "sent": "2021-09-01", "items": [answer]}]
    codes = [f.code for f in sc.check(sc.loads(json.dumps(data))) if f.severity == "error"]
    assert codes == []
    # the same answer from a force of England and Wales that the item does not address is refused
    data["responses"][0]["responder"] = "npcc"
    data["report"]["recommendations"][1]["addressees"] = ["college-of-policing"]
    codes = [f.code for f in sc.check(sc.loads(json.dumps(data))) if f.severity == "error"]
    assert "SC403" in codes
