// The live floor. Timers are computed from the server's start + duration: each state carries
// the server's clock ("now", ms), so a screen counts from (its clock + offset) and a reload
// never resets a timer. The floor page and the projector both draw the state each "floor"
// message carries (no request per change); the projector also shows the vote under way from
// the vote's own messages.
(function () {
  function fmt(seconds) {
    var sign = seconds < 0 ? "+" : "";
    seconds = Math.abs(seconds);
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return sign + m + ":" + (s < 10 ? "0" : "") + s;
  }
  // Seconds left until ``ends`` (server ms), rounded up so "0:00" means the time is up.
  function left(ends, offset) {
    return Math.ceil((ends - (Date.now() + offset)) / 1000);
  }
  function showTimer(el, ends, offset, overtime, done) {
    var s = left(ends, offset);
    if (s <= 0 && done) { el.textContent = done; el.classList.add("done"); return; }
    if (s < 0 && !overtime) s = 0;
    el.textContent = fmt(s);
    el.classList.toggle("overtime", s < 0);
  }

  // The floor page -----------------------------------------------------------------------
  // The server draws the panel on load (partials/floor_panel.html); each "floor" message
  // carries the whole state and its sequence number, and the panel is drawn again from it
  // here, the same way, without a request. A gap in the numbers (a message missed) or a
  // reconnection fetches the state once.
  var live = document.getElementById("floor-live");
  if (live) (function () {
    var page = JSON.parse(document.getElementById("floor-page").textContent);
    var current = JSON.parse(document.getElementById("floor-state").textContent);
    var offset = current.now - Date.now();
    var tick = function () {
      live.querySelectorAll("[data-timer]").forEach(function (el) {
        showTimer(el, parseInt(el.dataset.ends, 10), offset, !!el.dataset.overtime, el.dataset.done);
      });
    };
    var draw = function (state) {
      // Keep what is being typed (vote counts, a question time) and where the focus is.
      var kept = {}, focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.id : null;
      live.querySelectorAll("input[id], select[id]").forEach(function (el) { kept[el.id] = el.value; });
      var panel = renderPanel(state, page);
      live.replaceChildren(panel);
      Object.keys(kept).forEach(function (id) {
        var el = document.getElementById(id);
        if (el && live.contains(el) && (el.tagName === "INPUT" || Array.prototype.some.call(el.options, function (o) { return o.value === kept[id]; }))) el.value = kept[id];
      });
      if (focused) { var el = document.getElementById(focused); if (el && live.contains(el)) el.focus(); }
      tick();
    };
    var take = function (state) {
      if (!state || state.seq < current.seq) return;  // older than what is shown
      current = state;
      offset = state.now - Date.now();
      draw(state);
    };
    var fetching = false;
    var fetchState = function () {
      if (fetching) return;
      fetching = true;
      fetch(page.state_url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { fetching = false; if (data) take(data.state); })
        .catch(function () { fetching = false; });
    };
    document.body.addEventListener("live:floor", function (event) {
      var state = event.detail && event.detail.state;
      if (!state || state.seq <= current.seq) return;
      if (state.seq > current.seq + 1) { fetchState(); return; }  // a message was missed
      take(state);
    });
    document.body.addEventListener("live:resync", fetchState);  // after live.js caught up
    // A topic opened or closed, voting procedure begun or ended: the floor's own state changed
    // from outside it (rare: a request per screen then).
    document.body.addEventListener("live:agenda", fetchState);
    document.body.addEventListener("live:procedure", fetchState);
    tick();
    setInterval(tick, 250);
    // The chair's keyboard shortcuts: one key per button (its data-key), never while typing
    // in a field or with a modifier. Y goes to the "yield to" list; Enter there yields.
    if (page.can_run) {
      var sent = false;
      document.addEventListener("keydown", function (event) {
        if (sent || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
        var key = (event.key || "").toLowerCase();
        if (key === "y" || key === "v") {
          var field = key === "y" ? document.getElementById("id_yield_delegation")
            : live.querySelector(".motion-vote-form input[name=yes]");
          if (field) { event.preventDefault(); field.focus(); }
          return;
        }
        var button = key.length === 1 ? live.querySelector('button[data-key="' + key + '"]') : null;
        if (button) {
          // One key sends one form; if the page stays (a field the browser refused), the
          // keys work again after a moment.
          event.preventDefault();
          sent = true;
          button.click();
          setTimeout(function () { sent = false; }, 1500);
        }
      });
      live.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.target.id !== "id_yield_delegation") return;
        var yieldButton = live.querySelector('button[data-key="y"]');
        if (yieldButton) { event.preventDefault(); yieldButton.click(); }
      });
    }
    var kind = document.getElementById("id_kind");
    var fields = function () {
      document.querySelectorAll(".motion-field").forEach(function (el) {
        el.classList.toggle("shown", el.dataset.for === kind.value);
      });
    };
    if (kind) { kind.addEventListener("change", fields); fields(); }
  })();

  // Drawing the panel: the same markup as partials/floor_panel.html.
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "class") el.className = value;
      else if (key === "text") el.textContent = value;
      else el.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }
  function url(page, name, id) {
    var u = page.urls[name];
    return id === undefined ? u : u.replace("/0/", "/" + id + "/");
  }
  function form(page, action, attrs, children) {
    var a = Object.assign({ method: "post", action: action }, attrs || {});
    return h("form", a, [h("input", { type: "hidden", name: "csrfmiddlewaretoken", value: page.csrf })].concat(children));
  }
  function heading(text) { return h("h2", { class: "h6 text-uppercase text-body-secondary", text: text }); }
  function renderPanel(state, page) {
    var run = page.can_run, own = page.own;
    var parts = [];
    if (state.suspension) {
      parts.push(h("section", { class: "card mb-3 border-warning suspension", id: "suspension" }, [h("div", { class: "card-body text-center" }, [
        h("div", { class: "text-uppercase small text-body-secondary", text: "Meeting suspended for " + state.suspension.minutes + " minutes" }),
        h("div", { class: "display-3 fw-bold timer", "data-timer": true, "data-ends": state.suspension.ends, "data-done": "Suspension over", text: state.suspension.remaining }),
        h("div", { class: "small text-body-secondary", text: "The speakers list waits until the meeting resumes." }),
        run && form(page, url(page, "suspension_end"), { class: "mt-2" }, [
          h("button", { class: "btn btn-outline-secondary", type: "submit", "data-key": "r", text: "Resume the meeting now" })]),
      ])]));
    }
    if (state.adjourned) parts.push(h("div", { class: "alert alert-secondary", text: "The meeting is adjourned." }));
    parts.push(renderSpeech(state, page));
    parts.push(renderSpeakers(state, page, run, own));
    parts.push(renderMotions(state, page, run, own));
    if (state.history.length) {
      parts.push(h("section", { class: "card mb-3", id: "history" }, [h("div", { class: "card-body" }, [
        heading(state.history_topic ? "Time spoken on topic " + state.history_topic.number + " (closed)" : "Time spoken on this topic"),
        h("table", { class: "table table-sm mb-0" }, [
          h("thead", {}, [h("tr", {}, [h("th", { text: "Delegation" }), h("th", { class: "text-end", text: "Speeches" }), h("th", { class: "text-end", text: "Time" })])]),
          h("tbody", {}, state.history.map(function (row) {
            return h("tr", {}, [h("td", { text: row.name }), h("td", { class: "text-end", text: String(row.speeches) }), h("td", { class: "text-end", "data-seconds": row.seconds, text: row.time })]);
          })),
        ]),
      ])]));
    }
    return h("div", { class: "floor-panel", "data-now": state.now, "data-seq": state.seq }, parts);
  }
  function renderSpeech(state, page) {
    var c = state.current, run = page.can_run;
    var body = [h("div", { class: "d-flex justify-content-between flex-wrap gap-1" }, [
      h("h2", { class: "h6 text-uppercase text-body-secondary mb-1", text: state.topic ? "Topic " + state.topic.number + ": " + state.topic.title : "No topic is open" }),
      h("span", { class: "small text-body-secondary" }, ["Speaking time ", h("strong", { id: "speaking-time", text: state.speaking_time_label })]),
    ])];
    if (c) {
      if (c.questions) body.push(h("div", { class: "text-uppercase small fw-semibold text-warning-emphasis", id: "questions-label", text: "Questions to" }));
      body.push(h("div", { class: "speaker-now", id: "speaker-now", text: c.name }));
      if (c.questions) body.push(h("div", { class: "small text-body-secondary", text: "After its speech, which yielded to questions" }));
      else if (c.yielded_from) body.push(h("div", { class: "small text-body-secondary", text: "Time yielded by " + c.yielded_from }));
      body.push(h("div", { class: "display-4 fw-bold timer", id: "speech-timer", "data-timer": true, "data-ends": c.ends, "data-overtime": "1", text: c.remaining }));
      if (run) {
        var buttons;
        if (c.questions) {
          buttons = [h("button", { class: "btn btn-primary", name: "yield_to", value: "", type: "submit", "data-key": "e", text: "End the questions" })];
        } else {
          buttons = [
            h("button", { class: "btn btn-primary", name: "yield_to", value: "", type: "submit", "data-key": "e", text: "End the speech" }),
            h("button", { class: "btn btn-outline-primary", name: "yield_to", value: "dais", type: "submit", "data-key": "d", text: "Yield to the dais" }),
            h("span", { class: "input-group w-auto" }, [
              h("button", { class: "btn btn-outline-primary", name: "yield_to", value: "questions", type: "submit", "data-key": "q", text: "Yield to questions" }),
              h("label", { class: "visually-hidden", for: "id_question_seconds", text: "Question time in seconds (empty: the time left)" }),
              h("input", { class: "form-control question-time", type: "number", name: "question_seconds", id: "id_question_seconds", min: "5", max: "3600", inputmode: "numeric", placeholder: "time left", title: "Question time in seconds (empty: the time left)" }),
            ]),
            h("span", { class: "input-group w-auto" }, [
              h("label", { class: "visually-hidden", for: "id_yield_delegation", text: "Yield to" }),
              h("select", { class: "form-select", name: "delegation", id: "id_yield_delegation" }, page.delegations.filter(function (d) { return d.id !== c.delegation; }).map(function (d) {
                return h("option", { value: d.id, text: d.name });
              })),
              h("button", { class: "btn btn-outline-primary", name: "yield_to", value: "delegation", type: "submit", "data-key": "y", text: "Yield to delegation" }),
            ]),
          ];
        }
        body.push(form(page, url(page, "speech_end"), { class: "d-flex flex-wrap gap-2 mt-2", id: "end-form" }, buttons));
      }
    } else {
      body.push(h("div", { class: "speaker-now text-body-secondary", id: "speaker-now", text: "Nobody has the floor" }));
    }
    if (run && !c && state.waiting.length && !state.debate_closed) {
      body.push(form(page, url(page, "speaker_next"), { class: "mt-2" }, [
        h("button", { class: "btn btn-success btn-lg", type: "submit", "data-key": "n", text: "Next speaker: " + state.waiting[0].name })]));
    }
    return h("section", { class: "card mb-3", id: "current-speech" }, [h("div", { class: "card-body" }, body)]);
  }
  function renderSpeakers(state, page, run, own) {
    var head = [h("h2", { class: "h6 text-uppercase text-body-secondary mb-0", text: "Speakers list" })];
    if (own && state.topic) {
      var mine = state.waiting.filter(function (w) { return w.delegation === own.id; })[0];
      if (mine) {
        head.push(form(page, url(page, "speaker_withdraw", mine.id), {}, [h("button", { class: "btn btn-outline-secondary", type: "submit", text: "Leave the speakers list" })]));
      } else if (!state.debate_closed) {
        head.push(form(page, url(page, "speaker_add"), {}, [h("button", { class: "btn btn-primary btn-lg", type: "submit", id: "join-list", text: "Join the speakers list" })]));
      }
    }
    var items = state.waiting.map(function (w) {
      return h("li", { class: "list-group-item d-flex justify-content-between align-items-center" + (own && w.delegation === own.id ? " list-group-item-info" : ""), "data-delegation": w.delegation }, [
        h("span", { class: "ms-2 me-auto", text: w.name }),
        run && form(page, url(page, "speaker_withdraw", w.id), {}, [h("button", { class: "btn btn-sm btn-link", type: "submit", "aria-label": "Take " + w.name + " off the list", text: "Remove" })]),
      ]);
    });
    return h("section", { class: "card mb-3", id: "speakers" }, [h("div", { class: "card-body" }, [
      h("div", { class: "d-flex justify-content-between align-items-center flex-wrap gap-2 mb-2" }, head),
      state.debate_closed && h("p", { class: "alert alert-secondary py-2 mb-2", id: "debate-closed", text: state.debate_closed }),
      h("ol", { class: "list-group list-group-numbered", id: "waiting" }, items),
      !state.waiting.length && h("p", { class: "text-body-secondary mb-0", id: "nobody-waiting", text: "Nobody is waiting to speak." }),
    ])]);
  }
  function renderMotions(state, page, run, own) {
    var body = [heading("Motions pending, in order of precedence")];
    var items = state.motions.map(function (m, i) {
      var parts = [
        h("div", { class: "fw-semibold", text: m.subject }),
        h("div", { class: "small text-body-secondary", text: m.delegation ? "Moved by " + m.delegation : "Entered by the chair" }),
      ];
      if (run) {
        if (i === 0) {
          parts.push(form(page, url(page, "motion_vote", m.id), { class: "row g-2 align-items-end mt-1 motion-vote-form" }, [
            h("div", { class: "col-4" }, [h("label", { class: "form-label small mb-0", for: "yes-" + m.id, text: "In favor" }), h("input", { class: "form-control", type: "text", inputmode: "numeric", pattern: "[0-9]*", title: "A whole number", autocomplete: "off", name: "yes", id: "yes-" + m.id, required: true })]),
            h("div", { class: "col-4" }, [h("label", { class: "form-label small mb-0", for: "no-" + m.id, text: "Against" }), h("input", { class: "form-control", type: "text", inputmode: "numeric", pattern: "[0-9]*", title: "A whole number", autocomplete: "off", name: "no", id: "no-" + m.id, required: true })]),
            h("div", { class: "col-4" }, [h("button", { class: "btn btn-primary w-100", type: "submit", text: "Record the vote" })]),
          ]));
        } else {
          parts.push(h("div", { class: "small text-body-secondary", text: "Waits for the motions above it." }));
        }
      }
      if ((own && m.delegation_id === own.id) || run) {
        parts.push(form(page, url(page, "motion_withdraw", m.id), { class: "mt-1" }, [h("button", { class: "btn btn-sm btn-link p-0", type: "submit", text: "Withdraw" })]));
      }
      return h("li", { class: "list-group-item", "data-motion": m.id }, parts);
    });
    if (!items.length) items.push(h("li", { class: "list-group-item text-body-secondary", text: "No motion is pending." }));
    body.push(h("ol", { class: "list-group", id: "pending-motions" }, items));
    return h("section", { class: "card mb-3", id: "motions" }, [h("div", { class: "card-body" }, body)]);
  }

  // The projector --------------------------------------------------------------------------
  var root = document.getElementById("projector");
  if (!root) return;
  var state = JSON.parse(document.getElementById("floor-state").textContent);
  var vote = JSON.parse(document.getElementById("floor-vote").textContent);
  var offset = state.now - Date.now();
  function f(key) { return root.querySelector('[data-f="' + key + '"]'); }
  function text(key, value) { var el = f(key); if (el) el.textContent = value == null ? "" : value; }
  function list(key, items) {
    var el = f(key);
    root.querySelector('[data-f-none="' + key + '"]').hidden = items.length > 0;
    el.innerHTML = "";
    items.forEach(function (item) { var li = document.createElement("li"); li.textContent = item; el.appendChild(li); });
  }
  function render() {
    text("topic", state.topic ? "Topic " + state.topic.number + ": " + state.topic.title : "No topic open");
    text("speech_label", state.current && state.current.questions ? "Questions to" : "Speaking now");
    text("speaker", state.current ? state.current.name : "No speaker");
    var name = state.current ? state.current.name : "";
    f("speaker").dataset.length = name.length > 40 ? "longer" : name.length > 14 ? "long" : "";
    f("speaker").classList.toggle("fp-nobody", !state.current);
    text("speaking_time", state.speaking_time_label);
    list("next", state.waiting.slice(0, 6).map(function (w) { return w.name; }));
    list("motions", state.motions.slice(0, 4).map(function (m) { return m.subject; }));
    var suspended = !!state.suspension;
    root.querySelector("[data-f-suspension]").hidden = !suspended;
    document.body.classList.toggle("suspended", suspended);
    if (suspended) text("suspension_minutes", " for " + state.suspension.minutes + " minutes");
    var box = root.querySelector("[data-f-vote]");
    box.hidden = !vote;
    if (vote) {
      text("vote_subject", vote.subject);
      text("vote_yes", vote.yes);
      text("vote_no", vote.no);
      text("vote_abstain", vote.abstain);
      root.querySelector("[data-f-abstain]").hidden = vote.kind === "procedural";
      // Bars against the delegations entitled to vote (or the votes cast, if more).
      var counts = { yes: vote.yes || 0, no: vote.no || 0, abstain: vote.kind === "procedural" ? 0 : vote.abstain || 0 };
      var scale = Math.max(vote.expected || 0, counts.yes + counts.no + counts.abstain, 1);
      root.querySelectorAll("[data-bar]").forEach(function (bar) {
        bar.style.width = (100 * counts[bar.dataset.bar] / scale).toFixed(1) + "%";
      });
      text("vote_result", vote.status === "announced"
        ? (vote.adopted ? "Adopted" : "Not adopted") + ": " + vote.result : vote.status_label);
    }
    root.dataset.seq = state.seq;
    tick();
  }
  function tick() {
    var timer = f("speech_timer");
    if (state.current) showTimer(timer, state.current.ends, offset, true, null);
    else timer.textContent = "";
    if (state.suspension) showTimer(f("suspension_timer"), state.suspension.ends, offset, false, "Suspension over");
  }
  function take(next) {
    if (!next || next.seq < state.seq) return;  // older than what is shown
    state = next;
    offset = state.now - Date.now();
    render();
  }
  document.body.addEventListener("live:floor", function (event) { take(event.detail.state); });
  document.body.addEventListener("live:vote", function (event) {
    var next = event.detail.state;
    if (!next) return;
    if (vote && next.vote === vote.vote && next.seq < vote.seq) return;
    vote = next;
    render();
  });
  function refetch() {
    fetch(root.dataset.stateUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (!data) return; if (data.vote) vote = data.vote; take(data.state); })
      .catch(function () {});
  }
  document.body.addEventListener("live:resync", refetch);
  // The open topic changes outside the floor's own messages (rare: a request per screen).
  document.body.addEventListener("live:agenda", refetch);
  render();
  setInterval(tick, 250);
})();
