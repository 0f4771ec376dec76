// The operator's inbound panel: the caller by number, their calls, and the call logged with an optional lead.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, formatDateTime, formatNumber } from './i18n.js';
import { get, post } from './api.js';

export function inboundView(main) {
  const number = el('input', { id: 'inbound-number', type: 'tel', autocomplete: 'off', required: true });
  const lookup = el('form', { id: 'inbound-lookup', class: 'row' },
    field(t('inbound.number'), number),
    el('button', { type: 'submit', class: 'primary' }, t('inbound.find')));
  const result = el('div', { id: 'inbound-result', 'aria-live': 'polite' });
  const find = async (done) => {
    clear(result, el('p', {}, t('loading')));
    try {
      const found = await get('/api/contacts', { phone: number.value.trim(), size: 1 });
      const contact = found.items[0] || null;
      const calls = contact ? (await get('/api/calls', { contactId: contact.id, size: 20, sort: '-startedAt' })).items : [];
      const campaigns = (await get('/api/campaigns', { size: 500 })).items.filter((c) => c.active !== false);
      clear(result, done, contactPanel(contact, calls), callForm(number.value.trim(), contact, campaigns, find));
    } catch (e) {
      clear(result, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    }
  };
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    find();
  });
  main.append(lookup, result);
  number.focus();
}

function contactPanel(contact, calls) {
  if (!contact) return el('section', { id: 'contact', class: 'card' }, el('h2', {}, t('inbound.newContact')));
  return el('section', { id: 'contact', class: 'card' },
    el('h2', {}, t('inbound.contact')),
    el('p', { id: 'contact-name', class: 'name' }, contact.fullName),
    el('p', {}, `${t('inbound.phones')}: `, (contact.phones || []).map((p, i) => [i ? ', ' : '', phone(p.number)])),
    el('h3', {}, t('inbound.history')),
    calls.length === 0 ? el('p', {}, t('inbound.noCalls')) : callsTable(calls));
}

export function callsTable(calls) {
  const head = ['call.started', 'call.direction', 'call.operator', 'call.campaign', 'call.talk', 'call.outcome'];
  return el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, calls.map((c) => el('tr', {},
      el('td', {}, formatDateTime(c.startedAt)), el('td', {}, c.direction), el('td', {}, c.operator ?? '—'),
      el('td', {}, c.campaign ?? '—'), el('td', { class: 'num' }, formatNumber(c.talkSeconds)),
      el('td', {}, c.outcome ?? '')))));
}

function callForm(number, contact, campaigns, refresh) {
  const name = contact ? null : el('input', { id: 'inbound-contact-name', autocomplete: 'off' });
  const campaign = el('select', { id: 'inbound-campaign', required: true },
    campaigns.map((c) => el('option', { value: c.code }, `${c.name} (${c.code})`)));
  const notes = el('textarea', { id: 'inbound-notes', rows: 3, maxlength: 4000 });
  const outcome = el('input', { id: 'inbound-outcome', maxlength: 40 });
  const lead = el('input', { id: 'inbound-lead', type: 'checkbox' });
  const value = el('input', { id: 'inbound-lead-value', type: 'number', min: 0, step: '0.01' });
  const message = el('p', { id: 'inbound-message', class: 'message', role: 'status' });
  const form = el('form', { id: 'inbound-call', class: 'card' },
    el('p', {}, `${t('call.number')}: `, el('strong', { id: 'inbound-number-shown' }, phone(number))),
    name && field(t('inbound.contactName'), name),
    field(t('inbound.campaign'), campaign),
    field(t('inbound.notes'), notes),
    field(t('inbound.outcome'), outcome),
    el('label', { class: 'check' }, lead, el('span', {}, t('inbound.lead'))),
    field(t('inbound.leadValue'), value),
    el('button', { type: 'submit', class: 'primary', id: 'inbound-save' }, t('inbound.save')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      number, campaign: campaign.value, contactId: contact?.id ?? null,
      contactName: name ? name.value.trim() || null : null,
      notes: notes.value, outcome: outcome.value.trim() || null,
      lead: lead.checked ? { estimatedValue: value.value === '' ? null : Number(value.value) } : null,
    };
    try {
      const logged = await post('/api/calls/inbound', body);
      // the panel is drawn again with the new call in its history and the confirmation above it
      await refresh(el('p', { id: 'inbound-done', class: 'ok', role: 'status' },
        logged.lead ? t('inbound.savedLead', logged.lead.id) : t('inbound.saved')));
    } catch (e) {
      const details = (e.problem?.violations || []).map((v) => `${v.field} ${v.message}`).join('; ');
      clear(message, t('error.generic', details || e.message));
    }
  });
  return form;
}
