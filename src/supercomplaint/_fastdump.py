"""A document's JSON value for :func:`supercomplaint.dumps`, by code generated per class (issue 14).

The same value, key for key and in the same order, as :func:`supercomplaint.converter.unstructure_document`
with the default converter gives (cattrs' generated functions): ``kind`` and ``schemaVersion`` first, then the
fields without a default and then the others, each in the model's order, under their wire names; a field left
out when it equals its default (compared with ``!=``, as cattrs compares); a deadline's ``type`` first; enums
by value, dates and partial dates in ISO form, tuples as lists, extension data sorted (by the converter's own
hook, which also says that there was some). What it saves: a call per value (cattrs calls a handler for every
field, the identity for a string), and a new ``NoDeadline()`` and ``dict()`` per object to compare defaults
with. ``tests/test_fast_path.py`` compares the two.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs

from . import model as m
from ._fastgen import _kind
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


class _Generator:
    def __init__(self) -> None:
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
            return f"{self.function_for(detail)}({x})"
        if category == "deadline":
            return f"_deadlines[{x}.__class__]({x})"
        if category == "tuple":
            element, element_detail = _kind(detail)
            if element in ("str", "id", "url"):
                return f"list({x})"
            if element == "enum":
                return f"[e.value for e in {x}]"
            if element == "obj":
                return f"list(map({self.function_for(element_detail)}, {x}))"
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
        hints = typing.get_type_hints(cls, include_extras=True)
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

    def source(self) -> str:
        body = []
        tagged = []
        for tag, variant in DEADLINE_TAGS.items():
            fname = f"u_deadline_{variant.__name__}"
            body.append(self.class_code(variant, fname, tag))
            tagged.append(f"{self.const(variant, 'C')}: {fname}")
        for cls in KINDS.values():
            self.function_for(cls)
        while self.pending:
            cls = self.pending.pop()
            if cls in self.done:
                continue
            self.done.add(cls)
            body.append(self.class_code(cls, self.names[cls]))
        roots = ", ".join(f"{self.const(cls, 'C')}: {self.names[cls]}" for cls in KINDS.values())
        return "\n".join([*body, f"_deadlines = {{{', '.join(tagged)}}}", f"_roots = {{{roots}}}"])


@cache
def _functions() -> dict[type, Callable[[Any], dict[str, Any]]]:
    generator = _Generator()
    source = generator.source()
    namespace: dict[str, Any] = {
        "_isodate": dt.date.isoformat,
        "_ext": _unstructure_extensions,
        "PartialDate": PartialDate,
        **generator.consts,
    }
    exec(compile(source, "<supercomplaint fast unstructuring>", "exec"), namespace)
    roots: dict[type, Callable[[Any], dict[str, Any]]] = namespace["_roots"]
    return roots
