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
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import LoadError, Problem, join_path

if TYPE_CHECKING:
    from .model import Document

__all__ = ["atomic_write", "dump", "dumps", "load", "loads", "parse_json", "read_text", "upgrade"]

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
    """Parse JSON text strictly into plain Python values; raise :class:`LoadError` listing every problem."""
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

    def constant(name: str) -> _Constant:
        flags.append(True)
        return _Constant(name)

    try:
        value = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=constant, parse_float=number)
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Problem(code="json-syntax", message=f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno)],
            source,
        ) from None
    except RecursionError:
        raise LoadError(
            [Problem(code="json-too-deep", message="the JSON is nested too deeply to read")], source
        ) from None
    check_surrogates = _SURROGATE_ESCAPE.search(text) is not None
    if flags or check_surrogates:
        problems = _scan(value, check_surrogates)
        if problems:
            raise LoadError(problems, source)
    return value


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
        elif check_surrogates and isinstance(node, str) and _has_surrogate(node):
            problems.append(_surrogate_problem(path))
    return sorted(problems, key=lambda p: (p.path, p.code))


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _surrogate_problem(path: str) -> Problem:
    return Problem(code="json-encoding", message="a string holds a lone surrogate (\\ud800-\\udfff)", path=path)


def loads(data: str | bytes, *, kind: str | None = None, source: str | None = None) -> Document:
    """Read a document from JSON text or bytes; its ``kind`` says which type comes back.

    Pass ``kind`` ("case", "response", "register") to insist on one kind. Raises
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
    from .converter import structure_document

    value = parse_json(data, source)
    try:
        return structure_document(value, kind=kind)
    except LoadError as exc:
        if source is not None and exc.source is None:
            raise LoadError(exc.problems, source) from None
        raise


def load(path: str | os.PathLike[str], *, kind: str | None = None) -> Document:
    """Read a document from a file, as :func:`loads` reads text.

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
    from .converter import unstructure_document

    from .converter import SCHEMA_VERSION

    value = unstructure_document(doc, version=version or SCHEMA_VERSION)
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


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
    atomic_write(path, dumps(doc, version=version).encode("utf-8"))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it into place.

    A reader sees the old file or the new one, never a part; on any failure the temporary file is removed.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
