// Contacts: a filtered, paged list (a phone in any written form, a name, a tag, a company), a contact's card with
// its calls (recordings played from a Blob), leads and callbacks, the new/edit form with the server's field
// messages, and import with its row report and export with progress.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDate, formatDateTime, formatNumber } from './i18n.js';
import { get, post, put } from './api.js';
import { loadRecording } from './recording.js';
import { download, progressBar, upload } from './transfer.js';
import { hasLeadEvidence, leadEvidence, recordingHash, recordingVersions, verification } from './evidence.js';

addStrings({
  en: {
    'ct.tag': 'Tag', 'ct.company': 'Company', 'ct.companyHint': 'Name or number', 'ct.clearFilters': 'Clear',
    'ct.name': 'Name', 'ct.phones': 'Phones', 'ct.new': 'New contact', 'ct.edit': 'Edit',
    'ct.total': 'Found: {0}', 'ct.page': 'Page {0} of {1}', 'ct.prev': 'Previous page', 'ct.next': 'Next page',
    'ct.pages': 'Pages', 'ct.dnc': 'Do not call', 'ct.list': 'Contacts found',
    'ct.form.new': 'New contact', 'ct.form.edit': 'Edit {0}', 'ct.fullName': 'Full name',
    'ct.number': 'Number', 'ct.kind': 'Kind', 'ct.kind.auto': 'Guess from the number', 'ct.kind.mobile': 'Mobile',
    'ct.kind.work': 'Work', 'ct.kind.home': 'Home', 'ct.addPhone': 'Add a phone', 'ct.removePhone': 'Remove phone {0}',
    'ct.phoneN': 'Phone {0}', 'ct.emailsHint': 'E-mails, separated by commas', 'ct.tagsHint': 'Tags, separated by commas',
    'ct.position': 'Position', 'ct.birthday': 'Birthday', 'ct.timeZoneHint': 'Time zone (empty: from the main number)',
    'ct.noCompany': '— none —', 'ct.consent': 'Consent to advertising calls', 'ct.consentGiven': 'Consent given',
    'ct.consentSource': 'Consent source', 'ct.consentDate': 'Consent date', 'ct.doNotCall': 'Do not call this contact',
    'ct.save': 'Save', 'ct.cancel': 'Cancel', 'ct.saved': 'Saved.', 'ct.fix': 'Please correct the marked fields.',
    'ct.duplicate': 'This number or e-mail already belongs to another contact:', 'ct.openExisting': 'open {0}',
    'ct.saveAnyway': 'Save as a separate contact anyway',
    'ct.stale': 'Someone else changed this contact while you were editing it.', 'ct.reload': 'Reload the contact',
    'ct.consentYes': 'Given ({0}, {1})', 'ct.consentNo': 'Not given', 'ct.sourceCampaign': 'Source campaign',
    'ct.owner': 'Owner', 'ct.recording': 'Recording', 'ct.play': 'Play', 'ct.playing': 'Recording of the call on {0}',
    'ct.noRecording': '—', 'ct.callbacks': 'Callbacks', 'ct.cb.due': 'Due', 'ct.cb.owner': 'Owner',
    'ct.cb.state': 'State', 'ct.cb.note': 'Note', 'ct.cb.pool': 'pool',
    'ct.transfer': 'Import and export', 'ct.importTitle': 'Import contacts (CSV or XLSX)', 'ct.file': 'File',
    'ct.mode': 'If some rows are bad', 'ct.mode.best': 'Import the good rows', 'ct.mode.all': 'Import nothing',
    'ct.import': 'Import', 'ct.chooseFile': 'Choose a file first.',
    'ct.report': 'Import report', 'ct.received': 'Rows read', 'ct.imported': 'Imported', 'ct.updated': 'Updated',
    'ct.duplicates': 'Unchanged duplicates', 'ct.rejectedRows': 'Rows with errors', 'ct.status': 'Status',
    'ct.badRows': 'Rows that were not imported', 'ct.line': 'Row', 'ct.column': 'Column', 'ct.reason': 'Problem',
    'ct.wholeRow': '(whole row)', 'ct.noBadRows': 'Every row was good.',
    'ct.rowsSoFar': 'Rows read so far: {0}, stored: {1}…',
    'ct.exportTitle': 'Export', 'ct.format': 'Format', 'ct.export': 'Export', 'ct.exportFiltered': 'Export with the list\'s filters',
    'ct.exported': 'Saved {0} ({1} KB).',
    'ld.status.NEW': 'NEW', 'ld.status.QUALIFIED': 'QUALIFIED', 'ld.status.MEETING_SET': 'MEETING SET',
    'ld.status.WON': 'WON', 'ld.status.LOST': 'LOST',
  },
  ru: {
    'ct.tag': 'Метка', 'ct.company': 'Компания', 'ct.companyHint': 'Название или номер', 'ct.clearFilters': 'Сбросить',
    'ct.name': 'Имя', 'ct.phones': 'Телефоны', 'ct.new': 'Новый контакт', 'ct.edit': 'Изменить',
    'ct.total': 'Найдено: {0}', 'ct.page': 'Страница {0} из {1}', 'ct.prev': 'Предыдущая страница',
    'ct.next': 'Следующая страница', 'ct.pages': 'Страницы', 'ct.dnc': 'Не звонить', 'ct.list': 'Найденные контакты',
    'ct.form.new': 'Новый контакт', 'ct.form.edit': 'Изменение: {0}', 'ct.fullName': 'ФИО',
    'ct.number': 'Номер', 'ct.kind': 'Тип', 'ct.kind.auto': 'Определить по номеру', 'ct.kind.mobile': 'Мобильный',
    'ct.kind.work': 'Рабочий', 'ct.kind.home': 'Домашний', 'ct.addPhone': 'Добавить телефон',
    'ct.removePhone': 'Удалить телефон {0}', 'ct.phoneN': 'Телефон {0}', 'ct.emailsHint': 'Эл. почта через запятую',
    'ct.tagsHint': 'Метки через запятую', 'ct.position': 'Должность', 'ct.birthday': 'День рождения',
    'ct.timeZoneHint': 'Часовой пояс (пусто — по основному номеру)', 'ct.noCompany': '— нет —',
    'ct.consent': 'Согласие на рекламные звонки', 'ct.consentGiven': 'Согласие получено',
    'ct.consentSource': 'Источник согласия', 'ct.consentDate': 'Дата согласия', 'ct.doNotCall': 'Не звонить этому контакту',
    'ct.save': 'Сохранить', 'ct.cancel': 'Отмена', 'ct.saved': 'Сохранено.', 'ct.fix': 'Исправьте отмеченные поля.',
    'ct.duplicate': 'Этот номер или адрес уже есть у другого контакта:', 'ct.openExisting': 'открыть: {0}',
    'ct.saveAnyway': 'Всё равно сохранить отдельным контактом',
    'ct.stale': 'Пока вы редактировали контакт, его изменил кто-то другой.', 'ct.reload': 'Загрузить контакт заново',
    'ct.consentYes': 'Получено ({0}, {1})', 'ct.consentNo': 'Не получено', 'ct.sourceCampaign': 'Кампания-источник',
    'ct.owner': 'Ответственный', 'ct.recording': 'Запись', 'ct.play': 'Слушать', 'ct.playing': 'Запись звонка {0}',
    'ct.noRecording': '—', 'ct.callbacks': 'Перезвоны', 'ct.cb.due': 'Срок', 'ct.cb.owner': 'Кто перезванивает',
    'ct.cb.state': 'Состояние', 'ct.cb.note': 'Заметка', 'ct.cb.pool': 'общий',
    'ct.transfer': 'Импорт и экспорт', 'ct.importTitle': 'Импорт контактов (CSV или XLSX)', 'ct.file': 'Файл',
    'ct.mode': 'Если есть ошибочные строки', 'ct.mode.best': 'Загрузить верные строки', 'ct.mode.all': 'Не загружать ничего',
    'ct.import': 'Загрузить', 'ct.chooseFile': 'Сначала выберите файл.',
    'ct.report': 'Итоги импорта', 'ct.received': 'Прочитано строк', 'ct.imported': 'Добавлено', 'ct.updated': 'Обновлено',
    'ct.duplicates': 'Дубликаты без изменений', 'ct.rejectedRows': 'Строк с ошибками', 'ct.status': 'Состояние',
    'ct.badRows': 'Строки, которые не загружены', 'ct.line': 'Строка', 'ct.column': 'Столбец', 'ct.reason': 'Ошибка',
    'ct.wholeRow': '(вся строка)', 'ct.noBadRows': 'Все строки верны.',
    'ct.rowsSoFar': 'Прочитано строк: {0}, сохранено: {1}…',
    'ct.exportTitle': 'Экспорт', 'ct.format': 'Формат', 'ct.export': 'Выгрузить',
    'ct.exportFiltered': 'Выгрузить с фильтрами списка', 'ct.exported': 'Сохранено: {0} ({1} КБ).',
    'ld.status.NEW': 'Новый', 'ld.status.QUALIFIED': 'Подтверждён', 'ld.status.MEETING_SET': 'Назначена встреча',
    'ld.status.WON': 'Сделка', 'ld.status.LOST': 'Потерян',
  },
});

/** Digits, '+', spaces, dashes, dots and brackets with at least five digits: a phone number, else a name. */
export const looksLikePhone = (text) => /^[+\d\s().-]+$/.test(text) && text.replace(/\D/g, '').length >= 5;

const PAGE_SIZE = 25;
export const can = (me, ...roles) => (me?.roles || []).some((r) => roles.includes(r));
let viewer = null; // the signed-in user (GET /api/me) the contacts screen was drawn for
export const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));
const csvList = (text) => text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);

/** A pager under a paged table: "Page 2 of 7", previous and next as real buttons. */
export function pager(id, page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  if (pages <= 1) return null;
  return el('nav', { class: 'pager row', id, 'aria-label': t('ct.pages') },
    el('button', { type: 'button', class: 'link', disabled: page.page <= 0, 'aria-label': t('ct.prev'),
      onclick: () => go(page.page - 1) }, '‹'),
    el('span', {}, t('ct.page', formatNumber(page.page + 1), formatNumber(pages))),
    el('button', { type: 'button', class: 'link', disabled: page.page + 1 >= pages, 'aria-label': t('ct.next'),
      onclick: () => go(page.page + 1) }, '›'));
}

export function contactsView(main, me, params = []) {
  viewer = me;
  const query = el('input', { id: 'contacts-query', type: 'search', autocomplete: 'off' });
  const tag = el('input', { id: 'contacts-tag', type: 'search', autocomplete: 'off' });
  const company = el('input', { id: 'contacts-company', type: 'search', autocomplete: 'off', placeholder: t('ct.companyHint') });
  const form = el('form', { id: 'contacts-search', class: 'row', role: 'search' },
    field(t('contacts.query'), query), field(t('ct.tag'), tag), field(t('ct.company'), company),
    el('button', { type: 'submit', class: 'primary', id: 'contacts-find' }, t('inbound.find')),
    can(me, 'ADMIN', 'SUPERVISOR', 'OPERATOR')
      ? el('button', { type: 'button', class: 'secondary', id: 'contacts-new', onclick: () => editForm(card, null, afterSave) }, t('ct.new'))
      : null);
  const results = el('div', { id: 'contacts-results', 'aria-live': 'polite' });
  const card = el('section', { id: 'contact-card', 'aria-label': t('contacts') });
  let request = 0;
  let current = {};

  const filters = () => {
    const text = query.value.trim();
    const f = {};
    if (text) f[looksLikePhone(text) ? 'phone' : 'q'] = text;
    if (tag.value.trim()) f.tag = tag.value.trim();
    if (company.value.trim()) f.company = company.value.trim();
    return f;
  };
  // only the answer to the latest request is drawn: a slow first page never overwrites a later search
  const load = async (page, searched) => {
    const mine = ++request;
    current = filters();
    clear(results, el('p', {}, t('loading')));
    try {
      const found = await get('/api/contacts', { ...current, page, size: PAGE_SIZE });
      if (mine !== request) return;
      if (found.items.length === 0) {
        clear(results, el('p', { id: 'contacts-empty' }, t('contacts.none')));
        return;
      }
      const names = await companyNames(found.items.map((c) => c.companyId));
      if (mine !== request) return;
      clear(results, el('p', { id: 'contacts-total', class: 'hint' }, t('ct.total', formatNumber(found.total))),
        contactsTable(found.items, names, (id) => openCard(card, id, me, afterSave)),
        pager('contacts-pager', found, (p) => load(p, false)));
      if (searched && found.items.length === 1) openCard(card, found.items[0].id, me, afterSave);
    } catch (e) {
      if (mine === request) clear(results, failure(e));
    }
  };
  const afterSave = (saved) => {
    load(0, false);
    if (saved) openCard(card, saved.id, me, afterSave);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear(card);
    load(0, true);
  });
  main.append(form, transferPanel(me, () => current, () => load(0, false)), results, card);
  load(0, false);
  if (/^\d+$/.test(params[0] || '')) openCard(card, Number(params[0]), me, afterSave);
  else query.focus();
}

const companyCache = new Map();

/** The names of the companies these ids name, each fetched once per page life (an unknown one shows its number). */
async function companyNames(ids) {
  const wanted = [...new Set(ids.filter((id) => id != null && !companyCache.has(id)))];
  await Promise.all(wanted.map(async (id) => {
    try {
      companyCache.set(id, (await get(`/api/companies/${id}`)).name);
    } catch (e) {
      companyCache.set(id, `#${id}`);
    }
  }));
  return companyCache;
}

function contactsTable(contacts, companies, open) {
  const head = ['ct.name', 'ct.phones', 'contacts.city', 'ct.company', 'contacts.tags', 'ct.dnc'];
  return el('table', { class: 'data', id: 'contacts-table' },
    el('caption', { class: 'visually-hidden' }, t('ct.list')),
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, contacts.map((c) => el('tr', { dataset: { id: c.id } },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'figure contact-open', dataset: { id: c.id },
        onclick: () => open(c.id) }, c.fullName || '—')),
      el('td', {}, (c.phones || []).map((p, i) => [i ? ', ' : '', phone(p.number)])),
      el('td', {}, c.city ?? ''),
      el('td', {}, c.companyId == null ? '' : companies.get(c.companyId) ?? ''),
      el('td', {}, (c.tags || []).join(', ')),
      el('td', {}, c.doNotCall ? t('ct.dnc') : '')))));
}

async function section(title, load, draw) {
  try {
    const items = await load();
    return el('section', {}, el('h3', {}, title), items.length ? draw(items) : el('p', {}, t('contacts.nothing')));
  } catch (e) {
    return el('section', {}, el('h3', {}, title),
      el('p', { class: 'message' }, e.status === 403 ? t('contacts.notAllowed') : t('error.generic', e.message)));
  }
}

/** A lead's status as a badge; the card's and the leads screen's tables share it. */
export function statusBadge(status) {
  return el('span', { class: `badge status-${String(status).toLowerCase()}`, dataset: { status } },
    t(`ld.status.${status}`));
}

function leadsTable(leads) {
  const evidence = hasLeadEvidence(leads);
  const head = ['lead.id', 'lead.created', 'call.campaign', 'call.operator', 'lead.status', 'lead.value'];
  if (evidence) head.push('ev.evidence');
  return el('table', { class: 'data', id: 'contact-leads' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, leads.map((l) => el('tr', { dataset: { id: l.id } },
      el('td', {}, `#${l.id}`), el('td', {}, formatDateTime(l.createdAt)), el('td', {}, l.campaign ?? '—'),
      el('td', {}, l.operator ?? '—'), el('td', {}, statusBadge(l.status)),
      el('td', { class: 'num' }, formatNumber(l.estimatedValue, 2)),
      evidence ? el('td', { class: 'evidence' }, leadEvidence(l)) : null))));
}

/** The contact's calls; a call with a recording gets a Play button that fetches it as a Blob into the player. */
function callsTable(calls, player) {
  const head = ['call.started', 'call.direction', 'call.operator', 'call.campaign', 'call.talk', 'call.outcome', 'ct.recording'];
  return el('table', { class: 'data', id: 'contact-calls-table' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, calls.map((c) => el('tr', { dataset: { callId: c.id } },
      el('td', {}, formatDateTime(c.startedAt)), el('td', {}, c.direction), el('td', {}, c.operator ?? '—'),
      el('td', {}, c.campaign ?? '—'), el('td', { class: 'num' }, formatNumber(c.talkSeconds)),
      el('td', {}, c.outcome ?? ''),
      el('td', { class: 'recording' }, c.recording ? [el('button', {
        type: 'button', class: 'outcome contact-play', dataset: { callId: c.id },
        'aria-label': `${t('ct.play')}: ${formatDateTime(c.startedAt)}`, onclick: () => player.play(c),
      }, t('ct.play')), recordingHash(c)] : t('ct.noRecording'))))));
}

function recordingPlayer() {
  const audio = el('audio', { id: 'contact-audio', controls: true, preload: 'metadata', hidden: true });
  const caption = el('p', { id: 'contact-audio-status', role: 'status' });
  const checked = el('p', { id: 'contact-audio-check', class: 'hash-check' });
  const versions = el('div', { id: 'contact-versions' });
  const element = el('div', { class: 'player' }, caption, audio, checked, versions);
  return {
    element,
    async play(call) {
      clear(caption, t('loading'));
      clear(checked);
      clear(versions);
      recordingVersions(call.id).then((table) => { if (table) clear(versions, table); });
      try {
        if (!(await loadRecording(audio, call.id, { claimed: call.recordingSha256,
          onChecked: (r) => verification(checked, r) }))) return;
        audio.hidden = false;
        audio.dataset.callId = call.id;
        clear(caption, t('ct.playing', formatDateTime(call.startedAt)));
        audio.play().catch(() => {}); // a browser that refuses autoplay still shows the controls
        audio.focus();
      } catch (e) {
        clear(caption, failure(e));
      }
    },
  };
}

function callbacksTable(callbacks) {
  const head = ['ct.cb.due', 'call.number', 'ct.cb.owner', 'ct.cb.state', 'ct.cb.note'];
  return el('table', { class: 'data', id: 'contact-callbacks' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, callbacks.map((c) => el('tr', { dataset: { id: c.id } },
      el('td', { class: c.overdue ? 'overdue' : null }, formatDateTime(c.dueAt)), el('td', {}, phone(c.number)),
      el('td', {}, c.owner ?? t('ct.cb.pool')), el('td', {}, c.state), el('td', {}, c.note ?? '')))));
}

async function openCard(target, id, me, afterSave) {
  clear(target, el('p', {}, t('loading')));
  try {
    const contact = await get(`/api/contacts/${id}`);
    const player = recordingPlayer();
    const [calls, leads, callbacks, companies] = await Promise.all([
      section(t('inbound.history'), async () => (await get('/api/calls', { contactId: id, size: 50, sort: '-startedAt' })).items,
        (items) => callsTable(items, player)),
      section(t('leads'), async () => (await get('/api/leads', { contactId: id, size: 50 })).items, leadsTable),
      section(t('ct.callbacks'), async () => (await get('/api/callbacks', { contactId: id, state: 'all', size: 50 })).items,
        callbacksTable),
      companyNames([contact.companyId]),
    ]);
    const consent = contact.consent || {};
    const facts = [
      ['inbound.phones', (contact.phones || []).map((p, i) => [i ? ', ' : '', phone(p.number),
        p.kind ? ` (${t('ct.kind.' + p.kind)})` : ''])],
      ['contacts.emails', (contact.emails || []).join(', ')],
      ['ct.company', contact.companyId == null ? null : companies.get(contact.companyId)],
      ['ct.position', contact.position],
      ['ct.birthday', contact.birthday ? formatDate(contact.birthday) : null],
      ['contacts.city', contact.city],
      ['contacts.timeZone', contact.timeZone],
      ['contacts.tags', (contact.tags || []).join(', ')],
      ['ct.consent', consent.given ? t('ct.consentYes', consent.source ?? '—', formatDate(consent.date)) : t('ct.consentNo')],
      ['ct.sourceCampaign', contact.sourceCampaign],
      ['ct.owner', contact.owner],
      ['contacts.notes', contact.notes],
    ].filter(([, value]) => value && (!Array.isArray(value) || value.length));
    const reopen = (saved) => (afterSave ? afterSave(saved) : openCard(target, id, me));
    clear(target, el('div', { class: 'card', id: 'contact-card-body', dataset: { id: contact.id, version: contact.version } },
      el('div', { class: 'row card-head' },
        el('h2', { id: 'card-name', class: 'name', tabindex: -1 }, contact.fullName || '—'),
        can(me, 'ADMIN', 'SUPERVISOR', 'OPERATOR') && !contact.erased
          ? el('button', { type: 'button', class: 'secondary', id: 'contact-edit', onclick: () => editForm(target, contact, reopen) }, t('ct.edit'))
          : null),
      contact.doNotCall ? el('p', { class: 'message', id: 'card-dnc' }, t('contacts.doNotCall')) : null,
      el('dl', { class: 'facts' }, facts.map(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
      el('div', { id: 'contact-calls' }, calls, player.element), leads, callbacks));
    target.querySelector('h2').focus();
  } catch (e) {
    clear(target, failure(e));
  }
}

/** A form field with the place where the server's message about it is shown (aria-describedby points there). */
function checkedField(labelText, control, path) {
  const error = el('span', { class: 'field-error', id: `${control.id}-error`, dataset: { errorFor: path } });
  control.dataset.field = path;
  control.setAttribute('aria-describedby', error.id);
  return el('div', { class: 'field-wrap' }, field(labelText, control), error);
}

/** Shows each violation next to its field ("phones[1].number", "emails[0]"…); the rest in the form's message. */
export function showViolations(form, violations, message) {
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  const unplaced = [];
  for (const v of violations) {
    const path = v.field || '';
    const control = form.querySelector(`[data-field="${CSS.escape(path)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(path.replace(/\[\d+\]$/, ''))}"]`)
      || form.querySelector(`[data-field="${CSS.escape(path.replace(/\[\d+\]\..*$/, ''))}"]`);
    const error = control && form.querySelector(`#${CSS.escape(control.id)}-error`);
    if (error) {
      control.setAttribute('aria-invalid', 'true');
      error.textContent = error.textContent ? `${error.textContent}; ${v.message}` : v.message;
    } else {
      unplaced.push(`${path}: ${v.message}`);
    }
  }
  if (unplaced.length) message.append(el('ul', {}, unplaced.map((text) => el('li', {}, text))));
  form.querySelector('[aria-invalid="true"]')?.focus();
}

const KINDS = ['', 'mobile', 'work', 'home'];
let timeZones = null;

function timeZoneList() {
  if (!timeZones) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    timeZones = el('datalist', { id: 'contact-time-zones' }, zones.map((z) => el('option', { value: z })));
  }
  return timeZones;
}

/** The new/edit form: phones with their kind, e-mails, company, consent, do-not-call; saved with the version read. */
async function editForm(target, contact, done) {
  let companies = [];
  try {
    companies = (await get('/api/companies', { size: 500 })).items;
  } catch (e) {
    companies = [];
  }
  const phones = el('div', { id: 'contact-form-phones' });
  const phoneRows = [];
  const addPhone = (p = {}) => {
    const n = phoneRows.length;
    const number = el('input', { id: `contact-phone-${n}`, type: 'tel', autocomplete: 'off', value: p.number || '' });
    const kind = el('select', { id: `contact-kind-${n}` }, KINDS.map((k) => el('option', { value: k }, t(k ? `ct.kind.${k}` : 'ct.kind.auto'))));
    kind.value = p.kind || '';
    const row = el('div', { class: 'row phone-row' },
      checkedField(t('ct.phoneN', n + 1), number, `phones[${n}].number`),
      checkedField(t('ct.kind'), kind, `phones[${n}].kind`));
    row.append(el('button', { type: 'button', class: 'link', 'aria-label': t('ct.removePhone', n + 1),
      onclick: () => { number.value = ''; row.hidden = true; } }, '×'));
    phoneRows.push({ number, kind, row });
    phones.append(row);
  };
  (contact?.phones?.length ? contact.phones : [{}]).forEach((p) => addPhone(p));

  const input = (id, value, attrs = {}) => el('input', { id, autocomplete: 'off', value: value ?? '', ...attrs });
  const fullName = input('contact-full-name', contact?.fullName, { required: true, maxlength: 300 });
  const emails = input('contact-emails', (contact?.emails || []).join(', '));
  const position = input('contact-position', contact?.position, { maxlength: 200 });
  const birthday = input('contact-birthday', contact?.birthday, { type: 'date' });
  const city = input('contact-city', contact?.city, { maxlength: 200 });
  const timeZone = input('contact-time-zone', contact?.timeZoneOverridden ? contact.timeZone : '',
    { list: 'contact-time-zones', placeholder: contact?.timeZone || 'Europe/Moscow' });
  const tags = input('contact-tags', (contact?.tags || []).join(', '));
  const company = el('select', { id: 'contact-company' }, el('option', { value: '' }, t('ct.noCompany')),
    companies.map((c) => el('option', { value: c.id }, c.name)));
  company.value = contact?.companyId ?? '';
  const consent = contact?.consent || {};
  const consentGiven = el('input', { id: 'contact-consent', type: 'checkbox', checked: !!consent.given });
  const consentSource = input('contact-consent-source', consent.source, { maxlength: 300 });
  const consentDate = input('contact-consent-date', consent.date, { type: 'date' });
  const doNotCall = el('input', { id: 'contact-dnc', type: 'checkbox', checked: !!contact?.doNotCall });
  const notes = el('textarea', { id: 'contact-notes', rows: 3, maxlength: 4000 }, contact?.notes ?? '');
  const message = el('div', { id: 'contact-form-message', role: 'alert' });
  const save = el('button', { type: 'submit', class: 'primary', id: 'contact-save' }, t('ct.save'));
  const consentError = el('span', { class: 'field-error', id: 'contact-consent-error' });
  consentGiven.dataset.field = 'consent.given';
  consentGiven.setAttribute('aria-describedby', consentError.id);

  const form = el('form', { id: 'contact-form', class: 'card', novalidate: true },
    el('h2', { tabindex: -1 }, contact ? t('ct.form.edit', contact.fullName) : t('ct.form.new')),
    checkedField(t('ct.fullName'), fullName, 'fullName'),
    el('fieldset', { class: 'phones' }, el('legend', {}, t('ct.phones')), phones,
      el('button', { type: 'button', class: 'link', id: 'contact-add-phone', onclick: () => addPhone() }, t('ct.addPhone'))),
    el('div', { class: 'grid2' },
      checkedField(t('ct.emailsHint'), emails, 'emails'),
      checkedField(t('ct.tagsHint'), tags, 'tags'),
      checkedField(t('ct.company'), company, 'companyId'),
      checkedField(t('ct.position'), position, 'position'),
      checkedField(t('contacts.city'), city, 'city'),
      checkedField(t('ct.timeZoneHint'), timeZone, 'timeZone'),
      checkedField(t('ct.birthday'), birthday, 'birthday')),
    timeZoneList(),
    el('fieldset', { class: 'row' }, el('legend', {}, t('ct.consent')),
      el('div', { class: 'field-wrap' }, el('label', { class: 'check' }, consentGiven, el('span', {}, t('ct.consentGiven'))), consentError),
      checkedField(t('ct.consentSource'), consentSource, 'consent.source'),
      checkedField(t('ct.consentDate'), consentDate, 'consent.date')),
    el('label', { class: 'check' }, doNotCall, el('span', {}, t('ct.doNotCall'))),
    checkedField(t('contacts.notes'), notes, 'notes'),
    el('div', { class: 'row' }, save,
      el('button', { type: 'button', class: 'secondary', id: 'contact-cancel', onclick: () => done(contact) }, t('ct.cancel'))),
    message);

  const body = () => {
    const kept = phoneRows.filter((p) => !p.row.hidden && p.number.value.trim());
    // the server names phones by their position in what was sent: renumber the fields to match
    phoneRows.forEach((p) => { p.number.dataset.field = ''; p.kind.dataset.field = ''; });
    kept.forEach((p, i) => { p.number.dataset.field = `phones[${i}].number`; p.kind.dataset.field = `phones[${i}].kind`; });
    return {
      fullName: fullName.value.trim(),
      phones: kept.map((p) => ({ number: p.number.value.trim(), kind: p.kind.value || null })),
      emails: csvList(emails.value), tags: csvList(tags.value),
      companyId: company.value ? Number(company.value) : null,
      position: position.value.trim() || null, birthday: birthday.value || null, city: city.value.trim() || null,
      timeZone: timeZone.value.trim() || null, notes: notes.value.trim() || null,
      consent: { given: consentGiven.checked, source: consentSource.value.trim() || null, date: consentDate.value || null },
      doNotCall: doNotCall.checked,
      version: contact ? contact.version : null,
    };
  };
  const submit = async (allowDuplicate) => {
    clear(message);
    showViolations(form, [], message);
    save.disabled = true;
    const suffix = allowDuplicate ? '?allowDuplicate=true' : '';
    try {
      const saved = contact ? await put(`/api/contacts/${contact.id}${suffix}`, body())
        : await post(`/api/contacts${suffix}`, body());
      done(saved);
    } catch (e) {
      save.disabled = false;
      const existing = e.problem?.existing;
      if (e.status === 409 && existing?.id) {
        clear(message, el('div', { id: 'contact-duplicate', class: 'message' },
          el('p', {}, t('ct.duplicate'), ' ',
            el('a', { href: `#/contacts/${existing.id}`, id: 'contact-duplicate-link', dataset: { id: existing.id } },
              t('ct.openExisting', existing.fullName ?? `#${existing.id}`))),
          el('p', {}, e.message),
          el('button', { type: 'button', class: 'secondary', id: 'contact-save-anyway', onclick: () => submit(true) },
            t('ct.saveAnyway'))));
      } else if (e.status === 409) {
        clear(message, el('div', { id: 'contact-stale', class: 'message' }, el('p', {}, t('ct.stale')), el('p', {}, e.message),
          el('button', { type: 'button', class: 'secondary', id: 'contact-reload',
            onclick: () => openCard(target, contact.id, viewer, done) }, t('ct.reload'))));
      } else {
        const violations = e.problem?.violations || [];
        clear(message, violations.length ? el('p', { class: 'message' }, t('ct.fix')) : failure(e));
        showViolations(form, violations, message);
      }
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(false);
  });
  clear(target, form);
  fullName.focus();
}

/** Import (file → upload with progress → the report with every bad row) and export (download with progress). */
function transferPanel(me, currentFilters, reload) {
  const mayImport = can(me, 'ADMIN', 'SUPERVISOR', 'OPERATOR');
  const mayExport = can(me, 'ADMIN', 'SUPERVISOR', 'MARKETER', 'CLIENT');
  if (!mayImport && !mayExport) return null;
  return el('details', { id: 'contacts-transfer', class: 'card transfer' },
    el('summary', {}, t('ct.transfer')),
    el('div', { class: 'grid2' },
      mayImport ? importForm('contacts', '/api/contacts/import', t('ct.importTitle'), reload) : null,
      mayExport ? exportForm('contacts', '/api/contacts/export', currentFilters) : null));
}

/** An import form; prefix names its elements (prefix-import-file, prefix-import-report…). */
export function importForm(prefix, path, title, after) {
  const file = el('input', { id: `${prefix}-import-file`, type: 'file',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const mode = el('select', { id: `${prefix}-import-mode` },
    el('option', { value: 'best-effort' }, t('ct.mode.best')), el('option', { value: 'all-or-nothing' }, t('ct.mode.all')));
  const button = el('button', { type: 'submit', class: 'primary', id: `${prefix}-import-start` }, t('ct.import'));
  const progress = progressBar(`${prefix}-import-progress`);
  const report = el('div', { id: `${prefix}-import-report`, 'aria-live': 'polite' });
  const form = el('form', { id: `${prefix}-import`, class: 'import' },
    el('h3', {}, title), field(t('ct.file'), file), field(t('ct.mode'), mode), button, progress.element, report);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(report);
    const chosen = file.files[0];
    if (!chosen) {
      clear(report, el('p', { class: 'message', role: 'alert' }, t('ct.chooseFile')));
      file.focus();
      return;
    }
    button.disabled = true;
    try {
      // started in the background (202): the rows read so far are shown until the report is final
      let result = await upload(`${path}?mode=${encodeURIComponent(mode.value)}&async=true`, chosen, progress);
      if (result?.status === 'RUNNING' && result.id != null) {
        progress.working();
        result = await follow(result.id, (r) => clear(report, el('p', { id: `${prefix}-import-rows`, class: 'hint' },
          t('ct.rowsSoFar', formatNumber(r.received), formatNumber(r.imported + r.updated)))));
        progress.done();
      }
      clear(report, importReport(prefix, result));
      report.querySelector('h4')?.focus({ preventScroll: true });
      report.scrollIntoView({ block: 'start' });
      after?.(result);
    } catch (e) {
      const violations = e.problem?.violations || [];
      clear(report, failure(e), violations.length
        ? el('ul', { class: 'message' }, violations.map((v) => el('li', {}, `${v.field ?? ''}: ${v.message ?? ''}`))) : null);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Asks for a background import's progress until it is no longer RUNNING; answers its final report. */
async function follow(id, onProgress) {
  for (;;) {
    await pause(250);
    const r = await get(`/api/imports/${id}`);
    if (r.status !== 'RUNNING') return r;
    onProgress(r);
  }
}

/** The summary of an import and a table of every rejected row, as the server reports them. */
export function importReport(prefix, r) {
  const rejected = r.rejected || [];
  const badLines = new Set(rejected.map((x) => x.line));
  const figures = [['ct.received', r.received], ['ct.imported', r.imported], ['ct.updated', r.updated],
    ['ct.duplicates', r.duplicates], ['ct.rejectedRows', badLines.size]];
  return el('div', { class: 'report' },
    el('h4', { tabindex: -1 }, t('ct.report')),
    el('dl', { class: 'facts', id: `${prefix}-import-summary` }, figures.map(([key, value]) => [
      el('dt', {}, t(key)), el('dd', { dataset: { figure: key.slice(3) } }, formatNumber(value))])),
    r.status === 'FAILED' || r.message ? el('p', { class: 'message', role: 'alert' }, r.message ?? r.status) : null,
    rejected.length === 0 ? el('p', { class: 'ok' }, t('ct.noBadRows')) : el('table', { class: 'data', id: `${prefix}-import-errors` },
      el('caption', {}, t('ct.badRows')),
      el('thead', {}, el('tr', {}, ['ct.line', 'ct.column', 'ct.reason'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, rejected.map((x) => el('tr', { dataset: { line: x.line } },
        el('td', { class: 'num' }, formatNumber(x.line)), el('td', {}, x.column ?? t('ct.wholeRow')), el('td', {}, x.reason))))));
}

/** An export form: CSV or XLSX, optionally with the list's filters, downloaded with progress. */
export function exportForm(prefix, path, currentFilters) {
  const format = el('select', { id: `${prefix}-export-format` },
    el('option', { value: 'csv' }, 'CSV'), el('option', { value: 'xlsx' }, 'XLSX (Excel)'));
  const filtered = el('input', { id: `${prefix}-export-filtered`, type: 'checkbox', checked: true });
  const button = el('button', { type: 'submit', class: 'primary', id: `${prefix}-export` }, t('ct.export'));
  const progress = progressBar(`${prefix}-export-progress`);
  const status = el('p', { id: `${prefix}-export-status`, role: 'status' });
  const form = el('form', { id: `${prefix}-export-form`, class: 'export' },
    el('h3', {}, t('ct.exportTitle')), field(t('ct.format'), format),
    currentFilters ? el('label', { class: 'check' }, filtered, el('span', {}, t('ct.exportFiltered'))) : null,
    button, progress.element, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(status);
    button.disabled = true;
    const params = new URLSearchParams({ ...(currentFilters && filtered.checked ? currentFilters() : {}), format: format.value });
    try {
      const saved = await download(`${path}?${params}`, `${prefix}.${format.value}`, progress);
      clear(status, t('ct.exported', saved.name, formatNumber(Math.ceil(saved.size / 1024))));
    } catch (e) {
      clear(status, failure(e));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
