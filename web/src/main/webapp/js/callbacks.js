// The supervisor's callbacks board: every callback by owner, pool, campaign, state and due day, the overdue ones
// marked; a callback is given to another operator (or the pool) or moved with the version read (a stale one answers
// 409, shown as such), or cancelled with a reason. Operators keep their own list (outbound.js).
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatNumber } from './i18n.js';
import { get, post, put } from './api.js';
import { wallTime } from './outbound.js';
import { problemText } from './violations.js';

addStrings({
  en: {
    'cbb.overdue': 'Overdue only', 'cbb.pool': 'In the pool only', 'cbb.owner': 'Owner (operator)',
    'cbb.campaign': 'Campaign', 'cbb.anyCampaign': 'Any campaign', 'cbb.state': 'State', 'cbb.due': 'Due by the end of (empty = any time)',
    'cbb.state.OPEN': 'Open', 'cbb.state.DONE': 'Done', 'cbb.state.CANCELLED': 'Cancelled', 'cbb.state.all': 'Any state',
    'cbb.empty': 'No callbacks match.', 'cbb.count': 'Callbacks: {0}, overdue: {1}.', 'cbb.actions': 'Actions',
    'cbb.reassign': 'Reassign or move', 'cbb.cancel': 'Cancel…', 'cbb.ownerCol': 'Owner', 'cbb.poolOwner': 'Pool',
    'cbb.reassignTitle': 'Callback #{0}: reassign or move', 'cbb.newOwner': 'Operator (empty = the pool)',
    'cbb.newDue': 'Due (contact\'s local time)', 'cbb.save': 'Save', 'cbb.close': 'Close',
    'cbb.cancelTitle': 'Callback #{0}: cancel', 'cbb.reason': 'Reason', 'cbb.confirmCancel': 'Cancel the callback',
    'cbb.saved': 'Callback #{0}: owner {1}, due {2}.', 'cbb.cancelled': 'Callback #{0} cancelled.',
    'cbb.stale': 'Someone changed this callback meanwhile; the list is shown again as it is now. {0}',
    'cbb.reasonMissing': 'Give the reason.', 'cbb.reassignLabel': 'Reassign or move callback #{0}',
    'cbb.cancelLabel': 'Cancel callback #{0}',
  },
  ru: {
    'cbb.overdue': 'Только просроченные', 'cbb.pool': 'Только в общем пуле', 'cbb.owner': 'Владелец (оператор)',
    'cbb.campaign': 'Кампания', 'cbb.anyCampaign': 'Любая кампания', 'cbb.state': 'Состояние', 'cbb.due': 'Срок до конца дня (пусто — любой)',
    'cbb.state.OPEN': 'Открыт', 'cbb.state.DONE': 'Выполнен', 'cbb.state.CANCELLED': 'Отменён', 'cbb.state.all': 'Любое',
    'cbb.empty': 'Подходящих перезвонов нет.', 'cbb.count': 'Перезвонов: {0}, просрочено: {1}.', 'cbb.actions': 'Действия',
    'cbb.reassign': 'Передать или перенести', 'cbb.cancel': 'Отменить…', 'cbb.ownerCol': 'Владелец', 'cbb.poolOwner': 'Общий пул',
    'cbb.reassignTitle': 'Перезвон №{0}: передать или перенести', 'cbb.newOwner': 'Оператор (пусто — общий пул)',
    'cbb.newDue': 'Срок (местное время контакта)', 'cbb.save': 'Сохранить', 'cbb.close': 'Закрыть',
    'cbb.cancelTitle': 'Перезвон №{0}: отмена', 'cbb.reason': 'Причина', 'cbb.confirmCancel': 'Отменить перезвон',
    'cbb.saved': 'Перезвон №{0}: владелец {1}, срок {2}.', 'cbb.cancelled': 'Перезвон №{0} отменён.',
    'cbb.stale': 'Перезвон тем временем изменил кто-то другой; список показан заново. {0}',
    'cbb.reasonMissing': 'Укажите причину.', 'cbb.reassignLabel': 'Передать или перенести перезвон №{0}',
    'cbb.cancelLabel': 'Отменить перезвон №{0}',
  },
});

export async function supervisorCallbacksView(main) {
  const overdue = el('input', { type: 'checkbox', id: 'cbb-overdue' });
  const pool = el('input', { type: 'checkbox', id: 'cbb-pool' });
  const owner = el('input', { id: 'cbb-owner', list: 'cbb-operators', autocomplete: 'off' });
  const campaign = el('select', { id: 'cbb-campaign' }, el('option', { value: '' }, t('cbb.anyCampaign')));
  const state = el('select', { id: 'cbb-state' },
    ['OPEN', 'DONE', 'CANCELLED', 'all'].map((s) => el('option', { value: s }, t('cbb.state.' + s))));
  const due = el('input', { id: 'cbb-due', type: 'date' });
  const operators = el('datalist', { id: 'cbb-operators' });
  const filter = el('form', { id: 'cbb-filter', class: 'row' },
    el('label', { class: 'check' }, overdue, t('cbb.overdue')), el('label', { class: 'check' }, pool, t('cbb.pool')),
    field(t('cbb.owner'), owner), field(t('cbb.campaign'), campaign), field(t('cbb.state'), state),
    field(t('cbb.due'), due), operators,
    el('button', { type: 'submit', class: 'primary', id: 'cbb-show' }, t('report.show')));
  const status = el('div', { id: 'cbb-status', role: 'status' });
  const output = el('div', { id: 'cbb-output', 'aria-live': 'polite' });
  const editor = el('section', { id: 'cbb-editor' });
  main.append(filter, status, output, editor);

  const campaigns = new Map();
  try {
    const [list, users] = await Promise.all([get('/api/campaigns', { size: 500 }),
      get('/api/users', { role: 'OPERATOR', size: 500 }).catch(() => ({ items: [] }))]);
    list.items.forEach((c) => {
      campaigns.set(c.id, c);
      campaign.append(el('option', { value: String(c.id) }, `${c.name} (${c.code})`));
    });
    users.items.forEach((u) => operators.append(el('option', { value: u.username }, u.fullName || u.username)));
  } catch (e) {
    clear(status, el('p', { class: 'message', role: 'alert' }, problemText(e)));
  }

  const load = async () => {
    clear(output, el('p', {}, t('loading')));
    const params = { size: 500, state: state.value };
    if (overdue.checked) params.overdue = true;
    if (pool.checked) params.pool = true;
    if (owner.value.trim()) params.owner = owner.value.trim();
    if (campaign.value) params.campaign = campaign.value;
    if (due.value) params.due = due.value;
    try {
      const page = await get('/api/callbacks', params);
      const items = [...page.items].sort((a, b) => Number(b.overdue) - Number(a.overdue)
        || String(a.dueAt).localeCompare(String(b.dueAt)));
      clear(output, board(items, campaigns, {
        reassign: (c) => clear(editor, reassignForm(c, operators, done)),
        cancel: (c) => clear(editor, cancelForm(c, done)),
      }));
    } catch (e) {
      clear(output, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  };
  // after a change: the message, the list again; the focus back on the list
  const done = async (message, failed) => {
    clear(editor);
    clear(status, el('p', { id: failed ? 'cbb-failed' : 'cbb-done', class: failed ? 'message' : 'ok',
      role: failed ? 'alert' : null }, message));
    await load();
    document.getElementById('cbb-show')?.focus();
  };
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    clear(editor);
    load();
  });
  load();
}

function board(items, campaigns, actions) {
  if (items.length === 0) return el('p', { id: 'cbb-empty' }, t('cbb.empty'));
  const head = ['callbacks.due', 'call.number', 'cbb.campaign', 'cbb.ownerCol', 'callbacks.note', 'callbacks.state', 'cbb.actions'];
  const late = items.filter((c) => c.overdue).length;
  return [el('p', { id: 'cbb-count' }, t('cbb.count', formatNumber(items.length), formatNumber(late))),
    el('table', { id: 'cbb-table', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, items.map((c) => el('tr', {
        class: c.overdue ? 'anomaly' : null, dataset: { id: c.id, owner: c.owner ?? '', state: c.state },
      },
      el('th', { scope: 'row' }, wallTime(c.dueLocal)), el('td', {}, phone(c.number)),
      el('td', {}, campaigns.get(c.campaignId)?.code ?? String(c.campaignId)),
      el('td', { class: 'owner' }, c.owner ?? t('cbb.poolOwner')), el('td', {}, c.note ?? ''),
      el('td', {}, c.overdue ? el('strong', { class: 'overdue' }, t('callbacks.overdue'))
        : t('cbb.state.' + c.state) + (c.cancelReason ? ` — ${c.cancelReason}` : '')),
      el('td', { class: 'actions' }, c.state !== 'OPEN' ? '' : [
        el('button', { type: 'button', class: 'figure cbb-reassign', 'aria-label': t('cbb.reassignLabel', c.id),
          onclick: () => actions.reassign(c) }, t('cbb.reassign')), ' ',
        el('button', { type: 'button', class: 'figure cbb-cancel', 'aria-label': t('cbb.cancelLabel', c.id),
          onclick: () => actions.cancel(c) }, t('cbb.cancel'))]))))),
  ];
}

function reassignForm(c, operators, done) {
  const owner = el('input', { id: 'cbb-new-owner', list: operators.id, autocomplete: 'off', value: c.owner ?? '' });
  const dueLocal = (c.dueLocal || '').slice(0, 16);
  const due = el('input', { id: 'cbb-new-due', type: 'datetime-local', value: dueLocal });
  const note = el('textarea', { id: 'cbb-new-note', rows: 2, maxlength: 4000 }, c.note ?? '');
  const message = el('p', { id: 'cbb-message', class: 'message', role: 'alert' });
  const form = el('form', { id: 'cbb-reassign-form', class: 'card' },
    el('h2', { tabindex: -1 }, t('cbb.reassignTitle', c.id)),
    el('div', { class: 'row' }, field(t('cbb.newOwner'), owner), field(t('cbb.newDue'), due)),
    field(t('callbacks.note'), note),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'cbb-save' }, t('cbb.save')),
      el('button', { type: 'button', class: 'outcome', onclick: () => form.remove() }, t('cbb.close'))),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    const body = { owner: owner.value.trim() || null, version: c.version };
    // only a changed due time is sent: the callback is not moved otherwise
    if (due.value && due.value !== dueLocal) body.dueAt = due.value;
    if (note.value !== (c.note ?? '')) body.note = note.value;
    try {
      const saved = await put(`/api/callbacks/${c.id}`, body);
      done(t('cbb.saved', saved.id, saved.owner ?? t('cbb.poolOwner'), wallTime(saved.dueLocal)));
    } catch (e) {
      if (e.status === 409) done(t('cbb.stale', e.message), true);
      else clear(message, problemText(e));
    }
  });
  setTimeout(() => owner.focus());
  return form;
}

function cancelForm(c, done) {
  const reason = el('input', { id: 'cbb-reason', required: true, maxlength: 500 });
  const message = el('p', { id: 'cbb-message', class: 'message', role: 'alert' });
  const form = el('form', { id: 'cbb-cancel-form', class: 'card', novalidate: true },
    el('h2', {}, t('cbb.cancelTitle', c.id)), field(t('cbb.reason'), reason),
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: 'cbb-confirm-cancel' }, t('cbb.confirmCancel')),
      el('button', { type: 'button', class: 'outcome', onclick: () => form.remove() }, t('cbb.close'))),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(message);
    if (!reason.value.trim()) {
      clear(message, t('cbb.reasonMissing'));
      reason.focus();
      return;
    }
    try {
      const saved = await post(`/api/callbacks/${c.id}/cancel`, { reason: reason.value.trim() });
      done(t('cbb.cancelled', saved.id));
    } catch (e) {
      if (e.status === 409) done(t('cbb.stale', e.message), true);
      else clear(message, problemText(e));
    }
  });
  setTimeout(() => reason.focus());
  return form;
}
