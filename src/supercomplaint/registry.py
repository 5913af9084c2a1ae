"""The register of bodies: who "chief constables" are, which force an ONS code means, who collates.

A :class:`Registry` is an immutable set of lookups over bodies and groups. The library ships one for
England and Wales (:func:`default_registry`: the national bodies, the 43 territorial forces with their ONS
police force area codes, the 43 local policing bodies, and the groups ``chief-constables`` collated by
the NPCC and ``local-policing-bodies`` collated by the APCC). A document's own bodies and groups extend
or override it for that document (:meth:`Registry.for_document`).

>>> reg = default_registry()
>>> len(reg.members("chief-constables")), reg.collator("chief-constables").id
(43, 'npcc')
>>> reg.by_name("cambridgeshire police").id
'force-cambridgeshire'
>>> reg.by_ons("E23000023").name
'Cambridgeshire Constabulary'

Errors: an id, ONS code or name that is not there raises :class:`UnknownRefError` (a
:class:`~supercomplaint.SupercomplaintError` and a :class:`KeyError`); a name or code that fits more than
one body raises :class:`AmbiguousRefError` (a :class:`~supercomplaint.SupercomplaintError` and a
:class:`LookupError`). Both carry ``problems``, each with a stable code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from . import model as m
from .problems import Problem, SupercomplaintError

__all__ = [
    "ONS_SCHEME",
    "AmbiguousRefError",
    "Registry",
    "RegistryError",
    "UnknownRefError",
    "default_registry",
    "normalise_name",
]

ONS_SCHEME: Final = "ons-pfa"
"""The identifier scheme of ONS police force area codes (E23..., W15...)."""

_FORCE_KINDS = frozenset({m.BodyKind.TERRITORIAL_FORCE, m.BodyKind.OTHER_POLICE_FORCE})
_FORCE_SUFFIXES = ("police service", "police force", "constabulary", "police")
_FORCE_VARIANTS = ("police", "constabulary", "police service", "police force")
_OFFICE_ABBREVIATIONS = {
    "police and crime commissioner": "pcc",
    "police fire and crime commissioner": "pfcc",
}


class RegistryError(SupercomplaintError, LookupError):
    """A lookup in a :class:`Registry` failed; ``problems`` says why, each with a stable code."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    def __str__(self) -> str:
        # KeyError would show the repr of its argument; a person should read the sentence.
        return "; ".join(p.message for p in self.problems)


class UnknownRefError(RegistryError, KeyError):
    """No body or group has this id (code ``unknown-ref``), ONS code (``unknown-ons-code``) or name
    (``unknown-name``); or a group's members form a cycle (``group-cycle``)."""


class AmbiguousRefError(RegistryError):
    """A name or code fits more than one body (codes ``ambiguous-name``, ``ambiguous-ons-code``)."""


def normalise_name(name: str) -> str:
    """A name folded for comparison: case, accents, apostrophes, "&", punctuation and a leading "the".

    >>> normalise_name("The National Police Chiefs’ Council")
    'national police chiefs council'
    >>> normalise_name("HM Inspectorate of Constabulary & Fire and Rescue Services")
    'hm inspectorate of constabulary and fire and rescue services'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’`]", "", text).replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^(?:the )+", "", text)


def _variants(body: m.Body) -> set[str]:
    """Common variant names: "X Police" / "X Constabulary" for forces; "X PCC" for commissioners."""
    out: set[str] = set()
    names = [normalise_name(n) for n in (body.name, *body.aliases)]
    if body.kind in _FORCE_KINDS:
        for name in names:
            for suffix in _FORCE_SUFFIXES:
                if name.endswith(" " + suffix):
                    stem = name[: -len(suffix) - 1]
                    out.update(f"{stem} {variant}" for variant in _FORCE_VARIANTS)
                    break
    elif body.kind is m.BodyKind.LOCAL_POLICING_BODY and body.office and body.area:
        office, area = normalise_name(body.office), normalise_name(body.area)
        abbreviation = _OFFICE_ABBREVIATIONS.get(office)
        if abbreviation is not None:
            out.update(
                {
                    f"{office} for {area}",
                    f"{area} {office}",
                    f"{abbreviation} for {area}",
                    f"{area} {abbreviation}",
                    f"office of the {office} for {area}",
                    f"o{abbreviation} for {area}",
                    f"{area} o{abbreviation}",
                }
            )
    return out - set(names)


class Registry:
    """Immutable lookups over bodies and groups.

    Build one with :func:`default_registry`, :meth:`from_register`, :meth:`for_document` or
    :meth:`extend`; a registry never changes after it is made. Ids are unique across bodies and groups:
    a later definition of an id replaces an earlier one, whether it was a body or a group.
    """

    __slots__ = ("_bodies", "_groups", "_names", "_variants")

    def __init__(self, bodies: Iterable[m.Body] = (), groups: Iterable[m.Group] = ()) -> None:
        body_map: dict[str, m.Body] = {}
        group_map: dict[str, m.Group] = {}
        for body in bodies:
            group_map.pop(body.id, None)
            body_map[body.id] = body
        for group in groups:
            body_map.pop(group.id, None)
            group_map[group.id] = group
        self._bodies: Mapping[str, m.Body] = MappingProxyType(body_map)
        self._groups: Mapping[str, m.Group] = MappingProxyType(group_map)
        self._names: Mapping[str, tuple[str, ...]] | None = None
        self._variants: Mapping[str, tuple[str, ...]] | None = None

    # ----------------------------------------------------------------------------------------------
    # Construction

    @classmethod
    def from_register(cls, register: m.Register) -> Registry:
        """A registry of a :class:`~supercomplaint.model.Register` document's bodies and groups."""
        return cls(register.bodies, register.groups)

    def extend(self, bodies: Iterable[m.Body] = (), groups: Iterable[m.Group] = ()) -> Registry:
        """A new registry with these bodies and groups added; one with an existing id replaces it.

        >>> reg = default_registry().extend([m.Body(id="hestia", name="Hestia", kind=m.BodyKind.DESIGNATED_BODY)])
        >>> reg.body("hestia").name, "hestia" in default_registry()
        ('Hestia', False)
        """
        bodies, groups = tuple(bodies), tuple(groups)
        if not bodies and not groups:
            return self
        replaced = {b.id for b in bodies} | {g.id for g in groups}
        kept_bodies = [b for b in self._bodies.values() if b.id not in replaced]
        kept_groups = [g for g in self._groups.values() if g.id not in replaced]
        return Registry([*kept_bodies, *bodies], [*kept_groups, *groups])

    @classmethod
    def for_document(cls, doc: m.Document, base: Registry | None = None) -> Registry:
        """The registry that resolves ``doc``'s references: ``base`` (default: the shipped register)
        extended or overridden by the bodies and groups ``doc`` defines itself.

        A :class:`~supercomplaint.model.Register` document gives its own bodies and groups on top of
        ``base``. Raises :class:`TypeError` for anything that is not a document.
        """
        base = default_registry() if base is None else base
        if isinstance(doc, m.CaseRecord | m.Register):
            return base.extend(doc.bodies, doc.groups)
        if isinstance(doc, m.ResponseDocument):
            return base.extend(doc.bodies)
        raise TypeError(f"for_document() needs a document, not {type(doc).__name__}")

    # ----------------------------------------------------------------------------------------------
    # Contents

    @property
    def bodies(self) -> tuple[m.Body, ...]:
        """Every body, in the order defined (a replaced body keeps the place of its replacement)."""
        return tuple(self._bodies.values())

    @property
    def groups(self) -> tuple[m.Group, ...]:
        """Every group, in the order defined."""
        return tuple(self._groups.values())

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and (ref in self._bodies or ref in self._groups)

    def __iter__(self) -> Iterator[str]:
        """The ids of every body, then of every group."""
        yield from self._bodies
        yield from self._groups

    def __len__(self) -> int:
        return len(self._bodies) + len(self._groups)

    def __repr__(self) -> str:
        return f"<Registry of {len(self._bodies)} bodies and {len(self._groups)} groups>"

    def is_group(self, ref: str) -> bool:
        """Whether ``ref`` is the id of a group (``False`` for a body or an unknown id)."""
        return ref in self._groups

    def get(self, ref: str) -> m.Body | m.Group | None:
        """The body or group with id ``ref``, or ``None``."""
        return self._bodies.get(ref) or self._groups.get(ref)

    def body(self, ref: str) -> m.Body:
        """The body with id ``ref``; raises :class:`UnknownRefError` (also for a group's id)."""
        body = self._bodies.get(ref)
        if body is None:
            what = "is a group, not a body" if ref in self._groups else "is not a known body"
            raise UnknownRefError([_unknown(ref, f"{ref!r} {what}")])
        return body

    def group(self, ref: str) -> m.Group:
        """The group with id ``ref``; raises :class:`UnknownRefError` (also for a body's id)."""
        group = self._groups.get(ref)
        if group is None:
            what = "is a body, not a group" if ref in self._bodies else "is not a known group"
            raise UnknownRefError([_unknown(ref, f"{ref!r} {what}")])
        return group

    def name(self, ref: str) -> str:
        """The name of the body or group ``ref``; raises :class:`UnknownRefError`."""
        found = self.get(ref)
        if found is None:
            raise UnknownRefError([_unknown(ref, f"{ref!r} is not a known body or group")])
        return found.name

    def members(self, ref: str) -> tuple[m.Body, ...]:
        """The bodies ``ref`` stands for: a group's members (groups inside it expanded, each body once, in
        order), or the body itself.

        Raises :class:`UnknownRefError` when ``ref`` or any member is unknown (every unknown member is
        reported) or when groups contain each other in a cycle.

        >>> [b.id for b in default_registry().members("home-office")]
        ['home-office']
        """
        out: dict[str, m.Body] = {}
        problems: list[Problem] = []
        self._expand(ref, out, problems, ())
        if problems:
            raise UnknownRefError(problems)
        return tuple(out.values())

    def _expand(self, ref: str, out: dict[str, m.Body], problems: list[Problem], path: tuple[str, ...]) -> None:
        body = self._bodies.get(ref)
        if body is not None:
            out.setdefault(ref, body)
            return
        group = self._groups.get(ref)
        if group is None:
            where = f" (a member of {path[-1]!r})" if path else ""
            problems.append(_unknown(ref, f"{ref!r}{where} is not a known body or group"))
            return
        if ref in path:
            cycle = " -> ".join((*path[path.index(ref) :], ref))
            problems.append(Problem(code="group-cycle", message=f"groups contain each other: {cycle}", ids=(ref,)))
            return
        for member in group.members:
            self._expand(member, out, problems, (*path, ref))

    def collator(self, ref: str) -> m.Body | None:
        """The body that collates and answers for group ``ref``, or ``None`` when it has none.

        Raises :class:`UnknownRefError` when ``ref`` is not a group or its collator is not a known body.
        """
        group = self.group(ref)
        return None if group.collator is None else self.body(group.collator)

    # ----------------------------------------------------------------------------------------------
    # Lookups by identifier and by name

    def with_identifier(self, scheme: str, value: str) -> tuple[m.Body, ...]:
        """Every body carrying identifier ``value`` in ``scheme`` (a force and its local policing body
        share their area's ONS code)."""
        wanted = value.strip().casefold()
        return tuple(
            body
            for body in self._bodies.values()
            if any(i.scheme == scheme and i.value.casefold() == wanted for i in body.identifiers)
        )

    def by_ons(self, code: str, kind: m.BodyKind | None = m.BodyKind.TERRITORIAL_FORCE) -> m.Body:
        """The body of ``kind`` (by default the territorial force) with ONS police force area ``code``.

        Pass ``kind=BodyKind.LOCAL_POLICING_BODY`` for the area's local policing body, or ``None`` for
        whichever single body has the code. Raises :class:`UnknownRefError` or :class:`AmbiguousRefError`.

        >>> default_registry().by_ons("E23000023", kind=m.BodyKind.LOCAL_POLICING_BODY).id
        'lpb-cambridgeshire'
        """
        found = [b for b in self.with_identifier(ONS_SCHEME, code) if kind is None or b.kind == kind]
        of = f" of kind {m.BodyKind(kind).value}" if kind is not None else ""
        if not found:
            raise UnknownRefError([Problem(code="unknown-ons-code", message=f"no body{of} has the ONS code {code!r}")])
        if len(found) > 1:
            ids = tuple(b.id for b in found)
            raise AmbiguousRefError(
                [
                    Problem(
                        code="ambiguous-ons-code",
                        message=f"{len(found)} bodies{of} have the ONS code {code!r}: {', '.join(ids)}",
                        ids=ids,
                    )
                ]
            )
        return found[0]

    def _indexes(self) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
        if self._names is None or self._variants is None:
            names: dict[str, list[str]] = {}
            variants: dict[str, list[str]] = {}
            for body in self._bodies.values():
                for key in {normalise_name(n) for n in (body.name, *body.aliases)}:
                    names.setdefault(key, []).append(body.id)
                for key in _variants(body):
                    variants.setdefault(key, []).append(body.id)
            for group in self._groups.values():
                names.setdefault(normalise_name(group.name), []).append(group.id)
            self._names = MappingProxyType({k: tuple(v) for k, v in names.items()})
            self._variants = MappingProxyType({k: tuple(v) for k, v in variants.items()})
        return self._names, self._variants

    def find_by_name(self, name: str) -> tuple[m.Body | m.Group, ...]:
        """Every body or group ``name`` may mean: exact names and aliases first; only when none fits,
        the common variants ("X Police" for "X Constabulary", "X PCC" ...). Case, accents, apostrophes,
        "&"/"and" and a leading "the" are ignored."""
        names, variants = self._indexes()
        key = normalise_name(name)
        ids = names.get(key) or variants.get(key) or ()
        return tuple(found for i in ids if (found := self.get(i)) is not None)

    def by_name(self, name: str) -> m.Body | m.Group:
        """The one body or group called ``name`` (see :meth:`find_by_name` for what matches).

        Raises :class:`UnknownRefError` when nothing matches and :class:`AmbiguousRefError` when
        several do.

        >>> default_registry().by_name("The Metropolitan Police").id
        'force-metropolitan-police'
        >>> default_registry().by_name("Cambridgeshire PCC").id
        'lpb-cambridgeshire'
        """
        found = self.find_by_name(name)
        if not found:
            raise UnknownRefError([Problem(code="unknown-name", message=f"no body or group is called {name!r}")])
        if len(found) > 1:
            ids = tuple(f.id for f in found)
            raise AmbiguousRefError(
                [
                    Problem(
                        code="ambiguous-name",
                        message=f"{name!r} may mean any of {', '.join(ids)}",
                        ids=ids,
                    )
                ]
            )
        return found[0]


def _unknown(ref: str, message: str) -> Problem:
    return Problem(code="unknown-ref", message=message, ids=(ref,))


@cache
def default_registry() -> Registry:
    """The register shipped with the library (``supercomplaint/data/register.json``), read once.

    Raises :class:`~supercomplaint.LoadError` if the installed package data is damaged.
    """
    from .io import loads

    data = resources.files("supercomplaint").joinpath("data/register.json").read_bytes()
    register = loads(data, kind="register", source="supercomplaint/data/register.json")
    assert isinstance(register, m.Register)
    return Registry.from_register(register)
