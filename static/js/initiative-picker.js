// Forms with an initiative picker (initiatives/picker.py) have a «Find» button before «Save».
// Enter would press the first one from any field; here Enter in a search box presses its
// «Find», and Enter in any other single-line field presses the form's main button.
(function () {
  "use strict";
  document.querySelectorAll("form[data-picker]").forEach(function (form) {
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "Enter" || target.tagName !== "INPUT") { return; }
      if (["checkbox", "radio", "submit", "button"].indexOf(target.type) !== -1) { return; }
      var picker = target.closest(".picker");
      var button = picker && target.type === "search"
        ? picker.querySelector("button[name=find]")
        : form.querySelector("button[data-main]");
      if (button) { event.preventDefault(); button.click(); }
    });
  });
})();
