// Leads: a filtered, paged list (status, campaign, operator, period), a lead moved on to its next status with the
// version read (someone else's change in between is shown, not overwritten), import with the row report, export.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDateTime, formatNumber } from './i18n.js';
import { get, post } from './api.js';
import { can, exportForm, failure, importForm, pager, statusBadge } from './contacts.js';
import { hasLeadEvidence, leadEvidence } from './evidence.js';

addStrings({
  en: {
    'ld.filters': 'Filter leads', 'ld.anyStatus': 'Any status', 'ld.anyCampaign': 'Any campaign', 'ld.operator': 'Operator (username)',
    'ld.from': 'Created from', 'ld.to': 'to', 'ld.show': 'Show', 'ld.contact': 'Contact', 'ld.move': 'Change status',
    'ld.moveTo': 'New status for lead #{0}', 'ld.reason': 'Reason (required for LOST)', 'ld.reasonFor': 'Reason for lead #{0}',
    'ld.apply': 'Apply', 'ld.final': 'Final', 'ld.moved': 'Lead #{0} is now {1}.', 'ld.empty': 'No leads match.',
    'ld.total': 'Found: {0}', 'ld.list': 'Leads found',
    'ld.stale': 'Lead #{0} was changed by someone else meanwhile; the list is reloaded, please check and try again.',
    'ld.transfer': 'Import and export', 'ld.importTitle': 'Import leads (CSV or XLSX)',
  },
  ru: {
    'ld.filters': 'Отбор лидов', 'ld.anyStatus': 'Любой статус', 'ld.anyCampaign': 'Любая кампания',
    'ld.operator': 'Оператор (логин)', 'ld.from': 'Созданы с', 'ld.to': 'по', 'ld.show': 'Показать', 'ld.contact': 'Контакт',
    'ld.move': 'Сменить статус', 'ld.moveTo': 'Новый статус лида №{0}', 'ld.reason': 'Причина (обязательна для «Потерян»)',
    'ld.reasonFor': 'Причина для лида №{0}', 'ld.apply': 'Применить', 'ld.final': 'Окончательный',
    'ld.moved': 'Лид №{0} теперь в статусе «{1}».', 'ld.empty': 'Подходящих лидов нет.', 'ld.total': 'Найдено: {0}',
    'ld.list': 'Найденные лиды',
    'ld.stale': 'Лид №{0} тем временем изменил кто-то другой; список обновлён, проверьте и повторите.',
    'ld.transfer': 'Импорт и экспорт', 'ld.importTitle': 'Импорт лидов (CSV или XLSX)',
  },
});

const STATUSES = ['NEW', 'QUALIFIED', 'MEETING_SET', 'WON', 'LOST'];
const PAGE_SIZE = 25;

/** Where a lead may go from its status: forward to a later open stage, to WON, or to LOST (as LeadStatus says). */
export function nextStatuses(status) {
  if (status === 'WON' || status === 'LOST') return [];
  const at = STATUSES.indexOf(status);
  return STATUSES.filter((s, i) => s === 'LOST' || i > at);
}

export function leadsView(main, me) {
  const status = el('select', { id: 'leads-status' }, el('option', { value: '' }, t('ld.anyStatus')),
    STATUSES.map((s) => el('option', { value: s }, t(`ld.status.${s}`))));
  const campaign = el('select', { id: 'leads-campaign' }, el('option', { value: '' }, t('ld.anyCampaign')));
  const operator = el('input', { id: 'leads-operator', type: 'search', autocomplete: 'off' });
  const from = el('input', { id: 'leads-from', type: 'date' });
  const to = el('input', { id: 'leads-to', type: 'date' });
  const form = el('form', { id: 'leads-filters', class: 'row', 'aria-label': t('ld.filters') },
    field(t('lead.status'), status), field(t('call.campaign'), campaign), field(t('ld.operator'), operator),
    field(t('ld.from'), from), field(t('ld.to'), to),
    el('button', { type: 'submit', class: 'primary', id: 'leads-show' }, t('ld.show')));
  const message = el('div', { id: 'leads-message', role: 'status' });
  const results = el('div', { id: 'leads-results', 'aria-live': 'polite' });
  const mayMove = can(me, 'ADMIN', 'SUPERVISOR', 'OPERATOR');
  const mayImport = can(me, 'ADMIN', 'SUPERVISOR');
  const mayExport = can(me, 'ADMIN', 'SUPERVISOR', 'CLIENT');
  const linkContacts = (me?.navigation || []).some((n) => n.path === '/contacts');
  let request = 0;
  let shown = 0;
  let current = {};

  const filters = () => {
    const f = {};
    if (status.value) f.status = status.value;
    if (campaign.value) f.campaign = campaign.value;
    if (operator.value.trim()) f.operator = operator.value.trim();
    if (from.value) f.from = from.value;
    if (to.value) f.to = to.value;
    return f;
  };
  const load = async (page) => {
    const mine = ++request;
    current = filters();
    clear(results, el('p', {}, t('loading')));
    try {
      const found = await get('/api/leads', { ...current, page, size: PAGE_SIZE, sort: '-createdAt' });
      if (mine !== request) return;
      shown = page;
      if (found.items.length === 0) {
        clear(results, el('p', { id: 'leads-empty' }, t('ld.empty')));
        return;
      }
      clear(results, el('p', { id: 'leads-total', class: 'hint' }, t('ld.total', formatNumber(found.total))),
        leadsTable(found.items, { mayMove, linkContacts, move }),
        pager('leads-pager', found, load));
    } catch (e) {
      if (mine === request) clear(results, failure(e));
    }
  };
  const move = async (lead, next, reason) => {
    clear(message);
    try {
      const moved = await post(`/api/leads/${lead.id}/status`, { status: next, reason: reason || null, version: lead.version });
      clear(message, el('p', { class: 'ok', id: 'leads-moved' }, t('ld.moved', moved.id, t(`ld.status.${moved.status}`))));
      await load(shown);
    } catch (e) {
      if (e.status === 409) {
        clear(message, el('div', { class: 'message', id: 'leads-conflict', role: 'alert' },
          e.problem?.title === 'Edit conflict' ? el('p', {}, t('ld.stale', lead.id)) : null, el('p', {}, e.message)));
        await load(shown);
      } else {
        const violations = e.problem?.violations || [];
        clear(message, failure(e), violations.length ? el('ul', { class: 'message' },
          violations.map((v) => el('li', {}, `${v.field ?? ''}: ${v.message ?? ''}`))) : null);
      }
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });
  const transfer = mayImport || mayExport ? el('details', { id: 'leads-transfer', class: 'card transfer' },
    el('summary', {}, t('ld.transfer')),
    el('div', { class: 'grid2' },
      mayImport ? importForm('leads', '/api/leads/import', t('ld.importTitle'), () => load(0)) : null,
      mayExport ? exportForm('leads', '/api/leads/export', () => current) : null)) : null;
  main.append(form, transfer, message, results);
  get('/api/campaigns', { size: 500 }).then((page) => {
    campaign.append(...page.items.map((c) => el('option', { value: c.code }, `${c.name} (${c.code})`)));
  }).catch(() => {});
  load(0);
}

/** The leads with their contacts' names and first numbers, which the list's answer carries. */
function leadsTable(leads, { mayMove, linkContacts, move }) {
  // backed or not, and how it was entered: drawn once the server sends these fields
  const evidence = hasLeadEvidence(leads);
  const head = ['lead.id', 'lead.created', 'ld.contact', 'call.campaign', 'call.operator', 'lead.status', 'lead.value'];
  if (evidence) head.push('ev.evidence');
  if (mayMove) head.push('ld.move');
  return el('table', { class: 'data', id: 'leads-table' },
    el('caption', { class: 'visually-hidden' }, t('ld.list')),
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, leads.map((l) => {
      const name = l.contactName || `#${l.contactId}`;
      return el('tr', { dataset: { id: l.id, status: l.status, version: l.version } },
        el('th', { scope: 'row' }, `#${l.id}`), el('td', {}, formatDateTime(l.createdAt)),
        el('td', {}, linkContacts ? el('a', { href: `#/contacts/${l.contactId}` }, name) : name,
          l.contactNumber ? [' ', phone(l.contactNumber)] : null),
        el('td', {}, l.campaign ?? '—'), el('td', {}, l.operator ?? '—'),
        el('td', {}, statusBadge(l.status), l.lostReason ? ` ${l.lostReason}` : null),
        el('td', { class: 'num' }, formatNumber(l.estimatedValue, 2)),
        evidence ? el('td', { class: 'evidence' }, leadEvidence(l)) : null,
        mayMove ? el('td', {}, moveControls(l, move)) : null);
    })));
}

/** A select of the statuses this lead may go to, a reason field (shown for LOST) and a button. */
function moveControls(lead, move) {
  const options = nextStatuses(lead.status);
  if (options.length === 0) return el('span', { class: 'hint' }, t('ld.final'));
  const select = el('select', { class: 'lead-next', id: `lead-next-${lead.id}`, 'aria-label': t('ld.moveTo', lead.id) },
    options.map((s) => el('option', { value: s }, t(`ld.status.${s}`))));
  const reason = el('input', { class: 'lead-reason', id: `lead-reason-${lead.id}`, maxlength: 300,
    'aria-label': t('ld.reasonFor', lead.id), placeholder: t('ld.reason'), hidden: true });
  select.addEventListener('change', () => { reason.hidden = select.value !== 'LOST'; });
  const button = el('button', { type: 'button', class: 'outcome lead-move', id: `lead-move-${lead.id}`,
    onclick: async () => {
      button.disabled = true;
      await move(lead, select.value, reason.value.trim());
      button.disabled = false;
    } }, t('ld.apply'));
  return el('div', { class: 'row lead-controls' }, select, reason, button);
}
