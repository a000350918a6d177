// The check-in page: live counts, and scanning a ticket's QR code where the browser can.
(function () {
  "use strict";
  var counts = document.getElementById("door-counts");
  function refresh() {
    fetch(counts.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        document.getElementById("count-registered").textContent = data.registered;
        document.getElementById("count-arrived").textContent = data.arrived;
      })
      .catch(function () {});
  }
  if (counts) { window.setInterval(refresh, 5000); }

  var button = document.getElementById("scan");
  var video = document.getElementById("camera");
  var input = document.getElementById("ticket-code");
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      function look() {
        detector.detect(video).then(function (codes) {
          if (codes.length) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            input.value = codes[0].rawValue;
            input.form.submit();
          } else {
            window.requestAnimationFrame(look);
          }
        }).catch(function () { window.requestAnimationFrame(look); });
      }
      look();
    });
  });
})();
