/* Bulk actions, emptying spam or trash, and undo (ES module). The bulk menu starts at "Bulk actions" (no action
 * is chosen for the moderator) and offers what WordPress offers on each tab: "Delete permanently" only in Spam and
 * Trash, after a confirmation naming how many. A bulk action applies to the rows selected in the view on screen,
 * read when Apply is pressed; its result stays on the status line until the next action. The last action, single
 * or bulk (deletes aside), can be undone with u or the Undo button. */
import { call, problem } from "./api.js";
import { allRows, insertRow, removeRow, selectAll, selectedRows } from "./list.js";
import { confirmAction, current, say, view, viewTicket } from "./ui.js";

const CHOICES = {
  pending: [["approve", "Approve"], ["spam", "Mark as spam"], ["trash", "Move to trash"]],
  approved: [["pending", "Unapprove"], ["spam", "Mark as spam"], ["trash", "Move to trash"]],
  spam: [["pending", "Not spam"], ["delete", "Delete permanently"]],
  trash: [["pending", "Restore"], ["delete", "Delete permanently"]],
  author: [["approve", "Approve"], ["pending", "Unapprove"], ["spam", "Mark as spam"], ["trash", "Move to trash"]]
};
const DONE = { approve: "approved", pending: "moved to pending", spam: "marked as spam", trash: "moved to trash",
  delete: "deleted permanently" };
const ACTION_FOR = { approved: "approve", pending: "pending", spam: "spam", trash: "trash" };
const MAX_BULK = 100;
let ctx = null;
let lastUndo = null;

const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

/** Fills the bulk menu for the view on screen, with nothing chosen; Empty spam/trash shows on those tabs. */
export function showBulkChoices() {
  const select = document.getElementById("bulk-action");
  select.textContent = "";
  select.appendChild(new Option("Bulk actions", "", true, true));
  for (const [value, label] of CHOICES[view.email ? "author" : view.tab]) { select.appendChild(new Option(label, value)); }
  const empty = document.getElementById("empty-status");
  const emptiable = !view.email && (view.tab === "spam" || view.tab === "trash");
  empty.hidden = !emptiable;
  empty.textContent = view.tab === "spam" ? "Empty spam" : "Empty trash";
}

/** Makes fn the one thing u (and the Undo button) undoes next. */
export function offerUndo(label, fn) {
  lastUndo = fn;
  const undo = document.getElementById("undo");
  undo.textContent = label;
  undo.hidden = false;
}

export async function undoLast() {
  if (!lastUndo) { say("Nothing to undo."); return; }
  const fn = lastUndo;
  lastUndo = null;
  document.getElementById("undo").hidden = true;
  await fn();
}

async function post(action, ids) {
  const r = await call("POST", "/admin/comments/bulk", { action, ids });
  return r.status === 200 && r.json && Array.isArray(r.json.results) ? r.json.results : (say(problem(r, "The bulk action failed.")), null);
}

async function apply() {
  const select = document.getElementById("bulk-action");
  const action = select.value;
  if (!action) { say("Choose a bulk action first."); select.focus(); return; }
  const chosen = selectedRows();
  if (!chosen.length) { say("Select comments first."); return; }
  const n = chosen.length;
  if (action === "delete" && !await confirmAction("Delete " + plural(n, "comment", "comments")
      + " permanently? This cannot be undone.", "Delete " + n + " permanently")) {
    say("Nothing was deleted.");
    return;
  }
  const ticket = viewTicket();
  const byId = new Map(chosen.map((row) => [row.comment.id, row]));
  const results = await post(action, [...byId.keys()]);
  if (!results) { return; }
  const done = results.filter((x) => x.result === "ok");
  const failed = results.length - done.length;
  select.value = "";
  if (current(ticket)) {
    selectAll(false);
    document.getElementById("select-all").checked = false;
    if (view.email) {
      await ctx.reload();
    } else {
      for (const x of done) { if (x.status === "deleted" || !ctx.belongs(x.status)) { removeRow(byId.get(x.id)); } }
    }
  }
  const undoable = action !== "delete" && done.length > 0;
  say(done.length + " of " + n + " " + DONE[action] + (failed ? "; " + plural(failed, "comment", "comments")
    + " could not be changed (changed elsewhere or gone)." : ".") + (undoable ? " Press u to undo." : ""));
  if (undoable) {
    const before = done.map((x) => byId.get(x.id).comment);
    offerUndo("Undo bulk action", () => undoBulk(before));
  }
  ctx.loadCounts();
}

/** Puts each comment of the last bulk action back to the status it had, one request per former status. */
async function undoBulk(before) {
  const ticket = viewTicket();
  let restored = 0;
  for (const status of new Set(before.map((c) => c.status))) {
    const ids = before.filter((c) => c.status === status).map((c) => c.id);
    const results = await post(ACTION_FOR[status], ids);
    if (!results) { return; }
    restored += results.filter((x) => x.result === "ok").length;
  }
  if (current(ticket) && !view.email) {
    const back = await call("GET", "/admin/comments?status=" + view.tab + "&limit=100"
      + (view.article ? "&article=" + encodeURIComponent(view.article) : ""));
    const shown = new Set(allRows().map((row) => row.comment.id));
    const mine = new Set(before.map((c) => c.id));
    const returning = back.status === 200 && back.json ? back.json.items.filter((c) => mine.has(c.id) && !shown.has(c.id)) : [];
    if (current(ticket)) { returning.forEach((c) => insertRow(ctx.rowFor(c))); }
  } else if (current(ticket)) {
    await ctx.reload();
  }
  say("Undone: " + plural(restored, "comment is", "comments are") + " back where they were.");
  ctx.loadCounts();
}

/** Deletes for good every comment of the Spam or Trash tab (of the filtered article, if any), after confirming. */
async function emptyStatus() {
  const status = view.tab;
  const name = status === "spam" ? "Spam" : "Trash";
  const filter = view.article ? "&article=" + encodeURIComponent(view.article) : "";
  const counts = await call("GET", "/admin/comments/counts" + (view.article ? "?article=" + encodeURIComponent(view.article) : ""));
  const total = counts.status === 200 && counts.json ? counts.json[status] : null;
  if (typeof total !== "number") { say(problem(counts, "Could not count the comments in " + name + ".")); return; }
  if (total === 0) { say(name + " is already empty."); return; }
  if (!await confirmAction("Permanently delete " + (total === 1 ? "the 1 comment" : "all " + total + " comments") + " in " + name
      + (view.article ? " on this article" : "") + "? This cannot be undone.", "Empty " + name.toLowerCase())) {
    say("Nothing was deleted.");
    return;
  }
  let deleted = 0;
  for (let round = 0; round < 1000; round++) {
    const page = await call("GET", "/admin/comments?status=" + status + "&limit=" + MAX_BULK + filter);
    if (page.status !== 200 || !page.json || !page.json.items.length) { break; }
    const results = await post("delete", page.json.items.map((c) => c.id));
    const now = results ? results.filter((x) => x.result === "ok").length : 0;
    deleted += now;
    if (!now) { break; }
  }
  await ctx.reload();
  say("Deleted " + plural(deleted, "comment", "comments") + " permanently from " + name + ".");
  ctx.loadCounts();
}

/** ctx: {reload(), loadCounts(), belongs(status), rowFor(comment)} from the Comments screen. */
export function setUpBulk(context) {
  ctx = context;
  document.getElementById("select-all").addEventListener("change", (e) => { selectAll(e.target.checked); });
  document.getElementById("bulk-apply").addEventListener("click", apply);
  document.getElementById("empty-status").addEventListener("click", emptyStatus);
  document.getElementById("undo").addEventListener("click", undoLast);
}
