/* partnergraph explorer: a search box, a neighbourhood graph, the evidence behind every
 * edge, and a shortest-connection finder -- written against the public JSON API only.
 *
 * No third-party code: the force layout, zoom/pan and the combobox are small and written
 * here, so that the page needs no build step and no vendored libraries.  Sections:
 *   1. API client (one error shape: {"error": {"code", "message"}})
 *   2. Combobox (WAI-ARIA 1.2 pattern: arrows, Enter, Escape, aria-activedescendant)
 *   3. Graph view (force-directed layout, SVG, drag / wheel zoom / pan, keyboard)
 *   4. Side panel (partners, funding, programs, each with sentence and source)
 *   5. Connection finder
 *   6. Routing (#/entity/ID, #/path/A/B) and start-up
 */
"use strict";

/* ---------------------------------------------------------------- constants -- */

const KINDS = [
  ["University", "#1f6fb2"], ["Hospital", "#d2472a"], ["Ministry", "#9b4f96"],
  ["Agency", "#e08a00"], ["LocalGovernment", "#1a936f"], ["Company", "#4bb3e6"],
  ["Institute", "#8c6d31"], ["Program", "#e7c514"], ["Region", "#9aa0a6"], ["Person", "#555c66"],
];
const KIND_COLOR = Object.fromEntries(KINDS);
const KIND_LABEL = { LocalGovernment: "Local government" };

const TYPES = [
  ["MOU", "#1b7837", "signed an MOU"], ["PARTNERS_WITH", "#6cc070", "partners with"],
  ["CO_PARTICIPANT", "#74add1", "in the same program"],
  ["FUNDS", "#c0392b", "funds"], ["PARTICIPATES_IN", "#2166ac", "takes part in"],
  ["ORGANIZES", "#5e3c99", "organises"], ["HOSTS", "#b35806", "hosts"],
  ["AFFILIATED_WITH", "#8c8c8c", "is part of"], ["LEADS", "#bf812d", "leads"],
  ["LOCATED_IN", "#c7c7c7", "is located in"],
];
const TYPE_COLOR = Object.fromEntries(TYPES.map(([t, c]) => [t, c]));
const TYPE_VERB = Object.fromEntries(TYPES.map(([t, , v]) => [t, v]));
const DIRECTED = new Set(["FUNDS", "PARTICIPATES_IN", "ORGANIZES", "HOSTS", "AFFILIATED_WITH", "LEADS", "LOCATED_IN"]);

const SVG_NS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

/* ---------------------------------------------------------------- 1. API ------ */

class ApiError extends Error {
  constructor(status, code, message, suggestions = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.suggestions = suggestions;     // closest names, for an unknown entity
  }
}

/** GET a JSON resource; errors become ApiError with the API's own message. */
async function api(path, params = {}, { signal } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  }
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, "unreachable", `Cannot reach the API at ${url.origin} (${err.message}). Is \`partnergraph serve\` running?`);
  }
  let body = null;
  const text = await res.text();
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!res.ok) {
    const e = body && body.error;
    const message = e && e.message ? e.message : `${res.status} ${res.statusText || "error"} from ${url.pathname}`;
    throw new ApiError(res.status, (e && e.code) || String(res.status), message, (e && e.suggestions) || null);
  }
  return body;
}

const enc = encodeURIComponent;

function showAlert(err) {
  if (err && err.name === "AbortError") return;
  const box = $("alert");
  const msg = err instanceof ApiError ? err.message : `Something went wrong: ${err && err.message ? err.message : err}`;
  const sugg = err instanceof ApiError && err.suggestions && err.suggestions.length
    ? el("span", { class: "suggest" }, " Go to: ",
      err.suggestions.slice(0, 4).flatMap((s, i) => [i ? ", " : "", el("button", { type: "button", class: "link",
        onclick: () => { hideAlert(); goEntity(s.id); } }, s.name)]))
    : null;
  box.replaceChildren(el("span", {}, msg, sugg), el("button", { type: "button", class: "close", "aria-label": "Dismiss", onclick: hideAlert }, "×"));
  box.hidden = false;
}
function hideAlert() { $("alert").hidden = true; }
function announce(text) { $("status").textContent = text; }

/* ------------------------------------------------------------- DOM helpers --- */

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function kindLabel(kind) { return KIND_LABEL[kind] || kind || "?"; }

function debounce(fn, ms) {
  let t = 0;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

/* ------------------------------------------------------------ 2. Combobox ---- */

/**
 * A text input that suggests organisations from GET /entities?q=.
 * onPick(entity) is called with {id, name, kind, ...} when one is chosen.
 */
class Combobox {
  constructor(input, listbox, onPick, { minChars = 1 } = {}) {
    this.input = input;
    this.listbox = listbox;
    this.onPick = onPick;
    this.minChars = minChars;
    this.items = [];
    this.active = -1;
    this.picked = null;         // the entity behind the current text, if one was picked
    this.controller = null;
    this.lastQuery = "";
    const lookup = debounce(() => this.lookup(), 160);
    input.addEventListener("input", () => { this.picked = null; lookup(); });
    input.addEventListener("keydown", (e) => this.onKey(e));
    input.addEventListener("focus", () => { if (this.items.length && input.value.trim() === this.lastQuery) this.open(); });
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    listbox.addEventListener("mousedown", (e) => e.preventDefault());   // keep focus in the input
    listbox.addEventListener("click", (e) => {
      const li = e.target.closest("[role=option]");
      if (li && li.getAttribute("aria-disabled") !== "true") this.choose(Number(li.dataset.index));
    });
  }

  async lookup() {
    const q = this.input.value.trim();
    if (q.length < this.minChars) { this.items = []; this.close(); return; }
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    try {
      const body = await api("/entities", { q, limit: 8 }, { signal: this.controller.signal });
      if (this.input.value.trim() !== q) return;      // the user typed on meanwhile
      this.lastQuery = q;
      this.items = entityItems(body);
      this.render(q);
    } catch (err) {
      if (err.name === "AbortError") return;
      this.items = [];
      this.renderMessage(err.message, true);
    }
  }

  render(q) {
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (!this.items.length) {
      this.renderMessage(`No organisation matches '${q}'.`);
      return;
    }
    const id = this.listbox.id;
    this.listbox.replaceChildren(...this.items.map((it, i) => {
      const also = it.matched && it.matched !== it.name ? it.matched : null;   // the alias that matched
      return el("li", { role: "option", id: `${id}-opt-${i}`, "aria-selected": "false", dataset: { index: i } },
        el("span", { class: "dot", style: `background:${KIND_COLOR[it.kind] || "#999"}`, "aria-hidden": "true" }),
        el("span", { class: "opt-main" }, el("span", { class: "opt-name" }, it.name),
          also ? el("span", { class: "opt-alias" }, ` (${also})`) : null),
        el("span", { class: "opt-kind" }, kindLabel(it.kind)));
    }));
    this.open();
    announce(`${this.items.length} suggestion${this.items.length === 1 ? "" : "s"}`);
  }

  renderMessage(text, isError = false) {
    this.listbox.replaceChildren(el("li", { class: isError ? "opt-msg error" : "opt-msg", role: "option", "aria-disabled": "true" }, text));
    this.open();
    announce(text);
  }

  open() { this.listbox.hidden = false; this.input.setAttribute("aria-expanded", "true"); }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  setActive(i) {
    const opts = this.listbox.querySelectorAll("[role=option]:not([aria-disabled=true])");
    if (!opts.length) return;
    this.active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute("aria-selected", j === this.active ? "true" : "false"));
    const cur = opts[this.active];
    this.input.setAttribute("aria-activedescendant", cur.id);
    cur.scrollIntoView({ block: "nearest" });
  }

  onKey(e) {
    const isOpen = !this.listbox.hidden;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!isOpen && this.items.length) this.open();
      this.setActive(this.active + 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (!isOpen && this.items.length) this.open();
      this.setActive(this.active - 1);
    } else if (e.key === "Enter") {
      if (isOpen && this.active >= 0) { e.preventDefault(); this.choose(this.active); }
      else if (isOpen && this.items.length === 1) { e.preventDefault(); this.choose(0); }
    } else if (e.key === "Escape") {
      if (isOpen) { e.preventDefault(); this.close(); }
      else if (this.input.value) { e.preventDefault(); this.input.value = ""; this.picked = null; }
    } else if (e.key === "Tab" && isOpen && this.active >= 0) {
      this.choose(this.active);
    }
  }

  choose(i) {
    const it = this.items[i];
    if (!it) return;
    this.picked = it;
    this.input.value = it.name;
    this.close();
    this.onPick(it);
  }

  /** The entity for the typed text: the picked one, else the best match from the API. */
  async resolve() {
    if (this.picked && this.input.value.trim() === this.picked.name) return this.picked;
    const q = this.input.value.trim();
    if (!q) return null;
    const items = entityItems(await api("/entities", { q, limit: 1 }));
    if (!items.length) throw new ApiError(404, "not_found", `No organisation matches '${q}'.`);
    this.picked = items[0];
    this.input.value = items[0].name;
    return items[0];
  }
}

/* ---------------------------------------------------------- 3. Graph view ---- */

class GraphView {
  constructor(svgEl) {
    this.svg = svgEl;
    this.viewport = svgEl.querySelector("#viewport");
    this.edgeLayer = svgEl.querySelector("#edges");
    this.nodeLayer = svgEl.querySelector("#nodes");
    this.nodes = [];
    this.edges = [];
    this.byId = new Map();
    this.k = 1; this.tx = 0; this.ty = 0;
    this.alpha = 0;
    this.aspect = 1.5;
    this.maxChars = 34;
    this.running = false;
    this.onNodeActivate = () => {};
    this.installMarkers();
    this.installInteractions();
    new ResizeObserver(() => { if (this.nodes.length && !this.userMoved) this.fit(); }).observe(svgEl);
  }

  installMarkers() {
    const defs = this.svg.querySelector("defs");
    for (const [t, c] of TYPES) {
      const m = svg("marker", { id: `arrow-${t}`, viewBox: "0 0 10 10", refX: "10", refY: "5",
        markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
      m.append(svg("path", { d: "M0,1 L10,5 L0,9 z", fill: c }));
      defs.append(m);
    }
  }

  /** Show nodes [{id,name,kind}] and edges [{source,target,type,documents}], centre first. */
  setData(nodes, edges, { centerId = null, pathIds = null } = {}) {
    const old = this.byId;
    const { w, h } = this.size();
    this.maxChars = (w < 500 ? 20 : 34) + (pathIds ? 8 : 0);   // shorter labels on a phone; a path has room
    this.aspect = Math.max(0.4, Math.min(2.5, w / h));
    this.byId = new Map();
    this.centerId = centerId;
    this.pathIds = pathIds;
    const n = nodes.length;
    this.nodes = nodes.map((d, i) => {
      const prev = old.get(d.id);
      const angle = (2 * Math.PI * i) / Math.max(1, n - 1);
      const r = 120 + 12 * (i % 5);
      const node = { ...d, x: prev ? prev.x : Math.cos(angle) * r, y: prev ? prev.y : Math.sin(angle) * r,
        vx: 0, vy: 0, fx: null, fy: null, degree: 0, hw: 0 };
      if (pathIds) {                       // a path: the chain along the longer side of the view
        const k = pathIds.indexOf(d.id), along = (k - (pathIds.length - 1) / 2) * 160, across = k % 2 ? 40 : -40;
        if (this.aspect >= 1) { node.x = along; node.y = across; } else { node.x = across; node.y = along * 0.8; }
      }
      if (d.id === centerId) { node.x = 0; node.y = 0; node.fx = 0; node.fy = 0; }
      this.byId.set(d.id, node);
      return node;
    });
    for (const n of this.nodes) n.hw = Math.min(this.maxChars, this.shortName(n).length) * 3 + 4;   // label half-width
    this.edges = [];
    const seen = new Map();
    for (const e of edges) {
      const s = this.byId.get(e.source), t = this.byId.get(e.target);
      if (!s || !t || s === t) continue;
      const pairKey = [s.id, t.id].sort().join("\u0000");
      const lane = seen.get(pairKey) || 0;          // parallel edges between a pair curve apart
      seen.set(pairKey, lane + 1);
      this.edges.push({ ...e, s, t, lane });
      s.degree++; t.degree++;
    }
    this.build();
    this.alpha = 1;
    for (let i = 0; i < 300 && this.alpha > 0.005; i++) this.tick();   // settle before showing
    this.userMoved = false;
    this.fit();
    this.draw();
  }

  radius(n) {
    if (n.id === this.centerId) return 15;
    return 7 + Math.min(7, Math.sqrt(n.degree) * 2);
  }

  build() {
    const showAllLabels = this.nodes.length <= 40;
    this.edgeLayer.replaceChildren();
    this.nodeLayer.replaceChildren();
    for (const e of this.edges) {
      const color = TYPE_COLOR[e.type] || "#999";
      e.el = svg("path", { class: `edge t-${e.type}`, stroke: color, fill: "none",
        "stroke-width": String(1.4 + Math.min(3, (e.documents || 1) - 1)) });
      if (DIRECTED.has(e.type)) e.el.setAttribute("marker-end", `url(#arrow-${e.type})`);
      if (e.type === "CO_PARTICIPANT") e.el.setAttribute("stroke-dasharray", "5 4");
      const title = svg("title");
      title.textContent = `${e.s.name} ${TYPE_VERB[e.type] || e.type} ${e.t.name}` +
        (e.documents ? ` (${e.documents} document${e.documents === 1 ? "" : "s"})` : "");
      e.el.append(title);
      this.edgeLayer.append(e.el);
    }
    for (const n of this.nodes) {
      const isCenter = n.id === this.centerId;
      const onPath = this.pathIds && this.pathIds.includes(n.id);
      const g = svg("g", { class: `node${isCenter ? " center" : ""}${onPath ? " on-path" : ""}`, tabindex: "0",
        role: "button", "aria-label": `${n.name}, ${kindLabel(n.kind)}${isCenter ? " (centre)" : ""}`, "data-id": n.id });
      const r = this.radius(n);
      g.append(svg("circle", { r: String(r), fill: KIND_COLOR[n.kind] || "#999" }));
      const label = svg("text", { y: String(r + 12), "text-anchor": "middle",
        class: showAllLabels || isCenter || onPath || n.degree >= 3 ? "label" : "label minor" });
      const short = this.shortName(n);
      label.textContent = short.length > this.maxChars ? `${short.slice(0, this.maxChars - 2).trim()}…` : short;
      g.append(label);
      const title = svg("title");
      title.textContent = `${n.name} (${kindLabel(n.kind)})`;
      g.append(title);
      g.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); this.onNodeActivate(n); }
      });
      n.el = g;
      this.nodeLayer.append(g);
    }
  }

  /** A long name that starts with another name in view (a unit and its parent) gets the
   * parent's initials instead ("Chonnam National University Hospital" -> "CNU Hospital"),
   * so that several units of one university stay apart when labels are cut short. */
  shortName(n) {
    if (n.name.length <= this.maxChars) return n.name;
    if (n.label) return n.label;
    let best = "";
    for (const m of this.nodes) {
      if (m !== n && m.name.length > best.length && n.name.startsWith(`${m.name} `)) best = m.name;
    }
    if (!best) return n.name;
    const initials = best.split(/\s+/).filter((w) => !/^(of|and|the|for|&)$/i.test(w)).map((w) => w[0].toUpperCase()).join("");
    const rest = n.name.slice(best.length + 1);
    return rest.startsWith(`${initials} `) ? rest : `${initials} ${rest}`;
  }

  /** One step of the force simulation: repulsion, springs, gravity, damping. */
  tick() {
    const nodes = this.nodes, a = this.alpha;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const q = nodes[j];
        let dx = q.x - p.x, dy = q.y - p.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = (i - j) * 0.7 + 0.3; dy = (j % 3) - 1 + 0.2; d2 = dx * dx + dy * dy; }
        const f = (-900 * a) / d2;                  // repulsion, stronger close up
        const fx = dx * f, fy = dy * f;
        p.vx += fx; p.vy += fy; q.vx -= fx; q.vy -= fy;
      }
    }
    for (const e of this.edges) {
      const { s, t } = e;
      const dx = t.x - s.x, dy = t.y - s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const want = 90 + 6 * Math.min(10, Math.max(s.degree, t.degree));
      const f = ((d - want) / d) * 0.08 * a;
      const bs = t.degree / (s.degree + t.degree), bt = 1 - bs;
      s.vx += dx * f * bs; s.vy += dy * f * bs; t.vx -= dx * f * bt; t.vy -= dy * f * bt;
    }
    // labels are wide: nodes on about the same line keep their labels apart
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const q = nodes[j];
        const dx = q.x - p.x, dy = q.y - p.y;
        const overlapX = p.hw + q.hw - Math.abs(dx), overlapY = 26 - Math.abs(dy);
        if (overlapX > 0 && overlapY > 0) {
          const push = Math.min(overlapX, overlapY * 3) * 0.12 * (a + 0.1);
          const sx = dx >= 0 ? 1 : -1, sy = dy >= 0 ? 1 : -1;
          if (overlapY * 3 < overlapX) { p.vy -= sy * push; q.vy += sy * push; }
          else { p.vx -= sx * push; q.vx += sx * push; }
        }
      }
    }
    // gravity, weaker along the longer side of the view so the layout fills it
    const gx = 0.015 * Math.min(1.5, Math.sqrt(1 / this.aspect)), gy = 0.015 * Math.min(1.5, Math.sqrt(this.aspect));
    for (const n of nodes) {
      n.vx -= n.x * gx * a; n.vy -= n.y * gy * a;
      if (n.fx !== null) { n.x = n.fx; n.y = n.fy; n.vx = n.vy = 0; continue; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x += Math.max(-40, Math.min(40, n.vx));
      n.y += Math.max(-40, Math.min(40, n.vy));
    }
    this.alpha *= 0.975;
  }

  reheat(alpha = 0.3) {
    this.alpha = Math.max(this.alpha, alpha);
    if (this.running) return;
    this.running = true;
    const step = () => {
      this.tick();
      this.draw();
      if (this.alpha > 0.01) requestAnimationFrame(step);
      else this.running = false;
    };
    requestAnimationFrame(step);
  }

  draw() {
    for (const e of this.edges) {
      const { s, t } = e;
      const dx = t.x - s.x, dy = t.y - s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const ns = this.nodeScale();
      const rs = this.radius(s) * ns, rt = (this.radius(t) + (DIRECTED.has(e.type) ? 2 : 0)) * ns;
      const x1 = s.x + (dx / d) * rs, y1 = s.y + (dy / d) * rs;
      const x2 = t.x - (dx / d) * rt, y2 = t.y - (dy / d) * rt;
      if (e.lane === 0) {
        e.el.setAttribute("d", `M${x1.toFixed(1)},${y1.toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`);
      } else {
        const bend = 18 * Math.ceil(e.lane / 2) * (e.lane % 2 ? 1 : -1);
        const mx = (x1 + x2) / 2 - (dy / d) * bend, my = (y1 + y2) / 2 + (dx / d) * bend;
        e.el.setAttribute("d", `M${x1.toFixed(1)},${y1.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`);
      }
    }
    const sc = this.nodeScale() === 1 ? "" : ` scale(${this.nodeScale().toFixed(3)})`;
    for (const n of this.nodes) n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})${sc}`);
  }

  /* Zoomed out, circles and labels shrink less than the layout (k^0.3 instead of k),
   * so that names stay readable on a phone; zoomed in, everything scales together. */
  nodeScale() { return this.k < 1 ? Math.pow(this.k, -0.7) : 1; }

  applyTransform() {
    this.viewport.setAttribute("transform", `translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.k.toFixed(4)})`);
    const s = this.nodeScale();
    if (s !== this.lastNodeScale) { this.lastNodeScale = s; this.draw(); }
  }

  size() {
    const r = this.svg.getBoundingClientRect();
    return { w: r.width || 600, h: r.height || 400 };
  }

  /** Scale and centre so that every node (and its label) is in view. */
  fit() {
    const { w, h } = this.size();
    if (!this.nodes.length) { this.k = 1; this.tx = w / 2; this.ty = h / 2; this.applyTransform(); return; }
    // Node extents in graph units; labels (~6 px a character) and circles keep roughly
    // their screen size, so the margin they need is solved for with the scale itself.
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    let padX = 20, padY = 30;
    for (const n of this.nodes) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
      y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
      padX = Math.max(padX, n.hw * 1.05);
    }
    let k = 1.4;
    for (let i = 0; i < 4; i++) {                 // margins depend on k: a few fixed-point steps
      const s = k < 1 ? Math.pow(k, -0.7) : 1;
      const kx = (w - 2 * padX * s * k) / Math.max(1, x1 - x0);
      const ky = (h - 2 * padY * s * k) / Math.max(1, y1 - y0);
      k = Math.max(0.1, Math.min(1.4, kx, ky));
    }
    this.k = k;
    this.tx = w / 2 - ((x0 + x1) / 2) * this.k;
    this.ty = h / 2 - ((y0 + y1) / 2 + 6) * this.k;
    this.applyTransform();
  }

  zoomBy(factor, px, py) {
    const { w, h } = this.size();
    if (px === undefined) { px = w / 2; py = h / 2; }
    const k = Math.max(0.15, Math.min(6, this.k * factor));
    this.tx = px - ((px - this.tx) * k) / this.k;
    this.ty = py - ((py - this.ty) * k) / this.k;
    this.k = k;
    this.userMoved = true;
    this.applyTransform();
  }

  toGraph(clientX, clientY) {
    const r = this.svg.getBoundingClientRect();
    return [(clientX - r.left - this.tx) / this.k, (clientY - r.top - this.ty) / this.k];
  }

  installInteractions() {
    const s = this.svg;
    s.addEventListener("wheel", (e) => {
      if (!this.nodes.length) return;
      e.preventDefault();
      const r = s.getBoundingClientRect();
      this.zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });

    let drag = null;                // {mode: 'node'|'pan', node, x, y, moved}
    s.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      const g = e.target.closest(".node");
      const node = g ? this.byId.get(g.dataset.id) : null;
      drag = { mode: node ? "node" : "pan", node, x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty, moved: false };
      s.setPointerCapture(e.pointerId);
      s.classList.add(node ? "dragging-node" : "panning");
    });
    s.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      if (drag.mode === "pan") {
        this.tx = drag.tx + dx; this.ty = drag.ty + dy;
        this.userMoved = true;
        this.applyTransform();
      } else {
        const [gx, gy] = this.toGraph(e.clientX, e.clientY);
        drag.node.fx = gx; drag.node.fy = gy;
        drag.node.x = gx; drag.node.y = gy;
        this.reheat(0.25);
        this.draw();
      }
    });
    const end = (e) => {
      if (!drag) return;
      s.classList.remove("dragging-node", "panning");
      if (drag.mode === "node" && !drag.moved && e.type === "pointerup") this.onNodeActivate(drag.node);
      drag = null;
    };
    s.addEventListener("pointerup", end);
    s.addEventListener("pointercancel", end);
  }

  highlight(id) {
    for (const n of this.nodes) n.el.classList.toggle("hl", n.id === id);
    for (const e of this.edges) e.el.classList.toggle("hl", e.s.id === id || e.t.id === id);
  }

  clear() {
    this.nodes = []; this.edges = []; this.byId = new Map();
    this.edgeLayer.replaceChildren(); this.nodeLayer.replaceChildren();
  }
}

/* ------------------------------------------------------ response adapters ---- */
/* The API's response models (partnergraph/api/models.py), read in one place:
 *   EntityPage {items: [EntityHit {id, name, kind, aliases[], matched, ...}]}
 *   EntityDetail {id, name, kind, aliases[], name_ko, region, parent, children[], counts}
 *   PartnersPage {entity, total, items: [Partner {partner, relations[], documents,
 *                 evidence: [{relation, via, document, sentence}]}]}
 *   FundingView {entity, totals_in, totals_out, incoming/outgoing: [FundingFlow
 *                {counterpart, totals, grants: [{amount, currency, amount_text, document, sentence}]}]}
 *   ProgramView {program, organisers/funders/participants/leaders: [{member, evidence[]}]}
 *   PathView {source, target, found, hops, path: [Hop {hop, from, to, relations: [
 *             {type, source_id, document, sentence}]}]}
 *   Subgraph {center, truncated, nodes: [{id, name, kind, center}], edges: [{source,
 *             target, type, assertions, documents}]}
 */

function entityItems(body) {
  return (body && body.items) || [];
}

/* --------------------------------------------------------- 4. Side panel ------ */

/** The sentence behind an assertion and the document it comes from (DocumentRef). */
function evidenceBlock(ev) {
  const doc = ev.document || {};
  const label = doc.title || (doc.id ? `document ${doc.id.slice(0, 12)}…` : "unknown document");
  const link = doc.id
    ? el("a", { href: doc.url || `/documents/${enc(doc.id)}`, class: "doc-link", target: "_blank", rel: "noopener",
      title: doc.url ? "the original article" : "the document and every fact taken from it (JSON)" }, label)
    : label;
  return el("div", { class: "evidence" },
    el("blockquote", {}, ev.sentence || "(no sentence recorded)"),
    el("p", { class: "source" }, "Source: ", link, doc.date ? ` · ${doc.date}` : ""));
}

function entityButton(ref) {
  return el("button", { type: "button", class: "entity-link", onclick: () => goEntity(ref.id), title: `Show ${ref.name}` },
    el("span", { class: "dot", style: `background:${KIND_COLOR[ref.kind] || "#999"}`, "aria-hidden": "true" }), ref.name);
}

/* An id the graph holds no node for (a region known only by id): "region:south-jeolla" -> "South Jeolla". */
function prettyId(id) {
  return id.replace(/^[a-z]+:/, "").replace(/^seoul-/, "").split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

function refOrText(ref) {
  return ref.name === ref.id && !ref.kind ? prettyId(ref.id) : entityButton(ref);
}

function factItem(head, evidences, extra, total) {
  // one sentence can state two relations (an MOU and a shared program): show it once
  const seen = new Set();
  evidences = evidences.filter((ev) => {
    const key = `${ev.document && ev.document.id}\u0000${ev.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const n = evidences.length;
  const more = total && total > n ? ` (of ${total} assertions)` : "";
  const details = el("details", { class: "fact-evidence" },
    el("summary", {}, `${n} source sentence${n === 1 ? "" : "s"}${more}`),
    ...evidences.map(evidenceBlock));
  if (n <= 2) details.open = true;
  return el("li", { class: "fact" }, el("div", { class: "fact-head" }, head), extra || null, details);
}

function relationBadge(type, text) {
  return el("span", { class: "rel", style: `--c:${TYPE_COLOR[type] || "#999"}` }, text || TYPE_VERB[type] || type);
}

/* Partners: one row per partner, each way of working together labelled, evidence listed. */
function renderPartners(body) {
  const list = $("partners");
  const items = (body && body.items) || [];
  const total = body && body.total !== undefined ? body.total : items.length;
  $("partners-count").textContent = total ? `(${total})` : "";
  if (!items.length) { list.replaceChildren(el("li", { class: "empty" }, "No partners found in the ingested articles.")); return; }
  list.replaceChildren(...items.map((p) => {
    const badges = p.relations.filter((r) => r !== "CO_PARTICIPANT").map((r) => relationBadge(r));
    const vias = [...new Map(p.evidence.filter((e) => e.relation === "CO_PARTICIPANT" && e.via)
      .map((e) => [e.via.id, e.via])).values()];
    for (const v of vias) badges.push(relationBadge("CO_PARTICIPANT", `same program: ${v.name}`));
    const docs = el("span", { class: "docs" }, `${p.documents} doc${p.documents === 1 ? "" : "s"}`);
    return factItem([entityButton(p.partner), ...badges, docs], p.evidence, null, p.evidence_total);
  }));
}

function money(amount, currency) {
  if (amount === null || amount === undefined) return "";
  const n = Number(amount);
  if (currency === "KRW") {
    if (n >= 1e12) return `${(n / 1e12).toLocaleString("en", { maximumFractionDigits: 2 })} trillion KRW`;
    if (n >= 1e9) return `${(n / 1e9).toLocaleString("en", { maximumFractionDigits: 2 })} billion KRW`;
    if (n >= 1e6) return `${(n / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} million KRW`;
  }
  return `${n.toLocaleString("en")} ${currency || ""}`.trim();
}

function totalsText(totals) {
  return Object.entries(totals || {}).map(([cur, v]) => money(v, cur)).join(" + ");
}

function renderFunding(body) {
  const parts = [];
  const sides = [["incoming", "totals_in", "Receives from"], ["outgoing", "totals_out", "Gives to"]];
  for (const [key, totalsKey, title] of sides) {
    const flows = (body && body[key]) || [];
    if (!flows.length) continue;
    const total = totalsText(body[totalsKey]);
    parts.push(el("h4", {}, title, total ? el("span", { class: "total" }, ` · ${total} stated`) : ""));
    parts.push(el("ul", { class: "facts" }, ...flows.map((f) => {
      const amount = totalsText(f.totals);
      const years = [...new Set(f.grants.filter((g) => g.start_year || g.end_year)
        .map((g) => [g.start_year, g.end_year].filter(Boolean).join("–")))];
      return factItem([entityButton(f.counterpart),
        amount ? el("span", { class: "amount" }, amount) : el("span", { class: "amount none" }, "no amount stated"),
        years.length ? el("span", { class: "years" }, years.join(", ")) : null], f.grants);
    })));
  }
  if (!parts.length) parts.push(el("p", { class: "empty" }, "No funding found in the ingested articles."));
  $("funding").replaceChildren(...parts);
}

const ROLE_TYPE = { organisers: "ORGANIZES", funders: "FUNDS", participants: "PARTICIPATES_IN", leaders: "LEADS" };

/* Programs of an organisation: each program it organises, funds, takes part in or leads,
 * from GET /programs/{id} of the programs next to it in the graph. */
async function renderPrograms(entity, nodes) {
  const list = $("programs");
  const title = $("programs-title");
  const seq = loadSeq;
  if (entity.kind === "Program") {
    title.firstChild.textContent = "Members ";
    const view = await api(`/programs/${enc(entity.id)}`);
    if (seq !== loadSeq) return;
    const rows = [];
    for (const [key, type] of Object.entries(ROLE_TYPE)) {
      for (const m of view[key] || []) rows.push(factItem([entityButton(m.member), relationBadge(type)], m.evidence));
    }
    $("programs-count").textContent = rows.length ? `(${rows.length})` : "";
    list.replaceChildren(...(rows.length ? rows : [el("li", { class: "empty" }, "No members found.")]));
    return;
  }
  title.firstChild.textContent = "Programs ";
  const programs = nodes.filter((n) => n.kind === "Program" && n.id !== entity.id);
  const views = await Promise.all(programs.map((p) => api(`/programs/${enc(p.id)}`).catch(() => null)));
  if (seq !== loadSeq) return;
  const rows = [];
  views.forEach((view, i) => {
    if (!view) return;
    const roles = [];
    const evidence = [];
    for (const [key, type] of Object.entries(ROLE_TYPE)) {
      for (const m of view[key] || []) {
        if (m.member.id !== entity.id) continue;
        roles.push(type);
        evidence.push(...m.evidence);
      }
    }
    if (roles.length) rows.push(factItem([entityButton(view.program || programs[i]), ...roles.map((t) => relationBadge(t))], evidence));
  });
  $("programs-count").textContent = rows.length ? `(${rows.length})` : "";
  list.replaceChildren(...(rows.length ? rows : [el("li", { class: "empty" }, "No programs found in the ingested articles.")]));
}

/* --------------------------------------------------------- 5. Connections ---- */

async function findPath(fromCombo, toCombo, maxHops) {
  const box = $("path-result");
  box.replaceChildren(el("p", { class: "loading" }, "Looking for a connection…"));
  hideAlert();
  let a, b;
  try {
    [a, b] = await Promise.all([fromCombo.resolve(), toCombo.resolve()]);
  } catch (err) {
    box.replaceChildren(el("p", { class: "empty error" }, err.message));
    return;
  }
  if (!a || !b) { box.replaceChildren(el("p", { class: "empty" }, "Choose two organisations.")); return; }
  setHash(`#/path/${enc(a.id)}/${enc(b.id)}/${maxHops}`);
  await showPath(a.id, b.id, maxHops);
}

async function showPath(sourceId, targetId, maxHops) {
  const box = $("path-result");
  let view;
  try {
    view = await api("/paths", { source: sourceId, target: targetId, max_hops: maxHops });
  } catch (err) {
    box.replaceChildren(el("p", { class: "empty error" }, err.message));
    showAlert(err);
    return;
  }
  const { source: a, target: b } = view;
  if (!view.found || !view.path.length) {
    box.replaceChildren(el("p", { class: "empty" },
      a.id === b.id ? "Choose two different organisations." : `No connection between ${a.name} and ${b.name} within ${maxHops} steps.`));
    return;
  }
  const nodes = new Map();
  const edges = [];
  for (const h of view.path) {
    nodes.set(h.from.id, h.from);
    nodes.set(h.to.id, h.to);
    const types = new Map();
    for (const r of h.relations) {
      const other = r.source_id === h.from.id ? h.to.id : h.from.id;
      const key = `${r.type}|${r.source_id}`;
      const e = types.get(key) || { source: r.source_id, target: other, type: r.type, documents: 0 };
      e.documents++;
      types.set(key, e);
    }
    edges.push(...types.values());
  }
  const steps = el("ol", { class: "path-steps" }, ...view.path.map((h) => {
    const types = [...new Set(h.relations.map((r) => r.type))];
    return el("li", {},
      el("div", { class: "fact-head" }, entityButton(h.from), ...types.map((t) => relationBadge(t, linkText(t, h))), entityButton(h.to)),
      ...h.relations.slice(0, 2).map(evidenceBlock),
      h.relations.length > 2 ? el("p", { class: "more" }, `and ${h.relations.length - 2} more source sentence${h.relations.length === 3 ? "" : "s"}`) : null);
  }));
  box.replaceChildren(el("p", { class: "path-summary" }, `${a.name} → ${b.name}: ${view.hops} step${view.hops === 1 ? "" : "s"}`), steps);
  $("graph-title").textContent = `Connection: ${a.name} → ${b.name}`;
  $("graph-empty").hidden = true;
  current = null;
  graph.setData([...nodes.values()], edges, { pathIds: [...nodes.keys()] });
  announce(`Connection found: ${view.hops} steps`);
}

/* "funds" reads left to right only when the hop runs in the assertion's direction. */
function linkText(type, hop) {
  const verb = TYPE_VERB[type] || type;
  const r = hop.relations.find((x) => x.type === type);
  if (!DIRECTED.has(type) || !r || r.source_id === hop.from.id) return verb;
  return `← ${verb}`;
}

/* ---------------------------------------------------- entity: load and show -- */

let graph;
let current = null;
let loadSeq = 0;

async function showEntity(id) {
  const seq = ++loadSeq;
  hideAlert();
  selectTab("entity");
  const limit = $("limit-select").value;
  $("entity-empty").hidden = true;
  $("entity").hidden = false;
  $("entity-name").textContent = "Loading…";
  let entity, sub, partners, funding;
  try {
    [entity, sub, partners, funding] = await Promise.all([
      api(`/entities/${enc(id)}`),
      api("/subgraph", { center: id, depth: 1, limit }),
      api(`/entities/${enc(id)}/partners?evidence=50`),
      api(`/entities/${enc(id)}/funding`),
    ]);
  } catch (err) {
    if (seq !== loadSeq || err.name === "AbortError") return;
    $("entity").hidden = true;
    $("entity-empty").hidden = false;
    showAlert(err);
    return;
  }
  if (seq !== loadSeq) return;
  current = entity;
  renderHeader(entity);
  renderPartners(partners);
  renderFunding(funding);
  // the centre's acronym (GIST) reads better than a cut-off long name
  const acronym = (entity.aliases || []).find((a) => /^[A-Z][A-Za-z]{1,7}$/.test(a) && a === a.toUpperCase());
  const nodes = sub.nodes.map((n) => (n.id === entity.id && acronym ? { ...n, label: acronym } : n));
  const edges = sub.edges.map((e) => ({ ...e }));
  $("graph-title").textContent = `Neighbourhood of ${entity.name}` + (sub.truncated ? ` (first ${sub.limit} neighbours)` : "");
  $("graph-empty").hidden = true;
  graph.setData(nodes, edges, { centerId: entity.id });
  document.title = `${entity.name} · partnergraph explorer`;
  announce(`Showing ${entity.name}: ${nodes.length - 1} neighbours`);
  renderPrograms(entity, nodes).catch(showAlert);
}

function renderHeader(e) {
  $("entity-name").textContent = e.name || e.id;
  const kind = $("entity-kind");
  kind.textContent = kindLabel(e.kind);
  kind.style.setProperty("--c", KIND_COLOR[e.kind] || "#999");
  const names = [...(e.aliases || []), e.name_ko].filter((x, i, a) => x && x !== e.name && a.indexOf(x) === i);
  $("entity-aliases").textContent = names.length ? `also ${names.join(", ")}` : "";
  const par = $("entity-parent");
  const bits = [];
  if (e.parent) bits.push("Part of ", refOrText(e.parent));
  if (e.region) bits.push(bits.length ? " · in " : "In ", e.region.name === e.region.id ? prettyId(e.region.id) : e.region.name);
  if (e.counts) bits.push(bits.length ? " · " : "", `mentioned in ${e.counts.documents} document${e.counts.documents === 1 ? "" : "s"}`);
  par.replaceChildren(...bits);
  par.hidden = !bits.length;
}

/* ------------------------------------------------------------- 6. Routing ---- */

function setHash(h, replace = false) {
  if (window.location.hash === h) return;
  if (replace) history.replaceState(null, "", h);
  else history.pushState(null, "", h);
}

function goEntity(id) {
  setHash(`#/entity/${enc(id)}`);
  showEntity(id);
}

function selectTab(name) {
  for (const t of ["entity", "path"]) {
    const tab = $(`tab-${t}`);
    const on = t === name;
    tab.setAttribute("aria-selected", on ? "true" : "false");
    tab.tabIndex = on ? 0 : -1;
    $(`pane-${t}`).hidden = !on;
  }
}

async function route() {
  const h = window.location.hash || "";
  let m = h.match(/^#\/entity\/(.+)$/);
  if (m) { showEntity(decodeURIComponent(m[1])); return; }
  m = h.match(/^#\/path\/([^/]+)\/([^/]+)(?:\/(\d))?$/);
  if (m) {
    selectTab("path");
    const [a, b] = [decodeURIComponent(m[1]), decodeURIComponent(m[2])];
    if (m[3]) $("path-hops").value = m[3];
    const view = await showPath(a, b, $("path-hops").value);
    for (const [combo, id] of [[fromCombo, a], [toCombo, b]]) {
      if (combo.picked && combo.picked.id === id) continue;
      api(`/entities/${enc(id)}`).then((e) => { combo.picked = e; combo.input.value = e.name; }).catch(() => {});
    }
    return view;
  }
}

let fromCombo, toCombo;

function renderLegend() {
  $("legend-kinds").replaceChildren(...KINDS.map(([k, c]) =>
    el("li", {}, el("span", { class: "dot", style: `background:${c}`, "aria-hidden": "true" }), kindLabel(k))));
  $("legend-types").replaceChildren(...TYPES.filter(([t]) => t !== "LOCATED_IN").map(([t, c, v]) =>
    el("li", {}, el("span", { class: `line${t === "CO_PARTICIPANT" ? " dashed" : ""}`, style: `--c:${c}`, "aria-hidden": "true" }), v)));
}

function start() {
  graph = new GraphView($("graph"));
  graph.onNodeActivate = (n) => { if (n.id !== (current && current.id) || graph.pathIds) goEntity(n.id); };
  renderLegend();
  if (window.matchMedia("(max-width: 700px)").matches) $("legend").open = false;

  const search = new Combobox($("search-input"), $("search-listbox"), (it) => goEntity(it.id));
  $("search-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try { const it = await search.resolve(); if (it) goEntity(it.id); } catch (err) { search.renderMessage(err.message); }
  });
  fromCombo = new Combobox($("path-from"), $("path-from-listbox"), () => {});
  toCombo = new Combobox($("path-to"), $("path-to-listbox"), () => {});
  $("path-form").addEventListener("submit", (e) => { e.preventDefault(); findPath(fromCombo, toCombo, $("path-hops").value); });

  for (const t of ["entity", "path"]) {
    $(`tab-${t}`).addEventListener("click", () => selectTab(t));
    $(`tab-${t}`).addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        const other = t === "entity" ? "path" : "entity";
        selectTab(other); $(`tab-${other}`).focus();
      }
    });
  }
  $("zoom-in").addEventListener("click", () => graph.zoomBy(1.25));
  $("zoom-out").addEventListener("click", () => graph.zoomBy(0.8));
  $("zoom-reset").addEventListener("click", () => { graph.userMoved = false; graph.fit(); });
  $("limit-select").addEventListener("change", () => { if (current) showEntity(current.id); });
  for (const b of document.querySelectorAll("[data-q]")) {
    b.addEventListener("click", async () => {
      $("search-input").value = b.dataset.q;
      try { const it = await search.resolve(); if (it) goEntity(it.id); } catch (err) { showAlert(err); }
    });
  }
  $("go-path").addEventListener("click", () => { selectTab("path"); $("path-from").focus(); });
  $("home-link").addEventListener("click", (e) => { e.preventDefault(); $("search-input").focus(); });
  for (const a of document.querySelectorAll(".downloads a")) {
    a.addEventListener("click", () => announce(`Downloading ${a.textContent} of the whole graph`));
  }
  window.addEventListener("popstate", route);     // back/forward and typed #fragments
  route();
}

document.addEventListener("DOMContentLoaded", start);
