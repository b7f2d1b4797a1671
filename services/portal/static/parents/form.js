// Progressive help for the request form; everything also works without this script.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Show the details of the chosen preference only (the others stay in the page, hidden).
  var radios = document.querySelectorAll("input[name=pref_mode]");
  function sync() {
    radios.forEach(function (radio) {
      var sub = radio.parentElement.querySelector(".sub");
      if (sub) { sub.hidden = !radio.checked; }
    });
  }
  radios.forEach(function (radio) { radio.addEventListener("change", sync); });
  if (radios.length) { sync(); }
})();
