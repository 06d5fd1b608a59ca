/* Events: a filterable, paginated table; the filters live in the URL so every view can be shared. */
"use strict";
(async function () {
  const { el, api, query, fillTable, eventRow, showError } = T;
  const PAGE = 50;
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    const v = params.get(input.name);
    if (v === null) continue;
    if (input.type === "checkbox") input.checked = v === "true" || v === "1" || v === "on";
    else input.value = v;
    if (v !== "") filters[input.name] = input.type === "checkbox" ? (input.checked ? "true" : "") : v;
  }
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  document.getElementById("csv").setAttribute("href", "/api/events.csv" + query(filters));

  const pageLink = (node, off, enabled) => {
    if (enabled) { node.setAttribute("href", "/events" + query({ ...filters, offset: off || null })); node.removeAttribute("aria-disabled"); }
    else { node.removeAttribute("href"); node.setAttribute("aria-disabled", "true"); }
  };
  try {
    status.textContent = "Loading…";
    const res = await api("/api/events", { ...filters, limit: PAGE, offset });
    const what = filters.mentions ? "mentions" : "events";
    fillTable(document.getElementById("events"), res.items.map(ev => eventRow(ev, { context: true, confidence: true, articles: true })),
      "No " + what + " match these filters.");
    const last = offset + res.items.length;
    status.textContent = res.total + " " + what + " match.";
    document.getElementById("range").textContent = res.items.length ? (offset + 1) + "–" + last + " of " + res.total : "";
    pageLink(document.getElementById("prev"), Math.max(0, offset - PAGE), offset > 0);
    pageLink(document.getElementById("next"), offset + PAGE, last < res.total);
  } catch (err) { showError(status, err); }
})();
