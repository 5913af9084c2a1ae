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
from ..partialdate import PartialDate
from ..problems import join_path
from ..registry import Registry, RegistryError, default_registry

__all__ = ["Context", "Located", "back_edges", "item_name", "recommendations", "response_date", "routes_by_item"]

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
        self._obliged: dict[str, set[str]] = {}
        self.ids: dict[str, list[Located]] = defaultdict(list)
        self.items: dict[str, Located] = {}
        self.parts: dict[str, tuple[str, Located]] = {}
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
        self.ids[case.id].append(Located(case, "$"))
        if self.report is not None:
            report = self.report
            self.ids[report.id].append(Located(report, "$.report"))
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
        if self.case is None:
            return None
        from ..deadlines import resolve

        return resolve(deadline, self.case, registry=self.registry).due


def response_date(response: m.Response) -> PartialDate | None:
    """When a response was sent, else published; None when the record has neither."""
    return response.sent or response.published


def item_name(item: m.Action | m.Recommendation) -> str:
    """An item's id and label, as the rules' messages give it: ``'r5' (5.2)``."""
    return f"{item.id!r}" + (f" ({item.label})" if item.label else "")


def recommendations(ctx: Context) -> Iterator[tuple[int, m.Recommendation, str]]:
    """Every recommendation of the report with its index and path."""
    if ctx.report is not None:
        for i, rec in enumerate(ctx.report.recommendations):
            yield i, rec, f"$.report.recommendations[{i}]"


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
