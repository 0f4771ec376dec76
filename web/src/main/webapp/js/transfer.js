// Long work shows progress: uploads (imports) report the bytes sent, downloads (exports) the bytes received,
// both in a <progress> with a text the screen reader announces.
import { el } from './dom.js';
import { t, addStrings, formatNumber } from './i18n.js';
import { ApiError, expired, requireSession, sessionHeaders } from './api.js';

addStrings({
  en: { 'transfer.sending': 'Sending {0} of {1} KB…', 'transfer.working': 'The server is working on it…',
    'transfer.receiving': 'Received {0} KB…', 'transfer.receivingOf': 'Received {0} of {1} KB…', 'transfer.done': 'Done.' },
  ru: { 'transfer.sending': 'Отправлено {0} из {1} КБ…', 'transfer.working': 'Сервер обрабатывает файл…',
    'transfer.receiving': 'Получено {0} КБ…', 'transfer.receivingOf': 'Получено {0} из {1} КБ…', 'transfer.done': 'Готово.' },
});

const kb = (bytes) => formatNumber(Math.ceil(bytes / 1024));

/** A progress bar with its text: {element, sent(loaded,total), received(loaded,total), working(), done()}. */
export function progressBar(id) {
  const bar = el('progress', { max: 100, 'aria-label': t('transfer.working') });
  const text = el('span', { class: 'progress-text', 'aria-live': 'polite' });
  const element = el('div', { class: 'progress', id, hidden: true }, bar, text);
  const show = (value, label) => {
    element.hidden = false;
    if (value === null) bar.removeAttribute('value'); else bar.value = value;
    text.textContent = label;
  };
  return {
    element,
    sent: (loaded, total) => show(total ? Math.round((loaded * 100) / total) : null, t('transfer.sending', kb(loaded), kb(total))),
    received: (loaded, total) => show(total ? Math.round((loaded * 100) / total) : null,
      total ? t('transfer.receivingOf', kb(loaded), kb(total)) : t('transfer.receiving', kb(loaded))),
    working: () => show(null, t('transfer.working')),
    done: () => { show(100, t('transfer.done')); },
    hide: () => { element.hidden = true; },
  };
}

/**
 * Sends a file as the request body (the import endpoints take CSV or XLSX as is) and answers the parsed JSON;
 * progress gets the bytes sent, then working() while the server reads the rows.
 */
export function upload(path, file, progress) {
  return new Promise((resolve, reject) => {
    requireSession();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    Object.entries(sessionHeaders('POST')).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.setRequestHeader('Accept', 'application/json');
    const xlsx = /\.xlsx$/i.test(file.name);
    xhr.setRequestHeader('Content-Type', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    xhr.upload.onprogress = (e) => progress?.sent(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => progress?.working();
    xhr.onerror = () => reject(new ApiError(0, { detail: 'network error' }));
    xhr.onload = () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) {
        progress?.done();
        resolve(data);
        return;
      }
      if (xhr.status === 401) expired();
      progress?.hide();
      reject(new ApiError(xhr.status, data));
    };
    xhr.send(file);
  });
}

/**
 * Downloads an export with the session, reading the stream so progress shows the bytes as they come
 * (exports are streamed, so the total is often unknown), then saves it under the server's file name.
 */
export async function download(path, fallbackName, progress) {
  requireSession();
  progress?.working();
  const response = await fetch(path, { headers: sessionHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch (e) { problem = null; }
    if (response.status === 401) expired();
    progress?.hide();
    throw new ApiError(response.status, problem);
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    progress?.received(loaded, total);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || fallbackName;
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  progress?.done();
  return { name, size: loaded };
}
