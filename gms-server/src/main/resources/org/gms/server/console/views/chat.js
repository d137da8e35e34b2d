// The Chat view (supervisors): chats per state and per queue (/1/admin/chat/stats), the open chats
// (/1/admin/chat/chats) and the transcript of the one clicked (/1/admin/chat/<id>/transcript), read again every
// REFRESH (the admin API has no real-time channel); the open transcript is read from its next position only.
import { fill, h, localTime } from '../js/dom.js';
import { Transcript } from './transcript.js';

const REFRESH = 5000;
const STATES = ['BOT', 'WAITING', 'ACTIVE', 'ENDED'];

export default async function chatView(container, ctx) {
  const { t, api } = ctx;
  const label = (key, params) => t('ChatView.' + key, params);
  let timer = null;
  let stopped = false;
  let opened = null;
  let counted = '';

  const cards = h('div', { class: 'cards', id: 'chat-counts', 'aria-live': 'polite' });
  const queues = h('tbody', { id: 'chat-queues' });
  const chats = h('tbody', { id: 'chat-list' });
  const updated = h('p', { class: 'muted', id: 'chat-updated' });
  const refresh = h('button', { type: 'button', id: 'chat-refresh' }, t('Common.refresh'));
  const detail = h('div', { class: 'pane', id: 'chat-detail' }, h('p', { class: 'muted' }, t('ChatView.pick')));
  refresh.addEventListener('click', () => load());
  fill(container, h('h1', { id: 'view-title' }, t('ChatView.title')),
    h('div', { class: 'toolbar' }, refresh, updated), cards,
    h('div', { class: 'panes chat-panes' },
      h('div', { class: 'pane' },
        h('h2', { id: 'chat-queues-title' }, t('ChatView.perQueue')),
        h('table', { 'aria-labelledby': 'chat-queues-title' }, h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('ChatView.queue')),
          ['BOT', 'WAITING', 'ACTIVE'].map(state => h('th', { scope: 'col' }, t('ChatView.state' + state))))),
        queues),
        h('h2', { id: 'chat-list-title' }, t('ChatView.open')),
        h('table', { 'aria-labelledby': 'chat-list-title' }, h('thead', {}, h('tr', {},
          ['customer', 'queue', 'state', 'agent', 'since', 'transcript'].map(key =>
            h('th', { scope: 'col' }, t('ChatView.' + key))))),
        chats)),
      detail));

  function drawCounts(stats) {
    // the cards are a live region: drawn again only when a count changed, not at every refresh
    const signature = JSON.stringify([stats.states, stats.queues]);
    if (signature === counted) {
      return;
    }
    counted = signature;
    fill(cards, STATES.map(state => h('div', { class: 'card', id: 'chat-count-' + state },
      h('div', { class: 'count' }, String((stats.states || {})[state] || 0)),
      h('div', { class: 'muted' }, t('ChatView.state' + state)))));
    const rows = Object.entries(stats.queues || {});
    fill(queues, rows.length ? rows.map(([queue, counts]) => h('tr', { 'data-queue': queue },
      h('th', { scope: 'row' }, queue), ['BOT', 'WAITING', 'ACTIVE'].map(state => h('td', {}, String(counts[state]))))
    ) : h('tr', {}, h('td', { colspan: 4, class: 'muted' }, t('ChatView.noQueues'))));
  }

  function drawChats(list) {
    fill(chats, list.length ? list.map(chat => {
      const show = h('button', { type: 'button', id: 'transcript-' + chat.chatId,
        'aria-label': t('ChatView.showTranscript', { name: chat.nickname }) }, t('ChatView.show'));
      show.addEventListener('click', () => open(chat));
      return h('tr', { 'data-chat-id': chat.chatId, class: opened && opened.chat.chatId === chat.chatId
        ? 'selected' : '' },
      h('td', {}, chat.nickname), h('td', {}, chat.queue),
      h('td', {}, h('span', { class: 'badge ' + chat.state }, t('ChatView.state' + chat.state))),
      h('td', {}, chat.agentId || ''), h('td', {}, localTime(chat.createdAt)), h('td', {}, show));
    }) : h('tr', {}, h('td', { colspan: 6, class: 'muted', id: 'chat-none' }, t('ChatView.none'))));
  }

  async function open(chat) {
    const list = h('ol', { id: 'chat-transcript', class: 'transcript', 'aria-live': 'polite',
      'aria-label': t('ChatView.transcriptOf', { name: chat.nickname }) });
    const state = h('p', { class: 'muted', id: 'chat-transcript-state' });
    opened = { chat, transcript: new Transcript(list, label), state };
    fill(detail, h('h2', { id: 'chat-transcript-title' }, t('ChatView.transcriptOf', { name: chat.nickname })),
      h('p', { class: 'muted' }, [chat.queue, chat.subject, chat.chatId].filter(Boolean).join(' · ')), state, list);
    await readTranscript();
  }

  async function readTranscript() {
    const current = opened;
    if (!current) {
      return;
    }
    try {
      const read = await api.get('/1/admin/chat/' + encodeURIComponent(current.chat.chatId) + '/transcript?from='
        + current.transcript.next());
      if (current === opened) {
        current.transcript.add(read.messages);
        fill(current.state, t('ChatView.state' + read.state));
      }
    } catch (error) {
      fill(current.state, t('ChatView.transcriptFailed') + ': ' + error.message);
    }
  }

  async function load() {
    clearTimeout(timer);
    try {
      const [stats, listed] = await Promise.all([api.get('/1/admin/chat/stats'), api.get('/1/admin/chat/chats')]);
      if (stopped) {
        return;
      }
      drawCounts(stats);
      drawChats(listed.chats);
      await readTranscript();
      fill(updated, t('ChatView.updated', { time: new Date().toLocaleTimeString() }));
    } catch (error) {
      fill(updated, t('ChatView.loadFailed') + ': ' + error.message);
    }
    if (!stopped) {
      timer = setTimeout(load, REFRESH);
    }
  }

  await load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
