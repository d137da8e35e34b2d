// The Callback view's dialogs: Advanced Options, Create Callback, Cancel Callbacks, Download Reports. Each takes
// the view: {t, tr, api, state, services, reload(), window(), candidates()} (see callback.js).
import { dialog, field, fill, h, localTime, uid } from '../js/dom.js';
import { STATES, download, localInput } from './callback-common.js';

const REASON = 'CANCELLED_BY_ADMIN';
/** The most ids the cancel API takes in one call. */
const CANCEL_BATCH = 5000;
const EXPORTED = ['_service_id', '_service_name', '_desired_time', '_customer_number', '_callback_state',
  '_callback_reason'];

function checkbox(label, checked, attributes) {
  const input = h('input', Object.assign({ type: 'checkbox', id: uid('check'), checked }, attributes || {}));
  return { input, element: h('div', { class: 'field inline' }, input, h('label', { for: input.id }, label)) };
}

function button(id, label, kind) {
  return h('button', { type: 'button', id, class: kind }, label);
}

/** ✓ Ok or ✗ not cancelled, for one entry of a cancel's outcome. */
function outcomeMark(tr, title) {
  const ok = title === 'Ok';
  return h('span', { class: 'outcome ' + (ok ? 'ok' : 'error'), dataset: { outcome: title } },
    h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), ok ? tr('outcomeOk') : tr('outcomeFailed'));
}

function describe(record) {
  return [record._customer_number, localTime(record._desired_time), record._callback_state,
    record._service_name || record._service].join(' · ');
}

export function advancedDialog(view) {
  const { t, tr, state, services } = view;
  const serviceId = checkbox(tr('showServiceId'), state.serviceId, { id: 'advanced-service-id' });
  const states = STATES.map(name => Object.assign(checkbox(name, state.states.has(name),
    { dataset: { state: name } }), { name }));
  const chosen = services.map(name => Object.assign(checkbox(name, state.services.has(name),
    { dataset: { service: name } }), { name }));
  const save = button('advanced-save', t('Common.save'), 'primary');
  const close = button('advanced-close', t('Common.close'));
  const modal = dialog(tr('advanced'), [serviceId.element,
    h('fieldset', { id: 'advanced-states' }, h('legend', {}, tr('states')), states.map(box => box.element)),
    h('fieldset', { id: 'advanced-services' }, h('legend', {}, tr('services')),
      chosen.length ? chosen.map(box => box.element) : h('p', { class: 'muted' }, tr('noService')))],
  [save, close]);
  close.addEventListener('click', () => modal.close());
  save.addEventListener('click', () => {
    state.serviceId = serviceId.input.checked;
    state.states = new Set(states.filter(box => box.input.checked).map(box => box.name));
    state.services = new Set(chosen.filter(box => box.input.checked).map(box => box.name));
    state.page = 0;
    modal.close();
    view.reload();
  });
}

export function createDialog(view) {
  const { t, tr, api, services } = view;
  const service = h('select', { id: 'create-service', required: true },
    services.map(name => h('option', { value: name }, name)));
  const phone = h('input', { id: 'create-phone', type: 'tel', required: true, autocomplete: 'off' });
  const time = h('input', { id: 'create-time', type: 'datetime-local', min: localInput(new Date()) });
  const result = h('p', { id: 'create-result', role: 'status' });
  const form = h('form', { id: 'create-form' }, field(tr('service'), service), field(tr('phone'), phone),
    field(tr('desiredTime'), time), h('p', { class: 'muted' }, tr('desiredTimeHint')), result);
  const submit = h('button', { type: 'submit', id: 'create-submit', class: 'primary', form: 'create-form' },
    tr('create'));
  const close = button('create-close', t('Common.close'));
  const modal = dialog(tr('create'), form, [submit, close]);
  close.addEventListener('click', () => modal.close());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!service.value || !phone.value.trim()) {
      result.className = 'error';
      fill(result, tr('createMissing'));
      return;
    }
    const body = { _customer_number: phone.value.trim() };
    if (time.value) {
      body._desired_time = new Date(time.value).toISOString();
    }
    submit.disabled = true;
    try {
      // a 401 here is the callback API's own password ([callback] or the service's), not the end of the session
      const answer = await api.call('POST', '/1/service/callback/' + encodeURIComponent(service.value),
        { json: body }, { login: true });
      result.className = 'ok';
      fill(result, tr('created', { id: answer._id }), answer._text ? ' ' + answer._text : '');
      phone.value = '';
      await view.reload();
    } catch (error) {
      result.className = 'error';
      fill(result, tr('createFailed') + ': ' + error.message);
    } finally {
      submit.disabled = false;
    }
  });
  phone.focus();
}

export function cancelDialog(view) {
  const { t, tr, api, state } = view;
  const listed = view.candidates();
  const marks = new Map(listed.map(record => [record._id, h('span', { class: 'mark' })]));
  const all = checkbox(tr('cancelAll', { n: state.records.length }), false, { id: 'cancel-all' });
  const result = h('p', { id: 'cancel-result', role: 'status' });
  const confirm = button('cancel-confirm', t('Common.confirm'), 'danger');
  const close = button('cancel-close', t('Common.close'));
  const modal = dialog(tr('cancel'), [
    h('h3', {}, tr('cancelPage', { n: listed.length })),
    listed.length ? h('ul', { class: 'cancel-list', id: 'cancel-list' }, listed.map(record =>
      h('li', { dataset: { id: record._id } }, marks.get(record._id), describe(record))))
      : h('p', { class: 'muted' }, tr('none')),
    all.element, result], [confirm, close]);
  close.addEventListener('click', () => modal.close());
  confirm.addEventListener('click', async () => {
    const ids = (all.input.checked ? state.records : listed).map(record => record._id);
    if (!ids.length) {
      fill(result, tr('none'));
      return;
    }
    confirm.disabled = true;
    all.input.disabled = true;
    result.className = 'busy';
    result.setAttribute('aria-busy', 'true');
    fill(result, h('span', { class: 'spinner', 'aria-hidden': 'true' }), tr('cancelling'));
    try {
      const outcome = [];
      for (let index = 0; index < ids.length; index += CANCEL_BATCH) {
        outcome.push(...await api.post('/1/admin/callback/cancel',
          { json: { reason: REASON, ids: ids.slice(index, index + CANCEL_BATCH) } }));
      }
      state.lastCancel = outcome;
      outcome.forEach(entry => marks.has(entry._id) && fill(marks.get(entry._id), outcomeMark(tr, entry._ok_title)));
      const failed = outcome.filter(entry => entry._ok_title !== 'Ok').length;
      result.className = failed ? 'error' : 'ok';
      fill(result, h('span', { 'aria-hidden': 'true' }, failed ? '✗ ' : '✓ '), failed
        ? tr('cancelSome', { ok: outcome.length - failed, failed }) : tr('cancelDone', { n: outcome.length }));
      await view.reload();
    } catch (error) {
      result.className = 'error';
      fill(result, t('Common.error') + ': ' + error.message);
      confirm.disabled = false;
      all.input.disabled = false;
    } finally {
      result.removeAttribute('aria-busy');
    }
  });
}

export function reportsDialog(view) {
  const { t, tr, api, state } = view;
  const last = state.lastCancel;
  const summary = button('report-summary', tr('summaryDownload'), 'primary');
  summary.disabled = !last;
  summary.addEventListener('click', () => download('CancellationSummaryReport', 'application/json',
    JSON.stringify(last, null, 2)));
  const count = h('p', { id: 'report-export-count', role: 'status' });
  const exported = button('report-export', tr('exportDownload'), 'primary');
  const refresh = button('report-refresh', t('Common.refresh'));
  const close = button('report-close', t('Common.close'));
  const csv = () => api.post('/1/admin/callback/reportcancelled',
    { json: Object.assign({ callback_reason: REASON, exported_properties: EXPORTED }, view.window()) });
  const counted = async () => {
    try {
      const text = await csv();
      fill(count, tr('exportCount', { n: Math.max(0, String(text).split(/\r?\n/).filter(Boolean).length - 1) }));
      count.className = '';
      return text;
    } catch (error) {
      count.className = 'error';
      fill(count, t('Common.error') + ': ' + error.message);
      return null;
    }
  };
  exported.addEventListener('click', async () => {
    const text = await counted();
    if (text !== null) {
      download('CancelledCallbacks.csv', 'text/csv', text);
    }
  });
  refresh.addEventListener('click', counted);
  const modal = dialog(tr('reports'), [
    h('h3', {}, tr('summaryTitle')),
    last ? h('ul', { class: 'cancel-list', id: 'report-summary-list' }, last.map(entry =>
      h('li', { dataset: { id: entry._id } }, outcomeMark(tr, entry._ok_title), ' ', entry._id)))
      : h('p', { class: 'muted', id: 'report-summary-none' }, tr('summaryNone')),
    h('div', { class: 'toolbar' }, summary),
    h('h3', {}, tr('exportTitle')), h('p', { class: 'muted' }, tr('exportHint')), count,
    h('div', { class: 'toolbar' }, exported, refresh)], [close]);
  close.addEventListener('click', () => modal.close());
  counted();
}
