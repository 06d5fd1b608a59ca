/* An actor: its network of relations (edge colour = mean Goldstein, width = events) and top partners. */
"use strict";
(async function () {
  const { el, api, path, query, fillTable, fmtNum, goldstein, actorLink, eventRow, setTitle, facts } = T;
  const code = document.getElementById("page").dataset.code;
  try {
    const r = await api(path`/api/actors/${code}`, { top: 25 });
    const a = r.actor || { code };
    setTitle(a.name && a.name !== a.code ? a.code + " · " + a.name : a.code);
    facts(document.getElementById("facts"), [["Code", a.code], ["Name", a.name], ["Country", a.country], ["Sector", a.sector],
      ["Events", fmtNum(r.n_events) + " (" + fmtNum(r.as_source) + " as source, " + fmtNum(r.as_target) + " as target)"]]);
    fillTable(document.getElementById("partners"), (r.partners || []).map(p => el("tr", {},
      el("td", {}, actorLink(p), " ", el("a", { href: "/dyad" + query({ a: a.code, b: p.code }), class: "tag" }, "dyad")),
      el("td", { class: "num" }, fmtNum(p.events)), el("td", { class: "num" }, goldstein(p.goldstein)))), "No partners.");
    fillTable(document.getElementById("events"), (r.events || []).map(ev => eventRow(ev)), "No events.");
    network(a, r.edges || []);
  } catch (err) {
    document.getElementById("network").appendChild(el("p", { class: "status error" }, "Error: " + err.message));
  }

  function colour(g) {
    // -10 (red) .. 0 (grey) .. +10 (green)
    if (g === null || g === undefined) return "#9aa3b0";
    const t = Math.max(-1, Math.min(1, g / 10));
    const mix = (x, y, f) => Math.round(x + (y - x) * f);
    const [r, gg, b] = t < 0 ? [mix(154, 179, -t), mix(163, 38, -t), mix(176, 30, -t)]
                             : [mix(154, 27, t), mix(163, 127, t), mix(176, 75, t)];
    return "rgb(" + r + "," + gg + "," + b + ")";
  }

  function network(actor, edges) {
    const container = document.getElementById("network");
    const nodes = new Map([[actor.code, { data: { id: actor.code, label: actor.code, ego: 1 } }]]);
    const maxN = Math.max(1, ...edges.map(e => e.events));
    const elements = [];
    for (const e of edges) {
      for (const c of [e.source, e.target]) if (!nodes.has(c)) nodes.set(c, { data: { id: c, label: c } });
      elements.push({ data: { id: e.source + ">" + e.target, source: e.source, target: e.target, events: e.events,
        goldstein: e.goldstein, colour: colour(e.goldstein), width: 1 + 9 * Math.sqrt(e.events / maxN) } });
    }
    const cy = cytoscape({
      container, elements: [...nodes.values(), ...elements],
      style: [
        { selector: "node", style: { "label": "data(label)", "background-color": "#1f5fa8", "color": "#1d2330", "font-size": 11, "width": 18, "height": 18 } },
        { selector: "node[ego = 1]", style: { "background-color": "#142033", "width": 28, "height": 28, "font-weight": "bold" } },
        { selector: "edge", style: { "line-color": "data(colour)", "width": "data(width)", "curve-style": "bezier", "opacity": 0.85 } },
      ],
      layout: { name: edges.length > 1 ? "concentric" : "grid", concentric: n => n.data("ego") ? 2 : 1, levelWidth: () => 1,
                animate: false, fit: true, padding: 40, minNodeSpacing: 40 },
      maxZoom: 1.6, minZoom: 0.2,
    });
    if (cy.zoom() >= 1.6) cy.center();
    cy.on("tap", "edge", evt => {
      const d = evt.target.data();
      location.href = "/dyad" + query({ a: d.source, b: d.target });
    });
    cy.on("tap", "node", evt => {
      const id = evt.target.id();
      if (id !== actor.code) location.href = path`/actors/${id}`;
    });
    container.dataset.nodes = String(nodes.size);
    container.dataset.edges = String(elements.length);
  }
})();
