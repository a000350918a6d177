// Rows of a passport's tables added and removed in the browser. Every input keeps a
// t-<table>-<row>-<column> name; the server drops rows left empty.
(function () {
  "use strict";
  function renumber(tbody) {
    Array.prototype.forEach.call(tbody.rows, function (row, index) {
      row.querySelector(".row-number").textContent = index + 1;
      Array.prototype.forEach.call(row.querySelectorAll("input"), function (input) {
        input.name = input.name.replace(/^(t-[a-z_]+-)\d+(-[a-z_]+)$/, "$1" + index + "$2");
        input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/\d+$/, index + 1));
      });
    });
  }
  document.querySelectorAll(".passport-table").forEach(function (fieldset) {
    var tbody = fieldset.querySelector("tbody");
    fieldset.querySelector(".add-row").addEventListener("click", function () {
      var copy = tbody.rows[tbody.rows.length - 1].cloneNode(true);
      copy.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      tbody.appendChild(copy);
      renumber(tbody);
      copy.querySelector("input").focus();
    });
    tbody.addEventListener("click", function (event) {
      if (!event.target.classList.contains("remove-row")) { return; }
      if (tbody.rows.length > 1) {
        event.target.closest("tr").remove();
      } else {
        tbody.rows[0].querySelectorAll("input").forEach(function (input) { input.value = ""; });
      }
      renumber(tbody);
    });
  });
})();
