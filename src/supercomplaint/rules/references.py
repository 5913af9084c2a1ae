"""SC1xx: identity and references. Ids are unique; every reference names an object of the right kind."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator

from .. import model as m
from ..problems import Problem
from .base import ERROR, finding, rule
from .context import Context, back_edges, items, words

__all__: list[str] = []

_REG = "supercomplaint design card: ids are stable and unique; every reference resolves."


@rule(
    "SC101",
    "duplicate-id",
    ERROR,
    "Ids are unique in a document.",
    "Every object with an id (bodies, groups, the case, the report, actions, recommendations, parts, the parts "
    "of a responder's rendering of an item, monitoring obligations, responses, assessments, follow-ups) has an "
    "id no other object in the document has, so that a reference names exactly one thing. Source labels such "
    "as '5.2' may repeat; ids may not.",
    _REG,
)
def _duplicate_ids(ctx: Context) -> Iterator[Problem]:
    for ident, places in ctx.ids.items():
        for located in places[1:]:
            yield finding("SC101", located.path, f"the id {ident!r} is already used at {places[0].path}", ident)


Ref = tuple[str, str, str, Collection[str]]
_BODY = frozenset({"body"})
_PARTY = frozenset({"body", "group"})
_LINKABLE = frozenset({"item", "part"})


def _refs(ctx: Context) -> Iterator[Ref]:
    """Every reference in the document: (path, ref, what it must be, allowed kinds)."""
    doc = ctx.doc
    for i, body in enumerate(getattr(doc, "bodies", ())):
        for j, ref in enumerate(body.predecessors):
            yield f"$.bodies[{i}].predecessors[{j}]", ref, "a predecessor", _BODY
    for i, group in enumerate(getattr(doc, "groups", ())):
        base = f"$.groups[{i}]"
        for j, member in enumerate(group.members):
            yield f"{base}.members[{j}]", member, "a member", _PARTY
        if group.collator is not None:
            yield f"{base}.collator", group.collator, "a collator", _BODY
    if isinstance(doc, m.ResponseDocument):
        yield from _response_refs(ctx, doc.response, "$.response", check_items=False)
        return
    case = ctx.case
    if case is None:
        return
    for j, ref in enumerate(case.complaint.complainants):
        yield f"$.complaint.complainants[{j}]", ref, "a complainant", _BODY
    for j, ref in enumerate(case.complaint.decision_makers):
        yield f"$.complaint.decisionMakers[{j}]", ref, "a decision-making authority", _BODY
    report = case.report
    if report is not None:
        yield from _report_refs(ctx, report)
    for i, response in enumerate(case.responses):
        yield from _response_refs(ctx, response, f"$.responses[{i}]", check_items=True)
    for i, assessment in enumerate(case.assessments):
        base = f"$.assessments[{i}]"
        yield f"{base}.assessor", assessment.assessor, "an assessor", _BODY
        yield f"{base}.item", assessment.item, "an item", {"item"}
        if assessment.subject is not None:
            yield f"{base}.subject", assessment.subject, "a subject", _PARTY
    for i, follow_up in enumerate(case.follow_ups):
        base = f"$.followUps[{i}]"
        yield f"{base}.sender", follow_up.sender, "a sender", _BODY
        for j, ref in enumerate(follow_up.joint_senders):
            yield f"{base}.jointSenders[{j}]", ref, "a joint sender", _BODY
        for j, ref in enumerate(follow_up.recipients):
            yield f"{base}.recipients[{j}]", ref, "a recipient", _PARTY
        for j, ref in enumerate(follow_up.items):
            yield f"{base}.items[{j}]", ref, "an item", {"item"}
        yield from _signatory_refs(follow_up.signatories, base)
        yield from _deadline_refs(follow_up.deadline, f"{base}.deadline")


def _report_refs(ctx: Context, report: m.Report) -> Iterator[Ref]:
    for j, ref in enumerate(report.authors):
        yield f"$.report.authors[{j}]", ref, "an author", _BODY
    for j, count in enumerate(report.stated_counts):
        if count.addressee is not None:
            yield f"$.report.statedCounts[{j}].addressee", count.addressee, "an addressee counted", _PARTY
    for i, action in enumerate(report.actions):
        base = f"$.report.actions[{i}]"
        yield f"{base}.owner", action.owner, "an owner", _BODY
        yield from _item_refs(action, base)
    for i, rec in enumerate(report.recommendations):
        base = f"$.report.recommendations[{i}]"
        for j, ref in enumerate(rec.addressees):
            yield f"{base}.addressees[{j}]", ref, "an addressee", _PARTY
        for field, people in (("coActors", rec.co_actors), ("consultees", rec.consultees)):
            for j, participant in enumerate(people):
                if participant.ref is not None:
                    yield f"{base}.{field}[{j}].ref", participant.ref, "a party", _PARTY
        yield from _item_refs(rec, base)
    for _, part, in_rendering in ctx.part_entries:
        allowed = _LINKABLE | {"rendering-part"} if in_rendering else _LINKABLE
        for j, link in enumerate(part.obj.links):
            yield f"{part.path}.links[{j}].target", link.target, "an item or part linked to", allowed
    for i, route in enumerate(report.monitoring):
        base = f"$.report.monitoring[{i}]"
        yield f"{base}.reporter", route.reporter, "a reporter", _PARTY
        yield f"{base}.recipient", route.recipient, "a recipient", _BODY
        for j, ref in enumerate(route.other_recipients):
            yield f"{base}.otherRecipients[{j}]", ref, "a recipient", _PARTY
        if route.on_behalf_of is not None:
            yield f"{base}.onBehalfOf", route.on_behalf_of, "a group reported for", {"group"}
        for j, ref in enumerate(route.items):
            yield f"{base}.items[{j}]", ref, "an item", {"item"}
        if route.source is not None:
            yield f"{base}.source", route.source, "the item or part that sets it", _LINKABLE
        yield from _deadline_refs(route.deadline, f"{base}.deadline")


def _item_refs(item: m.Action | m.Recommendation, base: str) -> Iterator[Ref]:
    for j, link in enumerate(item.links):
        yield f"{base}.links[{j}].target", link.target, "an item or part linked to", _LINKABLE
    for k, rendering in enumerate(item.renderings):
        where = f"{base}.renderings[{k}]"
        if rendering.by is not None:
            yield f"{where}.by", rendering.by, "the body whose rendering it is", _BODY
        for j, ref in enumerate(rendering.omits):
            yield f"{where}.omits[{j}]", ref, "a part left out", {"part"}
    yield from _deadline_refs(item.deadline, f"{base}.deadline")


def _signatory_refs(signatories: tuple[m.Signatory, ...], base: str) -> Iterator[Ref]:
    for j, signatory in enumerate(signatories):
        if signatory.body is not None:
            yield f"{base}.signatories[{j}].body", signatory.body, "the body signed for", _BODY


def _deadline_refs(deadline: m.Deadline, path: str) -> Iterator[Ref]:
    if isinstance(deadline, m.PeriodDeadline) and deadline.anchor_ref is not None:
        kind = "response" if deadline.anchor is m.Anchor.RESPONSE else "follow-up"
        yield f"{path}.anchorRef", deadline.anchor_ref, f"the {kind} counted from", {kind}


def _response_refs(ctx: Context, response: m.Response, base: str, *, check_items: bool) -> Iterator[Ref]:
    yield f"{base}.responder", response.responder, "a responder", _BODY
    for j, ref in enumerate(response.joint_responders):
        yield f"{base}.jointResponders[{j}]", ref, "a joint responder", _BODY
    if response.on_behalf_of is not None:
        yield f"{base}.onBehalfOf", response.on_behalf_of, "a body or group answered for", _PARTY
    yield from _signatory_refs(response.signatories, base)
    for i, item in enumerate(response.items):
        where = f"{base}.items[{i}]"
        for j, outcome in enumerate(item.member_outcomes):
            yield f"{where}.memberOutcomes[{j}].member", outcome.member, "a member", _PARTY
            for k, ref in enumerate(outcome.except_members):
                yield f"{where}.memberOutcomes[{j}].exceptMembers[{k}]", ref, "a member excepted", _PARTY
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
    if ref in ctx.rendering_parts:
        kinds.add("rendering-part")
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
    "where a body is expected), is an error. The kinds expected: bodies for owners, authors, recipients of a "
    "report, joint responders and joint senders, signatories' bodies, the body whose rendering an item is, and "
    "a body's predecessors; a body or a group for addressees, reporters, other recipients, a stated count's "
    "addressee and a member outcome's member or exceptions; an item or a part for a link's target (within a "
    "responder's rendering, also one of the rendering's own parts); a part for what a rendering leaves out. A "
    "response document is checked for the references it can resolve on its own (bodies, and the groups it "
    "defines); its items are checked when it is compiled into a case.",
    _REG,
)
def _unresolved(ctx: Context) -> Iterator[Problem]:
    known: dict[str, set[str]] = {}  # what each reference names, worked out once per reference (issue 14)
    for path, ref, role, allowed in _refs(ctx):
        kinds = known.get(ref)
        if kinds is None:
            kinds = known[ref] = _kind_of_ref(ctx, ref)
        if not kinds.isdisjoint(allowed):
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
    "The parts named for an item belong to that item.",
    "When a response names parts of an item ('partially accepted: parts a) and c)'), or a responder's rendering "
    "of an item says which of its parts it leaves out, each part must be a part of that item, not of another.",
    _REG,
)
def _part_of_other(ctx: Context) -> Iterator[Problem]:
    if ctx.case is None:
        return
    for response, base in ctx.response_entries():
        for i, item in enumerate(response.items):
            for j, part in enumerate(item.parts):
                owner = ctx.parts.get(part)
                if owner is not None and owner[0] != item.item:
                    yield finding(
                        "SC103",
                        f"{base}.items[{i}].parts[{j}]",
                        f"the answer on {ctx.describe(item.item)} in {ctx.response_name(response)} names "
                        f"{ctx.describe(part)}, which is not one of its parts",
                        part,
                        item.item,
                    )
    for thing, path in items(ctx):
        for k, rendering in enumerate(thing.renderings):
            for j, part in enumerate(rendering.omits):
                owner = ctx.parts.get(part)
                if owner is not None and owner[0] != thing.id:
                    yield finding(
                        "SC103",
                        f"{path}.renderings[{k}].omits[{j}]",
                        f"{ctx.rendering_name(thing, k)} leaves out {ctx.describe(part)}, which is not one of the "
                        "item's parts",
                        part,
                        thing.id,
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
            yield finding("SC104", f"$.groups[{i}]", f"the group {group.name} has no members", group.id)


@rule(
    "SC105",
    "link-cycle",
    ERROR,
    "An item or part does not link to itself, 'superseded by' links do not go round in a circle, and no body is "
    "its own predecessor.",
    "A link says how an item or part relates to another one: an interim measure pending another, a part that "
    "refers to a sibling, an item superseded by another. A link to itself says nothing; items that supersede "
    "each other in a circle leave none of them in force. A body's predecessors are the bodies whose functions "
    "passed to it (a police and crime commissioner replaced by a mayor); a body listed as its own predecessor "
    "would succeed itself, which is a link to itself of the same kind.",
    "domain.md section 3: text that refers to a sibling part; issue 'Real records, held honestly', item 5; "
    "model: Body.predecessors.",
)
def _link_cycles(ctx: Context) -> Iterator[Problem]:
    for i, body in enumerate(getattr(ctx.doc, "bodies", ())):
        for j, ref in enumerate(body.predecessors):
            if ref == body.id:
                yield finding(
                    "SC105",
                    f"$.bodies[{i}].predecessors[{j}]",
                    f"{body.name} is listed as its own predecessor",
                    body.id,
                )
    edges: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for source, path, link in _links(ctx):
        where = f"{path}.target"
        if link.target == source:
            yield finding("SC105", where, f"{ctx.describe(source)} links to itself ('{words(link.relation)}')", source)
        elif link.relation is m.LinkRelation.SUPERSEDED_BY:
            edges[source].append((link.target, (where, source)))
    for where, source in back_edges(edges):
        yield finding(
            "SC105",
            where,
            f"{ctx.describe(source)} is superseded by an item that it supersedes, in a circle of 'superseded by' links",
            source,
        )


def _links(ctx: Context) -> Iterator[tuple[str, str, m.ItemLink]]:
    """Every link of an item or a part: (the id it is on, the link's path, the link)."""
    for thing, path in items(ctx):
        for j, link in enumerate(thing.links):
            yield thing.id, f"{path}.links[{j}]", link
    for _, part, _ in ctx.part_entries:
        for j, link in enumerate(part.obj.links):
            yield part.obj.id, f"{part.path}.links[{j}]", link


_Named = m.Response | m.MonitoringObligation | m.FollowUp


def _whose(ctx: Context, owner: _Named) -> str:
    """Those among whom SC106 finds a party twice: the senders of a response or follow-up, a route's recipients."""
    if isinstance(owner, m.Response):
        return f"the senders of {ctx.response_name(owner)}"
    if isinstance(owner, m.MonitoringObligation):
        return f"the recipients of {ctx.route_name(owner)}"
    return f"the senders of {ctx.follow_up_name(owner)}"


@rule(
    "SC106",
    "party-named-twice",
    ERROR,
    "A responder, sender or recipient is not named again among the joint ones.",
    "A response's joint responders are the bodies that send it with its responder; a follow-up's joint senders "
    "send it with its sender; a monitoring obligation's other recipients receive the report besides its "
    "recipient. Naming the same body twice (as the responder and a joint responder, or twice as a joint one) "
    "would count its answer or its report twice.",
    "domain.md section 5: letters are collective.",
)
def _named_twice(ctx: Context) -> Iterator[Problem]:
    groups: list[tuple[str, str, tuple[str, ...], str, _Named]] = []
    for response, path in ctx.response_entries():
        groups.append((path, response.responder, response.joint_responders, "jointResponders", response))
    if ctx.report is not None:
        for i, route in enumerate(ctx.report.monitoring):
            groups.append(
                (f"$.report.monitoring[{i}]", route.recipient, route.other_recipients, "otherRecipients", route)
            )
    if ctx.case is not None:
        for i, follow_up in enumerate(ctx.case.follow_ups):
            groups.append((f"$.followUps[{i}]", follow_up.sender, follow_up.joint_senders, "jointSenders", follow_up))
    for path, first, others, field, owner in groups:
        seen = {first}
        for j, ref in enumerate(others):
            if ref in seen:
                message = f"{ctx.describe(ref)} is named twice among {_whose(ctx, owner)}"
                yield finding("SC106", f"{path}.{field}[{j}]", message, ref)
            seen.add(ref)


GROUP_DEPTH_LIMIT = 32
"""How deep groups may nest (a group of groups is depth 2): a limit of the format, rule SC107."""


@rule(
    "SC107",
    "groups-nested-too-deep",
    ERROR,
    f"Groups nest at most {GROUP_DEPTH_LIMIT} deep.",
    "A group may have groups among its members (chief constables or equivalents: the chief constables and the "
    "other police forces), and each member of each stands for itself. Real groups nest two or three deep; a "
    f"chain or lattice more than {GROUP_DEPTH_LIMIT} deep is a mistake or an attack, and is refused as a limit "
    "of the format (the schema cannot say it, since groups refer to each other by id). Expanding groups stays "
    "linear in their size whatever the depth; the limit keeps what a reader must hold in mind bounded.",
    "issue 'Hostile input and failing disks', item 1 (a lattice of groups 30 deep).",
)
def _groups_too_deep(ctx: Context) -> Iterator[Problem]:
    defined = list(enumerate(getattr(ctx.doc, "groups", ())))
    if not defined:
        return
    depth: dict[str, int] = {}

    def depth_of(start: str) -> int:
        # iterative depth-first walk with memo; a cycle (SC207's or the registry's business) counts once
        stack: list[tuple[str, bool]] = [(start, False)]
        on_path: set[str] = set()
        while stack:
            ref, done = stack.pop()
            if done:
                on_path.discard(ref)
                group = ctx.get_group(ref)
                below = [depth.get(member, 0) for member in group.members] if group is not None else []
                depth[ref] = 1 + max(below, default=0)
                continue
            if ref in depth or ref in on_path or ctx.get_group(ref) is None:
                continue
            on_path.add(ref)
            stack.append((ref, True))
            group = ctx.get_group(ref)
            if group is not None:
                stack.extend((member, False) for member in group.members if member not in depth)
        return depth.get(start, 0)

    for i, group in defined:
        found = depth_of(group.id)
        if found > GROUP_DEPTH_LIMIT:
            yield finding(
                "SC107",
                f"$.groups[{i}]",
                f"the group {group.name} nests groups {found} deep; the format allows at most {GROUP_DEPTH_LIMIT}",
                group.id,
            )
