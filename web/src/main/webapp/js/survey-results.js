// A survey's results: per question a chart (bars for choices, a histogram for scales, the NPS) with the same figures
// in a table; filters by days and operator; a cross-tab of two questions or a question and a contact attribute;
// every response exported as CSV or XLSX with progress.
import { clear, el, field } from './dom.js';
import { t, addStrings, formatNumber, formatPercent } from './i18n.js';
import { get } from './api.js';
import { drawChart } from './charts.js';
import { download, progressBar } from './transfer.js';

addStrings({
  en: {
    'sr.title': 'Results: {0}', 'sr.from': 'From', 'sr.to': 'To', 'sr.operator': 'Operator (username)',
    'sr.show': 'Show', 'sr.back': 'Back to the survey', 'sr.completes': 'Completes', 'sr.quotaFull': 'Stopped by a full quota',
    'sr.inProgress': 'In progress', 'sr.contacted': 'Contacted', 'sr.responseRate': 'Response rate',
    'sr.target': 'Target completes', 'sr.summary': 'Summary', 'sr.quotas': 'Quotas', 'sr.quota': 'Quota',
    'sr.limit': 'Limit', 'sr.full': 'Full', 'sr.yes': 'yes', 'sr.no': 'no',
    'sr.answered': 'Answered: {0}', 'sr.answer': 'Answer', 'sr.count': 'Count', 'sr.percent': 'Share',
    'sr.mean': 'Mean', 'sr.median': 'Median', 'sr.nps': 'NPS', 'sr.promoters': 'Promoters (9–10)',
    'sr.passives': 'Passives (7–8)', 'sr.detractors': 'Detractors (0–6)', 'sr.npsScore': 'NPS {0}',
    'sr.noFigures': 'Free answers are not counted; read them in the export.', 'sr.chartOf': '{0}: {1}',
    'sr.crosstab': 'Cross-tab', 'sr.row': 'Rows', 'sr.column': 'Columns', 'sr.total': 'Total',
    'sr.crosstabShow': 'Count', 'sr.attr': 'Contact: {0}', 'sr.export': 'Export every response',
    'sr.exportCsv': 'Export CSV', 'sr.exportXlsx': 'Export XLSX', 'sr.exported': 'Saved {0}.',
    'sr.multiple': 'Several answers per interview: shares may add up to more than 100 %.',
  },
  ru: {
    'sr.title': 'Результаты: {0}', 'sr.from': 'С', 'sr.to': 'По', 'sr.operator': 'Оператор (логин)',
    'sr.show': 'Показать', 'sr.back': 'К анкете', 'sr.completes': 'Завершено', 'sr.quotaFull': 'Остановлено квотой',
    'sr.inProgress': 'В процессе', 'sr.contacted': 'Обзвонено', 'sr.responseRate': 'Доля ответивших',
    'sr.target': 'Цель: завершённых', 'sr.summary': 'Итоги', 'sr.quotas': 'Квоты', 'sr.quota': 'Квота',
    'sr.limit': 'Лимит', 'sr.full': 'Заполнена', 'sr.yes': 'да', 'sr.no': 'нет',
    'sr.answered': 'Ответили: {0}', 'sr.answer': 'Ответ', 'sr.count': 'Количество', 'sr.percent': 'Доля',
    'sr.mean': 'Среднее', 'sr.median': 'Медиана', 'sr.nps': 'NPS', 'sr.promoters': 'Промоутеры (9–10)',
    'sr.passives': 'Нейтральные (7–8)', 'sr.detractors': 'Критики (0–6)', 'sr.npsScore': 'NPS {0}',
    'sr.noFigures': 'Свободные ответы не подсчитываются; их можно прочитать в выгрузке.', 'sr.chartOf': '{0}: {1}',
    'sr.crosstab': 'Перекрёстная таблица', 'sr.row': 'Строки', 'sr.column': 'Столбцы', 'sr.total': 'Итого',
    'sr.crosstabShow': 'Посчитать', 'sr.attr': 'Контакт: {0}', 'sr.export': 'Выгрузка всех анкет',
    'sr.exportCsv': 'Выгрузить CSV', 'sr.exportXlsx': 'Выгрузить XLSX', 'sr.exported': 'Сохранён файл {0}.',
    'sr.multiple': 'Можно выбрать несколько ответов, поэтому сумма долей может превышать 100 %.',
  },
});

const ATTRIBUTES = ['city', 'company', 'timeZone'];
const COLOURS = ['#1d4ed8', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#65a30d', '#db2777', '#4b5563',
  '#0f766e', '#b45309'];
const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));

export async function surveyResults(main, me, id) {
  const base = `/api/surveys/${encodeURIComponent(id)}`;
  main.append(el('p', {}, el('a', { href: `#/surveys/${encodeURIComponent(id)}`, id: 'results-back' }, t('sr.back'))));
  let survey;
  try {
    survey = await get(base);
  } catch (e) {
    main.append(failure(e));
    return;
  }
  const from = el('input', { id: 'results-from', type: 'date' });
  const to = el('input', { id: 'results-to', type: 'date' });
  const operator = el('input', { id: 'results-operator', maxlength: 100, autocomplete: 'off' });
  const filters = el('form', { id: 'results-filters', class: 'row' }, field(t('sr.from'), from), field(t('sr.to'), to),
    field(t('sr.operator'), operator), el('button', { type: 'submit', class: 'primary', id: 'results-show' }, t('sr.show')));
  const output = el('div', { id: 'results-output', 'aria-live': 'polite' });
  const query = () => {
    const q = {};
    if (from.value) q.from = from.value;
    if (to.value) q.to = to.value;
    if (operator.value.trim()) q.operator = operator.value.trim();
    return q;
  };
  const show = async () => {
    clear(output, el('p', {}, t('loading')));
    try {
      const figures = await get(`${base}/results`, query());
      clear(output, summary(figures), figures.quotas?.length ? quotasTable(figures) : null,
        figures.questions.map((q) => questionSection(q, survey)));
      output.querySelectorAll('.chart[data-pending]').forEach((box) => box.draw());
    } catch (e) {
      clear(output, failure(e));
    }
  };
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  main.append(el('h2', { id: 'results-title' }, t('sr.title', survey.title)), filters, output,
    crossTab(base, survey, query), exportBox(base, id));
  await show();
}

function summary(f) {
  const rows = [['sr.completes', 'completes', formatNumber(f.completes)], ['sr.quotaFull', 'quotaFull', formatNumber(f.quotaFull)],
    ['sr.inProgress', 'inProgress', formatNumber(f.inProgress)], ['sr.contacted', 'contacted', formatNumber(f.contacted)],
    ['sr.responseRate', 'responseRate', formatPercent(f.responseRate)], ['sr.target', 'targetCompletes', formatNumber(f.targetCompletes)]];
  return el('section', { class: 'card', id: 'results-summary' }, el('h2', {}, t('sr.summary')),
    el('dl', { class: 'facts' }, rows.map(([key, name, value]) => [el('dt', {}, t(key)), el('dd', { dataset: { figure: name } }, value)])));
}

function quotasTable(f) {
  const head = ['sr.quota', 'sr.limit', 'sr.completes', 'sr.full'];
  return el('section', { class: 'card' }, el('h2', {}, t('sr.quotas')),
    el('table', { class: 'data', id: 'results-quotas' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, f.quotas.map((q) => el('tr', { dataset: { quota: q.code }, class: q.full ? 'anomaly' : null },
        el('th', { scope: 'row' }, q.name ? `${q.name} (${q.code})` : q.code), el('td', { class: 'num' }, formatNumber(q.limit)),
        el('td', { class: 'num' }, formatNumber(q.completes)), el('td', {}, t(q.full ? 'sr.yes' : 'sr.no')))))));
}

/** An option's text with its code, or the scale point / value as it is. */
function label(question, value) {
  const option = (question?.options || []).find((o) => o.code === value);
  return option ? `${option.text} (${option.code})` : value;
}

function questionSection(f, survey) {
  const question = (survey.questions || []).find((q) => q.code === f.code);
  const section = el('section', { class: 'card result', id: `result-${f.code}`, dataset: { code: f.code, kind: f.kind } },
    el('h3', {}, `${f.code}. ${f.text}`), el('p', { class: 'answered' }, t('sr.answered', formatNumber(f.answered))));
  // [value, count, percent, shown as]: options or scale points as counted, or a NUMBER's numbers in bins
  const entries = f.distribution ? histogram(f.distribution, f.answered)
    : Object.entries(f.counts || {}).map(([value, count]) => [value, count, f.percentages?.[value], label(question, value)]);
  const layout = el('div', { class: 'result-body' });
  section.append(layout);
  if (entries.length) {
    const labels = entries.map((e) => e[3]);
    const counts = entries.map((e) => e[1]);
    const scale = f.kind === 'SCALE' || f.kind === 'NUMBER';
    const box = el('div', { class: 'chart', dataset: { pending: '' } });
    const description = `${f.code}: ` + entries.map(([, count, percent, shown]) =>
      `${shown} ${formatNumber(count)} (${formatPercent(percent)})`).join('; ');
    box.draw = () => {
      delete box.dataset.pending;
      drawChart(box, {
        type: 'bar',
        data: { labels, datasets: [{ label: t('sr.count'), data: counts,
          backgroundColor: scale ? entries.map(([value]) => npsColour(f, value)) : labels.map((_, i) => COLOURS[i % COLOURS.length]),
          barPercentage: scale ? 1 : 0.8, categoryPercentage: scale ? 1 : 0.8 }] },
        options: { indexAxis: scale ? 'x' : 'y', plugins: { legend: { display: false } },
          scales: { [scale ? 'y' : 'x']: { beginAtZero: true, ticks: { precision: 0 } } } },
      }, description).catch(() => { box.textContent = description; });
    };
    layout.append(box, el('table', { class: 'data figures', id: `result-table-${f.code}` },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('sr.answer')), el('th', { scope: 'col' }, t('sr.count')),
        el('th', { scope: 'col' }, t('sr.percent')))),
      el('tbody', {}, entries.map(([value, count, percent, shown]) => el('tr', { dataset: { answer: value } },
        el('th', { scope: 'row' }, shown), el('td', { class: 'num', dataset: { column: 'count' } }, formatNumber(count)),
        el('td', { class: 'num', dataset: { column: 'percent' } }, formatPercent(percent)))))));
    if (f.kind === 'MULTIPLE') section.append(el('p', { class: 'hint' }, t('sr.multiple')));
  }
  const stats = [];
  if (f.mean !== undefined && f.mean !== null) stats.push(['sr.mean', 'mean', formatNumber(f.mean, 2)]);
  if (f.median !== undefined && f.median !== null) stats.push(['sr.median', 'median', formatNumber(f.median, 2)]);
  if (f.nps) {
    stats.push(['sr.promoters', 'promoters', formatNumber(f.nps.promoters)], ['sr.passives', 'passives', formatNumber(f.nps.passives)],
      ['sr.detractors', 'detractors', formatNumber(f.nps.detractors)]);
    section.append(el('p', { class: 'nps', id: `result-nps-${f.code}` },
      t('sr.npsScore', (f.nps.score > 0 ? '+' : '') + formatNumber(f.nps.score, 1))));
  }
  if (stats.length) {
    section.append(el('dl', { class: 'facts stats' }, stats.map(([key, name, value]) =>
      [el('dt', {}, t(key)), el('dd', { dataset: { figure: name } }, value)])));
  }
  if (!entries.length && !stats.length && (f.kind === 'TEXT' || f.kind === 'DATE')) section.append(el('p', {}, t('sr.noFigures')));
  return section;
}

/**
 * A NUMBER's answers as histogram rows: each number when there are few distinct ones, else ten bins of equal width
 * ("from–to", the last one closed). Shares are of those who answered, one decimal as the server rounds them.
 */
function histogram(distribution, answered) {
  const points = Object.entries(distribution).map(([value, count]) => [Number(value), count]);
  const share = (count) => (answered ? Math.round((count * 1000) / answered) / 10 : 0);
  if (points.length <= 12) return points.map(([n, count]) => [String(n), count, share(count), formatNumber(n, 4)]);
  const min = points[0][0];
  const max = points[points.length - 1][0];
  const width = (max - min) / 10;
  const bins = Array.from({ length: 10 }, (_, i) => [min + i * width, min + (i + 1) * width, 0]);
  points.forEach(([n, count]) => { bins[Math.min(9, Math.floor((n - min) / width))][2] += count; });
  return bins.map(([lo, hi, count]) => [`${lo}-${hi}`, count, share(count), `${formatNumber(lo, 2)}–${formatNumber(hi, 2)}`]);
}

/** On a 0–10 scale the bars take the NPS groups' colours; other scales one colour. */
function npsColour(f, value) {
  if (!f.nps) return COLOURS[0];
  const n = Number(value);
  return n >= 9 ? '#059669' : n >= 7 ? '#9ca3af' : '#dc2626';
}

function crossTab(base, survey, query) {
  const countable = (survey.questions || []).filter((q) => ['SINGLE', 'MULTIPLE', 'SCALE'].includes(q.kind));
  const choices = (withAttributes) => [countable.map((q) => el('option', { value: q.code }, `${q.code}. ${q.text}`)),
    withAttributes ? ATTRIBUTES.map((a) => el('option', { value: 'attribute:' + a }, t('sr.attr', t('sv.attr.' + a)))) : null];
  const row = el('select', { id: 'crosstab-row' }, choices(true));
  const column = el('select', { id: 'crosstab-column' }, choices(true));
  if (countable.length > 1) column.value = countable[1].code;
  else column.value = 'attribute:city';
  const output = el('div', { id: 'crosstab-output', 'aria-live': 'polite' });
  const form = el('form', { id: 'crosstab-form', class: 'row' }, field(t('sr.row'), row), field(t('sr.column'), column),
    el('button', { type: 'submit', class: 'primary', id: 'crosstab-show' }, t('sr.crosstabShow')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(output, el('p', {}, t('loading')));
    try {
      const tab = await get(`${base}/results/crosstab`, { ...query(), row: row.value, column: column.value });
      const name = (side, value) => label((survey.questions || []).find((q) => q.code === side), value);
      const sideName = (side) => (side.startsWith('attribute:') ? t('sr.attr', t('sv.attr.' + side.slice(10))) : side);
      clear(output, el('table', { class: 'data', id: 'crosstab-table' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `${sideName(tab.row)} \\ ${sideName(tab.column)}`),
          tab.columns.map((c) => el('th', { scope: 'col', dataset: { column: c } }, name(tab.column, c))),
          el('th', { scope: 'col' }, t('sr.total')))),
        el('tbody', {}, tab.rows.map((r, i) => el('tr', { dataset: { row: r } }, el('th', { scope: 'row' }, name(tab.row, r)),
          tab.cells[i].map((n, j) => el('td', { class: 'num', dataset: { column: tab.columns[j] } }, formatNumber(n))),
          el('td', { class: 'num total' }, formatNumber(tab.rowTotals[i]))))),
        el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, t('sr.total')),
          tab.columnTotals.map((n) => el('td', { class: 'num' }, formatNumber(n))),
          el('td', { class: 'num total', id: 'crosstab-total' }, formatNumber(tab.total))))));
    } catch (e) {
      clear(output, failure(e));
    }
  });
  return el('section', { class: 'card', id: 'results-crosstab' }, el('h2', {}, t('sr.crosstab')),
    countable.length ? [form, output] : el('p', {}, '—'));
}

function exportBox(base, id) {
  const bar = progressBar('export-progress');
  const message = el('p', { id: 'export-message', role: 'status' });
  const button = (format, key) => el('button', { type: 'button', class: 'primary', id: `export-${format}`, onclick: async (e) => {
    e.target.disabled = true;
    clear(message);
    try {
      const saved = await download(`${base}/export?format=${format}`, `survey-${id}-responses.${format}`, bar);
      clear(message, t('sr.exported', saved.name));
    } catch (err) {
      clear(message, failure(err));
    } finally {
      e.target.disabled = false;
    }
  } }, t(key));
  return el('section', { class: 'card', id: 'results-export' }, el('h2', {}, t('sr.export')),
    el('div', { class: 'row' }, button('csv', 'sr.exportCsv'), button('xlsx', 'sr.exportXlsx')), bar.element, message);
}
