"""Writes the fast path's structuring code (issue 14): ahead of time into ``_faststructure.py``, or at run time.

:mod:`supercomplaint._fastload` builds a loaded document with functions generated from the model, one set per
schema version (see its docstring for what they check). Generating and compiling them took 60-70 ms of every
command line's start (``status`` on the Hestia case: about a fifth of its run), so the functions are written
ahead of time into the committed module ``supercomplaint/_faststructure.py``, which Python's bytecode cache
then loads like any other. That module records a fingerprint of the sources it was written from (this
module, ``_fastload.py``, ``model.py`` and ``converter.py``); when the sources in use differ (a model edited
and the module not regenerated), :mod:`~supercomplaint._fastload` generates the functions at run time as
before, so the fast path is never built from a stale model. ``tests/test_fastgen.py`` fails while the
committed module is stale, naming the command that regenerates it:

    python -m supercomplaint._fastgen            # write src/supercomplaint/_faststructure.py
    python -m supercomplaint._fastgen --check    # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import typing
from collections.abc import Callable, Sequence
from enum import Enum, StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final

import attrs

from . import model as m
from ._fastload import (
    _enum_map,
    _mutable_twin,
    source_fingerprint,
)
from .partialdate import PartialDate

__all__ = ["COMMAND", "compiled", "main", "module_source", "stale_files", "write"]

COMMAND: Final = "python -m supercomplaint._fastgen"
MODULE: Final = "_faststructure.py"


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
        self.tag = version.replace(".", "_")  # in the names of what is written, so that versions share a module
        self.tags = deadline_tags(version)
        self.all_tags = DEADLINE_TAGS
        self.names: dict[type, str] = {}
        self.consts: dict[str, Any] = {}
        self.exprs: dict[str, str] = {}  # per constant: Python that makes it, for the module written ahead of time
        self.imports: dict[str, str] = {}  # alias: module
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

    def const(self, value: Any, hint: str, expr: str) -> str:
        """The name the generated code knows ``value`` by; ``expr`` is Python that makes it again."""
        for name, known in self.consts.items():
            if known is value:
                return name
        name = f"_{hint}{len(self.consts)}_{self.tag}"
        self.consts[name] = value
        self.exprs[name] = expr
        return name

    def ref(self, obj: Any) -> str:
        """Python naming a class (or other module-level object) ``obj``, its module imported by the module."""
        module, qualname = obj.__module__, obj.__qualname__
        if module == "builtins":
            return str(qualname)
        found: Any = sys.modules[module]
        for part in qualname.split("."):
            found = getattr(found, part, None)
        if found is not obj:  # pragma: no cover - the model's classes are all at module level
            raise NotImplementedError(f"{obj!r} cannot be named from its module")
        alias = "_" + module.replace(".", "_")
        self.imports[alias] = module
        return f"{alias}.{qualname}"

    def literal(self, value: Any) -> str:
        """Python making the default value ``value`` again."""
        if isinstance(value, Enum):
            return f"{self.ref(type(value))}.{value.name}"
        if value is None or type(value) in (str, int, bool):
            return repr(value)
        if type(value) is tuple:
            return "(" + "".join(f"{self.literal(item)}, " for item in value) + ")"
        raise NotImplementedError(f"no literal for the default {value!r}")  # pragma: no cover

    def twin(self, cls: type) -> str:
        return self.const(_mutable_twin(cls), "M", f"_mutable_twin({self.ref(cls)})")

    def enum_table(self, cls: type[StrEnum]) -> str:
        return self.const(_enum_map(cls), "E", f"_enum_map({self.ref(cls)})")

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
        if category in ("str", "url"):  # a non-empty string, or one the URL pattern matches; its colons counted
            refused = "not v" if category == "str" else "_url(v) is None"
            return [
                f"{indent}if v.__class__ is not str or {refused}: raise _Abandon",
                f'{indent}if ":" in v: n += v.count(":")',
                f"{indent}{out} = v",
            ]
        if category == "id":
            return [f"{indent}ida(v)", f"{indent}{out} = v"]
        if category == "bool":
            return [f"{indent}if v is not True and v is not False: raise _Abandon", f"{indent}{out} = v"]
        if category == "int":
            return [f"{indent}if v.__class__ is not int or not -_BIG < v < _BIG: raise _Abandon", f"{indent}{out} = v"]
        if category == "date":
            return [f"{indent}{out} = _date(v, None)"]
        if category == "pdate":
            return [f"{indent}{out} = _pdate(v)"]
        if category == "enum":
            return [f"{indent}{out} = {self.enum_table(detail)}[v]"]  # no colon in a value: _enum_map
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
                table = self.enum_table(element_detail)
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
            f"        o = _new({self.twin(cls)})",
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
                    f"            {setter} v",
                ]
            elif rule.full_date:
                check = [f"            {setter} _fulldate(v, None)"]
            else:  # the checked value is stored in its slot straight away
                check = self.value_code(t, f"o.{field.name}", "            ")
            if rule.required:
                lines.append(f"        v = d[{key!r}]")
                lines.extend(line[4:] for line in check)
            else:
                lines.append(f"        if {key!r} in d:")
                lines.append(f"            v = d[{key!r}]")
                lines.extend(check)
                lines.append("        else:")
                lines.append(f"            {setter} {self.default_code(field)}")
        if recursive:
            lines.append("        pk -= 1")
        # the frozen class, from its mutable twin
        lines.append(f"        o.__class__ = {self.const(cls, 'C', self.ref(cls))}")
        lines.append("        return o")
        spelled = "frozenset({" + ", ".join(map(repr, sorted(set(allowed)))) + "})"
        keys = self.const(frozenset(allowed), "K", spelled)
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
                return f"d_{factory.__name__}_{self.tag}()"
            return f"{self.const(factory, 'factory', self.ref(factory))}()"
        if default is None or default == () or default is False or default is True:
            return repr(default)
        return self.const(default, "default", self.literal(default))

    def default_maker(self, cls: type) -> str:
        """Source of a function making ``cls()`` (a default of another field) without its ``__init__``."""
        lines = [f"def d_{cls.__name__}_{self.tag}():", f"    o = _new({self.twin(cls)})"]
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING or field.converter is not None or field.validator is not None:
                raise NotImplementedError(f"{cls.__name__}() needs its __init__")  # pragma: no cover
            lines.append(f"    o.{field.name} = {self.default_code(field)}")
        lines.append(f"    o.__class__ = {self.const(cls, 'C', self.ref(cls))}")
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
                f"def make_{self.tag}():",
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




def compiled(version: str) -> Callable[[], Any]:
    """The ``make`` function of ``version``, generated and compiled now (when the written module is stale)."""
    generator = _Generator(version)
    source = generator.source()
    namespace: dict[str, Any] = {}
    exec(_HELPERS, namespace)  # the names the written module imports, the same way
    namespace.update(generator.consts)
    exec(compile(source, f"<supercomplaint fast structuring {version}>", "exec"), namespace)
    return typing.cast(Callable[[], Any], namespace[f"make_{generator.tag}"])


_PREAMBLE = f'''# THIS IS A GENERATED FILE: do not edit it. Regenerate it with `{COMMAND}`.
# ruff: noqa
# mypy: ignore-errors
"""The fast path's structuring functions, one ``make`` per schema version, written ahead of time.

Written by :mod:`supercomplaint._fastgen` from the model; :mod:`supercomplaint._fastload` uses them only while
``FINGERPRINT`` matches the sources in use, and generates them at run time otherwise.
"""

'''

# The names the generated code uses besides its constants: the written module starts with them, and the functions
# generated at run time are given them the same way.
_HELPERS = """import re as _re

from supercomplaint._fastload import _BIG, _Abandon, _enum_map, _ext_shape, _mutable_twin
from supercomplaint._fastload import _partial_date as _pdate
from supercomplaint.converter import URL_PATTERN as _URL_PATTERN
from supercomplaint.converter import _structure_date as _date
from supercomplaint.converter import _structure_extensions as _ext
from supercomplaint.converter import _structure_full_date as _fulldate

_new = object.__new__
_url = _re.compile(_URL_PATTERN).fullmatch
"""


def module_source() -> str:
    """The text of ``_faststructure.py``: every supported version's functions and the sources' fingerprint."""
    from .converter import SUPPORTED_VERSIONS, version_key

    fingerprint = source_fingerprint()
    if fingerprint is None:  # pragma: no cover - run from a source tree
        raise FileNotFoundError("the package's sources cannot be read: no fingerprint to write")
    imports: dict[str, str] = {}
    sections: list[str] = []
    makers: list[str] = []
    for version in sorted(SUPPORTED_VERSIONS, key=version_key):
        generator = _Generator(version)
        source = generator.source()
        imports.update(generator.imports)
        consts = "\n".join(f"{name} = {generator.exprs[name]}" for name in generator.consts)
        sections.append(f"\n\n# Schema {version}\n\n{consts}\n\n\n{source}\n")
        makers.append(f"{version!r}: make_{generator.tag}")
    head = "".join(f"import {module} as {alias}\n" for alias, module in sorted(imports.items()))
    return "".join(
        [
            _PREAMBLE,
            head,
            "\n",
            _HELPERS,
            f"\nFINGERPRINT = {fingerprint!r}\n",
            *sections,
            f"\n\nMAKERS = {{{', '.join(makers)}}}\n",
        ]
    )


def module_path() -> Path:
    return Path(__file__).resolve().with_name(MODULE)


def stale_files() -> list[Path]:
    """``[the module]`` when it is missing or differs from what :func:`module_source` writes, else ``[]``."""
    path = module_path()
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    return [] if current == module_source() else [path]


def write() -> list[Path]:
    """Write the module (atomically, only when it changed); return the files written."""
    from .io import atomic_write

    if not stale_files():
        return []
    path = module_path()
    atomic_write(path, module_source().encode("utf-8"))
    return [path]


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or with ``--check``, check) ``_faststructure.py``; return the exit status."""
    from .schemagen import check_or_write

    parser = argparse.ArgumentParser(prog=COMMAND, description="Write the fast path's structuring functions.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the module is stale")
    args = parser.parse_args(argv)
    return check_or_write(check=args.check, stale=stale_files, write=write, command=COMMAND)


if __name__ == "__main__":
    sys.exit(main())
