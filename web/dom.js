/* Helpers shared by the demo page and the moderators' page (ES module). The widget, comments.js, stays one
 * self-contained classic script so it can be embedded with a single tag, and keeps its own copy of webUrl. */

/** A new element whose content is the given value as text, never parsed as HTML. */
export function text(tag, value, cls) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (cls) { node.className = cls; }
  return node;
}

/** The URL when it is an absolute http(s) URL, else null: javascript:, data:, relative… stay text. */
export function webUrl(value) {
  if (typeof value !== "string" || !value) { return null; }
  let url;
  try { url = new URL(value); } catch { return null; }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
