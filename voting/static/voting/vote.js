// The vote screen, the projector and the delegates' view follow a vote from the messages the
// committee's socket brings: each carries the vote's new state and its sequence number (and
// the answer just recorded), so a screen never fetches anything per answer. A message older
// than what the page holds is ignored; after a gap, or on (re)connecting, the page fetches the
// full state once. The chair's keys (Y, N, A, P, U) post with fetch() and apply the answer.
(function () {
  var root = document.getElementById("vote");
  if (!root) return;
  var script = document.getElementById("vote-state");
  var state = script ? JSON.parse(script.textContent) : null;
  var role = root.dataset.role || "watch";
  var follow = root.dataset.follow === "current";
  var own = root.dataset.own ? parseInt(root.dataset.own, 10) : null;
  var LABELS = { yes: "Yes", no: "No", abstain: "Abstain", pass: "Pass" };

  function $(sel) { return root.querySelector(sel); }
  function all(sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function setText(key, value) {
    all('[data-v="' + key + '"]').forEach(function (el) { el.textContent = value == null ? "" : value; });
  }
  // Long names ("United States of America", "United Kingdom of …") in smaller type, so
  // the projector's tally stays on the screen (voting.css).
  function nameLength(name) {
    return name.length > 40 ? "longer" : name.length > 14 ? "long" : "";
  }
  function show(attr, visible) {
    all("[" + attr + "]").forEach(function (el) { el.hidden = !visible; });
  }

  function renderRows() {
    var table = $("#ballots tbody");
    if (!table || !state.order) return;
    var rows = table.querySelectorAll("tr");
    var same = rows.length === state.order.length;
    for (var i = 0; same && i < rows.length; i++) {
      if (parseInt(rows[i].dataset.delegation, 10) !== state.order[i].delegation) same = false;
    }
    if (!same) {
      table.innerHTML = "";
      state.order.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.dataset.delegation = row.delegation;
        tr.innerHTML = "<td></td><td class=\"answer\"></td>";
        tr.firstChild.textContent = row.name;
        if (own === row.delegation) tr.className = "own";
        table.appendChild(tr);
      });
      rows = table.querySelectorAll("tr");
    }
    var calling = state.calling ? state.calling.delegation : null;
    state.order.forEach(function (row, i) {
      var tr = rows[i];
      tr.dataset.answer = row.answer;
      tr.querySelector(".answer").textContent = row.display + (row.passed ? " (after passing)" : "");
      if (row.delegation === calling) tr.setAttribute("aria-current", "true");
      else tr.removeAttribute("aria-current");
    });
  }

  function render() {
    root.dataset.seq = state.seq;
    root.dataset.vote = state.vote;
    root.dataset.status = state.status;
    ["subject", "method_label", "kind_label", "majority_label", "status_label", "drawn", "answered",
      "expected", "result", "reason", "resolution"]
      .forEach(function (key) { setText(key, state[key]); });
    show("data-v-objection", !!state.objection);
    setText("expected_label", state.method === "roll_call" ? "called have answered" : "entitled to vote");
    // Who passed is still to answer yes or no: "33 of 33 called have answered; 1 passed, …".
    var again = state.method === "roll_call" && state.status === "open" && state.pass > 0;
    show("data-v-again", again);
    if (again) setText("again", state.pass + " passed, to be called again");
    var expected = Math.max(state.expected, 1);
    ["yes", "no", "abstain", "pass"].forEach(function (key) {
      setText(key, state[key]);
      all('[data-bar="' + key + '"]').forEach(function (bar) {
        bar.style.width = (100 * state[key] / expected).toFixed(1) + "%";
      });
    });
    // Passes count only while the roll is called: every pass answers again before the count.
    all('.tally-row[data-answer="pass"]').forEach(function (el) {
      el.hidden = state.method !== "roll_call" || state.status !== "open";
    });
    all('.tally-row[data-answer="abstain"]').forEach(function (el) { el.hidden = state.kind === "procedural"; });
    show("data-v-drawn", !!state.drawn);
    show("data-v-calling", !!state.calling);
    show("data-v-ballots", state.method === "roll_call");
    show("data-v-waiting", state.method === "without_vote" && state.status !== "announced");
    if (state.calling) {
      setText("calling", state.calling.name);
      all('[data-v="calling"]').forEach(function (el) { el.dataset.length = nameLength(state.calling.name); });
      setText("calling_label", state.calling.again ? "Called again (passed: yes or no)" : "Now calling");
    }
    var announced = state.status === "announced";
    show("data-v-result", announced);
    show("data-v-resolution", !!state.resolution);
    var result = root.querySelector("[data-v-result]");
    if (result) {
      result.classList.toggle("result-adopted", announced && state.adopted === true);
      result.classList.toggle("result-failed", announced && state.adopted === false);
    }
    setText("outcome", !announced ? "" : state.adopted ? "Adopted" : "Not adopted");
    var input = root.querySelector("[data-v-calling-id]");
    if (input) input.value = state.calling ? state.calling.delegation : "";
    all("#ballot-form button").forEach(function (button) {
      var limited = button.value === "abstain" || button.value === "pass";
      button.disabled = !state.calling || (limited && state.calling.again);
    });
    // An amendment put to the vote: what it does (its diff only on the page that loaded it).
    var changes = state.changes || [];
    show("data-v-amendment", changes.length > 0);
    all("[data-v-changes]").forEach(function (list) {
      list.textContent = "";
      changes.forEach(function (change) {
        var li = document.createElement("li");
        li.textContent = change;
        list.appendChild(li);
      });
    });
    all("[data-v-amendment-of]").forEach(function (el) {
      el.hidden = String(state.vote) !== el.dataset.vAmendmentOf;
      // Its outcome once announced (the status it had when the page loaded until then).
      var status = el.querySelector("[data-v-amendment-status]");
      if (status && !el.hidden && announced) {
        status.textContent = state.adopted ? status.dataset.adopted : status.dataset.failed;
      }
    });
    var verify = root.querySelector("#verify-form button");
    if (verify) verify.disabled = !!state.calling;
    renderRows();
  }

  // A message or a response: ``data`` is {state, ballot?}.
  function apply(data) {
    var next = data.state;
    if (!next) return;
    if (!state || next.vote !== state.vote) {
      if (!follow && state) return;  // this page shows one vote only
      if (role === "dais" || !state) { location.reload(); return; }
      // A new vote: its state is complete unless it is a roll call whose rows are missing.
      if (next.order || next.method !== "roll_call") { state = next; render(); } else { fetchState(); }
      return;
    }
    if (next.seq <= state.seq) return;  // already shown (or older)
    var gap = next.seq > state.seq + 1 && !next.order;
    if (role === "dais" && (next.method !== state.method || next.status !== state.status)) {
      location.reload();  // the chair's controls change: a new step of the vote
      return;
    }
    if (!next.order) {
      next.order = state.order;
      if (data.ballot && next.order) {
        next.order = next.order.map(function (row) {
          return row.delegation === data.ballot.delegation
            ? Object.assign({}, row, data.ballot, { name: row.name }) : row;
        });
      }
    }
    if (data.ballot) {
      setText("last", data.ballot.answer ? data.ballot.name + ": " + data.ballot.display : "");
    }
    state = next;
    render();
    if (gap) fetchState();
  }

  var fetching = false;
  function fetchState() {
    if (fetching) return;
    fetching = true;
    fetch(root.dataset.stateUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (full) {
        fetching = false;
        if (!full) return;
        if (!state) { location.reload(); return; }
        if (full.vote !== state.vote) {
          if (role === "dais") { location.reload(); return; }
          state = full;
          render();
          return;
        }
        if (full.seq >= state.seq) {
          if (role === "dais" && (full.method !== state.method || full.status !== state.status)) {
            location.reload();
            return;
          }
          state = full;
          render();
        }
      })
      .catch(function () { fetching = false; });
  }

  document.body.addEventListener("live:vote", function (event) { apply(event.detail); });
  document.body.addEventListener("live:resync", function () { if (state || follow) fetchState(); });

  // The chair's screen ------------------------------------------------------------------
  function csrf(form) { return form.querySelector("[name=csrfmiddlewaretoken]").value; }
  function showError(text) {
    var box = document.getElementById("messages");
    if (!box) return;
    var alert = document.createElement("div");
    alert.className = "alert alert-danger alert-dismissible";
    alert.setAttribute("role", "alert");
    alert.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("data-bs-dismiss", "alert");
    close.setAttribute("aria-label", "Close");
    alert.appendChild(close);
    box.innerHTML = "";
    box.appendChild(alert);
  }
  // Keys typed faster than the server answers wait in a queue and go one at a time: each
  // request is built when it leaves, once the previous answer's new state is on the page, so
  // it names the delegation being called then (the form's hidden field). Sending them at once
  // would name the same delegation twice, or one the screen had not caught up with yet.
  var queue = [];
  var sending = false;
  function send(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrf(form) },
    }).then(function (r) {
      return r.json().then(function (data) {
        if (data.error) {
          var dropped = queue.map(keyName);
          queue = [];
          showError(data.error + (dropped.length ? " " + (dropped.length === 1
            ? "The key pressed after it was not sent (" + dropped[0] + "): press it again."
            : "The keys pressed after it were not sent (" + dropped.join(", ") + "): press them again.") : ""));
        } else if (!queue.length) {
          var box = document.getElementById("messages");
          if (box) box.innerHTML = "";
        }
        apply(data);
      });
    });
  }
  function pump() {
    if (sending || !queue.length) return;
    var next = queue.shift();
    sending = true;
    root.dataset.waiting = queue.length;
    send(next.form, next.submitter)
      .catch(function () {
        var lost = [next].concat(queue).map(keyName);
        queue = [];
        showError("Not sent: the server could not be reached (" + lost.join(", ") +
          "). Check the connection and press " + (lost.length === 1 ? "the key" : "the keys") + " again.");
      })
      .then(function () {
        sending = false;
        root.dataset.waiting = queue.length;
        pump();
      });
  }
  // How the chair pressed an entry of the queue: "Y", "Shift+N", "U".
  function keyName(entry) {
    if (entry.form.id === "undo-form") return "U";
    var key = entry.submitter && entry.submitter.dataset.key;
    if (!key) return entry.submitter ? entry.submitter.textContent.trim() : "?";
    return key !== key.toLowerCase() ? "Shift+" + key : key.toUpperCase();
  }
  function post(form, submitter) {
    queue.push({ form: form, submitter: submitter });
    pump();
  }
  ["ballot-form", "undo-form"].forEach(function (id) {
    var form = document.getElementById(id);
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post(form, event.submitter);
    });
  });
  function dialogOpen() {
    return !!document.querySelector("dialog[open], .modal.show, [aria-modal=\"true\"]");
  }
  if (role === "dais") {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (dialogOpen()) return;  // the keys belong to the question asked
      var target = event.target;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
      var key = event.key.length === 1 ? event.key : "";
      if (!key) return;
      var lower = key.toLowerCase();
      if (lower === "u") {
        var undo = document.getElementById("undo-form");
        if (undo) { event.preventDefault(); post(undo, null); }
        return;
      }
      var form = document.getElementById("ballot-form");
      if (!form) return;
      var button = form.querySelector('button[data-key="' + (event.shiftKey ? key.toUpperCase() : lower) + '"]');
      if (!button) {
        if (lower === "a" && !event.shiftKey) {
          event.preventDefault();
          showError("Nobody abstains on a procedural vote: answer yes (Y) or no (N).");
        }
        return;
      }
      event.preventDefault();
      if (button.disabled && !queue.length && !sending) {
        if (state && state.calling && state.calling.again) {
          showError(state.calling.name + " passed; called again, it must answer yes (Y) or no (N).");
        } else if (state && !state.calling) {
          showError("Every delegation has answered: verify the count, or undo the last entry (U).");
        }
        return;
      }
      post(form, button);
    });
  }
  if (state) render();
})();
