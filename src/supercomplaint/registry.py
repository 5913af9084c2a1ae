"""The register of bodies: who "chief constables" are, which force an ONS code means, who collates.

A :class:`Registry` is an immutable set of lookups over bodies and groups. The library ships one for
England and Wales (:func:`default_registry`: the national bodies, the 43 territorial forces with their ONS
police force area codes, the 43 local policing bodies, the other police forces, the forces of Northern
Ireland and Scotland marked outside the regime, and the groups ``chief-constables`` collated by the NPCC,
``local-policing-bodies`` collated by the APCC, ``other-police-forces`` and
``chief-constables-or-equivalents``). A document's own bodies and groups extend or override it for that
document (:meth:`Registry.for_document`).

>>> reg = default_registry()
>>> len(reg.members("chief-constables")), reg.collator("chief-constables").id
(43, 'npcc')
>>> len(reg.members("chief-constables-or-equivalents"))
46
>>> reg.by_name("cambridgeshire police").id
'force-cambridgeshire'
>>> reg.by_ons("E23000023").name
'Cambridgeshire Constabulary'

The register knows time: a body lists the names it has had with the dates each was in force, and
:meth:`Registry.name` gives the one in force on a date.

>>> import datetime as dt
>>> reg.name("hmicfrs", on=dt.date(2016, 3, 1))
'HM Inspectorate of Constabulary'
>>> reg.by_name("HMIC").id, reg.by_name("Chief Constable of Lincolnshire").id
('hmicfrs', 'force-lincolnshire')

Errors: an id, ONS code or name that is not there raises :class:`UnknownRefError` (a
:class:`~supercomplaint.SupercomplaintError` and a :class:`KeyError`); a name that names an office or a
force but no area ("Chief Constable") raises its subclass :class:`NameWithoutAreaError`; a name or code
that fits more than one body raises :class:`AmbiguousRefError` (a
:class:`~supercomplaint.SupercomplaintError` and a :class:`LookupError`). All carry ``problems``, each with a
stable code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Final

from . import model as m
from .partialdate import PartialDate
from .problems import Problem, SupercomplaintError

__all__ = [
    "ONS_SCHEME",
    "AmbiguousRefError",
    "NameWithoutAreaError",
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
_OFFICE_FOR_AREA = re.compile(r"(police and crime commissioner|police fire and crime commissioner) for (.+)")
_CHIEF_OFFICER_FORMS: tuple[str, ...] = (
    "chief constable of {}",
    "chief constable for {}",
    "chief constable {}",
    "{} chief constable",
)
# Words a name may abbreviate; both the register's names and the names looked up are read through them.
_TOKEN_SYNONYMS = {"iow": ("isle", "of", "wight"), "hq": ("headquarters",)}

# Names that name an office or a force but no area, each with an example of a name that does.
_CHIEF = "'Chief Constable of Kent'"
_PCC = "'Police and Crime Commissioner for Kent'"
_HQ = "'Kent Police Headquarters'"
_NO_AREA: Final[Mapping[str, str]] = MappingProxyType(
    {
        "chief constable": _CHIEF,
        "deputy chief constable": _CHIEF,
        "assistant chief constable": _CHIEF,
        "chief officer": _CHIEF,
        "chief police officer": _CHIEF,
        "commissioner of police": "'Commissioner of Police of the Metropolis'",
        "police commissioner": _PCC,
        "commissioner": _PCC,
        "police and crime commissioner": _PCC,
        "police fire and crime commissioner": _PCC,
        "pcc": _PCC,
        "pfcc": _PCC,
        "opcc": _PCC,
        "opfcc": _PCC,
        "office of police and crime commissioner": _PCC,
        "office of police fire and crime commissioner": _PCC,
        "local policing body": _PCC,
        "mayor": "'Mayor of West Yorkshire'",
        "police": "'Kent Police'",
        "police force": "'Kent Police'",
        "police service": "'Kent Police'",
        "constabulary": "'Kent Police'",
        "force": "'Kent Police'",
        "police headquarters": _HQ,
        "force headquarters": _HQ,
        "headquarters": _HQ,
    }
)


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


class NameWithoutAreaError(UnknownRefError):
    """A name that names an office or a kind of body but no area, such as "Chief Constable" or "the
    Police and Crime Commissioner" (code ``name-names-no-area``): it could mean any of dozens of bodies."""


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


def _key(name: str) -> str:
    """The lookup key of a name: :func:`normalise_name`, then every "the" dropped, initials joined ("H.M."
    as "HM"), "Her/His Majesty's" read as "HM", "IoW" as "Isle of Wight" and "HQ" as "Headquarters"."""
    joined: list[str] = []
    initials = False  # whether joined[-1] is a run of single characters
    for word in normalise_name(name).split():
        if word == "the":
            continue
        if len(word) == 1 and initials:
            joined[-1] += word
        else:
            joined.append(word)
            initials = len(word) == 1
    out: list[str] = []
    i = 0
    while i < len(joined):
        word = joined[i]
        if word in {"her", "his"} and i + 1 < len(joined) and joined[i + 1] == "majestys":
            out.append("hm")
            i += 2
            continue
        out.extend(_TOKEN_SYNONYMS.get(word, (word,)))
        i += 1
    return " ".join(out)


def _all_names(body: m.Body) -> tuple[str, ...]:
    """The body's name, aliases and every name it has had."""
    return (body.name, *body.aliases, *(n.name for n in body.names))


def _force_variants(body: m.Body, names: set[str]) -> set[str]:
    """ "X Police" / "X Constabulary" for "X Police Service", "X Police Headquarters", and the chief officer's
    title with the force or its area ("Chief Constable of Lincolnshire")."""
    # The force's own names; a chief officer's title given as an alias ("Commissioner of Police of the
    # Metropolis") is a name of the force but no stem of one.
    forms = {name for name in names if "commissioner" not in name.split()}
    stems: set[str] = set()
    for name in [*forms, _key(body.area) if body.area else ""]:
        stem = name
        for suffix in _FORCE_SUFFIXES:
            if name.endswith(" " + suffix):
                stem = name[: -len(suffix) - 1]
                break
        if stem:
            stems.add(stem)
    for stem in stems:
        forms.update(f"{stem} {variant}" for variant in _FORCE_VARIANTS)
    out = {f"{form} headquarters" for form in forms}
    # A force led by a commissioner (the Met, the City of London) says so in its aliases.
    patterns = _CHIEF_OFFICER_FORMS
    if any("commissioner" in name.split() for name in names):
        patterns += ("commissioner of {}", "{} commissioner")
    for place in forms | stems:
        out.update(pattern.format(place) for pattern in patterns)
    return out | forms


def _lpb_variants(body: m.Body, names: set[str]) -> set[str]:
    """ "X PCC", "PCC for X", "Office of the PCC for X" ... for each commissioner's name the body has had (a
    police, fire and crime commissioner is also called a police and crime commissioner); "X Mayor"."""
    offices: set[tuple[str, str]] = set()
    for name in names:
        match = _OFFICE_FOR_AREA.fullmatch(name)
        if match is not None:
            offices.add((match[1], match[2]))
        if name.startswith("mayor of "):
            offices.add(("mayor", name[len("mayor of ") :]))
    area = _key(body.area) if body.area else None
    if body.office and area:
        office = _key(body.office)
        if office in _OFFICE_ABBREVIATIONS:
            offices.add((office, area))
    offices |= {("police and crime commissioner", a) for o, a in offices if o == "police fire and crime commissioner"}
    out: set[str] = set()
    for office, place in offices:
        abbreviation = _OFFICE_ABBREVIATIONS.get(office)
        if abbreviation is None:
            out.add(f"{place} {office}")
            continue
        out.update(
            {
                f"{office} for {place}",
                f"{place} {office}",
                f"{abbreviation} for {place}",
                f"{place} {abbreviation}",
                f"office of {office} for {place}",
                f"o{abbreviation} for {place}",
                f"{place} o{abbreviation}",
            }
        )
    if area:
        out.update({f"local policing body for {area}", f"{area} local policing body"})
    return out


def _variants(body: m.Body) -> set[str]:
    """Keys of the common variant names of a body that are not its names (see :meth:`Registry.find_by_name`)."""
    names = {_key(n) for n in _all_names(body)}
    if body.kind in _FORCE_KINDS:
        out = _force_variants(body, names)
    elif body.kind is m.BodyKind.LOCAL_POLICING_BODY:
        out = _lpb_variants(body, names)
    else:
        out = set()
    return out - names


def _group_variants(group: m.Group) -> set[str]:
    """ "All X", and the words before " of " ("Chief constables" for "Chief constables of the territorial
    forces")."""
    key = _key(group.name)
    forms = {key}
    head, of, _ = key.partition(" of ")
    if of and head:
        forms.add(head)
    return (forms | {f"all {form}" for form in forms}) - {key}


def _no_area(key: str) -> str | None:
    """An example of a better name when ``key`` names an office or a force but no area, else ``None``."""
    tokens = key.split()
    while tokens and tokens[-1] in {"of", "for"}:
        tokens.pop()
    return _NO_AREA.get(" ".join(tokens))


def _span(on: dt.date | PartialDate) -> tuple[dt.date, dt.date]:
    if isinstance(on, PartialDate):
        return on.earliest, on.latest
    if isinstance(on, dt.datetime):
        return on.date(), on.date()
    if isinstance(on, dt.date):
        return on, on
    raise TypeError(f"on= needs a date or a PartialDate, not {type(on).__name__}")


def _name_on(body: m.Body, on: dt.date | PartialDate) -> str:
    first, last = _span(on)
    possible: dict[str, dt.date] = {}  # name -> the first day it may have been in force
    certain: set[str] = set()
    for dated in body.names:
        since, until = dated.since, dated.until
        if (since is None or since.earliest <= last) and (until is None or first <= until.latest):
            start = dt.date.min if since is None else since.earliest
            possible[dated.name] = max(start, possible.get(dated.name, dt.date.min))
            if (since is None or since.latest <= first) and (until is None or last <= until.earliest):
                certain.add(dated.name)
    if len(possible) == 1 and certain == set(possible):
        return next(iter(certain))
    listed = {dated.name for dated in body.names}
    if not possible or body.name in possible or body.name not in listed:
        # The current name may have been in force then (or nothing better is known).
        return body.name
    return max(possible, key=lambda name: possible[name])  # the most recent name that may have been


_CYCLE_SHOWN = 8


class Registry:
    """Immutable lookups over bodies and groups.

    Build one with :func:`default_registry`, :meth:`from_register`, :meth:`for_document` or
    :meth:`extend`; a registry never changes after it is made. Ids are unique across bodies and groups:
    a later definition of an id replaces an earlier one, whether it was a body or a group.

    Lookups by id, name and identifier are indexed (built on first use); a group's expansion is computed
    once per registry, in time linear in the size of the groups it reaches.
    """

    __slots__ = ("_bodies", "_expansions", "_groups", "_identifiers", "_names", "_variants")

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
        self._identifiers: Mapping[tuple[str, str], tuple[m.Body, ...]] | None = None
        self._expansions: dict[str, tuple[tuple[m.Body, ...], tuple[Problem, ...]]] = {}

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
        if isinstance(doc, m.CaseRecord | m.Register | m.ResponseDocument):
            return base.extend(doc.bodies, doc.groups)
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

    def name(self, ref: str, on: dt.date | PartialDate | None = None) -> str:
        """The name of the body or group ``ref``: its current name, or the one in force on the date ``on``.

        A body's :attr:`~supercomplaint.model.Body.names` say when each name was in force. ``on`` is a
        :class:`datetime.date` (one day) or a :class:`~supercomplaint.PartialDate` (each day of its month
        or year). The answer is the name whose dates certainly cover every one of those days, when no
        other name may have been in force on any of them. Otherwise (the name changed within that month or
        year, or the date of the change is known only to the month or the year) it is the current name if
        that may have been in force then, else the most recent of the names that may have been: never a
        name the register knows was not yet, or no longer, in use. With no dated name covering ``on``, or
        no ``on``, it is the current name; a group has only its current name. Raises
        :class:`UnknownRefError` for an unknown ``ref`` and :class:`TypeError` when ``on`` is not a date.

        >>> reg = default_registry()
        >>> reg.name("force-hampshire", on=PartialDate(2021, 6))
        'Hampshire Constabulary'
        >>> reg.name("force-hampshire", on=PartialDate(2022))  # renamed during 2022: the current name
        'Hampshire and Isle of Wight Constabulary'
        >>> reg.name("hmicfrs", on=PartialDate(2017))  # renamed in July 2017, not yet "His Majesty's"
        "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
        """
        found = self.get(ref)
        if found is None:
            raise UnknownRefError([_unknown(ref, f"{ref!r} is not a known body or group")])
        if on is None or isinstance(found, m.Group):
            if on is not None:
                _span(on)  # the same TypeError for a group as for a body
            return found.name
        return _name_on(found, on)

    def members(self, ref: str) -> tuple[m.Body, ...]:
        """The bodies ``ref`` stands for: a group's members (groups inside it expanded, each body once, in
        order of first appearance, depth first), or the body itself.

        Raises :class:`UnknownRefError` when ``ref`` or any member is unknown (every unknown member is
        reported) or when groups contain each other in a cycle (code ``group-cycle``). The expansion walks
        each group it reaches once, without recursion, so deep or densely shared nesting costs time linear
        in the number of groups and memberships; it is computed once per registry.

        >>> [b.id for b in default_registry().members("home-office")]
        ['home-office']
        """
        body = self._bodies.get(ref)
        if body is not None:
            return (body,)
        cached = self._expansions.get(ref)
        if cached is None:
            if ref not in self._groups:
                raise UnknownRefError([_unknown(ref, f"{ref!r} is not a known body or group")])
            from ._json import collector_held

            with collector_held():  # one stack entry per group reached, none cyclic: no collection needed
                cached = self._expand(ref)
            self._expansions[ref] = cached
        found, problems = cached
        if problems:
            raise UnknownRefError(problems)
        return found

    def _expand(self, ref: str) -> tuple[tuple[m.Body, ...], tuple[Problem, ...]]:
        """Depth-first walk from group ``ref`` with an explicit stack: each group entered once."""
        out: dict[str, m.Body] = {}
        problems: list[Problem] = []
        done: set[str] = set()
        stack: list[tuple[str, Iterator[m.Ref]]] = [(ref, iter(self._groups[ref].members))]
        depth: dict[str, int] = {ref: 0}  # groups on the stack, with their place in it
        while stack:
            current, pending = stack[-1]
            member = next(pending, None)
            if member is None:
                stack.pop()
                del depth[current]
                done.add(current)
                continue
            body = self._bodies.get(member)
            if body is not None:
                out.setdefault(member, body)
                continue
            group = self._groups.get(member)
            if group is None:
                problems.append(_unknown(member, f"{member!r} (a member of {current!r}) is not a known body or group"))
            elif member in depth:
                problems.append(_cycle(member, [entry[0] for entry in _window(stack, depth[member])]))
            elif member not in done:
                depth[member] = len(stack)
                stack.append((member, iter(group.members)))
        return tuple(out.values()), tuple(problems)

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
        share their area's ONS code). The value is compared without case and surrounding spaces."""
        if self._identifiers is None:
            index: dict[tuple[str, str], list[m.Body]] = {}
            for body in self._bodies.values():
                for identifier in body.identifiers:
                    found = index.setdefault((identifier.scheme, identifier.value.strip().casefold()), [])
                    if body not in found:
                        found.append(body)
            self._identifiers = MappingProxyType({k: tuple(v) for k, v in index.items()})
        return self._identifiers.get((scheme, value.strip().casefold()), ())

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
            names: dict[str, dict[str, None]] = {}
            variants: dict[str, dict[str, None]] = {}
            for body in self._bodies.values():
                for key in {_key(n) for n in _all_names(body)}:
                    names.setdefault(key, {})[body.id] = None
                for key in _variants(body):
                    variants.setdefault(key, {})[body.id] = None
            for group in self._groups.values():
                names.setdefault(_key(group.name), {})[group.id] = None
                for key in _group_variants(group):
                    variants.setdefault(key, {})[group.id] = None
            self._names = MappingProxyType({k: tuple(v) for k, v in names.items()})
            self._variants = MappingProxyType({k: tuple(v) for k, v in variants.items()})
        return self._names, self._variants

    def find_by_name(self, name: str) -> tuple[m.Body | m.Group, ...]:
        """Every body or group ``name`` may mean: exact names, aliases and former names first; only when
        none fits, the common variants. Case, accents, apostrophes, punctuation, "&"/"and", "the",
        "Her/His Majesty's"/"HM", "IoW"/"Isle of Wight" and "HQ"/"Headquarters" are ignored.

        The variants: "X Police", "X Constabulary", "X Police Service" for a force called any of them;
        "X Police Headquarters"; "Chief Constable of X" for a force or its area; "X PCC", "PCC for X",
        "OPCC for X", "X Police and Crime Commissioner" for a local policing body (a police, fire and crime
        commissioner answers to both); "X Mayor"; "X local policing body"; "all X" for a group, and a
        group's name cut before " of " ("Chief constables"). A name that names no area ("Chief
        Constable") finds nothing: :meth:`by_name` says why.
        """
        names, variants = self._indexes()
        key = _key(name)
        ids = names.get(key) or variants.get(key) or ()
        return tuple(found for i in ids if (found := self.get(i)) is not None)

    def by_name(self, name: str) -> m.Body | m.Group:
        """The one body or group called ``name`` (see :meth:`find_by_name` for what matches).

        Raises :class:`NameWithoutAreaError` (code ``name-names-no-area``) for a name that names an office
        or a kind of body but not its area ("Chief Constable", "the Police and Crime Commissioner"),
        :class:`UnknownRefError` (``unknown-name``) when nothing else matches, and
        :class:`AmbiguousRefError` (``ambiguous-name``) when several bodies do.

        >>> default_registry().by_name("The Metropolitan Police").id
        'force-metropolitan-police'
        >>> default_registry().by_name("Cambridgeshire PCC").id
        'lpb-cambridgeshire'
        >>> default_registry().by_name("Chief Constable")
        Traceback (most recent call last):
        ...
        supercomplaint.registry.NameWithoutAreaError: 'Chief Constable' names no police force area, ...
        """
        found = self.find_by_name(name)
        if not found:
            example = _no_area(_key(name))
            if example is not None:
                message = (
                    f"{name!r} names no police force area, so it could mean any of many bodies: name the area, "
                    f"as in {example}"
                )
                raise NameWithoutAreaError([Problem(code="name-names-no-area", message=message)])
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


def _window(stack: list[tuple[str, Iterator[m.Ref]]], start: int) -> list[tuple[str, Iterator[m.Ref]]]:
    """The stack entries of a cycle from ``start``; a long cycle shows its first and last few groups."""
    if len(stack) - start <= _CYCLE_SHOWN:
        return stack[start:]
    return [*stack[start : start + 3], ("...", iter(())), *stack[-3:]]


def _cycle(ref: str, path: list[str]) -> Problem:
    cycle = " -> ".join((*path, ref))
    return Problem(code="group-cycle", message=f"groups contain each other: {cycle}", ids=(ref,))


def _unknown(ref: str, message: str) -> Problem:
    return Problem(code="unknown-ref", message=message, ids=(ref,))


def _shipped_bytes(*parts: str) -> bytes:
    """A data file shipped in the package: read beside this module (a package installed as files, as pip
    installs it), else through :mod:`importlib.resources` (a package in a zip file). ``importlib.resources``
    costs about 7 ms of every start that imports it (it brings ``tempfile`` and ``shutil``; issue 14)."""
    try:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), *parts), "rb") as file:
            return file.read()
    except OSError:
        from importlib import resources

        return resources.files("supercomplaint").joinpath("/".join(parts)).read_bytes()


@cache
def default_registry() -> Registry:
    """The register shipped with the library (``supercomplaint/data/register.json``), read once.

    Raises :class:`~supercomplaint.LoadError` if the installed package data is damaged.
    """
    from .io import loads

    data = _shipped_bytes("data", "register.json")
    register = loads(data, kind="register", source="supercomplaint/data/register.json")
    assert isinstance(register, m.Register)
    return Registry.from_register(register)
