// Calls to the public APIs under /genesys with the console's session: the cookie goes by itself, the CSRF token
// goes in X-CSRF-Token on every state-changing call, and X-Requested-With keeps the browser's password dialog away.

const BASE = '/genesys';
let csrfToken = '';
let onSessionLost = () => {};

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export function csrf() {
  return csrfToken;
}

/** Called when a call answers 401: the session ended (timeout, logout elsewhere, user changed). */
export function whenSessionLost(handler) {
  onSessionLost = handler;
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * fetch under /genesys. body: a FormData (multipart), a URLSearchParams or plain object (form), or {json: value}.
 * Answers the parsed JSON (or text), throws ApiError with the GMS message on an error status.
 */
export async function call(method, path, body, options) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  let payload;
  if (body instanceof FormData || body instanceof URLSearchParams) {
    payload = body;
  } else if (body && body.json !== undefined) {
    payload = JSON.stringify(body.json);
    headers['Content-Type'] = 'application/json';
  } else if (body) {
    payload = new URLSearchParams(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  Object.assign(headers, (options && options.headers) || {});
  const response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  const text = response.status === 204 ? '' : await response.text();
  let parsed = text;
  if (type.includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch (ignored) {
      parsed = text;
    }
  }
  if (response.status === 401 && !(options && options.login)) {
    onSessionLost();
  }
  if (!response.ok) {
    const message = parsed && typeof parsed === 'object'
      ? parsed.message || (parsed.errors && parsed.errors[0] && parsed.errors[0].advice) || response.statusText
      : (text || response.statusText);
    throw new ApiError(response.status, message, parsed);
  }
  return parsed;
}

export const get = (path, options) => call('GET', path, null, options);
export const post = (path, body, options) => call('POST', path, body, options);
export const del = (path, options) => call('DELETE', path, null, options);

/** Opens a session with a user name and password (Basic, once); answers the session. */
export async function login(username, password) {
  const basic = 'Basic ' + btoa(unescape(encodeURIComponent(username + ':' + password)));
  const session = await call('POST', '/1/admin/session', null, { login: true, headers: { Authorization: basic } });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session of the cookie, or null when there is none. */
export async function session() {
  try {
    const answer = await call('GET', '/1/admin/session', null, { login: true });
    setCsrfToken(answer.csrfToken);
    return answer;
  } catch (error) {
    if (error.status === 401) {
      return null;
    }
    throw error;
  }
}

export async function logout() {
  try {
    await call('DELETE', '/1/admin/session', null, { login: true });
  } finally {
    setCsrfToken('');
  }
}
