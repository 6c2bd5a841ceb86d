"""The dashboard: a read-only FastAPI app over a parley store, server-rendered HTML plus a JSON API.

Design choices:
- Server-rendered Jinja2 pages (autoescape on) and one small script of our own; no CDN, no build step, so the
  dashboard works offline. Plotly's browser bundle is served at ``/vendor/plotly.min.js`` straight from the
  installed ``plotly`` package, so the repository does not carry a 4 MB file.
- Read-only: every request opens the SQLite store with ``mode=ro`` (``parley.web.data``); binds to 127.0.0.1
  unless told otherwise.
- Article text is highlighted by ``parley.web.highlight`` (escapes every piece); links to evidence are
  ``/doc/<id>?hl=START-END&ev=<event id>#span-START-END`` (``&quote=`` for a quote) - the query marks the span
  even when no annotation covers exactly those offsets, the fragment scrolls to it, and the event or quote
  named is described above the text with its trigger and actor spans marked.
- The table pages (timeline, claims, actors, events: sorting, toggles, CSV/JSON downloads) are registered by
  ``parley.web.pages``.
- A Content-Security-Policy (scripts only from this origin, nothing inline) backs up the escaping; it and the
  other security headers are on every answer, a 500 included; Host headers that are not this server's names
  get 400 (``parley.web.security``: DNS rebinding).
- Every query parameter is bounded (offsets, page sizes, search strings and their word counts, the ``hl``
  span, quad, dates): out of bounds is a 422, never a 500 from SQLite or ``int()``.
- Ids are routed with a convertor that takes any character (a stored id may hold ``/`` or a newline) and
  links quote them (``data.doc_url``).
- API docs: FastAPI's ``/docs`` loads Swagger UI from a CDN, so it is switched off; ``/openapi.json`` is kept
  and ``/api`` is a local page listing every endpoint with its parameters (rendered from the OpenAPI schema).
"""

import importlib.util
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.web import charts, data, pages, views
from parley.web.highlight import Span, render
from parley.web.pages import Day
from parley.web.security import LOOPBACK, TrustedHosts, is_loopback, secured, trusted_hosts
from parley.web.tables import MAX_LIMIT, MAX_TEXT, PAGE, DocId, Limit, Offset, Text, pager

HERE = Path(__file__).resolve().parent
MAX_WORDS = 20  # words of a quote search (each is one LIKE)
_HL = re.compile(r"^(\d{1,10})-(\d{1,10})$")
HlSpan = Annotated[str | None, Query(max_length=24, description="START-END: the span to mark")]


class AnyPath(Convertor):
    """A path parameter of any characters, newlines included (Starlette's ``path`` stops at a newline)."""

    regex = "[\\s\\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anypath", AnyPath())


def plotly_js() -> Path | None:
    """plotly.min.js inside the installed plotly package (found without importing plotly)."""
    spec = importlib.util.find_spec("plotly")
    for base in (spec.submodule_search_locations or []) if spec else []:
        path = Path(base) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    return None


def create_app(db_path: str, hosts: Iterable[str] = LOOPBACK) -> FastAPI:
    """The dashboard and API over the store at ``db_path`` (opened read-only per request), answering requests
    whose Host is one of ``hosts`` (default: loopback names)."""
    db_file = Path(db_path)
    data.check_store(db_file)  # fail early and clearly when the store is missing or not a store
    app = FastAPI(title="parley", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a parley store. Lists are paginated with `limit`/`offset` "
                              "and answer `{total, limit, offset, items}`.")
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(doc_url=data.doc_url, actor_url=data.actor_url, quads=data.QUAD_NAMES,
                       event_label=views.event_label,
                       safe_href=safe_href, db_name=db_file.name,
                       urlquote=lambda text: quote(str(text), safe=""))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def reader() -> Iterator[data.Reader]:
        conn = data.connect(db_file)
        try:
            yield data.Reader(conn)
        finally:
            conn.close()

    R = Annotated[data.Reader, Depends(reader)]

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, path=request.url.path, **context)
        return HTMLResponse(html)

    app.add_middleware(TrustedHosts, hosts=hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response: Response = await call_next(request)
        return secured(response)

    def error(request: Request, status: int, detail: Any) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return secured(JSONResponse({"detail": detail}, status_code=status))
        html = env.get_template("error.html").render(request=request, path=request.url.path, status=status,
                                                      detail=detail if isinstance(detail, str) else "bad request")
        return secured(HTMLResponse(html, status_code=status))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if not request.url.path.startswith("/api/"):
            detail = "; ".join(f"{'.'.join(map(str, d['loc'][1:]))}: {d['msg']}" for d in detail)
        return error(request, 422, detail)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):  # answered outside the middleware: headers set here
        return error(request, 500, "internal error")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def vendor_plotly():
        path = plotly_js()
        if path is None:
            raise HTTPException(404, "plotly is not installed")
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    # --- pages -----------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, r: R, a: Text = None, b: Text = None):
        trend, problem = dyad_trend(r, a, b)
        total, timeline = r.timeline(limit=60)
        _, top = r.actors(limit=12)
        pairs = [named_trend(r, dict(p)) for p in r.trend_pairs()[:12]]
        return page(request, "overview.html", summary=r.summary(), timeline=timeline, timeline_total=total,
                    top_actors=top, trend=trend, pairs=pairs, problem=problem, picked={"a": a or "", "b": b or ""},
                    names=side_names(r), chart_title=charts.trend_title(trend),
                    figure=charts.figure_json(charts.trend_figure(trend)) if trend["months"] else None)

    @app.get("/doc/{doc_id:anypath}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, r: R, doc_id: str, hl: HlSpan = None,
                     ev: Annotated[str | None, Query(max_length=2000, description="the event the span supports")] = None,
                     quote: Annotated[str | None, Query(max_length=2000, description="the quote it supports")] = None):
        record = r.document(doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        target = parse_hl(hl, len(record.get("text") or ""))
        focus = views.supported(record, ev, quote) if target else None
        return page(request, "article.html", doc=record, body=article_html(record, target, focus), target=target,
                    focus=focus, events=r.events(doc_id=doc_id, limit=MAX_LIMIT)[1])

    @app.get("/actor/{key:anypath}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, r: R, key: str):
        actor = r.actor(key)
        if actor is None:
            raise HTTPException(404, f"no actor {key!r}")
        return page(request, "actor.html", actor=actor)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, r: R, speaker: Text = None, words: Text = None, offset: Offset = 0):
        check_words(words)
        total, rows = r.quotes(speaker=speaker or None, words=words or None, limit=PAGE, offset=offset)
        return page(request, "quotes.html", rows=rows, total=total, speaker=speaker or "", words=words or "",
                    pager=pager(request, total, PAGE, offset))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request):
        return page(request, "api.html", endpoints=endpoints(app.openapi()))

    pages.register(app, page, R)

    # --- JSON API --------------------------------------------------------------------------------------------


    @app.get("/api/summary", tags=["api"])
    def api_summary(r: R) -> dict[str, Any]:
        """Counts of what the store holds and the publication date range."""
        return r.summary()

    @app.get("/api/documents", tags=["api"])
    def api_documents(r: R, limit: Limit = 50, offset: Offset = 0):
        """Articles (id, title, outlet, published, url, counts), by publication date."""
        total, rows = r.documents(limit=limit, offset=offset)
        return paged(total, limit, offset, rows)

    @app.get("/api/documents/{doc_id:anypath}", tags=["api"])
    def api_document(r: R, doc_id: str):
        """The full Document record (the JSON contract of docs/design.md) of one article."""
        record = r.document(doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        record.pop("corpus_ids", None)
        return record

    @app.get("/api/actors", tags=["api"])
    def api_actors(r: R, q: Annotated[str | None, Query(max_length=MAX_TEXT, description="name or alias contains")] = None,
                   limit: Limit = 50, offset: Offset = 0):
        """Actors across the corpus (merged corpus actors when available), most mentioned first."""
        total, rows = r.actors(limit=limit, offset=offset, q=q)
        return paged(total, limit, offset, rows)

    @app.get("/api/actors/{key:anypath}", tags=["api"])
    def api_actor(r: R, key: str, limit: Limit = 200):
        """One actor: names, aliases, roles over time, quotes by and about, events as actor and recipient (each
        list at most ``limit`` long; ``more`` names the lists that were cut)."""
        actor = r.actor(key, limit=limit)
        if actor is None:
            raise HTTPException(404, f"no actor {key!r}")
        return actor

    @app.get("/api/events", tags=["api"])
    def api_events(r: R, date_from: Day = None, date_to: Day = None,
                   actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="actor or recipient name contains")] = None,
                   event: Annotated[str | None, Query(max_length=MAX_TEXT, description="PLOVER event type, e.g. PROTEST")] = None,
                   quad: Annotated[int | None, Query(ge=1, le=4, description="1..4")] = None,
                   doc_id: DocId = None, limit: Limit = 50, offset: Offset = 0):
        """Coded events with their evidence span (doc_id, start, end, text) and a link to it."""
        total, rows = r.events(date_from=date_from, date_to=date_to, actor=actor, event=event, quad=quad,
                               doc_id=doc_id, limit=limit, offset=offset)
        return paged(total, limit, offset, rows)

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(r: R, speaker: Annotated[str | None, Query(max_length=MAX_TEXT, description="speaker name contains")] = None,
                   words: Annotated[str | None, Query(max_length=MAX_TEXT, description=f"quote contains every word (at most {MAX_WORDS})")] = None,
                   doc_id: DocId = None, limit: Limit = 50, offset: Offset = 0):
        """Quotes with speaker, offsets and a link to the evidence."""
        check_words(words)
        total, rows = r.quotes(speaker=speaker, words=words, doc_id=doc_id, limit=limit, offset=offset)
        return paged(total, limit, offset, rows)

    @app.get("/api/timeline", tags=["api"])
    def api_timeline(r: R, limit: Limit = 50, offset: Offset = 0):
        """Timeline dates (paginated) with summary sentences, their evidence and the happenings of the day."""
        total, rows = r.timeline(limit=limit, offset=offset)
        return paged(total, limit, offset, rows)

    @app.get("/api/trend", tags=["api"])
    def api_trend(r: R, a: Annotated[str | None, Query(max_length=MAX_TEXT, description="one side: actor id/name/alias, code or group word")] = None,
                  b: Annotated[str | None, Query(max_length=MAX_TEXT, description="the other side")] = None):
        """Monthly cooperation/conflict counts for a dyad (default: government vs opposition, else the most
        active pair). A dyad asked for is counted as ``parley trend`` counts it: happenings dated only by
        publication included (``published_only`` per month), with ``counted`` per date basis and ``left_out`` per
        reason; a side that names nothing here is a 404 whose detail suggests close names."""
        if bool(a) != bool(b):
            raise HTTPException(400, "give both a and b, or neither")
        trend, problem = dyad_trend(r, a, b)
        if problem:
            raise HTTPException(404, problem)
        return trend

    @app.get("/api/trend/pairs", tags=["api"])
    def api_trend_pairs(r: R):
        """Dyads with a stored trend and their total happenings."""
        return r.trend_pairs()

    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard with uvicorn (blocks); a non-loopback ``host`` is trusted too, with a warning."""
    import uvicorn

    app = create_app(db_path, hosts=trusted_hosts(host))
    if not is_loopback(host):
        print(f"parley: warning: serving on {host}, not a loopback address: anyone who can reach this machine "
              "can read the store", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="info")


def check_words(words: str | None) -> None:
    if words and len(words.split()) > MAX_WORDS:
        raise HTTPException(422, f"at most {MAX_WORDS} words")


# --- helpers ---------------------------------------------------------------------------------------------------


def paged(total: int, limit: int, offset: int, items: list) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def parse_hl(value: str | None, n: int) -> tuple[int, int] | None:
    m = _HL.match(value or "")
    if not m:
        return None
    s, e = int(m.group(1)), int(m.group(2))
    return (s, e) if 0 <= s < e <= n else None


def safe_href(url: str | None) -> str | None:
    """Only http(s) URLs become links (no javascript: or data: from an article's metadata)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def dyad_trend(r: data.Reader, a: str | None, b: str | None) -> tuple[dict[str, Any], str | None]:
    """The overview's series and, when the dyad picked cannot be drawn, why. A picked dyad is counted as
    ``parley trend`` counts it (``corpus.trend.dyad_report``: happenings dated only by publication included and
    marked, with what was counted and left out; an unknown side is the message, with close names). The default
    pair (``Reader.trend`` picks it) is counted the same way, so the overview does not drop the happenings dated
    only by publication that the stored trend table leaves out."""
    from parley.corpus.trend import UnknownSide

    problem = None
    if bool(a) != bool(b):
        problem, a, b = "Pick both sides of the dyad.", None, None
    if a and b:
        base = r.trend(a, b)
        try:
            _count_as_report(r, base)
        except UnknownSide as err:
            problem, a, b = str(err).replace("in this store", "here"), None, None
    if not (a and b):
        base = r.trend()
        try:
            _count_as_report(r, base)
        except UnknownSide:
            pass  # stored keys that no longer resolve (no actor tables): the stored series stays
    return named_trend(r, base), problem


def _count_as_report(r: data.Reader, base: dict[str, Any]) -> None:
    """Recount a series' dyad with ``dyad_report`` in place: months, counted, left_out. A report that finds no
    happening at all between the pair (a trend table not written from this store's clusters) keeps the stored
    series rather than blanking it; from a rebuilt store the report always holds what the table holds."""
    from parley.corpus.trend import dyad_report

    if base.get("a") and base.get("b") and r.has_table("event_clusters"):
        report = dyad_report(r, base["a"], base["b"])
        if report["counted"] or report["left_out"] or not base.get("months"):
            base.update(months=report["rows"], counted=report["counted"], left_out=report["left_out"])


def side_names(r: data.Reader, limit: int = 300) -> list[str]:
    """Names the dyad picker suggests: group words, then corpus actors by coverage."""
    from parley.corpus.merge import config

    names = [str(g) for g in config()["groups"]]
    if r.has_table("corpus_actors"):
        names += [x["name"] for x in r.rows("SELECT name FROM corpus_actors ORDER BY num_docs DESC, name LIMIT ?",
                                            (limit,))]
    return list(dict.fromkeys(names))


def named_trend(r: data.Reader, trend: dict[str, Any]) -> dict[str, Any]:
    """Add display names for the two sides (corpus actor names for actor ids)."""
    for side in ("a", "b"):
        key = trend.get(side)
        name = key
        if key and not key.startswith("group:") and r.has_table("corpus_actors"):
            row = r.one("SELECT name FROM corpus_actors WHERE id = ?", (key,))
            name = row["name"] if row else key
        trend[f"{side}_name"] = name
    return trend


def article_html(record: dict[str, Any], target: tuple[int, int] | None,
                 focus: dict[str, Any] | None = None) -> str:
    """The cleaned text with its annotations as nested spans; ``target`` is marked as the evidence and, for the
    event it supports (``focus``), its trigger and its actor and recipient spans."""
    spans: list[Span] = []
    if target:
        spans.append(Span(target[0], target[1], "target", "mark"))
    if focus and focus["kind"] == "event":
        n = len(record.get("text") or "")
        item = focus["item"]
        marks = [("trigger", item.get("trigger_span"))]
        marks += [("role-actor", sp) for sp in item.get("actor_spans") or []]
        marks += [("role-recipient", sp) for sp in item.get("recipient_spans") or []]
        for cls, sp in marks:
            if isinstance(sp, list) and len(sp) == 2 and all(isinstance(x, int) for x in sp) and 0 <= sp[0] < sp[1] <= n:
                spans.append(Span(sp[0], sp[1], cls, attrs={"data-role": cls}))
    for e in record.get("events") or []:
        what = e.get("event") or (f"CAMEO {e['cameo']}" if e.get("cameo") else "event")
        who = ", ".join(e.get("actor") or []) or "?"
        whom = ", ".join(e.get("recipient") or [])
        title = f"{what}: {who}" + (f" \u2192 {whom}" if whom else "") + (f" ({e['date']})" if e.get("date") else "")
        spans.append(Span(e["start"], e["end"], "event", attrs={"title": title, "data-event": what}))
    for q in record.get("quotes") or []:
        spans.append(Span(q["start"], q["end"], "quote", attrs={"title": f"quote: {q.get('speaker') or 'unknown'}"}))
    for t in record.get("times") or []:
        spans.append(Span(t["start"], t["end"], "time",
                          attrs={"title": f"{t.get('value') or '?'} ({t.get('precision') or '?'})"}))
    corpus_ids = record.get("corpus_ids") or {}
    for a in record.get("actors") or []:
        href = data.actor_url(corpus_ids.get(a["id"], a["id"]))
        for s, e in a.get("mentions") or []:
            spans.append(Span(s, e, "mention", "a", attrs={"href": href, "title": f"{a['name']} ({a.get('type')})"}))
    used: set[str] = set()
    for span in spans:  # the first (outermost-preferred) span of each range carries the anchor id
        anchor = f"span-{span.start}-{span.end}"
        if anchor not in used:
            span.attrs = {"id": anchor, **span.attrs}
            used.add(anchor)
    return render(record.get("text") or "", spans)


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's endpoints from the OpenAPI schema, for the local /api page."""
    out = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [{"name": p["name"], "in": p["in"], "description": p.get("description", ""),
                       "required": p.get("required", False)} for p in op.get("parameters", [])]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return out

