/* The moderators' page: sign in with the token, then approve, mark as spam or trash the pending comments. */
(function () {
  "use strict";
  var token = sessionStorage.getItem("newsroom-token") || "";
  var queue = document.getElementById("queue");
  var status = document.getElementById("status");
  // Resolves to {status, json}: json is null when the body is not a JSON object (a proxy's HTML error page,
  // a truncated body) and status is 0 when the server could not be reached. Never rejects.
  function call(method, path, body) {
    return fetch(path, { method: method, headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.text().then(function (t) {
        var json = null;
        try { json = t ? JSON.parse(t) : {}; } catch (e) { json = null; }
        return { status: r.status, json: json && typeof json === "object" ? json : null };
      });
    }).catch(function () { return { status: 0, json: null }; });
  }
  // What went wrong, in words a moderator can act on.
  function problem(r, fallback) {
    if (r.status === 0) { return "Could not reach the server. Check your connection and try again."; }
    if (!r.json) { return "The server sent an unexpected response (HTTP " + r.status + "). Please try again in a moment."; }
    return r.json.error && r.json.error.message ? r.json.error.message : fallback;
  }
  function text(tag, value) { var n = document.createElement(tag); n.textContent = value; return n; }
  function load() {
    call("GET", "/admin/comments?status=pending&limit=100").then(function (r) {
      queue.textContent = "";
      if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) {
        status.textContent = problem(r.status === 200 ? { status: 200, json: null } : r, "Could not load the queue.");
        return;
      }
      status.textContent = r.json.items.length ? "" : "Nothing is waiting for moderation.";
      r.json.items.forEach(function (c) {
        var li = document.createElement("li");
        li.appendChild(text("strong", (c.authorName || "Anonymous") + " <" + (c.authorEmail || "no email") + "> on " + c.articleSlug));
        li.appendChild(text("p", c.content));
        ["approved", "spam", "trash"].forEach(function (s) {
          var b = text("button", s === "approved" ? "Approve" : s === "spam" ? "Spam" : "Trash");
          b.addEventListener("click", function () {
            call("PATCH", "/admin/comments/" + encodeURIComponent(c.id), { status: s, version: c.version }).then(function (x) {
              status.textContent = x.status === 200 && x.json ? "Done." : problem(x, "Failed.");
              load();
            });
          });
          li.appendChild(b);
        });
        queue.appendChild(li);
      });
    });
  }
  document.getElementById("signin").addEventListener("submit", function (e) {
    e.preventDefault();
    token = document.getElementById("token").value;
    sessionStorage.setItem("newsroom-token", token);
    load();
  });
  if (token) { load(); }
})();
