// The reporting settings on the administrator's Settings screen: the QA sample size, when the daily digest goes out
// (and whether), and who receives each client's digest (GET/PUT /api/reports/settings; the version read is sent,
// a change made meanwhile is refused and shown). Where the reporting module is not deployed the section stays away.
import { clear, el, field } from './dom.js';
import { t, addStrings } from './i18n.js';
import { get, put } from './api.js';
import { clearProblems, showProblem } from './violations.js';

addStrings({
  en: {
    'rs.title': 'Reports and digest', 'rs.sampleAndDigest': 'Quality sample and daily digest', 'rs.qaSampleSize': 'QA sample: recordings per operator a day',
    'rs.digestEnabled': 'Send the daily digest', 'rs.digestTime': 'Digest time (call-centre time)',
    'rs.recipients': 'Digest recipients per client (e-mails, one per line or comma-separated)',
    'rs.noClients': 'There are no clients yet.', 'rs.save': 'Save the report settings', 'rs.saved': 'Report settings saved.',
  },
  ru: {
    'rs.title': 'Отчёты и ежедневная сводка', 'rs.sampleAndDigest': 'Выборка для контроля качества и сводка', 'rs.qaSampleSize': 'Выборка для контроля качества: записей на оператора в день',
    'rs.digestEnabled': 'Отправлять ежедневную сводку', 'rs.digestTime': 'Время сводки (по времени колл-центра)',
    'rs.recipients': 'Получатели сводки по клиентам (адреса по одному в строке или через запятую)',
    'rs.noClients': 'Клиентов пока нет.', 'rs.save': 'Сохранить настройки отчётов', 'rs.saved': 'Настройки отчётов сохранены.',
  },
});

const emails = (text) => text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);

/** The section, or null when the reporting settings cannot be read (module left out, or not allowed). */
export async function reportingSettingsSection() {
  let settings;
  let clients;
  try {
    [settings, clients] = await Promise.all([get('/api/reports/settings'),
      get('/api/clients', { size: 500 }).then((page) => page.items || [])]);
  } catch (e) {
    return null;
  }
  const size = el('input', { id: 'rs-qaSampleSize', name: 'qaSampleSize', type: 'number', min: 1, required: true,
    value: settings.qaSampleSize });
  const enabled = el('input', { id: 'rs-digestEnabled', name: 'digestEnabled', type: 'checkbox', checked: settings.digestEnabled });
  const time = el('input', { id: 'rs-digestTime', name: 'digestTime', type: 'time', required: true, value: settings.digestTime });
  const current = new Map((settings.recipients || []).map((r) => [r.clientId, r.emails || []]));
  const boxes = new Map();
  const recipients = clients.length === 0 ? el('p', {}, t('rs.noClients'))
    : el('div', { class: 'recipients' }, clients.map((c) => {
      const box = el('textarea', { id: `rs-recipients-${c.id}`, name: `recipients`, rows: 2, cols: 40 },
        (current.get(c.id) || []).join('\n'));
      boxes.set(c.id, box);
      return field(c.name, box);
    }));
  const message = el('div', { id: 'rs-message' });
  const form = el('form', { id: 'reporting-settings-form' },
    el('fieldset', { class: 'row settings' }, el('legend', {}, t('rs.sampleAndDigest')),
      field(t('rs.qaSampleSize'), size),
      el('label', { class: 'check' }, enabled, ' ', t('rs.digestEnabled')),
      field(t('rs.digestTime'), time)),
    el('fieldset', { class: 'settings' }, el('legend', {}, t('rs.recipients')), recipients),
    el('button', { type: 'submit', class: 'primary', id: 'rs-save' }, t('rs.save')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    clearProblems(form);
    const body = {
      qaSampleSize: size.value === '' ? null : Number(size.value),
      digestTime: time.value ? time.value.slice(0, 5) : null,
      digestEnabled: enabled.checked,
      // the list replaces the old one: a client whose box was emptied gets no digest
      recipients: [...boxes.entries()].map(([clientId, box]) => ({ clientId, emails: emails(box.value) }))
        .filter((r) => r.emails.length > 0),
      version: settings.version,
    };
    try {
      settings = await put('/api/reports/settings', body);
      current.clear();
      (settings.recipients || []).forEach((r) => current.set(r.clientId, r.emails || []));
      clear(message, el('p', { class: 'ok', id: 'rs-saved', role: 'status' }, t('rs.saved')));
    } catch (e) {
      // a refused address is shown at its client's box, as "address: reason", not as recipients[i].emails[j]
      const at = (v) => /^recipients\[(\d+)\]\.emails\[(\d+)\]$/.exec(v.field || '');
      const violations = e.problem?.violations || [];
      showProblem(message, { message: e.message, problem: { ...e.problem, violations: violations.filter((v) => !at(v)) } }, form);
      violations.filter(at).forEach((v) => {
        const [, entry, address] = at(v);
        const sent = body.recipients[Number(entry)];
        const box = boxes.get(sent.clientId);
        box.setAttribute('aria-invalid', 'true');
        box.closest('label').append(el('span', { class: 'field-error message' }, `${sent.emails[Number(address)]}: ${v.message}`));
      });
    }
  });
  return el('section', { id: 'reporting-settings' }, el('h2', {}, t('rs.title')), form);
}
