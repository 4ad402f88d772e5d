// Gradient descent on one weight (nnlib.web.descent_html): the learning-rate slider sets eta;
// the page takes `steps` steps of nnlib's Network.step (train.js) from the starting weight and
// draws the path on the loss curve L(w) (left) and the loss before each step (right, log scale).
(function (W) {
  "use strict";
  const D = W.draw, T = W.train;

  function descent(root) {
    const data = W.readJSON(root, "nnlib-data"), cfg = W.readJSON(root, "nnlib-config");
    const slider = root.querySelector("input.nnlib-rate");
    const pathCanvas = root.querySelector("canvas.nnlib-path"), lossCanvas = root.querySelector("canvas.nnlib-steps");
    const net = T.network(data.network), X = T.matrix(data.X), colors = cfg.colors;
    const setWeight = (w) => { net.layers[0].W[0] = w; };
    const ws = Array.from({length: cfg.curve_points}, (_, i) =>
      cfg.w_range[0] + i * (cfg.w_range[1] - cfg.w_range[0]) / (cfg.curve_points - 1));
    const curve = ws.map((w) => { setWeight(w); return T.loss(net, X, data.y); });

    function show() {
      const rate = cfg.rates[Number(slider.value)];
      slider.nextElementSibling.textContent = rate.toFixed(2);
      setWeight(cfg.start);
      const path = [cfg.start], losses = [];
      for (let i = 0; i < cfg.steps; i++) {
        losses.push(T.step(net, X, data.y, rate));      // the loss before the step
        path.push(net.layers[0].W[0]);
      }
      const pathLoss = path.map((w) => { setWeight(w); return T.loss(net, X, data.y); });
      const g = D.setup(pathCanvas);
      const ax = new D.Axes(g, {x: cfg.w_range, y: cfg.loss_ylim, xlabel: "weight w",
                                ylabel: cfg.loss_label,
                                title: "\u03b7 = " + rate.toFixed(2) + ", \u03b7\u00b7c = " + (rate * cfg.curvature).toFixed(2)});
      ax.grid();
      ax.line(ws, curve, {color: "#555555", width: 1});
      ax.line(path, pathLoss, {color: colors.negative, width: 0.8});
      ax.points(path, pathLoss, {color: colors.negative, size: 3});
      ax.points([cfg.start], [pathLoss[0]], {color: "#000000", size: 4, shape: "square"});
      ax.frame();
      const g2 = D.setup(lossCanvas);
      const ax2 = new D.Axes(g2, {x: [-0.5, cfg.steps - 0.5], y: cfg.steps_ylim, ylog: true,
                                  xlabel: "step", ylabel: "loss before the step (log scale)",
                                  title: "Loss per step",
                                  xticks: Array.from({length: cfg.steps}, (_, i) => i).filter((i) => i % 2 === 0)});
      ax2.grid();
      const steps = losses.map((_, i) => i);
      ax2.line(steps, losses, {color: colors.negative, width: 1.5});
      ax2.points(steps, losses, {color: colors.negative, size: 3});
      ax2.frame();
      root.dataset.path = JSON.stringify(path);
      root.dataset.losses = JSON.stringify(losses);
    }
    slider.addEventListener("input", show);
    W.onResize(pathCanvas, show);
    show();
  }

  W.widget("descent", descent);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
