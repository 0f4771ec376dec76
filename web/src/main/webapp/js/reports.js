// The supervisor's operator-day table: a period, sortable columns, anomalous days marked, a figure opens its calls.
import { clear, el, field } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { get } from './api.js';
import { callsTable } from './inbound.js';

const COLUMNS = [
  { key: 'date', text: true }, { key: 'operator', text: true }, { key: 'team', text: true },
  { key: 'calls', kind: 'all' }, { key: 'answered', kind: 'answered' }, { key: 'counted', kind: 'counted' },
  { key: 'short', kind: 'short' }, { key: 'long', kind: 'long' }, { key: 'avgTalkSeconds', digits: 1 },
  { key: 'leads' }, { key: 'planPercent', digits: 1 }, { key: 'conversion', digits: 4 },
];

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function operatorDaysView(main) {
  const from = el('input', { id: 'report-from', type: 'date', value: today(), required: true });
  const to = el('input', { id: 'report-to', type: 'date', value: today(), required: true });
  const operator = el('input', { id: 'report-operator', autocomplete: 'off' });
  const form = el('form', { id: 'report-form', class: 'row' },
    field(t('report.from'), from), field(t('report.to'), to), field(t('report.operator'), operator),
    el('button', { type: 'submit', class: 'primary', id: 'report-show' }, t('report.show')));
  const output = el('div', { id: 'report-output', 'aria-live': 'polite' });
  const behind = el('section', { id: 'report-calls' });
  const state = { rows: [], anomalies: [], sort: { key: 'date', dir: 1 } };

  const draw = () => clear(output, table(state, draw, (row, kind) => showCalls(behind, row, kind)),
    anomalyList(state.anomalies));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(output, el('p', {}, t('loading')));
    clear(behind);
    const params = { from: from.value, to: to.value };
    if (operator.value.trim()) params.operator = operator.value.trim();
    try {
      [state.rows, state.anomalies] = await Promise.all([
        get('/api/reports/operator-days', params), get('/api/reports/anomalies', params)]);
      draw();
    } catch (e) {
      clear(output, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    }
  });
  main.append(form, output, behind);
  form.requestSubmit();
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
        title: flags.map((a) => `${a.type}: ${a.detail ?? ''}`).join('\n') || null,
      }, COLUMNS.map((c) => cell(row, c, open)));
    })));
}

function cell(row, column, open) {
  if (column.key === 'date') return el('td', {}, formatDate(row.date));
  if (column.text) return el('td', {}, row[column.key] ?? '—');
  const shown = formatNumber(row[column.key], column.digits ?? 0);
  if (!column.kind || !row[column.key]) return el('td', { class: 'num', dataset: { column: column.key } }, shown);
  return el('td', { class: 'num', dataset: { column: column.key } },
    el('button', { type: 'button', class: 'figure', onclick: () => open(row, column.kind) }, shown));
}

function anomalyList(anomalies) {
  return el('section', { id: 'anomalies' }, el('h2', {}, t('report.anomalies')),
    anomalies.length === 0 ? el('p', {}, t('report.noAnomalies'))
      : el('ul', {}, anomalies.map((a) => el('li', { class: 'anomaly' },
        el('strong', {}, a.type), ` ${formatDate(a.date)} ${a.operator ?? ''} — ${a.detail ?? ''}`))));
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
