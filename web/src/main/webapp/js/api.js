// The REST API with HTTP Basic. The credentials live in sessionStorage only (gone with the tab) and are
// dropped after a period without activity; nothing else is stored.
const KEY = 'switchboard.credentials';
/** The default inactivity timeout; the server's setting (GET /api/me → idleMinutes) replaces it once known. */
export const IDLE_MINUTES = 30;
let idleMinutes = IDLE_MINUTES;
let lastActivity = Date.now();
let onExpired = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export function whenExpired(callback) {
  onExpired = callback;
}

/** Takes the inactivity timeout of the settings, as GET /api/me delivers it (idleMinutes). */
export function idleAfter(minutes) {
  if (Number.isFinite(minutes) && minutes > 0) idleMinutes = minutes;
}

/** Any key press or click keeps the session alive; a timer ends it after idleMinutes without either. */
export function watchActivity() {
  const touch = () => { lastActivity = Date.now(); };
  document.addEventListener('keydown', touch, true);
  document.addEventListener('pointerdown', touch, true);
  setInterval(idleTooLong, 5_000);
}

/**
 * Ends the session when the user has been idle longer than allowed. Also asked before every request, so a tab
 * woken from sleep (its timer late) never sends the credentials of a session that should have ended.
 */
function idleTooLong() {
  if (signedIn() && Date.now() - lastActivity > idleMinutes * 60_000) {
    signOut();
    onExpired();
    return true;
  }
  return false;
}

function encode(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

async function send(method, path, body, authorization) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  return data;
}

/** Checks the credentials against GET /api/me and keeps them only when they work; answers the user. */
export async function signIn(username, password) {
  const authorization = encode(username, password);
  const me = await send('GET', '/api/me', undefined, authorization);
  sessionStorage.setItem(KEY, authorization);
  lastActivity = Date.now();
  idleAfter(me?.idleMinutes);
  return me;
}

export async function api(method, path, body) {
  if (idleTooLong()) throw new ApiError(401, { detail: 'The session ended after inactivity' });
  try {
    return await send(method, path, body, sessionStorage.getItem(KEY));
  } catch (e) {
    if (e.status === 401) {
      signOut();
      onExpired();
    }
    throw e;
  }
}

export const get = (path, params) => api('GET', params ? `${path}?${new URLSearchParams(params)}` : path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** The Authorization header for requests made outside api() (uploads and downloads with progress). */
export function authorization() {
  if (idleTooLong() || !signedIn()) throw new ApiError(401, { detail: 'The session ended after inactivity' });
  return sessionStorage.getItem(KEY);
}

/** Called by transfer.js when a request it made answers 401. */
export function expired() {
  signOut();
  onExpired();
}

/**
 * A binary resource (a recording) fetched with the credentials and answered as a Blob: an <audio> cannot send an
 * Authorization header itself, but plays and seeks a blob: URL made from this.
 */
export async function getBlob(path) {
  return (await fetchBlob(path)).blob;
}

/** The same, with the response's headers (a recording's X-Recording-SHA256). */
export async function fetchBlob(path) {
  const response = await fetch(path, {
    headers: { Authorization: authorization(), 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'omit',
  });
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
    if (response.status === 401) {
      signOut();
      onExpired();
    }
    throw new ApiError(response.status, problem);
  }
  return { blob: await response.blob(), headers: response.headers };
}
