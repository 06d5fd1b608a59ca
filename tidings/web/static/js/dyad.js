/* A dyad over time: events per quad class (stacked bars) and mean Goldstein (line), both directions.
 * A click on a bar or point lists the events of that period and direction. */
"use strict";
(async function () {
  const { el, api, query, fillTable, eventRow, showError, setTitle } = T;
  const form = document.getElementById("dyad-form");
  const status = document.getElementById("status");
  const params = new URLSearchParams(location.search);
  for (const k of ["a", "b", "by"]) if (params.get(k)) form.elements[k].value = params.get(k);
  const a = params.get("a"), b = params.get("b"), by = params.get("by") || "week";
  if (!a || !b) { status.textContent = "Choose two actors (country or full code, e.g. TUR and RUS)."; return; }
  setTitle(a + " ↔ " + b);
  document.getElementById("ab-title").textContent = a + " → " + b;
  document.getElementById("ba-title").textContent = b + " → " + a;

  const QUADS = [
    { q: 1, label: "verbal cooperation", color: "#7fbf9a" },
    { q: 2, label: "material cooperation", color: "#1b7f4b" },
    { q: 3, label: "verbal conflict", color: "#f0a39b" },
    { q: 4, label: "material conflict", color: "#b3261e" },
  ];
  try {
    status.textContent = "Loading…";
    const d = await api("/api/dyad", { a, b, by });
    const n = (d.ab || []).length + (d.ba || []).length;
    status.textContent = n ? "" : "No events between " + a + " and " + b + ".";
    draw("chart-ab", d.ab || [], a, b);
    draw("chart-ba", d.ba || [], b, a);
  } catch (err) { showError(status, err); }

  function draw(canvasId, series, source, target) {
    const labels = series.map(p => p.period);
    const datasets = QUADS.map(({ q, label, color }) => ({
      type: "bar", label, backgroundColor: color, stack: "q", yAxisID: "y",
      data: series.map(p => (p.counts || {})[q] || 0),
    }));
    datasets.push({ type: "line", label: "mean Goldstein", yAxisID: "g", borderColor: "#1d2330",
      backgroundColor: "#1d2330", pointRadius: 3, spanGaps: false, data: series.map(p => p.goldstein) });
    const canvas = document.getElementById(canvasId);
    const chart = new Chart(canvas, {
      data: { labels, datasets },
      options: {
        maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "events" } },
                  g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein" } } },
        onClick: (evt, elements) => { if (elements.length) drill(series[elements[0].index], source, target); },
      },
    });
    canvas.dataset.points = String(series.length);
    return chart;
  }

  async function drill(point, source, target) {
    const section = document.getElementById("drill");
    section.hidden = false;
    document.getElementById("drill-title").textContent = source + " → " + target + ", " + point.period;
    try {
      const res = await api("/api/events", { source, target, since: point.start, until: point.end, limit: 200 });
      fillTable(document.getElementById("drill-events"), res.items.map(ev => eventRow(ev, { goldstein: true })), "No events.");
      section.scrollIntoView({ block: "nearest" });
    } catch (err) { showError(document.getElementById("status"), err); }
  }
})();
