"""Hypothesis strategies that generate valid supercomplaint documents, for this library's tests and yours.

Every document drawn is valid against the JSON Schemas and consistent: ids are unique, every reference
resolves inside the document, dates run forward, actions belong to decision-making authorities,
recommendations have addressees and a deadline that resolves, responses come from bodies that owe them.

>>> from hypothesis import given
>>> from supercomplaint import strategies as sst
>>> @given(sst.case_records())
... def test_round_trip(case): ...

The strategies take parameters: how many items and responses, the range of dates, and whether the bodies
are the shipped register's (real forces, collated by the NPCC or the APCC) or invented in the document:

>>> import datetime as dt
>>> cases = sst.case_records(
...     register=True, max_recommendations=8, max_responses=6,
...     min_date=dt.date(2022, 1, 1), max_date=dt.date(2022, 12, 31),
... )

Needs ``hypothesis``: install the ``strategies`` extra (``pip install 'supercomplaint[strategies]'``, which
pins no version); importing this module without it raises ImportError.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from . import model as m
from .partialdate import PartialDate

if TYPE_CHECKING:
    from .registry import Registry

__all__ = [
    "case_records",
    "deadlines",
    "documents",
    "extensions",
    "json_values",
    "partial_dates",
    "registers",
    "response_documents",
    "texts",
]

_ID_CHARS = string.ascii_letters + string.digits + "._:-"


def texts(max_size: int = 16) -> st.SearchStrategy[str]:
    """Non-empty text of any Unicode (no surrogates), as verbatim source text may be."""
    return st.text(min_size=1, max_size=max_size)


def _ids() -> st.SearchStrategy[str]:
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(string.ascii_letters + string.digits),
        st.text(alphabet=_ID_CHARS, max_size=12),
    )


def json_values(max_leaves: int = 5) -> st.SearchStrategy[Any]:
    """Any JSON value (finite numbers only)."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**53), max_value=2**53)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=10)
    )
    return st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
        max_leaves=max_leaves,
    )


def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """Extension data: dotted namespaces to any JSON value (usually empty)."""
    namespace = st.from_regex(r"[a-z][a-z0-9-]{0,5}(\.[a-z0-9-]{1,5}){1,2}", fullmatch=True)
    some = st.dictionaries(namespace, json_values(), min_size=1, max_size=2)
    return st.sampled_from([False, False, False, True]).flatmap(lambda wanted: some if wanted else st.just({}))


# Strategies built once: building them inside every draw costs more than drawing from them.
_TEXT = texts()
_SHORT = texts(8)
_OPT_TEXT = st.none() | _TEXT
_OPT_SHORT = st.none() | _SHORT
_EXT = extensions()
_ID = _ids()
_TEXT_LIST = st.lists(_TEXT, max_size=2)
_ONS = st.from_regex(r"[EW][0-9]{8}", fullmatch=True)
_IDENTIFIERS = st.lists(st.builds(m.Identifier, scheme=st.just("ons-pfa"), value=_ONS), max_size=1)
_POSITION = st.none() | st.sampled_from(list(m.Position))
_PROGRESS = st.none() | st.sampled_from(list(m.Progress))
_CITATION = st.builds(
    m.Citation,
    title=_SHORT,
    url=st.none() | st.just(m.Url("https://example.org/plan.pdf")),
    publisher=_OPT_SHORT,
    published=st.none() | st.just(PartialDate(2024, 3)),
    extensions=_EXT,
)
# Mostly absent (the report's own words, verbatim); else any fidelity, from any source.
_BOOL = st.booleans()
_PROVENANCE = st.none() | st.none() | st.builds(
    m.Provenance,
    fidelity=st.sampled_from(list(m.TextFidelity)),
    source=st.none() | _CITATION,
    note=_OPT_SHORT,
    extensions=_EXT,
)
_SIGNATORIES = st.lists(
    st.builds(m.Signatory, name=_SHORT, role=_OPT_SHORT, body=st.none(), extensions=_EXT), max_size=2
)
_ITEM_IDENTIFIERS = st.lists(
    st.builds(m.Identifier, scheme=st.just("hmicfrs-register"), value=_SHORT, extensions=_EXT), max_size=1
)


def partial_dates(
    min_value: dt.date = dt.date(2018, 11, 1), max_value: dt.date = dt.date(2030, 12, 31)
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of any precision whose every possible day lies within the bounds."""

    def shapes(day: dt.date) -> st.SearchStrategy[PartialDate]:
        options = [PartialDate.from_date(day), PartialDate(day.year, day.month), PartialDate(day.year)]
        fitting = [p for p in options if min_value <= p.earliest and p.latest <= max_value]
        return st.sampled_from(fitting)

    return st.dates(min_value=min_value, max_value=max_value).flatmap(shapes)


def deadlines(after: dt.date | None = None, *, resolvable: bool = False) -> st.SearchStrategy[m.Deadline]:
    """Any deadline; with ``resolvable``, only fixed dates (after ``after``) and periods from publication."""
    start = after or dt.date(2018, 11, 1)
    as_written = st.none() | texts(30)
    fixed = st.builds(
        m.FixedDeadline,
        date=st.dates(min_value=start, max_value=start + dt.timedelta(days=3 * 365)),
        as_written=as_written,
    )
    anchors = st.sampled_from([m.Anchor.REPORT_PUBLISHED]) if resolvable else st.sampled_from(list(m.Anchor))
    period = st.builds(
        m.PeriodDeadline,
        amount=st.integers(min_value=1, max_value=400),
        unit=st.sampled_from(list(m.Unit)),
        anchor=anchors,
        counting=st.sampled_from(list(m.Counting)),
        anchor_ref=st.none(),
        as_written=as_written,
    ).filter(lambda d: d.unit is not m.Unit.YEARS or d.amount <= 100)  # at most 100 years (rule SC213)
    if resolvable:
        return fixed | period
    others = (
        st.builds(m.ImmediateDeadline, as_written=as_written)
        | st.builds(m.OpenDeadline, as_written=as_written)
        | st.builds(m.NoDeadline, as_written=as_written)
        | st.builds(m.NotCapturedDeadline, as_written=as_written)
    )
    month = st.builds(
        lambda day, whole_year: PartialDate(day.year) if whole_year else PartialDate(day.year, day.month),
        st.dates(min_value=start, max_value=start + dt.timedelta(days=3 * 365)),
        st.booleans(),
    ).filter(lambda when: when.earliest >= start)
    return fixed | period | others | st.builds(m.FixedDeadline, date=month, as_written=as_written)


_LABEL = st.none() | st.just("a)")


def _parts(draw: st.DrawFn, prefix: str, depth: int = 2) -> tuple[m.Part, ...]:
    out: list[m.Part] = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        pid = f"{prefix}.{i}"
        children = _parts(draw, pid, depth - 1) if depth > 1 else ()
        links: tuple[m.ItemLink, ...] = ()
        if draw(_BOOL) and bool(out):  # "the information in the third point must include": a sibling
            sibling = m.Ref(out[-1].id)
            links = (m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=sibling, as_written=draw(_OPT_SHORT)),)
        out.append(
            m.Part(
                id=m.Id(pid),
                text=draw(_OPT_TEXT | _TEXT),
                label=draw(_LABEL),
                parts=children,
                provenance=draw(_PROVENANCE),
                links=links,
                extensions=draw(_EXT),
            )
        )
    return tuple(out)


def _part_ids(parts: tuple[m.Part, ...]) -> list[m.Ref]:
    out: list[m.Ref] = []
    for part in parts:
        out.append(m.Ref(part.id))
        out.extend(_part_ids(part.parts))
    return out


def _renderings(draw: st.DrawFn, prefix: str, parts: tuple[m.Part, ...], by: list[m.Ref]) -> tuple[m.Rendering, ...]:
    """Other documents' renderings of an item: own labels and wording, own parts, parts left out."""
    out = []
    for i in range(draw(st.integers(min_value=0, max_value=1))):
        own = tuple(
            m.Part(id=m.Id(f"{prefix}.r{i}.{j}"), text=draw(_OPT_TEXT), label=str(j + 1))
            for j in range(draw(st.integers(min_value=0, max_value=2)))
        )
        out.append(
            m.Rendering(
                by=draw(st.none() | st.sampled_from(by)),
                label=draw(_OPT_SHORT),
                text=draw(_OPT_TEXT),
                deadline_as_written=draw(st.none() | st.just("27/03/25")),
                parts=own,
                omits=tuple(draw(st.lists(st.sampled_from(_part_ids(parts)), max_size=1, unique=True)))
                if parts
                else (),
                provenance=draw(_PROVENANCE),
                extensions=draw(_EXT),
            )
        )
    return tuple(out)


def _deadline_after(draw: st.DrawFn, start: dt.date, *, resolvable: bool) -> m.Deadline:
    """A deadline in a case whose report reached its addressees on ``start``."""
    kind = draw(_RESOLVABLE_KINDS if resolvable else _DEADLINE_KINDS)
    as_written = draw(_OPT_SHORT)
    if kind == "fixed":
        day = start + dt.timedelta(days=draw(_OFFSET))
        # "in March 2025": a month (or a year) wholly after the report, never a guessed day
        whole = draw(st.sampled_from(["day", "day", "month", "year"]))
        when = PartialDate.from_date(day)
        if whole == "month" and PartialDate(day.year, day.month).earliest >= start:
            when = PartialDate(day.year, day.month)
        elif whole == "year" and PartialDate(day.year).earliest >= start:
            when = PartialDate(day.year)
        return m.FixedDeadline(date=when, as_written=as_written, extensions=draw(_EXT))
    if kind == "period":
        unit = draw(_UNIT)
        # at most 100 years in any unit, as the format allows (rule SC213)
        amount = draw(_AMOUNT) if unit is not m.Unit.YEARS else draw(st.integers(min_value=1, max_value=100))
        # "within 56 days ..., namely by 28 May 2024": a stated date, sometimes a day or two off
        stated = None
        if draw(st.booleans()):
            stated = start + dt.timedelta(days=draw(st.integers(min_value=1, max_value=3 * 365)))
        return m.PeriodDeadline(
            amount=amount,
            unit=unit,
            anchor=m.Anchor.REPORT_PUBLISHED,
            counting=draw(_COUNTING),
            stated_date=stated,
            as_written=as_written,
        )
    if kind == "not-captured":
        return m.NotCapturedDeadline(as_written=as_written)
    if kind == "immediate":
        return m.ImmediateDeadline(as_written=as_written)
    if kind == "open":
        return m.OpenDeadline(as_written=as_written)
    return m.NoDeadline(as_written=as_written)


_FOLLOW_UP_DEADLINES: list[m.Deadline] = [m.NoDeadline(), m.OpenDeadline(as_written="as soon as possible")]
_DEADLINE_KINDS = st.sampled_from(["fixed", "period", "immediate", "open", "none", "not-captured"])
_RESOLVABLE_KINDS = st.sampled_from(["fixed", "period", "fixed", "period", "not-captured"])
_OFFSET = st.integers(min_value=0, max_value=3 * 365)
_AMOUNT = st.integers(min_value=1, max_value=400)
_UNIT = st.sampled_from(list(m.Unit))
_COUNTING = st.sampled_from(list(m.Counting))


_OTHER_KINDS = st.sampled_from([k for k in m.BodyKind if k is not m.BodyKind.DESIGNATED_BODY])
_ALIASES = st.lists(_SHORT, max_size=2)
_DATED_NAMES = st.lists(
    st.builds(
        m.DatedName,
        name=_SHORT,
        since=st.none() | st.just(PartialDate(2015)),
        until=st.none() | st.just(PartialDate(2017, 7)),
        extensions=_EXT,
    ),
    max_size=1,
)


def _bodies(draw: st.DrawFn, prefix: str, count: int, kind: m.BodyKind | None = None) -> list[m.Body]:
    out: list[m.Body] = []
    for i in range(count):
        out.append(
            m.Body(
                id=m.Id(f"{prefix}{i}"),
                name=draw(_SHORT),
                kind=kind or draw(_OTHER_KINDS),
                identifiers=tuple(draw(_IDENTIFIERS)),
                area=draw(_OPT_SHORT),
                office=draw(_OPT_SHORT),
                aliases=tuple(draw(_ALIASES)),
                names=tuple(draw(_DATED_NAMES)),
                predecessors=(m.Ref(out[-1].id),) if draw(_BOOL) and bool(out) else (),
                extensions=draw(_EXT),
            )
        )
    return out


@st.composite
def registers(draw: st.DrawFn, *, max_bodies: int = 6, max_groups: int = 2) -> m.Register:
    """A register of 1 to ``max_bodies`` bodies and up to ``max_groups`` groups of them."""
    _at_least(1, max_bodies=max_bodies)
    _at_least(0, max_groups=max_groups)
    bodies = _bodies(draw, "body-", draw(st.integers(min_value=1, max_value=max_bodies)))
    groups = []
    for i in range(draw(st.integers(min_value=0, max_value=max_groups))):
        members = draw(st.lists(st.sampled_from(bodies), min_size=1, unique=True))
        groups.append(
            m.Group(
                id=m.Id(f"group-{i}"),
                name=draw(_SHORT),
                members=tuple(m.Ref(b.id) for b in members),
                collator=draw(st.none() | st.sampled_from([m.Ref(b.id) for b in bodies])),
                description=draw(_OPT_TEXT),
                extensions=draw(_EXT),
            )
        )
    return m.Register(
        bodies=tuple(bodies),
        groups=tuple(groups),
        as_of=draw(st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))),
        source=draw(_OPT_TEXT),
        extensions=draw(_EXT),
    )


def _day(draw: st.DrawFn, start: dt.date, span: int) -> dt.date:
    return start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=span)))


def _at_least(least: int, **counts: int) -> None:
    for name, count in counts.items():
        if count < least:
            raise ValueError(f"{name} must be at least {least}, not {count}")


def _span(min_date: dt.date, max_date: dt.date) -> int:
    if max_date < min_date:
        raise ValueError(f"max_date {max_date} is before min_date {min_date}")
    return (max_date - min_date).days


# The shipped register's decision-making authorities, and its groups that a collator answers for.
_AUTHORITIES = ("hmicfrs", "iopc", "college-of-policing")
_COLLATED = {"chief-constables": "npcc", "local-policing-bodies": "apcc"}


@functools.cache
def _shipped() -> Registry:
    from .registry import default_registry

    return default_registry()


@st.composite
def case_records(
    draw: st.DrawFn,
    *,
    register: bool = False,
    max_actions: int = 3,
    min_recommendations: int = 1,
    max_recommendations: int = 4,
    max_responses: int = 3,
    min_date: dt.date = dt.date(2019, 1, 1),
    max_date: dt.date = dt.date(2024, 6, 23),
) -> m.CaseRecord:
    """A consistent case record: complaint, report, groups with monitoring routes, responses.

    ``register``: the decision-making authorities, the addressees and the responders are bodies and groups of
    the shipped register (HMICFRS, the IOPC, the College of Policing; all chief constables collated by the
    NPCC, or all local policing bodies by the APCC; other bodies it lists), which the record then refers to
    without defining; otherwise they are bodies and a group defined in the record. Up to ``max_actions``
    actions, ``min_recommendations`` to ``max_recommendations`` recommendations and up to
    ``max_responses`` responses. The complaint is received between ``min_date`` and ``max_date``; the
    report and what follows it come later (the report within about two and a half years, responses within
    some 400 days of it). Raises :class:`ValueError` for counts below their least or dates out of order.
    """
    _at_least(0, max_actions=max_actions, max_responses=max_responses)
    _at_least(1, min_recommendations=min_recommendations)
    _at_least(min_recommendations, max_recommendations=max_recommendations)
    span = _span(min_date, max_date)
    complainants = _bodies(draw, "dsg-", draw(st.integers(1, 2)), m.BodyKind.DESIGNATED_BODY)
    if register:
        shipped = _shipped()
        authorities: list[m.Body] = []
        authority_refs = list(_AUTHORITIES)
        chosen = draw(st.sampled_from(sorted(_COLLATED)))
        group = shipped.group(chosen)
        collator_ref = _COLLATED[chosen]
        member_refs = [b.id for b in shipped.members(chosen)]
        elsewhere = sorted(b.id for b in shipped.bodies if b.id not in _AUTHORITIES and b.id not in member_refs)
        other_refs = [collator_ref, *draw(st.lists(st.sampled_from(elsewhere), min_size=1, max_size=4, unique=True))]
        defined: list[m.Body] = []
        groups: tuple[m.Group, ...] = ()
    else:
        authorities = _bodies(draw, "dma-", 3, m.BodyKind.INSPECTORATE)
        authority_refs = [b.id for b in authorities]
        others = _bodies(draw, "org-", draw(st.integers(2, 6)))
        collator_ref = others[0].id
        member_refs = [b.id for b in others[1:]]
        other_refs = [b.id for b in others]
        group = m.Group(
            id="grp-0",
            name=draw(_SHORT),
            members=tuple(member_refs),
            collator=collator_ref,
            extensions=draw(_EXT),
        )
        defined = others
        groups = (group,)
    received = _day(draw, min_date, span)
    published = received + dt.timedelta(days=draw(st.integers(30, 900)))
    sent = published - dt.timedelta(days=draw(st.integers(0, 7)))
    complaint = m.Complaint(
        title=draw(_TEXT),
        complainants=tuple(b.id for b in complainants),
        decision_makers=tuple(authority_refs),
        on_behalf_of=draw(_OPT_TEXT),
        features=tuple(draw(_TEXT_LIST)),
        scope=draw(_OPT_TEXT),
        received=PartialDate.from_date(received),
        acknowledged=draw(st.none() | st.just(PartialDate.from_date(received))),
        eligibility=m.EligibilityDecision(
            outcome=m.Eligibility.ELIGIBLE,
            date=draw(st.none() | st.just(PartialDate.from_date(received + dt.timedelta(days=10)))),
            reasons=draw(_OPT_TEXT),
            extensions=draw(_EXT),
        ),
        provenance=draw(_PROVENANCE),
        extensions=draw(_EXT),
    )
    renderers = list(other_refs)
    actions = []
    for i in range(draw(st.integers(0, max_actions))):
        parts = _parts(draw, f"act-{i}-p")
        actions.append(
            m.Action(
                id=m.Id(f"act-{i}"),
                owner=draw(st.sampled_from(authority_refs)),
                text=draw(_OPT_TEXT | _TEXT),  # sometimes known by number only
                label=draw(_OPT_SHORT),
                title=draw(_OPT_TEXT),
                parts=parts,
                deadline=_deadline_after(draw, published, resolvable=False),
                provenance=draw(_PROVENANCE),
                alternate_labels=tuple(draw(st.lists(st.just(f"Action {i + 1}"), max_size=1))),
                renderings=_renderings(draw, f"act-{i}", parts, renderers),
                identifiers=tuple(draw(_ITEM_IDENTIFIERS)),
                extensions=draw(_EXT),
            )
        )
    addressable = [group.id, *other_refs]
    recommendations: list[m.Recommendation] = []
    for i in range(draw(st.integers(min_recommendations, max_recommendations))):
        known = draw(st.sampled_from([True, True, True, False]))  # or known by number only
        addressees = draw(st.lists(st.sampled_from(addressable), min_size=1, max_size=2, unique=True)) if known else []
        participant = st.builds(
            m.Participant, as_written=_SHORT, ref=st.none() | st.sampled_from(addressable), extensions=_EXT
        )
        parts = _parts(draw, f"rec-{i}-p")
        links: list[m.ItemLink] = []
        if draw(_BOOL) and bool(recommendations):  # "as an interim measure ... pending Recommendation 2"
            relation = draw(st.sampled_from([m.LinkRelation.INTERIM_PENDING, m.LinkRelation.REFERS_TO]))
            target = m.Ref(recommendations[-1].id)
            links.append(m.ItemLink(relation=relation, target=target, as_written=draw(_OPT_SHORT)))
        recommendations.append(
            m.Recommendation(
                id=m.Id(f"rec-{i}"),
                addressees=tuple(addressees),
                text=draw(_TEXT) if known else draw(_OPT_TEXT),
                label=draw(_OPT_SHORT),
                title=draw(_OPT_TEXT),
                co_actors=tuple(draw(st.lists(participant, max_size=2))),
                consultees=tuple(draw(st.lists(participant, max_size=2))),
                parts=parts,
                evidence_requirements=tuple(draw(_TEXT_LIST)),
                deadline=_deadline_after(draw, published, resolvable=True),
                provenance=draw(_PROVENANCE),
                alternate_labels=tuple(draw(st.lists(_SHORT, max_size=1))),
                renderings=_renderings(draw, f"rec-{i}", parts, renderers),
                not_captured=() if known else (m.Detail.ADDRESSEES,),
                links=tuple(links),
                identifiers=tuple(draw(_ITEM_IDENTIFIERS)),
                extensions=draw(_EXT),
            )
        )
    grouped = [r for r in recommendations if m.Ref(group.id) in r.addressees]
    monitoring = []
    if grouped:
        monitoring.append(
            m.MonitoringObligation(
                id=m.Id("mon-0"),
                reporter=collator_ref,
                on_behalf_of=m.Ref(group.id),
                recipient=complaint.decision_makers[0],
                items=tuple(m.Ref(r.id) for r in grouped),
                label=draw(_OPT_SHORT),
                other_recipients=tuple(
                    draw(st.lists(st.sampled_from(complaint.decision_makers[1:]), max_size=2, unique=True))
                ),
                text=draw(_OPT_TEXT),
                provenance=draw(_PROVENANCE),
                deadline=_deadline_after(draw, published, resolvable=True),
                extensions=draw(_EXT),
            )
        )
    stated: list[m.StatedCount] = []
    if draw(st.booleans()):  # "29 recommendations, 15 to chief constables": the report's own counts
        total = len(recommendations) + draw(st.integers(0, 30))
        stated.append(
            m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=total, as_written=f"{total} recommendations")
        )
        if grouped:
            to_group = len(grouped) + draw(st.integers(0, total - len(recommendations)))
            stated.append(
                m.StatedCount(
                    of=m.CountOf.RECOMMENDATIONS,
                    count=to_group,
                    addressee=m.Ref(group.id),
                    as_written=draw(_OPT_SHORT),
                    extensions=draw(_EXT),
                )
            )
    report = m.Report(
        id=m.Id("report"),
        title=draw(_TEXT),
        authors=complaint.decision_makers,
        sent_to_addressees=PartialDate.from_date(sent),
        published=PartialDate.from_date(published),
        citation=draw(
            st.none() | st.builds(m.Citation, title=texts(), url=st.none() | st.just(m.Url("https://example.org/r")))
        ),
        summary=draw(_OPT_TEXT),
        actions=tuple(actions),
        recommendations=tuple(recommendations),
        monitoring=tuple(monitoring),
        stated_counts=tuple(stated),
        extensions=draw(_EXT),
    )
    responses = []
    answerable = [r for r in recommendations if r.addressees]
    for i in range(draw(st.integers(0, max_responses)) if answerable else 0):
        rec = draw(st.sampled_from(answerable))
        group_ref = group.id
        responder_ids = [a for a in rec.addressees if a != group_ref] + (
            list(member_refs) if group_ref in rec.addressees else []
        )
        responder = draw(st.sampled_from(responder_ids))
        joint = [r for r in responder_ids if r != responder]
        day = _day(draw, published, 400)
        planned = draw(st.none() | st.just(PartialDate.from_date(day + dt.timedelta(days=90))))
        responses.append(
            m.Response(
                id=m.Id(f"resp-{i}"),
                responder=responder,
                joint_responders=tuple(draw(st.lists(st.sampled_from(joint), max_size=1))) if joint else (),
                title=draw(_OPT_TEXT),
                occasion=draw(_OPT_TEXT),
                sent=draw(st.none() | st.just(PartialDate.from_date(day))),
                published=draw(st.none() | st.just(PartialDate.from_date(day + dt.timedelta(days=30)))),
                items=(
                    m.ItemResponse(
                        item=m.Ref(rec.id),
                        position=draw(
                            st.none() | st.sampled_from([m.Position.ACCEPTED, m.Position.UNDER_CONSIDERATION])
                        ),
                        progress=draw(_PROGRESS),
                        narrative=draw(_OPT_TEXT),
                        planned_completion=planned,
                        planned_completion_bound=draw(st.none() | st.sampled_from(list(m.Bound)))
                        if planned is not None
                        else None,
                        planned_completion_as_written=draw(_OPT_SHORT) if planned is not None else None,
                        conditions=tuple(draw(_TEXT_LIST)),
                        provenance=draw(_PROVENANCE),
                        extensions=draw(_EXT),
                    ),
                ),
                signatories=tuple(draw(_SIGNATORIES)),
                extensions=draw(_EXT),
            )
        )
    follow_ups = []
    asked = [r for r in recommendations if r.addressees]
    if draw(_BOOL) and bool(asked):
        # the three decision-making authorities writing together to an item's addressees
        item = draw(st.sampled_from(asked))
        follow_ups.append(
            m.FollowUp(
                id=m.Id("fu-0"),
                sender=complaint.decision_makers[0],
                joint_senders=complaint.decision_makers[1:],
                recipients=item.addressees,
                items=(m.Ref(item.id),),
                date=PartialDate.from_date(_day(draw, published, 400)),
                title=draw(_OPT_TEXT),
                text=draw(_OPT_TEXT),
                provenance=draw(_PROVENANCE),
                signatories=tuple(draw(_SIGNATORIES)),
                deadline=draw(st.sampled_from(_FOLLOW_UP_DEADLINES)),
                extensions=draw(_EXT),
            )
        )
    return m.CaseRecord(
        id=m.Id("case-" + draw(_ID)),
        complaint=complaint,
        report=report,
        bodies=tuple(complainants + authorities + defined),
        groups=groups,
        responses=tuple(responses),
        follow_ups=tuple(follow_ups),
        extensions=draw(_EXT),
    )


# A few members of the shipped register's groups, for collated answers with per-member outcomes.
_REGISTER_GROUPS = {
    "chief-constables": ("force-cambridgeshire", "force-kent", "force-dyfed-powys", "force-metropolitan-police"),
    "local-policing-bodies": ("lpb-cambridgeshire", "lpb-kent", "lpb-greater-manchester", "lpb-city-of-london"),
}


@st.composite
def _item_responses(
    draw: st.DrawFn, day: dt.date, members: tuple[str, ...], group: str | None = None
) -> m.ItemResponse:
    position = draw(_POSITION)
    parts = tuple(m.Ref(p) for p in draw(st.lists(_ID, max_size=2, unique=True)))
    if position is m.Position.PARTIALLY_ACCEPTED and not parts:
        parts = (m.Ref("part-1"),)
    needs_text = position in (m.Position.NOT_ACCEPTED, m.Position.ALTERNATIVE_PROPOSED)
    outcomes = draw(st.lists(st.sampled_from(members), max_size=2, unique=True)) if members else []
    whole: list[m.MemberOutcome] = []
    if draw(_BOOL) and group is not None:
        # "all 43 PCCs accepted", with the members listed on their own excepted
        whole.append(
            m.MemberOutcome(
                member=m.Ref(group),
                except_members=tuple(m.Ref(x) for x in draw(st.lists(st.sampled_from(members), max_size=1))),
                position=draw(_POSITION),
                progress=draw(_PROGRESS),
                note=draw(_OPT_TEXT),
                extensions=draw(_EXT),
            )
        )
    planned = draw(st.none() | partial_dates(min_value=day))
    return m.ItemResponse(
        item=m.Ref(draw(_ID)),
        parts=parts,
        position=position,
        progress=draw(_PROGRESS),
        narrative=draw(_TEXT) if needs_text else draw(_OPT_TEXT),
        alternative=draw(_TEXT) if position is m.Position.ALTERNATIVE_PROPOSED else draw(_OPT_TEXT),
        planned_completion=planned,
        planned_completion_bound=draw(st.none() | st.sampled_from(list(m.Bound))) if planned is not None else None,
        planned_completion_as_written=draw(_OPT_SHORT) if planned is not None else None,
        conditions=tuple(draw(_TEXT_LIST)),
        member_outcomes=(
            *whole,
            *(
                m.MemberOutcome(
                    member=m.Ref(member),
                    position=draw(_POSITION),
                    progress=draw(_PROGRESS),
                    note=draw(_OPT_TEXT),
                    extensions=draw(_EXT),
                )
                for member in outcomes
            ),
        ),
        provenance=draw(_PROVENANCE),
        extensions=draw(_EXT),
    )


@st.composite
def response_documents(
    draw: st.DrawFn,
    *,
    max_items: int = 3,
    min_date: dt.date = dt.date(2020, 1, 1),
    max_date: dt.date = dt.date(2025, 6, 23),
) -> m.ResponseDocument:
    """A response document from one body about up to ``max_items`` items of a case.

    The responder is defined in the document, or answers as the collator of a group of the shipped
    register with outcomes for some of its members. It is sent between ``min_date`` and ``max_date`` (its
    publication and planned completions may come later). Raises :class:`ValueError` for a negative count
    or dates out of order.
    """
    _at_least(0, max_items=max_items)
    day = _day(draw, min_date, _span(min_date, max_date))
    own = _bodies(draw, "local-", 1)
    collated = draw(st.none() | st.sampled_from(sorted(_REGISTER_GROUPS)))
    members: tuple[str, ...] = ()
    if collated is None:
        responder, on_behalf_of = m.Ref(own[0].id), draw(st.none() | st.just(m.Ref(own[0].id)))
    else:
        collator = "npcc" if collated == "chief-constables" else "apcc"
        responder, on_behalf_of = m.Ref(collator), m.Ref(collated)
        members = _REGISTER_GROUPS[collated]
    sent = draw(st.none() | st.just(PartialDate.from_date(day)))
    published = draw(st.none() | partial_dates(min_value=day))
    plans_from = published.latest if published is not None else day
    items = tuple(
        draw(st.lists(_item_responses(plans_from, members, collated), max_size=max_items, unique_by=lambda i: i.item))
    )
    response = m.Response(
        id=m.Id(draw(_ID)),
        responder=responder,
        on_behalf_of=on_behalf_of,
        audience=draw(_OPT_TEXT),
        title=draw(_OPT_TEXT),
        url=draw(st.none() | st.just(m.Url("https://example.org/response.pdf"))),
        occasion=draw(_OPT_TEXT),
        sent=sent,
        published=published,
        in_reply_to=tuple(m.Ref(r) for r in draw(st.lists(_ID, max_size=2))),
        items=items,
        signatories=tuple(draw(_SIGNATORIES)),
        extensions=draw(_EXT),
    )
    groups: tuple[m.Group, ...] = ()
    if draw(_BOOL) and collated is None:  # a group the register does not have, defined here
        local = m.Group(id=m.Id("local-group"), name=draw(_SHORT), members=(m.Ref(own[0].id),), extensions=draw(_EXT))
        groups = (local,)
    return m.ResponseDocument(
        case=m.Ref(draw(_ID)),
        response=response,
        bodies=tuple(own),
        groups=groups,
        extensions=draw(_EXT),
    )


def documents() -> st.SearchStrategy[m.Document]:
    """Any document kind."""
    return case_records() | response_documents() | registers()
