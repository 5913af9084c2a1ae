"""The JSON Schema files: valid 2020-12 schemas, versioned, up to date with the model, and well made (lint)."""

from __future__ import annotations

import importlib
import hashlib
import json
import zipfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import converter, schemagen, validation
from supercomplaint import model as m

from .conftest import EXAMPLES, ROOT

jsonschema: Any = importlib.import_module("jsonschema")

SCHEMAS = ROOT / "schemas"
PACKAGED = schemagen.package_dir()
NAMES = ["case", "response", "register", "definitions"]
FILES = [schemagen.file_name(name) for name in NAMES]
ALL_FILES = sorted(schemagen.generate())  # every version's files: the latest at the top, older ones in 1.0/ ...


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / schemagen.file_name(name)).read_text(encoding="utf-8"))
    return data


def walk(node: Any, path: str = "#") -> Iterator[tuple[str, Any]]:
    """Every (JSON pointer, subschema-or-value) pair below ``node``."""
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from walk(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from walk(child, f"{path}/{index}")


def subschemas(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Every subschema (pointer, schema, inside_if): values of ``properties`` maps, ``items``, ``$defs`` ...

    ``inside_if`` is true below an ``if``: such a schema tests a value, it does not describe one.
    """

    def visit(node: dict[str, Any], path: str, inside_if: bool) -> Iterator[tuple[str, dict[str, Any], bool]]:
        yield path, node, inside_if
        for key in ("properties", "$defs"):
            for name, child in node.get(key, {}).items():
                yield from visit(child, f"{path}/{key}/{name}", inside_if)
        for key in ("items", "not", "if", "then", "else", "propertyNames"):
            if isinstance(node.get(key), dict):
                yield from visit(node[key], f"{path}/{key}", inside_if or key == "if")
        for key in ("allOf", "anyOf", "oneOf"):
            for index, child in enumerate(node.get(key, [])):
                yield from visit(child, f"{path}/{key}/{index}", inside_if)

    yield from visit(schema, "#", False)


# --------------------------------------------------------------------------------------------------
# (a) valid schemas with versioned ids
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_schema_passes_the_2020_12_meta_schema(name: str) -> None:
    schema = load(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    # check_schema asserts no formats; the meta-schema with formats asserted must hold too
    meta = jsonschema.Draft202012Validator(
        jsonschema.Draft202012Validator.META_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in meta.iter_errors(schema)] == []


@pytest.mark.parametrize("name", NAMES)
def test_schema_has_a_versioned_id_and_says_it_is_generated(name: str) -> None:
    schema = load(name)
    assert schema["$id"] == f"https://supercomplaint.example/schemas/{sc.SCHEMA_VERSION}/{name}.schema.json"
    assert "THIS IS A GENERATED FILE" in schema["$comment"]
    assert "python -m supercomplaint.schemagen" in schema["$comment"]


@pytest.mark.parametrize("kind", sorted(converter.KINDS))
def test_document_schema_names_its_kind_and_versions(kind: str) -> None:
    schema = load(kind)
    assert schema["properties"]["kind"]["const"] == kind
    assert schema["properties"]["schemaVersion"]["const"] == converter.SCHEMA_VERSION
    assert converter.SCHEMA_VERSION in schema["$id"]
    for version in converter.SUPPORTED_VERSIONS - {converter.SCHEMA_VERSION}:
        older = json.loads((SCHEMAS / version / schemagen.file_name(kind)).read_text(encoding="utf-8"))
        assert older["properties"]["schemaVersion"]["const"] == version
        assert f"/{version}/" in older["$id"]
    assert schema["required"][:2] == ["kind", "schemaVersion"]
    assert list(schema["properties"])[:2] == ["kind", "schemaVersion"]


# --------------------------------------------------------------------------------------------------
# (b) one source of truth: the committed files are the generator's output
# --------------------------------------------------------------------------------------------------


def test_committed_schemas_are_what_the_model_generates() -> None:
    stale = schemagen.stale_files([SCHEMAS, PACKAGED])
    assert not stale, (
        "these schema files are stale (the model or the converter changed): "
        f"{', '.join(str(p.relative_to(ROOT)) for p in stale)}; regenerate them with "
        "`python -m supercomplaint.schemagen` and commit the result"
    )


def test_no_stray_schema_files() -> None:
    for folder in (SCHEMAS, PACKAGED):
        assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json")) == ALL_FILES, folder


@pytest.mark.parametrize("file", ALL_FILES)
def test_packaged_copy_is_identical_to_the_committed_one(file: str) -> None:
    assert (PACKAGED / file).read_bytes() == (SCHEMAS / file).read_bytes()


def test_generation_is_deterministic_and_canonical() -> None:
    first = {name: schemagen.render(s) for name, s in schemagen.generate().items()}
    second = {name: schemagen.render(s) for name, s in schemagen.generate().items()}
    assert first == second
    for text in first.values():
        assert text.endswith("}\n")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_check_mode_names_the_command_and_write_mode_fixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert schemagen.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json")) == ALL_FILES
    assert schemagen.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "case.schema.json").write_text("{}\n", encoding="utf-8")
    capsys.readouterr()
    assert schemagen.main(["--check", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "case.schema.json" in err
    assert "python -m supercomplaint.schemagen" in err
    assert schemagen.main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / "case.schema.json").read_bytes() == (SCHEMAS / "case.schema.json").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_generator_refuses_a_field_without_a_description() -> None:
    @attrs.frozen(kw_only=True)
    class Undocumented:
        """A class whose field has no doc."""

        name: str

    with pytest.raises(ValueError, match=r"Undocumented\.name has no metadata\['doc'\]"):
        schemagen._Builder().object_schema(Undocumented, schemagen.DEFINITIONS)


def test_generator_refuses_a_type_it_does_not_know() -> None:
    with pytest.raises(TypeError, match="no schema"):
        schemagen._Builder().type_schema(float, schemagen.DEFINITIONS)


def test_schema_function_returns_a_copy_of_the_shipped_file() -> None:
    case = sc.schema("case")
    assert case == load("case")
    case["title"] = "changed"
    assert sc.schema("case")["title"] != "changed"
    assert sc.schema("definitions") == load("definitions")
    with pytest.raises(ValueError, match="not a schema"):
        sc.schema("nonsense")


def test_wheel_ships_the_schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = pytest.importorskip("hatchling.build")
    monkeypatch.chdir(ROOT)
    name = build.build_wheel(str(tmp_path))
    with zipfile.ZipFile(tmp_path / name) as wheel:
        shipped = {n.rsplit("/", 1)[1] for n in wheel.namelist() if n.startswith("supercomplaint/schemas/")}
        assert shipped == set(FILES)
        assert wheel.read("supercomplaint/schemas/case.schema.json") == (SCHEMAS / "case.schema.json").read_bytes()


# --------------------------------------------------------------------------------------------------
# (c) lint
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_property_and_definition_has_a_title_and_a_description(name: str) -> None:
    missing = []
    for path, node, inside_if in subschemas(load(name)):
        if inside_if:
            continue  # an ``if`` tests the union tag; it describes nothing a person fills in
        for key in ("properties", "$defs"):
            for child_name, child in node.get(key, {}).items():
                for word in ("title", "description"):
                    text = child.get(word)
                    if not isinstance(text, str) or not text.strip():
                        missing.append(f"{path}/{key}/{child_name}: {word}")
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_no_object_is_open_except_the_extension_slot(name: str) -> None:
    definitions = load("definitions")["$defs"]

    def closed(schema: dict[str, Any]) -> bool:
        return schema.get("additionalProperties") is False

    open_objects = []
    for path, node, inside_if in subschemas(load(name)):
        if inside_if or node.get("type") != "object":
            continue
        if closed(node):
            continue
        if path.endswith("/$defs/Extensions"):  # in the definitions file, or bundled in a kind file
            assert set(node["propertyNames"]) == {"pattern"}
            continue
        branches = node.get("allOf", [])
        if path.endswith("/$defs/Deadline") and branches:
            # the tagged union: every branch it routes to is closed, and every tag has a branch
            targets = [definitions[b["then"]["$ref"].rsplit("/", 1)[1]] for b in branches]
            tags = [b["if"]["properties"]["type"]["const"] for b in branches]
            if all(closed(t) for t in targets) and tags == node["properties"]["type"]["enum"]:
                continue
        open_objects.append(path)
    assert open_objects == []


@pytest.mark.parametrize("name", NAMES)
def test_every_required_key_is_a_property(name: str) -> None:
    for path, node, _ in subschemas(load(name)):
        if "required" in node and "properties" in node:
            assert set(node["required"]) <= set(node["properties"]), path


@pytest.mark.parametrize("name", NAMES)
def test_every_ref_is_relative_and_resolves_from_the_shipped_schemas(name: str) -> None:
    schema = load(name)
    bundled = f"/$defs/{schemagen.BUNDLED}/"
    refs = [(path, value) for path, value in walk(schema) if path.endswith("/$ref")]
    assert refs, "each schema refers to shared definitions"
    for path, ref in refs:
        assert "://" not in ref, f"{ref} must be relative, so that the files resolve where they are copied"
        # a $ref inside the bundled definitions resolves against the bundled resource's own $id
        base = schema["$defs"][schemagen.BUNDLED]["$id"] if bundled in path else schema["$id"]
        resolved = validation.registry().resolver(base_uri=base).lookup(ref)
        assert isinstance(resolved.contents, dict), ref
        assert resolved.contents, ref


@pytest.mark.parametrize("kind", ["case", "response", "register"])
def test_each_kind_file_is_self_contained(kind: str) -> None:
    """A validator given only the kind's file, and allowed to fetch nothing, validates the examples."""
    jsonschema: Any = importlib.import_module("jsonschema")  # untyped: reached through Any
    referencing: Any = importlib.import_module("referencing")
    no_such_resource: Any = importlib.import_module("referencing.exceptions").NoSuchResource

    def refuse(uri: str) -> Any:
        raise no_such_resource(ref=uri)

    def validator(version: str) -> Any:
        folder = SCHEMAS if version == converter.SCHEMA_VERSION else SCHEMAS / version
        schema = json.loads((folder / schemagen.file_name(kind)).read_text(encoding="utf-8"))
        return jsonschema.Draft202012Validator(
            schema, registry=referencing.Registry(retrieve=refuse), format_checker=jsonschema.FormatChecker()
        )

    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.rglob("*.json"))]
    mine = [d for d in documents if d.get("kind") == kind]
    if kind != "register":
        assert mine
    for document in mine:
        assert list(validator(document["schemaVersion"]).iter_errors(document)) == []
    for version in converter.SUPPORTED_VERSIONS:
        broken = {"kind": kind, "schemaVersion": version, "extensions": {"Not a namespace": 1}}
        assert list(validator(version).iter_errors(broken))


def test_every_model_type_has_its_definition() -> None:
    defs = load("definitions")["$defs"]
    for name in m.__all__:
        value = getattr(m, name)
        if isinstance(value, type) and (attrs.has(value) or issubclass(value, StrEnum)):
            if value in converter.KINDS.values():
                continue  # document roots live in their own files
            assert name in defs, name
            if issubclass(value, StrEnum):
                assert defs[name]["enum"] == [member.value for member in value]


def test_required_keys_are_the_fields_without_a_default() -> None:
    defs = load("definitions")["$defs"]
    for name in ("Body", "Recommendation", "PeriodDeadline", "Assessment"):
        cls = getattr(m, name)
        names = converter.wire_names(cls)
        want = [names[f.name] for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        if cls in converter.DEADLINE_TAGS.values():
            want = ["type", *want]
        assert defs[name]["required"] == want
    assert defs["PeriodDeadline"]["properties"]["amount"]["minimum"] == 1


def test_dates_say_format_date_and_carry_a_pattern() -> None:
    defs = load("definitions")["$defs"]
    assert defs["Date"]["format"] == "date"
    assert defs["Date"]["pattern"] == converter.DATE_PATTERN
    assert defs["PartialDate"]["pattern"] == converter.PARTIAL_DATE_PATTERN
    assert {"format": "date"}.items() <= defs["PartialDate"]["anyOf"][1].items()


# The structure of the 1.0 schemas (every keyword but the prose: titles, descriptions, comments) as they were
# published with version 1.0 of the format. Version 1.0 is frozen: generating it from today's model must give
# the same structure, so that a 1.0 document is judged today exactly as it was then.
FROZEN_1_0 = {
    "case": "d417edaa729534ca2f78fc83084952f88c34d0e77cb7bca86950c1285ed28e86",
    "response": "4da91cfbc2a8dad656d88fcda3f2ce7deadffedbcd23d0863236ba3a981711a2",
    "register": "5ae78df8b15db9ce7f3bdc4379971491440b4a06bd9d557a31b23380b10c8cb0",
    "definitions": "e1f9cdb8c5a5e5da130264d9a6fcc5fb387a63a9a5e94e724333bc21832a9914",
}


def structure_digest(schema: Any) -> str:
    """A digest of a schema without its prose (titles, descriptions, comments)."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("title", "description", "$comment")}
        if isinstance(node, list):
            return [strip(item) for item in node]
        return node

    text = json.dumps(strip(schema), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("name", sorted(FROZEN_1_0))
def test_schema_version_1_0_is_frozen(name: str) -> None:
    generated = schemagen.generate()[f"1.0/{schemagen.file_name(name)}"]
    assert structure_digest(generated) == FROZEN_1_0[name], (
        f"the generated 1.0 {name} schema no longer has the structure 1.0 was published with: a change to the "
        "model must add a field with metadata 'since' (or 'required_in' / 'full_date_in' for a relaxation), "
        "never change what 1.0 accepts"
    )
