/* The console's sign-in (ES module): OAuth 2.0 authorization code with PKCE (S256, WebCrypto) against the endpoints
 * in console/config.json: Cognito's managed login in AWS, the runner's /local-auth/ locally; one code path.
 * Tokens live in sessionStorage (this tab only); the ID token is renewed with the refresh token a minute before
 * it expires. When a session cannot be renewed, the caller saves its work and signIn() starts over. */

const TOKENS = "nr-console-tokens";
const PENDING = "nr-console-pkce";
const RENEW_BEFORE_MS = 60_000;
let config;
let renewal = null;
let timer = null;
let redirecting = false;

/** Reads console/config.json once; the API base, client id and endpoints. */
export async function loadConfig() {
  if (!config) {
    const r = await fetch(new URL("console/config.json", document.baseURI), { cache: "no-store" });
    config = await r.json();
  }
  return config;
}

function base64url(bytes) {
  let s = "";
  for (const b of new Uint8Array(bytes)) { s += String.fromCharCode(b); }
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** This page's address without the query and fragment: the redirect URI registered for the console. */
function redirectUri() {
  return location.origin + location.pathname;
}

/** The claims of a JWT (not verified: the API verifies; the console only reads exp, name and email). */
export function claimsOf(jwt) {
  try {
    const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (ch) => ch.charCodeAt(0))));
  } catch {
    return {};
  }
}

function stored() {
  try { return JSON.parse(sessionStorage.getItem(TOKENS)) || null; } catch { return null; }
}

function store(tokens) {
  const previous = stored() || {};
  const next = {
    idToken: tokens.id_token,
    refreshToken: tokens.refresh_token || previous.refreshToken || null,
    expiresAt: (claimsOf(tokens.id_token).exp || 0) * 1000
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(next));
  scheduleRenewal(next);
  return next;
}

function scheduleRenewal(tokens) {
  clearTimeout(timer);
  if (tokens && tokens.refreshToken) {
    timer = setTimeout(() => { renew(); }, Math.max(0, tokens.expiresAt - Date.now() - RENEW_BEFORE_MS));
  }
}

/** Sends the browser to the sign-in page with a fresh PKCE verifier and state. */
export async function signIn() {
  if (redirecting) { return; } // several calls may find the session over at once: one sign-in, one verifier
  redirecting = true;
  const c = await loadConfig();
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: "code", client_id: c.clientId, redirect_uri: redirectUri(), scope: c.scope,
    state, code_challenge: challenge, code_challenge_method: "S256"
  });
  location.assign(c.authorize + "?" + query);
}

async function tokenRequest(fields) {
  const c = await loadConfig();
  let r;
  try {
    r = await fetch(c.token, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: c.clientId, ...fields })
    });
  } catch {
    return null;
  }
  const json = await r.json().catch(() => null);
  return r.ok && json && json.id_token ? json : null;
}

/**
 * Finishes a sign-in when the page is the redirect back (code and state in the query): the code is redeemed
 * with the verifier, once. Resolves to true when the console has a session after it.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (params.has("code")) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, "", redirectUri() + location.hash);
    if (pending && pending.state === params.get("state")) {
      const tokens = await tokenRequest({
        grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
        code_verifier: pending.verifier
      });
      if (tokens) { store(tokens); }
    }
  }
  const tokens = stored();
  scheduleRenewal(tokens);
  return tokens !== null;
}

/** Renews the ID token with the refresh token; resolves to false when the session is over (expired, revoked). */
export function renew() {
  if (!renewal) {
    renewal = (async () => {
      const tokens = stored();
      const fresh = tokens && tokens.refreshToken
        ? await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refreshToken }) : null;
      if (fresh) { store(fresh); }
      return fresh !== null;
    })().finally(() => { renewal = null; });
  }
  return renewal;
}

/** The ID token to send, renewed first when it is about to expire; null without a session. */
export async function idToken() {
  let tokens = stored();
  if (tokens && tokens.expiresAt - Date.now() < RENEW_BEFORE_MS && tokens.refreshToken) {
    await renew();
    tokens = stored();
  }
  return tokens ? tokens.idToken : null;
}

/** Who is signed in: the name (or email) from the ID token. */
export function signedInAs() {
  const tokens = stored();
  const claims = tokens ? claimsOf(tokens.idToken) : {};
  return claims.name || claims.email || claims["cognito:username"] || "";
}

/** Forgets the session: revokes the refresh token, clears storage, and ends the managed-login session. */
export async function signOut() {
  const c = await loadConfig();
  const tokens = stored();
  sessionStorage.removeItem(TOKENS);
  clearTimeout(timer);
  if (tokens && tokens.refreshToken && c.revoke) {
    await fetch(c.revoke, {
      method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: c.clientId, token: tokens.refreshToken })
    }).catch(() => null);
  }
  location.assign(c.logout + "?" + new URLSearchParams({ client_id: c.clientId, logout_uri: redirectUri() }));
}
