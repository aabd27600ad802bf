/* The demo article page: the article named by ?article= (or the newest), then the comments widget under it. */
(function () {
  "use strict";
  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) { node.className = cls; }
    return node;
  }
  function link(slug, title) {
    var a = text("a", title);
    a.href = "?article=" + encodeURIComponent(slug);
    return a;
  }
  // Only absolute http(s) URLs become links; anything else (javascript:, data:…) stays text.
  function webUrl(value) {
    if (typeof value !== "string" || !value) { return null; }
    var url;
    try { url = new URL(value); } catch (e) { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }
  function load(slug) {
    return fetch("/articles/" + encodeURIComponent(slug)).then(function (r) { return r.ok ? r.json() : null; });
  }
  var wanted = new URLSearchParams(location.search).get("article");
  var pick = wanted ? Promise.resolve(wanted)
    : fetch("/articles?limit=1").then(function (r) { return r.json(); }).then(function (p) { return p.items.length ? p.items[0].slug : null; });
  pick.then(function (slug) { return slug ? load(slug) : null; }).then(function (a) {
    var article = document.getElementById("article");
    article.removeAttribute("aria-busy");
    if (!a) {
      document.getElementById("headline").textContent = "Article not found";
      return;
    }
    document.title = a.title + " – Newsroom";
    var categories = document.getElementById("categories");
    a.categories.forEach(function (c) { categories.appendChild(text("span", c, "category")); });
    document.getElementById("headline").textContent = a.title;
    var body = document.getElementById("body");
    var after = {};
    a.seeAlso.forEach(function (link, k) {
      var index = Math.max(1, Math.round((k + 1) * a.body.length / (a.seeAlso.length + 1))) - 1;
      (after[index] = after[index] || []).push(link);
    });
    a.body.forEach(function (paragraph, i) {
      body.appendChild(text("p", paragraph));
      (after[i] || []).forEach(function (s) {
        var p = text("p", "See also  ", "see-also");
        p.appendChild(link(s.slug, s.title));
        body.appendChild(p);
      });
    });
    if (a.source) {
      var source = document.getElementById("source");
      source.appendChild(document.createTextNode("Source: "));
      var sourceUrl = webUrl(a.source.url);
      if (sourceUrl) {
        var s = text("a", a.source.name);
        s.href = sourceUrl;
        s.rel = "noopener";
        source.appendChild(s);
      } else {
        source.appendChild(document.createTextNode(a.source.name));
      }
    }
    if (a.related.length) {
      var list = document.getElementById("related-list");
      a.related.forEach(function (r) {
        var li = document.createElement("li");
        li.appendChild(text("h3", "")).appendChild(link(r.slug, r.title));
        li.appendChild(text("p", r.excerpt || ""));
        li.appendChild(link(r.slug, "Read more"));
        list.appendChild(li);
      });
      document.getElementById("related").hidden = false;
    }
    var widget = document.createElement("script");
    widget.src = "comments.js";
    widget.setAttribute("data-article", a.slug);
    widget.setAttribute("data-api", "");
    document.getElementById("comments-slot").appendChild(widget);
  });
})();
