"""HTML pages through the clean stage: what trafilatura's main text keeps, what parley still removes.

Pages are written for the test (a news article in a typical template); the html-dev benchmark
(bench/html_text.py, bench/html_dates.py) measures the same rules on real pages.
"""

from parley.clean import clean
from parley.ingest import make_raw

P1 = ("The ruling party and the opposition agreed on Wednesday to resume talks next week, officials said, after a "
      "month of street protests in the capital.")
P2 = "“We are closer than ever to a deal that ends the standoff,” party spokesman Leo Marin told reporters."
P3 = "Both sides will name negotiators by Friday, according to a statement released by the mediator."
P4 = "The mediator said the first round would take place in the parliament building under heavy security."


def _page(body: str, head: str = "", url: str | None = None):
    html = (f"<html><head><title>Rivals agree to resume talks | Example News</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Rivals agree to resume talks</h1>{body}</article>"
            "<footer>Copyright 2014 Example News. All rights reserved.</footer></body></html>")
    raw = make_raw("h", "h.html", html.encode("utf-8"), "html")
    raw.url = url
    return clean(raw)


def _paras(doc):
    return doc.text.split("\n\n")


def test_subheads_and_standfirst_stay_in_text_with_spans():
    sf = "Talks will resume next week after a month of protests in the capital"
    doc = _page(f"<p class='lead'>{sf}</p><p>{P1}</p><p>{P2}</p><h2>What comes next</h2><p>{P3}</p><p>{P4}</p>")
    assert "What comes next" in _paras(doc) and sf in _paras(doc)
    assert [doc.text[s:e] for s, e in doc.meta["subhead_spans"]] == doc.meta["subheads"]
    assert "What comes next" in doc.meta["subheads"]


def test_short_closing_lines_of_the_article_are_kept():
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Negotiators named so far</p><ul><li>Leo Marin</li>"
                "<li>Ana Ruiz</li></ul>")
    assert {"Negotiators named so far", "- Leo Marin", "- Ana Ruiz"} <= set(_paras(doc))


def test_related_links_block_removed():
    # teaser headlines printed as paragraphs (trafilatura drops them when they are bare link lists)
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Related articles</p>"
                "<p>Protesters return to the streets for a fifth week</p>"
                "<p>Opposition leader rejects call for early vote</p>")
    assert _paras(doc) == [P1, P2, P3]
    assert "Opposition leader rejects call for early vote" in doc.boilerplate


def test_follow_us_promo_after_the_article_removed_but_a_sentence_on_facebook_kept():
    fb = "The opposition announced the agreement on Facebook and Twitter late on Wednesday, aides said."
    promo = "Follow Example News on Twitter and Instagram @ExampleNews for updates."
    doc = _page(f"<p>{P1}</p><p>{fb}</p><p>{P2}</p><p>{P3}</p><p>{promo}</p>")
    assert fb in _paras(doc) and promo not in doc.text


def test_thin_extraction_retried_favouring_recall():
    # a page whose article sits in a widget-like container: trafilatura's default pass keeps only the tagline
    html = ("<html><head><title>Instagram tests video notes</title></head><body>"
            "<div class='tagline'><p>Your most important touchpoint for the digital industry.</p></div>"
            f"<div class='content-widget'><div><span>{P1}</span></div><div><span>{P2}</span></div>"
            f"<div><span>{P3}</span></div></div></body></html>")
    doc = clean(make_raw("t", "t.html", html.encode("utf-8"), "html"))
    assert P1 in doc.text


def test_metadata_date_is_not_overridden_by_a_byline_in_the_text():
    head = '<meta property="article:published_time" content="2014-03-05T10:00:00Z">'
    doc = _page(f"<p>Posted on March 9, 2014 at 10:15 am</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>", head)
    assert (doc.published, doc.published_basis) == ("2014-03-05", "meta")


def test_original_date_preferred_to_the_update():
    head = ('<meta property="article:published_time" content="2014-03-05T10:00:00Z">'
            '<meta property="article:modified_time" content="2015-06-01T10:00:00Z">')
    assert _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", head).published == "2014-03-05"


def test_url_date_used_when_the_page_has_no_metadata():
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", url="https://news.example.org/2014/03/05/rivals-agree/")
    assert (doc.published, doc.published_basis) == ("2014-03-05", "url")


def test_reader_comment_timestamp_is_never_the_date():  # htmldate on the whole page returns the comment's date
    comments = ("<section id='comments' class='comments'><h3>2 Comments</h3><ol class='comment-list'>"
                "<li class='comment'><time datetime='2016-08-24T03:36:00+02:00'>24 August 2016</time>"
                "<p>Great article, thanks for writing it.</p></li></ol></section>")
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>{comments}")
    assert doc.published != "2016-08-24"


def test_date_written_in_a_page_without_metadata_has_its_own_basis():
    # no markup marks it as a date: only htmldate's extensive search finds it
    doc = _page(f"<div>Ana Ruiz | 05.03.2014</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>")
    assert (doc.published, doc.published_basis, doc.meta["date_basis"]) == ("2014-03-05", "page", "page-search")


def test_outlet_from_the_site_name_never_from_the_text():
    told = (f"<p>{P1}</p><p>“We will be there,” Marin told Reuters.</p><p>Ana Ruiz told Reuters the talks "
            "would be hard.</p><p>Reuters reported that the mediator was chosen on Tuesday.</p>"
            "<p>This article was first published by Reuters.</p>")
    doc = _page(told, '<meta property="og:site_name" content="The Harbour Times">')
    assert (doc.outlet, doc.meta["outlet_evidence"]) == ("The Harbour Times", ["site name The Harbour Times"])


def test_outlet_from_the_url_host_through_the_outlet_table():
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", url="https://www.rfa.org/english/news/cambodia/talks.html")
    assert doc.outlet == "RFA" and doc.meta["outlet_name"] == "Radio Free Asia"


def test_printed_standfirst_outside_the_article_element_is_kept_first():
    sf = "Talks will resume next week after a month of protests that shut down the capital"
    head = f'<meta name="description" content="{sf}">'
    html = (f"<html><head><title>Rivals agree to resume talks</title>{head}</head><body>"
            f"<header><h1>Rivals agree to resume talks</h1><div class='teaser'>{sf}</div></header>"
            f"<main><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></article></main></body></html>")
    doc = clean(make_raw("s", "s.html", html.encode("utf-8"), "html"))
    assert _paras(doc)[0] == sf and doc.meta["standfirst"] == sf


def test_description_no_reader_sees_is_not_added():
    seo = "Read the latest news on talks, protests, parties and the capital on our site every day"
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", f'<meta name="description" content="{seo}">')
    assert seo not in doc.text


def test_line_printed_only_inside_a_widget_named_by_its_class_is_removed():
    disclosure = ("We may receive a commission when you buy through links on this page, which does not affect our "
                  "reporting.")
    doc = _page(f"<p class='product-disclosure'>{disclosure}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p>")
    assert _paras(doc) == [P1, P2, P3, P4] and disclosure in doc.boilerplate


def test_sentence_the_article_prints_stays_when_a_widget_repeats_it():
    box = f"<div class='social-quote-box'><p>{P2}</p></div>"
    doc = _page(f"<p>{P1}</p>{box}<p>{P2}</p><p>{P3}</p><p>{P4}</p>")
    assert P2 in _paras(doc)


def test_an_article_container_named_like_a_widget_is_still_the_article():
    # the class names a share bar, but the element holds the whole article: it is the container, not chrome
    html = ("<html><head><title>Rivals agree to resume talks</title></head><body>"
            f"<div class='entry-content has-share-bar'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>"
            "</body></html>")
    doc = clean(make_raw("c", "c.html", html.encode("utf-8"), "html"))
    assert _paras(doc) == [P1, P2, P3, P4]


def test_closing_support_appeal_removed():
    appeal = ("<p>Did you like this article? We decided never to put our reporting behind a paywall.</p>"
              "<p>To stay independent of advertisers we need your support: subscribe or donate today.</p>"
              "<p>Thank you for reading.</p>")
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p>{appeal}")
    assert _paras(doc) == [P1, P2, P3, P4]
    assert "behind a paywall" in doc.boilerplate


def test_report_on_a_paywall_is_kept():
    report = ["The newspaper will put most of its articles behind a paywall from March, its editor said on Monday.",
              "“Readers who subscribe support the reporting you see every day,” the editor told staff.",
              "Subscriptions rose by a fifth last year, according to the company's annual report."]
    doc = _page(f"<p>{P1}</p><p>{P3}</p>" + "".join(f"<p>{x}</p>" for x in report))
    assert _paras(doc) == [P1, P3, *report]


def test_inline_read_more_teaser_in_the_body_removed():
    teaser = "Lea más: Ministro anuncia nuevo plan para reducir la deuda externa del país"
    doc = _page(f"<p>{P1}</p><p>{P2}</p><p><strong>{teaser}</strong></p><p>{P3}</p><p>{P4}</p>")
    assert _paras(doc) == [P1, P2, P3, P4] and teaser in doc.boilerplate
