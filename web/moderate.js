/* The moderators' page (ES module): sign in with the token, then approve, mark as spam or trash the pending comments. */
import { text } from "./dom.js";

let token = sessionStorage.getItem("newsroom-token") || "";
const queue = document.getElementById("queue");
const status = document.getElementById("status");
const ACTIONS = [["approved", "Approve"], ["spam", "Spam"], ["trash", "Trash"]];

// Resolves to {status, json}: json is null when the body is not a JSON object (a proxy's HTML error page,
// a truncated body) and status is 0 when the server could not be reached. Never rejects.
async function call(method, path, body) {
  let r;
  let t;
  try {
    r = await fetch(path, {
      method,
      headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined
    });
    t = await r.text();
  } catch {
    return { status: 0, json: null };
  }
  let json = null;
  try { json = t ? JSON.parse(t) : {}; } catch { json = null; }
  return { status: r.status, json: json && typeof json === "object" ? json : null };
}

// What went wrong, in words a moderator can act on.
function problem(r, fallback) {
  if (r.status === 0) { return "Could not reach the server. Check your connection and try again."; }
  if (!r.json) { return "The server sent an unexpected response (HTTP " + r.status + "). Please try again in a moment."; }
  return r.json.error && r.json.error.message ? r.json.error.message : fallback;
}

async function moderate(c, s) {
  const x = await call("PATCH", "/admin/comments/" + encodeURIComponent(c.id), { status: s, version: c.version });
  status.textContent = x.status === 200 && x.json ? "Done." : problem(x, "Failed.");
  await load();
}

async function load() {
  const r = await call("GET", "/admin/comments?status=pending&limit=100");
  queue.textContent = "";
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) {
    status.textContent = problem(r.status === 200 ? { status: 200, json: null } : r, "Could not load the queue.");
    return;
  }
  status.textContent = r.json.items.length ? "" : "Nothing is waiting for moderation.";
  for (const c of r.json.items) {
    const li = document.createElement("li");
    li.appendChild(text("strong", (c.authorName || "Anonymous") + " <" + (c.authorEmail || "no email") + "> on " + c.articleSlug));
    li.appendChild(text("p", c.content));
    for (const [s, label] of ACTIONS) {
      const b = text("button", label);
      b.type = "button";
      b.addEventListener("click", () => moderate(c, s));
      li.appendChild(b);
    }
    queue.appendChild(li);
  }
}

document.getElementById("signin").addEventListener("submit", (e) => {
  e.preventDefault();
  token = document.getElementById("token").value;
  sessionStorage.setItem("newsroom-token", token);
  load();
});
if (token) { load(); }
