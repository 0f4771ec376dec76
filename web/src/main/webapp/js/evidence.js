// The marks of evidence integrity that several screens share: a lead's backed/unbacked badge with its reason and how it
// was entered, a recording's SHA-256 (shortened, the full value in the title and one click from the clipboard) with
// its origin, and a call's recording versions. A field the server does not send yet draws nothing.
import { clear, el } from './dom.js';
import { t, addStrings, formatDateTime, formatNumber } from './i18n.js';
import { get } from './api.js';

addStrings({
  en: {
    'ev.backed': 'Backed', 'ev.unbacked': 'Unbacked', 'ev.pending': 'Not checked yet',
    'ev.backedHint': 'Tied to a counted PBX call of its operator with the contact\'s number.',
    'ev.reason.NO_CALL': 'no call given', 'ev.reason.CALL_NOT_FOUND': 'the call is not on record',
    'ev.reason.CALL_NOT_FROM_PBX': 'the call did not come from the PBX',
    'ev.reason.CALL_NOT_COUNTED': 'the call is not a counted call',
    'ev.reason.OTHER_OPERATOR': 'the call is another operator\'s',
    'ev.reason.OTHER_NUMBER': 'the call was with a number the contact does not have',
    'ev.reason.OUTSIDE_WINDOW': 'entered too long after the call',
    'ev.reason.SHARED_CALL': 'another lead cites the same call',
    'ev.entry.LIVE': 'Live', 'ev.entry.IMPORTED': 'Imported', 'ev.entry.LEGACY': 'Legacy',
    'ev.entry.LIVE.hint': 'Entered at the server\'s time.',
    'ev.entry.IMPORTED.hint': 'A historical time brought by an import or a supervisor.',
    'ev.entry.LEGACY.hint': 'Entered before the integrity rules.',
    'ev.entered': 'entered {0} by {1}', 'ev.enteredAt': 'entered {0}', 'ev.evidence': 'Evidence',
    'ev.sha': 'SHA-256', 'ev.copy': 'Copy', 'ev.copyOf': 'Copy {0}', 'ev.copied': 'Copied',
    'ev.origin.PBX': 'from the PBX', 'ev.origin.MANUAL': 'added by a person', 'ev.origin.LEGACY': 'before the integrity rules',
    'ev.origin': 'Origin', 'ev.versions': 'Recording versions', 'ev.v.storedAt': 'Stored', 'ev.v.storedBy': 'By',
    'ev.v.origin': 'Origin', 'ev.v.size': 'Size, KB', 'ev.v.type': 'Type', 'ev.v.replaced': 'Replaced',
    'ev.v.reason': 'Reason', 'ev.v.current': 'current',
    'ev.verified': 'The bytes received match the SHA-256 {0}.',
    'ev.mismatch': 'The bytes received do NOT match the SHA-256 the server gives ({0}; received {1}).',
  },
  ru: {
    'ev.backed': 'Подтверждён', 'ev.unbacked': 'Не подтверждён', 'ev.pending': 'Ещё не проверен',
    'ev.backedHint': 'Привязан к засчитанному звонку своего оператора из АТС с номером контакта.',
    'ev.reason.NO_CALL': 'звонок не указан', 'ev.reason.CALL_NOT_FOUND': 'такого звонка нет',
    'ev.reason.CALL_NOT_FROM_PBX': 'звонок не из АТС',
    'ev.reason.CALL_NOT_COUNTED': 'звонок не засчитан',
    'ev.reason.OTHER_OPERATOR': 'звонок другого оператора',
    'ev.reason.OTHER_NUMBER': 'звонок на номер, которого у контакта нет',
    'ev.reason.OUTSIDE_WINDOW': 'внесён слишком долго после звонка',
    'ev.reason.SHARED_CALL': 'на тот же звонок ссылается другой лид',
    'ev.entry.LIVE': 'Вживую', 'ev.entry.IMPORTED': 'Импорт', 'ev.entry.LEGACY': 'До правил',
    'ev.entry.LIVE.hint': 'Внесён по времени сервера.',
    'ev.entry.IMPORTED.hint': 'Прошлое время из импорта или от супервайзера.',
    'ev.entry.LEGACY.hint': 'Внесён до правил целостности.',
    'ev.entered': 'внесён {0}, {1}', 'ev.enteredAt': 'внесён {0}', 'ev.evidence': 'Подтверждение',
    'ev.sha': 'SHA-256', 'ev.copy': 'Копировать', 'ev.copyOf': 'Копировать {0}', 'ev.copied': 'Скопировано',
    'ev.origin.PBX': 'из АТС', 'ev.origin.MANUAL': 'добавлена человеком', 'ev.origin.LEGACY': 'до правил целостности',
    'ev.origin': 'Источник', 'ev.versions': 'Версии записи', 'ev.v.storedAt': 'Сохранена', 'ev.v.storedBy': 'Кем',
    'ev.v.origin': 'Источник', 'ev.v.size': 'Размер, КБ', 'ev.v.type': 'Тип', 'ev.v.replaced': 'Заменена',
    'ev.v.reason': 'Причина', 'ev.v.current': 'текущая',
    'ev.verified': 'Полученные байты совпадают с SHA-256 {0}.',
    'ev.mismatch': 'Полученные байты НЕ совпадают с SHA-256, который даёт сервер ({0}; получено {1}).',
  },
});

const known = (prefix, value) => (value ? t(prefix + value) : '');

/** A lead's backed/unbacked badge, its reason in words; nothing when the server does not say (`backed` absent). */
export function backedBadge(lead) {
  if (!lead || !('backed' in lead) || lead.backed === undefined) return null;
  if (lead.backed === null) {
    return el('span', { class: 'badge evidence-pending', dataset: { backed: 'unknown' } }, t('ev.pending'));
  }
  if (lead.backed) {
    return el('span', { class: 'badge evidence-backed', dataset: { backed: 'true' }, title: t('ev.backedHint') },
      '✓ ', t('ev.backed'));
  }
  const reason = lead.unbackedReason;
  return el('span', { class: 'badge evidence-unbacked', dataset: { backed: 'false', reason: reason ?? '' } },
    '✗ ', t('ev.unbacked'), reason ? [': ', el('span', { class: 'reason' }, known('ev.reason.', reason))] : null);
}

/** How a lead was entered: by whom and when, and a mark for an imported or legacy one (a live one needs none). */
export function entryMark(lead) {
  if (!lead) return null;
  const who = lead.enteredBy;
  const when = lead.enteredAt ? formatDateTime(lead.enteredAt) : null;
  const text = when && who ? t('ev.entered', when, who) : when ? t('ev.enteredAt', when) : null;
  const flagged = lead.entry === 'IMPORTED' || lead.entry === 'LEGACY';
  if (!text && !flagged) return null;
  return el('span', { class: 'entry', dataset: { entry: lead.entry ?? '' } },
    flagged ? el('span', { class: `badge entry-${lead.entry.toLowerCase()}`, title: t(`ev.entry.${lead.entry}.hint`) },
      t(`ev.entry.${lead.entry}`)) : null,
    flagged && text ? ' ' : null,
    text ? el('span', { class: 'hint entered' }, text) : null);
}

/** Both lead marks in one cell, or null when the server says nothing about either. */
export function leadEvidence(lead) {
  const badge = backedBadge(lead);
  const entry = entryMark(lead);
  if (!badge && !entry) return null;
  return el('div', { class: 'lead-evidence' }, badge, badge && entry ? el('br') : null, entry);
}

/** True when any of these leads carries the integrity fields (the column is drawn only then). */
export const hasLeadEvidence = (leads) => leads.some((l) => l && ('backed' in l || 'entry' in l || 'enteredAt' in l));

async function copy(value, button) {
  try {
    await navigator.clipboard.writeText(value);
  } catch (e) {
    // no clipboard (an insecure origin): select the text so Ctrl+C copies it
    const code = button.previousElementSibling;
    const range = document.createRange();
    range.selectNodeContents(code);
    code.textContent = value;
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return;
  }
  const before = button.textContent;
  button.textContent = t('ev.copied');
  setTimeout(() => { button.textContent = before; }, 1500);
}

/** A hash shortened to its first {length} characters, the full value in the title, data-full and the copy button. */
export function hashText(value, label = t('ev.sha'), length = 12) {
  if (!value) return null;
  const short = value.length > length ? value.slice(0, length) + '…' : value;
  const button = el('button', { type: 'button', class: 'link copy', 'aria-label': t('ev.copyOf', `${label} ${value}`),
    title: t('ev.copyOf', label), onclick: () => copy(value, button) }, t('ev.copy'));
  return el('span', { class: 'hash-line' }, el('code', { class: 'hash', title: value, dataset: { full: value } }, short), ' ', button);
}

/** A recording's SHA-256 and origin under its call; nothing when the server sends neither. */
export function recordingHash(call) {
  if (!call || (!call.recordingSha256 && !call.recordingOrigin)) return null;
  return el('div', { class: 'recording-hash', dataset: { sha256: call.recordingSha256 ?? '', origin: call.recordingOrigin ?? '' } },
    call.recordingSha256 ? [el('span', { class: 'hint' }, t('ev.sha') + ' '), hashText(call.recordingSha256)] : null,
    call.recordingOrigin ? el('span', { class: `origin origin-${call.recordingOrigin.toLowerCase()}` },
      (call.recordingSha256 ? ' · ' : ''), known('ev.origin.', call.recordingOrigin)) : null);
}

/** The versions of a call's recording as a table, or null when there is one (or the server keeps none). */
export async function recordingVersions(callId) {
  let versions;
  try {
    versions = await get(`/api/calls/${encodeURIComponent(callId)}/recording/versions`);
  } catch (e) {
    return null;
  }
  if (!Array.isArray(versions) || versions.length < 2) return null;
  const head = ['ev.v.storedAt', 'ev.v.storedBy', 'ev.v.origin', 'ev.sha', 'ev.v.size', 'ev.v.type', 'ev.v.replaced', 'ev.v.reason'];
  return el('section', { class: 'recording-versions', id: `recording-versions-${callId}` },
    el('h3', {}, t('ev.versions')),
    el('table', { class: 'data versions' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, versions.map((v) => el('tr', { dataset: { sha256: v.sha256 ?? '' }, class: v.replacedAt ? 'replaced' : 'current' },
        el('td', {}, formatDateTime(v.storedAt)), el('td', {}, v.storedBy ?? '—'),
        el('td', {}, known('ev.origin.', v.origin) || '—'), el('td', {}, hashText(v.sha256) ?? '—'),
        el('td', { class: 'num' }, v.bytes == null ? '—' : formatNumber(Math.ceil(v.bytes / 1024))), el('td', {}, v.type ?? '—'),
        el('td', {}, v.replacedAt ? `${formatDateTime(v.replacedAt)}${v.replacedBy ? ', ' + v.replacedBy : ''}` : t('ev.v.current')),
        el('td', {}, v.reason ?? ''))))));
}

/** What the browser found when it hashed the bytes it played against the hash the server claims. */
export function verification(target, result) {
  if (!result || !result.claimed || !result.computed) return;
  clear(target, result.matches
    ? el('span', { class: 'ok hash-verified' }, t('ev.verified', result.claimed.slice(0, 12) + '…'))
    : el('span', { class: 'message hash-mismatch', role: 'alert' },
      t('ev.mismatch', result.claimed.slice(0, 12) + '…', result.computed.slice(0, 12) + '…')));
}
