/*
 * Accessible names for the controls that saved ipywidgets draw. A FloatSlider's handle is a
 * <div role="slider"> (noUiSlider) with no name of its own: screen readers announce just
 * "slider". Its visible description ("weight", "$w_1$") is the .widget-label beside it, so the
 * handle is labelled by that element (aria-labelledby). Other widget inputs (dropdowns, text
 * boxes) with a description but no <label for> get the same. Loaded before widgets/embed.js
 * (nb_ipywidgets_js in _config.yml); widgets render later, hence the MutationObserver.
 */
(function () {
  "use strict";
  var counter = 0;

  function labelId(label) {
    if (!label.id) label.id = "widget-label-" + ++counter;
    return label.id;
  }

  function name() {
    var widgets = document.querySelectorAll(".widget-subarea .widget-inline-hbox");
    for (var i = 0; i < widgets.length; i++) {
      var label = widgets[i].querySelector(":scope > .widget-label");
      if (!label || !label.textContent.trim()) continue;
      var controls = widgets[i].querySelectorAll(
        "[role=slider], select, input:not([type=hidden]), textarea");
      for (var j = 0; j < controls.length; j++) {
        var control = controls[j];
        if (control.hasAttribute("aria-labelledby") || control.hasAttribute("aria-label")) continue;
        if (control.id && document.querySelector('label[for="' + control.id + '"]')) continue;
        control.setAttribute("aria-labelledby", labelId(label));
      }
    }
  }

  new MutationObserver(name).observe(document.documentElement, { childList: true, subtree: true });
})();
