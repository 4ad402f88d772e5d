// A player for pre-rendered frames (nnlib.web.player_html, nnlib.plotting.animation_html): one
// picture, a frame slider, and first / previous / play-pause / next / last buttons. The buttons
// that would do nothing (previous at the first frame, ...) are disabled; play at the last frame
// starts again from the first; mode "loop" goes on from the first frame, "reflect" turns back.
(function (W) {
  "use strict";

  function player(root) {
    const frames = W.readJSON(root, "nnlib-frames"), last = frames.sources.length - 1;
    const picture = root.querySelector("img"), slider = root.querySelector("input.anim-slider");
    frames.sources[0] = frames.sources[0] || picture.src;   // the first frame is the <img>'s
    const counter = root.querySelector(".nnlib-counter"), play = root.querySelector(".nnlib-play");
    const buttons = {first: root.querySelector(".nnlib-first"), previous: root.querySelector(".nnlib-previous"),
                     next: root.querySelector(".nnlib-next"), last: root.querySelector(".nnlib-last")};
    let timer = null, direction = 1;

    function show(i) {
      i = Math.min(Math.max(i, 0), last);
      slider.value = i;
      picture.src = frames.sources[i];
      slider.setAttribute("aria-valuetext", "frame " + (i + 1) + " of " + (last + 1));
      counter.textContent = (i + 1) + " / " + (last + 1);
      buttons.first.disabled = buttons.previous.disabled = i === 0;
      buttons.next.disabled = buttons.last.disabled = i === last;
      root.dataset.frame = i;
    }
    function stop() {
      clearInterval(timer);
      timer = null;
      play.setAttribute("aria-pressed", "false");
      play.title = "Play"; play.setAttribute("aria-label", "Play");
      play.firstElementChild.textContent = "\u25b6";
    }
    function tick() {
      let i = Number(slider.value) + direction;
      if (i > last || i < 0) {
        if (frames.mode === "loop") i = 0;
        else if (frames.mode === "reflect") { direction = -direction; i = Number(slider.value) + direction; }
        else { stop(); return; }
      }
      show(i);
    }
    play.addEventListener("click", () => {
      if (timer) { stop(); return; }
      if (Number(slider.value) === last && frames.mode === "once") show(0);
      direction = 1;
      play.setAttribute("aria-pressed", "true");
      play.title = "Pause"; play.setAttribute("aria-label", "Pause");
      play.firstElementChild.textContent = "\u25ae\u25ae";
      tick();
      timer = setInterval(tick, frames.interval);
    });
    const jump = (to) => () => { stop(); show(to()); };
    buttons.first.addEventListener("click", jump(() => 0));
    buttons.previous.addEventListener("click", jump(() => Number(slider.value) - 1));
    buttons.next.addEventListener("click", jump(() => Number(slider.value) + 1));
    buttons.last.addEventListener("click", jump(() => last));
    slider.addEventListener("input", () => { stop(); show(Number(slider.value)); });
    show(0);
  }

  W.widget("player", player);
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
