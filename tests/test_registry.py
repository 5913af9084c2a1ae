"""The register of bodies: the shipped data, lookups, groups, and documents that extend it."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import Body, BodyKind, Group, Identifier
from supercomplaint import model as m
from supercomplaint.registry import (
    AmbiguousRefError,
    NameWithoutAreaError,
    Registry,
    RegistryError,
    UnknownRefError,
    _key,
    default_registry,
    normalise_name,
)
from supercomplaint.strategies import registers

from .conftest import HESTIA

NATIONAL = [
    "home-office",
    "ministry-of-justice",
    "cps",
    "hmicfrs",
    "iopc",
    "college-of-policing",
    "npcc",
    "acpo",
    "apcc",
    "iasc",
    "victims-commissioner",
    "nca",
    "btp",
    "cnc",
    "mod-police",
    "psni",
    "police-scotland",
]
OTHER_FORCES = ["btp", "cnc", "mod-police"]


def _ons(body: Body) -> str:
    (code,) = [i.value for i in body.identifiers if i.scheme == "ons-pfa"]
    return code


def test_chief_constables_are_the_43_forces_each_with_an_ons_code() -> None:
    reg = default_registry()
    forces = reg.members("chief-constables")
    assert len(forces) == 43
    assert all(f.kind is BodyKind.TERRITORIAL_FORCE for f in forces)
    codes = [_ons(f) for f in forces]
    assert len(set(codes)) == 43
    assert all(re.fullmatch(r"(E23|W15)\d{6}", c) for c in codes)
    assert sum(c.startswith("W15") for c in codes) == 4  # the four Welsh forces
    collator = reg.collator("chief-constables")
    assert collator is not None
    assert collator.id == "npcc"


def test_local_policing_bodies_are_43_one_per_force_area() -> None:
    reg = default_registry()
    bodies = reg.members("local-policing-bodies")
    assert len(bodies) == 43
    assert all(b.kind is BodyKind.LOCAL_POLICING_BODY for b in bodies)
    force_codes = {_ons(f) for f in reg.members("chief-constables")}
    assert {_ons(b) for b in bodies} == force_codes
    collator = reg.collator("local-policing-bodies")
    assert collator is not None
    assert collator.id == "apcc"


def test_the_national_bodies_are_there() -> None:
    reg = default_registry()
    for ref in NATIONAL:
        assert reg.body(ref).id == ref
        assert [b.id for b in reg.members(ref)] == [ref]


def test_default_registry_is_read_once() -> None:
    assert default_registry() is default_registry()
    assert sc.default_registry is default_registry
    assert sc.Registry is Registry


def test_lookup_by_ons_code() -> None:
    reg = default_registry()
    assert reg.by_ons("E23000023").id == "force-cambridgeshire"
    assert reg.by_ons("e23000023 ").id == "force-cambridgeshire"
    assert reg.by_ons("E23000023", kind=BodyKind.LOCAL_POLICING_BODY).id == "lpb-cambridgeshire"
    assert {b.id for b in reg.with_identifier("ons-pfa", "E23000023")} == {"force-cambridgeshire", "lpb-cambridgeshire"}
    with pytest.raises(AmbiguousRefError) as ambiguous:
        reg.by_ons("E23000023", kind=None)
    assert ambiguous.value.problems[0].code == "ambiguous-ons-code"
    with pytest.raises(UnknownRefError) as unknown:
        reg.by_ons("E23999999")
    assert unknown.value.problems[0].code == "unknown-ons-code"


def test_every_force_and_lpb_is_found_by_its_code() -> None:
    reg = default_registry()
    for force in reg.members("chief-constables"):
        assert reg.by_ons(_ons(force)) == force
    for lpb in reg.members("local-policing-bodies"):
        assert reg.by_ons(_ons(lpb), kind=BodyKind.LOCAL_POLICING_BODY) == lpb


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("Cambridgeshire Constabulary", "force-cambridgeshire"),
        ("cambridgeshire police", "force-cambridgeshire"),
        ("CAMBRIDGESHIRE POLICE SERVICE", "force-cambridgeshire"),
        ("Kent Police", "force-kent"),
        ("Kent Constabulary", "force-kent"),
        ("the Metropolitan Police", "force-metropolitan-police"),
        ("Metropolitan Police Service", "force-metropolitan-police"),
        ("Hampshire Constabulary", "force-hampshire"),
        ("Hampshire Police", "force-hampshire"),
        ("Dyfed Powys Police", "force-dyfed-powys"),
        ("National Police Chiefs’ Council", "npcc"),
        ("npcc", "npcc"),
        ("HM Inspectorate of Constabulary & Fire and Rescue Services", "hmicfrs"),
        ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "hmicfrs"),
        ("British Transport Police", "btp"),
        ("Police and Crime Commissioner for Cambridgeshire", "lpb-cambridgeshire"),
        ("Cambridgeshire PCC", "lpb-cambridgeshire"),
        ("Cambridgeshire Police and Crime Commissioner", "lpb-cambridgeshire"),
        ("OPCC for Cambridgeshire", "lpb-cambridgeshire"),
        ("Essex PFCC", "lpb-essex"),
        ("Mayor's Office for Policing and Crime", "lpb-metropolitan-police"),
        ("Chief constables of the territorial forces", "chief-constables"),
        # The forms real documents use (issue 10 item 6).
        ("The Commissioner of Police of the Metropolis", "force-metropolitan-police"),
        ("Commissioner of the Metropolitan Police Service", "force-metropolitan-police"),
        ("Commissioner of Police for the City of London", "force-city-of-london"),
        ("Chief Constable of Lincolnshire", "force-lincolnshire"),
        ("Chief Constable of Lincolnshire Police", "force-lincolnshire"),
        ("Chief Constable, Lincolnshire Police", "force-lincolnshire"),
        ("Lincolnshire Chief Constable", "force-lincolnshire"),
        ("Chief Constable of Devon & Cornwall", "force-devon-and-cornwall"),
        ("Chief Constable of Hampshire", "force-hampshire"),
        ("Chief Constable of British Transport Police", "btp"),
        ("Chief Constable of the Police Service of Northern Ireland", "psni"),
        ("South Yorkshire Police Headquarters", "force-south-yorkshire"),
        ("Kent Police HQ", "force-kent"),
        ("Cambridgeshire Constabulary Headquarters", "force-cambridgeshire"),
        ("Hampshire & IoW Constabulary", "force-hampshire"),
        ("Hampshire and the Isle of Wight Constabulary", "force-hampshire"),
        ("Hampshire & I.o.W. Police", "force-hampshire"),
        ("HMIC", "hmicfrs"),
        ("H.M. Inspectorate of Constabulary", "hmicfrs"),
        ("Her Majesty's Inspectorate of Constabulary", "hmicfrs"),
        ("His Majesty’s Chief Inspector of Constabulary", "hmicfrs"),
        ("Independent Police Complaints Commission", "iopc"),
        ("Association of Chief Police Officers", "acpo"),
        ("Police and Crime Commissioner for Lincolnshire", "lpb-lincolnshire"),
        ("Police and Crime Commissioner for Essex", "lpb-essex"),  # a PFCC is also called a PCC
        ("Police Fire and Crime Commissioner for Essex", "lpb-essex"),
        ("Police and Crime Commissioner for West Yorkshire", "lpb-west-yorkshire"),  # until May 2021
        ("West Yorkshire PCC", "lpb-west-yorkshire"),
        ("Mayor of West Yorkshire", "lpb-west-yorkshire"),
        ("Police, Fire and Crime Commissioner for North Yorkshire", "lpb-north-yorkshire"),  # until May 2024
        ("North Yorkshire PFCC", "lpb-north-yorkshire"),
        ("York and North Yorkshire Mayor", "lpb-north-yorkshire"),
        ("Greater Manchester PCC", "lpb-greater-manchester"),
        ("Local policing body for Kent", "lpb-kent"),
        ("chief constables or equivalents", "chief-constables-or-equivalents"),
        ("Chief Constables", "chief-constables"),
        ("all local policing bodies", "local-policing-bodies"),
        ("Other police forces", "other-police-forces"),
        ("Police Service of Scotland", "police-scotland"),
    ],
)
def test_lookup_by_name(name: str, ref: str) -> None:
    assert default_registry().by_name(name).id == ref


@pytest.mark.parametrize(
    ("name", "example"),
    [
        ("Chief Constable", "Chief Constable of Kent"),
        ("the Chief Constable", "Chief Constable of Kent"),
        ("Chief Constable of", "Chief Constable of Kent"),
        ("the Police and Crime Commissioner", "Police and Crime Commissioner for Kent"),
        ("Police, Fire and Crime Commissioner", "Police and Crime Commissioner for Kent"),
        ("The OPCC", "Police and Crime Commissioner for Kent"),
        ("PCC", "Police and Crime Commissioner for Kent"),
        ("Police Headquarters", "Kent Police Headquarters"),
        ("Police HQ", "Kent Police Headquarters"),
        ("the Constabulary", "Kent Police"),
        ("Commissioner of Police", "Commissioner of Police of the Metropolis"),
    ],
)
def test_a_name_that_names_no_area_is_refused_with_its_own_code(name: str, example: str) -> None:
    reg = default_registry()
    with pytest.raises(NameWithoutAreaError) as raised:
        reg.by_name(name)
    (problem,) = raised.value.problems
    assert problem.code == "name-names-no-area"
    assert str(raised.value) == (
        f"{name!r} names no police force area, so it could mean any of many bodies: name the area, as in {example!r}"
    )
    # Still an unknown name to code that catches those, and a library error.
    assert isinstance(raised.value, UnknownRefError)
    assert isinstance(raised.value, sc.SupercomplaintError)
    assert reg.find_by_name(name) == ()


def test_a_body_a_document_calls_chief_constable_is_found() -> None:
    reg = default_registry().extend([Body(id=m.Id("cc"), name="Chief Constable", kind=BodyKind.OTHER)])
    assert reg.by_name("the chief constable").id == "cc"


def test_other_police_forces_and_chief_constables_or_equivalents() -> None:
    reg = default_registry()
    others = reg.members("other-police-forces")
    assert [b.id for b in others] == OTHER_FORCES
    assert all(b.kind is BodyKind.OTHER_POLICE_FORCE and not b.outside_regime for b in others)
    equivalents = reg.members("chief-constables-or-equivalents")
    assert [b.id for b in equivalents] == [b.id for b in reg.members("chief-constables")] + OTHER_FORCES
    assert reg.group("chief-constables-or-equivalents").members == ("chief-constables", "other-police-forces")
    collator = reg.collator("chief-constables-or-equivalents")
    assert collator is not None
    assert collator.id == "npcc"


def test_forces_outside_england_and_wales_are_recordable_and_marked() -> None:
    reg = default_registry()
    outside = {b.id for b in reg.bodies if b.outside_regime}
    assert outside == {"psni", "police-scotland"}
    grouped = {b.id for g in reg.groups for b in reg.members(g.id)}
    assert not outside & grouped  # no group of the regime reaches them
    assert reg.by_name("PSNI").id == "psni"


def test_local_policing_bodies_are_todays_holders_of_the_role() -> None:
    reg = default_registry()
    members = {str(b.id): b for b in reg.members("local-policing-bodies")}
    assert len(members) == 43
    assert members["lpb-west-yorkshire"].name == "Mayor of West Yorkshire"
    assert members["lpb-north-yorkshire"].name == "Mayor of York and North Yorkshire"
    assert members["lpb-greater-manchester"].name == "Mayor of Greater Manchester"
    # A former commissioner is a former name of the same role, not a 44th body.
    assert reg.by_name("Police and Crime Commissioner for West Yorkshire") is members["lpb-west-yorkshire"]


def test_predecessors_are_known_bodies_outside_every_group() -> None:
    reg = default_registry()
    assert reg.body("npcc").predecessors == ("acpo",)
    grouped = {b.id for g in reg.groups for b in reg.members(g.id)}
    for body in reg.bodies:
        for ref in body.predecessors:
            assert reg.body(ref).id not in grouped


def test_an_exact_name_wins_over_a_variant() -> None:
    reg = default_registry().extend(
        [Body(id=m.Id("kent-police-federation"), name="Kent Constabulary", kind=BodyKind.OTHER)]
    )
    assert reg.by_name("Kent Constabulary").id == "kent-police-federation"
    assert reg.by_name("Kent Police").id == "force-kent"


def test_unknown_and_ambiguous_names() -> None:
    reg = default_registry().extend([Body(id=m.Id("other-kent"), name="Kent Police", kind=BodyKind.OTHER)])
    with pytest.raises(AmbiguousRefError) as ambiguous:
        reg.by_name("Kent Police")
    assert ambiguous.value.problems[0].code == "ambiguous-name"
    assert set(ambiguous.value.problems[0].ids) == {"force-kent", "other-kent"}
    with pytest.raises(UnknownRefError) as unknown:
        reg.by_name("Atlantis Constabulary")
    assert unknown.value.problems[0].code == "unknown-name"
    assert reg.find_by_name("Atlantis Constabulary") == ()


def test_unknown_ids_raise_a_library_error_that_is_also_a_key_error() -> None:
    reg = default_registry()
    with pytest.raises(UnknownRefError) as raised:
        reg.body("force-atlantis")
    assert isinstance(raised.value, KeyError)
    assert isinstance(raised.value, sc.SupercomplaintError)
    assert raised.value.problems[0].code == "unknown-ref"
    assert str(raised.value) == "'force-atlantis' is not a known body"
    with pytest.raises(UnknownRefError, match="is a group, not a body"):
        reg.body("chief-constables")
    with pytest.raises(UnknownRefError, match="is a body, not a group"):
        reg.group("npcc")
    with pytest.raises(UnknownRefError):
        reg.members("nobody")
    with pytest.raises(UnknownRefError):
        reg.name("nobody")
    assert reg.get("nobody") is None
    assert "nobody" not in reg
    assert "npcc" in reg
    assert reg.is_group("chief-constables")
    assert not reg.is_group("npcc")


def test_a_group_with_unknown_members_reports_each() -> None:
    reg = Registry(
        [Body(id=m.Id("a"), name="A", kind=BodyKind.OTHER)],
        [Group(id=m.Id("g"), name="G", members=(m.Ref("a"), m.Ref("x"), m.Ref("y")))],
    )
    with pytest.raises(UnknownRefError) as raised:
        reg.members("g")
    assert [p.ids for p in raised.value.problems] == [("x",), ("y",)]


def test_nested_groups_expand_once_and_cycles_are_reported() -> None:
    a, b = (Body(id=m.Id(i), name=i.upper(), kind=BodyKind.OTHER) for i in "ab")
    reg = Registry(
        [a, b],
        [
            Group(id=m.Id("inner"), name="Inner", members=(m.Ref("a"), m.Ref("b"))),
            Group(id=m.Id("outer"), name="Outer", members=(m.Ref("b"), m.Ref("inner"))),
            Group(id=m.Id("loop1"), name="L1", members=(m.Ref("loop2"),)),
            Group(id=m.Id("loop2"), name="L2", members=(m.Ref("a"), m.Ref("loop1"))),
        ],
    )
    assert [x.id for x in reg.members("outer")] == ["b", "a"]
    with pytest.raises(UnknownRefError) as raised:
        reg.members("loop1")
    assert raised.value.problems[0].code == "group-cycle"
    assert "loop1 -> loop2 -> loop1" in raised.value.problems[0].message


def test_collator_of_a_group_without_one() -> None:
    reg = Registry([], [Group(id=m.Id("g"), name="G", members=())])
    assert reg.collator("g") is None
    assert reg.members("g") == ()


def test_a_document_extends_and_overrides_the_register() -> None:
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, m.CaseRecord)
    reg = Registry.for_document(case)
    assert reg.body("hestia").kind is BodyKind.DESIGNATED_BODY
    assert "hestia" not in default_registry()
    # A document may redefine a register body and a group: its definitions win for that document only.
    renamed = Body(id=m.Id("npcc"), name="NPCC (renamed)", kind=BodyKind.NATIONAL_POLICING_BODY)
    small = Group(id=m.Id("chief-constables"), name="Some", members=(m.Ref("force-kent"),), collator=m.Ref("npcc"))
    doc = m.CaseRecord(
        id=m.Id("c"),
        complaint=m.Complaint(title="t", complainants=(m.Ref("hestia"),)),
        bodies=(renamed,),
        groups=(small,),
    )
    reg = Registry.for_document(doc)
    assert reg.body("npcc").name == "NPCC (renamed)"
    assert reg.by_name("NPCC (renamed)").id == "npcc"
    assert reg.find_by_name("National Police Chiefs' Council") == ()
    assert [b.id for b in reg.members("chief-constables")] == ["force-kent"]
    assert default_registry().body("npcc").name == "National Police Chiefs' Council"
    assert len(default_registry().members("chief-constables")) == 43


def test_an_id_changes_kind_when_overridden() -> None:
    reg = default_registry().extend(groups=[Group(id=m.Id("npcc"), name="N", members=(m.Ref("force-kent"),))])
    assert reg.is_group("npcc")
    with pytest.raises(UnknownRefError):
        reg.body("npcc")
    assert len(reg) == len(default_registry())


def test_response_and_register_documents() -> None:
    extra = Body(id=m.Id("local-charity"), name="Local Charity", kind=BodyKind.OTHER)
    doc = m.ResponseDocument(
        case=m.Ref("c"), response=m.Response(id=m.Id("r"), responder=m.Ref("local-charity")), bodies=(extra,)
    )
    assert Registry.for_document(doc).body("local-charity") == extra
    register = m.Register(bodies=(extra,))
    assert Registry.for_document(register, base=Registry()).bodies == (extra,)
    with pytest.raises(TypeError):
        Registry.for_document("case.json")  # type: ignore[arg-type]


def test_extend_with_nothing_is_the_same_registry() -> None:
    reg = default_registry()
    assert reg.extend() is reg


@given(registers())
def test_any_register_round_trips_through_a_registry(register: m.Register) -> None:
    reg = Registry.from_register(register)
    assert reg.bodies == register.bodies
    assert reg.groups == register.groups
    assert list(reg) == [b.id for b in register.bodies] + [g.id for g in register.groups]
    for body in register.bodies:
        assert reg.body(body.id) == body
        assert body in reg.find_by_name(body.name)
        for identifier in body.identifiers:
            assert body in reg.with_identifier(identifier.scheme, identifier.value)
    for group in register.groups:
        expanded = reg.members(group.id)
        assert [str(b.id) for b in expanded] == [str(r) for r in dict.fromkeys(group.members)]


@given(st.text(max_size=30))
@example("The the Met")
def test_name_normalisation_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


_WORDS = st.sampled_from(["a", "b", "i", "o", "w", "hq", "iow", "the", "his", "her", "majestys", "Kent", "&", "."])


@given(st.lists(_WORDS, max_size=12).map(" ".join) | st.text(max_size=30))
@example("H.M. the I.o.W. HQ")
@example("a the b")
def test_lookup_keys_are_idempotent(text: str) -> None:
    once = _key(text)
    assert _key(once) == once


def test_registry_errors_carry_problems() -> None:
    with pytest.raises(RegistryError) as raised:
        default_registry().by_ons("nope")
    assert raised.value.problems
    assert isinstance(raised.value, LookupError)


def test_identifiers_are_matched_by_scheme() -> None:
    body = Body(
        id=m.Id("b"), name="B", kind=BodyKind.OTHER, identifiers=(Identifier(scheme="other", value="E23000023"),)
    )
    reg = Registry([body])
    assert reg.with_identifier("ons-pfa", "E23000023") == ()
    assert reg.with_identifier("other", "E23000023") == (body,)


def test_a_response_document_s_own_groups_resolve() -> None:
    from supercomplaint import model as m
    from supercomplaint.registry import Registry

    body = m.Body(id=m.Id("local-0"), name="Local body", kind=m.BodyKind.OTHER)
    group = m.Group(id=m.Id("local-group"), name="Local group", members=(m.Ref("local-0"),))
    doc = m.ResponseDocument(
        case=m.Ref("c"), response=m.Response(id=m.Id("r"), responder=m.Ref("local-0")), bodies=(body,), groups=(group,)
    )
    registry = Registry.for_document(doc)
    assert registry.is_group("local-group")
    assert [b.id for b in registry.members("local-group")] == ["local-0"]


def test_the_shipped_register_reads_the_same_through_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read beside the module as files (every pip install), through importlib.resources otherwise (a zip)."""
    from supercomplaint import registry

    beside = registry._shipped_bytes("data", "register.json")
    monkeypatch.setattr(registry, "__file__", "/nonexistent/supercomplaint/registry.py")
    assert registry._shipped_bytes("data", "register.json") == beside
    assert json.loads(beside)["kind"] == "register"
