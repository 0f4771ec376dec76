// Surveys: the list (#/surveys), a survey's builder (#/surveys/12, #/surveys/new) and its results
// (#/surveys/12/results).
import { clear, el } from './dom.js';
import { t, addStrings, formatNumber } from './i18n.js';
import { get } from './api.js';
import { surveyBuilder } from './survey-builder.js';
import { surveyResults } from './survey-results.js';

addStrings({
  en: {
    'svl.new': 'New survey', 'svl.empty': 'No surveys yet.', 'svl.title': 'Survey', 'svl.campaign': 'Campaign',
    'svl.state': 'State', 'svl.completes': 'Completes', 'svl.results': 'Results', 'svl.open': 'Open',
    'svl.version': 'v{0}: {1}', 'svl.live': 'v{0} live', 'svl.more': 'Show more',
  },
  ru: {
    'svl.new': 'Новая анкета', 'svl.empty': 'Анкет пока нет.', 'svl.title': 'Анкета', 'svl.campaign': 'Кампания',
    'svl.state': 'Состояние', 'svl.completes': 'Завершено', 'svl.results': 'Результаты', 'svl.open': 'Открыть',
    'svl.version': 'в{0}: {1}', 'svl.live': 'действует в{0}', 'svl.more': 'Показать ещё',
  },
});

const PAGE = 25;

export function surveysView(main, me, params = []) {
  if (params[0] === 'new') return surveyBuilder(main, me, null);
  if (params[0] && params[1] === 'results') return surveyResults(main, me, params[0]);
  if (params[0]) return surveyBuilder(main, me, params[0]);
  return surveyList(main, me);
}

async function surveyList(main, me) {
  const canWrite = me.roles.some((r) => r === 'MARKETER' || r === 'SUPERVISOR' || r === 'ADMIN');
  const output = el('div', { id: 'surveys-output', 'aria-live': 'polite' }, el('p', {}, t('loading')));
  main.append(canWrite ? el('p', {}, el('a', { href: '#/surveys/new', id: 'survey-new', class: 'button-link' }, t('svl.new'))) : null,
    output);
  const head = ['svl.title', 'svl.campaign', 'svl.state', 'svl.completes', 'svl.results'];
  const body = el('tbody');
  const table = el('table', { id: 'surveys-table', class: 'data' },
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))), body);
  const more = el('button', { type: 'button', class: 'link', id: 'surveys-more', hidden: true }, t('svl.more'));
  let page = 0;
  const load = async () => {
    try {
      const found = await get('/api/surveys', { page, size: PAGE });
      if (page === 0 && found.items.length === 0) {
        clear(output, el('p', { id: 'surveys-empty' }, t('svl.empty')));
        return;
      }
      if (page === 0) clear(output, table, more);
      found.items.forEach((s) => body.append(row(s)));
      more.hidden = (page + 1) * PAGE >= found.total;
    } catch (e) {
      clear(output, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    }
  };
  more.addEventListener('click', () => { page++; load(); });
  await load();
}

function row(s) {
  const completes = el('td', { class: 'num completes' }, formatNumber(s.completes));
  const state = [t('svl.version', s.versionNumber, t('sv.state.' + s.state))];
  if (s.liveVersion && s.liveVersion !== s.versionNumber) state.push(t('svl.live', s.liveVersion));
  return el('tr', { dataset: { id: s.id } },
    el('th', { scope: 'row' }, el('a', { href: `#/surveys/${s.id}`, class: 'survey-open' }, s.title)),
    el('td', {}, s.campaign ?? '—'), el('td', { class: 'survey-state' }, state.join(' · ')), completes,
    el('td', {}, el('a', { href: `#/surveys/${s.id}/results`, class: 'survey-results' }, t('svl.results'))));
}
