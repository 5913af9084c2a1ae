"""A document's JSON value for :func:`supercomplaint.dumps`, by code generated per class (issue 14).

The same value, key for key and in the same order, as :func:`supercomplaint.converter.unstructure_document`
with the default converter gives (cattrs' generated functions): ``kind`` and ``schemaVersion`` first, then the
fields without a default and then the others, each in the model's order, under their wire names; a field left
out when it equals its default (compared with ``!=``, as cattrs compares); a deadline's ``type`` first; enums
by value, dates and partial dates in ISO form, tuples as lists, extension data sorted (by the converter's own
hook, which also says that there was some). What it saves: a call per value (cattrs calls a handler for every
field, the identity for a string), and a new ``NoDeadline()`` and ``dict()`` per object to compare defaults
with. ``tests/test_fast_path.py`` compares the two.

:func:`shallow` gives orjson the document's top-level object with the report, and each item of the
collections that grow with a record, left in place, and a ``default`` that gives each one's JSON value when
orjson reaches it: the text is the same, and the document's value is never held whole (at 100 and 1000 times
the Hestia case, a dump took 23% and 34% less time so; ``tests/test_speed_equivalence.py`` compares them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs

from . import model as m
from ._fastgen import _kind, _type_hints
from .converter import (
    DEADLINE_TAGS,
    KINDS,
    SCHEMA_VERSION,
    UNION_TAG,
    _unstructure_extensions,
    check_writable,
    kind_of,
    wire_names,
)
from .partialdate import PartialDate

__all__ = ["unstructured"]


def unstructured(doc: m.Document, version: str | None = None) -> dict[str, Any]:
    """What ``unstructure_document(doc, version=version)`` returns, by the generated functions."""
    version = version or SCHEMA_VERSION
    check_writable(doc, version)
    kind = kind_of(doc)  # a TypeError for anything but a document, as unstructure_document raises
    body: dict[str, Any] = _functions()[type(doc)](doc)
    return {"kind": kind, "schemaVersion": version, **body}


# The classes written shallow for orjson (see :func:`shallow`): the documents and the report, whose collections
# grow with a record. What they hold is written whole, one item at a time (a recommendation, a response ...).
_SHALLOW: tuple[type, ...] = (*KINDS.values(), m.Report)


class _Generator:
    """Writes ``u_<class>`` for every class, returning an object's whole JSON value, and ``w_<class>`` for the
    classes of :data:`_SHALLOW`, which leave the model objects they hold (and tuples of them) in place."""

    def __init__(self) -> None:
        self.lazy = False  # while a w_ function is written
        self.consts: dict[str, Any] = {}
        self.names: dict[type, str] = {}
        self.pending: list[type] = []
        self.done: set[type] = set()

    def const(self, value: Any, hint: str) -> str:
        for name, known in self.consts.items():
            if known is value:
                return name
        name = f"_{hint}_{len(self.consts)}"
        self.consts[name] = value
        return name

    def function_for(self, cls: type) -> str:
        name = self.names.get(cls)
        if name is None:
            name = self.names[cls] = f"u_{cls.__name__}"
            self.pending.append(cls)
        return name

    def value(self, t: Any, x: str) -> str:
        """An expression for the JSON value of ``x``, a value of type ``t`` that is not its default."""
        category, detail = _kind(t)
        if category == "opt":  # only a value that is not None (the default) gets here
            return self.value(detail, x)
        if category in ("str", "id", "url", "bool", "int"):
            return x
        if category == "date":
            return f"_isodate({x})"
        if category == "pdate":
            return f"{x}.isoformat()"
        if category == "enum":
            return f"{x}.value"
        if category == "ext":
            return f"_ext({x})"
        if category == "obj":
            return x if self.lazy else f"{self.function_for(detail)}({x})"
        if category == "deadline":
            return x if self.lazy else f"_deadlines[{x}.__class__]({x})"
        if category == "tuple":
            element, element_detail = _kind(detail)
            if element in ("str", "id", "url"):
                return x if self.lazy else f"list({x})"  # orjson writes a tuple as an array
            if element == "enum":
                return f"[e.value for e in {x}]"
            if element == "obj":
                return x if self.lazy else f"list(map({self.function_for(element_detail)}, {x}))"
        raise NotImplementedError(f"no fast unstructuring for {t!r}")  # pragma: no cover

    def default(self, field: attrs.Attribute[Any]) -> str:
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = default.factory  # type: ignore[union-attr]
            if factory is dict:
                return "{}"
            return self.const(factory(), "default")  # compared with, never handed out
        if default is None or default == () or default is False or default is True:
            return repr(default)
        return self.const(default, "default")

    def class_code(self, cls: type, name: str, tag: str | None = None) -> str:
        if self.lazy:  # what a w_ function leaves in place is written by the u_ functions, made below
            for t in _type_hints(cls).values():
                self.reachable(t)
        hints = _type_hints(cls)  # resolved once per class (the loader's generator shares them)
        names = wire_names(cls)
        start = f"{{{UNION_TAG!r}: {tag!r}}}" if tag is not None else "{}"
        lines = [f"def {name}(o):", f"    res = {start}"]
        # As cattrs writes them: the fields without a default first, then the others, each in the model's order.
        fields = attrs.fields(cls)
        ordered = [f for f in fields if f.default is attrs.NOTHING] + [
            f for f in fields if f.default is not attrs.NOTHING
        ]
        for field in ordered:
            key = names[field.name]
            expression = self.value(hints[field.name], "x")
            lines.append(f"    x = o.{field.name}")
            if field.default is attrs.NOTHING:
                lines.append(f"    res[{key!r}] = {expression}")
            else:
                lines.append(f"    if x != {self.default(field)}:")
                lines.append(f"        res[{key!r}] = {expression}")
        lines.append("    return res")
        return "\n".join(lines)

    def reachable(self, t: Any) -> None:
        """Have the u_ function of every class a value of type ``t`` may hold made."""
        category, detail = _kind(t)
        if category == "opt":
            self.reachable(detail)
        elif category == "obj":
            self.function_for(detail)
        elif category == "tuple" and _kind(detail)[0] == "obj":
            self.function_for(_kind(detail)[1])

    def source(self) -> str:
        body = []
        tagged = []
        for tag, variant in DEADLINE_TAGS.items():
            fname = f"u_deadline_{variant.__name__}"
            body.append(self.class_code(variant, fname, tag))
            tagged.append(f"{self.const(variant, 'C')}: {fname}")
        for cls in KINDS.values():
            self.function_for(cls)
        self.lazy = True
        for cls in _SHALLOW:
            body.append(self.class_code(cls, f"w_{cls.__name__}"))
        self.lazy = False
        while self.pending:
            cls = self.pending.pop()
            if cls in self.done:
                continue
            self.done.add(cls)
            body.append(self.class_code(cls, self.names[cls]))
        roots = ", ".join(f"{self.const(cls, 'C')}: {self.names[cls]}" for cls in KINDS.values())
        shallow_roots = ", ".join(f"{self.const(cls, 'C')}: w_{cls.__name__}" for cls in KINDS.values())
        every = ", ".join(
            f"{self.const(cls, 'C')}: {'w_' + cls.__name__ if cls in _SHALLOW else name}"
            for cls, name in self.names.items()
        )
        return "\n".join(
            [
                *body,
                f"_deadlines = {{{', '.join(tagged)}}}",
                f"_roots = {{{roots}}}",
                f"_shallow_roots = {{{shallow_roots}}}",
                f"_every = {{**_deadlines, {every}}}",
            ]
        )


def shallow(doc: m.Document, version: str | None = None) -> tuple[dict[str, Any], Callable[[Any], dict[str, Any]]]:
    """The document's top-level JSON object with its model objects left in place, and the ``default`` that gives
    orjson each one's object as it reaches it: ``orjson.dumps(value, default=default)`` writes what it writes of
    :func:`unstructured`'s value, without the whole value ever being held (issue 14: a dump's memory and the
    caches' misses grew faster than the document)."""
    version = version or SCHEMA_VERSION
    check_writable(doc, version)
    kind = kind_of(doc)
    body: dict[str, Any] = _namespace()["_shallow_roots"][type(doc)](doc)
    return {"kind": kind, "schemaVersion": version, **body}, _default()


@cache
def _default() -> Callable[[Any], dict[str, Any]]:
    every = _namespace()["_every"]

    def default(obj: Any) -> dict[str, Any]:
        return every[obj.__class__](obj)  # type: ignore[no-any-return]  # a KeyError for anything else

    return default


def _functions() -> dict[type, Callable[[Any], dict[str, Any]]]:
    roots: dict[type, Callable[[Any], dict[str, Any]]] = _namespace()["_roots"]
    return roots


@cache
def _namespace() -> dict[str, Any]:
    generator = _Generator()
    source = generator.source()
    namespace: dict[str, Any] = {
        "_isodate": dt.date.isoformat,
        "_ext": _unstructure_extensions,
        "PartialDate": PartialDate,
        **generator.consts,
    }
    exec(compile(source, "<supercomplaint fast unstructuring>", "exec"), namespace)
    return namespace
