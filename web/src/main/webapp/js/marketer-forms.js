// What the marketer's forms share: a server problem shown where it belongs — each violation next to the field it
// names, the rest (and the detail) above the buttons — and small readers of form values.
import { clear, el } from './dom.js';
import { t, addStrings } from './i18n.js';

addStrings({
  en: { 'mk.stale': 'Someone else changed this in the meantime. Reload it to see their version, then make your change again.',
    'mk.reload': 'Reload', 'mk.forbidden': 'Not available to your role.', 'mk.fix': 'Please correct the marked fields.' },
  ru: { 'mk.stale': 'Пока вы редактировали, кто-то другой изменил эти данные. Загрузите их заново и повторите изменение.',
    'mk.reload': 'Загрузить заново', 'mk.forbidden': 'Недоступно для вашей роли.', 'mk.fix': 'Исправьте отмеченные поля.' },
});

/** An empty slot for a field's errors, found again by its field name (e.g. "offer.value"). */
export function errorSlot(prefix, name) {
  return el('ul', { class: 'field-errors message', id: `${prefix}-err-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`, dataset: { field: name } });
}

/** Empties every error slot under root and drops aria-invalid marks. */
export function clearErrors(root) {
  root.querySelectorAll('ul.field-errors').forEach((slot) => clear(slot));
  root.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
}

/**
 * Shows an ApiError: violations go to the slot whose data-field is the violation's field (or its longest prefix),
 * marking the control before the slot invalid; what finds no slot, and the detail, goes to general.
 * Answers how many violations found a slot.
 */
export function showProblem(root, general, e, onReload) {
  clearErrors(root);
  const violations = e.problem?.violations || [];
  const slots = [...root.querySelectorAll('ul.field-errors[data-field]')];
  const left = [];
  let placed = 0;
  for (const v of violations) {
    const name = v.field || '';
    const slot = slots.filter((s) => name === s.dataset.field || name.startsWith(s.dataset.field + '.')
      || name.startsWith(s.dataset.field + '['))
      .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
    if (slot) {
      const rest = name.slice(slot.dataset.field.length).replace(/^\./, '');
      slot.append(el('li', {}, rest ? `${rest}: ${v.message}` : v.message));
      slot.previousElementSibling?.querySelector?.('input, select, textarea')?.setAttribute('aria-invalid', 'true');
      placed++;
    } else {
      left.push(v);
    }
  }
  const lines = [];
  if (e.status === 409) {
    // a reload that fails (the record deleted meanwhile, the network down) says so where the problem was shown
    const reload = () => Promise.resolve().then(onReload)
      .catch((err) => clear(general, el('p', { role: 'alert' }, t('error.generic', err.message))));
    lines.push(el('p', {}, t('mk.stale'), ' ',
      onReload ? el('button', { type: 'button', class: 'link', onclick: reload }, t('mk.reload')) : null));
  } else if (e.status === 403) {
    lines.push(el('p', {}, t('mk.forbidden')));
  } else {
    lines.push(el('p', {}, t('error.generic', e.message)));
  }
  if (left.length) lines.push(el('ul', {}, left.map((v) => el('li', {}, v.field ? `${v.field}: ${v.message}` : v.message))));
  else if (placed) lines.push(el('p', {}, t('mk.fix')));
  clear(general, lines);
  return placed;
}

/** A number input's value as a number, or null when empty. */
export const numberOrNull = (value) => (value === '' || value === null || value === undefined ? null : Number(value));
/** Text trimmed, or null when blank. */
export const textOrNull = (value) => (value && value.trim() ? value.trim() : null);
