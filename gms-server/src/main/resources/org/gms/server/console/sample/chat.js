// REQUEST-CHAT: the customer's side of a chat over CometD (/service/chatV2/<service>), with the console's Bayeux
// client. The handshake carries no session: without a notification password the server accepts a plain one.
import { Bayeux } from '../js/bayeux.js';
import { field, fill, h } from '../js/dom.js';
import { transcriptBlock, write } from './exchanges.js';

const QUIET = new Set(['TypingStarted', 'TypingStopped']);

export function chatScenario(t, say) {
  const service = h('input', { id: 'chat-service', value: 'customer-support', required: true });
  const nickname = h('input', { id: 'chat-nickname', value: t('SampleView.chat.defaultNickname'), required: true });
  const subject = h('input', { id: 'chat-subject', value: '' });
  const first = h('input', { id: 'chat-first', value: t('SampleView.chat.defaultText') });
  const start = h('button', { type: 'submit', class: 'primary', id: 'chat-start' }, t('SampleView.chat.start'));
  const transcript = h('ol', { class: 'transcript', id: 'chat-transcript', 'aria-live': 'polite',
    'aria-label': t('SampleView.chat.transcript') });
  const typing = h('p', { class: 'typing', id: 'chat-typing', 'aria-live': 'polite' });
  const message = h('input', { id: 'chat-message', disabled: true, autocomplete: 'off' });
  const send = h('button', { type: 'submit', id: 'chat-send', disabled: true }, t('SampleView.chat.send'));
  const end = h('button', { type: 'button', id: 'chat-end', class: 'danger', disabled: true },
    t('SampleView.chat.end'));
  const state = h('p', { id: 'chat-state', class: 'muted' }, t('SampleView.chat.idle'));
  const raw = transcriptBlock('chat-raw', t('SampleView.raw'));
  let bayeux = null;
  let channel = '';
  let secureKey = '';
  const seen = new Set();

  function log(title, data) {
    write(raw, title, data === undefined ? '' : JSON.stringify(data, null, 2));
  }

  function label(type) {
    const key = 'SampleView.event.' + type;
    const text = t(key);
    return text === key ? type : text;
  }

  function received(data) {
    log('< ' + channel, data);
    if (data.secureKey) {
      secureKey = data.secureKey;
      fill(state, t('SampleView.chat.open', { chat: data.chatId || '' }));
      connected(true);
    }
    if (data.statusCode && data.statusCode !== 0) {
      say(t('SampleView.chat.refused') + ': ' + (data.errors || []).map(error => error.advice).join(' '), 'error');
    }
    for (const event of data.messages || []) {
      if (seen.has(event.index)) {
        continue;
      }
      seen.add(event.index);
      const who = (event.from && event.from.nickname) || '';
      if (QUIET.has(event.type)) {
        fill(typing, event.type === 'TypingStarted' ? t('SampleView.chat.typing', { who }) : '');
        continue;
      }
      transcript.appendChild(h('li', { dataset: { type: event.type, party: (event.from && event.from.type) || '' } },
        h('span', { class: 'badge' }, label(event.type)), ' ', h('span', { class: 'nick' }, who), event.text || ''));
      transcript.scrollTop = transcript.scrollHeight;
    }
    if (data.chatEnded) {
      fill(state, t('SampleView.chat.ended'));
      connected(false);
    }
  }

  function connected(open) {
    message.disabled = !open;
    send.disabled = !open;
    end.disabled = !open;
    start.disabled = open;
  }

  async function publish(data) {
    log('> ' + channel, data);
    await bayeux.publish(channel, data);
  }

  async function stop() {
    if (bayeux) {
      const client = bayeux;
      bayeux = null;
      await client.stop();
    }
  }

  const form = h('form', { class: 'pane', id: 'chat-form' },
    field(t('SampleView.chat.service'), service), field(t('SampleView.chat.nickname'), nickname),
    field(t('SampleView.chat.subject'), subject), field(t('SampleView.chat.firstMessage'), first),
    h('div', { class: 'toolbar' }, start, end), state);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await stop();
    fill(transcript);
    seen.clear();
    secureKey = '';
    channel = '/service/chatV2/' + service.value.trim();
    bayeux = new Bayeux('', status => (status === 'connected' ? say('') : say(t('Common.' + status), 'warning')));
    bayeux.on(channel, received);
    try {
      await bayeux.start();
      await bayeux.subscribe(channel);
      await publish({ operation: 'requestChat', nickname: nickname.value, subject: subject.value,
        text: first.value || undefined });
    } catch (error) {
      say(t('SampleView.chat.refused') + ': ' + error.message, 'error');
    }
  });
  const composer = h('form', { class: 'toolbar', id: 'chat-composer' }, field(t('SampleView.chat.message'), message),
    send);
  composer.addEventListener('submit', async event => {
    event.preventDefault();
    if (message.value.trim()) {
      const text = message.value;
      message.value = '';
      await publish({ operation: 'sendMessage', secureKey, message: text });
    }
  });
  end.addEventListener('click', async () => {
    await publish({ operation: 'disconnect', secureKey });
  });
  window.addEventListener('pagehide', stop);
  const element = h('div', { class: 'sample-scenario' }, form,
    h('div', { class: 'pane' }, h('h3', {}, t('SampleView.chat.transcript')), transcript, typing, composer),
    h('h3', {}, t('SampleView.raw')), raw);
  return { element, stop };
}
