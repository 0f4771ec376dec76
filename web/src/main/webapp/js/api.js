// The REST API with a server-side session: POST /api/session signs in once and the server answers an HttpOnly
// cookie the script never sees, plus an anti-CSRF token this module keeps in memory only (a reload asks GET
// /api/me for it again) and sends as X-CSRF-Token with every change. No password is stored anywhere.
/** The default inactivity timeout; the server's setting (GET /api/me → idleMinutes) replaces it once known. */
export const IDLE_MINUTES = 30;
const CSRF_HEADER = 'X-CSRF-Token';
let idleMinutes = IDLE_MINUTES;
let lastActivity = Date.now();
let csrfToken = null;
let onExpired = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Whether this page holds a session it knows of (after signing in, or after GET /api/me answered one). */
export function signedIn() {
  return csrfToken !== null;
}

/** Ends the session on the server (DELETE /api/session) and forgets it here. */
export function signOut() {
  const token = csrfToken;
  csrfToken = null;
  if (token === null) return Promise.resolve();
  return fetch('/api/session', {
    method: 'DELETE', headers: { [CSRF_HEADER]: token, 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin',
  }).catch(() => {});
}

export function whenExpired(callback) {
  onExpired = callback;
}

/** Takes the inactivity timeout of the settings, as GET /api/me delivers it (idleMinutes). */
export function idleAfter(minutes) {
  if (Number.isFinite(minutes) && minutes > 0) idleMinutes = minutes;
}

/** Takes the session's anti-CSRF token, as GET /api/me delivers it after a reload (csrfToken). */
export function session(token) {
  if (token) csrfToken = token;
}

/** Any key press or click keeps the session alive; a timer ends it after idleMinutes without either. */
export function watchActivity() {
  const touch = () => { lastActivity = Date.now(); };
  document.addEventListener('keydown', touch, true);
  document.addEventListener('pointerdown', touch, true);
  setInterval(idleTooLong, 5_000);
}

/**
 * Ends the session when the user has been idle longer than allowed. The server enforces the same timeout; this
 * only spares a request that would be refused, and signs out a tab left open.
 */
function idleTooLong() {
  if (signedIn() && Date.now() - lastActivity > idleMinutes * 60_000) {
    signOut();
    onExpired();
    return true;
  }
  return false;
}

/** The headers of a request made with the session: the CSRF token goes with anything that changes data. */
export function sessionHeaders(method, extra = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', ...extra };
  if (!['GET', 'HEAD'].includes(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;
  return headers;
}

async function send(method, path, body) {
  const headers = sessionHeaders(method, { Accept: 'application/json' });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin',
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  return data;
}

/** Signs in with POST /api/session; answers {username, csrfToken, mustChangePassword, idleMinutes}. */
export async function signIn(username, password) {
  const signed = await send('POST', '/api/session', { username, password });
  csrfToken = signed.csrfToken;
  lastActivity = Date.now();
  idleAfter(signed?.idleMinutes);
  return signed;
}

export async function api(method, path, body) {
  if (idleTooLong()) throw new ApiError(401, { detail: 'The session ended after inactivity' });
  try {
    return await send(method, path, body);
  } catch (e) {
    if (e.status === 401) expired();
    throw e;
  }
}

export const get = (path, params) => api('GET', params ? `${path}?${new URLSearchParams(params)}` : path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Refuses a request made outside api() (uploads and downloads with progress) once the session is over. */
export function requireSession() {
  if (idleTooLong() || !signedIn()) throw new ApiError(401, { detail: 'The session ended after inactivity' });
}

/** Called when a request answers 401: the server no longer knows the session. */
export function expired() {
  const known = signedIn();
  csrfToken = null;
  if (known) onExpired();
}

/**
 * A binary resource (a recording) fetched with the session and answered as a Blob: played from a blob: URL made
 * from this, an <audio> also seeks.
 */
export async function getBlob(path) {
  return (await fetchBlob(path)).blob;
}

/** The same, with the response's headers (a recording's X-Recording-SHA256). */
export async function fetchBlob(path) {
  requireSession();
  const response = await fetch(path, { headers: sessionHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
    if (response.status === 401) expired();
    throw new ApiError(response.status, problem);
  }
  return { blob: await response.blob(), headers: response.headers };
}
