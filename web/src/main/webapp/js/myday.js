// The operator's own day: today's figures against the plan (their row of the operator-day report, the day being
// the call centre's by the server's clock), the callbacks due today and the meetings they booked.
import { clear, el } from './dom.js';
import { t, addStrings, formatDate, formatDateTime, formatNumber, formatPercent } from './i18n.js';
import { get } from './api.js';

addStrings({
  en: {
    'myday': 'My day', 'myday.figures': 'My figures today', 'myday.figuresOf': 'My figures, {0}',
    'myday.calls': 'Calls', 'myday.answered': 'Answered', 'myday.counted': 'Counted', 'myday.leads': 'Leads',
    'myday.plan': 'Plan (calls)', 'myday.planPercent': 'Plan fulfilled', 'myday.planLeads': 'Plan (leads)',
    'myday.noPlan': 'no plan', 'myday.figure': 'Figure', 'myday.value': 'Today',
    'myday.callbacks': 'Callbacks due today', 'myday.callbacksCount': '{0} due today, {1} overdue.',
    'myday.callbacksOpen': 'Open the callbacks', 'myday.callbacksPool': 'In the pool (any operator): {0}.', 'myday.meetings': 'Meetings I booked',
    'myday.noMeetings': 'No upcoming meetings.', 'myday.meeting.start': 'Start', 'myday.meeting.manager': 'Manager',
    'myday.meeting.place': 'Place', 'myday.meeting.campaign': 'Campaign',
    'myday.unavailable': 'The figures are not available: {0}',
  },
  ru: {
    'myday': 'Мой день', 'myday.figures': 'Мои показатели за сегодня', 'myday.figuresOf': 'Мои показатели, {0}',
    'myday.calls': 'Звонки', 'myday.answered': 'Отвечено', 'myday.counted': 'Засчитано', 'myday.leads': 'Лиды',
    'myday.plan': 'План (звонки)', 'myday.planPercent': 'Выполнение плана', 'myday.planLeads': 'План (лиды)',
    'myday.noPlan': 'плана нет', 'myday.figure': 'Показатель', 'myday.value': 'Сегодня',
    'myday.callbacks': 'Перезвоны на сегодня', 'myday.callbacksCount': 'На сегодня: {0}, просрочено: {1}.',
    'myday.callbacksOpen': 'Открыть перезвоны', 'myday.callbacksPool': 'В общем пуле (для любого оператора): {0}.', 'myday.meetings': 'Назначенные мной встречи',
    'myday.noMeetings': 'Предстоящих встреч нет.', 'myday.meeting.start': 'Начало', 'myday.meeting.manager': 'Менеджер',
    'myday.meeting.place': 'Место', 'myday.meeting.campaign': 'Кампания',
    'myday.unavailable': 'Показатели недоступны: {0}',
  },
});

/** Today's row of the operator-day report for the signed-in operator (null when the day has no figures yet). */
async function todayRow() {
  const rows = await get('/api/reports/operator-days', { from: 'today', to: 'today' });
  return rows[0] || null;
}

/**
 * A small panel with the operator's figures today against the plan; its refresh() reads them again (after an
 * outcome is recorded). Answers {element, refresh}.
 */
export function figuresPanel() {
  const body = el('div', { class: 'myday-body' }, t('loading'));
  const heading = el('h2', {}, t('myday.figures'));
  const element = el('aside', { id: 'myday-panel', class: 'card myday', 'aria-labelledby': 'myday-heading' }, heading, body);
  heading.id = 'myday-heading';
  const refresh = async () => {
    try {
      const row = await todayRow();
      if (row) clear(heading, t('myday.figuresOf', formatDate(row.date)));
      clear(body, figuresTable(row));
    } catch (e) {
      clear(body, el('p', { class: 'message', role: 'alert' }, t('myday.unavailable', e.message)));
    }
  };
  refresh();
  return { element, refresh };
}

function figuresTable(row) {
  const r = row || { calls: 0, answered: 0, counted: 0, leads: 0, planCalls: 0, planLeads: 0, planPercent: null };
  const plan = r.planCalls ? formatNumber(r.planCalls) : t('myday.noPlan');
  const figures = [
    ['calls', formatNumber(r.calls)], ['answered', formatNumber(r.answered)], ['counted', formatNumber(r.counted)],
    ['leads', formatNumber(r.leads)], ['plan', plan],
    ['planPercent', r.planPercent === null || r.planPercent === undefined ? '—' : formatPercent(r.planPercent)],
  ];
  // one row per figure, so the panel fits beside the work at 1366 px
  return el('table', { id: 'myday-figures', class: 'data figures' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('myday.figure')), el('th', { scope: 'col', class: 'num' }, t('myday.value')))),
    el('tbody', {}, figures.map(([key, value]) => el('tr', {},
      el('th', { scope: 'row' }, t('myday.' + key)),
      el('td', { class: 'num', dataset: { figure: key } }, value)))));
}

export async function myDayView(main) {
  const panel = figuresPanel();
  const callbacks = el('section', { id: 'myday-callbacks', class: 'card' }, el('h2', {}, t('myday.callbacks')),
    el('p', {}, t('loading')));
  const meetings = el('section', { id: 'myday-meetings', class: 'card' }, el('h2', {}, t('myday.meetings')),
    el('p', {}, t('loading')));
  main.append(el('div', { class: 'operator-layout' }, el('div', { class: 'work' }, callbacks, meetings), panel.element));
  try {
    const [own, pool] = await Promise.all([get('/api/callbacks', { due: 'today', size: 500 }),
      get('/api/callbacks', { due: 'today', pool: true, size: 500 })]);
    const overdue = own.items.filter((c) => c.overdue).length;
    clear(callbacks, el('h2', {}, t('myday.callbacks')),
      el('p', { id: 'myday-callbacks-count' }, t('myday.callbacksCount', formatNumber(own.items.length), formatNumber(overdue))),
      el('p', { id: 'myday-callbacks-pool' }, t('myday.callbacksPool', formatNumber(pool.items.length))),
      el('p', {}, el('a', { href: '#/callbacks' }, t('myday.callbacksOpen'))));
  } catch (e) {
    clear(callbacks, el('h2', {}, t('myday.callbacks')), el('p', { class: 'message', role: 'alert' }, e.message));
  }
  try {
    const page = await get('/api/meetings', { from: new Date().toISOString(), state: 'SCHEDULED', size: 20 });
    clear(meetings, el('h2', {}, t('myday.meetings')), page.items.length === 0
      ? el('p', { id: 'myday-no-meetings' }, t('myday.noMeetings'))
      : el('table', { id: 'myday-meetings-table', class: 'data' },
        el('thead', {}, el('tr', {}, ['start', 'manager', 'place', 'campaign']
          .map((k) => el('th', { scope: 'col' }, t('myday.meeting.' + k))))),
        el('tbody', {}, page.items.map((m) => el('tr', { dataset: { id: m.id } },
          el('td', {}, formatDateTime(m.start)), el('td', {}, m.manager), el('td', {}, m.place ?? ''),
          el('td', {}, m.campaign ?? '—'))))));
  } catch (e) {
    clear(meetings, el('h2', {}, t('myday.meetings')), el('p', { class: 'message', role: 'alert' }, e.message));
  }
}
