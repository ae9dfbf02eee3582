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
      var choose = new CustomEvent("finding:choose", { cancelable: true,
        detail: { target: link.getAttribute("data-target"), item: item } });
      if (!document.dispatchEvent(choose)) {  // the editor took it: it selects the text instead
        event.preventDefault();
        return;
      }
      if (focusMark(link.getAttribute("data-target"))) {
        event.preventDefault();
        clearCurrent("li.finding.current", "current");
        if (item) { item.classList.add("current"); }
        history.replaceState(null, "", "#" + link.getAttribute("data-target"));
      }
      return;
    }
    var mark = event.target.closest("mark.hl, mark.hl-rel");
    if (mark) { backToItem(mark); }
  });

  // F8 / Shift+F8: the next / previous finding (the editor pages handle F8 themselves).
  function step(dir) {
    var links = [].slice.call(document.querySelectorAll("li.finding a.goto"));
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    if (at < 0) {
      var cur = document.querySelector("li.finding.current a.goto");
      at = cur ? links.indexOf(cur) : (dir > 0 ? -1 : 0);
    }
    var link = links[(at + dir + links.length) % links.length];
    var item = link.closest("li.finding");
    clearCurrent("li.finding.current", "current");
    item.classList.add("current");
    focusMark(link.getAttribute("data-target"));
    link.focus({ preventScroll: true });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "F8" && !document.querySelector("[data-editor]")) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
      return;
    }
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
