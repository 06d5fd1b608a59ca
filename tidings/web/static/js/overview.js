/* Overview: what the store holds, the most active dyads and actors, recent events. */
"use strict";
(async function () {
  const { el, api, path, query, fillTable, fmtNum, goldstein, actorLink, eventRow } = T;
  const cards = document.getElementById("counts");
  try {
    const o = await api("/api/overview");
    const c = o.counts || {};
    const items = [["articles", "articles"], ["events", "events"], ["mentions", "event mentions"],
                   ["sources", "sources (sites)"], ["quotes", "quotes"], ["errors", "failed inputs"]];
    for (const [k, label] of items) {
      if (c[k] === undefined) continue;
      cards.appendChild(el("div", { class: "card", dataset: { count: k } },
        el("div", { class: "n" }, fmtNum(c[k])), el("div", { class: "l" }, label)));
    }
    if (o.first_date || o.last_date) {
      cards.appendChild(el("div", { class: "card" }, el("div", { class: "n" }, (o.first_date || "?") + " – " + (o.last_date || "?")),
        el("div", { class: "l" }, "event dates")));
    }
    fillTable(document.getElementById("dyads"), (o.top_dyads || []).map(d => el("tr", {},
      el("td", {}, actorLink(d.a)), el("td", {}, actorLink(d.b)),
      el("td", { class: "num" }, el("a", { href: "/dyad" + query({ a: d.a.code, b: d.b.code }), class: "dyad-link" }, fmtNum(d.events))),
      el("td", { class: "num" }, goldstein(d.goldstein)))), "No dyads yet: ingest some pages.");
    fillTable(document.getElementById("actors"), (o.top_actors || []).map(a => el("tr", {},
      el("td", {}, actorLink(a)), el("td", {}, a.name || ""), el("td", { class: "num" }, fmtNum(a.events)))),
      "No actors yet.");
    fillTable(document.getElementById("recent"), (o.recent_events || []).map(ev => eventRow(ev, { articles: true })),
      "No events yet.");
  } catch (err) {
    cards.appendChild(el("p", { class: "status error" }, "Error: " + err.message));
  }
})();
