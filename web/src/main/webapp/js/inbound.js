// The operator's inbound panel: the caller by number, their calls, and the call logged with — in one go — a lead,
// a meeting request and the campaign's info e-mail; the operator's figures today below.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDateTime, formatNumber } from './i18n.js';
import { get, post } from './api.js';
import { figuresPanel } from './myday.js';
import { problemText } from './violations.js';

addStrings({
  en: {
    'in.meeting': 'Request a meeting', 'in.meetingAt': 'Meeting at (your time)', 'in.meetingNote': 'Meeting note',
    'in.info': 'Send information by e-mail', 'in.email': 'E-mail address',
    'in.meetingRequested': 'Meeting requested for {0}.', 'in.mailQueued': 'Info e-mail #{0} queued to {1}.',
    'in.infoRecorded': 'Info request recorded for {0} (the campaign has no template to send automatically).',
    'in.contactCreated': 'New contact registered.',
  },
  ru: {
    'in.meeting': 'Запросить встречу', 'in.meetingAt': 'Встреча (ваше время)', 'in.meetingNote': 'Заметка к встрече',
    'in.info': 'Отправить информацию по эл. почте', 'in.email': 'Адрес эл. почты',
    'in.meetingRequested': 'Встреча запрошена на {0}.', 'in.mailQueued': 'Информационное письмо №{0} поставлено в очередь на {1}.',
    'in.infoRecorded': 'Запрос информации для {0} записан (у кампании нет шаблона для автоматической отправки).',
    'in.contactCreated': 'Зарегистрирован новый контакт.',
  },
});

let refreshFigures = () => {};

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
      const [page, me] = await Promise.all([get('/api/campaigns', { size: 500 }), get('/api/me')]);
      // an operator logs calls only in the campaigns they are assigned to (the server refuses the others)
      const onlyOperator = me.roles.includes('OPERATOR') && !me.roles.includes('SUPERVISOR') && !me.roles.includes('ADMIN');
      const campaigns = page.items.filter((c) => c.active !== false
        && (!onlyOperator || (c.operators || []).includes(me.username)));
      clear(result, done, contactPanel(contact, calls), callForm(number.value.trim(), contact, campaigns, find));
    } catch (e) {
      clear(result, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    }
  };
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    find();
  });
  const figures = figuresPanel();
  refreshFigures = figures.refresh;
  main.append(lookup, result, figures.element);
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
  // the outcome is free text; the usual ones are offered as suggestions
  const outcome = el('input', { id: 'inbound-outcome', maxlength: 40, list: 'inbound-outcomes', autocomplete: 'off' });
  const suggestions = el('datalist', { id: 'inbound-outcomes' },
    ['INTERESTED', 'MEETING', 'SEND_INFO', 'CALLBACK', 'NOT_INTERESTED', 'WRONG_NUMBER', 'COMPLETED']
      .map((o) => el('option', { value: o }, t('outcome.' + o))));
  const lead = el('input', { id: 'inbound-lead', type: 'checkbox' });
  const value = el('input', { id: 'inbound-lead-value', type: 'number', min: 0, step: '0.01' });
  const meeting = el('input', { id: 'inbound-meeting', type: 'checkbox' });
  const meetingAt = el('input', { id: 'inbound-meeting-at', type: 'datetime-local' });
  const meetingNote = el('input', { id: 'inbound-meeting-note', maxlength: 500, autocomplete: 'off' });
  const info = el('input', { id: 'inbound-info', type: 'checkbox' });
  const email = el('input', { id: 'inbound-email', type: 'email', autocomplete: 'off',
    value: contact?.emails?.length ? [...contact.emails].sort()[0] : null });
  // the details of a request show only when it is ticked
  const meetingFields = el('div', { class: 'row', hidden: true }, field(t('in.meetingAt'), meetingAt), field(t('in.meetingNote'), meetingNote));
  const infoFields = el('div', { class: 'row', hidden: true }, field(t('in.email'), email));
  meeting.addEventListener('change', () => { meetingFields.hidden = !meeting.checked; meetingAt.required = meeting.checked; });
  info.addEventListener('change', () => { infoFields.hidden = !info.checked; email.required = info.checked; });
  const message = el('p', { id: 'inbound-message', class: 'message', role: 'status' });
  const form = el('form', { id: 'inbound-call', class: 'card' },
    el('p', {}, `${t('call.number')}: `, el('strong', { id: 'inbound-number-shown' }, phone(number))),
    name && field(t('inbound.contactName'), name),
    field(t('inbound.campaign'), campaign),
    field(t('inbound.notes'), notes),
    field(t('inbound.outcome'), outcome), suggestions,
    el('label', { class: 'check' }, lead, el('span', {}, t('inbound.lead'))),
    field(t('inbound.leadValue'), value),
    el('label', { class: 'check' }, meeting, el('span', {}, t('in.meeting'))),
    meetingFields,
    el('label', { class: 'check' }, info, el('span', {}, t('in.info'))),
    infoFields,
    el('button', { type: 'submit', class: 'primary', id: 'inbound-save' }, t('inbound.save')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      number, campaign: campaign.value, contactId: contact?.id ?? null,
      contactName: name ? name.value.trim() || null : null,
      notes: notes.value, outcome: outcome.value.trim() || null,
      lead: lead.checked ? { estimatedValue: value.value === '' ? null : Number(value.value) } : null,
      meeting: meeting.checked ? { at: meetingAt.value ? new Date(meetingAt.value).toISOString() : null,
        note: meetingNote.value.trim() || null } : null,
      info: info.checked ? { email: email.value.trim() } : null,
    };
    try {
      const logged = await post('/api/calls/inbound', body);
      // the panel is drawn again with the new call in its history and the confirmation above it
      const done = [logged.lead ? t('inbound.savedLead', logged.lead.id) : t('inbound.saved')];
      if (logged.contactCreated) done.push(t('in.contactCreated'));
      if (body.meeting) done.push(t('in.meetingRequested', formatDateTime(body.meeting.at)));
      if (body.info) done.push(logged.infoMailId ? t('in.mailQueued', logged.infoMailId, body.info.email)
        : t('in.infoRecorded', body.info.email));
      refreshFigures();
      await refresh(el('p', { id: 'inbound-done', class: 'ok', role: 'status' }, done.join(' ')));
    } catch (e) {
      clear(message, problemText(e));
    }
  });
  return form;
}
