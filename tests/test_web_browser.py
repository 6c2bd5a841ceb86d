"""The table pages in headless Chromium (the pattern of test_browser.py: Debian's chromium, every request off the
loopback aborted and recorded): timeline, claims, actors and events pages, sorting by a header click, the CSV and
JSON downloads, the toggles, the dyad picker and the evidence note."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from test_browser import Server, browser, page, shots  # noqa: F401 (fixtures)
from test_web_tables import table_store


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(table_store(tmp_path_factory.mktemp("browser-tables") / "t.db"))
    yield s
    s.stop()


def test_timeline_page_and_its_toggles(page, server, shots):  # noqa: F811
    page.goto(server.base + "/timeline")
    assert page.locator("tr.timeline-row").count() == 3
    first = page.locator("tr.timeline-row").first
    before = first.locator("li.happening").count()
    assert "statement: Make statement" in first.inner_text()
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)
    page.locator('#timeline-filters input[name="hide_statements"]').check()
    page.locator('#timeline-filters input[name="hide_unasserted"]').check()
    page.locator("#timeline-filters button[type=submit]").click()
    page.wait_for_url("**/timeline?*hide_statements=1*")
    first = page.locator("tr.timeline-row").first
    assert first.locator("li.happening").count() == before - 2
    assert "statement" not in first.locator("ul.happenings").inner_text()
    assert page.problems == []


def test_events_header_click_sorts_and_download_matches(page, server):  # noqa: F811
    page.goto(server.base + "/events")
    page.locator('thead a.sort[data-sort="goldstein"]').click()
    page.wait_for_url("**/events?sort=goldstein")
    page.locator('thead a.sort[data-sort="goldstein"]').click()
    page.wait_for_url("**/events?sort=-goldstein")
    ids = page.locator("table.events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    with page.expect_download() as info:
        page.locator('a.download[data-format="csv"]').click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert [r["id"] for r in rows] == ids
    scores = [float(r["goldstein"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    with page.expect_download() as info:
        page.locator('a.download[data-format="json"]').click()
    assert [r["id"] for r in json.loads(open(info.value.path(), encoding="utf-8").read())] == ids
    assert page.problems == []


def test_event_toggles_in_the_browser(page, server):  # noqa: F811
    page.goto(server.base + "/events")
    total = page.locator("table.events tbody tr").count()
    page.locator('#event-filters input[name="hide_statements"]').check()
    page.locator("#event-filters button[type=submit]").click()
    page.wait_for_url("**hide_statements=1**")
    assert page.locator("table.events tbody tr").count() == total - 1
    assert page.locator('tr[data-event-id="talks-2:stmt"]').count() == 0
    assert page.problems == []


def test_claims_page_links_to_evidence_of_the_counter_claim(page, server, shots):  # noqa: F811
    page.goto(server.base + "/claims")
    row = page.locator("tr.claim-row").first
    assert "Matthias Dravik" in row.inner_text() and "Tomas Lind" in row.inner_text()
    page.screenshot(path=str(shots / "claims.png"), full_page=True)
    row.locator("li.counter-claim a.evidence-link").click()
    page.wait_for_url("**/doc/arrest?hl=*")
    assert page.locator("#article-text :target").inner_text().startswith("This is an attack")
    assert page.problems == []


def test_actors_page_codes_and_sort(page, server):  # noqa: F811
    page.goto(server.base + "/actors")
    assert "VALOPP" in page.locator("#actors-table").inner_text()
    page.locator('thead a.sort[data-sort="as_recipient"]').click()
    page.wait_for_url("**sort=as_recipient")
    page.locator('thead a.sort[data-sort="as_recipient"]').click()
    page.wait_for_url("**sort=-as_recipient")
    assert page.locator("#actors-table tbody tr").first.locator("td").first.inner_text() == "Ilena Varosh"
    assert page.problems == []


def test_dyad_picker_draws_the_pair_on_a_date_axis(page, server, shots):  # noqa: F811
    page.goto(server.base + "/")
    page.locator('#dyad-picker input[name="a"]').fill("Matthias Dravik")
    page.locator('#dyad-picker input[name="b"]').fill("Varosh")
    page.locator("#dyad-picker button[type=submit]").click()
    page.wait_for_url("**/?a=Matthias+Dravik&b=Varosh")
    page.wait_for_selector("#trend-chart svg", timeout=15_000)
    assert page.locator("#chart-title").inner_text() == "Matthias Dravik \u2194 Varosh"
    ticks = page.locator("#trend-chart .xtick text").all_text_contents()
    assert ticks and all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t) for t in ticks), ticks  # a date axis
    assert "negated 1" in page.locator("#trend-tally").inner_text()
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)
    page.goto(server.base + "/?a=Ilena+Varsoh&b=Police")
    assert "did you mean 'Ilena Varosh'" in page.locator("#dyad-problem").inner_text()
    assert page.problems == []


def test_evidence_note_names_the_event(page, server):  # noqa: F811
    page.goto(server.base + "/events?event=ASSAULT")
    page.locator("table.events a.evidence-link").first.click()
    page.wait_for_url("**/doc/arrest?hl=*&ev=*")
    note = page.locator("#evidence-for")
    assert note.is_visible() and "ASSAULT" in note.inner_text() and "Police" in note.inner_text()
    assert page.problems == []
