"""The domain's rules: what a schema cannot say about a record that can be trusted.

Each rule has a stable code (``SC101`` ...), a severity, a one-line summary and an explanation with the
source it rests on. :func:`check` runs them over a document and returns findings, which are
:class:`~supercomplaint.problems.Problem` objects like every other problem in the library: code, severity,
the JSON path of the offending object, the ids involved, and a plain message.

Every rule costs time linear in the size of the document: the document is indexed once, and no rule
compares all pairs of objects.

The rules live in one module per concern: ``references`` (SC1xx), ``items`` (SC2xx), ``dates`` (SC3xx)
and ``responses`` (SC4xx), sharing the index of ``context``.

>>> import supercomplaint as sc
>>> [f.code for f in sc.check(sc.load("examples/hestia/case.json")) if f.severity == "error"]
[]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from .. import model as m
from ..problems import Problem, sort_problems
from ..registry import Registry
from . import dates, items, references, responses  # noqa: F401  (each registers its rules)
from .base import RULES as _ALL
from .base import Rule
from .context import Context

__all__ = ["RULES", "Finding", "Rule", "check", "rules_markdown"]

Finding = Problem
"""A rule's finding is the library's one problem type."""

RULES: dict[str, Rule] = _ALL
"""Every rule, by code, in code order."""

_ordered = sorted(RULES.items())
RULES.clear()
RULES.update(_ordered)
del _ordered

# --------------------------------------------------------------------------------------------------
# Running the rules
# --------------------------------------------------------------------------------------------------


def _selected(code: str, select: Collection[str] | None, ignore: Collection[str] | None) -> bool:
    if select is not None and not any(code.startswith(s) for s in select):
        return False
    return not (ignore is not None and any(code.startswith(s) for s in ignore))


def check(
    doc: m.Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Run the rules over a document and return every finding, sorted by path.

    ``select`` and ``ignore`` take codes or code prefixes (``"SC2"`` is every item rule). ``registry`` is the
    register of bodies to resolve references against (default: the shipped one, extended by the document's
    own bodies and groups). Never raises for a document the loader accepted.

    >>> import supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> [(f.code, f.path) for f in sc.check(case, select=["SC2"])]
    [('SC203', '$.report.actions[0]'), ('SC203', '$.report.actions[1]')]
    """
    chosen = tuple(select) if select is not None else None
    dropped = tuple(ignore) if ignore is not None else None
    unknown = [c for c in (*(chosen or ()), *(dropped or ())) if not any(code.startswith(c) for code in RULES)]
    if unknown:
        raise ValueError(f"no rule has a code starting with {', '.join(map(repr, unknown))}")
    ctx = Context(doc, registry)
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if _selected(code, chosen, dropped):
            findings.extend(rule.check(ctx))
    return sort_problems(findings)


def rules_markdown() -> str:
    """The reference page ``docs/rules.md``, generated from :data:`RULES`."""
    lines = [
        "<!-- THIS IS A GENERATED FILE: run `python -m supercomplaint.rules > docs/rules.md` to regenerate. -->",
        "",
        "# Rules",
        "",
        "`supercomplaint.check(doc)` and `supercomplaint validate` run these rules. Each finding carries the rule's",
        "code, its severity, the JSON path of the offending object, the ids involved and a message.",
        "Select or ignore rules by code or prefix: `check(doc, select=['SC2'], ignore=['SC203'])`.",
        "",
        "| code | name | severity | rule |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.summary} |" for r in RULES.values()]
    for rule in RULES.values():
        lines += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.name}** ({rule.severity}): {rule.summary}",
            "",
            rule.explanation,
            "",
            f"Source: {rule.source}",
        ]
    return "\n".join(lines) + "\n"
