// A small network trained in the page (nnlib.web.trainer_html, chapter 6's tutorial network):
// the reader picks the seed (the starting weights, drawn in Python and carried by the page), the
// learning rate and the hidden activation; the page takes `iterations` full-batch steps of
// nnlib's Network.step (train.js) and draws the loss per iteration and the outputs per row.
(function (W) {
  "use strict";
  const D = W.draw, T = W.train;

  function trainer(root) {
    const data = W.readJSON(root, "nnlib-data"), cfg = W.readJSON(root, "nnlib-config");
    const q = (name) => root.querySelector(".nnlib-" + name);
    const seed = q("seed"), rate = q("rate"), hidden = q("hidden");
    const lossCanvas = q("loss"), barsCanvas = q("outputs"), colors = cfg.colors;
    const X = T.matrix(data.X), rows = data.X.map((_, i) => i);

    function show() {
      const s = Number(seed.value), eta = cfg.learning_rates[Number(rate.value)];
      seed.nextElementSibling.textContent = s;
      rate.nextElementSibling.textContent = cfg.learning_rate_labels[Number(rate.value)];
      rate.setAttribute("aria-valuetext", cfg.learning_rate_labels[Number(rate.value)]);
      const spec = JSON.parse(JSON.stringify(data.starts[String(s)]));
      spec.layers[0].activation = hidden.value;
      spec.layers[0].activation_params = {};
      const net = T.network(spec), losses = [];
      let diverged = null;
      try {
        for (let i = 0; i < cfg.iterations; i++) losses.push(T.step(net, X, data.y, eta));
      } catch (error) {                  // nnlib's step undoes a diverging step and stops
        if (!(error instanceof T.TrainingDiverged)) throw error;
        diverged = losses.length + 1;
      }
      const outputs = T.outputs(net, X), final = losses[losses.length - 1];
      const g = D.setup(lossCanvas), finite = losses.filter((v) => v > 0 && Number.isFinite(v));
      const lo = finite.length ? Math.min(...finite) : 1e-3, hi = finite.length ? Math.max(...finite) : 1;
      let low = Math.floor(Math.log10(lo)), high = Math.ceil(Math.log10(hi));
      if (high - low < 1) { low -= 1; high += 1; }        // a flat curve: a decade either side
      const ax = new D.Axes(g, {x: [0, cfg.iterations - 1], ylog: true, y: [Math.pow(10, low), Math.pow(10, high)],
                                xlabel: "iteration", ylabel: "loss (log scale)",
                                title: diverged ? "diverged at iteration " + diverged : "final loss " + final.toFixed(4)});
      ax.grid();
      ax.line(losses.map((_, i) => i), losses, {color: colors.positive, width: 1.5});
      ax.frame();
      const g2 = D.setup(barsCanvas);
      const ax2 = new D.Axes(g2, {x: [-0.6, rows.length - 0.4], y: [0, 1.05], yticks: [0, 0.25, 0.5, 0.75, 1],
                                  xticks: rows.map((i) => [i, cfg.row_names[i]]), xlabel: "input row",
                                  ylabel: "output", title: "outputs (bars) and targets (black)"});
      ax2.grid();
      ax2.bars(rows, Array.from(outputs), data.y.map((t) => (t ? colors.positive : colors.negative)), 0.8);
      ax2.points(rows, data.y, {color: "#000000", size: 5, shape: "dash"});
      ax2.frame();
      root.dataset.losses = JSON.stringify([losses[0], final]);
      root.dataset.outputs = JSON.stringify(Array.from(outputs));
    }
    [seed, rate].forEach((input) => input.addEventListener("input", show));
    hidden.addEventListener("change", show);
    W.onResize(lossCanvas, show);
    show();
  }

  W.widget("trainer", trainer);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
