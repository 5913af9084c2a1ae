"""Hypothesis strategies that generate valid supercomplaint documents, for this library's tests and yours.

Every document drawn is valid against the JSON Schemas and consistent: ids are unique, every reference
resolves inside the document, dates run forward, actions belong to decision-making authorities,
recommendations have addressees and a deadline that resolves, responses come from bodies that owe them.

>>> from hypothesis import given
>>> from supercomplaint import strategies as sst
>>> @given(sst.case_records())
... def test_round_trip(case): ...

Needs ``hypothesis`` (the ``test`` extra); importing this module without it raises ImportError.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from . import model as m
from .partialdate import PartialDate

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


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text of any Unicode (no surrogates), as verbatim source text may be."""
    return st.text(min_size=1, max_size=max_size)


def _ids() -> st.SearchStrategy[str]:
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(string.ascii_letters + string.digits),
        st.text(alphabet=_ID_CHARS, max_size=12),
    )


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
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
    return st.one_of(st.just({}), st.dictionaries(namespace, json_values(), max_size=2))


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
    )
    if resolvable:
        return fixed | period
    others = (
        st.builds(m.ImmediateDeadline, as_written=as_written)
        | st.builds(m.OpenDeadline, as_written=as_written)
        | st.builds(m.NoDeadline, as_written=as_written)
    )
    return fixed | period | others


def _parts(prefix: str, depth: int = 2) -> st.SearchStrategy[tuple[m.Part, ...]]:
    @st.composite
    def build(draw: st.DrawFn) -> tuple[m.Part, ...]:
        count = draw(st.integers(min_value=0, max_value=3))
        out = []
        for i in range(count):
            pid = f"{prefix}.{i}"
            children = draw(_parts(pid, depth - 1)) if depth > 1 else ()
            out.append(
                m.Part(
                    id=m.Id(pid), text=draw(texts()), label=draw(st.none() | st.just(f"{chr(97 + i)})")), parts=children
                )
            )
        return tuple(out)

    return build()


_KINDS_FOR_OTHERS = [k for k in m.BodyKind if k not in (m.BodyKind.DESIGNATED_BODY,)]


@st.composite
def _bodies(draw: st.DrawFn, prefix: str, count: int, kind: m.BodyKind | None = None) -> list[m.Body]:
    out = []
    for i in range(count):
        out.append(
            m.Body(
                id=m.Id(f"{prefix}{i}"),
                name=draw(texts(20)),
                kind=kind or draw(st.sampled_from(_KINDS_FOR_OTHERS)),
                identifiers=tuple(
                    draw(
                        st.lists(
                            st.builds(
                                m.Identifier,
                                scheme=st.just("ons-pfa"),
                                value=st.from_regex(r"[EW]\d{8}", fullmatch=True),
                            ),
                            max_size=1,
                        )
                    )
                ),
                area=draw(st.none() | texts(15)),
                office=draw(st.none() | texts(15)),
                aliases=tuple(draw(st.lists(texts(10), max_size=2))),
                extensions=draw(extensions()),
            )
        )
    return out


@st.composite
def registers(draw: st.DrawFn) -> m.Register:
    """A register of bodies and groups."""
    bodies = draw(_bodies("body-", draw(st.integers(min_value=1, max_value=6))))
    groups = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        members = draw(st.lists(st.sampled_from(bodies), min_size=1, unique=True))
        groups.append(
            m.Group(
                id=m.Id(f"group-{i}"),
                name=draw(texts(20)),
                members=tuple(m.Ref(b.id) for b in members),
                collator=draw(st.none() | st.sampled_from([m.Ref(b.id) for b in bodies])),
                description=draw(st.none() | texts()),
                extensions=draw(extensions()),
            )
        )
    return m.Register(
        bodies=tuple(bodies),
        groups=tuple(groups),
        as_of=draw(st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))),
        source=draw(st.none() | texts()),
        extensions=draw(extensions()),
    )


def _day(draw: st.DrawFn, start: dt.date, span: int) -> dt.date:
    return start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=span)))


@st.composite
def case_records(draw: st.DrawFn) -> m.CaseRecord:
    """A consistent case record: complaint, report, groups with monitoring routes, responses."""
    complainants = draw(_bodies("dsg-", draw(st.integers(1, 2)), m.BodyKind.DESIGNATED_BODY))
    authorities = draw(_bodies("dma-", 3, m.BodyKind.INSPECTORATE))
    others = draw(_bodies("org-", draw(st.integers(2, 6))))
    collator = others[0]
    members = others[1:]
    group = m.Group(
        id=m.Id("grp-0"),
        name=draw(texts(20)),
        members=tuple(m.Ref(b.id) for b in members),
        collator=m.Ref(collator.id),
        extensions=draw(extensions()),
    )
    received = _day(draw, dt.date(2019, 1, 1), 2000)
    published = received + dt.timedelta(days=draw(st.integers(30, 900)))
    sent = published - dt.timedelta(days=draw(st.integers(0, 7)))
    complaint = m.Complaint(
        title=draw(texts()),
        complainants=tuple(m.Ref(b.id) for b in complainants),
        decision_makers=tuple(m.Ref(b.id) for b in authorities),
        on_behalf_of=draw(st.none() | texts()),
        features=tuple(draw(st.lists(texts(), max_size=2))),
        scope=draw(st.none() | texts()),
        received=PartialDate.from_date(received),
        acknowledged=draw(st.none() | st.just(PartialDate.from_date(received))),
        eligibility=m.EligibilityDecision(
            outcome=m.Eligibility.ELIGIBLE,
            date=draw(st.none() | st.just(PartialDate.from_date(received + dt.timedelta(days=10)))),
            reasons=draw(st.none() | texts()),
        ),
    )
    actions = tuple(
        m.Action(
            id=m.Id(f"act-{i}"),
            owner=m.Ref(draw(st.sampled_from(authorities)).id),
            text=draw(texts()),
            label=draw(st.none() | texts(5)),
            title=draw(st.none() | texts()),
            parts=draw(_parts(f"act-{i}-p")),
            deadline=draw(deadlines(published)),
            extensions=draw(extensions()),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    addressable = [m.Ref(group.id)] + [m.Ref(b.id) for b in others]
    recommendations = []
    for i in range(draw(st.integers(1, 4))):
        addressees = draw(st.lists(st.sampled_from(addressable), min_size=1, max_size=2, unique=True))
        participant = st.builds(m.Participant, as_written=texts(20), ref=st.none() | st.sampled_from(addressable))
        recommendations.append(
            m.Recommendation(
                id=m.Id(f"rec-{i}"),
                addressees=tuple(addressees),
                text=draw(texts()),
                label=draw(st.none() | texts(5)),
                title=draw(st.none() | texts()),
                co_actors=tuple(draw(st.lists(participant, max_size=2))),
                consultees=tuple(draw(st.lists(participant, max_size=2))),
                parts=draw(_parts(f"rec-{i}-p")),
                evidence_requirements=tuple(draw(st.lists(texts(), max_size=2))),
                deadline=draw(deadlines(published, resolvable=True)),
                extensions=draw(extensions()),
            )
        )
    grouped = [r for r in recommendations if m.Ref(group.id) in r.addressees]
    monitoring = []
    if grouped:
        monitoring.append(
            m.MonitoringObligation(
                id=m.Id("mon-0"),
                reporter=m.Ref(collator.id),
                on_behalf_of=m.Ref(group.id),
                recipient=complaint.decision_makers[0],
                items=tuple(m.Ref(r.id) for r in grouped),
                label=draw(st.none() | texts(8)),
                text=draw(st.none() | texts()),
                deadline=draw(deadlines(published, resolvable=True)),
                extensions=draw(extensions()),
            )
        )
    report = m.Report(
        id=m.Id("report"),
        title=draw(texts()),
        authors=complaint.decision_makers,
        sent_to_addressees=PartialDate.from_date(sent),
        published=PartialDate.from_date(published),
        citation=draw(
            st.none() | st.builds(m.Citation, title=texts(), url=st.none() | st.just(m.Url("https://example.org/r")))
        ),
        summary=draw(st.none() | texts()),
        actions=actions,
        recommendations=tuple(recommendations),
        monitoring=tuple(monitoring),
        extensions=draw(extensions()),
    )
    responses = []
    for i in range(draw(st.integers(0, 3))):
        rec = draw(st.sampled_from(recommendations))
        group_ref = m.Ref(group.id)
        responder_ids = [a for a in rec.addressees if a != group_ref] + (
            [m.Ref(b.id) for b in members] if group_ref in rec.addressees else []
        )
        responder = draw(st.sampled_from(responder_ids))
        day = _day(draw, published, 400)
        responses.append(
            m.Response(
                id=m.Id(f"resp-{i}"),
                responder=responder,
                title=draw(st.none() | texts()),
                occasion=draw(st.none() | texts()),
                sent=draw(st.none() | st.just(PartialDate.from_date(day))),
                published=draw(st.none() | st.just(PartialDate.from_date(day + dt.timedelta(days=30)))),
                items=(
                    m.ItemResponse(
                        item=m.Ref(rec.id),
                        position=draw(
                            st.none() | st.sampled_from([m.Position.ACCEPTED, m.Position.UNDER_CONSIDERATION])
                        ),
                        progress=draw(st.none() | st.sampled_from(list(m.Progress))),
                        narrative=draw(st.none() | texts()),
                        planned_completion=draw(
                            st.none() | st.just(PartialDate.from_date(day + dt.timedelta(days=90)))
                        ),
                        conditions=tuple(draw(st.lists(texts(), max_size=1))),
                        extensions=draw(extensions()),
                    ),
                ),
                extensions=draw(extensions()),
            )
        )
    return m.CaseRecord(
        id=m.Id(draw(_ids())),
        complaint=complaint,
        report=report,
        bodies=tuple(complainants + authorities + others),
        groups=(group,),
        responses=tuple(responses),
        extensions=draw(extensions()),
    )


@st.composite
def response_documents(draw: st.DrawFn) -> m.ResponseDocument:
    """A response document from one body about items of a case."""
    day = _day(draw, dt.date(2020, 1, 1), 2000)
    items = tuple(
        m.ItemResponse(
            item=m.Ref(draw(_ids())),
            parts=tuple(m.Ref(p) for p in draw(st.lists(_ids(), max_size=2))),
            position=draw(st.none() | st.sampled_from(list(m.Position))),
            progress=draw(st.none() | st.sampled_from(list(m.Progress))),
            narrative=draw(st.none() | texts()),
            alternative=draw(st.none() | texts()),
            planned_completion=draw(st.none() | partial_dates(min_value=day)),
            conditions=tuple(draw(st.lists(texts(), max_size=2))),
            member_outcomes=tuple(
                draw(
                    st.lists(
                        st.builds(
                            m.MemberOutcome,
                            member=_ids().map(m.Ref),
                            position=st.none() | st.sampled_from(list(m.Position)),
                            progress=st.none() | st.sampled_from(list(m.Progress)),
                            note=st.none() | texts(),
                        ),
                        max_size=2,
                    )
                )
            ),
            extensions=draw(extensions()),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    response = m.Response(
        id=m.Id(draw(_ids())),
        responder=m.Ref(draw(_ids())),
        on_behalf_of=draw(st.none() | _ids().map(m.Ref)),
        audience=draw(st.none() | texts()),
        title=draw(st.none() | texts()),
        url=draw(st.none() | st.just(m.Url("https://example.org/response.pdf"))),
        occasion=draw(st.none() | texts()),
        sent=draw(st.none() | st.just(PartialDate.from_date(day))),
        published=draw(st.none() | partial_dates(min_value=day)),
        in_reply_to=tuple(m.Ref(r) for r in draw(st.lists(_ids(), max_size=2))),
        items=items,
        extensions=draw(extensions()),
    )
    return m.ResponseDocument(
        case=m.Ref(draw(_ids())),
        response=response,
        bodies=tuple(draw(_bodies("local-", draw(st.integers(0, 1))))),
        extensions=draw(extensions()),
    )


def documents() -> st.SearchStrategy[m.Document]:
    """Any document kind."""
    return case_records() | response_documents() | registers()
