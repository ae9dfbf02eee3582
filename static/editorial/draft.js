/* The draft page: a print button (hidden without JavaScript; the print stylesheet works either way). The
   button is shown again when the page's parts are swapped in place (inplace.js). */
(function () {
  "use strict";
  function wire() {
    var button = document.querySelector(".js-print");
    if (button && button.hidden) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    }
  }
  wire();
  document.addEventListener("draft:updated", wire);

  // Words selected in the text become the passage of the next comment (the field can also be typed into).
  function takeSelection() {
    var selection = window.getSelection();
    var box = document.querySelector(".draft-text .body-text");
    var field = document.getElementById("id_passage");
    if (!selection || selection.isCollapsed || !box || !field) { return; }
    if (!box.contains(selection.anchorNode) || !box.contains(selection.focusNode)) { return; }
    var text = selection.toString().trim();
    if (text) { field.value = text.slice(0, 2000); }
  }
  document.addEventListener("mouseup", takeSelection);
  document.addEventListener("keyup", function (event) { if (event.shiftKey) { takeSelection(); } });
})();
