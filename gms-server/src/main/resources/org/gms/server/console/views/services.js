// Configured Services (Administrator): the [callback], [chat], [service.*] and [chat.*] sections as the server reads
// them, each option with its value, default and description, and the lists the services read
// (GET /1/admin/config/services). Read-only: the files of etc/ are the place to change them. Secrets come as ****.
import { field, fill, h, uid } from '../js/dom.js';

/** An id made of the section's name: service.callback-sample -> config-service_callback-sample. */
function sectionId(prefix, name) {
  return prefix + '-' + String(name).replace(/[^A-Za-z0-9_-]/g, '_');
}

export default async function (container, ctx) {
  const { t, api, say } = ctx;
  const filter = h('input', { id: 'services-filter', type: 'search', autocomplete: 'off' });
  const unset = h('input', { id: 'services-unset', type: 'checkbox' });
  const refresh = h('button', { type: 'button', id: 'services-refresh' }, t('Common.refresh'));
  const sections = h('div', { id: 'services-sections' });
  const lists = h('div', { id: 'services-lists' });
  fill(container,
    h('h1', { id: 'view-title' }, t('ServicesView.title')),
    h('p', { class: 'muted' }, t('ServicesView.intro')),
    h('div', { class: 'toolbar' }, field(t('ServicesView.filter'), filter),
      h('div', { class: 'field inline' }, unset, h('label', { for: unset.id }, t('ServicesView.showUnset'))),
      refresh),
    h('h2', {}, t('ServicesView.sections')), sections,
    h('h2', {}, t('ServicesView.lists')), lists);
  let answer = { sections: [], lists: [] };

  async function load() {
    try {
      answer = await api.get('/1/admin/config/services');
      render();
    } catch (error) {
      say(t('ServicesView.loadFailed') + ': ' + error.message, 'error');
    }
  }

  function matches(...texts) {
    const wanted = filter.value.trim().toLowerCase();
    return !wanted || texts.some(text => String(text || '').toLowerCase().includes(wanted));
  }

  function render() {
    const shown = answer.sections.map(section => sectionTable(section)).filter(Boolean);
    fill(sections, shown.length ? shown : h('p', { class: 'muted' }, t('ServicesView.noMatch')));
    fill(lists, answer.lists.map(listTable));
  }

  function sectionTable(section) {
    const options = section.options.filter(option => (option.set || unset.checked)
      && matches(section.name, option.name, option.value, option.description));
    if (!options.length && !matches(section.name)) {
      return null;
    }
    const heading = uid('section');
    return h('section', { class: 'pane config-section', id: sectionId('config', section.name),
      'aria-labelledby': heading },
    h('h3', { id: heading }, '[' + section.name + ']'),
    options.length ? h('table', {},
      h('thead', {}, h('tr', {}, ['option', 'value', 'default', 'description']
        .map(column => h('th', { scope: 'col' }, t('ServicesView.column.' + column))))),
      h('tbody', {}, options.map(option => h('tr', { dataset: { option: option.name },
        class: option.set ? '' : 'unset' },
      h('th', { scope: 'row' }, h('code', {}, option.name)),
      h('td', { class: 'value' }, value(option.value, option.secret)),
      h('td', { class: 'default' }, value(option.default, option.secret)),
      h('td', { class: 'description' }, option.description || '')))))
      : h('p', { class: 'muted' }, t('ServicesView.allDefaults')));
  }

  function value(text, secret) {
    if (secret && text) {
      return h('span', { class: 'secret', title: t('ServicesView.secret') }, text,
        h('span', { class: 'sr-only' }, ' (' + t('ServicesView.secret') + ')'));
    }
    return text === '' ? h('span', { class: 'muted' }, t('ServicesView.empty')) : h('code', {}, text);
  }

  function listTable(list) {
    const heading = uid('list');
    const rows = [];
    for (const [group, entries] of Object.entries(list.groups || {})) {
      for (const [key, text] of Object.entries(entries)) {
        rows.push(h('tr', {}, h('th', { scope: 'row' }, group), h('td', {}, h('code', {}, key)),
          h('td', {}, text)));
      }
    }
    return h('section', { class: 'pane config-section', id: sectionId('list', list.name),
      'aria-labelledby': heading },
    h('h3', { id: heading }, list.name, ' ', h('span', { class: 'badge' }, t('ServicesView.purpose.' + list.purpose))),
    !list.present ? h('p', { class: 'muted' }, t('ServicesView.listMissing', { file: 'etc/lists/' + list.name + '.ini' }))
      : rows.length ? h('table', {}, h('thead', {}, h('tr', {}, ['group', 'key', 'value']
        .map(column => h('th', { scope: 'col' }, t('ServicesView.column.' + column))))), h('tbody', {}, rows))
        : h('p', { class: 'muted' }, t('ServicesView.listEmpty')));
  }

  filter.addEventListener('input', render);
  unset.addEventListener('change', render);
  refresh.addEventListener('click', load);
  await load();
}
