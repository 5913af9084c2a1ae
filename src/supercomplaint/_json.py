"""The canonical JSON text of an unstructured document, fast and byte for byte as the standard library writes it.

The reference is ``json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\\n"``, whose indented
encoder runs in pure Python (issue 14: 73-93% of a ``dumps``). orjson with ``OPT_INDENT_2`` writes the same
bytes in a few percent of the time, except in four places, each handled here:

* a float below 1e-4 in magnitude: Python writes ``1e-05``, orjson ``0.00001`` or ``1e-7``; every float in
  value position is rewritten as Python's ``repr`` when the text holds such a spelling (both are the shortest
  text that reads back as the same float, so reading orjson's and writing it with ``repr`` gives Python's);
* an integer beyond 64 bits, a string with a lone surrogate, a key that is not a string: orjson refuses them,
  and the standard library writes the whole document;
* NaN and the infinities: orjson writes ``null``, the reference raises :class:`ValueError`; when the text has
  a ``null`` in value position, the standard library's C encoder (no indentation, so fast) checks the value
  and raises as the reference does.

``tests/test_speed_equivalence.py`` compares the two over every example and generated documents.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Document

__all__ = ["canonical_bytes", "canonical_text", "collector_held", "document_bytes", "document_text", "reference_text"]

# A number in value position: after a key's ": " or an array's indentation, and last on its line. Inside a
# string nothing is last on its line (orjson escapes newlines, and a string ends with its quote).
_FLOAT = re.compile(rb" (-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?)(?=,?\n)")
# Where orjson may spell a float unlike Python (below 1e-4 in magnitude: 0.00001, 1e-7) there is ".0000" or a
# digit before "e-"; ids and words hold "e-" often ("response-2"), so the digits are made zeros (a C pass over
# the bytes, faster than a regular expression's scan) and "0e-" looked for.
_ZEROS = bytes.maketrans(b"123456789", b"000000000")
# A null in value position (as above), which may be orjson's spelling of NaN or an infinity.
_NULL = re.compile(rb" null(?=,?\n)")


def reference_text(value: Any) -> str:
    """The canonical text as the standard library writes it (the slow path, and the definition)."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def canonical_bytes(value: Any) -> bytes:
    """``reference_text(value)`` encoded as UTF-8 (as ``dump`` writes it), by orjson where it writes the same."""
    fast = _fast(value)
    return reference_text(value).encode("utf-8") if fast is None else fast


def canonical_text(value: Any) -> str:
    """``reference_text(value)``, written by orjson where it writes the same bytes."""
    fast = _fast(value)
    return reference_text(value) if fast is None else fast.decode("utf-8")


def document_text(doc: Document, version: str | None = None) -> str:
    """What :func:`supercomplaint.dumps` returns: the document unstructured, then written canonically."""
    with collector_held():
        fast = _streamed(doc, version)
        if fast is None:
            value, free = _unstructured(doc, version)
            fast = _fast(value, free)
            if fast is None:
                return reference_text(value)
            del value  # not held while the text is decoded
        return fast.decode("utf-8")


def document_bytes(doc: Document, version: str | None = None) -> bytes:
    """What :func:`supercomplaint.dump` writes: :func:`document_text` as UTF-8, never held as a ``str``."""
    with collector_held():
        fast = _streamed(doc, version)
        if fast is not None:
            return fast
        value, free = _unstructured(doc, version)
        fast = _fast(value, free)
        return reference_text(value).encode("utf-8") if fast is None else fast


def _streamed(doc: Document, version: str | None) -> bytes | None:
    """The document's canonical text written by orjson straight from the model, or None to write it from its
    whole JSON value (as :func:`_fast` does).

    orjson asks for each model object's JSON object as it reaches it (``_fastdump.shallow``), so the document's
    value is never held whole: at 1000 times the Hestia case a dump held a value of 0.6 times its text's size,
    and making and freeing it cost more than writing the text (issue 14). What only the whole value can settle
    goes that way: a value orjson refuses (an integer beyond 64 bits, a lone surrogate), and a ``null`` in
    extension data (perhaps orjson's spelling of NaN, which the reference refuses).
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency
        return None
    from ._fastdump import shallow
    from .converter import EXTENSION_DATA

    token = EXTENSION_DATA.set(False)
    try:
        root, default = shallow(doc, version)  # VersionError, and TypeError for what is not a document, raised
        try:
            out = orjson.dumps(root, default=default, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # orjson.JSONEncodeError, also for whatever the default raised: the whole value decides
            return None
        if not EXTENSION_DATA.get():  # no extension data: no float and no null in the text
            return out
    finally:
        EXTENSION_DATA.reset(token)
    if b"null" in out and _NULL.search(out):
        return None
    return _python_floats(out)


def _unstructured(doc: Document, version: str | None) -> tuple[Any, bool]:
    """The document's JSON value, and whether it holds extension data (the only place a float or a null can be)."""
    from ._fastdump import unstructured  # unstructure_document's value, by code generated per class
    from .converter import EXTENSION_DATA

    token = EXTENSION_DATA.set(False)
    try:
        value = unstructured(doc, version)
        return value, EXTENSION_DATA.get()
    finally:
        EXTENSION_DATA.reset(token)


@contextmanager
def collector_held() -> Iterator[None]:
    """The garbage collector paused while a document's tree of new, acyclic values is built (and written).

    Used by :func:`document_text`, the converter's ``structure_document`` and the check of a Python value in
    :mod:`supercomplaint.io`.

    With a large document alive, each full collection the allocations set off walks every object the program
    holds: at 1000 times the Hestia case that made a dump cost 33 times what one a tenth the size cost (issue 14).
    Nothing built here is cyclic, so nothing is left for the collector; it is enabled again (if it was) after.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _fast(value: Any, free: bool = True) -> bytes | None:
    """orjson's text made the reference's, or None where only the standard library can write the value.

    ``free=False`` says the value holds no float and no null (a document without extension data: the model has
    no float field and leaves out what is None), so the text needs no look for either.
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; a stripped install still writes
        return None
    try:
        out = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson.JSONEncodeError: a big integer, a lone surrogate, a key that is not a string
        return None
    if out[:1] not in (b"{", b"["):  # a bare scalar: nothing precedes it as the patterns below expect
        return None
    if not free:
        return out
    if b"null" in out and _NULL.search(out):
        json.dumps(value, ensure_ascii=False, allow_nan=False)  # raises ValueError for NaN and the infinities
    return _python_floats(out)


def _python_floats(out: bytes) -> bytes:
    """orjson's text with every float spelled as Python spells it (only where a spelling can differ)."""
    if b".0000" in out or (b"e-" in out and b"0e-" in out.translate(_ZEROS)):
        return _FLOAT.sub(_python_float, out)
    return out


def _python_float(match: re.Match[bytes]) -> bytes:
    token = match.group(1)
    if b"." not in token and b"e" not in token:  # an integer: already as Python writes it
        return match.group(0)
    return b" " + repr(float(token)).encode("ascii")
