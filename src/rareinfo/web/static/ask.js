// Disease autocomplete on the ask form: choosing a suggestion fills the hidden disease id;
// typing again clears it (the server then resolves what was typed, or asks to pick one).
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById("disease-suggestions");
    var hidden = document.getElementById("disease-id");
    var items = [], active = -1, timer = null, latest = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function choose(item) { input.value = item.label; hidden.value = item.id; close(); }
    function select(i) {
      for (var k = 0; k < list.children.length; k++) list.children[k].setAttribute("aria-selected", k === i ? "true" : "false");
      active = i;
    }
    function show(results) {
      items = results; list.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (item) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "kind"; kind.textContent = item.id;
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
        list.appendChild(li);
      });
      list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1;
    }
    function fetchNow() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var ticket = ++latest;
      fetch(input.dataset.diseaseAutocomplete + "&limit=8&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (results) { if (ticket === latest) show(results); })
        .catch(close);
    }
    input.addEventListener("input", function () {
      hidden.value = "";
      clearTimeout(timer); timer = setTimeout(fetchNow, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); select(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(items[active]); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector("input[data-disease-autocomplete]");
    if (input) attach(input);
  });
})();
