/*
 * Phrasebook: show two chosen languages side by side instead of all of them.
 *
 * The page works without this script (every language is shown); with it, the language form
 * appears, hides the other columns, and remembers the choice in the address (?languages=hr,es)
 * and in the browser for the next visit.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-hb-languages]");
  if (!form) return;
  var staff = form.elements.staff;
  var customer = form.elements.customer;
  var STORAGE_KEY = "handbook.phrasebook.languages";

  function codes(select) {
    return Array.prototype.map.call(select.options, function (option) { return option.value; });
  }

  function apply() {
    var shown = customer.value ? [staff.value, customer.value] : null;
    document.querySelectorAll(".hb-phrasebook [data-lang]").forEach(function (cell) {
      cell.hidden = shown !== null && shown.indexOf(cell.getAttribute("data-lang")) === -1;
    });
    var url = new URL(window.location.href);
    if (shown) {
      url.searchParams.set("languages", shown.join(","));
    } else {
      url.searchParams.delete("languages");
    }
    window.history.replaceState(null, "", url);
    try {
      window.localStorage.setItem(STORAGE_KEY, shown ? shown.join(",") : "");
    } catch (error) {
      /* storage may be unavailable (private mode): the address still keeps the choice */
    }
  }

  function restore() {
    var saved = new URL(window.location.href).searchParams.get("languages");
    if (saved === null) {
      try {
        saved = window.localStorage.getItem(STORAGE_KEY);
      } catch (error) {
        saved = null;
      }
    }
    var chosen = (saved || "").split(",");
    if (chosen.length === 2 && codes(staff).indexOf(chosen[0]) !== -1 && codes(customer).indexOf(chosen[1]) !== -1) {
      staff.value = chosen[0];
      customer.value = chosen[1];
    }
  }

  restore();
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
