// The vote card (sessions/partials/vote_card.html): the vote under way, or the last one
// announced, on a page about something else (the floor, a delegate's home). It follows the
// vote's own messages (each carries the vote's state, numbered by the vote), and fetches the
// state once after live.js caught up with the committee's stream.
(function () {
  var card = document.getElementById("vote-card");
  if (!card) return;
  var vote = JSON.parse(document.getElementById("vote-card-state").textContent);
  function set(key, value) {
    var el = card.querySelector('[data-v="' + key + '"]');
    if (el) el.textContent = value == null ? "" : value;
  }
  function draw() {
    card.hidden = !vote;
    if (!vote) return;
    var announced = vote.status === "announced";
    set("heading", announced ? "The last vote" : "Vote under way");
    set("subject", vote.subject);
    set("method", vote.method_label);
    set("yes", vote.yes);
    set("no", vote.no);
    set("abstain", vote.abstain);
    card.querySelector("[data-v-abstain]").hidden = vote.kind === "procedural";
    card.querySelector("[data-v-calling]").hidden = !vote.calling;
    if (vote.calling) {
      set("calling_label", vote.calling.again ? "Called again" : "Now calling");
      set("calling", vote.calling.name);
    }
    set("result", announced ? (vote.adopted ? "Adopted" : "Not adopted") + ": " + vote.result : vote.status_label);
  }
  function take(next) {
    if (!next || (vote && next.vote === vote.vote && next.seq < vote.seq)) return;  // older
    vote = next;
    draw();
  }
  document.body.addEventListener("live:vote", function (event) { take(event.detail && event.detail.state); });
  document.body.addEventListener("live:resync", function () {
    fetch(card.dataset.stateUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(take)
      .catch(function () {});
  });
})();
