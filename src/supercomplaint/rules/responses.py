"""SC4xx: eligibility and responses. What a responder may say about an item, and how."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from .. import model as m
from ..deadlines import format_date
from ..partialdate import PartialDate
from ..problems import Problem
from .base import ERROR, WARNING, finding, rule
from .context import Context, response_date, words

__all__: list[str] = []


@rule(
    "SC401",
    "refusal-without-reasons",
    ERROR,
    "A decision that a complaint is not eligible gives reasons.",
    "The decision-making authorities must give the designated body written reasons when they decide a "
    "super-complaint is not eligible.",
    "SI 2018/748 reg 6.",
)
def _refusal(ctx: Context) -> Iterator[Problem]:
    if ctx.case is None:
        return
    decision = ctx.case.complaint.eligibility
    if decision is not None and decision.outcome is m.Eligibility.NOT_ELIGIBLE and not decision.reasons:
        yield finding("SC401", "$.complaint.eligibility", "the complaint was refused without reasons", ctx.case.id)


@rule(
    "SC402",
    "report-on-ineligible-complaint",
    ERROR,
    "A complaint decided not eligible has no investigation report.",
    "Only an eligible super-complaint is investigated and reported on; a record with both a refusal and a "
    "report has one of them wrong.",
    "SI 2018/748 regs 6-8.",
)
def _report_on_refusal(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if case is None or case.report is None or case.complaint.eligibility is None:
        return
    if case.complaint.eligibility.outcome is m.Eligibility.NOT_ELIGIBLE:
        yield finding("SC402", "$.report", "the complaint was decided not eligible, yet it has a report", case.id)


_SUBSTANTIVE_FREE = {None, m.Position.NOTED, m.Position.NOT_ADDRESSED_TO_US}


def _outside_regime(ctx: Context, ref: str) -> bool:
    found = ctx.registry.get(ref)
    return isinstance(found, m.Body) and found.outside_regime


@rule(
    "SC403",
    "position-from-non-addressee",
    ERROR,
    "Only those who owe a response take a substantive position on an item.",
    "A body that is not an addressee of an item (nor a member of an addressee group, nor the collator of one, "
    "nor a co-actor, nor the owner of the action) may only say the item is not addressed to it, or note it. "
    "Accepting or rejecting someone else's recommendation is a sign that the response was filed against the "
    "wrong item. Every body that sends a response speaks in it: the responder, each joint responder, and the "
    "body or group it answers for; one of them owing a response is enough. A recommendation whose addressees "
    "are not captured is not checked: nobody can tell. Nor is an answer whose senders are all outside the "
    "regime's territory (the Police Service of Northern Ireland answering a collated request): they owe "
    "nothing under the regulations, so a position they take is a voluntary answer, not a misfiled one.",
    "seed 000: 'This recommendation is addressed to the Home Office. The Constabulary will await further information.'",
)
def _non_addressee(ctx: Context) -> Iterator[Problem]:
    if ctx.case is None:
        return
    for response, path in ctx.response_entries():
        speaker = {response.responder, *response.joint_responders}
        if response.on_behalf_of is not None:
            speaker.add(response.on_behalf_of)
        if all(_outside_regime(ctx, ref) for ref in speaker):
            continue
        for i, answer in enumerate(response.items):
            if answer.position in _SUBSTANTIVE_FREE:
                continue
            located = ctx.items.get(answer.item)
            if located is None or ctx.addressees_unknown(located.obj):
                continue
            if not speaker & ctx.obliged(located.obj):
                yield finding(
                    "SC403",
                    f"{path}.items[{i}].position",
                    f"{ctx.response_name(response)} says '{words(str(answer.position))}' on "
                    f"{ctx.item_name(located.obj)}, which is not addressed to its senders",
                    response.id,
                    answer.item,
                )


@rule(
    "SC404",
    "rejection-without-narrative",
    ERROR,
    "'Not accepted' and 'alternative proposed' carry a narrative; an alternative says what it is.",
    "A responder who does not accept a recommendation says why ('neither agreeing the rationale nor the "
    "assessment of the evidence'); one who proposes an alternative measure says what it is, in 'alternative' "
    "or the narrative.",
    "domain.md section 3: responses.",
)
def _rejection(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        for i, answer in enumerate(response.items):
            if answer.position is m.Position.NOT_ACCEPTED and not answer.narrative:
                yield finding(
                    "SC404",
                    f"{path}.items[{i}]",
                    f"'not accepted' on {ctx.item_ref(answer.item)} in {ctx.response_name(response)} gives no "
                    "narrative",
                    response.id,
                )
            if answer.position is m.Position.ALTERNATIVE_PROPOSED and not (answer.narrative and answer.alternative):
                missing = "the alternative" if answer.narrative else "a narrative"
                yield finding(
                    "SC404",
                    f"{path}.items[{i}]",
                    f"'alternative proposed' on {ctx.item_ref(answer.item)} in {ctx.response_name(response)} does "
                    f"not give {missing}",
                    response.id,
                )


@rule(
    "SC405",
    "partial-acceptance-without-parts",
    ERROR,
    "'Partially accepted' says which parts.",
    "A partial acceptance names the parts it accepts, so that a tracker can tell what is still open.",
    "domain.md section 3: responses.",
)
def _partial(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        for i, answer in enumerate(response.items):
            if answer.position is m.Position.PARTIALLY_ACCEPTED and not answer.parts:
                yield finding(
                    "SC405",
                    f"{path}.items[{i}]",
                    f"'partially accepted' on {ctx.item_ref(answer.item)} in {ctx.response_name(response)} names "
                    "no parts",
                    response.id,
                )


@rule(
    "SC406",
    "outcome-for-non-member",
    ERROR,
    "Per-member outcomes name members of the group answered for.",
    "A collated answer reports outcomes for the members of the group it answers for (on behalf of); an "
    "outcome for a body outside that group, or in a response that answers for no group, cannot meet anyone's "
    "obligation. An outcome for a whole group ('all 43 PCCs accepted') names the group answered for, or a "
    "group of its members; the members it does not cover ('except') are members of that group, and an outcome "
    "for a single body has no exceptions. A member that names no body or group at all is SC102's alone.",
    "domain.md section 3: collators and per-member outcomes; section 5: 'all 43 PCCs accepted'.",
)
def _outcomes(ctx: Context) -> Iterator[Problem]:
    inside: dict[tuple[str, str], bool] = {}

    def within(ref: str, whole: str) -> bool:
        """Whether every body ``ref`` stands for is one of ``whole``'s (computed once per pair)."""
        key = (ref, whole)
        if key not in inside:
            covered = ctx.member_set(ref)
            inside[key] = bool(covered) and covered <= ctx.member_set(whole)
        return inside[key]

    for response, path in ctx.response_entries():
        group = ctx.get_group(response.on_behalf_of) if response.on_behalf_of else None
        members = ctx.member_set(group.id) if group is not None else frozenset()
        for i, answer in enumerate(response.items):
            for j, outcome in enumerate(answer.member_outcomes):
                where = f"{path}.items[{i}].memberOutcomes[{j}]"
                if ctx.registry.get(outcome.member) is None:
                    continue  # names no body or group: SC102 says so
                whole = ctx.is_group(outcome.member)
                if whole:
                    fits = group is not None and (
                        str(outcome.member) == str(group.id) or within(outcome.member, group.id)
                    )
                else:
                    fits = outcome.member in members
                if not fits:
                    whose = f"of {group.name}" if group is not None else "of a group the response answers for"
                    what = "a group of members" if whole else "a member"
                    message = f"{ctx.describe(outcome.member)} is not {what} {whose}"
                    yield finding("SC406", where, message, response.id, outcome.member)
                    continue
                for k, excepted in enumerate(outcome.except_members):
                    if not whole:
                        yield finding(
                            "SC406",
                            f"{where}.exceptMembers[{k}]",
                            f"the outcome for {ctx.describe(outcome.member)} alone can have no exceptions",
                            response.id,
                            excepted,
                        )
                    elif ctx.registry.get(excepted) is not None and (  # one that names nothing is SC102's
                        excepted == outcome.member or not within(excepted, outcome.member)
                    ):
                        yield finding(
                            "SC406",
                            f"{where}.exceptMembers[{k}]",
                            f"{ctx.describe(excepted)} is not a member of {ctx.describe(outcome.member)}",
                            response.id,
                            excepted,
                        )


_PROGRESS_ORDER = {p: i for i, p in enumerate(m.Progress)}


@rule(
    "SC407",
    "progress-goes-backwards",
    WARNING,
    "An item's progress does not go backwards without a narrative.",
    "Over successive responses from the same body on the same item, progress claimed ('completed') does not "
    "fall back ('in progress') unless the later response has a narrative explaining it.",
    "domain.md section 3: several responses over time; targets that slip.",
)
def _regress(ctx: Context) -> Iterator[Problem]:
    series: dict[tuple[str, str], list[tuple[PartialDate, str, m.Response, int, m.ItemResponse]]] = defaultdict(list)
    for response, path in ctx.response_entries():
        when = response_date(response)
        if when is None:
            continue
        for i, answer in enumerate(response.items):
            if answer.progress is not None:
                series[(response.responder, answer.item)].append((when, path, response, i, answer))
    for entries in series.values():
        entries.sort(key=lambda e: (e[0], e[2].id))
        for before, after in itertools.pairwise(entries):
            earlier, later = before[4], after[4]
            assert earlier.progress is not None
            assert later.progress is not None
            if _PROGRESS_ORDER[later.progress] < _PROGRESS_ORDER[earlier.progress] and not later.narrative:
                yield finding(
                    "SC407",
                    f"{after[1]}.items[{after[3]}]",
                    f"the progress {ctx.describe(after[2].responder)} claims on {ctx.item_ref(later.item)} fell from "
                    f"'{words(earlier.progress)}' ({format_date(before[0])}) to '{words(later.progress)}' "
                    f"({format_date(after[0])}) without a narrative",
                    after[2].id,
                    later.item,
                )


@rule(
    "SC408",
    "item-answered-twice",
    ERROR,
    "A response answers each item once.",
    "Two answers to the same item in one document leave its position ambiguous; answer the parts in one "
    "entry, or send a later response.",
    "supercomplaint design card: a record you can trust.",
)
def _answered_twice(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        seen: set[str] = set()
        for i, answer in enumerate(response.items):
            if answer.item in seen:
                message = f"{ctx.item_ref(answer.item)} is answered twice in {ctx.response_name(response)}"
                yield finding("SC408", f"{path}.items[{i}]", message, response.id)
            seen.add(answer.item)


# --------------------------------------------------------------------------------------------------
# Running the rules


@rule(
    "SC409",
    "undated-response",
    WARNING,
    "A response has a date: when it was sent, or when it was published.",
    "A response in the record with no date still exists: it is evidence of an answer, and a tracker counts it "
    "as meeting its obligation, 'date unknown'. But nobody can tell whether it was on time, or order it among "
    "the body's other responses. Published action plans often carry no date; the warning asks a person to "
    "find one (the file's properties, the page that links it, a board paper's meeting date), and is right to "
    "stay when there is none.",
    "domain.md section 5: dates are missing or partial ('a force's published action plan with no date on it').",
)
def _undated(ctx: Context) -> Iterator[Problem]:
    for response, path in ctx.response_entries():
        if response_date(response) is None:
            yield finding(
                "SC409",
                path,
                f"the response from {ctx.describe(response.responder)} has no date (neither sent nor published): "
                "it meets its obligations, but nobody can tell whether on time",
                response.id,
            )
