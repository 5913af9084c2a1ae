"""Renderings for people: the tracker (who owes what, by when, and where it stands) and a board paper.

Both come in Markdown and HTML, made with Jinja2 templates shipped in the package. Every piece of text
taken from a document is escaped: in HTML by Jinja2's autoescaping, in Markdown by escaping the characters
that would otherwise become markup or raw HTML, so a narrative holding ``<script>`` shows as text.

>>> import datetime as dt, supercomplaint as sc
>>> case = sc.load("examples/hestia/case.json")  # doctest: +SKIP
>>> html = render_tracker(case, as_of=dt.date(2021, 12, 1), to="html")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from . import model as m
from .partialdate import PartialDate
from .problems import SupercomplaintError

if TYPE_CHECKING:
    import jinja2

    from .registry import Registry
    from .tracker import Obligation

__all__ = ["FORMATS", "VIEWS", "RenderError", "render", "render_board_paper", "render_tracker"]

Format = Literal["md", "html"]
FORMATS: tuple[str, ...] = ("md", "html")
VIEWS: tuple[str, ...] = ("tracker", "board-paper")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^([#>+=~-])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
# Every line boundary str.splitlines() knows: CommonMark ends lines at LF, CR and CRLF, other tools at more.
_MD_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# The other control characters (C0, DEL, C1: ESC among them) have no place in Markdown and could reach a terminal.
_MD_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


class RenderError(SupercomplaintError, ValueError):
    """A rendering was asked for something the document cannot give (an unknown responder, say)."""


def md_escape(value: object) -> str:
    """Text safe to put in Markdown: markup characters escaped, ``&`` and line breaks kept harmless.

    The text comes out on one line: every line break (a carriage return alone too) becomes a space,
    with the spaces around it, and leading and trailing spaces go, so that nothing in the text can start
    a heading, a list, a quote, a rule or a code block. Other control characters (an escape sequence's
    ``ESC``, say) become U+FFFD. The cost is linear in the text's length.

    >>> md_escape("a\\r# not a heading\\n    not code"), md_escape("  # not a heading")
    ('a # not a heading not code', '\\\\# not a heading')
    """
    text = "" if value is None else str(value)
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_CONTROL.sub("\ufffd", text)
    pieces = _MD_BREAK.split(text)
    text = pieces[0].strip() if len(pieces) == 1 else " ".join(piece for piece in map(str.strip, pieces) if piece)
    text = _MD_NUMBERED.sub(r"\1\\\2", text)
    return _MD_LINE_START.sub(r"\\\1", text)


def human_date(value: dt.date | PartialDate | None) -> str:
    """A date as a person writes it ("26 May 2021", "May 2021", "2021"), or an em dash for none."""
    from .deadlines import format_date

    return "—" if value is None else format_date(value)


def _words(value: object) -> str:
    return "—" if value is None else str(value).replace("-", " ")


def _environment(to: Format) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("supercomplaint", "templates"),
        autoescape=to == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["date"] = human_date
    env.filters["words"] = _words
    return env


@attrs.frozen
class _Row:
    item: str
    label: str
    body: str
    body_name: str
    via: str
    owed: str
    due: str
    due_explanation: str
    state: str
    position: str
    progress: str
    met_by: str


def _registry(case: m.CaseRecord, registry: Registry | None) -> Registry:
    from .registry import Registry, default_registry

    return Registry.for_document(case, registry if registry is not None else default_registry())


def _titles(case: m.CaseRecord) -> dict[str, str]:
    """A heading for each item, route and follow-up: its kind and label ("Recommendation 5.2")."""
    out: dict[str, str] = {}
    if case.report is not None:
        for kind, things in (
            ("Action", case.report.actions),
            ("Recommendation", case.report.recommendations),
            ("Monitoring", case.report.monitoring),
        ):
            for thing in things:
                out[thing.id] = f"{kind} {thing.label or thing.id}"
    for follow_up in case.follow_ups:
        out[follow_up.id] = f"Follow-up {follow_up.title or follow_up.id}"
    return out


def tracker_rows(case: m.CaseRecord, found: Iterable[Obligation]) -> list[_Row]:
    """The obligations as plain rows of text, in the tracker's order."""
    rows = []
    titles = _titles(case)
    for o in found:
        due = o.resolution.due
        if due is not None:
            due_text = human_date(due)
        elif o.resolution.earliest is not None and o.resolution.latest is not None:
            due_text = f"{human_date(o.resolution.earliest)} to {human_date(o.resolution.latest)}"
        else:
            due_text = "—"
        rows.append(
            _Row(
                item=o.ref,
                label=titles.get(o.ref, o.label or o.ref),
                body=o.body,
                body_name=o.body_name,
                via=o.via or "",
                owed=o.owed,
                due=due_text,
                due_explanation=o.resolution.explanation,
                state=str(o.state),
                position=_words(o.position),
                progress=_words(o.progress),
                met_by=", ".join(o.met_by),
            )
        )
    return rows


def render_tracker(case: m.CaseRecord, *, as_of: dt.date, to: Format = "md", registry: Registry | None = None) -> str:
    """The tracker: every obligation as of ``as_of``, grouped by item, with its due date and state.

    Calls :func:`supercomplaint.obligations`. In HTML each state has its own colour. Raises
    :class:`RenderError` for a format other than ``md`` or ``html``, and
    :class:`~supercomplaint.UnknownRefError` when the case names a body or group the register does not know.

    >>> import datetime as dt, supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> print(sc.render_tracker(case, as_of=dt.date(2021, 12, 1)).splitlines()[2])
    As of 1 December 2021: 265 obligations.
    """
    from .tracker import ObligationState, obligations

    _check_format(to)
    found = obligations(case, as_of, registry=registry)
    counts = Counter(o.state for o in found)
    groups: dict[str, list[_Row]] = defaultdict(list)
    for row in tracker_rows(case, found):
        groups[row.item].append(row)
    template = _environment(to).get_template(f"tracker.{to}.j2")
    return template.render(
        case=case,
        report=case.report,
        as_of=as_of,
        counts=[(str(state), counts.get(state, 0)) for state in ObligationState],
        total=len(found),
        groups=[(rows[0].label, rows) for rows in groups.values()],
    )


@attrs.frozen
class _Section:
    item: m.Action | m.Recommendation
    kind: str
    addressees: str
    deadline: str
    monitored: tuple[str, ...]
    answers: tuple[tuple[m.Response, m.ItemResponse], ...]


def render_board_paper(
    case: m.CaseRecord, *, responder: str, to: Format = "md", registry: Registry | None = None
) -> str:
    """A paper for one responder's board that reads like Cambridgeshire's of 13 July 2021 (seed 000).

    Purpose, overview of the report, then each action and recommendation in source order with the
    responder's responses to it. Raises :class:`RenderError` when the responder has no response in the case
    or the format is not ``md`` or ``html``.

    >>> import supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> for line in sc.render_board_paper(case, responder="force-cambridgeshire").splitlines()[:3]:
    ...     print(line)
    **To:** Business Coordination Board
    **From:** Cambridgeshire Constabulary
    **Date:** 13 July 2021
    """
    from .deadlines import resolve

    _check_format(to)
    names = _registry(case, registry)
    own = [r for r in case.responses if r.responder == responder]
    if not own:
        known = sorted({r.responder for r in case.responses})
        raise RenderError(f"{responder!r} has no response in the case; responders: {', '.join(known) or 'none'}")
    from .compiling import response_order

    own.sort(key=response_order)
    latest = own[-1]

    def name(ref: str) -> str:
        found = names.get(ref)
        return found.name if found is not None else ref

    routes_for: dict[str, list[str]] = defaultdict(list)
    if case.report is not None:
        for route in case.report.monitoring:
            how = resolve(route.deadline, case, registry=names).explanation
            line = f"{route.label or route.id}: {name(route.reporter)} reports to {name(route.recipient)}; {how}"
            for ref in route.items:
                routes_for[ref].append(line)
    sections = []
    if case.report is not None:
        items: list[tuple[m.Action | m.Recommendation, str, str]] = [
            (a, "action", name(a.owner)) for a in case.report.actions
        ]
        items += [(r, "recommendation", ", ".join(name(x) for x in r.addressees)) for r in case.report.recommendations]
        for item, kind, addressees in items:
            answers = tuple((r, a) for r in own for a in r.items if str(a.item) == item.id)
            resolution = resolve(item.deadline, case, registry=names)
            sections.append(
                _Section(
                    item=item,
                    kind=kind,
                    addressees=addressees,
                    deadline=resolution.explanation,
                    monitored=tuple(routes_for.get(item.id, ())),
                    answers=answers,
                )
            )
    routes = []
    if case.report is not None:
        for route in case.report.monitoring:
            resolution = resolve(route.deadline, case, registry=names)
            routes.append((route, name(route.reporter), name(route.recipient), resolution.explanation))
    template = _environment(to).get_template(f"board-paper.{to}.j2")
    return template.render(
        case=case,
        report=case.report,
        responder=name(responder),
        latest=latest,
        responses=own,
        authors=_and(name(a) for a in case.report.authors) if case.report else "",
        complainants=_and(name(c) for c in case.complaint.complainants),
        actions=[s for s in sections if s.kind == "action"],
        recommendations=[s for s in sections if s.kind == "recommendation"],
        routes=routes,
    )


def render(
    case: m.CaseRecord,
    *,
    view: str,
    to: Format = "md",
    as_of: dt.date | None = None,
    responder: str | None = None,
    registry: Registry | None = None,
) -> str:
    """Render ``view`` ("tracker" or "board-paper") of a case as Markdown or HTML.

    The tracker is :func:`render_tracker` as of ``as_of`` (default: today); the board paper is
    :func:`render_board_paper` for ``responder``. Raises :class:`RenderError` for an unknown view or
    format, or a board paper without a responder, and whatever the view's own function raises.
    """
    if view == "tracker":
        return render_tracker(case, as_of=as_of or dt.date.today(), to=to, registry=registry)
    if view == "board-paper":
        if responder is None:
            raise RenderError("a board paper is for one responder: name it")
        return render_board_paper(case, responder=responder, to=to, registry=registry)
    raise RenderError(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}")


def _and(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(names)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _check_format(to: str) -> None:
    if to not in FORMATS:
        raise RenderError(f"unknown format {to!r}; use one of: {', '.join(FORMATS)}")
