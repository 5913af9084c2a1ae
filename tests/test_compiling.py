"""Compiling responses into a case: order independence, idempotence, findings; and the history view."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import compiling
from supercomplaint import model as m
from supercomplaint.compiling import (
    BodyView,
    CompileError,
    EntryKind,
    ItemHistory,
    compile,
    history,
    merge,
    response_order,
)
from supercomplaint.partialdate import PartialDate
from supercomplaint.strategies import case_records

from .conftest import HESTIA


def _case(name: str) -> m.CaseRecord:
    case = sc.load(HESTIA / name)
    assert isinstance(case, m.CaseRecord)
    return case


AT_PUBLICATION = _case("case-at-publication.json")
FULL = _case("case.json")


def _documents() -> list[m.ResponseDocument]:
    docs = []
    for path in sorted((HESTIA / "responses").glob("*.json")):
        doc = sc.load(path)
        assert isinstance(doc, m.ResponseDocument)
        docs.append(doc)
    return docs


DOCUMENTS = _documents()


def _response(rid: str, **kw: object) -> m.Response:
    fields: dict[str, object] = {"responder": m.Ref("home-office"), "sent": PartialDate(2021, 9, 1)}
    fields.update(kw)
    return m.Response(id=m.Id(rid), **fields)  # type: ignore[arg-type]


def _codes(error: CompileError) -> list[str]:
    return [p.code for p in error.problems]


# --------------------------------------------------------------------------------------------------
# Must show: the Hestia example


def test_compiling_the_hestia_responses_in_any_order_gives_the_case() -> None:
    assert len(DOCUMENTS) == 5
    expected_text = sc.dumps(FULL, version="1.0")  # the example is a 1.0 document
    assert expected_text == (HESTIA / "case.json").read_text(encoding="utf-8")
    for order in itertools.permutations(DOCUMENTS):
        compiled = compile(AT_PUBLICATION, *order)
        assert compiled == FULL
    assert sc.dumps(compile(AT_PUBLICATION, *reversed(DOCUMENTS)), version="1.0") == expected_text


def test_compiling_one_at_a_time_gives_the_same_record() -> None:
    case = AT_PUBLICATION
    for doc in reversed(DOCUMENTS):
        case = compile(case, doc)
    assert case == FULL


def test_compiling_again_changes_nothing() -> None:
    assert compile(FULL, *DOCUMENTS) == FULL
    assert compile(FULL) == FULL
    result = merge(FULL, *DOCUMENTS)
    assert result.problems == ()
    assert result.added == ()


def test_merge_says_what_it_added() -> None:
    result = merge(AT_PUBLICATION, *DOCUMENTS)
    assert result.problems == ()
    assert result.added == (
        "cambs-2021-07-13",
        "apcc-hestia",
        "college-2022-04-04",
        "hmicfrs-2022-04-04",
        "npcc-hestia",
    )


def test_bare_responses_can_be_compiled_too() -> None:
    assert compile(AT_PUBLICATION, *(d.response for d in DOCUMENTS)) == FULL


def test_the_lazy_exports() -> None:
    assert sc.compile is compile
    assert sc.CompileError is CompileError


# --------------------------------------------------------------------------------------------------
# Findings


def test_the_same_id_with_different_content_is_a_finding_not_a_silent_merge() -> None:
    cambs = DOCUMENTS[1]
    assert cambs.response.id == "cambs-2021-07-13"
    altered = attrs.evolve(cambs, response=attrs.evolve(cambs.response, occasion="amended"))
    with pytest.raises(CompileError) as raised:
        compile(FULL, altered)
    assert _codes(raised.value) == ["compile-conflicting-response"]
    assert raised.value.problems[0].ids == ("cambs-2021-07-13",)
    assert raised.value.problems[0].path == "$.response.id"
    assert raised.value.partial == FULL
    assert isinstance(raised.value, sc.SupercomplaintError)
    assert "could not be merged" in str(raised.value)


def test_conflicting_inputs_are_all_left_out_whatever_their_order() -> None:
    one = _response("x", occasion="first")
    two = _response("x", occasion="second")
    other = _response("y")
    results = []
    for order in itertools.permutations([one, two, other]):
        result = merge(AT_PUBLICATION, *order)
        # One finding for the id (the inputs are told apart by the response id, not by their position).
        assert [(p.code, p.ids) for p in result.problems] == [("compile-conflicting-response", ("x",))]
        assert result.problems[0].message == "2 different responses among the inputs have the id 'x'; none is merged"
        assert [r.id for r in result.case.responses] == ["y"]
        results.append(result)
    assert all(r == results[0] for r in results)


def test_extension_data_counts_as_content() -> None:
    plain = _response("x")
    extended = attrs.evolve(plain, extensions={"uk.police.kent": {"ref": 1}})
    assert _codes_of(merge(AT_PUBLICATION, plain, extended)) == ["compile-conflicting-response"]
    assert merge(AT_PUBLICATION, extended, extended).problems == ()


def _codes_of(result: sc.compiling.Merged) -> list[str]:
    return [p.code for p in result.problems]


def test_a_response_to_another_case_is_a_finding() -> None:
    stray = attrs.evolve(DOCUMENTS[0], case=m.Ref("another-case"))
    with pytest.raises(CompileError) as raised:
        compile(AT_PUBLICATION, stray, DOCUMENTS[1])
    assert _codes(raised.value) == ["compile-wrong-case"]
    assert raised.value.problems[0].path == "$.case"
    assert [r.id for r in raised.value.partial.responses] == ["cambs-2021-07-13"]


@pytest.mark.parametrize(
    ("response", "code", "path"),
    [
        (
            _response("bad", items=(m.ItemResponse(item=m.Ref("r99")),)),
            "compile-unknown-item",
            "$.items[0].item",
        ),
        (
            _response(
                "bad",
                items=(m.ItemResponse(item=m.Ref("r1")), m.ItemResponse(item=m.Ref("r1"), parts=(m.Ref("r2-a"),))),
            ),
            "compile-unknown-part",
            "$.items[1].parts[0]",
        ),
        (_response("bad", in_reply_to=(m.Ref("m1"), m.Ref("m9"))), "compile-unknown-reply-target", "$.inReplyTo[1]"),
        (_response("r1"), "compile-duplicate-id", "$.id"),
        (_response("m2"), "compile-duplicate-id", "$.id"),
    ],
)
def test_references_the_case_does_not_have_are_findings(response: m.Response, code: str, path: str) -> None:
    with pytest.raises(CompileError) as raised:
        compile(AT_PUBLICATION, response, DOCUMENTS[0])
    assert [(p.code, p.path) for p in raised.value.problems] == [(code, path)]
    assert [r.id for r in raised.value.partial.responses] == ["apcc-hestia"]


def test_every_problem_of_an_input_is_reported() -> None:
    bad = _response(
        "bad",
        items=(m.ItemResponse(item=m.Ref("nope")), m.ItemResponse(item=m.Ref("r2"), parts=(m.Ref("r1-a"),))),
        in_reply_to=(m.Ref("nowhere"),),
    )
    result = merge(AT_PUBLICATION, bad)
    assert sorted(_codes_of(result)) == ["compile-unknown-item", "compile-unknown-part", "compile-unknown-reply-target"]
    assert result.case == AT_PUBLICATION


def test_a_case_without_a_report_accepts_only_replies_to_follow_ups() -> None:
    bare = attrs.evolve(AT_PUBLICATION, report=None)
    assert _codes_of(merge(bare, DOCUMENTS[0])) == ["compile-unknown-reply-target"]
    assert merge(bare, _response("plain")).problems == ()


def test_bodies_brought_by_response_documents() -> None:
    charity = m.Body(id=m.Id("local-charity"), name="Local Charity", kind=m.BodyKind.OTHER)
    another = m.Body(id=m.Id("another"), name="Another", kind=m.BodyKind.OTHER)
    doc = m.ResponseDocument(
        case=m.Ref(AT_PUBLICATION.id), response=_response("c1", responder=m.Ref("local-charity")), bodies=(charity,)
    )
    doc2 = m.ResponseDocument(case=m.Ref(AT_PUBLICATION.id), response=_response("c2"), bodies=(another, charity))
    for order in ([doc, doc2], [doc2, doc]):
        merged = compile(AT_PUBLICATION, *order)
        assert [b.id for b in merged.bodies] == ["hestia", "another", "local-charity"]
    clash = attrs.evolve(doc2, bodies=(attrs.evolve(charity, name="Renamed"),))
    result = merge(AT_PUBLICATION, doc, clash)
    assert _codes_of(result) == ["compile-conflicting-body", "compile-conflicting-body"]
    assert result.case == AT_PUBLICATION
    hestia = attrs.evolve(AT_PUBLICATION.bodies[0], name="Not Hestia")
    result = merge(AT_PUBLICATION, attrs.evolve(doc, bodies=(hestia,)))
    assert _codes_of(result) == ["compile-conflicting-body"]
    assert result.problems[0].path == "$.bodies[0].id"


def test_wrong_types_are_refused() -> None:
    with pytest.raises(TypeError, match="merges responses"):
        compile(AT_PUBLICATION, "response.json")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a CaseRecord"):
        compile(DOCUMENTS[0], DOCUMENTS[1])  # type: ignore[arg-type]


def test_the_canonical_order() -> None:
    responses = [
        _response("undated-b", sent=None),
        _response("undated-a", sent=None),
        _response("year", sent=None, published=PartialDate(2021)),
        _response("month", sent=PartialDate(2021, 9)),
        _response("day-b", sent=PartialDate(2021, 9, 1)),
        _response("day-a", sent=PartialDate(2021, 9, 1)),
        _response("sent-beats-published", sent=PartialDate(2021, 1, 5), published=PartialDate(2022, 1, 1)),
    ]
    merged = compile(AT_PUBLICATION, *responses)
    assert [r.id for r in merged.responses] == [
        "year",
        "sent-beats-published",
        "day-a",
        "day-b",
        "month",  # from 1 to 30 September: after the days that end on the 1st
        "undated-a",
        "undated-b",
    ]
    assert sorted(responses, key=response_order) == list(merged.responses)


# --------------------------------------------------------------------------------------------------
# Properties


_DATES = st.none() | st.dates(min_value=dt.date(2021, 5, 1), max_value=dt.date(2023, 12, 31)).flatmap(
    lambda d: st.sampled_from([PartialDate.from_date(d), PartialDate(d.year, d.month), PartialDate(d.year)])
)


@st.composite
def _hestia_response(draw: st.DrawFn) -> m.Response:
    return m.Response(
        id=m.Id(draw(st.sampled_from(["p", "q", "r", "s", "t", "u"]))),
        responder=m.Ref(draw(st.sampled_from(["home-office", "npcc", "force-kent"]))),
        occasion=draw(st.none() | st.sampled_from(["first", "second"])),
        sent=draw(_DATES),
        published=draw(_DATES),
        in_reply_to=tuple(m.Ref(r) for r in draw(st.lists(st.sampled_from(["m1", "m2", "m9"]), max_size=1))),
        items=tuple(
            m.ItemResponse(item=m.Ref(i)) for i in draw(st.lists(st.sampled_from(["r1", "r2", "x"]), max_size=2))
        ),
    )


@given(st.lists(_hestia_response(), max_size=8), st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_idempotent_even_with_findings(
    responses: list[m.Response], random: object
) -> None:
    first = merge(AT_PUBLICATION, *responses)
    shuffled = list(responses)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    again = merge(AT_PUBLICATION, *shuffled)
    assert again.case == first.case
    assert again.problems == first.problems
    assert again.added == first.added
    # Merging the accepted responses again changes nothing and finds nothing new about them.
    added = [str(r) for r in first.added]
    accepted = [r for r in responses if r.id in added]
    twice = merge(first.case, *accepted)
    assert twice.case == first.case
    assert twice.problems == ()
    assert twice.added == ()
    # Every accepted response is in, once; every rejected one is reported.
    ids = [r.id for r in first.case.responses]
    assert len(ids) == len(set(ids))
    reported = {p.ids[0] for p in first.problems}
    for response in responses:
        assert response.id in added or response.id in reported
    assert list(first.case.responses) == sorted(first.case.responses, key=response_order)


@given(st.lists(_hestia_response(), max_size=40))
def test_the_grouped_sort_is_sorted_by_response_order(responses: list[m.Response]) -> None:
    """compile() sorts by grouping on the date, then by id (issue 14): the very objects, in the very order, of
    ``sorted(key=response_order)``, repeated ids and dates included (equal keys keep their input order)."""
    grouped = compiling._by_order(responses)
    reference = sorted(responses, key=response_order)
    assert [id(r) for r in grouped] == [id(r) for r in reference]


def _part_ids_recursive(parts: tuple[m.Part, ...]) -> list[str]:
    """What compiling._part_ids was before issue 14 (a recursive generator)."""
    out: list[str] = []
    for part in parts:
        out.append(part.id)
        out.extend(_part_ids_recursive(part.parts))
    return out


@given(case_records())
def test_part_ids_without_recursion_are_the_recursive_ones(case: m.CaseRecord) -> None:
    report = case.report
    items: list[m.Action | m.Recommendation] = [*report.actions, *report.recommendations] if report else []
    for item in items:
        assert compiling._part_ids(item.parts) == _part_ids_recursive(item.parts)
        for rendering in item.renderings:
            assert compiling._part_ids(rendering.parts) == _part_ids_recursive(rendering.parts)


@given(case_records(), st.randoms(use_true_random=False))
def test_compiling_any_case_from_its_own_responses(case: m.CaseRecord, random: object) -> None:
    base = attrs.evolve(case, responses=())
    docs = [m.ResponseDocument(case=m.Ref(case.id), response=r) for r in case.responses]
    random.shuffle(docs)  # type: ignore[attr-defined]
    compiled = compile(base, *docs)
    assert compiled == attrs.evolve(case, responses=tuple(sorted(case.responses, key=response_order)))
    assert compile(compiled, *docs) == compiled
    assert compile(compiled) == compiled


# --------------------------------------------------------------------------------------------------
# History


def test_hestia_history() -> None:
    found: dict[str, ItemHistory] = {h.item: h for h in history(FULL)}
    assert list(found) == ["a1", "a2", "r1", "r2", "r3", "r4", "r5", "r6"]
    a1 = found["a1"]
    assert (a1.kind, a1.label) == ("action", "5.1")
    assert [(e.id, str(e.date)) for e in a1.entries] == [
        ("cambs-2021-07-13", "2021-07-13"),
        ("college-2022-04-04", "2022-04-04"),
    ]
    college = next(v for v in a1.latest if v.who == "college-of-policing")
    assert (college.progress, college.planned_completion, college.last_response) == (
        m.Progress.IN_PROGRESS,
        PartialDate(2022),
        "college-2022-04-04",
    )
    # The collated replies to 5.6 b) and c) appear with the items they cover, marked as replies.
    r4 = found["r4"]
    assert [(e.id, e.speaks_for, e.via) for e in r4.entries] == [
        ("cambs-2021-07-13", "force-cambridgeshire", None),
        ("apcc-hestia", "local-policing-bodies", "m3"),
        ("npcc-hestia", "chief-constables", "m2"),
    ]
    assert found["r6"].latest[0].position is m.Position.NOTED


def test_history_as_of_a_date() -> None:
    found: dict[str, ItemHistory] = {h.item: h for h in history(FULL, as_of=PartialDate(2021, 12))}
    assert [e.id for e in found["a1"].entries] == ["cambs-2021-07-13"]
    assert [e.id for e in found["r4"].entries] == ["cambs-2021-07-13"]


def test_history_keeps_claims_and_assessments_apart_and_latest_stated_values() -> None:
    responses = (
        _response(
            "npcc-1",
            responder=m.Ref("npcc"),
            on_behalf_of=m.Ref("chief-constables"),
            sent=PartialDate(2021, 11, 1),
            items=(
                m.ItemResponse(
                    item=m.Ref("r2"),
                    position=m.Position.ACCEPTED,
                    member_outcomes=(m.MemberOutcome(member=m.Ref("force-kent"), progress=m.Progress.COMPLETED),),
                ),
            ),
        ),
        _response(
            "kent-1",
            responder=m.Ref("force-kent"),
            sent=PartialDate(2021, 8, 1),
            items=(m.ItemResponse(item=m.Ref("r2"), position=m.Position.ACCEPTED, progress=m.Progress.PLANNED),),
        ),
        _response("undated", responder=m.Ref("force-kent"), sent=None, items=(m.ItemResponse(item=m.Ref("r2")),)),
    )
    assessments = (
        m.Assessment(
            id=m.Id("as-2"),
            assessor=m.Ref("hmicfrs"),
            item=m.Ref("r2"),
            date=PartialDate(2022, 1, 10),
            status=m.AssessmentStatus.BEING_PROGRESSED,
            subject=m.Ref("force-kent"),
            rag=m.Rag.AMBER,
        ),
        m.Assessment(
            id=m.Id("as-1"),
            assessor=m.Ref("hmicfrs"),
            item=m.Ref("r2"),
            date=PartialDate(2021, 11, 1),
            status=m.AssessmentStatus.AWAITING_REVIEW,
        ),
    )
    case = attrs.evolve(compile(AT_PUBLICATION, *responses), assessments=assessments)
    r2 = next(h for h in history(case) if h.item == "r2")
    assert [(e.kind, e.id) for e in r2.entries] == [
        (EntryKind.RESPONSE, "kent-1"),
        (EntryKind.RESPONSE, "npcc-1"),
        (EntryKind.MEMBER_OUTCOME, "npcc-1"),
        (EntryKind.ASSESSMENT, "as-1"),
        (EntryKind.ASSESSMENT, "as-2"),
        (EntryKind.RESPONSE, "undated"),
    ]
    views: dict[str, BodyView] = {v.who: v for v in r2.latest}
    kent = views["force-kent"]
    # Kent's own position stands; its progress is the latest stated (the NPCC's outcome for it).
    assert (kent.position, kent.progress) == (m.Position.ACCEPTED, m.Progress.COMPLETED)
    assert kent.last_response == "undated"
    assert (kent.status, kent.rag, kent.assessed) == (
        m.AssessmentStatus.BEING_PROGRESSED,
        m.Rag.AMBER,
        PartialDate(2022, 1, 10),
    )
    assert views["chief-constables"].position is m.Position.ACCEPTED
    assert r2.assessment is not None
    assert r2.assessment.id == "as-1"
    assert r2.entries[2].progress is m.Progress.COMPLETED
    assert r2.entries[0].position is m.Position.ACCEPTED


def test_history_as_of_a_plain_date_and_undated_responses() -> None:
    # history(case, as_of=date) raised AttributeError: a date has no .latest.
    by_date = {h.item: h for h in history(FULL, as_of=dt.date(2021, 12, 1))}
    by_partial = {h.item: h for h in history(FULL, as_of=PartialDate(2021, 12, 1))}
    assert by_date == by_partial
    assert [e.id for e in by_date["a1"].entries] == ["cambs-2021-07-13"]
    assert history(FULL, as_of=dt.datetime(2021, 12, 1, 9, 0)) == history(FULL, as_of=dt.date(2021, 12, 1))
    # An undated response is in the record whatever the date, as the tracker counts it: kept, last.
    undated = _response(
        "kent-plan", responder=m.Ref("force-kent"), sent=None, items=(m.ItemResponse(item=m.Ref("r2")),)
    )
    case = compile(FULL, undated)
    r2 = next(h for h in history(case, as_of=dt.date(2021, 8, 1)) if h.item == "r2")
    assert [e.id for e in r2.entries] == ["cambs-2021-07-13", "kent-plan"]
    with pytest.raises(TypeError, match="as_of must be a date"):
        history(FULL, as_of="2021-12-01")  # type: ignore[arg-type]


def test_history_shows_follow_ups_and_joint_responses() -> None:
    follow_up = m.FollowUp(
        id=m.Id("fu1"),
        sender=m.Ref("hmicfrs"),
        joint_senders=(m.Ref("iopc"),),
        recipients=(m.Ref("local-policing-bodies"),),
        items=(m.Ref("r4"),),
        date=PartialDate(2022, 6, 1),
        title="Letter on 5.4",
    )
    joint = _response(
        "kent-joint",
        responder=m.Ref("force-kent"),
        joint_responders=(m.Ref("lpb-kent"),),
        sent=PartialDate(2022, 7, 1),
        items=(m.ItemResponse(item=m.Ref("r4"), position=m.Position.ACCEPTED),),
    )
    case = attrs.evolve(compile(FULL, joint), follow_ups=(follow_up,))
    r4 = next(h for h in history(case) if h.item == "r4")
    kinds = [(e.kind, e.id) for e in r4.entries][-2:]
    assert kinds == [(EntryKind.FOLLOW_UP, "fu1"), (EntryKind.RESPONSE, "kent-joint")]
    letter = r4.entries[-2]
    assert (letter.source, letter.joint, letter.follow_up) == ("hmicfrs", ("iopc",), follow_up)
    views = {v.who: v for v in r4.latest}
    assert views["lpb-kent"].position is m.Position.ACCEPTED  # the joint response speaks for it too
    assert views["force-kent"].last_response == "kent-joint"
    before = next(h for h in history(case, as_of=dt.date(2022, 5, 31)) if h.item == "r4")
    assert "fu1" not in [e.id for e in before.entries]


def test_history_of_a_case_without_a_report() -> None:
    assert history(attrs.evolve(AT_PUBLICATION, report=None)) == ()
    with pytest.raises(TypeError):
        history("case")  # type: ignore[arg-type]
