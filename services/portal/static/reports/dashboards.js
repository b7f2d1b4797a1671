/* Draws the desk's dashboards with the vendored Chart.js. The figures come from the page itself
   (a JSON block rendered by the server); nothing is fetched from anywhere else. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") { return; }
  var charts = JSON.parse(source.textContent || "[]");
  /* Okabe-Ito: distinguishable with every common colour-vision deficiency. */
  var palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1b1f23";
  charts.forEach(function (chart) {
    var canvas = document.getElementById("chart-" + chart.id);
    if (!canvas) { return; }
    var stacked = chart.kind === "stacked";
    new Chart(canvas, {
      type: chart.kind === "line" ? "line" : "bar",
      data: {
        labels: chart.labels,
        datasets: chart.datasets.map(function (set, index) {
          return { label: set.label, data: set.data, backgroundColor: palette[index % palette.length],
                   borderColor: palette[index % palette.length], borderWidth: 1 };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: reduceMotion ? false : { duration: 400 },
        plugins: { legend: { position: "bottom" } },
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.dataset.drawn = "true";
  });
})();
