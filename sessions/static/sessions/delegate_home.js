// The delegate's home: "Latest roll call" follows the roll call from the live messages
// (sessions/live_parts.py): a new meeting resets it, the delegation's answer fills it in.
(function () {
  var cell = document.getElementById("my-answer");
  if (!cell) return;
  var mine = cell.dataset.liveAnswer;
  var note = document.getElementById("present-voting-note");
  document.body.addEventListener("live:roll_call", function (event) {
    var d = event.detail || {};
    if (d.latest == null || d.meeting !== d.latest) return;  // an older meeting's correction
    var status = null;
    var known = d.answers && Object.prototype.hasOwnProperty.call(d.answers, mine);
    if (String(d.meeting) === cell.dataset.meeting && !known && !d.full) return;
    if (known) status = d.answers[mine];
    cell.dataset.meeting = String(d.meeting);
    cell.textContent = "";
    var name = document.createElement("span");
    name.dataset.liveMeetingName = "";
    name.textContent = d.meeting_name + ": ";
    cell.appendChild(name);
    var answer = document.createElement(status ? "strong" : "span");
    answer.dataset.status = status || "";
    answer.textContent = status ? (d.labels[status] || status) : "not called yet";
    cell.appendChild(answer);
    if (note) note.hidden = status !== "present_voting";
  });
})();
