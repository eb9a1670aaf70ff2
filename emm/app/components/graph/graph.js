// EMM graph component (Streamlit components v2, inline, no iframe) on vis-network.
//
// Python sends plain data (nodes, edges, styles, texts); this module draws it and sends events
// back: the selection and the brushed period as state values, user actions (expand, hide, pin,
// remove, path, facts, group, undo, export...) as trigger values. It knows nothing about the
// store. Everything that comes from data goes into the DOM as text (textContent, innerText),
// never as HTML, and no request leaves the app's host: vis-network is served by the app itself,
// icons are data: URIs, exports are built in the browser.
//
// Streamlit calls the default export again whenever the data changes, on the same parent
// element; the instance (and with it the canvas, positions and clusters) lives on between
// calls, so a rerun never reshuffles the picture.

const INSTANCES = new WeakMap();
let visPromise = null;

function loadVis(url) {
  if (window.vis && window.vis.Network) return Promise.resolve(window.vis);
  if (!visPromise) {
    visPromise = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = url;
      s.async = true;
      s.onload = () => resolve(window.vis);
      s.onerror = () => {
        visPromise = null;
        reject(new Error("vis-network could not be loaded from " + url));
      };
      document.head.appendChild(s);
    });
  }
  return visPromise;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = String(v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const SVGNS = "http://www.w3.org/2000/svg";
function svgEl(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, String(v));
  }
  return e;
}

function day(s) {
  // "2024-03-05..." -> ms since epoch (UTC), or null
  if (!s) return null;
  const t = Date.parse(String(s).slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(t) ? null : t;
}
function iso(t) {
  return new Date(t).toISOString().slice(0, 10);
}

class GraphView {
  constructor(root) {
    this.root = root;
    this.rev = null;
    this.data = null;
    this.network = null;
    this.mode = "select";
    this.pathFrom = null;
    this.period = null; // [t0, t1] ms, inclusive
    this.dateField = "registered";
    this.actionCount = 0;
    this.queue = [];
    this.inst = Math.random().toString(36).slice(2) + Date.now().toString(36);
    this.selectNonce = null;
    this.hubsClustered = false;
    this.legendOpen = true;
    this.setState = () => {};
    this.setTrigger = () => {};
    this.build();
  }

  t(key, fallback) {
    const texts = (this.data && this.data.texts) || {};
    return texts[key] || fallback || key;
  }

  // ------------------------------------------------------------------ DOM

  build() {
    this.wrap = el("div", { class: "emm-graph", "data-testid": "emm-graph", tabindex: "0" });
    this.toolbar = el("div", { class: "toolbar", role: "toolbar" });
    this.box = el("div", { class: "canvas-box" });
    this.netDiv = el("div", { class: "net", "data-testid": "graph-canvas" });
    this.overlay = el("canvas", { class: "lasso" });
    this.legend = el("div", { class: "legend", "data-testid": "graph-legend" });
    this.menu = el("div", { class: "menu", role: "menu", "data-testid": "graph-menu" });
    this.hint = el("div", { class: "hint", "data-testid": "graph-hint" });
    this.status = el("div", { class: "status", "data-testid": "graph-status" });
    this.box.append(this.netDiv, this.overlay, this.legend, this.menu, this.hint);
    this.timeline = el("div", { class: "timeline", "data-testid": "graph-timeline" });
    this.wrap.append(this.toolbar, this.box, this.timeline, this.status);
    this.root.append(this.wrap);
    this.wrap.addEventListener("keydown", (e) => this.onKey(e));
    // clicks on the canvas give the component the keyboard (Ctrl+Z, Delete, Esc)
    this.netDiv.addEventListener("pointerdown", () => this.wrap.focus({ preventScroll: true }));
    this.wrap.addEventListener("pointerdown", (e) => {
      if (!this.menu.contains(e.target)) this.closeMenu();
    });
    this.bindLasso();
  }

  button(id, label, title, onclick) {
    return el("button", {
      type: "button",
      class: "tb",
      "data-testid": "graph-" + id,
      title: title || label,
      "aria-label": title || label,
      text: label,
      onclick,
    });
  }

  buildToolbar() {
    const t = (k, f) => this.t(k, f);
    this.toolbar.replaceChildren(
      (this.lassoBtn = this.button("lasso", t("lasso", "Lasso"), t("lasso_help"), () =>
        this.setMode(this.mode === "lasso" ? "select" : "lasso"),
      )),
      this.button("fit", t("fit", "Fit"), t("fit_help"), () => this.network.fit({ animation: false })),
      this.button("relayout", t("relayout", "Layout"), t("relayout_help"), () => this.relayout()),
      (this.hubBtn = this.button("hubs", t("cluster_hubs", "Hubs"), t("cluster_hubs_help"), () =>
        this.toggleHubs(),
      )),
      el("span", { class: "sep" }),
      this.button("undo", t("undo", "Undo"), t("undo_help"), () => this.action("undo")),
      this.button("redo", t("redo", "Redo"), t("redo_help"), () => this.action("redo")),
      el("span", { class: "sep" }),
      this.button("legend-toggle", t("legend", "Legend"), t("legend_help"), () => {
        this.legendOpen = !this.legendOpen;
        this.legend.style.display = this.legendOpen ? "" : "none";
      }),
      this.button("export-png", t("export_png", "PNG"), t("export_help"), () => this.exportPng()),
      this.button("export-svg", t("export_svg", "SVG"), t("export_help"), () => this.exportSvg()),
    );
    const d = this.data;
    this.box.style.height = (d.height || 640) + "px";
  }

  // ------------------------------------------------------------------ events to Python

  action(type, ids, arg) {
    // Actions queue until Python acknowledges them (data.ack): two quick clicks may reach the
    // server in one rerun, where a single trigger value would keep only the last.
    this.actionCount += 1;
    this.queue.push({ type, ids: ids || this.selectedIds(), arg: arg === undefined ? null : arg, n: this.actionCount });
    this.queue = this.queue.slice(-20);
    this.setTrigger("action", { inst: this.inst, batch: this.queue });
  }

  selectedIds() {
    if (!this.network) return [];
    const out = [];
    for (const id of this.network.getSelectedNodes()) {
      if (this.network.isCluster(id)) {
        for (const m of this.clusterMembers(id)) out.push(m);
      } else out.push(id);
    }
    return [...new Set(out)];
  }

  clusterMembers(id) {
    const out = [];
    const walk = (cid) => {
      for (const m of this.network.getNodesInCluster(cid)) {
        if (this.network.isCluster(m)) walk(m);
        else out.push(m);
      }
    };
    walk(id);
    return out;
  }

  reportSelection() {
    clearTimeout(this._selTimer);
    this._selTimer = setTimeout(() => {
      const ids = this.selectedIds();
      this.wrap.dataset.selected = ids.join(" ");
      this.setState("selected", ids);
    }, 250); // longer than a double-click: its first click does not start a rerun of its own
  }

  reportPositions(ids) {
    const pos = this.network.getPositions(ids);
    const out = {};
    for (const [id, p] of Object.entries(pos)) {
      if (this.network.isCluster(id)) continue;
      out[id] = [Math.round(p.x), Math.round(p.y)];
    }
    this.actionCount += 1;
    this.setState("moved", { n: this.actionCount, positions: out });
  }

  // ------------------------------------------------------------------ data

  async update(data) {
    const ack = data && data.ack;
    if (ack && ack.inst === this.inst) this.queue = this.queue.filter((a) => a.n > ack.n);
    // A picture from a run that did not see the queued actions (it started before they were
    // sent, e.g. the rerun of a selection): send them again; Python skips what it acknowledged.
    if (this.queue.length && this.network) this.setTrigger("action", { inst: this.inst, batch: this.queue });
    if (data && data.rev === this.rev && this.network) return;
    this.data = data;
    this.rev = data.rev;
    const vis = await loadVis(data.vis_url);
    if (!this.network) this.createNetwork(vis);
    this.buildToolbar();
    this.applyData();
    this.wrap.dataset.rev = String(data.rev);
    this.wrap.dataset.ready = "true";
  }

  createNetwork(vis) {
    this.nodes = new vis.DataSet();
    this.edges = new vis.DataSet();
    this.nodesView = new vis.DataView(this.nodes, { filter: (n) => this.nodeInPeriod(n) });
    this.edgesView = new vis.DataView(this.edges, { filter: (e) => this.edgeInPeriod(e) });
    const options = {
      autoResize: true,
      physics: { enabled: false, solver: "forceAtlas2Based", stabilization: { iterations: 200 } },
      layout: { improvedLayout: false },
      interaction: {
        hover: true,
        multiselect: true,
        navigationButtons: false,
        keyboard: false,
        tooltipDelay: 250,
        hideEdgesOnDrag: false,
      },
      nodes: {
        font: { size: 12, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
        shapeProperties: { useBorderWithImage: true, interpolation: false },
        scaling: { label: { drawThreshold: 6 } },
      },
      edges: {
        smooth: false,
        arrows: { to: { enabled: true, scaleFactor: 0.45 } },
        font: { size: 9, color: "#555555", align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
        selectionWidth: 2,
      },
    };
    this.network = new vis.Network(this.netDiv, { nodes: this.nodesView, edges: this.edgesView }, options);
    const net = this.network;
    net.on("selectNode", () => this.reportSelection());
    net.on("deselectNode", () => this.reportSelection());
    net.on("click", (p) => {
      this.closeMenu();
      if (this.mode === "path" && p.nodes.length) {
        const target = p.nodes[0];
        if (!net.isCluster(target) && target !== this.pathFrom) {
          const from = this.pathFrom;
          this.setMode("select");
          this.action("path", [from, target]);
        }
      }
    });
    net.on("doubleClick", (p) => {
      if (!p.nodes.length) return;
      clearTimeout(this._selTimer); // the expand says what is selected; no rerun in between
      const id = p.nodes[0];
      if (net.isCluster(id)) {
        net.openCluster(id);
        return;
      }
      this.action("expand", [id]);
    });
    net.on("oncontext", (p) => {
      p.event.preventDefault();
      const id = net.getNodeAt(p.pointer.DOM);
      if (id !== undefined) {
        const sel = net.getSelectedNodes();
        if (!sel.includes(id)) {
          net.selectNodes([id]);
          this.reportSelection();
        }
        this.openNodeMenu(id, p.pointer.DOM);
      } else {
        this.openCanvasMenu(p.pointer.DOM);
      }
    });
    net.on("dragEnd", (p) => {
      if (p.nodes && p.nodes.length) this.reportPositions(p.nodes);
    });
    net.on("stabilizationIterationsDone", () => {
      net.setOptions({ physics: { enabled: false } });
      this.reportPositions(this.nodes.getIds());
      this.hint.textContent = "";
    });
    // A test and accessibility hook: where each node is on screen (ids are opaque).
    this.wrap.graphApi = {
      domPosition: (id) => {
        const p = net.getPositions([id])[id];
        if (!p) return null;
        const d = net.canvasToDOM(p);
        const r = this.netDiv.getBoundingClientRect();
        return { x: r.left + d.x, y: r.top + d.y };
      },
      // Where to click a node: on screen, on the canvas (not under the legend), or null.
      // It resolves once the node has held still on screen for 100 ms: the page above may
      // still be growing after a rerun (an expander opening), and a click aimed at where the
      // node was would land beside it. Timers, not animation frames: a hidden tab has none.
      clickable: async (id) => {
        if (!net.getPositions([id])[id]) return null;
        this.box.scrollIntoView({ block: "center", inline: "nearest" });
        const frame = () => new Promise((resolve) => setTimeout(resolve, 20));
        let last = "";
        for (let still = 0, i = 0; still < 5 && i < 240; i++) {
          await frame();
          const q = net.getPositions([id])[id];
          if (!q) return null;
          const r = this.netDiv.getBoundingClientRect();
          const d = net.canvasToDOM(q);
          const now = `${r.left + d.x},${r.top + d.y}`;
          still = now === last ? still + 1 : 0;
          last = now;
        }
        const p = net.getPositions([id])[id];
        if (!p) return null;
        const d = net.canvasToDOM(p);
        const r = this.netDiv.getBoundingClientRect();
        const x = r.left + d.x;
        const y = r.top + d.y;
        if (x < r.left + 4 || y < r.top + 4 || x > r.right - 4 || y > r.bottom - 4) return null;
        const hit = this.root.elementFromPoint ? this.root.elementFromPoint(x, y) : null;
        return hit && hit.tagName === "CANVAS" && this.netDiv.contains(hit) ? { x, y } : null;
      },
      position: (id) => {
        const p = net.getPositions([id])[id];
        return p ? { x: p.x, y: p.y } : null;
      },
      nodeIds: () => this.nodesView.getIds(),
      seedIds: () => this.nodes.getIds({ filter: (n) => !!n._seed }),
      hiddenIds: () => this.nodes.getIds({ filter: (n) => !!n.hidden }),
      selected: () => this.selectedIds(),
    };
    if (!window.__emmGraphs) window.__emmGraphs = {};
    window.__emmGraphs[this.data.name || "graph"] = this.wrap.graphApi;
  }

  visNode(n, types, icons) {
    const st = types[n.type] || {};
    const colour = n.color || st.color || "#555";
    const o = {
      id: n.id,
      label: n.label || "",
      title: n.title || "",
      hidden: !!n.hidden,
      size: n.size || 14,
      borderWidth: n.border_width || (n.seed ? 4 : 1.5),
      color: {
        background: colour,
        border: n.border || (n.seed ? "#000000" : colour),
        highlight: { background: colour, border: "#000000" },
        hover: { background: colour, border: "#333333" },
      },
      font: { color: n.pinned ? "#000000" : "#222222", bold: n.pinned ? true : undefined },
      _type: n.type,
      _pinned: !!n.pinned,
      _seed: !!n.seed,
    };
    if (icons && st.icon && !n.color) {
      o.shape = "circularImage";
      o.image = st.icon;
      o.color.background = "#ffffff";
      o.color.border = n.border || (n.seed ? "#000000" : st.color || "#555");
      o.color.highlight = { background: "#ffffff", border: "#000000" };
      o.color.hover = { background: "#ffffff", border: "#333333" };
      o.borderWidth = n.border_width || (n.seed ? 4 : 2);
    } else {
      o.shape = st.shape || "dot";
    }
    if (n.pinned) o.label = "📌 " + o.label;
    return o;
  }

  visEdge(e, parties) {
    const p = parties[e.party] || {};
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      label: this.data.edge_labels ? e.label || "" : undefined,
      title: e.title || "",
      color: { color: e.color || p.color || "#999999", highlight: "#000000", hover: "#333333" },
      dashes: e.dashes !== undefined ? e.dashes : p.dashes || false,
      width: e.width || 1.5,
      _date: day(e.date),
      _registered: day(e.registered),
    };
  }

  applyData() {
    const d = this.data;
    const net = this.network;
    const types = d.types || {};
    const parties = d.parties || {};
    const icons = !!d.icons;
    this.openAllClusters();

    // Nodes: existing ones keep where they are on screen; new ones go where Python placed them.
    const have = new Set(this.nodes.getIds());
    const want = new Set();
    const positions = net.getPositions([...have]);
    const updates = [];
    for (const n of d.nodes) {
      want.add(n.id);
      const o = this.visNode(n, types, icons);
      if (have.has(n.id)) {
        const p = positions[n.id];
        if (p) {
          o.x = p.x;
          o.y = p.y;
        }
      } else if (n.x !== undefined && n.x !== null) {
        o.x = n.x;
        o.y = n.y;
      }
      updates.push(o);
    }
    const gone = [...have].filter((id) => !want.has(id));
    if (gone.length) this.nodes.remove(gone);
    this.nodes.update(updates);

    const haveE = new Set(this.edges.getIds());
    const wantE = new Set(d.edges.map((e) => e.id));
    const goneE = [...haveE].filter((id) => !wantE.has(id));
    if (goneE.length) this.edges.remove(goneE);
    this.edges.update(d.edges.map((e) => this.visEdge(e, parties)));

    this.degree = new Map();
    for (const e of d.edges) {
      this.degree.set(e.from, (this.degree.get(e.from) || 0) + 1);
      this.degree.set(e.to, (this.degree.get(e.to) || 0) + 1);
    }
    this.refreshPeriod();
    this.applyGroups();
    if (this.hubsClustered || (d.cluster_hubs && !this._autoClustered)) {
      this._autoClustered = true;
      this.clusterHubs();
    }

    if (d.select && d.select.nonce !== this.selectNonce) {
      this.selectNonce = d.select.nonce;
      const ids = (d.select.ids || []).filter((id) => want.has(id));
      net.selectNodes(ids);
      if (d.select.focus && want.has(d.select.focus)) {
        net.focus(d.select.focus, { scale: Math.max(net.getScale(), 0.8), animation: false });
      }
      this.wrap.dataset.selected = ids.join(" ");
    } else {
      // keep the user's selection, minus what disappeared
      const keep = net.getSelectedNodes().filter((id) => want.has(id) || net.isCluster(id));
      net.selectNodes(keep);
    }
    if (!this._fitted && d.nodes.length) {
      this._fitted = true;
      net.fit({ animation: false });
    }
    this.renderLegend();
    this.renderTimeline();
    this.renderStatus();
  }

  renderStatus() {
    const n = this.nodesView.length;
    const m = this.edgesView.length;
    this.status.textContent = (this.data.status || "") + (this.period ? " · " + this.periodText() : "");
    this.wrap.dataset.nodes = String(n);
    this.wrap.dataset.edges = String(m);
  }

  // ------------------------------------------------------------------ groups and hubs

  openAllClusters() {
    const net = this.network;
    const ids = Object.keys(net.body.nodes).filter((id) => net.isCluster(id));
    for (const id of ids) {
      try {
        net.openCluster(id);
      } catch (err) {
        /* already opened through a parent */
      }
    }
  }

  applyGroups() {
    const net = this.network;
    for (const g of this.data.groups || []) {
      if (g.collapsed === false) continue;
      const members = new Set(g.members);
      const present = g.members.filter((id) => this.nodes.get(id) && !this.nodes.get(id).hidden);
      if (present.length < 2) continue;
      net.cluster({
        joinCondition: (n) => members.has(n.id),
        clusterNodeProperties: {
          id: "group:" + g.id,
          label: g.label + " (" + present.length + ")",
          title: g.label,
          shape: this.data.icons ? "circularImage" : "dot",
          image: (this.data.types.Group || {}).icon,
          size: 26,
          borderWidth: 3,
          color: { background: "#4b4b8f", border: "#000000" },
        },
      });
    }
  }

  clusterHubs() {
    const net = this.network;
    net.clusterOutliers({
      processProperties: (options, childNodes) => {
        let hub = childNodes[0];
        for (const c of childNodes) {
          if ((this.degree.get(c.id) || 0) > (this.degree.get(hub.id) || 0)) hub = c;
        }
        options.label = (hub.label || "") + " (+" + (childNodes.length - 1) + ")";
        options.title = this.t("cluster_title", "Double-click to open");
        options.shape = hub.shape;
        options.image = hub.image;
        options.size = 24;
        options.borderWidth = 3;
        options.color = hub.color;
        return options;
      },
    });
    this.hubsClustered = true;
    if (this.hubBtn) this.hubBtn.classList.add("on");
  }

  toggleHubs() {
    if (this.hubsClustered) {
      this.hubsClustered = false;
      this.openAllClusters();
      this.applyGroups();
      this.hubBtn.classList.remove("on");
    } else {
      this.clusterHubs();
    }
    this.renderStatus();
  }

  relayout() {
    this.openAllClusters();
    this.hint.textContent = this.t("laying_out", "Laying out…");
    this.network.setOptions({ physics: { enabled: true } });
    this.network.stabilize(200);
  }

  // ------------------------------------------------------------------ modes and lasso

  setMode(mode) {
    this.mode = mode;
    this.overlay.style.pointerEvents = mode === "lasso" ? "auto" : "none";
    this.overlay.style.cursor = mode === "lasso" ? "crosshair" : "";
    if (this.lassoBtn) this.lassoBtn.classList.toggle("on", mode === "lasso");
    this.hint.textContent =
      mode === "path" ? this.t("path_hint", "Click the entity the path should go to (Esc: cancel)")
      : mode === "lasso" ? this.t("lasso_hint", "Draw around entities to select them")
      : "";
    this.wrap.dataset.mode = mode;
  }

  bindLasso() {
    const cv = this.overlay;
    let points = null;
    const ctx = () => cv.getContext("2d");
    const local = (e) => {
      const r = cv.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    cv.addEventListener("pointerdown", (e) => {
      if (this.mode !== "lasso") return;
      cv.width = cv.clientWidth;
      cv.height = cv.clientHeight;
      points = [local(e)];
      cv.setPointerCapture(e.pointerId);
    });
    cv.addEventListener("pointermove", (e) => {
      if (!points) return;
      points.push(local(e));
      const c = ctx();
      c.clearRect(0, 0, cv.width, cv.height);
      c.beginPath();
      c.moveTo(points[0][0], points[0][1]);
      for (const [x, y] of points) c.lineTo(x, y);
      c.closePath();
      c.fillStyle = "rgba(31,58,147,0.08)";
      c.strokeStyle = "#1f3a93";
      c.setLineDash([5, 4]);
      c.fill();
      c.stroke();
    });
    const finish = (e) => {
      if (!points) return;
      const poly = points;
      points = null;
      ctx().clearRect(0, 0, cv.width, cv.height);
      if (poly.length < 3) return;
      const net = this.network;
      const shown = new Set(net.body.nodeIndices);
      const ids = Object.keys(net.body.nodes).filter((id) => {
        const n = net.body.nodes[id];
        if (!n || n.options.hidden || !shown.has(id)) return false;
        const d = net.canvasToDOM({ x: n.x, y: n.y });
        return inside([d.x, d.y], poly);
      });
      const add = e && (e.shiftKey || e.ctrlKey || e.metaKey);
      net.selectNodes(add ? [...new Set([...net.getSelectedNodes(), ...ids])] : ids);
      this.reportSelection();
    };
    cv.addEventListener("pointerup", finish);
    cv.addEventListener("pointercancel", () => {
      points = null;
    });
  }

  onKey(e) {
    const k = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && k === "z" && !e.shiftKey) {
      e.preventDefault();
      this.action("undo");
    } else if ((e.ctrlKey || e.metaKey) && (k === "y" || (k === "z" && e.shiftKey))) {
      e.preventDefault();
      this.action("redo");
    } else if (k === "escape") {
      this.closeMenu();
      this.setMode("select");
    } else if (k === "delete" && this.selectedIds().length) {
      this.hideNow(this.selectedIds());
      this.action("hide");
    }
  }

  // ------------------------------------------------------------------ context menu

  item(id, label, onclick, opts) {
    const li = el("div", {
      class: "item" + (opts && opts.sub ? " has-sub" : ""),
      role: "menuitem",
      tabindex: "-1",
      "data-testid": "menu-" + id,
      text: label,
    });
    if (onclick) {
      li.addEventListener("click", (e) => {
        e.stopPropagation();
        this.closeMenu();
        onclick();
      });
    }
    if (opts && opts.sub) {
      const sub = el("div", { class: "sub", role: "menu" });
      for (const s of opts.sub) sub.append(s);
      li.append(sub);
    }
    return li;
  }

  openNodeMenu(id, at) {
    const d = this.data;
    const net = this.network;
    const t = (k, f) => this.t(k, f);
    if (net.isCluster(id)) {
      this.showMenu(at, [
        this.item("open-cluster", t("open_cluster", "Open"), () => net.openCluster(id)),
        this.item("expand", t("expand", "Expand"), () => this.action("expand", this.clusterMembers(id))),
      ]);
      return;
    }
    const ids = this.selectedIds();
    const node = this.nodes.get(id) || {};
    const by = d.menu || {};
    const subs = [];
    for (const [kind, label] of [
      ["type", t("by_type", "by relationship type")],
      ["party", t("by_party", "by party")],
      ["basis", t("by_basis", "by legal basis")],
    ]) {
      const options = by[kind] || [];
      if (!options.length) continue;
      subs.push(
        this.item(
          "expand-by-" + kind,
          label,
          null,
          {
            sub: options.map(([code, text]) =>
              this.item("expand-by-" + kind + "-" + code, text, () =>
                this.action("expand_by", ids, { kind, value: code }),
              ),
            ),
          },
        ),
      );
    }
    const group = (d.groups || []).find((g) => g.members.includes(id));
    const items = [
      this.item("expand", t("expand", "Expand"), () => this.action("expand", ids)),
      this.item("expand-by", t("expand_by", "Expand…"), null, { sub: subs }),
      this.item("facts", t("open_facts", "Open facts"), () => this.action("facts", [id])),
      this.item("path", t("path_from_here", "Path from here"), () => {
        this.pathFrom = id;
        this.setMode("path");
      }),
      this.item("neighbours", t("select_neighbours", "Select neighbours"), () => {
        net.selectNodes([...new Set([...ids, ...net.getConnectedNodes(id)])]);
        this.reportSelection();
      }),
      el("div", { class: "rule" }),
      node._pinned
        ? this.item("unpin", t("unpin", "Unpin"), () => this.action("unpin", ids))
        : this.item("pin", t("pin", "Pin"), () => this.action("pin", ids)),
      this.item("hide", t("hide", "Hide"), () => {
        this.hideNow(ids);
        this.action("hide", ids);
      }),
      this.item("remove", t("remove", "Remove from view"), () => {
        this.nodes.remove(ids);
        this.action("remove", ids);
      }),
      ids.length > 1 ? this.item("group", t("group", "Group"), () => this.action("group", ids)) : null,
      group ? this.item("ungroup", t("ungroup", "Ungroup"), () => this.action("ungroup", [id], group.id)) : null,
      this.item("start", t("start_here", "Start here"), () => this.action("start", [id])),
    ];
    this.showMenu(at, items.filter(Boolean));
  }

  openCanvasMenu(at) {
    const t = (k, f) => this.t(k, f);
    const net = this.network;
    this.showMenu(at, [
      this.item("select-all", t("select_all", "Select all"), () => {
        net.selectNodes(this.nodesView.getIds({ filter: (n) => !n.hidden }));
        this.reportSelection();
      }),
      this.item("unhide-all", t("unhide_all", "Show hidden"), () => this.action("unhide_all", [])),
      this.item("fit", t("fit", "Fit"), () => net.fit({ animation: false })),
      this.item("hubs", t("cluster_hubs", "Cluster hubs"), () => this.toggleHubs()),
      this.item("relayout", t("relayout", "Layout"), () => this.relayout()),
    ]);
  }

  showMenu(at, items) {
    this.menu.replaceChildren(...items);
    this.menu.style.display = "block";
    const W = this.box.clientWidth;
    const H = this.box.clientHeight;
    const w = 220;
    this.menu.style.left = Math.min(at.x, W - w - 8) + "px";
    this.menu.style.top = Math.min(at.y, Math.max(0, H - items.length * 28 - 8)) + "px";
    this.menu.classList.toggle("flip", at.x > W - 2 * w);
    this.wrap.dataset.menu = "open";
  }

  closeMenu() {
    this.menu.style.display = "none";
    this.menu.replaceChildren();
    this.wrap.dataset.menu = "closed";
  }

  hideNow(ids) {
    this.nodes.update(ids.map((id) => ({ id, hidden: true })));
    this.network.unselectAll();
  }

  // ------------------------------------------------------------------ legend

  renderLegend() {
    const items = this.data.legend || [];
    const rows = [];
    for (const it of items) {
      let mark;
      if (it.kind === "edge") {
        const s = svgEl("svg", { width: 28, height: 10 });
        const dash = Array.isArray(it.dashes) ? it.dashes.join(",") : it.dashes ? "6,4" : null;
        s.append(
          svgEl("line", {
            x1: 1, y1: 5, x2: 27, y2: 5, stroke: it.color, "stroke-width": 2, "stroke-dasharray": dash,
          }),
        );
        mark = s;
      } else if (it.icon && this.data.icons) {
        mark = el("img", { src: it.icon, width: 16, height: 16, alt: "" });
      } else {
        mark = el("span", { class: "dot" });
        mark.style.background = it.color || "#555";
      }
      rows.push(el("div", { class: "row" }, mark, el("span", { text: it.label })));
    }
    this.legend.replaceChildren(
      el("div", { class: "title", text: this.t("legend", "Legend") }),
      ...rows,
    );
    this.legend.style.display = this.legendOpen && rows.length ? "" : "none";
  }

  // ------------------------------------------------------------------ timeline and period

  edgeDate(e) {
    return this.dateField === "date" ? e._date : e._registered;
  }

  edgeInPeriod(e) {
    if (!this.period) return true;
    const t = this.edgeDate(e);
    return t !== null && t !== undefined && t >= this.period[0] && t <= this.period[1];
  }

  nodeInPeriod(n) {
    if (!this.period || !this.inPeriodNodes) return true;
    return n._seed || n._pinned || this.inPeriodNodes.has(n.id);
  }

  refreshPeriod() {
    if (this.period) {
      const keep = new Set();
      for (const e of this.edges.get()) {
        if (this.edgeInPeriod(e)) {
          keep.add(e.from);
          keep.add(e.to);
        }
      }
      this.inPeriodNodes = keep;
    } else this.inPeriodNodes = null;
    this.nodesView.refresh();
    this.edgesView.refresh();
  }

  setPeriod(period) {
    this.openAllClusters();
    this.period = period;
    this.refreshPeriod();
    this.applyGroups();
    if (this.hubsClustered) this.clusterHubs();
    this.renderTimeline();
    this.renderStatus();
    this.setState("period", period ? { field: this.dateField, from: iso(period[0]), to: iso(period[1]) } : null);
  }

  periodText() {
    if (!this.period) return "";
    return this.t("period", "period") + " " + iso(this.period[0]) + " – " + iso(this.period[1]);
  }

  renderTimeline() {
    const d = this.data;
    if (d.timeline === false) {
      this.timeline.style.display = "none";
      return;
    }
    const all = this.edges.get().map((e) => this.edgeDate(e)).filter((t) => t !== null && t !== undefined);
    const W = Math.max(300, this.wrap.clientWidth || this.box.clientWidth || 800);
    const H = 90;
    const head = el("div", { class: "tl-head" });
    const pick = el("select", { "data-testid": "timeline-field", "aria-label": this.t("timeline_field", "Date") });
    for (const [v, label] of [
      ["registered", this.t("registered_at", "registered")],
      ["date", this.t("fact_date", "date of the fact")],
    ]) {
      const o = el("option", { value: v, text: label });
      if (v === this.dateField) o.selected = true;
      pick.append(o);
    }
    pick.addEventListener("change", () => {
      this.dateField = pick.value;
      this.setPeriod(null);
    });
    head.append(
      el("span", { class: "tl-title", text: this.t("timeline", "Facts over time") }),
      pick,
      el("span", {
        class: "tl-period",
        "data-testid": "timeline-period",
        text: this.period ? this.periodText() : this.t("brush_hint", "drag to choose a period"),
      }),
    );
    if (this.period) {
      head.append(
        el("button", {
          type: "button",
          class: "tb",
          "data-testid": "timeline-clear",
          text: this.t("clear_period", "All dates"),
          onclick: () => this.setPeriod(null),
        }),
      );
    }
    if (!all.length) {
      this.timeline.replaceChildren(head, el("div", { class: "tl-empty", text: this.t("no_dates", "No dates") }));
      return;
    }
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (hi - lo < 86400000 * 31) {
      lo -= 86400000 * 15;
      hi += 86400000 * 15;
    }
    const spanDays = (hi - lo) / 86400000;
    const binDays = spanDays > 365 * 6 ? 91 : spanDays > 365 * 2 ? 30 : spanDays > 120 ? 7 : 1;
    const bin = binDays * 86400000;
    const nb = Math.max(1, Math.ceil((hi - lo + 1) / bin));
    const counts = new Array(nb).fill(0);
    for (const t of all) counts[Math.min(nb - 1, Math.floor((t - lo) / bin))] += 1;
    const max = Math.max(...counts);
    const pad = 8;
    const x = (t) => pad + ((t - lo) / (hi - lo + bin)) * (W - 2 * pad);
    const tAt = (px) => lo + ((px - pad) / (W - 2 * pad)) * (hi - lo + bin);
    const svg = svgEl("svg", { width: W, height: H, class: "tl-svg", "data-testid": "timeline-svg" });
    const bw = Math.max(1, (W - 2 * pad) / nb - 1);
    for (let i = 0; i < nb; i++) {
      if (!counts[i]) continue;
      const t0 = lo + i * bin;
      const h = Math.max(2, (counts[i] / max) * (H - 26));
      const inP = !this.period || (t0 + bin > this.period[0] && t0 <= this.period[1]);
      const r = svgEl("rect", {
        x: x(t0), y: H - 16 - h, width: bw, height: h, fill: inP ? "#1f3a93" : "#c8cde0",
      });
      r.append(svgEl("title", { text: iso(t0) + ": " + counts[i] }));
      svg.append(r);
    }
    const y0 = new Date(lo).getUTCFullYear();
    const y1 = new Date(hi).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    for (let y = y0; y <= y1 + 1; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t < lo || t > hi + bin) continue;
      svg.append(svgEl("line", { x1: x(t), x2: x(t), y1: H - 16, y2: H - 12, stroke: "#888" }));
      svg.append(svgEl("text", { x: x(t) + 2, y: H - 3, "font-size": 10, fill: "#555", text: String(y) }));
    }
    const brush = svgEl("rect", { y: 0, height: H - 16, fill: "rgba(31,58,147,0.12)", stroke: "#1f3a93", width: 0 });
    if (this.period) {
      brush.setAttribute("x", x(this.period[0]));
      brush.setAttribute("width", Math.max(2, x(this.period[1]) - x(this.period[0])));
    }
    svg.append(brush);
    let start = null;
    const px = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("pointerdown", (e) => {
      start = px(e);
      svg.setPointerCapture(e.pointerId);
      brush.setAttribute("x", start);
      brush.setAttribute("width", 0);
    });
    svg.addEventListener("pointermove", (e) => {
      if (start === null) return;
      const p = px(e);
      brush.setAttribute("x", Math.min(start, p));
      brush.setAttribute("width", Math.abs(p - start));
    });
    svg.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const a = Math.min(start, px(e));
      const b = Math.max(start, px(e));
      start = null;
      if (b - a < 3) {
        this.setPeriod(null);
        return;
      }
      const t0 = Math.floor(tAt(a) / 86400000) * 86400000;
      const t1 = Math.floor(tAt(b) / 86400000) * 86400000;
      this.setPeriod([t0, t1]);
    });
    this.timeline.style.display = "";
    this.timeline.replaceChildren(head, svg);
  }

  // ------------------------------------------------------------------ export

  footer() {
    const d = this.data;
    return [d.notice || "", d.provenance || ""].filter(Boolean);
  }

  download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name, style: "display:none" });
    this.wrap.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  exportPng() {
    this.action("export", [], "png");
    const src = this.netDiv.querySelector("canvas");
    const lines = this.footer();
    const ratio = src.width / Math.max(1, src.clientWidth);
    const lh = 16 * ratio;
    const c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height + lh * (lines.length + 1);
    const ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    ctx.fillStyle = "#000000";
    ctx.font = `${Math.round(11 * ratio)}px sans-serif`;
    lines.forEach((line, i) => ctx.fillText(line, 8 * ratio, src.height + lh * (i + 1)));
    c.toBlob((blob) => this.download(blob, (this.data.filename || "graph") + ".png"), "image/png");
  }

  exportSvg() {
    this.action("export", [], "svg");
    const net = this.network;
    const ids = this.nodesView.getIds().filter((id) => !(this.nodes.get(id) || {}).hidden);
    const pos = net.getPositions(ids);
    const xs = Object.values(pos).map((p) => p.x);
    const ys = Object.values(pos).map((p) => p.y);
    const minX = Math.min(...xs, 0) - 60;
    const minY = Math.min(...ys, 0) - 60;
    const w = Math.max(...xs, 0) - minX + 60;
    const lines = this.footer();
    const h = Math.max(...ys, 0) - minY + 60 + 18 * (lines.length + 1);
    const svg = svgEl("svg", {
      xmlns: SVGNS, width: Math.round(w), height: Math.round(h), viewBox: `${minX} ${minY} ${w} ${h}`,
      "font-family": "sans-serif",
    });
    svg.append(svgEl("rect", { x: minX, y: minY, width: w, height: h, fill: "#ffffff" }));
    const types = this.data.types || {};
    for (const e of this.edgesView.get()) {
      const a = pos[e.from];
      const b = pos[e.to];
      if (!a || !b) continue;
      const dash = Array.isArray(e.dashes) ? e.dashes.join(",") : e.dashes ? "6,4" : null;
      const line = svgEl("line", {
        x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: e.color.color, "stroke-width": e.width,
        "stroke-dasharray": dash,
      });
      if (e.title) line.append(svgEl("title", { text: e.title }));
      svg.append(line);
    }
    for (const id of ids) {
      const n = this.nodes.get(id);
      const p = pos[id];
      if (!n || !p) continue;
      const st = types[n._type] || {};
      const g = svgEl("g", {});
      if ((n.shape === "image" || n.shape === "circularImage") && st.icon) {
        g.append(svgEl("image", { href: st.icon, x: p.x - n.size, y: p.y - n.size, width: 2 * n.size, height: 2 * n.size }));
      } else {
        g.append(svgEl("circle", { cx: p.x, cy: p.y, r: n.size, fill: n.color.background, stroke: n.color.border }));
      }
      g.append(svgEl("text", { x: p.x, y: p.y + n.size + 12, "font-size": 11, "text-anchor": "middle", text: n.label }));
      if (n.title) g.append(svgEl("title", { text: n.title }));
      svg.append(g);
    }
    lines.forEach((line, i) => {
      svg.append(svgEl("text", { x: minX + 10, y: minY + h - 18 * (lines.length - i), "font-size": 12, text: line }));
    });
    const text = new XMLSerializer().serializeToString(svg);
    this.download(new Blob([text], { type: "image/svg+xml" }), (this.data.filename || "graph") + ".svg");
  }

  destroy() {
    if (this.network) this.network.destroy();
    this.wrap.remove();
  }
}

function inside(pt, poly) {
  // ray casting
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

export default async function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  let view = INSTANCES.get(parentElement);
  if (!view) {
    view = new GraphView(parentElement);
    INSTANCES.set(parentElement, view);
  }
  view.setState = setStateValue;
  view.setTrigger = setTriggerValue;
  try {
    await view.update(data || { nodes: [], edges: [], rev: 0 });
  } catch (err) {
    view.hint.textContent = String(err && err.message ? err.message : err);
    view.wrap.dataset.error = "true";
  }
  return () => {
    view.destroy();
    INSTANCES.delete(parentElement);
  };
}
