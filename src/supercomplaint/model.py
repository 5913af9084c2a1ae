"""The domain model: plain attrs classes, frozen, slotted, keyword-only, with no I/O and no wire format.

Every field carries a one-line description in its metadata (``doc``); the JSON Schemas and the reference
documentation are generated from these classes, so the description is the wording a person at another
body reads to fill a field in.

Conventions:

* ``id`` fields are stable identifiers, unique in a document; ``label`` fields keep the source's own
  numbering as written ("5.2", "6.1", "a)") and are never identifiers.
* A reference to a body or a group is its id (a :data:`Ref`); it resolves against the document's own
  bodies and groups, then the shipped register.
* Text taken from a source is kept as the source at hand gives it; an object's ``provenance`` says when
  that is not the report's own words verbatim (a summary, a paraphrase, a text cut off) and where the
  words were taken from.
* Strings are never empty: an unknown value is absent (``None`` or an empty tuple). What the source
  at hand does not give is said positively where it matters: an item's ``not_captured``, the
  ``not-captured`` deadline.
* Fields added in schema version 1.1 say so in their metadata (``since``); a document that uses none of
  them can still be written as 1.0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, TypeAlias

import attrs

from .partialdate import PartialDate

__all__ = [
    "Action",
    "Anchor",
    "Assessment",
    "AssessmentStatus",
    "Body",
    "BodyKind",
    "Bound",
    "CaseRecord",
    "Citation",
    "Complaint",
    "CountOf",
    "Counting",
    "DatedName",
    "Deadline",
    "Detail",
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
    "ItemLink",
    "ItemResponse",
    "LinkRelation",
    "MemberOutcome",
    "MonitoringObligation",
    "NoDeadline",
    "NotCapturedDeadline",
    "OpenDeadline",
    "Part",
    "Participant",
    "PeriodDeadline",
    "Position",
    "Progress",
    "Provenance",
    "Rag",
    "Recommendation",
    "Ref",
    "Register",
    "Rendering",
    "Report",
    "Response",
    "ResponseDocument",
    "Signatory",
    "StatedCount",
    "TextFidelity",
    "Unit",
    "Url",
]


@attrs.frozen
class WireString:
    """Marks a ``str`` annotation with what the string is on the wire (``Id``, ``Ref`` or ``Url``): the
    converter checks it and the schemas name it. Type checkers see a plain ``str``."""

    name: str


Id: TypeAlias = Annotated[str, WireString("Id")]
"""A stable identifier: letters, digits and ``.``, ``_``, ``:``, ``-``; unique in its document.

To a type checker a plain ``str``: write ``"force-kent"``; the loader and the validator check its form."""

Ref: TypeAlias = Annotated[str, WireString("Ref")]
"""The id of another object (a body, a group, an item, a part, a response ...).

To a type checker a plain ``str``, so an object's ``id`` is a reference as it stands:
``ResponseDocument(case=case.id, ...)``."""

Url: TypeAlias = Annotated[str, WireString("Url")]
"""An absolute ``http`` or ``https`` address.

To a type checker a plain ``str``."""

Extensions: TypeAlias = Mapping[str, Any]
"""Publisher data keyed by a namespace such as ``uk.police.cambs``; kept untouched, never interpreted."""


def doc(text: str) -> dict[str, str]:
    """Field metadata carrying the description used in schemas and reference documentation."""
    return {"doc": text}


_EXT_DOC = doc(
    "Data a publisher adds, keyed by a dotted namespace it controls (e.g. 'uk.police.cambs'); "
    "the only place where keys the schema does not define are allowed."
)


def _ext(since: str | None = None) -> Any:
    # Left out of the hash (not of equality), so that objects carrying extension data stay hashable.
    metadata = {**_EXT_DOC, "since": since} if since else _EXT_DOC
    return attrs.field(factory=dict, hash=False, metadata=metadata)


def new(text: str, since: str = "1.1") -> dict[str, str]:
    """Field metadata for a field added in a later schema version than 1.0."""
    return {"doc": text, "since": since}


def was_required(text: str, *versions: str) -> dict[str, Any]:
    """Field metadata for a field that older schema versions (``versions``) require and later ones do not."""
    return {"doc": text, "required_in": versions}




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


class TextFidelity(StrEnum):
    """How faithfully a recorded text gives the source's words.

    ``verbatim``: the source's own words, whole. ``summary``: a shorter account in other words.
    ``paraphrase``: the same content in other words. ``truncated``: the source's words, but cut off in the
    source at hand (a force's action plan that quotes a recommendation and stops mid-sentence).
    """

    VERBATIM = "verbatim"
    SUMMARY = "summary"
    PARAPHRASE = "paraphrase"
    TRUNCATED = "truncated"


class Detail(StrEnum):
    """A detail of an action or recommendation that the source at hand does not give."""

    TITLE = "title"
    ADDRESSEES = "addressees"
    PARTS = "parts"
    EVIDENCE_REQUIREMENTS = "evidence-requirements"


class CountOf(StrEnum):
    """What a report's stated count counts."""

    ACTIONS = "actions"
    RECOMMENDATIONS = "recommendations"


class LinkRelation(StrEnum):
    """How an item or a part relates to another.

    ``interim-pending``: an interim measure until the target is in place ("as an interim measure ...
    pending Recommendation 2"). ``refers-to``: its text relies on the target ("the information in the third
    point must include"). ``superseded-by``: the target replaces it.
    """

    INTERIM_PENDING = "interim-pending"
    REFERS_TO = "refers-to"
    SUPERSEDED_BY = "superseded-by"


class Bound(StrEnum):
    """Whether a date is a bound rather than a target: ``earliest`` ("March 2026 at the earliest") or
    ``latest`` ("by the end of 2022 at the latest")."""

    EARLIEST = "earliest"
    LATEST = "latest"


# --------------------------------------------------------------------------------------------------
# Bodies and groups
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier of a body in some external scheme."""

    scheme: str = attrs.field(metadata=doc("The scheme, e.g. 'ons-pfa' for an ONS police force area code (open list)."))
    value: str = attrs.field(metadata=doc("The identifier in that scheme, e.g. 'E23000023'."))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class DatedName:
    """A name a body had, and the dates it was in force (either may be unknown)."""

    name: str = attrs.field(metadata=doc("The name as the body used it, e.g. 'HM Inspectorate of Constabulary'."))
    since: PartialDate | None = attrs.field(
        default=None,
        metadata=doc("The first day the name was in force (may be a month or a year); absent when unknown."),
    )
    until: PartialDate | None = attrs.field(
        default=None,
        metadata=doc("The last day the name was in force (may be a month or a year); absent while in force."),
    )
    extensions: Extensions = _ext("1.1")


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
    names: tuple[DatedName, ...] = attrs.field(
        default=(),
        metadata=new(
            "The names the body has had, with the dates each was in force, e.g. 'HM Inspectorate of "
            "Constabulary' until 2017-07; 'name' is the current one."
        ),
    )
    predecessors: tuple[Ref, ...] = attrs.field(
        default=(),
        metadata=new("Ids of bodies whose functions passed to this one, e.g. a commissioner replaced by a mayor."),
    )
    outside_regime: bool = attrs.field(
        default=False,
        metadata=new(
            "True for a body outside the territory of the super-complaints regime (England and Wales), such as "
            "the Police Service of Northern Ireland: it can be recorded, and owes nothing under the regulations."
        ),
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


def _partial(value: dt.date | PartialDate) -> PartialDate:
    """A full :class:`datetime.date` given where a partial date is held becomes a day-precision one."""
    return PartialDate.from_date(value) if isinstance(value, dt.date) else value


@attrs.frozen(kw_only=True)
class FixedDeadline:
    """A deadline on a calendar date ("By 27 March 2025")."""

    date: PartialDate = attrs.field(
        converter=_partial,
        metadata={
            **doc(
                "The last day on which the thing is due; a month or a year when the source gives no day "
                "('in March 2025'): it then resolves to bounds, never to a guessed day (month or year: since 1.1)."
            ),
            "full_date_in": ("1.0",),
        },
    )
    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


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
    stated_date: dt.date | None = attrs.field(
        default=None,
        metadata=new(
            "The due date the source states beside the period ('within 56 days ..., namely by 28 May 2024'); "
            "it governs, and a rule says when it differs from the computed one."
        ),
    )
    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class ImmediateDeadline:
    """Due at once ("immediately", "as an interim measure")."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class OpenDeadline:
    """Due without a date ("as soon as possible")."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class NoDeadline:
    """The source states no deadline."""

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class NotCapturedDeadline:
    """The source may state a deadline, but the record does not have it (since 1.1).

    Distinct from :class:`NoDeadline`, which says that the source states none.
    """

    __since__ = "1.1"

    as_written: str | None = attrs.field(default=None, metadata=doc(_AS_WRITTEN))
    extensions: Extensions = _ext("1.1")


Deadline: TypeAlias = (
    FixedDeadline | PeriodDeadline | ImmediateDeadline | OpenDeadline | NoDeadline | NotCapturedDeadline
)
"""When something is due: one of the six deadline kinds."""


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
    published: PartialDate | None = attrs.field(default=None, metadata=new("When it was published, if known."))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Provenance:
    """How an object's text was obtained: how faithful it is, and where it was taken from (since 1.1).

    It covers the object's own text fields (text, title, narrative ...) and those of its parts unless a part
    has its own.
    """

    fidelity: TextFidelity = attrs.field(
        default=TextFidelity.VERBATIM, metadata=doc("How faithfully the text gives the source's words.")
    )
    source: Citation | None = attrs.field(
        default=None,
        metadata=doc("The document the words were taken from, when it is not the report (or response) itself."),
    )
    note: str | None = attrs.field(
        default=None,
        metadata=doc("How the text reached the record, e.g. 'as reproduced in Kent Police's action plan'."),
    )
    extensions: Extensions = _ext("1.1")


def _provenance(what: str = "text") -> Any:
    return attrs.field(
        default=None,
        metadata=new(
            f"How the {what} was obtained, when it is not the source's own words verbatim, or where it was taken from."
        ),
    )


@attrs.frozen(kw_only=True)
class ItemLink:
    """A link from an item or a part to another one (since 1.1)."""

    relation: LinkRelation = attrs.field(metadata=doc("How this relates to the target."))
    target: Ref = attrs.field(metadata=doc("Id of the action, recommendation or part linked to."))
    as_written: str | None = attrs.field(
        default=None, metadata=doc("The source's wording of the link, e.g. 'pending Recommendation 2'.")
    )
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Signatory:
    """A person who signed a letter or a response, as written (since 1.1)."""

    name: str = attrs.field(metadata=doc("The person's name as written, e.g. 'Andy Cooke'."))
    role: str | None = attrs.field(
        default=None, metadata=doc("Their role as written, e.g. 'HM Chief Inspector of Constabulary'.")
    )
    body: Ref | None = attrs.field(default=None, metadata=doc("Id of the body they signed for."))
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class StatedCount:
    """How many actions or recommendations the report says it makes, overall or to one addressee (since 1.1).

    "29 recommendations, 15 to chief constables" is two stated counts. Renderings use these numbers, not
    the number of items the record happens to hold.
    """

    of: CountOf = attrs.field(metadata=doc("What is counted."))
    count: int = attrs.field(
        validator=attrs.validators.ge(0),
        metadata={**doc("The number the report states (at least 0)."), "minimum": 0},
    )
    addressee: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the body or group the count is for; absent for the report's total.")
    )
    as_written: str | None = attrs.field(
        default=None, metadata=doc("The report's wording, e.g. '15 to chief constables'.")
    )
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class EligibilityDecision:
    """The decision-making authorities' joint decision whether to investigate (reg 6)."""

    outcome: Eligibility = attrs.field(metadata=doc("Whether the complaint was found eligible."))
    date: PartialDate | None = attrs.field(default=None, metadata=doc("When the decision was made."))
    reasons: str | None = attrs.field(
        default=None, metadata=doc("The written reasons, verbatim; required for a refusal.")
    )
    extensions: Extensions = _ext("1.1")


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
    provenance: Provenance | None = _provenance("features' text")
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Part:
    """A part of an action or recommendation ("a)", "7.1", or an unlabelled bullet), possibly nested."""

    id: Id = attrs.field(metadata=doc("Stable id of the part, unique in the document."))
    text: str | None = attrs.field(
        default=None,
        metadata=was_required(
            "The part's text as the source gives it; absent when the record does not have it (since 1.1).", "1.0"
        ),
    )
    label: str | None = attrs.field(default=None, metadata=doc("The source's label as written, e.g. 'a)'."))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=doc("Sub-parts, in source order."))
    provenance: Provenance | None = _provenance()
    links: tuple[ItemLink, ...] = attrs.field(
        default=(), metadata=new("Links to other parts or items, e.g. a part that refers to a sibling.")
    )
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Participant:
    """A party named in an item who is not an addressee: a co-actor or a consultee."""

    as_written: str = attrs.field(metadata=doc("The party as the source names it, e.g. 'Victims Commissioners'."))
    ref: Ref | None = attrs.field(
        default=None, metadata=doc("The id of the body or group meant, where one can be named.")
    )
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Rendering:
    """Another rendering of an item: how a responder's document (or another source) words and numbers it.

    The report's numbering stays authoritative; a rendering is data about the document that renders it
    (since 1.1).
    """

    by: Ref | None = attrs.field(default=None, metadata=doc("Id of the body whose rendering this is."))
    label: str | None = attrs.field(default=None, metadata=doc("Its label for the item, as written, e.g. '1'."))
    text: str | None = attrs.field(default=None, metadata=doc("Its wording of the item."))
    deadline_as_written: str | None = attrs.field(
        default=None, metadata=doc("Its wording of the deadline, e.g. '27/03/25'.")
    )
    parts: tuple[Part, ...] = attrs.field(
        default=(), metadata=doc("Its own parts, with its own labels (7.1 and 7.2 rendered as 1 to 3).")
    )
    omits: tuple[Ref, ...] = attrs.field(default=(), metadata=doc("Ids of the item's parts it leaves out."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("How faithful the rendering's wording is, and where it was found.")
    )
    extensions: Extensions = _ext("1.1")


@attrs.frozen(kw_only=True)
class Action:
    """A step a decision-making authority says it will take itself (reg 8)."""

    id: Id = attrs.field(metadata=doc("Stable id of the action, unique in the document."))
    owner: Ref = attrs.field(metadata=doc("Id of the decision-making authority that will take the action."))
    text: str | None = attrs.field(
        default=None,
        metadata=was_required(
            "The action's text as the source gives it; absent when the record does not have it (since 1.1).", "1.0"
        ),
    )
    label: str | None = attrs.field(
        default=None, metadata=doc("The source's own number for the action as written, e.g. '5.1'.")
    )
    title: str | None = attrs.field(default=None, metadata=doc("The action's title, if it has one."))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=doc("Parts of the action, in source order."))
    deadline: Deadline = _deadline()
    provenance: Provenance | None = _provenance()
    alternate_labels: tuple[str, ...] = attrs.field(
        default=(), metadata=new("Other labels the same item goes by, as written, e.g. 'Action 1' for '5.1'.")
    )
    renderings: tuple[Rendering, ...] = attrs.field(
        default=(), metadata=new("How other documents word and number the item (a responder's action plan ...).")
    )
    not_captured: tuple[Detail, ...] = attrs.field(
        default=(),
        metadata=new("Details the source at hand does not give; an empty field listed here is unknown, not absent."),
    )
    links: tuple[ItemLink, ...] = attrs.field(
        default=(), metadata=new("Links to other items: interim pending, refers to, superseded by.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(),
        metadata=new("The item's identifiers elsewhere, e.g. a monitoring register's own number for it."),
    )
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation of the report to someone other than the decision-making authorities (reg 8)."""

    id: Id = attrs.field(metadata=doc("Stable id of the recommendation, unique in the document."))
    addressees: tuple[Ref, ...] = attrs.field(
        default=(),
        metadata=was_required(
            "Ids of the bodies or groups it is addressed to; several means jointly. Required unless "
            "'addressees' is listed as not captured (optional since 1.1).",
            "1.0",
        ),
    )
    text: str | None = attrs.field(
        default=None,
        metadata=was_required(
            "The recommendation's text as the source gives it; absent when the record does not have it (since 1.1).",
            "1.0",
        ),
    )
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
    provenance: Provenance | None = _provenance()
    alternate_labels: tuple[str, ...] = attrs.field(
        default=(), metadata=new("Other labels the same item goes by, as written, e.g. 'Action 1' for '5.1'.")
    )
    renderings: tuple[Rendering, ...] = attrs.field(
        default=(), metadata=new("How other documents word and number the item (a responder's action plan ...).")
    )
    not_captured: tuple[Detail, ...] = attrs.field(
        default=(),
        metadata=new("Details the source at hand does not give; an empty field listed here is unknown, not absent."),
    )
    links: tuple[ItemLink, ...] = attrs.field(
        default=(), metadata=new("Links to other items: interim pending, refers to, superseded by.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(),
        metadata=new("The item's identifiers elsewhere, e.g. a monitoring register's own number for it."),
    )
    extensions: Extensions = _ext()


Item: TypeAlias = Action | Recommendation
"""An action or a recommendation."""


@attrs.frozen(kw_only=True)
class MonitoringObligation:
    """A duty to report progress: who reports, for whom, to whom, about which items, by when."""

    id: Id = attrs.field(metadata=doc("Stable id of the obligation, unique in the document."))
    reporter: Ref = attrs.field(metadata=doc("Id of the body that reports, or of a group whose every member reports."))
    recipient: Ref = attrs.field(metadata=doc("Id of the body reported to, e.g. 'hmicfrs'."))
    other_recipients: tuple[Ref, ...] = attrs.field(
        default=(),
        metadata=new(
            "Ids of the other bodies the same report goes to at once: still one obligation, met by one report."
        ),
    )
    items: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the actions or recommendations reported on."))
    label: str | None = attrs.field(default=None, metadata=doc("The source's own label as written, e.g. '5.6 b)'."))
    on_behalf_of: Ref | None = attrs.field(
        default=None, metadata=doc("Id of the group whose progress the reporter collates, e.g. 'chief-constables'.")
    )
    source: Ref | None = attrs.field(default=None, metadata=doc("Id of the item or part that sets this obligation."))
    text: str | None = attrs.field(default=None, metadata=doc("The obligation as the source states it, verbatim."))
    provenance: Provenance | None = _provenance()
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
    stated_counts: tuple[StatedCount, ...] = attrs.field(
        default=(),
        metadata=new("How many actions and recommendations the report says it makes, overall and per addressee."),
    )
    extensions: Extensions = _ext()


# --------------------------------------------------------------------------------------------------
# Responses, assessments, follow-ups
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class MemberOutcome:
    """One member's outcome as reported in a collated answer ("all 43 PCCs accepted")."""

    member: Ref = attrs.field(
        metadata=doc(
            "Id of the member body, or of the whole group ('all 43 PCCs accepted'; since 1.1): a group's "
            "outcome holds for every member not listed on its own or in 'exceptMembers'."
        )
    )
    except_members: tuple[Ref, ...] = attrs.field(
        default=(), metadata=new("For a whole-group outcome: ids of the members it does not cover.")
    )
    position: Position | None = attrs.field(default=None, metadata=doc("The member's position, as reported."))
    progress: Progress | None = attrs.field(default=None, metadata=doc("The member's progress, as reported."))
    note: str | None = attrs.field(default=None, metadata=doc("What the collator says of this member, verbatim."))
    extensions: Extensions = _ext("1.1")


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
    planned_completion_bound: Bound | None = attrs.field(
        default=None,
        metadata=new(
            "Whether the planned completion is a bound: 'earliest' ('March 2026 at the earliest') or 'latest'."
        ),
    )
    planned_completion_as_written: str | None = attrs.field(
        default=None, metadata=new("The planned completion as the response words it, e.g. 'March 26 earliest'.")
    )
    conditions: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Conditions the responder puts on it, verbatim ('subject to funding').")
    )
    member_outcomes: tuple[MemberOutcome, ...] = attrs.field(
        default=(), metadata=doc("For a collated answer: each member's outcome, as reported.")
    )
    provenance: Provenance | None = _provenance("narrative")
    extensions: Extensions = _ext()


@attrs.frozen(kw_only=True)
class Response:
    """One body's response document: a letter, a board paper, a published update."""

    id: Id = attrs.field(metadata=doc("Stable id of the response, unique across the case."))
    responder: Ref = attrs.field(metadata=doc("Id of the body that wrote the response."))
    joint_responders: tuple[Ref, ...] = attrs.field(
        default=(),
        metadata=new(
            "Ids of the bodies that send the response jointly with the responder (a commissioner and a chief "
            "constable answering in one document); it meets each one's own obligations."
        ),
    )
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
    signatories: tuple[Signatory, ...] = attrs.field(
        default=(), metadata=new("The people who signed it, as written.")
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
    joint_senders: tuple[Ref, ...] = attrs.field(
        default=(), metadata=new("Ids of the bodies that send it jointly with the sender.")
    )
    recipients: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the bodies or groups asked."))
    items: tuple[Ref, ...] = attrs.field(metadata=doc("Ids of the items asked about."))
    date: PartialDate = attrs.field(metadata=doc("When it was sent."))
    title: str | None = attrs.field(default=None, metadata=doc("The letter's title, verbatim."))
    url: Url | None = attrs.field(default=None, metadata=doc("Where the letter is published."))
    text: str | None = attrs.field(default=None, metadata=doc("What it asks, verbatim."))
    provenance: Provenance | None = _provenance()
    signatories: tuple[Signatory, ...] = attrs.field(
        default=(), metadata=new("The people who signed it, as written.")
    )
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
    groups: tuple[Group, ...] = attrs.field(
        default=(), metadata=new("Groups the response needs that the register does not have.")
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
