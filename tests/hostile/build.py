"""Build the hostile inputs of issue 13 into ``tests/hostile/inputs/`` (deterministically; a test checks them).

    .venv/bin/python -m tests.hostile.build          # rewrite the inputs
    .venv/bin/python -m tests.hostile.build --check  # exit 1 when a committed input differs from its builder

Each input is a small, self-contained case record (schema 1.0, bodies and groups in the document, so that
nothing depends on the shipped register) holding one kind of hostility. What each must produce is in
``expected.json``; inputs too big to keep (hundreds of thousands of problems) are built by :func:`generated`
when the test runs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
PUBLISHED = "2021-05-26"


def case(
    recommendations: list[dict[str, Any]],
    *,
    bodies: list[dict[str, Any]] | None = None,
    groups: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A minimal case record with these recommendations, bodies and groups."""
    doc: dict[str, Any] = {
        "kind": "case",
        "schemaVersion": "1.0",
        "id": "hostile",
        "complaint": {"title": "A hostile record", "complainants": ["complainant"]},
        "report": {"id": "report", "title": "The report", "published": PUBLISHED, "recommendations": recommendations},
        "bodies": [
            {"id": "complainant", "name": "The complainant", "kind": "designated-body"},
            {"id": "body-x", "name": "Body X", "kind": "other"},
            {"id": "body-y", "name": "Body Y", "kind": "other"},
            *(bodies or []),
        ],
    }
    if groups:
        doc["groups"] = groups
    doc.update(extra)
    return doc


def rec(n: int, addressees: list[str], *, deadline: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"r{n}", "addressees": addressees, "text": fields.pop("text", f"Recommendation {n}.")}
    out["label"] = fields.pop("label", str(n))
    if deadline is not None:
        out["deadline"] = deadline
    out.update(fields)
    return out


def period(amount: int | str, unit: str = "working-days") -> dict[str, Any]:
    return {"type": "period", "amount": amount, "unit": unit, "anchor": "report-published", "counting": "after"}


def text_of(doc: dict[str, Any], *, compact: bool = False) -> str:
    """ASCII JSON text (escapes show what is hidden); compact for deep nesting, which indentation would bloat."""
    if compact:
        return json.dumps(doc, ensure_ascii=True, separators=(",", ":")) + "\n"
    return json.dumps(doc, ensure_ascii=True, indent=1) + "\n"


def _with_raw_number(doc: dict[str, Any], marker: str, digits: str) -> str:
    """JSON text with raw JSON (a number too long for Python, deep nesting) put where ``marker`` (a string) stands."""
    return text_of(doc).replace(json.dumps(marker), digits)


# --------------------------------------------------------------------------------------------------
# The inputs
# --------------------------------------------------------------------------------------------------


def diamond_groups(depth: int = 30) -> str:
    """Item 1: groups nesting in a diamond: both groups of each level contain both of the next."""
    groups = [
        {"id": f"g{level}-{side}", "name": f"Level {level} {side}", "members": [f"g{level + 1}-a", f"g{level + 1}-b"]}
        for level in range(depth)
        for side in "ab"
    ]
    groups += [
        {"id": f"g{depth}-a", "name": "Bottom a", "members": ["body-x", "body-y"]},
        {"id": f"g{depth}-b", "name": "Bottom b", "members": ["body-y", "body-x"]},
    ]
    return text_of(case([rec(1, ["g0-a"], deadline=period(6, "months"))], groups=groups))


def group_chain(length: int = 1000) -> str:
    """Item 5: a chain of nested groups, each the only member of the one before."""
    groups = [{"id": f"g{i}", "name": f"Group {i}", "members": [f"g{i + 1}"]} for i in range(length - 1)]
    groups.append({"id": f"g{length - 1}", "name": "Last group", "members": ["body-x"]})
    return text_of(case([rec(1, ["g0"], deadline=period(6, "months"))], groups=groups), compact=True)


def big_integer_extension() -> str:
    """Item 2: an integer of 5,000 digits in extension data (a raw ValueError from int())."""
    doc = case([rec(1, ["body-x"])], extensions={"org.example": "BIG"})
    return _with_raw_number(doc, "BIG", "9" * 5000)


def big_integer_amount() -> str:
    """Item 2: a period of 4,301 digits of working days."""
    return _with_raw_number(case([rec(1, ["body-x"], deadline=period("BIG"))]), "BIG", "1" + "0" * 4300)


def integer_4300_digits() -> str:
    """Item 2, the limit itself: 4,300 digits read; the period ends long after the year 9999."""
    return _with_raw_number(case([rec(1, ["body-x"], deadline=period("BIG"))]), "BIG", "1" + "0" * 4299)


def csv_formulas() -> str:
    """Items 3 and 7: texts a spreadsheet would run, hidden behind a bare CR, spaces or invisible characters."""
    names = ["\r=1+1", " =1+1", "\u200b=1+1", "\ufeff@SUM(A1)", "\t-2+3", "\u00a0+4", "\u202e=cmd|' /C calc'!A0"]
    bodies = [{"id": f"evil-{i}", "name": name, "kind": "other"} for i, name in enumerate(names)]
    recs = [
        rec(i, [f"evil-{i}"], deadline=period(6, "months"), label=name, text=f'=HYPERLINK("http://x.example", "{i}")')
        for i, name in enumerate(names)
    ]
    return text_of(case(recs, bodies=bodies))


def period_2m_working_days() -> str:
    """Item 4: twenty periods of about two million working days each (1.6 s per deadline)."""
    return text_of(case([rec(i, ["body-x"], deadline=period(2_000_000 + i)) for i in range(20)]))


def period_beyond_9999() -> str:
    """Item 4: periods that end after the year 9999, in every unit."""
    amounts = [("working-days", 3_000_000), ("days", 3_000_000), ("days", 10**12), ("weeks", 10**9)]
    amounts += [("months", 10**6), ("years", 10**5), ("years", 10**30)]
    recs = [rec(i, ["body-x"], deadline=period(amount, unit)) for i, (unit, amount) in enumerate(amounts)]
    return text_of(case(recs))


def markdown_spaces() -> str:
    """Item 4: runs of 50,000 spaces in a label, a text and a body name (Markdown escaping took 27 s)."""
    spaces = " " * 50_000
    bodies = [{"id": "spacey", "name": f"Spacey{spaces}Body", "kind": "other"}]
    recs = [rec(1, ["spacey"], deadline=period(6, "months"), label=f"1{spaces}x", text=f"A{spaces}\n{spaces}B")]
    return text_of(case(recs, bodies=bodies))


def extension_depth(depth: int) -> Callable[[], str]:
    """Item 5: extension data nested ``depth`` deep, objects and arrays in turn (dumps raised RecursionError)."""

    def build() -> str:
        value = "1"  # built as text: json.dumps itself recurses, and would fail inside a deep test stack
        for level in range(depth - 1):
            value = f'{{"a":{value}}}' if level % 2 else f"[{value}]"
        return _with_raw_number(case([rec(1, ["body-x"])], extensions={"org.example": "DEEP"}), "DEEP", value)

    build.__doc__ = f"Item 5: extension data nested {depth} deep."
    return build


def surrogate_escaped() -> str:
    """Item 7: a lone surrogate, escaped, in a label (loads passed it, dump raised UnicodeEncodeError)."""
    return text_of(case([rec(1, ["body-x"], label="1\ud800")]))


def markdown_bare_cr() -> str:
    """Item 7: bare carriage returns that start a heading, a rule, a list and a code block in Markdown."""
    evil = "Innocent\r# INJECTED heading\r\r---\r* INJECTED item\r\r    INJECTED code\r```\rINJECTED fence"
    bodies = [{"id": "evil", "name": f"Evil{evil}", "kind": "other"}]
    recs = [rec(1, ["evil"], deadline=period(6, "months"), label=evil, text=evil)]
    return text_of(case(recs, bodies=bodies, complaint={"title": evil, "complainants": ["complainant"]}))


def terminal_escapes() -> str:
    """Item 7: names and labels that clear the screen, set the window title, ring the bell or reverse text."""
    evil = ["\x1b[2J\x1b[HCleared", "\x1b]0;owned\x07Titled", "\u202eReversed", "\x9b31mC1", "Bell\x07\x08\x7f"]
    bodies = [{"id": f"evil-{i}", "name": name, "kind": "other"} for i, name in enumerate(evil)]
    recs = [rec(i, [f"evil-{i}"], deadline=period(6, "months"), label=name) for i, name in enumerate(evil)]
    return text_of(case(recs, bodies=bodies))


def url_quotes() -> str:
    """Item 7: a URL holding a quote and angle brackets (the URL pattern accepted them)."""
    doc = case([rec(1, ["body-x"])])
    doc["report"]["citation"] = {"title": "The report", "url": 'https://example.org/a"b<script>'}
    return text_of(doc)


BUILDERS: dict[str, Callable[[], str]] = {
    "diamond-groups-30": diamond_groups,
    "group-chain-1000": group_chain,
    "big-integer-extension": big_integer_extension,
    "big-integer-amount": big_integer_amount,
    "integer-4300-digits": integer_4300_digits,
    "csv-formulas": csv_formulas,
    "period-2m-working-days": period_2m_working_days,
    "period-beyond-9999": period_beyond_9999,
    "markdown-50000-spaces": markdown_spaces,
    "extension-depth-150": extension_depth(150),
    "extension-depth-494": extension_depth(494),
    "extension-depth-975": extension_depth(975),
    "surrogate-escaped": surrogate_escaped,
    "markdown-bare-cr": markdown_bare_cr,
    "terminal-escapes": terminal_escapes,
    "url-quotes": url_quotes,
}


def many_problems(count: int) -> str:
    """Item 4: a response document with ``count`` problems (500,000 took 457 s in CLI validate)."""
    items = [{"item": "a1", "position": "accepted", "unknownKey": i} for i in range(count)]
    response: dict[str, Any] = {"id": "r", "responder": "x", "items": items}
    doc = {"kind": "response", "schemaVersion": "1.0", "case": "hostile", "response": response}
    return json.dumps(doc, indent=2) + "\n"


def generated(name: str) -> str:
    """The text of a generated input named in ``expected.json`` (``many-problems-N``)."""
    if name.startswith("many-problems-"):
        return many_problems(int(name.rsplit("-", 1)[1]))
    raise KeyError(name)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    INPUTS.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        path = INPUTS / f"{name}.json"
        text = build()
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale: " + ", ".join(stale) + " (run python -m tests.hostile.build)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
