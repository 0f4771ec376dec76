// All UI strings, in two dictionaries. The language comes from the user's choice (localStorage) or the browser.
const dictionaries = {
  en: {
    'app.name': 'Switchboard', 'lang.switch': 'Русский', 'lang.label': 'Language', 'skip': 'Skip to content',
    'login.title': 'Sign in', 'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password.', 'login.locked': 'Too many failed attempts. Try again in {0} s.',
    'login.expired': 'Your session ended after inactivity. Please sign in again.',
    'logout': 'Sign out', 'nav.label': 'Main navigation', 'welcome': 'Welcome, {0}',
    'error.generic': 'Something went wrong: {0}', 'loading': 'Loading…', 'notYet': 'This screen is not built yet.',
    'calls.inbound': 'Inbound call', 'calls.next': 'Next call', 'callbacks': 'Callbacks', 'meetings': 'Meetings',
    'calls': 'Calls', 'campaigns': 'Campaigns', 'contacts': 'Contacts', 'leads': 'Leads', 'surveys': 'Surveys',
    'aftersales': 'After-sales', 'reports': 'Operator days', 'reports.anomalies': 'Anomalies',
    'reports.plans': 'Plans', 'qa': 'Quality', 'admin.users': 'Users', 'admin.clients': 'Clients',
    'admin.settings': 'Settings', 'admin.audit': 'Audit',
    'inbound.number': 'Caller number', 'inbound.find': 'Find', 'inbound.contact': 'Contact',
    'inbound.newContact': 'New caller', 'inbound.contactName': 'Name', 'inbound.campaign': 'Campaign',
    'inbound.notes': 'Notes', 'inbound.outcome': 'Outcome', 'inbound.lead': 'Create a lead',
    'inbound.leadValue': 'Estimated value', 'inbound.save': 'Log the call', 'inbound.saved': 'Call logged.',
    'inbound.savedLead': 'Call logged, lead #{0} created.', 'inbound.history': 'Calls', 'inbound.noCalls': 'No calls yet.',
    'inbound.phones': 'Phones',
    'call.started': 'Started', 'call.direction': 'Direction', 'call.operator': 'Operator', 'call.talk': 'Talk, s',
    'call.outcome': 'Outcome', 'call.campaign': 'Campaign', 'call.number': 'Number',
    'report.from': 'From', 'report.to': 'To', 'report.operator': 'Operator', 'report.show': 'Show',
    'report.empty': 'No figures for this period.', 'report.anomalies': 'Anomalies', 'report.noAnomalies': 'No anomalies.',
    'report.callsBehind': 'Calls behind: {0}, {1}, {2}', 'report.close': 'Close', 'report.sortHint': 'Sort',
    'col.date': 'Date', 'col.operator': 'Operator', 'col.team': 'Team', 'col.calls': 'Calls', 'col.answered': 'Answered',
    'col.counted': 'Counted', 'col.short': 'Short', 'col.long': 'Long', 'col.avgTalkSeconds': 'Avg talk, s',
    'col.leads': 'Leads', 'col.planPercent': 'Plan, %', 'col.conversion': 'Conversion',
    'next.campaign': 'Campaign', 'next.button': 'Next call', 'next.nobody': 'Nobody to call now.',
    'next.noCampaigns': 'You are not assigned to any campaign.', 'next.number': 'Number',
    'next.localTime': 'Contact\'s local time', 'next.attempts': 'Attempts', 'next.lastOutcome': 'Last outcome',
    'next.callbackNote': 'Callback planned for {0}: {1}', 'next.script': 'Script', 'next.noScript': 'No script.',
    'next.outcome': 'Outcome', 'next.note': 'Note', 'next.callbackAt': 'Call back at (contact\'s local time)',
    'next.planCallback': 'Plan the callback', 'next.callbackAtMissing': 'Choose when to call back.',
    'next.recorded': 'Recorded: {0}.',
    'outcome.NO_ANSWER': 'No answer', 'outcome.BUSY': 'Busy', 'outcome.WRONG_NUMBER': 'Wrong number',
    'outcome.NOT_INTERESTED': 'Not interested', 'outcome.INTERESTED': 'Interested', 'outcome.DNC_REQUEST': 'Do not call',
    'outcome.COMPLETED': 'Completed', 'outcome.CALLBACK': 'Callback',
    'callbacks.due': 'Due (contact\'s time)', 'callbacks.note': 'Note', 'callbacks.state': 'State',
    'callbacks.empty': 'No callbacks due today.', 'callbacks.overdue': 'Overdue', 'callbacks.pool': 'Pool',
    'callbacks.open': 'Open',
    'contacts.query': 'Phone or name', 'contacts.none': 'No contact found.', 'contacts.nothing': 'None.',
    'contacts.notAllowed': 'Not available to your role.', 'contacts.emails': 'E-mails', 'contacts.city': 'City',
    'contacts.timeZone': 'Time zone', 'contacts.tags': 'Tags', 'contacts.notes': 'Notes',
    'contacts.doNotCall': 'Asked not to be called.',
    'qa.date': 'Day', 'qa.empty': 'No recordings to review for this day.', 'qa.result': 'Result',
    'qa.successful': 'Successful', 'qa.failed': 'Failed', 'qa.reviewed': 'Reviewed', 'qa.yes': 'Yes', 'qa.no': 'No',
    'qa.listen': 'Listen and review', 'qa.call': 'Call: {0}, {1}', 'qa.scorecard': 'Scorecard',
    'qa.noScorecards': 'There is no active scorecard.', 'qa.criteria': 'Criteria (pass mark {0} %)',
    'qa.fatal': 'fatal', 'qa.comment': 'Comment', 'qa.submit': 'Save the review',
    'qa.verdict': 'Score {0} % — {1}', 'qa.verdict.GOOD': 'good', 'qa.verdict.BAD': 'bad',
    'lead.id': 'Lead', 'lead.created': 'Created', 'lead.status': 'Status', 'lead.value': 'Estimated value',
  },
  ru: {
    'app.name': 'Switchboard', 'lang.switch': 'English', 'lang.label': 'Язык', 'skip': 'Перейти к содержимому',
    'login.title': 'Вход', 'login.username': 'Имя пользователя', 'login.password': 'Пароль', 'login.submit': 'Войти',
    'login.failed': 'Неверное имя пользователя или пароль.', 'login.locked': 'Слишком много попыток. Повторите через {0} с.',
    'login.expired': 'Сеанс завершён из-за бездействия. Войдите снова.',
    'logout': 'Выйти', 'nav.label': 'Главное меню', 'welcome': 'Здравствуйте, {0}',
    'error.generic': 'Что-то пошло не так: {0}', 'loading': 'Загрузка…', 'notYet': 'Этот экран ещё не готов.',
    'calls.inbound': 'Входящий звонок', 'calls.next': 'Следующий звонок', 'callbacks': 'Перезвоны', 'meetings': 'Встречи',
    'calls': 'Звонки', 'campaigns': 'Кампании', 'contacts': 'Контакты', 'leads': 'Лиды', 'surveys': 'Опросы',
    'aftersales': 'Послепродажа', 'reports': 'Дни операторов', 'reports.anomalies': 'Аномалии',
    'reports.plans': 'Планы', 'qa': 'Контроль качества', 'admin.users': 'Пользователи', 'admin.clients': 'Клиенты',
    'admin.settings': 'Настройки', 'admin.audit': 'Аудит',
    'inbound.number': 'Номер звонящего', 'inbound.find': 'Найти', 'inbound.contact': 'Контакт',
    'inbound.newContact': 'Новый звонящий', 'inbound.contactName': 'Имя', 'inbound.campaign': 'Кампания',
    'inbound.notes': 'Заметки', 'inbound.outcome': 'Результат', 'inbound.lead': 'Создать лид',
    'inbound.leadValue': 'Ожидаемая сумма', 'inbound.save': 'Записать звонок', 'inbound.saved': 'Звонок записан.',
    'inbound.savedLead': 'Звонок записан, создан лид №{0}.', 'inbound.history': 'Звонки', 'inbound.noCalls': 'Звонков пока нет.',
    'inbound.phones': 'Телефоны',
    'call.started': 'Начало', 'call.direction': 'Направление', 'call.operator': 'Оператор', 'call.talk': 'Разговор, с',
    'call.outcome': 'Результат', 'call.campaign': 'Кампания', 'call.number': 'Номер',
    'report.from': 'С', 'report.to': 'По', 'report.operator': 'Оператор', 'report.show': 'Показать',
    'report.empty': 'За этот период данных нет.', 'report.anomalies': 'Аномалии', 'report.noAnomalies': 'Аномалий нет.',
    'report.callsBehind': 'Звонки: {0}, {1}, {2}', 'report.close': 'Закрыть', 'report.sortHint': 'Сортировать',
    'col.date': 'Дата', 'col.operator': 'Оператор', 'col.team': 'Команда', 'col.calls': 'Звонки', 'col.answered': 'Отвечено',
    'col.counted': 'Засчитано', 'col.short': 'Короткие', 'col.long': 'Длинные', 'col.avgTalkSeconds': 'Средний разговор, с',
    'col.leads': 'Лиды', 'col.planPercent': 'План, %', 'col.conversion': 'Конверсия',
    'next.campaign': 'Кампания', 'next.button': 'Следующий звонок', 'next.nobody': 'Сейчас звонить некому.',
    'next.noCampaigns': 'Вы не назначены ни на одну кампанию.', 'next.number': 'Номер',
    'next.localTime': 'Местное время контакта', 'next.attempts': 'Попытки', 'next.lastOutcome': 'Последний результат',
    'next.callbackNote': 'Перезвон назначен на {0}: {1}', 'next.script': 'Скрипт', 'next.noScript': 'Скрипта нет.',
    'next.outcome': 'Результат', 'next.note': 'Заметка', 'next.callbackAt': 'Перезвонить (местное время контакта)',
    'next.planCallback': 'Назначить перезвон', 'next.callbackAtMissing': 'Укажите, когда перезвонить.',
    'next.recorded': 'Записано: {0}.',
    'outcome.NO_ANSWER': 'Нет ответа', 'outcome.BUSY': 'Занято', 'outcome.WRONG_NUMBER': 'Неверный номер',
    'outcome.NOT_INTERESTED': 'Не интересно', 'outcome.INTERESTED': 'Интересно', 'outcome.DNC_REQUEST': 'Не звонить',
    'outcome.COMPLETED': 'Завершено', 'outcome.CALLBACK': 'Перезвон',
    'callbacks.due': 'Срок (время контакта)', 'callbacks.note': 'Заметка', 'callbacks.state': 'Состояние',
    'callbacks.empty': 'На сегодня перезвонов нет.', 'callbacks.overdue': 'Просрочен', 'callbacks.pool': 'Общий',
    'callbacks.open': 'Открыт',
    'contacts.query': 'Телефон или имя', 'contacts.none': 'Контакт не найден.', 'contacts.nothing': 'Нет.',
    'contacts.notAllowed': 'Недоступно для вашей роли.', 'contacts.emails': 'Эл. почта', 'contacts.city': 'Город',
    'contacts.timeZone': 'Часовой пояс', 'contacts.tags': 'Метки', 'contacts.notes': 'Заметки',
    'contacts.doNotCall': 'Просил не звонить.',
    'qa.date': 'День', 'qa.empty': 'На этот день записей для проверки нет.', 'qa.result': 'Итог',
    'qa.successful': 'Успешный', 'qa.failed': 'Неуспешный', 'qa.reviewed': 'Проверен', 'qa.yes': 'Да', 'qa.no': 'Нет',
    'qa.listen': 'Прослушать и оценить', 'qa.call': 'Звонок: {0}, {1}', 'qa.scorecard': 'Оценочный лист',
    'qa.noScorecards': 'Активных оценочных листов нет.', 'qa.criteria': 'Критерии (проходной балл {0} %)',
    'qa.fatal': 'критичный', 'qa.comment': 'Комментарий', 'qa.submit': 'Сохранить оценку',
    'qa.verdict': 'Оценка {0} % — {1}', 'qa.verdict.GOOD': 'хорошо', 'qa.verdict.BAD': 'плохо',
    'lead.id': 'Лид', 'lead.created': 'Создан', 'lead.status': 'Статус', 'lead.value': 'Ожидаемая сумма',
  },
};

const STORE_KEY = 'switchboard.lang';
let lang = pick();

function pick() {
  const chosen = localStorage.getItem(STORE_KEY);
  if (chosen && dictionaries[chosen]) return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = dictionaries[next] ? next : 'en';
  localStorage.setItem(STORE_KEY, lang);
  document.documentElement.lang = lang;
}

/** The text of a key in the current language, {0}… replaced by args; an unknown key shows as itself. */
export function t(key, ...args) {
  const text = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export function has(key) {
  return key in dictionaries.en;
}

/**
 * A screen's own strings, added to the two dictionaries when its module loads: addStrings({en: {...}, ru: {...}}).
 * Every key needs both languages; a key missing in Russian is reported in the console and shows in English.
 */
export function addStrings(strings) {
  for (const key of Object.keys(strings.en)) {
    if (!(key in strings.ru)) console.warn(`i18n: '${key}' has no Russian text`);
  }
  Object.assign(dictionaries.en, strings.en);
  Object.assign(dictionaries.ru, strings.ru);
}

/** The browser's own locale when it speaks the UI's language (en-US keeps its date order), else a default. */
const locale = () => (navigator.languages || [navigator.language]).find((l) => l && l.toLowerCase().startsWith(lang))
  || (lang === 'ru' ? 'ru-RU' : 'en-GB');
export const formatNumber = (n, digits = 0) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
export const formatDateTime = (iso) =>
  iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—';
export const formatTime = (iso) =>
  iso ? new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(iso)) : '—';
export const formatPercent = (n, digits = 1) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n) + ' %';
export const formatMoney = (n) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
/** Today as YYYY-MM-DD in the browser's zone (for date inputs). */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** A calendar date (YYYY-MM-DD) shown as such, never shifted by a time zone. */
export const formatDate = (day) =>
  day ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z')) : '—';

document.documentElement.lang = lang;
