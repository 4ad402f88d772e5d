// The keys a reader presses on a widget's control stay with the control. JupyterLab listens for
// keys on the whole page and binds the arrows, Space, Enter and letters to notebook commands
// (select the next cell, collapse a heading, ...), so without this an arrow on a slider moves
// to another cell and the slider stays. The book's page has no such listener, but the same
// widget keeps its keys there too. Escape, Shift+Enter and keys with Ctrl, Alt or Meta still
// reach JupyterLab (leave the widget, run the cell, save, ...).
(function (W) {
  "use strict";

  const CONTROLS = "input, select, textarea, button, [tabindex]";

  function reachesJupyter(event) {
    return event.key === "Escape" || (event.key === "Enter" && event.shiftKey)
      || event.ctrlKey || event.altKey || event.metaKey;
  }

  W.keepKeys = function (root) {
    root.addEventListener("keydown", (event) => {
      const target = event.target;
      if (target && target.closest && target.closest(CONTROLS) && !reachesJupyter(event)) {
        event.stopPropagation();
      }
    });
  };
})(globalThis.nnlibWeb = globalThis.nnlibWeb || {});
