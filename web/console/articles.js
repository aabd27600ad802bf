/* The console's Articles screen (ES module): the published articles with their comment and pending counts (the
 * pending count links to that article's pending comments), comments opened or closed in one click, the drafts
 * (latest change first), and the editors' form to create an article or update one. Every update names the version
 * it was loaded at; a conflict reloads the article and says so. */
import { text } from "../dom.js";
import { call, problem } from "./api.js";
import { button, current, field, say, viewTicket } from "./ui.js";

let editing = null; // the admin view of the article in the form, null for a new one
let showComments = () => {};

function cells(tr, ...contents) {
  for (const content of contents) {
    const td = document.createElement("td");
    td.append(...[content].flat());
    tr.appendChild(td);
  }
  return tr;
}

function publishedRow(a) {
  const tr = document.createElement("tr");
  tr.id = "article-" + a.slug;
  const pending = a.pendingCount > 0
    ? button(a.pendingCount + " pending", () => { showComments(a.slug); }, "link article-pending")
    : text("span", "0 pending", "article-pending");
  if (a.pendingCount > 0) { pending.setAttribute("aria-label", a.pendingCount + " pending: show them"); }
  return cells(tr, [text("strong", a.title), " ", text("span", a.slug, "slug")],
    text("span", a.commentCount + (a.commentCount === 1 ? " comment" : " comments")), pending,
    text("span", a.commentsOpen ? "open" : "closed", "open-state"),
    [button("Edit", () => { openArticle(a.slug); }, "article-edit"),
      button(a.commentsOpen ? "Close comments" : "Open comments", () => { toggleComments(a.slug); }, "article-toggle")]);
}

function draftRow(a) {
  const tr = document.createElement("tr");
  tr.id = "draft-" + a.slug;
  const when = text("time", a.updatedAt ? new Date(a.updatedAt).toLocaleString() : "");
  when.dateTime = a.updatedAt || "";
  return cells(tr, [text("strong", a.title || "(no title)"), " ", text("span", a.slug, "slug")], when,
    button("Edit", () => { openArticle(a.slug); }, "article-edit"));
}

async function fillTable(id, path, rowOf, ticket, empty) {
  const r = await call("GET", path, null, { signal: ticket.controller.signal });
  if (!current(ticket)) { return; }
  const body = document.getElementById(id);
  body.textContent = "";
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) { say(problem(r, "Could not load the articles.")); return; }
  for (const a of r.json.items) { body.appendChild(rowOf(a)); }
  if (!r.json.items.length) { body.appendChild(cells(document.createElement("tr"), empty)); }
}

export async function loadArticles() {
  const ticket = viewTicket();
  await Promise.all([
    fillTable("article-list", "/admin/articles?limit=100", publishedRow, ticket, "No published articles."),
    fillTable("draft-list", "/admin/articles?status=draft&limit=100", draftRow, ticket, "No drafts.")]);
}

async function adminArticle(slug) {
  const r = await call("GET", "/admin/articles/" + encodeURIComponent(slug));
  if (r.status !== 200 || !r.json) { say(problem(r, "Could not open the article.")); return null; }
  return r.json;
}

/** The body a create or update sends, from an admin view with some fields changed. */
function draftOf(a, changes) {
  return {
    slug: a.slug, title: a.title, excerpt: a.excerpt, bodyHtml: a.bodyHtml, categories: a.categories, source: a.source,
    seeAlso: a.seeAlso, related: (a.related || []).map((r) => ({ slug: r.slug, title: r.title, excerpt: r.excerpt })),
    status: a.status, commentsOpen: a.commentsOpen, publishedAt: a.publishedAt, ...changes
  };
}

async function put(a, changes) {
  const r = await call("PUT", "/admin/articles/" + encodeURIComponent(a.slug), { ...draftOf(a, changes), version: a.version });
  if (r.status === 409) {
    say("This article was changed by someone else meanwhile; it has been reloaded. Check it and try again.");
    await openArticle(a.slug);
  } else if (r.status !== 200 && r.status !== 401) {
    say(problem(r, "The article was not saved."));
  }
  return r.status === 200 ? r.json : null;
}

async function toggleComments(slug) {
  const a = await adminArticle(slug);
  if (a && await put(a, { commentsOpen: !a.commentsOpen })) {
    say("Comments are " + (a.commentsOpen ? "closed" : "open") + " on " + a.title + ".");
    await loadArticles();
  }
}

const FORM_FIELDS = [
  ["slug", "Slug (lower-case words joined by hyphens)"], ["title", "Title"], ["excerpt", "Excerpt"],
  ["bodyHtml", "Body (HTML: paragraphs, headings, links, lists, quotes, images; anything else is removed on save)"],
  ["categories", "Categories (comma-separated)"],
  ["sourceName", "Source name"], ["sourceUrl", "Source URL"]
];

function showForm(a) {
  editing = a;
  const form = document.getElementById("article-form");
  form.textContent = "";
  form.appendChild(text("h3", a ? "Edit " + a.title : "New article"));
  const values = a ? {
    slug: a.slug, title: a.title, excerpt: a.excerpt, bodyHtml: a.bodyHtml,
    categories: (a.categories || []).join(", "), sourceName: a.source ? a.source.name : "", sourceUrl: a.source ? a.source.url : ""
  } : {};
  for (const [name, label] of FORM_FIELDS) {
    const control = document.createElement(name === "bodyHtml" ? "textarea" : "input");
    control.id = "article-" + name + "-input";
    if (name === "bodyHtml") { control.rows = 10; }
    control.value = values[name] || "";
    if (name === "slug" && a) { control.readOnly = true; }
    form.appendChild(field(label, control));
  }
  const status = document.createElement("select");
  status.id = "article-status-input";
  for (const s of ["draft", "published"]) { status.appendChild(new Option(s, s, false, a ? a.status === s : s === "draft")); }
  form.appendChild(field("Status", status));
  const open = document.createElement("input");
  open.type = "checkbox";
  open.id = "article-open-input";
  open.checked = a ? a.commentsOpen : true;
  form.appendChild(field("Comments open", open));
  const save = text("button", a ? "Update article" : "Create article");
  save.type = "submit";
  form.append(save, button("New article", () => { showForm(null); }));
  form.hidden = false;
}

function formValues() {
  const value = (name) => document.getElementById("article-" + name + "-input").value.trim();
  const sourceName = value("sourceName");
  return {
    slug: value("slug"), title: value("title"), excerpt: value("excerpt"),
    bodyHtml: value("bodyHtml"),
    categories: value("categories").split(",").map((c) => c.trim()).filter(Boolean),
    source: sourceName ? { name: sourceName, url: value("sourceUrl") || null } : null,
    status: document.getElementById("article-status-input").value,
    commentsOpen: document.getElementById("article-open-input").checked
  };
}

async function openArticle(slug) {
  const a = await adminArticle(slug);
  if (a) { showForm(a); }
}

async function saveArticle(e) {
  e.preventDefault();
  const changes = formValues();
  if (editing) {
    const saved = await put(editing, changes);
    if (saved) { showForm(saved); say("Article updated."); await loadArticles(); }
    return;
  }
  const r = await call("POST", "/admin/articles", { seeAlso: [], related: [], ...changes });
  if (r.status === 201 && r.json) {
    showForm(r.json);
    say("Article created.");
    await loadArticles();
  } else if (r.status !== 401) {
    say(problem(r, "The article was not created."));
  }
}

/** handlers.showComments(slug): what the pending count of an article opens (its pending comments). */
export function setUpArticles(handlers) {
  showComments = handlers.showComments;
  document.getElementById("article-form").addEventListener("submit", saveArticle);
  document.getElementById("article-new").addEventListener("click", () => { showForm(null); });
  document.getElementById("article-open").addEventListener("submit", (e) => {
    e.preventDefault();
    openArticle(document.getElementById("article-open-slug").value.trim());
  });
}
