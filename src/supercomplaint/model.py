"""The domain model: plain attrs classes, frozen, slotted, keyword-only, with no I/O and no wire format.

Every field carries a one-line description in its metadata (``doc``); the JSON Schemas and the reference
documentation are generated from these classes, so the description is the wording a person at another
body reads to fill a field in.

Conventions:

* ``id`` fields are stable identifiers, unique in a document; ``label`` fields keep the source's own
  numbering as written ("5.2", "6.1", "a)") and are never identifiers.
* A reference to a body or a group is its id (a :data:`Ref`); it resolves against the document's own
  bodies and groups, then the shipped register.
* Text taken from a source is kept verbatim.
* Strings are never empty: an unknown value is absent (``None`` or an empty tuple).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NewType, TypeAlias

import attrs

from .partialdate import PartialDate

__all__ = [
    "Action",
    "Anchor",
    "Assessment",
    "AssessmentStatus",
    "Body",
    "BodyKind",
    "CaseRecord",
    "Citation",
    "Complaint",
    "Counting",
    "Deadline",
    "Document",
    "Eligibility",
    "EligibilityDecision",
    "Extensions",
    "FixedDeadline",
    "FollowUp",
    "Group",
    "Id",
    "Identifier",
    "ImmediateDeadline",
    "Item",
    "ItemResponse",
    "MemberOutcome",
    "MonitoringObligation",
    "NoDeadline",
    "OpenDeadline",
    "Part",
    "Participant",
    "PeriodDeadline",
    "Position",
    "Progress",
    "Rag",
    "Recommendation",
    "Ref",
    "Register",
    "Report",
    "Response",
    "ResponseDocument",
    "Unit",
    "Url",
]

Id = NewType("Id", str)
"""A stable identifier: letters, digits and ``.``, ``_``, ``:``, ``-``; unique in its document."""

Ref = NewType("Ref", str)
"""The id of another object (a body, a group, an item, a part, a response ...)."""

Url = NewType("Url", str)
"""An absolute ``http`` or ``https`` address."""

Extensions: TypeAlias = Mapping[str, Any]
"""Publisher data keyed by a namespace such as ``uk.police.cambs``; kept untouched, never interpreted."""


def doc(text: str) -> dict[str, str]:
    """Field metadata carrying the description used in schemas and reference documentation."""
    return {"doc": text}


_EXT_DOC = doc(
    "Data a publisher adds, keyed by a dotted namespace it controls (e.g. 'uk.police.cambs'); "
    "the only place where keys the schema does not define are allowed."
)


def _ext() -> Any:
    # Left out of the hash (not of equality), so that objects carrying extension data stay hashable.
    return attrs.field(factory=dict, hash=False, metadata=_EXT_DOC)


# --------------------------------------------------------------------------------------------------
# Closed code lists
# --------------------------------------------------------------------------------------------------


class BodyKind(StrEnum):
    """What sort of organisation a body is."""

    TERRITORIAL_FORCE = "territorial-force"
    OTHER_POLICE_FORCE = "other-police-force"
    LAW_ENFORCEMENT_AGENCY = "law-enforcement-agency"
    LOCAL_POLICING_BODY = "local-policing-body"
    GOVERNMENT_DEPARTMENT = "government-department"
    INSPECTORATE = "inspectorate"
    POLICE_CONDUCT_BODY = "police-conduct-body"
    PROFESSIONAL_BODY = "professional-body"
    NATIONAL_POLICING_BODY = "national-policing-body"
    COMMISSIONER = "commissioner"
    PROSECUTOR = "prosecutor"
    DESIGNATED_BODY = "designated-body"
    OTHER = "other"


class Eligibility(StrEnum):
    """The joint decision of the decision-making authorities on a super-complaint (reg 6)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not-eligible"


class Unit(StrEnum):
    """The unit of a period deadline."""

    DAYS = "days"
    WEEKS = "weeks"
    WORKING_DAYS = "working-days"
    MONTHS = "months"
    YEARS = "years"


class Counting(StrEnum):
    """How a period is counted from its anchor.

    ``beginning-with``: the anchor day is day 1 (56 days beginning with 27 Sep 2024 end on 21 Nov 2024).
    ``after``: the period starts the day after the anchor (56 days after 27 Sep 2024 end on 22 Nov 2024).
    """

    BEGINNING_WITH = "beginning-with"
    AFTER = "after"


class Anchor(StrEnum):
    """The event a period deadline is counted from."""

    REPORT_PUBLISHED = "report-published"
    REPORT_SENT = "report-sent"
    COMPLAINT_RECEIVED = "complaint-received"
    RESPONSE = "response"
    FOLLOW_UP = "follow-up"


class Position(StrEnum):
    """The position a responder takes on an item: its own claim, not anyone's assessment."""

    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially-accepted"
    NOT_ACCEPTED = "not-accepted"
    ALTERNATIVE_PROPOSED = "alternative-proposed"
    UNDER_CONSIDERATION = "under-consideration"
    NOTED = "noted"
    NOT_ADDRESSED_TO_US = "not-addressed-to-us"


class Progress(StrEnum):
    """The progress a responder claims on an item, in order from none to done."""

    NOT_STARTED = "not-started"
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"


class AssessmentStatus(StrEnum):
    """A monitoring body's own view of an item (HMICFRS register statuses, and GAO's closures)."""

    AWAITING_REVIEW = "awaiting-review"
    BEING_PROGRESSED = "being-progressed"
    COMPLETE = "complete"
    CLOSED_NOT_IMPLEMENTED = "closed-not-implemented"
    SUPERSEDED = "superseded"


class Rag(StrEnum):
    """A red/amber/green rating, as force trackers use."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


# --------------------------------------------------------------------------------------------------
# Bodies and groups
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier of a body in some external scheme."""

    scheme: str = attrs.field(metadata=doc("The scheme, e.g. 'ons-pfa' for an ONS police force area code (open list)."))
    value: str = attrs.field(metadata=doc("The identifier in that scheme, e.g. 'E23000023'."))


@attrs.frozen(kw_only=True)
class Body:
    """An organisation that makes, receives, answers or monitors recommendations."""

    id: Id = attrs.field(metadata=doc("Stable id of the body, e.g. 'force-cambridgeshire'."))
    name: str = attrs.field(metadata=doc("The body's name, e.g. 'Cambridgeshire Constabulary'."))
    kind: BodyKind = attrs.field(metadata=doc("What sort of organisation this is."))
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), metadata=doc("Identifiers in external schemes, such as the ONS code of a force area.")
    )
    area: str | None = attrs.field(
        default=None, metadata=doc("The police force area it serves, for forces and local policing bodies.")
    )
    office: str | None = attrs.field(
        default=None,
        metadata=doc("The office held, as written, e.g. 'Police Fire and Crime Commissioner'."),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Other names the body is known by, e.g. 'Cambridgeshire Police'.")
    )
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Group:
    """A group of bodies addressed together ("chief constables"), each owing its own response."""

    id: Id = attrs.field(metadata=doc("Stable id of the group, e.g. 'chief-constables'."))
    name: str = attrs.field(metadata=doc("The group's name, e.g. 'Chief constables of the territorial forces'."))
    members: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the bodies in the group."))
    collator: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the body that collates and answers for the group, e.g. 'npcc'.")
    )
    description: str | None = attrs.field(default=None, metadata=doc("What the group stands for."))
    extensions: Extensions = _ext()


# --------------------------------------------------------------------------------------------------
# Deadlines
# --------------------------------------------------------------------------------------------------

_AS_WRITTEN = "The source's wording of the deadline, verbatim, e.g. 'within six months of the date of publication'."


@attrs.frozen(kw_only=True)
class FixedDeadline:
    """A deadline on a calendar date ("By 27 March 2025")."""

    date: dt.date = attrs.field(metadata=doc("The last day on which the thing is due."))
    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))


@attrs.frozen(kw_only=True)
class PeriodDeadline:
    """A deadline a period after an event ("within six months of the date of publication")."""

    amount: int = attrs.field(
        validator=attrs.validators.ge(1),
        metadata={**doc("How many units the period lasts (at least 1)."), "minimum": 1},
    )
    unit: Unit = attrs.field(metadata=doc("The unit of the period."))
    anchor: Anchor = attrs.field(metadata=doc("The event the period is counted from."))
    counting: Counting = attrs.field(
        metadata=doc("'beginning-with' counts the anchor day as day 1; 'after' starts the day after.")
    )
    anchor_ref: Ref | None = attrs.field(
        default=None,
        metadata=doc("For the anchors 'response' and 'follow-up': the id of that response or follow-up."),
    )
    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))


@attrs.frozen(kw_only=True)
class ImmediateDeadline:
    """Due at once ("immediately", "as an interim measure")."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))


@attrs.frozen(kw_only=True)
class OpenDeadline:
    """Due without a date ("as soon as possible")."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))


@attrs.frozen(kw_only=True)
class NoDeadline:
    """The source states no deadline."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))


Deadline: TypeAlias = FixedDeadline | PeriodDeadline | ImmediateDeadline | OpenDeadline | NoDeadline
"""When something is due: one of the five deadline kinds."""


def _deadline() -> Any:
    return attrs.field(
        factory=NoDeadline,
        metadata=doc("When it is due; absent means the source states no deadline."),
    )


# --------------------------------------------------------------------------------------------------
# The complaint and the report
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Citation:
    """A published document, by title and address."""

    title: str = attrs.field(metadata=doc("The document's title, as published."))
    url: Url | None = attrs.field(default=None, metadata=doc("Where the document is published."))
    publisher: str | None = attrs.field(default=None, metadata=doc("Who published it, as written."))


@attrs.frozen(kw_only=True)
class EligibilityDecision:
    """The decision-making authorities' joint decision whether to investigate (reg 6)."""

    outcome: Eligibility = attrs.field(metadata=doc("Whether the complaint was found eligible."))
    date: PartialDate | None = attrs.field(default=None, metadata=doc("When the decision was made."))
    reasons: str | None = attrs.field(
        default=None, metadata=doc("The written reasons, verbatim; required for a refusal.")
    )


@attrs.frozen(kw_only=True)
class Complaint:
    """The super-complaint as made by one or more designated bodies, and its dated stages."""

    title: str = attrs.field(metadata=doc("A short name for the complaint, e.g. 'Hestia: modern slavery'."))
    complainants: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the designated bodies that made it."))
    decision_makers: tuple[Ref, ...] = attrs.field(
        default=(),
        metadata=doc("Ids of the decision-making authorities: HMICFRS, the IOPC and the College of Policing."),
    )
    on_behalf_of: str | None = attrs.field(
        default=None, metadata=doc("Whose interests the complaint is made for, e.g. 'victims of modern slavery'.")
    )
    features: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("The features of policing complained of, verbatim.")
    )
    scope: str | None = attrs.field(default=None, metadata=doc("The forces the complaint concerns, as written."))
    received: PartialDate | None = attrs.field(
        default=None, metadata=doc("When HM Chief Inspector of Constabulary received it (may be a year).")
    )
    acknowledged: PartialDate | None = attrs.field(
        default=None, metadata=doc("When receipt was acknowledged (due within 5 working days, reg 5).")
    )
    eligibility: EligibilityDecision | None = attrs.field(
        default=None, metadata=doc("The decision whether the complaint is eligible for investigation.")
    )


@attrs.frozen(kw_only=True)
class Part:
    """A part of an action or recommendation ("a)", "7.1", or an unlabelled bullet), possibly nested."""

    id: Id = attrs.field(metadata=doc("Stable id of the part, unique in the document."))
    text: str = attrs.field(metadata=doc("The part's text, verbatim."))
    label: str | None = attrs.field(default=None, metadata=doc("The source's label as written, e.g. 'a)'."))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=doc("Sub-parts, in source order."))


@attrs.frozen(kw_only=True)
class Participant:
    """A party named in an item who is not an addressee: a co-actor or a consultee."""

    as_written: str = attrs.field(metadata=doc("The party as the source names it, e.g. 'Victims Commissioners'."))
    ref: Ref | None = attrs.field(
        default=None, metadata=doc("The id of the body or group meant, where one can be named.")
    )


@attrs.frozen(kw_only=True)
class Action:
    """A step a decision-making authority says it will take itself (reg 8)."""

    id: Id = attrs.field(metadata=doc("Stable id of the action, unique in the document."))
    owner: Ref = attrs.field(metadata=doc("Id of the decision-making authority that will take the action."))
    text: str = attrs.field(metadata=doc("The action's text, verbatim."))
    label: str | None = attrs.field(
        default=None, metadata=doc("The source's own number for the action as written, e.g. '5.1'.")
    )
    title: str | None = attrs.field(default=None, metadata=doc("The action's title, if it has one."))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=doc("Parts of the action, in source order."))
    deadline: Deadline = _deadline()
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation of the report to someone other than the decision-making authorities (reg 8)."""

    id: Id = attrs.field(metadata=doc("Stable id of the recommendation, unique in the document."))
    addressees: tuple[Ref, ...] = attrs.field(
        metadata=doc("Ids of the bodies or groups it is addressed to; several means jointly.")
    )
    text: str = attrs.field(metadata=doc("The recommendation's text, verbatim."))
    label: str | None = attrs.field(
        default=None, metadata=doc("The source's own number as written, e.g. '5.2'; never an identifier.")
    )
    title: str | None = attrs.field(default=None, metadata=doc("The recommendation's title, if it has one."))
    co_actors: tuple[Participant, ...] = attrs.field(
        default=(), metadata=doc("Parties who act with the addressees ('in conjunction with').")
    )
    consultees: tuple[Participant, ...] = attrs.field(
        default=(), metadata=doc("Parties the addressees are to consult ('in consultation with').")
    )
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=doc("Parts of the recommendation, in source order."))
    evidence_requirements: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Evidence of progress or completion the report asks for, verbatim.")
    )
    deadline: Deadline = _deadline()
    extensions: Extensions = _ext()


Item: TypeAlias = Action | Recommendation
"""An action or a recommendation."""


@attrs.frozen(kw_only=True)
class MonitoringObligation:
    """A duty to report progress: who reports, for whom, to whom, about which items, by when."""

    id: Id = attrs.field(metadata=doc("Stable id of the obligation, unique in the document."))
    reporter: Ref = attrs.field(metadata=doc("Id of the body that reports, or of a group whose every member reports."))
    recipient: Ref = attrs.field(metadata=doc("Id of the body reported to, e.g. 'hmicfrs'."))
    items: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the actions or recommendations reported on."))
    label: str | None = attrs.field(default=None, metadata=doc("The source's own label as written, e.g. '5.6 b)'."))
    on_behalf_of: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the group whose progress the reporter collates, e.g. 'chief-constables'.")
    )
    source: Ref | None = attrs.field(default=None, metadata=doc("Id of the item or part that sets this obligation."))
    text: str | None = attrs.field(default=None, metadata=doc("The obligation as the source states it, verbatim."))
    deadline: Deadline = _deadline()
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Report:
    """The investigation report: its findings' actions, recommendations and monitoring obligations."""

    id: Id = attrs.field(metadata=doc("Stable id of the report."))
    title: str = attrs.field(metadata=doc("The report's title, verbatim."))
    authors: tuple[Ref, ...] = attrs.field(default=(), metadata=doc("Ids of the bodies that wrote it."))
    sent_to_addressees: PartialDate | None = attrs.field(
        default=None, metadata=doc("When the report was sent to its addressees, if known.")
    )
    published: PartialDate | None = attrs.field(default=None, metadata=doc("When the report was published."))
    citation: Citation | None = attrs.field(default=None, metadata=doc("Where the report is published."))
    summary: str | None = attrs.field(default=None, metadata=doc("The report's conclusions in brief."))
    actions: tuple[Action, ...] = attrs.field(default=(), metadata=doc("The actions, in source order."))
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), metadata=doc("The recommendations, in source order.")
    )
    monitoring: tuple[MonitoringObligation, ...] = attrs.field(
        default=(), metadata=doc("The monitoring obligations the report sets, in source order.")
    )
    extensions: Extensions = _ext()


# --------------------------------------------------------------------------------------------------
# Responses, assessments, follow-ups
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MemberOutcome:
    """One member's outcome as reported in a collated answer ("all 43 PCCs accepted")."""

    member: Ref = attrs.field(metadata=doc("Id of the member body."))
    position: Position | None = attrs.field(default=None, metadata=doc("The member's position, as reported."))
    progress: Progress | None = attrs.field(default=None, metadata=doc("The member's progress, as reported."))
    note: str | None = attrs.field(default=None, metadata=doc("What the collator says of this member, verbatim."))


@attrs.frozen(kw_only=True)
class ItemResponse:
    """What a response says about one action or recommendation: the responder's own claim."""

    item: Ref = attrs.field(metadata=doc("Id of the action or recommendation answered."))
    parts: tuple[Ref, ...] = attrs.field(
        default=(), metadata=doc("Ids of the parts this answer concerns; required for 'partially-accepted'.")
    )
    position: Position | None = attrs.field(
        default=None, metadata=doc("The position taken; absent when the response states none.")
    )
    progress: Progress | None = attrs.field(
        default=None, metadata=doc("The progress claimed; absent when the response states none.")
    )
    narrative: str | None = attrs.field(default=None, metadata=doc("What the response says, verbatim."))
    alternative: str | None = attrs.field(
        default=None, metadata=doc("The measure proposed instead of the one recommended, verbatim.")
    )
    planned_completion: PartialDate | None = attrs.field(
        default=None, metadata=doc("When the responder says the work will be done (may be a month or a year).")
    )
    conditions: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Conditions the responder puts on it, verbatim ('subject to funding').")
    )
    member_outcomes: tuple[MemberOutcome, ...] = attrs.field(
        default=(), metadata=doc("For a collated answer: each member's outcome, as reported.")
    )
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Response:
    """One body's response document: a letter, a board paper, a published update."""

    id: Id = attrs.field(metadata=doc("Stable id of the response, unique across the case."))
    responder: Ref = attrs.field(metadata=doc("Id of the body that wrote the response."))
    on_behalf_of: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the body or group it answers for, when not the responder alone.")
    )
    audience: str | None = attrs.field(
        default=None, metadata=doc("Who the document is addressed to, as written, e.g. 'Business Coordination Board'.")
    )
    title: str | None = attrs.field(default=None, metadata=doc("The document's title, verbatim."))
    url: Url | None = attrs.field(default=None, metadata=doc("Where the document is published."))
    occasion: str | None = attrs.field(
        default=None, metadata=doc("What the response is, as written: '56-day update', 'second response' ...")
    )
    sent: PartialDate | None = attrs.field(
        default=None, metadata=doc("When the document was sent or dated; absent when unknown.")
    )
    published: PartialDate | None = attrs.field(
        default=None, metadata=doc("When the document was published; absent when unknown or unpublished.")
    )
    in_reply_to: tuple[Ref, ...] = attrs.field(
        default=(), metadata=doc("Ids of the monitoring obligations or follow-ups this response answers.")
    )
    items: tuple[ItemResponse, ...] = attrs.field(
        default=(), metadata=doc("What it says about each item; empty when its content is not recorded.")
    )
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Assessment:
    """A monitoring body's own assessment of an item, kept apart from what the responder claims."""

    id: Id = attrs.field(metadata=doc("Stable id of the assessment."))
    assessor: Ref = attrs.field(metadata=doc("Id of the monitoring body, e.g. 'hmicfrs'."))
    item: Ref = attrs.field(metadata=doc("Id of the action or recommendation assessed."))
    date: PartialDate = attrs.field(metadata=doc("When the assessment was made."))
    status: AssessmentStatus = attrs.field(metadata=doc("The monitoring body's status for the item."))
    subject: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the body whose progress is assessed; absent for the item as a whole.")
    )
    rag: Rag | None = attrs.field(default=None, metadata=doc("A red/amber/green rating, if given."))
    comment: str | None = attrs.field(default=None, metadata=doc("The dated comment, verbatim."))
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class FollowUp:
    """A letter from a decision-making authority asking named bodies about named items."""

    id: Id = attrs.field(metadata=doc("Stable id of the follow-up."))
    sender: Ref = attrs.field(metadata=doc("Id of the body that sent it."))
    recipients: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the bodies or groups asked."))
    items: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the items asked about."))
    date: PartialDate = attrs.field(metadata=doc("When it was sent."))
    title: str | None = attrs.field(default=None, metadata=doc("The letter's title, verbatim."))
    url: Url | None = attrs.field(default=None, metadata=doc("Where the letter is published."))
    text: str | None = attrs.field(default=None, metadata=doc("What it asks, verbatim."))
    deadline: Deadline = _deadline()
    extensions: Extensions = _ext()


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CaseRecord:
    """A case record: the complaint, its report, and everything known since."""

    id: Id = attrs.field(metadata=doc("Stable id of the case, e.g. 'hestia-modern-slavery'."))
    complaint: Complaint = attrs.field(metadata=doc("The super-complaint and its stages."))
    report: Report | None = attrs.field(default=None, metadata=doc("The investigation report, once there is one."))
    bodies: tuple[Body, ...] = attrs.field(
        default=(), metadata=doc("Bodies defined by this document; they extend or override the register.")
    )
    groups: tuple[Group, ...] = attrs.field(
        default=(), metadata=doc("Groups defined by this document; they extend or override the register.")
    )
    responses: tuple[Response, ...] = attrs.field(
        default=(),
        metadata=doc("Every response known; compile() keeps them in date order (sent, else published), then by id."),
    )
    assessments: tuple[Assessment, ...] = attrs.field(default=(), metadata=doc("The monitoring bodies' assessments."))
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), metadata=doc("Follow-up requests."))
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class ResponseDocument:
    """One body's submission about one case, sent on its own."""

    case: Ref = attrs.field(metadata=doc("Id of the case the response belongs to."))
    response: Response = attrs.field(metadata=doc("The response."))
    bodies: tuple[Body, ...] = attrs.field(
        default=(), metadata=doc("Bodies the response needs that the register does not have.")
    )
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Register:
    """A register of bodies and groups; the library ships one for England and Wales."""

    bodies: tuple[Body, ...] = attrs.field(metadata=doc("The bodies."))
    groups: tuple[Group, ...] = attrs.field(default=(), metadata=doc("The groups."))
    as_of: dt.date | None = attrs.field(
        default=None, metadata=doc("The day the register describes (local policing bodies change over time).")
    )
    source: str | None = attrs.field(default=None, metadata=doc("Where the register's data comes from."))
    extensions: Extensions = _ext()


Document: TypeAlias = CaseRecord | ResponseDocument | Register
"""Any document kind."""
