// Calls: the call log with filters and pages (a CLIENT user gets only its own client's calls, an operator only their
// own — the API decides), a recording played from a Blob fetched with the credentials, and the export of the filtered
// calls (GET /api/calls/export, the same filters) as CSV or XLSX with progress.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, has, addStrings, formatDateTime, formatNumber, today } from './i18n.js';
import { get } from './api.js';
import { loadRecording, release } from './recording.js';
import { download, progressBar } from './transfer.js';
import { pager } from './campaigns.js';
import { showProblem } from './violations.js';
import { recordingHash, recordingVersions, verification } from './evidence.js';

addStrings({
  en: {
    'cl.from': 'From', 'cl.to': 'To', 'cl.operator': 'Operator (username)', 'cl.campaign': 'Campaign',
    'cl.anyCampaign': 'Any campaign', 'cl.direction': 'Direction', 'cl.any': 'Any', 'cl.dir.IN': 'Inbound',
    'cl.dir.OUT': 'Outbound', 'cl.kind': 'Kind', 'cl.kind.all': 'All calls', 'cl.kind.answered': 'Answered',
    'cl.kind.counted': 'Counted', 'cl.kind.short': 'Short', 'cl.kind.long': 'Long', 'cl.disposition': 'Disposition',
    'cl.recorded': 'Only with a recording', 'cl.show': 'Show', 'cl.empty': 'No calls match.',
    'cl.count': 'Calls: {0}', 'cl.started': 'Started', 'cl.number': 'Number', 'cl.talk': 'Talk, s',
    'cl.outcome': 'Outcome', 'cl.recording': 'Recording', 'cl.play': 'Play', 'cl.noRecording': '—',
    'cl.playing': 'Recording of the call of {0} with {1}', 'cl.exportCsv': 'Export CSV', 'cl.exportXlsx': 'Export XLSX',
    'cl.exportNote': 'The export holds every call the filters above select.',
    'cl.exported': 'Saved {0} ({1} KB).', 'cl.close': 'Close the player',
  },
  ru: {
    'cl.from': 'С', 'cl.to': 'По', 'cl.operator': 'Оператор (логин)', 'cl.campaign': 'Кампания',
    'cl.anyCampaign': 'Любая кампания', 'cl.direction': 'Направление', 'cl.any': 'Любое', 'cl.dir.IN': 'Входящий',
    'cl.dir.OUT': 'Исходящий', 'cl.kind': 'Вид', 'cl.kind.all': 'Все звонки', 'cl.kind.answered': 'Отвеченные',
    'cl.kind.counted': 'Засчитанные', 'cl.kind.short': 'Короткие', 'cl.kind.long': 'Длинные', 'cl.disposition': 'Итог соединения',
    'cl.recorded': 'Только с записью', 'cl.show': 'Показать', 'cl.empty': 'Подходящих звонков нет.',
    'cl.count': 'Звонков: {0}', 'cl.started': 'Начало', 'cl.number': 'Номер', 'cl.talk': 'Разговор, с',
    'cl.outcome': 'Результат', 'cl.recording': 'Запись', 'cl.play': 'Слушать', 'cl.noRecording': '—',
    'cl.playing': 'Запись звонка {0} с номером {1}', 'cl.exportCsv': 'Выгрузить CSV', 'cl.exportXlsx': 'Выгрузить XLSX',
    'cl.exportNote': 'В выгрузку попадают все звонки, отобранные фильтрами выше.',
    'cl.exported': 'Сохранён файл {0} ({1} КБ).', 'cl.close': 'Закрыть проигрыватель',
  },
});

const PAGE_SIZE = 25;
const KINDS = ['all', 'answered', 'counted', 'short', 'long'];
const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION'];

const daysAgo = (n) => {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const onlyOperator = (me) => (me.roles || []).includes('OPERATOR')
  && !(me.roles || []).some((r) => r === 'SUPERVISOR' || r === 'ADMIN');

/** #/calls shows the last week; #/calls/CODE the calls of campaign CODE. */
export async function callsView(main, me, params = []) {
  const from = el('input', { id: 'calls-from', name: 'from', type: 'date', value: daysAgo(6), required: true });
  const to = el('input', { id: 'calls-to', name: 'to', type: 'date', value: today(), required: true });
  const operator = el('input', { id: 'calls-operator', name: 'operator', autocomplete: 'off' });
  const campaign = el('select', { id: 'calls-campaign', name: 'campaign' }, el('option', { value: '' }, t('cl.anyCampaign')));
  const direction = el('select', { id: 'calls-direction', name: 'direction' }, el('option', { value: '' }, t('cl.any')),
    ['IN', 'OUT'].map((d) => el('option', { value: d }, t('cl.dir.' + d))));
  const kind = el('select', { id: 'calls-kind', name: 'kind' }, KINDS.map((k) => el('option', { value: k }, t('cl.kind.' + k))));
  const disposition = el('select', { id: 'calls-disposition', name: 'disposition' }, el('option', { value: '' }, t('cl.any')),
    DISPOSITIONS.map((d) => el('option', { value: d }, d)));
  const recorded = el('input', { id: 'calls-recorded', name: 'hasRecording', type: 'checkbox' });
  const form = el('form', { id: 'calls-filter', class: 'row' },
    field(t('cl.from'), from), field(t('cl.to'), to),
    onlyOperator(me) ? null : field(t('cl.operator'), operator),
    field(t('cl.campaign'), campaign), field(t('cl.direction'), direction), field(t('cl.kind'), kind),
    field(t('cl.disposition'), disposition), el('label', { class: 'check' }, recorded, t('cl.recorded')),
    el('button', { type: 'submit', class: 'primary', id: 'calls-show' }, t('cl.show')));
  const progress = progressBar('calls-export-progress');
  const exportStatus = el('div', { id: 'calls-export-status', role: 'status' });
  const exports = el('div', { class: 'row exports' },
    el('button', { type: 'button', class: 'link', id: 'calls-export-csv', onclick: () => exportAs('csv') }, t('cl.exportCsv')),
    el('button', { type: 'button', class: 'link', id: 'calls-export-xlsx', onclick: () => exportAs('xlsx') }, t('cl.exportXlsx')),
    el('span', { class: 'hint' }, t('cl.exportNote')), progress.element, exportStatus);
  const message = el('div', { id: 'calls-message' });
  const output = el('div', { id: 'calls-output', 'aria-live': 'polite' });
  const player = el('section', { id: 'calls-player' });
  main.append(form, message, output, player);

  let settings = { minTalkSeconds: 20, longCallSeconds: 1200 };
  const [campaigns, read] = await Promise.all([
    get('/api/campaigns', { size: 500 }).then((p) => p.items).catch(() => []),
    get('/api/settings').catch(() => null),
  ]);
  if (read) settings = read;
  form.after(exports); // only now: an export needs the thresholds its kind is read with
  campaigns.forEach((c) => campaign.append(el('option', { value: c.code }, `${c.code} — ${c.name}`)));
  if (params[0]) {
    if (![...campaign.options].some((o) => o.value === params[0])) campaign.append(el('option', { value: params[0] }, params[0]));
    campaign.value = params[0];
  }

  /** The list's query for the filters; a kind is a talk-time range by the call-centre thresholds. */
  const query = (page) => {
    const q = { from: from.value, to: to.value, page, size: PAGE_SIZE };
    if (operator.value.trim() && !onlyOperator(me)) q.operator = operator.value.trim();
    if (campaign.value) q.campaign = campaign.value;
    if (direction.value) q.direction = direction.value;
    if (disposition.value) q.disposition = disposition.value;
    if (recorded.checked) q.hasRecording = true;
    const answered = () => { q.disposition = 'ANSWERED'; q.minTalk = 1; };
    if (kind.value === 'answered') answered();
    if (kind.value === 'counted') { answered(); q.minTalk = settings.minTalkSeconds; }
    if (kind.value === 'short') { answered(); q.maxTalk = settings.minTalkSeconds - 1; }
    if (kind.value === 'long') q.minTalk = settings.longCallSeconds;
    return q;
  };
  const load = async (page) => {
    clear(message);
    clear(output, el('p', {}, t('loading')));
    try {
      const result = await get('/api/calls', query(page));
      clear(output, callTable(result, (call, row) => play(player, call, row), load));
    } catch (e) {
      clear(output);
      showProblem(message, e, form);
    }
  };
  async function exportAs(format) {
    clear(exportStatus);
    if (!form.reportValidity()) return;
    const q = new URLSearchParams({ ...query(0), format });
    q.delete('page');
    q.delete('size');
    try {
      const saved = await download(`/api/calls/export?${q}`, `calls.${format}`, progress);
      clear(exportStatus, el('span', { id: 'calls-exported' }, t('cl.exported', saved.name, formatNumber(Math.ceil(saved.size / 1024)))));
    } catch (e) {
      showProblem(exportStatus, e, form);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });
  await load(0);
}

function callTable(page, open, go) {
  if (page.items.length === 0) return el('p', { id: 'calls-empty' }, t('cl.empty'));
  const head = ['cl.started', 'cl.direction', 'call.operator', 'cl.number', 'cl.campaign', 'cl.talk', 'cl.disposition',
    'cl.outcome', 'cl.recording'];
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return [
    el('p', { class: 'count', id: 'calls-count' }, t('cl.count', formatNumber(page.total))),
    el('table', { id: 'calls-table', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, page.items.map((c) => {
        const row = el('tr', { dataset: { callId: c.id, operator: c.operator ?? '', campaign: c.campaign ?? '' } },
          el('td', {}, formatDateTime(c.startedAt)), el('td', {}, t('cl.dir.' + c.direction)),
          el('td', {}, c.operator ?? '—'), el('td', {}, phone(c.customerNumber)), el('td', {}, c.campaign ?? '—'),
          el('td', { class: 'num' }, formatNumber(c.talkSeconds)), el('td', {}, c.disposition ?? '—'),
          el('td', {}, c.outcome ? (has('outcome.' + c.outcome) ? t('outcome.' + c.outcome) : c.outcome) : '—'));
        row.append(el('td', { class: 'recording' }, c.recording
          ? [el('button', { type: 'button', class: 'figure calls-play', 'aria-label': `${t('cl.play')}: ${formatDateTime(c.startedAt)}`,
            onclick: () => open(c, row) }, t('cl.play')), recordingHash(c)]
          : t('cl.noRecording')));
        return row;
      }))),
    pager('calls', page.page, pages, go),
  ];
}

/** Opens the player for a call's recording (recording.js fetches it with the credentials) and starts it. */
function play(target, call, row) {
  release();
  document.querySelectorAll('#calls-table tr[aria-selected]').forEach((r) => r.removeAttribute('aria-selected'));
  row.setAttribute('aria-selected', 'true');
  const audio = el('audio', { id: 'calls-audio', controls: true, preload: 'metadata' });
  const status = el('p', { id: 'calls-audio-status', role: 'status' }, t('loading'));
  const checked = el('p', { id: 'calls-audio-check', class: 'hash-check' });
  const versions = el('div', { id: 'calls-versions' });
  const heading = el('h2', { tabindex: -1 }, t('cl.playing', formatDateTime(call.startedAt), ''), phone(call.customerNumber));
  clear(target, el('div', { class: 'card' }, heading, recordingHash(call), audio, status, checked, versions,
    el('button', { type: 'button', class: 'link', id: 'calls-player-close', onclick: () => {
      release();
      clear(target);
      row.querySelector('button.calls-play')?.focus();
    } }, t('cl.close'))));
  heading.focus();
  recordingVersions(call.id).then((table) => { if (table && versions.isConnected) clear(versions, table); });
  loadRecording(audio, call.id, { claimed: call.recordingSha256, onChecked: (r) => verification(checked, r) }).then((loaded) => {
    if (!loaded) return;
    clear(status);
    audio.play().catch(() => {}); // autoplay may be refused; the controls stay
  }).catch((e) => clear(status, el('span', { class: 'message', role: 'alert' }, t('error.generic', e.message))));
}
