"""SC3xx: dates. The complaint's stages, responses, plans and follow-ups run forward in time."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .. import model as m
from ..deadlines import format_date
from ..partialdate import PartialDate
from ..problems import Problem
from .base import ERROR, WARNING, finding, rule
from .context import Context, deadlines, on_date, response_date

__all__: list[str] = []


@rule(
    "SC301",
    "stages-out-of-order",
    ERROR,
    "The complaint's stages run forward in time.",
    "Received, acknowledged, eligibility decided, report sent to addressees, report published: each stage "
    "that is dated is not certainly before the one it follows. Partial dates ('2019') are compared by the "
    "days they may stand for, so only a certain inversion is reported.",
    "SI 2018/748 regs 4-8.",
)
def _stages(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if case is None:
        return
    complaint = case.complaint
    stages: list[tuple[str, PartialDate | None, str]] = [
        ("the complaint's receipt", complaint.received, "$.complaint.received"),
        ("the complaint's acknowledgement", complaint.acknowledged, "$.complaint.acknowledged"),
        (
            "the decision on the complaint's eligibility",
            complaint.eligibility.date if complaint.eligibility else None,
            "$.complaint.eligibility.date",
        ),
    ]
    if case.report is not None:
        stages += [
            ("the report's sending to its addressees", case.report.sent_to_addressees, "$.report.sentToAddressees"),
            ("the report's publication", case.report.published, "$.report.published"),
        ]
    latest: tuple[str, PartialDate] | None = None
    for name, when, path in stages:
        if when is None:
            continue
        if latest is not None and when.certainly_before(latest[1]):
            message = f"{name} ({format_date(when)}) is before {latest[0]} ({format_date(latest[1])})"
            yield finding("SC301", path, message, case.id)
        if latest is None or when.earliest >= latest[1].earliest:
            latest = (name, when)


@rule(
    "SC302",
    "response-before-report",
    ERROR,
    "No response is dated before the report reached its addressees.",
    "A response answers the report; it cannot be sent or published before the report was sent to the "
    "addressees (or, when that is not known, published). Reports are sometimes sent a few days before they "
    "are published, so the sent date is the one compared.",
    "domain.md section 1: reports sent before publication.",
)
def _response_before_report(ctx: Context) -> Iterator[Problem]:
    start = ctx.report_date()
    if start is None:
        return
    for response, path in ctx.response_entries():
        for field, when in (("sent", response.sent), ("published", response.published)):
            if when is not None and when.certainly_before(start):
                yield finding(
                    "SC302",
                    f"{path}.{field}",
                    f"the response from {ctx.describe(response.responder)} was {field} {on_date(when)}, before the "
                    f"report ({format_date(start)})",
                    response.id,
                )


@rule(
    "SC303",
    "late-acknowledgement",
    WARNING,
    "The complaint was acknowledged within 5 working days beginning with the day of receipt.",
    "HM Chief Inspector must acknowledge receipt within 5 working days beginning with the day of receipt; a "
    "working day is not a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in England and "
    "Wales. Checked only when both dates are known to the day.",
    "SI 2018/748 reg 5.",
)
def _acknowledgement(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if case is None:
        return
    received = case.complaint.received.as_date() if case.complaint.received else None
    acknowledged = case.complaint.acknowledged.as_date() if case.complaint.acknowledged else None
    if received is None or acknowledged is None:
        return
    from ..deadlines import period_end

    due = period_end(received, 5, m.Unit.WORKING_DAYS, m.Counting.BEGINNING_WITH)
    if acknowledged > due:
        yield finding(
            "SC303",
            "$.complaint.acknowledged",
            f"the complaint was acknowledged on {format_date(acknowledged)}, after the 5 working days that ended on "
            f"{format_date(due)}",
            case.id,
        )


@rule(
    "SC304",
    "planned-completion-before-response",
    ERROR,
    "A planned completion is not before the response that states it.",
    "A response that plans to finish by a date already past when it was written has the dates wrong (or "
    "means 'completed', which is progress, not a plan).",
    "domain.md section 3: targets that slip.",
)
def _planned(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        when = response_date(response)
        if when is None:
            continue
        for i, item in enumerate(response.items):
            planned = item.planned_completion
            if planned is not None and planned.certainly_before(when):
                yield finding(
                    "SC304",
                    f"{path}.items[{i}].plannedCompletion",
                    f"{ctx.response_name(response)} plans to complete {ctx.describe(item.item)} {on_date(planned)}, "
                    "before its own date",
                    response.id,
                    item.item,
                )


@rule(
    "SC305",
    "published-before-sent",
    ERROR,
    "A response is not published before it was sent.",
    "Documents are sent on one date and published on another, usually later; a publication certainly before "
    "the sending means one of the dates is wrong.",
    "domain.md section 3.",
)
def _published_before_sent(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        if response.sent and response.published and response.published.certainly_before(response.sent):
            yield finding(
                "SC305",
                f"{path}.published",
                f"the response from {ctx.describe(response.responder)} was published {on_date(response.published)}, "
                f"before it was sent ({format_date(response.sent)})",
                response.id,
            )


@rule(
    "SC306",
    "dated-before-report",
    ERROR,
    "Assessments and follow-ups are not dated before the report.",
    "A monitoring body assesses, and a decision-making authority follows up, what a report recommended; "
    "neither can happen before the report reached its addressees.",
    "domain.md section 3: monitoring statuses and follow-up letters.",
)
def _dated_before_report(ctx: Context) -> Iterator[Problem]:
    start = ctx.report_date()
    if ctx.case is None or start is None:
        return
    dated: list[tuple[m.Assessment | m.FollowUp, str]] = [
        *((a, f"$.assessments[{i}].date") for i, a in enumerate(ctx.case.assessments)),
        *((f, f"$.followUps[{i}].date") for i, f in enumerate(ctx.case.follow_ups)),
    ]
    for obj, path in dated:
        if obj.date.certainly_before(start):
            what = (
                f"the assessment of {ctx.describe(obj.item)} by {ctx.describe(obj.assessor)}"
                if isinstance(obj, m.Assessment)
                else f"the follow-up from {ctx.describe(obj.sender)}"
            )
            message = f"{what} is dated {format_date(obj.date)}, before the report ({format_date(start)})"
            yield finding("SC306", path, message, obj.id)


@rule(
    "SC307",
    "stated-date-differs",
    WARNING,
    "A due date stated beside a period is the date the period gives.",
    "Sources state a period and its date together ('within 56 days of the date of this report, namely by 28 "
    "May 2024'). The stated date governs, and the record keeps it; when the period counted from its anchor "
    "gives another day, one of them may be mistyped, or the source counted differently (56 days after the "
    "report's date in most coroners' reports, beginning with it in a few, neither in about a third). It is a "
    "warning: a faithful record of such a source is right, but a person should know the two disagree, and by "
    "how much. Checked only when both are known to the day.",
    "domain.md section 5: stated and computed deadlines disagree; Coroners (Investigations) Regulations 2013 "
    "regs 28-29.",
)
def _stated_date(ctx: Context) -> Iterator[Problem]:
    for deadline, path, ident, what in deadlines(ctx):
        if not isinstance(deadline, m.PeriodDeadline) or deadline.stated_date is None:
            continue
        found = ctx.resolution(deadline)
        if found is None or found.discrepancy is None or found.computed is None:
            continue
        days = abs(found.discrepancy)
        later = "later" if found.discrepancy > 0 else "earlier"
        period = ctx.resolution(attrs.evolve(deadline, stated_date=None))
        counted = period.explanation.split(": ", 1)[0] if period is not None else "the period"
        yield finding(
            "SC307",
            f"{path}.statedDate",
            f"the deadline of {what}: the stated date {format_date(deadline.stated_date)} is {days} "
            f"day{'s' if days != 1 else ''} {later} than {counted}, {format_date(found.computed)}",
            ident,
        )


@rule(
    "SC308",
    "bound-without-date",
    ERROR,
    "A planned completion said to be a bound has a date.",
    "'March 2026 at the earliest' is a bound on a planned completion: the record keeps the date (March 2026) "
    "and whether it is the earliest or the latest. A bound with no date says nothing a tracker can use; keep "
    "the response's words in 'plannedCompletionAsWritten' when there is no date to record.",
    "domain.md section 5: replies are not delivery ('Implementation March 26 earliest').",
)
def _bound_without_date(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        for i, item in enumerate(response.items):
            if item.planned_completion_bound is not None and item.planned_completion is None:
                yield finding(
                    "SC308",
                    f"{path}.items[{i}].plannedCompletionBound",
                    f"the planned completion of {ctx.describe(item.item)} in {ctx.response_name(response)} is said "
                    f"to be the {item.planned_completion_bound} one, but it has no date",
                    response.id,
                    item.item,
                )
