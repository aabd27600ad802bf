/* The moderators' page: sign in with the token, then approve, mark as spam or trash the pending comments. */
(function () {
  "use strict";
  var token = sessionStorage.getItem("newsroom-token") || "";
  var queue = document.getElementById("queue");
  var status = document.getElementById("status");
  function call(method, path, body) {
    return fetch(path, { method: method, headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.text().then(function (t) { return { status: r.status, json: t ? JSON.parse(t) : {} }; });
    });
  }
  function text(tag, value) { var n = document.createElement(tag); n.textContent = value; return n; }
  function load() {
    call("GET", "/admin/comments?status=pending&limit=100").then(function (r) {
      queue.textContent = "";
      if (r.status !== 200) { status.textContent = r.json.error ? r.json.error.message : "Could not load the queue."; return; }
      status.textContent = r.json.items.length ? "" : "Nothing is waiting for moderation.";
      r.json.items.forEach(function (c) {
        var li = document.createElement("li");
        li.appendChild(text("strong", (c.authorName || "Anonymous") + " <" + (c.authorEmail || "no email") + "> on " + c.articleSlug));
        li.appendChild(text("p", c.content));
        ["approved", "spam", "trash"].forEach(function (s) {
          var b = text("button", s === "approved" ? "Approve" : s === "spam" ? "Spam" : "Trash");
          b.addEventListener("click", function () {
            call("PATCH", "/admin/comments/" + encodeURIComponent(c.id), { status: s, version: c.version }).then(function (x) {
              status.textContent = x.status === 200 ? "Done." : (x.json.error ? x.json.error.message : "Failed.");
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
