/* One comment as a row of the console's list table (ES module), WordPress's Comments screen in shape: a checkbox;
 * the author (name, email, URL, IP, how many of their comments are approved); the comment ("In reply to {author}"
 * linking the parent, the text as readers see it, the row actions); the article by title with its pending count;
 * the date. At phone width console.css lays the same row out as a card. Nothing from the comment is parsed as
 * HTML except contentHtml, and that only through an allow-list. */
import { text, webUrl } from "../dom.js";
import { article, titleOf } from "./catalog.js";
import { button } from "./ui.js";

// What readers' pages may show of contentHtml (WordPress's comment tags plus the formatter's p and br).
const ALLOWED = { A: ["href", "title", "rel"], ABBR: ["title"], ACRONYM: ["title"], B: [], BLOCKQUOTE: ["cite"],
  BR: [], CITE: [], CODE: [], DEL: ["datetime"], EM: [], I: [], P: [], Q: ["cite"], S: [], STRIKE: [], STRONG: [] };

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

/** The row actions a comment of this status offers, as [action, label]; delete only from spam and trash. */
export function actionsFor(status) {
  if (status === "pending") {
    return [["approved", "Approve"], ["approve-reply", "Approve and reply"], ["spam", "Spam"], ["trash", "Trash"], ["edit", "Edit"]];
  }
  if (status === "approved") {
    return [["pending", "Unapprove"], ["reply", "Reply"], ["spam", "Spam"], ["trash", "Trash"], ["edit", "Edit"]];
  }
  return [["pending", status === "spam" ? "Not spam" : "Restore"], ["delete", "Delete permanently"], ["edit", "Edit"]];
}

function cell(cls, ...children) {
  const td = document.createElement("td");
  td.className = cls;
  td.append(...children);
  return td;
}

function line(cls, ...children) {
  const div = document.createElement("div");
  div.className = cls;
  div.append(...children);
  return div;
}

function authorCell(c, on) {
  const name = c.authorName || "Anonymous";
  const first = line("who", text("strong", name, "author"));
  if (c.byModerator) { first.append(" ", text("span", "moderator", "badge")); }
  if (typeof c.authorApprovedCount === "number") {
    first.append(" ", text("span", c.authorApprovedCount + " approved", "history"));
  }
  const second = line("contact");
  if (c.authorEmail) { second.append(button(c.authorEmail, () => { on.author(c.authorEmail); }, "link email")); }
  const third = line("contact");
  if (c.ip) { third.append(text("span", c.ip, "ip")); }
  const url = webUrl(c.authorUrl);
  if (url) {
    const a = text("a", new URL(url).host, "url");
    a.href = url;
    a.rel = "nofollow ugc noopener";
    third.append(c.ip ? " · " : "", a);
  }
  return cell("col-author", first, second, third);
}

/** The served article page that holds the comment (the server finds its page of the thread), at its anchor. */
function articlePage(slug, id) {
  const comment = encodeURIComponent(id);
  return "/news/" + encodeURIComponent(slug) + "?comment=" + comment + "#comment-" + comment;
}

function commentCell(c, on) {
  const body = line("content");
  if (c.parentId) {
    const to = c.inReplyTo ? c.inReplyTo.authorName || "Anonymous" : "a deleted comment";
    const link = text("a", to);
    link.href = articlePage(c.articleSlug, c.parentId);
    body.append(text("span", "In reply to ", "reply-to"));
    body.lastChild.append(link, ". ");
  }
  body.append(safeHtml(c.contentHtml));
  const actions = line("actions");
  for (const [action, label] of actionsFor(c.status)) {
    actions.appendChild(button(label, () => { on.act(action); }, "act-" + action));
  }
  const links = c.linkCount;
  actions.append(text("span", links + (links === 1 ? " link" : " links"), "links"));
  return cell("col-comment", body, actions);
}

function articleCell(c, on) {
  const a = article(c.articleSlug);
  const title = button(titleOf(c.articleSlug), () => { on.article(c.articleSlug); }, "link article-title");
  title.title = "Show only this article's comments";
  const facts = line("article-facts");
  if (a) { facts.append(text("span", a.pendingCount + " pending", "article-pending")); }
  const view = text("a", "View");
  view.href = articlePage(c.articleSlug, c.id);
  view.setAttribute("aria-label", "View on the article page");
  facts.append(a ? " · " : "", view);
  return cell("col-article", line("title-line", title), facts);
}

function dateCell(c) {
  const when = new Date(c.createdAt);
  const time = text("time", when.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }));
  time.dateTime = c.createdAt;
  time.title = when.toLocaleString();
  return cell("col-date", time, line("at", when.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })),
    text("span", c.status, "state visually-hidden"));
}

/**
 * The row for comment c; on: {act(action), author(email), article(slug), select()} what its controls do. The row
 * is focusable (tabindex -1) so the keyboard cursor can rest on it.
 */
export function renderRow(c, on) {
  const tr = document.createElement("tr");
  tr.className = "comment status-" + c.status;
  tr.id = "c-" + c.id;
  tr.tabIndex = -1;
  tr.setAttribute("aria-label", "Comment by " + (c.authorName || "Anonymous"));
  const select = document.createElement("input");
  select.type = "checkbox";
  select.className = "select";
  select.id = "select-" + c.id;
  select.value = c.id;
  select.addEventListener("change", on.select);
  const label = text("label", "Select the comment by " + (c.authorName || "Anonymous"), "visually-hidden");
  label.htmlFor = select.id;
  tr.append(cell("col-check", select, label), authorCell(c, on), commentCell(c, on), articleCell(c, on), dateCell(c));
  return tr;
}
