/* The moderators' console (ES module, no build step): signs in (console/auth.js), then shows the section the
 * moderator was in. Changing section is a new view: the status line is cleared and the old section's requests are
 * dropped. A session that cannot be renewed saves the view and unsent text and signs in again. */
import { completeSignIn, signIn, signOut, signedInAs } from "./console/auth.js";
import { hooks } from "./console/api.js";
import { loadArticles, setUpArticles } from "./console/articles.js";
import { loadComments, loadCounts, setUpComments } from "./console/comments.js";
import { loadSettings, setUpSettings } from "./console/settings.js";
import { newView, say, saveView, view } from "./console/ui.js";

const SECTIONS = {
  comments: loadComments,
  articles: loadArticles,
  settings: loadSettings
};
const COUNTS_EVERY_MS = 60_000;

async function show(section) {
  view.section = section;
  saveView();
  newView();
  for (const name of Object.keys(SECTIONS)) {
    document.getElementById(name + "-section").hidden = name !== section;
    document.getElementById("show-" + name).setAttribute("aria-current", String(name === section));
  }
  await SECTIONS[section]();
}

hooks.onSessionLost = () => {
  saveView();
  say("Your session has ended. Taking you to sign in again; your place and unsent text are kept.");
  signIn();
};
hooks.onWait = (seconds) => {
  say(seconds ? "The service is busy; trying again in " + seconds + " s." : "The service is answering again.");
};

async function start() {
  document.getElementById("signin").addEventListener("click", () => { signIn(); });
  document.getElementById("signout").addEventListener("click", () => { signOut(); });
  if (!await completeSignIn()) {
    if (new URLSearchParams(location.search).has("signin")) { signIn(); return; }
    document.getElementById("signin-panel").hidden = false;
    return;
  }
  document.getElementById("who").textContent = "Signed in as " + signedInAs();
  document.getElementById("signout").hidden = false;
  document.getElementById("sections").hidden = false;
  document.getElementById("console").hidden = false;
  setUpComments();
  setUpSettings();
  setUpArticles({
    showComments: (slug) => {
      Object.assign(view, { tab: "pending", q: "", email: "", article: slug });
      show("comments");
    }
  });
  for (const name of Object.keys(SECTIONS)) {
    document.getElementById("show-" + name).addEventListener("click", () => { show(name); });
  }
  setInterval(() => { if (!document.hidden && view.section === "comments") { loadCounts(); } }, COUNTS_EVERY_MS);
  await show(SECTIONS[view.section] ? view.section : "comments");
}

start().catch(() => {
  say("The console could not start: console/config.json or the sign-in service is not reachable. Reload to try again.");
});
