// Contacts: search by phone (any written form) or by name, and a contact's card with its calls and leads.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, formatDateTime, formatNumber } from './i18n.js';
import { get } from './api.js';
import { callsTable } from './inbound.js';

/** Digits, '+', spaces, dashes, dots and brackets with at least five digits: a phone number, else a name. */
export const looksLikePhone = (text) => /^[+\d\s().-]+$/.test(text) && text.replace(/\D/g, '').length >= 5;

export function contactsView(main) {
  const query = el('input', { id: 'contacts-query', type: 'search', autocomplete: 'off', required: true });
  const form = el('form', { id: 'contacts-search', class: 'row', role: 'search' },
    field(t('contacts.query'), query),
    el('button', { type: 'submit', class: 'primary', id: 'contacts-find' }, t('inbound.find')));
  const results = el('div', { id: 'contacts-results', 'aria-live': 'polite' });
  const card = el('section', { id: 'contact-card' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = query.value.trim();
    clear(card);
    clear(results, el('p', {}, t('loading')));
    try {
      const params = looksLikePhone(text) ? { phone: text, size: 50 } : { q: text, size: 50 };
      const page = await get('/api/contacts', params);
      if (page.items.length === 0) {
        clear(results, el('p', { id: 'contacts-empty' }, t('contacts.none')));
        return;
      }
      clear(results, el('ul', { class: 'results' }, page.items.map((c) => el('li', {},
        el('button', { type: 'button', class: 'figure', dataset: { id: c.id }, onclick: () => openCard(card, c.id) },
          c.fullName || '—'),
        ' ', (c.phones || []).map((p, i) => [i ? ', ' : '', phone(p.number)])))));
      if (page.items.length === 1) openCard(card, page.items[0].id);
    } catch (e) {
      clear(results, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    }
  });
  main.append(form, results, card);
  query.focus();
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

function leadsTable(leads) {
  const head = ['lead.id', 'lead.created', 'call.campaign', 'call.operator', 'lead.status', 'lead.value'];
  return el('table', { class: 'data', id: 'contact-leads' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, leads.map((l) => el('tr', {},
      el('td', {}, `#${l.id}`), el('td', {}, formatDateTime(l.createdAt)), el('td', {}, l.campaign ?? '—'),
      el('td', {}, l.operator ?? '—'), el('td', {}, l.status), el('td', { class: 'num' }, formatNumber(l.estimatedValue, 2))))));
}

async function openCard(target, id) {
  clear(target, el('p', {}, t('loading')));
  try {
    const contact = await get(`/api/contacts/${id}`);
    const [calls, leads] = await Promise.all([
      section(t('inbound.history'), async () => (await get('/api/calls', { contactId: id, size: 50, sort: '-startedAt' })).items,
        (items) => callsTable(items)),
      section(t('leads'), async () => (await get('/api/leads', { contactId: id, size: 50 })).items, leadsTable),
    ]);
    const facts = [
      ['inbound.phones', (contact.phones || []).map((p, i) => [i ? ', ' : '', phone(p.number)])],
      ['contacts.emails', (contact.emails || []).join(', ')],
      ['contacts.city', contact.city],
      ['contacts.timeZone', contact.timeZone],
      ['contacts.tags', (contact.tags || []).join(', ')],
      ['contacts.notes', contact.notes],
    ].filter(([, value]) => value);
    clear(target, el('div', { class: 'card' },
      el('h2', { id: 'card-name', class: 'name', tabindex: -1 }, contact.fullName || '—'),
      contact.doNotCall ? el('p', { class: 'message' }, t('contacts.doNotCall')) : null,
      el('dl', { class: 'facts' }, facts.map(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
      el('div', { id: 'contact-calls' }, calls), leads));
    target.querySelector('h2').focus();
  } catch (e) {
    clear(target, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
  }
}
