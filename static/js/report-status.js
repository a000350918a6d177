// Reloads the report archive when a queued or running report changes its state.
(function () {
  "use strict";
  var table = document.getElementById("reports");
  if (!table) { return; }
  var rows = table.querySelectorAll("tr[data-report]");
  var pending = Array.prototype.some.call(rows, function (row) {
    return row.dataset.state === "queued" || row.dataset.state === "running";
  });
  if (!pending) { return; }
  function poll() {
    fetch(table.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var changed = Array.prototype.some.call(rows, function (row) {
          return data.reports[row.dataset.report] !== row.dataset.state;
        });
        if (changed) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
