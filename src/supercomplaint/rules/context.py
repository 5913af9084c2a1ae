"""The index the rules share: every object of a document, its JSON path, and the names it can refer to.

A document is indexed once, in time linear in its size; the rules then look objects up instead of
searching for them, so that no rule compares all pairs of objects.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
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
    "item_label",
    "item_name",
    "items",
    "recommendations",
    "response_date",
    "routes_by_item",
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
        self._index()

    # -- indexing -------------------------------------------------------------------------------

    def _add(self, obj: Any, path: str) -> Located:
        located = Located(obj, path)
        self.ids[obj.id].append(located)
        return located

    def _index_parts(self, owner: str, parts: tuple[m.Part, ...], path: str, *, rendering: bool = False) -> None:
        found = self.rendering_parts if rendering else self.parts
        stack = [(parts, path)]
        while stack:
            level, base = stack.pop()
            for i, part in enumerate(level):
                where = join_path(join_path(base, "parts"), i)
                located = self._add(part, where)
                found.setdefault(part.id, (owner, located))
                self.part_entries.append((owner, located, rendering))
                stack.append((part.parts, where))

    def _index_item(self, item: m.Action | m.Recommendation, path: str) -> None:
        self.items.setdefault(item.id, self._add(item, path))
        self._index_parts(item.id, item.parts, path)
        for k, rendering in enumerate(item.renderings):
            self._index_parts(item.id, rendering.parts, f"{path}.renderings[{k}]", rendering=True)

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

    def describe(self, ref: str) -> str:
        """A reference as a person reads it: a body's or group's name, an item's or part's label.

        Falls back to the quoted id only when the object has no name or label.
        """
        found = self.registry.get(ref)
        if found is not None:
            return found.name
        located = self.items.get(ref)
        if located is not None:
            return item_label(located.obj)
        owned = self.parts.get(ref) or self.rendering_parts.get(ref)
        if owned is not None:
            owner, part = owned
            head = f"part {part.obj.label}" if part.obj.label else f"part {ref!r}"
            item = self.items.get(owner)
            return f"{head} of {item_label(item.obj)}" if item is not None else head
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


def item_label(item: m.Action | m.Recommendation) -> str:
    """An item as a person reads it: ``recommendation 5.2``, or its quoted id when it has no label."""
    kind = "action" if isinstance(item, m.Action) else "recommendation"
    return f"{kind} {item.label}" if item.label else f"{kind} {item.id!r}"


def item_name(item: m.Action | m.Recommendation) -> str:
    """An item's id and label, as the rules' messages give it: ``'r5' (5.2)``."""
    return f"{item.id!r}" + (f" ({item.label})" if item.label else "")


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
        yield item.deadline, f"{path}.deadline", item.id, item_label(item)
    if ctx.report is not None:
        for i, route in enumerate(ctx.report.monitoring):
            what = f"monitoring obligation {route.label}" if route.label else "a monitoring obligation"
            yield route.deadline, f"$.report.monitoring[{i}].deadline", route.id, what
    if ctx.case is not None:
        for i, follow_up in enumerate(ctx.case.follow_ups):
            what = f"the follow-up of {format_date(follow_up.date)}"
            yield follow_up.deadline, f"$.followUps[{i}].deadline", follow_up.id, what


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
