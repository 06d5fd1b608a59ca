/* Full-text search over articles, and quotes by speaker. */
"use strict";
(async function () {
  const { el, api, path, clear, showError, externalLink } = T;
  const params = new URLSearchParams(location.search);
  const status = document.getElementById("status");
  const q = params.get("q"), speaker = params.get("speaker");
  if (q) document.getElementById("search-form").elements.q.value = q;
  if (speaker) document.getElementById("quote-form").elements.speaker.value = speaker;
  if (q) {
    try {
      const r = await api("/api/search", { q, limit: 50 });
      status.textContent = r.items.length + " articles.";
      const ol = document.getElementById("results");
      for (const a of r.items) ol.appendChild(el("li", {},
        el("a", { href: path`/articles/${a.id}` }, a.title || a.id), " · ", a.site || "", " · ", a.published || "",
        a.snippet ? el("div", { class: "snippet" }, a.snippet) : null));
    } catch (err) { showError(status, err); }
  }
  if (speaker) {
    try {
      const r = await api("/api/quotes", { speaker, limit: 100 });
      const ol = document.getElementById("quotes");
      for (const x of r.items) ol.appendChild(el("li", {},
        T.quoteText(x.content.text), " — ", (x.speaker && (x.speaker.name || x.speaker.text)) || "?", " · ",
        el("a", { href: path`/articles/${x.article_id}` }, "article")));
      if (!r.items.length) ol.appendChild(el("li", { class: "status" }, "No quotes."));
    } catch (err) { showError(status, err); }
  }
})();
