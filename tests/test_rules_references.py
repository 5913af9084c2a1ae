"""References of schema 1.1 resolve to the right kind (SC101-SC106)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.rules import check

from .conftest import HESTIA
from .rulekit import errors as _errors
from .rulekit import hestia as _hestia
from .rulekit import report as _report
from .rulekit import with_report as _with_report

Edit = Callable[[m.CaseRecord, str], tuple[m.CaseRecord, str]]


def _with_rec(case: m.CaseRecord, index: int, **changes: Any) -> m.CaseRecord:
    recs = list(_report(case).recommendations)
    recs[index] = attrs.evolve(recs[index], **changes)
    return _with_report(case, recommendations=tuple(recs))


def _with_response(case: m.CaseRecord, index: int, **changes: Any) -> m.CaseRecord:
    responses = list(case.responses)
    responses[index] = attrs.evolve(responses[index], **changes)
    return attrs.evolve(case, responses=tuple(responses))


def _follow_up(**changes: Any) -> m.FollowUp:
    base = m.FollowUp(
        id=m.Id("f1"),
        sender=m.Ref("hmicfrs"),
        recipients=(m.Ref("home-office"),),
        items=(m.Ref("r1"),),
        date=sc.PartialDate(2022, 6, 1),
    )
    return attrs.evolve(base, **changes)


# Each edit puts ``ref`` where schema 1.1 allows a reference, and says where.
EDITS: dict[str, Edit] = {
    "link target": lambda c, ref: (
        _with_rec(c, 1, links=(m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref(ref)),)),
        "$.report.recommendations[1].links[0].target",
    ),
    "part link target": lambda c, ref: (
        _with_rec(
            c,
            1,
            parts=(
                attrs.evolve(
                    _report(c).recommendations[1].parts[0],
                    links=(m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref(ref)),),
                ),
                *_report(c).recommendations[1].parts[1:],
            ),
        ),
        "$.report.recommendations[1].parts[0].links[0].target",
    ),
    "rendering by": lambda c, ref: (
        _with_rec(c, 1, renderings=(m.Rendering(by=m.Ref(ref), label="1"),)),
        "$.report.recommendations[1].renderings[0].by",
    ),
    "rendering omits": lambda c, ref: (
        _with_rec(c, 1, renderings=(m.Rendering(label="1", omits=(m.Ref(ref),)),)),
        "$.report.recommendations[1].renderings[0].omits[0]",
    ),
    "stated count addressee": lambda c, ref: (
        _with_report(c, stated_counts=(m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=3, addressee=m.Ref(ref)),)),
        "$.report.statedCounts[0].addressee",
    ),
    "response signatory": lambda c, ref: (
        _with_response(c, 0, signatories=(m.Signatory(name="A. Person", body=m.Ref(ref)),)),
        "$.responses[0].signatories[0].body",
    ),
    "follow-up signatory": lambda c, ref: (
        attrs.evolve(c, follow_ups=(_follow_up(signatories=(m.Signatory(name="A. Person", body=m.Ref(ref)),)),)),
        "$.followUps[0].signatories[0].body",
    ),
    "joint responder": lambda c, ref: (
        _with_response(c, 0, joint_responders=(m.Ref(ref),)),
        "$.responses[0].jointResponders[0]",
    ),
    "joint sender": lambda c, ref: (
        attrs.evolve(c, follow_ups=(_follow_up(joint_senders=(m.Ref(ref),)),)),
        "$.followUps[0].jointSenders[0]",
    ),
    "other recipient": lambda c, ref: (
        _with_report(
            c,
            monitoring=(
                attrs.evolve(_report(c).monitoring[0], other_recipients=(m.Ref(ref),)),
                *_report(c).monitoring[1:],
            ),
        ),
        "$.report.monitoring[0].otherRecipients[0]",
    ),
    "member outcome": lambda c, ref: (
        _with_response(
            c,
            4,
            items=(m.ItemResponse(item=m.Ref("r2"), member_outcomes=(m.MemberOutcome(member=m.Ref(ref)),)),),
        ),
        "$.responses[4].items[0].memberOutcomes[0].member",
    ),
    "except member": lambda c, ref: (
        _with_response(
            c,
            4,
            items=(
                m.ItemResponse(
                    item=m.Ref("r2"),
                    member_outcomes=(m.MemberOutcome(member=m.Ref("chief-constables"), except_members=(m.Ref(ref),)),),
                ),
            ),
        ),
        "$.responses[4].items[0].memberOutcomes[0].exceptMembers[0]",
    ),
    "predecessor": lambda c, ref: (
        attrs.evolve(c, bodies=(attrs.evolve(c.bodies[0], predecessors=(m.Ref(ref),)),)),
        "$.bodies[0].predecessors[0]",
    ),
}

# For each edit: a reference of the right kind (no error), and one of the wrong kind.
RIGHT_AND_WRONG = {
    "link target": ("r2-a", "home-office"),
    "part link target": ("r3", "npcc"),
    "rendering by": ("force-kent", "chief-constables"),
    "rendering omits": ("r2-b", "r3"),
    "stated count addressee": ("chief-constables", "r3"),
    "response signatory": ("force-cambridgeshire", "chief-constables"),
    "follow-up signatory": ("hmicfrs", "r1"),
    "joint responder": ("lpb-cambridgeshire", "local-policing-bodies"),
    "joint sender": ("iopc", "chief-constables"),
    "other recipient": ("chief-constables", "r1-a"),
    "member outcome": ("force-kent", "r2"),
    "except member": ("force-kent", "m1"),
    "predecessor": ("home-office", "chief-constables"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_new_reference_resolves(name: str) -> None:
    right, wrong = RIGHT_AND_WRONG[name]
    good, _ = EDITS[name](_hestia(), right)
    assert _errors(check(good)) == []
    for ref in (wrong, "no-such-thing"):
        bad, path = EDITS[name](_hestia(), ref)
        assert _errors(check(bad)) == [("SC102", path)], ref


def test_every_edit_has_a_right_and_a_wrong_reference() -> None:
    assert set(EDITS) == set(RIGHT_AND_WRONG)


def test_a_rendering_that_leaves_out_a_part_of_another_item_is_sc103() -> None:
    bad, path = EDITS["rendering omits"](_hestia(), "r1-a")
    findings = check(bad)
    assert _errors(findings) == [("SC103", path)]
    assert [f.message for f in findings if f.code == "SC103"] == [
        "the rendering of recommendation 5.2 leaves out part a) of recommendation 6.1, which is not one of the item's "
        "parts"
    ]


def test_rendering_parts_have_ids_of_their_own() -> None:
    rendering = m.Rendering(label="1", parts=(m.Part(id=m.Id("r2-a"), text="Our first step."),))
    case = _with_rec(_hestia(), 1, renderings=(rendering,))
    assert _errors(check(case)) == [("SC101", "$.report.recommendations[1].renderings[0].parts[0]")]


def test_a_link_inside_a_rendering_may_name_a_sibling_rendering_part() -> None:
    first = m.Part(id=m.Id("cambs-1"), text="Training.", label="1")
    link = m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref("cambs-1"))
    second = m.Part(id=m.Id("cambs-2"), text="As in 1.", label="2", links=(link,))
    case = _with_rec(_hestia(), 1, renderings=(m.Rendering(label="1-2", parts=(first, second)),))
    assert _errors(check(case)) == []
    # ... but a link of the report's own parts may not.
    rec = _report(case).recommendations[1]
    case = _with_rec(case, 1, parts=(attrs.evolve(rec.parts[0], links=(link,)), *rec.parts[1:]))
    assert _errors(check(case)) == [("SC102", "$.report.recommendations[1].parts[0].links[0].target")]


def test_a_link_to_itself_is_sc105() -> None:
    link = m.ItemLink(relation=m.LinkRelation.INTERIM_PENDING, target=m.Ref("r2"))
    findings = check(_with_rec(_hestia(), 1, links=(link,)))
    assert _errors(findings) == [("SC105", "$.report.recommendations[1].links[0].target")]
    assert "recommendation 5.2 links to itself" in findings[-1].message


def test_a_part_that_refers_to_itself_is_sc105() -> None:
    case = _hestia()
    rec = _report(case).recommendations[1]
    link = m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref(rec.parts[2].id))
    parts = (*rec.parts[:2], attrs.evolve(rec.parts[2], links=(link,)))
    assert _errors(check(_with_rec(case, 1, parts=parts))) == [
        ("SC105", "$.report.recommendations[1].parts[2].links[0].target")
    ]


def test_superseded_by_in_a_circle_is_sc105_once() -> None:
    def superseded_by(target: str) -> tuple[m.ItemLink, ...]:
        return (m.ItemLink(relation=m.LinkRelation.SUPERSEDED_BY, target=m.Ref(target)),)

    case = _with_rec(_hestia(), 1, links=superseded_by("r3"))
    assert _errors(check(case)) == []  # r2 superseded by r3: fine
    case = _with_rec(case, 2, links=superseded_by("r4"))
    case = _with_rec(case, 3, links=superseded_by("r2"))
    assert _errors(check(case)) == [("SC105", "$.report.recommendations[3].links[0].target")]


def test_other_link_relations_may_go_both_ways() -> None:
    def refers_to(target: str) -> tuple[m.ItemLink, ...]:
        return (m.ItemLink(relation=m.LinkRelation.REFERS_TO, target=m.Ref(target)),)

    case = _with_rec(_with_rec(_hestia(), 1, links=refers_to("r3")), 2, links=refers_to("r2"))
    assert _errors(check(case)) == []


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (
            lambda c: _with_response(c, 0, joint_responders=(m.Ref("force-cambridgeshire"),)),
            "$.responses[0].jointResponders[0]",
        ),
        (
            lambda c: _with_response(c, 0, joint_responders=(m.Ref("lpb-cambridgeshire"), m.Ref("lpb-cambridgeshire"))),
            "$.responses[0].jointResponders[1]",
        ),
        (
            lambda c: attrs.evolve(c, follow_ups=(_follow_up(joint_senders=(m.Ref("iopc"), m.Ref("hmicfrs"))),)),
            "$.followUps[0].jointSenders[1]",
        ),
        (
            lambda c: _with_report(
                c,
                monitoring=(
                    attrs.evolve(_report(c).monitoring[0], other_recipients=(m.Ref("hmicfrs"),)),
                    *_report(c).monitoring[1:],
                ),
            ),
            "$.report.monitoring[0].otherRecipients[0]",
        ),
    ],
)
def test_a_party_named_twice_is_sc106(edit: Callable[[m.CaseRecord], m.CaseRecord], path: str) -> None:
    assert _errors(check(edit(_hestia()))) == [("SC106", path)]


def test_a_response_document_resolves_the_groups_it_defines() -> None:
    doc = sc.load(HESTIA / "responses" / "cambridgeshire-2021-07-13.json")
    assert isinstance(doc, m.ResponseDocument)
    group = m.Group(id=m.Id("cambs-partners"), name="Cambridgeshire partners", members=(m.Ref("force-cambridgeshire"),))
    answered = attrs.evolve(doc, groups=(group,), response=attrs.evolve(doc.response, on_behalf_of=m.Ref(group.id)))
    assert _errors(check(answered)) == []
    undefined = attrs.evolve(answered, groups=())
    assert _errors(check(undefined)) == [("SC102", "$.response.onBehalfOf")]
    ghost = attrs.evolve(answered, groups=(attrs.evolve(group, members=(m.Ref("force-atlantis"),)),))
    assert _errors(check(ghost)) == [("SC102", "$.groups[0].members[0]")]
