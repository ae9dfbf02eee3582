/* The editor (edit and new-draft pages).

   The title and the text stay plain form fields (the browser keeps the cursor, undo history, right-to-left
   layout and IME input). Behind each one sits a "mirror": the same text, invisible, with the findings' marks
   (the same HTML the draft page uses, from the live-check view), so the marks show through the transparent
   field in place. Every keystroke is applied to the mirror's text at once (the marks move with the text);
   400 ms after typing stops the text is re-checked and the mirror gets the fresh marks.

   Clicking a mark (or F8 / Shift+F8: next / previous finding) opens the finding card: the message, apply the
   suggestion (an ordinary edit, so Ctrl+Z undoes it), dismiss with a preset reason, next. Alt+Enter moves the
   focus into the card, Escape back to the text. Without JavaScript the form posts normally and the mirrors
   stay hidden. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-url]");
  if (!form || !window.fetch) { return; }
  var csrf = form.elements.csrfmiddlewaretoken.value;
  var status = document.getElementById("live-status");
  var list = document.getElementById("live-findings");
  var card = document.getElementById("finding-card");
  var DELAY = 400;
  var timer = null;
  var controller = null;
  var seq = 0;
  var findings = {};
  var current = null;
  var editors = {};
  var lang = document.documentElement.lang || "ar";
  // Arabic pages use Arabic-Indic digits everywhere (say so: some Intl data defaults Arabic to Western digits).
  var numbers = window.Intl ? new Intl.NumberFormat(lang.indexOf("ar") === 0 ? "ar-u-nu-arab" : lang) : null;

  function num(n) { return numbers ? numbers.format(n) : String(n); }

  /* --- mirrors ------------------------------------------------------------------------------------- */

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var out = [];
    var node;
    while ((node = walker.nextNode())) { out.push(node); }
    return out;
  }

  function layout(ed) {
    ed.mirror.dir = getComputedStyle(ed.input).direction;
    if (ed.input.tagName === "TEXTAREA") {
      var y = window.scrollY;
      var frame = ed.input.offsetHeight - ed.input.clientHeight;
      ed.input.style.height = "auto";
      ed.input.style.height = (ed.input.scrollHeight + frame) + "px";
      window.scrollTo(window.scrollX, y);
    }
    ed.mirror.scrollTop = ed.input.scrollTop;
    ed.mirror.scrollLeft = ed.input.scrollLeft;
  }

  /* Apply the change between the mirror's text and the field's value to the mirror's text nodes, so the
     marks before and after the edit stay on their words until the next check. */
  function follow(ed) {
    var before = ed.text;
    var after = ed.input.value;
    if (before === after) { return; }
    var n = Math.min(before.length, after.length);
    var p = 0;
    var s = 0;
    while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) { p++; }
    while (s < n - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) { s++; }
    var cut = before.length - s;
    var insert = after.slice(p, after.length - s);
    var nodes = textNodes(ed.mirror);
    var pos = 0;
    var placed = false;
    nodes.forEach(function (t, i) {
      var start = pos;
      var end = pos + t.data.length;
      pos = end;
      var lo = Math.max(p, start);
      var hi = Math.min(cut, end);
      var here = !placed && start <= p && (p < end || i === nodes.length - 1);
      if (hi > lo || here) {
        var at = Math.max(0, Math.min(lo, end) - start);
        t.data = t.data.slice(0, at) + (here ? insert : "") + t.data.slice(hi > lo ? hi - start : at);
        placed = placed || here;
        var piece = t.parentNode.closest(".piece");
        if (piece) { piece.removeAttribute("data-d"); }  // its text is no longer the piece the digest names
      }
    });
    ed.mirror.querySelectorAll("mark").forEach(function (m) { if (!m.textContent) { m.remove(); } });
    if (ed.mirror.textContent !== after) { ed.mirror.textContent = after; }
    ed.text = after;
  }

  function offsetIn(ed, node, offset) {
    var range = document.createRange();
    range.setStart(ed.mirror, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function spanOf(key) {
    var found = null;
    Object.keys(editors).forEach(function (name) {
      var ed = editors[name];
      var marks = ed.mirror.querySelectorAll('mark.hl[data-finding="' + key + '"]');
      if (found || !marks.length) { return; }
      var last = marks[marks.length - 1];
      found = { ed: ed, mark: marks[0], start: offsetIn(ed, marks[0], 0),
                end: offsetIn(ed, last, last.childNodes.length) };
    });
    return found;
  }

  function keyAt(ed, offset) {
    var pos = 0;
    var nodes = textNodes(ed.mirror);
    for (var i = 0; i < nodes.length; i++) {
      var end = pos + nodes[i].data.length;
      if (offset >= pos && offset < end) {
        for (var el = nodes[i].parentNode; el && el !== ed.mirror; el = el.parentNode) {
          if (el.matches("mark.hl")) { return el.getAttribute("data-finding"); }
          if (el.matches("mark.hl-rel")) { return el.getAttribute("data-related-to"); }
        }
        return null;
      }
      pos = end;
    }
    return null;
  }

  function orderedKeys() {
    var keys = [];
    ["title", "body"].forEach(function (name) {
      if (!editors[name]) { return; }
      editors[name].mirror.querySelectorAll("mark.hl.hl-first").forEach(function (m) {
        var key = m.getAttribute("data-finding");
        if (findings[key] && keys.indexOf(key) < 0) { keys.push(key); }
      });
    });
    return keys;
  }

  /* --- the live check ------------------------------------------------------------------------------ */

  function check() {
    var mine = ++seq;
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var sent = { title: editors.title.input.value, body: editors.body.input.value };
    var data = new FormData();
    data.append("title", sent.title);
    data.append("body", sent.body);
    data.append("draft", form.getAttribute("data-draft") || "");
    // Say what is held from the last answer: the server then sends only the pieces and findings that changed.
    data.append("delta", "1");
    data.append("parts", Object.keys(held.parts).join(","));
    data.append("known", Object.keys(held.findings).join(","));
    data.append("list", held.list);
    form.setAttribute("data-live-state", "checking");
    var started = performance.now();
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
      show(result.json, sent);
      form.setAttribute("data-live-ms", String(Math.round(performance.now() - started)));
      form.setAttribute("data-live-state", "done");
    }).catch(function (error) {
      if (error.name !== "AbortError" && mine === seq) {
        status.textContent = form.getAttribute("data-msg-failed") || "";
        form.setAttribute("data-live-state", "error");
      }
    });
  }

  // What the last answer gave, by digest: the body's pieces, the findings (without their offsets), the list.
  var held = { parts: {}, findings: {}, list: "", listHtml: "" };

  function expand(json) {
    if (!json.body_parts) { return json; }
    var parts = {}, known = {}, fresh = {}, names = json.offset_names;
    json.body_parts.forEach(function (p) { parts[p[0]] = p[1] !== null ? p[1] : held.parts[p[0]]; });
    (json.findings || []).forEach(function (f) { fresh[f.key] = f; });
    var list = json.finding_keys.map(function (row) {
      var core = fresh[row[0]] || held.findings[row[0] + ":" + row[1]];
      known[row[0] + ":" + row[1]] = core;
      var f = Object.assign({}, core);
      names.forEach(function (name, i) { f[name] = row[2 + i]; });
      return f;
    });
    var missing = json.body_parts.some(function (p) { return parts[p[0]] === undefined; }) ||
      list.some(function (f) { return f.key === undefined; });
    if (missing) { held = { parts: {}, findings: {}, list: "", listHtml: "" }; return null; }
    var listHtml = json.list_html !== null ? json.list_html : held.listHtml;
    held = { parts: parts, findings: known, list: json.list_digest, listHtml: listHtml };
    return Object.assign({}, json, {
      pieces: json.body_parts.map(function (p) { return [p[0], parts[p[0]]]; }),
      findings: list, list_html: listHtml, list_same: json.list_html === null
    });
  }

  /* The body's marked text is a row of pieces (paragraphs no mark crosses, each named by its digest): only
     the pieces that changed are built, the others stay as they are (a one-word edit in 60,000 characters
     replaces one paragraph's nodes, not all of them). A piece the typing touched has lost its digest. */
  function placePieces(mirror, pieces) {
    var old = {};
    Array.prototype.forEach.call(mirror.children, function (el) {
      var d = el.getAttribute("data-d");
      if (el.classList.contains("piece") && d && !old[d]) { old[d] = el; }
    });
    var at = mirror.firstChild;
    pieces.forEach(function (p) {
      var el = old[p[0]];
      if (el) {
        delete old[p[0]];
      } else {
        el = document.createElement("span");
        el.className = "piece";
        el.setAttribute("data-d", p[0]);
        el.innerHTML = p[1];
      }
      if (el === at) { at = at.nextSibling; } else { mirror.insertBefore(el, at); }
    });
    while (at) { var gone = at; at = at.nextSibling; mirror.removeChild(gone); }
  }

  function show(json, sent) {
    json = expand(json);
    if (json === null) { check(); return; }  // something held was lost: ask again, holding nothing
    var open = current;
    closeCard(false);
    ["title", "body"].forEach(function (name) {
      var ed = editors[name];
      // The title is checked with its spaces tidied; marks are only taken when they fit the field's text.
      if (ed.input.value === sent[name] && (name === "body" || json.title === sent.title)) {
        if (name === "body" && json.pieces) { placePieces(ed.mirror, json.pieces); }
        else { ed.mirror.innerHTML = json[name + "_html"]; }
        ed.text = sent[name];
      }
    });
    findings = {};
    (json.findings || []).forEach(function (f) { findings[f.key] = f; });
    if (!json.list_same || !list.firstElementChild) { list.innerHTML = json.list_html; }
    // A list kept from an earlier answer gets this answer's offsets.
    list.querySelectorAll("li.finding[data-finding]").forEach(function (li) {
      var f = findings[li.getAttribute("data-finding")];
      if (f) { li.setAttribute("data-start16", f.start_utf16); li.setAttribute("data-end16", f.end_utf16); }
    });
    status.textContent = json.summary;
    if (open && findings[open] && spanOf(open)) { openCard(open, false); }
  }

  var dirty = false;

  function changed(ed, event) {
    follow(ed);
    layout(ed);
    if (event && event.isComposing) { return; }
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(check, DELAY);
  }

  /* --- the finding card ---------------------------------------------------------------------------- */

  function part(cls) { return card.querySelector(cls); }

  function markCurrent(key) {
    document.querySelectorAll(".editor-mirror mark.current, li.finding.current").forEach(function (el) {
      el.classList.remove("current");
    });
    if (!key) { return; }
    document.querySelectorAll('.editor-mirror mark.hl[data-finding="' + key + '"]').forEach(function (m) {
      m.classList.add("current");
    });
    var item = document.getElementById("item-f-" + key);
    if (item) { item.classList.add("current"); }
  }

  function place(mark) {
    var r = mark.getBoundingClientRect();
    var width = card.offsetWidth;
    var page = document.documentElement.clientWidth;
    var left = document.documentElement.dir === "rtl" ? r.right - width : r.left;
    left = Math.max(8, Math.min(left, page - width - 8));
    card.style.top = (r.bottom + window.scrollY + 8) + "px";
    card.style.left = (left + window.scrollX) + "px";
  }

  function openCard(key, focus) {
    var f = findings[key];
    var span = spanOf(key);
    if (!f || !span || !card) { return; }
    current = key;
    var keys = orderedKeys();
    part(".fc-icon").textContent = f.icon;
    part(".fc-family").textContent = f.family_label;
    part(".fc-sev").textContent = f.severity_label;
    part(".fc-sev").className = "sev-tag fc-sev sev-" + f.severity;
    part(".fc-pos").textContent = num(keys.indexOf(key) + 1) + " / " + num(keys.length);
    part(".fc-quote").textContent = "«" + span.ed.input.value.slice(span.start, span.end) + "»";
    part(".fc-message").textContent = f.message;
    part(".fc-rule").textContent = f.rule;
    var apply = part(".fc-apply");
    apply.hidden = f.suggestion === null || f.suggestion === undefined;
    if (!apply.hidden) {
      apply.textContent = f.suggestion ? card.getAttribute("data-label-replace") + " «" + f.suggestion + "»"
        : card.getAttribute("data-label-remove");
    }
    var canDismiss = Boolean(f.stored_id && card.getAttribute("data-dismiss-url"));
    part(".fc-dismiss-form").hidden = !canDismiss;
    part(".fc-note").hidden = canDismiss;
    part(".fc-note").textContent = canDismiss ? "" : card.getAttribute("data-msg-unsaved");
    part(".fc-dismiss").open = false;
    card.setAttribute("data-finding", key);
    card.hidden = false;
    place(span.mark);
    markCurrent(key);
    if (focus) { (apply.hidden ? part(".fc-next") : apply).focus(); }
  }

  function closeCard(refocus) {
    if (!card || card.hidden) { current = null; return; }
    card.hidden = true;
    var key = current;
    current = null;
    markCurrent(null);
    var span = key && spanOf(key);
    if (refocus && span) {
      span.ed.input.focus({ preventScroll: true });
      span.ed.input.setSelectionRange(span.start, span.end);
    }
  }

  function select(key) {
    var span = spanOf(key);
    if (!span) { return; }
    span.ed.input.focus({ preventScroll: true });
    span.ed.input.setSelectionRange(span.start, span.end);
    span.mark.scrollIntoView({ block: "center" });
    layout(span.ed);
  }

  function next(step, focus) {
    var keys = orderedKeys();
    if (!keys.length) { return; }
    var i = keys.indexOf(current);
    if (i < 0) {
      var active = document.activeElement;
      var ed = active === editors.body.input ? editors.body : active === editors.title.input ? editors.title : null;
      var caret = ed ? ed.input.selectionStart : -1;
      i = step > 0 ? -1 : 0;
      keys.forEach(function (key, k) {
        var span = spanOf(key);
        var before = ed === null || (ed === editors.body && span.ed === editors.title) ||
          (span.ed === ed && span.start < caret);
        if (before) { i = step > 0 ? k : k + 1; }
      });
    }
    var key = keys[(i + step + keys.length) % keys.length];
    select(key);
    openCard(key, focus);
  }

  function apply(key) {
    var f = findings[key];
    var span = spanOf(key);
    if (!f || !span || f.suggestion === null) { return; }
    var input = span.ed.input;
    closeCard(false);
    input.focus({ preventScroll: true });
    input.setSelectionRange(span.start, span.end);
    var before = input.value;
    // execCommand keeps the change in the field's own undo history (Ctrl+Z undoes it); setRangeText does not.
    var done = f.suggestion ? document.execCommand("insertText", false, f.suggestion)
      : document.execCommand("delete");
    if (!done || input.value === before) {
      input.setRangeText(f.suggestion, span.start, span.end, "end");
      changed(span.ed);
    }
  }

  function dismiss(key) {
    var f = findings[key];
    var url = card.getAttribute("data-dismiss-url");
    if (!f || !f.stored_id || !url) { return; }
    var data = new FormData(part(".fc-dismiss-form"));
    fetch(url.replace(/\/0\/dismiss\/$/, "/" + f.stored_id + "/dismiss/"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      status.textContent = result.ok ? card.getAttribute("data-msg-dismissed") : (result.json.detail || "");
      closeCard(true);
      if (result.ok) { check(); }
    }).catch(function () {
      status.textContent = form.getAttribute("data-msg-failed") || "";
    });
  }

  /* --- wiring -------------------------------------------------------------------------------------- */

  form.querySelectorAll("[data-editor]").forEach(function (box) {
    var ed = { box: box, input: box.querySelector(".editor-input"), mirror: box.querySelector(".editor-mirror") };
    editors[box.getAttribute("data-editor")] = ed;
    if (ed.mirror.textContent !== ed.input.value) { ed.mirror.textContent = ed.input.value; }
    ed.text = ed.input.value;
    box.classList.add("on");
    layout(ed);
    ed.input.addEventListener("input", function (event) { changed(ed, event); });
    ed.input.addEventListener("compositionend", function () { changed(ed); });
    ed.input.addEventListener("scroll", function () { layout(ed); });
    ed.input.addEventListener("click", function () {
      if (ed.input.selectionStart !== ed.input.selectionEnd) { return; }
      var key = keyAt(ed, ed.input.selectionStart);
      if (key === null && ed.input.selectionStart > 0) { key = keyAt(ed, ed.input.selectionStart - 1); }
      if (key !== null && findings[key]) { openCard(key, false); } else { closeCard(false); }
    });
  });
  if (!editors.title || !editors.body) { return; }
  window.addEventListener("resize", function () {
    layout(editors.title);
    layout(editors.body);
    var span = current && spanOf(current);
    if (span) { place(span.mark); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "F8") {
      event.preventDefault();
      next(event.shiftKey ? -1 : 1, card.contains(document.activeElement));
    } else if (event.key === "Enter" && event.altKey && current) {
      event.preventDefault();
      openCard(current, true);
    } else if (event.key === "Escape" && current) {
      event.preventDefault();
      closeCard(true);
    }
  });

  if (card) {
    part(".fc-apply").addEventListener("click", function () { apply(current); });
    part(".fc-next").addEventListener("click", function () { next(1, true); });
    part(".fc-close").addEventListener("click", function () { closeCard(true); });
    part(".fc-dismiss-form").addEventListener("submit", function (event) {
      event.preventDefault();
      dismiss(current);
    });
  }

  // Choosing a finding in the list selects its text in the editor and opens its card.
  document.addEventListener("finding:choose", function (event) {
    var target = document.getElementById(event.detail.target);
    if (!target || !target.closest(".editor-mirror")) { return; }
    event.preventDefault();
    var key = target.getAttribute("data-finding") || target.getAttribute("data-related-to");
    select(key);
    openCard(key, false);
  });

  form.addEventListener("submit", function () { dirty = false; });

  /* The new-draft form posts with fetch, so after an error the chosen file stays chosen (a page load would
     forget it): the errors are put in place, the summary at the top gets the focus. */
  function showErrors(doc) {
    form.querySelectorAll(".error-summary, ul.errorlist").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    doc.querySelectorAll("form ul.errorlist[id]").forEach(function (list) {
      var input = document.getElementById(list.id.replace(/_error$/, ""));
      if (!input) { return; }
      input.closest(".field").classList.add("has-error");
      input.setAttribute("aria-invalid", "true");
      var anchor = input.closest(".editor") || input;
      anchor.parentNode.insertBefore(document.adoptNode(list), anchor);
    });
    var summary = doc.getElementById("error-summary");
    if (summary) {
      var chosen = summary.querySelector(".chosen");
      if (chosen) { chosen.remove(); }  // the file is still chosen here
      form.insertBefore(document.adoptNode(summary), form.firstChild);
      summary.focus();
    }
  }

  if (form.getAttribute("enctype") === "multipart/form-data") {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      form.setAttribute("aria-busy", "true");
      fetch(form.getAttribute("action") || location.href, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        form.removeAttribute("aria-busy");
        if ((response.headers.get("Content-Type") || "").indexOf("application/json") >= 0) {
          return response.json().then(function (json) { location.assign(json.redirect); });
        }
        return response.text().then(function (html) {
          dirty = true;
          showErrors(new DOMParser().parseFromString(html, "text/html"));
        });
      }).catch(function () { form.submit(); });
    });
  }
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });

  check();  // the marks of the text as it is now (and the data the card needs)
})();
