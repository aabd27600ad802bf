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

function render(a) {
  document.title = a.title + " – Newsroom";
  const categories = document.getElementById("categories");
  for (const c of a.categories) { categories.appendChild(text("span", c, "category")); }
  document.getElementById("headline").textContent = a.title;

  // "See also" links spread evenly between the paragraphs.
  const body = document.getElementById("body");
  const after = new Map();
  a.seeAlso.forEach((s, k) => {
    const index = Math.max(1, Math.round((k + 1) * a.body.length / (a.seeAlso.length + 1))) - 1;
    after.set(index, [...(after.get(index) || []), s]);
  });
  a.body.forEach((paragraph, i) => {
    body.appendChild(text("p", paragraph));
    for (const s of after.get(i) || []) {
      const p = text("p", "See also  ", "see-also");
      p.appendChild(link(s.slug, s.title));
      body.appendChild(p);
    }
  });

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
