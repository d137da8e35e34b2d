// The Agent Desk: the chats waiting in the agent's queues and its own, in real time over CometD
// (/service/agent/chats, {"operation":"watch"}), the pane of the chat being worked, and the callbacks.
// GET /1/agent/chats reconciles the lists at start and every REFRESH as a fallback; the callbacks refresh with it.
import { fill, h, localTime } from '../js/dom.js';
import { callbacksPanel } from './agent-callbacks.js';
import { chatPane } from './agent-chat.js';
import { Transcript } from './transcript.js';

const CHANNEL = '/service/agent/chats';
const REFRESH = 10000;

export default async function agentDesk(container, ctx) {
  const { t, api, say, session } = ctx;
  const waiting = new Map();
  const served = new Map();
  // chats transferred or put away: their last events (the agent's departure) do not bring them back
  const dismissed = new Set();
  let selected = null;
  let pane = null;
  let timer = null;
  let stopped = false;
  const label = (key, params) => t('AgentDesk.' + key, params);

  const waitingNotice = h('p', { id: 'agent-waiting-notice', class: 'warning-text', role: 'status' });
  const waitingList = h('ul', { id: 'agent-waiting', class: 'items', 'aria-labelledby': 'agent-waiting-title' });
  const chatList = h('ul', { id: 'agent-chats', class: 'items', 'aria-labelledby': 'agent-chats-title' });
  const chatArea = h('div', { id: 'agent-chat', class: 'pane' });
  const callbackArea = h('div', { id: 'agent-callbacks-pane', class: 'pane' });
  fill(container, h('h1', { id: 'view-title' }, t('AgentDesk.title')),
    h('div', { class: 'panes desk' },
      h('div', { class: 'pane' },
        h('h2', { id: 'agent-waiting-title' }, t('AgentDesk.waiting')), waitingNotice, waitingList,
        h('h2', { id: 'agent-chats-title' }, t('AgentDesk.myChats')), chatList),
      chatArea),
    callbackArea);
  const callbacks = callbacksPanel(callbackArea, ctx);

  function entry(chat) {
    let one = served.get(chat.chatId);
    if (!one) {
      one = { chat, transcript: new Transcript(h('ol'), label, fileId => '/genesys/1/agent/chats/'
        + encodeURIComponent(chat.chatId) + '/file/' + encodeURIComponent(fileId) + '/download'),
      out: false, typing: '', unread: false };
      served.set(chat.chatId, one);
    } else if (chat.nickname) {
      one.chat = chat;
    }
    return one;
  }

  function drawWaiting() {
    const chats = [...waiting.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    fill(waitingList, chats.length ? chats.map(chat => {
      const accept = h('button', { type: 'button', class: 'primary', id: 'accept-' + chat.chatId,
        'aria-label': t('AgentDesk.acceptChat', { name: chat.nickname }) }, t('AgentDesk.accept'));
      accept.addEventListener('click', () => acceptChat(chat, accept));
      return h('li', { 'data-chat-id': chat.chatId, class: 'waiting-chat' },
        h('span', { class: 'who' }, chat.nickname), ' ',
        h('span', { class: 'muted' }, [chat.queue, chat.subject, localTime(chat.createdAt)].filter(Boolean)
          .join(' · ')), ' ', accept);
    }) : h('li', { class: 'muted', id: 'agent-waiting-none' }, t('AgentDesk.noneWaiting')));
  }

  function drawChats() {
    const chats = [...served.values()];
    fill(chatList, chats.length ? chats.map(one => {
      const open = h('button', { type: 'button', class: 'link', id: 'open-' + one.chat.chatId,
        'aria-current': one.chat.chatId === selected ? 'true' : false },
      one.chat.nickname || one.chat.chatId);
      open.addEventListener('click', () => select(one.chat.chatId));
      return h('li', { 'data-chat-id': one.chat.chatId, class: one.unread ? 'unread' : '' }, open, ' ',
        one.out ? h('span', { class: 'badge ENDED' }, t('AgentDesk.endedBadge'))
          : one.unread ? h('span', { class: 'badge' }, t('AgentDesk.newMessages')) : '');
    }) : h('li', { class: 'muted' }, t('AgentDesk.noChats')));
  }

  async function select(chatId) {
    if (pane) {
      pane.stop();
    }
    selected = chatId;
    const one = served.get(chatId);
    one.unread = false;
    drawChats();
    pane = chatPane(chatArea, ctx, one, { gone, close });
    if (!one.transcript.events.size) {
      await catchUp(one);
    }
  }

  async function catchUp(one) {
    try {
      const read = await api.get('/1/agent/chats/' + encodeURIComponent(one.chat.chatId) + '/transcript?from='
        + one.transcript.next());
      for (const event of one.transcript.add(read.messages)) {
        notice(one, event);
      }
      one.out = one.out || read.state !== 'ACTIVE';
    } catch (error) {
      if (error.status === 403 || error.status === 404) {
        one.out = true;
      } else {
        say(t('AgentDesk.transcriptFailed') + ': ' + error.message, 'error');
      }
    }
    if (one.chat.chatId === selected && pane) {
      pane.update();
    }
    drawChats();
  }

  function gone(chatId) {
    served.delete(chatId);
    dismissed.add(chatId);
    if (selected === chatId) {
      selected = null;
      pane = null;
      fill(chatArea, h('p', { class: 'muted' }, t('AgentDesk.pick')));
    }
    drawChats();
  }

  const close = gone;

  async function acceptChat(chat, button) {
    button.disabled = true;
    fill(waitingNotice);
    try {
      const accepted = await api.post('/1/agent/chats/' + encodeURIComponent(chat.chatId) + '/accept');
      waiting.delete(chat.chatId);
      entry(accepted);
      drawWaiting();
      await select(chat.chatId);
      document.getElementById('agent-message').focus();
    } catch (error) {
      if (error.status === 409) {
        waiting.delete(chat.chatId);
        drawWaiting();
        // said beside the list, where the agent looks (the status line is the connection's too)
        fill(waitingNotice, t('AgentDesk.taken', { name: chat.nickname }));
      } else {
        button.disabled = false;
        say(t('AgentDesk.acceptFailed') + ': ' + error.message, 'error');
      }
    }
  }

  /** What an event changes besides the transcript: the customer's typing, the agent's own departure. */
  function notice(one, event) {
    const from = event.from || {};
    if (from.type === 'Client' && (event.type === 'TypingStarted' || event.type === 'TypingStopped'
      || event.type === 'Message')) {
      one.typing = event.type === 'TypingStarted' ? from.nickname || t('AgentDesk.customer') : '';
    }
    if (event.type === 'ParticipantLeft' && from.type === 'Agent' && from.nickname === session.user) {
      one.out = true;
      one.typing = '';
    }
    if (one.chat.chatId !== selected && !['TypingStarted', 'TypingStopped'].includes(event.type)) {
      one.unread = true;
    }
  }

  function onMessage(data) {
    if (stopped || !data) {
      return;
    }
    if (data.type === 'waiting' && !served.has(data.chat.chatId)) {
      waiting.set(data.chat.chatId, data.chat);
      drawWaiting();
    } else if (data.type === 'dequeued') {
      waiting.delete(data.chat.chatId);
      drawWaiting();
    } else if (data.type === 'event' && !dismissed.has(data.chatId)) {
      const one = entry({ chatId: data.chatId });
      const fresh = one.transcript.add([data.event]);
      fresh.forEach(event => notice(one, event));
      if (fresh.length && !one.chat.nickname && !one.asked) {
        // a chat that became the agent's elsewhere (transferred to it): the list names its customer
        one.asked = true;
        reconcile();
      }
      if (one.chat.chatId === selected && pane) {
        pane.update();
      }
      drawChats();
    } else if (data.type === 'error') {
      say(data.error, 'error');
    }
  }

  /** The lists as the agent API has them now: waiting ones replaced, own active ones added, lost ones caught up. */
  async function reconcile() {
    try {
      const { chats } = await api.get('/1/agent/chats');
      waiting.clear();
      const active = new Set();
      for (const chat of chats) {
        if (chat.state === 'WAITING') {
          waiting.set(chat.chatId, chat);
        } else if (chat.agentId === session.user) {
          active.add(chat.chatId);
          dismissed.delete(chat.chatId);
          entry(chat);
        }
      }
      drawWaiting();
      drawChats();
      // not listed as the agent's any more (or not yet): the transcript's answer tells whether it still is
      await Promise.all([...served.values()].filter(one => !active.has(one.chat.chatId) && !one.out)
        .map(catchUp));
    } catch (error) {
      say(t('AgentDesk.listFailed') + ': ' + error.message, 'error');
    }
  }

  function schedule() {
    timer = setTimeout(async () => {
      await Promise.all([reconcile(), callbacks.refresh()]);
      if (!stopped) {
        schedule();
      }
    }, REFRESH);
  }

  const bayeux = await ctx.cometd();
  const watch = () => bayeux.publish(CHANNEL, { operation: 'watch' }).catch(() => {});
  bayeux.on(CHANNEL, onMessage);
  bayeux.on('/meta/handshake', watch);
  fill(chatArea, h('p', { class: 'muted' }, t('AgentDesk.pick')));
  await reconcile();
  await watch();
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    bayeux.off(CHANNEL, onMessage);
    bayeux.off('/meta/handshake', watch);
    if (pane) {
      await pane.stop();
    }
    bayeux.publish(CHANNEL, { operation: 'unwatch' }).catch(() => {});
  };
}
