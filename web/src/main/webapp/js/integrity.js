// Integrity (SUPERVISOR, ADMIN and the client portal): the tamper trail — every manual change that touches evidence or
// the figures, who made it, when, the value before and after — filtered by period, campaign, operator and kind, paged,
// exported as CSV or XLSX with progress; and the check of the call records: the chain of the PBX's records recomputed
// for each day of the period and compared with the seal stored for it, a changed day shown as such. A CLIENT user
// gets its own campaigns' entries and the centre-wide ones only (the API decides).
import { clear, el, field } from './dom.js';
import { t, has, addStrings, formatDate, formatDateTime, formatNumber, today } from './i18n.js';
import { get } from './api.js';
import { exportButtons } from './anomalies.js';
import { pager } from './contacts.js';
import { hashText } from './evidence.js';
import { showProblem } from './violations.js';

export const KINDS = ['LEAD_IMPORTED', 'LEAD_ENTERED', 'LEAD_EDITED', 'LEAD_REATTRIBUTED', 'LEAD_DELETED',
  'OUTCOME_CHANGED', 'NOTES_CHANGED', 'RECORDING_ATTACHED', 'RECORDING_REPLACED', 'CALL_DELETED', 'CALL_MERGED',
  'RECORD_REIMPORTED', 'THRESHOLD_CHANGED', 'PLAN_CHANGED', 'EXTENSION_REMAPPED',
  'CALLS_ADOPTED', 'CALLS_REATTRIBUTED', 'PERSONAL_DATA_ERASED'];
const SUBJECTS = ['lead', 'call', 'recording', 'settings', 'campaign', 'plan', 'user', 'record', 'extension', 'contact'];

addStrings({
  en: {
    'integrity': 'Integrity', 'ig.trail': 'Changes made by people', 'ig.trailHint':
      'Every manual change that touches the evidence (call records, recordings, the server\'s clock) or the figures.',
    'ig.from': 'From', 'ig.to': 'To', 'ig.campaign': 'Campaign', 'ig.anyCampaign': 'Any campaign',
    'ig.operator': 'Operator (username)', 'ig.kind': 'Kind of change', 'ig.anyKind': 'Any kind', 'ig.show': 'Show',
    'ig.empty': 'No changes in this period.', 'ig.total': 'Changes found: {0}', 'ig.list': 'Changes',
    'ig.at': 'When', 'ig.by': 'Who', 'ig.subject': 'What', 'ig.change': 'Before → after', 'ig.reason': 'Reason',
    'ig.centreWide': 'whole centre', 'ig.none': 'none',
    'ig.kind.LEAD_IMPORTED': 'Lead with a past time (import)', 'ig.kind.LEAD_ENTERED': 'Lead entered for an operator',
    'ig.kind.LEAD_EDITED': 'Lead edited', 'ig.kind.LEAD_REATTRIBUTED': 'Lead given to another operator',
    'ig.kind.LEAD_DELETED': 'Lead deleted', 'ig.kind.OUTCOME_CHANGED': 'Outcome changed',
    'ig.kind.NOTES_CHANGED': 'Call notes changed', 'ig.kind.RECORDING_ATTACHED': 'Recording attached by hand',
    'ig.kind.RECORDING_REPLACED': 'Recording replaced', 'ig.kind.CALL_DELETED': 'Call deleted',
    'ig.kind.CALL_MERGED': 'Calls merged', 'ig.kind.RECORD_REIMPORTED': 'PBX record re-imported, changed',
    'ig.kind.THRESHOLD_CHANGED': 'Threshold changed', 'ig.kind.PLAN_CHANGED': 'Plan changed',
    'ig.kind.EXTENSION_REMAPPED': 'Extension re-mapped',
    'ig.kind.CALLS_ADOPTED': 'Unassigned calls adopted', 'ig.kind.CALLS_REATTRIBUTED': 'Calls moved with their extension',
    'ig.kind.PERSONAL_DATA_ERASED': 'Personal data erased on request', 'ig.subject.contact': 'Contact',
    'ig.subject.lead': 'Lead', 'ig.subject.call': 'Call', 'ig.subject.recording': 'Recording',
    'ig.subject.settings': 'Settings', 'ig.subject.campaign': 'Campaign', 'ig.subject.plan': 'Plan',
    'ig.subject.user': 'User', 'ig.subject.record': 'PBX record', 'ig.subject.extension': 'Extension',
    'ig.verify': 'Check the call records', 'ig.verifyHint':
      'Recomputes each day\'s chain of PBX call records and compares it with the seal stored for that day.',
    'ig.verifyRun': 'Check the call records', 'ig.verifyFrom': 'Days from', 'ig.verifyTo': 'to',
    'ig.verifyOk': 'All {0} days check out: the call records are as the PBX delivered them.',
    'ig.verifyChanged': 'Changed since they were sealed: {0}.', 'ig.verifyEmpty': 'No days to check in this period.',
    'ig.day': 'Day', 'ig.records': 'Records', 'ig.status': 'State', 'ig.recordsHash': 'Records hash',
    'ig.storedRecordsHash': 'Sealed records hash', 'ig.chainHash': 'Chain hash', 'ig.storedChainHash': 'Sealed chain hash',
    'ig.status.OK': 'Intact', 'ig.status.CHANGED': 'Changed', 'ig.status.UNSEALED': 'Not sealed yet',
    'ig.differs': 'differs from the seal', 'ig.unavailable': 'The server cannot check the call records yet.',
    'ig.days': 'Days checked',
  },
  ru: {
    'integrity': 'Целостность', 'ig.trail': 'Изменения, сделанные людьми', 'ig.trailHint':
      'Каждое ручное изменение, затрагивающее доказательства (записи АТС, аудиозаписи, время сервера) или показатели.',
    'ig.from': 'С', 'ig.to': 'По', 'ig.campaign': 'Кампания', 'ig.anyCampaign': 'Любая кампания',
    'ig.operator': 'Оператор (логин)', 'ig.kind': 'Вид изменения', 'ig.anyKind': 'Любой вид', 'ig.show': 'Показать',
    'ig.empty': 'За этот период изменений нет.', 'ig.total': 'Найдено изменений: {0}', 'ig.list': 'Изменения',
    'ig.at': 'Когда', 'ig.by': 'Кто', 'ig.subject': 'Что', 'ig.change': 'Было → стало', 'ig.reason': 'Причина',
    'ig.centreWide': 'весь центр', 'ig.none': 'нет',
    'ig.kind.LEAD_IMPORTED': 'Лид с прошлым временем (импорт)', 'ig.kind.LEAD_ENTERED': 'Лид внесён за оператора',
    'ig.kind.LEAD_EDITED': 'Лид изменён', 'ig.kind.LEAD_REATTRIBUTED': 'Лид передан другому оператору',
    'ig.kind.LEAD_DELETED': 'Лид удалён', 'ig.kind.OUTCOME_CHANGED': 'Результат изменён',
    'ig.kind.NOTES_CHANGED': 'Заметки к звонку изменены', 'ig.kind.RECORDING_ATTACHED': 'Запись прикреплена вручную',
    'ig.kind.RECORDING_REPLACED': 'Запись заменена', 'ig.kind.CALL_DELETED': 'Звонок удалён',
    'ig.kind.CALL_MERGED': 'Звонки объединены', 'ig.kind.RECORD_REIMPORTED': 'Запись АТС загружена снова, иная',
    'ig.kind.THRESHOLD_CHANGED': 'Порог изменён', 'ig.kind.PLAN_CHANGED': 'План изменён',
    'ig.kind.EXTENSION_REMAPPED': 'Внутренний номер переназначен',
    'ig.kind.CALLS_ADOPTED': 'Неназначенные звонки приняты', 'ig.kind.CALLS_REATTRIBUTED': 'Звонки перешли с внутренним номером',
    'ig.kind.PERSONAL_DATA_ERASED': 'Персональные данные удалены по запросу', 'ig.subject.contact': 'Контакт',
    'ig.subject.lead': 'Лид', 'ig.subject.call': 'Звонок', 'ig.subject.recording': 'Запись',
    'ig.subject.settings': 'Настройки', 'ig.subject.campaign': 'Кампания', 'ig.subject.plan': 'План',
    'ig.subject.user': 'Пользователь', 'ig.subject.record': 'Запись АТС', 'ig.subject.extension': 'Внутренний номер',
    'ig.verify': 'Проверка записей о звонках', 'ig.verifyHint':
      'Заново вычисляет цепочку записей АТС за каждый день и сравнивает её с печатью, сохранённой для этого дня.',
    'ig.verifyRun': 'Проверить записи о звонках', 'ig.verifyFrom': 'Дни с', 'ig.verifyTo': 'по',
    'ig.verifyOk': 'Все дни ({0}) в порядке: записи о звонках такие, какими их передала АТС.',
    'ig.verifyChanged': 'Изменены после запечатывания: {0}', 'ig.verifyEmpty': 'В этом периоде нет дней для проверки.',
    'ig.day': 'День', 'ig.records': 'Записей', 'ig.status': 'Состояние', 'ig.recordsHash': 'Хеш записей',
    'ig.storedRecordsHash': 'Хеш записей в печати', 'ig.chainHash': 'Хеш цепочки', 'ig.storedChainHash': 'Хеш цепочки в печати',
    'ig.status.OK': 'Не изменён', 'ig.status.CHANGED': 'Изменён', 'ig.status.UNSEALED': 'Ещё не запечатан',
    'ig.differs': 'не совпадает с печатью', 'ig.unavailable': 'Сервер пока не умеет проверять записи о звонках.',
    'ig.days': 'Проверенные дни',
  },
});

const PAGE_SIZE = 25;

const daysAgo = (n) => {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A kind of change in words, its code beside it for whoever reads the export. */
export const kindLabel = (kind) => (has('ig.kind.' + kind) ? t('ig.kind.' + kind) : kind);

export function integrityView(main) {
  const from = el('input', { id: 'integrity-from', name: 'from', type: 'date', value: daysAgo(6), required: true });
  const to = el('input', { id: 'integrity-to', name: 'to', type: 'date', value: today(), required: true });
  const campaign = el('select', { id: 'integrity-campaign', name: 'campaign' },
    el('option', { value: '' }, t('ig.anyCampaign')));
  const operator = el('input', { id: 'integrity-operator', name: 'operator', autocomplete: 'off', size: 12 });
  const kind = el('select', { id: 'integrity-kind', name: 'kind' }, el('option', { value: '' }, t('ig.anyKind')),
    KINDS.map((k) => el('option', { value: k }, kindLabel(k))));
  const form = el('form', { id: 'integrity-filter', class: 'row' },
    field(t('ig.from'), from), field(t('ig.to'), to), field(t('ig.campaign'), campaign),
    field(t('ig.operator'), operator), field(t('ig.kind'), kind),
    el('button', { type: 'submit', class: 'primary', id: 'integrity-show' }, t('ig.show')));
  const message = el('div', { id: 'integrity-message' });
  const output = el('div', { id: 'integrity-trail', 'aria-live': 'polite' });
  let current = {};
  const filters = () => {
    const f = { from: from.value, to: to.value };
    if (campaign.value) f.campaign = campaign.value;
    if (operator.value.trim()) f.operator = operator.value.trim();
    if (kind.value) f.kind = kind.value;
    return f;
  };
  let request = 0;
  const load = async (page) => {
    const mine = ++request;
    current = filters();
    clear(message);
    clear(output, el('p', {}, t('loading')));
    try {
      const found = await get('/api/integrity/changes', { ...current, page, size: PAGE_SIZE, sort: '-at' });
      if (mine !== request) return;
      clear(output, trailTable(found), pager('integrity-pager', found, load));
    } catch (e) {
      if (mine !== request) return;
      clear(output);
      showProblem(message, e, form);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });
  const verify = verifyPanel(from, to);
  main.append(
    el('section', { id: 'integrity-changes', 'aria-labelledby': 'integrity-trail-title' },
      el('h2', { id: 'integrity-trail-title' }, t('ig.trail')), el('p', { class: 'hint' }, t('ig.trailHint')),
      form, exportButtons('/api/integrity/changes', () => current, 'tamper-trail', 'integrity-export'), message, output),
    verify);
  get('/api/campaigns', { size: 500 }).then((page) => campaign.append(...(page.items || [])
    .map((c) => el('option', { value: c.code }, c.name ? `${c.code} — ${c.name}` : c.code)))).catch(() => {});
  load(0);
}

function trailTable(page) {
  if (page.items.length === 0) return el('p', { id: 'integrity-empty' }, t('ig.empty'));
  const head = ['ig.at', 'ig.by', 'ig.kind', 'ig.subject', 'ig.campaign', 'call.operator', 'ig.change', 'ig.reason'];
  return [
    el('p', { id: 'integrity-total', class: 'count' }, t('ig.total', formatNumber(page.total))),
    el('table', { id: 'integrity-table', class: 'data trail' },
      el('caption', { class: 'visually-hidden' }, t('ig.list')),
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, page.items.map((c) => el('tr', {
        dataset: { id: c.id, kind: c.kind ?? '', campaign: c.campaign ?? '', subject: c.subject ?? '' },
      },
      el('td', {}, formatDateTime(c.at)), el('td', {}, c.by ?? '—'),
      el('th', { scope: 'row', class: 'kind' }, kindLabel(c.kind), ' ', el('span', { class: 'code' }, c.kind)),
      el('td', {}, SUBJECTS.includes(c.subject) ? t('ig.subject.' + c.subject) : (c.subject ?? '—'),
        c.subjectId ? ` #${c.subjectId}` : ''),
      el('td', {}, c.campaign ?? t('ig.centreWide')), el('td', {}, c.operator ?? '—'),
      el('td', { class: 'change' }, change(c)), el('td', {}, c.reason ?? '')))))];
}

/** "field: before → after"; a missing value is said as "none". */
function change(c) {
  const value = (v) => (v === null || v === undefined ? el('span', { class: 'hint' }, t('ig.none')) : el('span', { class: 'value' }, v));
  return [c.field ? el('code', { class: 'field-name' }, c.field) : null, c.field ? ': ' : null,
    el('span', { class: 'before' }, value(c.before)), ' → ', el('span', { class: 'after' }, value(c.after))];
}

/** The chain check of the call records for the trail's period, on request (it reads every record of those days). */
function verifyPanel(fromInput, toInput) {
  const output = el('div', { id: 'integrity-verify-output', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'primary', id: 'integrity-verify-run' }, t('ig.verifyRun'));
  const period = el('p', { class: 'hint', id: 'integrity-verify-period' });
  button.addEventListener('click', async () => {
    const from = fromInput.value || today();
    const to = toInput.value || today();
    clear(period, t('ig.days') + ': ' + formatDate(from) + ' – ' + formatDate(to));
    clear(output, el('p', {}, t('loading')));
    button.disabled = true;
    try {
      const result = await get('/api/integrity/verify', { from, to });
      clear(output, verifyResult(result));
    } catch (e) {
      clear(output, el('p', { class: 'message', role: 'alert', id: 'integrity-verify-failed' },
        e.status === 404 || e.status === 405 ? t('ig.unavailable') : t('error.generic', e.message)));
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { id: 'integrity-verify', class: 'card', 'aria-labelledby': 'integrity-verify-title' },
    el('h2', { id: 'integrity-verify-title' }, t('ig.verify')), el('p', { class: 'hint' }, t('ig.verifyHint')),
    button, period, output);
}

function verifyResult(result) {
  const days = result.days || [];
  if (days.length === 0) return el('p', { id: 'integrity-verify-empty' }, t('ig.verifyEmpty'));
  const changed = (result.changedDays || []).map((d) => (typeof d === 'string' ? d : d?.date)).filter(Boolean);
  const summary = result.ok
    ? el('p', { class: 'ok', id: 'integrity-verify-summary', dataset: { ok: 'true' } }, t('ig.verifyOk', formatNumber(days.length)))
    : el('p', { class: 'message', role: 'alert', id: 'integrity-verify-summary', dataset: { ok: 'false' } },
      t('ig.verifyChanged', changed.length ? changed.map(formatDate).join(', ')
        : days.filter((d) => d.status === 'CHANGED').map((d) => formatDate(d.date)).join(', ')));
  const head = ['ig.day', 'ig.records', 'ig.status', 'ig.recordsHash', 'ig.storedRecordsHash', 'ig.chainHash', 'ig.storedChainHash'];
  const hashCell = (value, label, stored) => {
    const differs = stored !== undefined && stored !== null && value && stored !== value;
    return el('td', { class: differs ? 'hash-cell differs' : 'hash-cell', title: differs ? t('ig.differs') : null },
      hashText(value, label) ?? '—');
  };
  return [summary, el('div', { class: 'scroll' }, el('table', { id: 'integrity-days', class: 'data days' },
    el('caption', { class: 'visually-hidden' }, t('ig.days')),
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, days.map((d) => el('tr', {
      class: d.status === 'CHANGED' || changed.includes(d.date) ? 'changed' : null, dataset: { date: d.date, status: d.status ?? '' },
    },
    el('th', { scope: 'row' }, formatDate(d.date)), el('td', { class: 'num' }, formatNumber(d.records)),
    el('td', {}, el('span', { class: `badge day-${String(d.status).toLowerCase()}`, dataset: { status: d.status ?? '' } },
      has('ig.status.' + d.status) ? t('ig.status.' + d.status) : (d.status ?? '—'))),
    hashCell(d.recordsHash, t('ig.recordsHash'), d.storedRecordsHash), hashCell(d.storedRecordsHash, t('ig.storedRecordsHash')),
    hashCell(d.chainHash, t('ig.chainHash'), d.storedChainHash), hashCell(d.storedChainHash, t('ig.storedChainHash')))))))];
}
