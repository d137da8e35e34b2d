// The console's shell: language, login, the menu of the views the user's role may open, and the #/<view> router.
import * as api from './api.js';
import { Bayeux } from './bayeux.js';
import { field, fill, h } from './dom.js';
import { language, languageName, languages, loadAll, preferred, t, use } from './i18n.js';

const view = document.getElementById('view');
const menu = document.getElementById('menu');
const who = document.getElementById('who');
const status = document.getElementById('status');
let session = null;
let cleanup = null;
let bayeux = null;

/** Shows a short message in the status line (read out by screen readers). */
export function say(text, kind) {
  fill(status, text || '');
  status.className = 'status' + (kind ? ' ' + kind : '');
}

function languageChoice() {
  const select = h('select', { id: 'language', name: 'language' },
    languages().map(lang => h('option', { value: lang, selected: lang === language() }, languageName(lang))));
  select.addEventListener('change', async () => {
    await use(select.value);
    route();
  });
  return field(t('Main_Login.loginFormTitle.language'), select);
}

function loginView(message) {
  document.title = t('Main_Login.APP_NAME_GMS_LOGIN');
  fill(menu);
  fill(who);
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert' }, message || '');
  const form = h('form', { class: 'login', id: 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('Main_Login.loginFormTitle.page')),
    field(t('Main_Login.loginFormTitle.username'), username),
    field(t('Main_Login.loginFormTitle.password'), password),
    languageChoice(),
    h('button', { type: 'submit', class: 'primary', id: 'login-button' }, t('Main_Login.loginFormTitle.button')),
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!username.value || !password.value) {
      fill(error, t('Main_Login.errorMessages.emptyField'));
      return;
    }
    try {
      session = await api.login(username.value, password.value);
      password.value = '';
      started();
    } catch (failure) {
      password.value = '';
      fill(error, failure.status === 401 ? t('Main_Login.errorMessages.incorrectLogin')
        : failure.status === 503 && /max-sessions/.test(failure.message) ? t('Main_Login.errorMessages.maxSessions')
          : t('Main_Login.errorMessages.connectionError') + ': ' + failure.message);
    }
  });
  fill(view, form);
  username.focus();
}

function started() {
  if (!location.hash || location.hash === '#/' || location.hash === '#/login') {
    location.hash = '#/' + session.views[0];
  } else {
    route();
  }
}

async function showMenu() {
  const items = session.views.map(name => h('a', { href: '#/' + name, id: 'menu-' + name,
    'aria-current': current() === name ? 'page' : false }, t('NavBar.' + name)));
  if (session.role !== 'Agent' && await sampleServed()) {
    items.push(h('a', { href: 'sample/index.html', id: 'menu-sample' }, t('NavBar.sample')));
  }
  fill(menu, items);
  const logout = h('button', { type: 'button', id: 'logout', class: 'link' }, t('NavBar.logout'));
  logout.addEventListener('click', async () => {
    await stopView();
    if (bayeux) {
      await bayeux.stop();
      bayeux = null;
    }
    try {
      await api.logout();
    } finally {
      session = null;
      location.hash = '#/login';
      loginView();
    }
  });
  fill(who, h('span', { id: 'who-user' }, session.user + ' (' + t('Roles.' + session.role) + ')'), ' ', logout);
}

let sampleKnown;

async function sampleServed() {
  if (sampleKnown === undefined) {
    const answer = await fetch('sample/index.html', { method: 'HEAD', credentials: 'same-origin' });
    sampleKnown = answer.ok;
  }
  return sampleKnown;
}

function current() {
  return (location.hash.replace(/^#\//, '').split(/[/?]/)[0]) || '';
}

async function stopView() {
  if (cleanup) {
    const stop = cleanup;
    cleanup = null;
    try {
      await stop();
    } catch (ignored) {
      // a view that cannot stop cleanly is gone anyway
    }
  }
}

/** The CometD client of this session, started at first use and shared by the views. */
async function cometd() {
  if (!bayeux) {
    const client = new Bayeux(api.csrf(), state => say(state === 'connected' ? '' : t('Common.' + state),
      state === 'connected' ? '' : 'warning'));
    await client.start();
    bayeux = client;
  }
  return bayeux;
}

async function route() {
  await stopView();
  say('');
  if (!session) {
    loginView();
    return;
  }
  const name = current();
  if (!session.views.includes(name)) {
    location.hash = '#/' + session.views[0];
    return;
  }
  document.title = t('Common.APP_NAME') + ' - ' + t('NavBar.' + name);
  await showMenu();
  fill(view, h('p', { class: 'loading' }, t('Common.loading')));
  try {
    const module = await import('../views/' + name + '.js');
    const container = h('section', { class: 'view', id: 'view-' + name, 'aria-labelledby': 'view-title' });
    fill(view, container);
    cleanup = await module.default(container, { session, t, api, say, cometd, route });
  } catch (error) {
    fill(view, h('p', { class: 'error', role: 'alert' }, t('Common.error') + ': ' + error.message));
  }
}

async function boot() {
  await use(preferred());
  // a listed language without its file is offered by its code
  await loadAll();
  api.whenSessionLost(() => {
    if (session) {
      session = null;
      stopView().then(() => loginView(t('Common.sessionEnded')));
    }
  });
  window.addEventListener('hashchange', route);
  try {
    session = await api.session();
  } catch (error) {
    loginView(t('Main_Login.errorMessages.connectionError'));
    return;
  }
  if (session) {
    started();
  } else {
    loginView();
  }
}

boot();
