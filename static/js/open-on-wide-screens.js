// Folded panels (<details data-open-on-wide-screens>) start open where the screen has room for
// them beside the content; on a phone they stay folded so the content comes first.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.matchMedia("(min-width: 48rem)").matches) return;
  for (const panel of document.querySelectorAll("details[data-open-on-wide-screens]")) {
    panel.open = true;
  }
});
