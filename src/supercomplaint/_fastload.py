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
  frozen instance's slots directly. Ids and references are collected and checked for the id pattern all at once;
  partial dates are parsed once per distinct text (and kept: they are immutable). Any doubt (an
  exception of any kind) abandons the fast path.

Only the strict path's verdict is ever shown to a user; the fast path is an optimisation that either agrees
with it or steps aside.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import threading
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

import attrs

from . import model as m
from .converter import KINDS, SUPPORTED_VERSIONS
from .partialdate import PartialDate

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


def _kind(t: Any) -> tuple[str, Any]:
    """What a field type is, for the generator: (category, detail)."""
    if t == m.Id or t == m.Ref:
        return "id", None
    if t == m.Url:
        return "url", None
    if t is str:
        return "str", None
    if t is bool:
        return "bool", None
    if t is int:
        return "int", None
    if t is dt.date:
        return "date", None
    if t is PartialDate:
        return "pdate", None
    if t == m.Extensions:
        return "ext", None
    if t == m.Deadline:
        return "deadline", None
    if isinstance(t, type) and issubclass(t, StrEnum):
        return "enum", t
    if isinstance(t, type) and attrs.has(t):
        return "obj", t
    args = typing.get_args(t)
    origin = typing.get_origin(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return "tuple", args[0]
    if len(args) == 2 and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return "opt", inner
    raise NotImplementedError(f"no fast structuring for {t!r}")  # pragma: no cover - the test covers the model


@cache
def _type_hints(cls: type) -> dict[str, Any]:
    """A model class's resolved field types, worked out once per class: ``typing.get_type_hints`` compiles
    every string annotation each time it is asked (the generator asks about 130 times for ~35 classes)."""
    return typing.get_type_hints(cls, include_extras=True)


class _Generator:
    """Writes the source of one factory per schema version: calling it gives the structure functions of one load."""

    def __init__(self, version: str) -> None:
        from .converter import DEADLINE_TAGS, deadline_tags

        self.version = version
        self.tags = deadline_tags(version)
        self.all_tags = DEADLINE_TAGS
        self.names: dict[type, str] = {}
        self.consts: dict[str, Any] = {}
        self.functions: list[str] = []
        self.pending: list[type] = []
        self.recursive: set[type] = set()
        self.default_makers: dict[type, str] = {}
        self.depth = self.static_depth()

    def fields(self, cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
        """The fields of ``cls`` that this version has, with their types."""
        from .converter import field_rule

        hints = _type_hints(cls)
        return [(f, hints[f.name]) for f in attrs.fields(cls) if field_rule(f, self.version).present]

    def static_depth(self) -> int:
        """How deep a document's containers nest when each recursive class occurs once on a path (the root is 1).

        The model's one recursion is a part's parts (a class holding a tuple of itself: 2 levels a nesting);
        the generated code counts the nesting and the extensions' own depth, and adds them (see ``build``).
        """
        from .converter import KINDS

        def below(cls: type, path: tuple[type, ...]) -> int:
            best = 0
            for _, t in self.fields(cls):
                category, detail = _kind(t)
                while category == "opt":
                    category, detail = _kind(detail)
                if category == "obj":
                    if detail in path:  # pragma: no cover - the model's recursion is through a tuple
                        raise NotImplementedError(f"recursion through {cls.__name__} not by a tuple of itself")
                    best = max(best, 1 + below(detail, (*path, detail)))
                elif category == "deadline":
                    best = max(best, 1 + max(below(v, (*path, v)) for v in self.tags.values()))
                elif category == "ext":
                    best = max(best, 1)
                elif category == "tuple":
                    element, element_detail = _kind(detail)
                    if element == "obj" and element_detail in path:
                        if element_detail is not cls or self.recursive - {cls}:  # pragma: no cover
                            raise NotImplementedError(f"recursion through {cls.__name__} other than by itself")
                        self.recursive.add(cls)
                        best = max(best, 1)
                    elif element == "obj":
                        best = max(best, 2 + below(element_detail, (*path, element_detail)))
                    else:
                        best = max(best, 1)
            return best

        return 1 + max(below(cls, (cls,)) for cls in KINDS.values())

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
            name = self.names[cls] = f"s_{cls.__name__}"
            self.pending.append(cls)
        return name

    def value_code(self, t: Any, out: str, indent: str) -> list[str]:
        """Lines that check ``v`` as a value of type ``t`` and assign the structured value to ``out``."""
        category, detail = _kind(t)
        if category == "opt":  # a present key's null is refused by every inner check below
            return self.value_code(detail, out, indent)
        if category == "str":
            return [
                f"{indent}if v.__class__ is not str or not v: raise _Abandon",
                f'{indent}if ":" in v: n += v.count(":")',
                f"{indent}{out} = v",
            ]
        if category == "id":
            return [f"{indent}ida(v)", f"{indent}{out} = v"]
        if category == "url":
            return [
                f"{indent}if v.__class__ is not str or _url(v) is None: raise _Abandon",
                f'{indent}if ":" in v: n += v.count(":")',
                f"{indent}{out} = v",
            ]
        if category == "bool":
            return [f"{indent}if v is not True and v is not False: raise _Abandon", f"{indent}{out} = v"]
        if category == "int":
            return [f"{indent}if v.__class__ is not int or not -_BIG < v < _BIG: raise _Abandon", f"{indent}{out} = v"]
        if category == "date":
            return [f"{indent}{out} = _date(v, None)"]
        if category == "pdate":
            return [f"{indent}{out} = _pdate(v)"]
        if category == "enum":
            return [f"{indent}{out} = {self.const(_enum_map(detail), 'E')}[v]"]  # no colon in a value: _enum_map
        if category == "ext":
            return [
                f"{indent}if v.__class__ is not dict: raise _Abandon",
                f"{indent}if v:",
                f"{indent}    {out} = _ext(v, None)",
                f"{indent}    e, c = _ext_shape(v)",
                f"{indent}    n += c",
                f"{indent}    if e > emax: emax = e",
                f"{indent}else:",
                f"{indent}    {out} = {{}}",
            ]
        if category == "obj":
            return [f"{indent}{out} = {self.function_for(detail)}(v)"]
        if category == "deadline":
            return [f"{indent}{out} = s__deadline(v)"]
        if category == "tuple":
            element, element_detail = _kind(detail)
            head = f"{indent}if v.__class__ is not list: raise _Abandon"
            if element == "id":
                return [head, f"{indent}ide(v)", f"{indent}{out} = tuple(v)"]
            if element == "str":
                return [
                    head,
                    f'{indent}if "" in v: raise _Abandon',
                    f'{indent}j = "".join(v)',
                    f'{indent}if ":" in j: n += j.count(":")',
                    f"{indent}{out} = tuple(v)",
                ]
            if element == "enum":
                table = self.const(_enum_map(element_detail), "E")
                return [head, f"{indent}{out} = tuple(map({table}.__getitem__, v))"]
            if element == "obj":
                # The parsed objects are freed as soon as they are built: a load holds the values once, not twice.
                return [
                    head,
                    f"{indent}{out} = tuple(map({self.function_for(element_detail)}, v))",
                    f"{indent}v.clear()",
                ]
            raise NotImplementedError(f"no fast structuring for {t!r}")  # pragma: no cover
        raise NotImplementedError(f"no fast structuring for {t!r}")  # pragma: no cover

    def class_code(self, cls: type, name: str, extra_keys: tuple[str, ...] = ()) -> str:
        from .converter import field_rule, wire_names

        hints = _type_hints(cls)
        names = wire_names(cls)
        if any(":" in key for key in (*names.values(), *extra_keys)):  # pragma: no cover - colons are counted
            raise NotImplementedError(f"a key of {cls.__name__} has a colon")
        allowed: list[str] = list(extra_keys)
        recursive = cls in self.recursive
        lines = [
            f"    def {name}(d):",
            "        nonlocal n, emax, pk, pmax",
            "        if d.__class__ is not dict or not d.keys() <= {keys}: raise _Abandon",
            "        n += len(d)",
            f"        o = _new({self.const(_mutable_twin(cls), 'M')})",
        ]
        if recursive:  # how many of these are nested, for the depth of the document
            lines += ["        pk += 1", "        if pk > pmax: pmax = pk"]
        for field in attrs.fields(cls):
            rule = field_rule(field, self.version)
            setter = f"o.{field.name} ="
            if not rule.present:  # its key is unknown to this version (refused by the key check): the default
                lines.append(f"        {setter} {self.default_code(field)}")
                continue
            key = names[field.name]
            allowed.append(key)
            t = hints[field.name]
            if "minimum" in field.metadata:
                if t is not int:  # pragma: no cover - the model's minimums are on integers
                    raise NotImplementedError(f"a minimum on {t!r}")
                least = int(field.metadata["minimum"])
                check = [
                    f"            if v.__class__ is not int or not {least} <= v < _BIG: raise _Abandon",
                    "            x = v",
                ]
            elif rule.full_date:
                check = ["            x = _fulldate(v, None)"]
            else:
                check = self.value_code(t, "x", "            ")
            if rule.required:
                lines.append(f"        v = d[{key!r}]")
                lines.extend(line[4:] for line in check)
                lines.append(f"        {setter} x")
            else:
                lines.append(f"        if {key!r} in d:")
                lines.append(f"            v = d[{key!r}]")
                lines.extend(check)
                lines.append(f"            {setter} x")
                lines.append("        else:")
                lines.append(f"            {setter} {self.default_code(field)}")
        if recursive:
            lines.append("        pk -= 1")
        lines.append(f"        o.__class__ = {self.const(cls, 'C')}")  # the frozen class, from its mutable twin
        lines.append("        return o")
        keys = self.const(frozenset(allowed), "K")
        return "\n".join(lines).replace("{keys}", keys)

    def default_code(self, field: attrs.Attribute[Any]) -> str:
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = default.factory  # type: ignore[union-attr]
            if factory is dict:
                return "{}"
            if isinstance(factory, type) and attrs.has(factory) and factory not in self.default_makers:
                self.default_makers[factory] = self.default_maker(factory)
            if factory in self.default_makers:
                return f"d_{factory.__name__}()"
            return f"{self.const(factory, 'factory')}()"
        if default is None or default == () or default is False or default is True:
            return repr(default)
        return self.const(default, "default")

    def default_maker(self, cls: type) -> str:
        """Source of a function making ``cls()`` (a default of another field) without its ``__init__``."""
        lines = [f"def d_{cls.__name__}():", f"    o = _new({self.const(_mutable_twin(cls), 'M')})"]
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING or field.converter is not None or field.validator is not None:
                raise NotImplementedError(f"{cls.__name__}() needs its __init__")  # pragma: no cover
            lines.append(f"    o.{field.name} = {self.default_code(field)}")
        lines.append(f"    o.__class__ = {self.const(cls, 'C')}")
        lines.append("    return o")
        return "\n".join(lines)

    def source(self) -> str:
        from .converter import KINDS, UNION_TAG

        roots = {kind: self.function_for(cls) for kind, cls in KINDS.items()}
        body: list[str] = []
        # Deadlines: the tag picks the variant; the tag's key is allowed beside the variant's fields.
        tag_functions = {}
        for tag, variant in self.tags.items():
            fname = f"s_deadline_{variant.__name__}"
            tag_functions[tag] = fname
            body.append(self.class_code(variant, fname, extra_keys=(UNION_TAG,)))
        body.append(
            "\n".join(
                [
                    "    def s__deadline(v):",
                    "        if v.__class__ is not dict: raise _Abandon",
                    f"        return tags[v[{UNION_TAG!r}]](v)",
                ]
            )
        )
        done: set[type] = set()
        while self.pending:
            cls = self.pending.pop()
            if cls in done:
                continue
            done.add(cls)
            if cls in KINDS.values():
                body.append(self.class_code(cls, self.names[cls], extra_keys=("kind", "schemaVersion")))
            else:
                body.append(self.class_code(cls, self.names[cls]))
        tag_table = ", ".join(f"{tag!r}: {fname}" for tag, fname in tag_functions.items())
        root_table = ", ".join(f"{kind!r}: {fname}" for kind, fname in roots.items())
        return "\n".join(
            [
                *self.default_makers.values(),
                "def make():",
                "    n = emax = pk = pmax = 0",
                "    ids = []",
                "    ida = ids.append",
                "    ide = ids.extend",
                *body,
                f"    tags = {{{tag_table}}}",
                "    def shape():",
                "        nonlocal n, emax, pk, pmax",
                f"        found = {self.depth} + emax + 2 * max(pmax - 1, 0), n",
                "        n = emax = pk = pmax = 0",  # ready for the next document
                "        ids.clear()",
                "        return found",
                f"    return {{{root_table}}}, ids, shape",
            ]
        )


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


@cache
def _factory(version: str) -> tuple[Callable[[], Any], str]:
    from .converter import URL_PATTERN, _structure_date, _structure_extensions, _structure_full_date

    generator = _Generator(version)
    source = generator.source()
    namespace: dict[str, Any] = {
        "_Abandon": _Abandon,
        "_new": object.__new__,
        "_url": re.compile(URL_PATTERN).fullmatch,
        "_date": _structure_date,
        "_fulldate": _structure_full_date,
        "_pdate": _partial_date,
        "_ext": _structure_extensions,
        "_ext_shape": _ext_shape,
        "_BIG": _BIG,
        **generator.consts,
    }
    exec(compile(source, f"<supercomplaint fast structuring {version}>", "exec"), namespace)
    return namespace["make"], source


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
    if raw[:1] not in _ID_FIRST or not raw[:1] or any(f"\n{c}" in joined for c in "._:-\n") or raw.endswith(b"\n"):
        raise _Abandon
    if max(map(len, ids)) > _ID_LONGEST:
        raise _Abandon
    return raw.count(b":") if b":" in raw else 0


@cache
def _builders(version: str) -> Mapping[str, Callable[[dict[str, Any]], tuple[m.Document, int, int]]]:
    """Per kind: the document built from a parsed tree, how deep the tree may nest at most, and its colons.

    The colons are those JSON text of the tree would hold: one per key/value pair, and those inside its strings.
    """
    make = _factory(version)[0]
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
