"""Issue 14: the rules' faster paths find what the plain ones found.

Each reference below is the code as it was before the change, kept here to compare with on generated cases and
on the Hestia case: the same index, and the same findings in the same order, with the same codes, paths,
messages and ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import given

from supercomplaint import model as m
from supercomplaint.problems import Problem, join_path
from supercomplaint.rules import RULES, check, references
from supercomplaint.rules.base import finding
from supercomplaint.rules.context import Context, _counts, _Parent, _PartOf, ordinal
from supercomplaint.strategies import case_records

from .rulekit import hestia, report, with_report


class _PlainContext(Context):
    """The index built as before issue 14: every level of parts counted and walked, empty ones too."""

    def _index_parts(
        self, owner: str, parts: tuple[m.Part, ...], path: str, parent: _Parent, *, rendering: bool = False
    ) -> None:
        found = self.rendering_parts if rendering else self.parts
        stack: list[tuple[tuple[m.Part, ...], str, _Parent]] = [(parts, path, parent)]
        while stack:
            level, base, above = stack.pop()
            labels = _counts(part.label for part in level)
            seen: dict[str | None, int] = defaultdict(int)
            for i, part in enumerate(level):
                where = join_path(join_path(base, "parts"), i)
                located = self._add(part, where)
                found.setdefault(part.id, (owner, located))
                self.part_entries.append((owner, located, rendering))
                seen[part.label] += 1
                if part.label is None:
                    own = f"the {ordinal(i + 1)} part"
                elif labels[part.label] > 1:
                    own = f"part {part.label} (the {ordinal(seen[part.label])} so labelled)"
                else:
                    own = f"part {part.label}"
                self._part_places.setdefault(part.id, (own, above))
                stack.append((part.parts, where, _PartOf(part.id)))


def _unresolved_plain(ctx: Context) -> Iterator[Problem]:
    """SC102 as before issue 14: what a reference names worked out again at every mention."""
    for path, ref, role, allowed in references._refs(ctx):
        kinds = references._kind_of_ref(ctx, ref)
        if kinds & set(allowed):
            continue
        if kinds:
            yield finding(
                "SC102",
                path,
                f"{ref!r} is a {'/'.join(sorted(kinds))}, not {role} ({' or '.join(sorted(allowed))})",
                ref,
            )
        else:
            yield finding("SC102", path, f"{ref!r} ({role}) is not defined in the document or the register", ref)


def _index(ctx: Context) -> tuple[Any, ...]:
    places = {ref: (own, repr(above)) for ref, (own, above) in ctx._part_places.items()}
    return (dict(ctx.ids), ctx.items, ctx.parts, ctx.rendering_parts, ctx.part_entries, places, ctx._names)


def _same(doc: m.CaseRecord) -> None:
    fast, plain = Context(doc), _PlainContext(doc)
    assert _index(fast) == _index(plain)
    for code, rule in RULES.items():
        assert list(rule.check(fast)) == list(rule.check(plain)), code
    assert list(RULES["SC102"].check(fast)) == list(_unresolved_plain(fast))


@given(case_records())
def test_the_fast_index_and_reference_check_find_what_the_plain_ones_found(doc: m.CaseRecord) -> None:
    _same(doc)


def test_the_same_on_the_hestia_case_with_references_to_nothing_and_to_the_wrong_kind() -> None:
    doc = hestia()
    _same(doc)
    assert check(doc)  # the case has findings to compare (notes and warnings)
    first, *rest = report(doc).recommendations
    wrong = attrs.evolve(first, addressees=(*first.addressees, "nobody-at-all", first.id, "nobody-at-all"))
    broken = with_report(doc, recommendations=(wrong, *rest))
    _same(broken)
    assert [f.code for f in check(broken, select=["SC102"])] == ["SC102"] * 3
