// The colour picker (nnlib.web.font_picker_html): the reader picks a background colour with the
// colour input, the R, G, B sliders or a click on the map; the page runs the network's forward
// pass on it and shows the font it picks, its output and what the luminance formula says.
(function (W) {
  "use strict";
  const F = W.font;

  function fontPicker(root) {
    const net = W.readJSON(root, "nnlib-network"), cfg = W.readJSON(root, "nnlib-config");
    const sliders = cfg.channels.map((c) => root.querySelector("input.nnlib-" + c));
    const picker = root.querySelector("input.nnlib-colour"), out = root.querySelector(".nnlib-probability");
    const swatch = root.querySelector(".nnlib-swatch"), sample = root.querySelector(".nnlib-sample");
    const formula = root.querySelector(".nnlib-formula"), map = root.querySelector("canvas.nnlib-map");
    const predict = F.predictor(net, cfg.divisor);
    const current = () => sliders.map((s) => Number(s.value));

    function show(rgb) {
      sliders.forEach((s, i) => { s.value = rgb[i]; s.nextElementSibling.textContent = rgb[i]; });
      picker.value = F.hex(rgb);
      const p = W.forward(net, rgb.map((v) => v / cfg.divisor))[0], k = p >= 0.5 ? 1 : 0;
      const lum = F.luminance(cfg, rgb), t = cfg.reference[1], kf = lum >= t ? 1 : 0;
      swatch.style.backgroundColor = "rgb(" + rgb.join(",") + ")";
      swatch.style.color = k ? "#000000" : "#ffffff";
      sample.textContent = "The network picks a " + cfg.classes[k] + " for " + F.hex(rgb) + ".";
      out.dataset.rgb = rgb.join(",");
      out.dataset.probability = String(p);
      out.textContent = p.toFixed(4) + " = P(" + cfg.classes[1] + ")";
      formula.textContent = "luminance formula: " + lum.toFixed(1) + (kf ? " \u2265 " : " < ") + t +
        ", so a " + cfg.classes[kf] + (kf === k ? " (they agree)" : " (they disagree!)");
      formula.classList.toggle("nnlib-disagree", kf !== k);
      F.plane(map, cfg, {predict, fixed: [2, rgb[2]], mode: "colour", point: rgb,
                         title: "Network's choice at " + cfg.channels[2] + " = " + rgb[2]});
    }

    sliders.forEach((s) => s.addEventListener("input", () => show(current())));
    picker.addEventListener("input", () => show(F.fromHex(picker.value)));
    map.addEventListener("click", (event) => show(F.pick(map, event, current())));
    W.onResize(map, () => show(current()));
    show(current());
  }

  W.widget("fontPicker", fontPicker);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
