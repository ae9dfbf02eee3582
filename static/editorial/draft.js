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
})();
