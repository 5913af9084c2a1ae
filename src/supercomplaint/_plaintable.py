"""Tables of plain text, drawn as rich draws them, without importing or running rich (issue 14).

``supercomplaint status`` prints its tables with rich on a terminal (colour, the terminal's width). Into a pipe
or a file, without colour, the same tables are plain text, and rich cost a start more than everything else the
command does (0.3-0.4 s for the Hestia case's 265 obligations: measuring and wrapping every cell as segments
of styled text). :func:`render` lays out the same table in plain strings: the same column widths (measured,
collapsed and reduced as ``rich.table.Table`` does), the same word wrapping and folding (``rich._wrap``), the
same padding, rule and title, byte for byte. ``tests/test_cli_plaintable.py`` checks it against rich itself
on generated tables, widths and texts.

It answers only when it can promise rich's output: every character one cell wide (the characters listed
in ``_ONE_CELL``, each of which rich measures at one cell and folds alone), no column narrower than its
padding. Otherwise it returns ``None`` and the caller draws the table with rich.

The layout is the one the command line asks for: ``box.SIMPLE_HEAD`` without edges, ``pad_edge=False``,
padding of one space between columns, a header row, an optional title justified left, no styles.
"""

from __future__ import annotations

import itertools
import re

TYPE_CHECKING = False  # typing is not imported at run time: a start does not need it
if TYPE_CHECKING:
    from collections.abc import Sequence

_WORD = re.compile(r"\s*\S+\s*")  # rich._wrap.re_word: a word and the spaces after it
_TRAILING_SPACE = re.compile(r"\s+$")  # rich.text._re_whitespace

_ONE_CELL = frozenset(
    chr(code)
    for start, end in (
        (0x20, 0x7E),  # ASCII, printable
        (0xA0, 0xAC),  # Latin-1 (not the soft hyphen)
        (0xAE, 0x2FF),  # Latin-1, Latin Extended, IPA, spacing modifiers
        (0x370, 0x482),  # Greek, Cyrillic (not the combining marks that follow)
        (0x2010, 0x2027),  # dashes, quotation marks, bullets, the ellipsis
        (0x2030, 0x205E),  # per mille, primes, and the like
        (0x20A0, 0x20C0),  # currency signs
    )
    for code in range(start, end + 1)
)
"""Characters that rich measures at one cell and splits one at a time (no combining, no zero width)."""


def plain_enough(text: str) -> bool:
    """Whether every character of ``text`` is one cell wide as rich measures it."""
    return _ONE_CELL.issuperset(text)


class Column:
    """A column: its header, how its cells are justified ("left" or "right"), what a word too long for the
    column does ("fold" onto the next line, or "ellipsis"), and its least width (not counting padding)."""

    __slots__ = ("header", "justify", "min_width", "overflow")

    def __init__(
        self, header: str, *, justify: str = "left", overflow: str = "ellipsis", min_width: int | None = None
    ) -> None:
        self.header = header
        self.justify = justify
        self.overflow = overflow
        self.min_width = min_width


class _Decline(Exception):
    """The table is one this module does not promise to draw as rich does."""


def render(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, title: str | None = None
) -> str | None:
    """The table as rich prints it on a console ``width`` cells wide without colour, lines ended by "\\n";
    or ``None`` when only rich can say (a character wider or narrower than one cell, a column too narrow)."""
    if not columns or width < 1:
        return None
    texts = [[c.header for c in columns], *(list(r) for r in rows)]
    for row in texts:
        if len(row) != len(columns) or not all(_ONE_CELL.issuperset(cell) for cell in row):
            return None
    if title is not None and not _ONE_CELL.issuperset(title):
        return None
    try:
        return _render(columns, texts, width, title)
    except _Decline:
        return None


def _render(columns: Sequence[Column], texts: list[list[str]], width: int, title: str | None) -> str:
    last = len(columns) - 1
    pads = [(0 if i == 0 else 1, 0 if i == last else 1) for i in range(len(columns))]
    cells = [[row[i] for row in texts] for i in range(len(columns))]  # by column, the header first
    widths = _column_widths(columns, cells, pads, width - last)
    table_width = sum(widths) + last
    lines: list[str] = []
    if title:  # rich prints no empty title
        if table_width < 1:
            raise _Decline
        lines.extend(_wrap(title, table_width, "left", "fold"))
    specs = []  # per column: the width inside the padding, the padding, justify and overflow
    for w, (before, after), column in zip(widths, pads, columns, strict=True):
        if w - before - after < 1:
            raise _Decline
        specs.append((w - before - after, " " * before, " " * after, column.justify, column.overflow))
    for index, row in enumerate(texts):
        rendered: list[list[str]] = []
        height = 1
        for text, (inner, left, right, justify, overflow) in zip(row, specs, strict=True):
            if len(text) <= inner and justify == "left":  # one line (as _wrap would say it, faster)
                rendered.append([left + text + " " * (inner - len(text)) + right])
                continue
            wrapped = [left + (line + " " * inner)[:inner] + right for line in _wrap(text, inner, justify, overflow)]
            rendered.append(wrapped)
            height = max(height, len(wrapped))
        if height > 1:
            for w, cell in zip(widths, rendered, strict=True):
                blanks = [" " * w] * (height - len(cell))
                if index == 0:  # the header row aligns its cells at the bottom, the others at the top
                    cell[:0] = blanks
                else:
                    cell.extend(blanks)
        lines.extend(" ".join(cell[line] for cell in rendered) for line in range(height))
        if index == 0:
            lines.append("─".join("─" * w for w in widths))
    return "".join(line[:width] + "\n" for line in lines)


def _column_widths(
    columns: Sequence[Column], cells: list[list[str]], pads: list[tuple[int, int]], available: int
) -> list[int]:
    """rich.table.Table._calculate_column_widths, for columns of plain text that do not expand."""
    sizes = []  # per column: the greatest least and most widths of its texts (rich.text.Text.__rich_measure__)
    for texts in cells:
        least = 0
        for text in texts:
            words = text.split()
            least = max(least, max(map(len, words)) if words else len(text))
        sizes.append((least, max(map(len, texts))))
    widths = [_measure_column(c, sizes[i], pads[i], available)[1] or 1 for i, c in enumerate(columns)]
    if sum(widths) > available:
        widths = _collapse_widths(widths, available)
        if sum(widths) > available:
            widths = _ratio_reduce(sum(widths) - available, [1] * len(widths), widths, widths)
        widths = [_measure_column(c, sizes[i], pads[i], widths[i])[1] or 0 for i, c in enumerate(columns)]
    return widths


def _measure_column(column: Column, sizes: tuple[int, int], pad: tuple[int, int], max_width: int) -> tuple[int, int]:
    """rich.table.Table._measure_column: the least and the most width the column's cells ask for.

    rich measures each cell (Measurement.get of a Padding around a Text: normalized, padded, capped at
    ``max_width``) and takes the greatest least and the greatest most. A text's least (its longest word, or its
    length when it has no word) is never more than its most (its length), so a cell measures
    min(least + padding, max_width), min(most + padding, max_width), and the column the same of its texts'
    greatest least and greatest most.
    """
    if max_width < 1:
        return 0, 0
    extra = pad[0] + pad[1]
    if max_width - extra < 1:
        least = most = max_width
    else:
        least, most = min(sizes[0] + extra, max_width), min(sizes[1] + extra, max_width)
    if column.min_width is not None:
        floor = max(0, column.min_width + extra)
        least, most = max(least, floor), max(most, floor)
    return least, most


def _collapse_widths(widths: list[int], max_width: int) -> list[int]:
    """rich.table.Table._collapse_widths, every column wrappable."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max(w if w != widest else 0 for w in widths)
        difference = widest - second
        ratios = [1 if w == widest else 0 for w in widths]
        if not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich._ratio.ratio_reduce."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _wrap(text: str, width: int, justify: str, overflow: str) -> list[str]:
    """rich.text.Text.wrap of one line of plain text: divided at words (folding those longer than ``width``
    when ``overflow`` is "fold"), trailing spaces past the width dropped, justified, truncated."""
    if len(text) <= width:  # one line, every word fits: no break, nothing to drop or truncate
        if justify == "left":
            return [text + " " * (width - len(text))]
        if justify == "right":
            text = text.rstrip()
            return [" " * (width - len(text)) + text]
        return [text]
    offsets = [0, *_divide_line(text, width, fold=overflow == "fold"), len(text)]
    lines = []
    for start, end in itertools.pairwise(offsets):
        line = text[start:end]
        if len(line) > width:  # Text.rstrip_end
            spaces = _TRAILING_SPACE.search(line)
            if spaces is not None:
                line = line[: len(line) - min(len(spaces.group()), len(line) - width)]
        if justify == "left":
            line = _truncate(line, width, overflow, pad=True)
        elif justify == "right":
            line = _truncate(line.rstrip(), width, overflow)
            line = " " * (width - len(line)) + line
        lines.append(_truncate(line, width, overflow))
    return lines


def _truncate(line: str, width: int, overflow: str, *, pad: bool = False) -> str:
    """rich.text.Text.truncate."""
    length = len(line)
    if length > width:
        line = line[: width - 1] + "…" if overflow == "ellipsis" else line[:width]
    if pad and length < width:
        line += " " * (width - length)
    return line


def _divide_line(text: str, width: int, *, fold: bool) -> list[int]:
    """rich._wrap.divide_line for text whose every character is one cell: where the lines break."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):  # rich matches word after word: each match begins where the last ended
        start = match.start()
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                pieces = [word[i : i + width] for i in range(0, len(word), width)]
                for number, piece in enumerate(pieces, 1):
                    if start:
                        breaks.append(start)
                    if number == len(pieces):
                        offset = len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
