/*
 * Tap to see a figure at full size. On a narrow screen a wide figure is shrunk to the column
 * (its text can get too small to read); a figure shown at less than 80 % of the size it was drawn
 * for becomes a link to its picture file, which the browser opens on its own page, where it can
 * be zoomed. Applies to the pictures of code-cell outputs and {figure}s that are files (not
 * pictures inside players or widgets, whose frames are embedded data). Re-checked on resize.
 */
(function () {
  "use strict";
  var SHRUNK = 0.8;
  var SELECTOR = ".cell_output > .output > img, .cell_output > img, figure > img";

  function intendedWidth(img) {
    var styled = parseFloat(img.style.width);
    return styled > 0 ? styled : img.naturalWidth;
  }

  function update() {
    var images = document.querySelectorAll("article " + SELECTOR.split(", ").join(", article "));
    for (var i = 0; i < images.length; i++) {
      var img = images[i];
      var src = img.getAttribute("src") || "";
      if (!img.naturalWidth || src.indexOf("data:") === 0) continue;
      var link = img.parentElement.classList.contains("figure-zoom") ? img.parentElement : null;
      var shrunk = img.getBoundingClientRect().width < SHRUNK * intendedWidth(img);
      if (shrunk && !link) {
        link = document.createElement("a");
        link.className = "figure-zoom";
        link.href = img.src;
        link.title = "Open the figure at full size";
        img.parentNode.insertBefore(link, img);
        link.appendChild(img);
      } else if (!shrunk && link) {
        link.parentNode.insertBefore(img, link);
        link.remove();
      }
    }
  }

  window.addEventListener("load", update);
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
})();
