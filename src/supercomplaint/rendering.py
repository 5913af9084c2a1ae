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
from .partialdate import PartialDate, as_of_day
from .problems import SupercomplaintError

if TYPE_CHECKING:
    import jinja2

    from .deadlines import Resolution
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


def on_date(value: dt.date | PartialDate) -> str:
    """A date after a preposition, as a person writes it: "on 7 August 2020", "in August 2020", "in 2020".

    >>> on_date(dt.date(2020, 8, 7)), on_date(PartialDate(2020, 8)), on_date(PartialDate(2020))
    ('on 7 August 2020', 'in August 2020', 'in 2020')
    """
    exact = value if isinstance(value, dt.date) else value.as_date()
    return f"on {human_date(exact)}" if exact is not None else f"in {human_date(value)}"


def possessive(name: str) -> str:
    """A name in the possessive: "Kent Police’s", "the Home Office’s"; a plural ending in s takes only the
    apostrophe ("… Fire & Rescue Services’", "chief constables’").

    >>> possessive("Kent Police"), possessive("Chief constables")
    ('Kent Police’s', 'Chief constables’')
    """
    return f"{name}’" if name.endswith("s") and not name.endswith(("ss", "us", "is")) else f"{name}’s"


def count_of(n: int, noun: str) -> str:
    """A number and a noun that agrees with it: "1 recommendation", "29 recommendations", "no actions"."""
    if n == 0:
        return f"no {noun}s"
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def paragraphs(text: str | None) -> tuple[str, ...]:
    """A text's paragraphs: split at blank lines, each with its inner line breaks made spaces."""
    if not text:
        return ()
    parts = (" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text))
    return tuple(p for p in parts if p)


def _and(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = list(names)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


_INSTITUTIONS = frozenset(
    {
        *("alliance", "association", "centre", "coalition", "collective", "commission", "council", "federation"),
        *("foundation", "group", "institute", "network", "partnership", "project", "service", "society", "trust"),
        "union",
    }
)


def in_running_text(found: m.Body | m.Group, name: str) -> str:
    """A body's or group's name as it reads inside a sentence: "the Home Office", "the Police and Crime
    Commissioner for Dorset", "Kent Police", "Hampshire Constabulary", "His Majesty's Inspectorate ...",
    "Hestia", "the Suzy Lamplugh Trust"; a group's name as a common noun ("chief constables of the
    territorial forces").

    >>> from supercomplaint import Body, BodyKind
    >>> in_running_text(Body(id="ho", name="Home Office", kind=BodyKind.GOVERNMENT_DEPARTMENT), "Home Office")
    'the Home Office'
    >>> in_running_text(Body(id="k", name="Kent Police", kind=BodyKind.TERRITORIAL_FORCE), "Kent Police")
    'Kent Police'
    """
    if isinstance(found, m.Group):
        return name[:1].lower() + name[1:]
    if re.match(r"(?i)(the|hm|her majesty['’]s|his majesty['’]s) ", name):
        return name
    kind = m.BodyKind(found.kind)
    if kind is m.BodyKind.TERRITORIAL_FORCE:
        needs = bool(re.search(r"\bService\b", name)) or name.startswith("City of London")
    elif kind is m.BodyKind.OTHER_POLICE_FORCE:
        needs = re.fullmatch(r"Police \w+", name) is None  # "Police Scotland", but "the Police Service of ..."
    elif kind in (m.BodyKind.DESIGNATED_BODY, m.BodyKind.OTHER):
        words = _without_trailing_bracket(name).split()
        needs = bool(words) and words[-1].lower() in _INSTITUTIONS
    else:
        needs = True
    return f"the {name}" if needs else name


def _without_trailing_bracket(name: str) -> str:
    """A name without a closing bracketed part ("Hestia (charity)" -> "Hestia"), in linear time: a regex
    anchored at the end with leading whitespace backtracks quadratically over a long run of spaces."""
    text = name.rstrip()
    if text.endswith(")"):
        opening = text.rfind("(")
        if opening >= 0 and ")" not in text[opening:-1]:
            text = text[:opening]
    return text.rstrip()


def _initials(name: str) -> str:
    """The initials of a name's capitalised words, as acronyms are made ("HMICFRS", "IOPC", "HMIC")."""
    return "".join(w if w.isupper() else w[0] for w in re.findall(r"[A-Z][\w']*", name))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_HTML_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _html_safe_text(value: object) -> object:
    """A template value with the characters HTML forbids (C0 and C1 controls but tab and line breaks, and lone
    surrogates) replaced by U+FFFD; anything that is not text is left to the template."""
    if isinstance(value, str):
        cleaned = _HTML_CONTROLS.sub("\ufffd", value)
        # text the renderer marked safe (markupsafe.Markup, a str subclass) stays marked safe
        return type(value)(cleaned) if type(value) is not str else cleaned
    return value


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
    if to == "html":
        # Control characters (ESC, BEL ...) are not allowed in HTML and could act on a terminal the page is
        # printed to: every value a template prints is cleaned of them (line breaks and tabs are kept).
        env.finalize = _html_safe_text
    env.filters["md"] = md_escape
    env.filters["date"] = human_date
    env.filters["words"] = _words
    return env


def _registry(case: m.CaseRecord, registry: Registry | None) -> Registry:
    from .registry import Registry, default_registry

    return Registry.for_document(case, registry if registry is not None else default_registry())


# --------------------------------------------------------------------------------------------------
# What every view shares: names of the day, item titles, texts and where they came from, counts
# --------------------------------------------------------------------------------------------------


class _Names:
    """Names of bodies and groups as a person reads them, in force on a given date."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def __call__(self, ref: str, on: dt.date | PartialDate | None = None) -> str:
        """The name of ``ref`` in force ``on`` (today's without a date); raises UnknownRefError."""
        return self.registry.name(ref, on=on)

    def many(self, refs: Iterable[str], on: dt.date | PartialDate | None = None) -> str:
        """Names inside a sentence, joined: "the IOPC, the College of Policing and Kent Police"."""
        return _and(self.mid(ref, on) for ref in refs)

    def listed(self, refs: Iterable[str], on: dt.date | PartialDate | None = None) -> str:
        """Names as a list or a table cell gives them: no articles."""
        return _and(self(ref, on) for ref in refs)

    def short(self, ref: str) -> str:
        """The acronym people write ("NPCC"), when the register knows one, else the name."""
        from .tracker import short_name

        return short_name(self.registry.get(ref), ref)

    def mid_short(self, ref: str, on: dt.date | PartialDate | None = None) -> str:
        """The short name inside a sentence, with the article its full name takes: "the IOPC", "HMICFRS",
        "the College of Policing", "Kent Police"."""
        full = self.mid(ref, on)
        short = self.short(ref)
        then = self(ref, on)
        if short == self(ref) or (then != self(ref) and _initials(then) != short):
            return full  # no acronym, or the acronym of a later name ("HMICFRS" for HMIC in 2015)
        return f"the {short}" if full.startswith("the ") else short

    def many_short(self, refs: Iterable[str], on: dt.date | PartialDate | None = None) -> str:
        return _and(self.mid_short(ref, on) for ref in refs)

    def mid(self, ref: str, on: dt.date | PartialDate | None = None) -> str:
        """The name inside a sentence (:func:`in_running_text`): "the Home Office", "Kent Police", "chief
        constables of the territorial forces"."""
        name = self(ref, on)
        found = self.registry.get(ref)
        return in_running_text(found, name) if found is not None else name

    def members(self, ref: str) -> tuple[str, ...]:
        return tuple(b.id for b in self.registry.members(ref))


def _item_kind(item: m.Action | m.Recommendation) -> str:
    return "action" if isinstance(item, m.Action) else "recommendation"


def _titles(case: m.CaseRecord, names: _Names | None = None) -> dict[str, str]:
    """A title for each item, part, route and follow-up, as a person reads it, never an internal id:
    "Recommendation 5.2", "Action 5.1", "Monitoring 5.6 b)", "Recommendation 2 b)", "the 3rd recommendation
    (unnumbered)", "Progress reports from the NPCC to HMICFRS", "Follow-up of 15 June 2022"."""
    out: dict[str, str] = {}
    report = case.report
    if report is not None:
        groups: tuple[tuple[str, tuple[m.Action | m.Recommendation, ...]], ...] = (
            ("Action", report.actions),
            ("Recommendation", report.recommendations),
        )
        for kind, things in groups:
            for index, thing in enumerate(things, start=1):
                title = f"{kind} {thing.label}" if thing.label else f"the {_ordinal(index)} {kind.lower()} (unnumbered)"
                out[thing.id] = title
                _part_titles(thing.parts, title, out)
        for route in report.monitoring:
            if route.label:
                out[route.id] = f"Monitoring {route.label}"
            elif names is not None:
                out[route.id] = f"Progress reports from {names.mid(route.reporter)} to {names.many(_recipients(route))}"
            else:
                out[route.id] = "Progress reports (unnumbered)"
    for follow_up in case.follow_ups:
        out[follow_up.id] = (
            f"Follow-up “{follow_up.title}”" if follow_up.title else f"Follow-up of {human_date(follow_up.date)}"
        )
    return out


def _part_titles(parts: Iterable[m.Part], parent: str, out: dict[str, str]) -> None:
    for index, part in enumerate(parts, start=1):
        title = f"{parent} {part.label}" if part.label else f"{parent}, {_ordinal(index)} part"
        out[part.id] = title
        _part_titles(part.parts, title, out)


def explain(resolution: Resolution, case: m.CaseRecord) -> str:
    """A resolution's explanation with the response or follow-up it counts from named as a person names it
    ("the follow-up of 15 June 2022", "the response of 19 November 2021"), not by its id."""
    text = resolution.explanation
    ref = resolution.anchor_ref
    if ref is None:
        return text
    if resolution.anchor is m.Anchor.FOLLOW_UP:
        follow_up = next((f for f in case.follow_ups if f.id == str(ref)), None)
        words = "follow-up", f"the follow-up of {human_date(follow_up.date)}" if follow_up else "a follow-up"
    else:
        response = next((r for r in case.responses if r.id == str(ref)), None)
        when = (response.sent or response.published) if response is not None else None
        words = "response", f"the response of {human_date(when)}" if when is not None else "a response"
    return text.replace(f"{words[0]} {ref!r}", words[1]).replace(f"{words[0]} {ref}", words[1])


def _recipients(route: m.MonitoringObligation) -> tuple[str, ...]:
    return (route.recipient, *route.other_recipients)


@attrs.frozen
class _Source:
    """How a text reached the record, when it is not the document's own words verbatim."""

    lead: str  # "Summary, not the report’s own words"
    note: str | None = None
    title: str | None = None
    url: str | None = None
    details: str | None = None  # "Kent Police, November 2021"
    truncated: bool = False

    @property
    def line(self) -> str:
        """The whole marking as plain text, ending with a colon: it introduces the text."""
        out = self.lead
        if self.note:
            out += f" ({self.note})"
        if self.title:
            out += f"; taken from “{self.title}”" + (f", {self.details}" if self.details else "")
        return out + ":"


_LEADS = {
    m.TextFidelity.SUMMARY: "Summary, not {whose} own words",
    m.TextFidelity.PARAPHRASE: "Paraphrase, not {whose} own words",
    m.TextFidelity.TRUNCATED: "Text cut off in the source at hand",
    m.TextFidelity.VERBATIM: "Text as reproduced elsewhere",
}


def _source(provenance: m.Provenance | None, whose: str) -> _Source | None:
    """The marking of a text with this provenance, or None when it is the document's own words verbatim."""
    if provenance is None:
        return None
    fidelity = m.TextFidelity(provenance.fidelity)
    if fidelity is m.TextFidelity.VERBATIM and provenance.source is None and not provenance.note:
        return None
    citation = provenance.source
    details = None
    if citation is not None:
        bits = [citation.publisher] if citation.publisher else []
        if citation.published is not None:
            bits.append(human_date(citation.published))
        details = ", ".join(bits) or None
    return _Source(
        lead=_LEADS[fidelity].format(whose=whose),
        note=provenance.note,
        title=citation.title if citation is not None else None,
        # Only a web address becomes a link: a model built in Python may hold anything in a Url.
        url=citation.url if citation is not None and re.match(r"https?://", citation.url or "") else None,
        details=details,
        truncated=fidelity is m.TextFidelity.TRUNCATED,
    )


@attrs.frozen
class _Text:
    """A text to show: its paragraphs, how it was obtained, or why there is none."""

    paragraphs: tuple[str, ...]
    source: _Source | None = None
    missing: str | None = None


def _text(text: str | None, provenance: m.Provenance | None, whose: str, missing: str | None) -> _Text:
    if not text:
        return _Text((), None, missing)
    return _Text(paragraphs(text), _source(provenance, whose))


@attrs.frozen
class _PartView:
    label: str
    text: _Text
    parts: tuple[_PartView, ...] = ()
    refers: str | None = None


def _parts(parts: Iterable[m.Part], inherited: m.Provenance | None, titles: dict[str, str]) -> tuple[_PartView, ...]:
    out = []
    for part in parts:
        provenance = part.provenance or inherited
        # A part inherits its item's provenance; say so once, on the item, not on every part.
        source = _source(part.provenance, "the report’s") if part.provenance is not None else None
        links = [f"{_words(link.relation)} {titles.get(link.target, 'another part')}" for link in part.links]
        out.append(
            _PartView(
                label=part.label or "•",
                text=_Text(paragraphs(part.text), source, None if part.text else "Text not held in this record."),
                parts=_parts(part.parts, provenance, titles),
                refers="; ".join(links) or None,
            )
        )
    return tuple(out)


def _stated(report: m.Report, of: m.CountOf) -> tuple[m.StatedCount | None, list[m.StatedCount]]:
    """The report's stated total of actions or recommendations, and its stated counts per addressee."""
    counts = [c for c in report.stated_counts if m.CountOf(c.of) is of]
    total = next((c for c in counts if c.addressee is None), None)
    return total, [c for c in counts if c.addressee is not None]


def _superseded(report: m.Report) -> set[str]:
    """Ids of the items the record holds that another item it holds supersedes."""
    items: tuple[m.Action | m.Recommendation, ...] = (*report.actions, *report.recommendations)
    held = {str(i.id) for i in items}
    return {
        item.id
        for item in items
        for link in item.links
        if link.relation == m.LinkRelation.SUPERSEDED_BY and link.target in held
    }


def count_sentences(
    report: m.Report, names: _Names, *, holder: str = "This record", on: PartialDate | None = None
) -> tuple[str, ...]:
    """What the report says it makes, and how much of it ``holder`` holds, in sentences that never state a
    count the report does not: the report's stated counts when it has them ("The report makes 3 actions and
    29 recommendations, 15 of them to chief constables."), then the items held, counted as held ("This
    record holds all 3 actions and 8 of the 29 recommendations."). Without stated counts, only what is held
    is said ("This record holds 2 actions and 6 recommendations from the report."). Items superseded by
    another item the record holds are counted apart."""
    superseded = _superseded(report)
    verb = "covers" if holder.startswith("This paper") else "holds"
    makes: list[str] = []
    held_phrases: list[str] = []
    any_total = False
    for of, things in ((m.CountOf.ACTIONS, report.actions), (m.CountOf.RECOMMENDATIONS, report.recommendations)):
        noun = "action" if of is m.CountOf.ACTIONS else "recommendation"
        total, per = _stated(report, of)
        held = sum(1 for t in things if t.id not in superseded)
        shares = [f"{c.count} to {names.mid(str(c.addressee), on)}" for c in per]
        if total is not None:
            any_total = True
            phrase = count_of(total.count, noun)
            if shares:
                shares[0] = shares[0].replace(" to ", " of them to ", 1)
                phrase += f", {_and(shares)}"
            makes.append(phrase)
            if held == total.count and held > 1:
                held_phrases.append(f"all {count_of(held, noun)}")
            elif held == total.count or not total.count:
                held_phrases.append(count_of(held, noun))
            else:
                held_phrases.append(f"{held} of the {count_of(total.count, noun)}")
        else:
            if per:
                makes.append(_and(f"{count_of(c.count, noun)} to {names.mid(str(c.addressee), on)}" for c in per))
            held_phrases.append(count_of(held, noun))
        gone = len(things) - held
        if gone:
            held_phrases[-1] += f" (and {count_of(gone, 'superseded ' + noun)})"
    said = [f"The report makes {_and(makes)}."] if makes else []
    tail = "" if any_total else " from the report"
    said.append(f"{holder} {verb} {_and(held_phrases)}{tail}.")
    return tuple(said)


# --------------------------------------------------------------------------------------------------
# The tracker
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class _Row:
    """One obligation as plain text, for people (never an internal id outside ``item`` and ``body``)."""

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
    group: str = ""
    delivery: str = "—"
    delivery_state: str = "unknown"
    flags: tuple[str, ...] = ()
    planned: str = ""


def _due_text(o: Obligation) -> str:
    due = o.resolution.due
    if due is not None:
        return human_date(due)
    if o.resolution.earliest is not None and o.resolution.latest is not None:
        return f"{human_date(o.resolution.earliest)} to {human_date(o.resolution.latest)}"
    return "—"


def planned_text(date: PartialDate | None, bound: m.Bound | str | None, as_written: str | None = None) -> str:
    """A planned completion as a person writes it: "March 2023", "not before March 2023", "by 2022 at the
    latest", with the response's own words when they differ."""
    if date is None:
        return ""
    when = human_date(date)
    if bound == m.Bound.EARLIEST:
        text = f"not before {when}"
    elif bound == m.Bound.LATEST:
        text = f"by {when} at the latest"
    else:
        text = when
    if as_written and as_written.strip().lower() not in (text.lower(), when.lower()):
        text += f" (“{as_written}”)"
    return text


def _owed(o: Obligation, titles: dict[str, str], names: _Names) -> str:
    """What is owed, in words, with titles instead of ids."""
    from .tracker import ObligationKind

    about = items_phrase(o.items, titles)
    if o.kind is ObligationKind.RESPOND:
        return f"a response to {_lower_kind(titles.get(o.ref, 'an item'))}"
    if o.kind is ObligationKind.REPORT:
        to = names.many_short([r for r in (o.recipient, *o.other_recipients) if r is not None], o.as_of)
        return f"a progress report to {to} on {_lower_kind(about)}"
    sender = names.many_short([r for r in (o.recipient, *o.other_recipients) if r is not None], o.as_of)
    return f"a reply to {sender} on {_lower_kind(about)}"


def items_phrase(refs: Iterable[str], titles: dict[str, str]) -> str:
    """Items named together as a person writes them: "recommendations 1, 2 and 7", "action 5.1 and
    recommendation 2"; an unnumbered item by its place ("the 3rd recommendation (unnumbered)")."""
    by_kind: dict[str, list[str]] = {}
    others: list[str] = []
    for ref in refs:
        title = titles.get(ref, "an item not in this record")
        kind, _, label = title.partition(" ")
        if kind in ("Action", "Recommendation") and label:
            by_kind.setdefault(kind.lower(), []).append(label)
        else:
            others.append(_lower_kind(title))
    phrases = [f"{kind}{'s' if len(labels) > 1 else ''} {_and(labels)}" for kind, labels in by_kind.items()]
    return _and([*phrases, *others]) or "no items"


def _lower_kind(title: str) -> str:
    for word in ("Action ", "Recommendation ", "Monitoring ", "Follow-up "):
        title = title.replace(word, word.lower())
    return title


def _met_by(o: Obligation, responses: dict[str, m.Response], names: _Names) -> str:
    """The responses that meet an obligation, as who and when: "19 November 2021", "NPCC, 28 March 2022
    and 27 July 2022", "jointly, 24 November 2021", "undated"."""
    from .tracker import evidence_date

    by_whom: dict[str, list[str]] = {}
    for ref in o.met_by:
        response = responses.get(ref)
        if response is None:  # pragma: no cover - the tracker only names responses of the case
            continue
        when = evidence_date(response)
        senders = {response.responder, *response.joint_responders}
        own = o.body in senders
        who = ("jointly" if len(senders) > 1 else "") if own else names.short(response.responder)
        by_whom.setdefault(who, []).append(human_date(when) if when is not None else "undated")
    return "; ".join(f"{who}, {_and(dates)}" if who else _and(dates) for who, dates in by_whom.items())


def tracker_rows(case: m.CaseRecord, found: Iterable[Obligation], *, registry: Registry | None = None) -> list[_Row]:
    """The obligations as plain rows of text, in the tracker's order; bodies named as on each obligation's
    as-of date, items by their labels."""
    names = _Names(_registry(case, registry))
    titles = _titles(case, names)
    responses: dict[str, m.Response] = {r.id: r for r in case.responses}
    rows = []
    for o in found:
        group = ""
        answer = o.group_answer
        if answer is not None:
            said = answer.position or answer.progress
            what = _words(said) if said is not None else "replied"
            when = f", {human_date(answer.date)}" if answer.date is not None else ""
            group = f"via {answer.responder_name}: {what}{when}"
        flags = tuple(flag for flag in ("closed", "at_risk", "lapsed") if getattr(o, flag))
        rows.append(
            _Row(
                item=o.ref,
                label=titles.get(o.ref, o.label or "an item not in this record"),
                body=o.body,
                body_name=names(o.body, o.as_of),
                via=names.mid(o.via, o.as_of) if o.via is not None else "",
                owed=_owed(o, titles, names),
                due=_due_text(o),
                due_explanation=explain(o.resolution, case),
                state=str(o.state),
                position=_words(o.position),
                progress=_words(o.progress),
                met_by=_met_by(o, responses, names),
                group=group,
                delivery=_words(o.delivery) if str(o.delivery) != "unknown" else "—",
                delivery_state=str(o.delivery),
                flags=tuple(f.replace("_", " ") for f in flags),
                planned=planned_text(o.planned_completion, o.planned_completion_bound),
            )
        )
    return rows


def render_tracker(
    case: m.CaseRecord, as_of: dt.date | PartialDate, *, to: Format = "md", registry: Registry | None = None
) -> str:
    """The tracker: every obligation as of ``as_of``, grouped by item, with its due date, the reply's state
    and where delivery stands, side by side.

    Calls :func:`supercomplaint.obligations`. Bodies are named as they were on ``as_of``. The report's
    stated counts, when the record has them, say how much of the report the record holds. In HTML each
    state has its own colour. Raises :class:`RenderError` for a format other than ``md`` or ``html``, and
    :class:`~supercomplaint.UnknownRefError` when the case names a body or group the register does not know.

    >>> import datetime as dt, supercomplaint as sc
    >>> case = sc.load("examples/hestia/case.json")
    >>> print(sc.render_tracker(case, as_of=dt.date(2021, 12, 1)).splitlines()[2])
    As of 1 December 2021: 265 obligations.
    """
    from .tracker import ObligationState, obligations

    _check_format(to)
    names = _Names(_registry(case, registry))
    as_of = as_of_day(as_of)
    found = obligations(case, as_of, registry=registry)
    counts = Counter(o.state for o in found)
    groups: dict[str, list[_Row]] = defaultdict(list)
    for row in tracker_rows(case, found, registry=registry):
        groups[row.item].append(row)
    flagged = [
        f"{sum(1 for o in found if getattr(o, flag))} {label}"
        for flag, label in (("at_risk", "at risk"), ("lapsed", "lapsed"), ("closed", "closed"))
    ]
    template = _environment(to).get_template(f"tracker.{to}.j2")
    return _finish(
        to,
        template.render(
            flags=", ".join(flagged) if any(not f.startswith("0 ") for f in flagged) else "",
            case=case,
            report=case.report,
            as_of=as_of,
            counts=[(str(state), counts.get(state, 0)) for state in ObligationState],
            total=count_of(len(found), "obligation"),
            held=count_sentences(case.report, names, on=PartialDate.from_date(as_of)) if case.report else (),
            groups=[(rows[0].label, rows) for rows in groups.values()],
        ),
    )


# --------------------------------------------------------------------------------------------------
# The board paper
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class _Answer:
    """One response's word on an item, as a board paper shows it."""

    heading: str
    claims: str = ""
    narrative: _Text = _Text(())
    alternative: str | None = None
    conditions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    signed: str | None = None


@attrs.frozen
class _Section:
    item: m.Action | m.Recommendation
    kind: str
    heading: str
    text: _Text
    parts: tuple[_PartView, ...]
    evidence: tuple[str, ...]
    deadline: str
    notes: tuple[str, ...]
    monitored: tuple[str, ...]
    answers: tuple[_Answer, ...]
    collated: tuple[_Answer, ...]
    owed: str | None
    to_complete: bool
    unanswered: str | None

    @property
    def addressees(self) -> str:  # kept for templates written against the 1.0 paper
        return self.heading


class _Paper:
    """Everything one board paper needs, computed once."""

    def __init__(self, case: m.CaseRecord, body: str, as_of: dt.date, registry: Registry) -> None:
        from .compiling import response_order
        from .tracker import evidence_date, obligations

        self.case = case
        self.body = body
        self.names = _Names(registry)
        self.registry = registry

        def counted(response: m.Response, day: dt.date) -> bool:
            when = evidence_date(response)
            return when is None or when.latest <= day

        def speaks_for(response: m.Response) -> bool:
            return body in (response.responder, *response.joint_responders, response.on_behalf_of)

        ordered = sorted(case.responses, key=response_order)
        own = [r for r in ordered if counted(r, as_of) and speaks_for(r)]
        dated = [r for r in own if evidence_date(r) is not None]
        when = evidence_date(dated[-1]) if dated else None
        self.date: PartialDate = when if when is not None else PartialDate.from_date(as_of)
        self.day = self.date.latest
        # The paper shows what was known on its date: nothing dated later, even from others.
        self.responses = [r for r in ordered if counted(r, self.day)]
        self.own = [r for r in self.responses if speaks_for(r)]
        self.latest = dated[-1] if dated else (own[-1] if own else None)
        self.found = [o for o in obligations(case, self.day, registry=registry) if o.body == body]
        self.titles = _titles(case, self.names)
        self.who = self.names(body, self.date)
        self.who_text = self.names.mid(body, self.date)

    def name(self, ref: str) -> str:
        return self.names(ref, self.date)

    # -- answers ---------------------------------------------------------------------------------

    def answer(self, response: m.Response, answer: m.ItemResponse, item: m.Action | m.Recommendation) -> _Answer:
        from .tracker import evidence_date

        when = evidence_date(response)
        date = f" ({human_date(when)})" if when is not None else " (undated)"
        senders = [response.responder, *response.joint_responders]
        if len(senders) > 1:
            heading = f"Joint response of {self.names.many(senders, self.date)}{date}"
        elif response.on_behalf_of and response.on_behalf_of != self.body and response.responder == self.body:
            group = self.names.mid(response.on_behalf_of, self.date)
            heading = f"{_sentence(possessive(self.who_text))} response for {group}{date}"
        else:
            heading = f"{_sentence(possessive(self.names.mid(response.responder, self.date)))} response{date}"
        claims = []
        if answer.parts:
            labels = [self._part_label(ref) for ref in answer.parts]
            claims.append(f"On {'part' if len(labels) == 1 else 'parts'} {_and(labels)}.")
        if answer.position:
            claims.append(f"Position: {_words(answer.position)}.")
        if answer.progress:
            claims.append(f"Progress: {_words(answer.progress)}.")
        if answer.planned_completion:
            planned = planned_text(
                answer.planned_completion, answer.planned_completion_bound, answer.planned_completion_as_written
            )
            claims.append(f"Planned completion: {planned}.")
        whose = possessive(self.names.mid(response.responder, self.date))
        return _Answer(
            heading=heading,
            claims=" ".join(claims),
            narrative=_text(answer.narrative, answer.provenance, whose, None),
            alternative=answer.alternative,
            conditions=answer.conditions,
            outcomes=self.outcomes(response, answer),
            signed=self.signed(response.signatories),
        )

    def _part_label(self, ref: str) -> str:
        title = self.titles.get(ref, "")
        return title.rsplit(" ", 1)[-1] if title else "a part not in this record"

    def signed(self, signatories: Iterable[m.Signatory]) -> str | None:
        people = [f"{s.name} ({s.role})" if s.role else s.name for s in signatories]
        return f"Signed by {_and(people)}." if people else None

    def outcomes(self, response: m.Response, answer: m.ItemResponse) -> tuple[str, ...]:
        """The member outcomes of a collated answer in plain English; in a member's own paper, only its own."""
        out = []
        for outcome in answer.member_outcomes:
            what = " and ".join(_words(x) for x in (outcome.position, outcome.progress) if x) or "no position stated"
            note = f" (“{outcome.note}”)" if outcome.note else ""
            if self.registry.is_group(outcome.member):
                members = self.names.members(outcome.member)
                kept = [x for x in members if x not in outcome.except_members]
                group = self.names.mid(outcome.member, self.date)
                if self.body in members and self.body != response.responder and self.body not in kept:
                    continue
                if outcome.except_members:
                    excepted = self.names.many(outcome.except_members, self.date)
                    who = f"All {group} except {excepted} ({len(kept)} of {len(members)})"
                else:
                    who = f"All {len(members)} {group}"
            else:
                if self.body not in (response.responder, outcome.member) and self.body in self._covered(response):
                    continue
                who = _sentence(self.names.mid(outcome.member, self.date))
            out.append(f"{who}: {what}{note}.")
        return tuple(out)

    def _covered(self, response: m.Response) -> tuple[str, ...]:
        behalf = response.on_behalf_of
        return self.names.members(behalf) if behalf is not None and self.registry.is_group(behalf) else ()

    # -- sections --------------------------------------------------------------------------------

    def owed_line(self, item: m.Action | m.Recommendation) -> tuple[str | None, bool]:
        """What the body owes on the item (and whether it is still to answer), or None when it owes nothing."""
        ident = str(item.id)
        mine = [o for o in self.found if ident in (o.position_on, o.ref)]
        if not mine:
            return None, False
        o = next((x for x in mine if x.ref == ident), mine[0])
        due = _due_text(o)
        when = f", due {due}" if due != "—" else ", with no due date"
        owed = _owed(o, self.titles, self.names)
        state = "met (date unknown)" if o.state.value == "met-date-unknown" else _words(o.state)
        by = _and(self.evidence(o))
        whose = _sentence(possessive(self.who_text))
        line = f"{whose} obligation: {owed}{when}. As of {human_date(self.day)}: {state}{' by ' + by if by else ''}."
        return line, not o.state.is_met

    def evidence(self, o: Obligation) -> Iterable[str]:
        """The responses that meet an obligation, as a sentence names them: "its response of 13 July 2021",
        "the joint response of 24 November 2021", "the NPCC’s responses of 28 March 2022 and 27 July 2022",
        "its undated response"."""
        from .tracker import evidence_date

        responses: dict[str, m.Response] = {r.id: r for r in self.case.responses}
        dates: dict[str, list[str]] = {}
        for ref in o.met_by:
            response = responses.get(ref)
            if response is None:  # pragma: no cover - the tracker only names responses of the case
                continue
            senders = (response.responder, *response.joint_responders)
            if self.body in senders:
                whose = "the joint" if len(senders) > 1 else "its"
            else:
                whose = possessive(self.names.mid(response.responder, self.date))
            when = evidence_date(response)
            dates.setdefault(whose, []).append(human_date(when) if when is not None else "")
        for whose, days in dates.items():
            dated = [d for d in days if d]
            if dated:
                noun = "response" if len(dated) == 1 else "responses"
                yield f"{whose} {noun} of {_and(dated)}"
            if len(dated) < len(days):
                undated = len(days) - len(dated)
                yield f"{whose} undated response" if undated == 1 else f"{whose} {undated} undated responses"

    def section(self, item: m.Action | m.Recommendation, index: int, routes_for: dict[str, list[str]]) -> _Section:
        from .deadlines import resolve

        kind = _item_kind(item)
        if isinstance(item, m.Action):
            party = f"for {self.names.mid(item.owner, self.date)}"
        elif item.addressees:
            party = f"to {self.names.many(item.addressees, self.date)}"
        else:
            party = "addressees not captured"
        label = f"{kind.capitalize()} {item.label}" if item.label else f"The {_ordinal(index)} {kind} (unnumbered)"
        also = f", also {_and(item.alternate_labels)}" if item.alternate_labels else ""
        title = f": {item.title}" if item.title else ""
        heading = f"{label}{also}{title} ({party})"
        not_held = "Text not held in this record."
        text = _text(item.text, item.provenance, "the report’s", not_held)
        deadline = explain(resolve(item.deadline, self.case, registry=self.registry), self.case)
        notes = list(self.notes(item))
        for rendering in item.renderings:
            if rendering.by == self.body or (rendering.by is not None and rendering.by in self._joint_with()):
                notes.append(self.rendering_note(item, rendering))
        answers: list[_Answer] = []
        collated: list[_Answer] = []
        for response in self.responses:
            for answer in response.items:
                if answer.item != str(item.id):
                    continue
                if response in self.own:
                    answers.append(self.answer(response, answer, item))
                elif self.body in self._covered(response):
                    collated.append(self.collated(response, answer, item))
        owed, to_answer = self.owed_line(item)
        superseded = any(link.relation == m.LinkRelation.SUPERSEDED_BY for link in item.links)
        unanswered = None
        if not answers and owed is None:
            unanswered = f"{_sentence(possessive(self.who_text))} response: none recorded; it owes none on this {kind}."
        return _Section(
            item=item,
            kind=kind,
            heading=heading,
            text=text,
            parts=() if _parts_in_text(item) else _parts(item.parts, item.provenance, self.titles),
            evidence=item.evidence_requirements if isinstance(item, m.Recommendation) else (),
            deadline=deadline,
            notes=tuple(notes),
            monitored=tuple(routes_for.get(item.id, ())),
            answers=tuple(answers),
            collated=tuple(collated),
            owed=owed,
            to_complete=to_answer and not answers and not superseded,
            unanswered=unanswered,
        )

    def _joint_with(self) -> set[str]:
        return {x for r in self.own for x in (r.responder, *r.joint_responders)}

    def collated(self, response: m.Response, answer: m.ItemResponse, item: m.Action | m.Recommendation) -> _Answer:
        from .tracker import evidence_date

        when = evidence_date(response)
        date = f" ({human_date(when)})" if when is not None else " (undated)"
        group = self.names.mid(str(response.on_behalf_of), self.date)
        base = self.answer(response, answer, item)
        return attrs.evolve(
            base, heading=f"Collated by {self.names.mid(response.responder, self.date)} for {group}{date}"
        )

    def notes(self, item: m.Action | m.Recommendation) -> Iterable[str]:
        for link in item.links:
            target = self.titles.get(link.target, "an item not in this record")
            said = f" (“{link.as_written}”)" if link.as_written else ""
            if link.relation == m.LinkRelation.INTERIM_PENDING:
                yield f"An interim measure, pending {target}{said}."
            elif link.relation == m.LinkRelation.SUPERSEDED_BY:
                yield f"Superseded by {target}{said}."
            else:
                yield f"Refers to {target}{said}."
        if item.not_captured:
            yield f"Not given by the source at hand: {_and(_words(d) for d in item.not_captured)}."
        if item.identifiers:
            yield "Known elsewhere as " + _and(f"{i.value} ({i.scheme})" for i in item.identifiers) + "."

    def rendering_note(self, item: m.Action | m.Recommendation, rendering: m.Rendering) -> str:
        who = possessive(self.names.mid(str(rendering.by), self.date))
        bits = []
        if rendering.label:
            bits.append(f"numbers it “{rendering.label}”")
        if rendering.parts:
            bits.append(
                "sets it out as "
                + _and(f"{p.label or '•'} “{p.text}”" if p.text else (p.label or "•") for p in rendering.parts)
            )
        if rendering.omits:
            bits.append(f"leaves out {_and(self._part_label(ref) for ref in rendering.omits)}")
        if rendering.deadline_as_written:
            bits.append(f"writes the deadline “{rendering.deadline_as_written}”")
        if rendering.text:
            bits.append(f"words it “{rendering.text}”")
        return f"{_sentence(who)} own version {_and(bits) if bits else 'is recorded'}."


def _parts_in_text(item: m.Action | m.Recommendation) -> bool:
    """Whether the item's text already gives every part's text (as Hestia's records do): then the parts
    are not listed a second time."""
    if not item.text or not item.parts:
        return False
    flat = " ".join(item.text.split())
    stack = list(item.parts)
    while stack:
        part = stack.pop()
        if not part.text or " ".join(part.text.split()) not in flat:
            return False
        stack.extend(part.parts)
    return True


def _route_line(route: m.MonitoringObligation, paper: _Paper, explanation: str) -> str:
    collating = f", for {paper.names.mid(route.on_behalf_of, paper.date)}," if route.on_behalf_of else ""
    reporter = paper.names.mid(route.reporter, paper.date)
    verb = "report" if paper.registry.is_group(route.reporter) else "reports"
    said = f"{reporter}{collating} {verb} to {paper.names.many(_recipients(route), paper.date)}; {explanation}"
    return f"{route.label}: {said}" if route.label else _sentence(said)


def render_board_paper(
    case: m.CaseRecord,
    as_of: dt.date | PartialDate | None = None,
    *,
    responder: str,
    to: Format = "md",
    registry: Registry | None = None,
) -> str:
    """A paper for one body's board, as a governance officer writes it (Cambridgeshire's of 13 July 2021,
    seed 000, is the model).

    Purpose; an overview of the report, with the report's stated counts when the record has them; what the
    body owes, by when, and where each obligation stands; then each action and recommendation in source
    order, with its text (marked when it is a summary, a paraphrase or cut off, and said to be missing
    when the record does not hold it), parts, evidence requirements, deadline, monitoring, and the body's
    responses (its own and joint ones; collated answers for its groups, with member outcomes); the
    monitoring obligations; follow-up letters to it.

    The paper is as of ``as_of`` (default: today): it uses the responses dated by then (and undated ones)
    and is dated as the latest of the body's own, or ``as_of`` when it has none yet: a **draft** for a body
    that has not responded, saying what it owes, with its response sections left to complete. Bodies are
    named as they were on the paper's date.

    Raises :class:`RenderError` when ``responder`` is neither a body with a response in the case nor a
    body the case obliges, or the format is not ``md`` or ``html``;
    :class:`~supercomplaint.UnknownRefError` when the case names a body or group the register does not know.

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
    if responder not in names or names.is_group(responder):
        known = sorted({r.responder for r in case.responses})
        raise RenderError(
            f"{responder!r} is not a body the case or the register knows; responders: {', '.join(known) or 'none'}"
        )
    paper = _Paper(case, responder, dt.date.today() if as_of is None else as_of_day(as_of), names)
    if not paper.own and not paper.found:
        known = sorted({r.responder for r in case.responses})
        raise RenderError(
            f"{responder!r} has no response in the case and owes nothing in it; "
            f"responders: {', '.join(known) or 'none'}"
        )
    report = case.report
    routes_for: dict[str, list[str]] = defaultdict(list)
    routes = []
    sections: list[_Section] = []
    if report is not None:
        for route in report.monitoring:
            how = explain(resolve(route.deadline, case, registry=names), case)
            for ref in route.items:
                routes_for[ref].append(_route_line(route, paper, how))
            collating = f", for {paper.names.mid(route.on_behalf_of, paper.date)}" if route.on_behalf_of else ""
            routes.append(
                (
                    route.label or "—",
                    paper.name(route.reporter) + collating,
                    paper.names.listed(_recipients(route), paper.date),
                    how,
                )
            )
        for index, action in enumerate(report.actions, start=1):
            sections.append(paper.section(action, index, routes_for))
        for index, rec in enumerate(report.recommendations, start=1):
            sections.append(paper.section(rec, index, routes_for))
    owes = [
        (_sentence(_owed(o, paper.titles, paper.names)), _due_text(o), _words(o.state), _delivery_words(o))
        for o in paper.found
    ]
    letters = [
        (
            paper.titles[f.id],
            on_date(f.date),
            paper.names.many((f.sender, *f.joint_senders), f.date),
            _text(f.text, f.provenance, "the letter’s", None),
            explain(resolve(f.deadline, case, registry=names, issued=f.date), case),
            paper.signed(f.signatories),
        )
        for f in case.follow_ups
        if any(o.ref == str(f.id) for o in paper.found)
    ]
    complaint = case.complaint
    overview = _overview(case, paper)
    template = _environment(to).get_template(f"board-paper.{to}.j2")
    return _finish(
        to,
        template.render(
            case=case,
            report=report,
            title=report.title if report else complaint.title,
            responder=paper.who,
            responder_text=paper.who_text,
            possessive=possessive(paper.who_text),
            possessive_start=_sentence(possessive(paper.who_text)),
            latest=paper.latest,
            audience=paper.latest.audience if paper.latest and paper.latest.audience else None,
            reader=_the(paper.latest.audience) if paper.latest and paper.latest.audience else "the reader",
            date=human_date(paper.date),
            draft=not paper.own,
            overview=overview,
            summary=paragraphs(report.summary) if report else (),
            held=count_sentences(report, paper.names, holder="This paper", on=paper.date) if report else (),
            owes=owes,
            as_of=human_date(paper.day),
            actions=[s for s in sections if s.kind == "action"],
            recommendations=[s for s in sections if s.kind == "recommendation"],
            routes=routes,
            letters=letters,
        ),
    )


def _the(audience: str) -> str:
    """A board named after "update": "the Business Coordination Board"."""
    return audience if audience.lower().startswith("the ") else f"the {audience}"


def _delivery_words(o: Obligation) -> str:
    flags = [f.replace("_", " ") for f in ("closed", "at_risk", "lapsed") if getattr(o, f)]
    state = _words(o.delivery) if str(o.delivery) != "unknown" else "—"
    return state + (f" ({', '.join(flags)})" if flags else "")


def _overview(case: m.CaseRecord, paper: _Paper) -> str:
    """The report in one sentence: who published what, when, on whose complaint."""
    report = case.report
    complaint = case.complaint
    made = "a super-complaint"
    if complaint.complainants:
        by = paper.names.many(complaint.complainants, complaint.received)
        made += f" made by {by}"
    if complaint.received is not None:
        made += f" {on_date(complaint.received)}"
    if complaint.on_behalf_of:
        made += f" on behalf of {complaint.on_behalf_of}"
    if report is None:
        return f"No report has been published yet on {made}."
    title = f"“{report.title}”"
    when = report.published
    if report.authors:
        authors = paper.names.many(report.authors, when)
        lead = f"{_sentence(on_date(when))} {authors} published" if when else f"{authors} published"
        return f"{lead} {title}, on {made}."
    published = f" {on_date(when)}" if when else ""
    return f"{title} was published{published}, on {made}."


def render(
    case: m.CaseRecord,
    as_of: dt.date | PartialDate | None = None,
    *,
    view: Literal["tracker", "board-paper"],
    to: Format = "md",
    responder: str | None = None,
    registry: Registry | None = None,
) -> str:
    """Render ``view`` ("tracker" or "board-paper") of a case as Markdown or HTML.

    The tracker is :func:`render_tracker` as of ``as_of`` (default: today); the board paper is
    :func:`render_board_paper` for ``responder`` as of ``as_of``. Raises :class:`RenderError` for an
    unknown view or format, or a board paper without a responder, and whatever the view's own function raises.
    A partial date as ``as_of`` means its last day.
    """
    as_of = None if as_of is None else as_of_day(as_of)
    if view == "tracker":
        return render_tracker(case, as_of=as_of or dt.date.today(), to=to, registry=registry)
    if view == "board-paper":
        if responder is None:
            raise RenderError("a board paper is for one responder: name it")
        return render_board_paper(case, responder=responder, to=to, registry=registry, as_of=as_of)
    raise RenderError(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}")


def _finish(to: str, text: str) -> str:
    """Markdown with no runs of blank lines (which templates leave where optional blocks are empty)."""
    if to != "md":
        return text
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def _check_format(to: str) -> None:
    if to not in FORMATS:
        raise RenderError(f"unknown format {to!r}; use one of: {', '.join(FORMATS)}")
