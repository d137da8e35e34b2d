// Nodes (Administrator): the members of the cluster as the registry sees them, and suspend/resume of any of them
// (POST /1/admin/nodes/{nodeId}/changestatus/{ONLINE|OFFLINE}). The list refreshes itself every 10 seconds.
import { dialog, fill, h, localTime } from '../js/dom.js';

const REFRESH_MS = 10000;
const COLUMNS = ['node', 'status', 'version', 'startedAt', 'lastSeen', 'dataCenter', 'master', 'action'];

export default async function (container, ctx) {
  const { t, api, say } = ctx;
  const rows = h('tbody', { id: 'nodes-rows' });
  const refresh = h('button', { type: 'button', id: 'nodes-refresh' }, t('Common.refresh'));
  fill(container,
    h('h1', { id: 'view-title' }, t('NodesView.title')),
    h('p', { class: 'muted' }, t('NodesView.intro')),
    h('div', { class: 'toolbar' }, refresh),
    h('table', { id: 'nodes-table' },
      h('caption', { class: 'caption' }, t('NodesView.caption')),
      h('thead', {}, h('tr', {}, COLUMNS.map(column => h('th', { scope: 'col' }, t('NodesView.column.' + column))))),
      rows));

  async function load() {
    try {
      const nodes = await api.get('/1/admin/nodes');
      fill(rows, nodes.length ? nodes.map(row)
        : h('tr', {}, h('td', { colspan: COLUMNS.length }, t('NodesView.none'))));
    } catch (error) {
      say(t('NodesView.loadFailed') + ': ' + error.message, 'error');
    }
  }

  function row(node) {
    const offline = node.status === 'OFFLINE';
    const wanted = offline ? 'ONLINE' : 'OFFLINE';
    const action = h('button', {
      type: 'button', id: 'node-' + node.nodeId + '-' + (offline ? 'resume' : 'suspend'),
      class: offline ? 'primary' : 'danger',
      'aria-label': t(offline ? 'NodesView.resumeNode' : 'NodesView.suspendNode', { node: node.nodeId })
    }, t(offline ? 'NodesView.resume' : 'NodesView.suspend'));
    action.addEventListener('click', () => (offline ? change(node, wanted) : confirmSuspend(node)));
    return h('tr', { id: 'node-' + node.nodeId, dataset: { status: node.status } },
      h('th', { scope: 'row' }, String(node.nodeId), h('div', { class: 'muted small' }, node.url)),
      h('td', {}, h('span', { class: 'badge ' + node.status, id: 'node-' + node.nodeId + '-status' },
        t('NodesView.state.' + node.status))),
      h('td', {}, node.version || ''),
      h('td', {}, localTime(node.startedAt)),
      h('td', {}, localTime(node.lastSeen)),
      h('td', {}, node.dataCenter || ''),
      h('td', {}, node.master ? t('Common.yes') : t('Common.no')),
      h('td', {}, action));
  }

  function confirmSuspend(node) {
    const cancel = h('button', { type: 'button', id: 'node-cancel' }, t('Common.cancel'));
    const confirm = h('button', { type: 'button', class: 'danger', id: 'node-confirm' }, t('NodesView.suspend'));
    const box = dialog(t('NodesView.confirmTitle', { node: node.nodeId }),
      h('p', {}, t('NodesView.confirmText', { node: node.nodeId, url: node.url })), [cancel, confirm]);
    cancel.addEventListener('click', () => box.close());
    confirm.addEventListener('click', async () => {
      box.close();
      await change(node, 'OFFLINE');
    });
    cancel.focus();
  }

  async function change(node, wanted) {
    try {
      const answer = await api.post('/1/admin/nodes/' + encodeURIComponent(node.nodeId) + '/changestatus/' + wanted);
      say(t('NodesView.changed', { node: answer.nodeId, status: t('NodesView.state.' + answer.status) }), 'ok');
    } catch (error) {
      say(t('NodesView.changeFailed', { node: node.nodeId }) + ': ' + error.message, 'error');
    }
    await load();
    const next = document.getElementById('node-' + node.nodeId + '-' + (wanted === 'OFFLINE' ? 'resume' : 'suspend'));
    if (next) {
      next.focus();
    }
  }

  refresh.addEventListener('click', load);
  await load();
  const timer = setInterval(load, REFRESH_MS);
  return () => clearInterval(timer);
}
