// Staff console: insert links into the knowledge base (disease pages, their clinical trials
// and treatments, symptom pages) into the answer, found with the search API. No inline
// scripts anywhere: the pages' Content-Security-Policy forbids them.
(function () {
  "use strict";
  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart, end = textarea.selectionEnd, value = textarea.value;
    var before = value.slice(0, start), after = value.slice(end);
    var pad = before && !/\s$/.test(before) ? " " : "";
    textarea.value = before + pad + text + after;
    var caret = before.length + pad.length + text.length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function linksFor(item, base) {
    var id = encodeURI(item.id);
    if (item.kind !== "disease") {
      return [["Symptom page", item.label, base + "/phenotypes/" + id]];
    }
    return [
      ["Disease page", item.label, base + "/diseases/" + id],
      ["Clinical trials", "Clinical trials for " + item.label, base + "/diseases/" + id + "/trials"],
      ["Treatments", "Treatments for " + item.label, base + "/diseases/" + id + "#treatments"]
    ];
  }
  function attach(box) {
    var input = box.querySelector("input[type=search]");
    var list = box.querySelector(".kb-results");
    var answer = document.getElementById("answer");
    if (!input || !list || !answer) return;
    var base = box.dataset.base || "", endpoint = box.dataset.search;
    var timer = null, latest = 0;
    function show(results) {
      list.textContent = "";
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "none"; none.textContent = "Nothing found.";
        list.appendChild(none);
        return;
      }
      results.forEach(function (item) {
        var li = document.createElement("li");
        var name = document.createElement("span");
        name.className = "kb-name"; name.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "kind"; kind.textContent = " " + item.id + " ";
        li.appendChild(name); li.appendChild(kind);
        linksFor(item, base).forEach(function (link) {
          var button = document.createElement("button");
          button.type = "button"; button.className = "kb-insert";
          button.textContent = link[0];
          button.dataset.markup = "[" + link[1].replace(/[\[\]]/g, "") + "](" + link[2] + ")";
          button.addEventListener("click", function () { insertAtCursor(answer, button.dataset.markup); });
          li.appendChild(button);
        });
        list.appendChild(li);
      });
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2) { list.textContent = ""; return; }
      var ticket = ++latest;
      fetch(endpoint + "?limit=8&q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (body) { if (ticket === latest) show(body.results || []); })
        .catch(function () { if (ticket === latest) list.textContent = ""; });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); clearTimeout(timer); search(); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".kb-links[data-search]").forEach(attach);
  });
})();
