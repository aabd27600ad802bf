/* The comment list on screen (ES module): its rows in screen order, the keyboard cursor, and the selection.
 * Everything the keyboard and the bulk actions act on comes from here, so they act on exactly the rows shown
 * (and selected) in the current view; a row that leaves the view hands the cursor to the comment after it. */

let rows = [];      // [{comment, tr, busy}] in screen order
let cursor = -1;    // index of the row the keyboard acts on

const body = () => document.getElementById("queue");

export function allRows() {
  return rows;
}

export function currentRow() {
  return rows[cursor] || null;
}

/** Empties the list (a new view): nothing of the old view can be acted on while the new one loads. */
export function clearRows() {
  rows = [];
  cursor = -1;
  body().textContent = "";
  document.getElementById("select-all").checked = false;
}

export function appendRow(row) {
  rows.push(row);
  body().appendChild(row.tr);
}

function mark() {
  rows.forEach((row, i) => row.tr.classList.toggle("current", i === cursor));
}

/** Puts the cursor on row index (clamped); focus moves there too when asked (keyboard use). */
export function focusRow(index, focus) {
  if (!rows.length) { cursor = -1; return; }
  cursor = Math.max(0, Math.min(index, rows.length - 1));
  mark();
  if (focus) { rows[cursor].tr.focus(); }
}

/** Keeps the cursor where focus went (a click or Tab inside a row). */
export function followFocus(row) {
  const index = rows.indexOf(row);
  if (index >= 0 && index !== cursor) { cursor = index; mark(); }
}

/** Takes a row out; the cursor stays at the same place, which is now the next comment (or the last one). */
export function removeRow(row) {
  const index = rows.indexOf(row);
  if (index < 0) { return -1; }
  const hadFocus = row.tr.contains(document.activeElement);
  rows.splice(index, 1);
  row.tr.remove();
  if (cursor >= index) { focusRow(cursor > index ? cursor - 1 : index, hadFocus || cursor === index); }
  return index;
}

/**
 * Puts a row back where its comment belongs in the list's order (oldest first: ids are time-ordered) and moves
 * the cursor to it (an undo, or an action that failed).
 */
export function insertRow(row) {
  let index = rows.findIndex((r) => r.comment.id > row.comment.id);
  if (index < 0) { index = rows.length; }
  rows.splice(index, 0, row);
  body().insertBefore(row.tr, rows[index + 1] ? rows[index + 1].tr : null);
  focusRow(index, true);
}

export function replaceRowElement(row, tr) {
  row.tr.replaceWith(tr);
  row.tr = tr;
  mark();
}

/** The selected rows, in screen order. */
export function selectedRows() {
  return rows.filter((row) => row.tr.querySelector(".select").checked);
}

export function selectAll(checked) {
  for (const row of rows) { row.tr.querySelector(".select").checked = checked; }
}
