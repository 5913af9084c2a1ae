"""``supercomplaint --help`` without argparse: the top-level help, formatted as argparse formats it (issue 14).

Importing argparse (with re and gettext) costs a start nearly as much as the interpreter's own, and building
the parser of every command as much again. The top-level help says only the program's description, its
commands with a line each, four options and the epilogue; :func:`top_help` lays them out as
``argparse.HelpFormatter`` does on Python 3.11 to 3.13 (the usage line, the sections, the help column, the
wrapping of ``textwrap``, hyphenated words included), for the width argparse would use. The texts live here
once: :func:`supercomplaint.cli.build_parser` builds the parser from them, and ``tests/test_start.py``
checks that both say the same, byte for byte, at every width from 1 to 250 columns.

This module imports nothing but ``os`` and ``sys``, which the interpreter has already imported.
"""

from __future__ import annotations

import os
import sys

PROG = "supercomplaint"

DESCRIPTION = "Model, validate and track UK police super-complaints, their recommendations and responses."

EPILOG = (
    "Exit codes: 0 all well (warnings allowed), 1 a document has errors, 2 usage or unreadable file, "
    "or a file that cannot be written. A file argument '-' reads standard input, and '-o -' writes "
    "standard output. Data on standard output (JSON, CSV, Markdown, HTML) is UTF-8 whatever the terminal's "
    "encoding. Options may come before or after file arguments."
)

COMMANDS = {
    "validate": "check JSON documents: parse, schema, structure and rules",
    "status": "who owes what to whom, by when, and where it stands",
    "history": "each item's dated history: responses, assessments, follow-ups",
    "compile": "merge response documents into a case record",
    "render": "render the tracker or a board paper as Markdown or HTML",
    "schema": "print a JSON Schema",
    "upgrade": "rewrite a document as another schema version, losing nothing",
    "export": "write a case record as a spreadsheet (.xlsx)",
    "import": "read a spreadsheet: an exported case, or an action plan or tracker",
    "rules": "list the rules, or explain one",
}
"""Each command and its line in the top-level help, in the order the help lists them."""

COLOR_HELP = (
    "colour the output: auto (the default) on a terminal unless NO_COLOR is set, or wherever FORCE_COLOR "
    "is; always; never"
)
QUIET_HELP = "print only errors (and the output asked for: a table, a rendering, a schema); exit codes unchanged"

# What argparse shows of the top-level parser's own options and arguments (its -h and --version included).
_OPTIONS = (
    ("-h, --help", "show this help message and exit"),
    ("--version", "show program's version number and exit"),
    ("--color WHEN", COLOR_HELP),
    ("-q, --quiet", QUIET_HELP),
)
_USAGE_OPTIONS = ("[-h]", "[--version]", "[--color WHEN]", "[-q]")
# argparse before 3.13 splits the usage of the command's argument at its space; 3.13 keeps it whole
_USAGE_POSITIONALS = ("COMMAND", "...") if sys.version_info < (3, 13) else ("COMMAND ...",)
_METAVAR = "COMMAND"

VERIFIED = (3, 11) <= sys.version_info[:2] <= (3, 13)
"""Whether this Python's argparse is one :func:`top_help` is known to match (their layouts change)."""


def help_columns() -> int:
    """The columns argparse formats help for: ``shutil.get_terminal_size().columns`` (COLUMNS, else the
    terminal of standard output, else 80), without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
        columns = columns or 80
    return columns


def top_help(columns: int) -> str:
    """The top-level help, as ``build_parser().format_help()`` gives it on a terminal ``columns`` wide."""
    width = columns - 2
    max_help_position = min(24, max(width - 20, 4))
    parts = [_usage(width), _text(DESCRIPTION, width)]

    # The help column: argparse measures every invocation at the section's indent (2), the commands too.
    longest = max(len(_METAVAR), *map(len, COMMANDS), *(len(name) for name, _ in _OPTIONS)) + 2
    position = min(longest + 2, max_help_position)
    help_width = max(width - position, 11)
    section = [f"  {_METAVAR}\n"]
    section.extend(_action(name, text, 4, position, help_width) for name, text in COMMANDS.items())
    parts.append("\npositional arguments:\n" + "".join(section) + "\n")
    options = [_action(name, text, 2, position, help_width) for name, text in _OPTIONS]
    parts.append("\noptions:\n" + "".join(options) + "\n")
    parts.append(_text(EPILOG, width))
    text = "\n" + "".join(parts) + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


def _usage(width: int) -> str:
    """HelpFormatter._format_usage of the top-level parser."""
    prefix = "usage: "
    usage = " ".join([PROG, *_USAGE_OPTIONS, *_USAGE_POSITIONALS])
    if len(prefix) + len(usage) > width:

        def lines_of(parts: list[str], indent: str, first: str | None = None) -> list[str]:
            lines: list[str] = []
            line: list[str] = []
            length = len(first) - 1 if first is not None else len(indent) - 1
            for part in parts:
                if length + 1 + len(part) > width and line:
                    lines.append(indent + " ".join(line))
                    line = []
                    length = len(indent) - 1
                line.append(part)
                length += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if first is not None:
                lines[0] = lines[0][len(indent) :]
            return lines

        if len(prefix) + len(PROG) <= 0.75 * width:
            indent = " " * (len(prefix) + len(PROG) + 1)
            lines = lines_of([PROG, *_USAGE_OPTIONS], indent, prefix)
            lines.extend(lines_of(list(_USAGE_POSITIONALS), indent))
        else:
            indent = " " * len(prefix)
            lines = lines_of([*_USAGE_OPTIONS, *_USAGE_POSITIONALS], indent)
            if len(lines) > 1:
                lines = lines_of(list(_USAGE_OPTIONS), indent) + lines_of(list(_USAGE_POSITIONALS), indent)
            lines = [PROG, *lines]
        usage = "\n".join(lines)
    return f"{prefix}{usage}\n\n"


def _text(text: str, width: int) -> str:
    """HelpFormatter._format_text at the top level: the text filled to the width (11 at least)."""
    return "\n".join(_wrap(text, max(width, 11))) + "\n\n"


def _action(name: str, text: str, indent: int, position: int, help_width: int) -> str:
    """HelpFormatter._format_action of an option or a command with its help."""
    room = position - indent - 2
    if len(name) <= room:
        head, first = " " * indent + name.ljust(room) + "  ", 0
    else:
        head, first = " " * indent + name + "\n", position
    lines = _wrap(text, help_width)
    return head + " " * first + lines[0] + "\n" + "".join(" " * position + line + "\n" for line in lines[1:])


def _wrap(text: str, width: int) -> list[str]:
    """textwrap.wrap(text, width) for the texts of this module (words between single spaces)."""
    chunks = _chunks(text)
    chunks.reverse()
    lines: list[str] = []
    while chunks:
        line: list[str] = []
        length = 0
        if chunks[-1] == " " and lines:
            del chunks[-1]
        while chunks and length + len(chunks[-1]) <= width:
            length += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and len(chunks[-1]) > width:  # TextWrapper._handle_long_word
            room = width - length if width >= 1 else 1
            chunk = chunks[-1]
            end = room
            hyphen = chunk.rfind("-", 0, room)
            if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                end = hyphen + 1
            line.append(chunk[:end])
            chunks[-1] = chunk[end:]
        if line and line[-1] == " ":
            del line[-1]
        if line:
            lines.append("".join(line))
    return lines


def _letter(ch: str) -> bool:
    """What textwrap's pattern calls a letter, ``[^\\d\\W]``."""
    return (ch.isalnum() or ch == "_") and not ch.isdecimal()


def _chunks(text: str) -> list[str]:
    """textwrap.TextWrapper._split_chunks for text of words between single spaces: the words, the spaces,
    and a hyphenated word split after a hyphen that has two letters (or a letter, a hyphen and a letter)
    before it and a letter and a letter (or a letter, a hyphen and a letter) after it."""
    chunks: list[str] = []
    for number, word in enumerate(text.split(" ")):
        if number:
            chunks.append(" ")
        start = 0
        padded = word + "  "
        for at in range(1, len(word)):
            if word[at] != "-" or at <= start:
                continue
            before = (at >= 2 and _letter(word[at - 2]) and _letter(word[at - 1])) or (
                at >= 3 and _letter(word[at - 3]) and word[at - 2] == "-" and _letter(word[at - 1])
            )
            after = _letter(padded[at + 1]) and (
                _letter(padded[at + 2]) or (padded[at + 2] == "-" and _letter((word + "   ")[at + 3]))
            )
            if before and after:
                chunks.append(word[start : at + 1])
                start = at + 1
        chunks.append(word[start:])
    return [chunk for chunk in chunks if chunk]
