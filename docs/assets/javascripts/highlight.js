/*
 * Highlight search terms on the page a search result leads to, ignoring accents and case.
 *
 * Search folds accents ("zao" finds "žao"), and result links carry the folded terms in ?h=.
 * The theme's own highlighter compares letters exactly, so it would mark nothing in "žao"; this
 * one compares folded text and marks the original words. Text the theme already marked is skipped.
 */
(function () {
  "use strict";

  var query = new URL(window.location.href).searchParams.get("h");
  if (!query) return;

  var SPECIAL = { "ς": "σ", "đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th" };
  function fold(text) {
    return text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[ςđðøłæœßþ]/g, function (letter) { return SPECIAL[letter]; });
  }

  var terms = query.split(/[\s+]+/).map(fold).filter(function (term) { return term.length > 1; });
  if (!terms.length) return;

  function foldWithOffsets(text) {
    var folded = "";
    var offsets = [];
    for (var index = 0; index < text.length; index++) {
      var part = fold(text[index]);
      for (var k = 0; k < part.length; k++) offsets.push(index);
      folded += part;
    }
    offsets.push(text.length);
    return { text: folded, offsets: offsets };
  }

  function ranges(text) {
    var folded = foldWithOffsets(text);
    var found = [];
    terms.forEach(function (term) {
      var at = folded.text.indexOf(term);
      while (at !== -1) {
        var wordStart = at === 0 || !/[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/.test(folded.text[at - 1]);
        if (wordStart) found.push([folded.offsets[at], folded.offsets[at + term.length]]);
        at = folded.text.indexOf(term, at + 1);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; }).filter(function (range, i, all) {
      return i === 0 || range[0] >= all[i - 1][1];
    });
  }

  function highlight() {
    var root = document.querySelector("article");
    if (!root) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        return parent && !parent.closest("mark, script, style, .headerlink") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    nodes.forEach(function (textNode) {
      var found = ranges(textNode.nodeValue);
      for (var i = found.length - 1; i >= 0; i--) {
        var match = textNode.splitText(found[i][0]);
        match.splitText(found[i][1] - found[i][0]);
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = match.nodeValue;
        match.replaceWith(mark);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
