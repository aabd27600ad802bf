/* The widget's demonstration page (ES module): embeds comments.js for the article named by ?article= (or the
 * newest), exactly as another site writes the one tag. */
async function pickSlug() {
  const wanted = new URLSearchParams(location.search).get("article");
  if (wanted) { return wanted; }
  const r = await fetch("/articles?limit=1");
  const page = r.ok ? await r.json() : null;
  return page && page.items.length ? page.items[0].slug : null;
}

const slug = await pickSlug();
if (slug) {
  const widget = document.createElement("script");
  widget.src = "comments.js";
  widget.dataset.article = slug;
  widget.dataset.api = "";
  document.getElementById("comments-slot").appendChild(widget);
}
