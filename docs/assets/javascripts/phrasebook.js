/*
 * Phrasebook: your language first and the customer's beside it.
 *
 * The page is laid out for its reader from the start (their language first, every language
 * shown), so nothing moves while it loads. This script makes the form work: it puts the chosen
 * language first, the customer's language next to it and hides the others, and remembers the
 * choice in the address (?languages=hr,es) and in the browser for the next visit.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-hb-languages]");
  if (!form) return;
  var staff = form.elements.staff;
  var customer = form.elements.customer;
  var STORAGE_KEY = "handbook.phrasebook.languages";

  function codes(select) {
    return Array.prototype.map.call(select.options, function (option) { return option.value; }).filter(Boolean);
  }

  function chosen() {
    return customer.value && customer.value !== staff.value ? [staff.value, customer.value] : [staff.value];
  }

  function apply() {
    var first = chosen();
    var order = first.concat(codes(staff).filter(function (code) { return first.indexOf(code) === -1; }));
    document.querySelectorAll(".hb-phrasebook tr").forEach(function (row) {
      var cells = {};
      Array.prototype.forEach.call(row.children, function (cell) { cells[cell.getAttribute("data-lang")] = cell; });
      order.forEach(function (code) {
        var cell = cells[code];
        if (!cell) return;
        cell.hidden = customer.value !== "" && first.indexOf(code) === -1;
        row.appendChild(cell);
      });
    });
  }

  function remember() {
    var value = customer.value ? [staff.value, customer.value].join(",") : staff.value;
    var url = new URL(window.location.href);
    url.searchParams.set("languages", value);
    window.history.replaceState(null, "", url);
    try {
      window.localStorage.setItem(STORAGE_KEY, value);
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
    var parts = (saved || "").split(",");
    if (codes(staff).indexOf(parts[0]) === -1) return false;
    staff.value = parts[0];
    customer.value = codes(customer).indexOf(parts[1]) !== -1 ? parts[1] : "";
    return true;
  }

  if (restore()) apply();
  form.addEventListener("change", function () {
    apply();
    remember();
  });
})();
