// The Capacity view: a callback service's next 7 days as an SVG picture, one row per local day and one column per
// slot, from GET /1/admin/callback/capacity: office hours behind, the slot's capacity, and what is booked in it.
import { field, fill, h } from '../js/dom.js';
import { callbackServices } from './callback-common.js';

const DAYS = 7;
const SVG = 'http://www.w3.org/2000/svg';
const LABEL_WIDTH = 120;
const HOURS_WIDTH = 840;
const ROW = 56;
const BAR = 44;
const TOP = 22;
const MINUTES_PER_DAY = 24 * 60;

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** The slots grouped by the browser-local day they start on, in order. */
function byDay(slots) {
  const days = new Map();
  for (const slot of slots) {
    const start = new Date(slot.start);
    const key = start.toDateString();
    if (!days.has(key)) {
      days.set(key, { date: start, slots: [] });
    }
    days.get(key).slots.push(slot);
  }
  return [...days.values()];
}

function minutesOfDay(date) {
  return date.getHours() * 60 + date.getMinutes();
}

/** Whether more are booked in a slot than it takes: a full slot. */
function full(slot) {
  return slot.booked > 0 && slot.booked >= slot.capacity;
}

function chart(tr, answer) {
  const days = byDay(answer.slots);
  const peak = Math.max(1, ...answer.slots.map(slot => Math.max(slot.capacity, slot.booked)));
  const width = LABEL_WIDTH + HOURS_WIDTH;
  const height = TOP + days.length * ROW;
  const x = minutes => LABEL_WIDTH + minutes / MINUTES_PER_DAY * HOURS_WIDTH;
  const totals = answer.slots.reduce((sum, slot) => ({ booked: sum.booked + slot.booked,
    capacity: sum.capacity + slot.capacity, full: sum.full + (full(slot) ? 1 : 0) }),
  { booked: 0, capacity: 0, full: 0 });
  const axis = [0, 3, 6, 9, 12, 15, 18, 21, 24].map(hour => svg('g', {},
    svg('line', { class: 'grid', x1: x(hour * 60), x2: x(hour * 60), y1: TOP - 4, y2: height }),
    svg('text', { class: 'axis', x: x(hour * 60), y: TOP - 8, 'text-anchor': hour === 24 ? 'end' : 'middle' },
      String(hour).padStart(2, '0') + ':00')));
  const rows = days.map((day, index) => {
    const top = TOP + index * ROW;
    const bottom = top + BAR;
    const bars = day.slots.map(slot => {
      const start = new Date(slot.start);
      const minutes = Math.max(1, (new Date(slot.end) - start) / 60000);
      const left = x(minutesOfDay(start));
      const wide = Math.max(1, minutes / MINUTES_PER_DAY * HOURS_WIDTH - 1);
      const tall = value => Math.min(value, peak) / peak * BAR;
      const title = tr(slot.open ? 'slotTitle' : 'slotClosed', { time: start.toLocaleString(),
        booked: slot.booked, capacity: slot.capacity });
      return svg('g', { class: 'slot', 'data-start': slot.start },
        svg('title', {}, title),
        svg('rect', { class: slot.open ? 'open' : 'closed', x: left, y: top, width: wide, height: BAR }),
        slot.open ? svg('rect', { class: 'capacity', x: left, y: bottom - tall(slot.capacity), width: wide,
          height: tall(slot.capacity) }) : [],
        slot.booked ? svg('rect', { class: full(slot) ? 'booked full' : 'booked', x: left,
          y: bottom - tall(slot.booked), width: wide, height: tall(slot.booked) }) : []);
    });
    return svg('g', { class: 'day' },
      svg('text', { class: 'day-label', x: 4, y: top + BAR / 2 + 4 },
        day.date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })),
      bars);
  });
  return svg('svg', { id: 'capacity-chart', class: 'capacity-chart', role: 'img', viewBox: '0 0 ' + width + ' '
    + height, width: '100%', preserveAspectRatio: 'xMinYMin meet', 'aria-label': tr('chartLabel',
    { service: answer.target, days: DAYS, booked: totals.booked, capacity: totals.capacity, full: totals.full }) },
  axis, rows);
}

function daySummaries(tr, answer) {
  return h('ul', { class: 'day-summaries', id: 'capacity-days' }, byDay(answer.slots).map(day => {
    const open = day.slots.filter(slot => slot.open);
    const booked = day.slots.reduce((sum, slot) => sum + slot.booked, 0);
    const capacity = open.reduce((sum, slot) => sum + slot.capacity, 0);
    const fullSlots = day.slots.filter(full).length;
    return h('li', { class: fullSlots ? 'has-full' : '' },
      tr(open.length ? 'daySummary' : 'dayClosed', { day: day.date.toLocaleDateString(), booked, capacity,
        full: fullSlots }));
  }));
}

function legend(tr) {
  return h('div', { class: 'legend', id: 'capacity-legend' },
    ['open', 'closed', 'capacity', 'booked', 'full'].map(name => h('span', { class: 'swatch-' + name },
      tr('legend.' + name))));
}

export default async function (container, ctx) {
  const { t, api } = ctx;
  const tr = (key, params) => t('CapacityView.' + key, params);
  const services = await callbackServices(api);
  const title = h('h1', { id: 'view-title' }, tr('title'));
  if (!services.length) {
    fill(container, title, h('p', { class: 'muted', id: 'capacity-none' }, tr('noService')));
    return undefined;
  }
  const service = h('select', { id: 'capacity-service' }, services.map(name => h('option', { value: name }, name)));
  const refresh = h('button', { type: 'button', id: 'capacity-refresh' }, t('Common.refresh'));
  const area = h('div', { class: 'chart', id: 'capacity-area', 'aria-live': 'polite' });
  const details = h('div', { id: 'capacity-details' });
  let asked = 0;

  async function load() {
    const ticket = ++asked;
    fill(area, h('p', { class: 'loading' }, t('Common.loading')));
    try {
      const answer = await api.get('/1/admin/callback/capacity?' + new URLSearchParams({ target: service.value,
        days: String(DAYS) }));
      if (ticket !== asked) {
        return;
      }
      fill(area, answer.slots.length ? chart(tr, answer) : h('p', { class: 'muted' }, tr('noSlot')));
      fill(details, legend(tr), h('p', { class: 'muted' }, tr('zone', { minutes: answer.durationMin,
        zone: answer.timezone })), daySummaries(tr, answer));
    } catch (error) {
      if (ticket === asked) {
        fill(area, h('p', { class: 'error', role: 'alert' }, t('Common.error') + ': ' + error.message));
        fill(details);
      }
    }
  }

  service.addEventListener('change', load);
  refresh.addEventListener('click', load);
  fill(container, title, h('div', { class: 'toolbar' }, field(tr('service'), service), refresh), area, details);
  await load();
  return () => {
    asked += 1;
  };
}
