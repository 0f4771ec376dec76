// A refused request shown where the user is looking: the problem's detail above the form, and each field violation
// next to the control whose name is the violation's field (others listed under the detail). Never swallowed.
import { clear, el } from './dom.js';
import { t } from './i18n.js';

/** Removes the marks a previous showProblem left in form. */
export function clearProblems(form) {
  if (!form) return;
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    n.removeAttribute('aria-describedby');
  });
}

/** Shows error e (an ApiError or any Error) in message; violations go next to form's controls where they match. */
export function showProblem(message, e, form) {
  clearProblems(form);
  const unplaced = [];
  (e.problem?.violations || []).forEach((v, i) => {
    const base = String(v.field ?? '').replace(/\[\d+\]$/, '');
    const control = form && v.field ? form.querySelector(`[name="${CSS.escape(base)}"]`) : null;
    if (control) {
      const id = `${control.id || base}-error-${i}`;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id);
      const note = el('span', { class: 'field-error message', id }, `${v.field} ${v.message ?? ''}`);
      const holder = control.closest('label.field');
      if (holder) holder.append(note); else control.after(note);
    } else {
      unplaced.push(v);
    }
  });
  clear(message,
    el('p', { class: 'message problem', role: 'alert' }, t('error.generic', e.message)),
    unplaced.length ? el('ul', { class: 'message' }, unplaced.map((v) => el('li', {}, `${v.field ?? ''} ${v.message ?? ''}`))) : null);
  form?.querySelector('[aria-invalid="true"]')?.focus();
}

/** A refusal in one line of text: the field violations when there are any, else the problem's detail. */
export function problemText(e) {
  const details = (e.problem?.violations || []).map((v) => `${v.field} ${v.message}`).join('; ');
  return t('error.generic', details || e.message);
}
