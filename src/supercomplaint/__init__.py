"""supercomplaint: UK police super-complaints, their reports, recommendations, responses and monitoring.

The names below are the public API. Importing the package is light: the converter (cattrs) and the schema
validator (jsonschema) are imported only when a function that needs them is first called.

>>> import supercomplaint
>>> case = supercomplaint.load("examples/hestia/case.json")  # doctest: +SKIP
>>> [r.label for r in case.report.recommendations]  # doctest: +SKIP
['6.1', '5.2', '5.3', '5.4', '5.5', '5.6']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .model import (
    Action,
    Anchor,
    Assessment,
    AssessmentStatus,
    Body,
    BodyKind,
    CaseRecord,
    Citation,
    Complaint,
    Counting,
    Deadline,
    Document,
    Eligibility,
    EligibilityDecision,
    FixedDeadline,
    FollowUp,
    Group,
    Identifier,
    ImmediateDeadline,
    Item,
    ItemResponse,
    MemberOutcome,
    MonitoringObligation,
    NoDeadline,
    OpenDeadline,
    Part,
    Participant,
    PeriodDeadline,
    Position,
    Progress,
    Rag,
    Recommendation,
    Register,
    Report,
    Response,
    ResponseDocument,
    Unit,
)
from .partialdate import PartialDate, Precision
from .problems import LoadError, Problem, Severity, SupercomplaintError

if TYPE_CHECKING:
    from .converter import SCHEMA_VERSION, get_converter
    from .io import dump, dumps, load, loads

# name -> module that defines it; imported on first use so that ``import supercomplaint`` stays light.
_LAZY = {
    "SCHEMA_VERSION": ".converter",
    "get_converter": ".converter",
    "load": ".io",
    "loads": ".io",
    "dump": ".io",
    "dumps": ".io",
    # JSON Schemas and validation
    "validate": ".validation",
    "ValidationReport": ".validation",
    "schema": ".validation",
    # deadlines, the register of bodies, obligations, compiling
    "resolve": ".deadlines",
    "Resolution": ".deadlines",
    "Registry": ".registry",
    "default_registry": ".registry",
    "obligations": ".tracker",
    "Obligation": ".tracker",
    "ObligationState": ".tracker",
    "compile": ".compiling",
    "CompileError": ".compiling",
    # rules
    "check": ".rules",
    "Finding": ".rules",
    "RULES": ".rules",
}

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "Anchor",
    "Assessment",
    "AssessmentStatus",
    "Body",
    "BodyKind",
    "CaseRecord",
    "Citation",
    "Complaint",
    "Counting",
    "Deadline",
    "Document",
    "Eligibility",
    "EligibilityDecision",
    "FixedDeadline",
    "FollowUp",
    "Group",
    "Identifier",
    "ImmediateDeadline",
    "Item",
    "ItemResponse",
    "LoadError",
    "MemberOutcome",
    "MonitoringObligation",
    "NoDeadline",
    "OpenDeadline",
    "Part",
    "PartialDate",
    "Participant",
    "PeriodDeadline",
    "Position",
    "Precision",
    "Problem",
    "Progress",
    "Rag",
    "Recommendation",
    "Register",
    "Report",
    "Response",
    "ResponseDocument",
    "Severity",
    "SupercomplaintError",
    "Unit",
    "__version__",
    "dump",
    "dumps",
    "get_converter",
    "load",
    "loads",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'supercomplaint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
