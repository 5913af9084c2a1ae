"""The domain's rules: what a schema cannot say about a record that can be trusted.

Each rule has a stable code (``SC101`` ...), a severity, a one-line summary and an explanation with the
source it rests on. :func:`check` runs them over a document and returns findings, which are
:class:`~supercomplaint.problems.Problem` objects like every other problem in the library: code, severity,
the JSON path of the offending object, the ids involved, and a plain message.

Every rule costs time linear in the size of the document: the document is indexed once, and no rule
compares all pairs of objects.

>>> import supercomplaint as sc
>>> [f.code for f in sc.check(sc.load("examples/hestia/case.json")) if f.severity == "error"]
[]
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from . import model as m
from .partialdate import PartialDate
from .problems import Problem, Severity, join_path, sort_problems
from .registry import Registry, RegistryError, default_registry

__all__ = ["RULES", "Finding", "Rule", "check", "rules_markdown"]

Finding = Problem
"""A rule's finding is the library's one problem type."""

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the domain: a stable code, a severity, what it says, and what it rests on."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    source: str
    check: Callable[[Context], Iterable[Finding]] = attrs.field(repr=False, eq=False)


RULES: dict[str, Rule] = {}
"""Every rule, by code, in code order."""


def _rule(
    code: str, name: str, severity: Severity, summary: str, explanation: str, source: str
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    def register(func: Callable[[Context], Iterable[Finding]]) -> Callable[[Context], Iterable[Finding]]:
        if code in RULES:  # pragma: no cover - a programming error caught at import
            raise ValueError(f"rule code {code} is used twice")
        RULES[code] = Rule(
            code=code, name=name, severity=severity, summary=summary, explanation=explanation, source=source, check=func
        )
        return func

    return register


# --------------------------------------------------------------------------------------------------
# The index: every object of a document, its path, and the names it can refer to. Built once.
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class _Located:
    obj: Any
    path: str


class Context:
    """A document indexed once for the rules: objects by id with their paths, bodies and groups."""

    def __init__(self, doc: m.Document, registry: Registry | None = None) -> None:
        self.doc = doc
        base = registry if registry is not None else default_registry()
        bodies: tuple[m.Body, ...] = getattr(doc, "bodies", ())
        groups: tuple[m.Group, ...] = getattr(doc, "groups", ())
        self.registry: Registry = base.extend(bodies, groups)
        self._members: dict[str, tuple[str, ...]] = {}
        self.ids: dict[str, list[_Located]] = defaultdict(list)
        self.items: dict[str, _Located] = {}
        self.parts: dict[str, tuple[str, _Located]] = {}
        self.monitoring: dict[str, _Located] = {}
        self.responses: dict[str, _Located] = {}
        self.follow_ups: dict[str, _Located] = {}
        self.case: m.CaseRecord | None = doc if isinstance(doc, m.CaseRecord) else None
        self.report: m.Report | None = self.case.report if self.case else None
        self._index()

    # -- indexing -------------------------------------------------------------------------------

    def _add(self, obj: Any, path: str) -> _Located:
        located = _Located(obj, path)
        self.ids[obj.id].append(located)
        return located

    def _index_parts(self, owner: str, parts: tuple[m.Part, ...], path: str) -> None:
        stack = [(parts, path)]
        while stack:
            level, base = stack.pop()
            for i, part in enumerate(level):
                where = join_path(join_path(base, "parts"), i)
                located = self._add(part, where)
                self.parts.setdefault(part.id, (owner, located))
                stack.append((part.parts, where))

    def _index(self) -> None:
        doc = self.doc
        for i, body in enumerate(getattr(doc, "bodies", ())):
            self._add(body, f"$.bodies[{i}]")
        for i, group in enumerate(getattr(doc, "groups", ())):
            self._add(group, f"$.groups[{i}]")
        if isinstance(doc, m.ResponseDocument):
            self.responses[doc.response.id] = self._add(doc.response, "$.response")
            return
        if self.case is None:
            return
        case = self.case
        self.ids[case.id].append(_Located(case, "$"))
        if self.report is not None:
            report = self.report
            self.ids[report.id].append(_Located(report, "$.report"))
            for i, action in enumerate(report.actions):
                path = f"$.report.actions[{i}]"
                self.items.setdefault(action.id, self._add(action, path))
                self._index_parts(action.id, action.parts, path)
            for i, rec in enumerate(report.recommendations):
                path = f"$.report.recommendations[{i}]"
                self.items.setdefault(rec.id, self._add(rec, path))
                self._index_parts(rec.id, rec.parts, path)
            for i, route in enumerate(report.monitoring):
                self.monitoring.setdefault(route.id, self._add(route, f"$.report.monitoring[{i}]"))
        for i, response in enumerate(case.responses):
            self.responses.setdefault(response.id, self._add(response, f"$.responses[{i}]"))
        for i, assessment in enumerate(case.assessments):
            self._add(assessment, f"$.assessments[{i}]")
        for i, follow_up in enumerate(case.follow_ups):
            self.follow_ups.setdefault(follow_up.id, self._add(follow_up, f"$.followUps[{i}]"))

    # -- helpers for rules ----------------------------------------------------------------------

    def response_entries(self) -> Iterator[tuple[m.Response, str]]:
        """Every response of the document with its path."""
        for located in self.responses.values():
            yield located.obj, located.path

    def is_body(self, ref: str) -> bool:
        return isinstance(self.registry.get(ref), m.Body)

    def is_group(self, ref: str) -> bool:
        return isinstance(self.registry.get(ref), m.Group)

    def get_group(self, ref: str) -> m.Group | None:
        found = self.registry.get(ref)
        return found if isinstance(found, m.Group) else None

    def members(self, ref: str) -> tuple[str, ...]:
        """Ids of the bodies a body or group reference stands for (nested groups expanded); unknown: none."""
        if ref not in self._members:
            try:
                self._members[ref] = tuple(b.id for b in self.registry.members(ref))
            except RegistryError:
                self._members[ref] = ()
        return self._members[ref]

    def report_date(self) -> PartialDate | None:
        """When the report reached its addressees: sent, else published."""
        if self.report is None:
            return None
        return self.report.sent_to_addressees or self.report.published

    def due(self, deadline: m.Deadline) -> dt.date | None:
        """The date a deadline resolves to in this case, or None."""
        if self.case is None:
            return None
        from .deadlines import resolve

        return resolve(deadline, self.case, registry=self.registry).due


def _finding(rule_code: str, path: str, message: str, *ids: str) -> Finding:
    rule = RULES[rule_code]
    return Problem(code=rule.code, severity=rule.severity, path=path, message=message, ids=tuple(ids))


def _response_date(response: m.Response) -> PartialDate | None:
    return response.sent or response.published


# --------------------------------------------------------------------------------------------------
# SC1xx: identity and references
# --------------------------------------------------------------------------------------------------

_REG = "supercomplaint design card: ids are stable and unique; every reference resolves."


@_rule(
    "SC101",
    "duplicate-id",
    ERROR,
    "Ids are unique in a document.",
    "Every object with an id (bodies, groups, the case, the report, actions, recommendations, parts, monitoring "
    "obligations, responses, assessments, follow-ups) has an id no other object in the document has, so that "
    "a reference names exactly one thing. Source labels such as '5.2' may repeat; ids may not.",
    _REG,
)
def _duplicate_ids(ctx: Context) -> Iterator[Finding]:
    for ident, places in ctx.ids.items():
        for located in places[1:]:
            yield _finding("SC101", located.path, f"the id {ident!r} is already used at {places[0].path}", ident)


def _refs(ctx: Context) -> Iterator[tuple[str, str, str, Collection[str]]]:
    """Every reference in the document: (path, ref, what it must be, allowed kinds)."""
    doc = ctx.doc
    body = {"body"}
    party = {"body", "group"}
    for i, group in enumerate(getattr(doc, "groups", ())):
        base = f"$.groups[{i}]"
        for j, member in enumerate(group.members):
            yield f"{base}.members[{j}]", member, "a member", party
        if group.collator is not None:
            yield f"{base}.collator", group.collator, "a collator", body
    if isinstance(doc, m.ResponseDocument):
        yield from _response_refs(ctx, doc.response, "$.response", check_items=False)
        return
    case = ctx.case
    if case is None:
        return
    for j, ref in enumerate(case.complaint.complainants):
        yield f"$.complaint.complainants[{j}]", ref, "a complainant", body
    for j, ref in enumerate(case.complaint.decision_makers):
        yield f"$.complaint.decisionMakers[{j}]", ref, "a decision-making authority", body
    report = case.report
    if report is not None:
        for j, ref in enumerate(report.authors):
            yield f"$.report.authors[{j}]", ref, "an author", body
        for i, action in enumerate(report.actions):
            base = f"$.report.actions[{i}]"
            yield f"{base}.owner", action.owner, "an owner", body
            yield from _deadline_refs(action.deadline, f"{base}.deadline")
        for i, rec in enumerate(report.recommendations):
            base = f"$.report.recommendations[{i}]"
            for j, ref in enumerate(rec.addressees):
                yield f"{base}.addressees[{j}]", ref, "an addressee", party
            for field, people in (("coActors", rec.co_actors), ("consultees", rec.consultees)):
                for j, participant in enumerate(people):
                    if participant.ref is not None:
                        yield f"{base}.{field}[{j}].ref", participant.ref, "a party", party
            yield from _deadline_refs(rec.deadline, f"{base}.deadline")
        for i, route in enumerate(report.monitoring):
            base = f"$.report.monitoring[{i}]"
            yield f"{base}.reporter", route.reporter, "a reporter", party
            yield f"{base}.recipient", route.recipient, "a recipient", body
            if route.on_behalf_of is not None:
                yield f"{base}.onBehalfOf", route.on_behalf_of, "a group reported for", {"group"}
            for j, ref in enumerate(route.items):
                yield f"{base}.items[{j}]", ref, "an item", {"item"}
            if route.source is not None:
                yield f"{base}.source", route.source, "the item or part that sets it", {"item", "part"}
            yield from _deadline_refs(route.deadline, f"{base}.deadline")
    for i, response in enumerate(case.responses):
        yield from _response_refs(ctx, response, f"$.responses[{i}]", check_items=True)
    for i, assessment in enumerate(case.assessments):
        base = f"$.assessments[{i}]"
        yield f"{base}.assessor", assessment.assessor, "an assessor", body
        yield f"{base}.item", assessment.item, "an item", {"item"}
        if assessment.subject is not None:
            yield f"{base}.subject", assessment.subject, "a subject", party
    for i, follow_up in enumerate(case.follow_ups):
        base = f"$.followUps[{i}]"
        yield f"{base}.sender", follow_up.sender, "a sender", body
        for j, ref in enumerate(follow_up.recipients):
            yield f"{base}.recipients[{j}]", ref, "a recipient", party
        for j, ref in enumerate(follow_up.items):
            yield f"{base}.items[{j}]", ref, "an item", {"item"}
        yield from _deadline_refs(follow_up.deadline, f"{base}.deadline")


def _deadline_refs(deadline: m.Deadline, path: str) -> Iterator[tuple[str, str, str, Collection[str]]]:
    if isinstance(deadline, m.PeriodDeadline) and deadline.anchor_ref is not None:
        kind = "response" if deadline.anchor is m.Anchor.RESPONSE else "follow-up"
        yield f"{path}.anchorRef", deadline.anchor_ref, f"the {kind} counted from", {kind}


def _response_refs(
    ctx: Context, response: m.Response, base: str, *, check_items: bool
) -> Iterator[tuple[str, str, str, Collection[str]]]:
    yield f"{base}.responder", response.responder, "a responder", {"body"}
    if response.on_behalf_of is not None:
        yield f"{base}.onBehalfOf", response.on_behalf_of, "a body or group answered for", {"body", "group"}
    for i, item in enumerate(response.items):
        where = f"{base}.items[{i}]"
        for j, outcome in enumerate(item.member_outcomes):
            yield f"{where}.memberOutcomes[{j}].member", outcome.member, "a member", {"body"}
        if not check_items:
            continue
        yield f"{where}.item", item.item, "an item", {"item"}
        for j, part in enumerate(item.parts):
            yield f"{where}.parts[{j}]", part, "a part", {"part"}
    if check_items:
        for j, ref in enumerate(response.in_reply_to):
            yield f"{base}.inReplyTo[{j}]", ref, "a monitoring obligation or follow-up", {"monitoring", "follow-up"}


def _kind_of_ref(ctx: Context, ref: str) -> set[str]:
    kinds = set()
    if ctx.is_body(ref):
        kinds.add("body")
    if ctx.is_group(ref):
        kinds.add("group")
    if ref in ctx.items:
        kinds.add("item")
    if ref in ctx.parts:
        kinds.add("part")
    if ref in ctx.monitoring:
        kinds.add("monitoring")
    if ref in ctx.responses:
        kinds.add("response")
    if ref in ctx.follow_ups:
        kinds.add("follow-up")
    return kinds


@_rule(
    "SC102",
    "unresolved-reference",
    ERROR,
    "Every reference resolves to an object of the right kind.",
    "A reference to a body or group resolves against the document's own bodies and groups and then the "
    "shipped register; a reference to an item, part, monitoring obligation, response or follow-up resolves "
    "inside the case record. A reference that names nothing, or names the wrong kind of thing (an item "
    "where a body is expected), is an error. A response document is checked for the references it can "
    "resolve on its own (bodies); its items are checked when it is compiled into a case.",
    _REG,
)
def _unresolved(ctx: Context) -> Iterator[Finding]:
    for path, ref, role, allowed in _refs(ctx):
        kinds = _kind_of_ref(ctx, ref)
        if kinds & set(allowed):
            continue
        if kinds:
            yield _finding(
                "SC102",
                path,
                f"{ref!r} is a {'/'.join(sorted(kinds))}, not {role} ({' or '.join(sorted(allowed))})",
                ref,
            )
        else:
            yield _finding("SC102", path, f"{ref!r} ({role}) is not defined in the document or the register", ref)


@_rule(
    "SC103",
    "part-of-another-item",
    ERROR,
    "A response's parts belong to the item it answers.",
    "When a response names parts of an item ('partially accepted: parts a) and c)'), each part must be a "
    "part of that item, not of another.",
    _REG,
)
def _part_of_other(ctx: Context) -> Iterator[Finding]:
    for response, base in ctx.response_entries():
        if ctx.case is None:
            return
        for i, item in enumerate(response.items):
            for j, part in enumerate(item.parts):
                owner = ctx.parts.get(part)
                if owner is not None and owner[0] != item.item:
                    yield _finding(
                        "SC103",
                        f"{base}.items[{i}].parts[{j}]",
                        f"part {part!r} belongs to {owner[0]!r}, not to {item.item!r}",
                        part,
                        item.item,
                    )


@_rule(
    "SC104",
    "empty-group",
    ERROR,
    "A group has at least one member.",
    "A group stands for its members, each of whom owes its own response; a group with no members would make "
    "an addressee who owes nothing.",
    "domain.md section 3: group addressees.",
)
def _empty_group(ctx: Context) -> Iterator[Finding]:
    for i, group in enumerate(getattr(ctx.doc, "groups", ())):
        if not group.members:
            yield _finding("SC104", f"$.groups[{i}]", f"group {group.id!r} has no members", group.id)


# --------------------------------------------------------------------------------------------------
# SC2xx: items and monitoring
# --------------------------------------------------------------------------------------------------


def _recommendations(ctx: Context) -> Iterator[tuple[int, m.Recommendation, str]]:
    if ctx.report is not None:
        for i, rec in enumerate(ctx.report.recommendations):
            yield i, rec, f"$.report.recommendations[{i}]"


def _routes_by_item(ctx: Context) -> Mapping[str, list[m.MonitoringObligation]]:
    routes: dict[str, list[m.MonitoringObligation]] = defaultdict(list)
    if ctx.report is not None:
        for route in ctx.report.monitoring:
            for item in route.items:
                routes[item].append(route)
    return routes


@_rule(
    "SC201",
    "recommendation-without-addressee",
    ERROR,
    "Every recommendation has at least one addressee.",
    "A recommendation is made 'to any other person' (reg 8); without an addressee nobody owes a response and "
    "nobody can be overdue.",
    "SI 2018/748 reg 8; supercomplaint design card.",
)
def _no_addressee(ctx: Context) -> Iterator[Finding]:
    for _, rec, path in _recommendations(ctx):
        if not rec.addressees:
            yield _finding("SC201", path, f"recommendation {_name(rec)} has no addressee", rec.id)


def _name(item: m.Action | m.Recommendation) -> str:
    return f"{item.id!r}" + (f" ({item.label})" if item.label else "")


def _resolves(
    ctx: Context, item: m.Action | m.Recommendation, routes: Mapping[str, list[m.MonitoringObligation]]
) -> bool:
    if ctx.due(item.deadline) is not None:
        return True
    return any(ctx.due(route.deadline) is not None for route in routes.get(item.id, ()))


@_rule(
    "SC202",
    "recommendation-without-deadline",
    ERROR,
    "Every recommendation has a deadline that resolves to a date.",
    "Either its own deadline (a fixed date, or a period from an event that has happened) or the deadline of a "
    "monitoring obligation that covers it. An open ('as soon as possible'), immediate or unstated deadline "
    "with no dated monitoring leaves nobody able to say when the recommendation is overdue.",
    "supercomplaint design card: every recommendation has an addressee and a deadline; domain.md section 1.",
)
def _rec_deadline(ctx: Context) -> Iterator[Finding]:
    routes = _routes_by_item(ctx)
    for _, rec, path in _recommendations(ctx):
        if not _resolves(ctx, rec, routes):
            yield _finding(
                "SC202", path, f"recommendation {_name(rec)} has no deadline that resolves to a date", rec.id
            )


@_rule(
    "SC203",
    "action-without-deadline",
    WARNING,
    "An action has a deadline that resolves to a date.",
    "Actions are the decision-making authorities' own undertakings; the regulations set them no clock, and "
    "reports often say 'as soon as possible'. Without a date their progress cannot be called late, so it is "
    "flagged, as a warning.",
    "SI 2018/748 reg 8; seed 000 action 5.1.",
)
def _action_deadline(ctx: Context) -> Iterator[Finding]:
    if ctx.report is None:
        return
    routes = _routes_by_item(ctx)
    for i, action in enumerate(ctx.report.actions):
        if not _resolves(ctx, action, routes):
            yield _finding(
                "SC203",
                f"$.report.actions[{i}]",
                f"action {_name(action)} has no deadline that resolves to a date",
                action.id,
            )


@_rule(
    "SC204",
    "action-not-owned-by-authority",
    ERROR,
    "Every action is owned by one of the decision-making authorities.",
    "Actions are what the decision-making authorities (HMICFRS, the IOPC Director General, the College of "
    "Policing) will do themselves; a step for anyone else is a recommendation.",
    "SI 2018/748 reg 8.",
)
def _action_owner(ctx: Context) -> Iterator[Finding]:
    if ctx.case is None or ctx.report is None:
        return
    authorities = set(ctx.case.complaint.decision_makers)
    for i, action in enumerate(ctx.report.actions):
        if action.owner not in authorities:
            yield _finding(
                "SC204",
                f"$.report.actions[{i}]",
                f"action {_name(action)} is owned by {action.owner!r}, not a decision-making authority",
                action.id,
                action.owner,
            )


@_rule(
    "SC205",
    "recommendation-to-authorities-only",
    WARNING,
    "A recommendation is not addressed only to the decision-making authorities.",
    "The regulations give the decision-making authorities actions, and recommendations to others; a "
    "recommendation addressed only to them is probably an action.",
    "SI 2018/748 reg 8.",
)
def _rec_to_authorities(ctx: Context) -> Iterator[Finding]:
    if ctx.case is None:
        return
    authorities = set(ctx.case.complaint.decision_makers)
    for _, rec, path in _recommendations(ctx):
        if rec.addressees and set(rec.addressees) <= authorities:
            yield _finding(
                "SC205", path, f"recommendation {_name(rec)} is addressed only to decision-making authorities", rec.id
            )


@_rule(
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
def _group_route(ctx: Context) -> Iterator[Finding]:
    routes = _routes_by_item(ctx)
    for _, rec, path in _recommendations(ctx):
        for j, ref in enumerate(rec.addressees):
            if not ctx.is_group(ref):
                continue
            covered = any(r.on_behalf_of == ref or r.reporter == ref for r in routes.get(rec.id, ()))
            if not covered:
                yield _finding(
                    "SC206",
                    f"{path}.addressees[{j}]",
                    f"nobody reports for the group {ref!r} on recommendation {_name(rec)}",
                    rec.id,
                    ref,
                )


@_rule(
    "SC207",
    "monitoring-cycle",
    ERROR,
    "Monitoring routes have no cycles.",
    "Reports flow from those who act to those who monitor (forces to the NPCC, the NPCC to HMICFRS). A cycle "
    "(A reports to B, B reports to A) means nobody is at the end of the chain.",
    "domain.md section 1: monitoring.",
)
def _cycles(ctx: Context) -> Iterator[Finding]:
    if ctx.report is None:
        return
    edges: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, route in enumerate(ctx.report.monitoring):
        if route.reporter != route.recipient:
            edges[route.reporter].append((route.recipient, i))
        else:
            yield _finding("SC207", f"$.report.monitoring[{i}]", f"{route.reporter!r} reports to itself", route.id)
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    for start in list(edges):
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[tuple[str, int]]]] = [(start, iter(edges.get(start, ())))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            for child, index in children:
                if state.get(child) == 1:
                    route = ctx.report.monitoring[index]
                    yield _finding(
                        "SC207",
                        f"$.report.monitoring[{index}]",
                        f"reporting from {route.reporter!r} to {route.recipient!r} closes a cycle",
                        route.id,
                    )
                elif not state.get(child):
                    state[child] = 1
                    stack.append((child, iter(edges.get(child, ()))))
                    break
            else:
                state[node] = 2
                stack.pop()


@_rule(
    "SC208",
    "fixed-deadline-before-report",
    ERROR,
    "A fixed deadline is not before the report.",
    "A deadline set by a report cannot fall before the report reached its addressees (or, when that is not "
    "known, before it was published).",
    "domain.md section 1: deadlines.",
)
def _fixed_before_report(ctx: Context) -> Iterator[Finding]:
    start = ctx.report_date()
    if ctx.report is None or start is None:
        return
    entries: list[tuple[m.Deadline, str, str]] = []
    for i, action in enumerate(ctx.report.actions):
        entries.append((action.deadline, f"$.report.actions[{i}].deadline", action.id))
    for _, rec, path in _recommendations(ctx):
        entries.append((rec.deadline, f"{path}.deadline", rec.id))
    for i, route in enumerate(ctx.report.monitoring):
        entries.append((route.deadline, f"$.report.monitoring[{i}].deadline", route.id))
    for deadline, path, ident in entries:
        if isinstance(deadline, m.FixedDeadline) and deadline.date.latest < start.earliest:
            yield _finding(
                "SC208", path, f"the deadline {deadline.date.isoformat()} is before the report ({start})", ident
            )


@_rule(
    "SC209",
    "route-not-by-collator",
    WARNING,
    "A route on behalf of a group is reported by the group's collator.",
    "When a monitoring obligation says a body reports on behalf of a group, that body should be the group's "
    "collator (the NPCC for chief constables, the APCC for local policing bodies); otherwise two bodies may "
    "each think the other collates.",
    "domain.md section 3: collators.",
)
def _route_collator(ctx: Context) -> Iterator[Finding]:
    if ctx.report is None:
        return
    for i, route in enumerate(ctx.report.monitoring):
        if route.on_behalf_of is None:
            continue
        group = ctx.get_group(route.on_behalf_of)
        if group is not None and group.collator is not None and group.collator != route.reporter:
            yield _finding(
                "SC209",
                f"$.report.monitoring[{i}]",
                f"{route.reporter!r} reports for {group.id!r}, whose collator is {group.collator!r}",
                route.id,
            )


@_rule(
    "SC210",
    "route-about-others-items",
    WARNING,
    "A monitoring route covers items its reporter (or the group it reports for) is addressed by.",
    "A route that asks the NPCC to report on a recommendation made only to the Home Office asks for a report "
    "nobody can give. The reporter, the group it reports for, or the group the reporter belongs to must be an "
    "addressee or co-actor of each item, or own the action.",
    "seed 000 recommendation 5.6.",
)
def _route_items(ctx: Context) -> Iterator[Finding]:
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
            if not (reporters & _obliged(ctx, located.obj)):
                yield _finding(
                    "SC210",
                    f"$.report.monitoring[{i}].items[{j}]",
                    f"{route.reporter!r} reports on {ref!r}, which is not addressed to it or to those it reports for",
                    route.id,
                    ref,
                )


def _obliged(ctx: Context, item: m.Action | m.Recommendation) -> set[str]:
    """Every body or group that owes something on an item: addressees, their members, collators, co-actors."""
    if isinstance(item, m.Action):
        return {item.owner}
    out: set[str] = set()
    parties = [*item.addressees, *(p.ref for p in item.co_actors if p.ref is not None)]
    for ref in parties:
        out.add(ref)
        out.update(ctx.members(ref))
        group = ctx.get_group(ref)
        if group is not None and group.collator is not None:
            out.add(group.collator)
    return out


# --------------------------------------------------------------------------------------------------
# SC3xx: dates
# --------------------------------------------------------------------------------------------------


@_rule(
    "SC301",
    "stages-out-of-order",
    ERROR,
    "The complaint's stages run forward in time.",
    "Received, acknowledged, eligibility decided, report sent to addressees, report published: each stage "
    "that is dated is not certainly before the one it follows. Partial dates ('2019') are compared by the "
    "days they may stand for, so only a certain inversion is reported.",
    "SI 2018/748 regs 4-8.",
)
def _stages(ctx: Context) -> Iterator[Finding]:
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
            yield _finding("SC301", path, f"{name} ({when}) is before {latest[0]} ({latest[1]})", case.id)
        if latest is None or when.earliest >= latest[1].earliest:
            latest = (name, when)


@_rule(
    "SC302",
    "response-before-report",
    ERROR,
    "No response is dated before the report reached its addressees.",
    "A response answers the report; it cannot be sent or published before the report was sent to the "
    "addressees (or, when that is not known, published). Reports are sometimes sent a few days before they "
    "are published, so the sent date is the one compared.",
    "domain.md section 1: reports sent before publication.",
)
def _response_before_report(ctx: Context) -> Iterator[Finding]:
    start = ctx.report_date()
    if start is None:
        return
    for response, path in ctx.response_entries():
        for field, when in (("sent", response.sent), ("published", response.published)):
            if when is not None and when.certainly_before(start):
                yield _finding(
                    "SC302",
                    f"{path}.{field}",
                    f"response {response.id!r} is {field} {when}, before the report ({start})",
                    response.id,
                )


@_rule(
    "SC303",
    "late-acknowledgement",
    WARNING,
    "The complaint was acknowledged within 5 working days beginning with the day of receipt.",
    "HM Chief Inspector must acknowledge receipt within 5 working days beginning with the day of receipt; a "
    "working day is not a Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in England and "
    "Wales. Checked only when both dates are known to the day.",
    "SI 2018/748 reg 5.",
)
def _acknowledgement(ctx: Context) -> Iterator[Finding]:
    case = ctx.case
    if case is None:
        return
    received = case.complaint.received.as_date() if case.complaint.received else None
    acknowledged = case.complaint.acknowledged.as_date() if case.complaint.acknowledged else None
    if received is None or acknowledged is None:
        return
    from .deadlines import period_end

    due = period_end(received, 5, m.Unit.WORKING_DAYS, m.Counting.BEGINNING_WITH)
    if acknowledged > due:
        yield _finding(
            "SC303",
            "$.complaint.acknowledged",
            f"acknowledged {acknowledged.isoformat()}, after the 5 working days ending {due.isoformat()}",
            case.id,
        )


@_rule(
    "SC304",
    "planned-completion-before-response",
    ERROR,
    "A planned completion is not before the response that states it.",
    "A response that plans to finish by a date already past when it was written has the dates wrong (or "
    "means 'completed', which is progress, not a plan).",
    "domain.md section 3: targets that slip.",
)
def _planned(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        when = _response_date(response)
        if when is None:
            continue
        for i, item in enumerate(response.items):
            planned = item.planned_completion
            if planned is not None and planned.certainly_before(when):
                yield _finding(
                    "SC304",
                    f"{path}.items[{i}].plannedCompletion",
                    f"planned completion {planned} is before the response ({when})",
                    response.id,
                    item.item,
                )


@_rule(
    "SC305",
    "published-before-sent",
    ERROR,
    "A response is not published before it was sent.",
    "Documents are sent on one date and published on another, usually later; a publication certainly before "
    "the sending means one of the dates is wrong.",
    "domain.md section 3.",
)
def _published_before_sent(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        if response.sent and response.published and response.published.certainly_before(response.sent):
            yield _finding(
                "SC305",
                f"{path}.published",
                f"published {response.published}, before it was sent ({response.sent})",
                response.id,
            )


@_rule(
    "SC306",
    "dated-before-report",
    ERROR,
    "Assessments and follow-ups are not dated before the report.",
    "A monitoring body assesses, and a decision-making authority follows up, what a report recommended; "
    "neither can happen before the report reached its addressees.",
    "domain.md section 3: monitoring statuses and follow-up letters.",
)
def _dated_before_report(ctx: Context) -> Iterator[Finding]:
    start = ctx.report_date()
    if ctx.case is None or start is None:
        return
    dated: list[tuple[m.Assessment | m.FollowUp, str]] = [
        *((a, f"$.assessments[{i}].date") for i, a in enumerate(ctx.case.assessments)),
        *((f, f"$.followUps[{i}].date") for i, f in enumerate(ctx.case.follow_ups)),
    ]
    for obj, path in dated:
        if obj.date.certainly_before(start):
            yield _finding("SC306", path, f"{obj.id!r} is dated {obj.date}, before the report ({start})", obj.id)


# --------------------------------------------------------------------------------------------------
# SC4xx: eligibility and responses
# --------------------------------------------------------------------------------------------------


@_rule(
    "SC401",
    "refusal-without-reasons",
    ERROR,
    "A decision that a complaint is not eligible gives reasons.",
    "The decision-making authorities must give the designated body written reasons when they decide a "
    "super-complaint is not eligible.",
    "SI 2018/748 reg 6.",
)
def _refusal(ctx: Context) -> Iterator[Finding]:
    if ctx.case is None:
        return
    decision = ctx.case.complaint.eligibility
    if decision is not None and decision.outcome is m.Eligibility.NOT_ELIGIBLE and not decision.reasons:
        yield _finding("SC401", "$.complaint.eligibility", "the complaint was refused without reasons", ctx.case.id)


@_rule(
    "SC402",
    "report-on-ineligible-complaint",
    ERROR,
    "A complaint decided not eligible has no investigation report.",
    "Only an eligible super-complaint is investigated and reported on; a record with both a refusal and a "
    "report has one of them wrong.",
    "SI 2018/748 regs 6-8.",
)
def _report_on_refusal(ctx: Context) -> Iterator[Finding]:
    case = ctx.case
    if case is None or case.report is None or case.complaint.eligibility is None:
        return
    if case.complaint.eligibility.outcome is m.Eligibility.NOT_ELIGIBLE:
        yield _finding("SC402", "$.report", "the complaint was decided not eligible, yet it has a report", case.id)


_SUBSTANTIVE_FREE = {None, m.Position.NOTED, m.Position.NOT_ADDRESSED_TO_US}


@_rule(
    "SC403",
    "position-from-non-addressee",
    ERROR,
    "Only those who owe a response take a substantive position on an item.",
    "A body that is not an addressee of an item (nor a member of an addressee group, nor the collator of one, "
    "nor a co-actor, nor the owner of the action) may only say the item is not addressed to it, or note it. "
    "Accepting or rejecting someone else's recommendation is a sign that the response was filed against the "
    "wrong item.",
    "seed 000: 'This recommendation is addressed to the Home Office. The Constabulary will await further information.'",
)
def _non_addressee(ctx: Context) -> Iterator[Finding]:
    if ctx.case is None:
        return
    obliged_cache: dict[str, set[str]] = {}
    for response, path in ctx.response_entries():
        speaker = {response.responder} | ({response.on_behalf_of} if response.on_behalf_of else set())
        for i, answer in enumerate(response.items):
            if answer.position in _SUBSTANTIVE_FREE:
                continue
            located = ctx.items.get(answer.item)
            if located is None:
                continue
            if answer.item not in obliged_cache:
                obliged_cache[answer.item] = _obliged(ctx, located.obj)
            if not speaker & obliged_cache[answer.item]:
                yield _finding(
                    "SC403",
                    f"{path}.items[{i}].position",
                    f"{response.responder!r} is not addressed by {answer.item!r} but says {answer.position}",
                    response.id,
                    answer.item,
                )


@_rule(
    "SC404",
    "rejection-without-narrative",
    ERROR,
    "'Not accepted' and 'alternative proposed' carry a narrative; an alternative says what it is.",
    "A responder who does not accept a recommendation says why ('neither agreeing the rationale nor the "
    "assessment of the evidence'); one who proposes an alternative measure says what it is, in 'alternative' "
    "or the narrative.",
    "domain.md section 3: responses.",
)
def _rejection(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        for i, answer in enumerate(response.items):
            if answer.position is m.Position.NOT_ACCEPTED and not answer.narrative:
                yield _finding(
                    "SC404", f"{path}.items[{i}]", f"'not accepted' on {answer.item!r} gives no narrative", response.id
                )
            if answer.position is m.Position.ALTERNATIVE_PROPOSED and not (answer.narrative and answer.alternative):
                missing = "the alternative" if answer.narrative else "a narrative"
                yield _finding(
                    "SC404",
                    f"{path}.items[{i}]",
                    f"'alternative proposed' on {answer.item!r} does not give {missing}",
                    response.id,
                )


@_rule(
    "SC405",
    "partial-acceptance-without-parts",
    ERROR,
    "'Partially accepted' says which parts.",
    "A partial acceptance names the parts it accepts, so that a tracker can tell what is still open.",
    "domain.md section 3: responses.",
)
def _partial(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        for i, answer in enumerate(response.items):
            if answer.position is m.Position.PARTIALLY_ACCEPTED and not answer.parts:
                yield _finding(
                    "SC405",
                    f"{path}.items[{i}]",
                    f"'partially accepted' on {answer.item!r} names no parts",
                    response.id,
                )


@_rule(
    "SC406",
    "outcome-for-non-member",
    ERROR,
    "Per-member outcomes name members of the group answered for.",
    "A collated answer ('all 43 PCCs accepted') reports outcomes for the members of the group it answers "
    "for (on behalf of); an outcome for a body outside that group, or in a response that answers for no "
    "group, cannot meet anyone's obligation.",
    "domain.md section 3: collators and per-member outcomes.",
)
def _outcomes(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        group = ctx.get_group(response.on_behalf_of) if response.on_behalf_of else None
        members = set(ctx.members(group.id)) if group is not None else set()
        for i, answer in enumerate(response.items):
            for j, outcome in enumerate(answer.member_outcomes):
                if outcome.member not in members:
                    whose = f"of {group.id!r}" if group is not None else "of a group the response answers for"
                    yield _finding(
                        "SC406",
                        f"{path}.items[{i}].memberOutcomes[{j}]",
                        f"{outcome.member!r} is not a member {whose}",
                        response.id,
                        outcome.member,
                    )


_PROGRESS_ORDER = {p: i for i, p in enumerate(m.Progress)}


@_rule(
    "SC407",
    "progress-goes-backwards",
    WARNING,
    "An item's progress does not go backwards without a narrative.",
    "Over successive responses from the same body on the same item, progress claimed ('completed') does not "
    "fall back ('in progress') unless the later response has a narrative explaining it.",
    "domain.md section 3: several responses over time; targets that slip.",
)
def _regress(ctx: Context) -> Iterator[Finding]:
    series: dict[tuple[str, str], list[tuple[PartialDate, str, m.Response, int, m.ItemResponse]]] = defaultdict(list)
    for response, path in ctx.response_entries():
        when = _response_date(response)
        if when is None:
            continue
        for i, answer in enumerate(response.items):
            if answer.progress is not None:
                series[(response.responder, answer.item)].append((when, path, response, i, answer))
    for entries in series.values():
        entries.sort(key=lambda e: (e[0], e[2].id))
        for before, after in itertools.pairwise(entries):
            earlier, later = before[4], after[4]
            assert earlier.progress is not None
            assert later.progress is not None
            if _PROGRESS_ORDER[later.progress] < _PROGRESS_ORDER[earlier.progress] and not later.narrative:
                yield _finding(
                    "SC407",
                    f"{after[1]}.items[{after[3]}]",
                    f"progress on {later.item!r} fell from {earlier.progress} ({before[2].id}) to "
                    f"{later.progress} without a narrative",
                    after[2].id,
                    later.item,
                )


@_rule(
    "SC408",
    "item-answered-twice",
    ERROR,
    "A response answers each item once.",
    "Two answers to the same item in one document leave its position ambiguous; answer the parts in one "
    "entry, or send a later response.",
    "supercomplaint design card: a record you can trust.",
)
def _answered_twice(ctx: Context) -> Iterator[Finding]:
    for response, path in ctx.response_entries():
        seen: set[str] = set()
        for i, answer in enumerate(response.items):
            if answer.item in seen:
                yield _finding(
                    "SC408", f"{path}.items[{i}]", f"{answer.item!r} is answered twice in {response.id!r}", response.id
                )
            seen.add(answer.item)


# --------------------------------------------------------------------------------------------------
# Running the rules
# --------------------------------------------------------------------------------------------------


def _selected(code: str, select: Collection[str] | None, ignore: Collection[str] | None) -> bool:
    if select is not None and not any(code.startswith(s) for s in select):
        return False
    return not (ignore is not None and any(code.startswith(s) for s in ignore))


def check(
    doc: m.Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Run the rules over a document and return every finding, sorted by path.

    ``select`` and ``ignore`` take codes or code prefixes (``"SC2"`` is every item rule). ``registry`` is the
    register of bodies to resolve references against (default: the shipped one, extended by the document's
    own bodies and groups). Never raises for a document the loader accepted.

    >>> import supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> [(f.code, f.path) for f in sc.check(case, select=["SC2"])]
    [('SC203', '$.report.actions[0]'), ('SC203', '$.report.actions[1]')]
    """
    chosen = tuple(select) if select is not None else None
    dropped = tuple(ignore) if ignore is not None else None
    unknown = [c for c in (*(chosen or ()), *(dropped or ())) if not any(code.startswith(c) for code in RULES)]
    if unknown:
        raise ValueError(f"no rule has a code starting with {', '.join(map(repr, unknown))}")
    ctx = Context(doc, registry)
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if _selected(code, chosen, dropped):
            findings.extend(rule.check(ctx))
    return sort_problems(findings)


def rules_markdown() -> str:
    """The reference page ``docs/rules.md``, generated from :data:`RULES`."""
    lines = [
        "<!-- THIS IS A GENERATED FILE: run `python -m supercomplaint.rules > docs/rules.md` to regenerate. -->",
        "",
        "# Rules",
        "",
        "`supercomplaint.check(doc)` and `supercomplaint validate` run these rules. Each finding carries the rule's",
        "code, its severity, the JSON path of the offending object, the ids involved and a message.",
        "Select or ignore rules by code or prefix: `check(doc, select=['SC2'], ignore=['SC203'])`.",
        "",
        "| code | name | severity | rule |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.summary} |" for r in RULES.values()]
    for rule in RULES.values():
        lines += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.name}** ({rule.severity}): {rule.summary}",
            "",
            rule.explanation,
            "",
            f"Source: {rule.source}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
