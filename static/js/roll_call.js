// Roll call with the keyboard: P, V, A answer for the focused delegation and move on;
// arrow keys (or J/K) move between delegations. Buttons work the same with a mouse.
//
// Marks are sent one at a time, in the order they were given, however fast the chair types.
// A mark that fails for a passing reason (network, a busy server) is tried again; one that
// still fails, or that the server refuses, is shown plainly on its row. Nothing is lost
// silently, and leaving the page while marks are waiting asks first.
(function () {
  var table = document.getElementById("roll-call");
  if (!table || table.dataset.keyboard !== "on") return;
  var queueNote = document.getElementById("roll-call-queue");
  var csrf = (document.querySelector("[name=csrfmiddlewaretoken]") || {}).value;
  var LABELS = { present: "Present", present_voting: "Present and voting", absent: "Absent" };
  var RETRIES = [250, 500, 1000, 2000, 4000];

  function rows() { return Array.prototype.slice.call(table.querySelectorAll("tbody tr[tabindex]")); }
  var wanted = null;  // the row the chair is on, kept across swaps of answered rows
  function focusRow(index) {
    var all = rows();
    if (!all.length) return;
    var row = all[Math.max(0, Math.min(index, all.length - 1))];
    wanted = row.id;
    row.focus();
  }

  var queue = [];
  var busy = false;

  function showQueue() {
    if (!queueNote) return;
    var waiting = queue.length + (busy ? 1 : 0);
    queueNote.textContent = waiting > 1 ? "Saving " + waiting + " answers…" : "";
    table.dataset.pending = String(waiting);
  }

  function setState(row, text, failed) {
    var state = row.querySelector(".save-state");
    if (state) {
      state.textContent = text;
      state.className = "save-state small " + (failed ? "text-danger fw-semibold" : "text-body-secondary");
    }
    row.classList.toggle("mark-failed", !!failed);
  }

  function enqueue(row, status) {
    var form = row.querySelector("form.mark-form");
    if (!form) return;
    setState(row, "Saving: " + (LABELS[status] || status) + "…", false);
    queue.push({ id: row.id, url: form.action, status: status, tries: 0 });
    showQueue();
    pump();
  }

  function swapRow(id, html) {
    var doc = new DOMParser().parseFromString("<table><tbody>" + html + "</tbody></table>", "text/html");
    var fresh = doc.getElementById(id);
    var old = document.getElementById(id);
    if (fresh && old) {
      var hadFocus = document.activeElement === old;
      old.replaceWith(document.importNode(fresh, true));
      if (hadFocus || wanted === id) {
        var row = document.getElementById(id);
        if (wanted === id || !table.contains(document.activeElement)) row.focus();
      }
    }
    var parsed = new DOMParser().parseFromString(html, "text/html");
    ["roll-call-summary", "messages"].forEach(function (part) {
      var incoming = parsed.getElementById(part);
      var current = document.getElementById(part);
      if (incoming && current) {
        incoming.removeAttribute("hx-swap-oob");
        current.replaceWith(document.importNode(incoming, true));
        if (window.htmx) htmx.process(document.getElementById(part));
      }
    });
  }

  function fail(job, message) {
    var row = document.getElementById(job.id);
    if (row) setState(row, "Not saved: " + message, true);
  }

  function pump() {
    if (busy || !queue.length) { showQueue(); return; }
    busy = true;
    var job = queue.shift();
    showQueue();
    var body = new FormData();
    body.append("status", job.status);
    fetch(job.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "HX-Request": "true" },
    }).then(function (response) {
      return response.text().then(function (html) { return { response: response, html: html }; });
    }).then(function (result) {
      var status = result.response.status;
      if (result.response.ok || status === 409) {
        swapRow(job.id, result.html);
        if (status === 409) {
          var msg = document.querySelector("#messages .alert-danger");
          fail(job, msg ? msg.textContent.trim() : "the answer was refused.");
        }
        return "done";
      }
      if (status === 403 || status === 404 || status === 400) {
        fail(job, "refused by the server (" + status + "). Reload the page.");
        return "done";
      }
      throw new Error("HTTP " + status);
    }).catch(function () {
      if (job.tries < RETRIES.length) {
        var wait = RETRIES[job.tries];
        job.tries += 1;
        var row = document.getElementById(job.id);
        if (row) setState(row, "Connection trouble, trying again…", false);
        queue.unshift(job);
        return new Promise(function (resolve) { setTimeout(resolve, wait); });
      }
      fail(job, LABELS[job.status] + " could not be saved. Press the key again.");
    }).then(function () {
      busy = false;
      pump();
    });
  }

  table.addEventListener("submit", function (event) {
    var form = event.target.closest("form.mark-form");
    if (!form) return;
    event.preventDefault();
    var button = event.submitter;
    if (!button || !button.value) return;
    enqueue(form.closest("tr"), button.value);
  });

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
    if (!button || event.target !== row) return;
    event.preventDefault();
    enqueue(row, button.value);
    focusRow(index + 1);
  });

  window.addEventListener("beforeunload", function (event) {
    if (queue.length || busy) { event.preventDefault(); event.returnValue = ""; }
  });

  // Start at the first delegation without an answer.
  var first = rows().find(function (r) { return !r.dataset.status; });
  if (location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) target.focus();
  } else if (first) {
    first.focus();
  }
})();
