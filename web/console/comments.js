/* The console's Comments screen (ES module), WordPress's in scope: tabs by status with counts, search, filter by
 * article (by title) or author (by email), row actions, edit in place, reply and approve-and-reply as moderator,
 * undo, and the keyboard (j/k move, a approve, s spam, t trash, u undo, e edit, r reply, x select).
 * Every list request carries the ticket of the view that asked (ui.js): switching tabs aborts the older request
 * and empties the list at once, and a late answer is dropped, so the list under a tab is always that tab's.
 * An action takes its row out of a view it no longer belongs to before the server answers, so the next key acts
 * on the next comment on screen; a failure puts the row back. */
import { text } from "../dom.js";
import { call, problem } from "./api.js";
import { findArticle, loadCatalog, titleOf } from "./catalog.js";
import { allRows, appendRow, clearRows, currentRow, focusRow, followFocus, insertRow, removeRow,
  replaceRowElement } from "./list.js";
import { renderRow } from "./rows.js";
import { offerUndo, setUpBulk, showBulkChoices, undoLast } from "./bulk.js";
import { button, current, newView, say, saveView, view, viewTicket } from "./ui.js";

export const STATUSES = ["pending", "approved", "spam", "trash"];
const LABELS = { pending: "Pending", approved: "Approved", spam: "Spam", trash: "Trash" };
const DONE = { approved: "Approved.", pending: "Moved to pending.", spam: "Marked as spam.", trash: "Moved to trash." };
let nextCursor = null;
let countsAsked = 0;

const queue = () => document.getElementById("queue");

export async function loadCounts() {
  const asked = ++countsAsked;
  const query = view.article ? "?article=" + encodeURIComponent(view.article) : "";
  const r = await call("GET", "/admin/comments/counts" + query);
  if (asked !== countsAsked) { return; } // a newer count (another filter) is on its way
  for (const status of STATUSES) {
    const n = r.status === 200 && r.json ? r.json[status] : null;
    document.getElementById("tab-" + status).textContent = LABELS[status] + (typeof n === "number" ? " (" + n + ")" : "");
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

function heading() {
  if (view.email) { return "Comments by " + view.email; }
  let words = LABELS[view.tab] + " comments";
  if (view.article) { words += " on " + titleOf(view.article); }
  if (view.q) { words += " matching “" + view.q + "”"; }
  return words;
}

function listPath(more) {
  if (view.email) {
    const byEmail = new URLSearchParams({ email: view.email });
    if (more && nextCursor) { byEmail.set("cursor", nextCursor); } // the export comes a page at a time
    return "/admin/privacy/export?" + byEmail;
  }
  const query = new URLSearchParams({ status: view.tab, limit: "50" });
  if (view.article) { query.set("article", view.article); }
  if (view.q) { query.set("q", view.q); }
  if (more && nextCursor) { query.set("cursor", nextCursor); }
  return "/admin/comments?" + query;
}

/**
 * Loads the list the view names: a fresh view (more false: a new ticket, the old list gone at once) or the next
 * page of this one. The list is aria-busy while it loads.
 */
export async function loadList(more) {
  if (document.getElementById("comments-section").hidden) { return; } // another screen took over meanwhile
  const ticket = more ? viewTicket() : newView();
  selectTabs();
  showBulkChoices();
  document.getElementById("list-heading").textContent = heading();
  if (!more) {
    clearRows();
    nextCursor = null;
    document.getElementById("more").hidden = true;
    document.getElementById("empty").hidden = true;
  }
  queue().setAttribute("aria-busy", "true");
  const r = await call("GET", listPath(more), null, { signal: ticket.controller.signal });
  if (!current(ticket)) { return; }
  queue().setAttribute("aria-busy", "false");
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) {
    say(problem(r.status === 200 ? { status: 200, json: null } : r, "Could not load the comments."));
    return;
  }
  paint(r.json);
}

function paint(page) {
  nextCursor = page.nextCursor || null;
  const more = document.getElementById("more");
  more.hidden = !nextCursor;
  more.textContent = view.q ? "Search further" : "Load more";
  for (const c of page.items) { appendRow(rowFor(c)); }
  const empty = document.getElementById("empty");
  empty.hidden = allRows().length > 0;
  empty.textContent = view.email ? "No comments from " + view.email + "."
    : view.q ? "No " + view.tab + " comment matches “" + view.q + "” among those searched."
      : "No " + view.tab + " comments" + (view.article ? " on this article." : ".");
  if (view.q && typeof page.examined === "number") {
    const found = page.items.length;
    say("Searched " + page.examined + " " + view.tab + " comments; found " + found + (found === 1 ? " match." : " matches.")
      + (nextCursor ? " More remain: choose Search further." : ""));
  }
  if (allRows().length && !currentRow()) { focusRow(0, false); }
}

function rowFor(comment) {
  const row = { comment, tr: null, busy: false };
  row.tr = render(row);
  return row;
}

function render(row) {
  const c = row.comment;
  const tr = renderRow(c, {
    act: (action) => act(row, action),
    author: (email) => { showAuthor(email); },
    article: (slug) => { showArticle(slug); },
    select: () => {}
  });
  tr.addEventListener("focusin", () => { followFocus(row); });
  if (view.drafts[c.id]) {
    // An edit or reply not sent before the page was left (a new sign-in, a reload) opens again with its text.
    setTimeout(() => {
      const draft = view.drafts[c.id];
      if (draft && row.tr === tr) { openEditor(row, draft.kind, draft.text); }
    }, 0);
  }
  return tr;
}

function act(row, action) {
  if (action === "edit" || action === "reply" || action === "approve-reply") { openEditor(row, action); return; }
  if (action === "delete") { remove(row); return; }
  moderate(row, action);
}

function redraw(row, comment) {
  row.comment = comment;
  replaceRowElement(row, render(row));
}

/** Whether a comment of this status stays in the list on screen (an author's list shows every status). */
const belongs = (status) => Boolean(view.email) || status === view.tab;

/** The comment changed elsewhere (409): show it as it is now and say so. */
async function reloadChanged(row, ticket) {
  const r = await call("GET", "/admin/comments/" + encodeURIComponent(row.comment.id));
  if (r.status === 200 && r.json) {
    row.comment = r.json;
    if (!current(ticket)) { return; }
    if (!allRows().includes(row)) { insertRow(row); }
    redraw(row, r.json);
    say("This comment was changed by someone else meanwhile; it is shown as it is now. Check it and try again.");
  } else {
    say(problem(r, "This comment is no longer there."));
  }
}

async function patch(row, body, ticket = viewTicket()) {
  const r = await call("PATCH", "/admin/comments/" + encodeURIComponent(row.comment.id),
    { ...body, version: row.comment.version });
  if (r.status === 409) {
    await reloadChanged(row, ticket);
  } else if (r.status !== 200 && r.status !== 401) {
    say(problem(r, "The change failed."));
  }
  return r.status === 200 && r.json ? r.json : null;
}

/** A status change by row action or key: the row leaves the view before the answer; back on a failure. */
async function moderate(row, status) {
  if (row.busy || row.comment.status === status) { return; }
  row.busy = true;
  const from = row.comment.status;
  const ticket = viewTicket();
  const leaves = !belongs(status);
  if (leaves) { removeRow(row); }
  const updated = await patch(row, { status }, ticket);
  row.busy = false;
  if (!updated) {
    if (leaves && current(ticket) && !allRows().includes(row)) { insertRow(row); }
    return;
  }
  row.comment = updated;
  if (!leaves && current(ticket)) { redraw(row, updated); }
  say(DONE[status] + " Press u to undo.");
  offerUndo("Undo", () => undoOne(row, from));
  loadCounts();
}

/** Puts the comment back to the status it had; it returns to its place in the list, with the cursor on it. */
async function undoOne(row, from) {
  const ticket = viewTicket();
  const r = await call("GET", "/admin/comments/" + encodeURIComponent(row.comment.id));
  if (r.status !== 200 || !r.json) { say(problem(r, "Could not undo.")); return; }
  row.comment = r.json;
  const back = await patch(row, { status: from });
  if (!back) { return; }
  say("Undone: the comment is " + from + " again.");
  loadCounts();
  if (!current(ticket)) { return; }
  if (allRows().includes(row)) {
    if (belongs(from)) { redraw(row, back); focusRow(allRows().indexOf(row), true); } else { removeRow(row); }
  } else if (belongs(from)) {
    row.comment = back;
    row.tr = render(row);
    insertRow(row);
  }
}

async function remove(row) {
  const r = await call("DELETE", "/admin/comments/" + encodeURIComponent(row.comment.id) + "?version=" + row.comment.version);
  if (r.status === 204) {
    removeRow(row);
    say("Deleted permanently.");
    loadCounts();
  } else if (r.status === 409 && r.json && r.json.error && r.json.error.code === "version_conflict") {
    await reloadChanged(row, viewTicket());
  } else if (r.status !== 401) {
    say(problem(r, "Could not delete it."));
  }
}

const EDITORS = {
  edit: { label: "Edit the comment's text", send: "Save" },
  reply: { label: "Your reply (published at once, as yours)", send: "Send reply" },
  "approve-reply": { label: "Your reply (approves the comment and publishes the reply, as yours)", send: "Approve and reply" }
};

/** An editor under the comment (edit, reply, approve and reply) whose text is kept as a draft until sent or cancelled. */
function openEditor(row, kind, draft) {
  if (kind === "reply" && row.comment.status !== "approved") { kind = "approve-reply"; }
  const id = row.comment.id;
  const old = row.tr.querySelector(".editor");
  if (old) { old.remove(); }
  const form = document.createElement("form");
  form.className = "editor";
  const area = document.createElement("textarea");
  area.id = (kind === "edit" ? "edit-" : "reply-") + id;
  area.rows = 4;
  area.value = draft ?? (kind === "edit" ? row.comment.content : "");
  const label = text("label", EDITORS[kind].label);
  label.htmlFor = area.id;
  const submit = text("button", EDITORS[kind].send);
  submit.type = "submit";
  const forget = () => { delete view.drafts[id]; saveView(); };
  const cancel = button("Cancel", () => { forget(); form.remove(); focusRow(allRows().indexOf(row), true); });
  area.addEventListener("input", () => { view.drafts[id] = { kind, text: area.value }; saveView(); });
  area.addEventListener("keydown", (e) => { if (e.key === "Escape") { cancel.click(); } });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    submit.disabled = true;
    if (await SENDERS[kind](row, area.value)) { forget(); }
    submit.disabled = false;
  });
  form.append(label, area, submit, cancel);
  row.tr.querySelector(".col-comment").appendChild(form);
  view.drafts[id] = { kind, text: area.value };
  saveView();
  area.focus();
  area.setSelectionRange(area.value.length, area.value.length);
}

async function sendReply(row, content) {
  const r = await call("POST", "/admin/comments/" + encodeURIComponent(row.comment.id) + "/reply", { content });
  if (r.status === 201) { return true; }
  if (r.status !== 401) { say(problem(r, "The reply was not sent.")); }
  return false;
}

const SENDERS = {
  edit: async (row, content) => {
    const updated = await patch(row, { content });
    if (updated) { redraw(row, updated); say("Saved."); }
    return Boolean(updated);
  },
  reply: async (row, content) => {
    if (!await sendReply(row, content)) { return false; }
    row.tr.querySelector(".editor").remove();
    say("Reply published.");
    loadCounts();
    return true;
  },
  "approve-reply": async (row, content) => {
    if (!content.trim()) { say("Type your reply first."); return false; }
    const approved = await patch(row, { status: "approved" });
    if (!approved) { return false; }
    row.comment = approved;
    if (!await sendReply(row, content)) { redraw(row, approved); return false; }
    if (belongs("approved")) { redraw(row, approved); } else { removeRow(row); }
    say("Approved, and your reply is published.");
    loadCounts();
    return true;
  }
};

function showAuthor(email) {
  view.email = email;
  view.q = "";
  saveView();
  syncFilters();
  loadList(false);
}

/** Shows one article's comments in the current tab (its title in the filter). */
export function showArticle(slug) {
  view.article = slug;
  view.email = "";
  saveView();
  syncFilters();
  loadList(false);
  loadCounts();
}

function syncFilters() {
  document.getElementById("filter-article").value = view.article ? titleOf(view.article) : "";
  document.getElementById("search").value = view.q;
  document.getElementById("filter-article-error").textContent = "";
  document.getElementById("filter-article").removeAttribute("aria-invalid");
}

const KEYS = {
  j: () => focusRow(allRows().indexOf(currentRow()) + 1, true),
  k: () => focusRow(allRows().indexOf(currentRow()) - 1, true),
  a: (row) => row && row.comment.status !== "approved" && moderate(row, "approved"),
  s: (row) => row && row.comment.status !== "spam" && moderate(row, "spam"),
  t: (row) => row && row.comment.status !== "trash" && moderate(row, "trash"),
  u: () => undoLast(),
  e: (row) => row && openEditor(row, "edit"),
  r: (row) => row && openEditor(row, "reply"),
  x: (row) => { if (row) { row.tr.querySelector(".select").click(); } }
};

function onKey(e) {
  const target = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey || document.getElementById("comments-section").hidden
      || document.getElementById("confirm").open
      || (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]"))) {
    return;
  }
  const action = KEYS[e.key];
  if (action) {
    e.preventDefault();
    action(currentRow());
  }
}

function chooseTab(status) {
  view.tab = status;
  view.email = "";
  saveView();
  loadList(false);
}

function setUpFilters() {
  const articleInput = document.getElementById("filter-article");
  const error = document.getElementById("filter-article-error");
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const typed = articleInput.value.trim();
    const found = typed ? findArticle(typed) : { slug: "" };
    if (found.problem) {
      articleInput.setAttribute("aria-invalid", "true");
      error.textContent = found.problem;
      articleInput.focus();
      return;
    }
    view.article = found.slug;
    view.q = document.getElementById("search").value.trim();
    view.email = "";
    saveView();
    syncFilters();
    loadList(false);
    loadCounts();
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    view.article = "";
    view.email = "";
    view.q = "";
    saveView();
    syncFilters();
    loadList(false);
    loadCounts();
  });
}

/** Wires the screen's controls once; loadComments then fills it. */
export function setUpComments() {
  for (const status of STATUSES) {
    document.getElementById("tab-" + status).addEventListener("click", () => { chooseTab(status); });
  }
  document.getElementById("tabs").addEventListener("keydown", (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) {
      const next = STATUSES[(STATUSES.indexOf(view.tab) + step + STATUSES.length) % STATUSES.length];
      document.getElementById("tab-" + next).focus();
      chooseTab(next);
    }
  });
  setUpFilters();
  setUpBulk({ reload: () => loadList(false), loadCounts, belongs, rowFor });
  document.getElementById("more").addEventListener("click", () => loadList(true));
  document.addEventListener("keydown", onKey);
}

/** The screen as the view names it: the article titles (for the filter and the rows), the list and the counts. */
export async function loadComments() {
  const ticket = viewTicket();
  await loadCatalog();
  if (!current(ticket)) { return; }
  syncFilters();
  await Promise.all([loadList(false), loadCounts()]);
}
