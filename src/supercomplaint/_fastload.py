"""The fast path of :func:`supercomplaint.loads`: a document read in C and built by generated code, or nothing.

:func:`fast_loads` returns the document that the strict path (``parse_json`` then ``structure_document``) would
return, or ``None`` whenever it cannot vouch for that; ``loads`` then runs the strict path, which finds and
reports every problem with its code and path as before. The fast path never reports a problem itself, so a
document is refused exactly as it always was; it only has to be sure never to accept what the strict path
refuses, and to build the same objects when it accepts (``tests/test_fast_path.py`` compares the two).

How it is sure (issue 14):

* **Parse.** msgspec's JSON decoder (C; it refuses NaN, Infinity, numbers too big for a float, integers of more
  digits than the strict path reads, lone surrogates, invalid UTF-8 and anything else that is not JSON, and reads
  floats correctly rounded, as ``float()`` does). It holds the values once (orjson's parse peaks at 14 times the
  text's size). Like every fast parser it keeps the last of a repeated key, so:
* **Duplicate keys.** Every colon of JSON text outside a string separates a key from its value. The generated
  code counts the colons the text of the tree it builds from would hold (one per key/value pair, and those in
  its strings: in one pass over the ids, a count per other string, and a walk of ``extensions``); fewer than the
  text holds means a key was repeated and only its last value kept. A colon spelled ``\\u003a`` would count in
  the tree alone: such text takes the strict path.
* **Depth.** The model bounds how deep a document nests, but for parts within parts and the values of
  ``extensions``: the generated code counts those, and a document that may nest more than
  :data:`~supercomplaint.io.MAX_DEPTH` deep takes the strict path.
* **Structure.** Code generated once per class and schema version checks each field inline (types, empty
  strings, enums by dict lookup, unknown keys by one set comparison, required keys by lookup) and sets the
  frozen instance's slots directly. The code is written ahead of time into ``_faststructure.py`` by
  :mod:`supercomplaint._fastgen` (so a start loads it from the bytecode cache), and generated at run time
  instead while that module is stale. Ids and references are collected and checked for the id pattern all at once;
  partial dates are parsed once per distinct text (and kept: they are immutable). Any doubt (an
  exception of any kind) abandons the fast path.

Only the strict path's verdict is ever shown to a user; the fast path is an optimisation that either agrees
with it or steps aside.
"""

from __future__ import annotations

import gc
import os
import threading
import zlib
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .converter import KINDS, SUPPORTED_VERSIONS
from .partialdate import PartialDate

if TYPE_CHECKING:
    from . import model as m

__all__ = ["fast_loads"]

_BIG = 10**18  # integers at least this large are left to the strict path, which applies the digit limit


class _Abandon(Exception):
    """The fast path cannot vouch for the document: the strict path decides."""


def _decoder() -> Callable[[str | bytes], Any] | None:
    try:
        import msgspec
    except ImportError:  # pragma: no cover - a dependency; without it every load takes the strict path
        return None
    return msgspec.json.Decoder().decode


_DECODE = _decoder()


def fast_loads(data: object, kind: str | None, max_depth: int) -> m.Document | None:
    """The document the strict path reads from ``data`` (``kind`` as :func:`~supercomplaint.loads` takes it), or
    ``None`` when the fast path cannot vouch for it."""
    if _DECODE is None:  # pragma: no cover
        return None
    collecting = gc.isenabled()  # held while the values and the model are made (as _json.collector_held does)
    try:
        if isinstance(data, str):
            text = data.removeprefix("\ufeff").encode("utf-8")  # a lone surrogate raises: the strict path says so
        elif isinstance(data, bytes):
            text = data.removeprefix(b"\xef\xbb\xbf")
        else:
            return None
        if collecting:
            gc.disable()
        tree = _DECODE(text)
        if tree.__class__ is not dict:
            return None
        found, version = tree.get("kind"), tree.get("schemaVersion")
        if found.__class__ is not str or found not in KINDS or (kind is not None and kind != found):
            return None
        if version.__class__ is not str or version not in SUPPORTED_VERSIONS:
            return None
        build = _builders(version)[found]
        doc, depth, colons = build(tree)
        del tree
        if depth > max_depth:
            return None
        # Each key/value pair of the text has its colon, as do the strings: the tree holds fewer colons when it
        # kept only the last of a repeated key (a colon spelled \\u003a would count in the tree alone).
        if colons != text.count(b":") or (b"\\" in text and b"\\u003" in text):
            return None
        return doc
    except Exception:  # noqa: BLE001 - any doubt at all: the strict path decides and reports
        return None
    finally:
        if collecting:
            gc.enable()


# --------------------------------------------------------------------------------------------------
# Generated structuring
# --------------------------------------------------------------------------------------------------


# Partial dates are immutable: one object for each distinct text, shared by every document that holds it (a
# document holds the same few dates many times; parsing one costs a regular expression, three int() calls and a
# calendar check). What fails to parse is not kept.
_partial_date = lru_cache(maxsize=4096)(PartialDate.parse)


@cache
def _mutable_twin(cls: type) -> type:
    """A subclass of a frozen, slotted model class that adds nothing but plain attribute setting.

    An instance is made as the twin, its fields set by plain assignment (a slot store: the frozen class's own
    way, ``object.__setattr__`` per field, costs a call with an argument tuple, 700 instructions a field), then
    given its class: ``o.__class__ = cls``, which Python allows between a class and a subclass of the same layout.
    """
    return type(
        f"_Mutable{cls.__name__}",
        (cls,),
        {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__, "__module__": __name__},
    )


@cache
def _enum_map(cls: type[StrEnum]) -> Mapping[str, StrEnum]:
    if any(":" in member.value for member in cls):  # pragma: no cover - the colons of the text are counted
        raise NotImplementedError(f"{cls.__name__} has a value with a colon")
    return {member.value: member for member in cls}


def _ext_shape(ext: dict[str, Any]) -> tuple[int, int]:
    """How deep the values of an extensions object nest below it (0 when none is an array or object), and the
    colons JSON text of them holds (one a key/value pair, and those in keys and strings).

    Raises :class:`_Abandon` for an integer the strict path's digit limit is for (iteratively: no recursion).
    """
    deepest = 0
    colons = len(ext) + sum(key.count(":") for key in ext)
    stack: list[tuple[Any, int]] = [(value, 1) for value in ext.values()]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            deepest = max(deepest, depth)
            colons += len(node) + sum(key.count(":") for key in node)
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            colons += node.count(":")
        elif node.__class__ is int and not -_BIG < node < _BIG:
            raise _Abandon
    return deepest, colons


_ID_CHARACTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-"
_ID_FIRST = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ID_LONGEST = 200


@cache
def _id_pattern_is_as_checked() -> bool:
    """Whether the id pattern is the one :func:`_check_ids` checks by other means (else the fast path is off)."""
    from .converter import ID_PATTERN

    return ID_PATTERN == "^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"


def _check_ids(ids: list[Any]) -> int:
    """Every collected id and reference matches the id pattern; their colons.

    Checked for all of them at once, joined one a line: ASCII, nothing but the id characters and the newlines
    that join them (deleted in one pass over the bytes), no line starting with a character only allowed after
    the first, none longer than 200 characters.
    """
    if not ids:
        return 0
    if not _id_pattern_is_as_checked():  # pragma: no cover - a changed pattern: tests/test_fast_path.py says so
        raise _Abandon
    joined = "\n".join(ids)  # TypeError for anything but a string
    if not joined.isascii():
        raise _Abandon
    raw = joined.encode("ascii")
    rest = raw.translate(None, _ID_CHARACTERS)
    if rest != b"\n" * (len(ids) - 1):  # an id holding a newline, a space, a '/' ... or an empty one
        raise _Abandon
    if (
        raw[:1] not in _ID_FIRST
        or not raw[:1]
        or raw.endswith(b"\n")
        or (b"\n." in raw or b"\n_" in raw or b"\n:" in raw or b"\n-" in raw or b"\n\n" in raw)
    ):
        raise _Abandon
    if max(map(len, ids)) > _ID_LONGEST:
        raise _Abandon
    return raw.count(b":") if b":" in raw else 0


# What the structuring functions are written from: a change to any of these makes _faststructure.py stale.
FINGERPRINTED: tuple[str, ...] = ("_fastgen.py", "_fastload.py", "converter.py", "model.py")


def source_fingerprint() -> str | None:
    """A checksum of the sources the structuring functions are generated from (line ends read as ``\\n``), or
    ``None`` when they cannot be read (a package installed without its ``.py`` files)."""
    here = os.path.dirname(os.path.abspath(__file__))
    crc = 0
    try:
        for name in FINGERPRINTED:
            with open(os.path.join(here, name), "rb") as file:
                crc = zlib.crc32(file.read().replace(b"\r\n", b"\n"), crc)
    except OSError:  # pragma: no cover - the package's sources are installed with it
        return None
    return f"{crc:08x}-{sum(map(len, FINGERPRINTED))}"


@cache
def _written() -> Mapping[str, Callable[[], Any]]:
    """The ``make`` functions written ahead of time in ``_faststructure.py``, by schema version, when that module
    was written from the sources in use; otherwise none (and :func:`_factory` generates them)."""
    expected = source_fingerprint()
    if expected is None:  # pragma: no cover
        return {}
    try:
        from . import _faststructure
    except Exception:  # noqa: BLE001 - a module written from other sources may not even import: generate instead
        return {}
    if getattr(_faststructure, "FINGERPRINT", None) != expected:
        return {}
    return _faststructure.MAKERS


@cache
def _factory(version: str) -> Callable[[], Any]:
    """The function making one set of structuring functions for ``version``: written ahead of time, or now."""
    made = _written().get(version)
    if made is not None:
        return made
    from ._fastgen import compiled

    return compiled(version)


@cache
def _builders(version: str) -> Mapping[str, Callable[[dict[str, Any]], tuple[m.Document, int, int]]]:
    """Per kind: the document built from a parsed tree, how deep the tree may nest at most, and its colons.

    The colons are those JSON text of the tree would hold: one per key/value pair, and those inside its strings.
    """
    make = _factory(version)
    spare = make()  # one set of functions to use again and again, one load at a time
    lock = threading.Lock()

    def builder(kind: str) -> Callable[[dict[str, Any]], tuple[m.Document, int, int]]:
        def build(tree: dict[str, Any]) -> tuple[m.Document, int, int]:
            if not lock.acquire(blocking=False):  # another thread is loading: functions of its own
                return run(make(), tree)
            try:
                return run(spare, tree)
            finally:
                lock.release()

        def run(functions: Any, tree: dict[str, Any]) -> tuple[m.Document, int, int]:
            roots, ids, shape = functions
            try:
                doc = roots[kind](tree)
                colons = _check_ids(ids)
            finally:
                depth, counted = shape()  # and the functions are ready for the next document
            return doc, depth, counted + colons

        return build

    return {kind: builder(kind) for kind in ("case", "response", "register")}
