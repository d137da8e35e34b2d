// The Agent Desk's callbacks: the callbacks waiting in the agent's queues, "next" to claim the oldest, then
// connected, complete with a reason, or retry (the customer was not reached). The agent callback API has no
// real-time channel: the list is read again after each action and by the desk's slow refresh.
import { field, fill, h, localTime } from '../js/dom.js';

// the callback being worked, per user, kept across a reload of the page (the API lists only waiting ones)
const STORED = 'gms.console.callback.';

function remembered(user) {
  try {
    return JSON.parse(window.sessionStorage.getItem(STORED + user) || 'null');
  } catch (ignored) {
    return null;
  }
}

function remember(user, callback) {
  if (callback) {
    window.sessionStorage.setItem(STORED + user, JSON.stringify(callback));
  } else {
    window.sessionStorage.removeItem(STORED + user);
  }
}

/** Fills container; answers {refresh}. */
export function callbacksPanel(container, ctx) {
  const { t, api, say } = ctx;
  const user = ctx.session.user;
  let current = remembered(user);
  const list = h('ul', { id: 'agent-callbacks', class: 'items', 'aria-label': t('AgentDesk.callbacksWaiting') });
  const next = h('button', { type: 'button', class: 'primary', id: 'callback-next' }, t('AgentDesk.nextCallback'));
  const box = h('div', { id: 'callback-current', class: 'current', 'aria-live': 'polite' });

  async function refresh() {
    try {
      const waiting = await api.get('/1/agent/callbacks');
      fill(list, waiting.length ? waiting.map(callback => h('li', { 'data-callback-id': callback._id },
        h('span', { class: 'who' }, callback._customer_number || callback._id), ' ',
        h('span', { class: 'muted' }, [callback._urs_virtual_queue, localTime(callback._desired_time)]
          .filter(Boolean).join(' · '))))
        : h('li', { class: 'muted', id: 'callbacks-none' }, t('AgentDesk.noCallbacks')));
    } catch (error) {
      fill(list, h('li', { class: 'error' }, t('AgentDesk.callbacksFailed') + ': ' + error.message));
    }
  }

  async function act(operation, body, done) {
    try {
      const changed = await api.post('/1/agent/callbacks/' + encodeURIComponent(current._id) + '/' + operation,
        body);
      current = done ? null : changed;
      say(t(done ? 'AgentDesk.callbackDone' : 'AgentDesk.callbackConnected', { state: changed._callback_state }),
        'ok');
    } catch (error) {
      say(t('AgentDesk.callbackFailed') + ': ' + error.message, 'error');
      if (error.status === 404) {
        current = null;
      }
    }
    remember(user, current);
    show();
    await refresh();
  }

  function show() {
    if (!current) {
      fill(box);
      next.disabled = false;
      return;
    }
    next.disabled = true;
    const reason = h('input', { id: 'callback-reason', name: 'reason', value: 'AGENT_CONNECTED' });
    const connected = h('button', { type: 'button', id: 'callback-connected' }, t('AgentDesk.connected'));
    const complete = h('button', { type: 'button', class: 'primary', id: 'callback-complete' },
      t('AgentDesk.complete'));
    const retry = h('button', { type: 'button', id: 'callback-retry' }, t('AgentDesk.retry'));
    connected.disabled = current._callback_state !== 'ROUTING';
    connected.addEventListener('click', () => act('connected'));
    complete.addEventListener('click', () => act('complete', { reason: reason.value.trim() }, true));
    retry.addEventListener('click', () => act('complete', { retry: 'true' }, true));
    fill(box, h('h3', {}, t('AgentDesk.callbackCurrent')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('AgentDesk.callbackNumber')), h('dd', { id: 'callback-number' }, current._customer_number || ''),
        h('dt', {}, t('AgentDesk.callbackState')), h('dd', { id: 'callback-state' }, current._callback_state || ''),
        h('dt', {}, t('AgentDesk.callbackQueue')), h('dd', {}, current._urs_virtual_queue || '')),
      h('div', { class: 'toolbar' }, connected, field(t('AgentDesk.reason'), reason), complete, retry));
  }

  next.addEventListener('click', async () => {
    next.disabled = true;
    try {
      const claimed = await api.post('/1/agent/callbacks/next');
      if (claimed && claimed._id) {
        current = claimed;
        remember(user, current);
        say(t('AgentDesk.callbackClaimed', { number: claimed._customer_number || claimed._id }), 'ok');
      } else {
        say(t('AgentDesk.noCallbacks'), 'warning');
      }
    } catch (error) {
      say(t('AgentDesk.callbackFailed') + ': ' + error.message, 'error');
    }
    show();
    await refresh();
  });

  fill(container, h('h2', { id: 'agent-callbacks-title' }, t('AgentDesk.callbacks')), next, box,
    h('h3', {}, t('AgentDesk.callbacksWaiting')), list);
  show();
  refresh();
  return { refresh };
}
