"""Field formats shared by the exports: dates at their precision and their day bounds, and an event's place as
GDELT 2.0 ActionGeo fields (read from the stored Document record, where the places stage keeps it).

Why a module of its own: the mention-level exports (``parley.export``) and the happening table
(``parley.export_tables``) must write dates and places the same way.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from typing import Any

# GDELT 2.0 event-table ActionGeo fields (the event's location), then its evidence and what it rests on
GEO_COLUMNS = ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
               "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "Location Basis", "Location Text",
               "Location Start", "Location End"]


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """(first day, last day) of an ISO date of day, month or year precision; (None, None) if unreadable."""
    if not value:
        return None, None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        day = int(parts[2])
        return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day:02d}"
    except (ValueError, IndexError, calendar.IllegalMonthError):
        return None, None


def iso_at_precision(value: str | None, precision: str | None) -> str | None:
    """The date written at its own precision, never padded: day (and week, whose stored value is its first day)
    ``YYYY-MM-DD``, month ``YYYY-MM``, year ``YYYY``, decade ``YYYX`` (ISO 8601-2 unspecified digit: "196X" is
    the 1960s); None when ``value`` is not a date. Padding "2013-06" to "2013-06-01" would claim a day nobody
    reported."""
    first, _ = date_bounds(value)
    if first is None:
        return None
    if precision == "decade":
        return first[:3] + "X"
    if precision == "year" or len(value) == 4:
        return first[:4]
    if precision == "month" or len(value) == 7:
        return first[:7]
    try:
        return date.fromisoformat(first).isoformat()
    except ValueError:  # "2013-02-30"
        return None


def locations(record: str | None) -> dict[str, dict]:
    """Event id -> location from the stored Document record (the places stage's ``event.location``)."""
    try:
        events = json.loads(record).get("events", []) if record else []
    except ValueError:
        return {}
    return {ev["id"]: ev["location"] for ev in events if isinstance(ev, dict) and ev.get("location")}



def action_geo(loc: dict[str, Any] | None) -> dict[str, Any]:
    """GDELT-style ActionGeo fields of a location. Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world
    state (GDELT's codes). CountryCode is ISO 3166 alpha-2 and ADM1Code that code plus the GeoNames admin-1 code
    (GDELT writes FIPS 10-4 codes; parley's gazetteer is GeoNames'), FeatureID the GeoNames id."""
    if not loc:
        return dict.fromkeys(GEO_COLUMNS)
    cc, adm1 = loc.get("country"), loc.get("admin1")
    kind = "country" if loc.get("feature_code") == "PCLI" else "state" if loc.get("feature_code") == "ADM1" \
        else "city"
    geo_type = {"country": 1, "state": 2 if cc == "US" else 5, "city": 3 if cc == "US" else 4}[kind]
    parts = [loc.get("name")] if kind == "city" else []
    if kind != "country" and loc.get("admin1_name"):
        parts.append(loc["admin1_name"])
    parts.append(loc.get("country_name"))
    return {"ActionGeo_Type": geo_type, "ActionGeo_FullName": ", ".join(p for p in parts if p),
            "ActionGeo_CountryCode": cc, "ActionGeo_ADM1Code": f"{cc}{adm1}" if cc and adm1 and kind != "country"
            else cc, "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"),
            "ActionGeo_FeatureID": loc.get("geonameid"), "Location Basis": loc.get("basis"),
            "Location Text": loc.get("text"), "Location Start": loc.get("start"), "Location End": loc.get("end")}
