"""Coverage-guided fuzzing of every entry point (issue 13), with atheris; or, without it, with hypothesis.

Each target drives some of the operations of ``tests/hostile`` (``loads``, both ``validate`` engines,
``check``, ``obligations``, ``compile``, ``history``, ``dumps``/``dump``, every rendering, every command
line operation) with inputs made from the fuzzer's bytes in one of two ways:

* raw: the bytes as JSON text (decoded with ``surrogateescape``, so a ``str`` with raw lone surrogates is
  tried too), or as the file the command line reads;
* structured: a seed document (the hostile corpus and the examples) with up to four hostile edits chosen by
  the bytes: strings with runs of up to 50,000 spaces, line breaks or control characters, lone surrogates,
  integers of up to 5,000 digits, extension data nested up to 1,200 deep, groups in a diamond or a chain up
  to 300 deep, parts nested up to 150 deep, periods of up to 10**40 units, removed keys.

Any exception other than the library's own (``SupercomplaintError``) is a crash; so is a document that
loads but does not dump and load back the same. See README.md for how to run it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
for entry in (str(ROOT / "src"), str(ROOT)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

TARGETS: dict[str, tuple[str, ...]] = {
    "loads": ("loads", "dumps", "dump"),
    "validate": ("validate", "validate-jsonschema"),
    "check": ("check",),
    "obligations": ("obligations",),
    "compile": ("compile",),
    "history": ("history",),
    "render": ("render-tracker-md", "render-tracker-html", "render-board-paper-md", "render-board-paper-html"),
    "cli": (
        "cli-validate",
        "cli-status",
        "cli-status-csv",
        "cli-status-json",
        "cli-render-tracker-md",
        "cli-render-tracker-html",
        "cli-render-board-paper-md",
        "cli-compile",
    ),
}
T = TypeVar("T")
SEED_LIMIT = 300_000  # bytes: bigger seeds slow every execution
LIMIT = 10.0  # seconds per input under hypothesis (atheris: pass -timeout=10)


class Provider:
    """Choices read from the fuzzer's bytes, in order; past the end every choice is the smallest."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        if self.at >= len(self.data):
            return 0
        self.at += 1
        return self.data[self.at - 1]

    def number(self, top: int) -> int:
        """An integer from 0 to ``top``, from as many bytes as it needs."""
        value, span = 0, 1
        while span <= top:
            value = value * 256 + self.byte()
            span *= 256
        return value % (top + 1)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.number(len(options) - 1)]

    def text(self, most: int) -> str:
        raw = bytes(self.byte() for _ in range(self.number(most)))
        return raw.decode("utf-8", "surrogateescape")

    def rest(self) -> bytes:
        rest, self.at = self.data[self.at :], len(self.data)
        return rest


@cache
def seeds() -> tuple[str, ...]:
    """The documents edits start from: the hostile corpus's inputs and the examples, small ones only."""
    paths = sorted((ROOT / "tests" / "hostile" / "inputs").glob("*.json")) + sorted((ROOT / "examples").rglob("*.json"))
    texts = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if len(text) <= SEED_LIMIT:
            with contextlib.suppress(ValueError, RecursionError):
                json.loads(text)
                texts.append(text)
    return tuple(texts)


_RUNS = (" ", "\t", "\r", "\n", "\r\n", "\u00a0", "\u2028", "\x1b[2J", "\u202e", "&amp;", "\\", "(", '"', "\ud800")
_PREFIXES = ("", "=", "+", "-", "@", " =", "\u200b=", "\r=", "# ", "1. ", "    ", "```", "---", "<script>")
_UNITS = ("working-days", "days", "weeks", "months", "years")


def _hostile_string(p: Provider) -> str:
    return p.pick(_PREFIXES) + p.pick(_RUNS) * p.number(50_000) + p.text(40)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in a JSON value, without recursion."""
    out: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [(path, value)]
    while stack and len(out) < 20_000:
        here, node = stack.pop()
        out.append(here)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        stack.extend(((*here, key), child) for key, child in items)
    return out


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _edit(doc: Any, p: Provider, raw: dict[str, str]) -> Any:
    """One hostile edit of ``doc`` (a parsed document); raw JSON to splice in goes in ``raw`` by marker."""
    kind = p.number(7)
    places = _places(doc)
    where = p.pick(places)
    parent = _at(doc, where[:-1]) if where else None
    marker = f"__fuzz_{len(raw)}__"
    if kind == 0:
        new: Any = _hostile_string(p)
    elif kind == 1:
        raw[marker] = ("-" if p.byte() & 1 else "") + "9" * (1 + p.number(5000))
        new = marker
    elif kind == 2:
        depth, value = 1 + p.number(1200), "1"
        for level in range(depth - 1):
            value = f'{{"a":{value}}}' if level % 2 else f"[{value}]"
        raw[marker] = value
        new = {"org.fuzz": marker}
        where, parent = ("extensions",), doc
    elif kind == 3:
        depth, diamond = 1 + p.number(300), bool(p.byte() & 1)
        if diamond:
            groups = [
                {"id": f"fz{i}-{s}", "name": f"F{i}", "members": [f"fz{i + 1}-a", f"fz{i + 1}-b"]}
                for i in range(depth)
                for s in "ab"
            ]
            groups += [{"id": f"fz{depth}-{s}", "name": "Bottom", "members": ["body-x", "home-office"]} for s in "ab"]
        else:
            groups = [{"id": f"fz{i}", "name": f"F{i}", "members": [f"fz{i + 1}"]} for i in range(depth)]
            groups.append({"id": f"fz{depth}", "name": "Last", "members": ["home-office"]})
        if isinstance(doc, dict):
            doc["groups"] = [*doc.get("groups", []), *groups] if isinstance(doc.get("groups"), list) else groups
            recs = doc.get("report", {}).get("recommendations") if isinstance(doc.get("report"), dict) else None
            if isinstance(recs, list) and recs and isinstance(recs[0], dict):
                recs[0]["addressees"] = ["fz0-a" if diamond else "fz0"]
        return doc
    elif kind == 4:
        amount: Any = 1 + p.number(10**7) if p.byte() & 1 else 10 ** p.number(40)
        new = {"type": "period", "amount": amount, "unit": p.pick(_UNITS), "anchor": "report-published"}
        new["counting"] = p.pick(("after", "beginning-with"))
    elif kind == 5:
        part = '{"id":"fz-deep","text":"deepest"}'
        for level in range(p.number(150)):
            part = f'{{"id":"fz-part-{level}","text":"part {level}","parts":[{part}]}}'
        raw[marker] = f"[{part}]"
        new = marker
    elif kind == 6 and isinstance(parent, dict | list) and where:
        del parent[where[-1]]
        return doc
    else:
        new = p.pick((None, True, 1.5, -1, [], {}, "", "x" * p.number(1000), 2**53 + 1))
    if not where:
        return new
    if isinstance(parent, dict | list):
        parent[where[-1]] = new
    return doc


def make_input(data: bytes) -> tuple[str, bytes | None]:
    """(text for the library, bytes for the command line's file, or None to use the text's UTF-8)."""
    p = Provider(data)
    if p.byte() & 1:  # raw
        rest = p.rest()
        return rest.decode("utf-8", "surrogateescape"), rest
    doc = json.loads(p.pick(seeds()))
    raw: dict[str, str] = {}
    for _ in range(p.number(4)):
        with contextlib.suppress(TypeError, KeyError, IndexError):  # an edit that does not fit the shape left
            doc = _edit(doc, p, raw)
    try:
        text = json.dumps(doc, ensure_ascii=bool(p.byte() & 1))
    except RecursionError:  # edits nested in edits: the harness's own limit, not the library's
        return p.pick(seeds()), None
    for marker, value in raw.items():
        text = text.replace(json.dumps(marker), value)
    return text, None


_FOLDER: list[Path] = []


def _folder() -> Path:
    if not _FOLDER:
        _FOLDER.append(Path(tempfile.mkdtemp(prefix="sc-fuzz-")))
    for path in _FOLDER[0].iterdir():
        if path.is_file():
            path.unlink()
    return _FOLDER[0]


def one_input(target: str, data: bytes) -> None:
    """Run one of the target's operations on the input the bytes make; only the library's errors may escape."""
    from tests.hostile import run

    operation = TARGETS[target][data[-1] % len(TARGETS[target])] if data else TARGETS[target][0]
    text, raw = make_input(data)
    responder = "home-office" if data[:1] and data[0] & 2 else "body-x"
    raw_bytes = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    run(operation, text, _folder(), responder=responder, raw=raw_bytes)


def _with_atheris(target: str, argv: list[str]) -> None:
    import atheris  # type: ignore[import-untyped,unused-ignore]

    with atheris.instrument_imports(include=["supercomplaint"]):
        import supercomplaint
        import supercomplaint.cli
        import supercomplaint.compiling
        import supercomplaint.converter
        import supercomplaint.deadlines
        import supercomplaint.io
        import supercomplaint.locate
        import supercomplaint.partialdate
        import supercomplaint.problems
        import supercomplaint.registry
        import supercomplaint.rendering
        import supercomplaint.rules
        import supercomplaint.tracker
        import supercomplaint.validation  # noqa: F401
    import tests.hostile  # noqa: F401 - not instrumented: the harness, not the library

    atheris.Setup([sys.argv[0], *argv], lambda data: one_input(target, data))
    atheris.Fuzz()


def _with_hypothesis(target: str, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from tests.hostile import hard_limit

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.binary(max_size=4096))
    def fuzz(data: bytes) -> None:
        with hard_limit(LIMIT):
            one_input(target, data)

    fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--target", choices=sorted(TARGETS), required=True)
    parser.add_argument("--hypothesis", action="store_true", help="use hypothesis instead of atheris")
    parser.add_argument("--examples", type=int, default=2000, help="hypothesis: how many inputs")
    args, rest = parser.parse_known_args(argv)
    if args.hypothesis:
        _with_hypothesis(args.target, args.examples)
        return 0
    try:
        import atheris  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install atheris, or pass --hypothesis", file=sys.stderr)
        return 2
    _with_atheris(args.target, rest)
    return 0


def seed_corpus(folder: str) -> int:
    """Write a starting corpus for atheris: inputs that pick each seed unedited, and raw ones."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    count = len(seeds())
    for index, text in enumerate(seeds()):
        choice = index.to_bytes(2 if count > 255 else 1, "big")
        (out / f"seed-{index:03d}").write_bytes(b"\x00" + choice + b"\x00")
        (out / f"raw-{index:03d}").write_bytes(b"\x01" + text.encode("utf-8")[:20_000])
    return 2 * count


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--seed-corpus":
        print(f"{seed_corpus(sys.argv[2])} inputs written to {sys.argv[2]}")
        raise SystemExit(0)
    raise SystemExit(main())
