"""Flemish and Brussels municipalities in force since 1 January 2025 (NIS codes).

Source: ``contracts/reference/municipalities_2025.csv`` (copied from the shared reference data).
Codes of municipalities merged in 2025 map forward through ``former_nis_codes``.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "reference" / "municipalities_2025.csv"


@dataclass(frozen=True)
class Municipality:
    nis_code: str
    name_nl: str
    name_fr: str
    region: str
    arrondissement_nl: str
    latitude: float
    longitude: float
    former_nis_codes: tuple[str, ...]

    def name(self, lang: str = "nl") -> str:
        return self.name_fr if lang == "fr" else self.name_nl


@cache
def all_municipalities() -> dict[str, Municipality]:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["nis_code"]: Municipality(
            nis_code=row["nis_code"],
            name_nl=row["name_nl"],
            name_fr=row["name_fr"],
            region=row["region"],
            arrondissement_nl=row["arrondissement_nl"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            former_nis_codes=tuple(row["former_nis_codes"].split()),
        )
        for row in rows
    }


@cache
def _forward_map() -> dict[str, str]:
    mapping = {}
    for municipality in all_municipalities().values():
        for old in municipality.former_nis_codes:
            mapping[old] = municipality.nis_code
    return mapping


def current_code(nis_code: str) -> str | None:
    """The 2025 code for *nis_code* (itself if current, its merger if merged, else None)."""
    if nis_code in all_municipalities():
        return nis_code
    return _forward_map().get(nis_code)


def get(nis_code: str) -> Municipality | None:
    code = current_code(nis_code)
    return all_municipalities().get(code) if code else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), good to a few metres at Flemish scale."""
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    dlat = rlat2 - rlat1
    dlon = math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(rlat1) * math.cos(rlat2) * math.sin(dlon / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))
