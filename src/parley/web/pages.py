"""The dashboard's table pages: timeline, claims, actors and events, each sortable, with toggles where they apply
and CSV/JSON downloads of exactly the rows shown (``/<view>.csv``, ``/<view>.json``; see ``parley.web.tables``).

Why a module of its own: ``parley.web.app`` sets the app up (security, errors, the article and actor views,
the JSON API); this one adds the pages that share the table machinery. ``register`` is called once by
``create_app`` with its page renderer and the request's ``Reader`` dependency.
"""


from collections.abc import Callable
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from parley.web import charts, data, tables, views
from parley.web.tables import MAX_LIMIT, PAGE, Column, DocId, Flag, Offset, Sort, Text

PageSize = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
Day = Annotated[str | None, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                  description="YYYY-MM-DD, inclusive")]
Quad = Annotated[str | None, Query(pattern="^[1-4]?$")]
MAP_LIMIT = 5000  # events drawn on the events page's map (the filtered set, not just the page)


def register(app: FastAPI, page: Callable[..., HTMLResponse], R: Any) -> None:
    """Add the table pages and their downloads to ``app``."""

    def show(request: Request, fmt: str | None, name: str, columns: list[Column], rows: list[dict[str, Any]],
             sort: str | None, default: str, offset: int, limit: int, **context: Any) -> Response:
        key, desc = tables.parse_sort(sort, columns, default)
        rows = tables.sort_rows(rows, key, desc)
        shown = rows[offset:offset + limit]
        if fmt is not None:
            return tables.download(fmt, name, shown, columns)
        return page(request, f"{name}.html", rows=shown, total=len(rows), columns=columns,
                    heads=tables.headers(request, columns, key, desc), downloads=tables.download_links(request),
                    pager=tables.pager(request, len(rows), limit, offset), **context)

    # --- timeline ----------------------------------------------------------------------------------------------

    def timeline(request: Request, r, fmt, sort, offset, limit, hide_statements, hide_unasserted):
        rows = views.timeline_rows(r, hide_statements=hide_statements, hide_unasserted=hide_unasserted)
        return show(request, fmt, "timeline", views.TIMELINE_COLUMNS, rows, sort, "date", offset, limit,
                    toggles={"hide_statements": hide_statements, "hide_unasserted": hide_unasserted})

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, r: R, sort: Sort = None, offset: Offset = 0, limit: PageSize = PAGE,
                      hide_statements: Flag = False, hide_unasserted: Flag = False):
        return timeline(request, r, None, sort, offset, limit, hide_statements, hide_unasserted)

    @app.get("/timeline.{fmt}", include_in_schema=False)
    def timeline_download(request: Request, r: R, fmt: str, sort: Sort = None, offset: Offset = 0,
                          limit: PageSize = PAGE, hide_statements: Flag = False, hide_unasserted: Flag = False):
        return timeline(request, r, fmt, sort, offset, limit, hide_statements, hide_unasserted)

    # --- claims ------------------------------------------------------------------------------------------------

    def claims(request: Request, r, fmt, sort, offset, limit, answered):
        rows = views.claim_rows(r)
        if answered:
            rows = [x for x in rows if x["counter_claims"] and x["claim"]]
        return show(request, fmt, "claims", views.CLAIM_COLUMNS, rows, sort, "date", offset, limit,
                    toggles={"answered": answered})

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, r: R, sort: Sort = None, offset: Offset = 0, limit: PageSize = PAGE,
                    answered: Flag = False):
        return claims(request, r, None, sort, offset, limit, answered)

    @app.get("/claims.{fmt}", include_in_schema=False)
    def claims_download(request: Request, r: R, fmt: str, sort: Sort = None, offset: Offset = 0,
                        limit: PageSize = PAGE, answered: Flag = False):
        return claims(request, r, fmt, sort, offset, limit, answered)

    # --- actors ------------------------------------------------------------------------------------------------

    def actors(request: Request, r, fmt, q, sort, offset, limit):
        rows = views.actor_rows(r, q=q or None)
        return show(request, fmt, "actors", views.ACTOR_COLUMNS, rows, sort, "-num_mentions", offset, limit,
                    q=q or "")

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, r: R, q: Text = None, sort: Sort = None, offset: Offset = 0,
                    limit: PageSize = PAGE):
        return actors(request, r, None, q, sort, offset, limit)

    @app.get("/actors.{fmt}", include_in_schema=False)
    def actors_download(request: Request, r: R, fmt: str, q: Text = None, sort: Sort = None, offset: Offset = 0,
                        limit: PageSize = PAGE):
        return actors(request, r, fmt, q, sort, offset, limit)

    # --- articles (paginated and sorted in SQL) -----------------------------------------------------------------

    def documents(request: Request, r, fmt, sort, offset, limit):
        columns = views.DOCUMENT_COLUMNS
        key, desc = tables.parse_sort(sort, columns, "published")
        col = data.DOCUMENT_ORDER[key]  # a whitelisted column, never the parameter's text
        total, rows = r.documents(limit=limit, offset=offset,
                                  order=f"{col} IS NULL, {col}{' DESC' if desc else ''}, id")
        for d in rows:
            d["link"] = data.doc_url(d["id"])
        if fmt is not None:
            return tables.download(fmt, "documents", rows, columns, extra=("id", "url", "link"))
        return page(request, "documents.html", rows=rows, total=total, heads=tables.headers(request, columns, key, desc),
                    downloads=tables.download_links(request), pager=tables.pager(request, total, limit, offset))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, r: R, sort: Sort = None, offset: Offset = 0, limit: PageSize = PAGE):
        return documents(request, r, None, sort, offset, limit)

    @app.get("/documents.{fmt}", include_in_schema=False)
    def documents_download(request: Request, r: R, fmt: str, sort: Sort = None, offset: Offset = 0,
                           limit: PageSize = PAGE):
        return documents(request, r, fmt, sort, offset, limit)

    # --- events (paginated and sorted in SQL) -------------------------------------------------------------------

    def events(request: Request, r, fmt, filters: dict[str, Any], sort, offset, limit):
        columns = views.EVENT_COLUMNS
        key, desc = tables.parse_sort(sort, columns, "date")
        col = data.EVENT_ORDER[key]  # a whitelisted column, never the parameter's text
        order = f"{col} IS NULL, {col}{' DESC' if desc else ''}, e.doc_id, e.start"
        chosen = {"date_from": filters["date_from"] or None, "date_to": filters["date_to"] or None,
                  "actor": filters["actor"] or None, "event": filters["event"] or None, "quad": filters["quad"],
                  "doc_id": filters["doc"] or None, "hide_statements": filters["hide_statements"],
                  "hide_unasserted": filters["hide_unasserted"]}
        total, rows = r.events(**chosen, order=order, limit=limit, offset=offset)
        rows = views.event_rows(rows)
        if fmt is not None:
            return tables.download(fmt, "events", rows, columns, extra=("id", "doc_id", "start", "end", "link"))
        located = charts.map_figure(r.events(**chosen, limit=MAP_LIMIT)[1])  # the map shows every match
        return page(request, "events.html", rows=rows, total=total, filters=filters, types=r.event_types(),
                    heads=tables.headers(request, columns, key, desc), downloads=tables.download_links(request),
                    pager=tables.pager(request, total, limit, offset),
                    map_figure=charts.figure_json(located) if located else None)

    def event_filters(date_from, date_to, actor, event, quad, doc, hide_statements, hide_unasserted):
        return {"date_from": date_from or "", "date_to": date_to or "", "actor": actor or "", "event": event or "",
                "quad": int(quad) if quad else None, "doc": doc or "", "hide_statements": hide_statements,
                "hide_unasserted": hide_unasserted}

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, r: R, date_from: Day = None, date_to: Day = None, actor: Text = None,
                    event: Text = None, quad: Quad = None, doc: DocId = None, hide_statements: Flag = False,
                    hide_unasserted: Flag = False, sort: Sort = None, offset: Offset = 0, limit: PageSize = PAGE):
        filters = event_filters(date_from, date_to, actor, event, quad, doc, hide_statements, hide_unasserted)
        return events(request, r, None, filters, sort, offset, limit)

    @app.get("/events.{fmt}", include_in_schema=False)
    def events_download(request: Request, r: R, fmt: str, date_from: Day = None, date_to: Day = None,
                        actor: Text = None, event: Text = None, quad: Quad = None, doc: DocId = None,
                        hide_statements: Flag = False, hide_unasserted: Flag = False, sort: Sort = None,
                        offset: Offset = 0, limit: PageSize = PAGE):
        filters = event_filters(date_from, date_to, actor, event, quad, doc, hide_statements, hide_unasserted)
        return events(request, r, fmt, filters, sort, offset, limit)
