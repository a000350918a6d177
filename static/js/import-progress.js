// Polls the import job while Celery works, then reloads the page to show the result.
(function () {
  "use strict";
  var state = document.getElementById("import-state");
  if (!state || state.dataset.polling !== "true") { return; }
  var progress = document.getElementById("import-progress");
  function poll() {
    fetch(state.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (progress) { progress.value = job.progress; progress.textContent = job.progress + " %"; }
        if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 1500); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
