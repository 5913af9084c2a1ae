"""SC2xx: items and monitoring. Who an item is addressed to, who owns it, by when, and who reports on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from .. import model as m
from ..problems import Problem
from .base import ERROR, WARNING, finding, rule
from .context import Context, back_edges, item_name, recommendations, routes_by_item

__all__: list[str] = []


@rule(
    "SC201",
    "recommendation-without-addressee",
    ERROR,
    "Every recommendation has at least one addressee.",
    "A recommendation is made 'to any other person' (reg 8); without an addressee nobody owes a response and "
    "nobody can be overdue.",
    "SI 2018/748 reg 8; supercomplaint design card.",
)
def _no_addressee(ctx: Context) -> Iterator[Problem]:
    for _, rec, path in recommendations(ctx):
        if not rec.addressees:
            yield finding("SC201", path, f"recommendation {item_name(rec)} has no addressee", rec.id)


def _resolves(
    ctx: Context, item: m.Action | m.Recommendation, routes: Mapping[str, list[m.MonitoringObligation]]
) -> bool:
    if ctx.due(item.deadline) is not None:
        return True
    return any(ctx.due(route.deadline) is not None for route in routes.get(item.id, ()))


@rule(
    "SC202",
    "recommendation-without-deadline",
    ERROR,
    "Every recommendation has a deadline that resolves to a date.",
    "Either its own deadline (a fixed date, or a period from an event that has happened) or the deadline of a "
    "monitoring obligation that covers it. An open ('as soon as possible'), immediate or unstated deadline "
    "with no dated monitoring leaves nobody able to say when the recommendation is overdue.",
    "supercomplaint design card: every recommendation has an addressee and a deadline; domain.md section 1.",
)
def _rec_deadline(ctx: Context) -> Iterator[Problem]:
    routes = routes_by_item(ctx)
    for _, rec, path in recommendations(ctx):
        if not _resolves(ctx, rec, routes):
            yield finding(
                "SC202", path, f"recommendation {item_name(rec)} has no deadline that resolves to a date", rec.id
            )


@rule(
    "SC203",
    "action-without-deadline",
    WARNING,
    "An action has a deadline that resolves to a date.",
    "Actions are the decision-making authorities' own undertakings; the regulations set them no clock, and "
    "reports often say 'as soon as possible'. Without a date their progress cannot be called late, so it is "
    "flagged, as a warning.",
    "SI 2018/748 reg 8; seed 000 action 5.1.",
)
def _action_deadline(ctx: Context) -> Iterator[Problem]:
    if ctx.report is None:
        return
    routes = routes_by_item(ctx)
    for i, action in enumerate(ctx.report.actions):
        if not _resolves(ctx, action, routes):
            yield finding(
                "SC203",
                f"$.report.actions[{i}]",
                f"action {item_name(action)} has no deadline that resolves to a date",
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
                f"action {item_name(action)} is owned by {action.owner!r}, not a decision-making authority",
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
                f"recommendation {item_name(rec)} is addressed only to decision-making authorities",
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
                    f"nobody reports for the group {ref!r} on recommendation {item_name(rec)}",
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
            yield finding("SC207", f"$.report.monitoring[{i}]", f"{route.reporter!r} reports to itself", route.id)
    for index in back_edges(edges):
        route = ctx.report.monitoring[index]
        yield finding(
            "SC207",
            f"$.report.monitoring[{index}]",
            f"reporting from {route.reporter!r} to {route.recipient!r} closes a cycle",
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
    entries: list[tuple[m.Deadline, str, str]] = []
    for i, action in enumerate(ctx.report.actions):
        entries.append((action.deadline, f"$.report.actions[{i}].deadline", action.id))
    for _, rec, path in recommendations(ctx):
        entries.append((rec.deadline, f"{path}.deadline", rec.id))
    for i, route in enumerate(ctx.report.monitoring):
        entries.append((route.deadline, f"$.report.monitoring[{i}].deadline", route.id))
    for deadline, path, ident in entries:
        if isinstance(deadline, m.FixedDeadline) and deadline.date.latest < start.earliest:
            yield finding(
                "SC208", path, f"the deadline {deadline.date.isoformat()} is before the report ({start})", ident
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
                f"{route.reporter!r} reports for {group.id!r}, whose collator is {group.collator!r}",
                route.id,
            )


@rule(
    "SC210",
    "route-about-others-items",
    WARNING,
    "A monitoring route covers items its reporter (or the group it reports for) is addressed by.",
    "A route that asks the NPCC to report on a recommendation made only to the Home Office asks for a report "
    "nobody can give. The reporter, the group it reports for, or the group the reporter belongs to must be an "
    "addressee or co-actor of each item, or own the action.",
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
            if located is None:
                continue
            if not (reporters & ctx.obliged(located.obj)):
                yield finding(
                    "SC210",
                    f"$.report.monitoring[{i}].items[{j}]",
                    f"{route.reporter!r} reports on {ref!r}, which is not addressed to it or to those it reports for",
                    route.id,
                    ref,
                )
