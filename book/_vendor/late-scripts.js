/*
 * Load the two big scripts only once the page's text is parsed: MathJax (1.16 MB) and the
 * widget renderer widgets/embed.js (1.88 MB). As ordinary deferred scripts they were downloaded
 * from the start, sharing a slow connection with the stylesheets that the first paint waits
 * for (first paint 1.5-1.7 s at 10 Mb/s instead of about 1 s). book/_ext/page_assets.py takes
 * them out of the head and lists them, with their attributes, in the JSON of
 * <script id="late-scripts">; this adds them, in that order, when DOMContentLoaded fires.
 * That is before the window's load event (which then waits for them), so embed.js, which
 * renders the saved widgets on load, still does.
 */
(function () {
  "use strict";

  function inject() {
    var list = document.getElementById("late-scripts");
    if (!list) return;
    var scripts = JSON.parse(list.textContent);
    for (var i = 0; i < scripts.length; i++) {
      var script = document.createElement("script");
      var attributes = scripts[i];
      for (var name in attributes) script.setAttribute(name, attributes[name]);
      script.async = false; // run in list order, like deferred scripts
      document.head.appendChild(script);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", inject);
  else inject();
})();
