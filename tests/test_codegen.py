"""Code generators and validators read the shipped schemas as they are, with no extra options (issue 12).

For every shipped schema version and document kind:

* json-schema-to-typescript makes TypeScript types that ``tsc --strict`` compiles; the deadline is a real
  union, and ``{"type": "period"}`` without the period's fields does not type-check;
* datamodel-code-generator makes pydantic v2 models and msgspec structs that read every example and write
  it back with nothing lost (the same text once :func:`supercomplaint.dumps` has put both in canonical
  form), and refuse a period deadline without its fields;
* quicktype's C# and Java keep the deadline's fields (amount, unit, anchor, counting, asWritten);
* ajv (``--spec=draft2020``) and check-jsonschema accept every example and refuse an impossible date;
* the date patterns mean in ECMA-262 (node's RegExp, with and without the ``u`` flag) what they mean to
  Python, over every day of a 400-year cycle;
* no generator numbers a class to avoid a name collision (``Id1``, ``Deadline2``).

The tools are pinned in ``.ci/package.json`` and ``package-lock.json`` (installed by ``npm ci --prefix .ci``)
and by the ``codegen`` extra (``pip install -e '.[codegen]'``); ``.ci/run`` installs both. Where they are
missing these tests are skipped with the reason, except in CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import supercomplaint as sc
from supercomplaint import converter, schemagen

from .conftest import EXAMPLES, ROOT

SCHEMAS = ROOT / "schemas"
NODE_BIN = ROOT / ".ci" / "node_modules" / ".bin"
IN_CI = os.environ.get("CI", "").lower() in ("true", "1")
INSTALL = "install them with `npm ci --prefix .ci` and `pip install -e '.[codegen]'` (.ci/run does both)"

VERSIONS = sorted(converter.SUPPORTED_VERSIONS, key=converter.version_key)
KINDS = list(converter.KINDS)
ROOTS = {kind: cls.__name__ for kind, cls in converter.KINDS.items()}  # the root's title names its class
EXAMPLE_FILES = [*sorted(EXAMPLES.rglob("*.json")), ROOT / "src" / "supercomplaint" / "data" / "register.json"]
PERIOD_FIELDS = ("amount", "unit", "anchor", "counting", "asWritten")


def require(found: object, what: str) -> None:
    """Skip (fail in CI) when a tool is missing."""
    if found:
        return
    message = f"needs {what}, not found: {INSTALL}"
    if IN_CI:
        pytest.fail(f"{message}; CI must run these tests")
    pytest.skip(message)


def node_tool(name: str) -> str:
    path = NODE_BIN / name
    require(shutil.which("node") and path.exists(), f"node and .ci/node_modules/.bin/{name}")
    return str(path)


def python_tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    require(path.exists(), f"{name} (in the venv)")
    return str(path)


def run(command: Sequence[str], *, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        list(command), capture_output=True, text=True, encoding="utf-8", timeout=300, check=False, cwd=cwd
    )
    if check and done.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def run_all(commands: Sequence[Sequence[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run commands two at a time (the machine has two cores); fail on the first that fails."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(run, commands))


def schema_file(kind: str, version: str) -> Path:
    return SCHEMAS / schemagen.folder(version) / schemagen.file_name(kind)


def slug(version: str) -> str:
    return "v" + version.replace(".", "_")


def examples() -> Iterator[tuple[Path, str, str]]:
    """Every example document with its kind and schema version."""
    for path in EXAMPLE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        yield path, data["kind"], data["schemaVersion"]


def example_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def with_bare_period(data: dict[str, Any]) -> dict[str, Any]:
    """The document with its first deadline replaced by ``{"type": "period"}`` (none of the period's fields)."""
    text = json.dumps(data)
    if '"deadline": {' not in text:
        raise AssertionError("the example has no deadline")

    def replace(node: Any) -> bool:
        if isinstance(node, dict):
            if isinstance(node.get("deadline"), dict):
                node["deadline"] = {"type": "period"}
                return True
            return any(replace(child) for child in node.values())
        if isinstance(node, list):
            return any(replace(child) for child in node)
        return False

    copy: dict[str, Any] = json.loads(text)
    replace(copy)
    return copy


# --------------------------------------------------------------------------------------------------
# Generating, once per test session
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("codegen")


@pytest.fixture(scope="module")
def typescript(out: Path) -> dict[tuple[str, str], Path]:
    json2ts = node_tool("json2ts")
    made = {(kind, version): out / "ts" / slug(version) / f"{kind}.ts" for version in VERSIONS for kind in KINDS}
    for path in made.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    run_all([[json2ts, "-i", str(schema_file(k, v)), "-o", str(path)] for (k, v), path in made.items()])
    return made


@pytest.fixture(scope="module")
def python_models(out: Path) -> dict[tuple[str, str, str], types.ModuleType]:
    """The modules datamodel-code-generator writes, by (kind, version, 'pydantic' or 'msgspec'), imported."""
    codegen = python_tool("datamodel-codegen")
    require(importlib.util.find_spec("pydantic") and importlib.util.find_spec("msgspec"), "pydantic and msgspec")
    outputs = {"pydantic": "pydantic_v2.BaseModel", "msgspec": "msgspec.Struct"}
    targets = {
        (kind, version, flavour): out / "py" / f"{flavour}_{slug(version)}_{kind}.py"
        for version in VERSIONS
        for kind in KINDS
        for flavour in outputs
    }
    (out / "py").mkdir(exist_ok=True)
    commands = []
    for (kind, version, flavour), path in targets.items():
        command = [codegen, "--input", str(schema_file(kind, version)), "--output", str(path)]
        if flavour != "pydantic":  # pydantic v2 is the default output
            command += ["--output-model-type", outputs[flavour]]
        commands.append(command)
    run_all(commands)
    modules = {}
    for key, path in targets.items():
        name = f"supercomplaint_codegen_{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # pydantic resolves the postponed annotations through sys.modules
        spec.loader.exec_module(module)
        modules[key] = module
    return modules


@pytest.fixture(scope="module")
def quicktype(out: Path) -> dict[tuple[str, str, str], Path]:
    """quicktype's C# (one file) and Java (a folder of classes) for each kind of each version, by (language,
    version, kind): the folder of the output, which is named after the model's class (quicktype names the
    top-level class after the output file)."""
    tool = node_tool("quicktype")
    made = {
        (lang, version, kind): out / lang / slug(version) / kind
        for lang in ("cs", "java")
        for version in VERSIONS
        for kind in KINDS
    }
    commands = []
    for (lang, version, kind), folder in made.items():
        folder.mkdir(parents=True)
        target = folder / f"{ROOTS[kind]}.{lang}"
        commands.append(
            [tool, "--lang", lang, "--src-lang", "schema", "-o", str(target), str(schema_file(kind, version))]
        )
    run_all(commands)
    return made


# --------------------------------------------------------------------------------------------------
# TypeScript
# --------------------------------------------------------------------------------------------------


def test_typescript_from_every_kind_compiles_with_tsc_strict(typescript: dict[tuple[str, str], Path]) -> None:
    tsc = node_tool("tsc")
    files = [str(path) for path in typescript.values()]
    run([tsc, "--strict", "--noEmit", *files])


def test_typescript_deadline_is_a_union_that_refuses_a_bare_period(
    typescript: dict[tuple[str, str], Path], out: Path
) -> None:
    tsc = node_tool("tsc")
    checks = []
    for version in VERSIONS:
        case = typescript[("case", version)].read_text(encoding="utf-8")
        union = re.search(r"export type Deadline =([^;]*);", case)
        assert union is not None
        members = {name.strip() for name in union.group(1).split("|") if name.strip()}
        assert members == {cls.__name__ for cls in converter.deadline_tags(version).values()}
        period = re.search(r"export interface PeriodDeadline \{(.*?)\n\}", case, flags=re.DOTALL)
        assert period is not None
        for field in PERIOD_FIELDS:
            assert re.search(rf"\n  {field}\??: ", period.group(1)), field
        check = typescript[("case", version)].with_name("check.ts")
        check.write_text(
            'import type { Deadline } from "./case";\n'
            'export const good: Deadline = { type: "period", amount: 6, unit: "months", '
            'anchor: "report-published", counting: "after" };\n'
            "// @ts-expect-error a period deadline needs its amount, unit, anchor and counting\n"
            'export const bad: Deadline = { type: "period" };\n',
            encoding="utf-8",
        )
        checks.append(str(check))
    # @ts-expect-error is itself an error when the line below it type-checks: compiling proves the refusal
    run([tsc, "--strict", "--noEmit", *checks])


# --------------------------------------------------------------------------------------------------
# pydantic and msgspec
# --------------------------------------------------------------------------------------------------

ROUND_TRIPS = [
    pytest.param(path, kind, version, flavour, id=f"{flavour}:{example_id(path)}")
    for path, kind, version in examples()
    for flavour in ("pydantic", "msgspec")
]


def through(model: types.ModuleType, flavour: str, kind: str, text: str) -> bytes:
    """The JSON text read with the generated model and written back by it."""
    root = getattr(model, ROOTS[kind])
    if flavour == "pydantic":
        value = root.model_validate_json(text)
        written: str = value.model_dump_json(by_alias=True, exclude_unset=True)
        return written.encode("utf-8")
    msgspec: Any = importlib.import_module("msgspec")
    encoded: bytes = msgspec.json.encode(msgspec.json.decode(text, type=root))
    return encoded


@pytest.mark.parametrize(("path", "kind", "version", "flavour"), ROUND_TRIPS)
def test_generated_models_round_trip_every_example(
    python_models: dict[tuple[str, str, str], types.ModuleType], path: Path, kind: str, version: str, flavour: str
) -> None:
    text = path.read_text(encoding="utf-8")
    written = through(python_models[(kind, version, flavour)], flavour, kind, text)
    assert sc.dumps(sc.loads(written)) == sc.dumps(sc.loads(text))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("flavour", ["pydantic", "msgspec"])
def test_generated_models_refuse_a_period_without_its_fields(
    python_models: dict[tuple[str, str, str], types.ModuleType], version: str, flavour: str
) -> None:
    pydantic: Any = importlib.import_module("pydantic")
    msgspec: Any = importlib.import_module("msgspec")
    refused = pydantic.ValidationError if flavour == "pydantic" else msgspec.ValidationError
    path = next(p for p, kind, v in examples() if kind == "case" and v == version)
    good = path.read_text(encoding="utf-8")
    bad = json.dumps(with_bare_period(json.loads(good)))
    model = python_models[("case", version, flavour)]
    through(model, flavour, "case", good)
    with pytest.raises(refused):
        through(model, flavour, "case", bad)
    # the deadline is a real union: the period branch keeps every field
    period = model.PeriodDeadline
    names = set(period.model_fields) if flavour == "pydantic" else set(period.__struct_fields__)
    assert set(PERIOD_FIELDS) <= names


# --------------------------------------------------------------------------------------------------
# quicktype: C# and Java
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_quicktype_csharp_and_java_keep_the_deadline_fields(
    quicktype: dict[tuple[str, str, str], Path], version: str
) -> None:
    csharp = (quicktype[("cs", version, "case")] / "CaseRecord.cs").read_text(encoding="utf-8")
    block = re.search(r"public partial class Deadline\s*\{(.*?)\n    \}", csharp, flags=re.DOTALL)
    assert block is not None, "quicktype made no Deadline class"
    json_names = set(re.findall(r'\[JsonPropertyName\("([A-Za-z]+)"\)\]', block.group(1)))
    assert {"type", *PERIOD_FIELDS} <= json_names
    java = (quicktype[("java", version, "case")] / "Deadline.java").read_text(encoding="utf-8")
    fields = set(re.findall(r"private \S+ ([A-Za-z]+);", java))
    assert {"type", *PERIOD_FIELDS} <= fields


# --------------------------------------------------------------------------------------------------
# No numbered names
# --------------------------------------------------------------------------------------------------


# The adjectives quicktype puts before a class name to tell two classes of one name apart.
QUICKTYPE_ADJECTIVES = ("Purple", "Fluffy", "Tentacled", "Sticky", "Indigo", "Indecent", "Hilarious", "Ambitious")


def test_no_generator_numbers_a_name(
    typescript: dict[tuple[str, str], Path],
    python_models: dict[tuple[str, str, str], types.ModuleType],
    quicktype: dict[tuple[str, str, str], Path],
) -> None:
    names: dict[str, set[str]] = {}
    for (kind, version), path in typescript.items():
        text = path.read_text(encoding="utf-8")
        names[f"typescript {version} {kind}"] = set(re.findall(r"export (?:type|interface) (\w+)", text))
    for (kind, version, flavour), module in python_models.items():
        text = Path(str(module.__file__)).read_text(encoding="utf-8")
        names[f"{flavour} {version} {kind}"] = set(re.findall(r"^class (\w+)", text, flags=re.MULTILINE))
    for (lang, version, kind), folder in quicktype.items():
        if lang == "cs":
            text = (folder / f"{ROOTS[kind]}.cs").read_text(encoding="utf-8")
            found = set(re.findall(r"public (?:partial class|enum) (\w+)", text))
        else:
            found = {p.stem for p in folder.glob("*.java")} - {"Converter"}  # quicktype's (de)serialiser
        names[f"quicktype {lang} {version} {kind}"] = found
    assert all(names.values()), names
    renamed = {
        tool: sorted(
            n for n in found if re.search(r"[0-9]$", n) or re.match(rf"(?:{'|'.join(QUICKTYPE_ADJECTIVES)})[A-Z]", n)
        )
        for tool, found in names.items()
    }
    assert {tool: found for tool, found in renamed.items() if found} == {}
    # and the classes carry the model's names
    for version in VERSIONS:
        assert {"CaseRecord", "PeriodDeadline", "Deadline", "Recommendation"} <= names[f"pydantic {version} case"]
        assert {"CaseRecord", "Deadline", "Recommendation", "ItemResponse"} <= names[f"quicktype cs {version} case"]


# --------------------------------------------------------------------------------------------------
# Validators
# --------------------------------------------------------------------------------------------------


def impossible_date(data: dict[str, Any]) -> dict[str, Any]:
    """The document with a date that is not on the calendar (29 February 2100) where a date goes."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    if copy["kind"] == "response":
        copy["response"]["sent"] = "2100-02-29"
    elif copy["kind"] == "case":
        copy["report"]["published"] = "2100-02-29"
    else:
        copy["bodies"][0]["names"] = [{"name": "A name", "since": "2100-02-29"}]
    return copy


@pytest.mark.parametrize("validator", ["ajv", "check-jsonschema"])
def test_validators_accept_the_examples_and_refuse_impossible_dates(validator: str, tmp_path: Path) -> None:
    if validator == "ajv":
        tool = node_tool("ajv")

        def command(schema: Path, documents: list[Path]) -> list[str]:
            return [tool, "validate", "--spec=draft2020", "-s", str(schema), *(f"-d={d}" for d in documents)]
    else:
        tool = python_tool("check-jsonschema")

        def command(schema: Path, documents: list[Path]) -> list[str]:
            return [tool, "--schemafile", str(schema), *map(str, documents)]

    groups: dict[tuple[str, str], list[Path]] = {}
    for path, kind, version in examples():
        groups.setdefault((kind, version), []).append(path)
    assert len(groups) >= 3
    for (kind, version), documents in sorted(groups.items()):
        run(command(schema_file(kind, version), documents))
        broken = tmp_path / f"broken-{kind}-{slug(version)}.json"
        broken.write_text(json.dumps(impossible_date(json.loads(documents[0].read_text(encoding="utf-8")))))
        refused = run(command(schema_file(kind, version), [broken]), check=False)
        assert refused.returncode != 0, (kind, version, refused.stdout)
        assert "2100-02-29" in refused.stdout + refused.stderr or "pattern" in refused.stdout + refused.stderr


# --------------------------------------------------------------------------------------------------
# ECMA-262 reads the date patterns as Python does
# --------------------------------------------------------------------------------------------------

_ECMA_CHECK = r"""
const fs = require("fs");
const { patterns, cases } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let wrong = [];
for (const [name, pattern] of Object.entries(patterns)) {
  for (const flags of ["", "u"]) {
    const re = new RegExp(pattern, flags);
    for (const [text, expected] of cases[name]) {
      if (re.test(text) !== expected) wrong.push([name, flags, text, expected]);
    }
  }
}
const checked = Object.values(cases).reduce((n, c) => n + c.length, 0);
console.log(JSON.stringify({ checked: checked, wrong: wrong.slice(0, 20) }));
"""


def test_date_patterns_mean_the_same_in_ecma262(tmp_path: Path) -> None:
    require(shutil.which("node"), "node")
    import datetime as dt

    def real(year: int, month: int, day: int) -> bool:
        try:
            dt.date(year, month, day)
        except ValueError:
            return False
        return True

    days = [
        (f"{y:04d}-{m:02d}-{d:02d}", real(y, m, d))
        for y in [*range(2000, 2400), *range(401), *range(9996, 10000)]
        for m in range(14)
        for d in range(33)
    ]
    partial = [(f"{y:04d}", y > 0) for y in range(401)] + [
        (f"{y:04d}-{m:02d}", y > 0 and 1 <= m <= 12) for y in range(2000, 2400) for m in range(14)
    ]
    odd = [("2021-01-01\n", False), (" 2021-01-01", False), ("２０２１-01-01", False), ("2021-01-01T00:00", False)]
    data = {
        "patterns": {"date": converter.DATE_PATTERN, "partial": converter.PARTIAL_DATE_PATTERN},
        "cases": {"date": days + odd, "partial": days + partial + odd},
    }
    (tmp_path / "cases.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "check.js").write_text(_ECMA_CHECK, encoding="utf-8")
    result = json.loads(run(["node", str(tmp_path / "check.js"), str(tmp_path / "cases.json")]).stdout)
    assert result["wrong"] == []
    assert result["checked"] == len(days) * 2 + len(partial) + len(odd) * 2
