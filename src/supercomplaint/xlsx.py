"""Spreadsheets: a case as a workbook, the workbook back into the case, and action plans into responses.

Three things, each a function of this module (needs ``openpyxl``: ``pip install 'supercomplaint[xlsx]'``;
``import supercomplaint`` never imports it):

* :func:`case_workbook` (and :func:`export_case`, which writes it to a file whole or not at all): a case
  record as an ``.xlsx`` workbook for people: the items with their parts, labels, addressees and deadlines
  as written and resolved; the monitoring routes; the responses item by item; the obligations as of a date,
  with their reply and delivery states side by side; the assessments and follow-up letters. Each sheet has
  a frozen, filtered header row, dates as date cells, coloured states and columns wide enough to read.
* :func:`read_case_workbook`: the record back from such a workbook, unchanged. Besides the sheets for
  people, the workbook holds the record itself in hidden sheets whose names begin with ``_``, in the
  manner of flatten-tool: one row per object, the object's JSON path in the first column (``path``),
  one column per field, ``/`` between the keys of nested objects (``deadline/asWritten``), lists of ids or
  texts one element to a line (JSON when an element holds a line break), extension data as JSON. A person
  can unhide and edit those sheets; every problem found reading them is placed at its cell.
* :func:`import_tracker`: a force's action plan or a collator's tracker (``.xlsx`` or ``.csv``) as
  response documents, through a :class:`TrackerMapping` written once for a layout (:func:`load_mapping`
  reads one from TOML). Labels are recognised as people write them ("7", "7.1", "Recommendation 7",
  "Rec 7"), dates as date cells or as text ("27/03/25", "27 March 2025", "March 2026", "March 26"), and
  real exports' mess is cleaned (``_x000D_``, non-breaking spaces, double-encoded UTF-8 such as "â€™",
  merged cells, blank rows). Nothing is guessed silently: every problem is placed at its sheet and cell,
  with the column's heading (``'Action plan'!E12 (Initial action plan response)``).

Every problem is a :class:`~supercomplaint.Problem` whose ``path`` is such a cell reference (a string), in
a :class:`WorkbookError`. Text is never read as a formula: every text cell is written as text, and one
that a spreadsheet could take for a formula (the rule of the command line's CSV output) is also marked
with the spreadsheet's own "quote prefix", so that editing it keeps it text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import tomllib
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from . import model as m
from .partialdate import PartialDate, as_of_day
from .problems import LoadError, Problem, Severity

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from .registry import Registry
    from .tracker import Obligation

__all__ = [
    "MAX_CELL_TEXT",
    "RECORD_PREFIX",
    "STATE_COLOURS",
    "VIEW_SHEETS",
    "ImportResult",
    "ResponseColumns",
    "TrackerMapping",
    "WorkbookError",
    "case_workbook",
    "cell_ref",
    "clean_text",
    "escape_cell_text",
    "export_case",
    "import_tracker",
    "load_mapping",
    "looks_like_formula",
    "parse_date_text",
    "read_case_workbook",
    "unescape_cell_text",
]

MAX_CELL_TEXT = 32767
"""The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's too)."""

RECORD_PREFIX = "_"
"""The first character of the names of the hidden sheets that hold the record."""

VIEW_SHEETS = ("About", "Items", "Monitoring", "Responses", "Obligations", "Assessments", "Follow-ups")
"""The sheets for people, in order; the record's hidden sheets follow them."""


class WorkbookError(LoadError):
    """A workbook, a CSV file or a mapping could not be read, or a case could not be written as a workbook.

    ``problems`` holds every problem found (errors, and the warnings and notes found with them); each
    ``path`` is where the problem is, in the reader's terms: ``'Action plan'!E12 (Initial action plan
    response)`` for a cell, ``kent.toml: responses[0].text`` for a mapping's key, ``$.report.summary``
    for a value of a record being written. A file that cannot be read at all has the code
    ``file-unreadable``.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        super().__init__(problems, source)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


# --------------------------------------------------------------------------------------------------
# Cells: references, text escaping, formulas
# --------------------------------------------------------------------------------------------------


def _column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (openpyxl's get_column_letter, without importing openpyxl)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _sheet_ref(sheet: str) -> str:
    """A sheet's name as a cell reference writes it: quoted when it holds anything but letters and digits."""
    if _PLAIN_SHEET.fullmatch(sheet) and not re.fullmatch(r"[A-Za-z]{1,3}\d+", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def cell_ref(sheet: str, row: int, column: int | None = None, heading: str | None = None) -> str:
    """Where a cell is, as a person finds it: ``Actions!E12 (Initial action plan response)``.

    ``column`` is 1-based (``None`` for the whole row: ``Actions!12:12``). The sheet's name is quoted as a
    spreadsheet quotes it when it holds a space or punctuation.

    >>> cell_ref("Actions", 12, 5, "Initial action plan response")
    'Actions!E12 (Initial action plan response)'
    >>> cell_ref("Action plan", 4)
    "'Action plan'!4:4"
    """
    where = f"{_column_letter(column)}{row}" if column is not None else f"{row}:{row}"
    text = f"{_sheet_ref(sheet)}!{where}"
    return f"{text} ({_one_line(heading)})" if heading else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Characters XML 1.0 cannot hold, and the carriage return (which XML readers turn into a line feed).
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
_ESCAPE_UNDERSCORE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")  # each "_" that would start an escape


def _escape(text: str) -> str:
    """Text as an OOXML cell holds it (ST_Xstring): characters XML cannot hold as ``_xHHHH_``, and a
    literal ``_xHHHH_`` protected as ``_x005F_xHHHH_``; :func:`_unescape` undoes it exactly."""
    if "_x" in text:
        text = _ESCAPE_UNDERSCORE.sub("_x005F_", text)
    return _XML_UNSAFE.sub(lambda found: f"_x{ord(found.group()):04X}_", text)


def _unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes, as Excel does when it reads a cell (``_x000D_`` is a carriage return)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Spaces, controls and characters that show as nothing: a spreadsheet may skip them before a formula.
_INVISIBLE_START = re.compile(
    "[\\s\x00-\x1f\x7f-\xa0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]*"
)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: the rule of the command line's CSV output
    (``csv_cell``): it begins with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms), also after
    spaces, control or invisible characters, or it begins with a tab, a carriage return or a line feed.

    >>> looks_like_formula('=HYPERLINK("http://x", "y")'), looks_like_formula("\\u200b +1"), looks_like_formula("7.1")
    (True, True, False)
    """
    if not text:
        return False
    if text[0] in "\t\r\n":
        return True
    found = _INVISIBLE_START.match(text)
    rest = text[found.end() :] if found else text
    return rest[:1] in _FORMULA_START


# --------------------------------------------------------------------------------------------------
# Styles: colours with WCAG AA contrast
# --------------------------------------------------------------------------------------------------

STATE_COLOURS: Mapping[str, tuple[str, str]] = {
    # reply states
    "overdue": ("7A1712", "FAD7D4"),
    "due-soon": ("5C3B00", "FFE9B3"),
    "not-yet-due": ("0B3C6F", "DCEBFA"),
    "met": ("0E4D1E", "D5F0DC"),
    "met-late": ("0E4D1E", "EAF6E1"),
    "met-date-unknown": ("0E4D1E", "EEF3E6"),
    "closed": ("333333", "E6E6E6"),
    "not-applicable": ("333333", "F2F2F2"),
    # delivery flags and states
    "at-risk": ("5C3B00", "FFE9B3"),
    "lapsed": ("7A1712", "FAD7D4"),
    "completed": ("0E4D1E", "D5F0DC"),
    "complete": ("0E4D1E", "D5F0DC"),
    "closed-not-implemented": ("333333", "E6E6E6"),
    "superseded": ("333333", "E6E6E6"),
    "in-progress": ("0B3C6F", "DCEBFA"),
    "being-progressed": ("0B3C6F", "DCEBFA"),
    "planned": ("0B3C6F", "EEF4FB"),
    "awaiting-review": ("5C3B00", "FFF3D6"),
    "not-started": ("5C3B00", "FFF3D6"),
}
"""The text and fill colours (RGB hex) of each reply state, delivery state and delivery flag in a
workbook; every pair has a contrast ratio of at least 4.5 (WCAG 2.1 AA for normal text)."""

_HEADER_COLOURS = ("FFFFFF", "1F3864")  # white on dark blue: 12.6:1
_WRAP_AT = 40  # characters: wider text wraps within its cell
_TEXT_WIDTH = 56  # the width of the columns that hold a whole text
_DATE_FORMAT = "d mmm yyyy"
_RECORD_DATE_FORMAT = "yyyy-mm-dd"


# --------------------------------------------------------------------------------------------------
# Writing sheets
# --------------------------------------------------------------------------------------------------

CellValue = str | int | float | bool | dt.date | None


@attrs.frozen
class _Column:
    heading: str
    wrap: bool = False
    state: bool = False  # coloured by STATE_COLOURS
    width: int | None = None


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - the extra is installed wherever this module is tested
        raise WorkbookError(
            [Problem(code="needs-openpyxl", message="spreadsheets need openpyxl: pip install 'supercomplaint[xlsx]'")]
        ) from None
    return openpyxl


def _put(ws: Worksheet, row: int, column: int, value: CellValue, *, record: bool = False) -> None:
    """Write one value: text as text (escaped, never a formula), dates as date cells, numbers as numbers."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, str):
        cell.value = _escape(value)
        cell.data_type = "s"  # openpyxl takes a leading "=" for a formula; this is text
        if looks_like_formula(value):
            cell.quotePrefix = True
        return
    if isinstance(value, bool):
        cell.value = value
        return
    if isinstance(value, dt.datetime):  # pragma: no cover - never written
        value = value.date()
    if isinstance(value, dt.date):
        cell.value = value
        cell.number_format = _RECORD_DATE_FORMAT if record else _DATE_FORMAT
        return
    cell.value = value


def _width(value: CellValue, wrap: bool) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 11
    text = value if isinstance(value, str) else str(value)
    longest = max((len(line) for line in text.splitlines()), default=0)
    return min(longest, _WRAP_AT) if wrap else longest


def _write_table(
    ws: Worksheet,
    columns: Sequence[_Column],
    rows: Iterable[Sequence[CellValue]],
    *,
    record: bool = False,
    freeze_columns: int = 0,
) -> None:
    """A table with a frozen, filtered header row, coloured states, columns that fit their text and rows
    tall enough for their wrapped text."""
    styles = _openpyxl().styles
    header_font = styles.Font(bold=True, color=_HEADER_COLOURS[0])
    header_fill = styles.PatternFill("solid", fgColor=_HEADER_COLOURS[1])
    top = styles.Alignment(vertical="top", wrap_text=False)
    wrapped = styles.Alignment(vertical="top", wrap_text=True)
    table: list[list[CellValue]] = [[c.heading for c in columns], *(list(values) for values in rows)]
    widths = []
    for index, column in enumerate(columns):
        fits = max(_width(values[index], column.wrap) for values in table)
        # a tenth more than the characters: spreadsheets measure widths in digits, and fonts differ
        widths.append(column.width or math.ceil(min(max(fits, 4), _WRAP_AT) * 1.1) + 2)
        ws.column_dimensions[_column_letter(index + 1)].width = widths[-1]
    fills: dict[str, Any] = {}
    fonts: dict[str, Any] = {}
    for number, values in enumerate(table, start=1):
        lines = 1
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            _put(ws, number, index, value, record=record)
            cell = ws.cell(row=number, column=index)
            text = value if isinstance(value, str) else None
            wrap = column.wrap or number == 1 or bool(text and "\n" in text)
            cell.alignment = wrapped if wrap else top
            if text and wrap:
                lines = max(lines, _line_count(text, widths[index - 1]))
            if number == 1:
                cell.font = header_font
                cell.fill = header_fill
            elif column.state and text:
                key = _state_key(text)
                if key in STATE_COLOURS:
                    fg, bg = STATE_COLOURS[key]
                    fonts.setdefault(key, styles.Font(color=fg, bold=key in ("overdue", "lapsed")))
                    fills.setdefault(key, styles.PatternFill("solid", fgColor=bg))
                    cell.font = fonts[key]
                    cell.fill = fills[key]
        if lines > 1 and not record:
            ws.row_dimensions[number].height = min(409, 15 * lines + 2)
    ws.freeze_panes = f"{_column_letter(freeze_columns + 1)}2"
    ws.auto_filter.ref = f"A1:{_column_letter(len(columns))}{len(table)}"


def _state_key(text: str) -> str:
    """The colour key of a state as a cell shows it: "met, date unknown" and "at risk; lapsed" -> "met-date-unknown",
    "at-risk"."""
    first = text.split(";")[0].strip().lower().replace(",", "")
    return "-".join(first.split())


def _line_count(text: str, width: int) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide (a reader's estimate)."""
    usable = max(width - 2, 1)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))


# --------------------------------------------------------------------------------------------------
# The sheets for people
# --------------------------------------------------------------------------------------------------


def _words(value: object) -> str:
    return str(value).replace("-", " ")


def _day(value: PartialDate | None) -> CellValue:
    """A date known to the day as a date cell; a month or a year as text ("March 2022"), never a guessed day."""
    if value is None:
        return None
    day = value.as_date()
    if day is not None and day.year >= 1900:
        return day
    from .deadlines import format_date

    return format_date(value)


def _lines(values: Iterable[str]) -> str | None:
    found = [v for v in values if v]
    return "\n".join(found) if found else None


class _Views:
    """The rows of the sheets for people, made from the public model, the tracker and the register."""

    def __init__(self, case: m.CaseRecord, as_of: dt.date, registry: Registry) -> None:
        self.case = case
        self.as_of = as_of
        self.registry = registry
        self.labels: dict[str, str] = {}
        report = case.report
        if report is not None:
            for action in report.actions:
                self.labels[action.id] = f"Action {action.label}" if action.label else "an unnumbered action"
            for rec in report.recommendations:
                self.labels[rec.id] = f"Recommendation {rec.label}" if rec.label else "an unnumbered recommendation"
            for route in report.monitoring:
                self.labels[route.id] = f"Monitoring {route.label}" if route.label else "a monitoring obligation"
            items: list[m.Action | m.Recommendation] = [*report.actions, *report.recommendations]
            for item in items:
                self._part_labels(item.parts, self.labels[item.id])
        for letter in case.follow_ups:
            self.labels[letter.id] = letter.title or f"the letter of {_text_date(letter.date)}"
        self.responses = {r.id: r for r in case.responses}

    def _part_labels(self, parts: Iterable[m.Part], parent: str) -> None:
        for part in parts:
            self.labels[part.id] = f"{parent} {part.label}" if part.label else f"{parent} (a part)"
            self._part_labels(part.parts, self.labels[part.id])

    def name(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        from .registry import RegistryError

        try:
            return self.registry.name(ref)
        except RegistryError:
            return ref

    def names(self, refs: Iterable[str]) -> str | None:
        return _lines(n for ref in refs if (n := self.name(ref)))

    def label(self, ref: str) -> str:
        return self.labels.get(ref, "an item not in this record")

    def resolve(self, deadline: m.Deadline, issued: PartialDate | None = None) -> tuple[CellValue, str]:
        from .deadlines import resolve

        found = resolve(deadline, self.case, registry=self.registry, issued=issued)
        due: CellValue = found.due if found.due is not None and found.due.year >= 1900 else None
        return due, found.explanation

    # -- Items -----------------------------------------------------------------------------------

    ITEMS = (
        _Column("Kind"),
        _Column("Label"),
        _Column("Part"),
        _Column("Also known as", wrap=True),
        _Column("Title", wrap=True),
        _Column("Text", wrap=True, width=_TEXT_WIDTH),
        _Column("Text as held", wrap=True),
        _Column("For", wrap=True),
        _Column("Deadline as written", wrap=True),
        _Column("Due"),
        _Column("How the due date is worked out", wrap=True),
        _Column("Not given by the source", wrap=True),
    )

    def items(self) -> Iterator[Sequence[CellValue]]:
        report = self.case.report
        if report is None:
            return
        items: list[m.Action | m.Recommendation] = [*report.actions, *report.recommendations]
        for item in items:
            kind = "Action" if isinstance(item, m.Action) else "Recommendation"
            party = self.name(item.owner) if isinstance(item, m.Action) else self.names(item.addressees)
            due, how = self.resolve(item.deadline)
            also = _lines(
                (
                    *item.alternate_labels,
                    *(f"{r.label} ({self.name(r.by)})" for r in item.renderings if r.label and r.by),
                )
            )
            yield (
                kind,
                item.label,
                None,
                also,
                item.title,
                item.text,
                _fidelity(item.provenance),
                party,
                item.deadline.as_written,
                due,
                how,
                _lines(_words(d) for d in item.not_captured),
            )
            yield from self._part_rows(kind, item.label, item.parts, item.provenance, ())

    def _part_rows(
        self,
        kind: str,
        label: str | None,
        parts: Iterable[m.Part],
        inherited: m.Provenance | None,
        within: tuple[str, ...],
    ) -> Iterator[Sequence[CellValue]]:
        for index, part in enumerate(parts, start=1):
            here = (*within, part.label or f"({index})")
            provenance = part.provenance or inherited
            yield (
                f"{kind} part",
                label,
                " ".join(here),
                None,
                None,
                part.text,
                _fidelity(provenance),
                None,
                None,
                None,
                None,
                None,
            )
            yield from self._part_rows(kind, label, part.parts, provenance, here)

    # -- Monitoring ------------------------------------------------------------------------------

    MONITORING = (
        _Column("Label"),
        _Column("Who reports", wrap=True),
        _Column("For", wrap=True),
        _Column("Reports to", wrap=True),
        _Column("On", wrap=True),
        _Column("Text", wrap=True, width=_TEXT_WIDTH),
        _Column("Deadline as written", wrap=True),
        _Column("Due"),
        _Column("How the due date is worked out", wrap=True),
    )

    def monitoring(self) -> Iterator[Sequence[CellValue]]:
        report = self.case.report
        if report is None:
            return
        for route in report.monitoring:
            due, how = self.resolve(route.deadline)
            yield (
                route.label,
                self.name(route.reporter),
                self.name(route.on_behalf_of),
                self.names((route.recipient, *route.other_recipients)),
                _lines(self.label(ref) for ref in route.items),
                route.text,
                route.deadline.as_written,
                due,
                how,
            )

    # -- Responses -------------------------------------------------------------------------------

    RESPONSES = (
        _Column("Responder", wrap=True),
        _Column("Jointly with", wrap=True),
        _Column("For", wrap=True),
        _Column("Document", wrap=True),
        _Column("Occasion", wrap=True),
        _Column("Sent"),
        _Column("Published"),
        _Column("On"),
        _Column("Parts"),
        _Column("Position", state=True),
        _Column("Progress", state=True),
        _Column("Planned completion"),
        _Column("Planned completion as written", wrap=True),
        _Column("What it says", wrap=True, width=_TEXT_WIDTH),
        _Column("Alternative proposed", wrap=True),
        _Column("Conditions", wrap=True),
        _Column("Members' outcomes", wrap=True),
    )

    def response_rows(self) -> Iterator[Sequence[CellValue]]:
        from .compiling import response_order

        for response in sorted(self.case.responses, key=response_order):
            head: tuple[CellValue, ...] = (
                self.name(response.responder),
                self.names(response.joint_responders),
                self.name(response.on_behalf_of),
                response.title,
                response.occasion,
                _day(response.sent),
                _day(response.published),
            )
            if not response.items:
                yield (*head, None, None, None, None, None, None, None, None, None, None)
            for answer in response.items:
                planned = _day(answer.planned_completion)
                bound = f" ({answer.planned_completion_bound} possible)" if answer.planned_completion_bound else ""
                yield (
                    *head,
                    self.label(answer.item),
                    _lines(self.label(p).rsplit(" ", 1)[-1] for p in answer.parts),
                    _words(answer.position) if answer.position else None,
                    _words(answer.progress) if answer.progress else None,
                    planned,
                    (answer.planned_completion_as_written or "") + bound or None,
                    answer.narrative,
                    answer.alternative,
                    _lines(answer.conditions),
                    _lines(self._outcome(o) for o in answer.member_outcomes),
                )

    def _outcome(self, outcome: m.MemberOutcome) -> str:
        who = self.name(outcome.member) or outcome.member
        if self.registry.is_group(outcome.member):
            who = f"all {who}"
            if outcome.except_members:
                who += f" except {', '.join(self.name(x) or x for x in outcome.except_members)}"
        said = ", ".join(_words(x) for x in (outcome.position, outcome.progress) if x) or "no position stated"
        note = f" (“{outcome.note}”)" if outcome.note else ""
        return f"{who}: {said}{note}"

    # -- Obligations -----------------------------------------------------------------------------

    OBLIGATIONS = (
        _Column("What is owed", wrap=True, width=44),
        _Column("Item"),
        _Column("Body", wrap=True),
        _Column("As a member of", wrap=True),
        _Column("Owed to", wrap=True),
        _Column("Due"),
        _Column("Reply", state=True),
        _Column("Met on"),
        _Column("Met by", wrap=True),
        _Column("Position"),
        _Column("Progress"),
        _Column("Planned completion"),
        _Column("Delivery", state=True),
        _Column("Flags", state=True),
        _Column("Group's position", wrap=True),
        _Column("How the due date is worked out", wrap=True),
    )

    def obligation_rows(self, found: Iterable[Obligation]) -> Iterator[Sequence[CellValue]]:
        for o in found:
            due = o.resolution.due
            flags = [f for f, on in (("closed", o.closed), ("at risk", o.at_risk), ("lapsed", o.lapsed)) if on]
            planned = _day(o.planned_completion)
            if o.planned_completion_bound and planned is not None:
                planned = f"{_text_date(o.planned_completion)} ({o.planned_completion_bound} possible)"
            group = None
            if o.group_answer is not None:
                g = o.group_answer
                said = ", ".join(_words(x) for x in (g.position, g.progress) if x) or "replied"
                group = f"via {g.responder_name}: {said}" + ("" if g.meets else " (does not meet its own)")
            yield (
                o.owed,
                self.label(o.ref) if o.ref in self.labels else o.label,
                o.body_name,
                self.name(o.via),
                self.names((*((o.recipient,) if o.recipient else ()), *o.other_recipients)),
                due if due is not None and due.year >= 1900 else None,
                _REPLY_WORDS.get(str(o.state), _words(o.state)),
                _day(o.met_on),
                _lines(self._met_by(ref) for ref in o.met_by),
                _words(o.position) if o.position else None,
                _words(o.progress) if o.progress else None,
                planned,
                None if str(o.delivery) == "unknown" else _words(o.delivery),
                "; ".join(flags) or None,
                group,
                o.resolution.explanation,
            )

    def _met_by(self, ref: str) -> str:
        response = self.responses.get(ref)
        if response is None:  # pragma: no cover - the tracker names only the case's responses
            return "a response not in this record"
        when = response.sent or response.published
        whose = self.name(response.responder)
        return f"{whose}, {_text_date(when)}" if when else f"{whose}, undated"

    # -- Assessments and follow-ups ---------------------------------------------------------------

    ASSESSMENTS = (
        _Column("Item"),
        _Column("Assessed by", wrap=True),
        _Column("Of", wrap=True),
        _Column("Date"),
        _Column("Status", state=True),
        _Column("RAG"),
        _Column("Comment", wrap=True, width=_TEXT_WIDTH),
    )

    def assessment_rows(self) -> Iterator[Sequence[CellValue]]:
        for a in sorted(self.case.assessments, key=lambda a: (a.date, a.id)):
            yield (
                self.label(a.item),
                self.name(a.assessor),
                self.name(a.subject) if a.subject else "the item as a whole",
                _day(a.date),
                _words(a.status),
                str(a.rag) if a.rag else None,
                a.comment,
            )

    FOLLOW_UPS = (
        _Column("Letter", wrap=True),
        _Column("Sent"),
        _Column("From", wrap=True),
        _Column("To", wrap=True),
        _Column("About", wrap=True),
        _Column("What it asks", wrap=True, width=_TEXT_WIDTH),
        _Column("Reply due"),
        _Column("How the due date is worked out", wrap=True),
        _Column("Signed by", wrap=True),
    )

    def follow_up_rows(self) -> Iterator[Sequence[CellValue]]:
        for letter in self.case.follow_ups:
            due, how = self.resolve(letter.deadline, issued=letter.date)
            yield (
                letter.title,
                _day(letter.date),
                self.names((letter.sender, *letter.joint_senders)),
                self.names(letter.recipients),
                _lines(self.label(ref) for ref in letter.items),
                letter.text,
                due,
                how,
                _lines(f"{s.name} ({s.role})" if s.role else s.name for s in letter.signatories),
            )


_REPLY_WORDS = {"met-date-unknown": "met, date unknown"}


def _text_date(value: PartialDate | dt.date | None) -> str:
    from .deadlines import format_date

    return "" if value is None else format_date(value)


def _fidelity(provenance: m.Provenance | None) -> str | None:
    if provenance is None:
        return None
    words = _words(provenance.fidelity)
    if provenance.note:
        words += f" ({provenance.note})"
    elif provenance.source is not None:
        words += f" (from “{provenance.source.title}”)"
    return words


def _about(ws: Worksheet, case: m.CaseRecord, as_of: dt.date, views: _Views) -> None:
    from ._version import __version__

    styles = _openpyxl().styles
    report = case.report
    rows: list[tuple[str, CellValue]] = [
        ("Complaint", case.complaint.title),
        ("Made by", views.names(case.complaint.complainants)),
        ("Report", report.title if report else "no report yet"),
        ("Published", _day(report.published) if report else None),
        ("Obligations as of", as_of),
        ("Workbook made by", f"supercomplaint {__version__}"),
        (
            "The sheets",
            "Items: each action and recommendation, its parts as rows below it. Monitoring: who reports "
            "progress to whom, by when. Responses: each response's word on each item. Obligations: who owes "
            "what, by when, and where the reply and the delivery stand on the date above. Assessments and "
            "Follow-ups: the monitoring bodies' assessments and their letters.",
        ),
        (
            "The record",
            "These sheets are made from the record and are not read back. The record itself is in the hidden "
            "sheets whose names begin with “_” (one row per object, its place in the record in the first "
            "column): `supercomplaint import` reads them back unchanged. Unhide them to edit the record.",
        ),
        (
            "Dates",
            "Dates known to the day are date cells; a date known only to the month or the year is written "
            "as text (“March 2022”), never as a guessed day.",
        ),
    ]
    bold = styles.Font(bold=True)
    wrapped = styles.Alignment(vertical="top", horizontal="left", wrap_text=True)
    width = 90
    for index, (key, value) in enumerate(rows, start=1):
        _put(ws, index, 1, key)
        _put(ws, index, 2, value)
        ws.cell(row=index, column=1).font = bold
        ws.cell(row=index, column=1).alignment = styles.Alignment(vertical="top")
        ws.cell(row=index, column=2).alignment = wrapped
        if isinstance(value, str) and (lines := _line_count(value, width)) > 1:
            ws.row_dimensions[index].height = 15 * lines + 2
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = width
    _fit_to_page_width(ws)


def _fit_to_page_width(ws: Worksheet) -> None:
    """Print landscape, every column on one page's width, the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# --------------------------------------------------------------------------------------------------
# The record in hidden sheets (flatten and unflatten)
# --------------------------------------------------------------------------------------------------


@cache
def _field_kinds() -> Mapping[str, str]:
    """The kind of value each wire key holds across the model: ``int``, ``bool``, ``date``, ``list``
    (of ids or texts, or of objects), ``object``, ``json`` (extension data) or ``text``."""
    from .converter import camel

    found: dict[str, set[str]] = defaultdict(set)
    for name in m.__all__:
        cls = getattr(m, name)
        if not (isinstance(cls, type) and attrs.has(cls)):
            continue
        hints = typing.get_type_hints(cls, vars(m))
        for field in attrs.fields(cls):
            found[camel(field.name)].add(_kind_of(hints[field.name]))
    kinds: dict[str, str] = {}
    for key, seen in found.items():
        if "list" in seen:
            kinds[key] = "list"
        elif len(seen) == 1:
            kinds[key] = next(iter(seen))
        else:  # pragma: no cover - the model uses each key for one kind of value
            kinds[key] = "text"
    kinds["extensions"] = "json"
    return kinds


def _kind_of(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, __import__("types").UnionType):
        if len(args) == 1:
            return _kind_of(args[0])
        return "object" if all(attrs.has(a) for a in args) else "text"
    if origin is tuple:
        return "list"
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return "json"
    if hint is bool:
        return "bool"
    if hint is int:
        return "int"
    if hint in (PartialDate, dt.date):
        return "date"
    if isinstance(hint, type) and attrs.has(hint):
        return "object"
    return "text"


_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.define
class _Table:
    sheet: str
    columns: list[str] = attrs.field(factory=list)
    rows: list[tuple[str, dict[str, Any]]] = attrs.field(factory=list)


class _Flattener:
    """A JSON document as record tables: one row per object in an array (and one for the root)."""

    def __init__(self) -> None:
        self.tables: dict[tuple[str, ...], _Table] = {}
        self.names: set[str] = set()
        self.problems: list[Problem] = []

    def table(self, keys: tuple[str, ...]) -> _Table:
        found = self.tables.get(keys)
        if found is None:
            base = RECORD_PREFIX + (".".join(keys[-2:]) if keys else "case")
            name = base[:31]
            n = 2
            while name.casefold() in self.names:
                name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
                n += 1
            self.names.add(name.casefold())
            found = self.tables[keys] = _Table(name)
        return found

    def add(self, obj: Mapping[str, Any], path: str, keys: tuple[str, ...]) -> None:
        table = self.table(keys)
        row: dict[str, Any] = {}
        table.rows.append((path, row))
        self._fields(obj, path, keys, (), row, table)

    def _fields(
        self,
        obj: Mapping[str, Any],
        path: str,
        keys: tuple[str, ...],
        within: tuple[str, ...],
        row: dict[str, Any],
        table: _Table,
    ) -> None:
        for key, value in obj.items():
            here = (*within, key)
            column = "/".join(here)
            child = f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"
            if key == "extensions" or not key.isidentifier():
                self._cell(table, row, column, _json(value), child)
            elif isinstance(value, dict) and value:
                self._fields(value, child, keys, here, row, table)
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                nested = (*keys, *here)
                if len(nested) >= 2 and nested[-1] == nested[-2]:  # parts of parts share their table
                    nested = nested[:-1]
                for index, element in enumerate(value):
                    self.add(element, f"{child}[{index}]", nested)
            elif isinstance(value, list):
                self._cell(table, row, column, _list_cell(value), child)
            elif isinstance(value, dict):
                self._cell(table, row, column, "{}", child)
            else:
                self._cell(table, row, column, _scalar_cell(key, value), child)

    def _cell(self, table: _Table, row: dict[str, Any], column: str, value: Any, path: str) -> None:
        if isinstance(value, str) and len(_escape(value)) > MAX_CELL_TEXT:
            self.problems.append(
                Problem(
                    code="cell-too-long",
                    path=path,
                    message=f"{len(value):,} characters: a spreadsheet cell holds at most {MAX_CELL_TEXT:,}",
                )
            )
            return
        if column not in table.columns:
            table.columns.append(column)
        row[column] = value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _list_cell(values: list[Any]) -> str:
    """A list of ids or texts: one to a line when that reads back unchanged, else JSON."""
    if (
        values
        and all(isinstance(v, str) and v and v == v.strip() and not _LINE_BREAKS.search(v) for v in values)
        and not values[0].startswith("[")
    ):
        return "\n".join(values)
    return _json(values)


def _scalar_cell(key: str, value: Any) -> CellValue:
    if isinstance(value, str):
        if _field_kinds().get(key) == "date" and _ISO_DAY.fullmatch(value):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return value
            if day.year >= 1900:
                return day
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if abs(value) <= 2**53 else str(value)
    return _json(value)  # pragma: no cover - the model has no other scalars outside extension data


def _record_sheets(wb: Workbook, doc: Mapping[str, Any]) -> None:
    flat = _Flattener()
    flat.add(doc, "$", ())
    if flat.problems:
        raise WorkbookError(flat.problems)
    for table in flat.tables.values():
        ws = wb.create_sheet(table.sheet)
        columns = [_Column("path"), *(_Column(c) for c in table.columns)]
        rows = ([path, *(row.get(c) for c in table.columns)] for path, row in table.rows)
        _write_table(ws, columns, rows, record=True, freeze_columns=1)
        for index in range(1, len(columns) + 1):  # keep the record sheets narrow
            letter = _column_letter(index)
            ws.column_dimensions[letter].width = min(ws.column_dimensions[letter].width or 10, 40)
        ws.sheet_state = "hidden"


# --------------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------------


def case_workbook(case: m.CaseRecord, as_of: dt.date | PartialDate, *, registry: Registry | None = None) -> bytes:
    """The case as an ``.xlsx`` workbook (its bytes): the sheets for people (:data:`VIEW_SHEETS`), with the
    obligations as of ``as_of``, and the whole record in hidden sheets that :func:`read_case_workbook`
    reads back unchanged.

    ``registry`` is the register the case's references resolve against (default: the shipped one).
    Raises :class:`WorkbookError` (code ``cell-too-long``, at the value's JSON path) when a text is longer
    than a cell holds (:data:`MAX_CELL_TEXT`); :class:`~supercomplaint.UnknownRefError` when the case
    names a body or group the register does not know; :class:`TypeError` for something not a case.

    >>> import datetime as dt, supercomplaint as sc
    >>> from supercomplaint.xlsx import case_workbook, read_case_workbook
    >>> case = sc.load("examples/hestia/case.json")
    >>> read_case_workbook(case_workbook(case, as_of=dt.date(2021, 12, 1))) == case
    True
    """
    from .io import dumps
    from .registry import Registry
    from .tracker import obligations

    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"case_workbook() needs a CaseRecord, not {type(case).__name__}")
    as_of = as_of_day(as_of)
    names = Registry.for_document(case, base=registry)
    found = obligations(case, as_of, registry=names)
    openpyxl = _openpyxl()
    wb = openpyxl.Workbook()
    views = _Views(case, as_of, names)
    about = wb.active
    about.title = "About"
    _about(about, case, as_of, views)
    for title, columns, rows, freeze in (
        ("Items", _Views.ITEMS, views.items(), 3),
        ("Monitoring", _Views.MONITORING, views.monitoring(), 1),
        ("Responses", _Views.RESPONSES, views.response_rows(), 1),
        ("Obligations", _Views.OBLIGATIONS, views.obligation_rows(found), 1),
        ("Assessments", _Views.ASSESSMENTS, views.assessment_rows(), 1),
        ("Follow-ups", _Views.FOLLOW_UPS, views.follow_up_rows(), 1),
    ):
        ws = wb.create_sheet(title)
        _write_table(ws, columns, rows, freeze_columns=freeze)
        _fit_to_page_width(ws)
        ws.print_title_rows = "1:1"
    _record_sheets(wb, json.loads(dumps(case)))
    title = case.report.title if case.report else case.complaint.title
    wb.properties.title = _XML_UNSAFE.sub("\ufffd", title)[:255]  # a property has no escapes
    wb.properties.creator = "supercomplaint"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export_case(
    case: m.CaseRecord, path: str | os.PathLike[str], *, as_of: dt.date | PartialDate, registry: Registry | None = None
) -> None:
    """Write :func:`case_workbook` to ``path``, whole or not at all (:func:`~supercomplaint.io.atomic_write`).

    Raises what :func:`case_workbook` raises, and :class:`~supercomplaint.WriteError` when the file
    cannot be written (the old file, if any, is then as it was).
    """
    from .io import atomic_write

    atomic_write(path, case_workbook(case, as_of=as_of, registry=registry))


# --------------------------------------------------------------------------------------------------
# Reading a workbook
# --------------------------------------------------------------------------------------------------


def _open_workbook(source: str | os.PathLike[str] | bytes) -> tuple[Any, str]:
    """The openpyxl workbook of a file or of bytes, and a name for messages; WorkbookError if unreadable."""
    openpyxl = _openpyxl()
    name = "the workbook" if isinstance(source, bytes | bytearray) else os.fspath(source)
    try:
        data = bytes(source) if isinstance(source, bytes | bytearray) else Path(source).read_bytes()
    except OSError as exc:
        raise WorkbookError(
            [Problem(code="file-unreadable", path=name, message=f"cannot read the file: {exc.strerror or exc}")], name
        ) from None
    import warnings
    import zipfile

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of features it drops (data validation ...)
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True), name
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise WorkbookError(
            [
                Problem(
                    code="file-unreadable",
                    path=name,
                    message=f"not an .xlsx workbook that can be read ({type(exc).__name__}: {exc})"[:300],
                )
            ],
            name,
        ) from None


@attrs.frozen
class _Place:
    sheet: str
    row: int
    column: int
    heading: str

    def ref(self) -> str:
        return cell_ref(self.sheet, self.row, self.column, self.heading)


_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[(\"(?:[^\"\\]|\\.)*\")\]")


def _steps(path: str) -> list[str | int] | None:
    """``$.report.actions[0]`` -> ``["report", "actions", 0]``; None when it is not such a path."""
    if not path.startswith("$"):
        return None
    steps: list[str | int] = []
    at = 1
    while at < len(path):
        found = _PATH_STEP.match(path, at)
        if found is None:
            return None
        name, index, quoted = found.groups()
        if index is not None:
            steps.append(int(index))
        elif quoted is not None:
            steps.append(json.loads(quoted))
        else:
            steps.append(name)
        at = found.end()
    return steps


class _Slots(dict[int, Any]):
    """The objects of an array being rebuilt, by index."""


class _Unflattener:
    def __init__(self) -> None:
        self.root: dict[str, Any] | None = None
        self.places: dict[str, _Place] = {}  # JSON path of a value -> its cell
        self.rows: dict[str, _Place] = {}  # JSON path of an object -> its path cell
        self.columns: dict[tuple[str, str], _Place] = {}  # (sheet, column key) -> header place
        self.problems: list[Problem] = []
        self.pending: list[tuple[list[str | int], str, dict[str, Any], _Place]] = []

    def error(self, place: _Place | str, code: str, message: str) -> None:
        self.problems.append(
            Problem(code=code, message=message, path=place.ref() if isinstance(place, _Place) else place)
        )

    def sheet(self, ws: Worksheet) -> None:
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or header[0] != "path":
            self.error(
                cell_ref(ws.title, 1, 1, None), "record-sheet-invalid", "a record sheet begins with a 'path' column"
            )
            return
        keys: list[str | None] = [_unescape(h) if isinstance(h, str) and h else None for h in header]
        for column, key in enumerate(keys[1:], start=2):
            if key is not None:
                self.columns[(ws.title, key)] = _Place(ws.title, 1, column, key)
        for number, values in enumerate(rows, start=2):
            if all(v is None or v == "" for v in values):
                continue
            path_place = _Place(ws.title, number, 1, "path")
            raw_path = values[0]
            if not isinstance(raw_path, str) or (steps := _steps(_unescape(raw_path))) is None:
                self.error(
                    path_place,
                    "record-path-invalid",
                    f"{raw_path!r} is not a place in the record such as $.report.recommendations[0]",
                )
                continue
            path = _unescape(raw_path)
            if path in self.rows:
                self.error(
                    path_place, "record-path-twice", f"{path} is on two rows (the other at {self.rows[path].ref()})"
                )
                continue
            self.rows[path] = path_place
            obj: dict[str, Any] = {}
            for column, (key, value) in enumerate(zip(keys[1:], values[1:], strict=False), start=2):
                if value is None or value == "":
                    continue
                place = _Place(ws.title, number, column, key or "")
                if key is None:
                    self.error(place, "record-column-unnamed", "a value in a column with no heading")
                    continue
                self._field(obj, path, key, value, place)
            self.pending.append((steps, path, obj, path_place))

    def _field(self, obj: dict[str, Any], path: str, column: str, value: Any, place: _Place) -> None:
        keys = column.split("/")
        target = obj
        for key in keys[:-1]:
            nested = target.setdefault(key, {})
            if not isinstance(nested, dict):
                self.error(place, "record-column-invalid", f"{column!r} goes inside {key!r}, which holds a value")
                return
            target = nested
        key = keys[-1]
        converted = self._value(key, value, place)
        if converted is not _INVALID:
            target[key] = converted
            self.places[path + "".join(f".{k}" if k.isidentifier() else f"[{json.dumps(k)}]" for k in keys)] = place

    def _value(self, key: str, value: Any, place: _Place) -> Any:
        kind = "json" if not key.isidentifier() else _field_kinds().get(key, "text")
        if isinstance(value, dt.datetime):
            value = value.date()
        if kind in ("json", "object"):
            if not isinstance(value, str):
                self.error(place, "record-json-invalid", "expected JSON text here")
                return _INVALID
            try:
                found = json.loads(_unescape(value))
            except ValueError as exc:
                self.error(place, "record-json-invalid", f"not JSON: {exc}")
                return _INVALID
            if kind == "object" and found != {}:
                self.error(place, "record-json-invalid", "an object's fields go in columns of their own; only {} here")
                return _INVALID
            return found
        if kind == "list":
            if isinstance(value, str):
                text = _unescape(value)
                if text.startswith("["):
                    try:
                        return json.loads(text)
                    except ValueError as exc:
                        self.error(
                            place, "record-json-invalid", f"a list starting with '[' is JSON, and this is not: {exc}"
                        )
                        return _INVALID
                return [line.strip() for line in text.split("\n") if line.strip()]
            return [_text_of(value)]
        if kind == "int":
            if isinstance(value, bool):
                self.error(place, "record-number-invalid", "expected a whole number")
                return _INVALID
            if isinstance(value, int):
                return value
            if isinstance(value, float) and value.is_integer():
                return int(value)
            if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
                return int(value)
            self.error(place, "record-number-invalid", f"expected a whole number, not {value!r}")
            return _INVALID
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in ("true", "false"):
                return value.strip().lower() == "true"
            self.error(place, "record-boolean-invalid", f"expected TRUE or FALSE, not {value!r}")
            return _INVALID
        if isinstance(value, str):
            return _unescape(value)
        return _text_of(value)

    def build(self) -> dict[str, Any] | None:
        from .problems import path_key

        self.pending.sort(key=lambda entry: path_key(entry[1]))
        for steps, path, obj, place in self.pending:
            if not steps:
                if self.root is not None:  # pragma: no cover - a path is on one row only
                    continue
                self.root = obj
                continue
            if self.root is None:
                self.error(place, "record-root-missing", "no row holds the record itself (path $)")
                return None
            self._insert(steps, path, obj, place)
        if self.root is None and not self.problems:
            self.problems.append(
                Problem(
                    code="record-missing",
                    path="the workbook",
                    message="no hidden record sheets (named _...): this is not a workbook "
                    "that `supercomplaint export` wrote; to read an action plan, use a mapping",
                )
            )
        return _lists(self.root) if self.root is not None else None

    def _insert(self, steps: list[str | int], path: str, obj: dict[str, Any], place: _Place) -> None:
        target: Any = self.root
        for position, step in enumerate(steps[:-1]):
            following = steps[position + 1]
            if isinstance(step, int):
                if not isinstance(target, _Slots) or step not in target:
                    self.error(place, "record-parent-missing", f"{path} belongs inside an object no row holds")
                    return
                target = target[step]
                continue
            if not isinstance(target, dict):
                self.error(place, "record-parent-missing", f"{path} belongs inside an object no row holds")
                return
            if step not in target:
                target[step] = _Slots() if isinstance(following, int) else {}
            target = target[step]
            if isinstance(following, int) and not isinstance(target, _Slots):
                self.error(place, "record-path-invalid", f"{path}: {step!r} holds a value in another column, not rows")
                return
        last = steps[-1]
        if not isinstance(last, int) or not isinstance(target, _Slots):
            self.error(place, "record-path-invalid", f"{path} is not the place of an object in a list")
            return
        target[last] = obj

    def locate(self, problem: Problem) -> Problem:
        """A validation problem placed at the cell that holds its value (or its row, or its column)."""
        path = problem.path
        place = self.places.get(path)
        if place is None:
            steps = _steps(path) or []
            # the nearest object with a row, and the column the value belongs in
            for cut in range(len(steps), -1, -1):
                prefix = _join(steps[:cut])
                row = self.rows.get(prefix)
                if row is None:
                    continue
                rest = [s for s in steps[cut:] if isinstance(s, str)]
                column = "/".join(rest)
                header = self.columns.get((row.sheet, column)) if column else None
                if header is not None:
                    place = _Place(row.sheet, row.row, header.column, column)
                else:
                    place = row
                    if column:
                        return attrs.evolve(problem, path=place.ref(), message=f"{column}: {problem.message}")
                break
        if place is None:
            return problem
        return attrs.evolve(problem, path=place.ref())


_INVALID: Any = object()


def _text_of(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and not math.isinf(value) else repr(value)
    return str(value)


def _join(steps: Sequence[str | int]) -> str:
    out = "$"
    for step in steps:
        out += (
            f"[{step}]" if isinstance(step, int) else (f".{step}" if step.isidentifier() else f"[{json.dumps(step)}]")
        )
    return out


def _lists(value: Any) -> Any:
    if isinstance(value, _Slots):
        return [_lists(value[k]) for k in sorted(value)]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def read_case_workbook(source: str | os.PathLike[str] | bytes, *, kind: str = "case") -> m.CaseRecord:
    """The case record held in a workbook that :func:`case_workbook` wrote (in its hidden sheets),
    validated as :func:`supercomplaint.validate` validates JSON.

    ``source`` is a file's path or the workbook's bytes. Edits to the hidden record sheets are read;
    the sheets for people are not. Raises :class:`WorkbookError` with every problem, each placed at its
    cell (``_recommendations!F4 (deadline/type)``): ``file-unreadable`` for a file that is not a
    readable workbook, ``record-missing`` for a workbook with no record sheets, and the validation codes
    (``missing-field``, ``wrong-type`` ...) for a record that does not fit the schema.
    """
    from .validation import validate

    wb, name = _open_workbook(source)
    reader = _Unflattener()
    for ws in wb.worksheets:
        if ws.title.startswith(RECORD_PREFIX):
            reader.sheet(ws)
    data = reader.build()
    if reader.problems or data is None:
        raise WorkbookError(reader.problems, name)
    report = validate(data, kind)
    if not report.valid or not isinstance(report.document, m.CaseRecord):
        raise WorkbookError([reader.locate(p) for p in report.problems], name)
    return report.document


# --------------------------------------------------------------------------------------------------
# Cleaning text from real exports
# --------------------------------------------------------------------------------------------------

_MOJIBAKE = re.compile(
    "[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
    "\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_NBSP = re.compile("[\u00a0\u2007\u202f]")
# A run of the characters that UTF-8 bytes become when read as Windows-1252.
_HIGH_RUN = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+"
)


def clean_text(value: str) -> tuple[str, str | None]:
    """Text from a real export, cleaned: ``_x000D_`` and other escapes undone, line ends made ``\\n``,
    non-breaking spaces made spaces, spaces at the ends of lines and the text dropped, runs of blank lines
    made one, and double-encoded UTF-8 ("â€™" for "’") repaired.

    Returns the text and, when it was repaired from double-encoded UTF-8, a sentence saying so (the
    import reports it as a note); ``None`` otherwise.

    >>> clean_text("We will_x000D_\\nreview itâ€™s scope\\u00a0 ")
    ('We will\\nreview it’s scope', 'repaired double-encoded text: “â€™” read as “’”')
    """
    text = _unescape(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    said = None
    bad = _MOJIBAKE.search(text)
    if bad is not None:
        repaired = _undouble(text)
        if repaired is not None and repaired != text:
            run = _HIGH_RUN.match(text, bad.start())
            sample = run.group() if run else bad.group()
            said = f"repaired double-encoded text: “{sample}” read as “{_undouble(sample) or sample}”"
            text = repaired
    text = _NBSP.sub(" ", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, said


def _undouble(text: str) -> str | None:
    """UTF-8 read as Windows-1252 (or Latin-1), read again as UTF-8; None when it is not that."""
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    # characters that cp1252 cannot encode: repair the mis-read runs one by one
    out = []
    pos = 0
    for found in _HIGH_RUN.finditer(text):
        out.append(text[pos : found.start()])
        try:
            out.append(found.group().encode("cp1252").decode("utf-8"))
        except UnicodeError:  # a character that was right all along ("’" beside a mis-read "â€™")
            out.append(found.group())
        pos = found.end()
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Dates as people write them
# --------------------------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(\d{4}|\d{2})"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"), "dmy"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}[\s,-]+{_YEAR}\b", re.I), "dMy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*(\d{{4}})\b", re.I), "Mdy"),
    (re.compile(r"\b(\d{4})-(\d{2})\b"), "ym"),
    (re.compile(rf"\b{_MONTH}[\s'’-]*{_YEAR}\b", re.I), "My"),
    (re.compile(r"\b((?:19|20)\d{2})\b"), "y"),
)
_EARLIEST = re.compile(r"\bearliest\b|\bno earlier than\b|\bnot before\b", re.I)
_LATEST = re.compile(r"\blatest\b|\bno later than\b|\bnot later than\b", re.I)


def parse_date_text(text: str) -> tuple[PartialDate, m.Bound | None]:
    """A date as people write it in a tracker, with whether it is a bound ("at the earliest").

    Day first, as in the UK: "27/03/25" and "27.03.2025" are 27 March 2025; "27 March 2025", "March 27,
    2025" and "2025-03-27" too. "March 2026", "Mar-26", "March 26" and "2026-03" are March 2026 (a
    month-and-two-digit-year reading: a day needs a year with it); "later this year (2022)" is 2022.
    Two-digit years are 20YY. Raises :class:`ValueError` for text with no date, with two different dates,
    or with an impossible one ("31/02/2025").

    >>> parse_date_text("March 26 earliest")
    (PartialDate(year=2026, month=3, day=None), <Bound.EARLIEST: 'earliest'>)
    >>> parse_date_text("27/03/25")
    (PartialDate(year=2025, month=3, day=27), None)
    """
    found: list[PartialDate] = []
    rest = text
    for pattern, form in _DATE_PATTERNS:
        while (match := pattern.search(rest)) is not None:
            found.append(_date_from(match.groups(), form, match.group()))
            rest = rest[: match.start()] + " " + rest[match.end() :]
    distinct = list(dict.fromkeys(found))
    if not distinct:
        raise ValueError(f"no date in {text!r}: write e.g. 27/03/2025, 27 March 2025 or March 2026")
    if len(distinct) > 1:
        raise ValueError(f"{text!r} holds several dates ({', '.join(map(str, distinct))}): give one")
    bound = m.Bound.EARLIEST if _EARLIEST.search(text) else m.Bound.LATEST if _LATEST.search(text) else None
    return distinct[0], bound


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _date_from(groups: Sequence[str], form: str, matched: str) -> PartialDate:
    try:
        if form == "ymd":
            return PartialDate(int(groups[0]), int(groups[1]), int(groups[2]))
        if form == "dmy":
            return PartialDate(_year(groups[2]), int(groups[1]), int(groups[0]))
        if form == "dMy":
            return PartialDate(_year(groups[2]), _MONTHS[groups[1].lower()], int(groups[0]))
        if form == "Mdy":
            return PartialDate(int(groups[2]), _MONTHS[groups[0].lower()], int(groups[1]))
        if form == "ym":
            return PartialDate(int(groups[0]), int(groups[1]))
        if form == "My":
            return PartialDate(_year(groups[1]), _MONTHS[groups[0].lower()])
        return PartialDate(int(groups[0]))
    except ValueError:
        raise ValueError(f"{matched!r} is not a date that exists") from None


# --------------------------------------------------------------------------------------------------
# Mappings
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ResponseColumns:
    """One response document an action plan holds, and the columns that hold what it says.

    A column is named by its heading as written (case, spaces and line breaks ignored), or by its letter
    ("E") when no heading matches.

    Attributes:
        id: the response's id.
        text: the column holding what the response says on each row (its narrative).
        title: the document's title, as written.
        occasion: what the response is ("initial action plan", "March 2026 update").
        sent: when it was sent or dated, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; absent when undated.
        published: when it was published, if known.
        audience: who it is addressed to.
        url: where it is published.
        on_behalf_of: the body or group it answers for, when not the responder alone.
        position: the column holding the position taken on each row.
        progress: the column holding the progress claimed.
        planned_completion: the column holding the planned completion (a date cell or text).
    """

    id: str
    text: str
    title: str | None = None
    occasion: str | None = None
    sent: PartialDate | None = None
    published: PartialDate | None = None
    audience: str | None = None
    url: str | None = None
    on_behalf_of: str | None = None
    position: str | None = None
    progress: str | None = None
    planned_completion: str | None = None


@attrs.frozen(kw_only=True)
class TrackerMapping:
    """How to read one layout of action plan or tracker: written once, used for every file of that layout.

    Attributes:
        responder: the body that wrote the action plan: its id or a name the register knows.
        label: the column holding the item's label ("Rec No").
        responses: the responses the sheet holds, one per column of answers.
        sheet: the sheet to read (default: the first); ignored for a CSV file.
        header_row: the row of column headings (1-based; default 1). Rows above it are skipped.
        part: the column holding the part's label ("Sub recommendation"), if any.
        member: for a collator's tracker, the column naming the member body each row is about: each row
            then becomes that member's outcome in the collated answer.
        fill_down: columns whose blank cells take the value above (for labels written once per group of
            rows); merged cells are always read as their value in every cell they cover.
        positions: the tracker's words for positions, e.g. ``{"Agreed": "accepted"}`` (the library's own
            words, such as "partially accepted", are always understood).
        progress: the tracker's words for progress, e.g. ``{"On track": "in-progress"}``.
        extensions: other columns kept on each answer as extension data, by heading.
        namespace: the extension namespace those columns go under (e.g. ``uk.police.kent``).
        source: where the mapping was read from, for messages.
    """

    responder: str
    label: str
    responses: tuple[ResponseColumns, ...]
    sheet: str | None = None
    header_row: int = 1
    part: str | None = None
    member: str | None = None
    fill_down: tuple[str, ...] = ()
    positions: Mapping[str, str] = attrs.field(factory=dict)
    progress: Mapping[str, str] = attrs.field(factory=dict)
    extensions: tuple[str, ...] = ()
    namespace: str | None = None
    source: str = "the mapping"


_MAPPING_KEYS = {"responder", "sheet", "header_row", "fill_down", "columns", "responses", "values", "extensions"}
_COLUMN_KEYS = {"label", "part", "member"}
_RESPONSE_KEYS = {
    "id",
    "text",
    "title",
    "occasion",
    "sent",
    "published",
    "audience",
    "url",
    "on_behalf_of",
    "position",
    "progress",
    "planned_completion",
}


def load_mapping(source: str | os.PathLike[str] | Mapping[str, Any]) -> TrackerMapping:
    """Read a mapping: a TOML file's path, or the parsed TOML itself (see ``docs/spreadsheets.md``).

    Raises :class:`WorkbookError` listing every problem, each at its key (``kent.toml: responses[0].sent``):
    ``file-unreadable``, ``mapping-invalid`` (not TOML, a key missing, a value of the wrong type, a key
    this format does not have).
    """
    if isinstance(source, Mapping):
        data: Mapping[str, Any] = source
        name = "the mapping"
    else:
        name = os.fspath(source)
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError) as exc:
            message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise WorkbookError(
                [Problem(code="file-unreadable", message=f"cannot read the file: {message}")], name
            ) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise WorkbookError(
                [Problem(code="mapping-invalid", path=name, message=f"not TOML: {exc}")], name
            ) from None
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(code="mapping-invalid", path=f"{name}: {key}", message=message))

    def text_at(table: Mapping[str, Any], key: str, where: str, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                bad(where, "required: " + _MAPPING_HELP.get(key, "give it"))
            return None
        if not isinstance(value, str) or not value.strip():
            bad(where, "must be a text")
            return None
        return value.strip()

    def date_at(table: Mapping[str, Any], key: str, where: str) -> PartialDate | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return PartialDate.from_date(value)
        if isinstance(value, str):
            try:
                return PartialDate.parse(value.strip())
            except ValueError:
                pass
        bad(where, 'must be a date: YYYY-MM-DD, or "YYYY-MM" or "YYYY" in quotes')
        return None

    for key in data:
        if key not in _MAPPING_KEYS:
            bad(key, f"not a key of a mapping; the keys are: {', '.join(sorted(_MAPPING_KEYS))}")
    columns = data.get("columns", {})
    if not isinstance(columns, Mapping):
        bad("columns", "must be a table: [columns]")
        columns = {}
    for key in columns:
        if key not in _COLUMN_KEYS:
            bad(f"columns.{key}", f"not a column a mapping names; they are: {', '.join(sorted(_COLUMN_KEYS))}")
    header_row = data.get("header_row", 1)
    if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
        bad("header_row", "must be a row number, 1 or more")
        header_row = 1
    fill_down = data.get("fill_down", [])
    if not isinstance(fill_down, list) or not all(isinstance(x, str) and x in _COLUMN_KEYS for x in fill_down):
        bad("fill_down", f"must be a list of column names among: {', '.join(sorted(_COLUMN_KEYS))}")
        fill_down = []
    responses: list[ResponseColumns] = []
    entries = data.get("responses")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, Mapping) for e in entries):
        bad("responses", "required: one [[responses]] table per response the sheet holds")
        entries = []
    for index, entry in enumerate(entries):
        where = f"responses[{index}]"
        for key in entry:
            if key not in _RESPONSE_KEYS:
                bad(f"{where}.{key}", f"not a key of a response; they are: {', '.join(sorted(_RESPONSE_KEYS))}")
        ident = text_at(entry, "id", f"{where}.id", required=True)
        answers = text_at(entry, "text", f"{where}.text", required=True)
        fields = {
            k: text_at(entry, k, f"{where}.{k}")
            for k in (
                "title",
                "occasion",
                "audience",
                "url",
                "on_behalf_of",
                "position",
                "progress",
                "planned_completion",
            )
        }
        sent = date_at(entry, "sent", f"{where}.sent")
        published = date_at(entry, "published", f"{where}.published")
        if ident and answers:
            responses.append(ResponseColumns(id=ident, text=answers, sent=sent, published=published, **fields))
    values = data.get("values", {})
    words: dict[str, dict[str, str]] = {"position": {}, "progress": {}}
    if not isinstance(values, Mapping):
        bad("values", "must be a table: [values.position] and [values.progress]")
        values = {}
    for key, table in values.items():
        enums: dict[str, type[m.Position] | type[m.Progress]] = {"position": m.Position, "progress": m.Progress}
        enum = enums.get(key)
        if enum is None or not isinstance(table, Mapping):
            bad(f"values.{key}", "only [values.position] and [values.progress] tables")
            continue
        allowed = {e.value for e in enum}
        for word, meaning in table.items():
            if meaning not in allowed:
                bad(f"values.{key}.{word}", f"{meaning!r} is not a {key}; use one of: {', '.join(sorted(allowed))}")
            else:
                words[key][_norm(word)] = meaning
    extra = data.get("extensions", {})
    namespace = None
    kept: list[str] = []
    if not isinstance(extra, Mapping):
        bad("extensions", "must be a table with 'namespace' and 'columns'")
    elif extra:
        namespace = text_at(extra, "namespace", "extensions.namespace", required=True)
        listed = extra.get("columns")
        if not isinstance(listed, list) or not listed or not all(isinstance(c, str) and c.strip() for c in listed):
            bad("extensions.columns", "must be a list of column headings")
        else:
            kept = [c.strip() for c in listed]
        if namespace and not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9_-]+)+", namespace):
            bad("extensions.namespace", "must be a dotted namespace you control, e.g. 'uk.police.kent'")
    responder = text_at(data, "responder", "responder", required=True)
    label = text_at(columns, "label", "columns.label", required=True)
    if problems or responder is None or label is None:
        raise WorkbookError(problems, name)
    return TrackerMapping(
        responder=responder,
        label=label,
        responses=tuple(responses),
        sheet=text_at(data, "sheet", "sheet"),
        header_row=header_row,
        part=text_at(columns, "part", "columns.part"),
        member=text_at(columns, "member", "columns.member"),
        fill_down=tuple(fill_down),
        positions=words["position"],
        progress=words["progress"],
        extensions=tuple(kept),
        namespace=namespace,
        source=name,
    )


_MAPPING_HELP = {
    "responder": "the body that wrote the action plan (its id, or a name the register knows)",
    "label": "the heading of the column holding each row's item label ('Rec No')",
    "id": "the id of the response document to make",
    "text": "the heading of the column holding what the response says",
    "namespace": "a dotted namespace you control, e.g. 'uk.police.kent'",
}


def _norm(text: str) -> str:
    """Words compared as people mean them: case, hyphens, underscores and spacing ignored."""
    return " ".join(re.sub(r"[-_]", " ", text).casefold().split()).strip(" .:;")


# --------------------------------------------------------------------------------------------------
# Importing a tracker
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ImportResult:
    """What :func:`import_tracker` made.

    Attributes:
        documents: one response document per response the mapping names, in the mapping's order.
        problems: the warnings and notes found (errors raise :class:`WorkbookError` instead), each at its
            cell: text repaired from double-encoded UTF-8, rows combined into one answer ...
    """

    documents: tuple[m.ResponseDocument, ...]
    problems: tuple[Problem, ...] = ()


@attrs.frozen
class _Grid:
    """A sheet's cells as values (merged cells filled in), 1-based, with its name."""

    name: str
    cells: dict[tuple[int, int], Any]
    rows: int
    columns: int

    def get(self, row: int, column: int) -> Any:
        return self.cells.get((row, column))


def _grid_from_workbook(source: str | os.PathLike[str] | bytes, sheet: str | None) -> _Grid:
    wb, name = _open_workbook(source)
    if sheet is None:
        ws = wb.worksheets[0]
    else:
        matches = [w for w in wb.worksheets if _norm(w.title) == _norm(sheet)]
        if not matches:
            raise WorkbookError(
                [
                    Problem(
                        code="sheet-missing",
                        path=name,
                        message=f"no sheet called {sheet!r}; the sheets are: {', '.join(wb.sheetnames)}",
                    )
                ],
                name,
            )
        ws = matches[0]
    cells: dict[tuple[int, int], Any] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.value != "":
                cells[(cell.row, cell.column)] = cell.value
    for merged in ws.merged_cells.ranges:
        value = cells.get((merged.min_row, merged.min_col))
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if value is not None:
                    cells[(r, c)] = value
    return _Grid(ws.title, cells, ws.max_row, ws.max_column)


def _grid_from_csv(source: str | os.PathLike[str] | bytes) -> tuple[_Grid, list[Problem]]:
    name = "the CSV file" if isinstance(source, bytes | bytearray) else os.fspath(source)
    try:
        data = bytes(source) if isinstance(source, bytes | bytearray) else Path(source).read_bytes()
    except OSError as exc:
        raise WorkbookError(
            [Problem(code="file-unreadable", path=name, message=f"cannot read the file: {exc.strerror or exc}")], name
        ) from None
    notes: list[Problem] = []
    sheet = Path(name).name if not isinstance(source, bytes | bytearray) else "csv"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append(
            Problem(code="csv-not-utf8", severity=Severity.NOTE, path=sheet, message="not UTF-8: read as Windows-1252")
        )
    cells: dict[tuple[int, int], Any] = {}
    rows = 0
    columns = 0
    for rows, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        for column, value in enumerate(record, start=1):
            if value.strip():
                cells[(rows, column)] = value
                columns = max(columns, column)
    return _Grid(sheet, cells, rows, columns), notes


_LABEL_PREFIX = re.compile(
    r"^(?:(?P<rec>recommendations?|recs?|r)|(?P<act>actions?|act))(?:\b|(?=\d))\.?\s*(?:no\.?|number|#)?\s*", re.I
)


class _Importer:
    def __init__(self, grid: _Grid, mapping: TrackerMapping, case: m.CaseRecord, registry: Registry) -> None:
        self.grid = grid
        self.mapping = mapping
        self.case = case
        self.registry = registry
        self.problems: list[Problem] = []
        self.headings: dict[int, str] = {}
        self.items: list[m.Action | m.Recommendation] = []
        if case.report is not None:
            self.items = [*case.report.actions, *case.report.recommendations]

    def problem(self, code: str, where: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(code=code, message=message, path=where, severity=severity))

    def at(self, row: int, column: int) -> str:
        return cell_ref(self.grid.name, row, column, self.headings.get(column))

    # -- columns ---------------------------------------------------------------------------------

    def column(self, wanted: str, key: str) -> int | None:
        header = self.mapping.header_row
        found = [c for c, h in self.headings.items() if _norm(h) == _norm(wanted)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            letters = ", ".join(_column_letter(c) for c in found)
            self.problem(
                "column-ambiguous",
                f"{self.mapping.source}: {key}",
                f"{len(found)} columns are headed {wanted!r} in row {header} ({letters}): name one by its letter",
            )
            return None
        if re.fullmatch(r"[A-Za-z]{1,2}", wanted.strip()):
            return _column_index(wanted.strip())
        listed = "; ".join(f"{_column_letter(c)}: {h}" for c, h in sorted(self.headings.items())) or "none"
        self.problem(
            "column-missing",
            f"{self.mapping.source}: {key}",
            f"no column headed {wanted!r} in {cell_ref(self.grid.name, header)}; the headings are: {listed}",
        )
        return None

    def read_headings(self) -> None:
        header = self.mapping.header_row
        for column in range(1, self.grid.columns + 1):
            value = self.grid.get(header, column)
            if value is not None:
                self.headings[column] = _one_line(clean_text(_text_of(value))[0])
        if not self.headings:
            self.problem(
                "header-row-empty",
                cell_ref(self.grid.name, header),
                f"row {header} holds no headings: set header_row in {self.mapping.source}",
            )

    # -- cells -----------------------------------------------------------------------------------

    def text(self, row: int, column: int) -> str | None:
        value = self.grid.get(row, column)
        if value is None:
            return None
        if isinstance(value, dt.datetime | dt.date):
            return _text_date(value.date() if isinstance(value, dt.datetime) else value)
        cleaned, said = clean_text(_text_of(value))
        if said:
            self.problem("text-repaired", self.at(row, column), said, Severity.NOTE)
        return cleaned or None

    def date(self, row: int, column: int) -> tuple[PartialDate, m.Bound | None, str | None] | None:
        value = self.grid.get(row, column)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return PartialDate.from_date(value), None, None
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.problem(
                "date-unrecognised",
                self.at(row, column),
                f"a number ({_text_of(value)}), not a date: format the cell as a date, or write the date",
            )
            return None
        text = self.text(row, column)
        if text is None:
            return None
        try:
            date, bound = parse_date_text(text)
        except ValueError as exc:
            self.problem("date-unrecognised", self.at(row, column), str(exc))
            return None
        return date, bound, text

    def word(self, row: int, column: int, what: str) -> str | None:
        text = self.text(row, column)
        if text is None:
            return None
        enum: type[m.Position] | type[m.Progress] = m.Position if what == "position" else m.Progress
        own = self.mapping.positions if what == "position" else self.mapping.progress
        key = _norm(text)
        if key in own:
            return own[key]
        for value in enum:
            if _norm(value.value) == key:
                return value.value
        known = ", ".join(f"“{_words(v.value)}”" for v in enum)
        self.problem(
            f"{what}-unrecognised",
            self.at(row, column),
            f"“{text}” is not a {what} this import knows: use one of {known}, or say what it means in "
            f"[values.{what}] of {self.mapping.source}",
        )
        return None

    # -- labels ----------------------------------------------------------------------------------

    def item_for(self, text: str, row: int, column: int) -> tuple[m.Action | m.Recommendation, m.Part | None] | None:
        wanted = _norm(text)
        responder = self.responder_id
        for item in self.items:  # the label as written, or an alternate label, or the responder's own
            forms = [item.label or "", *item.alternate_labels]
            forms += [r.label for r in item.renderings if r.label and r.by == responder]
            if wanted in {_norm(f) for f in forms if f}:
                return item, None
        prefix = _LABEL_PREFIX.match(text.strip())
        rest = _norm(text.strip()[prefix.end() :]) if prefix else wanted
        kinds: tuple[type, ...] = (m.Action, m.Recommendation)
        if prefix and prefix.group("rec"):
            kinds = (m.Recommendation,)
        elif prefix and prefix.group("act"):
            kinds = (m.Action,)
        found = [i for i in self.items if isinstance(i, kinds) and i.label and _norm(i.label) == rest]
        if len(found) == 1:
            return found[0], None
        if len(found) > 1:
            self.problem(
                "label-ambiguous",
                self.at(row, column),
                f"“{text}” may be {' or '.join(self._describe(i) for i in found)}: write "
                "“Recommendation …” or “Action …”",
            )
            return None
        parted = [  # "7.1": a part labelled "7.1", "1" or "(1)" of the item labelled "7"
            (i, p)
            for i in self.items
            if isinstance(i, kinds) and i.label and rest.startswith(_norm(i.label) + ".")
            for p in _all_parts(i.parts)
            if p.label and _part_norm(p.label) in (_part_norm(rest), _part_norm(_after(rest, i.label)))
        ]
        if len(parted) == 1:
            return parted[0]
        labels = ", ".join(self._describe(i) for i in self.items) or "none"
        self.problem(
            "label-unknown",
            self.at(row, column),
            f"“{text}” is not the label of an action or recommendation of the case (they are: {labels})",
        )
        return None

    def part_for(self, item: m.Action | m.Recommendation, text: str, row: int, column: int) -> m.Part | None:
        wanted = _part_norm(text)
        after = _part_norm(_after(_norm(text), item.label))
        found = [p for p in _all_parts(item.parts) if p.label and _part_norm(p.label) in (wanted, after)]
        if len(found) == 1:
            return found[0]
        known = ", ".join(p.label for p in _all_parts(item.parts) if p.label) or "none"
        self.problem(
            "part-unknown",
            self.at(row, column),
            f"“{text}” is not the label of a part of {self._describe(item)} (its parts: {known})",
        )
        return None

    @staticmethod
    def _describe(item: m.Action | m.Recommendation) -> str:
        kind = "action" if isinstance(item, m.Action) else "recommendation"
        return f"{kind} {item.label}" if item.label else f"an unnumbered {kind}"

    # -- the whole sheet -------------------------------------------------------------------------

    responder_id: str = ""

    def run(self) -> list[m.ResponseDocument]:
        mapping = self.mapping
        self.responder_id = self.find_body(mapping.responder, f"{mapping.source}: responder") or ""
        self.read_headings()
        if self.problems:
            return []
        label_col = self.column(mapping.label, "columns.label")
        part_col = self.column(mapping.part, "columns.part") if mapping.part else None
        member_col = self.column(mapping.member, "columns.member") if mapping.member else None
        spec: list[tuple[ResponseColumns, dict[str, int | None]]] = []
        for index, entry in enumerate(mapping.responses):
            where = f"responses[{index}]"
            cols = {
                "text": self.column(entry.text, f"{where}.text"),
                "position": self.column(entry.position, f"{where}.position") if entry.position else None,
                "progress": self.column(entry.progress, f"{where}.progress") if entry.progress else None,
                "planned": self.column(entry.planned_completion, f"{where}.planned_completion")
                if entry.planned_completion
                else None,
            }
            spec.append((entry, cols))
        extra = {h: self.column(h, f"extensions.columns ({h})") for h in mapping.extensions}
        on_behalf = {
            e.id: self.find_body(e.on_behalf_of, f"{mapping.source}: on_behalf_of", group=True)
            for e, _ in spec
            if e.on_behalf_of
        }
        if self.problems or label_col is None:
            return []
        used = {label_col, part_col, member_col, *(c for _, cols in spec for c in cols.values()), *extra.values()}
        used.discard(None)
        answers: dict[str, dict[str, list[_RowAnswer]]] = {e.id: defaultdict(list) for e, _ in spec}
        order: list[str] = []
        last: dict[int, Any] = {}
        for row in range(mapping.header_row + 1, self.grid.rows + 1):
            if all(self.grid.get(row, c) is None for c in used if c is not None):
                continue  # a blank row
            for key, col in (("label", label_col), ("part", part_col), ("member", member_col)):
                if col is not None and key in mapping.fill_down:
                    if self.grid.get(row, col) is None and col in last:
                        self.grid.cells[(row, col)] = last[col]
                    elif self.grid.get(row, col) is not None:
                        last[col] = self.grid.get(row, col)
            has_answer = any(
                (col := cols[k]) is not None and self.grid.get(row, col) is not None
                for _, cols in spec
                for k in ("text", "position", "progress", "planned")
            )
            label_text = self.text(row, label_col)
            if label_text is None:
                if has_answer:
                    hint = " (or list 'label' in fill_down)" if "label" not in mapping.fill_down else ""
                    self.problem(
                        "label-missing",
                        self.at(row, label_col),
                        f"this row answers something but says no item: write its label{hint}",
                    )
                continue
            found = self.item_for(label_text, row, label_col)
            if found is None:
                continue
            item, part = found
            if part_col is not None and (part_text := self.text(row, part_col)) is not None:
                part = self.part_for(item, part_text, row, part_col)
                if part is None:
                    continue
            member = None
            if member_col is not None:
                member_text = self.text(row, member_col)
                if member_text is None:
                    if has_answer:
                        self.problem("member-missing", self.at(row, member_col), "this row names no member body")
                    continue
                member = self.find_body(member_text, self.at(row, member_col))
                if member is None:
                    continue
            if item.id not in order:
                order.append(item.id)
            kept = {}
            for heading, col in extra.items():
                if col is not None and (value := self.text(row, col)) is not None:
                    kept[heading] = value
            for entry, cols in spec:
                text = self.text(row, cols["text"]) if cols["text"] is not None else None
                position = self.word(row, cols["position"], "position") if cols["position"] else None
                progress = self.word(row, cols["progress"], "progress") if cols["progress"] else None
                planned = self.date(row, cols["planned"]) if cols["planned"] else None
                if text is None and position is None and progress is None and planned is None:
                    continue
                label_cell = self.text(row, part_col) if part_col is not None else None
                answers[entry.id][item.id].append(
                    _RowAnswer(
                        row=row,
                        text_col=cols["text"],
                        part=part,
                        member=member,
                        text=text,
                        position=position,
                        progress=progress,
                        planned=planned,
                        shown=label_cell or label_text,
                        extra=kept,
                    )
                )
        if any(p.severity is Severity.ERROR for p in self.problems):
            return []
        documents = []
        by_id = {i.id: i for i in self.items}
        for entry, _cols in spec:
            rows = answers[entry.id]
            items = []
            for ref in order:
                if rows.get(ref):
                    made = self.item_response(by_id[ref], rows[ref], member_col is not None)
                    if made is not None:
                        items.append(made)
            if not items:
                self.problem(
                    "response-empty",
                    f"{mapping.source}: responses ({entry.id})",
                    f"no row holds an answer in the column {entry.text!r}",
                    Severity.WARNING,
                )
            response = m.Response(
                id=m.Id(entry.id),
                responder=m.Ref(self.responder_id),
                on_behalf_of=m.Ref(on_behalf[entry.id]) if on_behalf.get(entry.id) else None,
                audience=entry.audience,
                title=entry.title,
                url=m.Url(entry.url) if entry.url else None,
                occasion=entry.occasion,
                sent=entry.sent,
                published=entry.published,
                items=tuple(items),
            )
            documents.append(m.ResponseDocument(case=m.Ref(self.case.id), response=response))
        return documents

    def find_body(self, text: str | None, where: str, *, group: bool = False) -> str | None:
        from .registry import RegistryError

        if text is None:
            return None
        found = self.registry.get(text)
        if found is not None:
            return found.id
        try:
            return self.registry.by_name(text).id
        except RegistryError as exc:
            message = "; ".join(p.message for p in exc.problems) if getattr(exc, "problems", None) else str(exc)
            self.problem(
                "body-unknown",
                where,
                f"“{text}” is not a body{' or group' if group else ''} the register knows: {message}",
            )
            return None

    def item_response(
        self, item: m.Action | m.Recommendation, rows: list[_RowAnswer], collated: bool
    ) -> m.ItemResponse | None:
        if collated:
            outcomes = []
            seen: dict[str, int] = {}
            for r in rows:
                if r.member in seen:
                    self.problem(
                        "member-twice",
                        self.at(r.row, r.text_col or 1),
                        f"a second row for this member on {self._describe(item)} (the first is row "
                        f"{seen[r.member or '']}): one row per member",
                    )
                    continue
                seen[r.member or ""] = r.row
                outcomes.append(
                    m.MemberOutcome(
                        member=m.Ref(r.member or ""),
                        position=m.Position(r.position) if r.position else None,
                        progress=m.Progress(r.progress) if r.progress else None,
                        note=r.text,
                        extensions=self._extensions(r.extra),
                    )
                )
            return m.ItemResponse(item=item.id, member_outcomes=tuple(outcomes))
        positions = {r.position for r in rows if r.position}
        if len(positions) > 1:
            cells = ", ".join(f"{_words(r.position)} in row {r.row}" for r in rows if r.position)
            self.problem(
                "answers-disagree",
                self.at(rows[0].row, rows[0].text_col or 1),
                f"the rows on {self._describe(item)} state different positions ({cells}): a response "
                "holds one position per item",
            )
            return None
        progress_values = [m.Progress(r.progress) for r in rows if r.progress]
        order = list(m.Progress)
        progress = min(progress_values, key=order.index) if progress_values else None
        if len(set(progress_values)) > 1:
            self.problem(
                "answers-combined",
                self.at(rows[0].row, rows[0].text_col or 1),
                f"the rows on {self._describe(item)} claim different progress: the item's is the least "
                f"advanced, {_words(progress)}",
                Severity.NOTE,
            )
        planned_rows = [r for r in rows if r.planned]
        planned = max(planned_rows, key=_planned_key, default=None)
        if len(planned_rows) > 1:
            self.problem(
                "answers-combined",
                self.at(rows[0].row, rows[0].text_col or 1),
                f"the rows on {self._describe(item)} plan completion on several dates: the item's is the latest",
                Severity.NOTE,
            )
        several = len(rows) > 1
        texts = [_led(r.shown, r.text) if several and r.shown else r.text for r in rows if r.text]
        parts: list[m.Ref] = []
        for r in rows:
            if r.part is not None and r.part.id not in parts:
                parts.append(m.Ref(r.part.id))
        extra: dict[str, Any] = {}
        for key in dict.fromkeys(k for r in rows for k in r.extra):
            found = {r.shown or str(r.row): r.extra[key] for r in rows if key in r.extra}
            values = set(found.values())
            # one value when the rows agree; else each row's, by its label as written
            extra[key] = values.pop() if len(values) == 1 and len(found) == len(rows) else found
        pc = planned.planned if planned and planned.planned else None
        return m.ItemResponse(
            item=item.id,
            parts=tuple(parts),
            position=m.Position(positions.pop()) if positions else None,
            progress=progress,
            narrative="\n\n".join(texts) if texts else None,
            planned_completion=pc[0] if pc else None,
            planned_completion_bound=pc[1] if pc else None,
            planned_completion_as_written=pc[2] if pc else None,
            extensions=self._extensions(extra),
        )

    def _extensions(self, extra: Mapping[str, str]) -> dict[str, Any]:
        if not extra or not self.mapping.namespace:
            return {}
        return {self.mapping.namespace: dict(extra)}


@attrs.frozen(kw_only=True)
class _RowAnswer:
    row: int
    text_col: int | None
    part: m.Part | None
    member: str | None
    text: str | None
    position: str | None
    progress: str | None
    planned: tuple[PartialDate, m.Bound | None, str | None] | None
    shown: str | None
    extra: Mapping[str, str]


def _planned_key(answer: _RowAnswer) -> tuple[dt.date, bool]:
    """The latest planned completion wins; on the same latest day, one stated as a floor ("at the earliest")."""
    if answer.planned is None:  # pragma: no cover - only rows with a plan are compared
        return dt.date.min, False
    return answer.planned[0].latest, answer.planned[1] is m.Bound.EARLIEST


def _led(label: str, text: str | None) -> str:
    """A part's paragraph led by its label as written: "a) We will ...", "7.1: We will ..."."""
    return f"{label} {text}" if label.endswith((")", ".", ":")) else f"{label}: {text}"


def _all_parts(parts: Iterable[m.Part]) -> Iterator[m.Part]:
    for part in parts:
        yield part
        yield from _all_parts(part.parts)


def _part_norm(label: str) -> str:
    """A part's label without its brackets or full stop: "a)", "(a)", "a." and "A" are all "a"."""
    return _norm(label).strip("()[]. ").strip()


def _after(text: str, label: str | None) -> str:
    """``7.1`` after the item label ``7`` is ``1``; the text itself otherwise."""
    if label and text.startswith(_norm(label) + "."):
        return text[len(_norm(label)) + 1 :]
    return text


def import_tracker(
    source: str | os.PathLike[str] | bytes,
    mapping: TrackerMapping,
    case: m.CaseRecord,
    *,
    csv_input: bool | None = None,
    registry: Registry | None = None,
) -> ImportResult:
    """Read an action plan or a tracker (``.xlsx`` or ``.csv``) into response documents for ``case``.

    ``mapping`` says where things are (:func:`load_mapping` reads one). Each row names an item by its label
    as people write it ("7", "Rec 7", "Recommendation 7"; "7.1" for a part, or a separate part column),
    matched against the case's labels, alternate labels and the responder's own renderings. Each response
    the mapping names becomes one document: one answer per item, whose narrative is the row's text (rows on
    several parts of one item are combined, each paragraph led by the part's label as written, with the
    parts listed). With a ``member`` column, each row is a member's outcome in a collated answer.

    ``csv_input`` says whether the file is CSV (default: when its name ends in ``.csv``). The documents
    are validated (schema and rules) before they are returned.

    Raises :class:`WorkbookError` with every problem when any is an error, each at its cell
    (``'Action plan'!E12 (Initial action plan response)``) or its mapping key; warnings and notes are in
    the result's ``problems``.
    """
    from .registry import Registry
    from .rules import check
    from .validation import validate

    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"import_tracker() needs a CaseRecord, not {type(case).__name__}")
    is_csv = (
        csv_input
        if csv_input is not None
        else (not isinstance(source, bytes | bytearray) and os.fspath(source).lower().endswith(".csv"))
    )
    notes: list[Problem] = []
    if is_csv:
        grid, notes = _grid_from_csv(source)
    else:
        grid = _grid_from_workbook(source, mapping.sheet)
    names = Registry.for_document(case, base=registry)
    importer = _Importer(grid, mapping, case, names)
    documents = importer.run()
    problems = notes + importer.problems
    name = "the file" if isinstance(source, bytes | bytearray) else os.fspath(source)
    if any(p.severity is Severity.ERROR for p in problems):
        raise WorkbookError(problems, name)
    from .io import dumps

    for document in documents:
        report = validate(json.loads(dumps(document)), "response")
        found = list(report.problems)
        if report.document is not None:
            found.extend(check(report.document))
        where = f"{mapping.source}: responses ({document.response.id})"
        problems.extend(attrs.evolve(p, path=f"{where} {p.path}") for p in found)
    if any(p.severity is Severity.ERROR for p in problems):
        raise WorkbookError(problems, name)
    return ImportResult(documents=tuple(documents), problems=tuple(problems))


escape_cell_text: Callable[[str], str] = _escape
"""Text as a spreadsheet cell holds it: characters XML cannot hold as ``_xHHHH_`` (see :func:`clean_text`)."""
unescape_cell_text: Callable[[str], str] = _unescape
"""The text a cell's ``_xHHHH_`` escapes stand for, as Excel reads them."""
