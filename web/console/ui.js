/* What every part of the console shares (ES module): the status line, the view the moderator is in (section, tab,
 * filters, search, unsent edits and replies) kept in sessionStorage so that signing in again or a reload returns
 * to it, the ticket that ties each list request to the view that asked, and the confirmation dialog. */

const VIEW = "nr-console-view";

function initialView() {
  const defaults = { section: "comments", tab: "pending", article: "", email: "", q: "", drafts: {} };
  try { return { ...defaults, ...JSON.parse(sessionStorage.getItem(VIEW) || "{}") }; } catch { return defaults; }
}

export const view = initialView();

export function saveView() {
  sessionStorage.setItem(VIEW, JSON.stringify(view));
}

/**
 * The status line (role=status, the only live region): says the result of what the moderator just did and keeps
 * it until the next action or view change.
 */
export function say(message) {
  document.getElementById("status").textContent = message;
}

let ticket = { id: 0, controller: new AbortController() };

/**
 * A new view (section, tab, filter, search): the requests of the previous one are aborted, their late answers
 * are ignored (see current), and the status line is cleared, so nothing said of another view stays on screen.
 */
export function newView() {
  ticket.controller.abort();
  ticket = { id: ticket.id + 1, controller: new AbortController() };
  say("");
  return ticket;
}

/** The ticket of the view on screen now; an answer is painted only while its ticket is still current(). */
export function viewTicket() {
  return ticket;
}

export function current(t) {
  return t.id === ticket.id && !t.controller.signal.aborted;
}

/** A labelled form control: <label for=id>text</label> followed by the control. */
export function field(labelText, control) {
  const wrap = document.createElement("p");
  const label = document.createElement("label");
  label.htmlFor = control.id;
  label.textContent = labelText;
  wrap.append(label, control);
  return wrap;
}

export function button(label, onClick, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (cls) { b.className = cls; }
  b.addEventListener("click", onClick);
  return b;
}

/**
 * Asks before something that cannot be undone: a modal dialog naming what will happen, with the action's own
 * label on the confirming button and Cancel focused first. Resolves true only when the moderator confirms.
 */
export function confirmAction(message, confirmLabel) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-message").textContent = message;
  const yes = document.getElementById("confirm-yes");
  yes.textContent = confirmLabel;
  dialog.returnValue = "";
  dialog.showModal();
  document.getElementById("confirm-no").focus();
  return new Promise((done) => {
    dialog.addEventListener("close", () => { done(dialog.returnValue === "yes"); }, { once: true });
  });
}
