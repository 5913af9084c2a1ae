"""Build the made-up action-plan workbook: ``python examples/action-plans/build.py`` writes
``thames-valley-action-plan.xlsx`` beside this file.

**Everything in the workbook is invented.** Thames Valley Police is a real force, named only to show how
an action plan refers to the illustrative case (``examples/illustrative-vaw``); it said none of this.

The workbook looks like a real export: a title row, a two-row header with merged cells, a recommendation
label merged down over the rows of its parts, labels written as "Rec 1", "Recommendation 2" and "7.1",
dates as date cells and as text ("27/03/22", "March 23 earliest"), ``_x000D_`` and non-breaking spaces
from a database export, "â€™" where an apostrophe was double-encoded, and blank rows. Its second sheet,
"Draft update", holds deliberately bad cells that the import reports at their sheet and cell.

Needs openpyxl (``pip install -e '.[xlsx]'``). The file's timestamps are fixed, so the same script writes
the same workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
TARGET = HERE / "thames-valley-action-plan.xlsx"

HEADINGS = (
    "Rec No",
    "Recommendation",
    "Sub recommendation",
    "Rec. Owner",
    "Agreed?",
    "Initial action plan response",
    "March 2023 update",
    "Target date",
    "Status",
    "RAG",
)

# Rec No, Recommendation (as the force words it), Sub, Owner, Agreed?, Initial response, March 2023 update,
# Target date, Status, RAG. None is an empty cell.
ROWS: list[tuple[object, ...]] = [
    (
        "Rec 1",
        "Supervisor to review every stalking/harassment report within 24 hrs (interim)",
        None,
        "D/Supt Public Protection",
        "Agreed",
        "A daily supervisor review of all harassment and stalking crimes has been in place since 1 October"
        " 2021._x000D_\nCompliance is checked weekly by the Public Protection Unit.",
        "Complete. Compliance has stayed above 95% since January 2022.",
        dt.datetime(2021, 11, 30),
        "Complete",
        "Green",
    ),
    (
        "Recommendation 2",
        "Introduce a screening tool for every report of harassment",
        "a)",
        "DCI Safeguarding",
        "Agreed",
        "A screening tool based on the\u00a0national stalking screening questions is being built into the"
        " crime recording system.",
        "The tool went live in all local policing areas in November 2022.",
        "31 March 2022",
        "Complete",
        "Green",
    ),
    (
        None,  # merged down from "Recommendation 2"
        None,
        "(b)",
        "DCI Safeguarding",
        "Agreed",
        "Victims\u2019 accounts of each incident will be recorded with its date and time.",
        "Weâ€™ve added a structured incident log to the crime record; training is under way.",
        "March 2023",
        "In progress",
        "Amber",
    ),
    (
        None,
        None,
        "c.",
        "DCI Safeguarding",
        "Agreed",
        "Referral to a specialist stalking advocate will follow from a positive screen.",
        "Funding for a second advocate is agreed with the Office of the PCC; recruitment has started.",
        "March 23 earliest",
        "In progress",
        "Amber",
    ),
    (None, None, None, None, None, None, None, None, None, None),  # a blank row in the export
    (
        "3",
        "Tell victims about protective orders at first contact",
        None,
        "Head of Contact Management",
        "Agreed",
        "Call handlers will give victims the force\u2019s leaflet on protective orders._x000D_\n_x000D_\n"
        "Where a victim is not safe to talk at first contact, officers will give the advice at the next contact.",
        None,
        "by end of 2022 at the latest",
        "Planned",
        "Amber",
    ),
    (
        "Rec. 4A",
        "Publish jointly with the PCC every six months the number of orders applied for and granted",
        None,
        "Chief Constable / PCC",
        "Agreed",
        "The first joint publication with the Office of the PCC is planned for March 2022.",
        "Published twice (March and September 2022).",
        dt.datetime(2022, 3, 31),
        "Complete",
        "Green",
    ),
    (
        "7.1",
        "Train every officer who attends reports of stalking",
        None,
        "Head of Learning & Development",
        "Agreed",
        "An e-learning module is mandatory for all response officers.",
        "91% of response officers have completed it.",
        "27/03/22",
        "In progress",
        "Amber",
    ),
    (
        "7.2",
        "Review with the CPS every case charged as harassment",
        None,
        "Head of Criminal Justice",
        "Agreed",
        "A monthly joint review with the CPS Thames and Chiltern area has been set up.",
        None,
        "27/03/22",
        "Complete",
        "Green",
    ),
    (None, None, None, None, None, None, None, None, None, None),
]

# The "Draft update" sheet: the same layout, and cells that are wrong on purpose.
DRAFT: list[tuple[object, ...]] = [
    ("Rec 12", "A recommendation the report does not make", None, "Unknown", "Agreed", "Text.", None,
     "31/03/2023", "Complete", "Green"),
    ("2", "Screening tool", "d)", "DCI Safeguarding", "Agreed", "A part the recommendation does not have.", None,
     "March 2023", "Complete", "Green"),
    ("3", "Protective orders", None, "Contact Management", "Maybe", "A position nobody wrote down.", None,
     "end of Q3", "Sort of", "Amber"),
    (None, None, None, None, None, "An answer on a row with no label.", None, None, None, None),
    ("7.1", "Training", None, "L&D", "Agreed", "Planned for 31/02/2023.", None, 45000, "Planned", "Amber"),
]

TITLE = "Thames Valley Police: Safe to report? super-complaint action plan (ILLUSTRATIVE: made up, not real)"


def _sheet(ws: object, rows: list[tuple[object, ...]], merge_rec_2: bool) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:J1")
    ws["A2"] = "Exported from the force's action tracking system; last updated March 2023"
    # A two-row header: "Recommendation" over A to D and "Force response" over E to J, merged; the
    # headings themselves in row 4, "Rec No" merged down over rows 3 and 4.
    ws["B3"] = "Recommendation"
    ws.merge_cells("B3:D3")
    ws["E3"] = "Force response"
    ws.merge_cells("E3:J3")
    ws["A3"] = "Rec No"
    ws.merge_cells("A3:A4")
    fill = PatternFill("solid", fgColor="D9E1F2")
    for column, heading in enumerate(HEADINGS, start=1):
        if column > 1:
            ws.cell(row=4, column=column, value=heading)
        for row in (3, 4):
            ws.cell(row=row, column=column).font = Font(bold=True)
            ws.cell(row=row, column=column).fill = fill
    for number, values in enumerate(rows, start=5):
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=number, column=column, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, dt.datetime):
                cell.number_format = "dd/mm/yyyy"
    if merge_rec_2:
        ws.merge_cells("A6:A8")  # "Recommendation 2" over its three parts
        ws.merge_cells("B6:B8")
    for letter, width in zip("ABCDEFGHIJ", (16, 40, 12, 22, 14, 60, 50, 18, 12, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "B5"


def build() -> bytes:
    import io

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Action plan"
    _sheet(ws, ROWS, merge_rec_2=True)
    _sheet(wb.create_sheet("Draft update"), DRAFT, merge_rec_2=False)
    wb.properties.creator = "Illustrative example"
    wb.properties.created = dt.datetime(2023, 3, 31)
    wb.properties.modified = dt.datetime(2023, 3, 31)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def main() -> None:
    TARGET.write_bytes(build())
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
