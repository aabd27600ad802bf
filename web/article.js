/* The demo article page (ES module): the article named by ?article= (or the newest), then the comments widget
 * under it, embedded through its one-tag contract like on any other site. */
import { text, webUrl } from "./dom.js";

function link(slug, title) {
  const a = text("a", title);
  a.href = "?article=" + encodeURIComponent(slug);
  return a;
}

async function json(path) {
  const r = await fetch(path);
  return r.ok ? r.json() : null;
}

async function pickSlug() {
  const wanted = new URLSearchParams(location.search).get("article");
  if (wanted) { return wanted; }
  const page = await json("/articles?limit=1");
  return page && page.items.length ? page.items[0].slug : null;
}

/**
 * The body as nodes: bodyHtml, which the server sanitized when the article was saved, parsed inertly (nothing runs
 * or loads while DOMParser parses) and placed under the page's CSP; an article without it, its plain paragraphs.
 */
function bodyNodes(a) {
  if (typeof a.bodyHtml === "string") {
    return Array.from(new DOMParser().parseFromString(a.bodyHtml, "text/html").body.childNodes);
  }
  return a.body.map((paragraph) => text("p", paragraph));
}

function render(a) {
  document.title = a.title + " – Newsroom";
  const categories = document.getElementById("categories");
  for (const c of a.categories) { categories.appendChild(text("span", c, "category")); }
  document.getElementById("headline").textContent = a.title;

  // "See also" links spread evenly between the paragraphs (the body's top-level blocks).
  const body = document.getElementById("body");
  const nodes = bodyNodes(a);
  const blocks = nodes.filter((n) => n.nodeType === Node.ELEMENT_NODE).length;
  const after = new Map();
  a.seeAlso.forEach((s, k) => {
    const index = Math.max(1, Math.round((k + 1) * blocks / (a.seeAlso.length + 1))) - 1;
    after.set(index, [...(after.get(index) || []), s]);
  });
  let block = -1;
  for (const node of nodes) {
    body.appendChild(node);
    if (node.nodeType !== Node.ELEMENT_NODE) { continue; }
    block += 1;
    for (const s of after.get(block) || []) {
      const p = text("p", "See also  ", "see-also");
      p.appendChild(link(s.slug, s.title));
      body.appendChild(p);
    }
  }

  if (a.source) {
    const source = document.getElementById("source");
    source.appendChild(document.createTextNode("Source: "));
    const sourceUrl = webUrl(a.source.url);
    if (sourceUrl) {
      const s = text("a", a.source.name);
      s.href = sourceUrl;
      s.rel = "noopener";
      source.appendChild(s);
    } else {
      source.appendChild(document.createTextNode(a.source.name));
    }
  }

  if (a.related.length) {
    const list = document.getElementById("related-list");
    for (const r of a.related) {
      const li = document.createElement("li");
      li.appendChild(text("h3", "")).appendChild(link(r.slug, r.title));
      li.appendChild(text("p", r.excerpt || ""));
      li.appendChild(link(r.slug, "Read more"));
      list.appendChild(li);
    }
    document.getElementById("related").hidden = false;
  }

  // Readers without script post the page's own form; should the widget not load, it posts to this article.
  document.getElementById("commentform").action = "/articles/" + encodeURIComponent(a.slug) + "/comments";
  const widget = document.createElement("script");
  widget.src = "comments.js";
  widget.dataset.article = a.slug;
  widget.dataset.api = "";
  document.getElementById("comments-slot").appendChild(widget);
}

const slug = await pickSlug();
const article = slug ? await json("/articles/" + encodeURIComponent(slug)) : null;
document.getElementById("article").removeAttribute("aria-busy");
if (article) {
  render(article);
} else {
  document.getElementById("headline").textContent = "Article not found";
}
