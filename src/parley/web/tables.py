"""Sortable, downloadable table views: what every dashboard table shares (as Datasette does it).

Design choices:
- A view is a list of ``Column``s and a list of row dicts. Sorting is a query parameter (``sort=date``,
  ``sort=-date`` for descending) checked against the view's sortable columns, so it works without JavaScript,
  survives paging and reaches the downloads; an unknown column is a 422.
- ``/<view>.csv`` and ``/<view>.json`` answer the same query as ``/<view>``: the same filters, toggles, sort,
  offset and page size, so a download holds exactly the rows on screen (``limit`` up to 1000 widens the page).
- A download's cells are the column values only (lists ``; ``-joined in CSV, kept as lists in JSON), plus the
  evidence link of each row, so a row can be traced back to its span. CSV text cells are neutralised against
  formula injection like the exports (``parley.export.csv_cell``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request
from fastapi.responses import Response

from parley.export import csv_cell

FORMATS = ("csv", "json")
PAGE = 50
MAX_LIMIT = 1000
MAX_OFFSET = 10**9
MAX_TEXT = 200  # characters of a search string
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
DocId = Annotated[str | None, Query(max_length=2000)]
Day = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                  description="YYYY-MM-DD, inclusive")]
Sort = Annotated[str | None, Query(max_length=40, pattern=r"^-?\w+$",
                                   description="column to sort by; a leading - sorts descending")]
Flag = Annotated[bool, Query(description="1 to apply")]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sortable: bool = True
    numeric: bool = False


def parse_sort(sort: str | None, columns: list[Column], default: str) -> tuple[str, bool]:
    """(column key, descending) of a ``sort`` parameter; 422 for a column that cannot be sorted."""
    value = sort or default
    desc = value.startswith("-")
    key = value.lstrip("-")
    if key not in {c.key for c in columns if c.sortable}:
        raise HTTPException(422, f"sort: no sortable column {key!r} (one of "
                                 f"{', '.join(c.key for c in columns if c.sortable)})")
    return key, desc


def sort_rows(rows: list[dict[str, Any]], key: str, desc: bool) -> list[dict[str, Any]]:
    """Rows sorted by ``key``; empty values last whichever the direction, text compared case-insensitively."""
    def value(r: dict[str, Any]):
        v = r.get(key)
        if isinstance(v, list):
            v = len(v)
        if isinstance(v, str):
            v = v.lower()
        return v

    present = [r for r in rows if value(r) not in (None, "")]
    missing = [r for r in rows if value(r) in (None, "")]
    kinds = {type(value(r)) in (int, float, bool) for r in present}
    keyf: Callable[[dict[str, Any]], Any] = value if len(kinds) <= 1 else (lambda r: str(value(r)))
    return sorted(present, key=keyf, reverse=desc) + missing


def headers(request: Request, columns: list[Column], key: str, desc: bool) -> list[dict[str, Any]]:
    """Header cells: label, the link that sorts by the column (toggling the direction when it is the current
    one, back to the first page) and the current direction."""
    params = {k: v for k, v in request.query_params.items() if k not in ("sort", "offset")}
    out = []
    for c in columns:
        cell: dict[str, Any] = {"key": c.key, "label": c.label, "numeric": c.numeric, "sorted": None, "href": None}
        if c.sortable:
            new = ("" if desc else "-") + c.key if c.key == key else c.key
            cell["href"] = request.url.path + "?" + urlencode({**params, "sort": new})
            if c.key == key:
                cell["sorted"] = "desc" if desc else "asc"
        out.append(cell)
    return out


def download_links(request: Request) -> dict[str, str]:
    """``{"csv": ..., "json": ...}``: this view's query as ``/<view>.csv`` and ``/<view>.json``."""
    query = request.url.query
    return {fmt: f"{request.url.path}.{fmt}" + (f"?{query}" if query else "") for fmt in FORMATS}


def flat(rows: list[dict[str, Any]], columns: list[Column], extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    keys = [c.key for c in columns] + [k for k in extra if k not in {c.key for c in columns}]
    return [{k: r.get(k) for k in keys} for r in rows]


def download(fmt: str, name: str, rows: list[dict[str, Any]], columns: list[Column],
             extra: tuple[str, ...] = ("link",)) -> Response:
    """The rows of a view as CSV (header = column keys) or as a JSON list of objects."""
    if fmt not in FORMATS:
        raise HTTPException(404, f"no download format {fmt!r} (csv or json)")
    items = flat(rows, columns, extra)
    if fmt == "json":
        return Response(json.dumps(items, ensure_ascii=False, indent=1), media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}.json"'})
    buf = io.StringIO()
    keys = list(items[0]) if items else [c.key for c in columns] + [k for k in extra]
    w = csv.writer(buf)
    w.writerow(keys)
    for item in items:
        w.writerow(csv_cell("; ".join(str(x) for x in v) if isinstance(v, list) else "" if v is None else v)
                   for v in item.values())
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    """Previous/next links that keep the page's other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset"}

    def link(off: int) -> str:
        return request.url.path + "?" + urlencode({**params, "offset": off})

    return {"total": total, "offset": offset, "limit": limit, "page": offset // limit + 1,
            "pages": max(1, math.ceil(total / limit)),
            "prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}
