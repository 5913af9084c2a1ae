"""Obligations: who owes what to whom, by when, and where each stands as of a date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.partialdate import PartialDate
from supercomplaint.registry import UnknownRefError
from supercomplaint.strategies import case_records
from supercomplaint.tracker import (
    DeliveryState,
    Obligation,
    ObligationKind,
    ObligationState,
    evidence_date,
    obligations,
    tally,
)

from .conftest import HESTIA

S = ObligationState
DUE = dt.date(2021, 11, 26)


def _load(name: str) -> m.CaseRecord:
    case = sc.load(HESTIA / name)
    assert isinstance(case, m.CaseRecord)
    return case


@pytest.fixture(scope="module")
def hestia() -> m.CaseRecord:
    return _load("case.json")


@pytest.fixture(scope="module")
def at_publication() -> m.CaseRecord:
    return _load("case-at-publication.json")


def _index(found: list[Obligation]) -> dict[tuple[str, str], Obligation]:
    index: dict[tuple[str, str], Obligation] = {(o.ref, o.body): o for o in found}
    assert len(index) == len(found), "one obligation per (source, body)"
    return index


def _with(case: m.CaseRecord, *responses: m.Response) -> m.CaseRecord:
    return attrs.evolve(case, responses=(*case.responses, *responses))


def _day(text: str) -> PartialDate:
    return PartialDate.parse(text)


# --------------------------------------------------------------------------------------------------
# Must show: the Hestia example


def test_hestia_on_the_day_of_cambridgeshires_paper_nothing_is_overdue(hestia: m.CaseRecord) -> None:
    found = obligations(hestia, dt.date(2021, 7, 13))
    assert found
    assert not [o for o in found if o.state is S.OVERDUE]
    counts = tally(found)
    assert counts[S.OVERDUE] == 0
    assert counts[S.MET] == 3  # Cambridgeshire's answers to 5.2, 5.3 and 5.4, dated that very day
    assert sum(counts.values()) == len(found)


def test_hestia_on_1_december_2021_the_monitoring_reports_are_overdue(hestia: m.CaseRecord) -> None:
    found = _index(obligations(hestia, dt.date(2021, 12, 1)))
    for route, body in [("m1", "home-office"), ("m2", "npcc"), ("m3", "apcc")]:
        obligation = found[(route, body)]
        assert obligation.kind is ObligationKind.REPORT
        assert obligation.due == DUE
        assert obligation.recipient == "hmicfrs"
        assert obligation.state is S.OVERDUE
        assert obligation.met_by == ()
        assert obligation.resolution.explanation == "six months from publication on 26 May 2021: 26 November 2021"
    assert found[("m2", "npcc")].label == "5.6 b)"
    assert found[("m2", "npcc")].items == ("r2", "r3", "r4")


def test_hestia_cambridgeshire_shows_its_responses_of_13_july_2021(hestia: m.CaseRecord) -> None:
    found = [o for o in obligations(hestia, dt.date(2021, 12, 1)) if o.body == "force-cambridgeshire"]
    responses = {o.ref: o for o in found if o.kind is ObligationKind.RESPOND}
    assert set(responses) == {"r2", "r3", "r4"}
    for obligation in responses.values():
        assert obligation.state is S.MET
        assert obligation.met_by == ("cambs-2021-07-13",)
        assert obligation.met_on == PartialDate(2021, 7, 13)
        assert obligation.via == "chief-constables"
        assert obligation.due == DUE
        assert obligation.due_from == "m2"  # the NPCC's collated report covers every chief constable
        assert obligation.body_name == "Cambridgeshire Constabulary"
    # Its report to the NPCC (5.6 b, "Chief Constables are asked to report on progress") has no deadline.
    (to_npcc,) = [o for o in found if o.kind is ObligationKind.REPORT]
    assert (to_npcc.ref, to_npcc.recipient, to_npcc.state) == ("m4", "npcc", S.NOT_APPLICABLE)


def test_hestia_the_collated_answers_published_in_april_2022_are_met_date_unknown(hestia: m.CaseRecord) -> None:
    before = _index(obligations(hestia, dt.date(2022, 4, 3)))
    after = _index(obligations(hestia, dt.date(2022, 4, 4)))
    for route, body, response in [("m2", "npcc", "npcc-hestia"), ("m3", "apcc", "apcc-hestia")]:
        assert before[(route, body)].state is S.OVERDUE
        assert after[(route, body)].state is S.MET_DATE_UNKNOWN
        assert after[(route, body)].met_by == (response,)
    # They name no members, so no force or local policing body is answered for.
    assert after[("r2", "force-kent")].state is S.OVERDUE
    assert after[("r4", "lpb-kent")].state is S.OVERDUE
    # The Home Office's report is still missing; the College's and HMICFRS's open actions are met.
    assert after[("m1", "home-office")].state is S.OVERDUE
    college = after[("a1", "college-of-policing")]
    assert (college.state, college.progress, college.planned_completion) == (
        S.MET,
        m.Progress.IN_PROGRESS,
        _day("2022"),
    )
    assert after[("a2", "hmicfrs")].progress is m.Progress.PLANNED
    assert before[("a1", "college-of-policing")].state is S.NOT_APPLICABLE


def test_hestia_who_owes(hestia: m.CaseRecord) -> None:
    found = obligations(hestia, dt.date(2021, 12, 1))
    per_source = Counter(o.ref for o in found)
    # Actions by their owners; 6.1 and 5.5 by the Home Office; 5.2 and 5.3 by each of the 43 forces;
    # 5.4 jointly by the 43 forces and the 43 local policing bodies; the routes by their reporters.
    assert per_source == {
        "a1": 1,
        "a2": 1,
        "r1": 1,
        "r2": 43,
        "r3": 43,
        "r4": 86,
        "r5": 1,
        "m1": 1,
        "m2": 1,
        "m3": 1,
        "m4": 43,
        "m5": 43,
    }
    # 5.6 sets the monitoring routes: its addressees owe the reports, not a second response to 5.6.
    assert "r6" not in per_source
    lpb = _index(found)[("r4", "lpb-cambridgeshire")]
    assert (lpb.via, lpb.due_from, lpb.due) == ("local-policing-bodies", "m3", DUE)
    assert _index(found)[("r1", "home-office")].due_from == "m1"


def test_hestia_at_publication_everything_due_is_overdue(at_publication: m.CaseRecord) -> None:
    found = obligations(at_publication, dt.date(2021, 12, 1))
    counts = tally(found)
    assert counts[S.MET] == counts[S.MET_LATE] == counts[S.MET_DATE_UNKNOWN] == 0
    assert counts[S.OVERDUE] == sum(1 for o in found if o.due is not None)
    assert counts[S.OVERDUE] + counts[S.NOT_APPLICABLE] == len(found)


def test_nothing_is_owed_before_the_report_is_published(hestia: m.CaseRecord) -> None:
    assert obligations(hestia, dt.date(2021, 5, 25)) == []
    assert obligations(hestia, dt.date(2021, 5, 26))


# --------------------------------------------------------------------------------------------------
# Dates of responses, exactly


@pytest.mark.parametrize(
    ("sent", "published", "as_of", "state"),
    [
        ("2021-10", None, "2021-12-01", S.MET),
        ("2021-11-26", None, "2021-12-01", S.MET),
        ("2021-11", None, "2021-12-01", S.MET_DATE_UNKNOWN),  # may be before or after the 26th
        ("2021-11-27", None, "2021-12-01", S.MET_LATE),
        ("2021", None, "2022-01-01", S.MET_DATE_UNKNOWN),
        (None, "2021-11-20", "2021-12-01", S.MET),  # published in time proves it was in time
        (None, "2022-04-04", "2022-05-01", S.MET_DATE_UNKNOWN),  # may have been sent in time
        (None, "2021-11", "2021-12-01", S.MET_DATE_UNKNOWN),
        ("2021-11", None, "2021-11-15", S.DUE_SOON),  # may be after 15 November: not counted yet
        ("2021-11-27", None, "2021-11-26", S.DUE_SOON),  # not yet sent on the as-of date
        ("2021-12-10", None, "2021-12-01", S.OVERDUE),
        (None, None, "2030-01-01", S.MET_DATE_UNKNOWN),  # an undated response in the record counts
        (None, None, "2021-06-01", S.MET_DATE_UNKNOWN),  # whatever the as-of date: when it came is unknown
    ],
)
def test_partial_and_missing_dates(
    at_publication: m.CaseRecord, sent: str | None, published: str | None, as_of: str, state: ObligationState
) -> None:
    report = m.Response(
        id=m.Id("ho-report"),
        responder=m.Ref("home-office"),
        sent=_day(sent) if sent else None,
        published=_day(published) if published else None,
        in_reply_to=(m.Ref("m1"),),
    )
    found = _index(obligations(_with(at_publication, report), dt.date.fromisoformat(as_of)))
    assert found[("m1", "home-office")].state is state
    assert (found[("m1", "home-office")].met_by == ("ho-report",)) == state.is_met


def test_met_by_any_response_in_time_even_when_a_later_one_is_late(at_publication: m.CaseRecord) -> None:
    late = m.Response(
        id=m.Id("late"), responder=m.Ref("home-office"), sent=_day("2021-12-20"), in_reply_to=(m.Ref("m1"),)
    )
    early = m.Response(
        id=m.Id("early"), responder=m.Ref("home-office"), sent=_day("2021-11-01"), in_reply_to=(m.Ref("m1"),)
    )
    found = _index(obligations(_with(at_publication, late, early), dt.date(2022, 1, 1)))
    obligation = found[("m1", "home-office")]
    assert obligation.state is S.MET
    assert obligation.met_by == ("early", "late")
    assert obligation.met_on == _day("2021-11-01")


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (DUE - dt.timedelta(days=15), S.NOT_YET_DUE),
        (DUE - dt.timedelta(days=14), S.DUE_SOON),
        (DUE, S.DUE_SOON),
        (DUE + dt.timedelta(days=1), S.OVERDUE),
    ],
)
def test_due_soon_window(at_publication: m.CaseRecord, as_of: dt.date, state: ObligationState) -> None:
    found = _index(obligations(at_publication, as_of))
    assert found[("m1", "home-office")].state is state


def test_the_due_soon_window_can_be_changed(at_publication: m.CaseRecord) -> None:
    found = _index(obligations(at_publication, DUE - dt.timedelta(days=20), due_soon=30))
    assert found[("m1", "home-office")].state is S.DUE_SOON


def test_a_deadline_known_only_within_bounds(at_publication: m.CaseRecord) -> None:
    assert at_publication.report is not None
    vague = attrs.evolve(at_publication, report=attrs.evolve(at_publication.report, published=PartialDate(2021, 5)))
    states = {
        day: _index(obligations(vague, day))[("m1", "home-office")]
        for day in (dt.date(2021, 10, 17), dt.date(2021, 10, 18), dt.date(2021, 11, 30), dt.date(2021, 12, 1))
    }
    assert [o.state for o in states.values()] == [S.NOT_YET_DUE, S.DUE_SOON, S.DUE_SOON, S.OVERDUE]
    some = states[dt.date(2021, 12, 1)]
    assert some.due is None
    assert some.latest_due == dt.date(2021, 11, 30)


# --------------------------------------------------------------------------------------------------
# Collated answers, joint addressees, bodies answering for others


def _collated(responder: str, group: str, outcomes: dict[str, m.Position], item: str = "r2") -> m.Response:
    return m.Response(
        id=m.Id(f"{responder}-collated"),
        responder=m.Ref(responder),
        on_behalf_of=m.Ref(group),
        sent=_day("2021-11-20"),
        in_reply_to=(m.Ref("m2"),),
        items=(
            m.ItemResponse(
                item=m.Ref(item),
                position=m.Position.ACCEPTED,
                planned_completion=_day("2022-03"),
                member_outcomes=tuple(
                    m.MemberOutcome(member=m.Ref(k), position=v, progress=m.Progress.IN_PROGRESS)
                    for k, v in outcomes.items()
                ),
            ),
        ),
    )


def test_a_collated_response_meets_the_members_it_names(at_publication: m.CaseRecord) -> None:
    collated = _collated("npcc", "chief-constables", {"force-kent": m.Position.PARTIALLY_ACCEPTED})
    found = _index(obligations(_with(at_publication, collated), dt.date(2021, 12, 1)))
    kent = found[("r2", "force-kent")]
    assert kent.state is S.MET
    assert kent.met_by == ("npcc-collated",)
    assert kent.position is m.Position.PARTIALLY_ACCEPTED  # the member's outcome, not the collator's
    assert kent.progress is m.Progress.IN_PROGRESS
    assert kent.planned_completion is None  # the collator's plan is not the member's claim
    assert found[("r2", "force-essex")].state is S.OVERDUE  # not named: nothing inferred
    assert found[("r3", "force-kent")].state is S.OVERDUE  # named for 5.2 only
    assert found[("m2", "npcc")].state is S.MET


def test_a_collated_response_from_someone_other_than_the_collator_meets_nobody_else(
    at_publication: m.CaseRecord,
) -> None:
    wrong = _collated("apcc", "chief-constables", {"force-kent": m.Position.ACCEPTED})
    found = _index(obligations(_with(at_publication, wrong), dt.date(2021, 12, 1)))
    assert found[("r2", "force-kent")].state is S.OVERDUE


def test_a_member_named_by_a_collated_reply_meets_its_own_route(at_publication: m.CaseRecord) -> None:
    # Forces report to the NPCC under m4; a collated reply to m4 naming Kent for 5.2 meets Kent's report.
    reply = attrs.evolve(
        _collated("npcc", "chief-constables", {"force-kent": m.Position.ACCEPTED}), in_reply_to=(m.Ref("m4"),)
    )
    found = _index(obligations(_with(at_publication, reply), dt.date(2021, 12, 1)))
    assert found[("m4", "force-kent")].state is S.MET
    assert found[("m4", "force-essex")].state is S.NOT_APPLICABLE
    assert found[("m2", "npcc")].state is S.OVERDUE  # not a reply to m2


def test_joint_addressees_each_owe_and_answer_for_themselves(at_publication: m.CaseRecord) -> None:
    joint = m.Response(
        id=m.Id("kent-joint"),
        responder=m.Ref("force-kent"),
        on_behalf_of=m.Ref("lpb-kent"),
        sent=_day("2021-09-01"),
        items=(m.ItemResponse(item=m.Ref("r4"), position=m.Position.ACCEPTED),),
    )
    found = _index(obligations(_with(at_publication, joint), dt.date(2021, 12, 1)))
    assert found[("r4", "force-kent")].state is S.MET
    assert found[("r4", "lpb-kent")].state is S.MET
    assert found[("r4", "lpb-kent")].position is m.Position.ACCEPTED
    assert found[("r4", "force-essex")].state is S.OVERDUE


def test_a_response_from_a_body_that_is_not_an_addressee_creates_no_obligation(hestia: m.CaseRecord) -> None:
    found = obligations(hestia, dt.date(2021, 12, 1))
    # Cambridgeshire answered 6.1, 5.5 and both actions too, but owes none of them.
    assert not [o for o in found if o.body == "force-cambridgeshire" and o.ref in {"a1", "a2", "r1", "r5"}]


def test_the_latest_position_is_the_latest_stated(at_publication: m.CaseRecord) -> None:
    first = m.Response(
        id=m.Id("one"),
        responder=m.Ref("home-office"),
        sent=_day("2021-07-01"),
        items=(m.ItemResponse(item=m.Ref("r5"), position=m.Position.UNDER_CONSIDERATION),),
    )
    second = m.Response(
        id=m.Id("two"),
        responder=m.Ref("home-office"),
        sent=_day("2021-09-01"),
        items=(m.ItemResponse(item=m.Ref("r5"), progress=m.Progress.PLANNED),),
    )
    found = _index(obligations(_with(at_publication, second, first), dt.date(2021, 12, 1)))
    obligation = found[("r5", "home-office")]
    assert obligation.met_by == ("one", "two")
    assert obligation.position is m.Position.UNDER_CONSIDERATION
    assert obligation.progress is m.Progress.PLANNED
    earlier = _index(obligations(_with(at_publication, second, first), dt.date(2021, 8, 1)))
    assert earlier[("r5", "home-office")].progress is None


# --------------------------------------------------------------------------------------------------
# Deadlines: own, via monitoring, follow-ups


def test_an_items_own_deadline_wins_over_a_route(at_publication: m.CaseRecord) -> None:
    assert at_publication.report is not None
    recs = tuple(
        attrs.evolve(r, deadline=m.FixedDeadline(date=dt.date(2021, 9, 30))) if r.id == "r5" else r
        for r in at_publication.report.recommendations
    )
    case = attrs.evolve(at_publication, report=attrs.evolve(at_publication.report, recommendations=recs))
    found = _index(obligations(case, dt.date(2021, 10, 1)))
    assert (found[("r5", "home-office")].due, found[("r5", "home-office")].due_from) == (dt.date(2021, 9, 30), "r5")
    assert found[("r5", "home-office")].state is S.OVERDUE
    assert found[("r1", "home-office")].state is S.NOT_YET_DUE


def test_follow_ups_are_owed_by_each_recipient(at_publication: m.CaseRecord) -> None:
    follow_up = m.FollowUp(
        id=m.Id("fu1"),
        sender=m.Ref("hmicfrs"),
        recipients=(m.Ref("local-policing-bodies"), m.Ref("home-office")),
        items=(m.Ref("r4"),),
        date=_day("2022-06-01"),
        title="Letter on 5.4",
        deadline=m.ImmediateDeadline(),
    )
    reply = m.Response(
        id=m.Id("ho-reply"), responder=m.Ref("home-office"), sent=_day("2022-06-01"), in_reply_to=(m.Ref("fu1"),)
    )
    case = attrs.evolve(_with(at_publication, reply), follow_ups=(follow_up,))
    assert not [o for o in obligations(case, dt.date(2022, 5, 31)) if o.kind is ObligationKind.REPLY]
    found = [o for o in obligations(case, dt.date(2022, 6, 2)) if o.kind is ObligationKind.REPLY]
    assert len(found) == 44
    states = Counter(o.state for o in found)
    assert states == {S.OVERDUE: 43, S.MET: 1}
    assert all(o.due == dt.date(2022, 6, 1) and o.recipient == "hmicfrs" for o in found)
    assert found[-1].owed == (
        "a reply to the follow-up Letter on 5.4 from His Majesty's Inspectorate of Constabulary and Fire & "
        "Rescue Services"
    )


# --------------------------------------------------------------------------------------------------
# Must show (issue 11): two answers per obligation, on small documents

D = DeliveryState


def _routes(case: m.CaseRecord, **changes: dict[str, Any]) -> m.CaseRecord:
    """The case with some monitoring obligations changed (by id) or left out (an empty change)."""
    assert case.report is not None
    routes = []
    for route in case.report.monitoring:
        change = changes.get(route.id)
        if change is None:
            routes.append(route)
        elif change:
            routes.append(attrs.evolve(route, **change))
    return attrs.evolve(case, report=attrs.evolve(case.report, monitoring=tuple(routes)))


def _recs(case: m.CaseRecord, rid: str, **change: Any) -> m.CaseRecord:
    assert case.report is not None
    recs = tuple(attrs.evolve(r, **change) if r.id == rid else r for r in case.report.recommendations)
    return attrs.evolve(case, report=attrs.evolve(case.report, recommendations=recs))


def _answer(rid: str, responder: str, sent: str | None, **item: Any) -> m.Response:
    return m.Response(
        id=m.Id(rid),
        responder=m.Ref(responder),
        sent=_day(sent) if sent else None,
        items=(m.ItemResponse(**item),),
    )


def _assessed(aid: str, item: str, date: str, status: m.AssessmentStatus, subject: str | None = None) -> m.Assessment:
    return m.Assessment(
        id=m.Id(aid),
        assessor=m.Ref("hmicfrs"),
        item=m.Ref(item),
        date=_day(date),
        status=status,
        subject=m.Ref(subject) if subject else None,
    )


def test_an_undated_response_meets_its_obligation_date_unknown(at_publication: m.CaseRecord) -> None:
    # A force's published action plan with no date on it: the force answered, nobody knows when.
    plan = _answer("kent-plan", "force-kent", None, item=m.Ref("r2"), position=m.Position.ACCEPTED)
    found = _index(obligations(_with(at_publication, plan), dt.date(2022, 6, 1)))
    kent = found[("r2", "force-kent")]
    assert kent.state is S.MET_DATE_UNKNOWN
    assert kent.met_by == ("kent-plan",)
    assert kent.met_on is None
    assert kent.position is m.Position.ACCEPTED
    assert found[("r2", "force-essex")].state is S.OVERDUE
    # A dated answer in time makes it plainly met; the undated one stays listed, last.
    dated = _answer("kent-letter", "force-kent", "2021-09-01", item=m.Ref("r2"))
    both = _index(obligations(_with(at_publication, plan, dated), dt.date(2022, 6, 1)))
    assert both[("r2", "force-kent")].state is S.MET
    assert both[("r2", "force-kent")].met_by == ("kent-letter", "kent-plan")
    assert both[("r2", "force-kent")].met_on == _day("2021-09-01")


def _national(item: str = "r2", position: m.Position | None = m.Position.NOT_ACCEPTED) -> m.Response:
    return m.Response(
        id=m.Id("npcc-national"),
        responder=m.Ref("npcc"),
        on_behalf_of=m.Ref("chief-constables"),
        sent=_day("2021-11-20"),
        items=(
            m.ItemResponse(
                item=m.Ref(item),
                position=position,
                narrative="neither agreeing the rationale nor the assessment of the evidence",
            ),
        ),
    )


def test_a_national_answer_naming_no_members_shows_on_every_members_row(at_publication: m.CaseRecord) -> None:
    found = [o for o in obligations(_with(at_publication, _national()), dt.date(2021, 12, 1)) if o.ref == "r2"]
    assert len(found) == 43
    for obligation in found:
        group = obligation.group_answer
        assert group is not None, obligation.body
        assert (group.group, group.responder, group.responder_name) == ("chief-constables", "npcc", "NPCC")
        assert group.position is m.Position.NOT_ACCEPTED
        assert group.responses == ("npcc-national",)
        assert group.date == _day("2021-11-20")
        # Apart from the force's own answer: it gave none.
        assert obligation.position is None
        # Hestia's 5.6 b) asks every chief constable to report to the NPCC: the national answer does not
        # show that any one force answered, so it does not meet the force's own obligation.
        assert not group.meets
        assert obligation.state is S.OVERDUE
        assert obligation.met_by == ()
    # Other items, and bodies that are not chief constables, carry nothing of it.
    others = obligations(_with(at_publication, _national()), dt.date(2021, 12, 1))
    assert all(o.group_answer is None for o in others if o.ref != "r2" and o.ref != "r4")


def test_a_national_answer_meets_members_when_the_report_asks_the_collator_alone(at_publication: m.CaseRecord) -> None:
    # Without 5.6 b)'s route from the forces to the NPCC, the NPCC's collated report is how forces answer.
    case = _with(_routes(at_publication, m4={}), _national())
    found = _index(obligations(case, dt.date(2021, 12, 1)))
    kent = found[("r2", "force-kent")]
    assert kent.group_answer is not None
    assert kent.group_answer.meets
    assert (kent.state, kent.met_by, kent.position) == (S.MET, ("npcc-national",), None)
    # A response for the group from a body that is not asked to collate it meets nobody.
    stranger = attrs.evolve(_national(), id=m.Id("apcc-for-forces"), responder=m.Ref("apcc"))
    other = _index(obligations(_with(_routes(at_publication, m4={}), stranger), dt.date(2021, 12, 1)))
    assert other[("r2", "force-kent")].state is S.OVERDUE
    shown = other[("r2", "force-kent")].group_answer
    assert shown is not None
    assert (shown.responder_name, shown.meets) == ("APCC", False)


def test_hestia_the_npcc_and_apcc_replies_show_on_members_rows(hestia: m.CaseRecord) -> None:
    found = _index(obligations(hestia, dt.date(2022, 4, 4)))
    for ref, body, responder in [
        ("r2", "force-kent", "NPCC"),
        ("r4", "force-kent", "NPCC"),
        ("r4", "lpb-kent", "APCC"),
    ]:
        group = found[(ref, body)].group_answer
        assert group is not None
        assert group.responder_name == responder
        assert group.position is None  # a reply to 5.6 b) or c) whose content the record does not hold
        assert group.date == _day("2022-04-04")
        assert not group.meets
        assert found[(ref, body)].state is S.OVERDUE
    cambs = found[("r2", "force-cambridgeshire")]
    assert cambs.state is S.MET  # its own answer of 13 July 2021, beside the NPCC's
    assert cambs.group_answer is not None
    assert cambs.group_answer.responses == ("npcc-hestia",)


def test_a_group_reply_that_answers_items_speaks_for_those_items_only(at_publication: m.CaseRecord) -> None:
    reply = attrs.evolve(_national(), in_reply_to=(m.Ref("m2"),))  # answers 5.2, replies to 5.6 b) (5.2 to 5.4)
    found = _index(obligations(_with(at_publication, reply), dt.date(2021, 12, 1)))
    assert found[("r2", "force-kent")].group_answer is not None
    assert found[("r3", "force-kent")].group_answer is None
    assert found[("m2", "npcc")].state is S.MET
    silent = attrs.evolve(reply, items=())  # the record holds nothing of it item by item
    found = _index(obligations(_with(at_publication, silent), dt.date(2021, 12, 1)))
    for ref in ("r2", "r3", "r4"):
        group = found[(ref, "force-kent")].group_answer
        assert group is not None
        assert (group.position, group.responses) == (None, ("npcc-national",))


def test_a_whole_group_outcome_counts_for_each_member_not_excepted(at_publication: m.CaseRecord) -> None:
    collated = m.Response(
        id=m.Id("apcc-all"),
        responder=m.Ref("apcc"),
        on_behalf_of=m.Ref("local-policing-bodies"),
        sent=_day("2021-11-01"),
        in_reply_to=(m.Ref("m5"),),
        items=(
            m.ItemResponse(
                item=m.Ref("r4"),
                member_outcomes=(
                    m.MemberOutcome(
                        member=m.Ref("local-policing-bodies"),
                        except_members=(m.Ref("lpb-kent"),),
                        position=m.Position.ACCEPTED,
                    ),
                    m.MemberOutcome(member=m.Ref("lpb-essex"), position=m.Position.NOT_ACCEPTED),
                ),
            ),
        ),
    )
    found = _index(obligations(_with(at_publication, collated), dt.date(2021, 12, 1)))
    assert (found[("r4", "lpb-cambridgeshire")].state, found[("r4", "lpb-cambridgeshire")].position) == (
        S.MET,
        m.Position.ACCEPTED,
    )
    assert found[("r4", "lpb-essex")].position is m.Position.NOT_ACCEPTED  # listed on its own
    assert found[("r4", "lpb-kent")].state is S.OVERDUE  # excepted
    assert found[("r4", "force-cambridgeshire")].state is S.OVERDUE  # not a member of the group
    met = [o for o in obligations(_with(at_publication, collated), dt.date(2021, 12, 1)) if o.ref == "r4"]
    assert sum(o.state is S.MET for o in met) == 42
    # The outcome names members on 5.4, so it meets their reports to the APCC under 5.6 too.
    assert found[("m5", "lpb-cambridgeshire")].state is S.MET
    assert found[("m5", "lpb-kent")].state is S.NOT_APPLICABLE


def test_an_assessment_complete_after_the_deadline_closes_the_item(at_publication: m.CaseRecord) -> None:
    case = attrs.evolve(
        at_publication, assessments=(_assessed("as-1", "r5", "2022-02-01", m.AssessmentStatus.COMPLETE),)
    )
    before = _index(obligations(case, dt.date(2022, 1, 31)))[("r5", "home-office")]
    assert (before.state, before.closed, before.delivery) == (S.OVERDUE, False, D.UNKNOWN)
    after = _index(obligations(case, dt.date(2022, 3, 1)))[("r5", "home-office")]
    assert after.state is S.CLOSED
    assert after.closed
    assert after.delivery is D.COMPLETE
    assert after.assessment is not None
    assert after.assessment.id == "as-1"
    # The other recommendation owed with it under 5.6 a) is still overdue, and so is the report.
    found = _index(obligations(case, dt.date(2022, 3, 1)))
    assert found[("r1", "home-office")].state is S.OVERDUE
    assert found[("m1", "home-office")].state is S.OVERDUE
    # Closing both items the report covers closes the report too.
    both = attrs.evolve(
        case, assessments=(*case.assessments, _assessed("as-2", "r1", "2022-02-01", m.AssessmentStatus.SUPERSEDED))
    )
    report = _index(obligations(both, dt.date(2022, 3, 1)))[("m1", "home-office")]
    assert (report.state, report.closed) == (S.CLOSED, True)


def test_an_assessment_for_one_body_closes_only_its_obligation(at_publication: m.CaseRecord) -> None:
    case = attrs.evolve(
        at_publication,
        assessments=(_assessed("kent-done", "r2", "2021-10-01", m.AssessmentStatus.COMPLETE, "force-kent"),),
    )
    found = _index(obligations(case, dt.date(2021, 12, 1)))
    assert found[("r2", "force-kent")].state is S.CLOSED
    assert found[("r2", "force-essex")].state is S.OVERDUE
    # An assessment of the group applies to each member.
    group = attrs.evolve(
        at_publication,
        assessments=(_assessed("cc", "r2", "2021-10-01", m.AssessmentStatus.BEING_PROGRESSED, "chief-constables"),),
    )
    assert _index(obligations(group, dt.date(2021, 12, 1)))[("r2", "force-essex")].delivery is D.BEING_PROGRESSED


def _by_27_march_2025(case: m.CaseRecord) -> m.CaseRecord:
    return _recs(case, "r5", deadline=m.FixedDeadline(date=dt.date(2025, 3, 27), as_written="By 27 March 2025"))


@pytest.mark.parametrize(
    ("planned", "bound", "at_risk"),
    [
        ("2026-03", m.Bound.EARLIEST, True),  # "Implementation March 26 earliest"
        ("2026-03", None, True),
        ("2025-03", None, True),  # March 2025 may be after the 27th
        ("2025-03-27", None, False),
        ("2025-02", m.Bound.LATEST, False),
        ("2025", m.Bound.LATEST, True),  # by the end of 2025 at the latest
    ],
)
def test_a_planned_completion_after_the_deadline_is_at_risk(
    at_publication: m.CaseRecord, planned: str, bound: m.Bound | None, at_risk: bool
) -> None:
    answer = _answer(
        "ho-1",
        "home-office",
        "2024-12-01",
        item=m.Ref("r5"),
        position=m.Position.ACCEPTED,
        progress=m.Progress.PLANNED,
        planned_completion=_day(planned),
        planned_completion_bound=bound,
    )
    found = _index(obligations(_with(_by_27_march_2025(at_publication), answer), dt.date(2025, 1, 1)))
    obligation = found[("r5", "home-office")]
    assert obligation.state is S.MET  # answered on time ...
    assert obligation.at_risk is at_risk  # ... and delivery may come late
    assert obligation.planned_completion == _day(planned)
    assert obligation.planned_completion_bound is bound
    assert obligation.delivery is D.PLANNED


def test_only_the_items_own_deadline_puts_delivery_at_risk(at_publication: m.CaseRecord) -> None:
    # 5.5 is due through 5.6 a)'s report (26 November 2021): a date to report progress by, not to deliver.
    answer = _answer("ho-1", "home-office", "2021-09-01", item=m.Ref("r5"), planned_completion=_day("2023"))
    obligation = _index(obligations(_with(at_publication, answer), dt.date(2021, 12, 1)))[("r5", "home-office")]
    assert obligation.due == DUE
    assert not obligation.at_risk


def test_hestia_on_1_january_2023_the_colleges_2022_promise_has_lapsed(hestia: m.CaseRecord) -> None:
    before = _index(obligations(hestia, dt.date(2022, 12, 31)))[("a1", "college-of-policing")]
    after = _index(obligations(hestia, dt.date(2023, 1, 1)))[("a1", "college-of-policing")]
    assert (before.planned_completion, before.lapsed) == (PartialDate(2022), False)
    assert after.lapsed
    assert after.delivery is D.IN_PROGRESS
    assert after.state is S.MET  # it did reply: the reply and the delivery are two answers
    assert not after.at_risk  # "as soon as possible" gives no date to be late against


def test_a_year_precision_promise_passed_with_no_completion_lapses(at_publication: m.CaseRecord) -> None:
    promise = _answer("ho-1", "home-office", "2021-09-01", item=m.Ref("r5"), planned_completion=_day("2022"))
    case = _with(at_publication, promise)
    assert _index(obligations(case, dt.date(2023, 1, 1)))[("r5", "home-office")].lapsed
    # Completion claimed, even undated, or assessed: not lapsed.
    done = _answer("ho-2", "home-office", None, item=m.Ref("r5"), progress=m.Progress.COMPLETED)
    assert not _index(obligations(_with(case, done), dt.date(2023, 1, 1)))[("r5", "home-office")].lapsed
    assessed = attrs.evolve(
        case, assessments=(_assessed("as", "r5", "2022-06-01", m.AssessmentStatus.COMPLETE, "home-office"),)
    )
    assert not _index(obligations(assessed, dt.date(2023, 1, 1)))[("r5", "home-office")].lapsed
    # A floor ("2022 at the earliest") breaks no promise by passing.
    floor = attrs.evolve(promise, items=(attrs.evolve(promise.items[0], planned_completion_bound=m.Bound.EARLIEST),))
    assert not _index(obligations(_with(at_publication, floor), dt.date(2023, 1, 1)))[("r5", "home-office")].lapsed


def test_a_route_linked_to_a_recommendation_keeps_the_members_positions(at_publication: m.CaseRecord) -> None:
    answer = _answer(
        "kent-1",
        "force-kent",
        "2021-08-01",
        item=m.Ref("r2"),
        position=m.Position.ACCEPTED,
        progress=m.Progress.IN_PROGRESS,
    )
    linked = _with(_routes(at_publication, m4={"source": m.Ref("r2")}), answer)
    found = _index(obligations(linked, dt.date(2021, 12, 1)))
    # The forces owe 5.2 through the route now: a report, not a second response ...
    assert ("r2", "force-kent") not in found
    report = found[("m4", "force-kent")]
    # ... and the report carries Kent's position and progress on 5.2.
    assert report.position_on == "r2"
    assert (report.position, report.progress, report.delivery) == (
        m.Position.ACCEPTED,
        m.Progress.IN_PROGRESS,
        D.IN_PROGRESS,
    )
    assert found[("m4", "force-essex")].position is None
    # Linked to a part of the item, the same.
    assert at_publication.report is not None
    part = at_publication.report.recommendations[1].parts[0].id
    by_part = _index(obligations(_with(_routes(at_publication, m4={"source": part}), answer), dt.date(2021, 12, 1)))
    assert (by_part[("m4", "force-kent")].position_on, by_part[("m4", "force-kent")].position) == (
        "r2",
        m.Position.ACCEPTED,
    )


def test_a_joint_response_meets_each_senders_obligation(at_publication: m.CaseRecord) -> None:
    joint = m.Response(
        id=m.Id("kent-joint"),
        responder=m.Ref("force-kent"),
        joint_responders=(m.Ref("lpb-kent"),),
        sent=_day("2021-09-01"),
        items=(m.ItemResponse(item=m.Ref("r4"), position=m.Position.ACCEPTED),),
    )
    found = _index(obligations(_with(at_publication, joint), dt.date(2021, 12, 1)))
    for body in ("force-kent", "lpb-kent"):
        assert (found[("r4", body)].state, found[("r4", body)].position) == (S.MET, m.Position.ACCEPTED)
    assert found[("r4", "lpb-essex")].state is S.OVERDUE


def test_a_report_to_several_recipients_is_one_obligation(at_publication: m.CaseRecord) -> None:
    case = _routes(at_publication, m1={"other_recipients": (m.Ref("iopc"), m.Ref("college-of-policing"))})
    reply = m.Response(
        id=m.Id("ho-report"), responder=m.Ref("home-office"), sent=_day("2021-11-01"), in_reply_to=(m.Ref("m1"),)
    )
    found = [o for o in obligations(_with(case, reply), dt.date(2021, 12, 1)) if o.ref == "m1"]
    assert len(found) == 1
    (report,) = found
    assert (report.recipient, report.other_recipients, report.state) == (
        "hmicfrs",
        ("iopc", "college-of-policing"),
        S.MET,
    )
    assert "Independent Office for Police Conduct and College of Policing" in report.owed


def test_a_follow_up_sent_jointly_is_owed_one_reply_to_all_senders(at_publication: m.CaseRecord) -> None:
    follow_up = m.FollowUp(
        id=m.Id("fu1"),
        sender=m.Ref("hmicfrs"),
        joint_senders=(m.Ref("iopc"), m.Ref("college-of-policing")),
        recipients=(m.Ref("home-office"),),
        items=(m.Ref("r5"),),
        date=_day("2022-06-01"),
        deadline=m.ImmediateDeadline(),
    )
    (reply,) = [
        o
        for o in obligations(attrs.evolve(at_publication, follow_ups=(follow_up,)), dt.date(2022, 7, 1))
        if o.kind is ObligationKind.REPLY
    ]
    assert (reply.recipient, reply.other_recipients, reply.state) == (
        "hmicfrs",
        ("iopc", "college-of-policing"),
        S.OVERDUE,
    )
    assert reply.owed.endswith("Independent Office for Police Conduct and College of Policing")


def test_the_monitoring_bodys_view_wins_unless_the_claim_is_certainly_later(at_publication: m.CaseRecord) -> None:
    claim = _answer("ho-1", "home-office", "2022-03-01", item=m.Ref("r5"), progress=m.Progress.COMPLETED)
    review = _assessed("as", "r5", "2022-02-01", m.AssessmentStatus.AWAITING_REVIEW)
    case = attrs.evolve(_with(at_publication, claim), assessments=(review,))
    found = _index(obligations(case, dt.date(2022, 6, 1)))[("r5", "home-office")]
    assert (found.progress, found.delivery) == (m.Progress.COMPLETED, D.COMPLETED)  # the claim is later
    later = attrs.evolve(review, date=_day("2022-04-01"), status=m.AssessmentStatus.BEING_PROGRESSED)
    found = _index(obligations(attrs.evolve(case, assessments=(later,)), dt.date(2022, 6, 1)))[("r5", "home-office")]
    assert (found.progress, found.delivery) == (m.Progress.COMPLETED, D.BEING_PROGRESSED)
    same_month = attrs.evolve(review, date=_day("2022-03"))
    found = _index(obligations(attrs.evolve(case, assessments=(same_month,)), dt.date(2022, 6, 1)))[
        ("r5", "home-office")
    ]
    assert found.delivery is D.AWAITING_REVIEW  # which came first cannot be told: the assessment
    # A closure stands against a later claim, until a later assessment reopens it.
    closed = attrs.evolve(review, status=m.AssessmentStatus.CLOSED_NOT_IMPLEMENTED)
    found = _index(obligations(attrs.evolve(case, assessments=(closed,)), dt.date(2022, 6, 1)))[("r5", "home-office")]
    assert (found.delivery, found.closed) == (D.CLOSED_NOT_IMPLEMENTED, True)
    reopen = attrs.evolve(review, id=m.Id("as-2"), date=_day("2022-05-01"), status=m.AssessmentStatus.BEING_PROGRESSED)
    found = _index(obligations(attrs.evolve(case, assessments=(closed, reopen)), dt.date(2022, 6, 1)))[
        ("r5", "home-office")
    ]
    assert (found.delivery, found.closed) == (D.BEING_PROGRESSED, False)


# --------------------------------------------------------------------------------------------------
# Bad input


def test_unknown_references_are_reported_with_their_paths(at_publication: m.CaseRecord) -> None:
    assert at_publication.report is not None
    recs = list(at_publication.report.recommendations)
    recs[1] = attrs.evolve(recs[1], addressees=(m.Ref("chief-constables"), m.Ref("force-atlantis")))
    routes = list(at_publication.report.monitoring)
    routes[0] = attrs.evolve(routes[0], recipient=m.Ref("nobody"))
    case = attrs.evolve(
        at_publication,
        report=attrs.evolve(at_publication.report, recommendations=tuple(recs), monitoring=tuple(routes)),
    )
    with pytest.raises(UnknownRefError) as raised:
        obligations(case, dt.date(2021, 12, 1))
    assert isinstance(raised.value, sc.SupercomplaintError)
    assert [(p.code, p.path) for p in raised.value.problems] == [
        ("unknown-ref", "$.report.monitoring[0].recipient"),
        ("unknown-ref", "$.report.recommendations[1].addressees[1]"),
    ]
    # The same problems whatever the as-of date.
    with pytest.raises(UnknownRefError):
        obligations(case, dt.date(2000, 1, 1))


def test_wrong_types_are_refused(hestia: m.CaseRecord) -> None:
    with pytest.raises(TypeError, match="as_of must be a date"):
        obligations(hestia, "2021-12-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a CaseRecord"):
        obligations("case.json", dt.date(2021, 12, 1))  # type: ignore[arg-type]


def test_a_datetime_is_taken_as_its_date(hestia: m.CaseRecord) -> None:
    moment = dt.datetime(2021, 12, 1, 9, 30)
    assert obligations(hestia, moment) == obligations(hestia, dt.date(2021, 12, 1))


def test_the_lazy_exports() -> None:
    assert sc.obligations is obligations
    assert sc.Obligation is Obligation
    assert sc.ObligationState is ObligationState


# --------------------------------------------------------------------------------------------------
# Properties


AS_OF = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))
HESTIA_CASE = _load("case-at-publication.json")
_RESPONDERS = [
    "home-office",
    "npcc",
    "apcc",
    "hmicfrs",
    "college-of-policing",
    "force-kent",
    "force-cambridgeshire",
    "lpb-kent",
    "lpb-cambridgeshire",
]
_MEMBERS = ["force-kent", "force-cambridgeshire", "force-essex", "lpb-kent", "lpb-cambridgeshire", "npcc"]
_DATES = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(2021, 5, 1), max_value=dt.date(2022, 12, 31)).flatmap(
        lambda d: st.sampled_from([PartialDate.from_date(d), PartialDate(d.year, d.month), PartialDate(d.year)])
    ),
)


@st.composite
def hestia_responses(draw: st.DrawFn, index: int) -> m.Response:
    """A response to the Hestia report from a body of the register, possibly collated, possibly vague."""
    behalf = draw(st.sampled_from([None, "chief-constables", "local-policing-bodies", "lpb-kent"]))
    items = tuple(
        m.ItemResponse(
            item=m.Ref(item),
            position=draw(st.none() | st.sampled_from(list(m.Position))),
            progress=draw(st.none() | st.sampled_from(list(m.Progress))),
            member_outcomes=tuple(
                m.MemberOutcome(member=m.Ref(member), position=draw(st.none() | st.sampled_from(list(m.Position))))
                for member in draw(st.lists(st.sampled_from(_MEMBERS), max_size=3, unique=True))
            ),
        )
        for item in draw(st.lists(st.sampled_from(["a1", "a2", "r1", "r2", "r3", "r4", "r5", "r6"]), max_size=3))
    )
    return m.Response(
        id=m.Id(f"resp-{index}"),
        responder=m.Ref(draw(st.sampled_from(_RESPONDERS))),
        on_behalf_of=m.Ref(behalf) if behalf else None,
        sent=draw(_DATES),
        published=draw(_DATES),
        in_reply_to=tuple(
            m.Ref(r) for r in draw(st.lists(st.sampled_from(["m1", "m2", "m3", "m4", "m5"]), max_size=2))
        ),
        items=items,
    )


@st.composite
def hestia_cases(draw: st.DrawFn) -> m.CaseRecord:
    count = draw(st.integers(min_value=0, max_value=6))
    return attrs.evolve(HESTIA_CASE, responses=tuple(draw(hestia_responses(i)) for i in range(count)))


def _check_invariants(case: m.CaseRecord, as_of: dt.date) -> None:
    found = obligations(case, as_of)
    # Every obligation has exactly one state; one obligation per (source, body).
    counts = tally(found)
    assert list(counts) == list(ObligationState)
    assert sum(counts.values()) == len(found)
    assert len({(o.ref, o.body) for o in found}) == len(found)
    responses: dict[str, m.Response] = {r.id: r for r in case.responses}
    for obligation in found:
        # Overdue exactly when the as-of date is after the (latest possible) due date and nothing meets it.
        latest = obligation.latest_due
        past_due = latest is not None and as_of > latest
        chased = not obligation.closed
        assert (obligation.state is S.OVERDUE) == (past_due and not obligation.met_by and chased)
        assert obligation.state.is_met == bool(obligation.met_by)
        assert obligation.state.is_outstanding == (not obligation.met_by and latest is not None and chased)
        assert (obligation.state is S.CLOSED) == (obligation.closed and not obligation.met_by)
        assert obligation.as_of == as_of
        # Nothing dated after the as-of date counts; an undated response in the record does.
        for ref in obligation.met_by:
            when = evidence_date(responses[ref])
            assert when is None or when.latest <= as_of
        # A completed or closed item is neither at risk nor lapsed.
        if obligation.closed or obligation.delivery.done:
            assert not obligation.at_risk
            assert not obligation.lapsed
    # Adding responses dated later changes nothing.
    later = tuple(
        attrs.evolve(r, id=m.Id(f"later-{r.id}"), sent=PartialDate.from_date(as_of + dt.timedelta(days=1)))
        for r in case.responses
    )
    assert obligations(attrs.evolve(case, responses=(*case.responses, *later)), as_of) == found
    # What is met stays met; what is met on time stays so.
    later_on = _index(obligations(case, as_of + dt.timedelta(days=400)))
    for obligation in found:
        after = later_on[(obligation.ref, obligation.body)]
        if obligation.state.is_met:
            assert after.state.is_met
            assert set(obligation.met_by) <= set(after.met_by)
        if obligation.state is S.MET:
            assert after.state is S.MET


@given(case_records(), AS_OF)
def test_state_invariants(case: m.CaseRecord, as_of: dt.date) -> None:
    _check_invariants(case, as_of)


@given(hestia_cases(), st.dates(min_value=dt.date(2021, 5, 26), max_value=dt.date(2023, 6, 30)))
def test_state_invariants_on_hestia_with_any_responses(case: m.CaseRecord, as_of: dt.date) -> None:
    _check_invariants(case, as_of)


@given(hestia_cases(), st.dates(min_value=dt.date(2021, 5, 26), max_value=dt.date(2023, 6, 30)))
def test_who_owes_what_does_not_depend_on_the_date_or_the_responses(case: m.CaseRecord, as_of: dt.date) -> None:
    def owed(c: m.CaseRecord, day: dt.date) -> list[tuple[str, str, str | None]]:
        return [(o.ref, o.body, o.resolution.explanation) for o in obligations(c, day)]

    assert owed(case, as_of) == owed(HESTIA_CASE, dt.date(2021, 12, 1))


_ASSESSMENT_DATES = st.dates(min_value=dt.date(2021, 5, 1), max_value=dt.date(2022, 12, 31)).flatmap(
    lambda d: st.sampled_from([PartialDate.from_date(d), PartialDate(d.year, d.month), PartialDate(d.year)])
)


@st.composite
def hestia_assessments(draw: st.DrawFn) -> tuple[m.Assessment, ...]:
    return tuple(
        m.Assessment(
            id=m.Id(f"as-{i}"),
            assessor=m.Ref("hmicfrs"),
            item=m.Ref(draw(st.sampled_from(["a1", "r1", "r2", "r4", "r5"]))),
            date=draw(_ASSESSMENT_DATES),
            status=draw(st.sampled_from(list(m.AssessmentStatus))),
            subject=draw(st.sampled_from([None, m.Ref("home-office"), m.Ref("force-kent"), m.Ref("chief-constables")])),
        )
        for i in range(draw(st.integers(min_value=0, max_value=4)))
    )


@given(hestia_cases(), hestia_assessments(), st.randoms(use_true_random=False), AS_OF)
def test_obligations_do_not_depend_on_the_order_of_responses_or_assessments(
    case: m.CaseRecord, assessments: tuple[m.Assessment, ...], random: Any, as_of: dt.date
) -> None:
    case = attrs.evolve(case, assessments=assessments)
    responses, shuffled = list(case.responses), list(assessments)
    random.shuffle(responses)
    random.shuffle(shuffled)
    other = attrs.evolve(case, responses=tuple(responses), assessments=tuple(shuffled))
    assert obligations(other, as_of) == obligations(case, as_of)


@given(hestia_cases(), hestia_assessments(), st.dates(min_value=dt.date(2021, 5, 26), max_value=dt.date(2023, 6, 30)))
def test_a_later_assessment_always_wins_over_an_earlier_claim(
    case: m.CaseRecord, assessments: tuple[m.Assessment, ...], as_of: dt.date
) -> None:
    for obligation in obligations(attrs.evolve(case, assessments=assessments), as_of):
        assessment = obligation.assessment
        if assessment is None:
            assert not obligation.delivery.assessed
            assert obligation.delivery is (D.of(obligation.progress) if obligation.progress else D.UNKNOWN)
            continue
        assert assessment.date.latest <= as_of
        claim_later = obligation.progress_on is not None and obligation.progress_on.certainly_after(assessment.date)
        if not claim_later or obligation.closed:
            assert obligation.delivery is D.of(assessment.status)
        assert obligation.closed == (
            assessment.status
            in {m.AssessmentStatus.COMPLETE, m.AssessmentStatus.CLOSED_NOT_IMPLEMENTED, m.AssessmentStatus.SUPERSEDED}
        )
