"""A trained network in the browser: HTML and JavaScript that run its forward pass with no kernel.

A Jupyter widget needs Python behind it; a static HTML page has none.  But a trained network is
just numbers, and its forward pass is a few multiplications and additions, so the page itself
can compute it.  The functions here return self-contained HTML (inline ``<script>``, no files,
nothing fetched) that embeds a network's weights (:func:`page_network`: its
:meth:`~nnlib.Network.to_dict`, rounded to 8 significant digits) and runs it in JavaScript:

- :func:`font_picker_html`: pick a background colour and see the font the font network
  chooses for it, with its probability, live;
- :func:`training_frames_html`: scrub through snapshots of a network taken during training
  (its decision surface, weights and loss curve), made with :func:`snapshot`.

Show either in a notebook with ``IPython.display.HTML(...)``.  The JavaScript forward pass is
:data:`FORWARD_JS`; it follows :meth:`Network.to_dict` exactly (z = a @ weights + bias per
layer, then the activation), so the page's outputs equal :meth:`Network.predict_proba` of the
network it carries, ``Network.from_dict(page_network(network))``, to rounding (about 1e-16).
"""
import html
import json
import math

import numpy as np

from .datasets import FONT_LABELS, LUMINANCE_WEIGHTS
from .network import Network

FORWARD_JS = r"""
window.nnlibWeb = window.nnlibWeb || (function () {
  "use strict";
  // The forward pass of Network.to_dict(), one sample x at a time:
  // for each layer, z_j = sum_i a_i W[i][j] + b_j, then a = f(z).
  function sigmoid(z) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  }
  function activate(layer, z) {
    switch (layer.activation) {
      case "linear": return z;
      case "sigmoid": return z.map(sigmoid);
      case "tanh": return z.map(Math.tanh);
      case "relu": return z.map((v) => (v > 0 ? v : 0));
      case "leaky_relu": {
        const slope = (layer.activation_params || {}).slope ?? 0.01;
        return z.map((v) => (v > 0 ? v : slope * v));
      }
      case "softmax": {
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        const total = e.reduce((s, v) => s + v, 0);
        return e.map((v) => v / total);
      }
    }
    throw new Error("nnlib: unknown activation " + layer.activation);
  }
  function forward(net, x) {
    let a = x;
    for (const layer of net.layers) {
      const W = layer.weights, b = layer.bias, z = new Array(layer.n_outputs);
      for (let j = 0; j < layer.n_outputs; j++) {
        let s = 0;
        for (let i = 0; i < layer.n_inputs; i++) s += a[i] * W[i][j];
        z[j] = s + b[j];
      }
      a = activate(layer, z);
    }
    return a;
  }

  // ---- drawing on a canvas (white card, like the book's matplotlib figures)
  const RDBU = ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7",
                "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"].map((h) =>
                [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
  function rdbu(p) {                       // matplotlib's "RdBu" colour map, p in [0, 1]
    const t = Math.min(Math.max(p, 0), 1) * (RDBU.length - 1);
    const k = Math.min(Math.floor(t), RDBU.length - 2), f = t - k;
    return RDBU[k].map((c, i) => Math.round(c + f * (RDBU[k + 1][i] - c)));
  }
  const M = {left: 48, right: 12, top: 26, bottom: 40};
  function setup(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    if (canvas.width !== Math.round(w * ratio)) {
      canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, w, h);
    ctx.font = "12px sans-serif"; ctx.fillStyle = "#222222"; ctx.strokeStyle = "#333333";
    return {ctx, w, h, pw: w - M.left - M.right, ph: h - M.top - M.bottom};
  }
  function title(g, text) {
    g.ctx.font = "bold 12px sans-serif"; g.ctx.textAlign = "center"; g.ctx.textBaseline = "top";
    g.ctx.fillStyle = "#222222"; g.ctx.fillText(text, g.w / 2, 5);
    g.ctx.font = "12px sans-serif";
  }
  function axes(g, xlabel, ylabel, xticks, yticks, fx, fy) {
    const ctx = g.ctx;
    ctx.strokeStyle = "#333333"; ctx.lineWidth = 1; ctx.fillStyle = "#222222";
    ctx.strokeRect(M.left - 0.5, M.top - 0.5, g.pw + 1, g.ph + 1);
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    for (const [v, text] of xticks) ctx.fillText(text, M.left + fx(v), M.top + g.ph + 4);
    ctx.fillText(xlabel, M.left + g.pw / 2, g.h - 16);
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    for (const [v, text] of yticks) ctx.fillText(text, M.left - 4, M.top + fy(v));
    ctx.save(); ctx.translate(12, M.top + g.ph / 2); ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center"; ctx.fillText(ylabel, 0, 0); ctx.restore();
  }

  // The network's output over a plane of colours: x and y are two channels (0..255), the third
  // is fixed. mode "probability": shaded by P(class 1) (RdBu); mode "colour": each point painted
  // in its own colour. The black line is where the network's output crosses 0.5, the dashed
  // line where the luminance formula does.
  function drawPlane(canvas, net, o) {
    const g = setup(canvas), ctx = g.ctx, nx = Math.round(g.pw), ny = Math.round(g.ph);
    const names = o.channels, xc = o.x ?? 0, yc = o.y ?? 1, fc = 3 - xc - yc;
    const cls = new Uint8Array(nx * ny), img = ctx.createImageData(nx, ny);
    const rgb = [0, 0, 0];
    rgb[fc] = o.fixed;
    for (let r = 0; r < ny; r++) {          // one forward pass per pixel of the plot
      for (let c = 0; c < nx; c++) {
        rgb[xc] = (c + 0.5) * 255 / nx; rgb[yc] = (ny - r - 0.5) * 255 / ny;
        const p = forward(net, rgb.map((v) => v / o.divisor))[0];
        cls[r * nx + c] = p >= 0.5 ? 1 : 0;
        const px = o.mode === "colour" ? rgb.map(Math.round) : rdbu(p), k = 4 * (r * nx + c);
        img.data[k] = px[0]; img.data[k + 1] = px[1]; img.data[k + 2] = px[2]; img.data[k + 3] = 255;
      }
    }
    for (let r = 0; r < ny; r++) {          // boundary: the class changes to a neighbour
      for (let c = 0; c < nx; c++) {
        const v = cls[r * nx + c];
        if ((c + 1 < nx && cls[r * nx + c + 1] !== v) || (r + 1 < ny && cls[(r + 1) * nx + c] !== v)) {
          const k = 4 * (r * nx + c);
          img.data[k] = img.data[k + 1] = img.data[k + 2] = 0;
        }
      }
    }
    const tmp = document.createElement("canvas");
    tmp.width = nx; tmp.height = ny; tmp.getContext("2d").putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tmp, M.left, M.top, g.pw, g.ph);
    const fx = (v) => (v / 255) * g.pw, fy = (v) => (1 - v / 255) * g.ph;
    if (o.reference) {                      // w . rgb = threshold, solved for the y channel
      const [w, t] = o.reference, pts = [];
      for (let s = 0; s <= 255; s += 1) {
        const yv = (t - w[xc] * s - w[fc] * o.fixed) / w[yc];
        if (yv >= 0 && yv <= 255) pts.push([s, yv]);
      }
      if (pts.length > 1) {
        ctx.save(); ctx.beginPath(); ctx.rect(M.left, M.top, g.pw, g.ph); ctx.clip();
        ctx.setLineDash([6, 4]); ctx.lineWidth = 2; ctx.strokeStyle = "#ffffff";
        ctx.beginPath();
        pts.forEach(([a, b], i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, M.left + fx(a), M.top + fy(b)));
        ctx.stroke(); ctx.lineDashOffset = 5; ctx.strokeStyle = "#000000"; ctx.stroke(); ctx.restore();
      }
    }
    if (o.point) {
      const x = M.left + fx(o.point[xc]), y = M.top + fy(o.point[yc]);
      ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff";
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
      ctx.lineWidth = 1.5; ctx.strokeStyle = "#000000";
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
    }
    const ticks = [[0, "0"], [128, "128"], [255, "255"]];
    axes(g, names[xc] + " (0-255)", names[yc] + " (0-255)", ticks, ticks, fx, fy);
    title(g, o.title);
  }

  // A network diagram: edge width ~ |weight|, blue positive, vermillion negative.
  function drawNetwork(canvas, net, o) {
    const g = setup(canvas), ctx = g.ctx;
    const sizes = [net.layers[0].n_inputs].concat(net.layers.map((l) => l.n_outputs));
    const tall = Math.max(...sizes), top = 38, bottom = g.h - 64, left = 50, right = g.w - 60;
    const pos = sizes.map((n, i) => Array.from({length: n}, (_, k) => [
      left + (right - left) * i / (sizes.length - 1),
      top + (bottom - top) * (n === 1 ? 0.5 : (k + (tall - n) / 2) / Math.max(tall - 1, 1))]));
    const big = Math.max(...net.layers.map((l) => Math.max(...l.weights.flat().map(Math.abs)))) || 1;
    net.layers.forEach((l, li) => l.weights.forEach((row, i) => row.forEach((w, j) => {
      ctx.strokeStyle = w >= 0 ? "#0072B2" : "#D55E00"; ctx.globalAlpha = 0.85;
      ctx.lineWidth = 0.3 + 6 * Math.abs(w) / big;
      ctx.beginPath(); ctx.moveTo(...pos[li][i]); ctx.lineTo(...pos[li + 1][j]); ctx.stroke();
    })));
    ctx.globalAlpha = 1;
    pos.forEach((layer, li) => layer.forEach(([x, y], k) => {
      ctx.fillStyle = "#ffffff"; ctx.strokeStyle = "#333333"; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(x, y, 11, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      ctx.fillStyle = "#222222"; ctx.textBaseline = "middle";
      if (li === 0 && o.inputs) { ctx.textAlign = "right"; ctx.fillText(o.inputs[k], x - 15, y); }
      if (li === pos.length - 1 && o.outputs) { ctx.textAlign = "left"; ctx.fillText(o.outputs[k], x + 15, y); }
    }));
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.fillStyle = "#222222";
    pos.forEach((layer, li) => ctx.fillText(li ? net.layers[li - 1].activation : "input",
                                            layer[0][0], g.h - 40));
    ctx.fillStyle = "#555555";
    ctx.fillText("blue: positive weight, vermillion: negative", g.w / 2, g.h - 20);
    title(g, o.title);
  }

  // A curve (one value per epoch) with a marker at epoch `index` (1-based; 0 = none yet).
  function drawCurve(canvas, values, index, o) {
    const g = setup(canvas), ctx = g.ctx, n = values.length;
    const lo = Math.min(...values), hi = Math.max(...values);
    const ly = (v) => Math.log10(v), span = (ly(hi) - ly(lo)) || 1;
    const fx = (e) => ((e - 1) / Math.max(n - 1, 1)) * g.pw;
    const fy = (v) => (1 - (ly(v) - ly(lo)) / span) * g.ph;
    ctx.strokeStyle = "#0072B2"; ctx.lineWidth = 1.5; ctx.beginPath();
    values.forEach((v, i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, M.left + fx(i + 1), M.top + fy(v)));
    ctx.stroke();
    if (index > 0) {
      const x = M.left + fx(index), y = M.top + fy(values[index - 1]);
      ctx.fillStyle = "#D55E00"; ctx.beginPath(); ctx.arc(x, y, 5, 0, 2 * Math.PI); ctx.fill();
    }
    const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toPrecision(2));
    axes(g, "epoch", o.ylabel, [[1, "1"], [n, String(n)]], [[lo, fmt(lo)], [hi, fmt(hi)]],
         fx, (v) => fy(v));
    title(g, o.title);
  }

  function readJSON(root, cls) {
    return JSON.parse(root.querySelector("script." + cls).textContent);
  }
  return {forward, drawPlane, drawNetwork, drawCurve, readJSON};
})();
"""

STYLE = """
<style>
.nnlib-web { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-start;
  margin: 0.5rem 0 1rem; font-size: 0.95rem; }
.nnlib-web canvas { width: 300px; height: 280px; border-radius: 0.25rem;
  box-shadow: 0 0 0 1px rgba(128, 128, 128, 0.35); }
.nnlib-web .nnlib-controls { display: grid; grid-template-columns: auto 1fr auto;
  gap: 0.35rem 0.5rem; align-items: center; min-width: 16rem; }
.nnlib-web .nnlib-controls input[type=range] { width: 100%; }
.nnlib-web .nnlib-swatch { width: 300px; padding: 1.1rem 0.9rem; border-radius: 0.4rem;
  font-size: 1.35rem; line-height: 1.35; box-shadow: 0 0 0 1px rgba(128, 128, 128, 0.35); }
.nnlib-web .nnlib-readout { min-width: 16rem; max-width: 22rem; margin: 0; }
.nnlib-web .nnlib-disagree { font-weight: bold; }
.nnlib-web button { padding: 0.1rem 0.7rem; border-radius: 0.25rem; cursor: pointer;
  border: 1px solid currentColor; background: transparent; color: inherit; }
</style>
"""


def _json_for_script(data):
    """JSON text that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


PAGE_DIGITS = 8
"""Significant digits of the numbers a page carries (weights, losses): plenty for its pictures
and for its outputs to equal nnlib's to about 1e-9, and fewer than the last digits of a trained
weight, which depend on the CPU's rounding (another machine's BLAS kernels give others)."""


def _rounded(values, digits=PAGE_DIGITS):
    """``values`` (a number or nested lists of numbers) rounded to ``digits`` significant
    digits, as plain Python floats."""
    if isinstance(values, (list, tuple, np.ndarray)):
        return [_rounded(v, digits) for v in values]
    return float(f"{float(values):.{digits}g}")


def page_network(network):
    """The network as a page carries it: :meth:`Network.to_dict` with every weight and bias
    rounded to :data:`PAGE_DIGITS` significant digits.

    ``Network.from_dict(page_network(network))`` is the network a page computes with; its
    outputs differ from ``network``'s by about 1e-8 relative, the same on every machine.
    """
    spec = _network_dict(network)
    for layer in spec["layers"]:
        layer["weights"], layer["bias"] = _rounded(layer["weights"]), _rounded(layer["bias"])
    return spec


def _network_dict(network, name="network"):
    if isinstance(network, Network):
        return network.to_dict()
    if isinstance(network, dict):
        Network.from_dict(network)   # validates the dict
        return json.loads(json.dumps(network))   # a copy, so that rounding leaves it alone
    raise TypeError(f"{name} must be a Network or the dict of Network.to_dict(), "
                    f"got {type(network).__name__}")


def _check_font_network(spec, name="network"):
    if spec["layers"][0]["n_inputs"] != 3 or spec["layers"][-1]["n_outputs"] != 1:
        raise ValueError(f"{name} must take 3 inputs (R, G, B) and give 1 output, got "
                         f"{spec['layers'][0]['n_inputs']} inputs and "
                         f"{spec['layers'][-1]['n_outputs']} outputs")


def _check_element_id(element_id):
    if not isinstance(element_id, str) or not element_id.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"element_id must be letters, digits, '-' and '_', got {element_id!r}")
    return element_id


def _check_rgb(rgb, name):
    values = np.asarray(rgb, dtype=float)
    if values.shape != (3,) or not np.all((values >= 0) & (values <= 255)):
        raise ValueError(f"{name} must be three numbers (R, G, B) in 0..255, got {rgb!r}")
    return [int(round(v)) for v in values]


def _check_divisor(divisor):
    if isinstance(divisor, bool) or not isinstance(divisor, (int, float)) or not divisor > 0:
        raise ValueError(f"divisor must be a positive number, got {divisor!r}")
    return float(divisor)


def _widget(element_id, kind, body, script, attributes=""):
    """The page snippet: the style, a ``<div>`` holding ``body``, and ``script`` run in a function
    where ``root`` is that div and ``W`` is :data:`FORWARD_JS`'s ``window.nnlibWeb``."""
    return f"""{STYLE}
<div class="nnlib-web {kind}" id="{element_id}"{attributes}>
{body}</div>
<script>
{FORWARD_JS}
(function () {{
  "use strict";
  const root = document.getElementById("{element_id}"), W = window.nnlibWeb;
{script}}})();
</script>
"""


CHANNELS = ("red", "green", "blue")
_REFERENCE = [LUMINANCE_WEIGHTS.tolist(), 128.0]   # the labelling rule of font_colors


def font_picker_html(network, initial=(70, 130, 180), element_id="font-picker", divisor=255.0,
                     class_names=FONT_LABELS):
    """HTML for a colour picker that runs ``network`` (3 inputs, 1 output) in the page.

    The reader picks a background colour (a colour input, or R, G, B sliders 0..255, or a click
    on the map); the page divides the R, G, B values by ``divisor`` (the scaling used in
    training), runs the network's forward pass in JavaScript and shows the colour with the font
    the network picks (class 1, ``class_names[1]``, when its output is >= 0.5, as
    :meth:`Network.predict`), the output itself, the luminance formula's choice, and a map of
    the network's choice over red x green at the chosen blue.

    For tests, the element ``.nnlib-probability`` carries ``data-rgb`` ("r,g,b", the colour
    shown) and ``data-probability`` (the output, as JavaScript's shortest round-trip decimal),
    and ``script.nnlib-network`` holds the network's JSON (:func:`page_network`).
    Returns a string; display it with ``IPython.display.HTML``.
    """
    spec = page_network(network)
    _check_font_network(spec)
    element_id = _check_element_id(element_id)
    r, g, b = _check_rgb(initial, "initial")
    divisor = _check_divisor(divisor)
    config = {"divisor": divisor, "classes": list(class_names), "channels": list(CHANNELS),
              "reference": _REFERENCE}
    sliders = "".join(
        f'<label for="{element_id}-{c}">{c}</label>'
        f'<input type="range" id="{element_id}-{c}" class="nnlib-{c}" min="0" max="255" step="1"'
        f' value="{v}"><output for="{element_id}-{c}">{v}</output>'
        for c, v in zip(CHANNELS, (r, g, b)))
    body = f"""<script type="application/json" class="nnlib-network">{_json_for_script(spec)}</script>
<script type="application/json" class="nnlib-config">{_json_for_script(config)}</script>
<div class="nnlib-controls">
<label for="{element_id}-colour">colour</label>
<input type="color" id="{element_id}-colour" class="nnlib-colour" value="#{r:02x}{g:02x}{b:02x}"><span></span>
{sliders}
</div>
<div>
<div class="nnlib-swatch" aria-live="polite"><span class="nnlib-sample">Sample text</span></div>
<p class="nnlib-readout">network output
<output class="nnlib-probability" data-rgb="" data-probability="">?</output>
<br><span class="nnlib-formula"></span>
<br><small>On the map, the solid line is where the network switches font, the dashed line where
the formula does; the ring is your colour (click the map to move it).</small></p>
</div>
<canvas class="nnlib-map" width="300" height="280" role="img"
 aria-label="The colours with the chosen blue, red across and green up; a black line marks where the network switches font, a dashed line where the luminance formula does; a ring marks the chosen colour. Click to pick a colour."></canvas>
"""
    script = f"""  const net = W.readJSON(root, "nnlib-network"), cfg = W.readJSON(root, "nnlib-config");
  const sliders = cfg.channels.map((c) => root.querySelector("input.nnlib-" + c));
  const picker = root.querySelector("input.nnlib-colour"), out = root.querySelector(".nnlib-probability");
  const swatch = root.querySelector(".nnlib-swatch"), sample = root.querySelector(".nnlib-sample");
  const formula = root.querySelector(".nnlib-formula"), map = root.querySelector("canvas.nnlib-map");
  const hex = (rgb) => "#" + rgb.map((v) => v.toString(16).padStart(2, "0")).join("");
  function show(rgb) {{
    sliders.forEach((s, i) => {{ s.value = rgb[i]; s.nextElementSibling.textContent = rgb[i]; }});
    picker.value = hex(rgb);
    const p = W.forward(net, rgb.map((v) => v / cfg.divisor))[0], k = p >= 0.5 ? 1 : 0;
    const [w, t] = cfg.reference, lum = w[0] * rgb[0] + w[1] * rgb[1] + w[2] * rgb[2];
    const kf = lum >= t ? 1 : 0;
    swatch.style.backgroundColor = "rgb(" + rgb.join(",") + ")";
    swatch.style.color = k ? "#000000" : "#ffffff";
    sample.textContent = "The network picks a " + cfg.classes[k] + " for " + hex(rgb) + ".";
    out.dataset.rgb = rgb.join(","); out.dataset.probability = String(p);
    out.textContent = p.toFixed(4) + " = P(" + cfg.classes[1] + ")";
    formula.textContent = "luminance formula: " + lum.toFixed(1) + (kf ? " \u2265 " : " < ") + t +
      ", so a " + cfg.classes[kf] + (kf === k ? " (they agree)" : " (they disagree!)");
    formula.classList.toggle("nnlib-disagree", kf !== k);
    W.drawPlane(map, net, {{channels: cfg.channels, fixed: rgb[2], divisor: cfg.divisor, mode: "colour",
      point: rgb, reference: cfg.reference, title: "Network's choice at blue = " + rgb[2]}});
  }}
  const current = () => sliders.map((s) => Number(s.value));
  sliders.forEach((s) => s.addEventListener("input", () => show(current())));
  picker.addEventListener("input", () => show([1, 3, 5].map((k) => parseInt(picker.value.slice(k, k + 2), 16))));
  map.addEventListener("click", (e) => {{
    const box = map.getBoundingClientRect(), x = e.clientX - box.left, y = e.clientY - box.top;
    const pw = box.width - 60, ph = box.height - 66;
    const rgb = current();
    rgb[0] = Math.round(Math.min(Math.max((x - 48) / pw, 0), 1) * 255);
    rgb[1] = Math.round(Math.min(Math.max(1 - (y - 26) / ph, 0), 1) * 255);
    show(rgb);
  }});
  show(current());
"""
    return _widget(element_id, "nnlib-font-picker", body, script)


def snapshot(network, label, **values):
    """One frame for :func:`training_frames_html`: the network's weights now, a label, numbers.

    ``label`` says when the snapshot was taken (e.g. "epoch 3 (2,688 steps)"); ``values`` are
    numbers shown with it, e.g. ``epoch=3, loss=40.3, accuracy=0.94`` ("epoch" places the frame
    on the loss curve).  Returns a dict with "network" (:func:`page_network`), "label" and
    the values (floats rounded to :data:`PAGE_DIGITS` significant digits).
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if not isinstance(label, str):
        raise TypeError(f"label must be a string, got {type(label).__name__}")
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                or not math.isfinite(value):
            raise ValueError(f"{key} must be a finite number, got {value!r}")
    return {"network": page_network(network), "label": label,
            **{k: (int(v) if isinstance(v, (int, np.integer)) else _rounded(v))
               for k, v in values.items()}}


def training_frames_html(frames, loss_curve=None, element_id="font-training", fixed=128,
                         divisor=255.0, class_names=FONT_LABELS):
    """HTML to scrub through ``frames`` (made by :func:`snapshot`) of a font network in training.

    A slider (and a play button) picks the frame; the page draws that frame's network output
    over red x green, with blue fixed by its own slider (start: ``fixed``), its weights as a
    diagram, and ``loss_curve`` (one value per epoch, e.g. ``history["loss"]``) with a marker at
    the frame's "epoch".  All drawing is JavaScript from the frames' weights, so the page stays
    small: about 1 kB per frame of a 3-3-1 network.

    For tests: the container carries ``data-frame`` (the frame shown) and the frames' JSON is in
    ``script.nnlib-frames``.  Returns a string; display it with ``IPython.display.HTML``.
    """
    frames = list(frames)
    if not frames:
        raise ValueError("frames must contain at least one snapshot, got none")
    for i, frame in enumerate(frames):
        if not isinstance(frame, dict) or "network" not in frame or "label" not in frame:
            raise TypeError(f"frames[{i}] must be a dict from nnlib.web.snapshot, got {frame!r:.80}")
        _check_font_network(_network_dict(frame["network"], f"frames[{i}]['network']"),
                            f"frames[{i}]['network']")
    frames = [{**frame, "network": page_network(frame["network"])} for frame in frames]
    element_id = _check_element_id(element_id)
    fixed = _check_rgb([0, 0, fixed], "fixed")[2]
    divisor = _check_divisor(divisor)
    curve = None
    if loss_curve is not None:
        curve = np.asarray(loss_curve, dtype=float)
        if curve.ndim != 1 or curve.size == 0 or not np.all(np.isfinite(curve) & (curve > 0)):
            raise ValueError("loss_curve must be a non-empty 1-D sequence of positive numbers "
                             "(one per epoch)")
        curve = _rounded(curve.tolist())
    config = {"divisor": divisor, "classes": list(class_names), "channels": list(CHANNELS),
              "reference": _REFERENCE, "curve": curve}
    last = len(frames) - 1
    curve_canvas = ('<canvas class="nnlib-curve" width="300" height="280" role="img" aria-label='
                    '"The training loss per epoch on a log scale, falling; a dot marks the '
                    'frame shown."></canvas>') if curve else ""
    body = f"""<script type="application/json" class="nnlib-frames">{_json_for_script(frames)}</script>
<script type="application/json" class="nnlib-config">{_json_for_script(config)}</script>
<div class="nnlib-controls" style="min-width: 100%">
<label for="{element_id}-frame">frame</label>
<input type="range" id="{element_id}-frame" class="nnlib-frame" min="0" max="{last}" step="1" value="{last}">
<button type="button" class="nnlib-play">play</button>
<label for="{element_id}-blue">blue</label>
<input type="range" id="{element_id}-blue" class="nnlib-blue" min="0" max="255" step="1" value="{fixed}">
<output for="{element_id}-blue">{fixed}</output>
</div>
<p class="nnlib-readout nnlib-label" style="min-width: 100%; max-width: none" aria-live="polite"></p>
<canvas class="nnlib-surface" width="300" height="280" role="img" aria-label="The network's probability of a dark font over red and green at the chosen blue: red means light font, blue dark font; a black line marks 0.5, a dashed line the luminance formula's boundary."></canvas>
<canvas class="nnlib-diagram" width="300" height="280" role="img" aria-label="The network's weights in this frame: line width shows size, blue positive, vermillion negative."></canvas>
{curve_canvas}
"""
    script = f"""  const frames = W.readJSON(root, "nnlib-frames"), cfg = W.readJSON(root, "nnlib-config");
  const slider = root.querySelector("input.nnlib-frame"), blue = root.querySelector("input.nnlib-blue");
  const label = root.querySelector(".nnlib-label"), play = root.querySelector("button.nnlib-play");
  const surface = root.querySelector("canvas.nnlib-surface");
  const diagram = root.querySelector("canvas.nnlib-diagram"), curve = root.querySelector("canvas.nnlib-curve");
  const fmt = (k, v) => (k === "accuracy" || k.endsWith("_accuracy") ? v.toFixed(3) :
                        Number.isInteger(v) ? v.toLocaleString("en-US") : v.toPrecision(4));
  function show() {{
    const i = Number(slider.value), f = frames[i], b = Number(blue.value);
    root.dataset.frame = i;
    blue.nextElementSibling.textContent = b;
    const extra = Object.keys(f).filter((k) => k !== "network" && k !== "label")
      .map((k) => k.replace(/_/g, " ") + " " + fmt(k, f[k]));
    label.textContent = "Frame " + (i + 1) + " of " + frames.length + ": " + f.label +
      (extra.length ? "; " + extra.join(", ") : "");
    W.drawPlane(surface, f.network, {{channels: cfg.channels, fixed: b, divisor: cfg.divisor,
      mode: "probability", reference: cfg.reference, title: "P(" + cfg.classes[1] + "), blue = " + b}});
    W.drawNetwork(diagram, f.network, {{inputs: ["R", "G", "B"], outputs: ["P"], title: "Weights (width: size)"}});
    if (curve) W.drawCurve(curve, cfg.curve, f.epoch || 0, {{ylabel: "loss (log scale)", title: "Training loss"}});
  }}
  let timer = null;
  play.addEventListener("click", () => {{
    if (timer) {{ clearInterval(timer); timer = null; play.textContent = "play"; return; }}
    if (Number(slider.value) === frames.length - 1) slider.value = 0;
    play.textContent = "pause";
    timer = setInterval(() => {{
      if (Number(slider.value) >= frames.length - 1) {{ clearInterval(timer); timer = null; play.textContent = "play"; return; }}
      slider.value = Number(slider.value) + 1; show();
    }}, 150);
  }});
  slider.addEventListener("input", show);
  blue.addEventListener("input", show);
  show();
"""
    return _widget(element_id, "nnlib-training", body, script, f' data-frame="{last}"')
