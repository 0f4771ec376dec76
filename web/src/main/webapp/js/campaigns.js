// Campaigns: the list (a CLIENT user gets only its own from the API) and one campaign's page — its details, and for
// supervisors and marketers the edit form, the call list (progress, entries, contacts added by search or from a
// file) and the outbound rules. A campaign the API answers 404 for shows "Campaign not found" and nothing else.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, addStrings, formatDate, formatDateTime, formatNumber, today } from './i18n.js';
import { get, post, put } from './api.js';
import { progressBar, upload } from './transfer.js';
import { clearProblems, showProblem } from './violations.js';

addStrings({
  en: {
    'cmp.q': 'Code or name', 'cmp.type': 'Type', 'cmp.anyType': 'Any type', 'cmp.show': 'Show',
    'cmp.code': 'Code', 'cmp.name': 'Name', 'cmp.client': 'Client', 'cmp.state': 'State', 'cmp.period': 'Period',
    'cmp.active': 'Active', 'cmp.inactive': 'Inactive', 'cmp.empty': 'No campaigns.', 'cmp.count': 'Campaigns: {0}',
    'cmp.type.INBOUND_AD': 'Inbound (ads)', 'cmp.type.OUTBOUND': 'Outbound', 'cmp.type.SURVEY': 'Survey',
    'cmp.type.AFTER_SALES': 'After-sales',
    'cmp.notFound': 'Campaign not found.', 'cmp.back': 'All campaigns', 'cmp.details': 'Details',
    'cmp.operators': 'Operators', 'cmp.numbers': 'Numbers callers dial', 'cmp.minTalk': 'Counted call from, s',
    'cmp.longCall': 'Long call from, s', 'cmp.default': 'call-centre setting', 'cmp.none': 'none',
    'cmp.calls': 'Calls of this campaign',
    'cmp.edit': 'Edit the campaign', 'cmp.startsOn': 'Starts on', 'cmp.endsOn': 'Ends on',
    'cmp.operatorsHint': 'Operators (usernames, comma-separated)', 'cmp.numbersHint': 'Numbers (comma-separated)',
    'cmp.save': 'Save', 'cmp.saved': 'Saved.', 'cmp.new': 'New campaign', 'cmp.create': 'Create the campaign',
    'list.title': 'Call list', 'list.total': 'Total', 'list.done': 'Done', 'list.pending': 'Pending',
    'list.inRetry': 'In retry', 'list.exhausted': 'Attempts used up', 'list.blockedByDnc': 'Blocked (do not call)',
    'list.openCallbacks': 'Open callbacks', 'list.empty': 'The list is empty.', 'list.number': 'Number',
    'list.timeZone': 'Time zone', 'list.attempts': 'Attempts', 'list.lastOutcome': 'Last outcome',
    'list.lastCall': 'Last call', 'list.nextTry': 'Next try', 'list.state': 'State', 'list.source': 'Source',
    'list.finished': 'Finished', 'list.open': 'Open', 'list.prev': 'Previous page', 'list.next': 'Next page',
    'list.page': 'Page {0} of {1}',
    'list.add': 'Add contacts by search', 'list.q': 'Name', 'list.phone': 'Phone', 'list.company': 'Company',
    'list.tag': 'Tag', 'list.addButton': 'Add to the list', 'list.searchNeeded': 'Fill in at least one search field.',
    'list.added': 'Added {0}, already on the list {1}, refused {2}.',
    'list.import': 'Upload a list file (CSV or XLSX: phone, name)', 'list.file': 'File', 'list.mode': 'Mode',
    'list.mode.best-effort': 'Import the good rows', 'list.mode.all-or-nothing': 'All rows or none',
    'list.upload': 'Upload', 'list.chooseFile': 'Choose a file first.',
    'list.report': 'Rows {0}: imported {1}, updated {2}, duplicates {3}, rejected {4}.',
    'list.line': 'Line', 'list.column': 'Column', 'list.reason': 'Reason',
    'rules.title': 'Outbound rules', 'rules.script': 'Script', 'rules.maxAttempts': 'Attempts per contact',
    'rules.retryNoAnswerMinutes': 'Retry after no answer, min', 'rules.retryBusyMinutes': 'Retry after busy, min',
    'rules.windowStart': 'Calling window from', 'rules.windowEnd': 'Calling window to',
    'rules.needsConsent': 'Needs the contact\'s consent', 'rules.lockMinutes': 'Contact held for an operator, min',
    'rules.callbackGraceMinutes': 'Callback grace, min', 'rules.save': 'Save the rules', 'rules.saved': 'Rules saved.',
    'rules.yes': 'yes', 'rules.no': 'no',
    'thr.title': 'Contract thresholds', 'thr.inForce': 'In force', 'thr.validFrom': 'Valid from',
    'thr.minTalk': 'A call counts from, s', 'thr.longCall': 'A call is long from, s', 'thr.history': 'History',
    'thr.scope': 'Set for', 'thr.scope.CENTRE': 'whole centre', 'thr.scope.CAMPAIGN': 'this campaign',
    'thr.setBy': 'Set by', 'thr.setAt': 'Set at', 'thr.reason': 'Reason (optional)', 'thr.set': 'Set the thresholds',
    'thr.setTitle': 'New thresholds from a day', 'thr.saved': 'The thresholds apply from {0}.',
    'thr.hint': 'The figures of a day are computed with the thresholds in force on that day; a change is kept in the history and in the tamper trail.',
    'thr.noHistory': 'No changes yet.', 'thr.fromStart': 'from the start',
  },
  ru: {
    'cmp.q': 'Код или название', 'cmp.type': 'Тип', 'cmp.anyType': 'Любой тип', 'cmp.show': 'Показать',
    'cmp.code': 'Код', 'cmp.name': 'Название', 'cmp.client': 'Клиент', 'cmp.state': 'Состояние', 'cmp.period': 'Период',
    'cmp.active': 'Активна', 'cmp.inactive': 'Не активна', 'cmp.empty': 'Кампаний нет.', 'cmp.count': 'Кампаний: {0}',
    'cmp.type.INBOUND_AD': 'Входящая (реклама)', 'cmp.type.OUTBOUND': 'Исходящая', 'cmp.type.SURVEY': 'Опрос',
    'cmp.type.AFTER_SALES': 'Послепродажная',
    'cmp.notFound': 'Кампания не найдена.', 'cmp.back': 'Все кампании', 'cmp.details': 'Сведения',
    'cmp.operators': 'Операторы', 'cmp.numbers': 'Номера для звонящих', 'cmp.minTalk': 'Звонок засчитывается от, с',
    'cmp.longCall': 'Длинный звонок от, с', 'cmp.default': 'настройка колл-центра', 'cmp.none': 'нет',
    'cmp.calls': 'Звонки этой кампании',
    'cmp.edit': 'Изменить кампанию', 'cmp.startsOn': 'Начало', 'cmp.endsOn': 'Окончание',
    'cmp.operatorsHint': 'Операторы (логины через запятую)', 'cmp.numbersHint': 'Номера (через запятую)',
    'cmp.save': 'Сохранить', 'cmp.saved': 'Сохранено.', 'cmp.new': 'Новая кампания', 'cmp.create': 'Создать кампанию',
    'list.title': 'Список обзвона', 'list.total': 'Всего', 'list.done': 'Завершено', 'list.pending': 'Ожидают',
    'list.inRetry': 'На повторе', 'list.exhausted': 'Попытки исчерпаны', 'list.blockedByDnc': 'Запрет звонков',
    'list.openCallbacks': 'Открытые перезвоны', 'list.empty': 'Список пуст.', 'list.number': 'Номер',
    'list.timeZone': 'Часовой пояс', 'list.attempts': 'Попытки', 'list.lastOutcome': 'Последний результат',
    'list.lastCall': 'Последний звонок', 'list.nextTry': 'Следующая попытка', 'list.state': 'Состояние',
    'list.source': 'Источник', 'list.finished': 'Завершён', 'list.open': 'В работе', 'list.prev': 'Предыдущая страница',
    'list.next': 'Следующая страница', 'list.page': 'Страница {0} из {1}',
    'list.add': 'Добавить контакты по поиску', 'list.q': 'Имя', 'list.phone': 'Телефон', 'list.company': 'Компания',
    'list.tag': 'Метка', 'list.addButton': 'Добавить в список', 'list.searchNeeded': 'Заполните хотя бы одно поле поиска.',
    'list.added': 'Добавлено {0}, уже в списке {1}, отклонено {2}.',
    'list.import': 'Загрузить файл списка (CSV или XLSX: phone, name)', 'list.file': 'Файл', 'list.mode': 'Режим',
    'list.mode.best-effort': 'Загрузить правильные строки', 'list.mode.all-or-nothing': 'Все строки или ни одной',
    'list.upload': 'Загрузить', 'list.chooseFile': 'Сначала выберите файл.',
    'list.report': 'Строк {0}: загружено {1}, обновлено {2}, повторов {3}, отклонено {4}.',
    'list.line': 'Строка', 'list.column': 'Столбец', 'list.reason': 'Причина',
    'rules.title': 'Правила обзвона', 'rules.script': 'Скрипт', 'rules.maxAttempts': 'Попыток на контакт',
    'rules.retryNoAnswerMinutes': 'Повтор при неответе, мин', 'rules.retryBusyMinutes': 'Повтор при «занято», мин',
    'rules.windowStart': 'Звонить с', 'rules.windowEnd': 'Звонить до',
    'rules.needsConsent': 'Нужно согласие контакта', 'rules.lockMinutes': 'Контакт закреплён за оператором, мин',
    'rules.callbackGraceMinutes': 'Допуск перезвона, мин', 'rules.save': 'Сохранить правила',
    'rules.saved': 'Правила сохранены.', 'rules.yes': 'да', 'rules.no': 'нет',
    'thr.title': 'Пороги по договору', 'thr.inForce': 'Действуют', 'thr.validFrom': 'Действуют с',
    'thr.minTalk': 'Звонок засчитывается от, с', 'thr.longCall': 'Длинный звонок от, с', 'thr.history': 'История',
    'thr.scope': 'Для кого', 'thr.scope.CENTRE': 'весь центр', 'thr.scope.CAMPAIGN': 'эта кампания',
    'thr.setBy': 'Кто задал', 'thr.setAt': 'Когда', 'thr.reason': 'Причина (необязательно)', 'thr.set': 'Задать пороги',
    'thr.setTitle': 'Новые пороги с дня', 'thr.saved': 'Пороги действуют с {0}.',
    'thr.hint': 'Показатели дня считаются по порогам, действовавшим в этот день; изменение сохраняется в истории и в журнале изменений.',
    'thr.noHistory': 'Изменений пока нет.', 'thr.fromStart': 'с начала',
  },
});

const TYPES = ['INBOUND_AD', 'OUTBOUND', 'SURVEY', 'AFTER_SALES'];
const WITH_LIST = ['OUTBOUND', 'SURVEY', 'AFTER_SALES'];
const LIST_PAGE = 20;

const editor = (me) => (me.roles || []).some((r) => r === 'SUPERVISOR' || r === 'MARKETER' || r === 'ADMIN');
const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));
const href = (id) => `#/campaigns/${encodeURIComponent(id)}`;

/** Client names by id; a CLIENT user reads only its own, which is all it needs. */
async function clientNames() {
  try {
    const page = await get('/api/clients', { size: 500 });
    return new Map(page.items.map((c) => [c.id, c.name]));
  } catch (e) {
    return new Map();
  }
}

export function campaignsView(main, me, params = []) {
  if (params[0]) return campaignPage(main, me, params[0]);
  return campaignList(main, me);
}

async function campaignList(main, me) {
  const q = el('input', { id: 'campaigns-q', name: 'q', type: 'search' });
  const type = el('select', { id: 'campaigns-type', name: 'type' },
    el('option', { value: '' }, t('cmp.anyType')), TYPES.map((k) => el('option', { value: k }, t('cmp.type.' + k))));
  const form = el('form', { id: 'campaigns-filter', class: 'row' }, field(t('cmp.q'), q), field(t('cmp.type'), type),
    el('button', { type: 'submit', class: 'primary', id: 'campaigns-show' }, t('cmp.show')));
  const output = el('div', { id: 'campaigns-output', 'aria-live': 'polite' }, el('p', {}, t('loading')));
  main.append(form, output);
  const names = await clientNames();
  const load = async () => {
    clear(output, el('p', {}, t('loading')));
    const query = { size: 500 };
    if (q.value.trim()) query.q = q.value.trim();
    if (type.value) query.type = type.value;
    try {
      const page = await get('/api/campaigns', query);
      clear(output, campaignTable(page, names));
    } catch (e) {
      clear(output, failure(e));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  if (editor(me)) main.append(newCampaignForm(names));
  await load();
}

/** A new campaign of a client; once created its page opens. */
function newCampaignForm(names) {
  const code = el('input', { id: 'campaign-new-code', name: 'code', required: true, maxlength: 40, autocomplete: 'off' });
  const name = el('input', { id: 'campaign-new-name', name: 'name', required: true, maxlength: 200 });
  const type = el('select', { id: 'campaign-new-type', name: 'type' }, TYPES.map((k) => el('option', { value: k }, t('cmp.type.' + k))));
  const client = el('select', { id: 'campaign-new-client', name: 'clientId', required: true },
    el('option', { value: '' }, '—'), [...names].map(([id, n]) => el('option', { value: id }, n)));
  const startsOn = el('input', { id: 'campaign-new-starts', name: 'startsOn', type: 'date' });
  const endsOn = el('input', { id: 'campaign-new-ends', name: 'endsOn', type: 'date' });
  const message = el('div', { id: 'campaign-new-message' });
  const form = el('form', { id: 'campaign-new', class: 'card' }, el('h2', {}, t('cmp.new')),
    el('div', { class: 'row' }, field(t('cmp.code'), code), field(t('cmp.name'), name), field(t('cmp.type'), type),
      field(t('cmp.client'), client), field(t('cmp.startsOn'), startsOn), field(t('cmp.endsOn'), endsOn)),
    el('button', { type: 'submit', class: 'primary', id: 'campaign-create' }, t('cmp.create')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    try {
      const created = await post('/api/campaigns', {
        code: code.value.trim(), name: name.value.trim(), type: type.value, clientId: client.value ? Number(client.value) : null,
        startsOn: startsOn.value || null, endsOn: endsOn.value || null, active: true,
      });
      location.hash = href(created.id);
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

function campaignTable(page, names) {
  if (page.items.length === 0) return el('p', { id: 'campaigns-empty' }, t('cmp.empty'));
  const head = ['cmp.code', 'cmp.name', 'cmp.type', 'cmp.client', 'cmp.period', 'cmp.state'];
  return [
    el('p', { class: 'count' }, t('cmp.count', formatNumber(page.total))),
    el('table', { id: 'campaigns-table', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, page.items.map((c) => el('tr', { dataset: { id: c.id, code: c.code } },
        el('th', { scope: 'row' }, el('a', { href: href(c.id), class: 'campaign-link' }, c.code)),
        el('td', {}, c.name), el('td', {}, t('cmp.type.' + c.type)),
        el('td', {}, names.get(c.clientId) ?? `#${c.clientId}`),
        el('td', {}, period(c)),
        el('td', {}, t(c.active ? 'cmp.active' : 'cmp.inactive')))))),
  ];
}

const period = (c) => (c.startsOn || c.endsOn ? `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}` : '—');

async function campaignPage(main, me, id) {
  const back = el('p', {}, el('a', { href: '#/campaigns', id: 'campaign-back' }, t('cmp.back')));
  const body = el('div', { id: 'campaign-page' }, el('p', {}, t('loading')));
  main.append(back, body);
  let campaign;
  try {
    campaign = await get(`/api/campaigns/${encodeURIComponent(id)}`);
  } catch (e) {
    // another client's campaign answers 404 like one that does not exist: say so and show nothing of it
    clear(body, e.status === 404 || e.status === 400
      ? el('p', { id: 'campaign-not-found', class: 'message', role: 'alert' }, t('cmp.notFound'))
      : failure(e));
    return;
  }
  const names = await clientNames();
  const details = el('section', { id: 'campaign-details', class: 'card' });
  const drawDetails = (c) => clear(details, detailsOf(c, names));
  drawDetails(campaign);
  clear(body, details);
  const thresholds = await thresholdsSection(campaign, me);
  if (thresholds) body.append(thresholds);
  if (editor(me)) body.append(editForm(campaign, (saved) => { campaign = saved; drawDetails(saved); }));
  if (WITH_LIST.includes(campaign.type)) {
    body.append(listSection(campaign, editor(me)));
    if (editor(me)) body.append(await rulesSection(campaign));
  }
  details.querySelector('h2').focus();
}

const setsThresholds = (me) => (me.roles || []).some((r) => r === 'SUPERVISOR' || r === 'ADMIN' || r === 'CLIENT');

/**
 * The campaign's contract thresholds (GET /api/campaigns/{id}/thresholds): those in force and since when, the history
 * of versions, and for ADMIN, SUPERVISOR and the campaign's own CLIENT (a CLIENT user sees no other's campaign) a
 * form to set new ones from a day. Null where the server keeps no such history.
 */
async function thresholdsSection(campaign, me) {
  const path = `/api/campaigns/${encodeURIComponent(campaign.id)}/thresholds`;
  let read;
  try {
    read = await get(path);
  } catch (e) {
    return null;
  }
  if (!read || typeof read !== 'object') return null;
  const section = el('section', { id: 'campaign-thresholds', class: 'card', 'aria-labelledby': 'campaign-thresholds-title' });
  // the versions in force since the integrity rules came carry 1970-01-01: "from the start"
  const since = (day) => (day && day > '1971-01-01' ? formatDate(day) : t('thr.fromStart'));
  const draw = (data, saved) => {
    const inForce = data.inForce || {};
    const history = data.history || [];
    clear(section, el('h2', { id: 'campaign-thresholds-title' }, t('thr.title')),
      el('p', { class: 'hint' }, t('thr.hint')),
      el('dl', { class: 'facts', id: 'thresholds-in-force' },
        el('dt', {}, t('thr.minTalk')), el('dd', { dataset: { field: 'minTalkSeconds' } }, formatNumber(inForce.minTalkSeconds)),
        el('dt', {}, t('thr.longCall')), el('dd', { dataset: { field: 'longCallSeconds' } }, formatNumber(inForce.longCallSeconds)),
        el('dt', {}, t('thr.validFrom')), el('dd', { dataset: { field: 'validFrom' } }, since(inForce.validFrom))),
      saved ? el('p', { class: 'ok', id: 'thresholds-saved', role: 'status' }, t('thr.saved', formatDate(saved.validFrom))) : null,
      el('h3', {}, t('thr.history')),
      history.length === 0 ? el('p', {}, t('thr.noHistory')) : el('table', { id: 'thresholds-history', class: 'data' },
        el('thead', {}, el('tr', {}, ['thr.validFrom', 'thr.minTalk', 'thr.longCall', 'thr.scope', 'thr.setBy', 'thr.setAt']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, history.map((h) => el('tr', { dataset: { validFrom: h.validFrom ?? '', scope: h.scope ?? '' } },
          el('td', {}, since(h.validFrom)), el('td', { class: 'num' }, formatNumber(h.minTalkSeconds)),
          el('td', { class: 'num' }, formatNumber(h.longCallSeconds)),
          el('td', {}, has('thr.scope.' + h.scope) ? t('thr.scope.' + h.scope) : (h.scope ?? '—')),
          el('td', {}, h.setBy ?? '—'), el('td', {}, formatDateTime(h.setAt)))))),
      setsThresholds(me) ? thresholdsForm(path, inForce, (next, done) => draw(next, done)) : null);
  };
  draw(read);
  return section;
}

function thresholdsForm(path, inForce, saved) {
  const minTalk = el('input', { id: 'thresholds-min-talk', name: 'minTalkSeconds', type: 'number', min: 1, required: true,
    value: inForce.minTalkSeconds ?? '' });
  const longCall = el('input', { id: 'thresholds-long-call', name: 'longCallSeconds', type: 'number', min: 1, required: true,
    value: inForce.longCallSeconds ?? '' });
  const validFrom = el('input', { id: 'thresholds-valid-from', name: 'validFrom', type: 'date', value: today() });
  const reason = el('input', { id: 'thresholds-reason', name: 'reason', maxlength: 1000 });
  const message = el('div', { id: 'thresholds-message' });
  const form = el('form', { id: 'thresholds-form' }, el('h3', {}, t('thr.setTitle')),
    el('div', { class: 'row' }, field(t('thr.minTalk'), minTalk), field(t('thr.longCall'), longCall),
      field(t('thr.validFrom'), validFrom), field(t('thr.reason'), reason),
      el('button', { type: 'submit', class: 'primary', id: 'thresholds-set' }, t('thr.set'))), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    try {
      await put(path, { minTalkSeconds: Number(minTalk.value), longCallSeconds: Number(longCall.value),
        validFrom: validFrom.value || null, reason: reason.value.trim() || null });
      saved(await get(path), { validFrom: validFrom.value || today() });
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

function detailsOf(c, names) {
  const list = (items) => (items && items.length ? items.join(', ') : t('cmp.none'));
  const rows = [
    ['cmp.code', c.code], ['cmp.name', c.name], ['cmp.type', t('cmp.type.' + c.type)],
    ['cmp.client', names.get(c.clientId) ?? `#${c.clientId}`], ['cmp.period', period(c)],
    ['cmp.state', t(c.active ? 'cmp.active' : 'cmp.inactive')], ['cmp.operators', list(c.operators)],
    ['cmp.numbers', c.numbers && c.numbers.length ? c.numbers.map((n, i) => [i ? ', ' : '', phone(n)]) : t('cmp.none')],
    ['cmp.minTalk', c.minTalkSeconds ?? t('cmp.default')], ['cmp.longCall', c.longCallSeconds ?? t('cmp.default')],
  ];
  return [
    el('h2', { tabindex: -1, id: 'campaign-name' }, `${c.name} (${c.code})`),
    el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, t(k)),
      el('dd', { dataset: { field: k.slice(4) } }, v)])),
    el('p', {}, el('a', { href: `#/calls/${encodeURIComponent(c.code)}`, id: 'campaign-calls' }, t('cmp.calls'))),
  ];
}

function editForm(campaign, saved) {
  const name = el('input', { id: 'campaign-edit-name', name: 'name', required: true, maxlength: 200, value: campaign.name });
  const startsOn = el('input', { id: 'campaign-edit-starts', name: 'startsOn', type: 'date', value: campaign.startsOn ?? '' });
  const endsOn = el('input', { id: 'campaign-edit-ends', name: 'endsOn', type: 'date', value: campaign.endsOn ?? '' });
  const active = el('input', { id: 'campaign-edit-active', name: 'active', type: 'checkbox', checked: campaign.active });
  const operators = el('input', { id: 'campaign-edit-operators', name: 'operators', value: campaign.operators.join(', ') });
  const numbers = el('input', { id: 'campaign-edit-numbers', name: 'numbers', value: campaign.numbers.join(', ') });
  const minTalk = el('input', { id: 'campaign-edit-min-talk', name: 'minTalkSeconds', type: 'number', min: 1,
    value: campaign.minTalkSeconds ?? '', placeholder: t('cmp.default') });
  const longCall = el('input', { id: 'campaign-edit-long-call', name: 'longCallSeconds', type: 'number', min: 1,
    value: campaign.longCallSeconds ?? '', placeholder: t('cmp.default') });
  const message = el('div', { id: 'campaign-edit-message', role: 'status' });
  const form = el('form', { id: 'campaign-edit', class: 'card' },
    el('h2', {}, t('cmp.edit')),
    el('div', { class: 'row' }, field(t('cmp.name'), name), field(t('cmp.startsOn'), startsOn), field(t('cmp.endsOn'), endsOn),
      el('label', { class: 'check' }, active, t('cmp.active'))),
    el('div', { class: 'row' }, field(t('cmp.operatorsHint'), operators), field(t('cmp.numbersHint'), numbers),
      field(t('cmp.minTalk'), minTalk), field(t('cmp.longCall'), longCall)),
    el('button', { type: 'submit', class: 'primary', id: 'campaign-save' }, t('cmp.save')), message);
  const split = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    try {
      const result = await put(`/api/campaigns/${campaign.id}`, {
        code: campaign.code, type: campaign.type, clientId: campaign.clientId, name: name.value.trim(),
        startsOn: startsOn.value || null, endsOn: endsOn.value || null, active: active.checked,
        operators: split(operators.value), numbers: split(numbers.value),
        minTalkSeconds: minTalk.value ? Number(minTalk.value) : null,
        longCallSeconds: longCall.value ? Number(longCall.value) : null, version: campaign.version,
      });
      campaign = result;
      saved(result);
      clear(message, el('p', { class: 'ok', id: 'campaign-saved' }, t('cmp.saved')));
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

function listSection(campaign, canEdit) {
  const stats = el('div', { id: 'list-stats' });
  const entries = el('div', { id: 'list-entries', 'aria-live': 'polite' });
  const section = el('section', { id: 'campaign-list', class: 'card' }, el('h2', {}, t('list.title')), stats, entries);
  let page = 0;
  const load = async () => {
    try {
      const list = await get(`/api/campaigns/${campaign.id}/list`, { page, size: LIST_PAGE });
      clear(stats, statsOf(list));
      clear(entries, entriesOf(list.entries, (next) => { page = next; load(); }));
    } catch (e) {
      clear(entries, failure(e));
    }
  };
  load();
  if (canEdit) section.append(addForm(campaign, () => { page = 0; load(); }), importForm(campaign, () => { page = 0; load(); }));
  return section;
}

function statsOf(list) {
  const keys = ['total', 'done', 'pending', 'inRetry', 'exhausted', 'blockedByDnc', 'openCallbacks'];
  return el('dl', { class: 'stats' }, keys.map((k) => el('div', { dataset: { stat: k } },
    el('dt', {}, t('list.' + k)), el('dd', {}, formatNumber(list[k])))));
}

function entriesOf(page, go) {
  if (page.items.length === 0) return el('p', { id: 'list-empty' }, t('list.empty'));
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const head = ['list.number', 'list.timeZone', 'list.attempts', 'list.lastOutcome', 'list.lastCall', 'list.nextTry',
    'list.state', 'list.source'];
  return [
    el('table', { id: 'list-table', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, page.items.map((e) => el('tr', { dataset: { id: e.id, number: e.number } },
        el('td', {}, phone(e.number)), el('td', {}, e.timeZone), el('td', { class: 'num' }, formatNumber(e.attempts)),
        el('td', {}, e.lastOutcome ? (has('outcome.' + e.lastOutcome) ? t('outcome.' + e.lastOutcome) : e.lastOutcome) : '—'), el('td', {}, formatDateTime(e.lastCallAt)),
        el('td', {}, formatDateTime(e.nextTryAt)), el('td', {}, t(e.done ? 'list.finished' : 'list.open')),
        el('td', {}, e.source ?? '—'))))),
    pager('list', page.page, pages, go),
  ];
}

/** Previous/next buttons with "page n of m"; pages count from 0 as the API's do. */
export function pager(prefix, current, pages, go) {
  return el('div', { class: 'row pager', id: `${prefix}-pager` },
    el('button', { type: 'button', class: 'link', id: `${prefix}-prev`, disabled: current <= 0, onclick: () => go(current - 1) },
      t('list.prev')),
    el('span', { id: `${prefix}-page` }, t('list.page', formatNumber(current + 1), formatNumber(pages))),
    el('button', { type: 'button', class: 'link', id: `${prefix}-next`, disabled: current + 1 >= pages,
      onclick: () => go(current + 1) }, t('list.next')));
}

function addForm(campaign, changed) {
  const inputs = {
    q: el('input', { id: 'list-add-q', name: 'q' }), phone: el('input', { id: 'list-add-phone', name: 'phone', type: 'tel' }),
    company: el('input', { id: 'list-add-company', name: 'company' }), tag: el('input', { id: 'list-add-tag', name: 'tag' }),
  };
  const message = el('div', { id: 'list-add-message', role: 'status' });
  const form = el('form', { id: 'list-add', class: 'row' },
    el('fieldset', { class: 'row' }, el('legend', {}, t('list.add')),
      field(t('list.q'), inputs.q), field(t('list.phone'), inputs.phone), field(t('list.company'), inputs.company),
      field(t('list.tag'), inputs.tag),
      el('button', { type: 'submit', class: 'primary', id: 'list-add-button' }, t('list.addButton'))),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    const search = {};
    Object.entries(inputs).forEach(([k, input]) => { if (input.value.trim()) search[k] = input.value.trim(); });
    if (Object.keys(search).length === 0) {
      clear(message, el('p', { class: 'message', role: 'alert' }, t('list.searchNeeded')));
      inputs.q.focus();
      return;
    }
    try {
      const added = await post(`/api/campaigns/${campaign.id}/list`, { search });
      clear(message, el('p', { class: 'ok', id: 'list-added' },
        t('list.added', formatNumber(added.added), formatNumber(added.already), formatNumber(added.rejected.length))),
      added.rejected.length ? el('ul', { class: 'message' },
        added.rejected.map((r) => el('li', {}, `#${r.contactId}: ${r.reason}`))) : null);
      changed();
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  return form;
}

function importForm(campaign, changed) {
  const file = el('input', { id: 'list-file', name: 'file', type: 'file', accept: '.csv,.xlsx,text/csv' });
  const mode = el('select', { id: 'list-mode', name: 'mode' },
    ['best-effort', 'all-or-nothing'].map((m) => el('option', { value: m }, t('list.mode.' + m))));
  const progress = progressBar('list-progress');
  const report = el('div', { id: 'list-report', 'aria-live': 'polite' });
  const form = el('form', { id: 'list-import', class: 'row' },
    el('fieldset', { class: 'row' }, el('legend', {}, t('list.import')),
      field(t('list.file'), file), field(t('list.mode'), mode),
      el('button', { type: 'submit', class: 'primary', id: 'list-upload' }, t('list.upload'))),
    progress.element, report);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(report);
    if (!file.files.length) {
      clear(report, el('p', { class: 'message', role: 'alert' }, t('list.chooseFile')));
      file.focus();
      return;
    }
    try {
      const result = await upload(`/api/campaigns/${campaign.id}/list/import?mode=${encodeURIComponent(mode.value)}`,
        file.files[0], progress);
      clear(report, importReport(result));
      changed();
    } catch (e) {
      showProblem(report, e, form);
    }
  });
  return form;
}

/** The row-level report of an import: the counts, then every rejected row with its column and reason. */
export function importReport(r) {
  const rejected = r.rejected || [];
  return [
    el('p', { id: 'list-report-summary', class: rejected.length ? 'message' : 'ok' },
      t('list.report', formatNumber(r.received), formatNumber(r.imported), formatNumber(r.updated),
        formatNumber(r.duplicates), formatNumber(rejected.length))),
    r.message ? el('p', {}, r.message) : null,
    rejected.length ? el('table', { id: 'list-rejected', class: 'data' },
      el('thead', {}, el('tr', {}, ['list.line', 'list.column', 'list.reason'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, rejected.map((x) => el('tr', {}, el('td', { class: 'num' }, String(x.line)),
        el('td', {}, x.column ?? '—'), el('td', {}, x.reason ?? ''))))) : null,
  ];
}

async function rulesSection(campaign) {
  const section = el('section', { id: 'campaign-rules', class: 'card' }, el('h2', {}, t('rules.title')));
  let rules;
  try {
    rules = await get(`/api/campaigns/${campaign.id}/outbound`);
  } catch (e) {
    section.append(failure(e));
    return section;
  }
  const number = (name, min = 0) => el('input', { id: `rules-${name}`, name, type: 'number', min, required: true,
    value: rules[name] ?? '' });
  const inputs = {
    maxAttempts: number('maxAttempts', 1), retryNoAnswerMinutes: number('retryNoAnswerMinutes'),
    retryBusyMinutes: number('retryBusyMinutes'),
    windowStart: el('input', { id: 'rules-windowStart', name: 'windowStart', type: 'time', required: true,
      value: (rules.windowStart || '').slice(0, 5) }),
    windowEnd: el('input', { id: 'rules-windowEnd', name: 'windowEnd', type: 'time', required: true,
      value: (rules.windowEnd || '').slice(0, 5) }),
    lockMinutes: number('lockMinutes', 1), callbackGraceMinutes: number('callbackGraceMinutes'),
  };
  const consent = el('input', { id: 'rules-needsConsent', name: 'needsConsent', type: 'checkbox', checked: !!rules.needsConsent });
  const script = el('textarea', { id: 'rules-script', name: 'script', rows: 4, maxlength: 20000 }, rules.script ?? '');
  const message = el('div', { id: 'rules-message', role: 'status' });
  const form = el('form', { id: 'rules-form' },
    el('div', { class: 'row' }, Object.entries(inputs).map(([k, input]) => field(t('rules.' + k), input)),
      el('label', { class: 'check' }, consent, t('rules.needsConsent'))),
    field(t('rules.script'), script),
    el('button', { type: 'submit', class: 'primary', id: 'rules-save' }, t('rules.save')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    const body = { script: script.value, needsConsent: consent.checked, version: rules.version };
    Object.entries(inputs).forEach(([k, input]) => { body[k] = input.type === 'number' ? Number(input.value) : input.value; });
    try {
      rules = await put(`/api/campaigns/${campaign.id}/outbound`, body);
      clear(message, el('p', { class: 'ok', id: 'rules-saved' }, t('rules.saved')));
    } catch (e) {
      showProblem(message, e, form);
    }
  });
  section.append(form);
  return section;
}
