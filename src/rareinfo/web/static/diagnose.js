// "Check symptoms": pick symptoms from an autocomplete into chips that can be switched
// between present and absent; the form submits them as present=/absent= parameters.
(function () {
  "use strict";
  function chip(list, item) {
    if (list.querySelector('li[data-id="' + item.id + '"]')) return;
    var li = document.createElement("li");
    li.className = "chip chip-present"; li.dataset.id = item.id; li.dataset.state = "present";
    var hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "present"; hidden.value = item.id;
    var name = document.createElement("span"); name.className = "chip-name"; name.textContent = item.label;
    var id = document.createElement("span"); id.className = "hpo-id"; id.textContent = item.id;
    var toggle = document.createElement("button"); toggle.type = "button"; toggle.className = "chip-toggle"; toggle.textContent = "has it";
    var remove = document.createElement("button"); remove.type = "button"; remove.className = "chip-remove"; remove.textContent = "×";
    remove.setAttribute("aria-label", "Remove " + item.label);
    li.append(hidden, name, " ", id, " ", toggle, " ", remove);
    list.appendChild(li);
  }
  function wire(list) {
    list.addEventListener("click", function (e) {
      var li = e.target.closest("li.chip");
      if (!li) return;
      if (e.target.classList.contains("chip-remove")) { li.remove(); return; }
      if (e.target.classList.contains("chip-toggle")) {
        var absent = li.dataset.state === "present";
        li.dataset.state = absent ? "absent" : "present";
        li.className = "chip chip-" + li.dataset.state;
        li.querySelector("input").name = absent ? "absent" : "present";
        e.target.textContent = absent ? "does not have it" : "has it";
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector("input[data-symptom-autocomplete]");
    var list = document.getElementById("chips");
    var box = document.getElementById("symptom-suggestions");
    if (!input || !list || !box) return;
    wire(list);
    var items = [], active = -1, timer = null, latest = 0;
    function close() { box.hidden = true; active = -1; }
    function pick(item) { chip(list, item); input.value = ""; close(); input.focus(); }
    function show(results) {
      items = results; box.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (item) {
        var li = document.createElement("li");
        li.setAttribute("role", "option"); li.dataset.id = item.id; li.textContent = item.label;
        var kind = document.createElement("span"); kind.className = "kind";
        kind.textContent = item.id + (item.matched && item.matched !== item.label ? " · “" + item.matched + "”" : "");
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(item); });
        box.appendChild(li);
      });
      box.hidden = false; active = -1;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2) { close(); return; }
        var ticket = ++latest;
        fetch(input.dataset.symptomAutocomplete + "&limit=8&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (r) { if (ticket === latest) show(r); })
          .catch(close);
      }, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        if (!box.hidden && items.length) pick(items[Math.max(active, 0)]);
        return;
      }
      if (box.hidden) return;
      var nodes = box.children;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        active = e.key === "ArrowDown" ? Math.min(active + 1, items.length - 1) : Math.max(active - 1, 0);
        for (var k = 0; k < nodes.length; k++) nodes[k].setAttribute("aria-selected", k === active ? "true" : "false");
      } else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  });
})();
