/* The console's Settings screen (ES module): every discussion setting in one form, saved with the version it was
 * loaded at. A version conflict (someone saved meanwhile) reloads the form and says so; invalid values are
 * marked on their fields with the server's messages. */
import { text } from "../dom.js";
import { call, problem } from "./api.js";
import { field, say } from "./ui.js";

const FIELDS = [
  ["requireNameEmail", "bool", "Comment author must fill out name and email"],
  ["moderateAll", "bool", "Comments must be manually approved"],
  ["requirePreviouslyApproved", "bool", "Comment author must have a previously approved comment"],
  ["maxLinks", "int", "Hold a comment in the queue if it contains this many links or more"],
  ["moderationKeys", "list", "Hold comments containing any of these words (one per line)"],
  ["disallowedKeys", "list", "Mark as spam comments containing any of these words (one per line)"],
  ["floodSeconds", "int", "Seconds a reader must wait between comments (0: no limit)"],
  ["threadDepth", "int", "Nest replies up to this many levels deep"],
  ["closeCommentsAfterDays", "int", "Close comments on articles older than this many days (0: never)"],
  ["commentsPerPage", "int", "Top-level comments per page of an article's thread"],
  ["dateFormat", "text", "Date format on the pages (PHP date() letters, as in WordPress: F j, Y)"],
  ["timeFormat", "text", "Time format on the pages (g:i a)"],
  ["timezone", "text", "Site time zone (a name such as Africa/Accra, or an offset such as +01:00)"],
  ["showAvatars", "bool", "Show avatars (from Gravatar: the one request to another site)"],
  ["avatarDefault", "text", "Default avatar for readers without one (mystery, identicon, retro, blank…)"]
];
let version = null;

const form = () => document.getElementById("settings-form");

export async function loadSettings() {
  const r = await call("GET", "/admin/settings");
  if (r.status !== 200 || !r.json) { say(problem(r, "Could not load the settings.")); return false; }
  version = r.json.version;
  form().textContent = "";
  for (const [name, kind, label] of FIELDS) {
    const control = document.createElement(kind === "list" ? "textarea" : "input");
    control.id = "setting-" + name;
    control.name = name;
    if (kind === "bool") {
      control.type = "checkbox";
      control.checked = Boolean(r.json[name]);
    } else if (kind === "int") {
      control.type = "number";
      control.min = "0";
      control.value = String(r.json[name]);
    } else if (kind === "text") {
      control.type = "text";
      control.value = r.json[name] == null ? "" : String(r.json[name]);
    } else {
      control.rows = 4;
      control.value = (r.json[name] || []).join("\n");
    }
    const p = field(label, control);
    p.className = "setting setting-" + kind;
    const error = text("span", "", "field-error");
    error.id = control.id + "-error";
    control.setAttribute("aria-describedby", error.id);
    p.appendChild(error);
    form().appendChild(p);
  }
  const save = text("button", "Save settings");
  save.type = "submit";
  form().appendChild(save);
  return true;
}

function values() {
  const body = { version };
  for (const [name, kind] of FIELDS) {
    const control = document.getElementById("setting-" + name);
    body[name] = kind === "bool" ? control.checked
      : kind === "int" ? Number(control.value)
        : kind === "text" ? control.value.trim()
          : control.value.split("\n").map((line) => line.trim()).filter(Boolean);
  }
  return body;
}

async function save(e) {
  e.preventDefault();
  for (const error of form().querySelectorAll(".field-error")) { error.textContent = ""; }
  for (const control of form().querySelectorAll("[aria-invalid]")) { control.removeAttribute("aria-invalid"); }
  const r = await call("PUT", "/admin/settings", values());
  if (r.status === 200 && r.json) {
    version = r.json.version;
    say("Settings saved.");
  } else if (r.status === 409) {
    await loadSettings();
    say("Someone else saved the settings meanwhile. The form now shows their values; make your change again and save.");
  } else if (r.status === 400 && r.json && r.json.error && Array.isArray(r.json.error.fields)) {
    for (const f of r.json.error.fields) {
      const control = document.getElementById("setting-" + f.field);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        document.getElementById(control.id + "-error").textContent = f.message;
      }
    }
    say(problem(r, "Some settings are not valid."));
  } else if (r.status !== 401) {
    say(problem(r, "The settings were not saved."));
  }
}

export function setUpSettings() {
  form().addEventListener("submit", save);
}
