// The operator's outbound work: the next call of one of their campaigns with its outcome, and their callbacks.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t } from './i18n.js';
import { get, post } from './api.js';

export const OUTCOMES = ['NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'NOT_INTERESTED', 'INTERESTED', 'DNC_REQUEST', 'COMPLETED'];

/** An ISO local date-time with offset ("2026-12-01T12:00:00+03:00") as the wall time it names, never shifted. */
export function wallTime(iso) {
  if (!iso) return '—';
  const offset = iso.length > 19 ? iso.slice(19).replace(/^\.\d+/, '') : '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${offset && offset !== 'Z' ? ` (UTC${offset})` : offset ? ' (UTC)' : ''}`;
}

function problemText(e) {
  const details = (e.problem?.violations || []).map((v) => `${v.field} ${v.message}`).join('; ');
  return t('error.generic', details || e.message);
}

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
  if (campaigns.length === 0) {
    main.append(el('p', { id: 'next-none' }, t('next.noCampaigns')));
    return;
  }
  const campaign = el('select', { id: 'next-campaign', required: true },
    campaigns.map((c) => el('option', { value: String(c.id) }, `${c.name} (${c.code})`)));
  const form = el('form', { id: 'next-form', class: 'row' },
    field(t('next.campaign'), campaign),
    el('button', { type: 'submit', class: 'primary', id: 'next-call' }, t('next.button')));
  const ask = async (done) => {
    clear(status, done || '');
    clear(offer, el('p', {}, t('loading')));
    try {
      const entry = await post(`/api/campaigns/${encodeURIComponent(campaign.value)}/next`);
      if (!entry) {
        clear(offer, el('p', { id: 'next-nobody' }, t('next.nobody')));
        return;
      }
      clear(offer, offerCard(entry), outcomeForm(campaign.value, entry, (text) => {
        clear(offer);
        clear(status, el('span', { id: 'next-done', class: 'ok' }, text));
        document.getElementById('next-call').focus();
      }));
      offer.querySelector('h2').focus();
    } catch (e) {
      clear(offer, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask();
  });
  main.append(form, status, offer);
  campaign.focus();
}

function offerCard(entry) {
  const rows = [
    ['next.number', el('strong', { id: 'next-number' }, phone(entry.number))],
    ['next.localTime', el('span', { id: 'next-local-time' }, `${wallTime(entry.localTime)} — ${entry.timeZone}`)],
    ['next.attempts', el('span', { id: 'next-attempts' }, String(entry.attempts))],
  ];
  if (entry.lastOutcome) rows.push(['next.lastOutcome', el('span', {}, entry.lastOutcome)]);
  return el('section', { id: 'next-contact', class: 'card' },
    el('h2', { tabindex: -1, id: 'next-name', class: 'name' }, entry.contactName || '—'),
    el('dl', { class: 'facts' }, rows.map(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])),
    entry.callback ? el('p', { id: 'next-callback', class: 'callback-note' },
      t('next.callbackNote', wallTime(entry.callback.dueLocal), entry.callback.note || '—')) : null,
    el('h3', {}, t('next.script')),
    el('p', { id: 'next-script', class: 'script' }, entry.script || t('next.noScript')));
}

function outcomeForm(campaignId, entry, finished) {
  const note = el('textarea', { id: 'outcome-note', rows: 2, maxlength: 4000 });
  const at = el('input', { id: 'outcome-callback-at', type: 'datetime-local', value: (entry.localTime || '').slice(0, 16) });
  const message = el('p', { id: 'outcome-message', class: 'message', role: 'alert' });
  const send = async (outcome) => {
    clear(message);
    const body = { outcome, note: note.value.trim() || null };
    if (outcome === 'CALLBACK') {
      if (!at.value) {
        clear(message, t('next.callbackAtMissing'));
        at.focus();
        return;
      }
      body.callbackAt = at.value.slice(0, 16);
    }
    try {
      await post(`/api/campaigns/${encodeURIComponent(campaignId)}/entries/${entry.id}/outcome`, body);
      finished(t('next.recorded', t('outcome.' + outcome)));
    } catch (e) {
      clear(message, problemText(e));
    }
  };
  const buttons = OUTCOMES.map((o) => el('button', {
    type: 'button', class: 'outcome', dataset: { outcome: o }, onclick: () => send(o),
  }, t('outcome.' + o)));
  return el('section', { id: 'next-outcome', class: 'card' },
    el('h2', {}, t('next.outcome')),
    field(t('next.note'), note),
    el('div', { class: 'row outcomes', role: 'group', 'aria-label': t('next.outcome') }, buttons),
    el('fieldset', { class: 'row' }, el('legend', {}, t('outcome.CALLBACK')),
      field(t('next.callbackAt'), at),
      el('button', { type: 'button', class: 'outcome', id: 'outcome-callback', dataset: { outcome: 'CALLBACK' },
        onclick: () => send('CALLBACK') }, t('next.planCallback'))),
    message);
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
