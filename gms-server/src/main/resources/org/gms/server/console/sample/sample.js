// Lab > Sample: the customer's side of a deployment, with no login. Scenarios REQUEST-INTERACTION (a number to dial and
// an access code), REQUEST-CHAT (a chat over CometD, see chat.js) and CALLBACK (now, or in a free slot of
// availability v2); each shows the raw requests and answers. Strings come from the SampleView section.
import { field, fill, h, localTime } from '../js/dom.js';
import { language, languageName, languages, preferred, t, use } from '../js/i18n.js';
import { chatScenario } from './chat.js';
import { call, transcriptBlock } from './exchanges.js';

const view = document.getElementById('view');
const status = document.getElementById('status');
const menu = document.getElementById('menu');
const SCENARIOS = ['interaction', 'chat', 'callback'];
let chat = null;

function say(text, kind) {
  fill(status, text || '');
  status.className = 'status' + (kind ? ' ' + kind : '');
}

function result(id, label) {
  return [h('dt', {}, label), h('dd', { id }, '—')];
}

function interactionScenario() {
  const service = h('input', { id: 'ri-service', value: 'request-interaction', required: true });
  const firstName = h('input', { id: 'ri-first-name', autocomplete: 'given-name' });
  const raw = transcriptBlock('ri-raw', t('SampleView.raw'));
  const answers = h('dl', { class: 'sample-result' }, result('ri-number', t('SampleView.interaction.number')),
    result('ri-code', t('SampleView.interaction.code')), result('ri-expires', t('SampleView.interaction.expires')));
  const form = h('form', { class: 'pane', id: 'ri-form' }, field(t('SampleView.interaction.service'), service),
    field(t('SampleView.interaction.firstName'), firstName),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'ri-connect' },
      t('SampleView.interaction.connect'))), answers);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const fields = firstName.value ? { first_name: firstName.value } : {};
    const answer = await call(raw, 'POST', '/1/service/' + encodeURIComponent(service.value.trim()), { form: fields });
    const body = answer.ok && typeof answer.body === 'object' ? answer.body : {};
    fill(document.getElementById('ri-number'), body._access_number || '—');
    fill(document.getElementById('ri-code'), body._access_code || t('SampleView.interaction.noCode'));
    fill(document.getElementById('ri-expires'), body._expiration_time
      ? t('SampleView.interaction.seconds', { n: body._expiration_time }) : '—');
    say(answer.ok ? t('SampleView.interaction.dial', { number: body._access_number || '' }) : t('SampleView.failed',
      { status: answer.status }), answer.ok ? 'ok' : 'error');
  });
  return h('div', { class: 'sample-scenario' }, form, h('h3', {}, t('SampleView.raw')), raw);
}

function callbackScenario() {
  const service = h('input', { id: 'cb-service', value: 'callback-sample', required: true });
  const number = h('input', { id: 'cb-number', type: 'tel', value: '+16175551212', required: true,
    autocomplete: 'tel' });
  const now = h('input', { type: 'radio', name: 'cb-when', id: 'cb-now', value: 'now', checked: true });
  const later = h('input', { type: 'radio', name: 'cb-when', id: 'cb-later', value: 'later' });
  const find = h('button', { type: 'button', id: 'cb-find' }, t('SampleView.callback.findSlots'));
  const slot = h('select', { id: 'cb-slot', disabled: true }, h('option', { value: '' }, t('SampleView.callback.noSlot')));
  const raw = transcriptBlock('cb-raw', t('SampleView.raw'));
  const answers = h('dl', { class: 'sample-result' }, result('cb-id', t('SampleView.callback.id')),
    result('cb-action', t('SampleView.callback.action')));
  const slots = h('div', { id: 'cb-slots', hidden: true }, h('div', { class: 'toolbar' }, find,
    field(t('SampleView.callback.slot'), slot)));
  const when = h('fieldset', { class: 'sample-when' }, h('legend', {}, t('SampleView.callback.when')),
    h('div', { class: 'field inline' }, now, h('label', { for: now.id }, t('SampleView.callback.now'))),
    h('div', { class: 'field inline' }, later, h('label', { for: later.id }, t('SampleView.callback.later'))));
  for (const choice of [now, later]) {
    choice.addEventListener('change', () => {
      slots.hidden = !later.checked;
    });
  }
  const path = () => '/service/callback/' + encodeURIComponent(service.value.trim());
  find.addEventListener('click', async () => {
    const start = new Date().toISOString().replace(/\.\d+Z$/, '.000Z');
    const answer = await call(raw, 'GET', '/2' + path() + '/availability?start=' + encodeURIComponent(start)
      + '&max-time-slots=24');
    const free = answer.ok && answer.body && Array.isArray(answer.body.slots)
      ? answer.body.slots.filter(entry => entry.capacity > 0) : [];
    fill(slot, free.length ? free.map(entry => h('option', { value: entry.utcTime },
      localTime(entry.utcTime) + ' — ' + t('SampleView.callback.places', { n: entry.capacity })))
      : h('option', { value: '' }, t('SampleView.callback.noSlot')));
    slot.disabled = !free.length;
    say(free.length ? t('SampleView.callback.slotsFound', { n: free.length }) : t('SampleView.callback.noSlot'),
      free.length ? 'ok' : 'warning');
  });
  const form = h('form', { class: 'pane', id: 'cb-form' }, field(t('SampleView.callback.service'), service),
    field(t('SampleView.callback.number'), number), when, slots,
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'cb-submit' },
      t('SampleView.callback.submit'))), answers);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const json = { _customer_number: number.value.trim() };
    if (later.checked) {
      if (!slot.value) {
        say(t('SampleView.callback.pickSlot'), 'warning');
        return;
      }
      json._desired_time = slot.value;
    }
    const answer = await call(raw, 'POST', '/1' + path(), { json });
    const body = answer.ok && typeof answer.body === 'object' ? answer.body : {};
    fill(document.getElementById('cb-id'), body._id || '—');
    fill(document.getElementById('cb-action'), body._action || '—');
    say(answer.ok ? t('SampleView.callback.booked', { id: body._id || '' })
      : t('SampleView.failed', { status: answer.status }), answer.ok ? 'ok' : 'error');
  });
  return h('div', { class: 'sample-scenario' }, form, h('h3', {}, t('SampleView.raw')), raw);
}

function languageChoice() {
  const select = h('select', { id: 'sample-language' }, languages().map(lang => h('option', { value: lang,
    selected: lang === language() }, languageName(lang))));
  select.addEventListener('change', async () => {
    await use(select.value);
    render();
  });
  return field(t('SampleView.language'), select);
}

async function render() {
  if (chat) {
    await chat.stop();
  }
  chat = chatScenario(t, say);
  document.title = t('SampleView.title');
  fill(document.getElementById('brand'), t('SampleView.title'));
  fill(menu, h('a', { href: '../', id: 'sample-console' }, t('SampleView.console')));
  const panes = {
    interaction: interactionScenario(),
    chat: chat.element,
    callback: callbackScenario()
  };
  const scenario = h('select', { id: 'scenario' }, SCENARIOS.map(name => h('option', { value: name },
    t('SampleView.scenario.' + name))));
  const sections = SCENARIOS.map(name => h('section', { id: 'scenario-' + name, class: 'sample-pane',
    hidden: name !== SCENARIOS[0], 'aria-label': t('SampleView.scenario.' + name) }, panes[name]));
  scenario.addEventListener('change', () => {
    sections.forEach(section => {
      section.hidden = section.id !== 'scenario-' + scenario.value;
    });
    say('');
  });
  fill(view, h('section', { class: 'view', 'aria-labelledby': 'view-title' },
    h('h1', { id: 'view-title' }, t('SampleView.title')),
    h('p', { class: 'muted' }, t('SampleView.intro')),
    h('div', { class: 'toolbar' }, field(t('SampleView.scenario.label'), scenario), languageChoice()),
    sections));
}

async function boot() {
  await use(preferred());
  await render();
}

boot();
