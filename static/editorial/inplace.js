/* The draft page without reloads: every form on the draft (dismiss, undo, apply, comment, assign, review
   actions, restore, re-check) is posted with fetch; the answer is the draft page as the server renders it
   (after its redirect, or with the form's error), and only its parts are swapped in: the reader stays where
   they were, open sections stay open, and the message shows at the bottom of the window. Without JavaScript
   the same forms post and redirect as before. */
(function () {
  "use strict";
  var root = document.querySelector("article.draft");
  if (!root || !window.fetch || !window.DOMParser) { return; }
  var PARTS = [".draft-head", ".draft-text", "#comments", "#history", "#revisions", "#review", "#findings"];

  function openDetails() {
    var open = [];
    document.querySelectorAll("article.draft details[open]").forEach(function (d) {
      var host = d.closest("[id]");
      if (host) { open.push(host.id + "|" + (d.id || d.className)); }
    });
    return open;
  }

  function reopen(open) {
    document.querySelectorAll("article.draft details").forEach(function (d) {
      var host = d.closest("[id]");
      if (host && open.indexOf(host.id + "|" + (d.id || d.className)) >= 0) { d.open = true; }
    });
  }

  function showMessages(doc) {
    var old = document.querySelector("main > .messages");
    if (old) { old.remove(); }
    var fresh = doc.querySelector("main > .messages");
    if (!fresh) { return null; }
    fresh.classList.add("toast");
    document.querySelector("main").prepend(document.adoptNode(fresh));
    return fresh;
  }

  function swap(doc, form) {
    var y = window.scrollY;
    var item = form.closest("li.finding");
    var index = item ? [].indexOf.call(document.querySelectorAll("#findings li.finding"), item) : -1;
    var open = openDetails();
    PARTS.forEach(function (sel) {
      var now = document.querySelector(sel);
      var next = doc.querySelector(sel);
      if (now && next) { now.replaceWith(document.adoptNode(next)); }
    });
    document.title = doc.title;
    reopen(open);
    var shown = showMessages(doc);
    window.scrollTo(window.scrollX, y);
    var alert = document.querySelector("article.draft [role=alert]");
    if (alert) {
      alert.setAttribute("tabindex", "-1");
      alert.focus({ preventScroll: false });
      return;
    }
    // After a finding is dealt with, the keyboard goes on to the next one in the list.
    var items = document.querySelectorAll("#findings li.finding");
    if (index >= 0 && items.length) {
      var link = items[Math.min(index, items.length - 1)].querySelector("a.goto");
      if (link) { link.focus({ preventScroll: true }); return; }
    }
    if (shown) {
      shown.setAttribute("tabindex", "-1");
      shown.focus({ preventScroll: true });
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.closest("article.draft") || (form.getAttribute("method") || "").toLowerCase() !== "post") { return; }
    if (event.defaultPrevented) { return; }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.getAttribute("action"), {  // not form.action: the review forms have a field named "action"
      method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "text/html" }
    }).then(function (response) {
      return response.text().then(function (html) { return { response: response, html: html }; });
    }).then(function (got) {
      var doc = new DOMParser().parseFromString(got.html, "text/html");
      var fresh = doc.querySelector("article.draft");
      if (!fresh || fresh.getAttribute("data-draft") !== root.getAttribute("data-draft")) {
        form.submit();  // somewhere else (signed out, the draft gone): let the browser go there
        return;
      }
      swap(doc, form);
      document.dispatchEvent(new CustomEvent("draft:updated"));
    }).catch(function (error) {
      if (window.console) { console.error(error); }
      form.submit();
    });
  });
})();
