"""Build the shipped register of bodies (src/supercomplaint/data/register.json).

Run from the repository root, with ../shared/reference/police-force-areas.csv beside the clone:

    python tools/build_register.py

    python tools/build_register.py --check   # exit 1, writing nothing, when the shipped file is stale

The national bodies are listed here (domain.md section 4); the 43 territorial forces and their local
policing bodies come from the ONS police force areas reference file. A test fails when the committed file
differs from what this script writes.

Names change (domain.md section 5). A body that was renamed, or whose office passed to another holder of the
same statutory role, keeps one id and lists its names with the dates each was in force; a body that was
replaced by a different one (ACPO by the NPCC) is a body of its own, named in its successor's
``predecessors``. Dates are given to the precision known (a month or a year), never to an invented day.

Why the local policing bodies keep one id per area: ``lpb-west-yorkshire`` stands for the local policing
body of West Yorkshire, the statutory role whose functions passed from the commissioner to the mayor in May
2021. Expanding the group ``local-policing-bodies`` then gives the 43 bodies that hold the role today, and a
response the commissioner sent in 2020 is recorded against the same id as the obligation it meets, so the
tracker needs no notion of succession to count it. A separate predecessor body would either be a member
of the group (44 members) or, if not, leave its 2020 response answering nobody's obligation.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from supercomplaint import Body, BodyKind, DatedName, Group, Identifier, PartialDate, Register, dumps  # noqa: E402
from supercomplaint.model import Id, Ref  # noqa: E402

CSV = ROOT.parent / "shared" / "reference" / "police-force-areas.csv"
OUT = ROOT / "src" / "supercomplaint" / "data" / "register.json"

NATIONAL: list[tuple[str, str, BodyKind, tuple[str, ...]]] = [
    ("home-office", "Home Office", BodyKind.GOVERNMENT_DEPARTMENT, ()),
    ("ministry-of-justice", "Ministry of Justice", BodyKind.GOVERNMENT_DEPARTMENT, ("MoJ",)),
    ("cps", "Crown Prosecution Service", BodyKind.PROSECUTOR, ("CPS",)),
    (
        "hmicfrs",
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        BodyKind.INSPECTORATE,
        ("HMICFRS", "HMIC", "HM Chief Inspector of Constabulary", "HMCIC"),
    ),
    ("iopc", "Independent Office for Police Conduct", BodyKind.POLICE_CONDUCT_BODY, ("IOPC", "IPCC")),
    ("college-of-policing", "College of Policing", BodyKind.PROFESSIONAL_BODY, ()),
    ("npcc", "National Police Chiefs' Council", BodyKind.NATIONAL_POLICING_BODY, ("NPCC",)),
    ("acpo", "Association of Chief Police Officers", BodyKind.NATIONAL_POLICING_BODY, ("ACPO",)),
    ("apcc", "Association of Police and Crime Commissioners", BodyKind.NATIONAL_POLICING_BODY, ("APCC",)),
    ("iasc", "Independent Anti-Slavery Commissioner", BodyKind.COMMISSIONER, ()),
    (
        "victims-commissioner",
        "Victims' Commissioner for England and Wales",
        BodyKind.COMMISSIONER,
        ("Victims' Commissioner",),
    ),
    ("nca", "National Crime Agency", BodyKind.LAW_ENFORCEMENT_AGENCY, ("NCA",)),
]

# The police forces outside the 43 territorial forces whose chiefs answer "chief constables or equivalents".
OTHER_FORCES: list[tuple[str, str, tuple[str, ...]]] = [
    ("btp", "British Transport Police", ("BTP",)),
    ("cnc", "Civil Nuclear Constabulary", ("CNC",)),
    ("mod-police", "Ministry of Defence Police", ("MDP", "MoD Police")),
]

# Police forces of the United Kingdom outside England and Wales: recordable (PSNI answers collated requests),
# owing nothing under the regulations.
OUTSIDE_REGIME: list[tuple[str, str, tuple[str, ...]]] = [
    ("psni", "Police Service of Northern Ireland", ("PSNI",)),
    ("police-scotland", "Police Scotland", ("Police Service of Scotland",)),
]


def _dated(name: str, since: str | None = None, until: str | None = None) -> DatedName:
    return DatedName(
        name=name,
        since=PartialDate.parse(since) if since else None,
        until=PartialDate.parse(until) if until else None,
    )


# Names with the dates they were in force (domain.md section 5), to the precision known: HMIC took on fire
# and rescue inspection and was renamed in July 2017, and became "His Majesty's" in September 2022 on the
# accession; the IPCC became the IOPC in January 2018; ACPO was replaced by the NPCC in April 2015;
# Hampshire Constabulary was renamed in 2022 (the day is not recorded here).
NATIONAL_NAMES: dict[str, tuple[DatedName, ...]] = {
    "hmicfrs": (
        _dated("HM Inspectorate of Constabulary", until="2017-07"),
        _dated("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "2017-07", "2022-09"),
        _dated("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", since="2022-09"),
    ),
    "iopc": (
        _dated("Independent Police Complaints Commission", until="2018-01"),
        _dated("Independent Office for Police Conduct", since="2018-01"),
    ),
    "acpo": (_dated("Association of Chief Police Officers", until="2015-03"),),
    "npcc": (_dated("National Police Chiefs' Council", since="2015-04"),),
}
PREDECESSORS: dict[str, tuple[Ref, ...]] = {"npcc": (Ref("acpo"),)}

# Short and former names met in records, and the chief officers' own titles where they are not "Chief
# Constable" (a name that means the force, as "Chief Constable of Kent" does).
FORCE_ALIASES = {
    "E23000001": (
        "Met",
        "Met Police",
        "MPS",
        "Commissioner of Police of the Metropolis",
        "Metropolitan Police Commissioner",
        "Commissioner of the Metropolitan Police",
    ),
    "E23000034": (
        "Commissioner of Police for the City of London",
        "City of London Police Commissioner",
        "Commissioner of the City of London Police",
    ),
}
FORCE_NAMES = {
    "E23000030": (
        _dated("Hampshire Constabulary", until="2022"),
        _dated("Hampshire and Isle of Wight Constabulary", since="2022"),
    ),
}
LPB_ALIASES = {
    "E23000001": ("MOPAC",),
    "E23000030": ("Police and Crime Commissioner for Hampshire and the Isle of Wight",),
}
# Local policing bodies whose office passed to a mayor, or took on fire governance: the role keeps its id.
# Greater Manchester's commissioner passed to the mayor in May 2017, West Yorkshire's in May 2021; North
# Yorkshire's commissioner became a police, fire and crime commissioner in 2018 and passed to the mayor of
# York and North Yorkshire in May 2024.
LPB_NAMES = {
    "E23000005": (
        _dated("Police and Crime Commissioner for Greater Manchester", until="2017-05"),
        _dated("Mayor of Greater Manchester", since="2017-05"),
    ),
    "E23000009": (
        _dated("Police and Crime Commissioner for North Yorkshire", until="2018"),
        _dated("Police Fire and Crime Commissioner for North Yorkshire", "2018", "2024-05"),
        _dated("Mayor of York and North Yorkshire", since="2024-05"),
    ),
    "E23000010": (
        _dated("Police and Crime Commissioner for West Yorkshire", until="2021-05"),
        _dated("Mayor of West Yorkshire", since="2021-05"),
    ),
}


def slug(area: str) -> str:
    if area == "London, City of":
        return "city-of-london"
    return re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")


def lpb_name(office: str, area: str) -> str:
    if office in {"Police and Crime Commissioner", "Police Fire and Crime Commissioner"}:
        return f"{office} for {area}"
    return office


def build() -> Register:
    bodies = [
        Body(
            id=Id(i),
            name=n,
            kind=k,
            aliases=a,
            names=NATIONAL_NAMES.get(i, ()),
            predecessors=PREDECESSORS.get(i, ()),
        )
        for i, n, k, a in NATIONAL
    ]
    others = [Body(id=Id(i), name=n, kind=BodyKind.OTHER_POLICE_FORCE, aliases=a) for i, n, a in OTHER_FORCES]
    outside = [
        Body(id=Id(i), name=n, kind=BodyKind.OTHER_POLICE_FORCE, aliases=a, outside_regime=True)
        for i, n, a in OUTSIDE_REGIME
    ]
    bodies += others + outside
    forces: list[Ref] = []
    lpbs: list[Ref] = []
    with CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        code, area, office = row["ons_code"], row["force_area"], row["local_policing_body"]
        ident = (Identifier(scheme="ons-pfa", value=code),)
        display_area = "City of London" if area == "London, City of" else area
        force = Body(
            id=Id(f"force-{slug(area)}"),
            name=row["force_name"],
            kind=BodyKind.TERRITORIAL_FORCE,
            identifiers=ident,
            area=display_area,
            aliases=FORCE_ALIASES.get(code, ()),
            names=FORCE_NAMES.get(code, ()),
        )
        lpb = Body(
            id=Id(f"lpb-{slug(area)}"),
            name=lpb_name(office, display_area),
            kind=BodyKind.LOCAL_POLICING_BODY,
            identifiers=ident,
            area=display_area,
            office=office,
            aliases=LPB_ALIASES.get(code, ()),
            names=LPB_NAMES.get(code, ()),
        )
        bodies += [force, lpb]
        forces.append(Ref(force.id))
        lpbs.append(Ref(lpb.id))
    groups = (
        Group(
            id=Id("chief-constables"),
            name="Chief constables of the territorial forces",
            members=tuple(forces),
            collator=Ref("npcc"),
            description="The chief officers of the 43 territorial police forces of England and Wales.",
        ),
        Group(
            id=Id("local-policing-bodies"),
            name="Local policing bodies",
            members=tuple(lpbs),
            collator=Ref("apcc"),
            description=(
                "The 43 local policing bodies of England and Wales: police and crime commissioners, police, fire "
                "and crime commissioners, mayors with policing powers, and the Common Council of the City of London."
            ),
        ),
        Group(
            id=Id("other-police-forces"),
            name="Other police forces",
            members=tuple(Ref(b.id) for b in others),
            description=(
                "The police forces of England and Wales that are not territorial forces: the British Transport "
                "Police, the Civil Nuclear Constabulary and the Ministry of Defence Police."
            ),
        ),
        Group(
            id=Id("chief-constables-or-equivalents"),
            name="Chief constables or equivalents",
            members=(Ref("chief-constables"), Ref("other-police-forces")),
            collator=Ref("npcc"),
            description=(
                "The chief officers of the 43 territorial forces and of the other police forces (British "
                "Transport Police, Civil Nuclear Constabulary, Ministry of Defence Police), all members of the NPCC."
            ),
        ),
    )
    return Register(
        bodies=tuple(bodies),
        groups=groups,
        source=(
            "ONS Police Force Areas (December 2024) codes; local policing bodies as of 2026; former names and "
            "predecessors dated to the month or year (domain.md sections 4 and 5)."
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build src/supercomplaint/data/register.json from the reference data.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the shipped file is stale")
    args = parser.parse_args(argv)
    text = dumps(build())
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run `python tools/build_register.py`", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is current")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
