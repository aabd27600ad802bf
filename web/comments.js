/*
 * Newsroom comments widget. One tag, no build step, no framework:
 *   <script src="comments.js" data-article="SLUG" data-api="https://api.example.com" defer></script>
 * It renders the approved thread and the comment form right after the tag (or into #comments if present).
 * Everything a reader typed is inserted as text, never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var slug = script && script.getAttribute("data-article");
  var api = ((script && script.getAttribute("data-api")) || "").replace(/\/$/, "");
  var STORE = "newsroom-commenter";
  if (!slug) { return; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    if (window.crypto && crypto.getRandomValues) {
      return Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
        return (b + 256).toString(16).slice(1);
      }).join("");
    }
    return String(Date.now()) + String(Math.random()).slice(2);
  }

  // Only absolute http(s) URLs become links; anything else (javascript:, data:, relative…) stays text.
  function webUrl(value) {
    if (typeof value !== "string" || !value) { return null; }
    var url;
    try { url = new URL(value); } catch (e) { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  // body: a JSON string (sent with the given Idempotency-Key) or nothing.
  function request(method, path, body, key) {
    var headers = { "Accept": "application/json" };
    if (body) {
      headers["Content-Type"] = "application/json";
      headers["Idempotency-Key"] = key;
    }
    // "no-cache": the thread is revalidated on every view, so a reader sees approved comments on reload.
    return fetch(api + path, { method: method, headers: headers, cache: "no-cache", body: body || undefined })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = {};
          try { json = t ? JSON.parse(t) : {}; } catch (e) { json = {}; }
          if (!json || typeof json !== "object") { json = {}; }
          return { status: r.status, json: json, retryAfter: r.headers.get("Retry-After") };
        });
      });
  }

  var root = document.getElementById("comments") || el("section", { id: "comments" });
  if (!root.parentNode) { script.parentNode.insertBefore(root, script.nextSibling); }
  root.classList.add("nr-comments");
  var heading = el("h2", { text: "Comments" });
  var list = el("ol", { "class": "nr-thread" });
  var more = el("button", { type: "button", "class": "nr-more", text: "Load more comments" });
  more.hidden = true;
  var form = buildForm();
  root.appendChild(heading);
  root.appendChild(list);
  root.appendChild(more);
  root.appendChild(form.node);
  var nodesById = {};
  var cursor = null;
  var total = 0;

  // Renders one comment unless it is already on the page; true when it was added.
  function renderComment(c) {
    if (!c || !c.id || Object.prototype.hasOwnProperty.call(nodesById, c.id)) { return false; }
    var href = webUrl(c.authorUrl);
    var name = href
      ? el("a", { href: href, rel: "external nofollow ugc noopener", text: c.authorName || "Anonymous" })
      : el("span", { text: c.authorName || "Anonymous" });
    var when = el("time", { datetime: c.createdAt, text: new Date(c.createdAt).toLocaleString() });
    var reply = el("a", { href: "#respond", "class": "nr-reply", text: "Reply" });
    reply.addEventListener("click", function (e) { e.preventDefault(); form.replyTo(c); });
    var item = el("li", { id: "comment-" + c.id, "class": "nr-comment nr-depth-" + c.depth }, [
      el("div", { "class": "nr-meta" }, [el("strong", {}, [name]), document.createTextNode(" "), when]),
      el("p", { "class": "nr-content", text: c.content }),
      reply,
      el("ol", { "class": "nr-children" })
    ]);
    nodesById[c.id] = item;
    var parent = c.parentId && nodesById[c.parentId];
    (parent ? parent.querySelector(".nr-children") : list).appendChild(item);
    return true;
  }

  function updateHeading() {
    heading.textContent = total === 1 ? "1 Comment" : total + " Comments";
  }

  var loading = false;
  // One page at a time: "Load more" is disabled until the page in flight has arrived.
  function loadPage() {
    if (loading) { return Promise.resolve(); }
    loading = true;
    more.disabled = true;
    var path = "/articles/" + encodeURIComponent(slug) + "/comments?limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    return request("GET", path).then(function (r) {
      if (r.status !== 200 || !Array.isArray(r.json.items)) { return; }
      r.json.items.forEach(renderComment);
      total = r.json.total;
      cursor = r.json.nextCursor;
      more.hidden = !cursor;
      updateHeading();
    }, function () { /* network failure: the button stays, the reader can try again */ }).then(function () {
      loading = false;
      more.disabled = false;
    });
  }
  more.addEventListener("click", function () { loadPage(); });

  function buildForm() {
    var fields = {};
    var notice = el("p", { "class": "nr-notice", role: "status", "aria-live": "polite" });
    function field(name, label, type, required, attrs) {
      var input = type === "textarea" ? el("textarea", { name: name, id: "nr-" + name, rows: "6" }) : el("input", { type: type, name: name, id: "nr-" + name });
      Object.keys(attrs || {}).forEach(function (k) { input.setAttribute(k, attrs[k]); });
      if (required) { input.setAttribute("aria-required", "true"); }
      var error = el("span", { "class": "nr-error", id: "nr-" + name + "-error" });
      fields[name] = { input: input, error: error };
      return el("p", { "class": "nr-field nr-field-" + name }, [
        el("label", { "for": "nr-" + name, text: label + (required ? " *" : "") }), input, error]);
    }
    var remember = el("input", { type: "checkbox", id: "nr-remember" });
    var parentNote = el("p", { "class": "nr-replying", hidden: "" });
    var cancel = el("a", { href: "#", text: "Cancel reply" });
    var parentId = null;
    var submit = el("button", { type: "submit", text: "Post Comment" });
    var honeypot = el("input", { type: "text", name: "hp", tabindex: "-1", autocomplete: "off" });
    // Hidden through the CSSOM, not a style attribute, so a strict Content-Security-Policy allows it.
    var honeypotBox = el("p", { "class": "nr-hp", "aria-hidden": "true" }, [el("label", { text: "Leave this empty" }), honeypot]);
    honeypotBox.style.position = "absolute";
    honeypotBox.style.left = "-9999px";
    // One Idempotency-Key per submission: a retry of the same content reuses it (so a reader whose answer was
    // lost gets the first response replayed), a definitive answer or different content starts a new one.
    var attempt = null;
    var node = el("form", { id: "respond", "class": "nr-form", novalidate: "" }, [
      el("h3", { text: "Leave a comment" }),
      el("p", { "class": "nr-privacy", text: "Your email address will not be published. Required fields are marked *" }),
      parentNote,
      field("content", "Comment", "textarea", true),
      field("authorName", "Name", "text", true, { autocomplete: "name", maxlength: "245" }),
      field("authorEmail", "Email", "email", true, { autocomplete: "email", maxlength: "100" }),
      field("authorUrl", "Website", "url", false, { autocomplete: "url", maxlength: "200" }),
      honeypotBox,
      el("p", { "class": "nr-remember" }, [remember, el("label", { "for": "nr-remember",
        text: "Save my name, email, and website in this browser for the next time I comment." })]),
      notice,
      submit
    ]);
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || "null");
      if (saved) {
        fields.authorName.input.value = saved.authorName || "";
        fields.authorEmail.input.value = saved.authorEmail || "";
        fields.authorUrl.input.value = saved.authorUrl || "";
        remember.checked = true;
      }
    } catch (e) { /* storage unavailable */ }

    cancel.addEventListener("click", function (e) { e.preventDefault(); replyTo(null); });
    function replyTo(c) {
      parentId = c ? c.id : null;
      parentNote.textContent = "";
      if (c) {
        parentNote.appendChild(document.createTextNode("Replying to " + (c.authorName || "Anonymous") + " "));
        parentNote.appendChild(cancel);
        parentNote.hidden = false;
        fields.content.input.focus();
      } else {
        parentNote.hidden = true;
      }
    }
    function clearErrors() {
      Object.keys(fields).forEach(function (k) {
        fields[k].error.textContent = "";
        fields[k].input.removeAttribute("aria-invalid");
      });
      notice.textContent = "";
      notice.className = "nr-notice";
    }
    function say(text, kind) {
      notice.textContent = text;
      notice.className = "nr-notice nr-" + kind;
    }
    node.addEventListener("submit", function (e) {
      e.preventDefault();
      clearErrors();
      var body = { parentId: parentId, hp: honeypot.value };
      Object.keys(fields).forEach(function (k) { body[k] = fields[k].input.value; });
      try {
        if (remember.checked) {
          localStorage.setItem(STORE, JSON.stringify({ authorName: body.authorName, authorEmail: body.authorEmail, authorUrl: body.authorUrl }));
        } else {
          localStorage.removeItem(STORE);
        }
      } catch (err) { /* storage unavailable */ }
      var payload = JSON.stringify(body);
      if (!attempt || attempt.payload !== payload) { attempt = { payload: payload, key: newKey() }; }
      var sent = attempt;
      submit.disabled = true;
      request("POST", "/articles/" + encodeURIComponent(slug) + "/comments", payload, sent.key).then(function (r) {
        submit.disabled = false;
        if (definitive(r.status) && attempt === sent) { attempt = null; }
        var error = r.json.error || {};
        if (r.status === 201) {
          if (renderComment(r.json)) {
            total += 1;
            updateHeading();
          }
          fields.content.input.value = "";
          replyTo(null);
          say("Your comment is published.", "ok");
        } else if (r.status === 202) {
          fields.content.input.value = "";
          replyTo(null);
          say(r.json.message || "Your comment is awaiting moderation.", "ok");
        } else if (r.status === 400 && error.fields) {
          error.fields.forEach(function (f) {
            var target = fields[f.field];
            if (target) {
              target.error.textContent = f.message;
              target.input.setAttribute("aria-invalid", "true");
            }
          });
          say(error.message, "error");
        } else if (r.status === 429) {
          say(error.message + (r.retryAfter ? " Try again in " + r.retryAfter + " seconds." : ""), "error");
        } else {
          say(error.message || "Sorry, your comment could not be sent. Please try again.", "error");
        }
      }, function () {
        submit.disabled = false;
        say("Sorry, your comment could not be sent. Please check your connection and try again.", "error");
      });
    });
    // Success, or a refusal of this content: the next submission gets a new key. Lost answers, server errors,
    // timeouts and "too quickly" keep it, since the same submission may be sent again unchanged.
    function definitive(status) {
      return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 408 && status !== 429);
    }
    return { node: node, replyTo: replyTo, notice: notice };
  }

  request("GET", "/articles/" + encodeURIComponent(slug)).then(function (r) {
    if (r.status === 200 && !r.json.commentsOpen) {
      form.node.replaceWith(el("p", { "class": "nr-closed", text: "Comments are closed." }));
    }
  });
  loadPage();
})();
