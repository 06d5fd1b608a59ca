/* One article: the cleaned text with entities, quotes and event triggers marked, and its URL. */
"use strict";
(async function () {
  const { el, api, path, clear, facts, setTitle, highlight, externalLink, eventRow, actorLink, eventLabel } = T;
  const id = document.getElementById("page").dataset.id;
  const body = document.getElementById("body");
  try {
    const r = await api(path`/api/articles/${id}`);
    const a = r.article;
    setTitle(a.title || "(untitled article)");
    facts(document.getElementById("facts"), [
      ["URL", a.url ? externalLink(a.url) : null], ["Site", a.site], ["Published", a.published],
      ["Author", a.author], ["Source", a.source], ["Version", a.previous_id ? [String(a.version || ""), " (previous: ", el("a", { href: path`/articles/${a.previous_id}` }, a.previous_id), ")"] : null],
      ["Warnings", (a.warnings || []).length ? (a.warnings || []).join("; ") : null],
    ]);
    const spans = [];
    for (const e of r.entities || []) spans.push({ start: e.start, end: e.end, cls: "hl-entity", title: e.label });
    for (const q of r.quotes || []) spans.push({ start: q.content.start, end: q.content.end, cls: "hl-quote",
      title: "quote" + (q.speaker && (q.speaker.name || q.speaker.text) ? " by " + (q.speaker.name || q.speaker.text) : "") });
    for (const ev of r.events || []) {
      const t = ev.evidence && ev.evidence.trigger;
      if (t) spans.push({ start: t.start, end: t.end, cls: "hl-trigger", title: eventLabel(ev), eventId: ev.event_id });
    }
    const at = /^#at-(\d+)$/.exec(location.hash);
    const focused = at ? (r.sentences || []).find(s => s.start <= +at[1] && +at[1] < s.end) : null;
    if (focused) spans.push({ start: focused.start, end: focused.end, cls: "ev-sentence", title: "the evidence sentence" });
    renderBody(a.body || "", spans);
    body.addEventListener("click", evt => {
      const mark = evt.target.closest("mark[data-event-id]");
      if (mark) location.href = path`/events/${mark.dataset.eventId}`;
    });
    const list = document.getElementById("article-events");
    for (const ev of r.events || []) list.appendChild(el("li", {},
      el("a", { href: path`/events/${ev.event_id || ev.id}` }, eventLabel(ev)), ": ", actorLink(ev.source), " → ", actorLink(ev.target)));
    if (!(r.events || []).length) list.appendChild(el("li", { class: "status" }, "No events."));
    const ql = document.getElementById("article-quotes");
    for (const q of r.quotes || []) ql.appendChild(el("li", {},
      T.quoteText(q.content.text), " — ", (q.speaker && (q.speaker.name || q.speaker.text)) || "unattributed"));
    if (!(r.quotes || []).length) ql.appendChild(el("li", { class: "status" }, "No quotes."));
    focusFromHash();
  } catch (err) {
    body.appendChild(el("p", { class: "status error" }, "Error: " + err.message));
  }

  /* Paragraphs are separated by a blank line; spans are cut to each paragraph. */
  function renderBody(text, spans) {
    let start = 0;
    const paras = [];
    const re = /\n\s*\n/g;
    let m;
    while ((m = re.exec(text)) !== null) { paras.push([start, m.index]); start = m.index + m[0].length; }
    paras.push([start, text.length]);
    for (const [s, e] of paras) {
      if (e <= s) continue;
      const local = spans.filter(x => x.start < e && x.end > s)
        .map(x => ({ ...x, start: Math.max(x.start, s) - s, end: Math.min(x.end, e) - s }));
      body.appendChild(el("p", { dataset: { start: String(s), end: String(e) } }, highlight(text.slice(s, e), local)));
    }
  }

  /* #at-<offset> (from an event's evidence) outlines the paragraph holding that offset; the
   * sentence itself is marked ev-sentence. */
  function focusFromHash() {
    const m = /^#at-(\d+)$/.exec(location.hash);
    if (!m) return;
    const at = parseInt(m[1], 10);
    for (const p of body.children) {
      if (+p.dataset.start <= at && at < +p.dataset.end) { p.classList.add("focus"); p.scrollIntoView({ block: "center" }); break; }
    }
  }
})();
