// The shell: login, the navigation the user's roles get from GET /api/me, language switch, hash routes.
import { watchPhones } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, language, setLanguage, addStrings } from './i18n.js';
import { get, post, idleAfter, session, signIn, signOut, watchActivity, whenExpired } from './api.js';
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

addStrings({
  en: {
    'login.busy': 'The server is busy checking passwords. Try again in a moment.',
    'password.title': 'Choose your password', 'password.why': 'Your password is temporary. Choose your own before you go on.',
    'password.current': 'Current password', 'password.new': 'New password', 'password.repeat': 'New password again',
    'password.submit': 'Change password', 'password.mismatch': 'The two new passwords differ.',
    'demo.banner': 'Demo installation: sample accounts with guessable passwords. Not for real data.',
  },
  ru: {
    'login.busy': 'Сервер занят проверкой паролей. Повторите чуть позже.',
    'password.title': 'Новый пароль', 'password.why': 'Ваш пароль временный. Задайте свой, чтобы продолжить.',
    'password.current': 'Текущий пароль', 'password.new': 'Новый пароль', 'password.repeat': 'Новый пароль ещё раз',
    'password.submit': 'Сменить пароль', 'password.mismatch': 'Новые пароли не совпадают.',
    'demo.banner': 'Демо-установка: учётные записи с простыми паролями. Не для реальных данных.',
  },
});

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
      await signIn(username.value.trim(), password.value);
      me = null;
      route();
    } catch (e) {
      clear(status, e.status === 429 ? t('login.locked', e.retryAfter ?? '') : e.status === 401 ? t('login.failed')
        : e.status === 503 ? t('login.busy') : t('error.generic', e.message));
      password.select();
    }
  });
  clear(main, form);
  username.focus();
}

/** A temporary password (generated at first start, or set by an admin) must be replaced before anything else. */
function showChangePassword() {
  document.title = `${t('password.title')} — ${t('app.name')}`;
  clear(top, el('span', { class: 'brand' }, t('app.name')), languageButton(showChangePassword),
    el('button', { type: 'button', id: 'logout', class: 'link', onclick: () => { signOut(); showLogin(); } }, t('logout')));
  const current = el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const fresh = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const repeat = el('input', { id: 'repeat-password', type: 'password', autocomplete: 'new-password', required: true });
  const status = el('p', { id: 'password-message', class: 'message', role: 'alert' });
  const form = el('form', { id: 'change-password', class: 'card narrow' },
    el('h1', {}, t('password.title')), el('p', {}, t('password.why')),
    field(t('password.current'), current), field(t('password.new'), fresh), field(t('password.repeat'), repeat),
    el('button', { type: 'submit', class: 'primary' }, t('password.submit')), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(status);
    if (fresh.value !== repeat.value) {
      clear(status, t('password.mismatch'));
      return;
    }
    try {
      await post('/api/me/password', { currentPassword: current.value, newPassword: fresh.value });
      me = null;
      route();
    } catch (e) {
      clear(status, (e.problem?.violations || []).map((v) => `${v.field}: ${v.message}`).join('; ') || e.message);
    }
  });
  clear(main, form);
  current.focus();
}

function renderShell() {
  const nav = el('nav', { 'aria-label': t('nav.label') },
    el('ul', {}, me.navigation.map((entry) => el('li', {},
      el('a', { href: '#' + entry.path, dataset: { key: entry.key }, 'aria-current': location.hash === '#' + entry.path ? 'page' : null },
        has(entry.key) ? t(entry.key) : entry.key)))));
  clear(top,
    el('span', { class: 'brand' }, t('app.name')),
    me.demo ? el('span', { id: 'demo-banner', class: 'demo-banner', role: 'note' }, t('demo.banner')) : null,
    nav,
    el('span', { id: 'who', class: 'who' }, me.fullName || me.username),
    languageButton(route),
    el('button', { type: 'button', id: 'logout', class: 'link', onclick: () => { signOut(); showLogin(); } }, t('logout')));
}

async function route() {
  try {
    if (!me) {
      // after a reload the session cookie may still be alive: /api/me says so, with the session's CSRF token
      me = await get('/api/me');
      session(me.csrfToken);
      idleAfter(me.idleMinutes);
    }
  } catch (e) {
    if (!document.getElementById('login')) showLogin(e.status === 401 ? undefined : t('error.generic', e.message));
    return;
  }
  if (me.mustChangePassword) return showChangePassword();
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
