// Asks before a step that cannot be undone. A form with data-confirm="question" (and
// optionally data-confirm-button="Close topic 1") opens a dialog; the form is sent only when
// the person confirms. Without JavaScript the form is sent as it is. Where the question has
// "{counts}", it is replaced by what the form's count fields (data-count="In favor") hold, so
// the person confirms the numbers as typed; a count that is not a whole number is sent without
// asking, and the page that comes back says what is wrong (nothing takes effect); so does one
// over its field's data-count-max, or counts adding up to more than the form's data-count-max.
(function () {
  var dialog = null;
  var pending = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-question");
    dialog.innerHTML =
      '<form method="dialog">' +
      '<p id="confirm-question" class="mb-3"></p>' +
      '<div class="d-flex justify-content-end gap-2">' +
      '<button class="btn btn-outline-secondary" value="cancel" type="submit">Cancel</button>' +
      '<button class="btn btn-danger" value="confirm" type="submit" data-confirm-ok></button>' +
      "</div></form>";
    document.body.appendChild(dialog);
    dialog.addEventListener("close", function () {
      var form = pending;
      pending = null;
      if (form && dialog.returnValue === "confirm") {
        form.dataset.confirmed = "yes";
        if (form.requestSubmit) form.requestSubmit(form._confirmSubmitter || undefined);
        else form.submit();
      }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.confirm) return;
    if (form.dataset.confirmed === "yes") { delete form.dataset.confirmed; return; }
    var question = form.dataset.confirm;
    if (question.indexOf("{counts}") >= 0) {
      var counts = Array.prototype.slice.call(form.querySelectorAll("[data-count]"));
      var wrong = counts.some(function (input) {
        var value = input.value.trim();
        if (value === "") return input.required;
        return !/^\d+$/.test(value) || (input.dataset.countMax && +value > +input.dataset.countMax);
      });
      var total = counts.reduce(function (sum, input) {
        return input.dataset.countInTotal === "no" ? sum : sum + (+input.value.trim() || 0);
      }, 0);
      // Counts the server would refuse (more than those entitled, say) go without the question:
      // the page that comes back says why, and nothing takes effect.
      if (wrong || (form.dataset.countMax && total > +form.dataset.countMax)) return;
      question = question.replace("{counts}", counts.map(function (input) {
        return input.dataset.count.toLowerCase() + " " + (+input.value.trim() || 0);
      }).join(", "));
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!dialog) build();
    pending = form;
    form._confirmSubmitter = event.submitter || null;
    dialog.querySelector("#confirm-question").textContent = question;
    dialog.querySelector("[data-confirm-ok]").textContent = form.dataset.confirmButton || "Confirm";
    dialog.returnValue = "";
    dialog.showModal();
    dialog.querySelector('[value="cancel"]').focus();
  }, true);
})();
