"""Build the shipped register of bodies (src/supercomplaint/data/register.json).

Run from the repository root, with ../shared/reference/police-force-areas.csv beside the clone:

    python tools/build_register.py

The national bodies are listed here (domain.md section 4); the 43 territorial forces and their local
policing bodies come from the ONS police force areas reference file. A test fails when the committed file
differs from what this script writes.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from supercomplaint import Body, BodyKind, Group, Identifier, Register, dumps  # noqa: E402
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
        (
            "HMICFRS",
            "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
            "HM Inspectorate of Constabulary and Fire and Rescue Services",
        ),
    ),
    ("iopc", "Independent Office for Police Conduct", BodyKind.POLICE_CONDUCT_BODY, ("IOPC",)),
    ("college-of-policing", "College of Policing", BodyKind.PROFESSIONAL_BODY, ()),
    ("npcc", "National Police Chiefs' Council", BodyKind.NATIONAL_POLICING_BODY, ("NPCC",)),
    ("apcc", "Association of Police and Crime Commissioners", BodyKind.NATIONAL_POLICING_BODY, ("APCC",)),
    ("iasc", "Independent Anti-Slavery Commissioner", BodyKind.COMMISSIONER, ()),
    (
        "victims-commissioner",
        "Victims' Commissioner for England and Wales",
        BodyKind.COMMISSIONER,
        ("Victims' Commissioner",),
    ),
    ("nca", "National Crime Agency", BodyKind.LAW_ENFORCEMENT_AGENCY, ("NCA",)),
    ("btp", "British Transport Police", BodyKind.OTHER_POLICE_FORCE, ("BTP",)),
    ("cnc", "Civil Nuclear Constabulary", BodyKind.OTHER_POLICE_FORCE, ("CNC",)),
    ("mod-police", "Ministry of Defence Police", BodyKind.OTHER_POLICE_FORCE, ("MDP", "MoD Police")),
]

# Short and former names met in records.
FORCE_ALIASES = {
    "E23000001": ("Met", "Met Police", "MPS"),
    "E23000030": ("Hampshire Constabulary",),
}
LPB_ALIASES = {"E23000001": ("MOPAC",)}


def slug(area: str) -> str:
    if area == "London, City of":
        return "city-of-london"
    return re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")


def lpb_name(office: str, area: str) -> str:
    if office in {"Police and Crime Commissioner", "Police Fire and Crime Commissioner"}:
        return f"{office} for {area}"
    return office


def build() -> Register:
    bodies = [Body(id=Id(i), name=n, kind=k, aliases=a) for i, n, k, a in NATIONAL]
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
        )
        lpb = Body(
            id=Id(f"lpb-{slug(area)}"),
            name=lpb_name(office, display_area),
            kind=BodyKind.LOCAL_POLICING_BODY,
            identifiers=ident,
            area=display_area,
            office=office,
            aliases=LPB_ALIASES.get(code, ()),
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
    )
    return Register(
        bodies=tuple(bodies),
        groups=groups,
        source="ONS Police Force Areas (December 2024) codes; local policing bodies as of 2026; domain.md section 4.",
    )


def main() -> None:
    OUT.write_text(dumps(build()), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
