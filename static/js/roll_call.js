// Roll call with the keyboard: P, V, A answer for the focused delegation and move on;
// arrow keys (or J/K) move between delegations. Buttons work the same with a mouse.
(function () {
  var table = document.getElementById("roll-call");
  if (!table || table.dataset.keyboard !== "on") return;

  function rows() { return Array.prototype.slice.call(table.querySelectorAll("tbody tr[tabindex]")); }
  var wanted = null;  // the row the chair is on, kept across swaps of the answered row
  function focusRow(index) {
    var all = rows();
    if (!all.length) return;
    var row = all[Math.max(0, Math.min(index, all.length - 1))];
    wanted = row.id;
    row.focus();
  }

  table.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var row = event.target.closest("tr[tabindex]");
    if (!row) return;
    var index = rows().indexOf(row);
    var key = event.key.toLowerCase();
    if (key === "arrowdown" || key === "j") { event.preventDefault(); focusRow(index + 1); return; }
    if (key === "arrowup" || key === "k") { event.preventDefault(); focusRow(index - 1); return; }
    if (key === "home") { event.preventDefault(); focusRow(0); return; }
    if (key === "end") { event.preventDefault(); focusRow(rows().length - 1); return; }
    var button = row.querySelector('button[data-key="' + key + '"]');
    if (!button) return;
    event.preventDefault();
    button.click();
    focusRow(index + 1);
  });

  // After an answered row is swapped in (the last row answers onto itself), keep focus
  // where the chair is.
  document.body.addEventListener("htmx:afterSettle", function () {
    if (wanted && !table.contains(document.activeElement)) {
      var row = document.getElementById(wanted);
      if (row) row.focus();
    }
  });

  // Start at the first delegation without an answer.
  var first = rows().find(function (r) { return !r.dataset.status; });
  if (first && !location.hash) first.focus();
  else if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) target.focus();
  }
})();
