/* The articles the console knows by title (ES module): loaded from GET /admin/articles (published, with each one's
 * pending count), offered as suggestions for the article filter, and used to show a comment's article by its title.
 * Finding an article accepts its slug, its exact title, or a part of the title that only one article has. */
import { call } from "./api.js";

let bySlug = new Map();

/** Loads (again) the published articles and fills the filter's suggestions; keeps the old list on a failure. */
export async function loadCatalog() {
  const r = await call("GET", "/admin/articles?limit=100");
  if (r.status !== 200 || !r.json || !Array.isArray(r.json.items)) { return false; }
  bySlug = new Map(r.json.items.map((a) => [a.slug, a]));
  const list = document.getElementById("article-titles");
  list.textContent = "";
  for (const a of bySlug.values()) {
    const option = document.createElement("option");
    option.value = a.title;
    list.appendChild(option);
  }
  return true;
}

export function article(slug) {
  return bySlug.get(slug) || null;
}

export function titleOf(slug) {
  const a = bySlug.get(slug);
  return a ? a.title : slug;
}

/**
 * What the moderator typed, as an article: {slug} when one article fits, else {problem} saying why not
 * (none, or several: choose one).
 */
export function findArticle(typed) {
  const wanted = typed.trim().toLowerCase();
  if (bySlug.has(typed.trim())) { return { slug: typed.trim() }; }
  const all = [...bySlug.values()];
  const exact = all.filter((a) => a.title.toLowerCase() === wanted);
  if (exact.length === 1) { return { slug: exact[0].slug }; }
  const partial = all.filter((a) => a.title.toLowerCase().includes(wanted) || a.slug.includes(wanted));
  if (partial.length === 1) { return { slug: partial[0].slug }; }
  if (!partial.length) { return { problem: "No article's title contains “" + typed.trim() + "”." }; }
  return { problem: partial.length + " articles match “" + typed.trim() + "”: choose one from the suggestions." };
}
