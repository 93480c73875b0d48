// Every screen showing a roll call follows it: an answer recorded elsewhere updates its row
// from the message itself (no request to the server); a meeting opened or removed takes a
// page that shows the latest meeting to the new latest one.
(function () {
  var page = document.getElementById("roll-call-page");
  if (!page) return;
  var shown = parseInt(page.dataset.meeting || "0", 10);
  var showsLatest = page.dataset.latest === "yes";
  var LABELS = { present: "Present", present_voting: "Present and voting", absent: "Absent" };
  var BUTTONS = { present: "primary", present_voting: "success", absent: "secondary" };

  function badge(status) {
    var template = document.getElementById("answer-badge-" + status);
    return template ? template.innerHTML : "";
  }

  function update(row, status) {
    var saving = row.querySelector(".save-state");
    if (saving && saving.textContent && !row.classList.contains("mark-failed")) return;
    row.dataset.status = status;
    row.setAttribute("aria-label", row.dataset.delegation + ": " + (LABELS[status] || status));
    row.querySelectorAll(".answer, .answer-inline").forEach(function (cell) {
      cell.innerHTML = badge(status);
    });
    row.querySelectorAll("button[data-key]").forEach(function (button) {
      var colour = BUTTONS[button.value];
      button.classList.toggle("btn-" + colour, button.value === status);
      button.classList.toggle("btn-outline-" + colour, button.value !== status);
    });
  }

  // A page already on its way elsewhere (the chair just sent the new-meeting form) is left
  // to arrive where it was going.
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented && !event.target.hasAttribute("hx-post")) leaving = true;
  });

  document.body.addEventListener("live:roll_call", function (event) {
    var d = event.detail || {};
    // A meeting opened or removed: a page showing the latest meeting moves to the new one.
    if (!leaving && showsLatest && d.latest != null && d.latest !== shown) {
      location.assign(page.dataset.latestUrl);
      return;
    }
    if (d.meeting !== shown || !d.answers) return;
    // The message carries the answers just recorded (all of them after a catch-up).
    Object.keys(d.answers).forEach(function (id) {
      var row = document.getElementById("d" + id);
      if (row && d.answers[id]) update(row, d.answers[id]);
    });
  });
})();
