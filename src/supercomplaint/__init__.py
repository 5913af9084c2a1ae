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

from ._version import __version__

TYPE_CHECKING = False  # not typing's: importing typing costs `supercomplaint --version` a third of its start
if TYPE_CHECKING:
    from typing import Any

    from . import examples as examples  # the example files: sc.examples.path("hestia/case.json")
    from .compiling import BodyView, CompileError, HistoryEntry, ItemHistory, compile, history, merge
    from .converter import SCHEMA_VERSION, SUPPORTED_VERSIONS, get_converter, needed_version
    from .deadlines import Resolution, is_working_day, period_end, resolve
    from .io import WriteError, dump, dumps, load, loads, upgrade
    from .model import (
        Action,
        Anchor,
        Assessment,
        AssessmentStatus,
        Body,
        BodyKind,
        Bound,
        CaseRecord,
        Citation,
        Complaint,
        Counting,
        CountOf,
        DatedName,
        Deadline,
        Detail,
        Document,
        Eligibility,
        EligibilityDecision,
        FixedDeadline,
        FollowUp,
        Group,
        Identifier,
        ImmediateDeadline,
        Item,
        ItemLink,
        ItemResponse,
        LinkRelation,
        MemberOutcome,
        MonitoringObligation,
        NoDeadline,
        NotCapturedDeadline,
        OpenDeadline,
        Part,
        Participant,
        PeriodDeadline,
        Position,
        Progress,
        Provenance,
        Rag,
        Recommendation,
        Register,
        Rendering,
        Report,
        Response,
        ResponseDocument,
        Signatory,
        StatedCount,
        TextFidelity,
        Unit,
    )
    from .partialdate import PartialDate, Precision
    from .problems import LoadError, Problem, Severity, SupercomplaintError, VersionError
    from .registry import (
        AmbiguousRefError,
        NameWithoutAreaError,
        Registry,
        RegistryError,
        UnknownRefError,
        default_registry,
    )
    from .rendering import RenderError, render, render_board_paper, render_tracker
    from .rules import RULES, Finding, Rule, check
    from .tracker import (
        DeliveryState,
        GroupAnswer,
        Obligation,
        ObligationKind,
        ObligationState,
        obligations,
        tally,
    )
    from .validation import ValidationReport, schema, validate

# name -> module that defines it; imported on first use so that ``import supercomplaint`` stays light.
_LAZY = {
    "SCHEMA_VERSION": ".converter",
    "SUPPORTED_VERSIONS": ".converter",
    "get_converter": ".converter",
    "needed_version": ".converter",
    "upgrade": ".io",
    "dump": ".io",
    "dumps": ".io",
    "load": ".io",
    "loads": ".io",
    "ValidationReport": ".validation",
    "schema": ".validation",
    "validate": ".validation",
    "Resolution": ".deadlines",
    "is_working_day": ".deadlines",
    "period_end": ".deadlines",
    "resolve": ".deadlines",
    "AmbiguousRefError": ".registry",
    "NameWithoutAreaError": ".registry",
    "WriteError": ".io",
    "Registry": ".registry",
    "RegistryError": ".registry",
    "UnknownRefError": ".registry",
    "default_registry": ".registry",
    "DeliveryState": ".tracker",
    "GroupAnswer": ".tracker",
    "Obligation": ".tracker",
    "ObligationKind": ".tracker",
    "ObligationState": ".tracker",
    "obligations": ".tracker",
    "tally": ".tracker",
    "BodyView": ".compiling",
    "CompileError": ".compiling",
    "HistoryEntry": ".compiling",
    "ItemHistory": ".compiling",
    "compile": ".compiling",
    "history": ".compiling",
    "merge": ".compiling",
    "RULES": ".rules",
    "Finding": ".rules",
    "Rule": ".rules",
    "check": ".rules",
    "RenderError": ".rendering",
    "render": ".rendering",
    "render_board_paper": ".rendering",
    "render_tracker": ".rendering",
}

# The model's classes, partial dates and problems are lazy too: defining the classes (attrs) is most of the
# cost of a start, and `supercomplaint --help` and `--version` need none of them (issue 14).
_LAZY.update(
    dict.fromkeys(
        [
            "Action",
            "Anchor",
            "Assessment",
            "AssessmentStatus",
            "Body",
            "BodyKind",
            "Bound",
            "CaseRecord",
            "Citation",
            "Complaint",
            "Counting",
            "CountOf",
            "DatedName",
            "Deadline",
            "Detail",
            "Document",
            "Eligibility",
            "EligibilityDecision",
            "FixedDeadline",
            "FollowUp",
            "Group",
            "Identifier",
            "ImmediateDeadline",
            "Item",
            "ItemLink",
            "ItemResponse",
            "LinkRelation",
            "MemberOutcome",
            "MonitoringObligation",
            "NoDeadline",
            "NotCapturedDeadline",
            "OpenDeadline",
            "Part",
            "Participant",
            "PeriodDeadline",
            "Position",
            "Progress",
            "Provenance",
            "Rag",
            "Recommendation",
            "Register",
            "Rendering",
            "Report",
            "Response",
            "ResponseDocument",
            "Signatory",
            "StatedCount",
            "TextFidelity",
            "Unit",
        ],
        ".model",
    )
)
_LAZY.update(dict.fromkeys(["PartialDate", "Precision"], ".partialdate"))
_LAZY.update(dict.fromkeys(["LoadError", "Problem", "Severity", "SupercomplaintError", "VersionError"], ".problems"))

__all__ = [
    "RULES",
    "SCHEMA_VERSION",
    "SUPPORTED_VERSIONS",
    "Action",
    "AmbiguousRefError",
    "Anchor",
    "Assessment",
    "AssessmentStatus",
    "Body",
    "BodyKind",
    "BodyView",
    "Bound",
    "CaseRecord",
    "Citation",
    "CompileError",
    "Complaint",
    "CountOf",
    "Counting",
    "DatedName",
    "Deadline",
    "DeliveryState",
    "Detail",
    "Document",
    "Eligibility",
    "EligibilityDecision",
    "Finding",
    "FixedDeadline",
    "FollowUp",
    "Group",
    "GroupAnswer",
    "HistoryEntry",
    "Identifier",
    "ImmediateDeadline",
    "Item",
    "ItemHistory",
    "ItemLink",
    "ItemResponse",
    "LinkRelation",
    "LoadError",
    "MemberOutcome",
    "MonitoringObligation",
    "NameWithoutAreaError",
    "NoDeadline",
    "NotCapturedDeadline",
    "Obligation",
    "ObligationKind",
    "ObligationState",
    "OpenDeadline",
    "Part",
    "PartialDate",
    "Participant",
    "PeriodDeadline",
    "Position",
    "Precision",
    "Problem",
    "Progress",
    "Provenance",
    "Rag",
    "Recommendation",
    "Register",
    "Registry",
    "RegistryError",
    "RenderError",
    "Rendering",
    "Report",
    "Resolution",
    "Response",
    "ResponseDocument",
    "Rule",
    "Severity",
    "Signatory",
    "StatedCount",
    "SupercomplaintError",
    "TextFidelity",
    "Unit",
    "UnknownRefError",
    "ValidationReport",
    "VersionError",
    "WriteError",
    "__version__",
    "check",
    "compile",
    "default_registry",
    "dump",
    "dumps",
    "get_converter",
    "history",
    "is_working_day",
    "load",
    "loads",
    "merge",
    "needed_version",
    "obligations",
    "period_end",
    "render",
    "render_board_paper",
    "render_tracker",
    "resolve",
    "schema",
    "tally",
    "upgrade",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name == "examples":  # the example files: sc.examples.path("hestia/case.json")
        return importlib.import_module(".examples", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'supercomplaint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
