"""The domain's rules: what a schema cannot say about a record that can be trusted.

Each rule has a stable code (``SC101`` ...), a severity, a one-line summary and an explanation with the
source it rests on. :func:`check` runs them over a document and returns findings, which are
:class:`~supercomplaint.problems.Problem` objects like every other problem in the library: code, severity,
the JSON path of the offending object, the ids involved, and a plain message.

Every rule costs time linear in the size of the document: the document is indexed once, and no rule
compares all pairs of objects.

The rules live in one module per concern: ``references`` (SC1xx), ``items`` (SC2xx), ``dates`` (SC3xx),
``responses`` (SC4xx) and ``records`` (SC5xx: what the record does not hold), sharing the index of
``context``. A finding is an error, a warning or a note (:class:`~supercomplaint.problems.Severity`); the
rules page says when each is chosen.

>>> import supercomplaint as sc
>>> [f.code for f in sc.check(sc.load("examples/hestia/case.json")) if f.severity == "error"]
[]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from .. import model as m
from .._json import collector_held
from ..problems import Problem, Severity, sort_problems
from ..registry import Registry
from . import dates, items, records, references, responses  # noqa: F401  (each registers its rules)
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
    # The index and the findings are new, acyclic values that live until the call returns: a full collection
    # set off by making them walks every object the program holds, and at 1000 times the Hestia case that was a
    # quarter of a check (issue 14). The collector is held while they are made, and the index is gone before it
    # runs again (else its first collection walks the whole index once more).
    with collector_held():
        return sort_problems(_findings(Context(doc, registry), chosen, dropped))


def _findings(ctx: Context, chosen: tuple[str, ...] | None, dropped: tuple[str, ...] | None) -> list[Finding]:
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if _selected(code, chosen, dropped):
            findings.extend(rule.check(ctx))
    return findings


_SEVERITIES = (
    (
        Severity.ERROR,
        "the record contradicts itself, the regulations or the model, so that what it says cannot be trusted or "
        "used: a reference to nothing, a response dated before the report, more recommendations than the report "
        "makes. Fix the record. `supercomplaint validate` exits with status 1 when a file has an error.",
    ),
    (
        Severity.WARNING,
        "the record may well be right, but a person should look: a faithful record of an unusual source, or a "
        "fact a tracker needs and the source may not give (a recommendation with no deadline, an undated "
        "response). Check the source; fix the record if it says more, and leave it if not. Warnings do not "
        "change the exit status.",
    ),
    (
        Severity.NOTE,
        "says what the record does not hold (a text not captured, a deadline the source may state but the "
        "record lacks, fewer recommendations than the report makes) without asking for a fix: a partial source "
        "recorded faithfully is right, and the notes keep anyone from reading it as the whole report. Notes do "
        "not change the exit status.",
    ),
)

_FAMILIES = (
    ("SC1", "identity and references"),
    ("SC2", "items, monitoring routes and the report's stated counts"),
    ("SC3", "dates"),
    ("SC4", "eligibility and responses"),
    ("SC5", "what the record does not hold"),
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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
        "## Severities",
        "",
        "Each rule has one severity, chosen for what its finding asks of the person who reads it:",
        "",
    ]
    lines += [f"- **{severity}**: {why}" for severity, why in _SEVERITIES]
    lines += [
        "",
        "The choice follows one question: can a faithful record of a real source break the rule? If it cannot,",
        "the rule is an error. If it can, and a person should check the source, it is a warning. If it can, and",
        "the record is simply partial, it is a note. Each rule's explanation below says why it has its severity",
        "where that is not plain.",
        "",
        "| family | concern | rules |",
        "| --- | --- | --- |",
    ]
    for prefix, concern in _FAMILIES:
        family = [r for r in RULES.values() if r.code.startswith(prefix)]
        tally = ", ".join(
            _plural(n, str(severity))
            for severity, _ in _SEVERITIES
            if (n := sum(r.severity == severity for r in family))
        )
        lines.append(f"| {prefix}xx | {concern} | {tally} |")
    lines += [
        "",
        "## Every rule",
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
