"""The board paper (and the tracker) as Word documents, read back with python-docx, and converted to PDF
with LibreOffice where it is installed."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import docx
import pytest

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.cli import main
from supercomplaint.docx import board_paper_docx, html_to_docx, render_docx, tracker_docx

ROOT = Path(__file__).resolve().parent.parent
HESTIA = ROOT / "examples" / "hestia" / "case.json"
ILLUSTRATIVE = ROOT / "examples" / "illustrative-vaw" / "case.json"
AS_OF = dt.date(2022, 8, 1)


def _case(path: Path) -> m.CaseRecord:
    case = sc.load(path)
    assert isinstance(case, m.CaseRecord)
    return case


class _Headings(HTMLParser):
    """The h1-h3 headings of an HTML rendering, with their levels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.level: int | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-3]", tag):
            self.level, self.text = int(tag[1]), ""

    def handle_endtag(self, tag: str) -> None:
        if self.level is not None and tag == f"h{self.level}":
            self.found.append((self.level, " ".join(self.text.split())))
            self.level = None

    def handle_data(self, data: str) -> None:
        if self.level is not None:
            self.text += data


def _html_headings(html: str) -> list[tuple[int, str]]:
    parser = _Headings()
    parser.feed(html)
    return parser.found


def _docx_headings(data: bytes) -> list[tuple[int, str]]:
    document = docx.Document(io.BytesIO(data))
    levels = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
    return [(levels[_style(p)], p.text) for p in document.paragraphs if _style(p) in levels]


def _style(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    return str(style.name) if style is not None else ""


PAPERS = [
    (HESTIA, "force-cambridgeshire", None),
    (ILLUSTRATIVE, "force-hampshire", AS_OF),
    (ILLUSTRATIVE, "home-office", AS_OF),  # a draft: the Home Office has not responded yet
    (ILLUSTRATIVE, "npcc", AS_OF),
]


@pytest.mark.parametrize(("path", "responder", "as_of"), PAPERS, ids=[p[1] for p in PAPERS])
def test_every_heading_in_place(path: Path, responder: str, as_of: dt.date | None) -> None:
    case = _case(path)
    html = sc.render_board_paper(case, responder=responder, to="html", as_of=as_of)
    data = board_paper_docx(case, responder=responder, as_of=as_of)
    expected = _html_headings(html)
    assert expected, "the HTML paper has headings"
    assert _docx_headings(data) == expected


def test_hestia_paper_reads_as_a_paper() -> None:
    data = board_paper_docx(_case(HESTIA), responder="force-cambridgeshire")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["To: Business Coordination Board", "From: Cambridgeshire Constabulary", "Date: 13 July 2021"]
    assert document.paragraphs[0].runs[0].bold
    assert document.core_properties.title.startswith("The hidden victims")
    # the owed table: a header row repeated on each page, then one row per obligation
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["what", "due", "reply", "delivery"]
    assert table.rows[0]._tr.trPr is not None
    assert "tblHeader" in table.rows[0]._tr.trPr.xml
    assert any(row.cells[1].text == "26 November 2021" for row in table.rows[1:])
    # the responses are paragraphs, not markup
    assert any("The Constabulary will await further information" in t for t in texts)
    assert not any(re.search(r"</?\w+>", t) for t in texts)


def test_lists_and_links(tmp_path: Path) -> None:
    case = _case(ILLUSTRATIVE)
    data = board_paper_docx(case, responder="force-hampshire", as_of=AS_OF)
    document = docx.Document(io.BytesIO(data))
    bullets = [p for p in document.paragraphs if _style(p).startswith("List Bullet")]
    assert any(p.text.startswith("a)") for p in bullets)  # the parts of recommendation 2
    rels = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert "https://www.example.org/illustrative/progress-update-2022" in rels


def test_a_draft_has_fields_to_fill_in() -> None:
    data = board_paper_docx(_case(ILLUSTRATIVE), responder="home-office", as_of=AS_OF)
    document = docx.Document(io.BytesIO(data))
    assert any(p.text.startswith("Draft:") for p in document.paragraphs)
    blanks = [
        t
        for t in document.tables
        if [r.cells[0].text for r in t.rows] == ["Position", "Progress", "Planned completion", "Narrative"]
    ]
    assert blanks
    assert all(r.cells[1].text == "" for r in blanks[0].rows)


def test_text_from_the_record_stays_text() -> None:
    case = _case(HESTIA)
    hostile = "<script>alert(1)</script> & <b>not bold</b>\x01\x1b[31m =1+1"
    response = case.responses[0]
    answer = attrs.evolve(response.items[0], narrative=hostile)
    case = attrs.evolve(
        case, responses=(attrs.evolve(response, items=(answer, *response.items[1:])), *case.responses[1:])
    )
    data = board_paper_docx(case, responder=response.responder)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any("<script>alert(1)</script> & <b>not bold</b>" in t for t in texts)


def test_tracker_and_render_docx() -> None:
    case = _case(ILLUSTRATIVE)
    data = tracker_docx(case, as_of=AS_OF)
    html = sc.render_tracker(case, as_of=AS_OF, to="html")
    assert _docx_headings(data) == _html_headings(html)
    assert len(docx.Document(io.BytesIO(data)).tables) >= 2
    assert _docx_headings(render_docx(case, view="tracker", as_of=AS_OF)) == _html_headings(html)
    with pytest.raises(sc.RenderError):
        render_docx(case, view="board-paper")
    with pytest.raises(sc.RenderError):
        render_docx(case, view="minutes")


def test_html_to_docx_handles_what_it_does_not_know() -> None:
    data = html_to_docx("<p>one<br>two</p><div><p>in a <em>div</em></p></div><blink>odd</blink><ol><li>x</li></ol>")
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert texts[0] == "one\ntwo"
    assert "in a div" in texts
    assert "x" in texts


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), err.getvalue()


def test_cli_render_to_docx(tmp_path: Path) -> None:
    target = tmp_path / "paper.docx"
    code, err = _run(
        [
            "render",
            str(HESTIA),
            "--view",
            "board-paper",
            "--responder",
            "force-cambridgeshire",
            "--to",
            "docx",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    assert f"wrote {target}" in err
    report = _case(HESTIA).report
    assert report is not None
    assert _docx_headings(target.read_bytes())[0] == (1, report.title)
    code, err = _run(["render", str(HESTIA), "--view", "tracker", "--to", "docx"])
    assert code == 2
    assert "-o OUT.docx" in err
    code, err = _run(
        ["render", str(HESTIA), "--view", "board-paper", "--responder", "nobody", "--to", "docx", "-o", str(target)]
    )
    assert code == 2


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_paper_to_pdf(tmp_path: Path) -> None:
    source = tmp_path / "paper.docx"
    source.write_bytes(board_paper_docx(_case(HESTIA), responder="force-cambridgeshire"))
    assert SOFFICE is not None
    env = {**os.environ, "HOME": str(tmp_path)}  # a profile of its own: no clash with a running LibreOffice
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=240,
        env=env,
    )
    pdf = (tmp_path / "paper.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 3
