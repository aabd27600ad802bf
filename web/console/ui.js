/* What every part of the console shares (ES module): the announced status line and the view the moderator is
 * in (section, tab, filters, unsent edits and replies), kept in sessionStorage so that signing in again, or a
 * reload, returns to it. */

const VIEW = "nr-console-view";

function initialView() {
  const defaults = { section: "comments", tab: "pending", article: "", email: "", drafts: {} };
  try { return { ...defaults, ...JSON.parse(sessionStorage.getItem(VIEW) || "{}") }; } catch { return defaults; }
}

export const view = initialView();

export function saveView() {
  sessionStorage.setItem(VIEW, JSON.stringify(view));
}

/** Announces a result (the status line is aria-live). */
export function say(message) {
  document.getElementById("status").textContent = message;
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
