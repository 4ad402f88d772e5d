/*
 * Give the pictures that saved widgets draw (e.g. the plot of an `interact`) the alt text of
 * their notebook cell. book/_ext/widget_alt.py copies the cell's `mystnb.image.alt` metadata onto
 * the widget-view script tag as data-alt; embed.js renders each view into the
 * `.widget-subarea` just before that tag. Loaded before widgets/embed.js (see _config.yml).
 */
(function () {
  "use strict";
  var SELECTOR = 'script[type="application/vnd.jupyter.widget-view+json"][data-alt]';

  function label() {
    var scripts = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < scripts.length; i++) {
      var area = scripts[i].previousElementSibling;
      if (!area || !area.classList.contains("widget-subarea")) continue;
      var images = area.querySelectorAll("img:not([alt]), img[alt='']");
      for (var j = 0; j < images.length; j++) {
        images[j].setAttribute("alt", scripts[i].getAttribute("data-alt"));
      }
    }
  }

  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
})();
