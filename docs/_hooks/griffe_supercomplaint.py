"""A griffe extension, used only while the documentation site is built (``mkdocs.yml`` names this file).

The library's docstrings follow Python's reStructuredText conventions so that ``help()`` and doctest read
them well; the site is Markdown. For every object of the ``supercomplaint`` package this extension:

* turns the docstring into Markdown with :func:`supercomplaint.docgen.rst_to_markdown`, resolving each
  ``:class:``/``:func:`` role against the object's own scope, so that a role becomes a link to the page
  that documents its target (or inline code for names outside the library, such as ``ValueError``);
* gives each attrs class of the model, and each enumeration, an ``Attributes:`` section made by
  :func:`supercomplaint.docgen.attributes_section`: the field descriptions the JSON Schemas use, with each
  field's JSON key, and each member's value.

The work itself is in :mod:`supercomplaint.docgen`, which the test suite covers; this file only connects it
to griffe, and lives outside ``src/`` because griffe is a documentation dependency, not a library one.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterator
from typing import Any

import attrs
import griffe

from supercomplaint.docgen import attributes_section, rst_to_markdown

_PACKAGE = "supercomplaint"


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """``obj`` and every object defined inside it (imported names are left to their own module)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _objects(member)


def _runtime(obj: griffe.Object) -> Any:
    """The live object griffe found by reading the source, or ``None`` when it cannot be imported."""
    parts = obj.path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            target = getattr(target, name, None)
        return target
    return None


def _resolver(obj: griffe.Object) -> Any:
    """Resolve a name as Python would from ``obj``'s scope, to the path of the object the site documents."""
    scope = obj if obj.is_module or obj.is_class else (obj.parent or obj)

    def _path(name: str) -> str | None:
        if name.startswith(_PACKAGE + "."):
            return name
        head, _, rest = name.partition(".")
        try:
            found = scope.resolve(name) if not rest else f"{scope.resolve(head)}.{rest}"
        except (griffe.NameResolutionError, KeyError, AttributeError):
            return None
        return str(found)

    def resolve(name: str) -> str | None:
        path = _path(name)
        if path is None:
            return None
        if path != _PACKAGE and not path.startswith(_PACKAGE + "."):
            return None
        try:
            target = scope.modules_collection[path]
        except (KeyError, griffe.AliasResolutionError):
            return path
        # A field or an enumeration member without a docstring of its own is documented in its class's
        # Attributes section, not under a heading of its own: link to the class.
        if target.is_attribute and target.docstring is None and target.parent is not None and target.parent.is_class:
            return str(target.parent.path)
        return path

    return resolve


def _has_attributes_section(text: str) -> bool:
    return any(line.strip() == "Attributes:" for line in text.splitlines())


class SupercomplaintDocstrings(griffe.Extension):
    """Markdown docstrings and documented fields for the ``supercomplaint`` package."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != _PACKAGE:
            return
        objects = list(_objects(pkg))
        for obj in objects:
            self._fields(obj)
        for obj in objects:
            if obj.docstring is not None:
                obj.docstring.value = rst_to_markdown(obj.docstring.value, _resolver(obj))

    def _fields(self, obj: griffe.Object) -> None:
        if not obj.is_class:
            return
        live = _runtime(obj)
        if not isinstance(live, type) or not (attrs.has(live) or issubclass(live, enum.Enum)):
            return
        notes: dict[str, str] = {}
        if issubclass(live, enum.Enum):
            # A member's own docstring goes into the section; the member is then not listed again.
            for name, member in obj.members.items():
                if not member.is_alias and member.docstring is not None:
                    notes[name] = " ".join(member.docstring.value.split())
                    member.docstring = None
        section = attributes_section(live, notes)
        if not section:
            return
        if obj.docstring is None:
            obj.docstring = griffe.Docstring(section, parent=obj)
        elif not _has_attributes_section(obj.docstring.value):
            obj.docstring.value = obj.docstring.value.rstrip() + "\n\n" + section
