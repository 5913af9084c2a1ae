"""How the rules' findings read: names and labels where a person reads, never an internal id.

The project's promise is "labels and names where a person reads (never an internal id)". A finding's
``ids`` carry the ids, for programs; its message names bodies and groups by name, items by label (saying
which, when two share one), parts by label or place, monitoring routes by label or ends, and responses and
follow-ups by sender and date. Only SC101 (a duplicated id) and SC102 (a reference that resolves to nothing
of the right kind) show an id, because the id itself is what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import attrs
import pytest
from hypothesis import given, settings

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint import strategies as sst
from supercomplaint.registry import default_registry
from supercomplaint.rules import check
from supercomplaint.rules.context import Context, ordinal

from .conftest import EXAMPLES, ROOT
from .rulekit import hestia as _hestia
from .rulekit import report as _report
from .test_rules import BREAKERS

FILES = [
    EXAMPLES / "hestia" / "case.json",
    EXAMPLES / "illustrative-vaw" / "case.json",
    ROOT / "tests/data/partial-record.json",
]
ID_IS_THE_PROBLEM = {"SC101", "SC102"}
"""The rules whose message must show an id: a duplicated id, and a reference that names nothing."""

_REGISTER_IDS = frozenset(
    [str(b.id) for b in default_registry().bodies] + [str(g.id) for g in default_registry().groups]
)


# --------------------------------------------------------------------------------------------------
# Finding ids in messages
# --------------------------------------------------------------------------------------------------


def _token(ident: str) -> str:
    """A pattern for an id standing alone in text (not part of a longer id or word)."""
    return rf"(?<![\w-]){re.escape(ident)}(?![\w-])"


def _shown_ids(findings: Iterable[sc.Problem], ids: Iterable[str]) -> list[tuple[str, str, str]]:
    """Every (code, id, message) where a message other than SC101's or SC102's shows one of ``ids``."""
    wanted = sorted(set(ids), key=len, reverse=True)
    if not wanted:
        return []
    pattern = re.compile("|".join(_token(i) for i in wanted))
    return [
        (f.code, found[0], f.message)
        for f in findings
        if f.code not in ID_IS_THE_PROBLEM and (found := pattern.search(f.message)) is not None
    ]


def _own_ids(doc: m.Document) -> set[str]:
    """The ids of every object the document defines."""
    return set(Context(doc).ids)


def _carries_ids(hint: Any) -> bool:
    """Whether a field's type holds ids or references (``Id``, ``Ref``, a tuple of them, or an optional one)."""
    if get_origin(hint) is Annotated:
        base, *marks = get_args(hint)
        return any(isinstance(mark, m.WireString) and mark.name in {"Id", "Ref"} for mark in marks) or _carries_ids(
            base
        )
    return any(_carries_ids(arg) for arg in get_args(hint) if arg is not Ellipsis)


_ID_FIELDS: dict[type, frozenset[str]] = {}


def _id_fields(cls: type) -> frozenset[str]:
    """The fields of a model class that hold ids or references (found once per class)."""
    found = _ID_FIELDS.get(cls)
    if found is None:
        hints = get_type_hints(cls, include_extras=True)
        found = _ID_FIELDS[cls] = frozenset(f.name for f in attrs.fields(cls) if _carries_ids(hints[f.name]))
    return found


def _swap(value: Any, names: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, tuple):
        return tuple(names.get(v, v) for v in value)
    return value


def _renamed(value: Any, names: Mapping[str, str]) -> Any:
    """``value`` with every id and reference in ``names`` replaced by its new name, everywhere in it."""
    if isinstance(value, tuple):
        return tuple(_renamed(v, names) for v in value)
    if not attrs.has(type(value)):
        return value
    carrying = _id_fields(type(value))
    changes = {}
    for field in attrs.fields(type(value)):
        old = getattr(value, field.name)
        new = _swap(old, names) if field.name in carrying else _renamed(old, names)
        if new is not old:
            changes[field.alias] = new
    return attrs.evolve(value, **changes) if changes else value


def _fresh(doc: m.Document) -> tuple[m.Document, dict[str, str]]:
    """The document with each id it defines (and the register does not) renamed to a token no text holds."""
    names = {old: f"ZQX{n}id" for n, old in enumerate(sorted(_own_ids(doc) - _REGISTER_IDS))}
    return _renamed(doc, names), names


def _assert_no_ids(doc: m.Document) -> None:
    """No message but SC101's and SC102's shows an id the document defines, or an id of the register.

    The document's own ids are first renamed to tokens that no text holds, so that an id that is also a word
    ('report') or a name cannot hide one; renaming changes no finding but its wording.
    """
    renamed, names = _fresh(doc)
    before, after = check(doc), check(renamed)
    assert [(f.code, f.path) for f in after] == [(f.code, f.path) for f in before]
    # a register id that is also the name or alias of something the document defines (a generated body may be
    # named 'apcc') is shown as that name, not as an id
    shown_names = {
        text
        for thing in (*getattr(doc, "bodies", ()), *getattr(doc, "groups", ()))
        for text in (thing.name, *getattr(thing, "aliases", ()))
    }
    assert _shown_ids(after, [*names.values(), *(_REGISTER_IDS - shown_names)]) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_no_message_on_the_examples_shows_an_id(path: Path) -> None:
    doc = sc.load(path)
    assert _shown_ids(check(doc), _own_ids(doc) | _REGISTER_IDS) == []
    _assert_no_ids(doc)


@settings(max_examples=max(300, settings().max_examples))
@given(sst.documents())
def test_generated_documents_have_no_errors_and_no_message_shows_an_id(doc: m.Document) -> None:
    # Drawing the documents is most of the cost: one test reads them for both.
    assert [f for f in check(doc) if f.severity == sc.Severity.ERROR] == []
    _assert_no_ids(doc)


@settings(max_examples=10)
@given(sst.case_records())
def test_no_message_of_any_rule_shows_an_id(case: m.CaseRecord) -> None:
    # Every rule broken on a generated case: every rule's message is read.
    for code, breaker in BREAKERS:
        broken, _ = breaker(case)
        findings = check(broken)
        assert code in {f.code for f in findings}
        if code not in ID_IS_THE_PROBLEM:
            _assert_no_ids(broken)


def test_the_renaming_reaches_every_reference() -> None:
    renamed, names = _fresh(_hestia())
    assert names
    assert sc.check(renamed, select=["SC102"]) == []
    assert not any(re.search(_token(old), sc.dumps(renamed)) for old in names if not old.startswith("hestia"))


# --------------------------------------------------------------------------------------------------
# How things are named
# --------------------------------------------------------------------------------------------------


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
    ]  # fmt: skip


def test_an_action_and_a_recommendation_may_share_a_label() -> None:
    ctx = Context(_hestia())
    report = _report(ctx.doc)  # type: ignore[arg-type]
    assert ctx.item_name(report.actions[1]) == "action 5.2"
    assert ctx.item_name(report.recommendations[1]) == "recommendation 5.2"


def test_two_recommendations_with_one_label_say_which() -> None:
    case = _hestia()
    report = _report(case)
    recs = list(report.recommendations)
    recs[2] = attrs.evolve(recs[2], label="5.2")
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=tuple(recs))))
    names = [ctx.item_name(r) for r in recs[:4]]
    assert names == [
        "recommendation 6.1",
        "recommendation 5.2 (the 1st so numbered)",
        "recommendation 5.2 (the 2nd so numbered)",
        "recommendation 5.4",
    ]


def test_an_unlabelled_item_is_named_by_its_title_or_its_place() -> None:
    case = _hestia()
    report = _report(case)
    recs = list(report.recommendations)
    recs[2] = attrs.evolve(recs[2], label=None, title="Training for call handlers")
    recs[3] = attrs.evolve(recs[3], label=None, title=None)
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=tuple(recs))))
    assert ctx.item_name(recs[2]) == "recommendation \u201cTraining for call handlers\u201d"
    assert ctx.item_name(recs[3]) == "the 4th recommendation (unnumbered)"
    assert ctx.describe(recs[3].id) == "the 4th recommendation (unnumbered)"


def test_two_unlabelled_items_with_one_title_are_named_by_place() -> None:
    case = _hestia()
    report = _report(case)
    recs = list(report.recommendations)
    recs[2] = attrs.evolve(recs[2], label=None, title="Training")
    recs[3] = attrs.evolve(recs[3], label=None, title="Training")
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=tuple(recs))))
    assert [ctx.item_name(r) for r in recs[2:4]] == [
        "the 3rd recommendation (unnumbered)",
        "the 4th recommendation (unnumbered)",
    ]


def test_parts_are_named_by_label_or_place_down_to_the_item() -> None:
    case = _hestia()
    report = _report(case)
    inner = (m.Part(id=m.Id("x-1"), text="One."), m.Part(id=m.Id("x-2"), text="Two.", label="i)"))
    twins = (
        m.Part(id=m.Id("y-1"), text="A.", label="a)", parts=inner),
        m.Part(id=m.Id("y-2"), text="Another a.", label="a)"),
        m.Part(id=m.Id("y-3"), text="Unlabelled."),
    )
    recs = (attrs.evolve(report.recommendations[0], parts=twins), *report.recommendations[1:])
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=recs)))
    assert ctx.describe("y-1") == "part a) (the 1st so labelled) of recommendation 6.1"
    assert ctx.describe("y-2") == "part a) (the 2nd so labelled) of recommendation 6.1"
    assert ctx.describe("y-3") == "the 3rd part of recommendation 6.1"
    assert ctx.describe("x-1") == "the 1st part of part a) (the 1st so labelled) of recommendation 6.1"
    assert ctx.describe("x-2") == "part i) of part a) (the 1st so labelled) of recommendation 6.1"


def test_a_deeply_nested_part_is_named_without_the_whole_chain() -> None:
    case = _hestia()
    report = _report(case)
    part = m.Part(id=m.Id("deep-9"), text="Deepest.", label="9")
    for level in range(8, 0, -1):
        part = m.Part(id=m.Id(f"deep-{level}"), text="Level.", label=str(level), parts=(part,))
    recs = (attrs.evolve(report.recommendations[0], parts=(part,)), *report.recommendations[1:])
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=recs)))
    assert ctx.describe("deep-3") == "part 3 of part 2 of part 1 of recommendation 6.1"
    assert ctx.describe("deep-9") == "part 9 of part 8, 9 levels deep in recommendation 6.1"


def test_rendering_parts_are_named_by_the_rendering() -> None:
    case = _hestia()
    report = _report(case)
    own = (m.Part(id=m.Id("kent-1"), text="First.", label="1"),)
    rendering = m.Rendering(by=m.Ref("force-kent"), label="7", parts=own)
    recs = (attrs.evolve(report.recommendations[0], renderings=(rendering,)), *report.recommendations[1:])
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=recs)))
    assert ctx.describe("kent-1") == "part 1 of the rendering of recommendation 6.1 by Kent Police"
    two = (rendering, m.Rendering(label="7", parts=(m.Part(id=m.Id("anon-1"), text="First."),)))
    recs = (attrs.evolve(report.recommendations[0], renderings=two), *report.recommendations[1:])
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, recommendations=recs)))
    assert ctx.describe("kent-1") == "part 1 of the 1st rendering of recommendation 6.1 by Kent Police"
    assert ctx.describe("anon-1") == "the 1st part of the 2nd rendering of recommendation 6.1"


def test_responses_are_named_by_responder_and_date() -> None:
    case = _hestia()
    first = m.Response(id=m.Id("kent-a"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2022, 5, 3))
    second = attrs.evolve(first, id=m.Id("kent-b"))
    undated = m.Response(id=m.Id("kent-c"), responder=m.Ref("force-kent"))
    month = m.Response(id=m.Id("kent-d"), responder=m.Ref("force-kent"), published=sc.PartialDate(2022, 6))
    ctx = Context(attrs.evolve(case, responses=(*case.responses, first, second, undated, month)))
    assert ctx.describe("kent-a") == "the response from Kent Police of 3 May 2022 (the 1st so described)"
    assert ctx.describe("kent-b") == "the response from Kent Police of 3 May 2022 (the 2nd so described)"
    assert ctx.describe("kent-c") == "the undated response from Kent Police"
    assert ctx.describe("kent-d") == "the response from Kent Police of June 2022"


def test_routes_are_named_by_label_or_ends() -> None:
    ctx = Context(_hestia())
    routes = _report(ctx.doc).monitoring  # type: ignore[arg-type]
    names = [ctx.route_name(r) for r in routes]
    assert all(name.startswith(("monitoring route ", "the monitoring route from ")) for name in names)
    assert len(set(names)) == len(names)
    unlabelled = m.MonitoringObligation(id=m.Id("zz"), reporter=m.Ref("npcc"), recipient=m.Ref("hmicfrs"), items=())
    case = _hestia()
    report = _report(case)
    ctx = Context(attrs.evolve(case, report=attrs.evolve(report, monitoring=(unlabelled, unlabelled))))
    assert ctx.route_name(unlabelled) == (
        "the monitoring route from National Police Chiefs' Council to His Majesty's Inspectorate of Constabulary "
        "and Fire & Rescue Services (the 1st so described)"
    )


# --------------------------------------------------------------------------------------------------
# Messages the issue names
# --------------------------------------------------------------------------------------------------


def _messages(doc: m.Document, code: str) -> list[str]:
    return [f.message for f in check(doc) if f.code == code]


def test_sc203_names_the_action_by_its_label() -> None:
    assert _messages(_hestia(), "SC203") == [
        "action 5.1 has no deadline that resolves to a date",
        "action 5.2 has no deadline that resolves to a date",
    ]


def test_sc206_names_the_group_and_the_recommendation() -> None:
    case = sc.load(EXAMPLES / "illustrative-vaw" / "case.json")
    assert _messages(case, "SC206") == [
        "nobody reports for the group Chief constables of the territorial forces on recommendation 4"
    ]


def test_sc408_names_the_item_and_the_response() -> None:
    case = _hestia()
    answer = m.ItemResponse(item=m.Ref("r3"), position=m.Position.ACCEPTED)
    response = m.Response(
        id=m.Id("resp-1"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2022, 5, 3), items=(answer, answer)
    )
    assert _messages(attrs.evolve(case, responses=(response,)), "SC408") == [
        "recommendation 5.3 is answered twice in the response from Kent Police of 3 May 2022"
    ]


def test_sc209_names_reporter_group_and_collator() -> None:
    case = _hestia()
    report = _report(case)
    route = m.MonitoringObligation(
        id=m.Id("zz"),
        reporter=m.Ref("apcc"),
        recipient=m.Ref("hmicfrs"),
        items=(m.Ref("r2"),),
        on_behalf_of=m.Ref("chief-constables"),
        label="5.6 d)",
    )
    case = attrs.evolve(case, report=attrs.evolve(report, monitoring=(*report.monitoring, route)))
    assert _messages(case, "SC209") == [
        "Association of Police and Crime Commissioners reports for Chief constables of the territorial forces, whose "
        "collator is National Police Chiefs' Council (monitoring route 5.6 d))"
    ]


def test_sc407_names_the_responder_the_states_and_the_dates() -> None:
    case = _hestia()

    def response(ident: str, when: sc.PartialDate, progress: m.Progress) -> m.Response:
        answer = m.ItemResponse(item=m.Ref("r3"), progress=progress)
        return m.Response(id=m.Id(ident), responder=m.Ref("force-cambridgeshire"), sent=when, items=(answer,))

    later = (
        response("x-1", sc.PartialDate(2021, 9, 1), m.Progress.COMPLETED),
        response("x-2", sc.PartialDate(2022, 1, 10), m.Progress.IN_PROGRESS),
    )
    assert _messages(attrs.evolve(case, responses=(*case.responses, *later)), "SC407") == [
        "the progress Cambridgeshire Constabulary claims on recommendation 5.3 fell from 'completed' (1 September "
        "2021) to 'in progress' (10 January 2022) without a narrative"
    ]


def test_dates_are_written_in_words() -> None:
    case = _hestia()
    early = m.Response(id=m.Id("early"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2020, 1, 6))
    assert _messages(attrs.evolve(case, responses=(early,)), "SC302") == [
        "the response from Kent Police was sent on 6 January 2020, before the report (26 May 2021)"
    ]


def test_a_body_that_is_its_own_predecessor_is_sc105() -> None:
    case = _hestia()
    body = case.bodies[0]
    case = attrs.evolve(case, bodies=(attrs.evolve(body, predecessors=(m.Ref(body.id),)), *case.bodies[1:]))
    findings = [f for f in check(case) if f.severity == sc.Severity.ERROR]
    assert [(f.code, f.path, f.message) for f in findings] == [
        ("SC105", "$.bodies[0].predecessors[0]", f"{body.name} is listed as its own predecessor")
    ]


def test_a_deadline_counted_from_a_response_shows_no_id() -> None:
    case = _hestia()
    report = _report(case)
    response = case.responses[0]
    period = m.PeriodDeadline(
        amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.RESPONSE, anchor_ref=m.Ref(response.id), counting=m.Counting.AFTER
    )
    undated = attrs.evolve(response, sent=None, published=None)
    routes = tuple(attrs.evolve(r, items=tuple(i for i in r.items if i != "r5")) for r in report.monitoring)
    recs = list(report.recommendations)
    recs[4] = attrs.evolve(recs[4], deadline=period)
    case = attrs.evolve(
        case,
        report=attrs.evolve(report, monitoring=routes, recommendations=tuple(recs)),
        responses=(undated, *case.responses[1:]),
    )
    messages = _messages(case, "SC202")
    assert messages == [
        "recommendation 5.5 has no deadline that resolves to a date (six months from the response, because the "
        "record does not say when that response was sent or published; the deadline counts from the undated "
        "response from Cambridgeshire Constabulary)"
    ]
    assert response.id not in messages[0]


def test_a_planned_completion_before_the_response_is_in_words() -> None:
    case = _hestia()
    answer = m.ItemResponse(item=m.Ref("r3"), planned_completion=sc.PartialDate(2020, 3))
    response = m.Response(id=m.Id("k"), responder=m.Ref("force-kent"), sent=sc.PartialDate(2022, 5, 3), items=(answer,))
    assert _messages(attrs.evolve(case, responses=(response,)), "SC304") == [
        "the response from Kent Police of 3 May 2022 plans to complete recommendation 5.3 in March 2020, before its "
        "own date"
    ]


def test_counts_agree_in_number() -> None:
    case = _hestia()
    stated = (
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=0, addressee=m.Ref("npcc")),
        m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=1, addressee=m.Ref("force-kent")),
    )
    case = attrs.evolve(case, report=attrs.evolve(_report(case), stated_counts=stated))
    assert _messages(case, "SC211") == [
        "the record holds 1 recommendation to National Police Chiefs' Council, but the report states 0"
    ]
    assert _messages(case, "SC505") == [
        "the record holds 0 of the 1 recommendation to Kent Police that the report states"
    ]


def test_a_link_to_itself_says_its_relation_in_words() -> None:
    case = _hestia()
    report = _report(case)
    link = m.ItemLink(relation=m.LinkRelation.SUPERSEDED_BY, target=m.Ref("r2"))
    recs = (
        report.recommendations[0],
        attrs.evolve(report.recommendations[1], links=(link,)),
        *report.recommendations[2:],
    )
    case = attrs.evolve(case, report=attrs.evolve(report, recommendations=recs))
    assert _messages(case, "SC105") == ["recommendation 5.2 links to itself ('superseded by')"]
