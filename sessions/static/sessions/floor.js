// The live floor. Timers are computed from the server's start + duration: each state carries
// the server's clock ("now", ms), so a screen counts from (its clock + offset) and a reload
// never resets a timer. The floor page refreshes its panel with htmx on each "floor" message;
// the projector renders the state the message carries (no request per change) and the vote
// under way from the vote's own messages.
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
  var live = document.getElementById("floor-live");
  if (live) {
    var tick = function () {
      var panel = live.querySelector(".floor-panel");
      if (!panel) return;
      if (!panel.dataset.offset) panel.dataset.offset = parseInt(panel.dataset.now, 10) - Date.now();
      var offset = parseInt(panel.dataset.offset, 10);
      panel.querySelectorAll("[data-timer]").forEach(function (el) {
        showTimer(el, parseInt(el.dataset.ends, 10), offset, !!el.dataset.overtime, el.dataset.done);
      });
    };
    tick();
    setInterval(tick, 250);
    document.body.addEventListener("htmx:afterSwap", tick);
    var kind = document.getElementById("id_kind");
    var fields = function () {
      document.querySelectorAll(".motion-field").forEach(function (el) {
        el.classList.toggle("shown", el.dataset.for === kind.value);
      });
    };
    if (kind) { kind.addEventListener("change", fields); fields(); }
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
  document.body.addEventListener("live:connected", function () {
    fetch(root.dataset.stateUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (!data) return; if (data.vote) vote = data.vote; take(data.state); })
      .catch(function () {});
  });
  render();
  setInterval(tick, 250);
})();
