"""Names in the register: every name a body has had is found, in any writing of it; the name in force on a
date (issue 10 item 6)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import Body, BodyKind, DatedName, PartialDate
from supercomplaint import model as m
from supercomplaint.registry import Registry, UnknownRefError, default_registry

REG = default_registry()
EVERY_NAME = sorted(
    {(name, body.id) for body in REG.bodies for name in (body.name, *body.aliases, *(n.name for n in body.names))}
)


@st.composite
def _written(draw: st.DrawFn, name: str) -> str:
    """``name`` as a document might write it: any case, extra spaces, "&" for "and" (or the reverse), curly
    apostrophes, a leading "The"."""
    words = name.split()
    out = []
    for word in words:
        if word.casefold() == "and" and draw(st.booleans()):
            word = "&"
        elif word == "&" and draw(st.booleans()):
            word = "and"
        word = word.replace("'", draw(st.sampled_from(["'", "’"])))
        word = "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in word)
        out.append(word)
    spaces = st.sampled_from([" ", "  ", " \t", "\u00a0"])
    text = "".join(word + draw(spaces) for word in out[:-1]) + out[-1]
    prefix = draw(st.sampled_from(["", "The ", "the  ", " "]))
    return prefix + text + draw(st.sampled_from(["", " ", "."]))


@given(st.sampled_from(EVERY_NAME).flatmap(lambda pair: st.tuples(st.just(pair[1]), _written(pair[0]))))
def test_every_name_alias_and_former_name_finds_its_body_in_any_writing(case: tuple[str, str]) -> None:
    ref, written = case
    assert REG.by_name(written).id == ref


def test_every_name_of_the_register_finds_exactly_its_body() -> None:
    for name, ref in EVERY_NAME:
        assert [b.id for b in REG.find_by_name(name)] == [ref], name


@pytest.mark.parametrize(
    ("ref", "on", "name"),
    [
        ("hmicfrs", dt.date(2016, 3, 1), "HM Inspectorate of Constabulary"),
        ("hmicfrs", PartialDate(2017, 6), "HM Inspectorate of Constabulary"),
        # July 2017, the month of the change: the later name, which may have been in force then.
        ("hmicfrs", PartialDate(2017, 7), "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("hmicfrs", dt.date(2017, 7, 15), "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("hmicfrs", PartialDate(2019), "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("hmicfrs", PartialDate(2022), "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("hmicfrs", dt.date(2024, 1, 1), "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        ("force-hampshire", PartialDate(2021), "Hampshire Constabulary"),
        ("force-hampshire", dt.date(2021, 12, 31), "Hampshire Constabulary"),
        ("force-hampshire", dt.date(2022, 3, 1), "Hampshire and Isle of Wight Constabulary"),  # day unknown
        ("force-hampshire", PartialDate(2023, 5, 2), "Hampshire and Isle of Wight Constabulary"),
        ("lpb-west-yorkshire", PartialDate(2020), "Police and Crime Commissioner for West Yorkshire"),
        ("lpb-west-yorkshire", PartialDate(2021, 5), "Mayor of West Yorkshire"),
        ("lpb-west-yorkshire", PartialDate(2021, 6, 1), "Mayor of West Yorkshire"),
        ("lpb-north-yorkshire", PartialDate(2017), "Police and Crime Commissioner for North Yorkshire"),
        ("lpb-north-yorkshire", PartialDate(2018), "Police Fire and Crime Commissioner for North Yorkshire"),
        ("lpb-north-yorkshire", PartialDate(2021, 5, 26), "Police Fire and Crime Commissioner for North Yorkshire"),
        ("lpb-north-yorkshire", PartialDate(2024), "Mayor of York and North Yorkshire"),
        ("lpb-greater-manchester", PartialDate(2016), "Police and Crime Commissioner for Greater Manchester"),
        ("lpb-greater-manchester", PartialDate(2019), "Mayor of Greater Manchester"),
        ("iopc", PartialDate(2017), "Independent Police Complaints Commission"),
        ("iopc", PartialDate(2018, 2), "Independent Office for Police Conduct"),
        ("acpo", PartialDate(2014), "Association of Chief Police Officers"),
        ("npcc", PartialDate(2016), "National Police Chiefs' Council"),
        ("force-kent", dt.date(1990, 1, 1), "Kent Police"),  # no dated names: the name
        ("chief-constables", dt.date(1990, 1, 1), "Chief constables of the territorial forces"),
    ],
)
def test_the_name_in_force_on_a_date(ref: str, on: dt.date | PartialDate, name: str) -> None:
    assert REG.name(ref, on=on) == name


def test_name_without_a_date_is_the_current_name_and_bad_input_is_refused() -> None:
    assert REG.name("hmicfrs") == "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
    assert REG.name("force-hampshire", on=dt.datetime(2020, 1, 1, 12, 0)) == "Hampshire Constabulary"
    with pytest.raises(TypeError, match="needs a date or a PartialDate"):
        REG.name("force-hampshire", on="2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a date or a PartialDate"):
        REG.name("chief-constables", on="2020")  # type: ignore[arg-type]
    with pytest.raises(UnknownRefError):
        REG.name("nobody", on=dt.date(2020, 1, 1))


# --------------------------------------------------------------------------------------------------
# Properties over generated histories of names
# --------------------------------------------------------------------------------------------------

_DAYS = st.integers(min_value=0, max_value=40 * 366)
_EPOCH = dt.date(1990, 1, 1)


@st.composite
def _partial(draw: st.DrawFn, day: dt.date) -> PartialDate:
    """``day`` known to the day, the month or the year."""
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "day":
        return PartialDate.from_date(day)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year)


@st.composite
def _histories(draw: st.DrawFn) -> Body:
    """A body renamed at increasing dates, each change known to the day, the month or the year; the last name
    is current. Name i ends (``until``) and name i+1 starts (``since``) at the same change."""
    changes = sorted(set(draw(st.lists(_DAYS, min_size=1, max_size=5))))
    cuts = [draw(_partial(_EPOCH + dt.timedelta(days=d))) for d in changes]
    assume(all(a.latest < b.earliest for a, b in itertools.pairwise(cuts)))
    names = [f"Name {i}" for i in range(len(cuts) + 1)]
    dated = [
        DatedName(name=name, since=cuts[i - 1] if i else None, until=cuts[i] if i < len(cuts) else None)
        for i, name in enumerate(names)
    ]
    listed = draw(st.booleans())  # whether the current name is also listed with its date
    return Body(id=m.Id("b"), name=names[-1], kind=BodyKind.OTHER, names=tuple(dated if listed else dated[:-1]))


@given(_histories(), st.data())
def test_a_day_inside_a_names_dates_gives_that_name(body: Body, data: st.DataObject) -> None:
    reg = Registry([body])
    for dated in body.names:
        first = dated.since.latest + dt.timedelta(days=1) if dated.since else dt.date(1900, 1, 1)
        last = dated.until.earliest - dt.timedelta(days=1) if dated.until else dt.date(2100, 1, 1)
        if first > last:
            continue
        day = data.draw(st.dates(min_value=first, max_value=last))
        assert reg.name("b", on=day) == dated.name
        assert reg.name("b", on=PartialDate.from_date(day)) == dated.name


@given(_histories(), st.data())
def test_a_date_in_a_change_gives_a_name_that_may_have_been_in_force(body: Body, data: st.DataObject) -> None:
    reg = Registry([body])
    day = data.draw(st.dates(min_value=dt.date(1985, 1, 1), max_value=dt.date(2035, 12, 31)))
    on = data.draw(_partial(day))
    got = reg.name("b", on=on)
    may = {
        n.name
        for n in body.names
        if (n.since is None or n.since.earliest <= on.latest) and (n.until is None or on.earliest <= n.until.latest)
    }
    listed = {n.name for n in body.names}
    # A name that may have been in force on one of its days; the current name only when no listed name may
    # have been, or when the current name has no dates of its own.
    assert got in may or (got == body.name and (not may or body.name not in listed))


_ANY_PARTIAL = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).flatmap(_partial)


@given(
    st.lists(
        st.builds(DatedName, name=st.text(max_size=5), since=st.none() | _ANY_PARTIAL, until=st.none() | _ANY_PARTIAL),
        max_size=5,
    ),
    st.one_of(_ANY_PARTIAL, st.dates(), st.datetimes()),
)
def test_name_on_any_date_never_fails_and_is_a_name_of_the_body(names: list[DatedName], on: object) -> None:
    body = Body(id=m.Id("b"), name="Current", kind=BodyKind.OTHER, names=tuple(names))
    got = Registry([body]).name("b", on=on)  # type: ignore[arg-type]
    assert got in {"Current", *(n.name for n in names)}


def test_former_names_are_found_as_names_not_variants() -> None:
    body = Body(
        id=m.Id("b"),
        name="New Name",
        kind=BodyKind.OTHER,
        names=(DatedName(name="Old Police", until=PartialDate(2010)),),
    )
    force = Body(id=m.Id("c"), name="Old Constabulary", kind=BodyKind.OTHER_POLICE_FORCE)
    reg = Registry([body, force])
    assert [b.id for b in reg.find_by_name("Old Police")] == ["b"]  # a former name wins over c's variant
    assert [b.id for b in reg.find_by_name("Old Police Service")] == ["c"]
    assert sc.default_registry().by_name("Hampshire Constabulary").id == "force-hampshire"
