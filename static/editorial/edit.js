/* The editor (edit and new-draft pages): findings refresh while typing (debounced POST to the live-check
   view, stale answers dropped); choosing a finding selects its text in the editor; leaving with unsaved
   changes asks first. Without JavaScript the form posts normally. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-url]");
  if (!form || !window.fetch) { return; }
  var title = form.elements.title;
  var body = form.elements.body;
  var csrf = form.elements.csrfmiddlewaretoken.value;
  var status = document.getElementById("live-status");
  var list = document.getElementById("live-findings");
  var previewTitle = document.getElementById("preview-title");
  var previewBody = document.getElementById("preview-body");
  var DELAY = 400;
  var timer = null;
  var controller = null;
  var seq = 0;
  var findings = {};

  function remember(items) {
    findings = {};
    (items || []).forEach(function (f) { findings[f.key] = f; });
  }

  function check() {
    var mine = ++seq;
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var data = new FormData();
    data.append("title", title.value);
    data.append("body", body.value);
    data.append("draft", form.getAttribute("data-draft") || "");
    form.setAttribute("data-live-state", "checking");
    fetch(form.getAttribute("data-live-url"), {
      method: "POST", body: data, credentials: "same-origin", signal: controller.signal,
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (mine !== seq) { return; }
      if (!result.ok) {
        status.textContent = result.json.detail || "";
        form.setAttribute("data-live-state", "error");
        return;
      }
      list.innerHTML = result.json.list_html;
      previewTitle.innerHTML = result.json.title_html;
      previewBody.innerHTML = result.json.body_html;
      var preview = document.getElementById("preview");
      if (preview) { preview.hidden = false; }
      remember(result.json.findings);
      status.textContent = result.json.summary;
      form.setAttribute("data-live-state", "done");
    }).catch(function (error) {
      if (error.name !== "AbortError" && mine === seq) {
        status.textContent = form.getAttribute("data-msg-failed") || "";
        form.setAttribute("data-live-state", "error");
      }
    });
  }

  var dirty = false;

  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(check, DELAY);
  }

  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });

  title.addEventListener("input", schedule);
  body.addEventListener("input", schedule);

  // Choosing a finding also selects its text in the editor, so the fix is one keystroke away.
  document.addEventListener("finding:goto", function (event) {
    var item = event.detail.item;
    if (!item) { return; }
    var field = item.getAttribute("data-field") === "title" ? title : body;
    var start = parseInt(item.getAttribute("data-start16"), 10);
    var end = parseInt(item.getAttribute("data-end16"), 10);
    if (isNaN(start) || isNaN(end) || end > field.value.length) { return; }
    field.focus({ preventScroll: true });
    field.setSelectionRange(start, end);
  });
})();
