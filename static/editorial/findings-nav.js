/* Findings list <-> highlights: a finding's link scrolls to its mark and focuses it; clicking a mark (or
   Enter/Escape on a focused mark) goes back to its entry in the list. Without JavaScript the links still
   jump to the marks (plain #anchors). Shared by the draft and edit pages. */
(function () {
  "use strict";

  function clearCurrent(selector, cls) {
    document.querySelectorAll(selector).forEach(function (el) { el.classList.remove(cls); });
  }

  function focusMark(id) {
    var mark = document.getElementById(id);
    if (!mark) { return false; }
    clearCurrent("mark.flash", "flash");
    mark.classList.add("flash");
    if (!mark.hasAttribute("tabindex")) { mark.setAttribute("tabindex", "-1"); }
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    return true;
  }

  function backToItem(mark) {
    var key = mark.getAttribute("data-finding") || mark.getAttribute("data-related-to");
    var item = key && document.getElementById("item-f-" + key);
    if (!item) { return; }
    clearCurrent("li.finding.current", "current");
    item.classList.add("current");
    item.scrollIntoView({ block: "nearest" });
    var link = item.querySelector("a.goto");
    if (link) { link.focus({ preventScroll: true }); }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-target]");
    if (link) {
      var item = link.closest("li.finding");
      if (focusMark(link.getAttribute("data-target"))) {
        event.preventDefault();
        clearCurrent("li.finding.current", "current");
        if (item) { item.classList.add("current"); }
        history.replaceState(null, "", "#" + link.getAttribute("data-target"));
        document.dispatchEvent(new CustomEvent("finding:goto", { detail: { item: item, link: link } }));
      }
      return;
    }
    var mark = event.target.closest("mark.hl, mark.hl-rel");
    if (mark) { backToItem(mark); }
  });

  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl, mark.hl-rel");
    if (mark && (event.key === "Enter" || event.key === "Escape")) {
      event.preventDefault();
      backToItem(mark);
    }
  });

  window.addEventListener("DOMContentLoaded", function () {
    if (location.hash.indexOf("#f-") === 0) { focusMark(location.hash.slice(1)); }
  });
})();
