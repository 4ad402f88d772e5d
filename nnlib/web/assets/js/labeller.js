// "Bring your own labels" (nnlib.web.labeller_html): the reader labels colours by clicking the
// font that reads better on each; with all of them labelled, the page trains the font network
// on those labels with train.js (nnlib's fit, rows in order) and shows what chapter 7's Python
// cells show: how far the labels and the network agree with the luminance formula, and the
// test colours on which the network parts company with the formula, in its font.
(function (W) {
  "use strict";
  const T = W.train;

  // Python's format(x, ".Nf"): the nearest decimal, ties to the even digit (JavaScript's
  // toFixed sends ties up). Ties happen only for numbers that are exact in binary.
  function fixed(x, digits) {
    const scaled = x * Math.pow(10, digits);
    if (Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
      const down = Math.floor(scaled), even = down % 2 === 0 ? down : down + 1;
      return (even / Math.pow(10, digits)).toFixed(digits);
    }
    return x.toFixed(digits);
  }

  // NumPy's round (half to even), for whole numbers
  function roundEven(x) {
    const down = Math.floor(x);
    if (x - down !== 0.5) return Math.round(x);
    return down % 2 === 0 ? down : down + 1;
  }

  function tile(rgb, dark, caption) {
    const div = document.createElement("div"), sample = document.createElement("span");
    div.className = "nnlib-tile";
    sample.className = "nnlib-sample";     // a colour sample: its contrast is the subject
    sample.textContent = "Aa";
    sample.style.backgroundColor = "rgb(" + rgb.join(",") + ")";
    sample.style.color = dark ? "#000000" : "#ffffff";
    div.append(sample, caption);
    return div;
  }

  function labeller(root) {
    const data = W.readJSON(root, "nnlib-data"), cfg = W.readJSON(root, "nnlib-config");
    const n = data.colours.length, labels = [];
    const q = (name) => root.querySelector(".nnlib-" + name);
    const choices = [q("light"), q("dark")], status = q("status"), done = q("done");
    const asking = choices[0].closest("div.nnlib-full");
    const report = q("report"), swatches = q("swatches"), undo = q("undo"), restart = q("restart");
    const example = q("example");

    function analyse() {
      const net = T.network(data.start);
      const X = T.matrix(data.colours.map((c) => c.map((v) => v / cfg.divisor)));
      T.fit(net, X, labels, {epochs: cfg.epochs, learningRate: cfg.learning_rate, batchSize: cfg.batch_size});
      const agree = labels.filter((v, i) => v === data.formula[i]).length / n;
      const fits = T.score(net, X, labels);
      const Xtest = T.matrix(data.test.map((c) => c.map((v) => v / cfg.divisor)));
      const p = T.outputs(net, Xtest), picks = Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
      const apart = [];
      picks.forEach((k, i) => { if (k !== data.test_formula[i]) apart.push(i); });
      const lum = data.luminance;
      const light = labels.map((v, i) => (v === 0 ? lum[i] : -Infinity));
      const dark = labels.map((v, i) => (v === 1 ? lum[i] : Infinity));
      const lines = [
        "the formula agrees with these labels on " + agree.toFixed(3) + " of the " + n + " colours",
        "the network trained on them fits " + fits.toFixed(3) + " of them",
        "on the " + data.test.length + " test colours, this network and the formula agree on " +
          (1 - apart.length / data.test.length).toFixed(3),
        "luminance of the brightest colour labelled light: " +
          (labels.includes(0) ? fixed(Math.max(...light), 1) : "none labelled light"),
        "luminance of the darkest colour labelled dark: " +
          (labels.includes(1) ? fixed(Math.min(...dark), 1) : "none labelled dark"),
      ];
      report.replaceChildren(...lines.map((text) => Object.assign(document.createElement("p"), {textContent: text})));
      swatches.replaceChildren();
      if (!apart.length) {
        swatches.append(Object.assign(document.createElement("p"), {
          textContent: "none: this network agrees with the formula on every test colour"}));
        return;
      }
      // at most `cfg.shown` of them, spread over the luminance, as chapter 7's cell picks them
      const order = apart.slice().sort((a, b) => data.test_luminance[a] - data.test_luminance[b] || a - b);
      const picked = [...new Set(Array.from({length: cfg.shown}, (_, k) =>
        roundEven(k * (order.length - 1) / (cfg.shown - 1))))].map((k) => order[k]);
      const heading = document.createElement("p");
      heading.textContent = picked.length + " of the " + apart.length + " test colours on which the " +
        "network trained on your labels and the formula disagree, in the network's font:";
      const row = document.createElement("div");
      row.className = "nnlib-tiles";
      picked.forEach((i) => row.append(tile(data.test[i], picks[i],
                                            "L=" + fixed(data.test_luminance[i], 0))));
      swatches.append(heading, row);
    }

    function show() {
      const k = labels.length;
      status.textContent = k + " of " + n + " colours labelled";
      root.dataset.labelled = k;
      undo.disabled = restart.disabled = k === 0;
      done.replaceChildren(...labels.map((v, i) => tile(data.colours[i], v, v ? "dark" : "light")));
      asking.hidden = k === n;
      if (k < n) {
        const rgb = "rgb(" + data.colours[k].join(",") + ")";
        choices.forEach((button) => { button.style.backgroundColor = rgb; });
        report.replaceChildren(Object.assign(document.createElement("p"), {textContent:
          "When all " + n + " colours are labelled, the page trains a network on your labels."}));
        swatches.replaceChildren();
        return;
      }
      analyse();
    }

    choices.forEach((button, value) => button.addEventListener("click", () => {
      if (labels.length < n) labels.push(value);
      show();
    }));
    undo.addEventListener("click", () => { labels.pop(); show(); });
    restart.addEventListener("click", () => { labels.length = 0; show(); });
    example.addEventListener("click", () => {
      labels.length = 0;
      labels.push(...data.example);
      show();
    });
    show();
  }

  W.widget("labeller", labeller);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
