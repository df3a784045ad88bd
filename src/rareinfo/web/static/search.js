// Autocomplete for every search box that has data-autocomplete: keyboard and mouse,
// debounced, and the latest answer wins even when responses arrive out of order.
(function () {
  "use strict";
  function pageUrl(item) { return item.url; }
  function attach(input) {
    var form = input.form;
    var list = form.querySelector(".suggestions");
    if (!list) {
      list = document.createElement("ul");
      list.className = "suggestions"; list.setAttribute("role", "listbox"); list.hidden = true;
      list.id = input.id + "-suggestions";
      form.appendChild(list);
    }
    var items = [], active = -1, timer = null, latest = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function select(i) {
      var nodes = list.children;
      for (var k = 0; k < nodes.length; k++) nodes[k].setAttribute("aria-selected", k === i ? "true" : "false");
      active = i;
    }
    function show(results) {
      items = results; list.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option"); li.dataset.id = item.id;
        li.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = (item.kind === "disease" ? "Disease" : "Symptom") + " · " + item.id +
          (item.matched && item.matched !== item.label ? " · “" + item.matched + "”" : "");
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location = pageUrl(item); });
        list.appendChild(li);
      });
      list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1;
    }
    function fetchNow() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var ticket = ++latest;
      fetch(input.dataset.autocomplete + "?limit=8&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (results) { if (ticket === latest) show(results); })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchNow, 120); });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); select(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location = pageUrl(items[active]); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-autocomplete]").forEach(attach);
  });
})();
