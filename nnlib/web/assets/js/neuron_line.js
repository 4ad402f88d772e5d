// One neuron's line (nnlib.web.neuron_line_html): the weight and bias sliders set a Dense(1, 1)
// linear layer, and the page draws its output y = w x + b, computed by the forward pass, with
// the bias marked (a dot at x = 0) and the weight (a triangle: a run of 1, a rise of w).
(function (W) {
  "use strict";
  const D = W.draw;

  function neuronLine(root) {
    const cfg = W.readJSON(root, "nnlib-config");
    const weight = root.querySelector("input.nnlib-weight"), bias = root.querySelector("input.nnlib-bias");
    const canvas = root.querySelector("canvas"), equation = root.querySelector(".nnlib-equation");
    const xs = Array.from({length: cfg.points}, (_, i) => cfg.x[0] + i * (cfg.x[1] - cfg.x[0]) / (cfg.points - 1));

    function show() {
      const w = Number(weight.value), b = Number(bias.value), colors = cfg.colors.cycle;
      weight.nextElementSibling.textContent = w;
      bias.nextElementSibling.textContent = b;
      const layer = {n_inputs: 1, n_outputs: 1, activation: "linear", weights: [[w]], bias: [b]};
      const ys = xs.map((x) => W.forward({layers: [layer]}, [x])[0]);
      const g = D.setup(canvas);
      const ax = new D.Axes(g, {x: cfg.x, y: cfg.y, xlabel: "input x", ylabel: "output y = w x + b",
                                title: "weight w = " + w + ", bias b = " + b});
      ax.grid();
      ax.line(cfg.x, [0, 0], {color: "#888888", width: 0.8});
      ax.line([0, 0], cfg.y, {color: "#888888", width: 0.8});
      ax.line(xs, ys, {color: colors[0], width: 2.5});
      ax.line([0, 1, 1], [b, b, b + w], {color: colors[1], width: 2});
      ax.points([0], [b], {color: colors[2], size: 5});
      ax.frame();
      ax.legend([{label: "output y = w x + b", color: colors[0], width: 2.5},
                 {label: "slope: a rise of w over a run of 1", color: colors[1]},
                 {label: "bias: the output at x = 0", color: colors[2], marker: true}], "upper left");
      const signed = (v) => (v < 0 ? "\u2212 " + -v : "+ " + v);
      equation.textContent = "y = " + w + " x " + signed(b) + ": the output is " + b + " at x = 0 and " +
        (w + b) + " at x = 1.";
      root.dataset.line = JSON.stringify([xs[0], ys[0], xs[xs.length - 1], ys[ys.length - 1]]);
    }
    weight.addEventListener("input", show);
    bias.addEventListener("input", show);
    W.onResize(canvas, show);
    show();
  }

  W.widget("neuronLine", neuronLine);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
