// The Agent Desk's pane of the chat the agent is working: the live transcript, the customer's typing, the message
// box (the agent's typing goes to the customer while it types), file upload, transfer and leave.
import { dialog, field, fill, h } from '../js/dom.js';

const TYPING_PAUSE = 4000;

function path(chatId, operation) {
  return '/1/agent/chats/' + encodeURIComponent(chatId) + '/' + operation;
}

/** The agent's typing: started at the first key, stopped after a pause or when the message goes. */
class Typing {
  constructor(ctx, chatId) {
    this.ctx = ctx;
    this.chatId = chatId;
    this.on = false;
    this.timer = null;
  }

  key() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), TYPING_PAUSE);
    if (!this.on) {
      this.on = true;
      this.ctx.api.post(path(this.chatId, 'typing'), { typing: 'true' }).catch(() => {});
    }
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.on) {
      this.on = false;
      await this.ctx.api.post(path(this.chatId, 'typing'), { typing: 'false' }).catch(() => {});
    }
  }
}

/**
 * Fills container with the pane of a served chat ({chat, transcript, out, typing}); answers {update, stop}:
 * update() shows the customer's typing and whether the agent is still in the chat, stop() ends the agent's typing.
 * hooks.gone(chatId) is called when the agent transferred the chat, hooks.close(chatId) to put an ended one away.
 */
export function chatPane(container, ctx, served, hooks) {
  const { t } = ctx;
  const chatId = served.chat.chatId;
  const typing = new Typing(ctx, chatId);
  const transcript = h('ol', { id: 'agent-transcript', class: 'transcript', 'aria-live': 'polite',
    'aria-label': t('AgentDesk.transcript') });
  const typingLine = h('p', { id: 'agent-typing', class: 'typing', 'aria-live': 'polite' });
  const state = h('p', { id: 'agent-chat-state', class: 'muted', role: 'status' });
  const message = h('textarea', { id: 'agent-message', name: 'message', rows: 3, required: true });
  const send = h('button', { type: 'submit', class: 'primary', id: 'agent-send' }, t('AgentDesk.send'));
  const form = h('form', { id: 'agent-send-form', class: 'compose' }, field(t('AgentDesk.message'), message), send);
  const file = h('input', { id: 'agent-file', name: 'file', type: 'file' });
  const upload = h('button', { type: 'button', id: 'agent-upload' }, t('AgentDesk.upload'));
  const transfer = h('button', { type: 'button', id: 'agent-transfer' }, t('AgentDesk.transfer'));
  const leave = h('button', { type: 'button', class: 'danger', id: 'agent-leave' }, t('AgentDesk.leave'));
  const close = h('button', { type: 'button', id: 'agent-close' }, t('AgentDesk.close'));
  const actions = h('div', { class: 'toolbar' }, field(t('AgentDesk.file'), file), upload, transfer, leave);

  message.addEventListener('input', () => {
    if (message.value) {
      typing.key();
    }
  });
  message.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = message.value.trim();
    if (!text) {
      return;
    }
    send.disabled = true;
    try {
      await typing.stop();
      const sent = await ctx.api.post(path(chatId, 'send'), { message: text, messageType: 'text' });
      served.transcript.add([sent]);
      message.value = '';
    } catch (error) {
      ctx.say(t('AgentDesk.sendFailed') + ': ' + error.message, 'error');
    } finally {
      send.disabled = false;
      message.focus();
    }
  });
  upload.addEventListener('click', async () => {
    if (!file.files.length) {
      ctx.say(t('AgentDesk.chooseFile'), 'warning');
      file.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    upload.disabled = true;
    try {
      served.transcript.add([await ctx.api.post(path(chatId, 'file'), body)]);
      file.value = '';
      ctx.say(t('AgentDesk.uploaded'), 'ok');
    } catch (error) {
      ctx.say(t('AgentDesk.uploadFailed') + ': ' + error.message, 'error');
    } finally {
      upload.disabled = false;
    }
  });
  transfer.addEventListener('click', () => transferDialog(ctx, chatId, hooks));
  leave.addEventListener('click', async () => {
    leave.disabled = true;
    try {
      await typing.stop();
      await ctx.api.post(path(chatId, 'leave'));
      served.out = true;
      update();
    } catch (error) {
      leave.disabled = false;
      ctx.say(t('AgentDesk.leaveFailed') + ': ' + error.message, 'error');
    }
  });
  close.addEventListener('click', () => hooks.close(chatId));

  function update() {
    fill(typingLine, served.typing ? t('AgentDesk.typing', { name: served.typing }) : '');
    fill(state, served.out ? t('AgentDesk.ended') : '');
    for (const control of [message, send, file, upload, transfer, leave]) {
      control.disabled = served.out;
    }
    close.hidden = !served.out;
  }

  const chat = served.chat;
  fill(container,
    h('h2', { id: 'agent-chat-title' }, t('AgentDesk.chatWith', { name: chat.nickname || chat.chatId })),
    h('p', { class: 'muted', id: 'agent-chat-about' }, [chat.queue, chat.subject].filter(Boolean).join(' · ')),
    transcript, typingLine, state, form, actions, close);
  served.transcript.render(transcript);
  update();
  return { update, stop: () => typing.stop() };
}

function transferDialog(ctx, chatId, hooks) {
  const { t } = ctx;
  const queue = h('input', { id: 'transfer-queue', name: 'queue' });
  const agent = h('input', { id: 'transfer-agent', name: 'agent' });
  const error = h('p', { class: 'error', role: 'alert', id: 'transfer-error' });
  const cancel = h('button', { type: 'button', id: 'transfer-cancel' }, t('Common.cancel'));
  const confirm = h('button', { type: 'button', class: 'primary', id: 'transfer-confirm' }, t('AgentDesk.transfer'));
  const modal = dialog(t('AgentDesk.transferTitle'), [h('p', {}, t('AgentDesk.transferHelp')),
    field(t('AgentDesk.transferQueue'), queue), field(t('AgentDesk.transferAgent'), agent), error], [cancel, confirm]);
  cancel.addEventListener('click', () => modal.close());
  confirm.addEventListener('click', async () => {
    const target = queue.value.trim() ? { queue: queue.value.trim() } : { agent: agent.value.trim() };
    if (!queue.value.trim() === !agent.value.trim()) {
      fill(error, t('AgentDesk.transferOne'));
      return;
    }
    try {
      await ctx.api.post(path(chatId, 'transfer'), target);
      modal.close();
      ctx.say(t('AgentDesk.transferred', { to: target.queue || target.agent }), 'ok');
      hooks.gone(chatId);
    } catch (failure) {
      fill(error, failure.message);
    }
  });
  queue.focus();
}
