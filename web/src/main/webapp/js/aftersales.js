// After-sales: the rules that turn occasions (birthdays, holidays, events, won deals) into calls on an AFTER_SALES
// campaign, the events clients are invited to and who accepted, the tasks the rules made, how each rule did, and
// when the daily generation runs (an admin may also run it now). #/aftersales/rules, /events, /tasks, /report,
// /settings.
import { phone } from './phone.js';
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDate, formatDateTime, formatNumber, today } from './i18n.js';
import { get, post, put } from './api.js';
import { errorSlot, clearErrors, showProblem, numberOrNull, textOrNull } from './marketer-forms.js';

const TYPES = ['BIRTHDAY', 'HOLIDAY', 'EVENT', 'FOLLOW_UP'];
const STATES = ['OPEN', 'REACHED', 'NOT_REACHED', 'DECLINED', 'ACCEPTED', 'CLOSED'];
const TABS = ['rules', 'events', 'tasks', 'report', 'settings'];

addStrings({
  en: {
    'as.tabs': 'After-sales sections', 'as.tab.rules': 'Rules', 'as.tab.events': 'Events', 'as.tab.tasks': 'Tasks',
    'as.tab.report': 'Report', 'as.tab.settings': 'Settings',
    'as.type.BIRTHDAY': 'Birthday', 'as.type.HOLIDAY': 'Holiday', 'as.type.EVENT': 'Event invitation',
    'as.type.FOLLOW_UP': 'Follow-up after a deal',
    'as.newRule': 'New rule', 'as.editRule': 'Edit rule: {0}', 'as.rule.new': 'New rule', 'as.noRules': 'No rules yet.',
    'as.name': 'Name', 'as.type': 'Occasion', 'as.campaign': 'After-sales campaign', 'as.chooseCampaign': '— choose —',
    'as.noCampaigns': 'There is no AFTER_SALES campaign yet: ask a supervisor to create one.',
    'as.daysBefore': 'Call this many days before the occasion', 'as.daysAfter': 'Call this many days after the won deal',
    'as.holidayDate': 'Holiday', 'as.event': 'Event', 'as.chooseEvent': '— choose —', 'as.chooseHoliday': '— choose —',
    'as.audience': 'Audience (empty: every contact)', 'as.tag': 'Contacts with the tag', 'as.city': 'Contacts in the city',
    'as.withOffer': 'With an offer (a one-time code)', 'as.offerKind': 'Offer', 'as.offer.DISCOUNT': 'Discount',
    'as.offer.GIFT': 'Gift', 'as.offerValue': 'What the contact gets (e.g. 10% or a mug)', 'as.validDays': 'Code valid for, days',
    'as.script': 'Script', 'as.advertising': 'Advertising call (not to contacts who refused advertising)',
    'as.active': 'Active', 'as.save': 'Save', 'as.cancel': 'Cancel', 'as.saved': 'Saved.', 'as.edit': 'Edit',
    'as.col.name': 'Name', 'as.col.type': 'Occasion', 'as.col.campaign': 'Campaign', 'as.col.when': 'When',
    'as.col.offer': 'Offer', 'as.col.active': 'Active', 'as.col.actions': 'Actions', 'as.yes': 'yes', 'as.no': 'no',
    'as.when.before': '{0} d before', 'as.when.after': '{0} d after', 'as.when.holiday': '{0} d before {1}',
    'as.when.event': '{0} d before event #{1}', 'as.offerText': '{0}: {1}, {2} d',
    'as.newEvent': 'New event', 'as.editEvent': 'Edit event: {0}', 'as.noEvents': 'No events yet.',
    'as.event.name': 'Name', 'as.event.date': 'Date', 'as.event.place': 'Place', 'as.event.inviteUntil': 'Invite until',
    'as.event.description': 'Description', 'as.event.lastDay': 'Last invitation day', 'as.attendees': 'Attendees',
    'as.attendeesOf': 'Attendees of {0}', 'as.noAttendees': 'Nobody has accepted yet.', 'as.attendee.name': 'Contact',
    'as.attendee.phone': 'Phone', 'as.attendee.accepted': 'Accepted',
    'as.tasks.rule': 'Rule', 'as.tasks.anyRule': 'any', 'as.tasks.state': 'State', 'as.tasks.anyState': 'any',
    'as.from': 'From', 'as.to': 'To', 'as.show': 'Show', 'as.noTasks': 'No tasks match.', 'as.total': '{0} task(s)',
    'as.task.callDay': 'Call day', 'as.task.occasion': 'Occasion date', 'as.task.contact': 'Contact',
    'as.task.offer': 'Offer code', 'as.task.state': 'State', 'as.task.entry': 'Call-list entry',
    'as.state.OPEN': 'Open', 'as.state.REACHED': 'Reached', 'as.state.NOT_REACHED': 'Not reached',
    'as.state.DECLINED': 'Declined', 'as.state.ACCEPTED': 'Accepted', 'as.state.CLOSED': 'Closed',
    'as.report.tasks': 'Tasks', 'as.report.reached': 'Reached', 'as.report.notReached': 'Not reached',
    'as.report.accepted': 'Accepted', 'as.report.declined': 'Declined', 'as.report.open': 'Open',
    'as.report.closed': 'Closed', 'as.report.redeemed': 'Offers redeemed', 'as.report.totals': 'Total',
    'as.report.empty': 'No rules and no tasks in this period.',
    'as.settings.time': 'Daily generation at (call centre time)', 'as.settings.last': 'Last generated day: {0}',
    'as.settings.save': 'Save', 'as.settings.saved': 'Saved: generation at {0}.',
    'as.settings.readOnly': 'Only an administrator can move the generation.',
    'as.generate': 'Generate now', 'as.generateDay': 'Call day to generate', 'as.generated': 'Created {0}, skipped {1}.',
    'as.generateHint': 'Makes the tasks of that call day now; running it again makes nothing twice.',
    'as.callList': 'Call list', 'as.campaignLink': 'Campaign {0}',
  },
  ru: {
    'as.tabs': 'Разделы послепродажного обслуживания', 'as.tab.rules': 'Правила', 'as.tab.events': 'Мероприятия',
    'as.tab.tasks': 'Задания', 'as.tab.report': 'Отчёт', 'as.tab.settings': 'Настройки',
    'as.type.BIRTHDAY': 'День рождения', 'as.type.HOLIDAY': 'Праздник', 'as.type.EVENT': 'Приглашение на мероприятие',
    'as.type.FOLLOW_UP': 'Звонок после сделки',
    'as.newRule': 'Новое правило', 'as.editRule': 'Правило: {0}', 'as.rule.new': 'Новое правило', 'as.noRules': 'Правил пока нет.',
    'as.name': 'Название', 'as.type': 'Повод', 'as.campaign': 'Послепродажная кампания', 'as.chooseCampaign': '— выберите —',
    'as.noCampaigns': 'Кампании типа AFTER_SALES пока нет: попросите руководителя её создать.',
    'as.daysBefore': 'Звонить за столько дней до повода', 'as.daysAfter': 'Звонить через столько дней после сделки',
    'as.holidayDate': 'Праздник', 'as.event': 'Мероприятие', 'as.chooseEvent': '— выберите —', 'as.chooseHoliday': '— выберите —',
    'as.audience': 'Кому звонить (пусто — всем контактам)', 'as.tag': 'Контактам с меткой', 'as.city': 'Контактам из города',
    'as.withOffer': 'С предложением (одноразовый код)', 'as.offerKind': 'Предложение', 'as.offer.DISCOUNT': 'Скидка',
    'as.offer.GIFT': 'Подарок', 'as.offerValue': 'Что получает клиент (например, 10% или кружку)',
    'as.validDays': 'Код действует, дней',
    'as.script': 'Сценарий разговора', 'as.advertising': 'Рекламный звонок (не звонить отказавшимся от рекламы)',
    'as.active': 'Действует', 'as.save': 'Сохранить', 'as.cancel': 'Отмена', 'as.saved': 'Сохранено.', 'as.edit': 'Изменить',
    'as.col.name': 'Название', 'as.col.type': 'Повод', 'as.col.campaign': 'Кампания', 'as.col.when': 'Когда',
    'as.col.offer': 'Предложение', 'as.col.active': 'Действует', 'as.col.actions': 'Действия', 'as.yes': 'да', 'as.no': 'нет',
    'as.when.before': 'за {0} дн.', 'as.when.after': 'через {0} дн.', 'as.when.holiday': 'за {0} дн. до {1}',
    'as.when.event': 'за {0} дн. до мероприятия №{1}', 'as.offerText': '{0}: {1}, {2} дн.',
    'as.newEvent': 'Новое мероприятие', 'as.editEvent': 'Мероприятие: {0}', 'as.noEvents': 'Мероприятий пока нет.',
    'as.event.name': 'Название', 'as.event.date': 'Дата', 'as.event.place': 'Место', 'as.event.inviteUntil': 'Приглашать до',
    'as.event.description': 'Описание', 'as.event.lastDay': 'Последний день приглашений', 'as.attendees': 'Участники',
    'as.attendeesOf': 'Участники: {0}', 'as.noAttendees': 'Пока никто не принял приглашение.', 'as.attendee.name': 'Контакт',
    'as.attendee.phone': 'Телефон', 'as.attendee.accepted': 'Принял приглашение',
    'as.tasks.rule': 'Правило', 'as.tasks.anyRule': 'любое', 'as.tasks.state': 'Состояние', 'as.tasks.anyState': 'любое',
    'as.from': 'С', 'as.to': 'По', 'as.show': 'Показать', 'as.noTasks': 'Подходящих заданий нет.', 'as.total': 'Заданий: {0}',
    'as.task.callDay': 'День звонка', 'as.task.occasion': 'Дата повода', 'as.task.contact': 'Контакт',
    'as.task.offer': 'Код предложения', 'as.task.state': 'Состояние', 'as.task.entry': 'Запись списка обзвона',
    'as.state.OPEN': 'Открыто', 'as.state.REACHED': 'Дозвонились', 'as.state.NOT_REACHED': 'Не дозвонились',
    'as.state.DECLINED': 'Отказ', 'as.state.ACCEPTED': 'Согласие', 'as.state.CLOSED': 'Закрыто',
    'as.report.tasks': 'Заданий', 'as.report.reached': 'Дозвонились', 'as.report.notReached': 'Не дозвонились',
    'as.report.accepted': 'Согласились', 'as.report.declined': 'Отказались', 'as.report.open': 'Открыто',
    'as.report.closed': 'Закрыто', 'as.report.redeemed': 'Погашено кодов', 'as.report.totals': 'Итого',
    'as.report.empty': 'За этот период нет ни правил, ни заданий.',
    'as.settings.time': 'Ежедневное создание заданий в (время колл-центра)', 'as.settings.last': 'Последний обработанный день: {0}',
    'as.settings.save': 'Сохранить', 'as.settings.saved': 'Сохранено: создание заданий в {0}.',
    'as.settings.readOnly': 'Время создания заданий может изменить только администратор.',
    'as.generate': 'Создать задания сейчас', 'as.generateDay': 'День звонков', 'as.generated': 'Создано: {0}, пропущено: {1}.',
    'as.generateHint': 'Создаёт задания на этот день звонков сейчас; повторный запуск ничего не удваивает.',
    'as.callList': 'Список обзвона', 'as.campaignLink': 'Кампания {0}',
  },
});

const failure = (e) => el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message));
const yesNo = (b) => t(b ? 'as.yes' : 'as.no');
const firstOfMonth = () => today().slice(0, 8) + '01';

export function aftersalesView(main, me, params = []) {
  const tab = TABS.includes(params[0]) ? params[0] : 'rules';
  main.append(el('nav', { class: 'tabs', 'aria-label': t('as.tabs') }, el('ul', {}, TABS.map((name) => el('li', {},
    el('a', { href: `#/aftersales/${name}`, id: `as-tab-${name}`, 'aria-current': name === tab ? 'page' : null }, t('as.tab.' + name)))))));
  const section = el('section', { id: `as-${tab}` });
  main.append(section);
  ({ rules: rulesTab, events: eventsTab, tasks: tasksTab, report: reportTab, settings: settingsTab })[tab](section, me);
}

/* rules */

async function rulesTab(section) {
  const list = el('div', { id: 'rules-output', 'aria-live': 'polite' }, el('p', {}, t('loading')));
  const editor = el('div', { id: 'rule-editor' });
  const newButton = el('button', { type: 'button', class: 'primary', id: 'rule-new' }, t('as.newRule'));
  section.append(newButton, editor, list);
  let campaigns = [];
  let events = [];
  let holidays = [];
  const load = async () => {
    try {
      const rules = (await get('/api/aftersales/rules', { size: 500 })).items;
      clear(list, rules.length ? rulesTable(rules, campaigns, (rule) => open(rule)) : el('p', { id: 'rules-empty' }, t('as.noRules')));
    } catch (e) {
      clear(list, failure(e));
    }
  };
  const open = (rule) => {
    clear(editor, ruleForm(rule, { campaigns, events, holidays }, async (saved) => {
      clear(editor, el('p', { class: 'ok', id: 'rule-saved', role: 'status' }, t('as.saved'), ' ', saved.name));
      await load();
      list.querySelector(`tr[data-id="${saved.id}"] button`)?.focus();
    }, () => { clear(editor); newButton.focus(); }));
    editor.querySelector('#rule-name')?.focus();
  };
  newButton.addEventListener('click', () => open(null));
  try {
    const year = Number(today().slice(0, 4));
    [campaigns, events, holidays] = await Promise.all([
      get('/api/campaigns', { type: 'AFTER_SALES', size: 500 }).then((p) => p.items),
      get('/api/aftersales/events', { size: 500 }).then((p) => p.items),
      get('/api/holidays', { from: `${year - 1}-01-01`, to: `${year + 2}-12-31` })]);
  } catch (e) {
    list.before(failure(e));
  }
  await load();
}

function whenText(r) {
  switch (r.type) {
    case 'FOLLOW_UP': return t('as.when.after', r.daysAfter);
    case 'HOLIDAY': return t('as.when.holiday', r.daysBefore, formatDate(r.holidayDate));
    case 'EVENT': return t('as.when.event', r.daysBefore, r.eventId);
    default: return t('as.when.before', r.daysBefore);
  }
}

function rulesTable(rules, campaigns, edit) {
  const head = ['as.col.name', 'as.col.type', 'as.col.campaign', 'as.col.when', 'as.col.offer', 'as.col.active', 'as.col.actions'];
  return el('table', { class: 'data', id: 'rules-table' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, rules.map((r) => {
      const campaignId = campaigns.find((c) => c.code === r.campaign)?.id;
      return el('tr', { dataset: { id: r.id, type: r.type } },
        el('th', { scope: 'row' }, r.name), el('td', {}, t('as.type.' + r.type)),
        el('td', {}, campaignId ? el('a', { href: `#/campaigns/${campaignId}`, title: t('as.callList') }, r.campaign) : r.campaign),
        el('td', {}, whenText(r)),
        el('td', {}, r.offer ? t('as.offerText', t('as.offer.' + r.offer.kind), r.offer.value, r.offer.validDays) : '—'),
        el('td', {}, yesNo(r.active)),
        el('td', {}, el('button', { type: 'button', class: 'link rule-edit', 'aria-label': `${t('as.edit')}: ${r.name}`,
          onclick: () => edit(r) }, t('as.edit'))));
    })));
}

function ruleForm(rule, { campaigns, events, holidays }, saved, cancel) {
  const r = rule || { type: 'BIRTHDAY', daysBefore: 0, daysAfter: 0, audience: {}, active: true, advertising: false };
  const type = el('select', { id: 'rule-type', disabled: !!rule },
    TYPES.map((k) => el('option', { value: k, selected: k === r.type }, t('as.type.' + k))));
  const name = el('input', { id: 'rule-name', required: true, maxlength: 300, value: r.name || '' });
  const campaign = el('select', { id: 'rule-campaign', required: true }, el('option', { value: '' }, t('as.chooseCampaign')),
    campaigns.map((c) => el('option', { value: c.code, selected: c.code === r.campaign }, `${c.name} (${c.code})`)));
  const daysBefore = el('input', { id: 'rule-days-before', type: 'number', min: 0, max: 366, step: 1, value: r.daysBefore ?? 0 });
  const daysAfter = el('input', { id: 'rule-days-after', type: 'number', min: 1, max: 366, step: 1, value: r.daysAfter || 7 });
  // a HOLIDAY rule names a day of the holiday calendar
  const holidayDate = el('select', { id: 'rule-holiday' }, el('option', { value: '' }, t('as.chooseHoliday')),
    holidays.map((h) => el('option', { value: h.date, selected: h.date === r.holidayDate }, `${h.name} — ${formatDate(h.date)}`)));
  if (r.holidayDate && !holidays.some((h) => h.date === r.holidayDate)) {
    holidayDate.append(el('option', { value: r.holidayDate, selected: true }, formatDate(r.holidayDate)));
  }
  const event = el('select', { id: 'rule-event' }, el('option', { value: '' }, t('as.chooseEvent')),
    events.map((e) => el('option', { value: e.id, selected: e.id === r.eventId }, `${e.name} — ${formatDate(e.date)}`)));
  const tag = el('input', { id: 'rule-tag', maxlength: 100, value: r.audience?.tag || '' });
  const city = el('input', { id: 'rule-city', maxlength: 200, value: r.audience?.city || '' });
  const withOffer = el('input', { id: 'rule-with-offer', type: 'checkbox', checked: !!r.offer });
  const offerKind = el('select', { id: 'rule-offer-kind' },
    ['DISCOUNT', 'GIFT'].map((k) => el('option', { value: k, selected: k === r.offer?.kind }, t('as.offer.' + k))));
  const offerValue = el('input', { id: 'rule-offer-value', maxlength: 200, value: r.offer?.value || '' });
  const validDays = el('input', { id: 'rule-offer-days', type: 'number', min: 1, max: 366, step: 1, value: r.offer?.validDays ?? 30 });
  const script = el('textarea', { id: 'rule-script', rows: 4, maxlength: 20000 }, r.script || '');
  const advertising = el('input', { id: 'rule-advertising', type: 'checkbox', checked: !!r.advertising });
  const active = el('input', { id: 'rule-active', type: 'checkbox', checked: r.active !== false });
  const general = el('div', { id: 'rule-message', class: 'message', role: 'alert' });

  const part = (types, ...children) => el('div', { class: 'by-type', dataset: { types: types.join(' ') } }, children);
  const offerBox = el('fieldset', { class: 'row', id: 'rule-offer' }, el('legend', {}, t('as.offerKind')),
    el('div', {}, field(t('as.offerKind'), offerKind), errorSlot('rule', 'offer.kind')),
    el('div', {}, field(t('as.offerValue'), offerValue), errorSlot('rule', 'offer.value')),
    el('div', {}, field(t('as.validDays'), validDays), errorSlot('rule', 'offer.validDays')));
  const form = el('form', { id: 'rule-form', class: 'card', novalidate: true },
    el('h2', {}, rule ? t('as.editRule', rule.name) : t('as.rule.new')),
    el('div', { class: 'row' },
      el('div', {}, field(t('as.type'), type), errorSlot('rule', 'type')),
      el('div', { class: 'grow' }, field(t('as.name'), name), errorSlot('rule', 'name')),
      el('div', {}, field(t('as.campaign'), campaign), errorSlot('rule', 'campaign'))),
    campaigns.length ? null : el('p', { class: 'callback-note', id: 'rule-no-campaigns' }, t('as.noCampaigns')),
    el('div', { class: 'row' },
      part(['BIRTHDAY', 'HOLIDAY', 'EVENT'], field(t('as.daysBefore'), daysBefore), errorSlot('rule', 'daysBefore')),
      part(['FOLLOW_UP'], field(t('as.daysAfter'), daysAfter), errorSlot('rule', 'daysAfter')),
      part(['HOLIDAY'], field(t('as.holidayDate'), holidayDate), errorSlot('rule', 'holidayDate')),
      part(['EVENT'], field(t('as.event'), event), errorSlot('rule', 'eventId'))),
    el('fieldset', { class: 'row' }, el('legend', {}, t('as.audience')),
      el('div', {}, field(t('as.tag'), tag), errorSlot('rule', 'audience.tag')),
      el('div', {}, field(t('as.city'), city), errorSlot('rule', 'audience.city'))),
    el('label', { class: 'check' }, withOffer, t('as.withOffer')), offerBox,
    field(t('as.script'), script), errorSlot('rule', 'script'),
    el('label', { class: 'check' }, advertising, t('as.advertising')),
    el('label', { class: 'check' }, active, t('as.active')),
    general,
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'rule-save' }, t('as.save')),
      el('button', { type: 'button', class: 'link', id: 'rule-cancel', onclick: cancel }, t('as.cancel'))));
  // only the fields of the chosen occasion are shown (and sent)
  const showType = () => {
    form.querySelectorAll('.by-type').forEach((box) => { box.hidden = !box.dataset.types.split(' ').includes(type.value); });
    offerBox.hidden = !withOffer.checked;
  };
  type.addEventListener('change', showType);
  withOffer.addEventListener('change', showType);
  showType();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    clear(general);
    const kind = type.value;
    const input = {
      type: kind, name: name.value.trim(), campaign: campaign.value || null,
      daysBefore: kind === 'FOLLOW_UP' ? null : numberOrNull(daysBefore.value),
      daysAfter: kind === 'FOLLOW_UP' ? numberOrNull(daysAfter.value) : null,
      holidayDate: kind === 'HOLIDAY' ? holidayDate.value || null : null,
      eventId: kind === 'EVENT' ? numberOrNull(event.value) : null,
      audience: { tag: textOrNull(tag.value), city: textOrNull(city.value) },
      offer: withOffer.checked ? { kind: offerKind.value, value: offerValue.value.trim(), validDays: numberOrNull(validDays.value) } : null,
      script: textOrNull(script.value), advertising: advertising.checked, active: active.checked,
    };
    try {
      const result = rule ? await put(`/api/aftersales/rules/${rule.id}`, { ...input, version: rule.version })
        : await post('/api/aftersales/rules', input);
      await saved(result);
    } catch (err) {
      showProblem(form, general, err, rule ? async () => saved(await get(`/api/aftersales/rules/${rule.id}`)) : null);
    }
  });
  return form;
}

/* events */

async function eventsTab(section) {
  const list = el('div', { id: 'events-output', 'aria-live': 'polite' }, el('p', {}, t('loading')));
  const editor = el('div', { id: 'event-editor' });
  const attendees = el('div', { id: 'event-attendees', 'aria-live': 'polite' });
  const newButton = el('button', { type: 'button', class: 'primary', id: 'event-new' }, t('as.newEvent'));
  section.append(newButton, editor, list, attendees);
  const load = async () => {
    try {
      const events = (await get('/api/aftersales/events', { size: 500 })).items;
      clear(list, events.length ? eventsTable(events, open, (ev) => showAttendees(attendees, ev))
        : el('p', { id: 'events-empty' }, t('as.noEvents')));
    } catch (e) {
      clear(list, failure(e));
    }
  };
  function open(ev) {
    clear(attendees);
    clear(editor, eventForm(ev, async (saved) => {
      clear(editor, el('p', { class: 'ok', id: 'event-saved', role: 'status' }, t('as.saved'), ' ', saved.name));
      await load();
      list.querySelector(`tr[data-id="${saved.id}"] button`)?.focus();
    }, () => { clear(editor); newButton.focus(); }));
    editor.querySelector('#event-name')?.focus();
  }
  newButton.addEventListener('click', () => open(null));
  await load();
}

function eventsTable(events, edit, attendees) {
  const head = ['as.event.name', 'as.event.date', 'as.event.place', 'as.event.inviteUntil', 'as.event.lastDay', 'as.col.actions'];
  return el('table', { class: 'data', id: 'events-table' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, events.map((ev) => el('tr', { dataset: { id: ev.id } },
      el('th', { scope: 'row' }, ev.name), el('td', {}, formatDate(ev.date)), el('td', {}, ev.place ?? '—'),
      el('td', {}, formatDate(ev.inviteUntil)), el('td', {}, formatDate(ev.lastInvitationDay)),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'link event-edit', 'aria-label': `${t('as.edit')}: ${ev.name}`, onclick: () => edit(ev) }, t('as.edit')),
        el('button', { type: 'button', class: 'link event-attendees', 'aria-label': t('as.attendeesOf', ev.name),
          onclick: () => attendees(ev) }, t('as.attendees')))))));
}

function eventForm(ev, saved, cancel) {
  const e0 = ev || {};
  const name = el('input', { id: 'event-name', required: true, maxlength: 300, value: e0.name || '' });
  const date = el('input', { id: 'event-date', type: 'date', required: true, value: e0.date || '' });
  const place = el('input', { id: 'event-place', maxlength: 300, value: e0.place || '' });
  const inviteUntil = el('input', { id: 'event-invite-until', type: 'date', value: e0.inviteUntil || '' });
  const description = el('textarea', { id: 'event-description', rows: 3, maxlength: 20000 }, e0.description || '');
  const general = el('div', { id: 'event-message', class: 'message', role: 'alert' });
  const form = el('form', { id: 'event-form', class: 'card', novalidate: true },
    el('h2', {}, ev ? t('as.editEvent', ev.name) : t('as.newEvent')),
    el('div', { class: 'row' },
      el('div', { class: 'grow' }, field(t('as.event.name'), name), errorSlot('event', 'name')),
      el('div', {}, field(t('as.event.date'), date), errorSlot('event', 'date')),
      el('div', {}, field(t('as.event.inviteUntil'), inviteUntil), errorSlot('event', 'inviteUntil'))),
    field(t('as.event.place'), place), errorSlot('event', 'place'),
    field(t('as.event.description'), description), errorSlot('event', 'description'),
    general,
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'event-save' }, t('as.save')),
      el('button', { type: 'button', class: 'link', id: 'event-cancel', onclick: cancel }, t('as.cancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = { name: name.value.trim(), date: date.value || null, place: textOrNull(place.value),
      inviteUntil: inviteUntil.value || null, description: textOrNull(description.value) };
    try {
      const result = ev ? await put(`/api/aftersales/events/${ev.id}`, { ...input, version: ev.version })
        : await post('/api/aftersales/events', input);
      await saved(result);
    } catch (err) {
      showProblem(form, general, err, ev ? async () => saved(await get(`/api/aftersales/events/${ev.id}`)) : null);
    }
  });
  return form;
}

async function showAttendees(target, ev) {
  clear(target, el('p', {}, t('loading')));
  try {
    const people = await get(`/api/aftersales/events/${ev.id}/attendees`);
    const head = ['as.attendee.name', 'as.attendee.phone', 'as.attendee.accepted'];
    clear(target, el('h2', { tabindex: -1 }, t('as.attendeesOf', ev.name)), people.length
      ? el('table', { class: 'data', id: 'attendees-table' },
        el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, people.map((a) => el('tr', { dataset: { contact: a.contactId } },
          el('th', { scope: 'row' }, a.fullName ?? `#${a.contactId}`), el('td', {}, phone(a.phone)),
          el('td', {}, formatDateTime(a.acceptedAt))))))
      : el('p', { id: 'attendees-empty' }, t('as.noAttendees')));
    target.querySelector('h2').focus();
  } catch (e) {
    clear(target, failure(e));
  }
}

/* tasks */

async function tasksTab(section) {
  const rule = el('select', { id: 'tasks-rule' }, el('option', { value: '' }, t('as.tasks.anyRule')));
  const state = el('select', { id: 'tasks-state' }, el('option', { value: '' }, t('as.tasks.anyState')),
    STATES.map((s) => el('option', { value: s }, t('as.state.' + s))));
  const from = el('input', { id: 'tasks-from', type: 'date', value: firstOfMonth() });
  const to = el('input', { id: 'tasks-to', type: 'date' });
  const output = el('div', { id: 'tasks-output', 'aria-live': 'polite' });
  const form = el('form', { id: 'tasks-form', class: 'row' }, field(t('as.tasks.rule'), rule), field(t('as.tasks.state'), state),
    field(t('as.from'), from), field(t('as.to'), to), el('button', { type: 'submit', class: 'primary', id: 'tasks-show' }, t('as.show')));
  section.append(form, output);
  try {
    (await get('/api/aftersales/rules', { size: 500 })).items
      .forEach((r) => rule.append(el('option', { value: r.id }, r.name)));
  } catch (e) {
    output.before(failure(e));
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(output, el('p', {}, t('loading')));
    const query = { size: 200 };
    if (rule.value) query.rule = rule.value;
    if (state.value) query.state = state.value;
    if (from.value) query.from = from.value;
    if (to.value) query.to = to.value;
    try {
      const page = await get('/api/aftersales/tasks', query);
      if (page.items.length === 0) {
        clear(output, el('p', { id: 'tasks-empty' }, t('as.noTasks')));
        return;
      }
      const head = ['as.task.callDay', 'as.tasks.rule', 'as.col.type', 'as.task.occasion', 'as.task.contact', 'as.task.offer', 'as.task.state'];
      clear(output, el('p', { id: 'tasks-total' }, t('as.total', formatNumber(page.total))),
        el('table', { class: 'data', id: 'tasks-table' },
          el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, page.items.map((task) => el('tr', { dataset: { id: task.id, state: task.state } },
            el('td', {}, formatDate(task.callDay)), el('th', { scope: 'row' }, task.ruleName ?? `#${task.ruleId}`),
            el('td', {}, task.type ? t('as.type.' + task.type) : '—'), el('td', {}, formatDate(task.occasionDate)),
            el('td', {}, `#${task.contactId}`), el('td', {}, task.offerCode ?? '—'), el('td', {}, t('as.state.' + task.state)))))));
    } catch (err) {
      clear(output, failure(err));
    }
  });
  form.requestSubmit();
}

/* report */

function reportTab(section) {
  const from = el('input', { id: 'asr-from', type: 'date', value: firstOfMonth(), required: true });
  const to = el('input', { id: 'asr-to', type: 'date', value: today(), required: true });
  const output = el('div', { id: 'asr-output', 'aria-live': 'polite' });
  const form = el('form', { id: 'asr-form', class: 'row' }, field(t('as.from'), from), field(t('as.to'), to),
    el('button', { type: 'submit', class: 'primary', id: 'asr-show' }, t('as.show')));
  section.append(form, output);
  const columns = ['tasks', 'reached', 'notReached', 'accepted', 'declined', 'open', 'closed', 'offersRedeemed'];
  const keys = { offersRedeemed: 'as.report.redeemed' };
  const cells = (f) => columns.map((c) => el('td', { class: 'num', dataset: { column: c } }, formatNumber(f[c])));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(output, el('p', {}, t('loading')));
    try {
      const report = await get('/api/aftersales/report', { from: from.value, to: to.value });
      if (report.rules.length === 0) {
        clear(output, el('p', { id: 'asr-empty' }, t('as.report.empty')));
        return;
      }
      clear(output, el('table', { class: 'data', id: 'asr-table' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('as.col.name')), el('th', { scope: 'col' }, t('as.col.type')),
          columns.map((c) => el('th', { scope: 'col' }, t(keys[c] || 'as.report.' + c))))),
        el('tbody', {}, report.rules.map((f) => el('tr', { dataset: { rule: f.ruleId } },
          el('th', { scope: 'row' }, f.name ?? '—'), el('td', {}, f.type ? t('as.type.' + f.type) : '—'), cells(f)))),
        el('tfoot', {}, el('tr', { id: 'asr-totals' }, el('th', { scope: 'row' }, t('as.report.totals')), el('td'), cells(report.totals)))));
    } catch (err) {
      clear(output, failure(err));
    }
  });
  form.requestSubmit();
}

/* settings */

async function settingsTab(section, me) {
  const admin = me.roles.includes('ADMIN');
  const output = el('div', { id: 'as-settings-output' }, el('p', {}, t('loading')));
  section.append(output);
  let settings;
  try {
    settings = await get('/api/aftersales/settings');
  } catch (e) {
    clear(output, e.status === 403 ? el('p', { id: 'as-settings-forbidden' }, t('mk.forbidden')) : failure(e));
    return;
  }
  const time = el('input', { id: 'as-generation-time', type: 'time', required: true, value: settings.generationTime, disabled: !admin });
  const general = el('div', { id: 'as-settings-message', class: 'message', role: 'alert' });
  const status = el('p', { id: 'as-settings-status', role: 'status' });
  const last = el('p', { id: 'as-last-generated' }, t('as.settings.last', formatDate(settings.lastGenerated)));
  const form = el('form', { id: 'as-settings-form', class: 'card', novalidate: true },
    field(t('as.settings.time'), time), errorSlot('as-settings', 'generationTime'), last, general,
    admin ? el('button', { type: 'submit', class: 'primary', id: 'as-settings-save' }, t('as.settings.save'))
      : el('p', { id: 'as-settings-readonly' }, t('as.settings.readOnly')), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(status);
    clear(general);
    try {
      settings = await put('/api/aftersales/settings', { generationTime: time.value, version: settings.version });
      clear(status, el('span', { class: 'ok' }, t('as.settings.saved', settings.generationTime)));
    } catch (err) {
      showProblem(form, general, err, async () => {
        settings = await get('/api/aftersales/settings');
        time.value = settings.generationTime;
        clear(general);
      });
    }
  });
  clear(output, form, admin ? generateBox(last) : null);
}

/** ADMIN only: make the tasks of a call day now (the daily timer does the same). */
function generateBox(last) {
  const day = el('input', { id: 'as-generate-day', type: 'date', value: today(), required: true });
  const result = el('p', { id: 'as-generate-result', role: 'status' });
  const button = el('button', { type: 'submit', class: 'primary', id: 'as-generate' }, t('as.generate'));
  const form = el('form', { id: 'as-generate-form', class: 'card' }, el('h2', {}, t('as.generate')),
    el('p', {}, t('as.generateHint')), el('div', { class: 'row' }, field(t('as.generateDay'), day), button), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    clear(result, t('loading'));
    try {
      const done = await post(`/api/aftersales/generate?date=${encodeURIComponent(day.value)}`);
      clear(result, el('span', { class: 'ok' }, t('as.generated', formatNumber(done.created), formatNumber(done.skipped))));
      const fresh = await get('/api/aftersales/settings');
      last.textContent = t('as.settings.last', formatDate(fresh.lastGenerated));
    } catch (err) {
      clear(result, failure(err));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
