"""Compiling response documents into a case record, and reading an item's history back out of it.

:func:`compile` merges responses (as :class:`~supercomplaint.model.ResponseDocument` or bare
:class:`~supercomplaint.model.Response` objects) into a case record:

* the result keeps every response, the case's own and the new ones, in a canonical order: by the date
  each counts from (sent, else published), earliest possible day first, then latest possible day (so
  "2021" comes before "2021-09-01", which comes before "2021-09"); undated responses last; ties by id.
  So the result never depends on the order of the inputs, and compiling the same responses again
  changes nothing;
* a response already in the case, identical in every field, is skipped;
* bodies a response document brings that the case does not define are added to the case's bodies
  (after its own, in id order);
* anything that cannot be merged faithfully is a finding (a :class:`~supercomplaint.Problem` with a stable
  code), and the input it concerns is left out whole:

  ======================================  ==========================================================
  ``compile-wrong-case``                  the response document belongs to another case
  ``compile-conflicting-response``        a response with this id, but different content, is already
                                          in the case or among the inputs (all differing inputs are
                                          left out: which one is right cannot depend on their order)
  ``compile-duplicate-id``                the response's id is already the id of something else in the
                                          case (an item, a part, a monitoring obligation ...)
  ``compile-unknown-item``                it answers an action or recommendation the case does not have
  ``compile-unknown-part``                it names a part the item does not have
  ``compile-unknown-reply-target``        ``in_reply_to`` names no monitoring obligation or follow-up
                                          of the case
  ``compile-conflicting-body``            it brings a body whose id the case (or another input) uses
                                          for a different body
  ======================================  ==========================================================

  :func:`compile` raises :class:`CompileError` carrying ``problems`` and ``partial``, the case merged
  from every other input; :func:`merge` returns the same two things without raising.

:func:`history` gives, for each action and recommendation, every response, assessment and follow-up in
date order and the latest view per body, for a renderer or the command line.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import NamedTuple

import attrs

from . import model as m
from ._json import collector_held
from .partialdate import PartialDate
from .problems import Problem, SupercomplaintError, join_path

__all__ = [
    "BodyView",
    "CompileError",
    "EntryKind",
    "HistoryEntry",
    "ItemHistory",
    "Merged",
    "compile",
    "history",
    "merge",
    "response_order",
]


class CompileError(SupercomplaintError):
    """Some responses could not be merged into the case.

    Attributes:
        problems: every finding, each with a stable code, the JSON path within the offending input and
            the ids involved (the response id first).
        partial: the case merged from every input that had no finding.
    """

    def __init__(self, problems: Sequence[Problem], partial: m.CaseRecord) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.partial = partial
        count = len(self.problems)
        lines = [f"{count} response{'s' if count != 1 else ''} could not be merged" if count else "no problems"]
        lines.extend(f"  {p}" for p in self.problems[:20])
        if count > 20:
            lines.append(f"  ... and {count - 20} more")
        super().__init__("\n".join(lines))


@attrs.frozen(kw_only=True)
class Merged:
    """What :func:`merge` did.

    Attributes:
        case: the merged case record (every input without a finding merged).
        problems: the findings, in a stable order; empty when everything merged.
        added: the ids of the responses newly added, in the case's order.
    """

    case: m.CaseRecord
    problems: tuple[Problem, ...]
    added: tuple[m.Ref, ...]


def _date_key(when: PartialDate | None) -> tuple[int, dt.date, dt.date]:
    """Dated first, by earliest then latest possible day; undated last."""
    if when is None:
        return (1, dt.date.max, dt.date.max)
    return (0, when.earliest, when.latest)


def response_order(response: m.Response) -> tuple[int, dt.date, dt.date, str]:
    """The sort key of the canonical response order: by the date a response counts from (sent, else
    published; undated last), then by id.

    >>> from supercomplaint import Response
    >>> [r.id for r in sorted([Response(id="b", responder="x"), Response(id="a", responder="x",
    ...  published=PartialDate(2022)), Response(id="c", responder="x", sent=PartialDate(2021, 7, 13))],
    ...  key=response_order)]
    ['c', 'a', 'b']
    """
    when = response.sent if response.sent is not None else response.published
    return (*_date_key(when), response.id)


def _by_order(responses: Iterable[m.Response]) -> list[m.Response]:
    """``sorted(responses, key=response_order)``, in time close to linear when many responses share a date.

    Responses are grouped by the date they count from (a dictionary: one pass), the few distinct dates sorted,
    then each group by id alone: no comparison of dates per pair, and ids compare as plain strings. Grouping
    keeps the inputs' order and both sorts are stable, so responses equal in date and id keep their order as
    ``sorted`` keeps it.
    """
    groups: dict[tuple[int, dt.date, dt.date], list[m.Response]] = {}
    for response in responses:
        key = _date_key(response.sent if response.sent is not None else response.published)
        found = groups.get(key)
        if found is None:
            groups[key] = [response]
        else:
            found.append(response)
    out: list[m.Response] = []
    for key in sorted(groups):
        group = groups[key]
        if len(group) > 1:
            group.sort(key=_response_id)
        out.extend(group)
    return out


def _response_id(response: m.Response) -> str:
    return response.id


def _distinct(values: Iterable[object]) -> int:
    """How many different values (by equality, extension data included) there are."""
    seen: list[object] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return len(seen)


def _part_ids(parts: Sequence[m.Part]) -> list[str]:
    """The ids of parts and of the parts within them, depth first (without recursion)."""
    out: list[str] = []
    stack: list[Iterator[m.Part]] = [iter(parts)]
    while stack:
        for part in stack[-1]:
            out.append(part.id)
            if part.parts:
                stack.append(iter(part.parts))
                break
        else:
            stack.pop()
    return out


_NO_PARTS: frozenset[str] = frozenset()


class _Case:
    """What a response may refer to in a case."""

    def __init__(self, case: m.CaseRecord) -> None:
        report = case.report
        self.parts: dict[str, frozenset[str]] = {}
        self.targets: set[str] = {f.id for f in case.follow_ups}
        taken: set[str] = {f.id for f in case.follow_ups}
        taken.update(a.id for a in case.assessments)
        if report is not None:
            taken.add(report.id)
            items: list[m.Action | m.Recommendation] = [*report.actions, *report.recommendations]
            for item in items:
                parts = frozenset(_part_ids(item.parts)) if item.parts else _NO_PARTS
                self.parts[item.id] = parts
                taken.add(item.id)
                taken.update(parts)
            self.targets.update(r.id for r in report.monitoring)
            taken.update(r.id for r in report.monitoring)
        self.taken = taken


def _check(response: m.Response, base: str, known: _Case) -> list[Problem]:
    problems: list[Problem] = []
    ids = (response.id,)
    if response.id in known.taken:
        problems.append(
            Problem(
                code="compile-duplicate-id",
                message=f"response {response.id!r} has the id of another object in the case",
                path=join_path(base, "id"),
                ids=ids,
            )
        )
    for index, answer in enumerate(response.items):
        parts = known.parts.get(answer.item)
        if parts is None:
            problems.append(
                Problem(
                    code="compile-unknown-item",
                    message=f"response {response.id!r} answers {answer.item!r}, which is not an action or "
                    "recommendation of the case",
                    path=join_path(join_path(join_path(base, "items"), index), "item"),
                    ids=(*ids, answer.item),
                )
            )
            continue
        for position, part in enumerate(answer.parts):
            if part not in parts:
                here = join_path(join_path(base, "items"), index)
                problems.append(
                    Problem(
                        code="compile-unknown-part",
                        message=f"response {response.id!r} names part {part!r}, which {answer.item!r} does not have",
                        path=join_path(join_path(here, "parts"), position),
                        ids=(*ids, answer.item, part),
                    )
                )
    for index, target in enumerate(response.in_reply_to):
        if target not in known.targets:
            problems.append(
                Problem(
                    code="compile-unknown-reply-target",
                    message=f"response {response.id!r} replies to {target!r}, which is not a monitoring "
                    "obligation or follow-up of the case",
                    path=join_path(join_path(base, "inReplyTo"), index),
                    ids=(*ids, target),
                )
            )
    return problems


class _Input(NamedTuple):
    number: int  # its place among the inputs
    response: m.Response
    rid: str  # the response's id
    bodies: tuple[m.Body, ...]
    base: str  # JSON path of the response within the input


def merge(case: m.CaseRecord, *responses: m.ResponseDocument | m.Response) -> Merged:
    """Merge ``responses`` into ``case`` as :func:`compile` does, returning the findings instead of raising.

    Raises :class:`TypeError` when ``case`` is not a case record or an input is not a response.
    """
    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"compile() needs a CaseRecord, not {type(case).__name__}")
    # What a merge makes (the case's ids, the inputs by id, the merged case) is new and acyclic: the collections
    # its allocations would set off walk it again and again, and a full one every object the program holds
    # (issue 14: at 1000 times the Hestia case, an eighth of a compile, 35 times what it cost at 100 times).
    with collector_held():
        return _merge(case, responses)


def _merge(case: m.CaseRecord, responses: tuple[m.ResponseDocument | m.Response, ...]) -> Merged:
    known = _Case(case)
    problems: list[Problem] = []
    inputs: list[_Input] = []
    rejected: set[int] = set()
    by_id: dict[str, list[_Input]] = {}
    case_id = str(case.id)
    # Responses: each input on its own (one pass, while it is at hand), then against the case and each other.
    for index, given in enumerate(responses):
        if isinstance(given, m.ResponseDocument):
            if str(given.case) != case_id:
                problems.append(
                    Problem(
                        code="compile-wrong-case",
                        message=f"response {given.response.id!r} belongs to case {given.case!r}, not {case.id!r}",
                        path="$.case",
                        ids=(given.response.id, given.case),
                    )
                )
                continue
            response, bodies, base = given.response, given.bodies, "$.response"
        elif isinstance(given, m.Response):
            response, bodies, base = given, (), "$"
        else:
            raise TypeError(f"compile() merges responses, not {type(given).__name__}")
        entry = _Input(index, response, response.id, bodies, base)
        inputs.append(entry)
        found = _check(response, base, known)
        if found:
            problems.extend(found)
            rejected.add(index)
        group = by_id.get(entry.rid)
        if group is None:
            by_id[entry.rid] = [entry]
        else:
            group.append(entry)

    existing: dict[str, m.Response] = {r.id: r for r in case.responses}
    for rid, group in by_id.items():
        current = existing.get(rid)
        if current is None and len(group) == 1:
            continue  # a new id, given once: nothing to compare it with
        versions = _distinct(e.response for e in group)
        if current is not None:
            message = f"response {rid!r} differs from the response with that id already in the case"
        else:
            message = f"{versions} different responses among the inputs have the id {rid!r}; none is merged"
        for entry in group:
            if current is not None and entry.response == current:
                continue
            if current is not None or versions > 1:
                problems.append(
                    Problem(
                        code="compile-conflicting-response",
                        message=message,
                        path=join_path(entry.base, "id"),
                        ids=(rid,),
                    )
                )
                rejected.add(entry.number)
    # Bodies the response documents bring.
    case_bodies: dict[str, m.Body] = {b.id: b for b in case.bodies}
    offered: dict[str, list[tuple[_Input, m.Body, int]]] = defaultdict(list)
    for entry in inputs:
        for position, body in enumerate(entry.bodies):
            offered[body.id].append((entry, body, position))
    for bid, offers in offered.items():
        mine = case_bodies.get(bid)
        distinct = _distinct(b for _, b, _ in offers)
        if mine is not None:
            message = f"body {bid!r} differs from the body with that id in the case"
        else:
            message = f"{distinct} different bodies among the inputs have the id {bid!r}"
        for entry, body, position in offers:
            if (mine is not None and body != mine) or (mine is None and distinct > 1):
                problems.append(
                    Problem(
                        code="compile-conflicting-body",
                        message=message,
                        path=join_path(join_path("$.bodies", position), "id"),
                        ids=(entry.rid, bid),
                    )
                )
                rejected.add(entry.number)

    added: dict[str, m.Response] = {}
    new_bodies: dict[str, m.Body] = {}
    for entry in inputs:
        if entry.number in rejected:
            continue
        if entry.rid not in existing:
            added.setdefault(entry.rid, entry.response)
        for body in entry.bodies:
            if body.id not in case_bodies:
                new_bodies.setdefault(body.id, body)
    merged_responses = tuple(_by_order([*case.responses, *added.values()]))
    merged = attrs.evolve(
        case,
        responses=merged_responses,
        bodies=(*case.bodies, *(new_bodies[k] for k in sorted(new_bodies))),
    )
    ordered = sorted(dict.fromkeys(problems), key=lambda p: (p.ids, p.path, p.code, p.message))
    return Merged(
        case=merged,
        problems=tuple(ordered),
        added=tuple(r.id for r in merged_responses if r.id in added),
    )


def compile(case: m.CaseRecord, *responses: m.ResponseDocument | m.Response) -> m.CaseRecord:
    """Merge ``responses`` into ``case``: every response kept once, in the canonical order.

    See the module documentation for the order and the findings. Raises :class:`CompileError` when any
    input cannot be merged; its ``partial`` holds the case merged from all the others. Raises
    :class:`TypeError` when ``case`` is not a case record or an input is not a response.

    >>> import supercomplaint as sc
    >>> case = sc.load("examples/hestia/case-at-publication.json")  # doctest: +SKIP
    >>> sc.compile(case, sc.load("examples/hestia/responses/npcc-2022-04-04.json")).responses[0].id  # doctest: +SKIP
    'npcc-hestia'
    """
    result = merge(case, *responses)
    if result.problems:
        raise CompileError(result.problems, result.case)
    return result.case


# --------------------------------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------------------------------


class EntryKind(StrEnum):
    """What a history entry records."""

    RESPONSE = "response"
    """A response's word on the item (or, with ``via``, a reply covering it)."""
    MEMBER_OUTCOME = "member-outcome"
    """One member's outcome as a collated response reports it."""
    ASSESSMENT = "assessment"
    """A monitoring body's assessment."""
    FOLLOW_UP = "follow-up"
    """A follow-up letter asking about the item."""


@attrs.frozen(kw_only=True)
class HistoryEntry:
    """One dated event in an item's history.

    Attributes:
        kind: a response, a member outcome from a collated response, an assessment, or a follow-up.
        id: the id of the response, assessment or follow-up.
        date: when it counts from (a response: sent, else published), or ``None`` when undated.
        source: who wrote it: the responder, the assessor, or the follow-up's sender.
        speaks_for: whose view it gives: a response's ``on_behalf_of`` or else its responder; the member
            (or the whole group) for a member outcome; the assessed body (``None`` for the item as a whole)
            for an assessment; ``None`` for a follow-up.
        joint: for a response sent jointly: the other bodies it speaks for (its ``joint_responders``); for
            a follow-up sent jointly: its ``joint_senders``.
        via: for a response that does not answer the item itself but replies to a monitoring obligation
            or follow-up covering it: that obligation's or follow-up's id.
        answer: the response's item response, when it has one for the item.
        outcome: the member outcome, for a member-outcome entry.
        assessment: the assessment, for an assessment entry.
        follow_up: the follow-up, for a follow-up entry.
    """

    kind: EntryKind
    id: m.Ref
    date: PartialDate | None
    source: m.Ref
    speaks_for: m.Ref | None
    via: m.Ref | None = None
    answer: m.ItemResponse | None = None
    outcome: m.MemberOutcome | None = None
    assessment: m.Assessment | None = None
    follow_up: m.FollowUp | None = None
    joint: tuple[m.Ref, ...] = ()

    @property
    def position(self) -> m.Position | None:
        """The position this entry states, if any."""
        if self.outcome is not None:
            return self.outcome.position
        return self.answer.position if self.answer is not None else None

    @property
    def progress(self) -> m.Progress | None:
        """The progress this entry states, if any."""
        if self.outcome is not None:
            return self.outcome.progress
        return self.answer.progress if self.answer is not None else None


@attrs.frozen(kw_only=True)
class BodyView:
    """The latest word on an item for one body or group.

    Each field is the latest one stated: a later response that states no position does not erase an
    earlier position.

    Attributes:
        who: the body or group the view is of.
        position: the latest position stated for it.
        progress: the latest progress stated for it.
        planned_completion: the latest planned completion stated for it.
        last_response: the id of its latest response (or collated outcome) on the item.
        last_date: that response's date.
        status: the latest monitoring assessment of it on the item.
        rag: that assessment's rating.
        assessed: that assessment's date.
    """

    who: m.Ref
    position: m.Position | None = None
    progress: m.Progress | None = None
    planned_completion: PartialDate | None = None
    last_response: m.Ref | None = None
    last_date: PartialDate | None = None
    status: m.AssessmentStatus | None = None
    rag: m.Rag | None = None
    assessed: PartialDate | None = None


@attrs.frozen(kw_only=True)
class ItemHistory:
    """Everything known about one action or recommendation, in date order.

    Attributes:
        item: the item's id.
        label: its label as written.
        kind: ``"action"`` or ``"recommendation"``.
        entries: every response, member outcome, assessment and follow-up concerning it, by date
            (undated last), on the same date responses, then member outcomes, assessments, follow-ups;
            then by id.
        latest: the latest view for each body or group that has one, in order of first appearance.
        assessment: the latest assessment of the item as a whole (no subject), if any.
    """

    item: m.Ref
    label: str | None
    kind: str
    entries: tuple[HistoryEntry, ...]
    latest: tuple[BodyView, ...]
    assessment: m.Assessment | None = None


_KIND_ORDER = {EntryKind.RESPONSE: 0, EntryKind.MEMBER_OUTCOME: 1, EntryKind.ASSESSMENT: 2, EntryKind.FOLLOW_UP: 3}


def _entry_key(entry: HistoryEntry) -> tuple[int, dt.date, dt.date, int, str, str]:
    return (*_date_key(entry.date), _KIND_ORDER[entry.kind], entry.id, entry.speaks_for or "")


def _sort_entries(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=_entry_key)


def history(case: m.CaseRecord, as_of: dt.date | PartialDate | None = None) -> tuple[ItemHistory, ...]:
    """For each action and recommendation of ``case``, in report order: its full history and the latest
    view per body.

    With ``as_of`` (a :class:`datetime.date`, or a partial date meaning its last day), only what may be
    dated on or before it counts (a response sent "2021-12" is not in the history as of 1 December 2021).
    A response the record holds with no date at all is kept, last, whatever the date, as
    :func:`~supercomplaint.obligations` counts it. Raises :class:`TypeError` when ``case`` is not a case
    record or ``as_of`` is not a date.

    >>> import datetime as dt, supercomplaint as sc
    >>> a1 = sc.history(sc.load("examples/hestia/case.json"), as_of=dt.date(2021, 12, 1))[0]
    >>> [(entry.id, str(entry.date)) for entry in a1.entries]
    [('cambs-2021-07-13', '2021-07-13')]
    """
    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"history() needs a CaseRecord, not {type(case).__name__}")
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if as_of is not None and not isinstance(as_of, dt.date | PartialDate):
        raise TypeError(f"as_of must be a date, not {type(as_of).__name__}")
    report = case.report
    if report is None:
        return ()
    limit = as_of.latest if isinstance(as_of, PartialDate) else as_of
    items: list[m.Action | m.Recommendation] = [*report.actions, *report.recommendations]
    covering: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for route in report.monitoring:
        covering[route.id].append((route.id, tuple(route.items)))
    for follow_up in case.follow_ups:
        covering[follow_up.id].append((follow_up.id, tuple(follow_up.items)))
    per_item: dict[str, list[HistoryEntry]] = {item.id: [] for item in items}

    for response in case.responses:
        when = response.sent if response.sent is not None else response.published
        if limit is not None and when is not None and when.latest > limit:
            continue
        voice = response.on_behalf_of or response.responder
        answered: set[str] = set()
        for answer in response.items:
            if answer.item not in per_item:
                continue
            answered.add(answer.item)
            per_item[answer.item].append(
                HistoryEntry(
                    kind=EntryKind.RESPONSE,
                    id=m.Ref(response.id),
                    date=when,
                    source=response.responder,
                    speaks_for=voice,
                    answer=answer,
                    joint=response.joint_responders,
                )
            )
            for outcome in answer.member_outcomes:
                per_item[answer.item].append(
                    HistoryEntry(
                        kind=EntryKind.MEMBER_OUTCOME,
                        id=m.Ref(response.id),
                        date=when,
                        source=response.responder,
                        speaks_for=outcome.member,
                        answer=answer,
                        outcome=outcome,
                    )
                )
        for target in response.in_reply_to:
            for via, refs in covering.get(target, ()):
                for ref in refs:
                    if ref in per_item and ref not in answered:
                        answered.add(ref)
                        per_item[ref].append(
                            HistoryEntry(
                                kind=EntryKind.RESPONSE,
                                id=m.Ref(response.id),
                                date=when,
                                source=response.responder,
                                speaks_for=voice,
                                via=m.Ref(via),
                                joint=response.joint_responders,
                            )
                        )
    for assessment in case.assessments:
        if assessment.item not in per_item:
            continue
        if limit is not None and assessment.date.latest > limit:
            continue
        per_item[assessment.item].append(
            HistoryEntry(
                kind=EntryKind.ASSESSMENT,
                id=m.Ref(assessment.id),
                date=assessment.date,
                source=assessment.assessor,
                speaks_for=assessment.subject,
                assessment=assessment,
            )
        )

    for follow_up in case.follow_ups:
        if limit is not None and follow_up.date.latest > limit:
            continue
        for ref in dict.fromkeys(follow_up.items):
            if ref in per_item:
                per_item[ref].append(
                    HistoryEntry(
                        kind=EntryKind.FOLLOW_UP,
                        id=m.Ref(follow_up.id),
                        date=follow_up.date,
                        source=follow_up.sender,
                        speaks_for=None,
                        follow_up=follow_up,
                        joint=follow_up.joint_senders,
                    )
                )

    out: list[ItemHistory] = []
    for item in items:
        entries = _sort_entries(per_item[item.id])
        views: dict[str, BodyView] = {}
        overall: m.Assessment | None = None
        for entry in entries:
            if entry.kind is EntryKind.FOLLOW_UP:
                continue
            if entry.kind is EntryKind.ASSESSMENT:
                assessed = entry.assessment
                assert assessed is not None
                if entry.speaks_for is None:
                    overall = assessed
                    continue
                view = views.get(entry.speaks_for) or BodyView(who=entry.speaks_for)
                views[entry.speaks_for] = attrs.evolve(
                    view, status=assessed.status, rag=assessed.rag, assessed=assessed.date
                )
                continue
            planned = entry.answer.planned_completion if entry.answer is not None and entry.outcome is None else None
            speakers = [entry.speaks_for, *entry.joint] if entry.speaks_for is not None else list(entry.joint)
            for who in speakers:
                view = views.get(who) or BodyView(who=who)
                views[who] = attrs.evolve(
                    view,
                    position=entry.position or view.position,
                    progress=entry.progress or view.progress,
                    planned_completion=planned or view.planned_completion,
                    last_response=entry.id,
                    last_date=entry.date,
                )
        out.append(
            ItemHistory(
                item=m.Ref(item.id),
                label=item.label,
                kind="action" if isinstance(item, m.Action) else "recommendation",
                entries=tuple(entries),
                latest=tuple(views.values()),
                assessment=overall,
            )
        )
    return tuple(out)
