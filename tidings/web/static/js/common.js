/* Shared helpers for the dashboard pages.
 *
 * Everything from the store (article text, titles, quotes, names) is hostile input: it reaches the
 * page only as DOM text nodes (createTextNode / textContent), never through innerHTML, and links
 * are made only from http(s) URLs or from our own paths built with encodeURIComponent.
 */
"use strict";

const T = (function () {
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "href") { const h = safeHref(v); if (h) node.setAttribute("href", h); }
      else if (k.startsWith("on")) throw new Error("no inline handlers: use addEventListener");
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  /* Our own paths (starting with a single "/") and absolute http(s) URLs only. */
  function safeHref(value) {
    const s = String(value);
    if (s.startsWith("/") && !s.startsWith("//")) return s;
    return safeExternalUrl(s);
  }

  function safeExternalUrl(value) {
    if (!value) return null;
    try {
      const u = new URL(String(value));
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }

  /* An external URL as a link when it is http(s), as plain text otherwise. */
  function externalLink(url) {
    const safe = safeExternalUrl(url);
    if (!safe) return el("span", { class: "code" }, url || "");
    return el("a", { href: safe, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
  }

  function path(strings, ...values) {
    return strings.reduce((acc, s, i) => acc + s + (i < values.length ? encodeURIComponent(values[i]) : ""), "");
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "" || v === false) continue;
      q.set(k, String(v));
    }
    const s = q.toString();
    return s ? "?" + s : "";
  }

  async function api(p, params) {
    const res = await fetch(p + query(params), { headers: { "Accept": "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && (body.error || (typeof body.detail === "string" ? body.detail : null));
      throw new Error(msg || (res.status + " " + res.statusText));
    }
    return body;
  }

  function showError(node, err) {
    node.classList.add("error");
    node.textContent = "Error: " + (err && err.message ? err.message : String(err));
  }

  /* Highlight spans of `text` (offsets relative to it) with <mark> elements over text nodes.
   * Overlapping spans are cut into segments; a segment carries the classes of every span covering it. */
  function highlight(text, spans) {
    const frag = document.createDocumentFragment();
    text = String(text || "");
    const valid = (spans || []).filter(s => s && Number.isInteger(s.start) && Number.isInteger(s.end)
      && s.start < s.end && s.start >= 0 && s.end <= text.length);
    const cuts = new Set([0, text.length]);
    for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = valid.filter(s => s.start <= a && s.end >= b);
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const classes = [...new Set(covering.map(s => s.cls))].join(" ");
      const titles = covering.map(s => s.title).filter(Boolean).join("; ");
      const eventId = (covering.find(s => s.eventId) || {}).eventId;
      frag.appendChild(el("mark", { class: classes, title: titles || null, dataset: eventId ? { eventId } : null }, piece));
    }
    return frag;
  }

  function fmtNum(n, digits) {
    if (n === null || n === undefined || Number.isNaN(n)) return "–";
    return digits === undefined ? Number(n).toLocaleString("en") : Number(n).toFixed(digits);
  }

  function goldstein(g) {
    if (g === null || g === undefined) return el("span", {}, "–");
    return el("span", { class: g > 0 ? "g-pos" : (g < 0 ? "g-neg" : "") }, (g > 0 ? "+" : "") + Number(g).toFixed(1));
  }

  function actorLabel(a) {
    if (!a) return "";
    return a.code || a.name || a.text || "";
  }

  function actorLink(a) {
    if (!a || !(a.code || a.name)) return el("span", { class: "muted" }, "–");
    const code = a.code || a.name;
    return el("a", { href: path`/actors/${code}`, title: a.name || null }, actorLabel(a));
  }

  function eventLabel(ev) {
    const c = ev.cameo || {};
    const p = ev.plover || {};
    return [p.type, c.code ? "(" + c.code + ")" : null].filter(Boolean).join(" ") || c.name || "event";
  }

  function contextTags(ev) {
    const ctx = ev.context || {};
    return ["negated", "hypothetical", "future", "historical"].filter(k => ctx[k]).map(k => el("span", { class: "tag warn" }, k));
  }

  /* The evidence sentence of an event or mention with source, trigger and target marked. */
  function evidenceSentence(evidence) {
    if (!evidence) return document.createTextNode("");
    const base = evidence.sentence_start || 0;
    const rel = (span, cls, title) => span && Number.isInteger(span.start)
      ? { start: span.start - base, end: span.end - base, cls, title } : null;
    return el("span", { class: "sentence" }, highlight(evidence.sentence, [
      rel(evidence.source, "hl-source", "source"),
      rel(evidence.trigger, "hl-trigger", "trigger"),
      rel(evidence.target, "hl-target", "target"),
    ]));
  }

  function eventRow(ev, opts) {
    opts = opts || {};
    const cells = [
      el("td", {}, el("a", { href: path`/events/${ev.id}` }, ev.date || "undated")),
      el("td", {}, actorLink(ev.source)),
      el("td", {}, el("a", { href: path`/events/${ev.id}`, title: (ev.cameo && ev.cameo.name) || null }, eventLabel(ev))),
      el("td", {}, actorLink(ev.target)),
    ];
    if (opts.context) cells.push(el("td", {}, contextTags(ev)));
    if (opts.confidence) cells.push(el("td", { class: "num" }, fmtNum(ev.confidence, 2)));
    if (opts.goldstein) cells.push(el("td", { class: "num" }, goldstein(ev.goldstein)));
    if (opts.articles) cells.push(el("td", { class: "num" }, fmtNum(ev.n_articles)));
    cells.push(el("td", { class: "evidence" }, evidenceSentence(ev.evidence)));
    return el("tr", { dataset: { eventId: ev.id } }, cells);
  }

  function fillTable(table, rows, emptyText, ncols) {
    const body = clear(table.tBodies[0]);
    if (!rows.length) {
      body.appendChild(el("tr", { class: "empty" }, el("td", { colspan: ncols || table.tHead.rows[0].cells.length }, emptyText || "Nothing yet.")));
      return;
    }
    for (const r of rows) body.appendChild(r);
  }

  /* A quote's words; quotation marks added only when the span does not carry its own. */
  function quoteText(text) {
    const t = String(text || "");
    const quoted = /^["'\u201c\u2018\u00ab]/.test(t);
    return el("span", { class: "quote-text" }, quoted ? t : "\u201c" + t + "\u201d");
  }

  function setTitle(text) {
    document.title = text + " · tidings";
    const h = document.getElementById("headline");
    if (h) h.textContent = text;
  }

  function facts(dl, pairs) {
    clear(dl);
    for (const [k, v] of pairs) {
      if (v === null || v === undefined || v === "") continue;
      dl.appendChild(el("dt", {}, k));
      dl.appendChild(el("dd", {}, v));
    }
  }

  return { el, append, clear, safeHref, safeExternalUrl, externalLink, path, query, api, showError, highlight,
           fmtNum, goldstein, actorLink, actorLabel, eventLabel, contextTags, evidenceSentence, eventRow,
           fillTable, setTitle, facts, quoteText };
})();
