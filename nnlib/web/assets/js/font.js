// The font network's pictures: its choice over a plane of colours (two channels vary, the third
// is fixed), shaded by P(dark font) or painted in the colours themselves; the luminance rule
// that labelled the data as a dashed line; a ring for the reader's colour. Used by the colour
// picker, the training film, the settings explorer and the labeller.
(function (W) {
  "use strict";
  const D = W.draw;

  // predict(rgb, n) for a network: rgb holds n colours (R, G, B in 0..255, row by row);
  // returns the n outputs of the network for rgb / divisor. `net` is a Network.to_dict()
  // network or a twin from nnlib's train.js.
  function predictor(net, divisor) {
    const twin = net.layers[0].W ? net : W.train.network(net);
    const chunk = 4096;                 // rows per forward pass: small work arrays
    return (rgb, n) => {
      const x = new Float64Array(n * 3), out = new Float64Array(n);
      for (let k = 0; k < 3 * n; k++) x[k] = rgb[k] / divisor;
      for (let start = 0; start < n; start += chunk) {
        const rows = Math.min(chunk, n - start);
        out.set(W.train.outputs(twin, {rows, cols: 3, data: x.subarray(3 * start, 3 * (start + rows))}), start);
      }
      return out;
    };
  }

  // As nnlib.datasets.luminance: (299 R + 587 G + 114 B) / 1000, exact for whole-number
  // channels until the division, so that the grey 128 is on the threshold 128, not below it.
  function luminance(cfg, rgb) {
    const w = cfg.reference[0].map((weight) => Math.round(1000 * weight));
    return (w[0] * rgb[0] + w[1] * rgb[1] + w[2] * rgb[2]) / 1000;
  }

  // The plane of colours with channel `o.fixed[0]` held at `o.fixed[1]`; returns the Axes
  // (its invert() maps a click back to the two channels).
  function plane(canvas, cfg, o) {
    const g = D.setup(canvas), names = cfg.channels;
    const [fc, fixedValue] = o.fixed, free = [0, 1, 2].filter((c) => c !== fc), [xc, yc] = free;
    const ticks = [[0, "0"], [128, "128"], [255, "255"]];
    const ax = new D.Axes(g, {x: [0, 255], y: [0, 255], xticks: ticks, yticks: ticks,
                              xlabel: names[xc] + " (0-255)", ylabel: names[yc] + " (0-255)",
                              title: o.title});
    // matplotlib's imshow(..., alpha=0.85) on the white axes: the colour map's 256 colours,
    // each mixed with white once
    const shaded = cfg.rdbu.map((colour) => colour.map((c) => Math.round(0.85 * c + 0.15 * 255)));
    D.heatmap(ax, (xs, ys, n) => {
      const rgb = new Float64Array(3 * n);
      for (let k = 0; k < n; k++) {
        rgb[3 * k + xc] = xs[k]; rgb[3 * k + yc] = ys[k]; rgb[3 * k + fc] = fixedValue;
      }
      return o.predict(rgb, n);
    }, (p, x, y) => {
      if (o.mode === "colour") {
        const rgb = [0, 0, 0];
        rgb[xc] = Math.round(x); rgb[yc] = Math.round(y); rgb[fc] = fixedValue;
        return rgb;
      }
      return D.colormap(shaded, p);
    }, 0.5);
    const [w, t] = cfg.reference, xs = [], ys = [];
    for (let s = 0; s <= 255; s += 1) {           // w . rgb = t, solved for the y channel
      xs.push(s); ys.push((t - w[xc] * s - w[fc] * fixedValue) / w[yc]);
    }
    ax.line(xs, ys, {color: "#ffffff", width: 2.5, dash: [6, 4]});
    ax.line(xs, ys, {color: "#000000", width: 1.5, dash: [6, 4]});
    if (o.point) {
      const x = ax.fx(o.point[xc]), y = ax.fy(o.point[yc]), ctx = g.ctx;
      ctx.save();
      if (o.pointFill) {
        ctx.fillStyle = "rgb(" + o.point.join(",") + ")";
        ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.fill();
      }
      ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff";
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
      ctx.lineWidth = 1.5; ctx.strokeStyle = "#000000";
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
      ctx.restore();
    }
    ax.frame();
    canvas.nnlibAxes = ax;
    canvas.nnlibFree = free;
    return ax;
  }

  // The colour under a click on a plane drawn by plane(): the two free channels from the
  // click (through the same Axes the drawing used), the fixed one unchanged.
  function pick(canvas, event, rgb) {
    const box = canvas.getBoundingClientRect(), ax = canvas.nnlibAxes;
    const [x, y] = ax.invert(event.clientX - box.left, event.clientY - box.top);
    const out = rgb.slice(), clamp = (v) => Math.round(Math.min(Math.max(v, 0), 255));
    out[canvas.nnlibFree[0]] = clamp(x);
    out[canvas.nnlibFree[1]] = clamp(y);
    return out;
  }

  const hex = (rgb) => "#" + rgb.map((v) => v.toString(16).padStart(2, "0")).join("");
  const fromHex = (text) => [1, 3, 5].map((k) => parseInt(text.slice(k, k + 2), 16));

  W.font = {predictor, luminance, plane, pick, hex, fromHex};
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
