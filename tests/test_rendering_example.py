"""The illustrative case (examples/illustrative-vaw/): current, valid, every situation of partial sources in
it, and the page "Recording what the source gives you" made of its pieces."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Iterator
from typing import Any

import pytest

import supercomplaint as sc
from supercomplaint import model as m

from .conftest import EXAMPLES, ROOT
from .test_docs import fenced_blocks

FOLDER = EXAMPLES / "illustrative-vaw"
PAGE = ROOT / "docs" / "recording-sources.md"


@pytest.fixture(scope="module")
def case() -> m.CaseRecord:
    doc = sc.load(FOLDER / "case.json")
    assert isinstance(doc, m.CaseRecord)
    return doc


def test_case_json_is_what_build_py_writes() -> None:
    spec = importlib.util.spec_from_file_location("illustrative_build", FOLDER / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run: .venv/bin/python examples/illustrative-vaw/build.py"


def test_it_is_canonical_and_schema_1_1() -> None:
    text = (FOLDER / "case.json").read_text(encoding="utf-8")
    assert sc.dumps(sc.loads(text)) == text
    assert json.loads(text)["schemaVersion"] == "1.1"


def test_it_validates_and_its_findings_say_what_is_missing(case: m.CaseRecord) -> None:
    data = json.loads((FOLDER / "case.json").read_text(encoding="utf-8"))
    assert sc.validate(data).valid
    findings = sc.check(case)
    assert [f for f in findings if f.severity == "error"] == []
    codes = {f.code for f in findings}
    assert {"SC501", "SC502", "SC503", "SC504", "SC505"} <= codes  # notes: what the record does not hold
    assert {"SC307", "SC409"} <= codes  # warnings: a stated date a day out; an undated response


def test_it_says_it_is_made_up(case: m.CaseRecord) -> None:
    assert case.report is not None
    assert "illustrative" in case.complaint.title.lower()
    assert "not a real report" in case.report.title
    assert case.extensions["org.example.illustrative"]["illustrative"] is True
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert "**This case is invented.**" in readme
    urls = [r.url for r in case.responses if r.url] + [f.url for f in case.follow_ups if f.url]
    assert urls
    assert all(u.startswith("https://www.example.org/") for u in urls)


def _walk(value: object) -> Iterator[object]:
    """Every object of an attrs tree (tuples and dicts walked through)."""
    yield value
    if isinstance(value, tuple | list):
        for x in value:
            yield from _walk(x)
    elif hasattr(value, "__attrs_attrs__"):
        for field in value.__attrs_attrs__:
            if field.name != "extensions":
                yield from _walk(getattr(value, field.name))


def test_it_holds_every_situation_of_partial_sources(case: m.CaseRecord) -> None:
    everything = list(_walk(case))

    def of(kind: type[Any]) -> list[Any]:
        return [x for x in everything if isinstance(x, kind)]

    registry = sc.Registry.for_document(case)
    # 1. how a text was obtained; renderings and labels
    assert {p.fidelity for p in of(m.Provenance)} >= {"summary", "paraphrase", "truncated", "verbatim"}
    assert any(p.source is not None and p.note for p in of(m.Provenance))
    renderings = of(m.Rendering)
    assert any(r.parts for r in renderings)
    assert any(r.omits for r in renderings)
    assert any(r.deadline_as_written == "27/03/22" for r in renderings)
    assert any(i.alternate_labels for i in of(m.Action))
    # 2. known, not captured; stated counts
    assert any(i.text is None for i in of(m.Action))
    assert any(i.text is None and m.Detail.ADDRESSEES in i.not_captured for i in of(m.Recommendation))
    assert of(m.NotCapturedDeadline)
    assert case.report is not None
    held = len(case.report.recommendations)
    assert any(c.addressee is None and c.count > held for c in case.report.stated_counts)
    assert any(c.addressee is not None for c in case.report.stated_counts)
    # 3. deadlines as sources state them
    assert any(d.date.as_date() is None for d in of(m.FixedDeadline))
    assert any(sc.resolve(d, case).discrepancy for d in of(m.PeriodDeadline) if d.stated_date)
    assert {a.planned_completion_bound for a in of(m.ItemResponse)} >= {m.Bound.EARLIEST, m.Bound.LATEST}
    # 4. collective parties
    assert any(r.other_recipients for r in of(m.MonitoringObligation))
    assert any(f.joint_senders and f.signatories for f in of(m.FollowUp))
    assert any(r.joint_responders and r.signatories for r in case.responses)
    assert any(o.except_members and registry.is_group(o.member) for o in of(m.MemberOutcome))
    assert any(r.sent is None and r.published is None for r in case.responses)
    # 5. links, identifiers, extensions on objects new in 1.1
    assert {link.relation for link in of(m.ItemLink)} == set(m.LinkRelation)
    assert any(link.target in {p.id for p in of(m.Part)} for link in of(m.ItemLink))
    assert any(i.identifiers for i in of(m.Recommendation))
    for kind in (m.Provenance, m.StatedCount, m.Rendering, m.Signatory, m.MemberOutcome):
        assert any(x.extensions for x in of(kind)), kind
    # 6. names of the day; a body outside the regime answering
    hampshire = next(r for r in case.responses if r.responder == "force-hampshire")
    assert hampshire.sent is not None
    assert registry.name("force-hampshire", on=hampshire.sent) != registry.name("force-hampshire")
    outside = [r for r in case.responses if registry.body(r.responder).outside_regime]
    assert outside


def _fragments() -> Iterator[tuple[int, Any]]:
    for block in fenced_blocks(PAGE):
        if block.language == "json" and "..." not in block.code:
            yield block.line, json.loads(block.code)


def _subtrees(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from _subtrees(v)
    elif isinstance(value, list):
        for v in value:
            yield from _subtrees(v)


def test_every_json_snippet_of_the_page_is_part_of_the_case() -> None:
    """So every snippet is valid in context: the case it comes from validates."""
    data = json.loads((FOLDER / "case.json").read_text(encoding="utf-8"))
    trees = list(_subtrees(data))
    fragments = list(_fragments())
    assert len(fragments) >= 12
    missing = [line for line, fragment in fragments if fragment not in trees]
    assert missing == [], f"docs/recording-sources.md: JSON blocks at lines {missing} are not in the case"


def test_the_page_is_in_the_site_navigation() -> None:
    assert "recording-sources.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_example_renders_as_of_any_day(case: m.CaseRecord) -> None:
    for day in (dt.date(2021, 9, 1), dt.date(2021, 12, 1), dt.date(2023, 6, 1)):
        assert "Tracker:" in sc.render_tracker(case, as_of=day)
