/*
 * The booklet page: its Print button opens the browser's print dialog. Without this script the
 * button stays hidden and the browser's own Print command prints the same booklet.
 */
(function () {
  "use strict";

  var button = document.querySelector("[data-hb-print-booklet]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
