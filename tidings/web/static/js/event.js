/* One event: every evidence sentence inside its passage of the article, and the actors' records. */
"use strict";
(async function () {
  const { el, api, path, query, clear, facts, setTitle, highlight, actorLink, eventLabel, contextTags, goldstein, fmtNum, externalLink } = T;
  const id = document.getElementById("page").dataset.id;
  const box = document.getElementById("evidence");
  try {
    const ev = await api(path`/api/events/${id}`);
    const src = ev.source || {}, tgt = ev.target || {};
    setTitle([T.actorLabel(src) || "?", eventLabel(ev), T.actorLabel(tgt) || "?"].join(" → "));
    facts(document.getElementById("facts"), [
      ["Date", ev.date_end && ev.date_end !== ev.date ? ev.date + " – " + ev.date_end : ev.date],
      ["Source", actorLink(src)],
      ["Target", actorLink(tgt)],
      ["CAMEO", ev.cameo ? [ev.cameo.code, ev.cameo.name].filter(Boolean).join(" · ") : null],
      ["PLOVER", ev.plover ? [ev.plover.type, ev.plover.mode].filter(Boolean).join(" · ") : null],
      ["Goldstein", goldstein(ev.goldstein)],
      ["Place", ev.place ? ev.place.name : null],
      ["Context", contextTags(ev).length ? contextTags(ev) : "factual"],
      ["Confidence", fmtNum(ev.confidence, 2)],
      ["Reports", [count(ev.n_mentions, "mention"), count(ev.n_articles, "article"), count(ev.n_sources, "source")]
        .join(", ").replace(/, (.*?), /, " in $1 from ")],
      ["Seen", [ev.first_seen, ev.last_seen].filter(Boolean).join(" – ")],
      ["Dyad", (src.code && tgt.code) ? el("a", { href: "/dyad" + query({ a: src.code, b: tgt.code }) }, src.code + " ↔ " + tgt.code) : null],
    ]);
    for (const m of ev.mentions || []) box.appendChild(mentionBlock(m));
    if (!(ev.mentions || []).length) box.appendChild(el("p", { class: "status" }, "No evidence stored."));
    const records = document.getElementById("actor-records");
    for (const [role, actor] of [["Source", src], ["Target", tgt]]) {
      if (actor.code) records.appendChild(await actorRecord(role, actor.code));
    }
  } catch (err) {
    box.appendChild(el("p", { class: "status error" }, "Error: " + err.message));
  }

  function count(n, word) { return fmtNum(n) + " " + word + (n === 1 ? "" : "s"); }

  function mentionBlock(m) {
    const a = m.article || {};
    const p = m.passage || { text: m.evidence.sentence, start: m.evidence.sentence_start };
    const rel = (span, cls, title) => span && Number.isInteger(span.start)
      ? { start: span.start - p.start, end: span.end - p.start, cls, title } : null;
    const e = m.evidence;
    const spans = [
      { start: e.sentence_start - p.start, end: e.sentence_start + e.sentence.length - p.start, cls: "ev-sentence", title: "the evidence sentence" },
      rel(e.source, "hl-source", "source"), rel(e.trigger, "hl-trigger", "trigger"), rel(e.target, "hl-target", "target"),
    ];
    return el("div", { class: "evidence-item", dataset: { mentionId: m.id } },
      el("div", { class: "meta" },
        el("a", { href: path`/articles/${a.id}` + "#at-" + e.sentence_start, class: "article-link" }, a.title || a.id || "article"),
        " · ", a.site || "", " · ", a.published || "", " · ", a.url ? externalLink(a.url) : "",
        " ", contextTags(m)),
      el("p", { class: "passage" }, highlight(p.text, spans)));
  }

  async function actorRecord(role, code) {
    const box = el("section", { class: "actor-record" }, el("h3", {}, role + ": ", actorLink({ code })));
    try {
      const r = await api(path`/api/actors/${code}`, { top: 5 });
      const a = r.actor || {};
      const dl = el("dl", { class: "facts" });
      facts(dl, [["Name", a.name], ["Country", a.country], ["Sector", a.sector],
                 ["Events", fmtNum(r.n_events) + " (" + fmtNum(r.as_source) + " as source, " + fmtNum(r.as_target) + " as target)"],
                 ["Top partners", (r.partners || []).slice(0, 5).map((p, i) => [i ? ", " : "", actorLink(p), " (" + p.events + ")"])]]);
      box.appendChild(dl);
    } catch (err) { box.appendChild(el("p", { class: "status error" }, err.message)); }
    return box;
  }
})();
