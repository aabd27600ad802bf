/* The console's calls to the admin API (ES module). Resolves to {status, json, headers}, never rejects:
 * status 0 when the server could not be reached, json null when the body is not a JSON object, status -1 (aborted)
 * when the caller's AbortSignal ended the call (a newer view asked for its own list).
 * 401: the session is renewed once and the call repeated; when it cannot be, onSessionLost() runs (the console
 * saves its work and signs in again). 429 and 503: waits Retry-After (at most twice), saying so through onWait
 * (seconds to wait; 0 once the service answers again). */
import { idToken, loadConfig, renew } from "./auth.js";

const MAX_WAITS = 2;
export const hooks = { onSessionLost: () => {}, onWait: () => {} };

const ABORTED = { status: -1, json: null, headers: new Headers(), aborted: true };

async function send(method, path, body, signal) {
  const { api } = await loadConfig();
  const token = await idToken();
  let r;
  let text;
  try {
    r = await fetch(api + path, {
      method,
      cache: "no-store", // the public article list is cacheable; a moderator must see it as it is now
      headers: { "Authorization": "Bearer " + (token || ""), ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal
    });
    text = await r.text();
  } catch {
    return signal && signal.aborted ? ABORTED : { status: 0, json: null, headers: new Headers() };
  }
  let json = null;
  try { json = text ? JSON.parse(text) : {}; } catch { json = null; }
  return { status: r.status, json: json && typeof json === "object" ? json : null, headers: r.headers };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** One call; {signal} (optional) aborts it, and its waits, when the view that asked is gone. */
export async function call(method, path, body, { signal } = {}) {
  let r = await send(method, path, body, signal);
  let waits = 0;
  for (; (r.status === 429 || r.status === 503) && waits < MAX_WAITS; waits++) {
    const seconds = Math.min(60, Math.max(1, parseInt(r.headers.get("Retry-After"), 10) || 1));
    hooks.onWait(seconds);
    await sleep(seconds * 1000);
    if (signal && signal.aborted) { return ABORTED; }
    r = await send(method, path, body, signal);
  }
  if (waits && r.status !== 429 && r.status !== 503) {
    hooks.onWait(0);
  }
  if (r.status === 401) {
    if (await renew()) {
      r = await send(method, path, body, signal);
    }
    if (r.status === 401) {
      hooks.onSessionLost();
    }
  }
  return r;
}

/** What went wrong, in words a moderator can act on. */
export function problem(r, fallback) {
  if (r.status === 0) { return "Could not reach the server. Check your connection and try again."; }
  if (!r.json) { return "The server sent an unexpected response (HTTP " + r.status + "). Please try again in a moment."; }
  return r.json.error && r.json.error.message ? r.json.error.message : fallback;
}
