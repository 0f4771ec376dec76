// Anomalies of a period (SUPERVISOR and CLIENT; the API keeps a client's user to its own client's operators): each
// with its type, operator, day and the figures that raised it said in plain words, and the list as CSV or XLSX.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, addStrings, formatDate, formatNumber, formatPercent, today } from './i18n.js';
import { get } from './api.js';
import { download, progressBar } from './transfer.js';

addStrings({
  en: {
    'anomaly.LEAD_SPIKE': 'Lead spike', 'anomaly.UNBACKED_LEADS': 'Leads without a call',
    'anomaly.SHORT_CALLS': 'Many short calls', 'anomaly.LONG_CALLS': 'Many long calls',
    'anomaly.REPEAT_DIALS': 'Same number dialled again and again', 'anomaly.PLAN_MISS': 'Plan missed',
    'anomaly.why.LEAD_SPIKE': '{0} leads on this day, against {1} a day on average over the {2} days before (raised at {3} leads and {4} × the average).',
    'anomaly.why.LEAD_SPIKE.centre': 'The whole centre made {0} leads on this day, against {1} a day on average over the {2} days before (raised at {3} leads and {4} × the average).',
    'anomaly.why.UNBACKED_LEADS': '{0} of {1} leads are not tied to a counted call of the operator.',
    'anomaly.why.SHORT_CALLS': '{0} of {1} answered calls were short ({2}); raised at {3} of at least {4} answered calls.',
    'anomaly.why.LONG_CALLS': '{0} long calls; raised at {1} or more.',
    'anomaly.why.REPEAT_DIALS': 'Numbers dialled more than {0} times:',
    'anomaly.why.REPEAT_DIALS.number': '{0} times',
    'anomaly.why.PLAN_MISS': '{0} counted calls against a plan of {1} ({2}); raised below {3}.',
    'anomaly.centre': 'Whole centre', 'anomaly.type': 'Anomaly', 'anomaly.evidence': 'Why',
    'anomaly.export': 'Export', 'anomaly.csv': 'Download CSV', 'anomaly.xlsx': 'Download Excel (XLSX)',
    'anomaly.count': 'Anomalies found: {0}.', 'anomaly.leadIds': 'Leads: {0}',
    'anomaly.SHARED_CALL': 'One call, several leads', 'anomaly.LATE_LEAD': 'Lead entered late',
    'anomaly.LEADS_WITHOUT_CALLS': 'Leads without a counted call', 'anomaly.RECORDING_REPLACED': 'Recording changed by hand',
    'anomaly.OUTCOME_WITHOUT_CALL': 'Outcome without a PBX call',
    'anomaly.why.SHARED_CALL': 'One call is cited by {0} leads; a call can back one lead only.',
    'anomaly.why.LATE_LEAD': 'A lead was entered after the backing window since its call ended.',
    'anomaly.why.LEADS_WITHOUT_CALLS': '{0} leads on a day without a single counted call of the operator.',
    'anomaly.why.LEADS_WITHOUT_CALLS.some': 'Leads on a day without a single counted call of the operator.',
    'anomaly.why.RECORDING_REPLACED': 'A person attached or replaced the recording after the PBX delivered the call.',
    'anomaly.why.OUTCOME_WITHOUT_CALL': 'An outcome was recorded, but the PBX never delivered its call.',
    'anomaly.callId': 'Call: #{0}', 'anomaly.callIds': 'Calls: {0}',
  },
  ru: {
    'anomaly.LEAD_SPIKE': 'Всплеск лидов', 'anomaly.UNBACKED_LEADS': 'Лиды без звонка',
    'anomaly.SHORT_CALLS': 'Много коротких звонков', 'anomaly.LONG_CALLS': 'Много длинных звонков',
    'anomaly.REPEAT_DIALS': 'Один номер набран много раз', 'anomaly.PLAN_MISS': 'План не выполнен',
    'anomaly.why.LEAD_SPIKE': 'За день {0} лидов, а в среднем за {2} предыдущих дней — {1} в день (порог: не меньше {3} лидов и в {4} раза больше среднего).',
    'anomaly.why.LEAD_SPIKE.centre': 'Весь центр за день сделал {0} лидов, а в среднем за {2} предыдущих дней — {1} в день (порог: не меньше {3} лидов и в {4} раза больше среднего).',
    'anomaly.why.UNBACKED_LEADS': '{0} из {1} лидов не подкреплены засчитанным звонком оператора.',
    'anomaly.why.SHORT_CALLS': '{0} из {1} отвеченных звонков — короткие ({2}); порог — {3} при не менее чем {4} отвеченных.',
    'anomaly.why.LONG_CALLS': 'Длинных звонков: {0}; порог — {1} и больше.',
    'anomaly.why.REPEAT_DIALS': 'Номера, набранные больше {0} раз:',
    'anomaly.why.REPEAT_DIALS.number': '{0} раз',
    'anomaly.why.PLAN_MISS': 'Засчитано {0} звонков при плане {1} ({2}); порог — ниже {3}.',
    'anomaly.centre': 'Весь центр', 'anomaly.type': 'Аномалия', 'anomaly.evidence': 'Почему',
    'anomaly.export': 'Выгрузка', 'anomaly.csv': 'Скачать CSV', 'anomaly.xlsx': 'Скачать Excel (XLSX)',
    'anomaly.count': 'Найдено аномалий: {0}.', 'anomaly.leadIds': 'Лиды: {0}',
    'anomaly.SHARED_CALL': 'Один звонок — несколько лидов', 'anomaly.LATE_LEAD': 'Лид внесён поздно',
    'anomaly.LEADS_WITHOUT_CALLS': 'Лиды без засчитанных звонков', 'anomaly.RECORDING_REPLACED': 'Запись изменена вручную',
    'anomaly.OUTCOME_WITHOUT_CALL': 'Результат без звонка из АТС',
    'anomaly.why.SHARED_CALL': 'Лидов, ссылающихся на один звонок: {0}; звонок подтверждает только один лид.',
    'anomaly.why.LATE_LEAD': 'Лид внесён позже, чем допускает окно подтверждения после окончания звонка.',
    'anomaly.why.LEADS_WITHOUT_CALLS': 'Лидов: {0} — в день, когда у оператора нет ни одного засчитанного звонка.',
    'anomaly.why.LEADS_WITHOUT_CALLS.some': 'Лиды в день, когда у оператора нет ни одного засчитанного звонка.',
    'anomaly.why.RECORDING_REPLACED': 'Человек прикрепил или заменил запись после того, как АТС передала звонок.',
    'anomaly.why.OUTCOME_WITHOUT_CALL': 'Результат записан, но АТС так и не передала этот звонок.',
    'anomaly.callId': 'Звонок: #{0}', 'anomaly.callIds': 'Звонки: {0}',
  },
});

/** Which operator-day column an anomaly is about (the report highlights that figure). */
export const ANOMALY_COLUMN = {
  LEAD_SPIKE: 'leads', UNBACKED_LEADS: 'leads', SHORT_CALLS: 'short', LONG_CALLS: 'long',
  REPEAT_DIALS: 'calls', PLAN_MISS: 'planPercent', SHARED_CALL: 'leads', LATE_LEAD: 'leads',
  LEADS_WITHOUT_CALLS: 'leads', OUTCOME_WITHOUT_CALL: 'calls',
};

/** The leads and calls an anomaly names, as words after its sentence ("Leads: #4, #5. Call: #12."). */
function cited(e) {
  const ids = (list) => list.map((id) => '#' + id).join(', ');
  return [
    (e.leadIds || []).length ? t('anomaly.leadIds', ids(e.leadIds)) : null,
    e.callId !== undefined && e.callId !== null ? t('anomaly.callId', e.callId) : null,
    (e.callIds || []).length ? t('anomaly.callIds', ids(e.callIds)) : null,
  ].filter(Boolean).map((text) => ' ' + text + '.').join('');
}

export const anomalyType = (type) => (has('anomaly.' + type) ? t('anomaly.' + type) : type);

/** The evidence of an anomaly in plain words of the UI's language (nodes: a repeat dial lists phone numbers). */
export function anomalyEvidence(a) {
  const e = a.evidence || {};
  const n = (v, digits = 0) => formatNumber(v === undefined ? null : Number(v), digits);
  switch (a.type) {
    case 'LEAD_SPIKE':
      return t(e.scope === 'centre' ? 'anomaly.why.LEAD_SPIKE.centre' : 'anomaly.why.LEAD_SPIKE', n(e.leads),
        n(e.mean, 2), n((e.previousDays || []).length), n(e.minLeads), n(e.factor, 2));
    case 'UNBACKED_LEADS':
      return [t('anomaly.why.UNBACKED_LEADS', n(e.unbacked), n(e.leads)),
        (e.leadIds || []).length ? ' ' + t('anomaly.leadIds', e.leadIds.map((id) => '#' + id).join(', ')) : ''].join('');
    case 'SHORT_CALLS':
      return t('anomaly.why.SHORT_CALLS', n(e.short), n(e.answered), formatPercent(e.shortPercent),
        formatPercent(e.thresholdPercent, 0), n(e.minAnswered));
    case 'LONG_CALLS':
      return t('anomaly.why.LONG_CALLS', n(e.long), n(e.minCount));
    case 'REPEAT_DIALS':
      return el('span', {}, t('anomaly.why.REPEAT_DIALS', n(e.maxDials)), ' ',
        (e.numbers || []).map((d, i) => [i ? '; ' : '', phone(d.number), ' — ', t('anomaly.why.REPEAT_DIALS.number', n(d.dials))]));
    case 'PLAN_MISS':
      return t('anomaly.why.PLAN_MISS', n(e.counted), n(e.planCalls), formatPercent(e.planPercent),
        formatPercent(e.thresholdPercent, 0));
    case 'SHARED_CALL':
      return t('anomaly.why.SHARED_CALL', n(e.leads ?? (e.leadIds || []).length)) + cited(e);
    case 'LEADS_WITHOUT_CALLS':
      return (e.leads !== undefined ? t('anomaly.why.LEADS_WITHOUT_CALLS', n(e.leads))
        : t('anomaly.why.LEADS_WITHOUT_CALLS.some')) + cited(e);
    case 'LATE_LEAD':
    case 'RECORDING_REPLACED':
    case 'OUTCOME_WITHOUT_CALL':
      return t('anomaly.why.' + a.type) + cited(e);
    default:
      return a.detail ?? '';
  }
}

/** The same as text only (a row's tooltip). */
export function anomalyText(a) {
  const evidence = anomalyEvidence(a);
  return `${anomalyType(a.type)}: ${typeof evidence === 'string' ? evidence : evidence.textContent}`;
}

/** The anomalies as a table with <th scope>; rows carry data-type/-operator/-date for tests and styles. */
export function anomaliesTable(anomalies, id = 'anomalies-table') {
  return el('table', { id, class: 'data anomalies' },
    el('thead', {}, el('tr', {}, ['anomaly.type', 'col.operator', 'col.date', 'anomaly.evidence']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, anomalies.map((a) => el('tr', {
      class: 'anomaly', dataset: { type: a.type, operator: a.operator ?? '', date: a.date },
    },
    el('th', { scope: 'row' }, anomalyType(a.type), ' ', el('span', { class: 'code' }, a.type)),
    el('td', {}, a.operator ?? t('anomaly.centre')),
    el('td', {}, formatDate(a.date)),
    el('td', { class: 'evidence', title: a.detail || null }, anomalyEvidence(a))))));
}

/** CSV and XLSX buttons for a report path and its parameters, with one progress bar. */
export function exportButtons(path, params, name, id) {
  const progress = progressBar(id + '-progress');
  const message = el('p', { class: 'message', role: 'alert' });
  const fetchAs = async (format) => {
    clear(message);
    try {
      await download(`${path}?${new URLSearchParams({ ...params(), format })}`, `${name}.${format}`, progress);
    } catch (e) {
      clear(message, t('error.generic', e.message));
    }
  };
  return el('div', { class: 'exports', id, role: 'group', 'aria-label': t('anomaly.export') },
    el('button', { type: 'button', class: 'outcome', id: id + '-csv', onclick: () => fetchAs('csv') }, t('anomaly.csv')),
    el('button', { type: 'button', class: 'outcome', id: id + '-xlsx', onclick: () => fetchAs('xlsx') }, t('anomaly.xlsx')),
    progress.element, message);
}

export function anomaliesView(main) {
  const from = el('input', { id: 'anomalies-from', type: 'date', value: today(), required: true });
  const to = el('input', { id: 'anomalies-to', type: 'date', value: today(), required: true });
  const operator = el('input', { id: 'anomalies-operator', autocomplete: 'off' });
  const params = () => {
    const p = { from: from.value, to: to.value };
    if (operator.value.trim()) p.operator = operator.value.trim();
    return p;
  };
  const form = el('form', { id: 'anomalies-form', class: 'row' },
    field(t('report.from'), from), field(t('report.to'), to), field(t('report.operator'), operator),
    el('button', { type: 'submit', class: 'primary', id: 'anomalies-show' }, t('report.show')));
  const output = el('div', { id: 'anomalies-output', 'aria-live': 'polite' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(output, el('p', {}, t('loading')));
    try {
      const found = await get('/api/reports/anomalies', params());
      clear(output, found.length === 0 ? el('p', { id: 'anomalies-none' }, t('report.noAnomalies'))
        : [el('p', { id: 'anomalies-count' }, t('anomaly.count', formatNumber(found.length))), anomaliesTable(found)]);
    } catch (e) {
      const violations = (e.problem?.violations || []).map((v) => `${v.field}: ${v.message}`).join('; ');
      clear(output, el('p', { class: 'message', role: 'alert' }, t('error.generic', violations || e.message)));
    }
  });
  main.append(form, exportButtons('/api/reports/anomalies', params, 'anomalies', 'anomalies-export'), output);
  form.requestSubmit();
}
