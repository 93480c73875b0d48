// Limits named before anything is sent: a field with data-max-chars="N" that holds more
// than N characters stops its form with a message beside the field, and the text stays
// where it is. The server checks the same limits and says the same.
(function () {
  function format(n) { return n.toLocaleString("en-US"); }

  function note(field, text) {
    var id = (field.id || field.name) + "-limit";
    var message = field.parentNode.querySelector('[data-limit-for="' + field.name + '"]');
    if (!text) { if (message) message.remove(); field.classList.remove("is-invalid"); return; }
    if (!message) {
      message = document.createElement("div");
      message.className = "invalid-feedback d-block";
      message.setAttribute("role", "alert");
      message.dataset.limitFor = field.name;
      message.id = id;
      field.insertAdjacentElement("afterend", message);
    }
    message.textContent = text;
    field.classList.add("is-invalid");
    field.setAttribute("aria-describedby", id);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var fields = form.querySelectorAll ? form.querySelectorAll("[data-max-chars]") : [];
    var first = null;
    Array.prototype.forEach.call(fields, function (field) {
      var limit = parseInt(field.dataset.maxChars, 10);
      var length = field.value.length;
      if (length > limit) {
        note(field, "At most " + format(limit) + " characters here; this has " + format(length) +
          ". Shorten it and send again: nothing was sent, and your text is still here.");
        first = first || field;
      } else {
        note(field, "");
      }
    });
    if (first) {
      event.preventDefault();
      event.stopImmediatePropagation();
      first.focus();
    }
  }, true);
})();

// A "Go back" button that returns to the form as it was left (the browser keeps its text).
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-history-back]")) history.back();
});
