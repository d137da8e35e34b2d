// The sample's calls to the customer-side APIs, each written out in a pre block (request, then status and answer), so
// a newcomer sees exactly what goes over the wire. No session, no CSRF token: these are the customer's APIs.
import { h } from '../js/dom.js';

const BASE = '/genesys';

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (ignored) {
    return text;
  }
}

/** A pre block that keeps the latest exchanges at its end. */
export function transcriptBlock(id, label) {
  return h('pre', { class: 'raw', id, tabindex: 0, role: 'region', 'aria-label': label });
}

/** Appends one exchange (or a CometD message) to a pre block and keeps it scrolled to the end. */
export function write(pre, title, text) {
  pre.appendChild(document.createTextNode((pre.textContent ? '\n\n' : '') + title + (text ? '\n' + text : '')));
  pre.scrollTop = pre.scrollHeight;
}

/**
 * A call under /genesys: body {form: {...}} (URL-encoded) or {json: {...}}. Answers {status, ok, body} (body parsed
 * when JSON) and writes the exchange in pre.
 */
export async function call(pre, method, path, body) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body && body.json) {
    payload = JSON.stringify(body.json);
    headers['Content-Type'] = 'application/json';
  } else if (body && body.form) {
    payload = new URLSearchParams(body.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  write(pre, '> ' + method + ' ' + BASE + path, payload && (body.json ? JSON.stringify(body.json, null, 2) : payload));
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (error) {
    write(pre, '< ' + error.message);
    return { status: 0, ok: false, body: null };
  }
  const text = await response.text();
  write(pre, '< HTTP ' + response.status, pretty(text));
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch (ignored) {
    // plain text answer
  }
  return { status: response.status, ok: response.ok, body: parsed };
}
