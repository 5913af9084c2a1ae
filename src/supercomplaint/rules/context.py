"""The index the rules share: every object of a document, its JSON path, and the names it can refer to.

A document is indexed once, in time linear in its size; the rules then look objects up instead of
searching for them, so that no rule compares all pairs of objects.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from .. import model as m
from ..deadlines import Resolution, format_date, resolve
from ..partialdate import PartialDate
from ..problems import join_path
from ..registry import Registry, RegistryError, default_registry

__all__ = [
    "Context",
    "Located",
    "back_edges",
    "deadlines",
    "items",
    "on_date",
    "ordinal",
    "recommendations",
    "response_date",
    "routes_by_item",
    "words",
]

T = TypeVar("T")


@attrs.frozen
class Located:
    """An object of the document and its JSON path."""

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
        self._member_sets: dict[str, frozenset[str]] = {}
        self._obliged: dict[str, set[str]] = {}
        self._resolutions: dict[m.Deadline, Resolution] = {}
        self.ids: dict[str, list[Located]] = defaultdict(list)
        self.items: dict[str, Located] = {}
        self.parts: dict[str, tuple[str, Located]] = {}
        self.rendering_parts: dict[str, tuple[str, Located]] = {}
        self.part_entries: list[tuple[str, Located, bool]] = []
        """Every part of every item, and of every rendering of an item: (item id, the part, in a rendering)."""
        self.monitoring: dict[str, Located] = {}
        self.responses: dict[str, Located] = {}
        self.follow_ups: dict[str, Located] = {}
        self.case: m.CaseRecord | None = doc if isinstance(doc, m.CaseRecord) else None
        self.report: m.Report | None = self.case.report if self.case else None
        self._names: dict[int, str] = {}
        """What a person calls each item, monitoring route, response and follow-up, by the object's identity."""
        self._part_places: dict[str, tuple[str, _Parent]] = {}
        """Each part's own words ('part a)', 'the 2nd part') and what it is a part of, by the part's id."""
        self._index()
        self._name_all()

    # -- indexing -------------------------------------------------------------------------------

    def _add(self, obj: Any, path: str) -> Located:
        located = Located(obj, path)
        self.ids[obj.id].append(located)
        return located

    def _index_parts(
        self, owner: str, parts: tuple[m.Part, ...], path: str, parent: _Parent, *, rendering: bool = False
    ) -> None:
        if not parts:  # most items have none: nothing to count or walk
            return
        found = self.rendering_parts if rendering else self.parts
        stack: list[tuple[tuple[m.Part, ...], str, _Parent]] = [(parts, path, parent)]
        while stack:
            level, base, above = stack.pop()
            # A lone part's label cannot repeat: only a level of several is counted.
            labels = _counts(part.label for part in level) if len(level) > 1 else None
            seen: dict[str | None, int] = defaultdict(int)
            for i, part in enumerate(level):
                where = join_path(join_path(base, "parts"), i)
                located = self._add(part, where)
                found.setdefault(part.id, (owner, located))
                self.part_entries.append((owner, located, rendering))
                seen[part.label] += 1
                if part.label is None:
                    own = f"the {ordinal(i + 1)} part"
                elif labels is not None and labels[part.label] > 1:
                    own = f"part {part.label} (the {ordinal(seen[part.label])} so labelled)"
                else:
                    own = f"part {part.label}"
                self._part_places.setdefault(part.id, (own, above))
                if part.parts:
                    stack.append((part.parts, where, _PartOf(part.id)))

    def _index_item(self, item: m.Action | m.Recommendation, path: str) -> None:
        self.items.setdefault(item.id, self._add(item, path))
        self._index_parts(item.id, item.parts, path, _ItemOf(item))
        for k, rendering in enumerate(item.renderings):
            where = f"{path}.renderings[{k}]"
            self._index_parts(item.id, rendering.parts, where, _RenderingOf(item, k), rendering=True)

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
        self.ids[case.id].append(Located(case, "$"))
        if self.report is not None:
            report = self.report
            self.ids[report.id].append(Located(report, "$.report"))
            for i, action in enumerate(report.actions):
                self._index_item(action, f"$.report.actions[{i}]")
            for i, rec in enumerate(report.recommendations):
                self._index_item(rec, f"$.report.recommendations[{i}]")
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
        """Whether ``ref`` names a body of the document or the register."""
        return isinstance(self.registry.get(ref), m.Body)

    def is_group(self, ref: str) -> bool:
        """Whether ``ref`` names a group of the document or the register."""
        return isinstance(self.registry.get(ref), m.Group)

    def get_group(self, ref: str) -> m.Group | None:
        """The group ``ref`` names, or None."""
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

    def member_set(self, ref: str) -> frozenset[str]:
        """:meth:`members` as a set, computed once per reference."""
        found = self._member_sets.get(ref)
        if found is None:
            found = self._member_sets[ref] = frozenset(self.members(ref))
        return found

    # -- names a person reads -------------------------------------------------------------------

    def _name_all(self) -> None:
        """Name every item, monitoring route, response and follow-up, telling apart those that share a name."""
        if self.report is not None:
            for kind, things in (("action", self.report.actions), ("recommendation", self.report.recommendations)):
                self._name_items(kind, things)
            routes = self.report.monitoring
            self._name_apart(
                routes,
                lambda r: f"monitoring route {r.label}" if r.label else None,
                lambda r: f"the monitoring route from {self.describe(r.reporter)} to {self.describe(r.recipient)}",
            )
        responses = [located.obj for located in self.responses.values()]
        self._name_apart(responses, lambda r: None, self._response_words)
        if self.case is not None:
            self._name_apart(
                self.case.follow_ups,
                lambda f: None,
                lambda f: f"the follow-up from {self.describe(f.sender)} of {format_date(f.date)}",
            )

    def _name_items(self, kind: str, things: Sequence[m.Action | m.Recommendation]) -> None:
        labels = _counts(thing.label for thing in things)
        titles = _counts(thing.title for thing in things if thing.label is None)
        seen: dict[str, int] = defaultdict(int)
        for index, thing in enumerate(things):
            if thing.label is not None:
                seen[thing.label] += 1
                name = f"{kind} {thing.label}"
                if labels[thing.label] > 1:
                    name += f" (the {ordinal(seen[thing.label])} so numbered)"
            elif thing.title is not None and titles[thing.title] == 1:
                name = f"{kind} \u201c{thing.title}\u201d"
            else:
                name = f"the {ordinal(index + 1)} {kind} (unnumbered)"
            self._names.setdefault(id(thing), name)

    def _name_apart(self, things: Sequence[T], label: Callable[[T], str | None], describe: Callable[[T], str]) -> None:
        """Name each thing by its label, else by what it is; names that repeat say which of them it is."""
        names = [label(thing) or describe(thing) for thing in things]
        counts = _counts(names)
        seen: dict[str, int] = defaultdict(int)
        for thing, name in zip(things, names, strict=True):
            if counts[name] > 1:
                seen[name] += 1
                how = "numbered" if label(thing) else "described"
                name = f"{name} (the {ordinal(seen[name])} so {how})"
            self._names.setdefault(id(thing), name)

    def _response_words(self, response: m.Response) -> str:
        who = self.describe(response.responder)
        when = response_date(response)
        return f"the undated response from {who}" if when is None else f"the response from {who} of {format_date(when)}"

    def _named(self, thing: object, fallback: str) -> str:
        return self._names.get(id(thing), fallback)

    def item_name(self, item: m.Action | m.Recommendation) -> str:
        """An item as a person reads it: ``recommendation 5.2``; ``recommendation 1 (the 2nd so numbered)``
        when another recommendation has its label; ``recommendation \u201cTitle\u201d`` or
        ``the 3rd recommendation (unnumbered)`` when it has no label. Never its id."""
        kind = "action" if isinstance(item, m.Action) else "recommendation"
        return self._named(item, f"{kind} {item.label}" if item.label else f"an unnumbered {kind}")

    def route_name(self, route: m.MonitoringObligation) -> str:
        """A monitoring route: ``monitoring route 5.6 b)``, or ``the monitoring route from X to Y``."""
        return self._named(route, f"monitoring route {route.label}" if route.label else "a monitoring route")

    def response_name(self, response: m.Response) -> str:
        """A response: ``the response from Kent Police of 3 May 2022``, ``the undated response from Kent Police``."""
        return self._named(response, self._response_words(response))

    def follow_up_name(self, follow_up: m.FollowUp) -> str:
        """A follow-up: ``the follow-up from HMICFRS of 1 June 2022``."""
        return self._named(follow_up, f"the follow-up of {format_date(follow_up.date)}")

    def part_name(self, ref: str) -> str:
        """A part: ``part a) of recommendation 5.2``, ``the 2nd part of part a) of action 5.1``, ``part 1 of the
        rendering of recommendation 7 by Kent Police``. Deeply nested parts name their parent and the item."""
        place = self._part_places.get(ref)
        if place is None:
            return f"part {ref!r}"
        own, parent = place
        chain = [own]
        while isinstance(parent, _PartOf):
            above = self._part_places[parent.part]
            chain.append(above[0])
            parent = above[1]
        whole = self._item_name_of(parent)
        if len(chain) > _DEEPEST_NAMED:
            return f"{chain[0]} of {chain[1]}, {len(chain)} levels deep in {whole}"
        return " of ".join((*chain, whole))

    def _item_name_of(self, parent: _ItemOf | _RenderingOf) -> str:
        if isinstance(parent, _ItemOf):
            return self.item_name(parent.item)
        return self.rendering_name(parent.item, parent.index)

    def rendering_name(self, item: m.Action | m.Recommendation, index: int) -> str:
        """The ``index``-th rendering of an item: ``the rendering of recommendation 7 by Kent Police``, or
        ``the 2nd rendering of recommendation 7`` when the item has several."""
        renderings = item.renderings
        by = renderings[index].by
        which = f"the {ordinal(index + 1)} rendering" if len(renderings) > 1 else "the rendering"
        return f"{which} of {self.item_name(item)}" + (f" by {self.describe(by)}" if by is not None else "")

    def item_ref(self, ref: str) -> str:
        """An item referred to: its name, or ``the item 'r2'`` when it is not in the document (an answer in a
        response document on its own, or a reference that names nothing)."""
        located = self.items.get(ref)
        return self.item_name(located.obj) if located is not None else f"the item {ref!r}"

    def describe(self, ref: str) -> str:
        """A reference as a person reads it: a body's or group's name, an item's or part's label, a monitoring
        route's label or ends, a response's or follow-up's sender and date.

        Falls back to the quoted reference only when it names nothing in the document or the register.
        """
        found = self.registry.get(ref)
        if found is not None:
            return found.name
        if ref in self.items:
            return self.item_name(self.items[ref].obj)
        if ref in self._part_places:
            return self.part_name(ref)
        if ref in self.monitoring:
            return self.route_name(self.monitoring[ref].obj)
        if ref in self.responses:
            return self.response_name(self.responses[ref].obj)
        if ref in self.follow_ups:
            return self.follow_up_name(self.follow_ups[ref].obj)
        return repr(ref)

    def addressees_unknown(self, item: m.Action | m.Recommendation) -> bool:
        """Whether the record does not know who a recommendation is addressed to (listed as not captured)."""
        return isinstance(item, m.Recommendation) and not item.addressees and m.Detail.ADDRESSEES in item.not_captured

    def resolution(self, deadline: m.Deadline) -> Resolution | None:
        """A deadline resolved in this case (None outside a case record); equal deadlines are resolved once."""
        if self.case is None:
            return None
        found = self._resolutions.get(deadline)
        if found is None:
            found = self._resolutions[deadline] = resolve(deadline, self.case, registry=self.registry)
        return found

    def obliged(self, item: m.Action | m.Recommendation) -> set[str]:
        """Every body or group that owes something on an item: addressees, their members, collators, co-actors.

        Computed once per item.
        """
        found = self._obliged.get(item.id)
        if found is not None:
            return found
        out: set[str] = set()
        if isinstance(item, m.Action):
            out.add(item.owner)
        else:
            parties = [*item.addressees, *(p.ref for p in item.co_actors if p.ref is not None)]
            for ref in parties:
                out.add(ref)
                out.update(self.members(ref))
                group = self.get_group(ref)
                if group is not None and group.collator is not None:
                    out.add(group.collator)
        self._obliged[item.id] = out
        return out

    def report_date(self) -> PartialDate | None:
        """When the report reached its addressees: sent, else published."""
        if self.report is None:
            return None
        return self.report.sent_to_addressees or self.report.published

    def due(self, deadline: m.Deadline) -> dt.date | None:
        """The date a deadline resolves to in this case, or None."""
        found = self.resolution(deadline)
        return None if found is None else found.due


def response_date(response: m.Response) -> PartialDate | None:
    """When a response was sent, else published; None when the record has neither."""
    return response.sent or response.published


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st`` ..."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def on_date(value: PartialDate) -> str:
    """A date after a verb: ``on 3 May 2022``, ``in May 2022``, ``in 2022``."""
    return f"on {format_date(value)}" if value.as_date() is not None else f"in {format_date(value)}"


def words(value: str) -> str:
    """A value of the model's vocabulary as words: ``partially-accepted`` is ``partially accepted``."""
    return value.replace("-", " ")


def _counts(values: Iterable[str | None]) -> Counter[str]:
    """How often each value (None aside) occurs."""
    return Counter(v for v in values if v is not None)


_DEEPEST_NAMED = 4
"""Parts nested deeper than this are named by themselves, their parent and their depth, not the whole chain."""


@attrs.frozen
class _ItemOf:
    """A part hangs on an item."""

    item: m.Action | m.Recommendation = attrs.field(eq=False)


@attrs.frozen
class _RenderingOf:
    """A part hangs on the ``index``-th rendering of an item."""

    item: m.Action | m.Recommendation = attrs.field(eq=False)
    index: int


@attrs.frozen
class _PartOf:
    """A part hangs on another part."""

    part: str


_Parent = _ItemOf | _RenderingOf | _PartOf


def recommendations(ctx: Context) -> Iterator[tuple[int, m.Recommendation, str]]:
    """Every recommendation of the report with its index and path."""
    if ctx.report is not None:
        for i, rec in enumerate(ctx.report.recommendations):
            yield i, rec, f"$.report.recommendations[{i}]"


def items(ctx: Context) -> Iterator[tuple[m.Action | m.Recommendation, str]]:
    """Every action, then every recommendation, of the report with its path."""
    if ctx.report is not None:
        for i, action in enumerate(ctx.report.actions):
            yield action, f"$.report.actions[{i}]"
        for i, rec in enumerate(ctx.report.recommendations):
            yield rec, f"$.report.recommendations[{i}]"


def deadlines(ctx: Context) -> Iterator[tuple[m.Deadline, str, str, str]]:
    """Every deadline of a case: (deadline, its path, the id of what it is set on, that thing for a person).

    Actions, recommendations, monitoring obligations and follow-ups, in that order.
    """
    for item, path in items(ctx):
        yield item.deadline, f"{path}.deadline", item.id, ctx.item_name(item)
    if ctx.report is not None:
        for i, route in enumerate(ctx.report.monitoring):
            yield route.deadline, f"$.report.monitoring[{i}].deadline", route.id, ctx.route_name(route)
    if ctx.case is not None:
        for i, follow_up in enumerate(ctx.case.follow_ups):
            yield follow_up.deadline, f"$.followUps[{i}].deadline", follow_up.id, ctx.follow_up_name(follow_up)


def routes_by_item(ctx: Context) -> Mapping[str, list[m.MonitoringObligation]]:
    """The monitoring obligations that cover each item, by the item's id."""
    routes: dict[str, list[m.MonitoringObligation]] = defaultdict(list)
    if ctx.report is not None:
        for route in ctx.report.monitoring:
            for item in route.items:
                routes[item].append(route)
    return routes


def back_edges(edges: Mapping[str, list[tuple[str, T]]]) -> Iterator[T]:
    """The labels of the edges that close a cycle in a directed graph, found by one depth-first walk.

    ``edges`` maps a node to its outgoing edges, each a (target, label) pair. Linear in the size of the graph.
    """
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    for start in list(edges):
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[tuple[str, T]]]] = [(start, iter(edges.get(start, ())))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            for child, label in children:
                if state.get(child) == 1:
                    yield label
                elif not state.get(child):
                    state[child] = 1
                    stack.append((child, iter(edges.get(child, ()))))
                    break
            else:
                state[node] = 2
                stack.pop()
