/*
 * Newsroom comments widget. One tag, no build step, no framework:
 *   <script src="comments.js" data-article="SLUG" data-api="https://api.example.com" defer></script>
 * (data-avatars="off" shows no avatars: then it requests nothing from anyone but the service).
 * It renders the approved thread and the comment form right after the tag (or into #comments if present), and
 * takes the place of the page's form for readers without script (any element marked data-comments-fallback).
 * When the page already holds the thread as the service renders it (its pages, or the HTML fragment, marked
 * data-nr-thread), it draws nothing and only enhances that markup (see enhance below).
 * Everything a reader typed is inserted as text, never as HTML; the one exception is a comment's contentHtml,
 * which the server formats (WordPress's rules) and which is rebuilt here from WordPress's allowed tags only.
 * A classic script on purpose (not a module): document.currentScript names the tag that embeds it, it needs no
 * module CORS headers from the host, and one self-contained file works on any site. Modern syntax inside.
 */
(() => {
  "use strict";
  const script = document.currentScript;
  const slug = script && script.getAttribute("data-article");
  const api = ((script && script.getAttribute("data-api")) || "").replace(/\/$/, "");
  const STORE = "newsroom-commenter";
  // data-avatars="off": no avatar, so the widget makes no request but to the service.
  const avatars = !script || script.getAttribute("data-avatars") !== "off";
  if (!slug) { return; }
  const served = document.querySelector("[data-nr-thread]");
  if (served) { enhance(served); return; }
  const articlePath = "/articles/" + encodeURIComponent(slug);
  for (const fallback of document.querySelectorAll("[data-comments-fallback]")) { fallback.remove(); }

  // The thread and form the server rendered (the site's pages, or the fragment on another site's page): enhanced in
  // place, never drawn again, so nothing moves. Reply moves the form under the comment and Cancel moves it back (as
  // WordPress's comment-reply does); the author's held comment stays in place across reloads (this browser only);
  // recent dates read "5 minutes ago", the full date staying in title and datetime. The form still posts as a form.
  function enhance(thread) {
    const respond = document.getElementById("respond");
    const parentField = document.getElementById("comment_parent");
    const cancel = document.getElementById("cancel-comment-reply-link");
    const title = document.getElementById("reply-title");
    if (respond && parentField && cancel) {
      const home = document.createComment("respond");
      respond.parentNode.insertBefore(home, respond);
      const plainTitle = "Leave a Reply";
      const moveTo = (link) => {
        const body = document.getElementById("div-comment-" + link.getAttribute("data-commentid"));
        if (!body) { return; }
        body.after(respond);
        parentField.value = link.getAttribute("data-commentid");
        title.firstChild.textContent = (link.getAttribute("data-replyto") || "Leave a Reply").replace(/^Reply to /, "Leave a Reply to ") + " ";
        cancel.hidden = false;
        const text = document.getElementById("comment");
        if (text) { text.focus(); }
      };
      thread.addEventListener("click", (e) => {
        const link = e.target.closest && e.target.closest(".comment-reply-link");
        if (link) { e.preventDefault(); moveTo(link); }
      });
      cancel.addEventListener("click", (e) => {
        e.preventDefault();
        home.after(respond);
        parentField.value = "0";
        title.firstChild.textContent = plainTitle + " ";
        cancel.hidden = true;
      });
    }
    keepHeld(thread);
    relativeDates(thread);
  }

  // Kept for a week at most, and dropped once the comment is in the thread as approved.
  function keepHeld(thread) {
    const HELD = "newsroom-held:" + slug;
    const HELD_DAYS = 7;
    let kept = [];
    try { kept = JSON.parse(localStorage.getItem(HELD) || "[]"); } catch { kept = []; }
    if (!Array.isArray(kept)) { kept = []; }
    const shown = thread.querySelector("li[data-held]");
    if (shown && !kept.some((k) => k.id === shown.id)) {
      const parent = shown.parentElement.closest("li.comment");
      kept.push({ id: shown.id, parent: parent ? parent.id : null, html: shown.outerHTML, at: Date.now() });
    }
    kept = kept.filter((k) => typeof k.id === "string" && Date.now() - k.at < HELD_DAYS * 864e5);
    kept = kept.filter((k) => {
      const there = document.getElementById(k.id);
      if (there) { return there.hasAttribute("data-held"); }
      const node = new DOMParser().parseFromString("<ol>" + k.html + "</ol>", "text/html").querySelector("li[data-held]");
      if (!node || node.id !== k.id || node.querySelector("script")) { return false; }
      const parent = k.parent && document.getElementById(k.parent);
      let list = parent ? parent.querySelector(":scope > ol.children") : thread.querySelector(":scope > ol.comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = parent ? "children" : "comment-list";
        if (parent) { parent.appendChild(list); } else { thread.querySelector("h2").after(list); }
      }
      list.appendChild(document.importNode(node, true));
      return true;
    });
    try { localStorage.setItem(HELD, JSON.stringify(kept)); } catch { /* storage unavailable */ }
  }

  function relativeDates(thread) {
    const now = Date.now();
    for (const t of thread.querySelectorAll(".comment-metadata time[datetime]")) {
      const minutes = Math.floor((now - Date.parse(t.getAttribute("datetime"))) / 60000);
      if (!(minutes >= 0 && minutes < 1440)) { continue; }
      const hours = Math.floor(minutes / 60);
      t.textContent = minutes < 1 ? "just now" : minutes < 60 ? minutes + (minutes === 1 ? " minute ago" : " minutes ago")
        : hours + (hours === 1 ? " hour ago" : " hours ago");
    }
  }

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") { node.textContent = v; } else { node.setAttribute(k, v); }
    }
    for (const c of children) { if (c) { node.appendChild(c); } }
    return node;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    if (window.crypto && crypto.getRandomValues) {
      return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join("");
    }
    return String(Date.now()) + String(Math.random()).slice(2);
  }

  // Only absolute http(s) URLs become links; anything else (javascript:, data:, relative…) stays text.
  function webUrl(value) {
    if (typeof value !== "string" || !value) { return null; }
    let url;
    try { url = new URL(value); } catch { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  // WordPress's allowed comment tags and their attributes: all a comment's contentHtml may hold.
  const COMMENT_TAGS = {
    A: ["href", "title"], ABBR: ["title"], ACRONYM: ["title"], B: [], BLOCKQUOTE: ["cite"], BR: [], CITE: [],
    CODE: [], DEL: ["datetime"], EM: [], I: [], P: [], Q: ["cite"], S: [], STRIKE: [], STRONG: []
  };

  function linkUrl(value) {
    return /^mailto:/i.test(value) ? value : webUrl(value);
  }

  // The server made contentHtml from the allowed tags; it is parsed inertly (DOMParser runs and loads nothing)
  // and copied here tag by tag, so a value stored behind the API's back cannot run script on the host page.
  function copyAllowed(from, to) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const attributes = Object.hasOwn(COMMENT_TAGS, node.tagName) ? COMMENT_TAGS[node.tagName] : null;
        if (!attributes) { copyAllowed(node, to); continue; }
        const copy = document.createElement(node.tagName.toLowerCase());
        for (const name of attributes) {
          const value = node.getAttribute(name);
          const url = name === "href" || name === "cite";
          if (value !== null && (!url || linkUrl(value))) { copy.setAttribute(name, url ? linkUrl(value) : value); }
        }
        if (copy.tagName === "A") { copy.setAttribute("rel", "nofollow ugc"); }
        copyAllowed(node, copy);
        to.appendChild(copy);
      }
    }
    return to;
  }

  function commentBody(c) {
    if (typeof c.contentHtml !== "string") { return el("p", { "class": "nr-content", text: c.content }); }
    const parsed = new DOMParser().parseFromString(c.contentHtml, "text/html").body;
    return copyAllowed(parsed, el("div", { "class": "nr-content nr-rich" }));
  }

  // body: a JSON string (sent with the given Idempotency-Key) or nothing. Rejects only when the server could not
  // be reached; an answer that is not a JSON object reads as {}.
  async function request(method, path, body, key) {
    const headers = { "Accept": "application/json" };
    if (body) {
      headers["Content-Type"] = "application/json";
      headers["Idempotency-Key"] = key;
    }
    // "no-cache": the thread is revalidated on every view, so a reader sees approved comments on reload.
    const r = await fetch(api + path, { method, headers, cache: "no-cache", body: body || undefined });
    const t = await r.text();
    let json = {};
    try { json = t ? JSON.parse(t) : {}; } catch { json = {}; }
    if (!json || typeof json !== "object") { json = {}; }
    return { status: r.status, json, retryAfter: r.headers.get("Retry-After") };
  }

  const root = document.getElementById("comments") || el("section", { id: "comments" });
  if (!root.parentNode) { script.parentNode.insertBefore(root, script.nextSibling); }
  root.classList.add("nr-comments");
  const heading = el("h2", { text: "Comments" });
  const list = el("ol", { "class": "nr-thread" });
  const more = el("button", { type: "button", "class": "nr-more", text: "Load more comments" });
  more.hidden = true;
  const nodesById = new Map();
  let cursor = null;
  let total = 0;
  let loading = false;
  const form = buildForm();
  root.append(heading, list, more, form.node);

  // Renders one comment unless it is already on the page; true when it was added.
  function renderComment(c) {
    if (!c || !c.id || nodesById.has(c.id)) { return false; }
    const href = webUrl(c.authorUrl);
    const name = href
      ? el("a", { href, rel: "external nofollow ugc noopener", text: c.authorName || "Anonymous" })
      : el("span", { text: c.authorName || "Anonymous" });
    const date = new Date(c.createdAt);
    const when = el("time", { datetime: c.createdAt, title: date.toString(),
      text: new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" }).format(date) });
    const badge = c.byModerator ? el("span", { "class": "nr-badge", text: "Moderator" }) : null;
    const avatar = avatars && /^[0-9a-f]{64}$/.test(c.avatarHash || "")
      ? el("img", { "class": "nr-avatar", src: "https://secure.gravatar.com/avatar/" + c.avatarHash + "?d=mp&r=g&s=80",
        width: "40", height: "40", alt: "", loading: "lazy", decoding: "async" })
      : null;
    const reply = el("a", { href: "#respond", "class": "nr-reply", text: "Reply" });
    reply.addEventListener("click", (e) => { e.preventDefault(); form.replyTo(c); });
    const item = el("li", { id: "comment-" + c.id, "class": "nr-comment nr-depth-" + c.depth }, [
      el("div", { "class": "nr-meta" }, [avatar, el("strong", {}, [name]), badge ? document.createTextNode(" ") : null, badge,
        document.createTextNode(" "), when]),
      commentBody(c),
      reply,
      el("ol", { "class": "nr-children" })
    ]);
    nodesById.set(c.id, item);
    const parent = c.parentId && nodesById.get(c.parentId);
    (parent ? parent.querySelector(".nr-children") : list).appendChild(item);
    return true;
  }

  function loadFailed() {
    heading.textContent = "Comments could not be loaded";
    form.say("The comments service could not be reached from this page. Please try again later.", "error");
    console.error("Newsroom comments: no answer from " + (api || location.origin) + ". If this page's origin ("
      + location.origin + ") is not in the service's CORS_ALLOWED_ORIGINS, the browser refuses its answers.");
  }

  function updateHeading() {
    heading.textContent = total === 1 ? "1 Comment" : total + " Comments";
  }

  // One page at a time: "Load more" is disabled (synchronously, before any await) until the page in flight has arrived.
  async function loadPage() {
    if (loading) { return; }
    loading = true;
    more.disabled = true;
    const path = articlePath + "/comments?limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    try {
      const r = await request("GET", path);
      if (r.status !== 200 || !Array.isArray(r.json.items)) { return; }
      r.json.items.forEach(renderComment);
      total = r.json.total;
      cursor = r.json.nextCursor;
      more.hidden = !cursor;
      updateHeading();
    } catch {
      // refused (this site's origin is not among the service's CORS_ALLOWED_ORIGINS) or offline: said, and the
      // button stays, so the reader can try again
      loadFailed();
    } finally {
      loading = false;
      more.disabled = false;
    }
  }
  more.addEventListener("click", () => { loadPage(); });

  // Success, or a refusal of this content: the next submission gets a new key. Lost answers, server errors,
  // timeouts and "too quickly" keep it, since the same submission may be sent again unchanged.
  function definitive(status) {
    return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 408 && status !== 429);
  }

  function buildForm() {
    const fields = {};
    const notice = el("p", { "class": "nr-notice", role: "status", "aria-live": "polite" });
    function field(name, label, type, required, attrs = {}) {
      const input = type === "textarea"
        ? el("textarea", { name, id: "nr-" + name, rows: "6" })
        : el("input", { type, name, id: "nr-" + name });
      for (const [k, v] of Object.entries(attrs)) { input.setAttribute(k, v); }
      if (required) { input.setAttribute("aria-required", "true"); }
      const error = el("span", { "class": "nr-error", id: "nr-" + name + "-error" });
      fields[name] = { input, error };
      return el("p", { "class": "nr-field nr-field-" + name }, [
        el("label", { "for": "nr-" + name, text: label + (required ? " *" : "") }), input, error]);
    }
    const remember = el("input", { type: "checkbox", id: "nr-remember" });
    const parentNote = el("p", { "class": "nr-replying", hidden: "" });
    const cancel = el("a", { href: "#", text: "Cancel reply" });
    let parentId = null;
    const submit = el("button", { type: "submit", text: "Post Comment" });
    const honeypot = el("input", { type: "text", name: "hp", tabindex: "-1", autocomplete: "off" });
    // Hidden through the CSSOM, not a style attribute, so a strict Content-Security-Policy allows it.
    const honeypotBox = el("p", { "class": "nr-hp", "aria-hidden": "true" }, [el("label", { text: "Leave this empty" }), honeypot]);
    honeypotBox.style.position = "absolute";
    honeypotBox.style.left = "-9999px";
    // One Idempotency-Key per submission: a retry of the same content reuses it (so a reader whose answer was
    // lost gets the first response replayed), a definitive answer or different content starts a new one.
    let attempt = null;
    const node = el("form", { id: "respond", "class": "nr-form", novalidate: "" }, [
      el("h3", { text: "Leave a comment" }),
      el("p", { "class": "nr-privacy", text: "Your email address will not be published. Required fields are marked *" }),
      parentNote,
      field("content", "Comment", "textarea", true),
      field("authorName", "Name", "text", true, { autocomplete: "name", maxlength: "245" }),
      field("authorEmail", "Email", "email", true, { autocomplete: "email", maxlength: "100" }),
      field("authorUrl", "Website", "url", false, { autocomplete: "url", maxlength: "200" }),
      honeypotBox,
      el("p", { "class": "nr-remember" }, [remember, el("label", { "for": "nr-remember",
        text: "Save my name, email, and website in this browser for the next time I comment." })]),
      notice,
      submit
    ]);
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || "null");
      if (saved) {
        fields.authorName.input.value = saved.authorName || "";
        fields.authorEmail.input.value = saved.authorEmail || "";
        fields.authorUrl.input.value = saved.authorUrl || "";
        remember.checked = true;
      }
    } catch { /* storage unavailable */ }

    cancel.addEventListener("click", (e) => { e.preventDefault(); replyTo(null); });
    function replyTo(c) {
      parentId = c ? c.id : null;
      parentNote.textContent = "";
      if (c) {
        parentNote.append(document.createTextNode("Replying to " + (c.authorName || "Anonymous") + " "), cancel);
        parentNote.hidden = false;
        fields.content.input.focus();
      } else {
        parentNote.hidden = true;
      }
    }
    function clearErrors() {
      for (const f of Object.values(fields)) {
        f.error.textContent = "";
        f.input.removeAttribute("aria-invalid");
      }
      notice.textContent = "";
      notice.className = "nr-notice";
    }
    function say(message, kind) {
      notice.textContent = message;
      notice.className = "nr-notice nr-" + kind;
    }
    function rememberCommenter(body) {
      try {
        if (remember.checked) {
          localStorage.setItem(STORE, JSON.stringify({ authorName: body.authorName, authorEmail: body.authorEmail, authorUrl: body.authorUrl }));
        } else {
          localStorage.removeItem(STORE);
        }
      } catch { /* storage unavailable */ }
    }
    function show(r) {
      const error = r.json.error || {};
      if (r.status === 201) {
        if (renderComment(r.json)) {
          total += 1;
          updateHeading();
        }
        fields.content.input.value = "";
        replyTo(null);
        say("Your comment is published.", "ok");
      } else if (r.status === 202) {
        fields.content.input.value = "";
        replyTo(null);
        say(r.json.message || "Your comment is awaiting moderation.", "ok");
      } else if (r.status === 400 && error.fields) {
        for (const f of error.fields) {
          const target = fields[f.field];
          if (target) {
            target.error.textContent = f.message;
            target.input.setAttribute("aria-invalid", "true");
          }
        }
        say(error.message, "error");
      } else if (r.status === 429) {
        say(error.message + (r.retryAfter ? " Try again in " + r.retryAfter + " seconds." : ""), "error");
      } else {
        say(error.message || "Sorry, your comment could not be sent. Please try again.", "error");
      }
    }
    node.addEventListener("submit", async (e) => {
      e.preventDefault();
      clearErrors();
      const body = { parentId, hp: honeypot.value };
      for (const [k, f] of Object.entries(fields)) { body[k] = f.input.value; }
      rememberCommenter(body);
      const payload = JSON.stringify(body);
      if (!attempt || attempt.payload !== payload) { attempt = { payload, key: newKey() }; }
      const sent = attempt;
      submit.disabled = true;
      let r;
      try {
        r = await request("POST", articlePath + "/comments", payload, sent.key);
      } catch {
        say("Sorry, your comment could not be sent. Please check your connection and try again.", "error");
        return;
      } finally {
        submit.disabled = false;
      }
      if (definitive(r.status) && attempt === sent) { attempt = null; }
      show(r);
    });
    return { node, replyTo, say };
  }

  // A reader who posted without script lands back here at #comment-<id>, with ?moderation=held when it is held.
  if (new URLSearchParams(location.search).get("moderation") === "held") {
    form.say("Your comment is awaiting moderation.", "ok");
  }

  (async () => {
    try {
      const r = await request("GET", articlePath);
      if (r.status === 200 && !r.json.commentsOpen) {
        form.node.replaceWith(el("p", { "class": "nr-closed", text: "Comments are closed." }));
      }
    } catch { /* the form stays; a post will say what went wrong */ }
  })();
  (async () => {
    await loadPage();
    const anchored = location.hash.startsWith("#comment-") && document.getElementById(location.hash.slice(1));
    if (anchored) { anchored.scrollIntoView(); }
  })();
})();
