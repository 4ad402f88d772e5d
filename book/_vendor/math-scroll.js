/*
 * A formula wider than its column scrolls sideways inside its own box (the theme gives
 * mjx-container overflow: auto). Formulas are not Tab stops (_config.yml: MathJax's
 * inTabOrder is off), so a keyboard could not scroll such a box: this makes only the formulas
 * that actually overflow focusable (tabindex 0, WCAG 2.1.1), once MathJax has typeset the page
 * and again when the window is resized.
 */
(function () {
  "use strict";

  function mark() {
    // display formulas only: an inline one has no box of its own (clientWidth 0) and wraps
    var boxes = document.querySelectorAll('mjx-container[display="true"]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var overflows = box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrollFocus = "1";
      } else if (!overflows && box.dataset.scrollFocus) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrollFocus;
      }
    }
  }

  function whenTypeset() {
    var mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) mj.startup.promise.then(mark);
  }

  // MathJax is added after the page is parsed (late-scripts.js) and has run by the load event.
  if (document.readyState === "complete") whenTypeset();
  else window.addEventListener("load", whenTypeset);
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(mark, 200);
  });
})();
