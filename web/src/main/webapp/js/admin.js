// Administration (ADMIN): users with their roles, extension, team and client; client companies; the call-centre
// settings (time zone, the control thresholds, the session's inactivity timeout); the audit trail.
// Every refusal shows the problem's detail and each field's violation next to the field.
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDateTime, formatNumber } from './i18n.js';
import { del, get, post, put } from './api.js';
import { pager } from './campaigns.js';
import { clearProblems, showProblem } from './violations.js';
import { reportingSettingsSection } from './report-settings.js';

addStrings({
  en: {
    'adm.search': 'Username or name', 'adm.role': 'Role', 'adm.anyRole': 'Any role', 'adm.deleted': 'Include deleted',
    'adm.show': 'Show', 'adm.username': 'Username', 'adm.fullName': 'Full name', 'adm.roles': 'Roles',
    'adm.extension': 'Extension', 'adm.team': 'Team', 'adm.client': 'Client', 'adm.noClient': 'No client',
    'adm.state': 'State', 'adm.enabled': 'Enabled', 'adm.disabled': 'Disabled', 'adm.isDeleted': 'Deleted',
    'adm.edit': 'Edit', 'adm.password': 'Password', 'adm.passwordKeep': 'New password (leave empty to keep)',
    'adm.newUser': 'New user', 'adm.editUser': 'Edit user {0}', 'adm.create': 'Create', 'adm.save': 'Save',
    'adm.cancel': 'Cancel', 'adm.delete': 'Delete the user', 'adm.deleteConfirm': 'Press again to delete {0}',
    'adm.created': 'Created {0}.', 'adm.saved': 'Saved {0}.', 'adm.deletedUser': 'Deleted {0}.',
    'adm.empty': 'Nothing found.', 'adm.count': 'Found: {0}',
    'adm.name': 'Name', 'adm.email': 'Contact e-mail', 'adm.notes': 'Notes', 'adm.active': 'Active',
    'adm.inactive': 'Inactive', 'adm.newClient': 'New client', 'adm.editClient': 'Edit client {0}',
    'adm.createdAt': 'Created',
    'set.general': 'Call centre', 'set.timeZone': 'Time zone (IANA, e.g. Europe/Moscow)',
    'set.pbxTimeZone': 'PBX time zone (empty: the call centre\'s)', 'set.recordingMaxBytes': 'Largest recording, bytes',
    'set.sessionIdleMinutes': 'Sign out after inactivity, minutes (5–480)',
    'set.infoMailsPerHour': 'Info e-mails per operator per hour (1–1000)',
    'set.calls': 'Calls', 'set.minTalkSeconds': 'Counted call from, s', 'set.longCallSeconds': 'Long call from, s',
    'set.anomalies': 'Anomaly thresholds', 'set.leadSpikeMinLeads': 'Lead spike: at least leads',
    'set.leadSpikeFactor': 'Lead spike: times the mean', 'set.leadSpikeWindowDays': 'Lead spike: days before',
    'set.shortCallsMinAnswered': 'Short calls: at least answered', 'set.shortCallsPercent': 'Short calls: at least %',
    'set.longCallsMinCount': 'Long calls: at least', 'set.repeatDialsMax': 'Repeat dials: more than',
    'set.planMissPercent': 'Plan miss: below %', 'set.save': 'Save the settings', 'set.saved': 'Settings saved.',
    'aud.entity': 'Record kind', 'aud.id': 'Record id', 'aud.show': 'Show', 'aud.revision': 'Revision',
    'aud.at': 'When', 'aud.user': 'Who', 'aud.record': 'Record', 'aud.action': 'Action', 'aud.changes': 'Changes',
    'aud.empty': 'No changes recorded.', 'aud.action.CREATE': 'created', 'aud.action.UPDATE': 'changed', 'aud.action.DELETE': 'deleted',
  },
  ru: {
    'adm.search': 'Логин или имя', 'adm.role': 'Роль', 'adm.anyRole': 'Любая роль', 'adm.deleted': 'Показать удалённых',
    'adm.show': 'Показать', 'adm.username': 'Логин', 'adm.fullName': 'Полное имя', 'adm.roles': 'Роли',
    'adm.extension': 'Внутренний номер', 'adm.team': 'Команда', 'adm.client': 'Клиент', 'adm.noClient': 'Без клиента',
    'adm.state': 'Состояние', 'adm.enabled': 'Активен', 'adm.disabled': 'Отключён', 'adm.isDeleted': 'Удалён',
    'adm.edit': 'Изменить', 'adm.password': 'Пароль', 'adm.passwordKeep': 'Новый пароль (пусто — оставить прежний)',
    'adm.newUser': 'Новый пользователь', 'adm.editUser': 'Пользователь {0}', 'adm.create': 'Создать', 'adm.save': 'Сохранить',
    'adm.cancel': 'Отмена', 'adm.delete': 'Удалить пользователя', 'adm.deleteConfirm': 'Нажмите ещё раз, чтобы удалить {0}',
    'adm.created': 'Создан {0}.', 'adm.saved': 'Сохранено: {0}.', 'adm.deletedUser': 'Удалён {0}.',
    'adm.empty': 'Ничего не найдено.', 'adm.count': 'Найдено: {0}',
    'adm.name': 'Название', 'adm.email': 'Контактный e-mail', 'adm.notes': 'Заметки', 'adm.active': 'Активен',
    'adm.inactive': 'Не активен', 'adm.newClient': 'Новый клиент', 'adm.editClient': 'Клиент {0}',
    'adm.createdAt': 'Создан',
    'set.general': 'Колл-центр', 'set.timeZone': 'Часовой пояс (IANA, например Europe/Moscow)',
    'set.pbxTimeZone': 'Часовой пояс АТС (пусто — как у колл-центра)', 'set.recordingMaxBytes': 'Наибольшая запись, байт',
    'set.sessionIdleMinutes': 'Выход после бездействия, минут (5–480)',
    'set.infoMailsPerHour': 'Информационных писем на оператора в час (1–1000)',
    'set.calls': 'Звонки', 'set.minTalkSeconds': 'Звонок засчитывается от, с', 'set.longCallSeconds': 'Длинный звонок от, с',
    'set.anomalies': 'Пороги аномалий', 'set.leadSpikeMinLeads': 'Всплеск лидов: не меньше лидов',
    'set.leadSpikeFactor': 'Всплеск лидов: во сколько раз больше среднего', 'set.leadSpikeWindowDays': 'Всплеск лидов: дней до',
    'set.shortCallsMinAnswered': 'Короткие звонки: не меньше отвеченных', 'set.shortCallsPercent': 'Короткие звонки: не меньше %',
    'set.longCallsMinCount': 'Длинные звонки: не меньше', 'set.repeatDialsMax': 'Повторные наборы: больше',
    'set.planMissPercent': 'Невыполнение плана: ниже %', 'set.save': 'Сохранить настройки', 'set.saved': 'Настройки сохранены.',
    'aud.entity': 'Вид записи', 'aud.id': 'Номер записи', 'aud.show': 'Показать', 'aud.revision': 'Ревизия',
    'aud.at': 'Когда', 'aud.user': 'Кто', 'aud.record': 'Запись', 'aud.action': 'Действие', 'aud.changes': 'Изменения',
    'aud.empty': 'Изменений нет.', 'aud.action.CREATE': 'создание', 'aud.action.UPDATE': 'изменение', 'aud.action.DELETE': 'удаление',
  },
});

const ROLES = ['ADMIN', 'SUPERVISOR', 'OPERATOR', 'MARKETER', 'CLIENT'];
const PAGE_SIZE = 25;
const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));
const head = (keys) => el('thead', {}, el('tr', {}, keys.map((k) => el('th', { scope: 'col' }, t(k)))));

async function allClients() {
  try {
    return (await get('/api/clients', { size: 500 })).items;
  } catch (e) {
    return [];
  }
}

// ---- users

export async function usersView(main) {
  const q = el('input', { id: 'users-q', name: 'q', type: 'search' });
  const role = el('select', { id: 'users-role', name: 'role' }, el('option', { value: '' }, t('adm.anyRole')),
    ROLES.map((r) => el('option', { value: r }, r)));
  const deleted = el('input', { id: 'users-deleted', type: 'checkbox' });
  const filter = el('form', { id: 'users-filter', class: 'row' }, field(t('adm.search'), q), field(t('adm.role'), role),
    el('label', { class: 'check' }, deleted, t('adm.deleted')),
    el('button', { type: 'submit', class: 'primary', id: 'users-show' }, t('adm.show')));
  const output = el('div', { id: 'users-output', 'aria-live': 'polite' });
  const editor = el('section', { id: 'user-editor', class: 'card' });
  main.append(filter, output, editor);
  const clients = await allClients();
  const clientName = (id) => clients.find((c) => c.id === id)?.name ?? (id ? `#${id}` : '—');
  let page = 0;
  const load = async () => {
    const query = { page, size: PAGE_SIZE };
    if (q.value.trim()) query.q = q.value.trim();
    if (role.value) query.role = role.value;
    if (deleted.checked) query.includeDeleted = true;
    try {
      const result = await get('/api/users', query);
      clear(output, userTable(result, clientName, (user) => openUser(user), (next) => { page = next; load(); }));
    } catch (e) {
      clear(output, failure(e));
    }
  };
  const openUser = (user) => {
    clear(editor, userForm(user, clients, (text) => {
      openUser(null);
      editor.prepend(el('p', { class: 'ok', id: 'user-done', role: 'status' }, text));
      load();
    }, () => openUser(null)));
    if (user) editor.querySelector('h2').focus();
  };
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    load();
  });
  openUser(null);
  await load();
}

function userTable(page, clientName, edit, go) {
  if (page.items.length === 0) return el('p', { id: 'users-empty' }, t('adm.empty'));
  return [
    el('p', { class: 'count' }, t('adm.count', formatNumber(page.total))),
    el('table', { id: 'users-table', class: 'data' },
      head(['adm.username', 'adm.fullName', 'adm.roles', 'adm.extension', 'adm.team', 'adm.client', 'adm.state', 'adm.edit']),
      el('tbody', {}, page.items.map((u) => el('tr', { dataset: { id: u.id, username: u.username } },
        el('th', { scope: 'row' }, u.username), el('td', {}, u.fullName), el('td', { class: 'roles' }, u.roles.join(', ')),
        el('td', {}, u.extension ?? '—'), el('td', {}, u.team ?? '—'), el('td', {}, u.clientId ? clientName(u.clientId) : '—'),
        el('td', {}, t(u.deleted ? 'adm.isDeleted' : u.enabled ? 'adm.enabled' : 'adm.disabled')),
        el('td', {}, u.deleted ? '' : el('button', { type: 'button', class: 'figure user-edit', onclick: () => edit(u),
          'aria-label': `${t('adm.edit')} ${u.username}` }, t('adm.edit'))))))),
    pager('users', page.page, Math.max(1, Math.ceil(page.total / page.size)), go),
  ];
}

/** The create form (user null) or the edit form of a user; done(text) after a success. */
function userForm(user, clients, done, cancel) {
  const creating = !user;
  const username = el('input', { id: 'user-username', name: 'username', required: true, autocomplete: 'off',
    value: user?.username ?? '', readonly: !creating });
  const password = el('input', { id: 'user-password', name: 'password', type: 'password', autocomplete: 'new-password',
    required: creating });
  const fullName = el('input', { id: 'user-fullName', name: 'fullName', required: true, value: user?.fullName ?? '' });
  const roles = el('fieldset', { id: 'user-roles', class: 'row' }, el('legend', {}, t('adm.roles')),
    ROLES.map((r) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'roles', value: r, id: `user-role-${r}`, checked: user?.roles.includes(r) }), r)));
  const extension = el('input', { id: 'user-extension', name: 'extension', inputmode: 'numeric', value: user?.extension ?? '' });
  const team = el('input', { id: 'user-team', name: 'team', value: user?.team ?? '' });
  const client = el('select', { id: 'user-client', name: 'clientId' }, el('option', { value: '' }, t('adm.noClient')),
    clients.map((c) => el('option', { value: c.id, selected: user?.clientId === c.id }, c.name)));
  const enabled = el('input', { id: 'user-enabled', name: 'enabled', type: 'checkbox', checked: user ? user.enabled : true });
  const message = el('div', { id: 'user-message' });
  const buttons = el('div', { class: 'row' },
    el('button', { type: 'submit', class: 'primary', id: 'user-submit' }, t(creating ? 'adm.create' : 'adm.save')));
  const form = el('form', { id: 'user-form', dataset: { mode: creating ? 'create' : 'edit' } },
    el('h2', { tabindex: -1 }, creating ? t('adm.newUser') : t('adm.editUser', user.username)),
    el('div', { class: 'row' }, field(t('adm.username'), username),
      field(t(creating ? 'adm.password' : 'adm.passwordKeep'), password), field(t('adm.fullName'), fullName)),
    roles,
    el('div', { class: 'row' }, field(t('adm.extension'), extension), field(t('adm.team'), team), field(t('adm.client'), client),
      el('label', { class: 'check' }, enabled, t('adm.enabled'))),
    buttons, message);
  if (!creating) {
    let armed = false;
    const remove = el('button', { type: 'button', class: 'link danger', id: 'user-delete', onclick: async () => {
      if (!armed) {
        armed = true;
        remove.textContent = t('adm.deleteConfirm', user.username);
        return;
      }
      try {
        await del(`/api/users/${user.id}`);
        done(t('adm.deletedUser', user.username));
      } catch (e) {
        showProblem(message, e, form);
      }
    } }, t('adm.delete'));
    buttons.append(el('button', { type: 'button', class: 'link', id: 'user-cancel', onclick: cancel }, t('adm.cancel')), remove);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    const body = {
      username: username.value.trim(), fullName: fullName.value.trim(),
      roles: [...roles.querySelectorAll('input:checked')].map((i) => i.value),
      extension: extension.value.trim() || null, team: team.value.trim() || null,
      clientId: client.value ? Number(client.value) : null, enabled: enabled.checked,
    };
    if (password.value) body.password = password.value;
    try {
      if (creating) {
        const created = await post('/api/users', body);
        done(t('adm.created', created.username));
      } else {
        body.version = user.version;
        const saved = await put(`/api/users/${user.id}`, body);
        done(t('adm.saved', saved.username));
      }
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

// ---- clients

export async function clientsView(main) {
  const editor = el('section', { id: 'client-editor', class: 'card' });
  const output = el('div', { id: 'clients-output', 'aria-live': 'polite' });
  main.append(output, editor);
  const load = async () => {
    try {
      const page = await get('/api/clients', { size: 500 });
      clear(output, clientTable(page, (c) => open(c)));
    } catch (e) {
      clear(output, failure(e));
    }
  };
  const open = (c) => {
    clear(editor, clientForm(c, (text) => {
      open(null);
      editor.prepend(el('p', { class: 'ok', id: 'client-done', role: 'status' }, text));
      load();
    }, () => open(null)));
    if (c) editor.querySelector('h2').focus();
  };
  open(null);
  await load();
}

function clientTable(page, edit) {
  if (page.items.length === 0) return el('p', { id: 'clients-empty' }, t('adm.empty'));
  return el('table', { id: 'clients-table', class: 'data' },
    head(['adm.name', 'adm.email', 'adm.notes', 'adm.state', 'adm.createdAt', 'adm.edit']),
    el('tbody', {}, page.items.map((c) => el('tr', { dataset: { id: c.id } },
      el('th', { scope: 'row' }, c.name), el('td', {}, c.contactEmail ?? '—'), el('td', {}, c.notes ?? ''),
      el('td', {}, t(c.active ? 'adm.active' : 'adm.inactive')), el('td', {}, formatDateTime(c.createdAt)),
      el('td', {}, el('button', { type: 'button', class: 'figure client-edit', onclick: () => edit(c),
        'aria-label': `${t('adm.edit')} ${c.name}` }, t('adm.edit')))))));
}

function clientForm(client, done, cancel) {
  const creating = !client;
  const name = el('input', { id: 'client-name', name: 'name', required: true, maxlength: 200, value: client?.name ?? '' });
  const email = el('input', { id: 'client-email', name: 'contactEmail', type: 'email', value: client?.contactEmail ?? '' });
  const notes = el('textarea', { id: 'client-notes', name: 'notes', rows: 2, maxlength: 2000 }, client?.notes ?? '');
  const active = el('input', { id: 'client-active', name: 'active', type: 'checkbox', checked: client ? client.active : true });
  const message = el('div', { id: 'client-message' });
  const form = el('form', { id: 'client-form', dataset: { mode: creating ? 'create' : 'edit' } },
    el('h2', { tabindex: -1 }, creating ? t('adm.newClient') : t('adm.editClient', client.name)),
    el('div', { class: 'row' }, field(t('adm.name'), name), field(t('adm.email'), email),
      el('label', { class: 'check' }, active, t('adm.active'))),
    field(t('adm.notes'), notes),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'client-submit' },
      t(creating ? 'adm.create' : 'adm.save')),
    creating ? null : el('button', { type: 'button', class: 'link', id: 'client-cancel', onclick: cancel }, t('adm.cancel'))),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    const body = { name: name.value.trim(), contactEmail: email.value.trim() || null, notes: notes.value.trim() || null,
      active: active.checked };
    try {
      if (creating) {
        const created = await post('/api/clients', body);
        done(t('adm.created', created.name));
      } else {
        const saved = await put(`/api/clients/${client.id}`, { ...body, version: client.version });
        done(t('adm.saved', saved.name));
      }
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

// ---- settings

const SETTING_GROUPS = [
  ['set.general', ['timeZone', 'pbxTimeZone', 'recordingMaxBytes', 'sessionIdleMinutes', 'infoMailsPerHour']],
  ['set.calls', ['minTalkSeconds', 'longCallSeconds']],
  ['set.anomalies', ['leadSpikeMinLeads', 'leadSpikeFactor', 'leadSpikeWindowDays', 'shortCallsMinAnswered',
    'shortCallsPercent', 'longCallsMinCount', 'repeatDialsMax', 'planMissPercent']],
];
const TEXT_SETTINGS = ['timeZone', 'pbxTimeZone'];

export async function settingsView(main) {
  const output = el('div', { id: 'settings-output' }, el('p', {}, t('loading')));
  main.append(output);
  let settings;
  try {
    settings = await get('/api/settings');
  } catch (e) {
    clear(output, failure(e));
    return;
  }
  const inputs = {};
  const control = (name) => {
    const text = TEXT_SETTINGS.includes(name);
    inputs[name] = el('input', {
      id: `settings-${name}`, name, type: text ? 'text' : 'number', required: name !== 'pbxTimeZone',
      step: name === 'leadSpikeFactor' ? '0.01' : '1', value: settings[name] ?? '',
      min: name === 'sessionIdleMinutes' ? 5 : text ? null : 1,
      max: name === 'sessionIdleMinutes' ? 480 : name === 'infoMailsPerHour' ? 1000 : null,
    });
    return field(t('set.' + name), inputs[name]);
  };
  const message = el('div', { id: 'settings-message' });
  const form = el('form', { id: 'settings-form' },
    SETTING_GROUPS.map(([legend, names]) => el('fieldset', { class: 'row settings' }, el('legend', {}, t(legend)),
      names.map(control))),
    el('button', { type: 'submit', class: 'primary', id: 'settings-save' }, t('set.save')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    const body = { version: settings.version };
    Object.entries(inputs).forEach(([name, input]) => {
      const v = input.value.trim();
      body[name] = TEXT_SETTINGS.includes(name) ? v || null : v === '' ? null : Number(v);
    });
    try {
      settings = await put('/api/settings', body);
      clear(message, el('p', { class: 'ok', id: 'settings-saved', role: 'status' }, t('set.saved')));
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  clear(output, form);
  const reporting = await reportingSettingsSection();
  if (reporting) output.append(reporting);
}

// ---- audit

const AUDITED = ['User', 'Client', 'Settings', 'Campaign'];

export function auditView(main) {
  const entity = el('input', { id: 'audit-entity', name: 'entity', required: true, value: 'User', list: 'audit-entities' });
  const id = el('input', { id: 'audit-id', name: 'id', type: 'number', min: 1 });
  const form = el('form', { id: 'audit-filter', class: 'row' },
    field(t('aud.entity'), entity), el('datalist', { id: 'audit-entities' }, AUDITED.map((a) => el('option', { value: a }))),
    field(t('aud.id'), id), el('button', { type: 'submit', class: 'primary', id: 'audit-show' }, t('aud.show')));
  const message = el('div', { id: 'audit-message' });
  const output = el('div', { id: 'audit-output', 'aria-live': 'polite' });
  main.append(form, message, output);
  let page = 0;
  const load = async () => {
    clear(message);
    const query = { entity: entity.value.trim(), page, size: PAGE_SIZE };
    if (id.value) query.id = id.value;
    try {
      const result = await get('/api/audit', query);
      clear(output, auditTable(result, (next) => { page = next; load(); }));
    } catch (e) {
      clear(output);
      showProblem(message, e, form);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    load();
  });
  load();
}

const shown = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function auditTable(page, go) {
  if (page.items.length === 0) return el('p', { id: 'audit-empty' }, t('aud.empty'));
  return [
    el('table', { id: 'audit-table', class: 'data' },
      head(['aud.revision', 'aud.at', 'aud.user', 'aud.record', 'aud.action', 'aud.changes']),
      el('tbody', {}, page.items.map((c) => el('tr', { dataset: { revision: c.revision } },
        el('td', { class: 'num' }, String(c.revision)), el('td', {}, formatDateTime(c.at)), el('td', {}, c.username ?? '—'),
        el('td', {}, `${c.entity} #${shown(c.entityId)}`), el('td', {}, t('aud.action.' + c.action)),
        el('td', {}, el('ul', { class: 'changes' }, Object.entries(c.changes || {}).map(([f, ch]) =>
          el('li', {}, `${f}: ${shown(ch?.from)} → ${shown(ch?.to)}`)))))))),
    pager('audit', page.page, Math.max(1, Math.ceil(page.total / page.size)), go),
  ];
}
