"""What a rule is, the table of every rule, and how a rule makes a finding.

Each module of this package registers its rules here with :func:`rule` as it is imported;
:mod:`supercomplaint.rules` imports them all and puts :data:`RULES` in code order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

import attrs

from ..problems import Problem, Severity

if TYPE_CHECKING:
    from .context import Context

__all__ = ["ERROR", "NOTE", "RULES", "WARNING", "Check", "Rule", "finding", "rule"]

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
NOTE: Final = Severity.NOTE

Check = Callable[["Context"], Iterable[Problem]]
"""A rule's check: the findings it makes on an indexed document."""


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the domain: a stable code, a severity, what it says, and what it rests on."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    source: str
    check: Check = attrs.field(repr=False, eq=False)


RULES: dict[str, Rule] = {}
"""Every rule, by code (in code order once :mod:`supercomplaint.rules` is imported)."""


def rule(
    code: str, name: str, severity: Severity, summary: str, explanation: str, source: str
) -> Callable[[Check], Check]:
    """Register the decorated check as rule ``code``."""

    def register(func: Check) -> Check:
        if code in RULES:  # pragma: no cover - a programming error caught at import
            raise ValueError(f"rule code {code} is used twice")
        RULES[code] = Rule(
            code=code, name=name, severity=severity, summary=summary, explanation=explanation, source=source, check=func
        )
        return func

    return register


def finding(rule_code: str, path: str, message: str, *ids: str) -> Problem:
    """A finding of rule ``rule_code``, with that rule's severity."""
    found = RULES[rule_code]
    return Problem(code=found.code, severity=found.severity, path=path, message=message, ids=tuple(ids))
