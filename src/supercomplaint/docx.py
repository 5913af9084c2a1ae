"""Word documents: the board paper (and the tracker) as ``.docx`` files a governance officer can edit.

The paper is the one :func:`supercomplaint.render_board_paper` writes, word for word: this module asks it
for the HTML rendering and builds the Word document from that HTML's structure, so the two never say
different things. Headings become Word's own heading styles (the title, then "Heading 1" for the numbered
sections and "Heading 2" for each action and recommendation), so the navigation pane and a table of
contents find them; paragraphs stay paragraphs; lists become Word lists ("List Bullet", nested "List
Bullet 2"); tables become Word tables with a repeated header row; the "to be completed" fields of a draft
become an empty two-column table to type in. Text from the record is never read as markup: it reaches
Word as text.

Needs ``python-docx`` (``pip install 'supercomplaint[docx]'``); ``import supercomplaint`` never imports it.

>>> import supercomplaint as sc
>>> from supercomplaint.docx import board_paper_docx
>>> data = board_paper_docx(sc.load("examples/hestia/case.json"), responder="force-cambridgeshire")
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from . import model as m
from .partialdate import PartialDate
from .problems import Problem, SupercomplaintError

if TYPE_CHECKING:
    from .registry import Registry

__all__ = ["DocxError", "board_paper_docx", "html_to_docx", "render_docx", "tracker_docx", "write_docx"]


class DocxError(SupercomplaintError, ValueError):
    """A Word document cannot be made: python-docx is not installed (code ``needs-python-docx``).

    ``problems`` holds the problem.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.message for p in problems))


def _docx() -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - the extra is installed wherever this module is tested
        raise DocxError(
            [
                Problem(
                    code="needs-python-docx",
                    message="Word documents need python-docx: pip install 'supercomplaint[docx]'",
                )
            ]
        ) from None
    return docx


# Paragraph classes of the HTML renderings, and how Word shows them.
_QUIET = frozenset({"deadline", "note", "missing", "source", "none", "signed", "cut"})
_STRONG = frozenset({"owed", "label"})
_SKIP = frozenset({"head", "style", "script", "title"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "caption", "th", "td"})
_GREY = (0x50, 0x5A, 0x5F)  # 7.0:1 on white
_SOURCE = (0x6F, 0x3C, 0x00)  # 9.2:1 on white


class _Builder(HTMLParser):
    """HTML (the subset the renderings write) into a python-docx document."""

    def __init__(self, document: Any) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = document
        self.shared = _docx().shared
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.paragraph: Any = None
        self.skip = 0
        self.lists = 0
        self.indent = 0  # open div.response blocks
        self.table: list[list[tuple[str, list[tuple[str, bool, bool, str | None]]]]] | None = None
        self.cell: list[tuple[str, bool, bool, str | None]] | None = None
        self.caption: str | None = None
        self.memo: list[tuple[str, str]] | None = None
        self.blank: list[str] | None = None
        self.term: str = ""
        self.href: str | None = None
        self.pending_space = False

    # -- structure --------------------------------------------------------------------------------

    def classes(self) -> frozenset[str]:
        found: set[str] = set()
        for _tag, names in self.stack:
            found |= names
        return frozenset(found)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = frozenset((dict(attrs).get("class") or "").split())
        if tag in ("br", "meta", "link", "hr", "img", "input"):
            if tag == "br" and self.paragraph is not None:
                self.paragraph.add_run().add_break()
            return
        self.stack.append((tag, names))
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "a":
            self.href = dict(attrs).get("href")
        elif tag == "ul" or tag == "ol":
            self.lists += 1
            self.paragraph = None
        elif tag == "div" and "response" in names:
            self.indent += 1
        elif tag == "table":
            self.table = []
            self.caption = None
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("th", "td") and self.table is not None:
            self.cell = []
            if self.table:
                self.table[-1].append((tag, self.cell))
        elif tag == "dl":
            if "memo" in names:
                self.memo = []
            elif "blank" in names:
                self.blank = []
        elif tag in _BLOCKS:
            self.begin(tag, names)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, names = self.stack.pop()
            self.end(open_tag, names)
            if open_tag == tag:
                break

    def end(self, tag: str, names: frozenset[str]) -> None:
        if tag in _SKIP:
            self.skip -= 1
        elif tag == "a":
            self.href = None
        elif tag in ("ul", "ol"):
            self.lists -= 1
            self.paragraph = None
        elif tag == "div" and "response" in names:
            self.indent -= 1
        elif tag == "table" and self.table is not None:
            self.flush_table()
        elif tag in ("th", "td"):
            self.cell = None
        elif tag == "dl":
            self.flush_definitions(names)
        elif tag in _BLOCKS:
            self.paragraph = None
            self.pending_space = False

    def begin(self, tag: str, names: frozenset[str]) -> None:
        self.pending_space = False
        if self.cell is not None or tag in ("dt", "dd"):
            if tag == "dt":
                self.term = ""
            return
        if tag == "caption":
            self.caption = ""
            return
        if tag in ("h1", "h2", "h3", "h4"):
            level = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}[tag]
            self.paragraph = self.doc.add_heading(level=level)
            return
        if tag == "li":
            depth = min(self.lists, 3)
            style = "List Bullet" if depth <= 1 else f"List Bullet {depth}"
            self.paragraph = self.doc.add_paragraph(style=style)
        else:
            self.paragraph = self.doc.add_paragraph()
        if self.indent:
            self.paragraph.paragraph_format.left_indent = self.shared.Cm(0.75 * self.indent + 0.63 * (tag == "li"))
        if "status" in names:
            self.paragraph.paragraph_format.left_indent = self.shared.Cm(0.4)

    # -- text -----------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = re.sub(r"\s+", " ", data)
        tags = {t for t, _ in self.stack}
        names = self.classes()
        if self.memo is not None and ("dt" in tags or "dd" in tags):
            if "dt" in tags:
                self.term += text
            elif self.memo is not None:
                self.memo.append((self.term.strip(), text.strip()))
            return
        if self.blank is not None:
            if "dt" in tags and text.strip():
                self.blank.append(text.strip())
            return
        if self.caption is not None and "caption" in tags:
            self.caption += text
            return
        bold = bool(tags & {"strong", "b", "th"}) or bool(names & _STRONG)
        italic = bool(tags & {"em", "i"}) or bool(names & _QUIET)
        colour = "source" if "source" in names or "cut" in names else "quiet" if names & _QUIET else None
        if self.cell is not None:
            self.cell.append((text, bold, italic, colour))
            return
        if self.paragraph is None:
            if not text.strip():
                return
            self.begin("p", names)
        if not self.paragraph.runs or self.paragraph.text == "":
            text = text.lstrip()
        if not text:
            return
        if self.href and self.href.startswith(("http://", "https://")):
            _hyperlink(self.paragraph, text, self.href)
            return
        run = self.paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if colour is not None:
            run.font.color.rgb = self.shared.RGBColor(*(_SOURCE if colour == "source" else _GREY))

    # -- tables and definition lists --------------------------------------------------------------

    def flush_table(self) -> None:
        rows = [row for row in (self.table or []) if row]
        self.table = None
        if not rows:
            return
        if self.caption and self.caption.strip():
            self.doc.add_paragraph(self.caption.strip(), style="Caption")
        width = max(len(row) for row in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        table.autofit = False
        widths = [self.shared.Cm(cm) for cm in _column_widths(rows, width)]
        # each row's cells fetched once: python-docx's table.cell(r, c) walks the whole table every time
        for row_object, row in zip(table.rows, rows, strict=True):
            cells = row_object.cells
            for cell, size in zip(cells, widths, strict=True):
                cell.width = size
            for cell, (tag, runs) in zip(cells, row, strict=False):
                paragraph = cell.paragraphs[0]
                first = True
                for text, bold, italic, _colour in runs:
                    value = text.lstrip() if first else text
                    first = False
                    if value:
                        run = paragraph.add_run(value)
                        run.bold = bold or tag == "th" or None
                        run.italic = italic or None
            if row and all(tag == "th" for tag, _ in row):
                _repeat_header(row_object)
        self.caption = None

    def flush_definitions(self, names: frozenset[str]) -> None:
        if "memo" in names and self.memo is not None:
            for term, value in self.memo:
                paragraph = self.doc.add_paragraph()
                paragraph.add_run(f"{term} ").bold = True
                paragraph.add_run(value)
                paragraph.paragraph_format.space_after = self.shared.Pt(0)
            self.doc.add_paragraph()
            self.memo = None
        elif "blank" in names and self.blank is not None:
            table = self.doc.add_table(rows=len(self.blank), cols=2)
            table.style = "Table Grid"
            table.autofit = False
            for r, term in enumerate(self.blank):
                table.cell(r, 0).paragraphs[0].add_run(term).bold = True
                table.cell(r, 0).width = self.shared.Cm(4)
                table.cell(r, 1).width = self.shared.Cm(12.6)
                # room to write: a line for each field, several for the narrative
                table.rows[r].height = self.shared.Cm(4 if r == len(self.blank) - 1 else 0.9)
            self.doc.add_paragraph()
            self.blank = None


_TEXT_WIDTH_CM = 16.6


def _column_widths(rows: list[list[tuple[str, list[tuple[str, bool, bool, str | None]]]]], width: int) -> list[float]:
    """The page's width shared among a table's columns by how much text each holds (at least 2 cm each), in cm."""
    lengths = [4] * width
    for row in rows:
        for c, (_tag, runs) in enumerate(row):
            lengths[c] = max(lengths[c], min(len("".join(text for text, *_ in runs).strip()), 60))
    total = sum(lengths)
    widths = [max(2.0, _TEXT_WIDTH_CM * n / total) for n in lengths]
    scale = _TEXT_WIDTH_CM / sum(widths)
    return [cm * scale for cm in widths]


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row, repeated at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A real hyperlink run (python-docx has no API for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ident = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), ident)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D4F91")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour)
    properties.append(underline)
    run.append(properties)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_docx(html: str, *, title: str | None = None, author: str | None = None) -> bytes:
    """A Word document (its bytes) made from the HTML of a rendering: headings, paragraphs, lists,
    tables, the memo header and blank fields to fill in (see the module documentation).

    Characters a Word document cannot hold (controls other than tabs and line breaks) become U+FFFD.
    """
    docx = _docx()
    document = docx.Document()
    section = document.sections[0]
    section.page_height = docx.shared.Mm(297)
    section.page_width = docx.shared.Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, docx.shared.Cm(2.2))
    builder = _Builder(document)
    builder.feed(_XML_UNSAFE.sub("\ufffd", html))
    builder.close()
    properties = document.core_properties
    if title:
        properties.title = _XML_UNSAFE.sub("\ufffd", title)[:255]
    properties.author = author or "supercomplaint"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now
    properties.last_modified_by = "supercomplaint"
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def board_paper_docx(
    case: m.CaseRecord,
    as_of: dt.date | PartialDate | None = None,
    *,
    responder: str,
    registry: Registry | None = None,
) -> bytes:
    """The board paper for ``responder`` (:func:`supercomplaint.render_board_paper`) as a Word document.

    Raises what :func:`~supercomplaint.render_board_paper` raises (:class:`~supercomplaint.RenderError` for
    a body the case neither obliges nor holds a response from), and :class:`DocxError` without python-docx.
    """
    from .rendering import render_board_paper

    html = render_board_paper(case, responder=responder, to="html", as_of=as_of, registry=registry)
    report = case.report
    return html_to_docx(html, title=report.title if report else case.complaint.title, author=None)


def tracker_docx(case: m.CaseRecord, as_of: dt.date | PartialDate, *, registry: Registry | None = None) -> bytes:
    """The tracker (:func:`supercomplaint.render_tracker`) as a Word document."""
    from .rendering import render_tracker

    html = render_tracker(case, as_of=as_of, to="html", registry=registry)
    report = case.report
    title = f"Tracker: {report.title if report else case.complaint.title}"
    return html_to_docx(html, title=title)


def render_docx(
    case: m.CaseRecord,
    as_of: dt.date | PartialDate | None = None,
    *,
    view: str,
    responder: str | None = None,
    registry: Registry | None = None,
) -> bytes:
    """``view`` ("tracker" or "board-paper") as a Word document, as :func:`supercomplaint.render` renders
    it in Markdown or HTML; raises what that raises for a bad view or a missing responder."""
    from .rendering import RenderError

    if view == "tracker":
        return tracker_docx(case, as_of=as_of or dt.date.today(), registry=registry)
    if view == "board-paper":
        if responder is None:
            raise RenderError("a board paper is for one responder: name it")
        return board_paper_docx(case, responder=responder, as_of=as_of, registry=registry)
    raise RenderError(f"unknown view {view!r}; use one of: tracker, board-paper")


def write_docx(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write a Word document's bytes to ``path`` whole or not at all (:func:`supercomplaint.io.atomic_write`);
    raises :class:`~supercomplaint.WriteError` when it cannot be written."""
    from .io import atomic_write

    atomic_write(path, data)
