// On a phone a wide table becomes a list of cards: each cell shows its column's heading
// before its value (CSS in portal.css, `table.stacked`). The roles keep the table's meaning
// for screen readers, which a change of `display` would otherwise drop.
(function () {
  "use strict";
  document.querySelectorAll("table").forEach(function (table) {
    if (table.classList.contains("month")) {
      return; // a calendar keeps its grid
    }
    var headings = Array.prototype.map.call(
      table.querySelectorAll("thead th"),
      function (th) { return th.textContent.trim(); }
    );
    if (!headings.length) {
      return;
    }
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody, tfoot").forEach(function (group) {
      group.setAttribute("role", "rowgroup");
    });
    table.querySelectorAll("tr").forEach(function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (cell.tagName === "TH") {
          cell.setAttribute("role", cell.closest("thead") ? "columnheader" : "rowheader");
        } else {
          cell.setAttribute("role", "cell");
        }
        if (!cell.closest("thead") && headings[index]) {
          cell.setAttribute("data-label", headings[index]);
        }
      });
    });
    table.classList.add("stacked");
  });
})();
