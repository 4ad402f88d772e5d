// Drawing on a <canvas> in the look of the book's matplotlib figures: a white card, dark axes,
// Okabe-Ito colours (passed in from nnlib.plotting), matplotlib's RdBu colour map (its 256
// colours, exported from matplotlib when the page is made).
(function (W) {
  "use strict";

  // Space around a plot inside its canvas, in CSS pixels: ticks and labels live here. Pointer
  // positions are mapped back to data through the same numbers (Axes.invert).
  const MARGINS = {left: 52, right: 14, top: 28, bottom: 42};
  const INK = "#222222", FRAME = "#333333", GRID = "#e3e3e3", FONT = "12px sans-serif";

  // The canvas at the screen's pixel density, cleared to white; sizes in CSS pixels.
  function setup(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, h);
    ctx.font = FONT;
    return {canvas, ctx, w, h};
  }

  // About `count` round tick values between lo and hi (1, 2, 2.5 or 5 times a power of ten).
  function niceTicks(lo, hi, count) {
    const raw = (hi - lo) / Math.max(count, 1), power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
    const ticks = [];
    for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return ticks;
  }

  const SUPERSCRIPT = {"-": "\u207b", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074",
                       5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079"};
  function powerOfTen(k) {
    return "10" + String(k).split("").map((c) => SUPERSCRIPT[c]).join("");
  }

  function format(v) {
    const text = Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(0)
      : String(Number(v.toPrecision(6)));
    return text.replace("-", "\u2212");
  }

  // A plot area with data limits x = [lo, hi], y = [lo, hi], each linear or log ("log": true).
  class Axes {
    constructor(g, o) {
      this.g = g;
      this.o = o;
      const m = Object.assign({}, MARGINS, o.margins || {});
      this.left = m.left; this.top = m.top;
      this.width = Math.max(g.w - m.left - m.right, 10);
      this.height = Math.max(g.h - m.top - m.bottom, 10);
      this.tx = o.xlog ? Math.log10 : (v) => v;
      this.ty = o.ylog ? Math.log10 : (v) => v;
      this.x0 = this.tx(o.x[0]); this.x1 = this.tx(o.x[1]);
      this.y0 = this.ty(o.y[0]); this.y1 = this.ty(o.y[1]);
    }
    fx(v) { return this.left + (this.tx(v) - this.x0) / (this.x1 - this.x0) * this.width; }
    fy(v) { return this.top + (1 - (this.ty(v) - this.y0) / (this.y1 - this.y0)) * this.height; }
    // data coordinates of a point given in CSS pixels from the canvas's top left corner
    invert(px, py) {
      const u = (px - this.left) / this.width, v = 1 - (py - this.top) / this.height;
      const x = this.x0 + u * (this.x1 - this.x0), y = this.y0 + v * (this.y1 - this.y0);
      return [this.o.xlog ? Math.pow(10, x) : x, this.o.ylog ? Math.pow(10, y) : y];
    }
    ticks(axis) {
      const given = this.o[axis + "ticks"];
      if (given) return given.map((t) => (Array.isArray(t) ? t : [t, format(t)]));
      const [lo, hi] = this.o[axis];
      if (this.o[axis + "log"]) {
        const out = [];
        for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) {
          out.push([Math.pow(10, k), powerOfTen(k)]);
        }
        return out;
      }
      return niceTicks(lo, hi, axis === "x" ? Math.max(2, Math.round(this.width / 70))
                                            : Math.max(2, Math.round(this.height / 45)))
        .map((v) => [v, format(v)]);
    }
    // Grid, frame, ticks, labels and title; call after the data (the frame goes on top).
    frame() {
      const ctx = this.g.ctx, xt = this.ticks("x"), yt = this.ticks("y");
      ctx.save();
      ctx.font = FONT; ctx.lineWidth = 1; ctx.fillStyle = INK; ctx.strokeStyle = FRAME;
      ctx.strokeRect(this.left - 0.5, this.top - 0.5, this.width + 1, this.height + 1);
      ctx.textAlign = "center"; ctx.textBaseline = "top";
      for (const [v, text] of xt) {
        const x = this.fx(v);
        ctx.beginPath(); ctx.moveTo(x, this.top + this.height); ctx.lineTo(x, this.top + this.height + 4); ctx.stroke();
        ctx.fillText(text, x, this.top + this.height + 6);
      }
      if (this.o.xlabel) ctx.fillText(this.o.xlabel, this.left + this.width / 2, this.g.h - 15);
      ctx.textAlign = "right"; ctx.textBaseline = "middle";
      for (const [v, text] of yt) {
        const y = this.fy(v);
        ctx.beginPath(); ctx.moveTo(this.left - 4, y); ctx.lineTo(this.left, y); ctx.stroke();
        ctx.fillText(text, this.left - 6, y);
      }
      if (this.o.ylabel) {
        ctx.translate(11, this.top + this.height / 2); ctx.rotate(-Math.PI / 2);
        ctx.textAlign = "center"; ctx.fillText(this.o.ylabel, 0, 0);
      }
      ctx.restore();
      if (this.o.title) title(this.g, this.o.title);
    }
    grid() {
      const ctx = this.g.ctx;
      ctx.save(); ctx.strokeStyle = GRID; ctx.lineWidth = 1;
      for (const [v] of this.ticks("x")) {
        const x = Math.round(this.fx(v)) + 0.5;
        ctx.beginPath(); ctx.moveTo(x, this.top); ctx.lineTo(x, this.top + this.height); ctx.stroke();
      }
      for (const [v] of this.ticks("y")) {
        const y = Math.round(this.fy(v)) + 0.5;
        ctx.beginPath(); ctx.moveTo(this.left, y); ctx.lineTo(this.left + this.width, y); ctx.stroke();
      }
      ctx.restore();
    }
    clip(draw) {
      const ctx = this.g.ctx;
      ctx.save(); ctx.beginPath(); ctx.rect(this.left, this.top, this.width, this.height); ctx.clip();
      draw(ctx);
      ctx.restore();
    }
    // A line through the points (xs[i], ys[i]); non-finite points break it.
    line(xs, ys, style) {
      const s = Object.assign({color: "#0072B2", width: 1.8, dash: null}, style);
      this.clip((ctx) => {
        ctx.strokeStyle = s.color; ctx.lineWidth = s.width; ctx.lineJoin = "round";
        if (s.dash) ctx.setLineDash(s.dash);
        ctx.beginPath();
        let pen = false;
        for (let i = 0; i < xs.length; i++) {
          const x = this.fx(xs[i]), y = this.fy(ys[i]);
          if (!Number.isFinite(x) || !Number.isFinite(y)) { pen = false; continue; }
          if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
          pen = true;
        }
        ctx.stroke();
      });
    }
    // Markers: "circle" (filled), "square" or "triangle"; size is the radius in CSS pixels.
    points(xs, ys, style) {
      const s = Object.assign({color: "#0072B2", size: 3.5, shape: "circle", edge: null}, style);
      this.clip((ctx) => {
        ctx.fillStyle = s.color;
        for (let i = 0; i < xs.length; i++) {
          const x = this.fx(xs[i]), y = this.fy(ys[i]), r = s.size;
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          ctx.beginPath();
          if (s.shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
          else if (s.shape === "dash") ctx.rect(x - 2.2 * r, y - 1, 4.4 * r, 2);
          else ctx.arc(x, y, r, 0, 2 * Math.PI);
          ctx.fill();
          if (s.edge) { ctx.strokeStyle = s.edge; ctx.lineWidth = 1.5; ctx.stroke(); }
        }
      });
    }
    // Bars from 0 up to heights[i] at x = xs[i], `width` data units wide.
    bars(xs, heights, colors, width) {
      this.clip((ctx) => {
        xs.forEach((x, i) => {
          const left = this.fx(x - width / 2), right = this.fx(x + width / 2);
          const top = this.fy(Math.max(heights[i], 0)), bottom = this.fy(Math.min(heights[i], 0));
          ctx.fillStyle = Array.isArray(colors) ? colors[i] : colors;
          ctx.fillRect(left, top, right - left, Math.max(bottom - top, 0));
        });
      });
    }
    text(x, y, text, style) {
      const s = Object.assign({color: INK, align: "center", baseline: "middle", font: FONT, box: false}, style);
      const ctx = this.g.ctx, px = this.fx(x), py = this.fy(y);
      ctx.save(); ctx.font = s.font; ctx.textAlign = s.align; ctx.textBaseline = s.baseline;
      if (s.box) {
        const width = ctx.measureText(text).width + 8;
        const left = s.align === "left" ? px - 4 : s.align === "right" ? px - width + 4 : px - width / 2;
        ctx.fillStyle = "rgba(255, 255, 255, 0.85)"; ctx.fillRect(left, py - 9, width, 18);
      }
      ctx.fillStyle = s.color; ctx.fillText(text, px, py);
      ctx.restore();
    }
    // A legend box in a corner ("upper left", "lower left", ...): entries {label, color, dash,
    // marker}.
    legend(entries, where) {
      const ctx = this.g.ctx, rowHeight = 16;
      ctx.save(); ctx.font = "11px sans-serif";
      const width = 34 + Math.max(...entries.map((e) => ctx.measureText(e.label).width));
      const height = rowHeight * entries.length + 6;
      const left = (where || "").includes("right") ? this.left + this.width - width - 6 : this.left + 6;
      const top = (where || "").includes("lower") ? this.top + this.height - height - 6 : this.top + 6;
      ctx.fillStyle = "rgba(255, 255, 255, 0.9)"; ctx.strokeStyle = "#cccccc";
      ctx.fillRect(left, top, width, height); ctx.strokeRect(left + 0.5, top + 0.5, width, height);
      entries.forEach((e, i) => {
        const y = top + 3 + rowHeight * (i + 0.5);
        ctx.strokeStyle = e.color; ctx.fillStyle = e.color; ctx.lineWidth = e.width || 2;
        ctx.setLineDash(e.dash || []);
        if (e.marker) {
          ctx.beginPath(); ctx.arc(left + 15, y, 4.5, 0, 2 * Math.PI); ctx.fill();
          if (e.edge) { ctx.strokeStyle = e.edge; ctx.lineWidth = 1.5; ctx.stroke(); }
        } else {
          ctx.beginPath(); ctx.moveTo(left + 5, y); ctx.lineTo(left + 25, y); ctx.stroke();
        }
        ctx.setLineDash([]);
        ctx.fillStyle = INK; ctx.textAlign = "left"; ctx.textBaseline = "middle";
        ctx.fillText(e.label, left + 30, y);
      });
      ctx.restore();
    }
  }

  function title(g, text) {
    const ctx = g.ctx;
    ctx.save();
    ctx.font = "bold 12px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.fillStyle = INK; ctx.fillText(text, g.w / 2, 6);
    ctx.restore();
  }

  // The colour of matplotlib's colour map `table` (its 256 colours) at p in [0, 1], found as
  // matplotlib finds it: entry floor(p * 256), the last one for p = 1.
  function colormap(table, p) {
    const k = Math.min(Math.max(Math.floor(p * table.length), 0), table.length - 1);
    return table[Number.isNaN(p) ? 0 : k];
  }

  // An image of values over the plot area, one cell per `cell` CSS pixels (default 2, smoothed
  // when drawn): value(xs, ys, n) returns the values at n points (data coordinates); colour(v,
  // x, y) their [r, g, b]. Where the values cross `boundary` (if given), a black line: the
  // contour found by marching squares over the cells, as matplotlib's contour draws it.
  function heatmap(ax, value, colour, boundary, cell) {
    const size = cell || 2, nx = Math.max(Math.round(ax.width / size), 2), ny = Math.max(Math.round(ax.height / size), 2);
    const xs = new Float64Array(nx * ny), ys = new Float64Array(nx * ny);
    for (let r = 0; r < ny; r++) {
      for (let c = 0; c < nx; c++) {
        const k = r * nx + c;
        xs[k] = ax.o.x[0] + (c + 0.5) / nx * (ax.o.x[1] - ax.o.x[0]);
        ys[k] = ax.o.y[1] - (r + 0.5) / ny * (ax.o.y[1] - ax.o.y[0]);
      }
    }
    const values = value(xs, ys, nx * ny), img = ax.g.ctx.createImageData(nx, ny);
    for (let k = 0; k < nx * ny; k++) {
      const px = colour(values[k], xs[k], ys[k]);
      img.data[4 * k] = px[0]; img.data[4 * k + 1] = px[1]; img.data[4 * k + 2] = px[2]; img.data[4 * k + 3] = 255;
    }
    const tmp = document.createElement("canvas"), ctx = ax.g.ctx;
    tmp.width = nx; tmp.height = ny;
    tmp.getContext("2d").putImageData(img, 0, 0);
    ctx.save();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tmp, ax.left, ax.top, ax.width, ax.height);
    if (boundary != null) {
      const cw = ax.width / nx, ch = ax.height / ny;
      const px = (c) => ax.left + (c + 0.5) * cw, py = (r) => ax.top + (r + 0.5) * ch;
      ctx.beginPath();
      contour(values, nx, ny, boundary, (c0, r0, c1, r1) => { ctx.moveTo(px(c0), py(r0)); ctx.lineTo(px(c1), py(r1)); });
      ctx.strokeStyle = "#000000"; ctx.lineWidth = 1.5; ctx.lineCap = "round";
      ctx.stroke();
    }
    ctx.restore();
    return values;
  }

  // Marching squares: the line where the values (ny rows of nx) cross `level`, as segments
  // segment(c0, r0, c1, r1) in grid coordinates (column, row; between cell centres).
  function contour(values, nx, ny, level, segment) {
    const above = (k) => values[k] >= level;          // NaN counts as below
    const cross = (a, b) => { const t = (level - a) / (b - a); return Number.isFinite(t) ? t : 0.5; };
    for (let r = 0; r + 1 < ny; r++) {
      for (let c = 0; c + 1 < nx; c++) {
        const k = r * nx + c, inside = [above(k), above(k + 1), above(k + nx + 1), above(k + nx)];
        if (inside[0] === inside[1] && inside[1] === inside[2] && inside[2] === inside[3]) continue;
        const v = [values[k], values[k + 1], values[k + nx + 1], values[k + nx]];
        // the points where the four edges (top, right, bottom, left) cross the level
        const edges = [], corners = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
        for (let e = 0; e < 4; e++) {
          if (inside[e] === inside[(e + 1) % 4]) continue;
          const t = cross(v[e], v[(e + 1) % 4]), [ca, ra] = corners[e], [cb, rb] = corners[(e + 1) % 4];
          edges.push([ca + t * (cb - ca), ra + t * (rb - ra)]);
        }
        if (edges.length === 2) segment(edges[0][0], edges[0][1], edges[1][0], edges[1][1]);
        if (edges.length === 4) {                    // a saddle: pair by the centre's side
          const centre = (v[0] + v[1] + v[2] + v[3]) / 4 >= level, flip = centre === inside[0];
          const [p0, p1, p2, p3] = edges;
          if (flip) { segment(...p0, ...p1); segment(...p2, ...p3); } else { segment(...p0, ...p3); segment(...p1, ...p2); }
        }
      }
    }
  }

  // A network diagram: edge width ~ |weight|, `colors.positive` for positive weights,
  // `colors.negative` for negative ones.
  function networkDiagram(canvas, net, o) {
    const g = setup(canvas), ctx = g.ctx;
    const sizes = [net.layers[0].n_inputs].concat(net.layers.map((l) => l.n_outputs));
    const tall = Math.max(...sizes), top = 42, bottom = g.h - 64, left = 50, right = g.w - 60;
    const pos = sizes.map((n, i) => Array.from({length: n}, (_, k) => [
      left + (right - left) * i / (sizes.length - 1),
      top + (bottom - top) * (n === 1 ? 0.5 : (k + (tall - n) / 2) / Math.max(tall - 1, 1))]));
    const big = Math.max(...net.layers.map((l) => Math.max(...l.weights.flat().map(Math.abs)))) || 1;
    net.layers.forEach((l, li) => l.weights.forEach((row, i) => row.forEach((w, j) => {
      ctx.strokeStyle = w >= 0 ? o.colors.positive : o.colors.negative; ctx.globalAlpha = 0.85;
      ctx.lineWidth = 0.3 + 6 * Math.abs(w) / big;
      ctx.beginPath(); ctx.moveTo(...pos[li][i]); ctx.lineTo(...pos[li + 1][j]); ctx.stroke();
    })));
    ctx.globalAlpha = 1;
    pos.forEach((layer, li) => layer.forEach(([x, y], k) => {
      ctx.fillStyle = "#ffffff"; ctx.strokeStyle = FRAME; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(x, y, 11, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      ctx.fillStyle = INK; ctx.textBaseline = "middle";
      if (li === 0 && o.inputs) { ctx.textAlign = "right"; ctx.fillText(o.inputs[k], x - 15, y); }
      if (li === pos.length - 1 && o.outputs) { ctx.textAlign = "left"; ctx.fillText(o.outputs[k], x + 15, y); }
    }));
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.fillStyle = INK;
    pos.forEach((layer, li) => ctx.fillText(li ? net.layers[li - 1].activation : "input",
                                            layer[0][0], g.h - 42));
    ctx.fillStyle = "#555555";
    ctx.fillText("blue: positive weight, vermillion: negative", g.w / 2, g.h - 20);
    title(g, o.title);
  }

  function readJSON(root, cls) {
    const script = root.querySelector("script." + cls);
    if (!script) throw new Error("nnlib: no script." + cls + " in the widget");
    return JSON.parse(script.textContent);
  }

  // Redraw when the element changes size (a phone turned, a sidebar opened).
  function onResize(element, redraw) {
    if (typeof ResizeObserver === "undefined") return;
    let width = element.clientWidth;
    new ResizeObserver(() => {
      if (element.clientWidth !== width) { width = element.clientWidth; redraw(); }
    }).observe(element);
  }

  // Register a widget's start function: the page calls nnlibWeb.widgets[name](root).
  function widget(name, start) {
    W.widgets = W.widgets || {};
    W.widgets[name] = start;
  }

  W.widget = widget;
  W.draw = {MARGINS, setup, Axes, title, colormap, heatmap, contour, networkDiagram, niceTicks, format};
  W.readJSON = readJSON;
  W.onResize = onResize;
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
