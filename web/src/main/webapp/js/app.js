// The shell: login, the navigation the user's roles get from GET /api/me, language switch, hash routes.
import { watchPhones } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, language, setLanguage } from './i18n.js';
import { get, idleAfter, signIn, signOut, signedIn, watchActivity, whenExpired } from './api.js';
import { inboundView } from './inbound.js';
import { operatorDaysView } from './reports.js';
import { nextCallView, callbacksView } from './outbound.js';
import { contactsView } from './contacts.js';
import { leadsView } from './leads.js';
import { qaView } from './qa.js';
import { anomaliesView } from './anomalies.js';
import { plansView } from './plans.js';
import { meetingsView } from './meetings.js';
import { supervisorCallbacksView } from './callbacks.js';
import { myDayView } from './myday.js';
import { surveysView } from './surveys.js';
import { aftersalesView } from './aftersales.js';
import { campaignsView } from './campaigns.js';
import { callsView } from './calls.js';
import { usersView, clientsView, settingsView, auditView } from './admin.js';
import { integrityView } from './integrity.js';

// a supervisor gets the callbacks board, an operator their own callbacks
const callbacksFor = (main, me, params) => ((me.roles || []).some((r) => r === 'SUPERVISOR' || r === 'ADMIN')
  ? supervisorCallbacksView(main, me, params) : callbacksView(main, me, params));

const views = {
  '/calls/inbound': inboundView,
  '/calls/next': nextCallView,
  '/callbacks': callbacksFor,
  '/contacts': contactsView,
  '/leads': leadsView,
  '/reports': operatorDaysView,
  '/qa': qaView,
  '/reports/plans': plansView,
  '/reports/anomalies': anomaliesView,
  '/meetings': meetingsView,
  '/my-day': myDayView,
  '/surveys': surveysView,
  '/aftersales': aftersalesView,
  '/campaigns': campaignsView,
  '/calls': callsView,
  '/admin/users': usersView,
  '/admin/clients': clientsView,
  '/admin/settings': settingsView,
  '/admin/audit': auditView,
  '/integrity': integrityView,
};

const top = document.getElementById('top');
const main = document.getElementById('main');
let me = null;

function languageButton(rerender) {
  document.querySelector('.skip').textContent = t('skip');
  return el('button', {
    type: 'button', id: 'lang', class: 'link', 'aria-label': t('lang.label'),
    onclick: () => { setLanguage(language() === 'ru' ? 'en' : 'ru'); rerender(); },
  }, t('lang.switch'));
}

function showLogin(message) {
  me = null;
  document.title = `${t('login.title')} — ${t('app.name')}`;
  clear(top, el('span', { class: 'brand' }, t('app.name')), languageButton(() => showLogin(message)));
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('p', { id: 'login-message', class: 'message', role: 'alert' }, message || '');
  const form = el('form', { id: 'login', class: 'card narrow' },
    el('h1', {}, t('login.title')),
    field(t('login.username'), username),
    field(t('login.password'), password),
    el('button', { type: 'submit', class: 'primary' }, t('login.submit')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(status);
    try {
      me = await signIn(username.value.trim(), password.value);
      route();
    } catch (e) {
      clear(status, e.status === 429 ? t('login.locked', e.retryAfter ?? '') : e.status === 401 ? t('login.failed')
        : t('error.generic', e.message));
      password.select();
    }
  });
  clear(main, form);
  username.focus();
}

function renderShell() {
  const nav = el('nav', { 'aria-label': t('nav.label') },
    el('ul', {}, me.navigation.map((entry) => el('li', {},
      el('a', { href: '#' + entry.path, dataset: { key: entry.key }, 'aria-current': location.hash === '#' + entry.path ? 'page' : null },
        has(entry.key) ? t(entry.key) : entry.key)))));
  clear(top,
    el('span', { class: 'brand' }, t('app.name')),
    nav,
    el('span', { id: 'who', class: 'who' }, me.fullName || me.username),
    languageButton(route),
    el('button', { type: 'button', id: 'logout', class: 'link', onclick: () => { signOut(); showLogin(); } }, t('logout')));
}

async function route() {
  if (!signedIn()) return showLogin();
  try {
    if (!me) {
      me = await get('/api/me');
      idleAfter(me.idleMinutes);
    }
  } catch (e) {
    return;
  }
  const path = location.hash.slice(1);
  // #/campaigns/12 belongs to the entry /campaigns; the longest matching entry wins (/reports/plans over /reports)
  const allowed = me.navigation
    .filter((entry) => path === entry.path || path.startsWith(entry.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!allowed) {
    const first = me.navigation.find((entry) => views[entry.path]) || me.navigation[0];
    if (first && path !== first.path) {
      location.hash = '#' + first.path;
      return;
    }
  }
  renderShell();
  const entry = allowed || me.navigation[0];
  const title = entry ? (has(entry.key) ? t(entry.key) : entry.key) : t('welcome', me.username);
  document.title = `${title} — ${t('app.name')}`;
  const view = entry && views[entry.path];
  clear(main, el('h1', {}, title));
  // a view gets what follows its path as parameters: #/campaigns/12/list → ['12', 'list']
  const decode = (part) => {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      return part; // a malformed escape stays as typed; the view answers "not found" for it
    }
  };
  const rest = allowed && path !== allowed.path ? path.slice(allowed.path.length + 1).split('/').map(decode) : [];
  if (!view) {
    main.append(el('p', { class: 'placeholder' }, t('notYet')));
    return;
  }
  // a screen that fails while it draws says so instead of staying blank
  Promise.resolve().then(() => view(main, me, rest)).catch((e) => main.append(
    el('p', { class: 'message', role: 'alert', id: 'view-failed' }, t('error.generic', e?.message ?? String(e)))));
}

// the routes live in the hash, so the skip link moves the focus instead of following its href
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
whenExpired(() => showLogin(t('login.expired')));
watchPhones(main);
watchActivity();
window.addEventListener('hashchange', route);
route();
