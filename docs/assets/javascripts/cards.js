/*
 * Cue-card pages: the Print button, and remembering the paper chosen (A4, US Letter or A6).
 *
 * The paper switch itself is plain CSS (cards.css reads the checked radio button), so printing
 * works without this script; with it, the choice is kept in the address (?paper=letter) and in
 * the browser for the next visit, and the Print button appears.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-hb-paper]");
  if (!form) return;
  var STORAGE_KEY = "handbook.cards.paper";
  var radios = Array.prototype.slice.call(form.querySelectorAll("input[name='paper']"));

  function choose(value) {
    radios.forEach(function (radio) {
      if (radio.value === value) radio.checked = true;
    });
  }

  function saved() {
    var value = new URL(window.location.href).searchParams.get("paper");
    if (value) return value;
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null; /* storage may be unavailable (private mode) */
    }
  }

  choose(saved());
  form.addEventListener("change", function () {
    var value = form.elements.paper.value;
    var url = new URL(window.location.href);
    url.searchParams.set("paper", value);
    window.history.replaceState(null, "", url);
    try {
      window.localStorage.setItem(STORAGE_KEY, value);
    } catch (error) {
      /* the address still keeps the choice */
    }
  });

  var button = form.querySelector("[data-hb-print]");
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
