"""Validating documents against the shipped JSON Schemas, with the same problem codes and paths as loading.

:func:`validate` takes parsed JSON or JSON text and returns a :class:`ValidationReport`; it never raises for
bad data. Every problem carries a stable code (the codes of :func:`supercomplaint.loads`: ``missing-field``,
``wrong-type``, ``unknown-key`` ...), the JSON path of the offending value, the schema location that failed
(``case.schema.json#/$defs/Date/pattern``) and a message.

Two engines give the same report. The JSON Schemas are generated from the model
(:mod:`supercomplaint.schemagen`), and the test suite proves, as properties over generated documents and
their mutations, that the schema and the strict loader accept exactly the same documents and refuse the
same values with the same codes at the same paths. So the default ``fast`` engine structures the document
with the loader, which costs what loading costs, and places each problem the loader found at the schema
keyword that refuses it. The ``jsonschema`` engine runs the reference validator (draft 2020-12, formats
asserted) and maps its errors; the tests prove the two reports equal. ``$ref`` resolves only from the
shipped schemas: the registry refuses every other address, so nothing is ever fetched.

``jsonschema`` and ``referencing`` are imported on first use, not when :mod:`supercomplaint` is imported.
"""

from __future__ import annotations

import copy
import functools
import importlib
import json
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, overload

import attrs

from .problems import LoadError, Problem, Severity, join_path, sort_problems

if TYPE_CHECKING:
    import referencing
    from typing_extensions import TypeVar

    from .io import DocumentKind
    from .model import CaseRecord, Document, Register, ResponseDocument

    # What a report's ``document`` is: the kind asked for, else any document (a default: PEP 696).
    D_co = TypeVar("D_co", bound=Document, covariant=True, default=Document)
else:
    from typing import TypeVar

    D_co = TypeVar("D_co", covariant=True)

# jsonschema ships no type information: its objects are typed loosely here, and it is imported on first use.
Validator = Any
ValidationError = Any

__all__ = ["Engine", "SchemaNotShipped", "ValidationReport", "registry", "schema", "validate"]

_DEFINITIONS: Final = "definitions"
_UNION_TAG: Final = "type"  # converter.UNION_TAG: the key that says which branch of a union a value is
_MISSING: Final = object()
_KINDS: Final = ("case", "response", "register")
_TEXT_TYPES: Final = (str, bytes, bytearray, memoryview)

# Codes of failed keywords inside a definition, by the definition's name.
_DEFINITION_CODES: Final = {
    "Id": "invalid-id",
    "Ref": "invalid-id",
    "Url": "invalid-url",
    "Date": "invalid-date",
    "PartialDate": "invalid-date",
}
# When several keywords fail on one value, the most basic one is the problem (as the loader reports it).
_PRIORITY: Final = {"wrong-type": 0, "empty-string": 1}


@attrs.frozen(kw_only=True)
class ValidationReport(Generic[D_co]):
    """The outcome of :func:`validate`; ``ValidationReport[CaseRecord]`` when a case was asked for.

    Attributes:
        problems: every problem found, in a stable order (by path, then code); empty when valid.
        kind: the document's kind (``case``, ``response``, ``register``), or ``None`` when it is unknown.
        document: the document read into the model when it is valid, else ``None``.
    """

    problems: tuple[Problem, ...] = ()
    kind: str | None = None
    document: D_co | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def valid(self) -> bool:
        """True when no problem is an error."""
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def raise_for_problems(self, source: str | None = None) -> None:
        """Raise :class:`~supercomplaint.LoadError` carrying the problems, if the document is not valid."""
        if not self.valid:
            raise LoadError(self.problems, source)


# --------------------------------------------------------------------------------------------------
# The shipped schemas and the registry
# --------------------------------------------------------------------------------------------------


def _versions() -> tuple[str, frozenset[str]]:
    """The latest schema version and every version that ships (the converter's constants)."""
    from .converter import SCHEMA_VERSION, SUPPORTED_VERSIONS

    return SCHEMA_VERSION, SUPPORTED_VERSIONS


def _file(kind: str, version: str | None = None) -> str:
    """A shipped schema's name relative to the schema folder: the latest version's at the top, older
    versions' in a folder named after the version (``1.0/case.schema.json``), as schemagen writes them."""
    latest, _ = _versions()
    prefix = "" if version is None or version == latest else f"{version}/"
    return f"{prefix}{kind}.schema.json"


def _version_of(data: object) -> str:
    """The schema version a document says it follows, when this library knows it; else the latest."""
    latest, supported = _versions()
    found = data.get("schemaVersion") if isinstance(data, dict) else None
    return found if isinstance(found, str) and found in supported else latest


@functools.cache
def _shipped() -> Mapping[str, dict[str, Any]]:
    """The shipped schemas, by file name. Never handed out: validators rely on these very objects."""
    folder = resources.files(__package__ or "supercomplaint").joinpath("schemas")
    _, supported = _versions()
    out: dict[str, dict[str, Any]] = {}
    for version in sorted(supported):
        for name in (*_KINDS, _DEFINITIONS):
            file = _file(name, version)
            out[file] = json.loads(folder.joinpath(file).read_text(encoding="utf-8"))
    return out


def schema(kind: str, version: str | None = None) -> dict[str, Any]:
    """A copy of the shipped JSON Schema of a document kind (``case``, ``response``, ``register``).

    ``schema("definitions")`` gives the shared definitions the three refer to. ``version`` picks the schema
    version (the latest by default; every version this library reads ships). Raises :class:`ValueError`
    for any other name or version.
    """
    if kind not in (*_KINDS, _DEFINITIONS):
        raise ValueError(f"{kind!r} is not a schema; use one of: {', '.join((*_KINDS, _DEFINITIONS))}")
    _, supported = _versions()
    if version is not None and version not in supported:
        raise ValueError(f"{version!r} is not a schema version; use one of: {', '.join(sorted(supported))}")
    return copy.deepcopy(_shipped()[_file(kind, version)])


class SchemaNotShipped(LookupError):
    """A ``$ref`` named a schema that is not one of the shipped ones; nothing is fetched."""


def _refuse(uri: str) -> Any:
    raise SchemaNotShipped(
        f"{uri!r} is not one of supercomplaint's shipped schemas, and schemas are never fetched from the network"
    )


@functools.cache
def registry() -> referencing.Registry[Any]:
    """The ``referencing`` registry of the shipped schemas; it refuses to retrieve any other address."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources_ = [
        (contents["$id"], Resource.from_contents(contents, default_specification=DRAFT202012))
        for contents in _shipped().values()
    ]
    return Registry(retrieve=_refuse).with_resources(resources_).crawl()  # type: ignore[call-arg]


@functools.cache
def _locations() -> Mapping[int, str]:
    """Where each subschema of the shipped files lives, as ``file#/json/pointer``, by object identity."""
    out: dict[int, str] = {}

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            out.setdefault(id(node), where)
            for key, child in node.items():
                walk(child, f"{where}/{key.replace('~', '~0').replace('/', '~1')}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}/{index}")

    # Each kind's file holds the definitions it uses under its own $defs (a $ref never leaves the file), so
    # a keyword is placed in the file the document was validated against: ``case.schema.json#/$defs/Date``.
    for name, contents in _shipped().items():
        walk(contents, f"{name}#")
    return out


# --------------------------------------------------------------------------------------------------
# The reference validator
# --------------------------------------------------------------------------------------------------


def _ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a schema pattern so that ``$`` means the end of the text, as in ECMA-262 (not Python)."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


_compiled = functools.lru_cache(maxsize=256)(_ecma_regex)


def _jsonschema() -> Any:
    return importlib.import_module("jsonschema")


def _pattern(validator: Validator, pattern: str, instance: object, _schema: object) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield _jsonschema().ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _validator_class() -> Any:
    jsonschema = _jsonschema()
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, validators={"pattern": _pattern})


def _make_validator(root: Mapping[str, Any]) -> Validator:
    """A draft 2020-12 validator for ``root``: formats asserted, ``$ref`` from the shipped schemas only."""
    return _validator_class()(
        root, registry=registry(), format_checker=_jsonschema().Draft202012Validator.FORMAT_CHECKER
    )


@functools.cache
def _validator(kind: str, version: str | None = None) -> Validator:
    return _make_validator(_shipped()[_file(kind, version)])


# --------------------------------------------------------------------------------------------------
# From schema errors to problems
# --------------------------------------------------------------------------------------------------


_EXPECTED: Final = {
    "string": "a string",
    "object": "an object",
    "array": "an array",
    "integer": "an integer",
    "boolean": "true or false",
    "number": "a number",
}


def _definition(location: str | None) -> str | None:
    """The name of the definition a schema location lies in (``case.schema.json#/$defs/Date/pattern`` ->
    ``Date``), or ``None`` outside ``$defs``."""
    marker = "#/$defs/"
    if location is None or marker not in location:
        return None
    return location.partition(marker)[2].split("/", 1)[0]


def _branch_tags(branches: list[Any], location: str) -> list[object]:
    """The tag (``const`` of the ``type`` key) of each branch of a discriminated ``oneOf`` at ``location``."""
    tags: list[object] = []
    for branch in branches:
        node, _ = _deref(branch, location)
        tags.append(node.get("properties", {}).get(_UNION_TAG, {}).get("const", _MISSING))
    return tags


def _union_problems(error: ValidationError, location: str | None, path: str) -> Iterator[Problem] | None:
    """The problems a failed discriminated ``oneOf`` stands for, as the loader reports them: the value is no
    object, its tag is missing or unknown (placed at the ``oneOf``), or the problems of the branch its tag
    chooses. ``None`` when the ``oneOf`` is not a discriminated union."""
    if location is None or not isinstance(error.validator_value, list):
        return None
    tags = _branch_tags(error.validator_value, location)
    if _MISSING in tags:
        return None
    from .converter import type_name

    instance = error.instance
    schema_path = f"{location}/oneOf"

    def at(code: str, message: str, where: str = path) -> Iterator[Problem]:
        yield Problem(code=code, message=message, path=where, schema_path=schema_path)

    if not isinstance(instance, dict):
        return at("wrong-type", f"expected an object, found {type_name(instance)}")
    if _UNION_TAG not in instance:
        return at("missing-field", f"{_UNION_TAG!r} is required here", join_path(path, _UNION_TAG))
    tag = instance[_UNION_TAG]
    if not isinstance(tag, str) or tag not in tags:
        known = ", ".join(str(t) for t in tags)
        return at("unknown-tag", f"{tag!r} is not one of: {known}", join_path(path, _UNION_TAG))
    index = tags.index(tag)
    chosen = [e for e in error.context or () if e.relative_schema_path and e.relative_schema_path[0] == index]
    return (problem for e in chosen for problem in _problems_of(e))


def _sibling(file: str, name: str) -> str:
    """The shipped file ``name`` in the same folder as the shipped file ``file``."""
    folder, slash, _ = file.rpartition("/")
    return f"{folder}{slash}{name}"


def _problems_of(error: ValidationError) -> Iterator[Problem]:
    """The problems one schema error stands for, with the loader's codes and paths."""
    from .converter import type_name

    keyword = str(error.validator)
    location = _locations().get(id(error.schema))
    schema_path = f"{location}/{keyword}" if location else "/".join(str(part) for part in error.absolute_schema_path)
    path = "$"
    for part in error.absolute_path:
        path = join_path(path, part)
    instance = error.instance
    value: Any = error.validator_value

    def problem(code: str, message: str, at: str = path) -> Problem:
        return Problem(code=code, message=message, path=at, schema_path=schema_path)

    definition = _definition(location)
    union = _union_problems(error, location, path) if keyword == "oneOf" else None
    if union is not None:
        yield from union
    elif keyword == "type":
        expected = " or ".join(_EXPECTED.get(t, t) for t in ([value] if isinstance(value, str) else value))
        yield problem("wrong-type", f"expected {expected}, found {type_name(instance)}")
    elif keyword == "required":
        for key in value:
            if isinstance(instance, dict) and key not in instance:
                yield problem("missing-field", f"{key!r} is required here", join_path(path, key))
    elif keyword == "additionalProperties":
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        for key in instance if isinstance(instance, dict) else ():
            if key not in known:
                yield problem(
                    "unknown-key",
                    f"{key!r} is not a field here; put publisher data under 'extensions'",
                    join_path(path, str(key)),
                )
    elif location is not None and location.endswith("/propertyNames"):
        # The failing value is a key of the object at ``path``: the problem is placed at that key.
        yield problem(
            "invalid-namespace",
            f"extension key {instance!r} is not a dotted namespace such as 'uk.police.cambs'",
            join_path(path, str(instance)),
        )
    elif keyword == "minLength":
        yield problem("empty-string", "a string here must not be empty; leave the key out instead")
    elif keyword == "minimum":
        yield problem("out-of-range", f"{instance} is less than the minimum {value}")
    elif keyword == "const" and location is not None and location.endswith("/properties/kind"):
        if instance in _KINDS:
            yield problem("unexpected-kind", f"expected a {value!r} document, found {instance!r}")
        else:
            yield problem("unknown-kind", f"{instance!r} is not a document kind; use one of: {', '.join(_KINDS)}")
    elif keyword == "const" and location is not None and location.endswith("/properties/schemaVersion"):
        _, supported = _versions()
        yield problem(
            "unsupported-version",
            f"schema version {instance!r} is not one this library reads ({', '.join(sorted(supported))})",
        )
    elif keyword in ("enum", "const"):
        yield problem("invalid-value", f"{instance!r} is not one of: {', '.join(map(str, value))}")
    elif definition in _DEFINITION_CODES:
        code = _DEFINITION_CODES[definition]
        if code == "invalid-id":
            message = f"{instance!r} is not an id: use letters, digits and . _ : - (at most 200 characters)"
        elif code == "invalid-url":
            message = f"{instance!r} is not an http or https address"
        elif definition == "Date":
            message = f"{instance!r} is not a calendar date of the form YYYY-MM-DD"
        else:
            message = f"{instance!r} is not a valid date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        yield problem(code, message)
    else:
        yield problem("invalid-value", error.message)


def _collapse(problems: list[Problem]) -> list[Problem]:
    """One value, one problem kind: where a type is wrong nothing else about the value is reported, etc."""
    best: dict[str, int] = {}
    for p in problems:
        best[p.path] = min(best.get(p.path, 9), _PRIORITY.get(p.code, 9))
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if _PRIORITY.get(p.code, 9) != best[p.path] or (p.path, p.code) in seen:
            continue
        seen.add((p.path, p.code))
        out.append(p)
    return sort_problems(out)


def _problems_against(value: object, validator: Validator) -> list[Problem] | None:
    """Every problem the schema finds in ``value``; ``None`` when the validator cannot run on it."""
    from referencing.exceptions import Unresolvable

    try:
        errors = list(validator.iter_errors(value))
    except Unresolvable as exc:
        reason: BaseException = exc
        while reason.__cause__ is not None:
            reason = reason.__cause__
        ref = getattr(exc, "ref", None)
        detail = str(reason) if isinstance(reason, SchemaNotShipped) else f"{type(reason).__name__}: {reason}"
        return [Problem(code="schema-unresolvable", message=f"the schema's $ref {ref!r} cannot be resolved: {detail}")]
    except (RecursionError, TypeError, ValueError):
        return None
    problems: list[Problem] = []
    for error in errors:
        problems.extend(_problems_of(error))
    return _collapse(problems)


# --------------------------------------------------------------------------------------------------
# Placing the loader's problems in the schema (the fast engine)
# --------------------------------------------------------------------------------------------------

_LAST_STEP = re.compile(r"\['((?:[^'\\]|\\.)*)'\]$|\[(\d+)\]$|\.([^.\[\]']+)$")


def _split(path: str) -> tuple[str, str | int] | None:
    """A JSON path made by :func:`join_path` as (the path of its parent, its last key or index)."""
    match = _LAST_STEP.search(path)
    if match is None:
        return None
    quoted, index, name = match.groups()
    step: str | int
    if index is not None:
        step = int(index)
    elif name is not None:
        step = name
    else:
        step = re.sub(r"\\(.)", r"\1", quoted)
    return path[: match.start()], step


def _follow(node: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
    """Follow one ``$ref`` of a shipped schema, or step into a one-item ``allOf`` that wraps one (a
    property's description beside a reference)."""
    if "$ref" in node:
        return _target(node["$ref"], where.partition("#")[0])
    return node["allOf"][0], f"{where}/allOf/0"


def _wraps(node: dict[str, Any]) -> bool:
    """The node only points elsewhere: a ``$ref``, or a one-item ``allOf`` beside annotations."""
    if "$ref" in node:
        return True
    branches = node.get("allOf")
    return isinstance(branches, list) and len(branches) == 1 and not set(node) - {"allOf", "description", "title"}


def _deref(node: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
    """The schema a node stands for, with every ``$ref`` and wrapping ``allOf`` followed."""
    while _wraps(node):
        node, where = _follow(node, where)
    return node, where


@functools.cache
def _target(ref: str, file: str) -> tuple[dict[str, Any], str]:
    file_part, _, pointer = ref.partition("#")
    file = _sibling(file, file_part) if file_part else file
    target: Any = _shipped()[file]
    for token in pointer.strip("/").split("/"):
        target = target[token.replace("~1", "/").replace("~0", "~")]
    return target, f"{file}#{pointer}"


def _resolve(node: dict[str, Any], where: str, value: object) -> tuple[dict[str, Any], str]:
    """The schema that describes ``value``'s own keys: references followed, a tagged union's branch chosen."""
    node, where = _deref(node, where)
    branches = node.get("oneOf")
    if isinstance(value, dict) and isinstance(branches, list):
        tags = _branch_tags(branches, where)
        tag = value.get(_UNION_TAG, _MISSING)
        if isinstance(tag, str) and tag in tags:
            index = tags.index(tag)
            return _deref(branches[index], f"{where}/oneOf/{index}")
    return node, where


def _holder(node: dict[str, Any], where: str, keyword: str) -> str | None:
    """The location of ``keyword`` in ``node`` or in the schema it points to; for a value that fits no
    branch of a union (no object, no tag, an unknown tag), the union's ``oneOf``."""
    while keyword not in node and _wraps(node):
        node, where = _follow(node, where)
    if keyword in node:
        return f"{where}/{keyword}"
    return f"{where}/oneOf" if "oneOf" in node else None


_KEY_KEYWORDS: Final = {
    "missing-field": "required",
    "unknown-key": "additionalProperties",
    "invalid-namespace": "propertyNames",
    "unknown-tag": "oneOf",  # the union refuses the object whose tag it does not know
}
_VALUE_KEYWORDS: Final = {
    "wrong-type": "type",
    "empty-string": "minLength",
    "out-of-range": "minimum",
    "invalid-value": "enum",
    "unsupported-version": "const",
    "unknown-kind": "const",
    "invalid-id": "pattern",
    "invalid-url": "pattern",
}


_Place = tuple[dict[str, Any], str, object]


class _Placer:
    """Finds, for JSON paths in one document, the schema node that describes the value there.

    Places are remembered by path, so that many problems in one array cost one walk.
    """

    def __init__(self, data: object, kind: str, version: str | None = None) -> None:
        file = _file(kind, version)
        self.places: dict[str, _Place | None] = {"$": (_shipped()[file], f"{file}#", data)}

    def at(self, path: str) -> _Place | None:
        if path in self.places:
            return self.places[path]
        place: _Place | None = None
        split = _split(path)
        parent = self.at(split[0]) if split is not None else None
        if split is not None and parent is not None:
            node, where = _resolve(parent[0], parent[1], parent[2])
            step, value = split[1], parent[2]
            if isinstance(step, int):
                if "items" in node and isinstance(value, list) and 0 <= step < len(value):
                    place = (node["items"], f"{where}/items", value[step])
            else:
                properties = node.get("properties", {})
                if step in properties and isinstance(value, dict):
                    place = (properties[step], f"{where}/properties/{step}", value.get(step))
        self.places[path] = place
        return place

    def schema_path(self, problem: Problem) -> str | None:
        """Where the keyword that refuses ``problem``'s value lives in the schema."""
        keyword = _KEY_KEYWORDS.get(problem.code)
        if keyword is not None:
            # the schema refuses the object that holds (or lacks) the key
            split = _split(problem.path)
            holder = self.at(split[0]) if split is not None else None
            if holder is None:
                return None
            node, where = _resolve(*holder)
            if keyword == "propertyNames":
                return f"{where}/propertyNames/pattern" if "propertyNames" in node else None
            return _holder(node, where, keyword)
        place = self.at(problem.path)
        if place is None:
            return None
        node, where, _ = place
        if problem.code == "invalid-date":
            return _holder(node, where, "pattern")  # the date patterns know the calendar
        keyword = _VALUE_KEYWORDS.get(problem.code)
        return _holder(node, where, keyword) if keyword is not None else None


def _placed(problems: tuple[Problem, ...], data: object, kind: str | None, requested: str | None) -> list[Problem]:
    """The loader's problems, each with the schema location (in ``kind``'s schema) refusing the same value."""
    out = []
    version = _version_of(data)
    placer = _Placer(data, kind, version) if kind is not None else None
    for problem in problems:
        if problem.code == "unexpected-kind" and requested is not None:
            location: str | None = f"{_file(requested, version)}#/properties/kind/const"
        elif placer is None or problem.code.startswith("json-"):
            location = None
        else:
            try:
                location = placer.schema_path(problem)
            except (KeyError, TypeError, ValueError, IndexError, RecursionError):
                location = None
        if location:
            problem = Problem(
                code=problem.code,
                message=problem.message,
                path=problem.path,
                severity=problem.severity,
                schema_path=location,
                line=problem.line,
                column=problem.column,
                ids=problem.ids,
            )
        out.append(problem)
    return out


# --------------------------------------------------------------------------------------------------
# The public entry point
# --------------------------------------------------------------------------------------------------

Engine = Literal["fast", "jsonschema"]
"""How :func:`validate` finds problems: ``fast`` (the default) or ``jsonschema`` (the reference)."""


@overload
def validate(data: object, kind: Literal["case"], *, engine: Engine = "fast") -> ValidationReport[CaseRecord]: ...
@overload
def validate(
    data: object, kind: Literal["response"], *, engine: Engine = "fast"
) -> ValidationReport[ResponseDocument]: ...
@overload
def validate(data: object, kind: Literal["register"], *, engine: Engine = "fast") -> ValidationReport[Register]: ...
@overload
def validate(data: object, kind: str | None = None, *, engine: Engine = "fast") -> ValidationReport[Document]: ...
def validate(
    data: object, kind: DocumentKind | str | None = None, *, engine: Engine = "fast"
) -> ValidationReport[Document]:
    """Validate a document against the shipped JSON Schema of its kind; never raises for bad data.

    ``data`` is parsed JSON (a ``dict``) or JSON text (``str`` or UTF-8 ``bytes``, parsed strictly: a text
    that is not JSON gives ``json-*`` problems). The document's ``kind`` key picks the schema; pass
    ``kind`` to insist on one (a document of another kind then has an ``unexpected-kind`` problem, and a
    document whose kind is missing or unknown is checked against ``kind``'s schema). With a literal
    ``kind`` the report is typed for it: ``validate(data, "case").document`` is a
    :class:`~supercomplaint.CaseRecord` or ``None``.

    The report holds every problem, each with the code and JSON path that :func:`supercomplaint.loads`
    gives for it, the location of the schema keyword that refuses the value, and a message.

    ``engine`` chooses how: ``"fast"`` structures the document with the strict loader, which the test
    suite proves accepts exactly what the schema accepts and refuses the same values, and places each
    problem in the schema; it costs what loading costs. ``"jsonschema"`` runs the reference validator
    (draft 2020-12, formats asserted) and maps its errors; it gives the same codes, paths and schema
    locations, some 20 times slower.

    >>> report = validate('{"kind": "response", "schemaVersion": "1.1", "case": "c"}')
    >>> report.valid
    False
    >>> [(p.code, p.path, p.schema_path) for p in report.problems]
    [('missing-field', '$.response', 'response.schema.json#/required')]
    """
    if kind is not None and kind not in _KINDS:
        raise ValueError(f"{kind!r} is not a document kind; use one of: {', '.join(_KINDS)}")
    if engine not in ("fast", "jsonschema"):
        raise ValueError(f"{engine!r} is not an engine; use 'fast' or 'jsonschema'")
    from .converter import structure_document
    from .io import json_value_problems, parse_json

    if isinstance(data, _TEXT_TYPES):
        try:
            data = parse_json(bytes(data) if isinstance(data, bytearray | memoryview) else data)
        except LoadError as exc:
            return ValidationReport(problems=tuple(exc.problems))
    else:
        # Python values no JSON text holds (a tuple, a set, NaN, a key that is not a string ...) are not a
        # document, whatever the schema would say of them: both engines refuse them alike.
        not_json = json_value_problems(data)
        if not_json:
            return ValidationReport(problems=tuple(not_json))
    declared = data.get("kind") if isinstance(data, dict) else None
    target = declared if isinstance(declared, str) and declared in _KINDS else kind

    loader_problems: tuple[Problem, ...] = ()
    document: Document | None = None
    try:
        document = structure_document(data, kind=kind, json_checked=True)  # text parsed strictly, or checked above
    except LoadError as exc:
        loader_problems = exc.problems
    except Exception as exc:  # noqa: BLE001 - a bug must not make validate() raise for a document
        loader_problems = (Problem(code="invalid-value", message=f"the document could not be read: {exc!r}"),)
    if engine == "fast":
        problems = _placed(loader_problems, data, target, kind)
        return ValidationReport(problems=tuple(sort_problems(problems)), kind=target, document=document)

    found: list[Problem] | None = None
    if target is not None:
        found = _problems_against(data, _validator(target, _version_of(data)))
        if found is not None and kind is not None and target != kind:
            found.append(
                Problem(
                    code="unexpected-kind",
                    message=f"expected a {kind!r} document, found {target!r}",
                    path="$.kind",
                    schema_path=f"{_file(kind, _version_of(data))}#/properties/kind/const",
                )
            )
    if found is None or (not found and loader_problems):
        # The schema cannot be chosen (unknown kind) or cannot run (nesting too deep), or it found nothing
        # the loader refused: the loader's own problems are the report.
        found = list(loader_problems)
    valid = not found
    return ValidationReport(problems=tuple(sort_problems(found)), kind=target, document=document if valid else None)
