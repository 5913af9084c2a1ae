"""The wire format: how model objects become JSON values and back.

This is the only module that knows the wire format: camelCase keys, ISO 8601 dates, the ``type`` key of
tagged unions, and the ``kind`` and ``schemaVersion`` keys of every document. Structuring is strict: a
wrong type is never coerced, an unknown key is an error outside ``extensions``, and every problem found is
reported with its JSON path.

The public entry point is :func:`get_converter`, which registers the library's hooks on a cattrs converter
(a new one by default), so that a caller can add them to their own.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from . import model as m
from ._json import collector_held
from .partialdate import PartialDate
from .problems import LoadError, Problem, VersionError, join_path

if TYPE_CHECKING:  # cattrs is imported where a converter is built or its errors read, not with this module
    import cattrs
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

__all__ = [
    "DEADLINE_TAGS",
    "KINDS",
    "SCHEMA_VERSION",
    "SUPPORTED_VERSIONS",
    "FieldRule",
    "camel",
    "check_writable",
    "deadline_tags",
    "field_rule",
    "get_converter",
    "kind_of",
    "needed_version",
    "newer_features",
    "structure_document",
    "unstructure_document",
    "version_key",
]

SCHEMA_VERSION: Final = "1.1"
"""The version of the wire format (and of the JSON Schemas) this library writes by default."""

SUPPORTED_VERSIONS: Final = frozenset({"1.0", "1.1"})
"""The schema versions this library reads (and can write, for a document that needs nothing newer)."""

KINDS: Final[Mapping[str, type[m.Document]]] = {
    "case": m.CaseRecord,
    "response": m.ResponseDocument,
    "register": m.Register,
}
"""Document kinds, by the value of their ``kind`` key."""

DEADLINE_TAGS: Final[Mapping[str, type[m.Deadline]]] = {
    "fixed": m.FixedDeadline,
    "period": m.PeriodDeadline,
    "immediate": m.ImmediateDeadline,
    "open": m.OpenDeadline,
    "none": m.NoDeadline,
    "not-captured": m.NotCapturedDeadline,
}
"""Deadline variants, by the value of their ``type`` key."""

UNION_TAG: Final = "type"
KIND_KEY: Final = "kind"
VERSION_KEY: Final = "schemaVersion"

# Patterns are whole-string matches (``$`` is the end of the text, as in ECMA-262, never "before a final
# newline" as in Python) written with ASCII classes only, so that every JSON Schema engine reads them alike.
ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
# Printable ASCII but '"', '<' and '>', which RFC 3986 does not allow in a URI (an IRI is percent-encoded, and
# so are those three): a URL holding them was never a URL, and could break out of an attribute in HTML.
URL_PATTERN: Final = r"^https?://[!#-;=?-~]+$"
NAMESPACE_PATTERN: Final = r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$"
# The date patterns know the calendar: month lengths, leap years (every fourth year, but not a century unless
# it divides by 400) and no year 0000. A schema engine that treats ``format: date`` as a mere annotation still
# refuses '2021-13-01', '2021-02-30', '2100-02-29' and '0000-01-01'. They use no lookaround and no Unicode
# class, so ECMA-262, Python and Rust regex engines read them alike; tests/test_schemas.py checks them against
# datetime over every day of a 400-year cycle.
_MONTH: Final = "(0[1-9]|1[0-2])"
_DAY: Final = "(0[1-9]|[12][0-9]|3[01])"
_YEAR: Final = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001-9999
_LEAP_YEAR: Final = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_CALENDAR_DAY: Final = f"{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29"
DATE_PATTERN: Final = f"^(?:{_CALENDAR_DAY})$"
PARTIAL_DATE_PATTERN: Final = f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_CALENDAR_DAY})$"

_ID_RE = re.compile(ID_PATTERN)
_URL_RE = re.compile(URL_PATTERN)
_NAMESPACE_RE = re.compile(NAMESPACE_PATTERN)
_DATE_RE = re.compile(f"^[0-9]{{4}}-{_MONTH}-{_DAY}$")  # the shape; the calendar is datetime's to judge

_TAG_OF: Final = {cls: tag for tag, cls in DEADLINE_TAGS.items()}
_KIND_OF: Final = {cls: kind for kind, cls in KINDS.items()}

T = TypeVar("T")


class Invalid(ValueError):
    """A value that does not fit the model: raised by the hooks, turned into a :class:`Problem`."""

    def __init__(self, code: str, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.key = key


def camel(name: str) -> str:
    """The wire name of a model attribute: ``as_written`` -> ``asWritten``."""
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


@cache
def wire_names(cls: type) -> Mapping[str, str]:
    """Attribute name -> wire key, for an attrs class."""
    return {a.name: camel(a.name) for a in attrs.fields(cls)}


def kind_of(doc: m.Document) -> str:
    """The ``kind`` value of a document; raises :class:`TypeError` for anything that is not one."""
    try:
        return _KIND_OF[type(doc)]
    except KeyError:
        names = ", ".join(cls.__name__ for cls in KINDS.values())
        raise TypeError(f"expected a document ({names}), found {type(doc).__name__}") from None


def type_name(value: object) -> str:
    """The JSON name of a parsed value's type (``null``, ``boolean``, ``number``, ``string``, ``array``, ``object``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _wrong(expected: str, value: object) -> Invalid:
    return Invalid("wrong-type", f"expected {expected}, found {type_name(value)}")


# --------------------------------------------------------------------------------------------------
# Structure hooks for values
# --------------------------------------------------------------------------------------------------


def _structure_str(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise _wrong("a string", value)
    if not value:
        raise Invalid("empty-string", "a string here must not be empty; leave the key out instead")
    return value


def _structure_id(value: object, _: object) -> str:
    text = _structure_str(value)
    if not _ID_RE.fullmatch(text):
        raise Invalid(
            "invalid-id",
            f"{text!r} is not an id: use letters, digits and . _ : - (at most 200 characters)",
        )
    return text


def _structure_url(value: object, _: object) -> str:
    text = _structure_str(value)
    if not _URL_RE.fullmatch(text):
        raise Invalid("invalid-url", f"{text!r} is not an http or https address")
    return text


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong("an integer", value)
    if isinstance(value, float):
        if not value.is_integer():
            raise _wrong("an integer", value)
        value = int(value)
    return value


def _minimum_hook(minimum: int) -> Callable[[object, object], int]:
    def structure(value: object, _: object) -> int:
        number = _structure_int(value, _)
        if number < minimum:
            raise Invalid("out-of-range", f"{number} is less than the minimum {minimum}")
        return number

    return structure


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _wrong("true or false", value)
    return value


def _structure_date(value: object, _: object) -> dt.date:
    text = _structure_str(value)
    if not _DATE_RE.fullmatch(text):
        raise Invalid("invalid-date", f"{text!r} is not a date of the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid("invalid-date", f"{text!r} is not a calendar date") from None


def _structure_partial_date(value: object, _: object) -> PartialDate:
    text = _structure_str(value)
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise Invalid("invalid-date", f"{text!r} is not a valid date: {exc}") from None


def _structure_extensions(value: object, _: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong("an object", value)
    bad = [
        Invalid(
            "invalid-namespace",
            f"extension key {key!r} is not a dotted namespace such as 'uk.police.cambs'",
            key=str(key),
        )
        for key in value
        if not isinstance(key, str) or not _NAMESPACE_RE.fullmatch(key)
    ]
    if len(bad) == 1:
        raise bad[0]
    if bad:  # every bad key is reported, not just the first
        raise ExceptionGroup("extension keys that are not namespaces", bad)
    return dict(value)


@cache
def _enum_values(cls: type[StrEnum]) -> Mapping[str, StrEnum]:
    return {member.value: member for member in cls}


def _structure_enum(value: object, cls: type[StrEnum]) -> StrEnum:
    if not isinstance(value, str):
        raise _wrong("a string", value)
    by_value = _enum_values(cls)
    try:
        return by_value[value]
    except KeyError:
        raise Invalid("invalid-value", f"{value!r} is not one of: {', '.join(by_value)}") from None


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(conv: cattrs.Converter, t: Any) -> Callable[[object, object], Any]:
    inner = next(arg for arg in typing.get_args(t) if arg is not type(None))
    handler = conv.get_structure_hook(inner)

    def structure(value: object, _: object) -> Any:
        # An unknown value is absent: ``null`` is refused, as the JSON Schemas refuse it.
        if value is None:
            raise Invalid("wrong-type", "null is not allowed here; leave the key out instead")
        return handler(value, inner)

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter, t: Any) -> Callable[[object, object], tuple[Any, ...]]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    element = typing.get_args(t)[0]
    handler = conv.get_structure_hook(element)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _wrong("an array", value)
        out = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(handler(item, element))
            except Exception as exc:  # noqa: BLE001 - every failure is collected and reported
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {t} @ index {index}", index, element),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t}", errors, t)
        return tuple(out)

    return structure


# --------------------------------------------------------------------------------------------------
# Schema versions: what each version's documents may hold
# --------------------------------------------------------------------------------------------------


def version_key(version: str) -> tuple[int, ...]:
    """A schema version as a sortable tuple: ``"1.10"`` -> ``(1, 10)``."""
    return tuple(int(part) for part in version.split("."))


@attrs.frozen
class FieldRule:
    """What a schema version says about one model field.

    ``present``: the version has the field at all (fields carry ``since`` metadata when added later).
    ``required``: a document of the version must give it (a field's ``required_in`` metadata lists the
    older versions that required what later ones made optional). ``full_date``: the version takes only a
    full date here (``full_date_in``), where later ones take a month or a year too.
    """

    present: bool
    required: bool
    full_date: bool


def field_rule(field: attrs.Attribute[Any], version: str) -> FieldRule:
    """What schema ``version`` says about a model field; the model's metadata is the one source."""
    meta = field.metadata
    present = version_key(str(meta.get("since", "1.0"))) <= version_key(version)
    required = field.default is attrs.NOTHING or version in meta.get("required_in", ())
    return FieldRule(present=present, required=present and required, full_date=version in meta.get("full_date_in", ()))


def deadline_tags(version: str) -> Mapping[str, type[m.Deadline]]:
    """The deadline variants schema ``version`` knows, by their ``type`` value."""
    return {
        tag: cls
        for tag, cls in DEADLINE_TAGS.items()
        if version_key(getattr(cls, "__since__", "1.0")) <= version_key(version)
    }


def _deadline_structure(conv: cattrs.Converter, version: str) -> Callable[[object, object], m.Deadline]:
    tags = deadline_tags(version)
    hooks = {tag: conv.get_structure_hook(cls) for tag, cls in tags.items()}

    def structure(value: object, _: object) -> m.Deadline:
        if not isinstance(value, dict):
            raise _wrong("an object", value)
        if UNION_TAG not in value:
            raise Invalid("missing-field", f"a deadline needs a {UNION_TAG!r}", key=UNION_TAG)
        tag = value[UNION_TAG]
        if not isinstance(tag, str) or tag not in hooks:
            later = f" (it is new in schema version {_since_of(tag)})" if tag in DEADLINE_TAGS else ""
            raise Invalid(
                "unknown-tag",
                f"{tag!r} is not a deadline type{later}; use one of: {', '.join(tags)}",
                key=UNION_TAG,
            )
        rest = {k: v for k, v in value.items() if k != UNION_TAG}
        result: m.Deadline = hooks[tag](rest, tags[tag])
        return result

    return structure


def _since_of(tag: str) -> str:
    return str(getattr(DEADLINE_TAGS[tag], "__since__", "1.0"))


def _structure_full_date(value: object, _: object) -> PartialDate:
    return PartialDate.from_date(_structure_date(value, _))


def _attrs_structure_factory(conv: cattrs.Converter, version: str) -> Callable[[type], Callable[[object, object], Any]]:
    from cattrs.errors import AttributeValidationNote, ClassValidationError
    from cattrs.gen import make_dict_structure_fn, override

    def factory(cls: type) -> Callable[[object, object], Any]:
        names = wire_names(cls)
        overrides: dict[str, Any] = {name: override(rename=key) for name, key in names.items()}
        required: list[attrs.Attribute[Any]] = []
        for a in attrs.fields(cls):
            rule = field_rule(a, version)
            if not rule.present:
                overrides[a.name] = override(omit=True)
                continue
            if rule.required and a.default is not attrs.NOTHING:
                required.append(a)
            if "minimum" in a.metadata:
                overrides[a.name] = override(rename=names[a.name], struct_hook=_minimum_hook(a.metadata["minimum"]))
            elif rule.full_date:
                overrides[a.name] = override(rename=names[a.name], struct_hook=_structure_full_date)
        inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,
        )
        if not required:

            def structure(value: object, _: object) -> Any:
                if not isinstance(value, dict):
                    raise _wrong("an object", value)
                return inner(value, cls)

            return structure

        def structure_requiring(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _wrong("an object", value)
            missing = [a for a in required if names[a.name] not in value]
            if not missing:
                return inner(value, cls)
            errors: list[Exception] = []
            for a in missing:
                error = KeyError(names[a.name])
                where = f"Structuring class {cls.__qualname__} @ attribute {a.name}"
                error.__notes__ = [AttributeValidationNote(where, a.name, a.type)]
                errors.append(error)
            try:
                inner(value, cls)
            except ClassValidationError as exc:
                errors.extend(exc.exceptions)
            raise ClassValidationError(f"While structuring {cls.__qualname__}", errors, cls)

        return structure_requiring

    return factory


# --------------------------------------------------------------------------------------------------
# Unstructure hooks
# --------------------------------------------------------------------------------------------------


EXTENSION_DATA: ContextVar[bool] = ContextVar("supercomplaint_extension_data", default=False)
"""Set when a document being unstructured holds extension data: without it, its JSON value holds no float and
no null, which ``supercomplaint._json`` then need not look for in the text (issue 14)."""


def _unstructure_extensions(value: Any) -> Any:
    if value:
        EXTENSION_DATA.set(True)
    return _sorted_json(value)


def _sorted_json(value: Any) -> Any:
    """A copy of a JSON value with object keys sorted, so that extension data dumps canonically."""
    if isinstance(value, dict):
        return {key: _sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [_sorted_json(item) for item in value]
    return value


def _unstructure_enum(value: StrEnum) -> str:
    return value.value


def _attrs_unstructure_factory(conv: cattrs.Converter) -> Callable[[type], Callable[[Any], Any]]:
    from cattrs.gen import make_dict_unstructure_fn, override

    def factory(cls: type) -> Callable[[Any], Any]:
        names = wire_names(cls)
        renames: dict[str, Any] = {name: override(rename=key) for name, key in names.items()}
        inner: Callable[[Any], Any] = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **renames)
        tag = _TAG_OF.get(cls)
        if tag is None:
            return inner

        def unstructure(value: Any) -> Any:
            return {UNION_TAG: tag, **inner(value)}

        return unstructure

    return factory


def get_converter(converter: cattrs.Converter | None = None, *, version: str = SCHEMA_VERSION) -> cattrs.Converter:
    """Register the library's hooks on ``converter`` (a new JSON-ready one when ``None``) and return it.

    ``version`` is the schema version structuring follows (the latest by default): with ``"1.0"``, the
    fields and values added in 1.1 are refused as a 1.0 schema refuses them, and the fields 1.0 requires
    are required. Unstructuring is the same for every version.

    The hooks make structuring strict (no coercion, no unknown keys, every problem collected) and give the
    wire format: camelCase keys, ISO dates, tagged deadlines. Use the converter's ``structure`` and
    ``unstructure`` for model objects below the document level; for whole documents, use
    :func:`structure_document` and :func:`unstructure_document`, which add ``kind`` and ``schemaVersion``.

    Registering raises nothing. Structuring bad data with the returned converter raises cattrs' own
    ``ClassValidationError`` (an exception group); :func:`structure_document` and
    :func:`supercomplaint.loads` turn that into a :class:`~supercomplaint.LoadError` with codes and paths.

    >>> conv = get_converter()
    >>> conv.unstructure(m.PeriodDeadline(amount=6, unit=m.Unit.MONTHS, anchor=m.Anchor.REPORT_PUBLISHED,
    ...                                   counting=m.Counting.AFTER))
    {'type': 'period', 'amount': 6, 'unit': 'months', 'anchor': 'report-published', 'counting': 'after'}
    """
    if converter is None:
        from cattrs.preconf.json import make_converter

        converter = make_converter()
    conv = converter
    conv.register_structure_hook(str, _structure_str)
    # Id, Ref and Url are ``Annotated[str, ...]``: matched by equality, before the hook for plain ``str``.
    conv.register_structure_hook_func(lambda t: t == m.Id or t == m.Ref, _structure_id)
    conv.register_structure_hook_func(lambda t: t == m.Url, _structure_url)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_structure_hook_func(lambda t: t == m.Extensions, _structure_extensions)
    conv.register_structure_hook(StrEnum, _structure_enum)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(conv, t))
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(conv, t))
    if version not in SUPPORTED_VERSIONS:
        raise ValueError(f"{version!r} is not a schema version this library reads")
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t is not PartialDate, _attrs_structure_factory(conv, version)
    )
    conv.register_structure_hook(m.Deadline, _deadline_structure(conv, version))

    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_unstructure_hook_func(lambda t: t == m.Extensions, _unstructure_extensions)
    conv.register_unstructure_hook(StrEnum, _unstructure_enum)
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t is not PartialDate, _attrs_unstructure_factory(conv)
    )
    conv.register_unstructure_hook(m.Deadline, lambda d: conv.unstructure(d, type(d)))
    return conv


@cache
def _default(version: str = SCHEMA_VERSION) -> cattrs.Converter:
    return get_converter(version=version)


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------


def newer_features(doc: object, version: str, path: str = "$") -> list[Problem]:
    """What in ``doc`` (a document or any model object) a document of schema ``version`` cannot say.

    Each problem has the code ``needs-newer-version``, the JSON path of the value and a message naming the
    version that can say it. An empty list means the document can be written as ``version``. The rules
    are those the loader applies to a document of that version (:func:`field_rule`, :func:`deadline_tags`).

    >>> newer_features(m.NotCapturedDeadline(), "1.0")[0].message
    "the deadline type 'not-captured' is new in schema version 1.1"
    """
    tags = deadline_tags(version)
    out: list[Problem] = []
    stack: list[tuple[object, str]] = [(doc, path)]

    def problem(where: str, message: str) -> None:
        out.append(Problem(code="needs-newer-version", message=message, path=where))

    while stack:
        obj, here = stack.pop()
        if isinstance(obj, tuple):
            stack.extend((item, join_path(here, index)) for index, item in reversed(list(enumerate(obj))))
            continue
        cls: Any = type(obj)
        if not attrs.has(cls) or isinstance(obj, PartialDate):
            continue
        tag: str | None = _TAG_OF.get(cls)  # type: ignore[arg-type]
        if tag is not None and tag not in tags:
            problem(join_path(here, UNION_TAG), f"the deadline type {tag!r} is new in schema version {_since_of(tag)}")
            continue
        names = wire_names(cls)
        children: list[tuple[object, str]] = []
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            where = join_path(here, names[field.name])
            rule = field_rule(field, version)
            default = field.default
            is_default = default is not attrs.NOTHING and value == (
                default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            )
            if not rule.present:
                if not is_default:
                    problem(where, f"{names[field.name]!r} is new in schema version {field.metadata.get('since')}")
                continue
            if rule.required and is_default:
                problem(where, f"schema version {version} requires {names[field.name]!r}; later versions do not")
                continue
            if rule.full_date and isinstance(value, PartialDate) and value.day is None:
                problem(where, f"schema version {version} takes only a full date here, not {value}")
                continue
            children.append((value, where))
        stack.extend(reversed(children))
    return out


def needed_version(doc: object) -> str:
    """The oldest schema version that can say everything in ``doc``; never raises.

    >>> needed_version(m.NotCapturedDeadline())
    '1.1'
    """
    for version in sorted(SUPPORTED_VERSIONS, key=version_key):
        if not newer_features(doc, version):
            return version
    return SCHEMA_VERSION


def check_writable(doc: object, version: str) -> None:
    """Raise :class:`~supercomplaint.VersionError` unless ``doc`` can be written as schema ``version``."""
    if version not in SUPPORTED_VERSIONS:
        raise VersionError(
            [
                Problem(
                    code="unsupported-version",
                    message=f"schema version {version!r} is not one this library writes "
                    f"({', '.join(sorted(SUPPORTED_VERSIONS, key=version_key))})",
                )
            ]
        )
    if version != SCHEMA_VERSION:
        problems = newer_features(doc, version)
        if problems:
            raise VersionError(problems, version=version)


def unstructure_document(
    doc: m.Document, converter: cattrs.Converter | None = None, *, version: str = SCHEMA_VERSION
) -> dict[str, Any]:
    """A document as a JSON value: ``kind`` and ``schemaVersion`` first, then its fields.

    ``version`` is the schema version to write (the latest by default). An older version is written only
    when the document needs nothing newer; otherwise :class:`~supercomplaint.VersionError` lists what it
    cannot say, with paths.
    """
    check_writable(doc, version)
    conv = converter or _default()
    body = conv.unstructure(doc, type(doc))
    return {KIND_KEY: kind_of(doc), VERSION_KEY: version, **body}


def structure_document(
    data: object,
    *,
    kind: str | None = None,
    converter: cattrs.Converter | None = None,
    json_checked: bool = False,
) -> m.Document:
    """Turn a parsed JSON value into a document, reading its ``kind`` (or checking it equals ``kind``).

    ``data`` must be a JSON value: a Python value no JSON text holds (a tuple, a set, NaN, a key that is not a
    string, an integer past the limit, a lone surrogate) is refused with the codes of
    :func:`supercomplaint.io.json_value_problems`, so that whatever is read can be written. ``json_checked``
    says the caller has made sure of that already (:func:`supercomplaint.loads` parses text strictly).

    Raises :class:`~supercomplaint.LoadError` carrying every problem found.
    """
    conv = converter or _default()
    if not json_checked:
        from .io import json_value_problems

        not_json = json_value_problems(data)
        if not_json:
            raise LoadError(not_json)
    if not isinstance(data, dict):
        raise LoadError([Problem(code="wrong-type", message=f"a document must be an object, found {type_name(data)}")])
    problems: list[Problem] = []
    found = data.get(KIND_KEY)
    cls: type[m.Document] | None = None
    if KIND_KEY not in data:
        problems.append(Problem(code="missing-field", message="a document must say its kind", path="$.kind"))
    elif not isinstance(found, str) or found not in KINDS:
        problems.append(
            Problem(
                code="unknown-kind",
                message=f"{found!r} is not a document kind; use one of: {', '.join(KINDS)}",
                path="$.kind",
            )
        )
    else:
        cls = KINDS[found]
    if kind is not None and cls is not None and found != kind:
        problems.append(
            Problem(code="unexpected-kind", message=f"expected a {kind!r} document, found {found!r}", path="$.kind")
        )
    if cls is None and kind is not None and kind in KINDS:
        cls = KINDS[kind]
    version = data.get(VERSION_KEY)
    if VERSION_KEY not in data:
        problems.append(
            Problem(code="missing-field", message="a document must say its schema version", path="$.schemaVersion")
        )
    elif not isinstance(version, str) or version not in SUPPORTED_VERSIONS:
        problems.append(
            Problem(
                code="unsupported-version",
                message=f"schema version {version!r} is not one this library reads "
                f"({', '.join(sorted(SUPPORTED_VERSIONS))})",
                path="$.schemaVersion",
            )
        )
    result: m.Document | None = None
    if converter is None and isinstance(version, str) and version in SUPPORTED_VERSIONS:
        conv = _default(version)  # a document is read by the rules of the version it says it follows
    if cls is not None:
        rest = {k: v for k, v in data.items() if k not in (KIND_KEY, VERSION_KEY)}
        try:
            with collector_held():  # a full collection during a big load walks every object held (issue 14)
                result = conv.structure(rest, cls)
        except RecursionError:
            problems.append(Problem(code="json-too-deep", message="the document is nested too deeply to read"))
        except Exception as exc:  # noqa: BLE001 - turned into problems below
            problems.extend(problems_from_exception(exc, "$"))
    if problems or result is None:
        raise LoadError(problems)
    return result


def problems_from_exception(exc: BaseException, path: str, cls: type | None = None) -> list[Problem]:
    """Walk a cattrs exception group (or one of our :class:`Invalid`) into problems with JSON paths."""
    out: list[Problem] = []
    _walk(exc, path, out)
    return out


def _walk(exc: BaseException, path: str, out: list[Problem]) -> None:
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(exc, ClassValidationError):
        names = wire_names(exc.cl) if attrs.has(exc.cl) else {}
        for sub in exc.exceptions:
            note = _note(sub, AttributeValidationNote)
            if note is None:
                _walk(sub, path, out)
                continue
            key = names.get(note.name, note.name)
            if isinstance(sub, KeyError):
                out.append(
                    Problem(code="missing-field", message=f"{key!r} is required here", path=join_path(path, key))
                )
            else:
                _walk(sub, join_path(path, key), out)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            index_note = _note(sub, IterableValidationNote)
            _walk(sub, join_path(path, index_note.index) if index_note is not None else path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        later = _later_fields(exc.cl)
        for key in sorted(exc.extra_fields):
            message = (
                f"{key!r} is new in schema version {later[key]}; say \"schemaVersion\": \"{later[key]}\" to use it"
                if key in later
                else f"{key!r} is not a field here; put publisher data under 'extensions'"
            )
            out.append(Problem(code="unknown-key", message=message, path=join_path(path, key)))
    elif isinstance(exc, Invalid):
        out.append(Problem(code=exc.code, message=exc.message, path=join_path(path, exc.key) if exc.key else path))
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            _walk(member, path, out)
    elif isinstance(exc, RecursionError):
        out.append(Problem(code="json-too-deep", message="the document is nested too deeply to read", path=path))
    else:
        out.append(Problem(code="invalid-value", message=str(exc) or type(exc).__name__, path=path))


@cache
def _later_fields(cls: type) -> Mapping[str, str]:
    """Wire key -> the version that added it, for the fields of ``cls`` added after 1.0."""
    if not attrs.has(cls):
        return {}
    names = wire_names(cls)
    return {names[a.name]: str(a.metadata["since"]) for a in attrs.fields(cls) if "since" in a.metadata}


if TYPE_CHECKING:
    N = TypeVar("N", AttributeValidationNote, IterableValidationNote)


def _note(exc: BaseException, kind: type[N]) -> N | None:
    for note in reversed(getattr(exc, "__notes__", ())):
        if isinstance(note, kind):
            return note
    return None
