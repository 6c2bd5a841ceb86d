"""The dashboard in a real browser: Debian's chromium driven by Python playwright (never a downloaded browser).

uvicorn serves a store on a free loopback port in a thread; every request the page makes to any other host is
aborted and recorded (the dashboard must work offline). Screenshots go to a temp dir; with
``PARLEY_SCREENSHOT_DIR`` set, the overview of the bundled sample is also saved as ``overview.png`` there
(``PARLEY_SCREENSHOT_DIR=1`` means the repository's ``docs/``) for the README.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from web_fixtures import build_sample_store, build_store

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright not installed")


class Server:
    """uvicorn on 127.0.0.1:<free port> in a daemon thread."""

    def __init__(self, db: Path):
        import uvicorn

        from parley.web.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    server = Server(build_store(tmp_path_factory.mktemp("browser") / "parley.db"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    server = Server(build_sample_store(tmp_path_factory.mktemp("browser-sample") / "sample.db"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def page(browser):
    """A page that records console errors, script errors, dialogs and any request leaving the loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []

    def route(r):
        if urlsplit(r.request.url).hostname in ("127.0.0.1", None) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            pg.problems.append(f"external request {r.request.url}")
            r.abort()

    pg.route("**/*", route)
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))

    def dialog(d):
        pg.problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", dialog)
    yield pg
    context.close()


def test_overview_renders_timeline_and_chart(page, fixture_server, shots):
    page.goto(fixture_server.base + "/")
    page.wait_for_selector("#trend-chart svg", timeout=15_000)
    assert page.locator("#trend-chart").get_attribute("data-rendered") == "1"
    assert page.locator("#trend-chart .bars path").count() >= 2  # the bars of two months were drawn
    assert page.locator(".timeline-entry").count() == 3
    assert "Matthias Dravik met opposition leader" in page.locator(".timeline-sentence").first.inner_text()
    page.screenshot(path=str(shots / "overview-fixture.png"), full_page=True)
    assert page.problems == []


def test_event_row_links_to_highlighted_evidence(page, fixture_server, shots):
    page.goto(fixture_server.base + "/events?event=ASSAULT")
    row = page.locator("table.events tbody tr").first
    evidence = row.locator("a.evidence-link")
    expected = evidence.inner_text()
    evidence.click()
    page.wait_for_url("**/doc/arrest?hl=*")
    target = page.locator("#article-text :target")
    assert target.count() == 1
    assert target.inner_text().strip() == expected.strip()
    assert "hl-target" in target.get_attribute("class") and target.is_visible()
    assert page.locator("#article-text mark.hl-target").first.evaluate(
        "el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(shots / "evidence.png"))
    assert page.problems == []


def test_fragment_only_link_is_upgraded_to_a_marked_span(page, fixture_server):
    # offsets that match no annotation: the script reloads with ?hl= so the server marks exactly those characters
    page.goto(fixture_server.base + "/doc/talks#span-3-11")
    page.wait_for_url("**/doc/talks?hl=3-11#span-3-11")
    assert page.locator("#span-3-11").inner_text() == "me Minis"
    assert page.problems == []


def test_article_quotes_highlighted_and_layers_toggle(page, fixture_server):
    page.goto(fixture_server.base + "/doc/talks")
    quote = page.locator("#article-text .hl-quote").first
    assert quote.inner_text() == "We agreed to form a joint commission,"
    colour = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != "rgba(0, 0, 0, 0)"
    page.locator('#layers input[data-layer="quote"]').uncheck()
    assert quote.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.locator("details.boilerplate summary").click()
    assert page.locator("details.boilerplate pre").is_visible()
    assert page.problems == []


def test_injected_markup_stays_text(page, fixture_server, shots):
    for path in ("/doc/xss", "/actor/evil", "/quotes", "/events", "/"):
        page.goto(fixture_server.base + path)
        page.wait_for_load_state("load")
        page.locator("body").hover()
        page.mouse.move(400, 300)
    page.goto(fixture_server.base + "/doc/xss")
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.evaluate("document.querySelectorAll('[onmouseover], [onerror]').length") == 0
    page.screenshot(path=str(shots / "xss.png"))
    assert page.problems == []  # no alert() dialog, no script error


def test_sample_overview_actor_and_events(page, sample_server, shots):
    page.goto(sample_server.base + "/")
    assert page.locator(".timeline-entry").count() >= 1
    if page.locator("#trend-chart").count():
        page.wait_for_selector("#trend-chart svg", timeout=15_000)
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    target = os.environ.get("PARLEY_SCREENSHOT_DIR")
    if target:
        folder = REPO / "docs" if target.lower() in ("1", "true", "yes") else Path(target)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "overview.png"), full_page=False)
    first_actor = page.locator("#top-actors a").first
    if first_actor.count():
        first_actor.click()
        page.wait_for_url("**/actor/*")
        assert page.locator("h1.actor-name").inner_text()
    page.goto(sample_server.base + "/events")
    links = page.locator("table.events a.evidence-link")
    if links.count():
        links.nth(min(2, links.count() - 1)).click()
        page.wait_for_url("**/doc/*?hl=*")
        assert page.locator("#article-text :target").count() == 1
    assert page.problems == []
