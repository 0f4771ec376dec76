// The meetings calendar: a week of seven day columns (times in the browser's zone), previous/next week, a manager
// filter; a meeting opens its details, its .ics file (fetched with the credentials) and, for a supervisor, moving
// it or cancelling it with a reason (PUT with the version read; a stale version or a taken slot answers 409).
// #/meetings/2026-12-07 opens the week of that day.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDate, formatDateTime, formatTime, language, today } from './i18n.js';
import { api, get, put } from './api.js';
import { download, progressBar } from './transfer.js';
import { problemText } from './violations.js';

addStrings({
  en: {
    'mt.week': 'Week of {0}', 'mt.prev': '← Previous week', 'mt.next': 'Next week →', 'mt.thisWeek': 'This week',
    'mt.manager': 'Manager', 'mt.anyManager': 'Every manager (empty)', 'mt.weekOf': 'Go to the week of',
    'mt.show': 'Show', 'mt.none': 'No meetings.', 'mt.count': 'Meetings this week: {0}.',
    'mt.state.SCHEDULED': 'scheduled', 'mt.state.CANCELLED': 'cancelled',
    'mt.details': 'Meeting #{0}', 'mt.when': 'When', 'mt.contact': 'Contact', 'mt.place': 'Place', 'mt.note': 'Note',
    'mt.campaign': 'Campaign', 'mt.state': 'State', 'mt.bookedBy': 'Booked by', 'mt.cancelReason': 'Why cancelled',
    'mt.ics': 'Download the .ics file', 'mt.move': 'Move', 'mt.date': 'Day', 'mt.start': 'Starts', 'mt.end': 'Ends',
    'mt.saveMove': 'Move the meeting', 'mt.cancel': 'Cancel the meeting', 'mt.reason': 'Reason',
    'mt.moved': 'Meeting #{0} moved to {1}.', 'mt.cancelled': 'Meeting #{0} cancelled.',
    'mt.stale': 'Not saved: {0} The week is shown again as it is now.', 'mt.close': 'Close',
    'mt.zone': 'Times in your time zone ({0}).',
  },
  ru: {
    'mt.week': 'Неделя с {0}', 'mt.prev': '← Предыдущая неделя', 'mt.next': 'Следующая неделя →', 'mt.thisWeek': 'Эта неделя',
    'mt.manager': 'Менеджер', 'mt.anyManager': 'Все менеджеры (пусто)', 'mt.weekOf': 'Перейти к неделе с датой',
    'mt.show': 'Показать', 'mt.none': 'Встреч нет.', 'mt.count': 'Встреч за неделю: {0}.',
    'mt.state.SCHEDULED': 'назначена', 'mt.state.CANCELLED': 'отменена',
    'mt.details': 'Встреча №{0}', 'mt.when': 'Когда', 'mt.contact': 'Контакт', 'mt.place': 'Место', 'mt.note': 'Заметка',
    'mt.campaign': 'Кампания', 'mt.state': 'Состояние', 'mt.bookedBy': 'Кто назначил', 'mt.cancelReason': 'Причина отмены',
    'mt.ics': 'Скачать файл .ics', 'mt.move': 'Перенести', 'mt.date': 'День', 'mt.start': 'Начало', 'mt.end': 'Конец',
    'mt.saveMove': 'Перенести встречу', 'mt.cancel': 'Отменить встречу', 'mt.reason': 'Причина',
    'mt.moved': 'Встреча №{0} перенесена на {1}.', 'mt.cancelled': 'Встреча №{0} отменена.',
    'mt.stale': 'Не сохранено: {0} Неделя показана заново.', 'mt.close': 'Закрыть',
    'mt.zone': 'Время — в вашем часовом поясе ({0}).',
  },
});

const pad = (n) => String(n).padStart(2, '0');
const localDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The Monday of the week holding day (YYYY-MM-DD), and the week's seven days. */
function weekOf(day) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => {
    const x = new Date(d);
    x.setUTCDate(d.getUTCDate() + i);
    return x.toISOString().slice(0, 10);
  });
}

/** day (YYYY-MM-DD) moved by n calendar days. */
const plusDays = (day, n) => {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const weekday = (day) => new Intl.DateTimeFormat(language(), { weekday: 'short', timeZone: 'UTC' })
  .format(new Date(day + 'T00:00:00Z'));

export async function meetingsView(main, me, params = []) {
  const supervisor = (me.roles || []).some((r) => r === 'SUPERVISOR' || r === 'ADMIN');
  const state = { days: weekOf(/^\d{4}-\d{2}-\d{2}$/.test(params[0] || '') ? params[0] : today()) };
  const manager = el('input', { id: 'mt-manager', list: 'mt-managers', autocomplete: 'off', placeholder: t('mt.anyManager') });
  const managers = el('datalist', { id: 'mt-managers' });
  const jump = el('input', { id: 'mt-date', type: 'date', value: state.days[0] });
  const filter = el('form', { id: 'mt-filter', class: 'row' },
    el('button', { type: 'button', class: 'outcome', id: 'mt-prev', onclick: () => shift(-7) }, t('mt.prev')),
    el('button', { type: 'button', class: 'outcome', id: 'mt-today', onclick: () => go(today()) }, t('mt.thisWeek')),
    el('button', { type: 'button', class: 'outcome', id: 'mt-next', onclick: () => shift(7) }, t('mt.next')),
    field(t('mt.weekOf'), jump), field(t('mt.manager'), manager), managers,
    el('button', { type: 'submit', class: 'primary', id: 'mt-show' }, t('mt.show')));
  const heading = el('h2', { id: 'mt-heading', tabindex: -1 });
  const zone = el('p', { id: 'mt-zone', class: 'thresholds' },
    t('mt.zone', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'));
  const status = el('div', { id: 'mt-status', role: 'status' });
  const week = el('div', { id: 'mt-week', class: 'week', 'aria-live': 'polite' });
  const detail = el('section', { id: 'mt-detail' });
  main.append(filter, heading, zone, status, week, detail);
  if (supervisor) {
    get('/api/users', { role: 'SUPERVISOR', size: 500 })
      .then((page) => page.items.forEach((u) => managers.append(el('option', { value: u.username }, u.fullName || u.username))))
      .catch(() => {});
  }
  // the week's contacts in one request (GET /api/contacts?id=…), each kept for the screen's life
  const contacts = new Map();
  const contactsOf = async (ids) => {
    const wanted = [...new Set(ids)].filter((id) => id != null && !contacts.has(id)).slice(0, 500);
    if (wanted.length) {
      try {
        const query = new URLSearchParams([...wanted.map((id) => ['id', id]), ['size', 500]]);
        const found = await api('GET', `/api/contacts?${query}`);
        (found.items || []).forEach((c) => contacts.set(c.id, c));
      } catch (e) {
        // names stay as #id: the week is still worth showing
      }
      wanted.filter((id) => !contacts.has(id)).forEach((id) => contacts.set(id, null));
    }
    return contacts;
  };

  const load = async () => {
    clear(heading, t('mt.week', formatDate(state.days[0])));
    jump.value = state.days[0];
    clear(week, el('p', {}, t('loading')));
    // the server reads days in the call centre's zone, the grid in the browser's: a day more on each side, and the
    // grid keeps only what falls on its own days
    const query = { from: plusDays(state.days[0], -1), to: plusDays(state.days[6], 1), size: 500, sort: 'start' };
    if (manager.value.trim()) query.manager = manager.value.trim();
    try {
      const page = await get('/api/meetings', query);
      const items = page.items.filter((m) => state.days.includes(localDay(new Date(m.start))));
      const people = await contactsOf(items.map((m) => m.contactId));
      clear(week, items.length ? el('p', { id: 'mt-count', class: 'visually-hidden' },
        t('mt.count', items.length)) : el('p', { id: 'mt-none' }, t('mt.none')),
      el('div', { class: 'week-grid' }, state.days.map((day) => {
        const todays = items.filter((m) => localDay(new Date(m.start)) === day);
        return el('section', { class: day === today() ? 'day today' : 'day', dataset: { date: day },
          'aria-label': `${weekday(day)} ${formatDate(day)}` },
        el('h3', {}, el('span', { class: 'weekday' }, weekday(day)), ' ', formatDate(day)),
        el('ul', { class: 'meetings' }, todays.map((m) => el('li', {},
          el('button', {
            type: 'button', class: `meeting ${m.state === 'CANCELLED' ? 'cancelled' : ''}`,
            dataset: { id: m.id, state: m.state },
            onclick: (event) => open(m, people.get(m.contactId), event.currentTarget),
          },
          el('span', { class: 'time' }, `${formatTime(m.start)}–${formatTime(m.end)}`),
          el('span', { class: 'who' }, m.manager),
          el('span', { class: 'contact' }, people.get(m.contactId)?.fullName ?? `#${m.contactId}`),
          el('span', { class: 'state' }, t('mt.state.' + m.state)))))));
      })));
    } catch (e) {
      clear(week, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  };
  const go = (day) => {
    state.days = weekOf(day);
    clear(detail);
    load();
  };
  const shift = (n) => {
    const d = new Date(state.days[0] + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    go(d.toISOString().slice(0, 10));
  };
  const done = async (message, failed) => {
    clear(detail);
    clear(status, el('p', { id: failed ? 'mt-failed' : 'mt-done', class: failed ? 'message' : 'ok',
      role: failed ? 'alert' : null }, message));
    await load();
    heading.focus();
  };
  const open = (m, contact, button) => {
    week.querySelectorAll('button.meeting[aria-pressed]').forEach((b) => b.removeAttribute('aria-pressed'));
    button.setAttribute('aria-pressed', 'true');
    clear(detail, details(m, contact, supervisor, done));
    detail.querySelector('h2').focus();
  };
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    go(jump.value || state.days[0]);
  });
  load();
}

function details(m, contact, supervisor, done) {
  const facts = [
    ['mt.when', `${formatDateTime(m.start)} – ${formatTime(m.end)}`],
    ['mt.manager', m.manager],
    ['mt.contact', contact ? [contact.fullName, ' ', (contact.phones || []).slice(0, 1).map((p) => phone(p.number))]
      : `#${m.contactId}`],
    ['mt.place', m.place || '—'], ['mt.note', m.note || '—'], ['mt.campaign', m.campaign || '—'],
    ['mt.state', t('mt.state.' + m.state)], ['mt.bookedBy', m.bookedBy || '—'],
  ];
  if (m.cancelReason) facts.push(['mt.cancelReason', m.cancelReason]);
  const progress = progressBar('mt-ics-progress');
  const message = el('p', { class: 'message', role: 'alert', id: 'mt-message' });
  const ics = el('button', {
    type: 'button', class: 'outcome', id: 'mt-ics',
    onclick: () => download(m.ics || `/api/meetings/${m.id}.ics`, `meeting-${m.id}.ics`, progress)
      .catch((e) => clear(message, problemText(e))),
  }, t('mt.ics'));
  return el('div', { class: 'card', id: 'mt-card', dataset: { id: m.id } },
    el('h2', { tabindex: -1 }, t('mt.details', m.id)),
    el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)])),
    el('div', { class: 'row' }, ics, progress.element),
    supervisor && m.state === 'SCHEDULED' ? [moveForm(m, message, done), cancelForm(m, message, done)] : null,
    message,
    el('button', { type: 'button', class: 'outcome', onclick: (e) => e.currentTarget.closest('#mt-card').remove() }, t('mt.close')));
}

function moveForm(m, message, done) {
  const start = new Date(m.start);
  const end = new Date(m.end);
  const date = el('input', { id: 'mt-move-date', type: 'date', value: localDay(start), required: true });
  const from = el('input', { id: 'mt-move-start', type: 'time', value: localTime(start), required: true });
  const to = el('input', { id: 'mt-move-end', type: 'time', value: localTime(end), required: true });
  const manager = el('input', { id: 'mt-move-manager', list: 'mt-managers', value: m.manager, required: true });
  const form = el('form', { id: 'mt-move-form', class: 'row' },
    el('fieldset', { class: 'row' }, el('legend', {}, t('mt.move')),
      field(t('mt.date'), date), field(t('mt.start'), from), field(t('mt.end'), to), field(t('mt.manager'), manager),
      el('button', { type: 'submit', class: 'primary', id: 'mt-move' }, t('mt.saveMove'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    const startAt = new Date(`${date.value}T${from.value}`);
    const endAt = new Date(`${date.value}T${to.value}`);
    try {
      const saved = await put(`/api/meetings/${m.id}`, {
        manager: manager.value.trim(), start: startAt.toISOString(), end: endAt.toISOString(),
        place: m.place, note: m.note, version: m.version,
      });
      done(t('mt.moved', saved.id, formatDateTime(saved.start)));
    } catch (e) {
      if (e.status === 409) done(t('mt.stale', e.message), true);
      else clear(message, problemText(e));
    }
  });
  return form;
}

function cancelForm(m, message, done) {
  const reason = el('input', { id: 'mt-reason', required: true, maxlength: 500 });
  const form = el('form', { id: 'mt-cancel-form', class: 'row', novalidate: true },
    el('fieldset', { class: 'row' }, el('legend', {}, t('mt.cancel')), field(t('mt.reason'), reason),
      el('button', { type: 'submit', class: 'primary', id: 'mt-cancel' }, t('mt.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    try {
      const saved = await put(`/api/meetings/${m.id}`, { state: 'CANCELLED', cancelReason: reason.value.trim() || null,
        version: m.version });
      done(t('mt.cancelled', saved.id));
    } catch (e) {
      if (e.status === 409) done(t('mt.stale', e.message), true);
      else clear(message, problemText(e));
    }
  });
  return form;
}
