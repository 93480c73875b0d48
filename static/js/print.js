// A button with data-print prints the page (the hand-out of new accounts, documentation).
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) window.print();
});
