"""SC5xx: what the record does not hold. Notes that say what a partial source did not give, and errors
where a record says both that it lacks a detail and what the detail is.

Real records are partial: recommendations known by number only, texts summarised or cut off, deadlines
and addressees not captured (domain.md section 5). A faithful record of such a source is right, and
validates; these notes say what is missing, so that nobody mistakes the record for the whole report.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..problems import Problem
from .base import ERROR, NOTE, finding, rule
from .context import Context, deadlines, items, recommendations
from .items import count_ids, counted, stated_counts

__all__: list[str] = []

_PARTIAL = "domain.md section 5: what real records hold, and what they lack."


@rule(
    "SC501",
    "text-not-captured",
    NOTE,
    "The record has the text of each action, recommendation and part.",
    "An item known by number only ('Recommendation 8 requested progress updates') is recorded without its "
    "text, and so is a part whose words the source at hand does not give. The record is right to leave the "
    "text out rather than invent it; the note says that the words are missing, so that nobody reads the "
    "record as the whole report.",
    _PARTIAL,
)
def _no_text(ctx: Context) -> Iterator[Problem]:
    for item, path in items(ctx):
        if item.text is None:
            yield finding("SC501", path, f"the text of {ctx.item_name(item)} is not captured", item.id)
    for _, part, in_rendering in ctx.part_entries:
        if not in_rendering and part.obj.text is None:
            yield finding("SC501", part.path, f"the text of {ctx.describe(part.obj.id)} is not captured", part.obj.id)


_FIDELITY = {
    m.TextFidelity.SUMMARY: "is a summary, not the source's own words",
    m.TextFidelity.PARAPHRASE: "is a paraphrase, not the source's own words",
    m.TextFidelity.TRUNCATED: "is cut off in the source at hand",
}


def _provenances(ctx: Context) -> Iterator[tuple[m.Provenance, str, str, str]]:
    """Every provenance of a case: (it, the path of its owner, what text it covers for a person, an id)."""
    case = ctx.case
    if case is None:
        for response, path in ctx.response_entries():
            yield from _answer_provenances(ctx, response, path)
        return
    if case.complaint.provenance is not None:
        yield case.complaint.provenance, "$.complaint", "the text of the complaint's features", case.id
    for item, path in items(ctx):
        if item.provenance is not None:
            yield item.provenance, path, f"the text of {ctx.item_name(item)}", item.id
    for _, part, in_rendering in ctx.part_entries:
        if not in_rendering and part.obj.provenance is not None:
            yield part.obj.provenance, part.path, f"the text of {ctx.describe(part.obj.id)}", part.obj.id
    if case.report is not None:
        for i, route in enumerate(case.report.monitoring):
            if route.provenance is not None:
                what = f"the text of {ctx.route_name(route)}"
                yield route.provenance, f"$.report.monitoring[{i}]", what, route.id
    for i, follow_up in enumerate(case.follow_ups):
        if follow_up.provenance is not None:
            what = f"the text of {ctx.follow_up_name(follow_up)}"
            yield follow_up.provenance, f"$.followUps[{i}]", what, follow_up.id
    for response, path in ctx.response_entries():
        yield from _answer_provenances(ctx, response, path)


def _answer_provenances(ctx: Context, response: m.Response, path: str) -> Iterator[tuple[m.Provenance, str, str, str]]:
    for i, answer in enumerate(response.items):
        if answer.provenance is not None:
            what = f"the narrative of the answer on {ctx.describe(answer.item)} in {ctx.response_name(response)}"
            yield answer.provenance, f"{path}.items[{i}]", what, response.id


@rule(
    "SC502",
    "text-not-verbatim",
    NOTE,
    "A text recorded as a summary, a paraphrase or cut off says so.",
    "Texts are often known only as a force's action plan or a press release reproduces them: summarised, "
    "paraphrased, or cut off mid-word. A record that says so is right (this is not a fault to fix); the note "
    "repeats it wherever the findings are read, so that a summary is never taken for the report's words.",
    _PARTIAL + " Issue 'Real records, held honestly', item 1.",
)
def _not_verbatim(ctx: Context) -> Iterator[Problem]:
    for provenance, path, what, ident in _provenances(ctx):
        said = _FIDELITY.get(provenance.fidelity)
        if said is None:
            continue
        where = ""
        if provenance.source is not None:
            where = f" (taken from {provenance.source.title})"
        elif provenance.note is not None:
            where = f" ({provenance.note})"
        yield finding("SC502", f"{path}.provenance.fidelity", f"{what} {said}{where}", ident)


_DETAIL_WORDS = {
    m.Detail.TITLE: ("title", "is"),
    m.Detail.ADDRESSEES: ("addressees", "are"),
    m.Detail.PARTS: ("parts", "are"),
    m.Detail.EVIDENCE_REQUIREMENTS: ("evidence requirements", "are"),
}


def _recorded(item: m.Action | m.Recommendation, detail: m.Detail) -> bool | None:
    """Whether the record holds a detail of an item; None when the item cannot have it at all."""
    if detail is m.Detail.TITLE:
        return item.title is not None
    if detail is m.Detail.PARTS:
        return bool(item.parts)
    if isinstance(item, m.Action):
        # An action has an owner, never addressees; evidence requirements it may have, but the model keeps none.
        return None if detail is m.Detail.ADDRESSEES else False
    if detail is m.Detail.ADDRESSEES:
        return bool(item.addressees)
    return bool(item.evidence_requirements)


@rule(
    "SC503",
    "detail-not-captured",
    NOTE,
    "The record has every detail of an item the source gives.",
    "An item lists in 'notCaptured' the details the source at hand does not give: its title, addressees, "
    "parts or evidence requirements. An empty field listed there is unknown, not absent: a recommendation "
    "whose addressees are not captured is addressed to somebody, the record just does not know whom (so it is "
    "not SC201's 'no addressee', and nobody is told they owe a response). The note says what is unknown.",
    _PARTIAL,
)
def _detail_not_captured(ctx: Context) -> Iterator[Problem]:
    for item, path in items(ctx):
        for k, detail in enumerate(item.not_captured):
            if _recorded(item, detail) is False:
                words, verb = _DETAIL_WORDS[detail]
                yield finding(
                    "SC503",
                    f"{path}.notCaptured[{k}]",
                    f"the {words} of {ctx.item_name(item)} {verb} not captured",
                    item.id,
                )


@rule(
    "SC504",
    "deadline-not-captured",
    NOTE,
    "The record has each deadline the source states.",
    "A 'not-captured' deadline says the source may state a deadline but the record does not have it: a "
    "recommendation known by number only, or a monitoring obligation whose date the source at hand leaves "
    "out. It differs from 'none' (the source states no deadline, which SC202 and SC203 warn about): nothing "
    "is wrong with the source, the record is simply incomplete, so this is a note, not a warning. A tracker "
    "cannot call the item late until the deadline is found.",
    _PARTIAL + " Issue 'Track delivery, not only replies', item 5.",
)
def _deadline_not_captured(ctx: Context) -> Iterator[Problem]:
    for deadline, path, ident, what in deadlines(ctx):
        if isinstance(deadline, m.NotCapturedDeadline):
            said = f" (the source at hand says {deadline.as_written!r})" if deadline.as_written else ""
            yield finding("SC504", path, f"the deadline of {what} is not captured{said}", ident)


@rule(
    "SC505",
    "fewer-items-than-stated",
    NOTE,
    "The record holds every item the report says it makes.",
    "A report states how many actions and recommendations it makes, overall and to whom ('29 "
    "recommendations, 15 to chief constables'); a record built from a partial source holds fewer. That is "
    "right, and renderings use the report's numbers, not the record's; the note says how many are missing. "
    "More items than stated is an error (SC211).",
    _PARTIAL,
)
def _fewer_than_stated(ctx: Context) -> Iterator[Problem]:
    for count, path, held in stated_counts(ctx):
        if held < count.count:
            what = counted(ctx, count, count.count)
            tail = "the report states" if count.addressee is None else "that the report states"
            yield finding(
                "SC505", path, f"the record holds {held} of the {count.count} {what} {tail}", *count_ids(ctx, count)
            )


@rule(
    "SC506",
    "outside-regime-party",
    NOTE,
    "Addressees and reporters are inside the regime's territory.",
    "The super-complaints regime covers policing in England and Wales. A body outside it (the Police Service "
    "of Northern Ireland, Police Scotland) can be asked, and often answers collated requests, but owes nothing "
    "under the regulations: its answer is voluntary. The record is right to name it; the note says that no "
    "obligation follows.",
    "Police Reform Act 2002 s.29A; domain.md section 5: 'PSNI answers collated requests although it is outside "
    "England and Wales'.",
)
def _outside_regime(ctx: Context) -> Iterator[Problem]:
    def outside(ref: str) -> m.Body | None:
        found = ctx.registry.get(ref)
        return found if isinstance(found, m.Body) and found.outside_regime else None

    for _, rec, path in recommendations(ctx):
        for j, ref in enumerate(rec.addressees):
            body = outside(ref)
            if body is not None:
                yield finding(
                    "SC506",
                    f"{path}.addressees[{j}]",
                    f"{body.name} is outside the regime's territory (England and Wales): it owes nothing on "
                    f"{ctx.item_name(rec)} under the regulations, and its answer is voluntary",
                    rec.id,
                    ref,
                )
    if ctx.report is not None:
        for i, route in enumerate(ctx.report.monitoring):
            body = outside(route.reporter)
            if body is not None:
                yield finding(
                    "SC506",
                    f"$.report.monitoring[{i}].reporter",
                    f"{body.name} is outside the regime's territory (England and Wales): it owes no report "
                    f"under the regulations, and its report under {ctx.route_name(route)} is voluntary",
                    route.id,
                    route.reporter,
                )


@rule(
    "SC507",
    "not-captured-yet-recorded",
    ERROR,
    "A detail listed as not captured is not recorded too.",
    "'notCaptured' says the record does not have a detail; a record that lists a detail there and also gives "
    "it (a title, addressees, parts, evidence requirements) contradicts itself, and a reader cannot tell which "
    "to believe. An action lists no 'addressees': it has an owner, which the record always holds.",
    "supercomplaint design card: a record you can trust; model: 'an empty field listed here is unknown'.",
)
def _contradiction(ctx: Context) -> Iterator[Problem]:
    for item, path in items(ctx):
        for k, detail in enumerate(item.not_captured):
            recorded = _recorded(item, detail)
            if recorded is False:
                continue
            words, verb = _DETAIL_WORDS[detail]
            message = (
                f"{ctx.item_name(item)} has an owner, not addressees, and its owner is recorded"
                if recorded is None
                else f"the {words} of {ctx.item_name(item)} {verb} listed as not captured, yet the record has "
                f"{'it' if verb == 'is' else 'them'}"
            )
            yield finding("SC507", f"{path}.notCaptured[{k}]", message, item.id)
