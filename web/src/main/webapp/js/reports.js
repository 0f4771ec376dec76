// The supervisor's (and a client's) operator-day table: a period, the thresholds in force, sortable columns,
// anomalous days and their figures marked, a figure opens its calls; the period's totals, a daily leads chart per
// operator with the same figures as a table, and the report as CSV or XLSX.
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDate, formatNumber, formatPercent } from './i18n.js';
import { get } from './api.js';
import { callsTable } from './inbound.js';
import { drawChart } from './charts.js';
import { ANOMALY_COLUMN, anomaliesTable, anomalyText, exportButtons } from './anomalies.js';

addStrings({
  en: {
    'report.thresholds': 'Thresholds in force',
    'report.threshold.minTalk': 'a call counts from {0} s of talk',
    'report.threshold.long': 'a call is long from {0} s',
    'report.threshold.spike': 'lead spike: at least {0} leads and {1} × the mean of the {2} days before',
    'report.threshold.short': 'short calls: {0} of at least {1} answered',
    'report.threshold.longCount': 'long calls: {0} or more a day',
    'report.threshold.repeat': 'repeat dials: more than {0} a day to one number',
    'report.threshold.plan': 'plan missed below {0}',
    'report.threshold.zone': 'days in {0}',
    'report.totals': 'Totals for the period', 'report.centre': 'Whole centre', 'col.days': 'Days',
    'report.leadsChart': 'Leads per operator and day',
    'report.leadsChartText': 'Leads per day from {0} to {1}: {2}.',
    'report.export': 'Export the operator days',
    'report.flagged': '{0} — see the anomalies',
    'report.team': 'Team', 'report.campaign': 'Campaign', 'report.allCampaigns': 'All campaigns',
    'report.thresholdsUsed': 'Thresholds used', 'report.threshold.backing': 'a lead is backed by a call up to {0} h before it',
    'report.threshold.period': '{0} – {1}', 'report.threshold.open': 'now', 'report.threshold.since': 'from the start',
    'report.threshold.centre': 'whole centre', 'report.threshold.campaign': 'campaign {0}',
  },
  ru: {
    'report.thresholds': 'Действующие пороги',
    'report.threshold.minTalk': 'звонок засчитывается от {0} с разговора',
    'report.threshold.long': 'длинный звонок — от {0} с',
    'report.threshold.spike': 'всплеск лидов: не меньше {0} лидов и в {1} раза больше среднего за {2} предыдущих дней',
    'report.threshold.short': 'короткие звонки: {0} при не менее чем {1} отвеченных',
    'report.threshold.longCount': 'длинные звонки: {0} и больше за день',
    'report.threshold.repeat': 'повторные наборы: больше {0} за день на один номер',
    'report.threshold.plan': 'план не выполнен ниже {0}',
    'report.threshold.zone': 'сутки по часовому поясу {0}',
    'report.totals': 'Итоги за период', 'report.centre': 'Весь центр', 'col.days': 'Дни',
    'report.leadsChart': 'Лиды по операторам и дням',
    'report.leadsChartText': 'Лиды по дням с {0} по {1}: {2}.',
    'report.export': 'Выгрузка дней операторов',
    'report.flagged': '{0} — см. аномалии',
    'report.team': 'Команда', 'report.campaign': 'Кампания', 'report.allCampaigns': 'Все кампании',
    'report.thresholdsUsed': 'Применённые пороги', 'report.threshold.backing': 'лид подтверждается звонком не раньше чем за {0} ч',
    'report.threshold.period': '{0} – {1}', 'report.threshold.open': 'сейчас', 'report.threshold.since': 'с начала',
    'report.threshold.centre': 'весь центр', 'report.threshold.campaign': 'кампания {0}',
  },
});

const COLUMNS = [
  { key: 'date', text: true }, { key: 'operator', text: true }, { key: 'team', text: true },
  { key: 'calls', kind: 'all' }, { key: 'answered', kind: 'answered' }, { key: 'counted', kind: 'counted' },
  { key: 'short', kind: 'short' }, { key: 'long', kind: 'long' }, { key: 'avgTalkSeconds', digits: 1 },
  { key: 'leads' }, { key: 'planPercent', percent: 1 }, { key: 'conversion', percent: 100 },
];

const TOTAL_COLUMNS = [
  { key: 'days' }, { key: 'calls' }, { key: 'answered' }, { key: 'counted' }, { key: 'short' }, { key: 'long' },
  { key: 'avgTalkSeconds', digits: 1 }, { key: 'leads' }, { key: 'planPercent', percent: 1 }, { key: 'conversion', percent: 100 },
];

/**
 * A figure as the table shows it: planPercent is already in percent, conversion a fraction (leads / counted calls)
 * shown ×100, both as "3.85 %".
 */
const figure = (value, column) => (column.percent
  ? formatPercent(value === null || value === undefined ? null : Number(value) * column.percent, 2)
  : formatNumber(value, column.digits ?? 0));

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every day from..to as YYYY-MM-DD (calendar days, no time zone involved). */
function daysOf(from, to) {
  const days = [];
  for (let d = new Date(from + 'T00:00:00Z'); d <= new Date(to + 'T00:00:00Z') && days.length < 400;
    d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

export function operatorDaysView(main) {
  const from = el('input', { id: 'report-from', type: 'date', value: today(), required: true });
  const to = el('input', { id: 'report-to', type: 'date', value: today(), required: true });
  const operator = el('input', { id: 'report-operator', autocomplete: 'off' });
  const team = el('input', { id: 'report-team', autocomplete: 'off', size: 10 });
  // the campaigns the user may see (a client's user: its own); a narrowed report carries no plan
  const campaign = el('select', { id: 'report-campaign' }, el('option', { value: '' }, t('report.allCampaigns')));
  get('/api/campaigns', { size: 500 }).then((page) => campaign.append(...(page.items || [])
    .map((c) => el('option', { value: c.code }, c.name ? `${c.code} — ${c.name}` : c.code)))).catch(() => {});
  const form = el('form', { id: 'report-form', class: 'row' },
    field(t('report.from'), from), field(t('report.to'), to), field(t('report.operator'), operator),
    field(t('report.team'), team), field(t('report.campaign'), campaign),
    el('button', { type: 'submit', class: 'primary', id: 'report-show' }, t('report.show')));
  const params = () => {
    const p = { from: from.value, to: to.value };
    if (operator.value.trim()) p.operator = operator.value.trim();
    if (team.value.trim()) p.team = team.value.trim();
    if (campaign.value) p.campaign = campaign.value;
    return p;
  };
  const thresholds = el('p', { id: 'report-thresholds', class: 'thresholds' });
  const used = el('div', { id: 'report-thresholds-used', class: 'thresholds' });
  const output = el('div', { id: 'report-output', 'aria-live': 'polite' });
  const behind = el('section', { id: 'report-calls' });
  const totals = el('section', { id: 'report-totals' });
  const chart = el('section', { id: 'report-leads', class: 'chart-section' });
  const state = { rows: [], anomalies: [], sort: { key: 'date', dir: 1 } };

  const draw = () => clear(output, table(state, draw, (row, kind) => showCalls(behind, row, kind)),
    anomalyList(state.anomalies));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(output, el('p', {}, t('loading')));
    clear(behind);
    const asked = params();
    try {
      const [rows, anomalies, sums] = await Promise.all([get('/api/reports/operator-days', asked),
        get('/api/reports/anomalies', asked), get('/api/reports/operator-days/totals', asked)]);
      Object.assign(state, { rows, anomalies });
      showThresholdsUsed(used, asked);
      draw();
      clear(totals, totalsTable(sums));
      leadsChart(chart, rows, asked.from, asked.to);
    } catch (e) {
      const violations = (e.problem?.violations || []).map((v) => `${v.field}: ${v.message}`).join('; ');
      clear(output, el('p', { class: 'message', role: 'alert' }, t('error.generic', violations || e.message)));
      clear(totals);
      clear(chart);
    }
  });
  main.append(form, thresholds, used,
    el('section', { class: 'exports-line' }, el('h2', { class: 'visually-hidden' }, t('report.export')),
      exportButtons('/api/reports/operator-days', params, 'operator-days', 'report-export')),
    output, behind, totals, chart);
  showThresholds(thresholds);
  form.requestSubmit();
}

const n = (v, digits = 0) => formatNumber(v === null || v === undefined ? null : Number(v), digits);

/** The thresholds as phrases; those the source does not carry are left out. */
function thresholdPhrases(s) {
  const has = (...keys) => keys.every((k) => s[k] !== null && s[k] !== undefined);
  return [
    has('minTalkSeconds') && t('report.threshold.minTalk', n(s.minTalkSeconds)),
    has('longCallSeconds') && t('report.threshold.long', n(s.longCallSeconds)),
    has('leadSpikeMinLeads', 'leadSpikeFactor', 'leadSpikeWindowDays')
      && t('report.threshold.spike', n(s.leadSpikeMinLeads), n(s.leadSpikeFactor, 2), n(s.leadSpikeWindowDays)),
    has('shortCallsPercent', 'shortCallsMinAnswered')
      && t('report.threshold.short', formatPercent(s.shortCallsPercent, 0), n(s.shortCallsMinAnswered)),
    has('longCallsMinCount') && t('report.threshold.longCount', n(s.longCallsMinCount)),
    has('repeatDialsMax') && t('report.threshold.repeat', n(s.repeatDialsMax)),
    has('planMissPercent') && t('report.threshold.plan', formatPercent(s.planMissPercent, 0)),
    has('backingWindowHours') && t('report.threshold.backing', n(s.backingWindowHours)),
    has('timeZone') && t('report.threshold.zone', s.timeZone),
  ].filter(Boolean);
}

const phrases = (list) => list.map((text, i) => el('span', { class: 'threshold', dataset: { index: i } }, (i ? '; ' : '') + text));

/** The thresholds in force now (the settings). */
async function showThresholds(target) {
  try {
    const s = await get('/api/settings');
    clear(target, el('strong', {}, t('report.thresholds') + ': '), phrases(thresholdPhrases(s)), '.');
  } catch (e) {
    clear(target, el('span', { class: 'message' }, t('error.generic', e.message)));
  }
}

/**
 * The thresholds the report was computed with: each period of the asked days with the values in force then
 * (GET /api/thresholds), for a past day may differ from those in force now. Nothing where the server keeps no history.
 */
async function showThresholdsUsed(target, asked) {
  const query = { from: asked.from, to: asked.to };
  if (asked.campaign) query.campaign = asked.campaign;
  let periods = null;
  try {
    periods = await get('/api/thresholds', query);
  } catch (e) {
    periods = null;
  }
  if (!Array.isArray(periods) || periods.length === 0) {
    clear(target);
    return;
  }
  const since = (p) => (p.validFrom && p.validFrom > '1971-01-01' ? formatDate(p.validFrom) : t('report.threshold.since'));
  clear(target, el('strong', {}, t('report.thresholdsUsed') + ':'),
    el('ul', { class: 'threshold-periods' }, periods.map((p) => el('li', {
      dataset: { scope: p.scope ?? '', campaign: p.campaign ?? '', from: p.validFrom ?? '', to: p.validTo ?? '' },
    }, el('span', { class: 'period' }, t('report.threshold.period', since(p), p.validTo ? formatDate(p.validTo) : t('report.threshold.open')),
      ' (', p.scope === 'CAMPAIGN' ? t('report.threshold.campaign', p.campaign ?? '') : t('report.threshold.centre'), '): '),
    phrases(thresholdPhrases(p)), '.'))));
}

function totalsTable(sums) {
  const line = (total, head) => el('tr', { dataset: { operator: total.operator ?? '' } },
    el('th', { scope: 'row' }, head),
    TOTAL_COLUMNS.map((c) => el('td', { class: 'num', dataset: { column: c.key } },
      figure(total[c.key], c))));
  return [el('h2', {}, t('report.totals')), el('table', { id: 'report-totals-table', class: 'data' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('col.operator')),
      TOTAL_COLUMNS.map((c) => el('th', { scope: 'col' }, t('col.' + c.key))))),
    el('tbody', {}, sums.operators.map((o) => line(o, o.operator))),
    el('tfoot', {}, line(sums.centre, t('report.centre'))))];
}

/** One line per operator, the period's days on the x axis; the same figures as a table below. */
function leadsChart(target, rows, from, to) {
  const days = daysOf(from, to);
  const operators = [...new Set(rows.map((r) => r.operator))].sort();
  if (operators.length === 0) {
    clear(target);
    return;
  }
  const leads = new Map(rows.map((r) => [`${r.operator}|${r.date}`, r.leads]));
  const series = operators.map((o) => days.map((d) => leads.get(`${o}|${d}`) ?? 0));
  const canvasBox = el('div', { class: 'chart', id: 'report-leads-chart' });
  const description = t('report.leadsChartText', formatDate(from), formatDate(to),
    operators.map((o, i) => `${o} ${series[i].reduce((a, b) => a + b, 0)}`).join(', '));
  const figures = el('table', { id: 'report-leads-table', class: 'data' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('col.operator')),
      days.map((d) => el('th', { scope: 'col', class: 'num' }, formatDate(d))))),
    el('tbody', {}, operators.map((o, i) => el('tr', { dataset: { operator: o } }, el('th', { scope: 'row' }, o),
      series[i].map((v, j) => el('td', { class: 'num', dataset: { date: days[j] } }, formatNumber(v)))))));
  clear(target, el('h2', {}, t('report.leadsChart')), canvasBox, el('div', { class: 'scroll' }, figures));
  const palette = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4b5563'];
  drawChart(canvasBox, {
    type: days.length > 1 ? 'line' : 'bar',
    data: {
      labels: days.map(formatDate),
      datasets: operators.map((o, i) => ({
        label: o, data: series[i], borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length], tension: 0.2,
      })),
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }, description).catch((e) => canvasBox.replaceChildren(el('p', { class: 'message' }, t('error.generic', e.message))));
}

function anomaliesOf(anomalies, row) {
  return anomalies.filter((a) => a.date === row.date && a.operator === row.operator);
}

function table(state, redraw, open) {
  if (state.rows.length === 0) return el('p', { id: 'report-empty' }, t('report.empty'));
  const { key, dir } = state.sort;
  const rows = [...state.rows].sort((a, b) => {
    const x = a[key] ?? -Infinity;
    const y = b[key] ?? -Infinity;
    return (typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y) * dir;
  });
  const header = COLUMNS.map((c) => el('th', {
    scope: 'col', 'aria-sort': c.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none',
  }, el('button', {
    type: 'button', class: 'sort', dataset: { column: c.key }, title: t('report.sortHint'),
    onclick: () => {
      state.sort = { key: c.key, dir: c.key === key ? -dir : 1 };
      redraw();
    },
  }, t('col.' + c.key), c.key === key ? (dir > 0 ? ' ▲' : ' ▼') : '')));
  return el('table', { id: 'operator-days', class: 'data' },
    el('thead', {}, el('tr', {}, header)),
    el('tbody', {}, rows.map((row) => {
      const flags = anomaliesOf(state.anomalies, row);
      return el('tr', {
        class: flags.length ? 'anomaly' : null, dataset: { operator: row.operator, date: row.date },
        title: flags.map(anomalyText).join('\n') || null,
      }, COLUMNS.map((c) => cell(row, c, open, flags.filter((a) => ANOMALY_COLUMN[a.type] === c.key))));
    })));
}

function cell(row, column, open, flags) {
  if (column.key === 'date') return el('td', {}, formatDate(row.date));
  if (column.text) return el('td', {}, row[column.key] ?? '—');
  const shown = figure(row[column.key], column);
  const attrs = {
    class: flags.length ? 'num flagged' : 'num', dataset: { column: column.key },
    title: flags.length ? t('report.flagged', flags.map((a) => anomalyText(a)).join('; ')) : null,
  };
  if (!column.kind || !row[column.key]) return el('td', attrs, shown);
  return el('td', attrs, el('button', { type: 'button', class: 'figure', onclick: () => open(row, column.kind) }, shown));
}

function anomalyList(anomalies) {
  return el('section', { id: 'anomalies' }, el('h2', {}, t('report.anomalies')),
    anomalies.length === 0 ? el('p', {}, t('report.noAnomalies')) : anomaliesTable(anomalies, 'report-anomalies'));
}

async function showCalls(target, row, kind) {
  clear(target, el('p', {}, t('loading')));
  try {
    const page = await get('/api/reports/calls', { operator: row.operator, date: row.date, kind, size: 200 });
    const close = el('button', { type: 'button', onclick: () => clear(target) }, t('report.close'));
    clear(target, el('h2', { tabindex: -1 }, t('report.callsBehind', row.operator, formatDate(row.date), t('col.' + (kind === 'all' ? 'calls' : kind)))),
      callsTable(page.items), close);
    target.querySelector('h2').focus();
  } catch (e) {
    clear(target, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
  }
}
