"""Reference data shipped in `schemas/data`: the 21 cities, the 2022 occupation catalogue, the campaigns' history.

Loaded lazily and once per process, so a Lambda that never touches occupations never reads the catalogue.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from schemas.campaigns import Campaign

DATA = Path(__file__).parent / "data"

PROVINCE_CODE = "44"
PROVINCIAL_CENTRE = "广东省职业技能服务指导中心"
PROVINCIAL_CENTRE_PHONE = "020-83189554"
# [choice] skill occupations are the 细类 of 大类 4, 5 and 6 of the 2022 catalogue.
SKILL_MAJOR_GROUPS = frozenset("456")


@dataclass(frozen=True, slots=True)
class City:
    code: str
    name: str
    area_code: str
    institution: str
    phone: str
    address: str

    @property
    def hotline(self) -> str:
        return f"{self.area_code}-12333"


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    name: str
    aliases: tuple[str, ...]
    green: bool
    digital: bool

    @property
    def skill(self) -> bool:
        return self.code[0] in SKILL_MAJOR_GROUPS


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def cities() -> dict[str, City]:
    contacts = {row["code"]: row for row in _read_csv("city_contacts.csv")}
    out: dict[str, City] = {}
    for row in _read_csv("cities.csv"):
        contact = contacts.get(row["code"], {})
        out[row["code"]] = City(
            code=row["code"],
            name=row["name"],
            area_code=row["area_code"],
            institution=contact.get("institution", ""),
            phone=contact.get("phone", ""),
            address=contact.get("address", ""),
        )
    return out


def _split_marks(name: str) -> tuple[str, bool, bool]:
    for suffix, green, digital in (("L/S", True, True), ("L", True, False), ("S", False, True)):
        if name.endswith(suffix):
            return name[: -len(suffix)], green, digital
    return name, False, False


@lru_cache(maxsize=1)
def occupations() -> dict[str, Occupation]:
    """The 细类 (level 4) of the 2022 catalogue, by code."""
    out: dict[str, Occupation] = {}
    for row in _read_csv("csco22.csv"):
        if row["level"] != "4":
            continue
        name, green, digital = _split_marks(row["name"])
        aliases = tuple(a for a in row["alias"].split(",") if a and a != row["name"])
        out[row["code"]] = Occupation(row["code"], name, aliases, green, digital)
    return out


def search_occupations(query: str, limit: int = 50, skill_only: bool = False) -> list[Occupation]:
    """Occupations whose code, name or alias contains `query`; exact and skill occupations first."""
    q = query.strip()
    pool = [o for o in occupations().values() if o.skill or not skill_only]
    if not q:
        return [o for o in pool if o.skill][:limit]
    hits = [o for o in pool if q in o.code or q in o.name or any(q in a for a in o.aliases)]
    hits.sort(key=lambda o: (o.name != q and o.code != q, not o.name.startswith(q), not o.skill, o.code))
    return hits[:limit]


def campaigns() -> dict[str, Campaign]:
    """The campaigns shipped as history (the build-time guide's fallback). Live code reads the administered
    campaigns through `functions.services.campaigns`, which merges these with the stored ones."""
    from schemas.campaigns import shipped_campaigns

    return shipped_campaigns()
