"""The documentation is tested like code.

* Every ```` ```python ```` block of every page under ``docs/`` runs, page by page, in order, in one
  namespace, with the repository root as the working directory. A block followed directly by a
  ```` ```text title="Output" ```` block must print exactly that. A failure names the page, the block's
  number and its line. (Python that must not run is shown with the ``py`` language tag instead; keep that rare.)
* Every ```` ```console ```` block's ``$ supercomplaint ...`` commands run, and print what the page shows
  under them (other commands, such as ``pip``, are shown, not run).
* Every ```` ```json ```` block parses, unless it elides something with ``...``; one that is a document
  (it has ``kind``) must be valid, unless its title says "Invalid", when it must not be.
* The generated reference pages (schemas, register, command line) are current: regenerate them with
  ``python -m supercomplaint.docgen``.
* Every public name (``supercomplaint.__all__``) has a docstring that says what it does and what it raises,
  and is documented on a page of the Python API reference.
* :func:`supercomplaint.docgen.rst_to_markdown`, which turns the docstrings into the site's Markdown, does
  what it says.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import inspect
import io
import json
import re
import shlex
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import docgen

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
API = DOCS / "reference" / "api"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_hooks" not in p.parts)
GENERATED = ("docs/reference/schemas.md", "docs/reference/cli.md", "docs/reference/register.md")

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_TITLE = re.compile(r'title="([^"]*)"')


# --------------------------------------------------------------------------------------------------
# Reading the code blocks of a page
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class Block:
    """A fenced code block of a page."""

    page: str
    line: int  # 1-based line of the opening fence
    language: str
    title: str | None
    code: str


def fenced_blocks(path: Path) -> list[Block]:
    """Every fenced code block of a Markdown page, in order (indented fences too, as in admonitions)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    page = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    out: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence, info = opening.group("indent"), opening.group("fence"), opening.group("info").strip()
        body: list[str] = []
        start = index
        index += 1
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if closing and closing.group("fence").startswith(fence) and not closing.group("info").strip():
                break
            body.append(lines[index][len(indent) :] if lines[index].startswith(indent) else lines[index].lstrip())
            index += 1
        else:
            raise AssertionError(f"{page}:{start + 1}: a code block is never closed")
        index += 1
        language = info.split()[0] if info else ""
        title = _TITLE.search(info)
        out.append(Block(page, start + 1, language, title.group(1) if title else None, "\n".join(body) + "\n"))
    return out


def python_blocks(path: Path) -> list[tuple[Block, Block | None]]:
    """The page's ``python`` blocks, each with the ``Output`` block that follows it directly, if any."""
    blocks = fenced_blocks(path)
    text = path.read_text(encoding="utf-8").splitlines()
    out: list[tuple[Block, Block | None]] = []
    for index, block in enumerate(blocks):
        if block.language != "python":
            continue
        output = None
        if index + 1 < len(blocks):
            candidate = blocks[index + 1]
            end = block.line + block.code.count("\n")  # the closing fence's 0-based line index
            between = text[end + 1 : candidate.line - 1]
            if candidate.title == "Output" and not any(line.strip() for line in between):
                output = candidate
        out.append((block, output))
    return out


def _normalised(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def run_page(path: Path) -> int:
    """Run the page's Python blocks in order in one namespace; return how many ran."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    ran = 0
    for number, (block, output) in enumerate(python_blocks(path), start=1):
        where = f"{block.page}, Python block {number} (line {block.line})"
        captured = io.StringIO()
        try:
            code = compile(block.code, where, "exec")
            with contextlib.redirect_stdout(captured):
                exec(code, namespace)
        except Exception as exc:
            raise AssertionError(f"{where} failed: {type(exc).__name__}: {exc}") from exc
        if output is not None and _normalised(captured.getvalue()) != _normalised(output.code):
            raise AssertionError(
                f"{where} printed something other than the Output block under it (line {output.line}); "
                f"update the page.\n--- printed:\n{captured.getvalue()}\n--- the page shows:\n{output.code}"
            )
        ran += 1
    return ran


# --------------------------------------------------------------------------------------------------
# The pages' code
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [p for p in PAGES if python_blocks(p)], ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run_page(path) == len(python_blocks(path))


def test_the_tutorial_is_code() -> None:
    runs = python_blocks(DOCS / "tutorial.md")
    assert len(runs) >= 10, "the tutorial should be a sequence of runnable steps"
    assert sum(output is not None for _, output in runs) >= 5, "the tutorial should show what its steps print"
    shown = [b for b in fenced_blocks(DOCS / "tutorial.md") if b.language in ("py", "pycon")]
    assert not shown, f"every Python block of the tutorial runs; these do not: {[b.line for b in shown]}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_json_blocks(path: Path) -> None:
    for block in fenced_blocks(path):
        if block.language != "json" or "..." in block.code:
            continue
        where = f"{block.page}, JSON block at line {block.line}"
        try:
            data = json.loads(block.code)
        except json.JSONDecodeError as exc:
            raise AssertionError(f"{where} is not JSON: {exc}") from exc
        if not isinstance(data, dict) or "kind" not in data:
            continue
        report = sc.validate(data)
        if (block.title or "").startswith("Invalid"):
            assert not report.valid, f"{where} is titled invalid but is a valid document"
        else:
            assert report.valid, f"{where} is not a valid document: {[str(p) for p in report.problems]}"


def console_commands(block: Block) -> list[tuple[list[str], str]]:
    """The commands of a ``console`` block (``$ `` lines, ``\\`` continuing them) with what each prints."""
    out: list[tuple[list[str], str]] = []
    lines = block.code.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.startswith("$ "):
            continue
        command = line[2:]
        while command.endswith("\\") and index < len(lines):
            command = command[:-1] + lines[index].strip()
            index += 1
        printed = []
        while index < len(lines) and not lines[index].startswith("$ "):
            printed.append(lines[index])
            index += 1
        out.append((shlex.split(command), "\n".join(printed)))
    return out


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_console_blocks(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from supercomplaint.cli import main

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    for block in fenced_blocks(path):
        if block.language != "console":
            continue
        for argv, printed in console_commands(block):
            if argv[0] != "supercomplaint":
                continue
            stdout, stderr = io.StringIO(), io.StringIO()
            code = main(argv[1:], stdout=stdout, stderr=stderr)
            where = f"{block.page}, console block at line {block.line}: {shlex.join(argv)}"
            assert code in (0, 1), f"{where} failed (exit {code}): {stderr.getvalue()}"
            if printed.strip():
                assert _normalised(stdout.getvalue()) == _normalised(printed), (
                    f"{where} prints something else now; update the page.\n--- printed:\n{stdout.getvalue()}"
                )


def test_console_commands_are_read_with_continuations() -> None:
    block = Block("p.md", 1, "console", None, "$ supercomplaint validate \\\n    a.json\nok\n$ pip install x\n")
    assert console_commands(block) == [(["supercomplaint", "validate", "a.json"], "ok"), (["pip", "install", "x"], "")]


def test_run_page_names_the_failing_block(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```python\nx = 1\n```\n\n```python\nprint(x + 1)\n```\n\n```text title="Output"\n3\n```\n',
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match=r"Python block 2 \(line 5\) printed something other"):
        run_page(page)
    page.write_text("```python\nraise ValueError('no')\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"Python block 1 \(line 1\) failed: ValueError: no"):
        run_page(page)


def test_fenced_blocks_reads_indented_and_titled_fences(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        '!!! note\n    ```python\n    y = 2\n    ```\n\n````text title="Output"\n```\n````\n', encoding="utf-8"
    )
    blocks = fenced_blocks(page)
    assert [(b.language, b.title, b.code) for b in blocks] == [("python", None, "y = 2\n"), ("text", "Output", "```\n")]


# --------------------------------------------------------------------------------------------------
# Generated pages
# --------------------------------------------------------------------------------------------------


def test_generated_pages_are_current() -> None:
    stale = docgen.stale_files(ROOT)
    assert not stale, (
        f"these generated pages are stale: {', '.join(str(p.relative_to(ROOT)) for p in stale)}; "
        f"regenerate them with `{docgen.COMMAND}` and commit the result"
    )
    assert sorted(docgen.generate()) == sorted(GENERATED)


def test_docgen_main_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 0
    assert docgen.main(["--root", str(tmp_path)]) == 0  # nothing changed: nothing written
    assert "wrote" not in capsys.readouterr().out.split("\n", 3)[-1]
    (tmp_path / GENERATED[0]).write_text("edited by hand\n", encoding="utf-8")
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "schemas.md" in err
    assert docgen.COMMAND in err
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 0


def test_every_generated_page_says_how_to_regenerate() -> None:
    for name in GENERATED:
        first = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
        assert "GENERATED" in first, name
        assert docgen.COMMAND in first, name


def _anchors(text: str) -> set[str]:
    return set(re.findall(r"\{ #([a-z0-9-]+) \}", text))


def test_schema_page_covers_every_field_and_value() -> None:
    text = (ROOT / "docs/reference/schemas.md").read_text(encoding="utf-8")
    anchors = _anchors(text)
    for target in re.findall(r"\]\(#([a-z0-9-]+)\)", text):
        assert target in anchors, f"schemas.md links to #{target}, which is not on the page"
    definitions = sc.schema("definitions")["$defs"]
    for name, node in definitions.items():
        assert name.lower() in anchors, name
        for key in node.get("properties", {}):
            assert f"| `{key}` |" in text, f"{name}.{key} is not on the schema page"
        for value in node.get("enum", ()):
            assert f"`{value}`" in text, f"{name} value {value!r} is not on the schema page"
    for kind in ("case", "response", "register"):
        top = sc.schema(kind)
        assert f"{kind}-document" in anchors
        assert top["$id"] in text
        for key in top["properties"]:
            assert f"| `{key}` |" in text, f"{kind}.{key} is not on the schema page"


def test_schema_page_marks_required_fields() -> None:
    fake: dict[str, dict[str, Any]] = {
        "definitions": {"$id": "x:defs", "$defs": {}},
        **{
            kind: {
                "$id": f"x:{kind}",
                "description": "d",
                "type": "object",
                "required": ["a"],
                "properties": {"a": {"type": "string"}, "b": {"type": "integer", "minimum": 1}},
                "additionalProperties": False,
            }
            for kind in ("case", "response", "register")
        },
    }
    text = docgen.schemas_markdown(fake.__getitem__)
    assert "| `a` | string | **yes** |" in text
    assert "| `b` | integer ≥ 1 | no |" in text


def test_cli_page_covers_every_command_and_option() -> None:
    from supercomplaint.cli import build_parser

    text = (ROOT / "docs/reference/cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = docgen._subcommands(parser)
    assert set(commands) == {
        "validate", "status", "history", "compile", "render", "schema", "upgrade", "export", "import", "rules"
    }  # fmt: skip
    for name, (sub, _) in commands.items():
        assert f"## supercomplaint {name} {{ #{name} }}" in text
        for action in sub._actions:
            for flag in action.option_strings:
                assert f"`{flag}" in text, f"{name} {flag} is not on the command-line page"
            if not action.option_strings:
                assert f"`{action.metavar or action.dest}`" in text
            for choice in action.choices or ():
                assert f"`{choice}`" in text
    for target in re.findall(r"\]\[supercomplaint\.([a-z_]+)\]", text):
        assert target in sc.__all__, f"cli.md links to supercomplaint.{target}, which is not public"


def test_register_page_lists_every_body_and_group() -> None:
    text = (ROOT / "docs/reference/register.md").read_text(encoding="utf-8")
    registry = sc.default_registry()
    for ref in registry:
        assert f"`{ref}`" in text, f"{ref} is not on the register page"


# --------------------------------------------------------------------------------------------------
# Docstrings of the public API, and the API reference pages
# --------------------------------------------------------------------------------------------------

_RAISES = re.compile(r"\braise[sd]?\b", re.IGNORECASE)


def _public() -> Iterator[tuple[str, Any]]:
    for name in sc.__all__:
        yield name, getattr(sc, name)


def _is_documented_callable(obj: Any) -> bool:
    return inspect.isclass(obj) or inspect.isfunction(obj) or callable(getattr(obj, "__wrapped__", None))


def _public_methods(cls: type) -> Iterator[tuple[str, Any]]:
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        member = value.fget if isinstance(value, property) else value
        if isinstance(member, classmethod | staticmethod):
            member = member.__func__
        if inspect.isfunction(member):
            yield name, member


@pytest.mark.parametrize("name", [n for n, o in _public() if _is_documented_callable(o)])
def test_public_callables_have_docstrings(name: str) -> None:
    obj = getattr(sc, name)
    doc = inspect.getdoc(obj) or ""
    summary = doc.split("\n\n", 1)[0]
    assert len(summary) >= 25, f"supercomplaint.{name} needs a docstring that says what it is or does"
    assert summary.rstrip().endswith((".", ":", ")")), f"supercomplaint.{name}: the summary is a sentence"
    if inspect.isclass(obj):
        for method, func in _public_methods(obj):
            if func.__qualname__.split(".")[0] != obj.__name__:
                continue
            assert inspect.getdoc(func), f"supercomplaint.{name}.{method} has no docstring"
    else:
        assert _RAISES.search(doc), (
            f"supercomplaint.{name}'s docstring does not say what it raises (or that it never does)"
        )


def _attribute_docstrings(module: Any) -> set[str]:
    """Module-level names followed by a string literal (an attribute docstring) in ``module``'s source."""
    tree = ast.parse(inspect.getsource(module))
    out: set[str] = set()
    for previous, current in zip(tree.body, tree.body[1:], strict=False):
        if not isinstance(current, ast.Expr) or not isinstance(current.value, ast.Constant):
            continue
        if not isinstance(current.value.value, str):
            continue
        targets = previous.targets if isinstance(previous, ast.Assign) else [getattr(previous, "target", None)]
        out.update(t.id for t in targets if isinstance(t, ast.Name))
    return out


def _defining_module(name: str) -> Any:
    lazy = sc._LAZY.get(name)
    if lazy is not None:
        return importlib.import_module(lazy, "supercomplaint")
    obj = getattr(sc, name)
    module = getattr(obj, "__module__", None)
    if isinstance(module, str) and module.startswith("supercomplaint"):
        return importlib.import_module(module)
    for candidate in ("supercomplaint.model", "supercomplaint.partialdate", "supercomplaint.problems"):
        if name in getattr(importlib.import_module(candidate), "__all__", ()):
            return importlib.import_module(candidate)
    raise AssertionError(f"cannot tell which module defines supercomplaint.{name}")


@pytest.mark.parametrize("name", [n for n, o in _public() if not _is_documented_callable(o) and n != "__version__"])
def test_public_values_have_docstrings(name: str) -> None:
    module = _defining_module(name)
    assert name in _attribute_docstrings(module), f"supercomplaint.{name} needs a docstring under its definition"


def _rendered_modules() -> set[str]:
    found = set()
    for page in API.glob("*.md"):
        found.update(re.findall(r"^::: (supercomplaint[\w.]*)\s*$", page.read_text(encoding="utf-8"), re.MULTILINE))
    return found


def test_every_public_name_is_in_the_api_reference() -> None:
    rendered = _rendered_modules()
    overview = (API / "index.md").read_text(encoding="utf-8")
    missing = []
    for name in sc.__all__:
        if name == "__version__":
            assert "`supercomplaint.__version__`" in overview
            continue
        assert f"[`{name}`]" in overview, f"the API overview does not list supercomplaint.{name}"
        module = _defining_module(name)
        if module.__name__ not in rendered or name not in module.__all__:
            missing.append(f"{name} ({module.__name__})")
    assert not missing, f"not rendered on any page of docs/reference/api: {', '.join(missing)}"


# --------------------------------------------------------------------------------------------------
# rst_to_markdown
# --------------------------------------------------------------------------------------------------


def _md(text: str, resolve: Callable[[str], str | None] = lambda _: None) -> str:
    return docgen.rst_to_markdown(textwrap.dedent(text).strip("\n"), resolve)


def test_roles_link_what_resolves_and_code_the_rest() -> None:
    known = {"Problem": "supercomplaint.problems.Problem", "Registry": "supercomplaint.registry.Registry"}
    text = _md(
        ":class:`Problem`, :func:`~supercomplaint.load`, :meth:`Registry.for_document`, :class:`ValueError`",
        known.get,
    )
    assert text == (
        "[`Problem`][supercomplaint.problems.Problem], [`load()`][supercomplaint.load], "
        "[`Registry.for_document()`][supercomplaint.registry.Registry.for_document], `ValueError`"
    )


def test_doctest_blocks_are_fenced_without_directives() -> None:
    text = _md(
        """
        Read one:

        >>> import supercomplaint as sc
        >>> sc.load("x.json")  # doctest: +SKIP
        CaseRecord(...)

        After.
        """
    )
    assert text.splitlines() == [
        "Read one:",
        "",
        "```pycon",
        ">>> import supercomplaint as sc",
        '>>> sc.load("x.json")',
        "CaseRecord(...)",
        "```",
        "",
        "After.",
    ]


def test_literal_blocks_become_code() -> None:
    text = _md(
        """
        An explanation a person can check by hand::

            six months from publication on 26 May 2021: 26 November 2021

        Then more.
        """
    )
    assert "An explanation a person can check by hand:\n\n```text\nsix months" in text
    assert "2021\n```\n\nThen more." in text


def test_simple_tables_become_definition_lists_or_tables() -> None:
    two = _md(
        """
        States:

        =========  ==============================
        ``met``    met on time, or no due date
                   applies at all
        ``late``   met late
        =========  ==============================
        """
    )
    assert "``met``\n:   met on time, or no due date applies at all" in two
    assert "``late``\n:   met late" in two
    three = _md(
        """
        ===  ===  ===
        a    b    c
        ===  ===  ===
        1    2    3
        ===  ===  ===
        """
    )
    assert "| a | b | c |\n| --- | --- | --- |\n| 1 | 2 | 3 |" in three


def test_definition_lists_and_google_sections() -> None:
    text = _md(
        """
        Counting:

        ``after``
            The period starts the day after.

        Attributes:
            code: a stable code.
        """
    )
    assert "``after``\n:   The period starts the day after." in text
    assert "Attributes:\n    code: a stable code." in text


def test_a_list_after_a_paragraph_is_set_apart() -> None:
    assert _md("Three kinds:\n* one\n* two") == "Three kinds:\n\n* one\n* two"


def test_attributes_section_uses_the_schema_words() -> None:
    section = docgen.attributes_section(sc.PeriodDeadline)
    assert "    anchor_ref: For the anchors 'response' and 'follow-up'" in section
    assert "JSON key: `anchorRef`." in section
    instance: Any = sc.PeriodDeadline(
        amount=1, unit=sc.Unit.DAYS, anchor=sc.Anchor.RESPONSE, counting=sc.Counting.AFTER
    )
    with pytest.raises(TypeError):
        docgen.attributes_section(instance)
