"""SC1xx: identity and references. Ids are unique; every reference names an object of the right kind."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from .. import model as m
from ..problems import Problem
from .base import ERROR, finding, rule
from .context import Context

__all__: list[str] = []

_REG = "supercomplaint design card: ids are stable and unique; every reference resolves."


@rule(
    "SC101",
    "duplicate-id",
    ERROR,
    "Ids are unique in a document.",
    "Every object with an id (bodies, groups, the case, the report, actions, recommendations, parts, monitoring "
    "obligations, responses, assessments, follow-ups) has an id no other object in the document has, so that "
    "a reference names exactly one thing. Source labels such as '5.2' may repeat; ids may not.",
    _REG,
)
def _duplicate_ids(ctx: Context) -> Iterator[Problem]:
    for ident, places in ctx.ids.items():
        for located in places[1:]:
            yield finding("SC101", located.path, f"the id {ident!r} is already used at {places[0].path}", ident)


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


@rule(
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
def _unresolved(ctx: Context) -> Iterator[Problem]:
    for path, ref, role, allowed in _refs(ctx):
        kinds = _kind_of_ref(ctx, ref)
        if kinds & set(allowed):
            continue
        if kinds:
            yield finding(
                "SC102",
                path,
                f"{ref!r} is a {'/'.join(sorted(kinds))}, not {role} ({' or '.join(sorted(allowed))})",
                ref,
            )
        else:
            yield finding("SC102", path, f"{ref!r} ({role}) is not defined in the document or the register", ref)


@rule(
    "SC103",
    "part-of-another-item",
    ERROR,
    "A response's parts belong to the item it answers.",
    "When a response names parts of an item ('partially accepted: parts a) and c)'), each part must be a "
    "part of that item, not of another.",
    _REG,
)
def _part_of_other(ctx: Context) -> Iterator[Problem]:
    for response, base in ctx.response_entries():
        if ctx.case is None:
            return
        for i, item in enumerate(response.items):
            for j, part in enumerate(item.parts):
                owner = ctx.parts.get(part)
                if owner is not None and owner[0] != item.item:
                    yield finding(
                        "SC103",
                        f"{base}.items[{i}].parts[{j}]",
                        f"part {part!r} belongs to {owner[0]!r}, not to {item.item!r}",
                        part,
                        item.item,
                    )


@rule(
    "SC104",
    "empty-group",
    ERROR,
    "A group has at least one member.",
    "A group stands for its members, each of whom owes its own response; a group with no members would make "
    "an addressee who owes nothing.",
    "domain.md section 3: group addressees.",
)
def _empty_group(ctx: Context) -> Iterator[Problem]:
    for i, group in enumerate(getattr(ctx.doc, "groups", ())):
        if not group.members:
            yield finding("SC104", f"$.groups[{i}]", f"group {group.id!r} has no members", group.id)
