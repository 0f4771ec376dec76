// Plans (SUPERVISOR): the daily targets of a period per operator, shown as runs of days with the same targets, and
// a form that sets them for an operator or a whole team (one entry per operator of the team), optionally only on
// some weekdays. The server checks every entry; its messages are shown next to the fields they concern.
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDate, formatNumber, language, today } from './i18n.js';
import { get, post } from './api.js';
import { problemText } from './violations.js';

addStrings({
  en: {
    'plans.period': 'Plans in force', 'plans.empty': 'No plans for this period.', 'plans.edit': 'Edit',
    'plans.editLabel': 'Edit the plan of {0} from {1} to {2}',
    'plans.form': 'Set a plan', 'plans.for': 'Plan for', 'plans.forOperator': 'An operator', 'plans.forTeam': 'A team',
    'plans.operator': 'Operator (username)', 'plans.team': 'Team',
    'plans.from': 'From', 'plans.to': 'To', 'plans.weekdays': 'Only on these weekdays (none ticked = every day)',
    'plans.calls': 'Counted calls a day', 'plans.leads': 'Leads a day', 'plans.save': 'Save the plan',
    'plans.saved': 'Saved: {0} plan days.', 'plans.teamEmpty': 'The team «{0}» has no operators.',
    'plans.clear': 'New entry', 'col.from': 'From', 'col.to': 'To', 'col.planCalls': 'Calls a day',
    'col.planLeads': 'Leads a day', 'col.setBy': 'Set by', 'plans.failed': 'The plan was not saved:',
  },
  ru: {
    'plans.period': 'Действующие планы', 'plans.empty': 'На этот период планов нет.', 'plans.edit': 'Изменить',
    'plans.editLabel': 'Изменить план {0} с {1} по {2}',
    'plans.form': 'Задать план', 'plans.for': 'План для', 'plans.forOperator': 'Оператора', 'plans.forTeam': 'Команды',
    'plans.operator': 'Оператор (имя пользователя)', 'plans.team': 'Команда',
    'plans.from': 'С', 'plans.to': 'По', 'plans.weekdays': 'Только по этим дням недели (ничего не отмечено — каждый день)',
    'plans.calls': 'Засчитанных звонков в день', 'plans.leads': 'Лидов в день', 'plans.save': 'Сохранить план',
    'plans.saved': 'Сохранено дней плана: {0}.', 'plans.teamEmpty': 'В команде «{0}» нет операторов.',
    'plans.clear': 'Новая запись', 'col.from': 'С', 'col.to': 'По', 'col.planCalls': 'Звонков в день',
    'col.planLeads': 'Лидов в день', 'col.setBy': 'Кем задан', 'plans.failed': 'План не сохранён:',
  },
});

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const FIELDS = ['operator', 'team', 'from', 'to', 'calls', 'leads', 'weekdays'];

const plusDays = (day, n) => {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The weekday's name in the UI's language (2024-01-01 was a Monday). */
const weekdayName = (i) => new Intl.DateTimeFormat(language(), { weekday: 'long', timeZone: 'UTC' })
  .format(new Date(Date.UTC(2024, 0, 1 + i)));

/** Plan days folded into runs: the same operator, consecutive days, the same targets. */
export function runs(days) {
  const sorted = [...days].sort((a, b) => a.operator.localeCompare(b.operator) || a.date.localeCompare(b.date));
  const out = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.operator === d.operator && plusDays(last.to, 1) === d.date && last.calls === d.calls
      && last.leads === d.leads && last.setBy === d.setBy) {
      last.to = d.date;
      last.days += 1;
    } else {
      out.push({ operator: d.operator, from: d.date, to: d.date, days: 1, calls: d.calls, leads: d.leads, setBy: d.setBy });
    }
  }
  return out;
}

export async function plansView(main) {
  const first = today().slice(0, 8) + '01';
  const periodFrom = el('input', { id: 'plans-from', type: 'date', value: first, required: true });
  const periodTo = el('input', { id: 'plans-to', type: 'date', value: plusDays(first, 60), required: true });
  const filter = el('form', { id: 'plans-filter', class: 'row' },
    field(t('report.from'), periodFrom), field(t('report.to'), periodTo),
    el('button', { type: 'submit', class: 'primary', id: 'plans-show' }, t('report.show')));
  const list = el('div', { id: 'plans-list', 'aria-live': 'polite' });

  let operators = [];
  try {
    operators = (await get('/api/users', { role: 'OPERATOR', size: 500 })).items.filter((u) => u.enabled !== false);
  } catch (e) {
    operators = [];
  }
  const editor = planForm(operators, () => filter.requestSubmit());

  filter.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(list, el('p', {}, t('loading')));
    try {
      const days = await get('/api/plans', { from: periodFrom.value, to: periodTo.value });
      clear(list, plansTable(runs(days), editor.edit));
    } catch (e) {
      clear(list, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  });
  main.append(editor.form, el('h2', {}, t('plans.period')), filter, list);
  filter.requestSubmit();
}

function plansTable(rows, edit) {
  if (rows.length === 0) return el('p', { id: 'plans-empty' }, t('plans.empty'));
  const head = ['col.operator', 'col.from', 'col.to', 'col.days', 'col.planCalls', 'col.planLeads', 'col.setBy', 'plans.edit'];
  return el('table', { id: 'plans-table', class: 'data' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, rows.map((r) => el('tr', { dataset: { operator: r.operator, from: r.from, to: r.to } },
      el('th', { scope: 'row' }, r.operator), el('td', {}, formatDate(r.from)), el('td', {}, formatDate(r.to)),
      el('td', { class: 'num' }, formatNumber(r.days)),
      el('td', { class: 'num', dataset: { column: 'calls' } }, formatNumber(r.calls)),
      el('td', { class: 'num', dataset: { column: 'leads' } }, formatNumber(r.leads)),
      el('td', {}, r.setBy ?? '—'),
      el('td', {}, el('button', {
        type: 'button', class: 'figure plans-edit', onclick: () => edit(r),
        'aria-label': t('plans.editLabel', r.operator, formatDate(r.from), formatDate(r.to)),
      }, t('plans.edit')))))));
}

function planForm(operators, saved) {
  const teams = [...new Set(operators.map((u) => u.team).filter(Boolean))].sort();
  const errors = Object.fromEntries(FIELDS.map((f) => [f, el('span', { class: 'field-error message', id: `plan-error-${f}` })]));
  const described = (control, name) => {
    control.setAttribute('aria-describedby', `plan-error-${name}`);
    return control;
  };
  const forOperator = el('input', { type: 'radio', name: 'plan-for', id: 'plan-for-operator', value: 'operator', checked: true });
  const forTeam = el('input', { type: 'radio', name: 'plan-for', id: 'plan-for-team', value: 'team' });
  const operator = described(el('input', { id: 'plan-operator', list: 'plan-operators', autocomplete: 'off' }), 'operator');
  const team = described(el('input', { id: 'plan-team', list: 'plan-teams', autocomplete: 'off' }), 'team');
  const from = described(el('input', { id: 'plan-from', type: 'date', value: today(), required: true }), 'from');
  const to = described(el('input', { id: 'plan-to', type: 'date', value: plusDays(today(), 6), required: true }), 'to');
  const calls = described(el('input', { id: 'plan-calls', type: 'number', min: 0, step: 1, inputmode: 'numeric' }), 'calls');
  const leads = described(el('input', { id: 'plan-leads', type: 'number', min: 0, step: 1, inputmode: 'numeric' }), 'leads');
  const weekdays = WEEKDAYS.map((code, i) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', class: 'plan-weekday', value: code, id: `plan-day-${code}` }), weekdayName(i)));
  const status = el('div', { id: 'plan-status', role: 'status' });
  const operatorField = field(t('plans.operator'), operator);
  const teamField = el('div', {}, field(t('plans.team'), team), errors.team);
  const showTarget = () => {
    operatorField.hidden = forTeam.checked;
    teamField.hidden = !forTeam.checked;
  };
  forOperator.addEventListener('change', showTarget);
  forTeam.addEventListener('change', showTarget);
  showTarget();

  const form = el('form', { id: 'plan-form', class: 'card', novalidate: true },
    el('h2', { tabindex: -1 }, t('plans.form')),
    el('datalist', { id: 'plan-operators' },
      operators.map((u) => el('option', { value: u.username }, u.fullName || u.username))),
    el('datalist', { id: 'plan-teams' }, teams.map((name) => el('option', { value: name }))),
    el('div', { class: 'row' },
      el('fieldset', { class: 'row plan-for' }, el('legend', {}, t('plans.for')),
        el('label', { class: 'check' }, forOperator, t('plans.forOperator')),
        el('label', { class: 'check' }, forTeam, t('plans.forTeam'))),
      el('div', {}, operatorField, errors.operator), teamField,
      el('div', {}, field(t('plans.from'), from), errors.from), el('div', {}, field(t('plans.to'), to), errors.to),
      el('div', {}, field(t('plans.calls'), calls), errors.calls), el('div', {}, field(t('plans.leads'), leads), errors.leads)),
    el('fieldset', { class: 'row weekdays' }, el('legend', {}, t('plans.weekdays')), weekdays, errors.weekdays),
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: 'plan-save' }, t('plans.save')),
      el('button', { type: 'button', class: 'outcome', id: 'plan-new', onclick: () => reset() }, t('plans.clear'))),
    status);

  const clearErrors = () => Object.values(errors).forEach((e) => clear(e));
  const reset = () => {
    clearErrors();
    clear(status);
    forOperator.checked = true;
    showTarget();
    operator.value = '';
    team.value = '';
    calls.value = '';
    leads.value = '';
    form.querySelectorAll('input.plan-weekday').forEach((c) => { c.checked = false; });
    operator.focus();
  };
  const number = (input) => (input.value.trim() === '' ? null : Number(input.value));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    clear(status);
    const days = [...form.querySelectorAll('input.plan-weekday:checked')].map((c) => c.value);
    const entry = (who) => ({
      operator: who, from: from.value || null, to: to.value || null, calls: number(calls), leads: number(leads),
      weekdays: days.length ? days : null,
    });
    let entries;
    if (forTeam.checked) {
      // the team's operators as the server knows them now (the suggestions may hold only some of them)
      let members = [];
      if (team.value.trim()) {
        try {
          members = (await get('/api/users', { role: 'OPERATOR', team: team.value.trim(), size: 500 })).items
            .filter((u) => u.enabled !== false && u.team === team.value.trim()).map((u) => u.username);
        } catch (e) {
          clear(status, el('p', { class: 'message', role: 'alert' }, problemText(e)));
          return;
        }
      }
      if (members.length === 0) {
        errors.team.append(t('plans.teamEmpty', team.value.trim()));
        team.focus();
        return;
      }
      entries = members.map(entry);
    } else {
      entries = [entry(operator.value.trim())];
    }
    try {
      const stored = await post('/api/plans', entries);
      clear(status, el('p', { id: 'plan-saved', class: 'ok' }, t('plans.saved', formatNumber(stored.days))));
      saved();
    } catch (e) {
      const violations = e.problem?.violations || [];
      const general = [];
      for (const v of violations) {
        // "[0].calls" → the calls field; a team's entries share the fields, so a message shows once
        const name = String(v.field || '').replace(/^\[\d+\]\.?/, '').replace(/\[\d+\]$/, '');
        const target = errors[name];
        if (target && !target.textContent.includes(v.message)) target.append((target.textContent ? '; ' : '') + v.message);
        else if (!target) general.push(`${v.field} ${v.message}`);
      }
      clear(status, el('p', { id: 'plan-error', class: 'message', role: 'alert' }, t('plans.failed'), ' ',
        general.length || violations.length === 0 ? general.join('; ') || e.message : ''));
      const firstBad = FIELDS.find((f) => errors[f].textContent);
      if (firstBad) form.querySelector(`[aria-describedby="plan-error-${firstBad}"]`)?.focus();
    }
  });

  const edit = (r) => {
    clearErrors();
    clear(status);
    forOperator.checked = true;
    showTarget();
    operator.value = r.operator;
    from.value = r.from;
    to.value = r.to;
    calls.value = String(r.calls);
    leads.value = String(r.leads);
    form.querySelectorAll('input.plan-weekday').forEach((c) => { c.checked = false; });
    form.querySelector('h2').focus();
    calls.focus();
  };
  return { form, edit };
}
