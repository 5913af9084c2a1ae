"""Build the illustrative case record: ``python examples/illustrative-vaw/build.py`` writes ``case.json``.

The case is MADE UP. It is realistic in shape (every situation that real, partial records of police
super-complaints present, as issue 10 lists them), but the complaint, the report, its recommendations,
the responses, the letters and the people who sign them are invented, and every address is on
example.org. Bodies such as Hampshire Constabulary or the NPCC are real organisations named here only to
show how a record refers to them: nothing in this file is something they said or did.

The file is written with :func:`supercomplaint.dump`, so it is canonical: ``dumps(loads(text)) == text``.
``python examples/illustrative-vaw/build.py --check`` exits 1 when ``case.json`` is not what this script
writes (the test suite runs the same check).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import supercomplaint as sc
from supercomplaint import PartialDate as D
from supercomplaint import model as m
from supercomplaint.compiling import response_order

HERE = Path(__file__).resolve().parent
TARGET = HERE / "case.json"

NS = "org.example.illustrative"
"""The extension namespace that marks this record and its parts as illustrative."""

ILLUSTRATIVE = {NS: {"illustrative": True, "note": "A made-up case: no real body said or did any of this."}}

DECISION_MAKERS = (m.Ref("hmicfrs"), m.Ref("iopc"), m.Ref("college-of-policing"))


def ref(value: str) -> m.Ref:
    return m.Ref(value)


def ids(*values: str) -> tuple[m.Ref, ...]:
    return tuple(m.Ref(v) for v in values)


def citation(title: str, slug: str, publisher: str, published: str | None = None) -> sc.Citation:
    return sc.Citation(
        title=title,
        url=m.Url(f"https://www.example.org/illustrative/{slug}"),
        publisher=publisher,
        published=D.parse(published) if published else None,
    )


# --------------------------------------------------------------------------------------------------
# Sources other than the report, which some texts come from
# --------------------------------------------------------------------------------------------------

KENT_PLAN = citation("Stalking and harassment action plan (illustrative)", "kent-action-plan", "Kent Police")
HAMPSHIRE_PLAN = citation(
    "Stalking and harassment action plan (illustrative)", "hampshire-action-plan", "Hampshire Constabulary", "2021-11"
)
PRESS_RELEASE = citation(
    "Home Office welcomes report on violence against women and girls (illustrative press release)",
    "home-office-press-release",
    "Home Office",
    "2021-09-30",
)
PROGRESS_UPDATE = citation(
    "Safe to report? Progress update (illustrative)", "progress-update-2022", "HMICFRS", "2022-05"
)
EARLIER_REPORT = citation(
    "Everyone’s business: improving the police response to domestic abuse",
    "everyones-business-2014",
    "HM Inspectorate of Constabulary",  # the inspectorate's name in 2014, as the report's cover gives it
    "2014-03",
)


# --------------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------------

ACTIONS = (
    sc.Action(
        id=m.Id("a1"),
        owner=ref("college-of-policing"),
        label="5.1",
        alternate_labels=("Action 1",),
        text=(
            "The College of Policing will update its Authorised Professional Practice on stalking and "
            "harassment to set out how forces should consider protective orders at each stage of an "
            "investigation."
        ),
        deadline=sc.FixedDeadline(date=D(2022, 3), as_written="in March 2022"),
    ),
    sc.Action(
        id=m.Id("a2"),
        owner=ref("hmicfrs"),
        label="5.2",
        alternate_labels=("Action 2",),
        text="HMICFRS will look at the use of protective orders in its next round of force inspections.",
        provenance=sc.Provenance(
            fidelity=sc.TextFidelity.SUMMARY,
            source=PROGRESS_UPDATE,
            note="as summarised in HMICFRS’s progress update; the report’s own wording is not at hand",
        ),
    ),
    sc.Action(
        id=m.Id("a3"),
        owner=ref("iopc"),
        label="5.3",
        alternate_labels=("Action 3",),
        deadline=sc.NotCapturedDeadline(),
        extensions={NS: {"why": "the progress update names this action but does not give its text"}},
    ),
)

RECOMMENDATIONS = (
    sc.Recommendation(
        id=m.Id("r1"),
        addressees=ids("chief-constables"),
        label="1",
        text=(
            "As an interim measure, pending Recommendation 2, chief constables should make sure that a "
            "supervisor reviews every report of stalking or harassment within 24 hours of it being made."
        ),
        deadline=sc.ImmediateDeadline(as_written="As an interim measure"),
        links=(
            sc.ItemLink(
                relation=sc.LinkRelation.INTERIM_PENDING, target=ref("r2"), as_written="pending Recommendation 2"
            ),
        ),
        identifiers=(sc.Identifier(scheme="hmicfrs-monitoring-portal", value="SC21-VAW-01"),),
    ),
    sc.Recommendation(
        id=m.Id("r2"),
        addressees=ids("chief-constables"),
        label="2",
        title="Screening reports of stalking",
        text=(
            "By 31 March 2022, chief constables should introduce a screening tool for every report of "
            "harassment, so that call handlers and attending officers:"
        ),
        parts=(
            sc.Part(id=m.Id("r2-a"), label="a)", text="recognise the behaviours that amount to stalking;"),
            sc.Part(
                id=m.Id("r2-b"),
                label="b)",
                text="record the victim’s account of each incident, with its date; and",
            ),
            sc.Part(
                id=m.Id("r2-c"),
                label="c)",
                text=(
                    "refer the case to a specialist stalking advocate. The information in point b) must "
                    "be passed to the advocate with the referral."
                ),
                links=(
                    sc.ItemLink(
                        relation=sc.LinkRelation.REFERS_TO, target=ref("r2-b"), as_written="the information in point b)"
                    ),
                ),
            ),
        ),
        evidence_requirements=(
            "A copy of the force’s screening tool and the guidance issued with it.",
            "The number of reports screened, and of referrals made, in the first three months of its use.",
        ),
        deadline=sc.FixedDeadline(date=D(2022, 3, 31), as_written="By 31 March 2022"),
        identifiers=(sc.Identifier(scheme="hmicfrs-monitoring-portal", value="SC21-VAW-02"),),
    ),
    sc.Recommendation(
        id=m.Id("r3"),
        addressees=ids("chief-constables"),
        label="3",
        text=(
            "Chief constables should make sure that victims of stalking are told, at their first contact "
            "with the police, how a stalking protection order can be applied for and what supp"
        ),
        provenance=sc.Provenance(
            fidelity=sc.TextFidelity.TRUNCATED,
            source=KENT_PLAN,
            note="as reproduced in Kent Police’s action plan, which cuts the text off mid-word",
        ),
    ),
    sc.Recommendation(
        id=m.Id("r4"),
        addressees=ids("chief-constables"),
        label="4",
        text=(
            "Chief constables should publish, every six months, the number of stalking protection orders "
            "their force has applied for."
        ),
        links=(
            sc.ItemLink(
                relation=sc.LinkRelation.SUPERSEDED_BY,
                target=ref("r4a"),
                as_written="replaced by Recommendation 4A in the corrigendum of 12 October 2021",
            ),
        ),
    ),
    sc.Recommendation(
        id=m.Id("r4a"),
        addressees=ids("chief-constables", "local-policing-bodies"),
        label="4A",
        text=(
            "Chief constables and police and crime commissioners should jointly publish, every six months, "
            "the number of stalking protection orders applied for and granted in their area, and what they "
            "have done to increase it."
        ),
        deadline=sc.PeriodDeadline(
            amount=6,
            unit=sc.Unit.MONTHS,
            anchor=sc.Anchor.REPORT_PUBLISHED,
            counting=sc.Counting.AFTER,
            as_written="within six months of the date of publication of this report",
        ),
    ),
    sc.Recommendation(
        id=m.Id("r7"),
        addressees=ids("chief-constables"),
        label="7",
        text="By 27 March 2022, chief constables should:",
        parts=(
            sc.Part(
                id=m.Id("r7-1"),
                label="7.1",
                text=(
                    "train every officer who attends reports of domestic abuse to recognise stalking, and to "
                    "record it as stalking; and"
                ),
            ),
            sc.Part(
                id=m.Id("r7-2"),
                label="7.2",
                text="review, with the Crown Prosecution Service, every case in which a charge of harassment was "
                "brought where stalking was alleged.",
            ),
        ),
        deadline=sc.FixedDeadline(date=D(2022, 3, 27), as_written="By 27 March 2022"),
        renderings=(
            sc.Rendering(
                by=ref("force-hampshire"),
                label="Actions 1 to 3",
                deadline_as_written="27/03/22",
                parts=(
                    sc.Part(id=m.Id("r7-hants-1"), label="1", text="Stalking training for attending officers."),
                    sc.Part(id=m.Id("r7-hants-2"), label="2", text="Recording stalking correctly."),
                    sc.Part(id=m.Id("r7-hants-3"), label="3", text="Joint case review with the CPS."),
                ),
                provenance=sc.Provenance(
                    fidelity=sc.TextFidelity.SUMMARY, source=HAMPSHIRE_PLAN, note="the force’s own headings"
                ),
                extensions={NS: {"why": "7.1 becomes actions 1 and 2, 7.2 becomes action 3"}},
            ),
            sc.Rendering(
                by=ref("force-kent"),
                label="7",
                deadline_as_written="March 2022",
                omits=ids("r7-2"),
                provenance=sc.Provenance(source=KENT_PLAN),
            ),
        ),
    ),
    sc.Recommendation(
        id=m.Id("r8"),
        label="8",
        not_captured=(sc.Detail.ADDRESSEES,),
        deadline=sc.NotCapturedDeadline(as_written="progress updates"),
        extensions={NS: {"why": "known only from the progress update: “Recommendation 8 asked for progress updates”"}},
    ),
    sc.Recommendation(
        id=m.Id("r10"),
        addressees=ids("npcc"),
        label="10",
        text=(
            "The NPCC lead for stalking and harassment should write to every chief constable setting out "
            "what the findings of this report mean for their force, within 56 days of the date of this "
            "report, namely by 26 November 2021."
        ),
        deadline=sc.PeriodDeadline(
            amount=56,
            unit=sc.Unit.DAYS,
            anchor=sc.Anchor.REPORT_PUBLISHED,
            counting=sc.Counting.AFTER,
            stated_date=dt.date(2021, 11, 26),
            as_written="within 56 days of the date of this report, namely by 26 November 2021",
        ),
    ),
    sc.Recommendation(
        id=m.Id("r11"),
        addressees=ids("home-office"),
        label="11",
        text="The Home Office should review the statutory guidance on stalking protection orders.",
        provenance=sc.Provenance(
            fidelity=sc.TextFidelity.PARAPHRASE,
            source=PRESS_RELEASE,
            note="as the Home Office’s press release puts it",
        ),
        deadline=sc.OpenDeadline(as_written="as soon as possible"),
        identifiers=(
            sc.Identifier(scheme="hmic-2014-everyones-business", value="Recommendation 4"),
            sc.Identifier(scheme="hmicfrs-monitoring-portal", value="SC21-VAW-11"),
        ),
        extensions={NS: {"repeats": "a recommendation of HM Inspectorate of Constabulary’s report of March 2014"}},
    ),
)

MONITORING = (
    sc.MonitoringObligation(
        id=m.Id("m1"),
        label="29 a)",
        reporter=ref("npcc"),
        recipient=ref("hmicfrs"),
        other_recipients=ids("iopc", "college-of-policing"),
        on_behalf_of=ref("chief-constables"),
        items=ids("r1", "r2", "r3", "r4a", "r7"),
        text=(
            "The NPCC should collate chief constables’ progress on recommendations 1 to 7 and report it to "
            "HMICFRS, the IOPC and the College of Policing within six months of the date of publication."
        ),
        deadline=sc.PeriodDeadline(
            amount=6,
            unit=sc.Unit.MONTHS,
            anchor=sc.Anchor.REPORT_PUBLISHED,
            counting=sc.Counting.AFTER,
            as_written="within six months of the date of publication",
        ),
        extensions={NS: {"why": "one report goes to all three authorities at once"}},
    ),
    sc.MonitoringObligation(
        id=m.Id("m2"),
        label="29 b)",
        reporter=ref("apcc"),
        recipient=ref("hmicfrs"),
        other_recipients=ids("iopc", "college-of-policing"),
        on_behalf_of=ref("local-policing-bodies"),
        items=ids("r4a"),
        text=(
            "The APCC should collate police and crime commissioners’ progress on recommendation 4A and report "
            "it to HMICFRS, the IOPC and the College of Policing within six months of the date of publication."
        ),
        deadline=sc.PeriodDeadline(
            amount=6,
            unit=sc.Unit.MONTHS,
            anchor=sc.Anchor.REPORT_PUBLISHED,
            counting=sc.Counting.AFTER,
            as_written="within six months of the date of publication",
        ),
    ),
)

REPORT = sc.Report(
    id=m.Id("safe-to-report"),
    title=(
        "Safe to report? Report on a super-complaint about the police response to stalking "
        "(illustrative example, not a real report)"
    ),
    authors=DECISION_MAKERS,
    sent_to_addressees=D(2021, 9, 27),
    published=D(2021, 9, 30),
    citation=citation(
        "Safe to report? (illustrative example, not a real report)",
        "safe-to-report",
        "HMICFRS, the IOPC and the College of Policing",
        "2021-09-30",
    ),
    summary=(
        "We found that the police do not always recognise stalking when it is reported, and that victims "
        "are too often left to find out for themselves how a protective order could help them.\n\n"
        "Forces that screen every report of harassment, and refer victims to specialist advocates, "
        "recognise stalking sooner. We want every force to do so."
    ),
    actions=ACTIONS,
    recommendations=RECOMMENDATIONS,
    monitoring=MONITORING,
    stated_counts=(
        sc.StatedCount(of=sc.CountOf.ACTIONS, count=3, as_written="three actions"),
        sc.StatedCount(of=sc.CountOf.RECOMMENDATIONS, count=29, as_written="29 recommendations"),
        sc.StatedCount(
            of=sc.CountOf.RECOMMENDATIONS,
            count=15,
            addressee=ref("chief-constables"),
            as_written="15 to chief constables",
        ),
        sc.StatedCount(
            of=sc.CountOf.RECOMMENDATIONS,
            count=6,
            addressee=ref("local-policing-bodies"),
            as_written="six to police and crime commissioners",
            extensions={NS: {"counts": "recommendation 4A, to chief constables jointly, is among them"}},
        ),
    ),
    extensions=ILLUSTRATIVE,
)


# --------------------------------------------------------------------------------------------------
# What followed: responses, a joint letter, assessments
# --------------------------------------------------------------------------------------------------

FOLLOW_UPS = (
    sc.FollowUp(
        id=m.Id("f1"),
        sender=ref("hmicfrs"),
        joint_senders=ids("iopc", "college-of-policing"),
        recipients=ids("npcc", "apcc"),
        items=ids("r2", "r4a"),
        date=D(2022, 6, 15),
        title="Letter on progress with recommendations 2 and 4A (illustrative)",
        url=m.Url("https://www.example.org/illustrative/letter-2022-06-15"),
        text=(
            "We would be grateful if you would tell us, by 29 July 2022, what progress forces and "
            "commissioners have made on recommendations 2 and 4A."
        ),
        signatories=(
            sc.Signatory(name="Alex Example", role="HM Inspector of Constabulary", body=ref("hmicfrs")),
            sc.Signatory(name="Jo Example", role="Director General", body=ref("iopc")),
            sc.Signatory(
                name="Sam Example",
                role="Chief Executive Officer",
                body=ref("college-of-policing"),
                extensions={NS: {"signed": "pp, in the chief executive’s absence"}},
            ),
        ),
        deadline=sc.FixedDeadline(date=D(2022, 7, 29), as_written="by 29 July 2022"),
    ),
)

RESPONSES = (
    sc.Response(
        id=m.Id("npcc-2021-11-22"),
        responder=ref("npcc"),
        title="Letter to chief constables on the Safe to report? findings (illustrative)",
        occasion="letter to chief constables",
        sent=D(2021, 11, 22),
        items=(
            sc.ItemResponse(
                item=ref("r10"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.COMPLETED,
                narrative="The NPCC lead wrote to every chief constable on 22 November 2021.",
            ),
        ),
    ),
    sc.Response(
        id=m.Id("hampshire-2021-11-19"),
        responder=ref("force-hampshire"),
        audience="Force Executive Board",
        title="Stalking and harassment action plan (illustrative)",
        url=m.Url("https://www.example.org/illustrative/hampshire-action-plan"),
        occasion="action plan",
        sent=D(2021, 11, 19),
        items=(
            sc.ItemResponse(
                item=ref("r1"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.COMPLETED,
                narrative="Supervisors have reviewed every report of stalking within 24 hours since 1 October 2021.",
            ),
            sc.ItemResponse(
                item=ref("r2"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.PLANNED,
                narrative=(
                    "The force will adopt the screening tool that the College of Policing is developing.\n\n"
                    "Until the tool is ready, call handlers will use the existing risk assessment, with two "
                    "added questions on repeated contact."
                ),
                planned_completion=D(2023, 3),
                planned_completion_bound=sc.Bound.EARLIEST,
                planned_completion_as_written="March 2023 at the earliest",
                conditions=("subject to the College of Policing publishing the tool",),
            ),
            sc.ItemResponse(
                item=ref("r7"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.IN_PROGRESS,
                narrative="Training began in November 2021; the case review with the CPS is set for January 2022.",
                planned_completion=D(2022, 3),
            ),
        ),
    ),
    sc.Response(
        id=m.Id("hampshire-joint-2021-11-24"),
        responder=ref("lpb-hampshire"),
        joint_responders=ids("force-hampshire"),
        audience="Police and Crime Panel",
        title="Joint response of the Police and Crime Commissioner and the Chief Constable (illustrative)",
        url=m.Url("https://www.example.org/illustrative/hampshire-joint-response"),
        occasion="joint response",
        sent=D(2021, 11, 24),
        published=D(2021, 12, 1),
        items=(
            sc.ItemResponse(
                item=ref("r4a"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.IN_PROGRESS,
                narrative=(
                    "We accept the recommendation. The first figures will be published on the "
                    "Commissioner’s website in April 2022.\n\nThey will be updated every six months."
                ),
                planned_completion=D(2022, 4),
            ),
        ),
        signatories=(
            sc.Signatory(name="Robin Example", role="Police and Crime Commissioner", body=ref("lpb-hampshire")),
            sc.Signatory(name="Kim Example", role="Chief Constable", body=ref("force-hampshire")),
        ),
    ),
    sc.Response(
        id=m.Id("psni-2022-01-14"),
        responder=ref("psni"),
        title="Response to Safe to report? (illustrative)",
        occasion="voluntary response",
        sent=D(2022, 1, 14),
        items=(
            sc.ItemResponse(
                item=ref("r2"),
                progress=sc.Progress.IN_PROGRESS,
                narrative=(
                    "Although the super-complaints regime does not extend to Northern Ireland, the Service has "
                    "considered the recommendation and is introducing a screening tool."
                ),
            ),
        ),
    ),
    sc.Response(
        id=m.Id("npcc-2022-03-28"),
        responder=ref("npcc"),
        on_behalf_of=ref("chief-constables"),
        title="Collated progress report on recommendations 1 to 7 (illustrative)",
        occasion="six-month progress report",
        sent=D(2022, 3, 28),
        in_reply_to=ids("m1"),
        items=(
            sc.ItemResponse(
                item=ref("r2"),
                position=sc.Position.PARTIALLY_ACCEPTED,
                parts=ids("r2-a", "r2-b"),
                narrative=(
                    "Forces accept the need to screen reports of harassment, but not the referral of every "
                    "case to an advocate, for which there is no national funding."
                ),
                provenance=sc.Provenance(
                    fidelity=sc.TextFidelity.SUMMARY,
                    source=PROGRESS_UPDATE,
                    note="as summarised in HMICFRS’s progress update",
                ),
            ),
        ),
    ),
    sc.Response(
        id=m.Id("apcc-2022-03-30"),
        responder=ref("apcc"),
        on_behalf_of=ref("local-policing-bodies"),
        title="Collated response of police and crime commissioners (illustrative)",
        occasion="six-month progress report",
        sent=D(2022, 3, 30),
        in_reply_to=ids("m2"),
        items=(
            sc.ItemResponse(
                item=ref("r4a"),
                narrative="All police and crime commissioners but one have accepted the recommendation.",
                member_outcomes=(
                    sc.MemberOutcome(
                        member=ref("local-policing-bodies"),
                        except_members=ids("lpb-dorset"),
                        position=sc.Position.ACCEPTED,
                        note="all PCCs accepted, except Dorset’s",
                        extensions={NS: {"as_written": "all 43 PCCs accepted, save for Dorset"}},
                    ),
                    sc.MemberOutcome(
                        member=ref("lpb-dorset"),
                        position=sc.Position.UNDER_CONSIDERATION,
                        note="The Commissioner will respond after the Police and Crime Panel meets in April 2022.",
                    ),
                ),
            ),
        ),
    ),
    sc.Response(
        id=m.Id("college-2022-04"),
        responder=ref("college-of-policing"),
        title="Update on action 5.1 (illustrative)",
        occasion="update",
        published=D(2022, 4),
        items=(
            sc.ItemResponse(
                item=ref("a1"),
                progress=sc.Progress.IN_PROGRESS,
                narrative="The revised Authorised Professional Practice is being drafted with forces.",
                planned_completion=D(2022),
                planned_completion_bound=sc.Bound.LATEST,
                planned_completion_as_written="by the end of 2022 at the latest",
            ),
        ),
    ),
    sc.Response(
        id=m.Id("kent-undated"),
        responder=ref("force-kent"),
        title="Stalking and harassment action plan (illustrative)",
        url=m.Url("https://www.example.org/illustrative/kent-action-plan"),
        occasion="published action plan, undated",
        items=(
            sc.ItemResponse(item=ref("r3"), position=sc.Position.ACCEPTED, progress=sc.Progress.IN_PROGRESS),
            sc.ItemResponse(
                item=ref("r7"),
                parts=ids("r7-1"),
                position=sc.Position.ACCEPTED,
                progress=sc.Progress.IN_PROGRESS,
                narrative="Stalking training for attending officers is under way.",
            ),
        ),
        extensions={NS: {"why": "the action plan on the force’s website carries no date"}},
    ),
    sc.Response(
        id=m.Id("npcc-2022-07-27"),
        responder=ref("npcc"),
        on_behalf_of=ref("chief-constables"),
        title="Reply to the letter of 15 June 2022 (illustrative)",
        occasion="reply to follow-up",
        sent=D(2022, 7, 27),
        in_reply_to=ids("f1"),
        items=(
            sc.ItemResponse(
                item=ref("r2"),
                position=sc.Position.PARTIALLY_ACCEPTED,
                parts=ids("r2-a", "r2-b"),
                progress=sc.Progress.IN_PROGRESS,
                narrative="Thirty forces now screen every report of harassment.",
            ),
        ),
        signatories=(sc.Signatory(name="Lee Example", role="NPCC lead for stalking and harassment", body=ref("npcc")),),
    ),
)

ASSESSMENTS = (
    sc.Assessment(
        id=m.Id("as-r10"),
        assessor=ref("hmicfrs"),
        item=ref("r10"),
        subject=ref("npcc"),
        date=D(2022, 1, 10),
        status=sc.AssessmentStatus.COMPLETE,
        comment="The NPCC lead’s letter of 22 November 2021 meets the recommendation.",
    ),
    sc.Assessment(
        id=m.Id("as-r2-hampshire"),
        assessor=ref("hmicfrs"),
        item=ref("r2"),
        subject=ref("force-hampshire"),
        date=D(2022, 9, 1),
        status=sc.AssessmentStatus.BEING_PROGRESSED,
        rag=sc.Rag.AMBER,
        comment="The force has not yet introduced a screening tool.",
    ),
)

BODIES = (
    sc.Body(
        id=m.Id("illustrative-alliance"),
        name="Women’s Safety Alliance (illustrative)",
        kind=sc.BodyKind.DESIGNATED_BODY,
        extensions=ILLUSTRATIVE,
    ),
)

CASE = sc.CaseRecord(
    id=m.Id("illustrative-vaw"),
    complaint=sc.Complaint(
        title="Illustrative example (not a real case): a super-complaint on the police response to stalking",
        complainants=ids("illustrative-alliance"),
        decision_makers=DECISION_MAKERS,
        on_behalf_of="victims of stalking and harassment",
        features=(
            "Police forces do not recognise stalking when it is reported as harassment, and do not tell "
            "victims about protective orders.",
        ),
        scope="all police forces in England and Wales",
        received=D(2020, 3),
        eligibility=sc.EligibilityDecision(outcome=sc.Eligibility.ELIGIBLE, date=D(2020, 6)),
        provenance=sc.Provenance(
            fidelity=sc.TextFidelity.SUMMARY,
            note="as the report summarises the complaint; the complaint itself is not published",
            extensions={NS: {"why": "the complainant did not publish its complaint"}},
        ),
    ),
    report=REPORT,
    bodies=BODIES,
    responses=tuple(sorted(RESPONSES, key=response_order)),
    assessments=ASSESSMENTS,
    follow_ups=FOLLOW_UPS,
    extensions=ILLUSTRATIVE,
)


def main(argv: list[str]) -> int:
    text = sc.dumps(CASE)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is not what build.py writes: run python {Path(__file__).as_posix()}", file=sys.stderr)
            return 1
        return 0
    sc.dump(CASE, TARGET)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
