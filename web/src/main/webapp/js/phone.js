// Phone numbers shown formatted. The server formats them with libphonenumber (GET /api/phones/format); a screen
// only writes phone(number): the span shows the number as stored at once and is rewritten, in one batched request
// per screen, when the formatted form arrives. Formatted numbers are kept for the page's life.
import { el } from './dom.js';
import { api } from './api.js';

const cache = new Map();
const BATCH = 100;
let pending = null;

/** A span showing a number; data-phone keeps the number as stored (tests and copy/paste can rely on it). */
export function phone(number) {
  if (!number) return '—';
  return el('span', { class: 'phone', dataset: { phone: number } }, cache.get(number) ?? number);
}

/** Rewrites every phone span under root whose formatted form is known or can be fetched. */
export async function formatPhones(root = document) {
  const spans = [...root.querySelectorAll('span.phone[data-phone]')];
  const unknown = [...new Set(spans.map((s) => s.dataset.phone).filter((n) => !cache.has(n)))];
  for (let i = 0; i < unknown.length; i += BATCH) {
    const chunk = unknown.slice(i, i + BATCH);
    try {
      const query = new URLSearchParams(chunk.map((n) => ['number', n]));
      const views = await api('GET', `/api/phones/format?${query}`);
      views.forEach((v) => cache.set(v.input, v.valid ? v.international : v.input));
    } catch (e) {
      chunk.forEach((n) => cache.set(n, n));
    }
  }
  for (const span of root.querySelectorAll('span.phone[data-phone]')) {
    const text = cache.get(span.dataset.phone);
    if (text && span.textContent !== text) span.textContent = text;
  }
}

/** Formats the numbers of whatever a screen adds under root, a moment after it is added. */
export function watchPhones(root) {
  new MutationObserver(() => {
    if (pending) return;
    pending = setTimeout(() => { pending = null; formatPhones(root); }, 30);
  }).observe(root, { childList: true, subtree: true });
}
