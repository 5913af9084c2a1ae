"""SC2xx: items and monitoring. Who an item is addressed to, who owns it, by when, and who reports on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from .. import model as m
from ..deadlines import format_date
from ..problems import Problem
from .base import ERROR, WARNING, finding, rule
from .context import Context, back_edges, recommendations, routes_by_item

__all__: list[str] = []


@rule(
    "SC201",
    "recommendation-without-addressee",
    ERROR,
    "Every recommendation has at least one addressee, unless its addressees are not captured.",
    "A recommendation is made 'to any other person' (reg 8); without an addressee nobody owes a response and "
    "nobody can be overdue. A record whose source does not say who a recommendation is addressed to lists "
    "'addressees' as not captured instead, and SC503 notes it.",
    "SI 2018/748 reg 8; supercomplaint design card.",
)
def _no_addressee(ctx: Context) -> Iterator[Problem]:
    for _, rec, path in recommendations(ctx):
        if not rec.addressees and m.Detail.ADDRESSEES not in rec.not_captured:
            yield finding("SC201", path, f"{ctx.item_name(rec)} has no addressee", rec.id)


def _unresolved_deadline(
    ctx: Context, item: m.Action | m.Recommendation, routes: Mapping[str, list[m.MonitoringObligation]]
) -> str | None:
    """Why an item has no deadline that resolves to a date (a day, or bounds), or None when it has one.

    None too when its deadline, or that of a monitoring obligation covering it, is not captured (SC504
    notes that instead), and for an item superseded by another (nothing is due on it).
    """
    own = ctx.resolution(item.deadline)
    if own is None or own.dated or any(link.relation is m.LinkRelation.SUPERSEDED_BY for link in item.links):
        return None
    covering = routes.get(item.id, ())
    for route in covering:
        found = ctx.resolution(route.deadline)
        if found is not None and found.dated:
            return None
    if any(isinstance(d, m.NotCapturedDeadline) for d in (item.deadline, *(r.deadline for r in covering))):
        return None
    why = own.explanation.replace(": no due date", "")
    anchor = item.deadline.anchor_ref if isinstance(item.deadline, m.PeriodDeadline) else None
    if anchor is not None and (anchor in ctx.responses or anchor in ctx.follow_ups):
        why += f"; the deadline counts from {ctx.describe(anchor)}"
    return why


@rule(
    "SC202",
    "recommendation-without-deadline",
    WARNING,
    "A recommendation has a deadline that resolves to a date.",
    "Either its own deadline (a fixed date, a month or a year, or a period from an event the record dates) or "
    "the deadline of a monitoring obligation that covers it. An open ('as soon as possible'), immediate or "
    "unstated deadline with no dated monitoring leaves nobody able to say when the recommendation is overdue. "
    "It is a warning, not an error: reports do make recommendations with no deadline, and a record that says "
    "so faithfully is right; the warning asks a person to confirm that the source states none, because a "
    "tracker cannot call such a recommendation late. A deadline the source may state but the record does not "
    "have is not this rule's business: SC504 notes it. A recommendation superseded by another is not "
    "checked: nothing is due on it.",
    "supercomplaint design card: every recommendation has an addressee and a deadline; domain.md sections 1 and "
    "3 (deadlines: absolute, relative, immediate, open, none).",
)
def _rec_deadline(ctx: Context) -> Iterator[Problem]:
    routes = routes_by_item(ctx)
    for _, rec, path in recommendations(ctx):
        why = _unresolved_deadline(ctx, rec, routes)
        if why is not None:
            yield finding(
                "SC202",
                path,
                f"{ctx.item_name(rec)} has no deadline that resolves to a date ({why})",
                rec.id,
            )


@rule(
    "SC203",
    "action-without-deadline",
    WARNING,
    "An action has a deadline that resolves to a date.",
    "Actions are the decision-making authorities' own undertakings; the regulations set them no clock, and "
    "reports often say 'as soon as possible'. Without a date their progress cannot be called late, so it is "
    "flagged, as a warning. A deadline not captured in the record is noted by SC504 instead.",
    "SI 2018/748 reg 8; seed 000 action 5.1.",
)
def _action_deadline(ctx: Context) -> Iterator[Problem]:
    if ctx.report is None:
        return
    routes = routes_by_item(ctx)
    for i, action in enumerate(ctx.report.actions):
        why = _unresolved_deadline(ctx, action, routes)
        if why is not None:
            yield finding(
                "SC203",
                f"$.report.actions[{i}]",
                f"{ctx.item_name(action)} has no deadline that resolves to a date",
                action.id,
            )


@rule(
    "SC204",
    "action-not-owned-by-authority",
    ERROR,
    "Every action is owned by one of the decision-making authorities.",
    "Actions are what the decision-making authorities (HMICFRS, the IOPC Director General, the College of "
    "Policing) will do themselves; a step for anyone else is a recommendation.",
    "SI 2018/748 reg 8.",
)
def _action_owner(ctx: Context) -> Iterator[Problem]:
    if ctx.case is None or ctx.report is None:
        return
    authorities = set(ctx.case.complaint.decision_makers)
    for i, action in enumerate(ctx.report.actions):
        if action.owner not in authorities:
            yield finding(
                "SC204",
                f"$.report.actions[{i}]",
                f"{ctx.item_name(action)} is owned by {ctx.describe(action.owner)}, which is not a decision-making "
                "authority",
                action.id,
                action.owner,
            )


@rule(
    "SC205",
    "recommendation-to-authorities-only",
    WARNING,
    "A recommendation is not addressed only to the decision-making authorities.",
    "The regulations give the decision-making authorities actions, and recommendations to others; a "
    "recommendation addressed only to them is probably an action.",
    "SI 2018/748 reg 8.",
)
def _rec_to_authorities(ctx: Context) -> Iterator[Problem]:
    if ctx.case is None:
        return
    authorities = set(ctx.case.complaint.decision_makers)
    for _, rec, path in recommendations(ctx):
        if rec.addressees and set(rec.addressees) <= authorities:
            yield finding(
                "SC205",
                path,
                f"{ctx.item_name(rec)} is addressed only to decision-making authorities",
                rec.id,
            )


@rule(
    "SC206",
    "group-without-monitoring-route",
    WARNING,
    "Every group addressee has a monitoring route for the item.",
    "A group addressee ('chief constables') stands for many bodies; someone must report for it (usually its "
    "collator, such as the NPCC), to someone, by some date, or nobody collects the answers. The route is a "
    "monitoring obligation that covers the item and either is made by the group's members or is on behalf "
    "of the group.",
    "domain.md section 3: collators; seed 000 recommendation 5.6.",
)
def _group_route(ctx: Context) -> Iterator[Problem]:
    routes = routes_by_item(ctx)
    for _, rec, path in recommendations(ctx):
        for j, ref in enumerate(rec.addressees):
            if not ctx.is_group(ref):
                continue
            covered = any(r.on_behalf_of == ref or r.reporter == ref for r in routes.get(rec.id, ()))
            if not covered:
                yield finding(
                    "SC206",
                    f"{path}.addressees[{j}]",
                    f"nobody reports for the group {ctx.describe(ref)} on {ctx.item_name(rec)}",
                    rec.id,
                    ref,
                )


@rule(
    "SC207",
    "monitoring-cycle",
    ERROR,
    "Monitoring routes have no cycles.",
    "Reports flow from those who act to those who monitor (forces to the NPCC, the NPCC to HMICFRS). A cycle "
    "(A reports to B, B reports to A) means nobody is at the end of the chain.",
    "domain.md section 1: monitoring.",
)
def _cycles(ctx: Context) -> Iterator[Problem]:
    if ctx.report is None:
        return
    edges: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, route in enumerate(ctx.report.monitoring):
        if route.reporter != route.recipient:
            edges[route.reporter].append((route.recipient, i))
        else:
            where = f" in {ctx.route_name(route)}" if route.label else ""
            yield finding(
                "SC207",
                f"$.report.monitoring[{i}]",
                f"{ctx.describe(route.reporter)} reports to itself{where}",
                route.id,
            )
    for index in back_edges(edges):
        route = ctx.report.monitoring[index]
        yield finding(
            "SC207",
            f"$.report.monitoring[{index}]",
            f"reporting from {ctx.describe(route.reporter)} to {ctx.describe(route.recipient)} closes a cycle"
            + (f" ({ctx.route_name(route)})" if route.label else ""),
            route.id,
        )


@rule(
    "SC208",
    "fixed-deadline-before-report",
    ERROR,
    "A fixed deadline is not before the report.",
    "A deadline set by a report cannot fall before the report reached its addressees (or, when that is not "
    "known, before it was published).",
    "domain.md section 1: deadlines.",
)
def _fixed_before_report(ctx: Context) -> Iterator[Problem]:
    start = ctx.report_date()
    if ctx.report is None or start is None:
        return
    entries: list[tuple[m.Deadline, str, str, str]] = []
    for i, action in enumerate(ctx.report.actions):
        entries.append((action.deadline, f"$.report.actions[{i}].deadline", action.id, ctx.item_name(action)))
    for _, rec, path in recommendations(ctx):
        entries.append((rec.deadline, f"{path}.deadline", rec.id, ctx.item_name(rec)))
    for i, route in enumerate(ctx.report.monitoring):
        entries.append((route.deadline, f"$.report.monitoring[{i}].deadline", route.id, ctx.route_name(route)))
    for deadline, path, ident, what in entries:
        if isinstance(deadline, m.FixedDeadline) and deadline.date.latest < start.earliest:
            yield finding(
                "SC208",
                path,
                f"the deadline of {what}, {format_date(deadline.date)}, is before the report ({format_date(start)})",
                ident,
            )


@rule(
    "SC209",
    "route-not-by-collator",
    WARNING,
    "A route on behalf of a group is reported by the group's collator.",
    "When a monitoring obligation says a body reports on behalf of a group, that body should be the group's "
    "collator (the NPCC for chief constables, the APCC for local policing bodies); otherwise two bodies may "
    "each think the other collates.",
    "domain.md section 3: collators.",
)
def _route_collator(ctx: Context) -> Iterator[Problem]:
    if ctx.report is None:
        return
    for i, route in enumerate(ctx.report.monitoring):
        if route.on_behalf_of is None:
            continue
        group = ctx.get_group(route.on_behalf_of)
        if group is not None and group.collator is not None and group.collator != route.reporter:
            yield finding(
                "SC209",
                f"$.report.monitoring[{i}]",
                f"{ctx.describe(route.reporter)} reports for {group.name}, whose collator is "
                f"{ctx.describe(group.collator)}" + (f" ({ctx.route_name(route)})" if route.label else ""),
                route.id,
            )


@rule(
    "SC210",
    "route-about-others-items",
    WARNING,
    "A monitoring route covers items its reporter (or the group it reports for) is addressed by.",
    "A route that asks the NPCC to report on a recommendation made only to the Home Office asks for a report "
    "nobody can give. The reporter, the group it reports for, or the group the reporter belongs to must be an "
    "addressee or co-actor of each item, or own the action. An item whose addressees are not captured is not "
    "checked: nobody can tell.",
    "seed 000 recommendation 5.6.",
)
def _route_items(ctx: Context) -> Iterator[Problem]:
    if ctx.report is None:
        return
    for i, route in enumerate(ctx.report.monitoring):
        reporters = {route.reporter, *ctx.members(route.reporter)}
        if route.on_behalf_of is not None:
            reporters |= {route.on_behalf_of, *ctx.members(route.on_behalf_of)}
        for j, ref in enumerate(route.items):
            located = ctx.items.get(ref)
            if located is None or ctx.addressees_unknown(located.obj):
                continue
            if not (reporters & ctx.obliged(located.obj)):
                yield finding(
                    "SC210",
                    f"$.report.monitoring[{i}].items[{j}]",
                    f"{ctx.describe(route.reporter)} reports on {ctx.item_name(located.obj)}, which is not "
                    f"addressed to it or to those it reports for"
                    + (f" ({ctx.route_name(route)})" if route.label else ""),
                    route.id,
                    ref,
                )


def stated_counts(ctx: Context) -> Iterator[tuple[m.StatedCount, str, int]]:
    """Every count the report states, with its path and the number of such items the record holds.

    A count for one addressee counts the recommendations naming it among their addressees (the actions it
    owns); recommendations whose addressees are not captured are not counted for anyone.
    """
    if ctx.report is None:
        return
    report = ctx.report
    held: dict[tuple[m.CountOf, str | None], int] = defaultdict(int)
    held[(m.CountOf.ACTIONS, None)] = len(report.actions)
    held[(m.CountOf.RECOMMENDATIONS, None)] = len(report.recommendations)
    for action in report.actions:
        held[(m.CountOf.ACTIONS, action.owner)] += 1
    for rec in report.recommendations:
        for ref in set(rec.addressees):
            held[(m.CountOf.RECOMMENDATIONS, ref)] += 1
    for j, count in enumerate(report.stated_counts):
        yield count, f"$.report.statedCounts[{j}]", held[(count.of, count.addressee)]


def counted(ctx: Context, count: m.StatedCount, number: int | None = None) -> str:
    """What a stated count counts, for a person: 'recommendations' or 'recommendations to Kent Police'; in
    the singular when there is ``number`` 1 of them."""
    what = str(count.of).removesuffix("s") if number == 1 else str(count.of)
    return f"{what} to {ctx.describe(count.addressee)}" if count.addressee is not None else what


def count_ids(ctx: Context, count: m.StatedCount) -> tuple[str, ...]:
    """The ids a finding on a stated count names: the report's, and the addressee's."""
    report = () if ctx.report is None else (ctx.report.id,)
    return report if count.addressee is None else (*report, count.addressee)


_COUNTS_SOURCE = "domain.md section 5: items known by number only ('29 recommendations, 15 to chief constables')."


@rule(
    "SC211",
    "more-items-than-stated",
    ERROR,
    "The record holds no more items than the report says it makes.",
    "A report's stated counts ('29 recommendations, 15 to chief constables') are the report's own words. A "
    "record that holds more recommendations (or actions) than the report states, overall or addressed to one "
    "body or group, has an item twice, an item of another report, or a count typed wrongly. Fewer is normal "
    "for a partial source: SC505 notes it.",
    _COUNTS_SOURCE,
)
def _more_than_stated(ctx: Context) -> Iterator[Problem]:
    for count, path, held in stated_counts(ctx):
        if held > count.count:
            yield finding(
                "SC211",
                path,
                f"the record holds {held} {counted(ctx, count, held)}, but the report states {count.count}",
                *count_ids(ctx, count),
            )


@rule(
    "SC212",
    "stated-counts-disagree",
    ERROR,
    "The report's stated counts of one kind, for one addressee, agree.",
    "Two stated counts of the same kind of item, for the same addressee (or both for the report as a whole), "
    "with different numbers cannot both be the report's: one of them is mistyped or belongs to another "
    "addressee.",
    _COUNTS_SOURCE,
)
def _counts_disagree(ctx: Context) -> Iterator[Problem]:
    first: dict[tuple[m.CountOf, str | None], int] = {}
    for count, path, _ in stated_counts(ctx):
        key = (count.of, count.addressee)
        seen = first.setdefault(key, count.count)
        if seen != count.count:
            yield finding(
                "SC212",
                path,
                f"the report's count of {counted(ctx, count)} is stated twice, as {seen} and as {count.count}",
                *count_ids(ctx, count),
            )


PERIOD_LIMITS: Mapping[m.Unit, int] = {
    m.Unit.DAYS: 36_525,
    m.Unit.WEEKS: 5_218,
    m.Unit.WORKING_DAYS: 26_100,
    m.Unit.MONTHS: 1_200,
    m.Unit.YEARS: 100,
}
"""The longest period each unit may count (100 years): a limit of the format, rule SC213."""


@rule(
    "SC213",
    "period-too-long",
    ERROR,
    "A period deadline lasts at most 100 years.",
    "Real periods run from five working days to a few years. A period of more than 100 years (36,525 days, "
    "5,218 weeks, 26,100 working days, 1,200 months or 100 years) is a typing mistake or an attack, and is "
    "refused as a limit of the format. Counting any period costs microseconds whatever its length; the limit "
    "keeps due dates within the calendar people plan by.",
    "issue 'Hostile input and failing disks', item 4 (a period of about 2 million working days).",
)
def _period_too_long(ctx: Context) -> Iterator[Problem]:
    report = ctx.report
    entries: list[tuple[m.Deadline, str, str]] = []
    if report is not None:
        entries += [(a.deadline, f"$.report.actions[{i}].deadline", a.id) for i, a in enumerate(report.actions)]
        entries += [(r.deadline, f"{path}.deadline", r.id) for _, r, path in recommendations(ctx)]
        entries += [(r.deadline, f"$.report.monitoring[{i}].deadline", r.id) for i, r in enumerate(report.monitoring)]
    if ctx.case is not None:
        entries += [(f.deadline, f"$.followUps[{i}].deadline", f.id) for i, f in enumerate(ctx.case.follow_ups)]
    for deadline, path, ident in entries:
        if isinstance(deadline, m.PeriodDeadline):
            limit = PERIOD_LIMITS[m.Unit(deadline.unit)]
            if deadline.amount > limit:
                unit = str(deadline.unit).replace("-", " ")
                years = "" if deadline.unit == m.Unit.YEARS else ", 100 years"
                yield finding(
                    "SC213",
                    f"{path}.amount",
                    f"a period of {deadline.amount:,} {unit} is longer than the format allows "
                    f"({limit:,} {unit}{years})",
                    ident,
                )
