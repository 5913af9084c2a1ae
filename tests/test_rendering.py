"""Renderings that tell the truth: the board paper and the tracker, on both examples and on small records.

Snapshots live in ``tests/snapshots/``; after checking a change by eye, regenerate them with
``UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_rendering.py``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint import rendering
from supercomplaint.partialdate import PartialDate
from supercomplaint.strategies import case_records

from .conftest import EXAMPLES, HESTIA, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_rendering.py"
ILLUSTRATIVE = EXAMPLES / "illustrative-vaw" / "case.json"
AS_OF = dt.date(2022, 8, 1)
SOME_WHO_OWE = ("home-office", "force-dorset", "lpb-kent", "iopc")


def _case(path: Path) -> m.CaseRecord:
    doc = sc.load(path)
    assert isinstance(doc, m.CaseRecord)
    return doc


@pytest.fixture(scope="module")
def vaw() -> m.CaseRecord:
    return _case(ILLUSTRATIVE)


@pytest.fixture(scope="module")
def hestia() -> m.CaseRecord:
    return _case(HESTIA / "case.json")


# --------------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------------

Render = Callable[[], str]


def _renderings() -> dict[str, Render]:
    def paper(path: Path, body: str, to: rendering.Format, as_of: dt.date | None = None) -> Render:
        return lambda: sc.render_board_paper(_case(path), responder=body, to=to, as_of=as_of)

    def tracker(path: Path, as_of: dt.date, to: rendering.Format) -> Render:
        return lambda: sc.render_tracker(_case(path), as_of=as_of, to=to)

    hestia = HESTIA / "case.json"
    return {
        # the same files tests/test_cli.py compares the command line's output with
        "hestia-tracker-2021-12-01.md": tracker(hestia, dt.date(2021, 12, 1), "md"),
        "hestia-tracker-2021-12-01.html": tracker(hestia, dt.date(2021, 12, 1), "html"),
        "hestia-board-paper-cambridgeshire.md": paper(hestia, "force-cambridgeshire", "md"),
        "hestia-board-paper-cambridgeshire.html": paper(hestia, "force-cambridgeshire", "html"),
        # the illustrative case: every situation of partial sources
        "illustrative-tracker-2022-08-01.md": tracker(ILLUSTRATIVE, AS_OF, "md"),
        "illustrative-tracker-2022-08-01.html": tracker(ILLUSTRATIVE, AS_OF, "html"),
        "illustrative-board-paper-hampshire.md": paper(ILLUSTRATIVE, "force-hampshire", "md"),
        "illustrative-board-paper-hampshire.html": paper(ILLUSTRATIVE, "force-hampshire", "html"),
        "illustrative-board-paper-apcc.md": paper(ILLUSTRATIVE, "apcc", "md"),
        "illustrative-board-paper-kent-2022-08-01.md": paper(ILLUSTRATIVE, "force-kent", "md", AS_OF),
        "illustrative-board-paper-home-office-draft-2022-08-01.md": paper(ILLUSTRATIVE, "home-office", "md", AS_OF),
        "illustrative-board-paper-home-office-draft-2022-08-01.html": paper(ILLUSTRATIVE, "home-office", "html", AS_OF),
    }


RENDERINGS = _renderings()


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_rendering_snapshot(name: str) -> None:
    out = RENDERINGS[name]()
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(out, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {name}: run `{UPDATE}`"
    assert out == snapshot.read_text(encoding="utf-8"), f"{name} changed: check it, then run `{UPDATE}`"


def test_every_snapshot_is_made_by_a_test() -> None:
    """A snapshot nobody compares with is a stale file that misleads a reader."""
    assert {p.name for p in SNAPSHOTS.iterdir()} <= set(RENDERINGS)


# --------------------------------------------------------------------------------------------------
# Counts: the report's stated counts, never the number of items the record happens to hold
# --------------------------------------------------------------------------------------------------

_COUNTED = re.compile(r"\b(\d+) (?:of the (\d+) )?(action|recommendation)s?\b")


def _plain(text: str) -> str:
    """Rendered text as a person reads it: no tags, entities decoded, Markdown escapes and emphasis gone."""
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"</(p|h\d|li|dt|dd|tr|caption|title)>|<br>", "\n\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"[ \t]+", " ", re.sub(r"\\(.)", r"\1", text).replace("*", ""))


def _sentences(text: str) -> Iterator[str]:
    for block in re.split(r"\n\s*\n|\n(?=[#|-])", _plain(text)):
        yield from (s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(block.split())) if s.strip())


def contradicted_counts(case: m.CaseRecord, text: str) -> list[str]:
    """Every sentence stating a number of actions or recommendations the report does not state, unless
    it says how many this record or paper holds (and then with the number it holds)."""
    report = case.report
    assert report is not None
    stated = {(str(c.of)[:-1], c.count) for c in report.stated_counts}
    superseded = rendering._superseded(report)
    held = {
        "action": sum(1 for a in report.actions if a.id not in superseded),
        "recommendation": sum(1 for r in report.recommendations if r.id not in superseded),
    }
    bad = []
    for sentence in _sentences(text):
        for number, of_total, noun in _COUNTED.findall(sentence):
            count, holding = int(number), sentence.startswith(("This paper covers", "This record holds"))
            if holding and of_total:
                ok = count == held[noun] and (noun, int(of_total)) in stated
            elif holding:
                ok = count == held[noun] or (noun, count) in stated
            else:
                ok = (noun, count) in stated
            if not ok:
                bad.append(sentence)
    return bad


def _every_view(case: m.CaseRecord, as_of: dt.date, also: tuple[str, ...] | None = None) -> Iterator[tuple[str, str]]:
    """Both views in both formats: a paper for every responder, and for every body owing something (or,
    for a large record, for the bodies ``also`` names)."""
    owing = {o.body for o in sc.obligations(case, as_of)}
    bodies = {r.responder for r in case.responses} | (owing if also is None else owing & set(also))
    formats: tuple[rendering.Format, ...] = ("md", "html")
    for to in formats:
        yield f"tracker {to}", sc.render_tracker(case, as_of=as_of, to=to)
        for body in sorted(bodies):
            yield f"{body} {to}", sc.render_board_paper(case, responder=body, to=to, as_of=as_of)


def test_no_sentence_contradicts_the_stated_counts(vaw: m.CaseRecord) -> None:
    seen = 0
    for name, text in _every_view(vaw, AS_OF, SOME_WHO_OWE):
        assert contradicted_counts(vaw, text) == [], name
        seen += 1
    assert seen == 2 * (1 + 7 + len(SOME_WHO_OWE))  # the tracker, 7 responders and 4 bodies owing, in md and html


def test_stated_counts_are_used(vaw: m.CaseRecord) -> None:
    text = _plain(sc.render_board_paper(vaw, responder="force-hampshire"))
    assert (
        "The report makes 3 actions and 29 recommendations, 15 of them to chief constables of the territorial "
        "forces and 6 to local policing bodies." in text
    )
    assert "This paper covers all 3 actions and 8 of the 29 recommendations (and 1 superseded recommendation)." in text
    tracker = _plain(sc.render_tracker(vaw, as_of=AS_OF))
    assert "This record holds all 3 actions and 8 of the 29 recommendations" in tracker


def test_the_checker_catches_a_false_count(vaw: m.CaseRecord) -> None:
    """The count test is not vacuous: "sets out 9 recommendations" for a report that states 29 is caught."""
    assert contradicted_counts(vaw, "The report sets out 9 recommendations.") != []
    assert contradicted_counts(vaw, "This paper covers 5 of the 29 recommendations.") != []
    assert contradicted_counts(vaw, "The report makes 29 recommendations.") == []


def test_without_stated_counts_only_what_is_held_is_said(hestia: m.CaseRecord) -> None:
    text = sc.render_board_paper(hestia, responder="force-cambridgeshire")
    assert "This paper covers 2 actions and 6 recommendations from the report." in text
    assert "The report sets out" not in text
    assert "The report makes" not in text


def test_count_sentences_plurals_and_zero() -> None:
    report = m.Report(
        id=m.Id("r"),
        title="t",
        recommendations=(m.Recommendation(id=m.Id("x"), addressees=(m.Ref("home-office"),), text="Do it."),),
        stated_counts=(m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=1),),
    )
    names = rendering._Names(sc.default_registry())
    assert rendering.count_sentences(report, names) == (
        "The report makes 1 recommendation.",
        "This record holds no actions and 1 recommendation.",
    )


@settings(max_examples=15, deadline=None)
@given(case=case_records(), data=st.data())
def test_generated_records_render_without_contradiction(case: m.CaseRecord, data: st.DataObject) -> None:
    """Any consistent record renders in both views and formats, states no count the report does not, and
    shows no internal id of an item, part, route, follow-up or response."""
    report = case.report
    assert report is not None
    count = len(report.recommendations)
    stated = data.draw(st.lists(st.integers(count, count + 40), max_size=1))
    report = attrs.evolve(
        report, stated_counts=tuple(m.StatedCount(of=m.CountOf.RECOMMENDATIONS, count=n) for n in stated)
    )
    case = attrs.evolve(case, report=report)
    as_of = report.published.latest if report.published else dt.date(2030, 1, 1)
    for _, text in _every_view(case, as_of + dt.timedelta(days=data.draw(st.integers(0, 800)))):
        assert contradicted_counts(case, text) == []
        assert _internal_ids(case, text) == set()


# --------------------------------------------------------------------------------------------------
# No internal id where a person reads
# --------------------------------------------------------------------------------------------------


def _ids_of(case: m.CaseRecord) -> set[str]:
    out: set[str] = set()

    def parts(ps: tuple[m.Part, ...]) -> None:
        for p in ps:
            out.add(p.id)
            parts(p.parts)

    if case.report is not None:
        out.add(case.report.id)
        items: tuple[m.Action | m.Recommendation, ...] = (*case.report.actions, *case.report.recommendations)
        for item in items:
            out.add(item.id)
            parts(item.parts)
            for r in item.renderings:
                parts(r.parts)
        out.update(r.id for r in case.report.monitoring)
    out.update(f.id for f in case.follow_ups)
    out.update(r.id for r in case.responses)
    out.update(a.id for a in case.assessments)
    out.update(b.id for b in case.bodies)
    out.update(g.id for g in case.groups)
    for response in case.responses:
        out.update({response.responder, *response.joint_responders})
    return out


_HUMAN_KEYS = frozenset(
    {
        *("label", "title", "text", "name", "narrative", "note", "asWritten", "alternateLabels", "summary"),
        *("features", "aliases", "comment", "alternative", "conditions", "occasion", "audience", "scope"),
        *("onBehalfOf", "reasons", "office", "area", "description", "role", "publisher", "value", "scheme"),
        *("deadlineAsWritten", "plannedCompletionAsWritten", "evidenceRequirements"),
    }
)


def _human_text(case: m.CaseRecord) -> str:
    """Every text of the record a person wrote (labels, titles, names ...), where an id may occur by chance."""
    found: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in _HUMAN_KEYS:
            found.append(value)

    walk(json.loads(sc.dumps(case)))
    return "\n".join(found)


def _internal_ids(case: m.CaseRecord, text: str) -> set[str]:
    """The ids of the record's objects that the rendered text shows as words, leaving out ids that are plain
    words ("complete") or that a label, title or name of the record happens to contain."""
    plain, human = _plain(text), _human_text(case)

    def shown(ident: str) -> bool:
        return re.search(rf"(?<![\w.-]){re.escape(ident)}(?![\w-])", plain) is not None

    return {i for i in _ids_of(case) if shown(i) and not i.isalpha() and i not in human}


def test_no_internal_id_where_a_person_reads(vaw: m.CaseRecord, hestia: m.CaseRecord) -> None:
    for case, as_of in ((vaw, AS_OF), (hestia, dt.date(2021, 12, 1))):
        for name, text in _every_view(case, as_of, SOME_WHO_OWE):
            assert _internal_ids(case, text) == set(), name


def test_the_id_check_is_not_vacuous(vaw: m.CaseRecord) -> None:
    assert _internal_ids(vaw, "Monitoring m1 is met by npcc-2022-03-28 (r4a).") == {"m1", "npcc-2022-03-28", "r4a"}


# --------------------------------------------------------------------------------------------------
# Text as the source gives it, and said to be so
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("to", ["md", "html"])
def test_text_that_is_not_verbatim_is_marked(vaw: m.CaseRecord, to: rendering.Format) -> None:
    text = _plain(sc.render_board_paper(vaw, responder="force-hampshire", to=to))
    summary = text.index("Summary, not the report’s own words (as summarised in HMICFRS’s progress update")
    assert summary < text.index("HMICFRS will look at the use of protective orders")
    cut = text.index("Text cut off in the source at hand (as reproduced in Kent Police’s action plan")
    assert cut < text.index("what supp […]")
    assert "Paraphrase, not the report’s own words (as the Home Office’s press release puts it)" in text
    assert "Summary, not the National Police Chiefs' Council’s own words" not in text  # dated after the paper
    assert text.count("Text not held in this record.") == 2  # action 5.3 and recommendation 8
    assert "Not given by the source at hand: addressees." in text


def test_a_verbatim_text_is_not_marked(hestia: m.CaseRecord) -> None:
    text = sc.render_board_paper(hestia, responder="force-cambridgeshire")
    for mark in ("Summary, not", "Paraphrase, not", "Text cut off", "Text not held"):
        assert mark not in text


@pytest.mark.parametrize("to", ["md", "html"])
def test_paragraph_breaks_are_kept(vaw: m.CaseRecord, to: rendering.Format) -> None:
    text = sc.render_board_paper(vaw, responder="force-hampshire", to=to)
    first, second = "The force will adopt the screening tool", "Until the tool is ready"
    if to == "html":
        assert re.search(rf"<p>{first}[^<]*</p>\s*<p>{second}", text)
    else:
        assert re.search(rf"\n{first}[^\n]*\n\n{second}", text)
    summary = "We want every force to do so."
    assert re.search(r"help them\.(</p>\s*<p>|\n\n)Forces that screen", text), summary


def test_parts_evidence_links_and_renderings_are_shown(vaw: m.CaseRecord) -> None:
    text = _plain(sc.render_board_paper(vaw, responder="force-hampshire"))
    assert "- a) recognise the behaviours that amount to stalking;" in text
    assert "(refers to Recommendation 2 b))" in text
    assert "Evidence of progress or completion asked for:" in text
    assert "- A copy of the force’s screening tool and the guidance issued with it." in text
    assert "An interim measure, pending Recommendation 2" in text
    assert "Superseded by Recommendation 4A" in text
    assert "Known elsewhere as SC21-VAW-02 (hmicfrs-monitoring-portal)." in text
    assert "Hampshire Constabulary’s own version numbers it “Actions 1 to 3”" in text
    assert "writes the deadline “27/03/22”" in text
    assert "Action 5.1, also Action 1 (for the College of Policing)" in text
    kent = _plain(sc.render_board_paper(vaw, responder="force-kent", as_of=AS_OF))
    assert "Kent Police’s own version numbers it “7”, leaves out 7.2" in kent


def test_parts_given_in_the_text_are_not_repeated(hestia: m.CaseRecord) -> None:
    text = sc.render_board_paper(hestia, responder="force-cambridgeshire")
    assert text.count("identify possible victims of modern slavery") == 1


# --------------------------------------------------------------------------------------------------
# Responses: own, joint, collated, member outcomes, bounds, signatories
# --------------------------------------------------------------------------------------------------


def test_joint_response_and_signatories(vaw: m.CaseRecord) -> None:
    text = _plain(sc.render_board_paper(vaw, responder="force-hampshire"))
    assert (
        "Joint response of the Police and Crime Commissioner for Hampshire and Hampshire Constabulary "
        "(24 November 2021)" in text
    )
    assert "Signed by Robin Example (Police and Crime Commissioner) and Kim Example (Chief Constable)." in text
    assert "Planned completion: not before March 2023 (“March 2023 at the earliest”)." in text


def test_member_outcomes_in_plain_english(vaw: m.CaseRecord) -> None:
    apcc = _plain(sc.render_board_paper(vaw, responder="apcc"))
    assert "All local policing bodies except the Police and Crime Commissioner for Dorset (42 of 43): accepted" in apcc
    assert "The Police and Crime Commissioner for Dorset: under consideration" in apcc
    # a member's own paper shows the outcome that concerns it, not the others'
    dorset = _plain(sc.render_board_paper(vaw, responder="lpb-dorset", as_of=AS_OF))
    assert "Collated by the Association of Police and Crime Commissioners for local policing bodies" in dorset
    assert "The Police and Crime Commissioner for Dorset: under consideration" in dorset
    assert "42 of 43" not in dorset
    kent_pcc = _plain(sc.render_board_paper(vaw, responder="lpb-kent", as_of=AS_OF))
    assert (
        "All local policing bodies except the Police and Crime Commissioner for Dorset (42 of 43): accepted" in kent_pcc
    )


def test_a_collated_answer_is_shown_apart_from_the_members_own(vaw: m.CaseRecord) -> None:
    kent = _plain(sc.render_board_paper(vaw, responder="force-kent", as_of=AS_OF))
    assert "Collated by the National Police Chiefs' Council for chief constables of the territorial forces" in kent
    assert "Kent Police’s response (undated)" in kent


def test_what_the_body_owes_and_the_draft_for_a_body_that_has_not_responded(vaw: m.CaseRecord) -> None:
    text = _plain(sc.render_board_paper(vaw, responder="home-office", as_of=AS_OF))
    assert "Status: draft: the Home Office has not responded yet" in text
    assert "The purpose of this paper is to set out what the Home Office owes" in text
    assert "3. What the Home Office owes" in text
    assert "The Home Office’s response: to be completed" in text
    assert "The Home Office’s obligation: a response to recommendation 11, with no due date." in text
    dorset = _plain(sc.render_board_paper(vaw, responder="force-dorset", as_of=AS_OF))
    assert "| A response to recommendation 2 | 31 March 2022 | met | — |" in dorset
    assert (
        "Dorset Police’s obligation: a response to recommendation 2, due 31 March 2022. As of 1 August 2022: met by "
        "the National Police Chiefs' Council’s responses of 28 March 2022 and 27 July 2022." in dorset
    )


def test_a_body_that_owes_nothing_and_said_nothing_gets_no_paper(vaw: m.CaseRecord) -> None:
    with pytest.raises(sc.RenderError, match="owes nothing"):
        sc.render_board_paper(vaw, responder="cps", as_of=AS_OF)
    with pytest.raises(sc.RenderError, match="force-hampshire"):
        sc.render_board_paper(vaw, responder="force-atlantis")


# --------------------------------------------------------------------------------------------------
# Names of the day, and English
# --------------------------------------------------------------------------------------------------


def _small_case(published: PartialDate, responder: str, sent: PartialDate) -> m.CaseRecord:
    return m.CaseRecord(
        id=m.Id("c"),
        complaint=m.Complaint(title="A complaint", complainants=(m.Ref("dsg"),)),
        bodies=(m.Body(id=m.Id("dsg"), name="Hestia", kind=m.BodyKind.DESIGNATED_BODY),),
        report=m.Report(
            id=m.Id("rep"),
            title="A report",
            authors=(m.Ref("hmicfrs"),),
            published=published,
            recommendations=(
                m.Recommendation(
                    id=m.Id("r1"),
                    label="1",
                    addressees=(m.Ref(responder),),
                    text="Do it.",
                    deadline=m.PeriodDeadline(
                        amount=56, unit=m.Unit.DAYS, anchor=m.Anchor.REPORT_PUBLISHED, counting=m.Counting.AFTER
                    ),
                ),
            ),
        ),
        responses=(
            m.Response(
                id=m.Id("resp"),
                responder=m.Ref(responder),
                sent=sent,
                items=(m.ItemResponse(item=m.Ref("r1"), position=m.Position.ACCEPTED),),
            ),
        ),
    )


def test_names_in_force_on_the_papers_date() -> None:
    old = _small_case(PartialDate(2016, 3, 1), "force-hampshire", PartialDate(2016, 4, 20))
    text = sc.render_board_paper(old, responder="force-hampshire")
    assert "**From:** Hampshire Constabulary" in text
    assert "On 1 March 2016 HM Inspectorate of Constabulary published “A report”" in text
    new = _small_case(PartialDate(2023, 3, 1), "force-hampshire", PartialDate(2023, 4, 20))
    text = sc.render_board_paper(new, responder="force-hampshire")
    assert "**From:** Hampshire and Isle of Wight Constabulary" in text
    assert "On 1 March 2023 His Majesty's Inspectorate of Constabulary and Fire & Rescue Services published" in text


def test_tracker_names_bodies_as_they_were_on_the_day(vaw: m.CaseRecord) -> None:
    assert "Hampshire Constabulary" in sc.render_tracker(vaw, as_of=dt.date(2021, 12, 1))
    assert "Hampshire Constabulary" not in sc.render_tracker(vaw, as_of=dt.date(2023, 6, 1))


def test_a_report_with_no_named_authors() -> None:
    case = _small_case(PartialDate(2020, 8, 7), "home-office", PartialDate(2020, 9, 1))
    assert case.report is not None
    case = attrs.evolve(case, report=attrs.evolve(case.report, authors=()))
    text = sc.render_board_paper(case, responder="home-office")
    assert "“A report” was published on 7 August 2020, on a super-complaint made by Hestia." in text
    assert "The purpose of this paper is to update the reader on the Home Office’s response" in text


def test_dates_after_a_preposition() -> None:
    case = _small_case(PartialDate(2020, 8), "home-office", PartialDate(2020, 12))
    text = sc.render_board_paper(case, responder="home-office")
    assert "In August 2020 HM Inspectorate of Constabulary" not in text  # renamed before 2020
    assert "In August 2020 Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services published" in text
    assert rendering.on_date(dt.date(2020, 8, 7)) == "on 7 August 2020"
    assert rendering.on_date(PartialDate(2020)) == "in 2020"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kent Police", "Kent Police’s"),
        ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "… Services’"),
        ("chief constables", "chief constables’"),
        ("Ministry of Justice", "Ministry of Justice’s"),
        ("Crown Prosecution Service", "Crown Prosecution Service’s"),
    ],
)
def test_possessives(name: str, expected: str) -> None:
    assert rendering.possessive(name).endswith(expected.removeprefix("…"))


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("home-office", "the Home Office"),
        ("force-kent", "Kent Police"),
        ("force-metropolitan-police", "the Metropolitan Police Service"),
        ("hmicfrs", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("psni", "the Police Service of Northern Ireland"),
        ("police-scotland", "Police Scotland"),
        ("btp", "the British Transport Police"),
        ("lpb-dorset", "the Police and Crime Commissioner for Dorset"),
        ("chief-constables", "chief constables of the territorial forces"),
    ],
)
def test_names_in_running_text(ref: str, expected: str) -> None:
    assert rendering._Names(sc.default_registry()).mid(ref) == expected


def test_unnumbered_items_are_named_by_their_place() -> None:
    case = _small_case(PartialDate(2021, 3, 1), "home-office", PartialDate(2021, 4, 1))
    assert case.report is not None
    rec = attrs.evolve(case.report.recommendations[0], label=None)
    case = attrs.evolve(case, report=attrs.evolve(case.report, recommendations=(rec,)))
    text = sc.render_board_paper(case, responder="home-office")
    assert "### The 1st recommendation (unnumbered) (to the Home Office)" in text
    tracker = sc.render_tracker(case, as_of=dt.date(2021, 6, 1))
    assert "## the 1st recommendation (unnumbered)" in tracker.lower()


# --------------------------------------------------------------------------------------------------
# The tracker: reply and delivery side by side
# --------------------------------------------------------------------------------------------------


def test_tracker_shows_reply_and_delivery(vaw: m.CaseRecord) -> None:
    text = sc.render_tracker(vaw, as_of=AS_OF)
    assert "| body | owed | due | reply | position | delivery | met by |" in text
    hants = next(line for line in text.splitlines() if line.startswith("| Hampshire") and "recommendation 2 |" in line)
    assert "**met**" in hants
    assert "**at risk**" in hants
    assert "planned: not before March 2023" in hants
    assert "via NPCC: partially accepted" in text
    assert "Delivery, of these obligations:" in text


def test_tracker_rows_carry_labels_not_ids(vaw: m.CaseRecord) -> None:
    found = sc.obligations(vaw, AS_OF)
    rows = rendering.tracker_rows(vaw, found)
    assert {row.label for row in rows} >= {"Action 5.1", "Recommendation 4A", "Monitoring 29 a)"}
    route = next(row for row in rows if row.label == "Monitoring 29 a)")
    assert route.owed.startswith("a progress report to HMICFRS, the IOPC and the College of Policing")
    assert route.owed.endswith("on recommendations 1, 2, 3, 4A and 7")


# --------------------------------------------------------------------------------------------------
# HTML: contrast (WCAG 2.2 AA, 4.5:1 for text)
# --------------------------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])(color|background)\s*:\s*(#[0-9a-fA-F]{3,6})")


def _colour_pairs(template: str) -> Iterator[tuple[str, str, str]]:
    css = re.search(r"<style>(.*?)</style>", template, re.S)
    assert css is not None
    rules: list[tuple[str, dict[str, str]]] = [
        (sel.strip(), dict(_COLOUR.findall(body))) for sel, body in _RULE.findall(css.group(1))
    ]
    body = next(props for sel, props in rules if sel == "body")
    for selector, props in rules:
        if props:
            yield selector, props.get("color", body["color"]), props.get("background", body["background"])


@pytest.mark.parametrize("template", ["board-paper.html.j2", "tracker.html.j2"])
def test_html_colours_meet_wcag_aa(template: str) -> None:
    text = (ROOT / "src" / "supercomplaint" / "templates" / template).read_text(encoding="utf-8")
    pairs = list(_colour_pairs(text))
    assert len(pairs) > 5
    low = [(sel, fg, bg, round(contrast(fg, bg), 2)) for sel, fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert low == []


def test_contrast_is_computed_as_wcag_says() -> None:
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#767676", "#fff"), 2) == 4.54


# --------------------------------------------------------------------------------------------------
# Hostile text in the new fields
# --------------------------------------------------------------------------------------------------


def test_text_from_the_record_is_escaped_everywhere(vaw: m.CaseRecord) -> None:
    assert vaw.report is not None
    hostile = "<script>alert(1)</script>"
    rec = vaw.report.recommendations[2]
    assert rec.provenance is not None
    assert rec.provenance.source is not None
    citation = attrs.evolve(rec.provenance.source, title=hostile, url=m.Url("javascript:alert(2)"))
    rec = attrs.evolve(rec, provenance=attrs.evolve(rec.provenance, note=hostile, source=citation), label="<b>3</b>")
    recs = list(vaw.report.recommendations)
    recs[2] = rec
    case = attrs.evolve(vaw, report=attrs.evolve(vaw.report, recommendations=tuple(recs), summary=hostile))
    page = sc.render_board_paper(case, responder="force-hampshire", to="html")
    assert "<script>" not in page
    assert "<b>3</b>" not in page
    assert "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    markdown = sc.render_board_paper(case, responder="force-hampshire")
    assert "<script>" not in markdown
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    tracker = sc.render_tracker(case, as_of=AS_OF, to="html")
    assert "<b>3</b>" not in tracker
    assert "Recommendation &lt;b&gt;3&lt;/b&gt;" in tracker
