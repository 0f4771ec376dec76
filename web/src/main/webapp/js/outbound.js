// The operator's outbound work: the next call of one of their campaigns with its outcome, and their callbacks.
// A SURVEY campaign's call runs the interview, an AFTER_SALES one shows the task's occasion and offer; outcomes
// that need more (a lead's value, a meeting, the info e-mail, a do-not-call request) ask for it before recording.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, addStrings, formatDate, formatDateTime } from './i18n.js';
import { get, post } from './api.js';
import { interviewPanel } from './survey-interview.js';
import { figuresPanel } from './myday.js';
import { problemText } from './violations.js';

addStrings({
  en: {
    'outcome.MEETING': 'Meeting', 'outcome.SEND_INFO': 'Send info', 'outcome.REACHED': 'Reached',
    'outcome.NOT_REACHED': 'Not reached', 'outcome.DECLINED': 'Declined', 'outcome.ACCEPTED': 'Accepted',
    'op.record': 'Record: {0}', 'op.cancel': 'Cancel', 'op.details': 'Details: {0}',
    'op.leadValue': 'Estimated value of the lead (optional)',
    'op.recordedLead': 'Recorded: Interested — lead #{0} created.',
    'op.recordedMeeting': 'Recorded: Meeting — meeting #{0} booked.',
    'op.recordedMail': 'Recorded: Send info — e-mail #{0} queued.',
    'op.manager': 'Manager', 'op.noManagers': 'There is no sales manager to book with.',
    'op.meetingStart': 'Start (your time)', 'op.meetingEnd': 'End (your time)', 'op.meetingPlace': 'Place or video link',
    'op.meetingTaken': '{0} already has a meeting from {1} to {2} (meeting #{3}). Choose another time or manager.',
    'op.template': 'E-mail template', 'op.defaultTemplate': '{0} (default)', 'op.noTemplates':
      'The campaign has no active e-mail template; ask a supervisor or marketer to write one.',
    'op.email': 'E-mail address',
    'op.dncConfirm': 'This number will never be offered again, in any campaign. Record the request not to call?',
    'op.callbackPool': 'Give to the pool (any operator may call back)',
    'op.contactNow': 'Contact\'s time now: {0}, {1}.',
    'op.task': 'After-sales call', 'op.occasion': 'Occasion', 'op.occasionDate': 'Date',
    'op.offer': 'Offer', 'op.offerCode': 'Code', 'op.validUntil': 'Valid until', 'op.noOffer': 'No offer.',
    'op.offer.DISCOUNT': 'Discount {0}', 'op.offer.GIFT': 'Gift: {0}',
    'op.occasion.BIRTHDAY': 'Birthday', 'op.occasion.HOLIDAY': 'Holiday', 'op.occasion.EVENT': 'Event invitation',
    'op.occasion.FOLLOW_UP': 'Follow-up',
  },
  ru: {
    'outcome.MEETING': 'Встреча', 'outcome.SEND_INFO': 'Отправить информацию', 'outcome.REACHED': 'Дозвонились',
    'outcome.NOT_REACHED': 'Не дозвонились', 'outcome.DECLINED': 'Отказался', 'outcome.ACCEPTED': 'Принял',
    'op.record': 'Записать: {0}', 'op.cancel': 'Отмена', 'op.details': 'Подробности: {0}',
    'op.leadValue': 'Ожидаемая сумма лида (необязательно)',
    'op.recordedLead': 'Записано: Интересно — создан лид №{0}.',
    'op.recordedMeeting': 'Записано: Встреча — назначена встреча №{0}.',
    'op.recordedMail': 'Записано: Отправить информацию — письмо №{0} поставлено в очередь.',
    'op.manager': 'Менеджер', 'op.noManagers': 'Нет менеджеров, с которыми можно назначить встречу.',
    'op.meetingStart': 'Начало (ваше время)', 'op.meetingEnd': 'Конец (ваше время)', 'op.meetingPlace': 'Место или ссылка на видеовстречу',
    'op.meetingTaken': 'У менеджера {0} уже есть встреча с {1} до {2} (встреча №{3}). Выберите другое время или менеджера.',
    'op.template': 'Шаблон письма', 'op.defaultTemplate': '{0} (по умолчанию)', 'op.noTemplates':
      'У кампании нет активного шаблона письма; попросите супервизора или маркетолога его написать.',
    'op.email': 'Адрес эл. почты',
    'op.dncConfirm': 'Этот номер больше никогда не будет предложен для звонка ни в одной кампании. Записать просьбу не звонить?',
    'op.callbackPool': 'Передать в общий пул (перезвонить может любой оператор)',
    'op.contactNow': 'Сейчас у контакта: {0}, {1}.',
    'op.task': 'Послепродажный звонок', 'op.occasion': 'Повод', 'op.occasionDate': 'Дата',
    'op.offer': 'Предложение', 'op.offerCode': 'Код', 'op.validUntil': 'Действует до', 'op.noOffer': 'Предложения нет.',
    'op.offer.DISCOUNT': 'Скидка {0}', 'op.offer.GIFT': 'Подарок: {0}',
    'op.occasion.BIRTHDAY': 'День рождения', 'op.occasion.HOLIDAY': 'Праздник', 'op.occasion.EVENT': 'Приглашение на мероприятие',
    'op.occasion.FOLLOW_UP': 'Повторный контакт',
  },
});

/** The outcome buttons of an ordinary outbound or survey call, and of an after-sales call; CALLBACK has its own form. */
export const OUTCOMES = ['NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'NOT_INTERESTED', 'INTERESTED', 'MEETING', 'SEND_INFO',
  'DNC_REQUEST', 'COMPLETED'];
const AFTER_SALES_OUTCOMES = ['REACHED', 'ACCEPTED', 'DECLINED', 'NOT_REACHED', 'BUSY', 'WRONG_NUMBER', 'DNC_REQUEST'];
/** Outcomes that ask for details (or a confirmation) before they are recorded. */
const WITH_DETAILS = ['INTERESTED', 'MEETING', 'SEND_INFO', 'DNC_REQUEST'];

/** An ISO local date-time with offset ("2026-12-01T12:00:00+03:00") as the wall time it names, never shifted. */
export function wallTime(iso) {
  if (!iso) return '—';
  const offset = iso.length > 19 ? iso.slice(19).replace(/^\.\d+/, '') : '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${offset && offset !== 'Z' ? ` (UTC${offset})` : offset ? ' (UTC)' : ''}`;
}

/** A datetime-local value read in the browser's zone as an instant with offset, or null. */
const instant = (local) => (local ? new Date(local).toISOString() : null);

export async function nextCallView(main, me) {
  const status = el('p', { id: 'next-status', role: 'status' });
  const offer = el('section', { id: 'next-offer', 'aria-live': 'polite' });
  let campaigns;
  try {
    campaigns = (await get('/api/campaigns', { size: 500 })).items
      .filter((c) => c.active !== false && (c.operators || []).includes(me.username));
  } catch (e) {
    main.append(el('p', { class: 'message', role: 'alert' }, problemText(e)));
    return;
  }
  const figures = figuresPanel();
  if (campaigns.length === 0) {
    main.append(el('p', { id: 'next-none' }, t('next.noCampaigns')), figures.element);
    return;
  }
  const campaign = el('select', { id: 'next-campaign', required: true },
    campaigns.map((c) => el('option', { value: String(c.id) }, `${c.name} (${c.code})`)));
  const form = el('form', { id: 'next-form', class: 'row' },
    field(t('next.campaign'), campaign),
    el('button', { type: 'submit', class: 'primary', id: 'next-call' }, t('next.button')));
  const ask = async () => {
    clear(status);
    clear(offer, el('p', {}, t('loading')));
    const chosen = campaigns.find((c) => String(c.id) === campaign.value);
    try {
      const entry = await post(`/api/campaigns/${encodeURIComponent(chosen.id)}/next`);
      if (!entry) {
        clear(offer, el('p', { id: 'next-nobody' }, t('next.nobody')));
        return;
      }
      const outcome = outcomeForm(chosen, entry, (text) => {
        clear(offer);
        clear(status, el('span', { id: 'next-done', class: 'ok' }, text));
        figures.refresh();
        document.getElementById('next-call').focus();
      });
      // the contact and the survey or after-sales task side by side, the outcome below both
      offer.classList.toggle('pair', chosen.type === 'SURVEY' || chosen.type === 'AFTER_SALES');
      clear(offer,
        offerCard(entry),
        chosen.type === 'AFTER_SALES' ? afterSalesCard(entry) : null,
        chosen.type === 'SURVEY' ? interviewPanel(chosen, entry, () => outcome.suggest('COMPLETED')) : null,
        outcome.element);
      offer.querySelector('h2').focus();
    } catch (e) {
      clear(offer, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask();
  });
  main.append(el('div', { class: 'operator-layout' }, el('div', { class: 'work' }, form, status, offer), figures.element));
  campaign.focus();
}

function offerCard(entry) {
  const rows = [
    ['next.number', el('strong', { id: 'next-number' }, phone(entry.number))],
    ['next.localTime', el('span', { id: 'next-local-time' }, `${wallTime(entry.localTime)} — ${entry.timeZone}`)],
    ['next.attempts', el('span', { id: 'next-attempts' }, String(entry.attempts))],
  ];
  const last = entry.lastOutcome;
  if (last) rows.push(['next.lastOutcome', el('span', { id: 'next-last-outcome' }, has('outcome.' + last) ? t('outcome.' + last) : last)]);
  return el('section', { id: 'next-contact', class: 'card' },
    el('h2', { tabindex: -1, id: 'next-name', class: 'name' }, entry.contactName || '—'),
    el('dl', { class: 'facts' }, rows.map(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
    entry.callback ? el('p', { id: 'next-callback', class: 'callback-note' },
      t('next.callbackNote', wallTime(entry.callback.dueLocal), entry.callback.note || '—')) : null,
    el('h3', {}, t('next.script')),
    el('p', { id: 'next-script', class: 'script' }, entry.script || t('next.noScript')));
}

/** The after-sales task behind the entry: its occasion, the offer to tell (code, value, valid until), its script. */
function afterSalesCard(entry) {
  const card = el('section', { id: 'aftersales-task', class: 'card' }, el('h2', {}, t('op.task')), el('p', {}, t('loading')));
  get('/api/aftersales/tasks', { entry: entry.id, size: 20 }).then((page) => {
    const tasks = page.items || [];
    const task = tasks.find((x) => x.state === 'OPEN') || tasks[tasks.length - 1];
    if (!task) {
      card.remove();
      return;
    }
    const o = task.offer;
    const offerText = o ? t('op.offer.' + o.kind, o.kind === 'DISCOUNT' && /^\d+([.,]\d+)?$/.test(o.value) ? `${o.value} %` : o.value) : null;
    clear(card, el('h2', {}, t('op.task')),
      el('dl', { class: 'facts' },
        el('dt', {}, t('op.occasion')), el('dd', { id: 'aftersales-occasion' },
          `${t('op.occasion.' + task.type)}${task.ruleName ? ` — ${task.ruleName}` : ''}`),
        el('dt', {}, t('op.occasionDate')), el('dd', {}, formatDate(task.occasionDate)),
        el('dt', {}, t('op.offer')), el('dd', { id: 'aftersales-offer' }, offerText || t('op.noOffer')),
        o ? [el('dt', {}, t('op.offerCode')), el('dd', {}, el('strong', { id: 'aftersales-offer-code' }, o.code)),
          el('dt', {}, t('op.validUntil')), el('dd', { id: 'aftersales-valid-until' }, formatDate(o.validUntil))] : null),
      task.script ? el('p', { id: 'aftersales-script', class: 'script' }, task.script) : null);
  }).catch((e) => clear(card, el('h2', {}, t('op.task')), el('p', { class: 'message', role: 'alert' }, problemText(e))));
  return card;
}

/**
 * The wrap-up: outcome buttons (those needing details open a small form first), the callback planned in the
 * contact's local time (own or the pool's). Answers {element, suggest(outcome)}.
 */
function outcomeForm(campaign, entry, finished) {
  const note = el('textarea', { id: 'outcome-note', rows: 2, maxlength: 4000 });
  const at = el('input', { id: 'outcome-callback-at', type: 'datetime-local', value: (entry.localTime || '').slice(0, 16) });
  const pool = el('input', { id: 'outcome-callback-pool', type: 'checkbox' });
  const message = el('p', { id: 'outcome-message', class: 'message', role: 'alert' });
  const details = el('div', { id: 'outcome-details', hidden: true });
  const afterSales = campaign.type === 'AFTER_SALES';
  let open = null;

  const send = async (outcome, extra = {}) => {
    clear(message);
    details.querySelectorAll('.field-error').forEach((n) => n.remove());
    details.querySelector('#outcome-conflict')?.replaceChildren();
    const body = { outcome, note: note.value.trim() || null, ...extra };
    if (outcome === 'CALLBACK') {
      if (!at.value) {
        clear(message, t('next.callbackAtMissing'));
        at.focus();
        return;
      }
      body.callbackAt = at.value.slice(0, 16);
      body.callbackTo = pool.checked ? 'pool' : 'own';
    }
    try {
      const done = await post(`/api/campaigns/${encodeURIComponent(campaign.id)}/entries/${entry.id}/outcome`, body);
      finished(done.leadId ? t('op.recordedLead', done.leadId) : done.meetingId ? t('op.recordedMeeting', done.meetingId)
        : done.mailId ? t('op.recordedMail', done.mailId) : t('next.recorded', t('outcome.' + outcome)));
    } catch (e) {
      const existing = e.status === 409 ? e.problem?.existing : null;
      if (existing && outcome === 'MEETING') {
        const manager = details.querySelector('#meeting-manager');
        clear(details.querySelector('#outcome-conflict'), t('op.meetingTaken',
          manager.selectedOptions[0]?.textContent || manager.value, formatDateTime(existing.start), formatDateTime(existing.end),
          existing.id));
      }
      // each field's problem next to it, all of them in the message under the buttons
      for (const v of e.problem?.violations || []) {
        const holder = details.querySelector(`[data-field="${CSS.escape(v.field)}"]`);
        if (holder) holder.append(el('span', { class: 'field-error message' }, v.message));
      }
      clear(message, existing && outcome === 'MEETING' ? e.message : problemText(e));
    }
  };

  const buttons = (afterSales ? AFTER_SALES_OUTCOMES : OUTCOMES).map((o) => {
    const needsDetails = WITH_DETAILS.includes(o);
    return el('button', {
      type: 'button', class: 'outcome', dataset: { outcome: o },
      'aria-expanded': needsDetails ? 'false' : null, 'aria-controls': needsDetails ? 'outcome-details' : null,
      onclick: (event) => (needsDetails ? showDetails(o, event.currentTarget) : send(o)),
    }, t('outcome.' + o));
  });

  const showDetails = (outcome, button) => {
    buttons.forEach((b) => b.hasAttribute('aria-expanded') && b.setAttribute('aria-expanded', String(b === button)));
    open = outcome;
    const form = el('form', { class: 'card details', dataset: { outcome } }, el('h3', {}, t('op.details', t('outcome.' + outcome))));
    const fields = detailFields(outcome, campaign, entry);
    form.append(...fields.nodes,
      el('p', { id: 'outcome-conflict', class: 'message', role: 'alert' }),
      el('div', { class: 'row' },
        el('button', { type: 'submit', class: 'primary', id: 'outcome-confirm' }, t('op.record', t('outcome.' + outcome))),
        el('button', { type: 'button', class: 'link', id: 'outcome-cancel', onclick: () => hideDetails(button) }, t('op.cancel'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (open === outcome) send(outcome, fields.body());
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hideDetails(button);
    });
    clear(details, form);
    details.hidden = false;
    (form.querySelector('input, select, textarea') || form.querySelector('#outcome-confirm')).focus();
  };

  const hideDetails = (button) => {
    open = null;
    clear(details);
    details.hidden = true;
    buttons.forEach((b) => b.hasAttribute('aria-expanded') && b.setAttribute('aria-expanded', 'false'));
    button.focus();
  };

  const element = el('section', { id: 'next-outcome', class: 'card' },
    el('h2', {}, t('next.outcome')),
    field(t('next.note'), note),
    el('div', { class: 'row outcomes', role: 'group', 'aria-label': t('next.outcome') }, buttons),
    details,
    el('fieldset', { class: 'row' }, el('legend', {}, t('outcome.CALLBACK')),
      field(t('next.callbackAt'), at),
      el('label', { class: 'check' }, pool, el('span', {}, t('op.callbackPool'))),
      el('button', { type: 'button', class: 'outcome', id: 'outcome-callback', dataset: { outcome: 'CALLBACK' },
        onclick: () => send('CALLBACK') }, t('next.planCallback')),
      el('p', { class: 'hint', id: 'outcome-contact-now' }, t('op.contactNow', wallTime(entry.localTime), entry.timeZone))),
    message);
  return {
    element,
    suggest: (outcome) => {
      const button = buttons.find((b) => b.dataset.outcome === outcome);
      if (!button) return;
      button.classList.add('suggested');
      button.focus();
    },
  };
}

/** The fields an outcome needs and how they become the request's body: {nodes, body()}. */
function detailFields(outcome, campaign, entry) {
  const holder = (name, node) => {
    node.dataset.field = name;
    return node;
  };
  switch (outcome) {
    case 'INTERESTED': {
      const value = el('input', { id: 'lead-value', type: 'number', min: 0, step: '0.01' });
      return {
        nodes: [holder('lead.estimatedValue', field(t('op.leadValue'), value))],
        body: () => ({ lead: { estimatedValue: value.value === '' ? null : Number(value.value) } }),
      };
    }
    case 'MEETING': {
      const manager = el('select', { id: 'meeting-manager', required: true });
      const start = el('input', { id: 'meeting-start', type: 'datetime-local', required: true });
      const end = el('input', { id: 'meeting-end', type: 'datetime-local', required: true });
      const place = el('input', { id: 'meeting-place', maxlength: 500, autocomplete: 'off' });
      const noManagers = el('p', { class: 'message' });
      // an hour by default: the end follows the start until it is set by hand
      let endTouched = false;
      end.addEventListener('input', () => { endTouched = true; });
      start.addEventListener('change', () => {
        if (!start.value || endTouched) return;
        const d = new Date(start.value);
        d.setHours(d.getHours() + 1);
        const pad = (n) => String(n).padStart(2, '0');
        end.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      });
      get('/api/meetings/managers').then((managers) => {
        clear(manager, managers.map((m) => el('option', { value: m.username }, m.fullName ? `${m.fullName} (${m.username})` : m.username)));
        if (managers.length === 0) clear(noManagers, t('op.noManagers'));
      }).catch((e) => clear(noManagers, problemText(e)));
      return {
        nodes: [holder('meeting.manager', field(t('op.manager'), manager)), noManagers,
          el('div', { class: 'row' }, holder('meeting.start', field(t('op.meetingStart'), start)),
            holder('meeting.end', field(t('op.meetingEnd'), end))),
          holder('meeting.place', field(t('op.meetingPlace'), place))],
        body: () => ({ meeting: { manager: manager.value || null, start: instant(start.value), end: instant(end.value),
          place: place.value.trim() || null } }),
      };
    }
    case 'SEND_INFO': {
      const template = el('select', { id: 'info-template', required: true });
      const email = el('input', { id: 'info-email', type: 'email', autocomplete: 'off' });
      const none = el('p', { class: 'message' });
      get(`/api/campaigns/${encodeURIComponent(campaign.id)}/templates`).then((all) => {
        const active = all.filter((x) => x.active);
        clear(template, active.map((x) => el('option', { value: String(x.id), selected: x.defaultTemplate },
          x.defaultTemplate ? t('op.defaultTemplate', x.name) : x.name)));
        if (active.length === 0) clear(none, t('op.noTemplates'));
      }).catch((e) => clear(none, problemText(e)));
      get(`/api/contacts/${entry.contactId}`).then((c) => {
        if (!email.value && c.emails?.length) email.value = [...c.emails].sort()[0];
      }).catch(() => {});
      return {
        nodes: [holder('templateId', field(t('op.template'), template)), none, holder('email', field(t('op.email'), email))],
        body: () => ({ templateId: template.value ? Number(template.value) : null, email: email.value.trim() || null }),
      };
    }
    default:
      return { nodes: [el('p', { id: 'dnc-confirm' }, el('strong', {}, phone(entry.number)), ' — ', t('op.dncConfirm'))],
        body: () => ({}) };
  }
}

export async function callbacksView(main) {
  const output = el('div', { id: 'callbacks-output', 'aria-live': 'polite' }, el('p', {}, t('loading')));
  main.append(output);
  try {
    const page = await get('/api/callbacks', { due: 'today', size: 500 });
    const items = [...page.items].sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
    if (items.length === 0) {
      clear(output, el('p', { id: 'callbacks-empty' }, t('callbacks.empty')));
      return;
    }
    const head = ['callbacks.due', 'call.number', 'callbacks.note', 'callbacks.state'];
    clear(output, el('table', { id: 'callbacks-table', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, items.map((c) => el('tr', { class: c.overdue ? 'anomaly' : null, dataset: { id: c.id } },
        el('td', {}, wallTime(c.dueLocal)), el('td', {}, phone(c.number)), el('td', {}, c.note ?? ''),
        el('td', {}, c.overdue ? el('strong', { class: 'overdue' }, t('callbacks.overdue'))
          : c.pool ? t('callbacks.pool') : t('callbacks.open')))))));
  } catch (e) {
    clear(output, el('p', { class: 'message', role: 'alert' }, problemText(e)));
  }
}
