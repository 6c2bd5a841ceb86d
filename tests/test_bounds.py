"""The HTML markup limits (clean.html.bound_markup): a hostile page is cut before the parsers see it.

Pages are generated here (a news article in a plain template, then tens of thousands of elements or
entities); the html-dev check reads the real pages and skips when ../shared is absent.
"""

from pathlib import Path

import pytest

from parley.clean import html as clean_html
from parley.clean.article import clean
from parley.ingest import IngestError, make_raw

ARTICLE = ("<p>The two parties agreed on Monday to resume talks over the disputed budget, the finance minister "
           "told reporters in the capital after a meeting that lasted most of the night.</p>"
           "<p>Negotiators will meet again next week, he said, adding that both sides had made concessions on "
           "spending for schools and hospitals.</p>")


def page(body: str) -> str:
    return f"<html><head><title>Talks resume</title></head><body><article>{body}</article></body></html>"


def test_page_within_limits_is_untouched():
    html = page(ARTICLE)
    assert clean_html.bound_markup(html) == (html, None)


def test_many_elements_cut_before_the_first_over_the_limit():
    html = page(ARTICLE + "<p>Talks.</p>" * (clean_html.MAX_ELEMENTS + 5000))
    cut, note = clean_html.bound_markup(html)
    assert html.startswith(cut) and len(cut) < len(html)
    assert len(clean_html._START_TAG.findall(cut)) == clean_html.MAX_ELEMENTS
    assert note and "start tags" in note and f"of {len(html):,}" in note


def test_entity_bomb_cut_at_the_reference_limit():
    html = page("<p>" + "&amp;" * 1_000_000 + "</p>" + ARTICLE)
    cut, note = clean_html.bound_markup(html)
    assert cut.count("&amp;") == clean_html.MAX_REFERENCES
    assert "character references" in note


def test_entity_bomb_is_the_documents_error_naming_the_cut():
    raw = make_raw("bomb", "bomb.html", page("<p>" + "&amp;" * 1_000_000 + "</p>" + ARTICLE).encode(), "html")
    with pytest.raises(IngestError, match="cut at character"):
        clean(raw)


def test_article_before_a_huge_comment_list_is_kept_and_the_cut_recorded(monkeypatch):
    monkeypatch.setattr(clean_html, "MAX_ELEMENTS", 2000)  # the same rule at a size the test runs quickly
    comments = "".join(f"<li>Reader {i} wrote a comment.</li>" for i in range(6000))
    raw = make_raw("long", "long.html", (page(ARTICLE)[:-len("</body></html>")]
                                        + f"<ul>{comments}</ul></body></html>").encode(), "html")
    doc = clean(raw)
    assert "resume talks over the disputed budget" in doc.text
    assert "over 2,000 start tags" in doc.meta["html_cut"]
    assert "Reader 5999" not in doc.text


def test_tag_bomb_is_read_only_up_to_the_limit():
    raw = make_raw("tags", "tags.html", page("<p>Talks.</p>" * 200_000).encode(), "html")
    doc = clean(raw)  # 200,000 took 251 s before the limit
    assert "over 30,000 start tags" in doc.meta["html_cut"]
    assert doc.text.count("Talks.") < clean_html.MAX_ELEMENTS


PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "html-dev" / "pages"


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/data/html-dev absent")
def test_no_real_page_reaches_the_limits():
    files = sorted(PAGES.iterdir())
    assert len(files) > 100
    cut = [f.name for f in files if clean_html.bound_markup(f.read_bytes().decode("utf-8", "replace"))[1]]
    assert cut == []
