"""Who owes what to whom, by when, and where each obligation stands on a given day.

:func:`obligations` answers "who is overdue on what, as of this date?" for every body a case record
obliges, including each of the 43 forces behind "chief constables". Each :class:`Obligation` gives two
answers, side by side:

* the **reply** (:attr:`Obligation.state`, an :class:`ObligationState`): did the body answer, when, and
  was that on time;
* the **delivery** (:attr:`Obligation.delivery`, a :class:`DeliveryState`): what the body last claimed
  about the work (not started, planned, in progress, completed) and, kept apart, what the monitoring body
  last assessed (awaiting review, being progressed, complete, closed not implemented, superseded); with the
  flags ``at_risk``, ``lapsed`` and ``closed``.

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
  reporter is expanded to its members. A report that goes to several recipients at once
  (``other_recipients``) is still one obligation, met by one report.
* **reply** to a follow-up: each recipient (groups expanded) owes one reply to its sender; a follow-up
  sent jointly (``joint_senders``) is owed one reply, to all its senders.

An item that sets monitoring obligations (a monitoring obligation's ``source`` is the item or one of its
parts, like Hestia's 5.6) is owed through those routes: a body that reports under such a route owes the
report, not a second "response" to the item. The body's positions and progress on that item are not lost:
the report obligation carries them (``position_on`` names the item).

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
Nothing is inferred from silence. A response counts from its ``sent`` date, or, when that is unknown,
its ``published`` date; one whose date may fall after ``as_of`` (sent "2021-12" as of 1 December 2021)
does not count yet. A response the record holds **with no date at all** (a force's action plan with no
date on it) still counts, whatever the as-of date: it is evidence of an answer whose timeliness is
unknown, so it meets the obligation as ``met-date-unknown`` unless a dated response meets it on time.

* A response to an item is any counted response whose responder, one of its ``joint_responders``, or
  the body it names ``on_behalf_of`` is the body, and that says something about the item (an
  :class:`~supercomplaint.model.ItemResponse` for it). A joint response meets each sender's own
  obligations.
* A **collated** response (``on_behalf_of`` a group, sent by that group's collator or by the reporter of
  a monitoring obligation collating for the group; or sent by a group's collator about an item addressed
  to that group) speaks for a member in two ways:

  - for the members it **names** in ``member_outcomes``: that outcome is the member's own (position and
    progress as reported), and meets the member's obligation on that item. An outcome for the whole
    group (``member`` is the group, ``all 43 PCCs accepted``) counts for every member of it, except the
    ``except_members`` and those listed on their own in the same answer;
  - for **every member**, as the group's position (:class:`GroupAnswer`, "via NPCC"), kept apart from
    the member's own fields: the collator's own position and progress on the item, or, when the
    response replies to a monitoring obligation covering the item and the record holds nothing of what
    it says item by item (no item responses at all), the fact that it replied.

  Whether the group's position also **meets** a member's own obligation to respond follows from the
  monitoring routes the report sets. It does when the report asks the collator to collate and report
  the group's progress on the item (a monitoring obligation ``on_behalf_of`` the group, whose reporter
  sent the response) and asks nothing of the member itself: the collated report is then the channel
  through which the member answers. It does not when a monitoring obligation also asks the member (or a
  group containing it) to report on the item, as Hestia's 5.6 b) does ("Chief Constables are asked to
  report on progress to the NPCC"): the member then owes its own word, and a national answer that names
  no forces does not show that any one force gave it. Nor does it when no route asks the collator to
  answer for the group at all.
* A report or reply is a counted response that names the monitoring obligation or follow-up in
  ``in_reply_to``, from the body itself (or jointly with it), or collated naming it on one of the items
  concerned, as above. A collator's report never meets a member's own duty to report to the collator.

Reply states (:class:`ObligationState`), as of the date:

======================  ================================================================================
``met``                 met, and some response is dated (sent, or published) on or before the due date
                        (the earliest possible one, when it has bounds), or there is no due date
``met-late``            met only by responses sent after the due date
``met-date-unknown``    met, but no response can be shown to be on time or late: known only from a
                        publication after the due date (it may have been sent earlier), dated only to a
                        month or year that straddles the due date, or not dated at all
``closed``              not met, and the monitoring body has closed the item (``closed``): nothing is
                        chased any more, so it is never overdue
``overdue``             not met, and the as-of date is after the (latest possible) due date
``due-soon``            not met, and due within 14 days (``due_soon`` days) of the as-of date, or today;
                        with a due date known only within bounds, also while the as-of date lies within them
``not-yet-due``         not met, and due later than that
``not-applicable``      not met, and no due date applies: the deadline is open or unstated, or cannot be
                        resolved from the record (``resolution.explanation`` says which), and no
                        monitoring obligation gives one
======================  ================================================================================

Delivery
--------
Delivery is about the item the obligation concerns (``position_on``: the item itself for a response; for a
report, the item that sets the route, when there is one; none for a reply to a follow-up).

* The **claim** is the latest progress the body's own counted responses state (its own or a collator's
  outcome naming it; never the group's position), with its date (``progress_on``).
* The **assessment** is the latest of the monitoring bodies' assessments of the item dated on or before
  the as-of date, for the item as a whole (no ``subject``), for the body, or for a group containing it;
  on the same date the one most particular to the body wins.
* :attr:`Obligation.delivery` is the assessment's status unless the claim is **certainly later** (every
  day it may stand for is after every day the assessment may): the monitoring body's view wins when it is
  later, on the same day, or when the order cannot be told. An assessment that closes the item wins
  whatever comes after it, until a later assessment reopens it: a responder cannot reopen what the
  monitoring body closed. With neither, delivery is ``unknown``.

Flags, as of the date (dates compared by their bounds, as everywhere):

* ``closed``: the latest assessment is ``complete``, ``closed-not-implemented`` or ``superseded``. For a
  report, also when every item the route covers is closed for the body.
* ``at_risk``: the body's latest planned completion may fall after the item's own deadline (its latest
  possible day is after the deadline's latest possible day): "March 2026" for "by 27 March 2025", and
  "March 2026 at the earliest" too, whose completion can only be later still. Only the item's own
  deadline is a delivery deadline; a monitoring route's deadline is a date to report progress by, so an
  item with no dated deadline of its own is never at risk. Never set once completion is claimed or
  assessed, or the item is closed.
* ``lapsed``: the latest planned completion has wholly passed on the as-of date (its latest possible day is
  before it) and no completion is claimed or assessed and the item is not closed: the College's "later
  this year (2022)" read on 1 January 2023. A plan stated as a floor ("at the earliest") does not lapse:
  passing it breaks no promise.

Obligations come into being when their source does: none before the report reached its addressees (sent,
else published) and none from a follow-up dated after the as-of date, when the record shows so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import NamedTuple, cast

import attrs

from . import model as m
from ._json import collector_held
from .deadlines import Resolution, resolve
from .partialdate import PartialDate, as_of_day
from .problems import Problem, join_path
from .registry import Registry, RegistryError, UnknownRefError

__all__ = [
    "DUE_SOON_DAYS",
    "DeliveryState",
    "GroupAnswer",
    "Obligation",
    "ObligationKind",
    "ObligationState",
    "evidence_date",
    "obligations",
    "short_name",
    "tally",
]

DUE_SOON_DAYS = 14
"""How many days before its due date an unmet obligation is "due soon"."""


class ObligationState(StrEnum):
    """Where the reply stands on a given day (see the module documentation for the exact rules)."""

    NOT_YET_DUE = "not-yet-due"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met-late"
    MET_DATE_UNKNOWN = "met-date-unknown"
    CLOSED = "closed"
    NOT_APPLICABLE = "not-applicable"

    @property
    def is_met(self) -> bool:
        """Whether some response in the record meets the obligation."""
        return self in (ObligationState.MET, ObligationState.MET_LATE, ObligationState.MET_DATE_UNKNOWN)

    @property
    def is_outstanding(self) -> bool:
        """Whether the obligation is unmet, still chased, and has a due date."""
        return self in (ObligationState.NOT_YET_DUE, ObligationState.DUE_SOON, ObligationState.OVERDUE)


class ObligationKind(StrEnum):
    """What an obligation asks for: a response to an item, a progress report, or a reply to a follow-up."""

    RESPOND = "respond"
    """A response to an action or a recommendation."""
    REPORT = "report"
    """A progress report under a monitoring obligation."""
    REPLY = "reply"
    """A reply to a follow-up."""


class DeliveryState(StrEnum):
    """Where delivery of an item stands for a body: its own latest claim, or the monitoring body's latest
    assessment when that wins (see the module documentation).

    The first four values are the responder's claims (:class:`~supercomplaint.model.Progress`), the next
    five the monitoring body's statuses (:class:`~supercomplaint.model.AssessmentStatus`), spelt as there:
    ``completed`` is claimed, ``complete`` assessed.
    """

    UNKNOWN = "unknown"
    """Nothing claimed, nothing assessed."""
    NOT_STARTED = "not-started"
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    AWAITING_REVIEW = "awaiting-review"
    BEING_PROGRESSED = "being-progressed"
    COMPLETE = "complete"
    CLOSED_NOT_IMPLEMENTED = "closed-not-implemented"
    SUPERSEDED = "superseded"

    @property
    def assessed(self) -> bool:
        """Whether this is a monitoring body's assessment rather than the responder's claim."""
        return self.value in _ASSESSED_VALUES

    @property
    def done(self) -> bool:
        """Whether the work is claimed completed or assessed complete."""
        return self in (DeliveryState.COMPLETED, DeliveryState.COMPLETE)

    @classmethod
    def of(cls, value: m.Progress | m.AssessmentStatus) -> DeliveryState:
        """The delivery state of a claimed progress or an assessment status."""
        return _DELIVERY_OF[value]


_ASSESSED_VALUES = frozenset(s.value for s in m.AssessmentStatus)
_DELIVERY_OF: dict[m.Progress | m.AssessmentStatus, DeliveryState] = {
    value: DeliveryState(value.value) for value in (*m.Progress, *m.AssessmentStatus)
}
_CLOSING = frozenset(
    {m.AssessmentStatus.COMPLETE, m.AssessmentStatus.CLOSED_NOT_IMPLEMENTED, m.AssessmentStatus.SUPERSEDED}
)


@attrs.frozen(kw_only=True)
class GroupAnswer:
    """A group's position on an item, as its collator states it for the whole group, shown on each member's
    row ("via NPCC"), apart from the member's own answer.

    Attributes:
        group: the id of the group answered for ("chief-constables").
        group_name: its name.
        responder: the id of the body that answered for the group (its collator, e.g. "npcc").
        responder_name: that body's name as people write it after "via": its acronym when the register
            knows one ("NPCC"), else its name.
        responses: the ids of the counted responses that speak for the group on the item, in date order
            (undated last).
        date: the date of the latest dated one (``None`` when none is dated).
        position: the latest position the group's answers state on the item (``None`` when they only
            reply to a monitoring obligation covering it, or state none).
        progress: the latest progress they state.
        planned_completion: the latest planned completion they state (the collator's, not the member's).
        meets: whether the group's answer meets the member's own obligation (see "What meets it" in the
            module documentation); when it does, its responses are among the obligation's ``met_by``.
    """

    group: m.Ref
    group_name: str
    responder: m.Ref
    responder_name: str
    responses: tuple[m.Ref, ...]
    date: PartialDate | None
    position: m.Position | None = None
    progress: m.Progress | None = None
    planned_completion: PartialDate | None = None
    meets: bool = False


@attrs.frozen(kw_only=True)
class Obligation:
    """One body's obligation arising from one item, monitoring obligation or follow-up, as of a date.

    Reply fields:
        kind: what is owed: a response, a report or a reply.
        ref: the id of the item, monitoring obligation or follow-up it arises from.
        label: the source's own label for it, as written ("5.2", "5.6 b)"), if any; a follow-up's title.
        body: the id of the body that owes it.
        body_name: that body's name.
        via: the group through which the body owes it ("chief-constables"), or ``None`` when owed directly.
        recipient: who is owed: a report's recipient, a follow-up's sender; ``None`` for a response.
        other_recipients: the others owed the same report or reply at once (a monitoring obligation's
            ``other_recipients``, a follow-up's ``joint_senders``): still one obligation.
        items: the ids of the actions or recommendations concerned.
        owed: what is owed, in words: "a response to recommendation 5.2".
        resolution: the deadline that applies, resolved (its ``explanation`` says how).
        due_from: the id of the item, monitoring obligation or follow-up whose deadline applies.
        as_of: the day the state describes.
        state: the reply's state as of that day.
        met_by: the ids of the responses that meet it, in date order, undated last (counted as of ``as_of``).
        met_on: the date of the earliest dated one (``None`` when none is dated).

    The body's own word on the item (``position_on``):
        position_on: the id of the item the position, progress, planned completion and delivery fields
            describe: the item itself for a response; for a report, the item (or the item of the part)
            that sets the monitoring obligation, if any; ``None`` otherwise.
        position: the latest position the body states on it (its own, or a collator's outcome naming it).
        progress: the latest progress the body claims on it.
        progress_on: the date of the response that claims it (``None`` when undated or no claim).
        planned_completion: the latest planned completion the body states on it (its own responses only).
        planned_completion_bound: whether that date is a bound: ``earliest`` or ``latest``; ``None`` for a
            target.
        planned_completion_as_written: the planned completion as the response words it.
        group_answer: the group's position on the item as its collator states it ("via NPCC"), for a body
            owing it as a member of a group addressee; ``None`` when no collator has answered for the group.

    Delivery (see "Delivery" in the module documentation):
        assessment: the latest monitoring assessment that applies to the body on the item, as of the date.
        delivery: where delivery stands: the claim, or the assessment when that wins.
        at_risk: the planned completion may fall after the item's own deadline.
        lapsed: the planned completion has wholly passed with no completion claimed or assessed.
        closed: the monitoring body has closed the item (complete, closed not implemented, superseded).
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
    other_recipients: tuple[m.Ref, ...] = ()
    position_on: m.Ref | None = None
    progress_on: PartialDate | None = None
    planned_completion_bound: m.Bound | None = None
    planned_completion_as_written: str | None = None
    group_answer: GroupAnswer | None = None
    assessment: m.Assessment | None = None
    delivery: DeliveryState = DeliveryState.UNKNOWN
    at_risk: bool = False
    lapsed: bool = False
    closed: bool = False

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


def short_name(found: m.Body | m.Group | None, fallback: str) -> str:
    """How people write a body's name after "via": its acronym ("NPCC") when it has one among its
    aliases, else its name; ``fallback`` when there is no body."""
    if found is None:
        return fallback
    if isinstance(found, m.Body):
        for alias in found.aliases:
            if alias.isupper() and " " not in alias and len(alias) <= 10:
                return alias
    return found.name


def tally(found: Iterable[Obligation]) -> dict[ObligationState, int]:
    """How many obligations are in each reply state (every state present, in declaration order).

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
    """A counted response's word for one body or group: on one item, or in reply to a route or follow-up."""

    response: m.Response
    date: PartialDate | None
    key: tuple[int, dt.date, dt.date, str]  # date order, undated last, then the response's id
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
    def plan(self) -> m.ItemResponse | None:
        # A collator's planned completion is its own claim, not the member's.
        if self.outcome is not None or self.answer is None or self.answer.planned_completion is None:
            return None
        return self.answer


def _entry_key(entry: _Entry) -> tuple[int, dt.date, dt.date, str]:
    """Date order, undated last, then by response id."""
    return entry.key


def _statements(entries: Sequence[_Entry]) -> tuple[_Entry | None, _Entry | None, _Entry | None]:
    """The latest entries stating a position, a progress and a plan (in one pass): for each, dated ones
    first, then undated ones (an undated statement is used only when no dated one states it). ``entries``
    are in date order."""
    said = claimed = planned = None
    undated_said = undated_claimed = undated_planned = None
    for entry in reversed(entries):
        if entry.date is not None:
            if said is None and entry.position is not None:
                said = entry
            if claimed is None and entry.progress is not None:
                claimed = entry
            if planned is None and entry.plan is not None:
                planned = entry
            if said is not None and claimed is not None and planned is not None:
                break
        else:
            if undated_said is None and entry.position is not None:
                undated_said = entry
            if undated_claimed is None and entry.progress is not None:
                undated_claimed = entry
            if undated_planned is None and entry.plan is not None:
                undated_planned = entry
    return (
        said if said is not None else undated_said,
        claimed if claimed is not None else undated_claimed,
        planned if planned is not None else undated_planned,
    )


class _Evidence:
    """The responses counted as of a date, indexed by (body, item), (group, item) and (body, route or
    follow-up id); every list in date order (undated last)."""

    def __init__(
        self,
        case: m.CaseRecord,
        as_of: dt.date,
        registry: Registry,
        members: _Members,
    ) -> None:
        self.on_item: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self.group_on_item: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self._on_reply: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        report = case.report
        routes = report.monitoring if report is not None else ()
        # Which groups a responder collates for: the groups' own collators, and routes' reporters.
        collates: dict[str, set[str]] = defaultdict(set)
        for group in registry.groups:
            if group.collator is not None:
                collates[group.collator].add(group.id)
        for route in routes:
            if route.on_behalf_of is not None and registry.is_group(route.on_behalf_of):
                collates[route.reporter].add(route.on_behalf_of)
        group_addressees: dict[str, tuple[str, ...]] = {}
        if report is not None:
            for rec in report.recommendations:
                group_addressees[rec.id] = tuple(a for a in rec.addressees if registry.is_group(a))
        covered: dict[str, tuple[str, ...]] = {r.id: tuple(r.items) for r in routes}
        covered.update({f.id: tuple(f.items) for f in case.follow_ups})
        route_groups: dict[str, str] = {
            r.id: r.on_behalf_of for r in routes if r.on_behalf_of is not None and registry.is_group(r.on_behalf_of)
        }
        route_reporters: dict[str, str] = {r.id: r.reporter for r in routes}

        counted: list[tuple[tuple[int, dt.date, dt.date, str], PartialDate | None, m.Response]] = []
        for response in case.responses:
            when = evidence_date(response)
            if when is None or when.latest <= as_of:
                rid = str(response.id)
                key = (1, dt.date.max, dt.date.max, rid) if when is None else (0, when.earliest, when.latest, rid)
                counted.append((key, when, response))
        counted.sort(key=lambda row: row[0])
        for sort_key, when, response in counted:
            self._add(
                response,
                when,
                sort_key,
                registry,
                members,
                collates.get(response.responder, set()),
                group_addressees,
                covered,
                route_groups,
                route_reporters,
            )

    def _add(
        self,
        response: m.Response,
        when: PartialDate | None,
        key: tuple[int, dt.date, dt.date, str],
        registry: Registry,
        members: _Members,
        collating: set[str],
        group_addressees: dict[str, tuple[str, ...]],
        covered: dict[str, tuple[str, ...]],
        route_groups: dict[str, str],
        route_reporters: dict[str, str],
    ) -> None:
        speakers: dict[str, None] = dict.fromkeys((response.responder, *response.joint_responders))
        behalf = response.on_behalf_of
        behalf_group: str | None = None
        if behalf is not None and registry.is_group(behalf):
            behalf_group = behalf
        elif behalf is not None:
            speakers[behalf] = None
        named_for_reply: list[tuple[str, _Entry]] = []
        answered: dict[str, set[str]] = defaultdict(set)  # group -> items answered in this response
        for answer in response.items:
            item: str = answer.item
            for speaker in speakers:
                self.on_item[(speaker, item)].append(_Entry(response, when, key, answer))
            if behalf_group is not None:
                groups: tuple[str, ...] = (behalf_group,)
            else:
                groups = tuple(g for g in group_addressees.get(item, ()) if g in collating)
            for one in groups:
                self.group_on_item[(one, item)].append(_Entry(response, when, key, answer))
                answered[one].add(item)
            # Member outcomes speak for members only from a collator of the group.
            collated = [g for g in groups if g in collating]
            if not collated or not answer.member_outcomes:
                continue
            in_group: set[str] = set()
            for one in collated:
                in_group |= members.ids(one)
            own_listed = {o.member for o in answer.member_outcomes if not registry.is_group(o.member)}
            for outcome in answer.member_outcomes:
                if registry.is_group(outcome.member):
                    excepted: set[str] = set()
                    for ref in outcome.except_members:
                        excepted |= members.ids(ref) if ref in registry else {ref}
                    targets = [
                        b
                        for b in members.ordered(outcome.member)
                        if b in in_group and b not in excepted and b not in own_listed and b not in speakers
                    ]
                elif outcome.member in in_group and outcome.member not in speakers:
                    targets = [outcome.member]
                else:
                    targets = []
                for member in targets:
                    entry = _Entry(response, when, key, answer, outcome)
                    self.on_item[(member, item)].append(entry)
                    named_for_reply.append((member, entry))
        for target in response.in_reply_to:
            for speaker in speakers:
                self._on_reply[(speaker, target)].append(_Entry(response, when, key))
            for member, entry in named_for_reply:
                self._on_reply[(member, target)].append(entry)
            # A reply for a group that says nothing item by item covers the items of what it replies to: it
            # is the group's word on each. One that answers items speaks for those it answers.
            if response.items:
                continue
            group: str | None = behalf_group
            if group is None and route_reporters.get(target) == response.responder:
                group = route_groups.get(target)
            if group is None:
                continue
            for item in covered.get(target, ()):
                if item not in answered[group]:
                    answered[group].add(item)
                    self.group_on_item[(group, item)].append(_Entry(response, when, key))

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
        self._ordered: dict[str, tuple[str, ...]] = {}
        self.problems: list[Problem] = []

    def expand(self, ref: str, path: str) -> tuple[m.Body, ...]:
        if ref not in self._cache:
            try:
                self._cache[ref] = self.registry.members(ref)
            except RegistryError as exc:
                self._cache[ref] = ()
                self.problems.extend(attrs.evolve(p, path=path) for p in exc.problems)
        return self._cache[ref]

    def _quiet(self, ref: str) -> tuple[m.Body, ...]:
        # Responses are not this module's to check (the rules do): an unknown ref there expands to nothing.
        if ref in self._cache:
            return self._cache[ref]
        try:
            return self.registry.members(ref)
        except RegistryError:
            return ()

    def ids(self, ref: str) -> frozenset[str]:
        if ref not in self._ids:
            self._ids[ref] = frozenset(b.id for b in self._quiet(ref))
        return self._ids[ref]

    def ordered(self, ref: str) -> tuple[str, ...]:
        if ref not in self._ordered:
            self._ordered[ref] = tuple(b.id for b in self._quiet(ref))
        return self._ordered[ref]


class _Assessments:
    """The latest assessment dated on or before the as-of date, per (item, subject); looked up in time
    independent of how many assessments the record holds."""

    def __init__(self, case: m.CaseRecord, as_of: dt.date, members: _Members) -> None:
        self.members = members
        # (item, subject) -> the latest assessment, with its date's bounds and id (its order among others)
        self._latest: dict[tuple[str, str | None], tuple[dt.date, dt.date, str, m.Assessment]] = {}
        self._groups: dict[str, list[str]] = defaultdict(list)
        dated = [(a.date.earliest, a.date.latest, a.id, a) for a in case.assessments]
        dated.sort(key=lambda row: row[:3])
        for row in dated:
            assessment = row[3]
            if row[1] <= as_of:
                key = (assessment.item, assessment.subject)
                subject = assessment.subject
                if key not in self._latest and subject is not None and members.registry.is_group(subject):
                    self._groups[assessment.item].append(subject)
                self._latest[key] = row  # later ones replace earlier ones

    def latest(self, item: str, body: str, groups: Iterable[str] = ()) -> m.Assessment | None:
        """The latest assessment of ``item`` that applies to ``body``: for the item as a whole, for the
        body, or for a group containing it (``groups`` are groups known to contain it, whatever the
        register says); on the same date, the most particular wins."""
        best: tuple[dt.date, dt.date, int, str] | None = None
        chosen: m.Assessment | None = None
        latest = self._latest
        for subject, rank in ((None, 0), (body, 2)):
            found = latest.get((item, subject))
            if found is not None:
                key = (found[0], found[1], rank, found[2])
                if best is None or key > best:
                    best, chosen = key, found[3]
        in_groups = self._groups.get(item)
        if in_groups:
            known = groups if isinstance(groups, (set, frozenset)) else set(groups)
            for group in in_groups:
                if group in known or body in self.members.ids(group):
                    found = latest[(item, group)]
                    key = (found[0], found[1], 1, found[2])
                    if best is None or key > best:
                        best, chosen = key, found[3]
        return chosen


# --------------------------------------------------------------------------------------------------
# States
# --------------------------------------------------------------------------------------------------


def _met_by(entries: Sequence[_Entry]) -> tuple[m.Ref, ...]:
    if len(entries) == 1:
        return (entries[0].response.id,)
    return cast(tuple[m.Ref, ...], tuple(dict.fromkeys(e.response.id for e in entries)))


def _met_state(resolution: Resolution, entries: Sequence[_Entry]) -> ObligationState:
    if resolution.latest is None or resolution.earliest is None:
        return ObligationState.MET
    unknown = False
    for entry in entries:
        undated, earliest, latest, _ = entry.key
        if undated:
            unknown = True  # in the record, but when?
            continue
        if latest <= resolution.earliest:
            return ObligationState.MET
        if entry.response.sent is not None and earliest > resolution.latest:
            continue  # provably late
        unknown = True
    return ObligationState.MET_DATE_UNKNOWN if unknown else ObligationState.MET_LATE


def _unmet_state(resolution: Resolution, as_of: dt.date, due_soon: int, closed: bool) -> ObligationState:
    if closed:
        return ObligationState.CLOSED
    if resolution.latest is None or resolution.earliest is None:
        return ObligationState.NOT_APPLICABLE
    if as_of > resolution.latest:
        return ObligationState.OVERDUE
    if (resolution.earliest - as_of).days <= due_soon:
        return ObligationState.DUE_SOON
    return ObligationState.NOT_YET_DUE


class _Delivery(NamedTuple):
    """The delivery fields of an obligation (a named tuple: one is made per obligation, cheaply)."""

    position: m.Position | None = None
    progress: m.Progress | None = None
    progress_on: PartialDate | None = None
    plan: m.ItemResponse | None = None
    assessment: m.Assessment | None = None
    delivery: DeliveryState = DeliveryState.UNKNOWN
    at_risk: bool = False
    lapsed: bool = False
    closed: bool = False


_NOTHING = _Delivery()


def _delivery(
    entries: Sequence[_Entry], assessment: m.Assessment | None, deadline: Resolution | None, as_of: dt.date
) -> _Delivery:
    said, claimed, planned = _statements(entries) if entries else (None, None, None)
    plan = planned.plan if planned is not None else None
    progress = claimed.progress if claimed is not None else None
    claim_date = claimed.date if claimed is not None else None
    closed = assessment is not None and assessment.status in _CLOSING
    if assessment is not None and (
        closed or progress is None or claim_date is None or not claim_date.certainly_after(assessment.date)
    ):
        delivery = DeliveryState.of(assessment.status)
    elif progress is not None:
        delivery = DeliveryState.of(progress)
    else:
        delivery = DeliveryState.UNKNOWN
    settled = closed or delivery.done
    at_risk = lapsed = False
    if plan is not None and plan.planned_completion is not None and not settled:
        when = plan.planned_completion
        if deadline is not None and deadline.latest is not None:
            at_risk = when.latest > deadline.latest
        lapsed = plan.planned_completion_bound is not m.Bound.EARLIEST and when.latest < as_of
    return _Delivery(
        position=said.position if said is not None else None,
        progress=progress,
        progress_on=claim_date,
        plan=plan,
        assessment=assessment,
        delivery=delivery,
        at_risk=at_risk,
        lapsed=lapsed,
        closed=closed,
    )


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


def _and(names: Sequence[str]) -> str:
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def obligations(
    case: m.CaseRecord,
    as_of: dt.date | PartialDate,
    *,
    registry: Registry | None = None,
    due_soon: int = DUE_SOON_DAYS,
) -> list[Obligation]:
    """Every obligation ``case`` sets, one per (item, monitoring obligation or follow-up; body), with its
    due date, its reply state and its delivery as of ``as_of`` (a date, or a partial date meaning its last
    day); see the module documentation for the rules.

    ``registry`` is the register the case's references resolve against (default: the shipped one); the
    case's own bodies and groups always extend or override it. ``due_soon`` is the window, in days, of
    :attr:`ObligationState.DUE_SOON`.

    The result is in the record's order: actions, recommendations, monitoring obligations, follow-ups,
    each with its bodies in the order their groups list them. It does not depend on the order of the
    record's responses or assessments.

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
    day = as_of_day(as_of)  # a month or a year: as of its last day
    # Nothing built here is cyclic: a full collection set off by the allocations would walk every object the
    # program holds, the record included, for nothing (at 1000 times Hestia, 13 times the time for 10 times
    # the record instead of 10; issue 14).
    with collector_held():
        tracker = _Tracker(case, day, Registry.for_document(case, base=registry), due_soon)
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
        self.assessments = _Assessments(case, as_of, self.members)
        self._resolved: dict[int, Resolution] = {}
        self._collating: dict[tuple[str, str], frozenset[str]] = {}
        self._names: dict[str, str] = {}
        self._group_answers: dict[
            tuple[str, tuple[str, ...], tuple[bool, ...]], tuple[GroupAnswer | None, list[_Entry]]
        ] = {}
        self._items: dict[str, m.Action | m.Recommendation] = {}
        self._item_of_part: dict[str, str] = {}
        if case.report is not None:
            found: list[m.Action | m.Recommendation] = [*case.report.actions, *case.report.recommendations]
            for thing in found:
                self._items[thing.id] = thing
                self._item_of_part[thing.id] = thing.id
                for part in _part_ids(thing.parts):
                    self._item_of_part.setdefault(part, thing.id)

    def name(self, ref: str) -> str:
        name = self._names.get(ref)
        if name is None:
            found = self.registry.get(ref)
            name = self._names[ref] = found.name if found is not None else ref
        return name

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

    def own_deadline(self, item: str | None) -> Resolution | None:
        found = self._items.get(item) if item is not None else None
        return self.resolution(found.deadline) if found is not None else None

    def make(
        self,
        *,
        kind: ObligationKind,
        ref: str,
        label: str | None,
        body: str,
        via: str | None,
        recipient: str | None,
        other_recipients: tuple[m.Ref, ...] = (),
        items: tuple[m.Ref, ...],
        owed: str,
        resolution: Resolution,
        due_from: str,
        entries: Sequence[_Entry],
        position_on: str | None = None,
        own: Sequence[_Entry] = (),
        groups: Sequence[str] = (),
        group_answer: GroupAnswer | None = None,
        closed_too: bool = False,
    ) -> Obligation:
        if len(entries) > 1:
            entries = sorted(entries, key=_entry_key)
        if position_on is not None:
            assessment = self.assessments.latest(position_on, body, groups)
            found = _delivery(own, assessment, self.own_deadline(position_on), self.as_of)
        else:
            found = _NOTHING
        closed = found.closed or closed_too
        if entries:
            state = _met_state(resolution, entries)
        else:
            state = _unmet_state(resolution, self.as_of, self.due_soon, closed)
        plan = found.plan
        return Obligation(
            kind=kind,
            ref=ref,
            label=label,
            body=body,
            body_name=self.name(body),
            via=via if via is not None else None,
            recipient=recipient if recipient is not None else None,
            other_recipients=other_recipients,
            items=items,
            owed=owed,
            resolution=resolution,
            due_from=due_from,
            as_of=self.as_of,
            state=state,
            met_by=_met_by(entries) if entries else (),
            met_on=next((e.date for e in entries if e.date is not None), None) if entries else None,
            position_on=position_on if position_on is not None else None,
            position=found.position,
            progress=found.progress,
            progress_on=found.progress_on,
            planned_completion=plan.planned_completion if plan is not None else None,
            planned_completion_bound=plan.planned_completion_bound if plan is not None else None,
            planned_completion_as_written=plan.planned_completion_as_written if plan is not None else None,
            group_answer=group_answer,
            assessment=found.assessment,
            delivery=found.delivery,
            at_risk=found.at_risk and not closed,
            lapsed=found.lapsed and not closed,
            closed=closed,
        )

    def group_answer(
        self, item: str, groups: Sequence[str], meets: dict[str, bool]
    ) -> tuple[GroupAnswer | None, list[_Entry]]:
        """The group's answer shown on a member's row, and the entries of it that meet its obligation.

        The same for every member of the groups alike, so each is worked out once."""
        key = (item, tuple(groups), tuple(meets.get(g, False) for g in groups))
        cached = self._group_answers.get(key)
        if cached is not None:
            return cached
        meeting: list[_Entry] = []
        shown: GroupAnswer | None = None
        for group in groups:
            entries = self.evidence.group_on_item.get((group, item))
            if not entries:
                continue
            reporters = self._collating.get((group, item), frozenset())
            good = [e for e in entries if e.response.responder in reporters] if meets.get(group) else []
            meeting.extend(good)
            if shown is None:
                latest = entries[-1]
                for entry in reversed(entries):
                    if entry.date is not None:
                        latest = entry
                        break
                said, claimed, plan_entry = _statements(entries)
                responder = latest.response.responder
                shown = GroupAnswer(
                    group=group,
                    group_name=self.name(group),
                    responder=responder,
                    responder_name=short_name(self.registry.get(responder), responder),
                    responses=tuple(dict.fromkeys(e.response.id for e in entries)),
                    date=latest.date,
                    position=said.position if said is not None else None,
                    progress=claimed.progress if claimed is not None else None,
                    planned_completion=(
                        plan_entry.plan.planned_completion if plan_entry is not None and plan_entry.plan else None
                    ),
                    meets=bool(good),
                )
        self._group_answers[key] = (shown, meeting)
        return shown, meeting

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
            for position, other in enumerate(route.other_recipients):
                self.members.expand(other, join_path(join_path(path, "otherRecipients"), position))
            reporters.append(owing)
            covers.append(frozenset(covered))
        items: list[tuple[str, m.Action | m.Recommendation]] = [
            *((join_path("$.report.actions", i), a) for i, a in enumerate(report.actions)),
            *((join_path("$.report.recommendations", i), r) for i, r in enumerate(report.recommendations)),
        ]
        # The bodies that owe an item through the monitoring obligations it sets, not by a response.
        owed_by_route: dict[str, set[str]] = defaultdict(set)
        routes_of: dict[str, list[int]] = defaultdict(list)
        for index, route in enumerate(routes):
            for ref in route.items:
                routes_of[ref].append(index)
            source_item = self._item_of_part.get(route.source) if route.source is not None else None
            if source_item is not None:
                owed_by_route[source_item].update(reporters[index])
        # Who collates each group's progress on each item (the reporters of routes on its behalf).
        collating: dict[tuple[str, str], set[str]] = defaultdict(set)
        for route in routes:
            if route.on_behalf_of is not None:
                for ref in route.items:
                    collating[(route.on_behalf_of, ref)].add(route.reporter)
        self._collating = {k: frozenset(v) for k, v in collating.items()}

        out: list[Obligation] = []
        ids_of = self.members.ids
        for path, item in items:
            if isinstance(item, m.Action):
                owing = self.owers([item.owner], join_path(path, "owner"))
                addressed_groups: tuple[str, ...] = ()
            else:
                owing = self.owers(item.addressees, join_path(path, "addressees"))
                addressed_groups = tuple(a for a in item.addressees if self.registry.is_group(a))
            if not here:
                continue
            # What is the same for every body owing the item, worked out once.
            item_id = item.id
            own = self.resolution(item.deadline)
            item_routes = routes_of.get(item_id, ())
            dated_routes = (
                []
                if own.dated
                else [
                    (r, routes[i].id, covers[i])
                    for i in item_routes
                    if (r := self.resolution(routes[i].deadline)).dated
                ]
            )
            route_reporters = [reporters[i] for i in item_routes]
            group_members = [(g, ids_of(g)) for g in addressed_groups]
            collated = {g: bool(self._collating.get((g, item_id))) for g in addressed_groups}
            excluded = owed_by_route.get(item_id, ())
            owed = f"a response to {_describe(item)}"
            concerned: tuple[m.Ref, ...] = (item_id,)
            on_item = self.evidence.on_item
            for body, via in owing.items():
                if body in excluded:
                    continue
                resolution, due_from = own, item_id
                if dated_routes:
                    dated = [(r, route_id) for r, route_id, covered in dated_routes if body in covered]
                    if dated:
                        resolution, due_from = min(dated, key=lambda c: (c[0].latest, c[0].earliest, c[1]))
                groups = [g for g, members in group_members if body in members]
                # The collator's answer meets the member's obligation only when a route asks the collator
                # to answer for the group on this item and no route asks the member to report on it itself.
                own_duty = False
                for owing_route in route_reporters:
                    if body in owing_route:
                        own_duty = True
                        break
                meets = {g: not own_duty and collated[g] for g in groups}
                shown, meeting = self.group_answer(item_id, groups, meets)
                mine = on_item.get((body, item_id), [])
                out.append(
                    self.make(
                        kind=ObligationKind.RESPOND,
                        ref=item_id,
                        label=item.label,
                        body=body,
                        via=via,
                        recipient=None,
                        items=concerned,
                        owed=owed,
                        resolution=resolution,
                        due_from=due_from,
                        entries=[*mine, *meeting] if meeting else mine,
                        position_on=item_id,
                        own=mine,
                        groups=groups,
                        group_answer=shown,
                    )
                )
        if not here:
            return out
        labels: dict[str, str] = {item.id: (item.label or item.id) for _, item in items}
        for route, owing in zip(routes, reporters, strict=True):
            resolution = self.resolution(route.deadline)
            about = _and([labels.get(ref, ref) for ref in route.items])
            to = _and([self.name(r) for r in (route.recipient, *route.other_recipients)])
            owed = f"a progress report to {to} on {about}"
            if route.on_behalf_of is not None:
                owed += f", collating the progress of {self.name(route.on_behalf_of)}"
            source_item = self._item_of_part.get(route.source) if route.source is not None else None
            for body, via in owing.items():
                extra: list[str] = [route.on_behalf_of] if route.on_behalf_of is not None else []
                if via is not None:
                    extra.append(via)
                items_closed = bool(route.items) and all(
                    (a := self.assessments.latest(ref, body, extra)) is not None and a.status in _CLOSING
                    for ref in route.items
                )
                out.append(
                    self.make(
                        kind=ObligationKind.REPORT,
                        ref=route.id,
                        label=route.label,
                        body=body,
                        via=via,
                        recipient=route.recipient,
                        other_recipients=route.other_recipients,
                        items=route.items,
                        owed=owed,
                        resolution=resolution,
                        due_from=route.id,
                        entries=self.evidence.replies(body, route.id, route.items),
                        position_on=source_item,
                        own=self.evidence.on_item.get((body, source_item), []) if source_item else (),
                        groups=[via] if via is not None else [],
                        closed_too=items_closed,
                    )
                )
        return out

    def from_follow_up(self, follow_up: m.FollowUp, path: str) -> list[Obligation]:
        owing = self.owers(follow_up.recipients, join_path(path, "recipients"))
        self.members.expand(follow_up.sender, join_path(path, "sender"))
        for position, other in enumerate(follow_up.joint_senders):
            self.members.expand(other, join_path(join_path(path, "jointSenders"), position))
        if not _exists(follow_up.date, self.as_of):
            return []
        resolution = self.resolution(follow_up.deadline, follow_up.date)
        senders = _and([self.name(s) for s in (follow_up.sender, *follow_up.joint_senders)])
        owed = f"a reply to the follow-up {follow_up.title or follow_up.id} from {senders}"
        return [
            self.make(
                kind=ObligationKind.REPLY,
                ref=follow_up.id,
                label=follow_up.title,
                body=body,
                via=via,
                recipient=follow_up.sender,
                other_recipients=follow_up.joint_senders,
                items=follow_up.items,
                owed=owed,
                resolution=resolution,
                due_from=follow_up.id,
                entries=self.evidence.replies(body, follow_up.id, follow_up.items),
            )
            for body, via in owing.items()
        ]
