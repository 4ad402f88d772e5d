// The digit reader (nnlib.web.digit_reader_html): a test image picked with a slider (or the
// buttons that jump to the network's mistakes), drawn as its 8 x 8 pixels, with the ten
// probabilities of the trained network's forward pass, computed in the page.
(function (W) {
  "use strict";
  const D = W.draw;

  function digitReader(root) {
    const data = W.readJSON(root, "nnlib-data"), cfg = W.readJSON(root, "nnlib-config");
    const [h, w] = cfg.shape, size = h * w, count = data.labels.length;
    // pixel k of image i is the digit data.pixels[i * size + k] (0..levels, base levels + 1)
    const pixels = Array.from({length: count}, (_, i) => Array.from({length: size}, (_, k) =>
      parseInt(data.pixels[i * size + k], cfg.levels + 1) / cfg.levels));
    const slider = root.querySelector("input.nnlib-index"), readout = root.querySelector(".nnlib-verdict");
    const picture = root.querySelector("canvas.nnlib-digit"), bars = root.querySelector("canvas.nnlib-bars");
    const probabilities = pixels.map((x) => W.forward(data.network, x));
    const said = probabilities.map((p) => p.indexOf(Math.max(...p)));
    const mistakes = said.map((k, i) => (k === data.labels[i] ? -1 : i)).filter((i) => i >= 0);

    function drawDigit(i) {
      const g = D.setup(picture), side = Math.min(g.w - 16, g.h - 40), cell = side / w;
      const left = (g.w - side) / 2, top = 30;
      pixels[i].forEach((v, k) => {                      // gray_r: 0 white, 1 black
        const c = Math.round(255 * (1 - v));
        g.ctx.fillStyle = "rgb(" + c + "," + c + "," + c + ")";
        g.ctx.fillRect(left + (k % w) * cell, top + Math.floor(k / w) * cell, Math.ceil(cell), Math.ceil(cell));
      });
      D.title(g, "test image " + i + ", true " + cfg.classes[data.labels[i]]);
    }

    function drawBars(i) {
      const p = probabilities[i], k = said[i], truth = data.labels[i];
      const colours = p.map(() => "#bbbbbb");
      colours[truth] = cfg.colors.positive;
      if (k !== truth) colours[k] = cfg.colors.negative;
      const g = D.setup(bars), ticks = cfg.classes.map((name, j) => [j, name]);
      const ax = new D.Axes(g, {x: [-0.6, p.length - 0.4], y: [0, 1], xticks: ticks,
                                yticks: [0, 0.25, 0.5, 0.75, 1], xlabel: "digit", ylabel: "probability",
                                title: "network says " + cfg.classes[k]});
      ax.grid();
      ax.bars(p.map((_, j) => j), p, colours, 0.8);
      ax.frame();
    }

    function show() {
      const i = Number(slider.value), k = said[i], truth = data.labels[i];
      slider.nextElementSibling.textContent = i;
      drawDigit(i);
      drawBars(i);
      readout.textContent = "Test image " + i + " shows a " + cfg.classes[truth] + "; the network reads a " +
        cfg.classes[k] + ", " + Math.round(100 * probabilities[i][k]) + "% sure" +
        (k === truth ? "." : ": a mistake.");
      root.dataset.index = i;
      root.dataset.probabilities = JSON.stringify(probabilities[i]);
    }

    function jump(step) {
      if (!mistakes.length) return;
      const i = Number(slider.value);
      const next = step > 0 ? mistakes.find((m) => m > i) ?? mistakes[0]
        : [...mistakes].reverse().find((m) => m < i) ?? mistakes[mistakes.length - 1];
      slider.value = next;
      show();
    }
    root.querySelector(".nnlib-next-mistake").addEventListener("click", () => jump(1));
    root.querySelector(".nnlib-previous-mistake").addEventListener("click", () => jump(-1));
    slider.addEventListener("input", show);
    W.onResize(bars, show);
    show();
  }

  W.widget("digitReader", digitReader);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
