/* The draft page: a print button (hidden without JavaScript; the print stylesheet works either way). */
(function () {
  "use strict";
  var button = document.querySelector(".js-print");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
})();
