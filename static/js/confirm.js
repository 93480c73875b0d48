// Asks before a step that cannot be undone. A form with data-confirm="question" (and
// optionally data-confirm-button="Close topic 1") opens a dialog; the form is sent only when
// the person confirms. Without JavaScript the form is sent as it is.
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
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!dialog) build();
    pending = form;
    form._confirmSubmitter = event.submitter || null;
    dialog.querySelector("#confirm-question").textContent = form.dataset.confirm;
    dialog.querySelector("[data-confirm-ok]").textContent = form.dataset.confirmButton || "Confirm";
    dialog.returnValue = "";
    dialog.showModal();
    dialog.querySelector('[value="cancel"]').focus();
  }, true);
})();
