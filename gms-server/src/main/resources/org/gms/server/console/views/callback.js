// The Callback view: the callbacks of a time range (GET /1/admin/callback/queues), 250 a page, filtered by state and
// service, with the dialogs to create, cancel in bulk and download the reports (callback-dialogs.js).
import { field, fill, h, localTime } from '../js/dom.js';
import { advancedDialog, cancelDialog, createDialog, reportsDialog } from './callback-dialogs.js';
import { STATES, callbackServices, localInput } from './callback-common.js';

export const PAGE_SIZE = 250;
/** The most callbacks the queues API answers per service. */
export const MAX_PER_SERVICE = 5000;
const PRESETS = ['last24', 'last7', 'last30', 'today', 'next24', 'next7', 'next30', 'custom'];
const DAY = 24 * 60 * 60 * 1000;

/** Local midnight, {@code days} days from today's. */
function midnight(now, days) {
  const date = new Date(now.getTime());
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + days);
  return date;
}

/** [start, end) of a preset, from the browser's local day: Last 7 Days is local midnight 7 days ago to now. */
export function presetRange(preset, now) {
  switch (preset) {
    case 'last24': return [new Date(now.getTime() - DAY), now];
    case 'last7': return [midnight(now, -7), now];
    case 'last30': return [midnight(now, -30), now];
    case 'next24': return [now, new Date(now.getTime() + DAY)];
    case 'next7': return [now, midnight(now, 8)];
    case 'next30': return [now, midnight(now, 31)];
    default: return [midnight(now, 0), midnight(now, 1)];
  }
}

/** A custom range from two datetime-local values: {range} or {error} (a CallbackView key). */
export function customRange(fromText, toText) {
  const start = new Date(fromText);
  const end = new Date(toText);
  if (isNaN(start.getTime()) || isNaN(end.getTime()) || start >= end) {
    return { error: 'notBefore' };
  }
  const limit = new Date(start.getTime());
  limit.setMonth(limit.getMonth() + 1);
  return end > limit ? { error: 'tooLong' } : { range: [start, end] };
}

export default async function (container, ctx) {
  const { t, api, say } = ctx;
  const tr = (key, params) => t('CallbackView.' + key, params);
  const services = await callbackServices(api);
  const state = {
    range: presetRange('today', new Date()), serviceId: false, states: new Set(STATES),
    services: new Set(services), records: [], page: 0, selected: new Set(), lastCancel: null
  };

  const preset = h('select', { id: 'callback-range' },
    PRESETS.map(name => h('option', { value: name, selected: name === 'today' }, tr('presets.' + name))));
  const from = h('input', { type: 'datetime-local', id: 'callback-from' });
  const to = h('input', { type: 'datetime-local', id: 'callback-to' });
  const apply = h('button', { type: 'button', id: 'callback-apply' }, tr('apply'));
  const custom = h('div', { class: 'toolbar', id: 'callback-custom', hidden: true },
    field(tr('from'), from), field(tr('to'), to), apply);
  const rangeError = h('p', { class: 'error', id: 'callback-range-error', role: 'alert' });
  const summary = h('p', { id: 'callback-summary', role: 'status' });
  const table = h('table', { id: 'callback-table', 'aria-labelledby': 'view-title' });
  const pager = h('div', { class: 'toolbar', id: 'callback-pager' });

  const view = {
    t, tr, api, state, services, reload: load,
    /** The range as the admin API takes it. */
    window: () => ({ start_time: state.range[0].toISOString(), end_time: state.range[1].toISOString() }),
    /** The callbacks the Cancel dialog lists: those selected on this page, else the whole page. */
    candidates: () => {
      const page = pageRecords();
      const chosen = page.filter(record => state.selected.has(record._id));
      return chosen.length ? chosen : page;
    }
  };

  function pages() {
    return Math.max(1, Math.ceil(state.records.length / PAGE_SIZE));
  }

  function pageRecords() {
    return state.records.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  }

  async function load() {
    const chosen = services.filter(name => state.services.has(name));
    const records = [];
    if (chosen.length && state.states.size) {
      const query = new URLSearchParams(Object.assign(view.window(), { max: String(MAX_PER_SERVICE) }));
      if (state.states.size < STATES.length) {
        query.set('states', [...state.states].join(','));
      }
      if (chosen.length === 1) {
        query.set('target', chosen[0]);
      }
      try {
        const answer = await api.get('/1/admin/callback/queues?' + query);
        for (const name of chosen) {
          records.push(...(answer[name] || []).map(record => Object.assign({ _service: name }, record)));
        }
      } catch (error) {
        say(t('Common.error') + ': ' + error.message, 'error');
        return;
      }
    }
    records.sort((a, b) => String(a._desired_time).localeCompare(String(b._desired_time)));
    state.records = records;
    state.page = Math.min(state.page, pages() - 1);
    const present = new Set(records.map(record => record._id));
    state.selected = new Set([...state.selected].filter(id => present.has(id)));
    render();
  }

  function render() {
    fill(summary, state.records.length ? tr('found', { n: state.records.length }) : tr('none'));
    const page = pageRecords();
    const all = h('input', { type: 'checkbox', id: 'callback-select-all', 'aria-label': tr('selectPage'),
      checked: page.length > 0 && page.every(record => state.selected.has(record._id)) });
    all.addEventListener('change', () => {
      page.forEach(record => (all.checked ? state.selected.add(record._id) : state.selected.delete(record._id)));
      table.querySelectorAll('input.select').forEach(box => { box.checked = all.checked; });
    });
    const headers = [h('th', { scope: 'col' }, all), state.serviceId && h('th', { scope: 'col' }, tr('columns.id')),
      ['state', 'desiredTime', 'phone', 'service'].map(name => h('th', { scope: 'col' }, tr('columns.' + name)))];
    fill(table, h('thead', {}, h('tr', {}, headers)), h('tbody', {}, page.map(row)));
    renderPager();
  }

  function row(record) {
    const select = h('input', { type: 'checkbox', class: 'select', checked: state.selected.has(record._id),
      'aria-label': tr('selectOne', { phone: record._customer_number, time: localTime(record._desired_time) }) });
    select.addEventListener('change', () => {
      if (select.checked) {
        state.selected.add(record._id);
      } else {
        state.selected.delete(record._id);
      }
    });
    return h('tr', { dataset: { id: record._id, service: record._service } },
      h('td', {}, select),
      state.serviceId && h('td', { class: 'service-id' }, record._id),
      h('td', {}, h('span', { class: 'badge ' + record._callback_state }, record._callback_state)),
      h('td', {}, localTime(record._desired_time)),
      h('td', {}, record._customer_number),
      h('td', {}, record._service_name || record._service));
  }

  function renderPager() {
    if (pages() < 2) {
      fill(pager);
      return;
    }
    const previous = h('button', { type: 'button', id: 'callback-previous', disabled: state.page === 0 },
      tr('previous'));
    const next = h('button', { type: 'button', id: 'callback-next', disabled: state.page >= pages() - 1 },
      tr('next'));
    previous.addEventListener('click', () => turn(-1));
    next.addEventListener('click', () => turn(1));
    fill(pager, previous, h('span', {}, tr('page', { page: state.page + 1, pages: pages() })), next);
  }

  function turn(by) {
    state.page = Math.max(0, Math.min(pages() - 1, state.page + by));
    render();
  }

  preset.addEventListener('change', () => {
    fill(rangeError);
    custom.hidden = preset.value !== 'custom';
    if (preset.value === 'custom') {
      from.value = from.value || localInput(state.range[0]);
      to.value = to.value || localInput(state.range[1]);
      from.focus();
      return;
    }
    state.range = presetRange(preset.value, new Date());
    state.page = 0;
    load();
  });
  apply.addEventListener('click', () => {
    const chosen = customRange(from.value, to.value);
    fill(rangeError, chosen.error ? tr('errors.' + chosen.error) : '');
    if (chosen.range) {
      state.range = chosen.range;
      state.page = 0;
      load();
    }
  });

  const button = (id, label, action, kind) => {
    const element = h('button', { type: 'button', id, class: kind }, label);
    element.addEventListener('click', action);
    return element;
  };
  fill(container,
    h('h1', { id: 'view-title' }, tr('title')),
    h('div', { class: 'toolbar' },
      field(tr('range'), preset),
      button('callback-create', tr('create'), () => createDialog(view), 'primary'),
      button('callback-advanced', tr('advanced'), () => advancedDialog(view)),
      button('callback-refresh', t('Common.refresh'), () => load()),
      button('callback-cancel', tr('cancel'), () => cancelDialog(view)),
      button('callback-reports', tr('reports'), () => reportsDialog(view))),
    custom, rangeError, summary, table, pager);
  await load();
}
