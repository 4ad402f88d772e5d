/*
 * ipywidgets 8 typesets widget labels (e.g. a slider's description "$w_1$") with MathJax 2's API:
 *     MathJax.Hub.Queue(["Typeset", MathJax.Hub, element])
 * The book serves MathJax 3 (sphinx-mathjax-offline), which has no `Hub`, so the call throws
 * "Cannot read properties of undefined (reading 'Queue')". This shim gives MathJax 3 a minimal
 * `Hub.Queue` that typesets the element with `MathJax.typesetPromise`. The page's MathJax 3
 * only knows the \( \) and \[ \] delimiters (Sphinx writes math that way), so the label's
 * $...$ and $$...$$ are rewritten to those first, in that element only.
 * It is loaded (by myst-nb's nb_ipywidgets_js, see _config.yml) before widgets/embed.js.
 */
(function () {
  "use strict";

  function useMathJax3Delimiters(element) {
    if (!element || element.children.length || !element.textContent) return;
    var text = element.textContent
      .replace(/\$\$([^$]+)\$\$/g, "\\[$1\\]")
      .replace(/\$([^$]+)\$/g, "\\($1\\)");
    if (text !== element.textContent) element.textContent = text;
  }

  function typeset(element) {
    var mj = window.MathJax;
    if (!mj || typeof mj.typesetPromise !== "function") {
      return Promise.resolve();
    }
    useMathJax3Delimiters(element);
    var ready = mj.startup && mj.startup.promise ? mj.startup.promise : Promise.resolve();
    return ready.then(function () {
      return mj.typesetPromise(element ? [element] : undefined);
    });
  }

  var hub = {
    Queue: function () {
      var element;
      for (var i = 0; i < arguments.length; i++) {
        var job = arguments[i];
        // MathJax 2 job form: ["Typeset", MathJax.Hub, element]
        if (Array.isArray(job) && job[0] === "Typeset" && job[2]) {
          element = job[2];
        }
      }
      return typeset(element).catch(function (err) {
        console.warn("MathJax typeset of a widget failed:", err);
      });
    },
  };

  function install() {
    // MathJax 3 replaces window.MathJax when it loads, so (re)attach Hub whenever needed.
    if (window.MathJax && !window.MathJax.Hub) {
      window.MathJax.Hub = hub;
    }
  }

  install();
  // Deferred scripts (MathJax) have run by DOMContentLoaded; this listener is registered before
  // embed.js registers its own, so Hub exists before any widget is rendered.
  document.addEventListener("DOMContentLoaded", install);
  window.addEventListener("load", install);
})();
