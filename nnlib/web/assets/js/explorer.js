// The settings explorer (nnlib.web.explorer_html): the font network retrained in the page, from
// the same starting weights and data as in Python, whenever the reader changes a setting. The
// training is train.js's twin of nnlib's fit (rows in order, shuffle=False), so the page shows
// what nnlib computes for the same settings.
(function (W) {
  "use strict";
  const D = W.draw, F = W.font, T = W.train;

  // The loss per epoch on log-log axes that stay put, so that settings can be compared; a note
  // if training diverged (nnlib stops there, as the page does).
  function lossPlot(canvas, cfg, loss, diverged) {
    const g = D.setup(canvas);
    const ax = new D.Axes(g, {x: cfg.loss_xlim, y: cfg.loss_ylim, xlog: true, ylog: true,
                              xlabel: "epoch", ylabel: cfg.loss_label, title: "Training loss"});
    ax.grid();
    ax.line(loss.map((_, i) => i + 1), loss, {color: cfg.colors.positive, width: 1.8});
    if (diverged) {
      ax.text(Math.sqrt(cfg.loss_xlim[0] * cfg.loss_xlim[1]), Math.sqrt(cfg.loss_ylim[0] * cfg.loss_ylim[1]),
              "diverged in epoch " + diverged + ": training stopped", {color: cfg.colors.negative, box: true});
    }
    ax.frame();
  }

  function explorer(root) {
    const data = W.readJSON(root, "nnlib-data"), cfg = W.readJSON(root, "nnlib-config");
    const scaled = (rows) => T.matrix(rows.map((r) => r.map((v) => v / cfg.divisor)));
    const X = scaled(data.X_train), Xtest = scaled(data.X_test);
    const q = (name) => root.querySelector(".nnlib-" + name);
    const inputs = {hidden: q("hidden"), activation: q("activation"), rate: q("rate"), epochs: q("epochs"),
                    batch: q("batch"), fixed: q("fixed"), value: q("value"), colour: q("colour")};
    const surface = q("surface"), lossCanvas = q("loss"), verdict = q("verdict"), score = q("score");
    const runs = new Map(), scratch = new Map();

    function settings() {
      return {hidden: Number(inputs.hidden.value), activation: inputs.activation.value,
              learningRate: cfg.learning_rates[Number(inputs.rate.value)],
              epochs: Number(inputs.epochs.value), batchSize: cfg.batch_sizes[Number(inputs.batch.value)]};
    }

    function startSpec(hidden, activation) {
      const spec = JSON.parse(JSON.stringify(data.starts[String(hidden)]));
      spec.layers[0].activation = activation;
      spec.layers[0].activation_params = {};          // nnlib's defaults
      return spec;
    }
    const copy = (net) => net.layers.map((l) => ({W: l.W.slice(), b: l.b.slice()}));

    // The network trained with settings s, and its losses. A run goes on from where it stopped
    // (no shuffling: 400 epochs are 300 epochs and then 100 more), keeping the weights at every
    // epoch count the slider offers, so that moving the epochs slider back costs nothing.
    function trained(s) {
      const key = [s.hidden, s.activation, s.learningRate, s.batchSize].join("/");
      let run = runs.get(key);
      if (!run) {
        run = {net: T.network(startSpec(s.hidden, s.activation)), loss: [], kept: {}, diverged: null};
        runs.set(key, run);
      }
      while (run.loss.length < s.epochs && !run.diverged) {
        const done = run.loss.length;
        const next = done < cfg.epochs[0] ? cfg.epochs[0] : done + cfg.epochs[2];
        try {
          const history = T.fit(run.net, X, data.y_train,
                                {epochs: next - done, learningRate: s.learningRate, batchSize: s.batchSize});
          run.loss.push(...history.loss);
          run.kept[run.loss.length] = copy(run.net);
        } catch (error) {                 // nnlib stops at a diverging epoch, undoing it
          if (!(error instanceof T.TrainingDiverged)) throw error;
          run.loss.push(...error.history.loss);
          run.diverged = done + error.epoch + 1;
          run.kept.diverged = copy(run.net);
        }
      }
      const stopped = run.diverged && s.epochs >= run.diverged;
      let net = scratch.get(s.hidden);        // one network per size shows every run's weights
      if (!net) {
        net = T.network(startSpec(s.hidden, s.activation));
        scratch.set(s.hidden, net);
      }
      net.layers[0].activation = s.activation;
      net.layers[0].slope = T.LEAKY_SLOPE;
      run.kept[stopped ? "diverged" : s.epochs].forEach((l, i) => { net.layers[i].W.set(l.W); net.layers[i].b.set(l.b); });
      return {net, loss: run.loss.slice(0, stopped ? run.loss.length : s.epochs),
              diverged: stopped ? run.diverged : null};
    }

    function readouts(s) {
      inputs.hidden.nextElementSibling.textContent = s.hidden;
      inputs.rate.nextElementSibling.textContent = cfg.learning_rate_labels[Number(inputs.rate.value)];
      inputs.rate.setAttribute("aria-valuetext", cfg.learning_rate_labels[Number(inputs.rate.value)]);
      inputs.epochs.nextElementSibling.textContent = s.epochs;
      inputs.batch.nextElementSibling.textContent = cfg.batch_labels[Number(inputs.batch.value)];
      inputs.batch.setAttribute("aria-valuetext", cfg.batch_labels[Number(inputs.batch.value)]);
      inputs.value.nextElementSibling.textContent = inputs.value.value;
    }

    function show() {
      const s = settings(), start = performance.now();
      readouts(s);
      const {net, loss, diverged} = trained(s);
      const middle = performance.now();
      const fixed = Number(inputs.fixed.value), value = Number(inputs.value.value);
      const rgb = F.fromHex(inputs.colour.value), name = cfg.channels[fixed];
      F.plane(surface, cfg, {predict: F.predictor(net, cfg.divisor), fixed: [fixed, value],
                             mode: "probability", point: rgb, pointFill: true,
                             title: "P(" + cfg.classes[1] + "), " + name + " = " + value});
      lossPlot(lossCanvas, cfg, loss, diverged);
      const p = T.outputs(net, {rows: 1, cols: 3, data: Float64Array.from(rgb, (v) => v / cfg.divisor)})[0];
      const accuracy = T.score(net, Xtest, data.y_test);
      const steps = s.epochs * Math.ceil(data.y_train.length / (s.batchSize || data.y_train.length));
      verdict.style.backgroundColor = "rgb(" + rgb.join(",") + ")";
      verdict.style.color = p >= 0.5 ? "#000000" : "#ffffff";
      verdict.textContent = "The network picks a " + cfg.classes[p >= 0.5 ? 1 : 0] + " here: P(" +
        cfg.classes[1] + ") = " + (Number.isFinite(p) ? p.toFixed(3) : "not a number");
      score.textContent = diverged
        ? "training diverged in epoch " + diverged + " (a loss or weight became infinite) and stopped, " +
          "as nnlib's fit does; the network of the epoch before it: test accuracy " + accuracy.toFixed(3)
        : "test accuracy " + accuracy.toFixed(3) + " after " + steps.toLocaleString("en-US") +
          " steps (" + s.epochs + " epochs)";
      root.dataset.settings = JSON.stringify(s);
      root.dataset.testAccuracy = String(accuracy);
      root.dataset.trainMs = (middle - start).toFixed(2);
      root.dataset.drawMs = (performance.now() - middle).toFixed(2);
    }

    // A retrain of many steps (batch size 1: 268,800 steps for 300 epochs, 0.1-0.2 s on a small
    // machine) says so first: the note is painted in one frame, the page trains in the next.
    const BUSY_STEPS = 100000;
    function stepsToTrain(s) {
      const run = runs.get([s.hidden, s.activation, s.learningRate, s.batchSize].join("/"));
      const epochs = s.epochs - (run ? run.loss.length : 0);
      return run && run.diverged ? 0
        : Math.max(epochs, 0) * Math.ceil(data.y_train.length / (s.batchSize || data.y_train.length));
    }

    // Many input events can arrive between two screen refreshes: show the latest once. When the
    // latest needs a long retrain, its note is painted in one frame and the page trains in the
    // next (data-busy: "true" until painted, then "shown").
    let pending = false;
    function schedule() {
      const steps = stepsToTrain(settings());
      if (steps > BUSY_STEPS) {
        root.dataset.busy = "true";
        score.textContent = "training: " + steps.toLocaleString("en-US") + " steps\u2026";
      }
      if (pending) return;
      pending = true;
      requestAnimationFrame(function run() {
        if (root.dataset.busy === "true") {
          root.dataset.busy = "shown";
          requestAnimationFrame(run);
          return;
        }
        pending = false;
        show();
        delete root.dataset.busy;
      });
    }
    Object.values(inputs).forEach((input) => input.addEventListener("input", schedule));
    inputs.fixed.addEventListener("change", schedule);
    inputs.activation.addEventListener("change", schedule);
    W.onResize(surface, schedule);
    root.nnlibExplorer = {settings, trained, show, data, cfg};
    show();
  }

  W.widget("explorer", explorer);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
