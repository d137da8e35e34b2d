// Shared by the Callback and Capacity views: the callback states and services, local times, and downloads.
import { h } from '../js/dom.js';

export const STATES = ['SCHEDULED', 'QUEUED', 'ROUTING', 'PROCESSING', 'PAUSED', 'COMPLETED'];

/** Every configured callback service, by name: the keys of GET /1/admin/callback/watermarks (all of them). */
export async function callbackServices(api) {
  const answer = await api.get('/1/admin/callback/watermarks');
  return Object.keys((answer && answer.services) || {}).sort();
}

/** Saves text as a file through the browser's download (a link to a Blob, clicked and dropped). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, class: 'hidden-link' });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A datetime-local value of a date, in the browser's zone. */
export function localInput(date) {
  const pad = number => String(number).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T'
    + pad(date.getHours()) + ':' + pad(date.getMinutes());
}
