"""The command line's plain tables are rich's tables, byte for byte, without rich (issue 14).

``supercomplaint status`` into a pipe or a file draws its tables with :mod:`supercomplaint._plaintable`;
whatever it draws must be what ``rich.table.Table`` prints in the same layout, for any texts and widths.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.table import Table

from supercomplaint import _plaintable as pt
from supercomplaint import cli

from .conftest import ROOT

# Spaces (one no-break), letters, dashes, quotes, the ellipsis, a Cyrillic letter; and characters the module
# must decline: wide (CJK), combining, zero width.
_TEXT = st.text(alphabet=" \u00a0abcdefgHIJ-.'—–’…éЖ", max_size=45)
_AWKWARD = st.text(alphabet=" ab\u4e00\u0301\u200b", max_size=6)

_Table = tuple[list[pt.Column], list[list[str]], int, str | None]


def _rich(columns: list[pt.Column], rows: list[list[str]], width: int, title: str | None) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=False,
        no_color=True,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="", title=title, title_justify="left"
    )
    for c in columns:
        table.add_column(c.header, justify=c.justify, overflow=c.overflow, min_width=c.min_width)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row)
    console.print(table)
    return buffer.getvalue()


@st.composite
def _tables(draw: st.DrawFn, text: st.SearchStrategy[str] = _TEXT) -> _Table:
    count = draw(st.integers(1, 8))
    columns = [
        pt.Column(
            draw(text),
            justify=draw(st.sampled_from(["left", "right"])),
            overflow=draw(st.sampled_from(["fold", "ellipsis"])),
            min_width=draw(st.sampled_from([None, 1, 8, 14])),
        )
        for _ in range(count)
    ]
    rows = draw(st.lists(st.lists(text, min_size=count, max_size=count), max_size=6))
    width = draw(st.integers(1, 40) | st.integers(40, 220))
    title = draw(st.none() | st.just("By item") | text)
    return columns, rows, width, title


@settings(max_examples=400)
@given(_tables())
@example(
    ([pt.Column("Item", overflow="fold", min_width=14), pt.Column("Body")], [["Recommendation 5.2", "x"]], 20, None)
)
@example(([pt.Column("Obligations", justify="right")], [["12"]], 5, "By body"))
def test_a_plain_table_is_what_rich_prints(table: _Table) -> None:
    columns, rows, width, title = table
    drawn = pt.render(columns, rows, width, title)
    if drawn is not None:
        assert drawn == _rich(columns, rows, width, title)


@settings(max_examples=100)
@given(_tables(_AWKWARD))
def test_characters_not_one_cell_wide_are_left_to_rich(table: _Table) -> None:
    columns, rows, width, title = table
    drawn = pt.render(columns, rows, width, title)
    texts = [c.header for c in columns] + [cell for row in rows for cell in row] + [title or ""]
    if any(not pt.plain_enough(text) for text in texts):
        assert drawn is None
    elif drawn is not None:
        assert drawn == _rich(columns, rows, width, title)


def test_the_characters_called_one_cell_wide_are_one_cell_to_rich_and_stand_alone() -> None:
    for ch in sorted(pt._ONE_CELL):
        assert cell_len(ch) == 1, hex(ord(ch))
        assert chop_cells(f"a{ch}b", 1) == ["a", ch, "b"], hex(ord(ch))  # not joined to its neighbours
        assert unicodedata.combining(ch) == 0, hex(ord(ch))


def test_status_draws_the_hestia_tables_as_rich_does(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["status", str(ROOT / "examples" / "hestia" / "case.json"), "--as-of", "2024-06-01"]
    for columns in ("120", "100", "60", "20"):
        monkeypatch.setenv("COLUMNS", columns)
        plain = io.StringIO()
        assert cli.main(argv, stdout=plain) == 0
        with monkeypatch.context() as patch:
            patch.setattr(cli, "_plain_tables", lambda out: False)
            drawn = io.StringIO()
            assert cli.main(argv, stdout=drawn) == 0
        assert plain.getvalue() == drawn.getvalue() != ""
