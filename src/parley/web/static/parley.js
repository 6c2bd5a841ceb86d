/* parley dashboard behaviour: evidence anchors, highlight layers, the trend chart, the events map. No inline scripts (CSP). */
(function () {
  "use strict";

  // #span-START-END: scroll to the span and flash it; if no element carries that id (the offsets match no
  // annotation), reload with ?hl=START-END so the server marks exactly those characters.
  function jumpToSpan() {
    var m = /^#span-(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m || !document.getElementById("article-text")) return;
    var el = document.getElementById("span-" + m[1] + "-" + m[2]);
    if (!el) {
      var params = new URLSearchParams(window.location.search);
      if (params.get("hl") !== m[1] + "-" + m[2]) {
        params.set("hl", m[1] + "-" + m[2]);
        window.location.replace(window.location.pathname + "?" + params.toString() + window.location.hash);
      }
      return;
    }
    el.classList.add("evidence-active");
    el.classList.remove("flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  function layerToggles() {
    var text = document.getElementById("article-text");
    if (!text) return;
    document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("show-" + box.getAttribute("data-layer"), box.checked);
      });
    });
  }

  function trendChart() {
    var div = document.getElementById("trend-chart");
    var src = document.getElementById("trend-data");
    if (!div || !src || typeof Plotly === "undefined") return;
    var fig = JSON.parse(src.textContent);
    Plotly.newPlot(div, fig.data, fig.layout, { displaylogo: false, responsive: true, displayModeBar: "hover" })
      .then(function () { div.setAttribute("data-rendered", "1"); });
  }

  function eventMap() {
    // the base map is the bundled Natural Earth TopoJSON under /static/, never plotly's CDN
    var div = document.getElementById("event-map");
    var src = document.getElementById("event-map-data");
    if (!div || !src || typeof Plotly === "undefined") return;
    var fig = JSON.parse(src.textContent);
    Plotly.newPlot(div, fig.data, fig.layout, { displaylogo: false, responsive: true, topojsonURL: "/static/" })
      .then(function () { div.setAttribute("data-rendered", "1"); });
  }

  window.addEventListener("hashchange", jumpToSpan);
  // plotly.min.js is loaded with defer before this script's DOMContentLoaded handler runs
  document.addEventListener("DOMContentLoaded", function () {
    layerToggles();
    jumpToSpan();
    trendChart();
    eventMap();
  });
})();
