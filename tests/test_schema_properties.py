"""The schemas and the model, proven to agree both ways, as properties.

1. Every document from :mod:`supercomplaint.strategies` dumps to JSON that the schema accepts.
2. Every document that hypothesis-jsonschema generates from a schema loads into the model.
3. On mutations of valid documents, the schema and the loader agree: both accept or both reject, and they
   point at the same places. "The same places" is defined precisely by :func:`assert_same_places`.
4. Every example validates; the mutation check runs exhaustively over the examples too.

The schema side here is always *plain* jsonschema (draft 2020-12, formats asserted, ``$ref`` from the
shipped schemas), never the fast path of :func:`supercomplaint.validate` that these properties justify.
"""

from __future__ import annotations

import copy
import functools
import importlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import supercomplaint as sc
from supercomplaint import converter, validation
from supercomplaint import strategies as sst
from supercomplaint.problems import join_path

from .conftest import EXAMPLES

jsonschema: Any = importlib.import_module("jsonschema")

EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.json"))
KINDS = sorted(converter.KINDS)

# Loader codes placed at an object's key, where the schema reports the object itself (an unknown deadline
# type: the deadline fits no branch of the union's oneOf).
KEY_CODES = frozenset({"missing-field", "unknown-key", "invalid-namespace", "unknown-tag"})


@functools.cache
def reference(kind: str, version: str | None = None) -> Any:
    """Plain jsonschema for a kind: the shipped schema of that version, formats asserted, references offline."""
    return jsonschema.Draft202012Validator(
        sc.schema(kind, version),
        registry=validation.registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def version_of(data: object) -> str | None:
    """The schema version a document says it follows, when it is one that ships (each has its own schema)."""
    found = data.get("schemaVersion") if isinstance(data, dict) else None
    return found if isinstance(found, str) and found in sc.SUPPORTED_VERSIONS else None


def schema_errors(data: object, kind: str) -> list[Any]:
    return list(reference(kind, version_of(data)).iter_errors(data))


def branch_errors(errors: list[Any]) -> list[Any]:
    """The errors with each failed discriminated union (the deadline's ``oneOf``) replaced by the errors of
    the branch its ``type`` chooses: the one branch whose own ``type`` did not fail. A union whose value
    chooses no branch (not an object, no ``type``, an unknown one) stays as it is: the union refuses it."""
    out: list[Any] = []
    for error in errors:
        if error.validator != "oneOf" or not isinstance(error.instance, dict):
            out.append(error)
            continue
        by_branch: dict[int, list[Any]] = {index: [] for index in range(len(error.validator_value))}
        for sub in error.context:
            by_branch[sub.relative_schema_path[0]].append(sub)
        chosen = [
            subs
            for subs in by_branch.values()
            if not any(
                list(sub.relative_path) == ["type"] or (sub.validator == "required" and "type" not in sub.instance)
                for sub in subs
            )
        ]
        out.extend(branch_errors(chosen[0]) if len(chosen) == 1 else [error])
    return out


def json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path = join_path(path, part)
    return path


def loader_problems(data: object) -> list[sc.Problem]:
    try:
        sc.loads(json.dumps(data))
    except sc.LoadError as exc:
        return list(exc.problems)
    return []


_LAST_STEP = re.compile(r"(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\['(?:[^'\\]|\\.)*'\])$")


def parent(path: str) -> str | None:
    match = _LAST_STEP.search(path)
    return path[: match.start()] if match else None


def assert_same_places(loader: list[sc.Problem], errors: list[Any]) -> None:
    """The loader's problems and the schema's errors point at the same places.

    With L the loader's problem paths and S the schema's error paths (``error.absolute_path``):
    every p in L is in S, or p is a key of an object at a path in S and its code is one of
    missing-field, unknown-key, invalid-namespace, unknown-tag (the schema reports those at the object:
    ``required``, ``additionalProperties``, ``propertyNames``, the union's ``oneOf``); and every s in S is in
    L or holds such a key of L. A union's error stands for the errors of the branch its tag chooses
    (:func:`branch_errors`).
    """
    places = {json_path(e.absolute_path) for e in branch_errors(errors)}
    for problem in loader:
        at_key = problem.code in KEY_CODES and parent(problem.path) in places
        assert problem.path in places or at_key, (problem, places)
    paths = {p.path for p in loader}
    parents = {parent(p.path) for p in loader if p.code in KEY_CODES}
    for place in places:
        assert place in paths or place in parents, (place, loader)


def check_agreement(data: object, kind: str) -> bool:
    """Assert that schema and loader agree on ``data``; return whether they accept it."""
    loader = loader_problems(data)
    errors = schema_errors(data, kind)
    assert (not loader) == (not errors), {
        "loader": [str(p) for p in loader],
        "schema": [f"{json_path(e.absolute_path)}: {e.message}" for e in errors],
    }
    if loader:
        assert_same_places(loader, errors)
        # validate() with the reference engine (jsonschema's errors, mapped) gives the loader's very codes
        # and paths, and the fast engine (the loader's problems, placed in the schema) the same schema paths
        reference_report = sc.validate(data, engine="jsonschema")
        assert {(p.code, p.path) for p in reference_report.problems} == {(p.code, p.path) for p in loader}
        assert same_errors(sc.validate(data), reference_report)
    return not loader


def same_errors(fast: validation.ValidationReport, reference: validation.ValidationReport) -> bool:
    """The two engines report the same errors: codes, JSON paths and schema locations."""

    def key(report: validation.ValidationReport) -> list[tuple[str, str, str | None]]:
        return [(p.code, p.path, p.schema_path) for p in report.problems]

    assert key(fast) == key(reference)
    assert fast.valid == reference.valid
    assert fast.kind == reference.kind
    return True


# --------------------------------------------------------------------------------------------------
# Mutations
# --------------------------------------------------------------------------------------------------

Mutation = tuple[str, tuple[str | int, ...], Any]

_SWAPPED: dict[type, Any] = {str: 7, int: "7", float: "7", bool: "true", type(None): 7, list: {}, dict: []}
_BROKEN_DATES = {4: "0000", 7: "2021-13", 10: "2021-02-30"}


def mutations(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[Mutation]:
    """Every single mutation of a JSON value, as (operation, path, argument)."""
    yield ("swap-type", path, _SWAPPED[type(value)])
    yield ("null", path, None)
    if isinstance(value, dict):
        yield ("add-key", path, ("zzUnknown", 1))
        yield ("add-key", path, ("org.example", 1))
        if "extensions" not in value:
            yield ("add-key", path, ("extensions", {"Not a namespace": 1}))
        for key, child in value.items():
            yield ("drop-key", path, key)
            yield from mutations(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from mutations(child, (*path, index))
    elif isinstance(value, str):
        yield ("outside-enum", path, "zz not a value")  # also: an unknown tag, kind or version
        yield ("empty-string", path, "")
        if re.fullmatch(converter.PARTIAL_DATE_PATTERN, value):
            yield ("break-date", path, _BROKEN_DATES[len(value)])


# Every single mutation of an example is tried in the thorough profile; the others try an evenly spread
# sample of each operation (a large example has some 20,000 mutations, which take minutes to check).
PER_OPERATION = None if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 60


def example_mutations(value: Any) -> list[Mutation]:
    """The mutations of an example that a test tries: all of them, or up to PER_OPERATION of each operation,
    spread evenly over the document (so every part of it is reached)."""
    by_operation: dict[str, list[Mutation]] = {}
    for mutation in mutations(value):
        by_operation.setdefault(mutation[0], []).append(mutation)
    chosen: list[Mutation] = []
    for found in by_operation.values():
        if PER_OPERATION is None or len(found) <= PER_OPERATION:
            chosen.extend(found)
        else:
            step = len(found) / PER_OPERATION
            chosen.extend(found[int(i * step)] for i in range(PER_OPERATION))
    return chosen


def apply(value: Any, mutation: Mutation) -> Any:
    operation, path, argument = mutation
    out = copy.deepcopy(value)
    if not path and operation in ("swap-type", "null"):
        return argument
    holder = out
    for step in path if operation in ("drop-key", "add-key") else path[:-1]:
        holder = holder[step]
    if operation == "drop-key":
        del holder[argument]
    elif operation == "add-key":
        key, new = argument
        holder[key] = new
    else:
        holder[path[-1]] = argument
    return out


# --------------------------------------------------------------------------------------------------
# 1. strategies -> schema
# --------------------------------------------------------------------------------------------------


@given(sst.documents())
def test_every_generated_document_dumps_to_json_the_schema_accepts(doc: sc.Document) -> None:
    data = json.loads(sc.dumps(doc))
    errors = schema_errors(data, data["kind"])
    assert errors == [], [f"{json_path(e.absolute_path)}: {e.message}" for e in errors]


# --------------------------------------------------------------------------------------------------
# 2. schema -> model
# --------------------------------------------------------------------------------------------------


def generation_schema(kind: str, depth: int = 2, version: str | None = None) -> dict[str, Any]:
    """The shipped schema with every ``$ref`` inlined, for hypothesis-jsonschema (which cannot follow
    references between files, nor recursive ones).

    Recursion (a part's parts) is cut ``depth`` levels down by ``false``: arrays there are generated
    empty. That narrows what is generated, never what is accepted: each value is still checked against
    the shipped schema.
    """
    definitions = sc.schema("definitions", version)["$defs"]

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            if seen.count(name) >= depth:
                return False
            target = inline(definitions[name], (*seen, name))
            return {**{k: v for k, v in node.items() if k != "$ref"}, **target}
        return {k: v if k in ("enum", "const", "required") else inline(v, seen) for k, v in node.items()}

    schema: dict[str, Any] = inline(sc.schema(kind, version), ())
    del schema["$id"]
    return schema


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_the_schema_generates_loads(kind: str) -> None:
    # The 1.1 case schema is large: hypothesis-jsonschema's documents can outgrow hypothesis's size budget,
    # which is a limit of the generator, not a finding; too-large draws are discarded, not failed.
    @settings(suppress_health_check=[HealthCheck.data_too_large, HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(from_schema(generation_schema(kind)))
    def check(data: Any) -> None:
        # hypothesis-jsonschema treats some formats as annotations; what the schema accepts is what
        # plain jsonschema with formats asserted accepts
        assume(reference(kind).is_valid(data))
        doc = sc.loads(json.dumps(data))
        assert sc.validate(data).valid
        assert converter.kind_of(doc) == kind
        # and what the model writes back is accepted too
        assert schema_errors(json.loads(sc.dumps(doc)), kind) == []

    check()


def test_generation_schema_accepts_no_more_than_the_shipped_one() -> None:
    # the inlined copy must be a narrowing: everything it accepts, the shipped schema accepts
    for path in EXAMPLE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = version_of(data)
        narrow = jsonschema.Draft202012Validator(
            generation_schema(data["kind"], depth=10, version=version),
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        assert narrow.is_valid(data)
        assert reference(data["kind"], version).is_valid(data)
        for mutation in list(mutations(data))[:200]:
            mutated = apply(data, mutation)
            if narrow.is_valid(mutated):
                assert reference(data["kind"], version).is_valid(mutated), mutation


# --------------------------------------------------------------------------------------------------
# 3. mutations: schema and loader agree
# --------------------------------------------------------------------------------------------------


@given(sst.documents(), st.data())
def test_schema_and_loader_agree_on_mutations_of_generated_documents(doc: sc.Document, data: st.DataObject) -> None:
    value = json.loads(sc.dumps(doc))
    mutation = data.draw(st.sampled_from(list(mutations(value))), label="mutation")
    check_agreement(apply(value, mutation), value["kind"])


@given(sst.documents(), st.data())
def test_schema_and_loader_agree_on_several_mutations_at_once(doc: sc.Document, data: st.DataObject) -> None:
    value = json.loads(sc.dumps(doc))
    for _ in range(data.draw(st.integers(min_value=2, max_value=4), label="count")):
        # mutate distinct branches only: a later mutation must still find its path
        candidates = [mu for mu in mutations(value) if mu[1] and mu[0] != "drop-key" and mu[1][0] != "kind"]
        value = apply(value, data.draw(st.sampled_from(candidates), label="mutation"))
    loader = loader_problems(value)
    errors = schema_errors(value, value["kind"] if isinstance(value, dict) else "case")
    assert (not loader) == (not errors)


# --------------------------------------------------------------------------------------------------
# 4. the examples, exhaustively
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_validates_with_plain_jsonschema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert schema_errors(data, data["kind"]) == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_schema_and_loader_agree_on_every_single_mutation_of_an_example(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    outcomes: dict[str, set[bool]] = {}
    for mutation in example_mutations(data):
        accepted = check_agreement(apply(data, mutation), data["kind"])
        outcomes.setdefault(mutation[0], set()).add(accepted)
    # not vacuous: deletions, swaps and unknown keys were tried, and both verdicts occur
    assert {"drop-key", "swap-type", "add-key", "null", "outside-enum", "empty-string"} <= set(outcomes)
    assert all(False in verdicts for verdicts in outcomes.values())
    assert True in outcomes["drop-key"] | outcomes["add-key"]
