// Notifications pages: move focus to an error summary or a new secret, and print letters.
// Served by the portal itself; no third-party code.
(function () {
  var target = document.getElementById("errors") || document.getElementById("secret-value");
  if (target) { target.focus(); }
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
