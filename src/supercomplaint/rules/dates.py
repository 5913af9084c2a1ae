"""SC3xx: dates. The complaint's stages, responses, plans and follow-ups run forward in time."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..partialdate import PartialDate
from ..problems import Problem
from .base import ERROR, WARNING, finding, rule
from .context import Context, response_date

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
        ("received", complaint.received, "$.complaint.received"),
        ("acknowledged", complaint.acknowledged, "$.complaint.acknowledged"),
        (
            "eligibility decided",
            complaint.eligibility.date if complaint.eligibility else None,
            "$.complaint.eligibility.date",
        ),
    ]
    if case.report is not None:
        stages += [
            ("report sent", case.report.sent_to_addressees, "$.report.sentToAddressees"),
            ("report published", case.report.published, "$.report.published"),
        ]
    latest: tuple[str, PartialDate] | None = None
    for name, when, path in stages:
        if when is None:
            continue
        if latest is not None and when.certainly_before(latest[1]):
            yield finding("SC301", path, f"{name} ({when}) is before {latest[0]} ({latest[1]})", case.id)
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
                    f"response {response.id!r} is {field} {when}, before the report ({start})",
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
            f"acknowledged {acknowledged.isoformat()}, after the 5 working days ending {due.isoformat()}",
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
                    f"planned completion {planned} is before the response ({when})",
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
                f"published {response.published}, before it was sent ({response.sent})",
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
            yield finding("SC306", path, f"{obj.id!r} is dated {obj.date}, before the report ({start})", obj.id)
