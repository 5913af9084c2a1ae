"""HTML that public bodies may publish: WCAG 2.2 AA contrast, a phone's width and paper (issue 12, item 5).

The contrast test reads the CSS of the rendered pages (both views, both examples), works out which colour
every piece of text and every border has, on which background, by a small cascade over the page's own
elements (on a screen 1200 px wide, on one 390 px wide, and on paper; for links also when visited, hovered,
focused and active), and computes the WCAG 2.x contrast ratio of each pair:

- text: at least 4.5:1, or 3:1 for large text (24 px and over, or 18.66 px and over in bold);
- borders and outlines (the lines of the tables, the bars beside responses, the blanks of a draft, focus
  rings): at least 3:1 against what surrounds them.

Rules that match nothing in these pages are checked too, against every background text can sit on, so a
light-grey colour added for some rare case fails as well. The reader knows the CSS the pages use and no more:
a selector, unit or colour notation it cannot read fails the test with a message, rather than being skipped.

Where Chromium is installed, a second test lays the pages out in it at 390 px and 1200 px and checks what
the browser itself computes: no horizontal scrolling, no element past the right edge, nothing cut off, and the
contrast of every text node. It is skipped where there is no Chromium (CI does not need one).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import model as m

from .conftest import EXAMPLES, HESTIA, ROOT
from .test_rendering import contrast

ILLUSTRATIVE = EXAMPLES / "illustrative-vaw" / "case.json"
AS_OF = dt.date(2022, 8, 1)

TEXT = 4.5
LARGE_TEXT = 3.0
NON_TEXT = 3.0


def _case(path: Path) -> m.CaseRecord:
    doc = sc.load(path)
    assert isinstance(doc, m.CaseRecord)
    return doc


PAGES = (
    "hestia-tracker",
    "hestia-board-paper-cambridgeshire",
    "illustrative-tracker",
    "illustrative-board-paper-hampshire",
    "illustrative-board-paper-kent",
    "illustrative-board-paper-apcc",
    "illustrative-board-paper-home-office-draft",
    "long-words-board-paper",
    "long-words-tracker",
)


def _long_words(case: m.CaseRecord) -> m.CaseRecord:
    """The illustrative case with an address, a title and a label far wider than a phone."""
    assert case.report is not None
    rec = case.report.recommendations[2]
    assert rec.provenance is not None
    assert rec.provenance.source is not None
    source = attrs.evolve(
        rec.provenance.source,
        title="Stalking" + "x" * 70 + " action plan",
        url=m.Url("https://www.example.org/" + "x" * 120 + ".pdf"),
    )
    rec = attrs.evolve(rec, provenance=attrs.evolve(rec.provenance, source=source), label="3" + "x" * 50)
    recs = list(case.report.recommendations)
    recs[2] = rec
    return attrs.evolve(case, report=attrs.evolve(case.report, recommendations=tuple(recs)))


@cache
def pages() -> dict[str, str]:
    """Both views of both examples; board papers that answer, that collate a group's answer, and a draft."""
    hestia, vaw = _case(HESTIA / "case.json"), _case(ILLUSTRATIVE)
    made: dict[str, Callable[[], str]] = {
        "hestia-tracker": lambda: sc.render_tracker(hestia, as_of=dt.date(2021, 12, 1), to="html"),
        "hestia-board-paper-cambridgeshire": lambda: sc.render_board_paper(
            hestia, responder="force-cambridgeshire", to="html"
        ),
        "illustrative-tracker": lambda: sc.render_tracker(vaw, as_of=AS_OF, to="html"),
        "illustrative-board-paper-hampshire": lambda: sc.render_board_paper(
            vaw, responder="force-hampshire", to="html"
        ),
        "illustrative-board-paper-kent": lambda: sc.render_board_paper(
            vaw, responder="force-kent", to="html", as_of=AS_OF
        ),
        "illustrative-board-paper-apcc": lambda: sc.render_board_paper(vaw, responder="apcc", to="html"),
        "illustrative-board-paper-home-office-draft": lambda: sc.render_board_paper(
            vaw, responder="home-office", to="html", as_of=AS_OF
        ),
        "long-words-board-paper": lambda: sc.render_board_paper(
            _long_words(vaw), responder="force-hampshire", to="html"
        ),
        "long-words-tracker": lambda: sc.render_tracker(_long_words(vaw), as_of=AS_OF, to="html"),
    }
    assert tuple(made) == PAGES
    return {name: make() for name, make in made.items()}


# --------------------------------------------------------------------------------------------------
# The page: a small element tree (the renderings are well-formed, every element closed)
# --------------------------------------------------------------------------------------------------

_VOID = {"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source", "area", "base", "embed", "track"}
_UNSEEN = {"head", "style", "script", "title", "template"}


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    text: str = ""  # the element's own text: its text nodes, not its children's
    signature: int = -1  # the same for elements every selector treats alike (see parse_html)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def describe(self) -> str:
        path: list[str] = []
        node: Node | None = self
        while node is not None and node.tag not in ("body", "#document") and len(path) < 4:
            path.append(node.tag + "".join(f".{c}" for c in sorted(node.classes)))
            node = node.parent
        return " > ".join(reversed(path))


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.text += data


# Attributes whose values vary from row to row and which no selector tests the value of (only content: attr()
# reads them, and only whether they are empty matters there).
_FREE_TEXT = frozenset({"title", "data-label"})


def parse_html(page: str) -> Node:
    """The page as a tree; elements the selectors cannot tell apart (same ancestors' signatures, tag,
    attributes, emptiness, place among siblings) share a signature, so a 300-row table is styled once."""
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> never closed"
    interned: dict[tuple[object, ...], int] = {}
    for node in builder.root.walk():
        siblings = node.parent.children if node.parent else [node]
        shape = (
            node.parent.signature if node.parent else -1,
            node.tag,
            tuple(sorted((k, bool(v) if k in _FREE_TEXT else v) for k, v in node.attrs.items())),
            bool(node.text),
            bool(node.text.strip()),
            bool(node.children),
            siblings[0] is node,
            siblings[-1] is node,
        )
        node.signature = interned.setdefault(shape, len(interned))
    return builder.root


def stylesheet(page: str) -> str:
    found: list[str] = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(found) == 1, "one <style> element per page"
    return found[0]


# --------------------------------------------------------------------------------------------------
# The stylesheet
# --------------------------------------------------------------------------------------------------

_STATES = frozenset({"link", "visited", "hover", "focus", "focus-visible", "active"})
_STRUCTURE = frozenset({"empty", "first-child", "last-child", "root"})
_PSEUDO_ELEMENTS = frozenset({"before", "after"})


@dataclass(frozen=True)
class Compound:
    tag: str | None
    classes: frozenset[str]
    ids: frozenset[str]
    attrs: tuple[tuple[str, str, str], ...]  # (name, operator or "", value)
    pseudo_classes: frozenset[str]


@dataclass(frozen=True)
class Selector:
    text: str
    steps: tuple[tuple[str, Compound], ...]  # (combinator before it: "" first, " " or ">"), left to right
    pseudo_element: str | None
    specificity: tuple[int, int, int]


@dataclass(frozen=True)
class Declaration:
    prop: str
    value: str
    important: bool


@dataclass(frozen=True)
class Rule:
    selector: Selector
    declarations: tuple[Declaration, ...]
    media: str  # "" for rules outside any @media
    order: int

    def get(self, prop: str) -> str | None:
        found = [d.value for d in self.declarations if d.prop == prop]
        return found[-1] if found else None


_SELECTOR_TOKEN = re.compile(
    r"""\s*(?P<child>>)\s*|(?P<space>\s+)|(?P<tag>\*|[a-zA-Z][a-zA-Z0-9-]*)|\.(?P<cls>[\w-]+)|\#(?P<id>[\w-]+)"""
    r"""|\[\s*(?P<attr>[\w-]+)\s*(?:(?P<op>[\^$*~|]?=)\s*(?P<q>["']?)(?P<val>[^"'\]]*)(?P=q)\s*)?\]"""
    r"""|::(?P<element>[\w-]+)|:(?P<pclass>[\w-]+)"""
)


def parse_selector(text: str) -> Selector:
    steps: list[tuple[str, Compound]] = []
    combinator, pseudo_element = "", None
    tag: str | None = None
    classes: set[str] = set()
    ids: set[str] = set()
    attrs: list[tuple[str, str, str]] = []
    pclasses: set[str] = set()
    started = False

    def close() -> None:
        nonlocal tag, started
        if started:
            steps.append(
                (combinator, Compound(tag, frozenset(classes), frozenset(ids), tuple(attrs), frozenset(pclasses)))
            )
        tag, started = None, False
        classes.clear()
        ids.clear()
        attrs.clear()
        pclasses.clear()

    position, source = 0, text.strip()
    while position < len(source):
        token = _SELECTOR_TOKEN.match(source, position)
        assert token is not None, f"tests/test_html.py cannot read the selector {text!r}"
        assert token.end() > position, f"tests/test_html.py cannot read the selector {text!r}"
        position = token.end()
        if token.group("child") is not None or token.group("space") is not None:
            close()
            combinator = ">" if token.group("child") is not None else " "
            continue
        assert pseudo_element is None, f"{text!r}: nothing may follow a pseudo-element"
        started = True
        if token.group("tag") is not None:
            tag = None if token.group("tag") == "*" else token.group("tag").lower()
        elif token.group("cls") is not None:
            classes.add(token.group("cls"))
        elif token.group("id") is not None:
            ids.add(token.group("id"))
        elif token.group("attr") is not None:
            name, op = token.group("attr"), token.group("op") or ""
            assert not (op and name in _FREE_TEXT), f"{text!r}: tests/test_html.py styles [{name}] by presence only"
            attrs.append((name, op, token.group("val") or ""))
        elif token.group("element") is not None:
            pseudo_element = token.group("element")
            assert pseudo_element in _PSEUDO_ELEMENTS, f"{text!r}: teach tests/test_html.py ::{pseudo_element}"
        else:
            name = token.group("pclass")
            if name in ("before", "after"):  # the old one-colon spelling of the pseudo-elements
                pseudo_element = name
            else:
                assert name in _STATES | _STRUCTURE, f"{text!r}: teach tests/test_html.py :{name}"
                pclasses.add(name)
    close()
    assert steps, f"empty selector {text!r}"
    a = sum(len(c.ids) for _, c in steps)
    b = sum(len(c.classes) + len(c.attrs) + len(c.pseudo_classes) for _, c in steps)
    c = sum(1 for _, s in steps if s.tag is not None) + (1 if pseudo_element else 0)
    return Selector(text.strip(), tuple(steps), pseudo_element, (a, b, c))


def _split(value: str, separator: str) -> list[str]:
    """Split at a separator outside quotes and brackets."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(value):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == separator and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def _declarations(block: str) -> tuple[Declaration, ...]:
    found = []
    for item in _split(block, ";"):
        prop, colon, value = item.partition(":")
        assert colon, f"cannot read the declaration {item!r}"
        important = bool(re.search(r"!\s*important\s*$", value))
        value = re.sub(r"!\s*important\s*$", "", value).strip()
        found.extend(_longhands(prop.strip().lower(), value, important))
    return tuple(found)


def _matching_brace(css: str, start: int) -> int:
    depth = 0
    for i in range(start, len(css)):
        if css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise AssertionError("unbalanced braces in the stylesheet")


def parse_css(css: str) -> list[Rule]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: list[Rule] = []

    def read(text: str, media: str) -> None:
        position = 0
        while True:
            brace = text.find("{", position)
            if brace < 0:
                assert not text[position:].strip(), f"stray text in the stylesheet: {text[position:]!r}"
                return
            prelude, end = text[position:brace].strip(), _matching_brace(text, brace)
            body, position = text[brace + 1 : end], end + 1
            if prelude.startswith("@media"):
                assert not media, "nested @media"
                read(body, prelude.removeprefix("@media").strip())
            elif prelude.startswith("@page"):
                assert not any(d.prop in _COLOURED for d in _declarations(body)), "@page paints no colour"
            else:
                assert not prelude.startswith("@"), f"teach tests/test_html.py {prelude}"
                declarations = _declarations(body)
                for selector in _split(prelude, ","):
                    rules.append(Rule(parse_selector(selector), declarations, media, len(rules)))

    read(css, "")
    return rules


# --------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------

Colour = str  # "#rrggbb", lower case

_NAMED = {"black": "#000000", "white": "#ffffff"}
_SIDES = ("top", "right", "bottom", "left")
_LINE_STYLES = {"none", "hidden", "solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"}
# Every property that can paint a colour; a colour anywhere else is a colour this test does not check.
_COLOURED = (
    {"color", "background-color", "outline-color"}
    | {f"border-{s}-color" for s in _SIDES}
    | {"background", "border", "border-color", "outline"}
    | {f"border-{s}" for s in _SIDES}
)


def colour(value: str) -> Colour | None:
    """A colour as #rrggbb; None for transparent. Only notations this test can compare are accepted."""
    value = value.strip().lower()
    if value == "transparent":
        return None
    value = _NAMED.get(value, value)
    found = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value)
    assert found, f"write colours as #rrggbb so that tests/test_html.py can check them, not {value!r}"
    digits = found.group(1)
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def _is_colour(token: str) -> bool:
    return token.lower() in _NAMED or token.lower() in ("transparent", "currentcolor") or token.startswith("#")


def _length(value: str, font_size: float = 16.0) -> float:
    """A length in px (for border widths and font sizes)."""
    value = value.strip().lower()
    keywords = {"thin": 1.0, "medium": 3.0, "thick": 5.0}
    if value in keywords:
        return keywords[value]
    found = re.fullmatch(r"(-?[\d.]+)(px|pt|rem|em|%)?", value)
    assert found, f"teach tests/test_html.py the length {value!r}"
    number, unit = float(found.group(1)), found.group(2) or "px"
    assert unit != "px" or found.group(2) or number == 0, f"a length needs a unit: {value!r}"
    return {"px": 1.0, "pt": 96 / 72, "rem": 16.0, "em": font_size, "%": font_size / 100}[unit] * number


def _longhands(prop: str, value: str, important: bool) -> list[Declaration]:
    """Shorthands that carry a colour, as the longhands the cascade works with."""

    def d(p: str, v: str) -> Declaration:
        return Declaration(p, v, important)

    lowered = value.lower()
    if prop == "background":
        assert not re.search(r"url\(|gradient\(", lowered), "backgrounds are plain colours here"
        colours = [t for t in value.split() if _is_colour(t)]
        assert len(colours) <= 1, f"background: {value}"
        assert colours or lowered in ("none", "inherit"), f"background: {value}"
        return [
            d("background-color", colours[0] if colours else ("inherit" if lowered == "inherit" else "transparent"))
        ]
    if prop in ("border", "outline") or prop in {f"border-{s}" for s in _SIDES}:
        width, style, paint = "medium", "none", "currentcolor"
        for token in value.split():
            if token.lower() in _LINE_STYLES:
                style = token.lower()
            elif _is_colour(token):
                paint = token
            else:
                width = token
        if lowered in ("0", "none"):
            width, style = "0", "none"
        sides = ["outline"] if prop == "outline" else [prop] if prop != "border" else [f"border-{s}" for s in _SIDES]
        return [
            d(f"{side}-{part}", v)
            for side in sides
            for part, v in (("width", width), ("style", style), ("color", paint))
        ]
    if prop in ("border-color", "border-style", "border-width"):
        assert len(value.split()) == 1, f"{prop}: give one value (tests/test_html.py does not expand four)"
        part = prop.removeprefix("border-")
        return [d(f"border-{s}-{part}", value) for s in _SIDES]
    if prop == "font":
        raise AssertionError("write font-size and font-weight apart, so tests/test_html.py can size the text")
    if prop not in _COLOURED and re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|oklch\(|color\(", value):
        raise AssertionError(f"{prop}: {value} paints a colour that tests/test_html.py does not check")
    return [d(prop, value)]


# --------------------------------------------------------------------------------------------------
# Media: where the page is read
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Medium:
    name: str
    kind: str  # "screen" or "print"
    width: float  # px


MEDIA = (
    Medium("screen 1200 px", "screen", 1200),
    Medium("screen 390 px", "screen", 390),
    Medium("print", "print", 718),
)


def applies(query: str, medium: Medium) -> bool:
    if not query:
        return True
    for alternative in _split(query, ","):
        words = alternative.lower().split()
        ok, i = True, 0
        while i < len(words):
            word = words[i]
            if word in ("screen", "print", "all"):
                ok = ok and word in ("all", medium.kind)
            elif word in ("only", "and"):
                pass
            elif word.startswith("("):
                feature = word
                while not feature.endswith(")"):
                    i += 1
                    feature += words[i]
                name, _, size = feature.strip("()").partition(":")
                assert name in ("max-width", "min-width"), f"teach tests/test_html.py @media ({name})"
                limit = _length(size)
                ok = ok and (medium.width <= limit if name == "max-width" else medium.width >= limit)
            else:
                raise AssertionError(f"teach tests/test_html.py @media {alternative}")
            i += 1
        if ok:
            return True
    return False


# --------------------------------------------------------------------------------------------------
# The cascade
# --------------------------------------------------------------------------------------------------

# The states a reader can put an element in, one at a time; :link and :visited are each tried.
STATES: tuple[frozenset[str], ...] = tuple(
    base | extra
    for extra in (frozenset(), frozenset({"visited"}))
    for base in (
        frozenset(),
        frozenset({"hover"}),
        frozenset({"focus", "focus-visible"}),
        frozenset({"active", "hover", "focus", "focus-visible"}),
    )
)

_UA_BOLD = {"th", "b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}
_UA_SIZE = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h5": 0.83, "h6": 0.67, "small": 0.83}
_UA_LINK, _UA_VISITED = "#0000ee", "#551a8b"


def _focusable(node: Node) -> bool:
    return (node.tag == "a" and "href" in node.attrs) or "tabindex" in node.attrs


def _compound_matches(compound: Compound, node: Node, state: frozenset[str]) -> bool:
    if compound.tag is not None and node.tag != compound.tag:
        return False
    if not compound.classes <= node.classes or not compound.ids <= {node.attrs.get("id", "")}:
        return False
    for name, op, value in compound.attrs:
        if name not in node.attrs:
            return False
        have = node.attrs[name]
        if not {
            "": True,
            "=": have == value,
            "^=": have.startswith(value),
            "$=": have.endswith(value),
            "*=": value in have,
            "~=": value in have.split(),
            "|=": have == value or have.startswith(value + "-"),
        }[op]:
            return False
    link = node.tag in ("a", "area") and "href" in node.attrs
    siblings = node.parent.children if node.parent else [node]
    for pc in compound.pseudo_classes:
        if not {
            "link": link and "visited" not in state,
            "visited": link and "visited" in state,
            "hover": "hover" in state,
            "focus": "focus" in state and _focusable(node),
            "focus-visible": "focus-visible" in state and _focusable(node),
            "active": "active" in state and _focusable(node),
            "empty": not node.children and not node.text,
            "first-child": siblings[0] is node,
            "last-child": siblings[-1] is node,
            "root": node.tag == "html",
        }[pc]:
            return False
    return True


def matches(selector: Selector, node: Node, state: frozenset[str]) -> bool:
    def at(step: int, candidate: Node | None) -> bool:
        if candidate is None or not _compound_matches(selector.steps[step][1], candidate, state):
            return False
        if step == 0:
            return True
        combinator = selector.steps[step][0]
        if combinator == ">":
            return at(step - 1, candidate.parent)
        ancestor = candidate.parent
        while ancestor is not None:
            if at(step - 1, ancestor):
                return True
            ancestor = ancestor.parent
        return False

    return at(len(selector.steps) - 1, node)


@dataclass(frozen=True)
class Style:
    color: Colour
    background: Colour | None  # the element's own, None where it paints none
    font_size: float
    font_weight: int
    hidden: bool
    content: str | None  # pseudo-elements only
    lines: tuple[tuple[str, Colour], ...]  # (which line: "border-left", "outline", ...) drawn, and its colour


_CANVAS = Style("#000000", "#ffffff", 16.0, 400, False, None, ())


class Cascade:
    """Computed styles of a page's elements in one medium."""

    def __init__(self, rules: list[Rule], medium: Medium) -> None:
        self.rules = [r for r in rules if applies(r.media, medium)]
        self.medium = medium
        self._memo: dict[tuple[int, str | None, frozenset[str]], Style] = {}
        self._declared: dict[tuple[int, str | None, frozenset[str]], dict[str, str]] = {}

    def style(self, node: Node, state: frozenset[str], pseudo: str | None = None) -> Style:
        key = (node.signature, pseudo, state)
        if key not in self._memo:
            self._memo[key] = self._compute(node, state, pseudo)
        return self._memo[key]

    def declared(self, node: Node, state: frozenset[str] = frozenset(), pseudo: str | None = None) -> dict[str, str]:
        """The value of every property the stylesheet sets on the element: the cascade's winners."""
        key = (node.signature, pseudo, state)
        if key not in self._declared:
            self._declared[key] = self._winners(node, state, pseudo)
        return self._declared[key]

    def _winners(self, node: Node, state: frozenset[str], pseudo: str | None) -> dict[str, str]:
        won: dict[str, tuple[tuple[bool, tuple[int, int, int], int], str]] = {}
        for rule in self.rules:
            if rule.selector.pseudo_element != pseudo or not matches(rule.selector, node, state):
                continue
            for d in rule.declarations:
                rank = (d.important, rule.selector.specificity, rule.order)
                if d.prop not in won or rank >= won[d.prop][0]:
                    won[d.prop] = (rank, d.value)
        return {prop: v for prop, (_, v) in won.items()}

    def _compute(self, node: Node, state: frozenset[str], pseudo: str | None) -> Style:
        if pseudo is not None:
            parent = self.style(node, state)
        elif node.parent is None or node.parent.tag == "#document":
            parent = _CANVAS
        else:
            parent = self.style(node.parent, state)
        value = self.declared(node, state, pseudo)

        def paint(v: str, current: Colour) -> Colour:
            if v.lower() in ("inherit", "currentcolor"):
                return current
            found = colour(v)
            assert found is not None, f"transparent text or lines in {node.describe()}"
            return found

        if "color" in value:
            text = paint(value["color"], parent.color)
        elif pseudo is None and node.tag == "a" and "href" in node.attrs:  # the browser's own link colours
            text = _UA_VISITED if "visited" in state else _UA_LINK
        else:
            text = parent.color
        back_value = value.get("background-color", "transparent")
        background = parent.background if back_value.lower() == "inherit" else colour(back_value)
        size_value = value.get("font-size")
        if size_value is None:
            size = parent.font_size * (_UA_SIZE.get(node.tag, 1.0) if pseudo is None else 1.0)
        elif size_value == "inherit":
            size = parent.font_size
        else:
            size = _length(size_value, parent.font_size)
        weight_value = value.get("font-weight", "700" if pseudo is None and node.tag in _UA_BOLD else "inherit")
        weight = {
            "inherit": parent.font_weight,
            "normal": 400,
            "bold": 700,
            "bolder": max(700, parent.font_weight),
        }.get(weight_value)
        if weight is None:
            assert weight_value.isdigit(), f"teach tests/test_html.py font-weight: {weight_value}"
            weight = int(weight_value)
        display, visibility = value.get("display", ""), value.get("visibility", "")
        hidden = parent.hidden or display == "none" or visibility == "hidden"
        lines = []
        for line in [f"border-{s}" for s in _SIDES] + ["outline"]:
            style_of = value.get(f"{line}-style", "none").lower()
            width = _length(value.get(f"{line}-width", "medium"), size)
            if style_of not in ("none", "hidden") and width > 0:
                lines.append((line, paint(value.get(f"{line}-color", "currentcolor"), text)))
        return Style(text, background, size, weight, hidden, value.get("content"), tuple(lines))

    def backdrop(self, node: Node | None, state: frozenset[str]) -> Colour:
        """The colour behind an element: its own background, or the nearest one painted under it."""
        while node is not None and node.tag != "#document":
            own = self.style(node, state).background
            if own is not None:
                return own
            node = node.parent
        background = _CANVAS.background
        assert background is not None
        return background


# --------------------------------------------------------------------------------------------------
# The pairs
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    foreground: Colour
    background: Colour
    required: float
    what: str  # where the pair occurs, as a person reads it

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)


def large(style: Style) -> bool:
    return style.font_size >= 24 or (style.font_size >= 18.66 and style.font_weight >= 700)


def _content_shows_text(content: str | None, node: Node) -> bool:
    if content is None or content.strip() in ("none", "normal", ""):
        return False
    shown = _split(content, "/")[0]  # what follows "/" is the alternative text for assistive technology
    for token in re.findall(r'"[^"]*"|\'[^\']*\'|attr\([^)]*\)|\S+', shown):
        if token[0] in "\"'":
            if token[1:-1].strip():
                return True
        elif token.startswith("attr("):
            if node.attrs.get(token[5:-1].strip(), "").strip():
                return True
        else:
            raise AssertionError(f"teach tests/test_html.py content: {token}")
    return False


def _states_for(node: Node, sensitive: list[Rule]) -> tuple[frozenset[str], ...]:
    """Every state if some rule about states could reach the element (or an ancestor, whose colour it takes)."""
    every = frozenset(_STATES)
    chain: list[Node] = []
    ancestor: Node | None = node
    while ancestor is not None:
        chain.append(ancestor)
        ancestor = ancestor.parent
    for rule in sensitive:
        without_visited = every - {"visited"}
        if any(matches(rule.selector, n, every) or matches(rule.selector, n, without_visited) for n in chain):
            return STATES
    return (frozenset(),)


def page_pairs(page: str, medium: Medium) -> tuple[list[Pair], set[Colour]]:
    """The text and line pairs of a page's elements in a medium, and every background an element with
    children paints (the surfaces other text can land on)."""
    rules = parse_css(stylesheet(page))
    cascade = Cascade(rules, medium)
    sensitive = [r for r in cascade.rules if any(c.pseudo_classes & _STATES for _, c in r.selector.steps)]
    root = parse_html(page)
    pairs: list[Pair] = []
    surfaces = {cascade.backdrop(None, frozenset())}
    seen: set[int] = set()

    def visit(node: Node) -> None:
        if node.tag in _UNSEEN:
            return
        for child in node.children:
            visit(child)
        if node.tag == "#document" or node.signature in seen:
            return
        seen.add(node.signature)
        for state in _states_for(node, sensitive):
            style = cascade.style(node, state)
            if style.hidden:
                continue
            behind = cascade.backdrop(node, state)
            outside = cascade.backdrop(node.parent, state)
            where = f"{node.describe()} ({medium.name}{', :' + ' :'.join(sorted(state)) if state else ''})"
            if node.text.strip():
                pairs.append(Pair(style.color, behind, LARGE_TEXT if large(style) else TEXT, where))
            if any(child.tag not in _UNSEEN for child in node.children):
                surfaces.add(behind)
            for line, paint in style.lines:
                pairs.append(Pair(paint, outside, NON_TEXT, f"{line} of {where}"))
            for pseudo in _PSEUDO_ELEMENTS:
                generated = cascade.style(node, state, pseudo)
                if generated.hidden or not _content_shows_text(generated.content, node):
                    continue
                under = generated.background or behind
                required = LARGE_TEXT if large(generated) else TEXT
                pairs.append(Pair(generated.color, under, required, f"{node.describe()}::{pseudo} ({medium.name})"))
                for line, paint in generated.lines:
                    pairs.append(Pair(paint, behind, NON_TEXT, f"{line} of {node.describe()}::{pseudo}"))

    visit(root)
    return pairs, surfaces


def rule_pairs(rules: list[Rule], medium: Medium, surfaces: set[Colour]) -> Iterator[Pair]:
    """Every rule on its own: its text colour on its own background, or on every surface text can sit on;
    its background under the page's text colour; its lines against every surface. Catches a colour no
    rendering uses yet."""
    cascade = Cascade(rules, medium)
    body = [r for r in cascade.rules if r.selector.text in ("body", "html")]
    page_text = [c for r in body if (v := r.get("color")) and (c := colour(v))] or [_CANVAS.color]
    for rule in cascade.rules:
        where = f"the rule {rule.selector.text!r}{' in @media ' + rule.media if rule.media else ''} ({medium.name})"
        text_value, back_value = rule.get("color"), rule.get("background-color")
        text = colour(text_value) if text_value and text_value.lower() not in ("inherit", "currentcolor") else None
        back = colour(back_value) if back_value and back_value.lower() != "inherit" else None
        if text is not None:
            for under in [back] if back is not None else sorted(surfaces):
                yield Pair(text, under, TEXT, where)
        elif back is not None:
            for over in page_text:
                yield Pair(over, back, TEXT, where)
        for d in rule.declarations:
            if d.prop.endswith("-color") and d.prop != "background-color":
                line = colour(d.value) if d.value.lower() not in ("inherit", "currentcolor") else text
                if line is not None:
                    for under in sorted(surfaces):
                        yield Pair(line, under, NON_TEXT, f"{d.prop} of {where}")


def all_pairs(shown: dict[str, str]) -> list[Pair]:
    found: list[Pair] = []
    for name, page in shown.items():
        rules = parse_css(stylesheet(page))
        for medium in MEDIA:
            pairs, surfaces = page_pairs(page, medium)
            found.extend(attrs_named(pairs, name))
            found.extend(attrs_named(rule_pairs(rules, medium, surfaces), name))
    return found


def attrs_named(pairs: Iterator[Pair] | list[Pair], page: str) -> list[Pair]:
    return [Pair(p.foreground, p.background, p.required, f"{page}: {p.what}") for p in pairs]


def too_low(pairs: list[Pair]) -> list[str]:
    low = {
        f"{p.ratio:.2f}:1 < {p.required}:1: {p.foreground} on {p.background}, {p.what}"
        for p in pairs
        if p.ratio < p.required
    }
    return sorted(low)


# --------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return all_pairs(pages())


def test_every_pair_meets_wcag_aa(pairs: list[Pair]) -> None:
    assert too_low(pairs) == []


def test_the_pairs_cover_text_badges_links_and_paper(pairs: list[Pair]) -> None:
    """The cascade found what the pages show: not an empty list that passes by saying nothing."""
    text = {p.what.split(": ", 1)[1] for p in pairs if p.required == TEXT}
    assert any("span.overdue.state (screen 1200 px)" in w for w in text)
    assert any("span.flag.lapsed" in w for w in text)
    assert any("th (screen" in w for w in text)
    assert any("> a (" in w and ":visited" in w for w in text)
    assert any("> a (" in w and ":focus" in w for w in text)
    assert any("p.note" in w for w in text)
    assert any("td::before (screen 390 px)" in w for w in text)
    assert any("(print" in w for w in text)
    lines = {p.what for p in pairs if p.required == NON_TEXT}
    assert any("border-left of" in w and "div.own.response" in w for w in lines)
    assert any("outline of" in w and ":focus" in w for w in lines)
    on_paper = [p for p in pairs if "(print" in p.what and p.required == TEXT and "the rule" not in p.what]
    printed = {(p.foreground, p.background) for p in on_paper}
    assert printed == {("#000000", "#ffffff")}, "on paper everything is black on white"


def test_minimum_ratios(pairs: list[Pair]) -> None:
    """The measured minimum (shown with -s); fails only if it drops below the thresholds."""
    text = min(p.ratio for p in pairs if p.required == TEXT)
    lines = min(p.ratio for p in pairs if p.required == NON_TEXT)
    print(f"lowest text contrast {text:.2f}:1, lowest line contrast {lines:.2f}:1 over {len(pairs)} pairs")
    assert text >= TEXT
    assert lines >= NON_TEXT


@pytest.mark.parametrize(
    "rule",
    [
        ".note { color: #aaaaaa; }",  # a light grey on text the pages show
        ".something-new { color: #999; }",  # a light grey no page uses yet
        ".state.overdue { background: #f3a79a; }",  # white on a paler red
        "td { border-bottom: 1px solid #dddddd; }",  # a line that can hardly be seen
        "@media print { .note { color: #777777 !important; } }",  # grey on paper
        "@media screen and (max-width: 40rem) { table.stack td::before { color: #a0a0a0; } }",
    ],
)
def test_a_pale_colour_fails(rule: str) -> None:
    page = pages()["illustrative-board-paper-hampshire"]
    if ".state" in rule or "td" in rule:
        page = pages()["illustrative-tracker"]
    page = page.replace("</style>", rule + "\n</style>")
    assert too_low(all_pairs({"changed": page})) != []


@pytest.mark.parametrize(
    "rule",
    [".note { color: lightgrey; }", ".note { color: rgba(0, 0, 0, .4); }", ".x { box-shadow: 0 0 2px #ccc; }"],
)
def test_a_colour_the_test_cannot_read_fails(rule: str) -> None:
    page = pages()["illustrative-board-paper-hampshire"].replace("</style>", rule + "\n</style>")
    with pytest.raises(AssertionError, match="colour"):
        all_pairs({"changed": page})


def test_large_text_is_as_wcag_defines_it() -> None:
    def s(size: float, weight: int) -> Style:
        return Style("#000000", None, size, weight, False, None, ())

    assert large(s(24, 400))
    assert large(s(18.66, 700))
    assert not large(s(23.9, 400))
    assert not large(s(18.66, 600))  # semibold is not bold
    assert not large(s(18, 700))


def test_the_cascade_reads_the_stylesheet_as_a_browser_does() -> None:
    page = (
        "<html><head><style>body { color: #111111; background: #ffffff; } p a { color: #222222; }"
        " a:visited { color: #333333; } .x { color: #444444 !important; } #y.x { color: #555555; }"
        " @media print { p { color: #000000; } } h1 { font-size: 1.5rem; }</style></head>"
        '<body><p>t <a href="h">l</a></p><p class="x" id="y">x</p><h1>h</h1></body></html>'
    )
    rules = parse_css(stylesheet(page))
    root = parse_html(page)
    body = root.children[0].children[1]
    p, second, h1 = body.children
    link = p.children[0]
    screen = Cascade(rules, MEDIA[0])
    paper = Cascade(rules, MEDIA[2])
    assert screen.style(p, frozenset()).color == "#111111"
    assert paper.style(p, frozenset()).color == "#000000"
    assert screen.style(link, frozenset()).color == "#222222"  # (0,0,2) beats (0,1,1) for an unvisited link
    assert screen.style(link, frozenset({"visited"})).color == "#333333"  # (0,1,1) beats (0,0,2) when visited
    assert screen.style(second, frozenset()).color == "#444444"  # !important beats an id
    assert screen.style(h1, frozenset()).font_weight == 700
    assert screen.style(h1, frozenset()).font_size == 24
    assert screen.backdrop(link, frozenset()) == "#ffffff"


def test_column_widths_reach_their_columns() -> None:
    """A rule meant for a badge (.state) once matched <col class="state"> too and made it inline-block, so
    the tracker's columns took the widths meant for their neighbours."""
    page = pages()["illustrative-tracker"]
    rules = parse_css(stylesheet(page))
    columns = [n for n in parse_html(page).walk() if n.tag == "col"]
    assert columns
    for medium in MEDIA:
        cascade = Cascade(rules, medium)
        for column in columns:
            declared = cascade.declared(column)
            assert "display" not in declared, f"{column.describe()} ({medium.name})"
            assert declared.get("width", "").endswith("%"), f"{column.describe()} has no width"


# --------------------------------------------------------------------------------------------------
# Paper
# --------------------------------------------------------------------------------------------------

PRINT = MEDIA[2]


def _elements(root: Node, tag: str) -> list[Node]:
    return [n for n in root.walk() if n.tag == tag]


@pytest.mark.parametrize("name", PAGES)
def test_paper_keeps_rows_and_headings_whole_and_repeats_table_headers(name: str) -> None:
    page = pages()[name]
    root = parse_html(page)
    paper = Cascade(parse_css(stylesheet(page)), PRINT)
    assert paper.declared(_elements(root, "body")[0]).get("background-color") == "#fff"
    for tag in ("h1", "h2", "h3"):
        for heading in _elements(root, tag):
            assert paper.declared(heading).get("break-after") == "avoid", f"a {tag} may end a page"
    for row in _elements(root, "tr"):
        assert paper.declared(row).get("break-inside") == "avoid", "a row may be split across two pages"
    for head in _elements(root, "thead"):
        assert paper.declared(head).get("display") == "table-header-group", "a table's header is not repeated"
    for node in root.walk():
        assert paper.declared(node).get("background-color", "transparent") in ("transparent", "#fff"), node.describe()


@pytest.mark.parametrize(
    "name", [n for n in PAGES if "board-paper" in n and not n.startswith("hestia")]
)  # hestia cites no address
def test_paper_prints_every_link_address(name: str) -> None:
    page = pages()[name]
    root = parse_html(page)
    paper = Cascade(parse_css(stylesheet(page)), PRINT)
    links = [n for n in _elements(root, "a") if "href" in n.attrs]
    assert links
    for link in links:
        after = paper.declared(link, pseudo="after").get("content", "")
        assert "attr(href)" in after, f"{link.attrs['href']} is not printed"
        assert _content_shows_text(after, link)


def test_state_words_stay_words_on_paper() -> None:
    """A badge's colour is gone on paper; its word is what says the state (and on screen too)."""
    page = pages()["illustrative-tracker"]
    root = parse_html(page)
    paper = Cascade(parse_css(stylesheet(page)), PRINT)
    badges = [n for n in root.walk() if n.tag == "span" and n.classes & {"state", "flag"}]
    assert len(badges) > 300
    for badge in badges:
        (state,) = badge.classes - {"state", "flag"}
        assert badge.text.strip().replace(" ", "-") == state, badge.text
        assert paper.style(badge, frozenset()).lines, "on paper a badge keeps a box around its word"


# --------------------------------------------------------------------------------------------------
# In Chromium, where it is installed
# --------------------------------------------------------------------------------------------------

_MEASURE = r"""
function measure(frame) {
  const w = frame.contentWindow, d = frame.contentDocument, out = {
    width: w.innerWidth, scrollWidth: d.documentElement.scrollWidth, past: [], cut: [], text: []};
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
  const clipped = (el) => { for (let a = el.parentElement; a; a = a.parentElement) {
    if (w.getComputedStyle(a).overflowX !== "visible") return true; } return false; };
  const behind = (el) => { for (let a = el; a; a = a.parentElement) {
    const b = w.getComputedStyle(a).backgroundColor; if (!/^rgba\(.*, 0\)$/.test(b) && b !== "transparent") return b; }
    return "rgb(255, 255, 255)"; };
  for (const el of d.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect(), cs = w.getComputedStyle(el);
    if (box.width > 0 && (box.right > w.innerWidth + 0.5 || box.left < -0.5) && !clipped(el)) out.past.push(name(el));
    if (cs.overflowX !== "visible" && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) out.cut.push(name(el));
    if (cs.textOverflow === "ellipsis") out.cut.push(name(el));
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own && el.getClientRects().length)
      out.text.push([cs.color, behind(el), parseFloat(cs.fontSize), parseInt(cs.fontWeight), name(el)]);
    const b = w.getComputedStyle(el, "::before");
    if (b.content && b.content !== "none" && b.content !== "normal" && el.getClientRects().length)
      out.text.push([b.color, behind(el), parseFloat(b.fontSize), parseInt(b.fontWeight), name(el) + "::before"]);
  }
  // words of up to 20 letters broken across two lines (a long address may break; a name should not)
  const walker = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT), range = d.createRange();
  out.broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.textContent.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {
      if (word[0].length < 2 || word[0].length > 20) continue;
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (range.getClientRects().length > 1) out.broken.push(word[0]);
    }
  }
  document.documentElement.setAttribute("data-" + frame.dataset.name, JSON.stringify(out));
}
"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def _rgb(css: str) -> Colour:
    found = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", css)
    assert found, f"not a colour: {css}"
    assert found.group(4) is None or float(found.group(4)) == 1, f"not an opaque colour: {css}"
    return "#" + "".join(f"{int(found.group(i)):02x}" for i in (1, 2, 3))


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium here: the layout checks need a browser (CI does not)")
    folder = tmp_path_factory.mktemp("html")
    frames = []
    for name, page in pages().items():
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
        for width in (390, 1200):
            frames.append(
                f'<iframe data-name="{name}-{width}" src="{name}.html" onload="measure(this)"'
                f' style="display:block;border:0;width:{width}px;height:2000px"></iframe>'
            )
    wrapper = folder / "all.html"
    wrapper.write_text(
        f"<!DOCTYPE html><html><head><script>{_MEASURE}</script></head><body>{''.join(frames)}</body></html>",
        encoding="utf-8",
    )
    # A headless window is never narrower than 500 px (a 390 px window lays pages out at 500 px and crops the
    # screenshot), so each page is laid out in a frame of the width wanted.
    run = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--window-size=1300,2000",
            "--dump-dom",
            wrapper.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = dict(re.findall(r'data-([\w-]+)="([^"]*)"', run.stdout))
    if not found:
        pytest.skip(f"Chromium did not lay the pages out: {run.stderr.strip()[-300:]}")
    return {name: json.loads(html.unescape(value)) for name, value in found.items() if name[-1].isdigit()}


@pytest.mark.parametrize("width", [390, 1200])
@pytest.mark.parametrize("name", PAGES)
def test_the_page_reads_without_scrolling_sideways(
    name: str, width: int, laid_out: dict[str, dict[str, object]]
) -> None:
    """390 px is a phone held upright; 1200 px a desk."""
    layout = laid_out[f"{name}-{width}"]
    assert layout["width"] == width
    assert layout["scrollWidth"] == width  # document.documentElement.scrollWidth: no horizontal page scroll
    assert layout["past"] == []  # no element reaches past the right edge
    assert layout["cut"] == []  # no text cut off by a box too narrow for it
    assert layout["broken"] == []  # no word broken in two by a column too narrow for it


@pytest.mark.parametrize("name", PAGES)
def test_chromium_computes_the_same_contrast(name: str, laid_out: dict[str, dict[str, object]]) -> None:
    low = []
    for width in (390, 1200):
        text = laid_out[f"{name}-{width}"]["text"]
        assert isinstance(text, list)
        assert text
        for fg, bg, size, weight, where in text:
            ratio = contrast(_rgb(fg), _rgb(bg))
            required = LARGE_TEXT if size >= 24 or (size >= 18.66 and weight >= 700) else TEXT
            if ratio < required:
                low.append(f"{ratio:.2f}:1 {fg} on {bg}, {where} at {width} px")
    assert low == []


def test_the_wheel_ships_the_shared_stylesheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both templates include common.css: without it in the wheel, an installed package renders no HTML."""
    build = pytest.importorskip("hatchling.build")
    monkeypatch.chdir(ROOT)
    name = build.build_wheel(str(tmp_path))
    templates = ROOT / "src" / "supercomplaint" / "templates"
    with zipfile.ZipFile(tmp_path / name) as wheel:
        for path in templates.iterdir():
            assert wheel.read(f"supercomplaint/templates/{path.name}") == path.read_bytes()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Two pages printed to PDF by Chromium, as text (pdftotext)."""
    browser, pdftotext = _chromium(), shutil.which("pdftotext")
    if browser is None or pdftotext is None:
        pytest.skip("printing needs Chromium and pdftotext (poppler-utils); CI does not")
    folder = tmp_path_factory.mktemp("print")
    found = {}
    for name in ("illustrative-board-paper-hampshire", "illustrative-tracker"):
        source, pdf = folder / f"{name}.html", folder / f"{name}.pdf"
        source.write_text(pages()[name], encoding="utf-8")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}"]
        subprocess.run(
            [browser, *flags, source.as_uri()],
            capture_output=True,
            timeout=300,
            check=False,
        )
        if not pdf.exists():
            pytest.skip("Chromium did not print")
        # -raw: in reading order, and without joining "progress-" and "update" at a line's end into one word
        text = subprocess.run(
            [pdftotext, "-raw", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
        )
        found[name] = text.stdout
    return found


def test_the_printed_paper_gives_every_address(printed: dict[str, str]) -> None:
    name = "illustrative-board-paper-hampshire"
    text = re.sub(r"\s+", "", printed[name])
    addresses = {n.attrs["href"] for n in _elements(parse_html(pages()[name]), "a")}
    assert addresses
    for address in addresses:
        assert f"<{address}>" in text


def test_the_printed_tracker_says_every_state_in_words(printed: dict[str, str]) -> None:
    name = "illustrative-tracker"
    root = parse_html(pages()[name])
    overdue = [n for n in root.walk() if n.tag == "span" and "overdue" in n.classes]
    assert len(overdue) > 100
    assert printed[name].count("overdue") == len(overdue)
