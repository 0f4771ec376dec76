// Quality review: a day's sample of recordings, one call's recording played from a Blob fetched with the
// credentials (the <audio> cannot send them itself; a blob: URL also seeks), and a review on a scorecard.
import { clear, el, field } from './dom.js';
import { t, formatDateTime, formatNumber } from './i18n.js';
import { get, post } from './api.js';
import { loadRecording, release } from './recording.js';
import { recordingHash, recordingVersions, verification } from './evidence.js';

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));

export function qaView(main) {
  const date = el('input', { id: 'qa-date', type: 'date', value: today(), required: true });
  const form = el('form', { id: 'qa-form', class: 'row' }, field(t('qa.date'), date),
    el('button', { type: 'submit', class: 'primary', id: 'qa-show' }, t('report.show')));
  const output = el('div', { id: 'qa-sample', 'aria-live': 'polite' });
  const detail = el('section', { id: 'qa-call' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    release();
    clear(detail);
    clear(output, el('p', {}, t('loading')));
    try {
      const sample = await get('/api/qa/sample', { date: date.value });
      clear(output, sampleTable(sample, (entry, row) => {
        output.querySelectorAll('tr[aria-selected]').forEach((r) => r.removeAttribute('aria-selected'));
        row.setAttribute('aria-selected', 'true');
        release();
        openCall(detail, entry);
      }));
    } catch (e) {
      clear(output, failure(e));
    }
  });
  main.append(form, output, detail);
  form.requestSubmit();
}

function sampleTable(sample, open) {
  if (sample.length === 0) return el('p', { id: 'qa-empty' }, t('qa.empty'));
  const head = ['call.operator', 'call.started', 'call.campaign', 'call.talk', 'qa.result', 'qa.reviewed', 'qa.listen'];
  return el('table', { id: 'qa-calls', class: 'data' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, sample.map((entry) => {
      const row = el('tr', { dataset: { callId: entry.callId, operator: entry.operator } },
        el('td', {}, entry.operator ?? '—'), el('td', {}, formatDateTime(entry.startedAt)),
        el('td', {}, entry.campaign ?? '—'), el('td', { class: 'num' }, formatNumber(entry.talkSeconds)),
        el('td', {}, t(entry.successful ? 'qa.successful' : 'qa.failed')),
        el('td', {}, t(entry.reviewed ? 'qa.yes' : 'qa.no')));
      row.append(el('td', {}, el('button', {
        type: 'button', class: 'figure qa-open', onclick: () => open(entry, row),
      }, t('qa.listen')), recordingHash(entry)));
      return row;
    })));
}

async function openCall(target, entry) {
  const audio = el('audio', { id: 'qa-audio', controls: true, preload: 'metadata' });
  const status = el('p', { id: 'qa-audio-status', role: 'status' }, t('loading'));
  const review = el('div', { id: 'qa-review' });
  const hash = el('div', { id: 'qa-hash' });
  const checked = el('p', { id: 'qa-audio-check', class: 'hash-check' });
  const versions = el('div', { id: 'qa-versions' });
  clear(target, el('h2', { tabindex: -1 }, t('qa.call', entry.operator ?? '—', formatDateTime(entry.startedAt))),
    hash, audio, status, checked, versions, review);
  target.querySelector('h2').focus();
  // the sample names the call; its recording's hash and origin are the call's own
  const call = await get(`/api/calls/${encodeURIComponent(entry.callId)}`).catch(() => entry);
  if (!hash.isConnected) return;
  clear(hash, recordingHash(call));
  recordingVersions(entry.callId).then((table) => { if (table && versions.isConnected) clear(versions, table); });
  loadRecording(audio, entry.callId, { claimed: call.recordingSha256, onChecked: (r) => verification(checked, r) }).then((loaded) => {
    if (loaded) clear(status); // else another call was opened meanwhile
  }).catch((e) => clear(status, failure(e)));
  try {
    const page = await get('/api/qa/scorecards', { active: true, size: 100 });
    clear(review, reviewForm(entry, page.items || []));
  } catch (e) {
    clear(review, failure(e));
  }
}

function reviewForm(entry, scorecards) {
  if (scorecards.length === 0) return el('p', { id: 'qa-no-scorecards' }, t('qa.noScorecards'));
  const select = el('select', { id: 'qa-scorecard', required: true },
    scorecards.map((s) => el('option', { value: s.id }, s.name)));
  const criteria = el('fieldset', { id: 'qa-criteria', class: 'criteria' });
  const comment = el('textarea', { id: 'qa-comment', rows: 3, maxlength: 4000 });
  const message = el('div', { id: 'qa-message', role: 'status' });
  const button = el('button', { type: 'submit', class: 'primary', id: 'qa-submit' }, t('qa.submit'));
  const chosen = () => scorecards.find((s) => String(s.id) === select.value);
  const drawCriteria = () => {
    const card = chosen();
    clear(criteria, el('legend', {}, t('qa.criteria', formatNumber(card.passMark, 1))),
      card.criteria.map((c) => field(`${c.text} (0–${c.points})${c.fatal ? ' — ' + t('qa.fatal') : ''}`,
        el('input', {
          type: 'number', min: 0, max: c.points, step: 1, required: true, value: c.points,
          dataset: { code: c.code }, class: 'qa-score',
        }))));
  };
  select.addEventListener('change', drawCriteria);
  drawCriteria();
  const form = el('form', { id: 'qa-review-form', class: 'card' },
    field(t('qa.scorecard'), select), criteria, field(t('qa.comment'), comment), button, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scores = {};
    criteria.querySelectorAll('input.qa-score').forEach((input) => { scores[input.dataset.code] = Number(input.value); });
    clear(message);
    button.disabled = true;
    try {
      const saved = await post('/api/qa/reviews', {
        callId: entry.callId, scorecardId: Number(select.value), scores, comment: comment.value,
      });
      clear(message, el('p', { id: 'qa-verdict', class: saved.verdict === 'GOOD' ? 'ok' : 'message' },
        t('qa.verdict', formatNumber(saved.score, 1), t('qa.verdict.' + saved.verdict))));
      form.querySelectorAll('input, select, textarea').forEach((c) => { c.disabled = true; });
      const cell = document.querySelector(`#qa-calls tr[data-call-id="${CSS.escape(String(entry.callId))}"] td:nth-child(6)`);
      if (cell) cell.textContent = t('qa.yes');
    } catch (e) {
      button.disabled = false;
      const violations = e.problem?.violations || [];
      clear(message, failure(e), violations.length ? el('ul', { class: 'message' },
        violations.map((v) => el('li', {}, `${v.field ?? ''}: ${v.message ?? ''}`))) : null);
    }
  });
  return form;
}
