// The training film (nnlib.web.training_frames_html): a slider (and a play button) picks one of
// the snapshots taken during training; the page draws that network's output over two colour
// channels (the third, blue, on its own slider), its weights, and the loss curve with the
// frame's epoch marked.
(function (W) {
  "use strict";
  const D = W.draw, F = W.font;

  function fmt(key, v) {
    if (key === "accuracy" || key.endsWith("_accuracy")) return v.toFixed(3);
    return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toPrecision(4);
  }

  // The loss per epoch (log scale) with a dot at epoch `index` (1-based; 0 = none yet).
  function curve(canvas, values, index, colors) {
    const g = D.setup(canvas), n = values.length;
    const lo = Math.min(...values), hi = Math.max(...values);
    const ax = new D.Axes(g, {x: [1, Math.max(n, 2)], y: [lo, hi === lo ? lo * 10 : hi], ylog: true,
                              xticks: [1, n], yticks: [[lo, D.format(Number(lo.toPrecision(2)))],
                                                       [hi, D.format(Number(hi.toPrecision(2)))]],
                              xlabel: "epoch", ylabel: "loss (log scale)", title: "Training loss"});
    ax.line(values.map((_, i) => i + 1), values, {color: colors.positive, width: 1.5});
    if (index > 0) ax.points([index], [values[index - 1]], {color: colors.negative, size: 5});
    ax.frame();
  }

  function trainingFrames(root) {
    const frames = W.readJSON(root, "nnlib-frames"), cfg = W.readJSON(root, "nnlib-config");
    const slider = root.querySelector("input.nnlib-frame"), blue = root.querySelector("input.nnlib-blue");
    const label = root.querySelector(".nnlib-label"), play = root.querySelector("button.nnlib-play");
    const surface = root.querySelector("canvas.nnlib-surface");
    const diagram = root.querySelector("canvas.nnlib-diagram"), loss = root.querySelector("canvas.nnlib-curve");
    const predictors = frames.map((f) => F.predictor(f.network, cfg.divisor));

    function show() {
      const i = Number(slider.value), f = frames[i], b = Number(blue.value);
      root.dataset.frame = i;
      blue.nextElementSibling.textContent = b;
      slider.setAttribute("aria-valuetext", "frame " + (i + 1) + " of " + frames.length);
      const extra = Object.keys(f).filter((k) => k !== "network" && k !== "label")
        .map((k) => k.replace(/_/g, " ") + " " + fmt(k, f[k]));
      label.textContent = "Frame " + (i + 1) + " of " + frames.length + ": " + f.label +
        (extra.length ? "; " + extra.join(", ") : "");
      F.plane(surface, cfg, {predict: predictors[i], fixed: [2, b], mode: "probability",
                             title: "P(" + cfg.classes[1] + "), " + cfg.channels[2] + " = " + b});
      D.networkDiagram(diagram, f.network, {inputs: ["R", "G", "B"], outputs: ["P"],
                                            title: "Weights (width: size)", colors: cfg.colors});
      if (loss) curve(loss, cfg.curve, f.epoch || 0, cfg.colors);
    }

    let timer = null;
    function stop() {
      clearInterval(timer); timer = null;
      play.textContent = "play"; play.setAttribute("aria-pressed", "false");
    }
    play.addEventListener("click", () => {
      if (timer) { stop(); return; }
      if (Number(slider.value) === frames.length - 1) slider.value = 0;
      play.textContent = "pause"; play.setAttribute("aria-pressed", "true");
      show();
      timer = setInterval(() => {
        if (Number(slider.value) >= frames.length - 1) { stop(); return; }
        slider.value = Number(slider.value) + 1;
        show();
      }, 150);
    });
    slider.addEventListener("input", show);
    blue.addEventListener("input", show);
    W.onResize(surface, show);
    show();
  }

  W.widget("trainingFrames", trainingFrames);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
