/* The console's Comments screen (ES module), WordPress's in scope: tabs by status with counts, filter by article,
 * an author's comments by email, bulk actions, restore, edit in place, reply as moderator, undo, and the
 * keyboard (j/k move, a approve, s spam, t trash, u undo, e edit, r reply, x select). The list is aria-busy while
 * it loads. Each comment shows its
 * article, time, link count, its text as readers see it (contentHtml) and the author's approved comments. */
import { text, webUrl } from "../dom.js";
import { call, problem } from "./api.js";
import { button, say, saveView, view } from "./ui.js";

const STATUSES = ["pending", "approved", "spam", "trash"];
const LABELS = { pending: "Pending", approved: "Approved", spam: "Spam", trash: "Trash" };
const DONE = { approved: "Approved.", pending: "Moved to pending.", spam: "Marked as spam.", trash: "Moved to trash." };
// What readers' pages may show of contentHtml (WordPress's comment tags plus the formatter's p and br).
const ALLOWED = { A: ["href", "title", "rel"], ABBR: ["title"], ACRONYM: ["title"], B: [], BLOCKQUOTE: ["cite"],
  BR: [], CITE: [], CODE: [], DEL: ["datetime"], EM: [], I: [], P: [], Q: ["cite"], S: [], STRIKE: [], STRONG: [] };

let rows = [];          // [{comment, li}] in screen order
let current = -1;       // index of the row the keyboard acts on
let nextCursor = null;
let lastChange = null;  // {id, from}: what u undoes

const queue = () => document.getElementById("queue");

/** contentHtml as a fragment of allowed elements and attributes only; links keep http(s)/mailto hrefs. */
function safeHtml(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  for (const node of [...template.content.querySelectorAll("*")]) {
    if (!Object.hasOwn(ALLOWED, node.tagName)) {
      node.replaceWith(...node.childNodes);
      continue;
    }
    for (const attribute of [...node.attributes]) {
      const keep = ALLOWED[node.tagName].includes(attribute.name)
        && (attribute.name !== "href" || /^(https?:|mailto:)/i.test(attribute.value));
      if (!keep) { node.removeAttribute(attribute.name); }
    }
  }
  return template.content;
}

export async function loadCounts() {
  const query = view.article ? "?article=" + encodeURIComponent(view.article) : "";
  const r = await call("GET", "/admin/comments/counts" + query);
  for (const status of STATUSES) {
    const tab = document.getElementById("tab-" + status);
    const n = r.status === 200 && r.json ? r.json[status] : null;
    tab.textContent = LABELS[status] + (typeof n === "number" ? " (" + n + ")" : "");
  }
}

function selectTabs() {
  for (const status of STATUSES) {
    const tab = document.getElementById("tab-" + status);
    const selected = !view.email && view.tab === status;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}

/** Loads the list the view names: an author's comments (by email) or one status's queue. */
export async function loadList(more) {
  queue().setAttribute("aria-busy", "true");
  try {
    await fill(more);
  } finally {
    queue().setAttribute("aria-busy", "false");
  }
}

async function fill(more) {
  selectTabs();
  const heading = document.getElementById("list-heading");
  let r;
  if (view.email) {
    heading.textContent = "Comments by " + view.email;
    const query = new URLSearchParams({ email: view.email });
    if (more && nextCursor) { query.set("cursor", nextCursor); }
    r = await call("GET", "/admin/privacy/export?" + query);
  } else {
    heading.textContent = LABELS[view.tab] + " comments" + (view.article ? " on " + view.article : "");
    const query = new URLSearchParams({ status: view.tab, limit: "50" });
    if (view.article) { query.set("article", view.article); }
    if (more && nextCursor) { query.set("cursor", nextCursor); }
    r = await call("GET", "/admin/comments?" + query);
  }
  if (!more) {
    rows = [];
    current = -1;
    queue().textContent = "";
  }
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) {
    say(problem(r.status === 200 ? { status: 200, json: null } : r, "Could not load the comments."));
    return;
  }
  nextCursor = r.json.nextCursor || null;
  document.getElementById("more").hidden = !nextCursor;
  for (const c of r.json.items) {
    const row = { comment: c, li: null };
    rows.push(row);
    row.li = render(row);
    queue().appendChild(row.li);
  }
  if (!rows.length) { say(view.email ? "No comments from " + view.email + "." : "No " + view.tab + " comments."); }
  if (rows.length && current < 0) { focusRow(0, false); }
}

function render(row) {
  const c = row.comment;
  const li = document.createElement("li");
  li.className = "comment status-" + c.status;
  li.id = "c-" + c.id;
  li.tabIndex = -1;
  li.setAttribute("aria-label", "Comment by " + (c.authorName || "Anonymous"));

  const select = document.createElement("input");
  select.type = "checkbox";
  select.className = "select";
  select.id = "select-" + c.id;
  select.value = c.id;
  const selectLabel = text("label", "Select the comment by " + (c.authorName || "Anonymous"), "visually-hidden");
  selectLabel.htmlFor = select.id;
  const who = text("strong", c.authorName || "Anonymous", "author");
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.append(select, selectLabel, who);
  if (c.byModerator) { meta.append(" ", text("span", "moderator", "badge")); }
  if (c.authorEmail) {
    meta.append(" ", button(c.authorEmail, () => { showAuthor(c.authorEmail); }, "link email"));
  }
  const url = webUrl(c.authorUrl);
  if (url) {
    const a = text("a", url);
    a.href = url;
    a.rel = "nofollow ugc noopener";
    meta.append(" ", a);
  }
  if (c.ip) { meta.append(" ", text("span", c.ip, "ip")); }

  const facts = document.createElement("p");
  facts.className = "facts";
  const article = text("a", c.articleSlug);
  article.href = "/?article=" + encodeURIComponent(c.articleSlug);
  const time = text("time", new Date(c.createdAt).toLocaleString());
  time.dateTime = c.createdAt;
  const links = c.linkCount;
  facts.append("On ", article, " · ", time, " · ", text("span", links + (links === 1 ? " link" : " links"), "links"),
    " · ", text("span", c.status, "state"));
  if (typeof c.authorApprovedCount === "number") {
    facts.append(" · ", text("span", c.authorApprovedCount + " approved from this author", "history"));
  }
  if (c.parentId) { facts.append(" · ", text("span", "reply", "reply-mark")); }

  const content = document.createElement("div");
  content.className = "content";
  content.appendChild(safeHtml(c.contentHtml));

  const actions = document.createElement("p");
  actions.className = "actions";
  for (const [status, label] of actionsFor(c.status)) {
    actions.appendChild(button(label, () => { moderate(row, status); }, "act-" + status));
  }
  if (c.status === "spam" || c.status === "trash") {
    actions.appendChild(button("Delete permanently", () => { remove(row); }, "act-delete"));
  }
  actions.appendChild(button("Edit", () => { edit(row); }, "act-edit"));
  if (c.status === "approved") { actions.appendChild(button("Reply", () => { reply(row); }, "act-reply")); }

  li.append(meta, facts, content, actions);
  li.addEventListener("focusin", () => { current = rows.indexOf(row); markCurrent(); });
  if (view.drafts[c.id]) {
    // An edit or reply not sent before the page was left (a new sign-in, a reload) opens again with its text.
    setTimeout(() => {
      const draft = view.drafts[c.id];
      if (draft && row.li === li) { (draft.kind === "edit" ? edit : reply)(row, draft.text); }
    }, 0);
  }
  return li;
}

function actionsFor(status) {
  if (status === "pending") { return [["approved", "Approve"], ["spam", "Spam"], ["trash", "Trash"]]; }
  if (status === "approved") { return [["pending", "Unapprove"], ["spam", "Spam"], ["trash", "Trash"]]; }
  return [["pending", status === "spam" ? "Not spam" : "Restore"]];
}

function replaceRow(row, comment) {
  row.comment = comment;
  const li = render(row);
  row.li.replaceWith(li);
  row.li = li;
  markCurrent();
}

/** The comment changed elsewhere (409): show it as it is now and say so. */
async function reloadChanged(row) {
  const r = await call("GET", "/admin/comments/" + encodeURIComponent(row.comment.id));
  if (r.status === 200 && r.json) {
    replaceRow(row, r.json);
    say("This comment was changed by someone else meanwhile; it is shown as it is now. Check it and try again.");
  } else {
    say(problem(r, "This comment is no longer there."));
  }
}

async function patch(row, body, done) {
  const r = await call("PATCH", "/admin/comments/" + encodeURIComponent(row.comment.id),
    { ...body, version: row.comment.version });
  if (r.status === 200 && r.json) {
    done(r.json);
  } else if (r.status === 409) {
    await reloadChanged(row);
  } else if (r.status !== 401) {
    say(problem(r, "The change failed."));
  }
  return r.status === 200;
}

async function moderate(row, status) {
  const from = row.comment.status;
  await patch(row, { status }, (updated) => {
    lastChange = { id: updated.id, from };
    settle(row, updated);
    say(DONE[status] + " Press u to undo.");
  });
}

/** After a status change: the row leaves a status tab it no longer belongs to; it stays in an author's list. */
function settle(row, updated) {
  if (view.email || updated.status === view.tab) {
    replaceRow(row, updated);
  } else {
    const index = rows.indexOf(row);
    rows.splice(index, 1);
    row.li.remove();
    if (rows.length) { focusRow(Math.min(index, rows.length - 1), true); } else { current = -1; }
  }
  loadCounts();
}

async function undo() {
  if (!lastChange) { say("Nothing to undo."); return; }
  const { id, from } = lastChange;
  lastChange = null;
  const r = await call("GET", "/admin/comments/" + encodeURIComponent(id));
  if (r.status !== 200 || !r.json) { say(problem(r, "Could not undo.")); return; }
  const row = rows.find((x) => x.comment.id === id) || { comment: r.json, li: null };
  row.comment = r.json;
  const back = await call("PATCH", "/admin/comments/" + encodeURIComponent(id), { status: from, version: r.json.version });
  if (back.status !== 200) { say(problem(back, "Could not undo.")); return; }
  say("Undone: the comment is " + from + " again.");
  await Promise.all([loadList(false), loadCounts()]);
}

async function remove(row) {
  const r = await call("DELETE", "/admin/comments/" + encodeURIComponent(row.comment.id) + "?version=" + row.comment.version);
  if (r.status === 204) {
    rows.splice(rows.indexOf(row), 1);
    row.li.remove();
    say("Deleted permanently.");
    loadCounts();
  } else if (r.status === 409 && r.json && r.json.error && r.json.error.code === "version_conflict") {
    await reloadChanged(row);
  } else if (r.status !== 401) {
    say(problem(r, "Could not delete it."));
  }
}

/** An editor under the comment (edit or reply) whose text is kept as a draft until it is sent or cancelled. */
function editor(row, kind, initial, send) {
  const id = row.comment.id;
  const old = row.li.querySelector(".editor");
  if (old) { old.remove(); }
  const form = document.createElement("form");
  form.className = "editor";
  const area = document.createElement("textarea");
  area.id = kind + "-" + id;
  area.rows = 5;
  area.value = initial;
  const label = text("label", kind === "edit" ? "Edit the comment's text" : "Your reply (published at once, as yours)");
  label.htmlFor = area.id;
  const submit = text("button", kind === "edit" ? "Save" : "Send reply");
  submit.type = "submit";
  const forget = () => { delete view.drafts[id]; saveView(); };
  const cancel = button("Cancel", () => { forget(); form.remove(); focusRow(rows.indexOf(row), true); });
  area.addEventListener("input", () => { view.drafts[id] = { kind, text: area.value }; saveView(); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    submit.disabled = true;
    if (await send(area.value)) { forget(); }
    submit.disabled = false;
  });
  form.append(label, area, submit, cancel);
  row.li.appendChild(form);
  view.drafts[id] = { kind, text: area.value };
  saveView();
  area.focus();
  area.setSelectionRange(area.value.length, area.value.length);
}

function edit(row, draft) {
  editor(row, "edit", draft ?? row.comment.content, (content) => patch(row, { content }, (updated) => {
    replaceRow(row, updated);
    say("Saved.");
  }));
}

function reply(row, draft) {
  if (row.comment.status !== "approved") { say("Approve the comment before replying to it."); return; }
  editor(row, "reply", draft ?? "", async (content) => {
    const r = await call("POST", "/admin/comments/" + encodeURIComponent(row.comment.id) + "/reply", { content });
    if (r.status === 201) {
      row.li.querySelector(".editor").remove();
      say("Reply published.");
      loadCounts();
      return true;
    }
    if (r.status !== 401) { say(problem(r, "The reply was not sent.")); }
    return false;
  });
}

async function bulk() {
  const ids = [...queue().querySelectorAll(".select:checked")].map((box) => box.value);
  const action = document.getElementById("bulk-action").value;
  if (!ids.length) { say("Select comments first."); return; }
  const r = await call("POST", "/admin/comments/bulk", { action, ids });
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.results)) { say(problem(r, "The bulk action failed.")); return; }
  const failed = r.json.results.filter((x) => x.result !== "ok").length;
  say((r.json.results.length - failed) + " of " + ids.length + " done" + (failed ? "; " + failed + " could not be changed." : "."));
  document.getElementById("select-all").checked = false;
  await Promise.all([loadList(false), loadCounts()]);
}

function markCurrent() {
  rows.forEach((row, i) => row.li.classList.toggle("current", i === current));
}

function focusRow(index, focus) {
  if (index < 0 || index >= rows.length) { return; }
  current = index;
  markCurrent();
  if (focus) { rows[index].li.focus(); }
}

function showAuthor(email) {
  view.email = email;
  document.getElementById("filter-email").value = email;
  saveView();
  loadList(false);
}

const KEYS = {
  j: () => focusRow(current + 1, true),
  k: () => focusRow(Math.max(0, current - 1), true),
  a: (row) => row && row.comment.status !== "approved" && moderate(row, "approved"),
  s: (row) => row && row.comment.status !== "spam" && moderate(row, "spam"),
  t: (row) => row && row.comment.status !== "trash" && moderate(row, "trash"),
  u: () => undo(),
  e: (row) => row && edit(row),
  r: (row) => row && reply(row),
  x: (row) => { if (row) { const box = row.li.querySelector(".select"); box.checked = !box.checked; } }
};

function onKey(e) {
  const target = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey || document.getElementById("comments-section").hidden
      || (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]"))) {
    return;
  }
  const action = KEYS[e.key];
  if (action) {
    e.preventDefault();
    action(rows[current]);
  }
}

/** Wires the screen's controls once; loadList and loadCounts then fill it. */
export function setUpComments() {
  for (const status of STATUSES) {
    document.getElementById("tab-" + status).addEventListener("click", () => {
      view.tab = status;
      view.email = "";
      document.getElementById("filter-email").value = "";
      saveView();
      loadList(false);
    });
  }
  document.getElementById("tabs").addEventListener("keydown", (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) {
      const next = STATUSES[(STATUSES.indexOf(view.tab) + step + STATUSES.length) % STATUSES.length];
      document.getElementById("tab-" + next).focus();
      document.getElementById("tab-" + next).click();
    }
  });
  const article = document.getElementById("filter-article");
  const email = document.getElementById("filter-email");
  article.value = view.article;
  email.value = view.email;
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    view.article = article.value.trim();
    view.email = email.value.trim();
    saveView();
    loadList(false);
    loadCounts();
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    article.value = "";
    email.value = "";
    view.article = "";
    view.email = "";
    saveView();
    loadList(false);
    loadCounts();
  });
  document.getElementById("select-all").addEventListener("change", (e) => {
    for (const box of queue().querySelectorAll(".select")) { box.checked = e.target.checked; }
  });
  document.getElementById("bulk-apply").addEventListener("click", bulk);
  document.getElementById("more").addEventListener("click", () => loadList(true));
  document.addEventListener("keydown", onKey);
}
