"""Generate the JSON Schemas (draft 2020-12) from the model classes and the wire-format constants.

The schemas are the contract that other bodies validate against, often without running Python; they must
never say something different from the model. So they are never edited by hand: this module builds them
from the attrs classes of :mod:`supercomplaint.model` (field types, defaults, the ``doc`` metadata of every
field, class docstrings) and from the constants of :mod:`supercomplaint.converter` (key names, deadline tags,
document kinds, schema versions, patterns). The committed files are its output, and a test fails when they
are stale.

Regenerate them from a source checkout with::

    python -m supercomplaint.schemagen          # writes schemas/ and src/supercomplaint/schemas/
    python -m supercomplaint.schemagen --check  # exit status 1 if a committed file is stale

Layout, chosen so that code generators (json-schema-to-typescript, datamodel-code-generator, quicktype) and
validators (check-jsonschema, ajv) read each file with no extra options:

* one file per document kind (``case``, ``response``, ``register``), self-contained: every definition the
  kind uses sits under its own ``$defs`` and is referred to as ``#/$defs/Name``; no ``$ref`` leaves the file;
* ``definitions.schema.json`` holds every definition of the version, built the same way, for tools that
  want them on their own;
* every definition has a ``title`` equal to its name (so generated classes are named after the model's
  classes, never ``Id1``, ``Id2``); properties have a description and no title (a titled property would
  become a class of its own);
* the one union, the deadline, is a ``oneOf`` of closed objects, each with a ``type`` key whose ``const``
  is its tag: a discriminated union that generators turn into a real union;
* dates are refused by their ``pattern`` when they are not calendar dates ('2021-02-30', '2100-02-29',
  '0000-01-01'); no ``format`` keyword, which a validator may ignore and ajv in strict mode refuses to read.

Each file's ``$id`` carries the schema version (``https://supercomplaint.example/schemas/1.0/case.schema.json``);
the base is a name, never fetched.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import functools
import inspect
import itertools
import json
import re
import sys
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

import attrs

from . import converter as c
from . import model as m
from .io import atomic_write
from .partialdate import PartialDate

__all__ = [
    "BASE_URI",
    "COMMAND",
    "DEFINITIONS",
    "DIALECT",
    "GENERATED_NOTE",
    "LIMITS",
    "check_or_write",
    "default_directories",
    "file_name",
    "folder",
    "generate",
    "main",
    "package_dir",
    "ref",
    "render",
    "schema_id",
    "source_root",
    "stale_files",
    "write",
]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every generated file."""

BASE_URI: Final = "https://supercomplaint.example/schemas/"
"""The base of every ``$id``: a stable name that does not resolve; nothing is ever fetched from it."""

DEFINITIONS: Final = "definitions"
"""The name of the shared definitions file (``definitions.schema.json``)."""

COMMAND: Final = "python -m supercomplaint.schemagen"
"""The command that regenerates the committed schemas."""

GENERATED_NOTE: Final = (
    f"THIS IS A GENERATED FILE: do not edit it. It is made from supercomplaint's model by `{COMMAND}`."
)


def file_name(name: str) -> str:
    """The file name of a schema: ``case`` -> ``case.schema.json``."""
    return f"{name}.schema.json"


def schema_id(name: str, version: str = c.SCHEMA_VERSION) -> str:
    """The ``$id`` of a schema file, carrying the schema version."""
    return f"{BASE_URI}{version}/{file_name(name)}"


def ref(name: str) -> str:
    """The ``$ref`` to a definition: always in the same file (``#/$defs/Name``)."""
    return f"#/$defs/{name}"


# --------------------------------------------------------------------------------------------------
# Wording, taken from the model's own text
# --------------------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Docstring text as a plain paragraph run: doctests and reST markup dropped."""
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        if ">>>" in paragraph or paragraph.lstrip().startswith(("Ordering", "Attributes:")):
            continue
        paragraphs.append(" ".join(line.strip() for line in paragraph.splitlines()))
    joined = "\n\n".join(p for p in paragraphs if p)
    joined = re.sub(r"``([^`]+)``", r"'\1'", joined)
    return re.sub(r":[a-z]+:`~?\.?([^`]+)`", r"\1", joined)


def _class_doc(cls: type) -> str:
    doc = inspect.getdoc(cls)
    if not doc:
        raise ValueError(f"{cls.__qualname__} has no docstring; the schema needs its description")
    return _plain(doc)


def _attribute_docs(module: types.ModuleType) -> dict[str, str]:
    """Docstrings written under module-level assignments (``Id = Annotated[...]`` then a string)."""
    tree = ast.parse(inspect.getsource(module))
    docs: dict[str, str] = {}
    body = tree.body
    for statement, following in itertools.pairwise(body):
        target: ast.expr | None = None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        elif isinstance(statement, ast.AnnAssign):
            target = statement.target
        if (
            isinstance(target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[target.id] = _plain(inspect.cleandoc(following.value.value))
    return docs


def _field_doc(cls: type, field: attrs.Attribute[Any]) -> str:
    doc = field.metadata.get("doc")
    if not isinstance(doc, str) or not doc:
        raise ValueError(f"{cls.__qualname__}.{field.name} has no metadata['doc']; the schema needs its description")
    return doc


def _refs(node: object) -> Iterator[str]:
    """The names of the definitions a schema node refers to (``#/$defs/Name``), directly."""
    if isinstance(node, dict):
        target = node.get("$ref")
        if isinstance(target, str):
            yield target.rsplit("/", 1)[1]
        for child in node.values():
            yield from _refs(child)
    elif isinstance(node, list):
        for child in node:
            yield from _refs(child)


# --------------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------------


class _Builder:
    """Collects ``$defs`` while translating model types into schemas."""

    def __init__(self, version: str = c.SCHEMA_VERSION) -> None:
        self.version = version
        self.defs: dict[str, dict[str, Any]] = {}
        self.module_docs = _attribute_docs(m)

    def define(self, name: str, make: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A ``$ref`` to the definition ``name``, made by ``make`` the first time it is needed."""
        if name not in self.defs:
            self.defs[name] = {}  # placeholder first: recursive types (Part) refer to themselves
            self.defs[name] = make()
        return {"$ref": ref(name)}

    # Types -------------------------------------------------------------------------------------

    def type_schema(self, t: Any) -> dict[str, Any]:
        """The schema of a value of model type ``t``."""
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if t == m.Deadline:
            return self.define("Deadline", self._deadline)
        if t == m.Extensions:
            return self.define("Extensions", self._extensions)
        for name, alias, pattern in (
            ("Id", m.Id, c.ID_PATTERN),
            ("Ref", m.Ref, c.ID_PATTERN),
            ("Url", m.Url, c.URL_PATTERN),
        ):
            if t == alias:
                return self.define(name, functools.partial(self._string, name, pattern))
        if origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1 and len(args) == 2:
                # Optional: the key may be left out; null is refused (absent means absent).
                return self.type_schema(rest[0])
            raise TypeError(f"no schema for the union {t!r}")
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if t is str:
            return {"type": "string", "minLength": 1}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is dt.date:
            return self.define("Date", self._date)
        if t is PartialDate:
            return self.define("PartialDate", self._partial_date)
        if isinstance(t, type) and issubclass(t, StrEnum):
            return self.define(t.__name__, functools.partial(self._enum, t))
        if isinstance(t, type) and attrs.has(t):
            return self.define(t.__name__, functools.partial(self.object_schema, t))
        raise TypeError(f"no schema for the model type {t!r}")

    def properties(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        """The ``properties`` and ``required`` of an attrs class, in field order."""
        hints = typing.get_type_hints(cls, include_extras=True)
        names = c.wire_names(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            rule = c.field_rule(field, self.version)
            if not rule.present:
                continue
            key = names[field.name]
            schema = self.type_schema(dt.date if rule.full_date else hints[field.name])
            if "minimum" in field.metadata:
                schema["minimum"] = field.metadata["minimum"]
            # No title: a titled property becomes a class of its own in code generators. A reference is
            # wrapped in a one-item allOf: a $ref with a description beside it is a new schema to
            # json-schema-to-typescript, which would make a numbered copy of the definition for each field.
            if "$ref" in schema:
                schema = {"allOf": [schema]}
            properties[key] = {"description": _field_doc(cls, field), **schema}
            if rule.required:
                required.append(key)
        return properties, required

    def object_schema(self, cls: type, tag: str | None = None) -> dict[str, Any]:
        """A closed object schema for an attrs class; ``tag`` adds the union's ``type`` key first."""
        properties, required = self.properties(cls)
        if tag is not None:
            properties = {
                c.UNION_TAG: {"description": f"The kind of deadline: always '{tag}' here.", "const": tag},
                **properties,
            }
            required = [c.UNION_TAG, *required]
        schema: dict[str, Any] = {"title": cls.__name__, "description": _class_doc(cls), "type": "object"}
        if required:
            schema["required"] = required
        schema["properties"] = properties
        schema["additionalProperties"] = False
        return schema

    # Definitions that are not classes -------------------------------------------------------------

    def _string(self, name: str, pattern: str) -> dict[str, Any]:
        return {
            "title": name,
            "description": self.module_docs[name].split("\n\n")[0],  # the rest is for Python's type checkers
            "type": "string",
            "minLength": 1,
            "pattern": pattern,
        }

    def _enum(self, cls: type[StrEnum]) -> dict[str, Any]:
        return {
            "title": cls.__name__,
            "description": _class_doc(cls) + " A closed list.",
            "type": "string",
            "enum": [member.value for member in cls],
        }

    def _date(self) -> dict[str, Any]:
        return {
            "title": "Date",
            "description": "A calendar date, YYYY-MM-DD (RFC 3339 full-date), from 0001-01-01 to 9999-12-31; the "
            "pattern knows month lengths and leap years, so '2021-02-30' and '2100-02-29' do not match it.",
            "type": "string",
            "minLength": 1,
            "pattern": c.DATE_PATTERN,
        }

    def _partial_date(self) -> dict[str, Any]:
        return {
            "title": "PartialDate",
            "description": _class_doc(PartialDate)
            + " Written YYYY when only the year is known, YYYY-MM when the month is, YYYY-MM-DD for a day; the "
            "pattern knows month lengths and leap years, and years run from 0001 to 9999.",
            "type": "string",
            "minLength": 1,
            "pattern": c.PARTIAL_DATE_PATTERN,
        }

    def _extensions(self) -> dict[str, Any]:
        return {
            "title": "Extensions",
            "description": self.module_docs["Extensions"]
            + " The only open object: its keys are dotted namespaces, its values any JSON.",
            "type": "object",
            "propertyNames": {"pattern": c.NAMESPACE_PATTERN},
        }

    def _deadline(self) -> dict[str, Any]:
        known = c.deadline_tags(self.version)
        branches = [
            self.define(cls.__name__, functools.partial(self.object_schema, cls, tag)) for tag, cls in known.items()
        ]
        tags = ", ".join(f"'{tag}'" for tag in known)
        return {
            "title": "Deadline",
            "description": f"{self.module_docs['Deadline']} The key '{c.UNION_TAG}' says which: {tags}; each kind "
            "is a closed object of its own (a discriminated union).",
            "oneOf": branches,
        }


LIMITS: Final = (
    "Limits of the format, beyond what this schema can say: values nest at most 200 deep, integers have at "
    "most 4,300 digits and strings hold no lone surrogate (refused when parsing: json-too-deep, "
    "json-number-too-large, json-encoding); groups nest at most 32 deep and a period lasts at most 100 years "
    "(refused by the rules SC107 and SC213)."
)
"""The limits of the format that a JSON Schema cannot express, stated in each document schema's description."""


def _document_schema(builder: _Builder, kind: str, cls: type) -> dict[str, Any]:
    properties, required = builder.properties(cls)
    version = builder.version
    return {
        "$schema": DIALECT,
        "$id": schema_id(kind, version),
        "$comment": GENERATED_NOTE,
        "title": cls.__name__,
        "description": f"{_class_doc(cls)} The supercomplaint {kind} document, schema version {version}. "
        "Self-contained: every definition it uses is under $defs. " + LIMITS,
        "type": "object",
        "required": [c.KIND_KEY, c.VERSION_KEY, *required],
        "properties": {
            c.KIND_KEY: {"description": f"Says what the document is: always '{kind}' here.", "const": kind},
            c.VERSION_KEY: {
                "description": f"The version of the supercomplaint schemas the document follows: '{version}' for "
                "this schema (each version has its own schema file).",
                "const": version,
            },
            **properties,
        },
        "additionalProperties": False,
    }


def _closure(roots: typing.Iterable[str], defs: Mapping[str, Any]) -> list[str]:
    """The definitions reachable from ``roots`` through ``$ref``, sorted by name."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(_refs(defs[name]))
    return sorted(seen)


def folder(version: str) -> str:
    """Where a version's files live, relative to a schema folder: the latest at the top, older ones in a
    sub-folder named after the version (``1.0/``)."""
    return "" if version == c.SCHEMA_VERSION else f"{version}/"


def generate() -> dict[str, dict[str, Any]]:
    """Every schema, by file name relative to a schema folder: for each supported version, one per
    document kind, then the shared definitions (older versions under ``1.0/`` and so on).

    Each kind's file is self-contained: the definitions it uses sit under its own ``$defs``, referred to as
    ``#/$defs/Name``, so that no validator or code generator needs to fetch or resolve anything outside
    it. The definitions file holds every definition of the version, the same text, for tools that read
    definitions on their own.
    """
    out: dict[str, dict[str, Any]] = {}
    for version in sorted(c.SUPPORTED_VERSIONS, key=c.version_key, reverse=True):
        out.update({folder(version) + name: schema for name, schema in _generate_version(version).items()})
    return out


def _generate_version(version: str) -> dict[str, dict[str, Any]]:
    builder = _Builder(version)
    out = {file_name(kind): _document_schema(builder, kind, cls) for kind, cls in c.KINDS.items()}
    for kind in c.KINDS:
        document = out[file_name(kind)]
        document["$defs"] = {name: builder.defs[name] for name in _closure(_refs(document), builder.defs)}
    out[file_name(DEFINITIONS)] = {
        "$schema": DIALECT,
        "$id": schema_id(DEFINITIONS, version),
        "$comment": GENERATED_NOTE,
        "title": f"supercomplaint shared definitions, schema version {version}",
        "description": "Every definition of the case, response and register schemas, as each of them holds "
        "the ones it uses under its own $defs.",
        "$defs": {name: builder.defs[name] for name in sorted(builder.defs)},
    }
    return out


def render(schema: Mapping[str, Any]) -> str:
    """A schema's canonical text: key order as built, two-space indentation, UTF-8, a final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------------
# Writing and checking the committed files
# --------------------------------------------------------------------------------------------------


def package_dir() -> Path:
    """Where the schemas ship inside the package (``supercomplaint/schemas``)."""
    return Path(__file__).resolve().parent / "schemas"


def source_root() -> Path | None:
    """The root of the source checkout this module runs from, or ``None`` when installed elsewhere."""
    root = Path(__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and 'name = "supercomplaint"' in pyproject.read_text(encoding="utf-8"):
        return root
    return None


def default_directories() -> list[Path]:
    """The folders that hold the committed schemas: ``schemas/`` at the root and the package's copy."""
    root = source_root()
    if root is None:
        raise FileNotFoundError("not a source checkout of supercomplaint: pass the output folders explicitly")
    return [root / "schemas", package_dir()]


def stale_files(directories: Sequence[Path]) -> list[Path]:
    """The schema files under ``directories`` that are missing or differ from what :func:`generate` makes."""
    stale = []
    for directory in directories:
        for name, schema in generate().items():
            path = directory / name
            try:
                current = path.read_text(encoding="utf-8")
            except OSError:
                current = None
            if current != render(schema):
                stale.append(path)
    return stale


def write(directories: Sequence[Path]) -> list[Path]:
    """Write every schema into each folder (atomically, only where it changed); return the files written."""
    written = []
    schemas = generate()
    for directory in directories:
        for name, schema in schemas.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            text = render(schema)
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                atomic_write(path, text.encode("utf-8"))
                written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or with ``--check``, check) the committed schemas; return the exit status."""
    parser = argparse.ArgumentParser(prog=COMMAND, description="Generate the JSON Schemas from the model.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    parser.add_argument(
        "--out", action="append", type=Path, metavar="DIR", help="a folder to write to (default: both copies)"
    )
    args = parser.parse_args(argv)
    try:
        directories = args.out or default_directories()
    except FileNotFoundError as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return 2
    return check_or_write(
        check=args.check,
        stale=lambda: stale_files(directories),
        write=lambda: write(directories),
        command=COMMAND,
    )


def check_or_write(
    *, check: bool, stale: typing.Callable[[], list[Path]], write: typing.Callable[[], list[Path]], command: str
) -> int:
    """The end of a generator's ``main``: with ``check``, list the stale files and return 1 if there are
    any (naming ``command``, which regenerates them); otherwise write, list what was written, return 0."""
    if check:
        found = stale()
        for path in found:
            print(f"stale: {path}", file=sys.stderr)
        if found:
            print(f"regenerate with: {command}", file=sys.stderr)
        return 1 if found else 0
    for path in write():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
