"""Who owes what to whom, by when, and where each obligation stands on a given day.

:func:`obligations` answers "who is overdue on what, as of this date?" for every body a case record
obliges, including each of the 43 forces behind "chief constables":

>>> import datetime as dt, supercomplaint as sc
>>> case = sc.load("examples/hestia/case.json")  # doctest: +SKIP
>>> late = [o for o in obligations(case, dt.date(2021, 12, 1)) if o.state is ObligationState.OVERDUE]  # doctest: +SKIP

What is owed
------------
One :class:`Obligation` per (source, body), of three kinds:

* **respond** to an action or recommendation: every addressee owes its own response. A group addressee
  ("chief constables") is expanded to its members, each owing one; joint addressees each owe one; a body
  reached twice (directly and through a group) owes one (``via`` is then ``None``). An action is owed by
  its owner.
* **report** under a monitoring obligation: its reporter owes a report to its recipient; a group
  reporter is expanded to its members.
* **reply** to a follow-up: each recipient (groups expanded) owes a reply to its sender.

An item that sets monitoring obligations (a monitoring obligation's ``source`` is the item or one of its
parts, like Hestia's 5.6) is owed through those routes: a body that reports under such a route owes the
report, not a second "response" to the item.

When it is due
--------------
* A report or a reply is due by its own deadline.
* A response to an item is due by the item's own deadline when that gives a date. Otherwise (an open or
  unstated deadline, or an anchor the record lacks) it is due by the earliest dated monitoring
  obligation **covering** the item for that body: one that lists the item and whose reporter is the
  body (or a group containing it), or that collates progress ``on_behalf_of`` a group containing it. So
  each chief constable's response to Hestia's 5.2 is due when the NPCC's collated report is due
  (26 November 2021). ``due_from`` names the item or monitoring obligation whose deadline applies.
* A deadline counted from a date known only to a month or a year has bounds, not a day
  (:class:`~supercomplaint.deadlines.Resolution`): an obligation is then overdue only after the latest
  possible day, and on time only when met by the earliest possible day.

What meets it
-------------
Nothing is inferred from silence, and nothing is counted that the record does not date on or before
``as_of``. A response counts from its ``sent`` date, or, when that is unknown, its ``published`` date; a
response with neither never counts, and one whose date may fall after ``as_of`` (sent "2021-12" as of
1 December 2021) does not count yet.

* A response to an item is any counted response whose responder (or ``on_behalf_of`` body) is the body
  and that says something about the item (an :class:`~supercomplaint.model.ItemResponse` for it).
* A **collated** response (``on_behalf_of`` a group, sent by that group's collator) meets a member's
  obligation only when it names the member among the ``member_outcomes`` of an item the obligation
  concerns. A collated response that does not name members meets only the collator's own obligations.
* A report or reply is a counted response that names the monitoring obligation or follow-up in
  ``in_reply_to``, from the body itself or collated naming it as above.

States (:class:`ObligationState`), as of the date:

======================  ================================================================================
``met``                 met, and some response is dated (sent, or published) on or before the due date
                        (the earliest possible one, when it has bounds), or there is no due date
``met-late``            met only by responses sent after the due date
``met-date-unknown``    met, but no response can be shown to be on time or late: known only from a
                        publication after the due date (it may have been sent earlier), or dated only to a
                        month or year that straddles the due date
``overdue``             not met, and the as-of date is after the (latest possible) due date
``due-soon``            not met, and due within 14 days (``due_soon`` days) of the as-of date, or today;
                        with a due date known only within bounds, also while the as-of date lies within them
``not-yet-due``         not met, and due later than that
``not-applicable``      not met, and no due date applies: the deadline is open or unstated, or cannot be
                        resolved from the record (``resolution.explanation`` says which), and no
                        monitoring obligation gives one
======================  ================================================================================

Obligations come into being when their source does: none before the report reached its addressees (sent,
else published) and none from a follow-up dated after the as-of date, when the record shows so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

import attrs

from . import model as m
from .deadlines import Resolution, resolve
from .partialdate import PartialDate
from .problems import Problem, join_path
from .registry import Registry, RegistryError, UnknownRefError

__all__ = [
    "DUE_SOON_DAYS",
    "Obligation",
    "ObligationKind",
    "ObligationState",
    "evidence_date",
    "obligations",
    "tally",
]

DUE_SOON_DAYS = 14
"""How many days before its due date an unmet obligation is "due soon"."""


class ObligationState(StrEnum):
    """Where an obligation stands on a given day (see the module documentation for the exact rules)."""

    NOT_YET_DUE = "not-yet-due"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met-late"
    MET_DATE_UNKNOWN = "met-date-unknown"
    NOT_APPLICABLE = "not-applicable"

    @property
    def is_met(self) -> bool:
        """Whether some response in the record meets the obligation."""
        return self in (ObligationState.MET, ObligationState.MET_LATE, ObligationState.MET_DATE_UNKNOWN)

    @property
    def is_outstanding(self) -> bool:
        """Whether the obligation is unmet and has a due date."""
        return self in (ObligationState.NOT_YET_DUE, ObligationState.DUE_SOON, ObligationState.OVERDUE)


class ObligationKind(StrEnum):
    """What an obligation asks for: a response to an item, a progress report, or a reply to a follow-up."""

    RESPOND = "respond"
    """A response to an action or a recommendation."""
    REPORT = "report"
    """A progress report under a monitoring obligation."""
    REPLY = "reply"
    """A reply to a follow-up."""


@attrs.frozen(kw_only=True)
class Obligation:
    """One body's obligation arising from one item, monitoring obligation or follow-up, as of a date.

    Attributes:
        kind: what is owed: a response, a report or a reply.
        ref: the id of the item, monitoring obligation or follow-up it arises from.
        label: the source's own label for it, as written ("5.2", "5.6 b)"), if any.
        body: the id of the body that owes it.
        body_name: that body's name.
        via: the group through which the body owes it ("chief-constables"), or ``None`` when owed directly.
        recipient: who is owed: a report's recipient, a follow-up's sender; ``None`` for a response.
        items: the ids of the actions or recommendations concerned.
        owed: what is owed, in words: "a response to recommendation 5.2".
        resolution: the deadline that applies, resolved (its ``explanation`` says how).
        due_from: the id of the item, monitoring obligation or follow-up whose deadline applies.
        as_of: the day the state describes.
        state: the state as of that day.
        met_by: the ids of the responses that meet it, in date order (counted as of ``as_of``).
        met_on: the date of the earliest of them.
        position: the latest position stated for the body on the item (responses only).
        progress: the latest progress stated for the body on the item (responses only).
        planned_completion: the latest planned completion stated (responses only).
    """

    kind: ObligationKind
    ref: m.Ref
    label: str | None
    body: m.Ref
    body_name: str
    via: m.Ref | None
    recipient: m.Ref | None
    items: tuple[m.Ref, ...]
    owed: str
    resolution: Resolution
    due_from: m.Ref | None
    as_of: dt.date
    state: ObligationState
    met_by: tuple[m.Ref, ...] = ()
    met_on: PartialDate | None = None
    position: m.Position | None = None
    progress: m.Progress | None = None
    planned_completion: PartialDate | None = None

    @property
    def due(self) -> dt.date | None:
        """The due date, when known to the day."""
        return self.resolution.due

    @property
    def latest_due(self) -> dt.date | None:
        """The latest day the due date can be (the due date itself when known to the day)."""
        return self.resolution.latest


def evidence_date(response: m.Response) -> PartialDate | None:
    """The date a response counts from: when it was sent, else when it was published, else ``None``."""
    return response.sent if response.sent is not None else response.published


def tally(found: Iterable[Obligation]) -> dict[ObligationState, int]:
    """How many obligations are in each state (every state present, in declaration order).

    Never raises for obligations made by :func:`obligations`.

    >>> import datetime as dt, supercomplaint as sc
    >>> found = sc.obligations(sc.load("examples/hestia/case.json"), dt.date(2021, 12, 1))
    >>> {str(state): count for state, count in sc.tally(found).items() if count}
    {'overdue': 174, 'met': 3, 'not-applicable': 88}
    """
    counts = dict.fromkeys(ObligationState, 0)
    for obligation in found:
        counts[obligation.state] += 1
    return counts


# --------------------------------------------------------------------------------------------------
# Evidence
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class _Entry:
    """A counted response's word for one body: on one item, or in reply to a route or follow-up."""

    response: m.Response
    date: PartialDate
    answer: m.ItemResponse | None = None
    outcome: m.MemberOutcome | None = None

    @property
    def position(self) -> m.Position | None:
        if self.outcome is not None:
            return self.outcome.position
        return self.answer.position if self.answer is not None else None

    @property
    def progress(self) -> m.Progress | None:
        if self.outcome is not None:
            return self.outcome.progress
        return self.answer.progress if self.answer is not None else None

    @property
    def planned(self) -> PartialDate | None:
        # A collator's planned completion is its own claim, not the member's.
        if self.outcome is not None or self.answer is None:
            return None
        return self.answer.planned_completion


class _Evidence:
    """The responses counted as of a date, indexed by (body, item) and (body, route or follow-up id).

    A response speaks for its responder, for a body it names in ``on_behalf_of``, and, when it is collated
    (``on_behalf_of`` a group, from that group's collator), for each member named in a member outcome.
    """

    def __init__(self, case: m.CaseRecord, as_of: dt.date, registry: Registry, members: _Members) -> None:
        self.on_item: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self._on_reply: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        counted: list[tuple[dt.date, dt.date, str, PartialDate, m.Response]] = []
        for response in case.responses:
            when = evidence_date(response)
            if when is not None:
                latest = when.latest
                if latest <= as_of:
                    counted.append((when.earliest, latest, response.id, when, response))
        counted.sort(key=lambda row: row[:3])
        for *_, when, response in counted:
            speakers: set[str] = {response.responder}
            in_group: frozenset[str] = frozenset()
            behalf = response.on_behalf_of
            if behalf is not None and registry.is_group(behalf):
                if registry.group(behalf).collator == response.responder:
                    in_group = members.ids(behalf)
            elif behalf is not None:
                speakers.add(behalf)
            named: list[tuple[str, _Entry]] = []
            for answer in response.items:
                for speaker in speakers:
                    self.on_item[(speaker, answer.item)].append(_Entry(response, when, answer))
                for outcome in answer.member_outcomes:
                    if outcome.member in in_group and outcome.member not in speakers:
                        entry = _Entry(response, when, answer, outcome)
                        self.on_item[(outcome.member, answer.item)].append(entry)
                        named.append((outcome.member, entry))
            for target in response.in_reply_to:
                for speaker in speakers:
                    self._on_reply[(speaker, target)].append(_Entry(response, when))
                for member, entry in named:
                    self._on_reply[(member, target)].append(entry)

    def replies(self, body: str, target: str, items: Sequence[str]) -> list[_Entry]:
        """Counted replies to ``target`` for ``body``: its own, or collated naming it on one of ``items``."""
        wanted = set(items)
        unique: dict[str, _Entry] = {}
        for entry in self._on_reply.get((body, target), ()):
            if entry.outcome is None or (entry.answer is not None and entry.answer.item in wanted):
                unique.setdefault(entry.response.id, entry)
        return list(unique.values())


class _Members:
    """Expansions of bodies and groups to member bodies, each computed once, unknown refs collected."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[str, tuple[m.Body, ...]] = {}
        self._ids: dict[str, frozenset[str]] = {}
        self.problems: list[Problem] = []

    def expand(self, ref: str, path: str) -> tuple[m.Body, ...]:
        if ref not in self._cache:
            try:
                self._cache[ref] = self.registry.members(ref)
            except RegistryError as exc:
                self._cache[ref] = ()
                self.problems.extend(attrs.evolve(p, path=path) for p in exc.problems)
        return self._cache[ref]

    def ids(self, ref: str) -> frozenset[str]:
        if ref not in self._ids:
            self._ids[ref] = frozenset(b.id for b in self.expand(ref, "$"))
        return self._ids[ref]


# --------------------------------------------------------------------------------------------------
# States
# --------------------------------------------------------------------------------------------------


def _met_state(resolution: Resolution, entries: Sequence[_Entry]) -> ObligationState:
    if resolution.latest is None or resolution.earliest is None:
        return ObligationState.MET
    unknown = False
    for entry in entries:
        if entry.date.latest <= resolution.earliest:
            return ObligationState.MET
        if entry.response.sent is not None and entry.date.earliest > resolution.latest:
            continue  # provably late
        unknown = True
    return ObligationState.MET_DATE_UNKNOWN if unknown else ObligationState.MET_LATE


def _unmet_state(resolution: Resolution, as_of: dt.date, due_soon: int) -> ObligationState:
    if resolution.latest is None or resolution.earliest is None:
        return ObligationState.NOT_APPLICABLE
    if as_of > resolution.latest:
        return ObligationState.OVERDUE
    if (resolution.earliest - as_of).days <= due_soon:
        return ObligationState.DUE_SOON
    return ObligationState.NOT_YET_DUE


# --------------------------------------------------------------------------------------------------
# Obligations
# --------------------------------------------------------------------------------------------------


def _part_ids(parts: Iterable[m.Part]) -> Iterable[str]:
    for part in parts:
        yield part.id
        yield from _part_ids(part.parts)


def _exists(origin: PartialDate | None, as_of: dt.date) -> bool:
    """Whether something dated ``origin`` may exist on ``as_of`` (an undated thing may)."""
    return origin is None or not origin.certainly_after(as_of)


def _describe(item: m.Action | m.Recommendation) -> str:
    noun = "action" if isinstance(item, m.Action) else "recommendation"
    return f"{noun} {item.label or item.id}"


def obligations(
    case: m.CaseRecord,
    as_of: dt.date,
    *,
    registry: Registry | None = None,
    due_soon: int = DUE_SOON_DAYS,
) -> list[Obligation]:
    """Every obligation ``case`` sets, one per (item, monitoring obligation or follow-up; body), with its
    due date and its state as of ``as_of``; see the module documentation for the rules.

    ``registry`` is the register the case's references resolve against (default: the shipped one); the
    case's own bodies and groups always extend or override it. ``due_soon`` is the window, in days, of
    :attr:`ObligationState.DUE_SOON`.

    The result is in the record's order: actions, recommendations, monitoring obligations, follow-ups,
    each with its bodies in the order their groups list them.

    Raises :class:`~supercomplaint.registry.UnknownRefError` (a
    :class:`~supercomplaint.SupercomplaintError`) listing every owner, addressee, reporter, recipient,
    sender or group member the registry does not know, each with the JSON path where it is named (whatever
    the as-of date); :class:`TypeError` when ``case`` is not a case record or ``as_of`` not a date.

    Each chief constable's response to Hestia's recommendation 5.2 is due with the NPCC's collated report
    (monitoring obligation ``m2``); Cambridgeshire's board paper of 13 July 2021 meets it:

    >>> import datetime as dt, supercomplaint as sc
    >>> found = sc.obligations(sc.load("examples/hestia/case.json"), dt.date(2021, 12, 1))
    >>> cambs = next(o for o in found if o.ref == "r2" and o.body == "force-cambridgeshire")
    >>> cambs.state, cambs.due, cambs.via, cambs.due_from
    (<ObligationState.MET: 'met'>, datetime.date(2021, 11, 26), 'chief-constables', 'm2')
    """
    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"obligations() needs a CaseRecord, not {type(case).__name__}")
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if not isinstance(as_of, dt.date):
        raise TypeError(f"as_of must be a date, not {type(as_of).__name__}")
    tracker = _Tracker(case, as_of, Registry.for_document(case, base=registry), due_soon)
    found = tracker.run()
    if tracker.members.problems:
        unique = list(dict.fromkeys(tracker.members.problems))
        raise UnknownRefError(sorted(unique, key=lambda p: (p.path, p.message)))
    return found


class _Tracker:
    """One run of :func:`obligations`: shared lookups, then the obligations in record order."""

    def __init__(self, case: m.CaseRecord, as_of: dt.date, registry: Registry, due_soon: int) -> None:
        self.case = case
        self.as_of = as_of
        self.registry = registry
        self.due_soon = due_soon
        self.members = _Members(registry)
        self.evidence = _Evidence(case, as_of, registry, self.members)
        self._resolved: dict[int, Resolution] = {}

    def name(self, ref: str) -> str:
        found = self.registry.get(ref)
        return found.name if found is not None else ref

    def resolution(self, deadline: m.Deadline, issued: PartialDate | None = None) -> Resolution:
        key = id(deadline)
        if key not in self._resolved:
            self._resolved[key] = resolve(deadline, self.case, issued=issued)
        return self._resolved[key]

    def owers(self, refs: Sequence[str], path: str) -> dict[str, str | None]:
        """The bodies ``refs`` stand for, each once, with the group it was reached through (or None)."""
        result: dict[str, str | None] = {}
        for index, ref in enumerate(refs):
            expanded = self.members.expand(ref, join_path(path, index) if len(refs) > 1 or index else path)
            via = ref if self.registry.is_group(ref) else None
            for body in expanded:
                if body.id not in result or via is None:
                    result[body.id] = via
        return result

    def make(
        self,
        *,
        kind: ObligationKind,
        ref: str,
        label: str | None,
        body: str,
        via: str | None,
        recipient: str | None,
        items: tuple[m.Ref, ...],
        owed: str,
        resolution: Resolution,
        due_from: str,
        entries: Sequence[_Entry],
    ) -> Obligation:
        met = bool(entries)
        state = _met_state(resolution, entries) if met else _unmet_state(resolution, self.as_of, self.due_soon)
        position = progress = planned = None
        if kind is ObligationKind.RESPOND:
            position = next((e.position for e in reversed(entries) if e.position is not None), None)
            progress = next((e.progress for e in reversed(entries) if e.progress is not None), None)
            planned = next((e.planned for e in reversed(entries) if e.planned is not None), None)
        return Obligation(
            kind=kind,
            ref=m.Ref(ref),
            label=label,
            body=m.Ref(body),
            body_name=self.name(body),
            via=m.Ref(via) if via is not None else None,
            recipient=m.Ref(recipient) if recipient is not None else None,
            items=items,
            owed=owed,
            resolution=resolution,
            due_from=m.Ref(due_from),
            as_of=self.as_of,
            state=state,
            met_by=tuple(dict.fromkeys(m.Ref(e.response.id) for e in entries)),
            met_on=entries[0].date if entries else None,
            position=position,
            progress=progress,
            planned_completion=planned,
        )

    def run(self) -> list[Obligation]:
        out: list[Obligation] = []
        report = self.case.report
        if report is not None:
            here = _exists(report.sent_to_addressees or report.published, self.as_of)
            out.extend(self.from_report(report, here))
        for index, follow_up in enumerate(self.case.follow_ups):
            out.extend(self.from_follow_up(follow_up, join_path("$.followUps", index)))
        return out

    def from_report(self, report: m.Report, here: bool) -> list[Obligation]:
        routes = report.monitoring
        reporters: list[dict[str, str | None]] = []
        covers: list[frozenset[str]] = []
        for index, route in enumerate(routes):
            path = join_path("$.report.monitoring", index)
            owing = self.owers([route.reporter], join_path(path, "reporter"))
            covered = set(owing)
            if route.on_behalf_of is not None:
                covered.update(b.id for b in self.members.expand(route.on_behalf_of, join_path(path, "onBehalfOf")))
            self.members.expand(route.recipient, join_path(path, "recipient"))
            reporters.append(owing)
            covers.append(frozenset(covered))
        items: list[tuple[str, m.Action | m.Recommendation]] = [
            *((join_path("$.report.actions", i), a) for i, a in enumerate(report.actions)),
            *((join_path("$.report.recommendations", i), r) for i, r in enumerate(report.recommendations)),
        ]
        # The bodies that owe an item through the monitoring obligations it sets, not by a response.
        owed_by_route: dict[str, set[str]] = defaultdict(set)
        routes_of: dict[str, list[int]] = defaultdict(list)
        for _, item in items:
            ids = {item.id, *_part_ids(item.parts)}
            for route, owing in zip(routes, reporters, strict=True):
                if route.source is not None and route.source in ids:
                    owed_by_route[item.id].update(owing)
        for index, route in enumerate(routes):
            for ref in route.items:
                routes_of[ref].append(index)

        out: list[Obligation] = []
        for path, item in items:
            if isinstance(item, m.Action):
                owing = self.owers([item.owner], join_path(path, "owner"))
            else:
                owing = self.owers(item.addressees, join_path(path, "addressees"))
            if not here:
                continue
            own = self.resolution(item.deadline)
            for body, via in owing.items():
                if body in owed_by_route.get(item.id, ()):
                    continue
                resolution, due_from = own, item.id
                if not own.dated:
                    dated = [
                        (r, routes[i].id)
                        for i in routes_of.get(item.id, ())
                        if body in covers[i] and (r := self.resolution(routes[i].deadline)).dated
                    ]
                    if dated:
                        resolution, due_from = min(dated, key=lambda c: (c[0].latest, c[0].earliest, c[1]))
                out.append(
                    self.make(
                        kind=ObligationKind.RESPOND,
                        ref=item.id,
                        label=item.label,
                        body=body,
                        via=via,
                        recipient=None,
                        items=(m.Ref(item.id),),
                        owed=f"a response to {_describe(item)}",
                        resolution=resolution,
                        due_from=due_from,
                        entries=self.evidence.on_item.get((body, item.id), ()),
                    )
                )
        if not here:
            return out
        labels: dict[str, str] = {item.id: (item.label or item.id) for _, item in items}
        for route, owing in zip(routes, reporters, strict=True):
            resolution = self.resolution(route.deadline)
            about = ", ".join(labels.get(ref, ref) for ref in route.items)
            owed = f"a progress report to {self.name(route.recipient)} on {about}"
            if route.on_behalf_of is not None:
                owed += f", collating the progress of {self.name(route.on_behalf_of)}"
            for body, via in owing.items():
                out.append(
                    self.make(
                        kind=ObligationKind.REPORT,
                        ref=route.id,
                        label=route.label,
                        body=body,
                        via=via,
                        recipient=route.recipient,
                        items=route.items,
                        owed=owed,
                        resolution=resolution,
                        due_from=route.id,
                        entries=self.evidence.replies(body, route.id, route.items),
                    )
                )
        return out

    def from_follow_up(self, follow_up: m.FollowUp, path: str) -> list[Obligation]:
        owing = self.owers(follow_up.recipients, join_path(path, "recipients"))
        self.members.expand(follow_up.sender, join_path(path, "sender"))
        if not _exists(follow_up.date, self.as_of):
            return []
        resolution = self.resolution(follow_up.deadline, follow_up.date)
        owed = f"a reply to the follow-up {follow_up.title or follow_up.id} from {self.name(follow_up.sender)}"
        return [
            self.make(
                kind=ObligationKind.REPLY,
                ref=follow_up.id,
                label=follow_up.title,
                body=body,
                via=via,
                recipient=follow_up.sender,
                items=follow_up.items,
                owed=owed,
                resolution=resolution,
                due_from=follow_up.id,
                entries=self.evidence.replies(body, follow_up.id, follow_up.items),
            )
            for body, via in owing.items()
        ]
