"""Reading and writing documents: bytes -> JSON -> model, and back.

JSON is parsed strictly: text must be UTF-8, an object may not repeat a key, ``NaN`` and ``Infinity`` are
refused, lone surrogates are refused, and input nested too deeply is reported rather than crashing. Every
problem becomes a :class:`~supercomplaint.problems.Problem` in a :class:`~supercomplaint.LoadError`.

Output is canonical: the same document always dumps to the same text (two-space indentation, keys in the
model's order, extension data with sorted keys, UTF-8, a final newline). Files are written whole or not at
all.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import math
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from .problems import LoadError, Problem, SupercomplaintError, join_path

if TYPE_CHECKING:
    from .model import CaseRecord, Document, Register, ResponseDocument

__all__ = [
    "MAX_DEPTH",
    "MAX_INTEGER_DIGITS",
    "DocumentKind",
    "WriteError",
    "atomic_write",
    "dump",
    "dumps",
    "json_value_problems",
    "load",
    "loads",
    "parse_json",
    "read_text",
    "upgrade",
]

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _Flagged(dict[str, Any]):
    """A parsed object that repeated a key; remembers which keys."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


class _Constant:
    """Stands in for NaN or Infinity so that its path can be reported."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def read_text(data: str | bytes, source: str | None = None) -> str:
    """Decode bytes as UTF-8 (a byte-order mark is allowed and dropped); raise :class:`LoadError` if not."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise LoadError(
            [Problem(code="wrong-type", message=f"expected str or bytes, found {type(data).__name__}")], source
        )
    raw = bytes(data)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            [
                Problem(
                    code="json-encoding",
                    message=f"the text is not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}",
                    line=line,
                    column=column,
                )
            ],
            source,
        ) from None


def parse_json(data: str | bytes, source: str | None = None) -> Any:
    """Parse JSON text strictly into plain Python values; raise :class:`LoadError` listing every problem.

    Besides what the JSON grammar refuses (``json-syntax``), refused with the path and, where it can be
    placed, the line and column: a key repeated in one object (``json-duplicate-key``), ``NaN``,
    ``Infinity`` and numbers too big for a float (``json-constant``), a lone surrogate, escaped or raw in a
    ``str`` (``json-encoding``), an integer of more than :data:`MAX_INTEGER_DIGITS` digits
    (``json-number-too-large``), and values nested more than :data:`MAX_DEPTH` deep (``json-too-deep``).
    The limits are the same whatever ``sys.set_int_max_str_digits`` and the recursion limit say, so a
    document either reads everywhere or nowhere, and whatever reads can be written back.
    """
    text = read_text(data, source)
    flags: list[bool] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len(pairs) > 1:
            seen: set[str] = set()
            duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            if duplicates:
                flags.append(True)
                return _Flagged(pairs, duplicates)
        return dict(pairs)

    def number(text: str) -> float | _Constant:
        # 1e400 parses as infinity, which no JSON text can hold: refused like the literal Infinity
        value = float(text)
        if math.isfinite(value):
            return value
        flags.append(True)
        return _Constant(text)

    def integer(text: str) -> int | _TooLarge:
        # Checked before int() runs: Python's own limit raises a bare ValueError, may be lifted by the
        # program, and converting a huge digit string costs time quadratic in its length.
        digits, limit = len(text) - text.startswith("-"), MAX_INTEGER_DIGITS
        if digits <= limit:
            try:
                return int(text)
            except ValueError:  # the program lowered sys.set_int_max_str_digits below the format's limit
                limit = sys.get_int_max_str_digits()
        flags.append(True)
        return _TooLarge(digits, limit)

    def constant(name: str) -> _Constant:
        flags.append(True)
        return _Constant(name)

    if sys.getrecursionlimit() > SAFE_RECURSION_LIMIT:
        deep = _first_too_deep(text)  # the parser must not meet it: see SAFE_RECURSION_LIMIT
        if deep is not None:
            raise LoadError([deep], source)
    raw_surrogate = None if text.isascii() else _RAW_SURROGATE.search(text)
    try:
        value = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=constant, parse_float=number, parse_int=integer
        )
    except json.JSONDecodeError as exc:
        if raw_surrogate is not None:  # the text itself is the trouble: say so, not "not JSON"
            raise LoadError([_raw_surrogate_problem(text, raw_surrogate.start())], source) from None
        raise LoadError(
            [Problem(code="json-syntax", message=f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno)],
            source,
        ) from None
    except RecursionError:
        raise LoadError([_too_deep_in_text(text)], source) from None
    check_surrogates = raw_surrogate is not None or _SURROGATE_ESCAPE.search(text) is not None
    problems = _scan(value, check_surrogates) if flags or check_surrogates else []
    if not problems and isinstance(value, dict | list):
        problems = _too_deep(value)
    if problems:
        raise LoadError(_placed(text, problems), source)
    return value


MAX_DEPTH = 200
"""How deep JSON values may nest (the document itself is at depth 1): deeper input is ``json-too-deep``.

Real documents nest about ten deep. The limit keeps every document that reads well inside what the
recursive code after the parser (structuring, rules, dumping) can handle.
"""

SAFE_RECURSION_LIMIT = 10_000
"""The highest recursion limit under which JSON text is handed to a C parser as it is.

The parsers (the standard library's and msgspec's) recurse in C as deep as the text nests, stopped only by
Python's recursion limit. A program that raises the limit lets hostile nesting overflow the C stack and crash
the process (100,000 levels did: msgspec's parser with the limit at 30,000, the standard library's at 100,000;
both stopped with a RecursionError at 20,000, on Linux with an 8 MB stack). Above this limit the loader skips
the fast path and measures the text's nesting before parsing it."""

MAX_INTEGER_DIGITS = 4300
"""The most digits an integer in JSON text may have (Python's default limit for int-string conversion)."""

_RAW_SURROGATE = re.compile("[\ud800-\udfff]")


class _TooLarge:
    """Stands in for an integer with too many digits, so that its path can be reported."""

    __slots__ = ("digits", "limit")

    def __init__(self, digits: int, limit: int) -> None:
        self.digits = digits
        self.limit = limit


def _too_deep(value: dict[str, Any] | list[Any]) -> list[Problem]:
    """A ``json-too-deep`` problem at the first value nested more than :data:`MAX_DEPTH` deep, if any.

    Level by level, without recursion; the path is only worked out when the limit is passed.
    """
    level: list[Any] = [value]
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            break
        below: list[Any] = []
        for node in level:
            children = node.values() if isinstance(node, dict) else node
            below.extend([c for c in children if isinstance(c, dict | list)])
        level = below
        depth += 1
    else:
        return []
    # Find a path to a value at depth MAX_DEPTH + 1, depth first and without recursion.
    stack: list[tuple[str, Any, int]] = [("$", value, 1)]
    while stack:
        path, node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [
                Problem(
                    code="json-too-deep",
                    message=f"a value nested more than {MAX_DEPTH} deep; a document may nest at most {MAX_DEPTH} deep",
                    path=path,
                )
            ]
        if isinstance(node, dict):
            stack.extend((join_path(path, k), c, depth + 1) for k, c in node.items() if isinstance(c, dict | list))
        else:
            stack.extend((join_path(path, i), c, depth + 1) for i, c in enumerate(node) if isinstance(c, dict | list))
    raise AssertionError("unreachable: a level below MAX_DEPTH was found")  # pragma: no cover


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep_in_text(text: str) -> Problem:
    """``json-too-deep`` for text too deep for the parser itself, placed at the bracket that passes the limit."""
    found = _first_too_deep(text)
    if found is None:  # pragma: no cover - the parser gave up on text this scan finds shallow
        return Problem(code="json-too-deep", message="the JSON is nested too deeply to read")
    return found


def _first_too_deep(text: str) -> Problem | None:
    """``json-too-deep`` at the first bracket that opens a value nested more than :data:`MAX_DEPTH` deep (in
    strings, brackets do not count), or ``None``."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _line_column(text, match.start())
                return Problem(
                    code="json-too-deep",
                    message=f"a value nested more than {MAX_DEPTH} deep; a document may nest at most {MAX_DEPTH} deep",
                    line=line,
                    column=column,
                )
        elif token in "]}":
            depth -= 1
    return None


def _line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _raw_surrogate_problem(text: str, offset: int) -> Problem:
    line, column = _line_column(text, offset)
    return Problem(
        code="json-encoding",
        message="the text holds a lone surrogate (\\ud800-\\udfff), which is not a character",
        line=line,
        column=column,
    )


def _placed(text: str, problems: list[Problem]) -> list[Problem]:
    """The problems with their line and column in the text (located in one pass over it)."""
    from .locate import with_positions

    return with_positions(text, problems)


def json_value_problems(value: Any) -> list[Problem]:
    """What makes a Python value something no JSON text holds, with paths; empty for a JSON value.

    A JSON value is ``None``, a bool, an int of at most :data:`MAX_INTEGER_DIGITS` digits, a finite float,
    a str without lone surrogates, a list of JSON values, or a dict with str keys and JSON values, nested at
    most :data:`MAX_DEPTH` deep. Codes: ``not-json`` (a tuple, a set, bytes, a non-str key, any other
    object), ``json-constant`` (NaN, infinities), ``json-number-too-large``, ``json-encoding`` and
    ``json-too-deep``, as :func:`parse_json` gives them for text. Iterative: no recursion.

    >>> [(p.code, p.path) for p in json_value_problems({"a": [1, float("nan")], 2: (3,)})]
    [('not-json', '$'), ('json-constant', '$.a[1]'), ('not-json', "$['2']")]
    """
    if _plainly_json(value):
        return []
    problems: list[Problem] = []
    stack: list[tuple[str, Any, int]] = [("$", value, 1)]
    while stack:
        path, node, depth = stack.pop()
        if depth > MAX_DEPTH:
            problems.append(
                Problem(code="json-too-deep", message=f"a value nested more than {MAX_DEPTH} deep", path=path)
            )
        elif isinstance(node, dict):
            for key, child in node.items():
                if not isinstance(key, str):
                    problems.append(
                        Problem(
                            code="not-json",
                            message=f"a key of type {type(key).__name__} ({key!r}): JSON keys are strings",
                            path=path,
                        )
                    )
                    stack.append((join_path(path, str(key)), child, depth + 1))
                    continue
                if _has_surrogate(key):
                    problems.append(_surrogate_problem(path))
                stack.append((join_path(path, key), child, depth + 1))
        elif isinstance(node, list):
            stack.extend((join_path(path, i), child, depth + 1) for i, child in enumerate(node))
        elif node is None or isinstance(node, bool):
            continue
        elif isinstance(node, int):
            if node and math.log10(abs(node)) >= MAX_INTEGER_DIGITS:
                problems.append(
                    Problem(
                        code="json-number-too-large",
                        message=f"an integer of more than {MAX_INTEGER_DIGITS} digits",
                        path=path,
                    )
                )
        elif isinstance(node, float):
            if not math.isfinite(node):
                problems.append(Problem(code="json-constant", message=f"{node} is not a finite number", path=path))
        elif isinstance(node, str):
            if _has_surrogate(node):
                problems.append(_surrogate_problem(path))
        else:
            problems.append(
                Problem(
                    code="not-json",
                    message=f"a value of type {type(node).__name__}, which no JSON text holds",
                    path=path,
                )
            )
    return sorted(problems, key=lambda p: (p.path, p.code))


def _plainly_json(value: Any) -> bool:
    """Whether a Python value is a JSON value (see :func:`json_value_problems`), at C speed and without
    working out any path: it must encode (no NaN, no set, no lone surrogate, no integer past the limit), read
    back equal (no key that is not a string, no tuple), and nest at most :data:`MAX_DEPTH` deep."""
    if sys.getrecursionlimit() > SAFE_RECURSION_LIMIT:
        return False  # json.dumps recurses in C as deep as the value nests: the walk without recursion decides
    from ._json import collector_held

    # The copy read back is new and acyclic: without the collector held, the full collections its allocations
    # set off walk every object the program holds (at 1000 times Hestia: 385 ms instead of 264, a step of 16
    # times for ten times the value).
    with collector_held():
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
            text.encode("utf-8")
            same = bool(json.loads(text) == value)
        except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
            return False
        return same and (not isinstance(value, dict | list) or not _too_deep(value))


def _scan(value: Any, check_surrogates: bool) -> list[Problem]:
    """Find repeated keys, NaN/Infinity and lone surrogates, with their paths (iteratively: no recursion)."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _Flagged):
                for key in dict.fromkeys(node.duplicates):
                    problems.append(
                        Problem(
                            code="json-duplicate-key",
                            message=f"the key {key!r} appears more than once in one object",
                            path=join_path(path, key),
                        )
                    )
            for key, child in node.items():
                if check_surrogates and _has_surrogate(key):
                    problems.append(_surrogate_problem(path))
                stack.append((join_path(path, key), child))
        elif isinstance(node, list):
            stack.extend((join_path(path, i), child) for i, child in enumerate(node))
        elif isinstance(node, _Constant):
            problems.append(Problem(code="json-constant", message=f"{node.text} is not a finite number", path=path))
        elif isinstance(node, _TooLarge):
            problems.append(
                Problem(
                    code="json-number-too-large",
                    message=f"an integer of {node.digits} digits; a document's integers may have at most "
                    f"{node.limit}",
                    path=path,
                )
            )
        elif check_surrogates and isinstance(node, str) and _has_surrogate(node):
            problems.append(_surrogate_problem(path))
    return sorted(problems, key=lambda p: (p.path, p.code))


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _surrogate_problem(path: str) -> Problem:
    return Problem(code="json-encoding", message="a string holds a lone surrogate (\\ud800-\\udfff)", path=path)


DocumentKind: TypeAlias = Literal["case", "response", "register"]
"""The kinds of document, as their ``kind`` key names them."""


@overload
def loads(data: str | bytes, *, kind: Literal["case"], source: str | None = None) -> CaseRecord: ...
@overload
def loads(data: str | bytes, *, kind: Literal["response"], source: str | None = None) -> ResponseDocument: ...
@overload
def loads(data: str | bytes, *, kind: Literal["register"], source: str | None = None) -> Register: ...
@overload
def loads(data: str | bytes, *, kind: str | None = None, source: str | None = None) -> Document: ...
def loads(data: str | bytes, *, kind: DocumentKind | str | None = None, source: str | None = None) -> Document:
    """Read a document from JSON text or bytes; its ``kind`` says which type comes back.

    Pass ``kind`` ("case", "response", "register") to insist on one kind: the result is then typed as that
    kind's class (``loads(text, kind="case")`` is a :class:`~supercomplaint.CaseRecord`; a kind known only
    at run time, a plain ``str``, gives any document). Raises
    :class:`~supercomplaint.LoadError` carrying every problem found, each with a code, a JSON path and a
    message; no other exception escapes for bad data.

    >>> import supercomplaint
    >>> supercomplaint.loads('{"kind": "response", "schemaVersion": "1.0"}')
    Traceback (most recent call last):
    ...
    supercomplaint.problems.LoadError: 2 problems found
      $.case: [missing-field] 'case' is required here
      $.response: [missing-field] 'response' is required here
    """
    # Read in C and built by generated code when that is sure to give what the strict path below gives
    # (issue 14); otherwise, and for every document with a problem, the strict path decides and reports.
    if sys.getrecursionlimit() <= SAFE_RECURSION_LIMIT:  # msgspec's parser is safe only under it
        fast = _lazy().fast_loads(data, kind, MAX_DEPTH)
        if fast is not None:
            return fast
    from .converter import structure_document

    value = parse_json(data, source)
    try:
        return structure_document(value, kind=kind, json_checked=True)
    except LoadError as exc:
        if source is not None and exc.source is None:
            raise LoadError(exc.problems, source) from None
        raise


@overload
def load(path: str | os.PathLike[str], *, kind: Literal["case"]) -> CaseRecord: ...
@overload
def load(path: str | os.PathLike[str], *, kind: Literal["response"]) -> ResponseDocument: ...
@overload
def load(path: str | os.PathLike[str], *, kind: Literal["register"]) -> Register: ...
@overload
def load(path: str | os.PathLike[str], *, kind: str | None = None) -> Document: ...
def load(path: str | os.PathLike[str], *, kind: DocumentKind | str | None = None) -> Document:
    """Read a document from a file, as :func:`loads` reads text (with ``kind``, typed as that kind's class).

    Raises :class:`~supercomplaint.LoadError` for bad data, as :func:`loads` does, and also when the file
    cannot be read (code ``file-unreadable``); the error's ``source`` is the path.

    >>> import supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> rec = case.report.recommendations[1]
    >>> rec.label, rec.addressees, type(rec.deadline).__name__
    ('5.2', ('chief-constables',), 'NoDeadline')
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise LoadError(
            [Problem(code="file-unreadable", message=f"cannot read the file: {exc.strerror or exc}")], name
        ) from exc
    return loads(data, kind=kind, source=name)


def dumps(doc: Document, *, version: str | None = None) -> str:
    """The canonical JSON text of a document (ends with a newline).

    ``version`` is the schema version to write: the latest (``"1.1"``) by default. ``version="1.0"`` writes
    a document that a reader of 1.0 accepts, and raises :class:`~supercomplaint.VersionError` (with the path
    of each value 1.0 cannot say) when the document uses anything newer.

    Canonical: ``kind`` and ``schemaVersion`` first, then the fields in the model's order, fields at their
    default left out, two-space indentation, extension data with sorted keys. The same document always gives
    the same text, and :func:`loads` gives the document back.

    ``doc`` must be a :class:`~supercomplaint.CaseRecord`, :class:`~supercomplaint.ResponseDocument` or
    :class:`~supercomplaint.Register`; anything else is a programming error and raises an exception (today a
    :class:`KeyError`). A document made from model objects always dumps: this never raises for data.

    >>> import supercomplaint as sc
    >>> doc = sc.ResponseDocument(case="hestia-modern-slavery", response=sc.Response(id="r", responder="npcc"))
    >>> print(sc.dumps(doc), end="")
    {
      "kind": "response",
      "schemaVersion": "1.1",
      "case": "hestia-modern-slavery",
      "response": {
        "id": "r",
        "responder": "npcc"
      }
    }
    >>> sc.loads(sc.dumps(doc)) == doc
    True
    """
    return _lazy().document_text(doc, version)  # orjson, byte for byte as json.dumps(indent=2) writes (issue 14)


def upgrade(data: str | bytes, *, to: str | None = None, source: str | None = None) -> str:
    """Rewrite a document's JSON text as schema version ``to`` (the latest by default), losing nothing.

    The text is read as :func:`loads` reads it (any supported version) and written canonically as ``to``:
    ``upgrade(text_1_0)`` gives the 1.1 text, and ``loads`` of either gives the same document. Asked for an
    older version, it downgrades when the document needs nothing newer. Raises
    :class:`~supercomplaint.LoadError` for bad data and :class:`~supercomplaint.VersionError` when the
    document cannot be said in ``to``.

    >>> text = '{"kind": "response", "schemaVersion": "1.0", "case": "c", "response": {"id": "r", "responder": "npcc"}}'
    >>> print(upgrade(text), end="")
    {
      "kind": "response",
      "schemaVersion": "1.1",
      "case": "c",
      "response": {
        "id": "r",
        "responder": "npcc"
      }
    }
    """
    return dumps(loads(data, source=source), version=to)


def dump(doc: Document, path: str | os.PathLike[str], *, version: str | None = None) -> None:
    """Write a document's canonical JSON (:func:`dumps`) to ``path``, whole or not at all.

    The text goes to a temporary file beside ``path``, which then replaces it (:func:`atomic_write`), so a
    reader never sees half a file. Raises :class:`OSError` when the file cannot be written (the old file,
    if any, is then left as it was), and what :func:`dumps` raises for something that is not a document.
    """
    from ._json import document_bytes  # the bytes of dumps(doc), never held as a str as well

    atomic_write(path, document_bytes(doc, version))


class _Lazy:
    """The fast paths' modules, imported on first use (an import statement in a function costs 2 us a call)."""

    def __init__(self) -> None:
        from ._fastload import fast_loads
        from ._json import document_text

        self.fast_loads = fast_loads
        self.document_text = document_text


@functools.cache
def _lazy() -> _Lazy:
    return _Lazy()


class WriteError(SupercomplaintError, OSError):
    """A file could not be written; the file that was there, if any, is as it was and no temporary file is left.

    An :class:`OSError` too (``errno`` is the system's error number when there is one, ``filename`` the
    path), so code that catches ``OSError`` keeps working. ``problems`` holds one
    :class:`~supercomplaint.Problem` whose ``code`` says what went wrong:

    ``folder-missing``
        the folder to write in does not exist (or a part of the path is not a folder).
    ``not-a-regular-file``
        the path is a folder, a symbolic link, a device, a FIFO or a socket: only a regular file is ever
        replaced.
    ``permission-denied``
        the folder cannot be written in, the file is read-only, or the file system is mounted read-only.
    ``disk-full``
        no space (or no quota) left on the device.
    ``write-failed``
        any other failure of the system; the message gives the system's reason.

    ``str()`` of the error is one plain line: "cannot write out.json: the folder 'out' does not exist".
    """

    def __init__(self, code: str, message: str, filename: str, errno: int | None = None) -> None:
        OSError.__init__(self, errno, message, filename)
        self.problems: tuple[Problem, ...] = (Problem(code=code, message=message),)
        self.code = code

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.code, self.strerror, self.filename, self.errno))


_TEMP_SUFFIX = ".sc-tmp"
_STALE_AFTER = 15 * 60  # seconds: a temporary file this old was left by a writer that was killed
_NEW_TEMP = re.compile(r"\.(?P<name>.*)\.[0-9a-f]{16}" + re.escape(_TEMP_SUFFIX), re.DOTALL)
# Left by earlier versions, which used tempfile.mkstemp(prefix=".NAME.", suffix=".tmp").
_OLD_TEMP = re.compile(r"\.(?P<name>.*)\.[a-z0-9_]{8}\.tmp", re.DOTALL)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def atomic_write(path: str | os.PathLike[str], data: bytes | bytearray | memoryview) -> None:
    """Write ``data`` to ``path`` whole or not at all: to a temporary file beside it, then renamed into place.

    A reader sees the old file or the new one, never a part. Only a regular file is ever replaced: a
    folder, a device (``/dev/null`` included, even for root), a FIFO, a socket and a **symbolic link** are
    refused (``not-a-regular-file``). A link is refused rather than followed because replacing it would
    turn it into a regular file, and following it would write somewhere the path does not name (a link
    planted in a shared folder could point anywhere); write to the file it points to instead. A file that
    cannot be written in place (read-only, or not the user's to write) is refused too.

    A replaced file keeps its mode (setuid, setgid and sticky bits included), its owner and its group,
    as far as the system allows the writer to set them; when it does not allow the owner or group, the
    setuid or setgid bit is dropped rather than given to the writer. Extended attributes and ACLs are not
    copied, and other hard links to the old file keep the old text. A new file gets the mode of any new
    file (``0o666`` less the umask, applied by the system: the umask is never changed).

    The data is flushed to disk before the rename. On any failure the temporary file is removed and a
    :class:`WriteError` (an :class:`OSError`) is raised, with the old file as it was. Temporary files
    (``.NAME.<16 hex digits>.sc-tmp``) that a killed writer left beside the same file more than
    15 minutes ago are removed on the next write.

    Raises :class:`TypeError` when ``data`` is not bytes (or a bytearray or memoryview).
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"atomic_write() needs bytes, not {type(data).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        name = os.fsdecode(name)
    if not name or name.endswith(("/", os.sep)):
        raise WriteError("not-a-regular-file", "this names a folder, not a file", name)
    folder, base = os.path.split(name)
    folder = folder or "."
    old = _existing(name, folder)
    _remove_stale(folder, base)
    fd, tmp = _create_temp(name, folder, base, new=old is None)
    try:
        try:
            view = memoryview(data).cast("B")
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            if old is not None:
                _copy_owner_and_mode(fd, old)
        finally:
            os.close(fd)
        os.replace(tmp, name)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise _error(exc, name, folder) from exc
        raise
    _sync_folder(folder)


def _describe(mode: int) -> str | None:
    """What a file is, when it is not a regular file."""
    return next((words for test, words in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def _existing(name: str, folder: str) -> os.stat_result | None:
    """The status of the file to replace (None when there is none), refusing anything but a regular file."""
    try:
        found = os.lstat(name)
    except FileNotFoundError:
        if not os.path.isdir(folder):
            raise WriteError("folder-missing", f"the folder {folder!r} does not exist", name, errno.ENOENT) from None
        return None
    except OSError as exc:
        raise _error(exc, name, folder) from exc
    kind = _describe(found.st_mode)
    if kind is not None:
        raise WriteError(
            "not-a-regular-file",
            f"it is {kind}; only a regular file is replaced"
            + ("; give the path of the file it points to" if stat.S_ISLNK(found.st_mode) else ""),
            name,
            errno.EISDIR if stat.S_ISDIR(found.st_mode) else None,
        )
    if not os.access(name, os.W_OK):
        raise WriteError("permission-denied", "the file is read-only for you", name, errno.EACCES)
    return found


def _create_temp(name: str, folder: str, base: str, *, new: bool) -> tuple[int, str]:
    """Create the temporary file beside the target: mode 0o666 less the umask for a new file, else 0o600."""
    import secrets  # here, not at the top: it imports hashlib and hmac, ~20 ms of a start that writes nothing

    stem = _stem(base)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{stem}.{secrets.token_hex(8)}{_TEMP_SUFFIX}")
        try:
            # The system applies the umask to a new file's mode; a replaced file's mode is copied later,
            # and until then the text is readable by the writer alone.
            return os.open(tmp, flags, 0o666 if new else 0o600), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(exc, name, folder) from exc
    raise WriteError("write-failed", "no free name for a temporary file", name)  # pragma: no cover


def _stem(base: str) -> str:
    """The target's name as used in its temporary files' names, short enough for any file system."""
    raw = os.fsencode(base)
    if len(raw) <= 200:
        return base
    return os.fsdecode(raw[:200].decode("utf-8", "ignore").encode("utf-8"))


def _copy_owner_and_mode(fd: int, old: os.stat_result) -> None:
    mode = stat.S_IMODE(old.st_mode)
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except PermissionError:
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, old.st_gid)  # a group the writer belongs to can be kept
        mine = os.fstat(fd)
        if mine.st_uid != old.st_uid:
            mode &= ~stat.S_ISUID
        if mine.st_gid != old.st_gid:
            mode &= ~stat.S_ISGID
    os.fchmod(fd, mode)


def _remove_stale(folder: str, base: str) -> None:
    """Remove this file's temporary files that a killed writer left long ago (the writer's own, regular files)."""
    stem = _stem(base)
    now = time.time()
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith("."):
            continue
        match = _NEW_TEMP.fullmatch(entry.name) or _OLD_TEMP.fullmatch(entry.name)
        if match is None or match.group("name") not in (stem, base):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(found.st_mode)
                and (uid is None or found.st_uid == uid)
                and now - found.st_mtime > _STALE_AFTER
            ):
                os.unlink(entry.path)
        except OSError:
            continue


def _sync_folder(folder: str) -> None:
    """Flush the folder's entry for the renamed file to disk, where the system can (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _error(exc: OSError, name: str, folder: str) -> WriteError:
    """A plain :class:`WriteError` for a system error met while writing ``name``."""
    number = exc.errno
    if number in (errno.ENOENT, errno.ENOTDIR):
        code, message = "folder-missing", f"the folder {folder!r} does not exist"
    elif number in (errno.EACCES, errno.EPERM):
        code, message = "permission-denied", f"no permission to write in the folder {folder!r}"
    elif number == errno.EROFS:
        code, message = "permission-denied", "the file system is read-only"
    elif number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        code, message = "disk-full", "no space left on the device"
    elif number == errno.EISDIR:
        code, message = "not-a-regular-file", "it is a folder; only a regular file is replaced"
    else:
        code, message = "write-failed", (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    return WriteError(code, message, name, number)
