// The survey builder: a questionnaire's questions in order (kind, text, required, options, scale, a branch per
// option), its quotas; saved with the version read (409 when someone else saved since), published. The server checks
// the questionnaire (a branch to nowhere, a loop) and each violation is shown at the question it names.
import { clear, el, field } from './dom.js';
import { t, addStrings, formatDateTime, formatNumber } from './i18n.js';
import { get, post, put } from './api.js';
import { errorSlot, clearErrors, showProblem, numberOrNull, textOrNull } from './marketer-forms.js';

const KINDS = ['SINGLE', 'MULTIPLE', 'SCALE', 'NUMBER', 'DATE', 'TEXT'];
const ATTRIBUTES = ['city', 'company', 'timeZone'];
const END = 'END';
const isChoice = (kind) => kind === 'SINGLE' || kind === 'MULTIPLE';
const hasRange = (kind) => kind === 'SCALE' || kind === 'NUMBER';

addStrings({
  en: {
    'sv.new': 'New survey', 'sv.title': 'Title', 'sv.campaign': 'Survey campaign', 'sv.noCampaign': '— none yet —',
    'sv.intro': 'Introduction the operator reads out', 'sv.target': 'Target completes', 'sv.questions': 'Questions',
    'sv.question': 'Question {0}', 'sv.code': 'Code', 'sv.text': 'Question text', 'sv.kind': 'Kind',
    'sv.required': 'An answer is required', 'sv.min': 'Minimum', 'sv.max': 'Maximum',
    'sv.kind.SINGLE': 'One choice', 'sv.kind.MULTIPLE': 'Several choices', 'sv.kind.SCALE': 'Scale',
    'sv.kind.NUMBER': 'Number', 'sv.kind.DATE': 'Date', 'sv.kind.TEXT': 'Free text',
    'sv.options': 'Options', 'sv.optionCode': 'Option {0} code', 'sv.optionText': 'Option {0} text',
    'sv.optionBranch': 'After option {0} go to', 'sv.addOption': 'Add an option', 'sv.removeOption': 'Remove option {0}',
    'sv.branches': 'Branches', 'sv.branchAnswer': 'Branch {0}: when the answer is', 'sv.branchGoTo': 'Branch {0}: go to',
    'sv.addBranch': 'Add a branch', 'sv.removeBranch': 'Remove branch {0}',
    'sv.branch.next': 'the next question', 'sv.branch.end': 'the end of the survey', 'sv.branch.back': 'earlier question!',
    'sv.branch.missing': 'no such question!',
    'sv.up': 'Move up', 'sv.down': 'Move down', 'sv.remove': 'Remove',
    'sv.upLabel': 'Move question {0} up', 'sv.downLabel': 'Move question {0} down', 'sv.removeLabel': 'Remove question {0}',
    'sv.addQuestion': 'Add a question', 'sv.quotas': 'Quotas', 'sv.addQuota': 'Add a quota', 'sv.quota': 'Quota {0}',
    'sv.quotaCode': 'Code', 'sv.quotaName': 'Name', 'sv.quotaLimit': 'Completes allowed', 'sv.quotaBy': 'Counts',
    'sv.quotaByAnswer': 'an answer to a question', 'sv.quotaByAttribute': 'a contact attribute',
    'sv.quotaQuestion': 'Question', 'sv.quotaAnswer': 'Answer', 'sv.quotaAttribute': 'Attribute', 'sv.quotaValue': 'Value',
    'sv.removeQuota': 'Remove quota {0}', 'sv.noQuotas': 'No quotas.',
    'sv.attr.city': 'City', 'sv.attr.company': 'Company', 'sv.attr.timeZone': 'Time zone',
    'sv.save': 'Save', 'sv.publish': 'Publish', 'sv.saved': 'Saved: version {0}, draft.',
    'sv.published': 'Published: version {0} is live.', 'sv.edit': 'Edit — starts version {0}',
    'sv.state': 'Version {0}: {1}', 'sv.state.DRAFT': 'draft', 'sv.state.PUBLISHED': 'live',
    'sv.liveToo': 'version {0} is live', 'sv.readOnly': 'This version is live and can no longer change. Editing starts the next version; interviews keep the version they were given on.',
    'sv.versions': 'Versions', 'sv.col.version': 'Version', 'sv.col.state': 'State', 'sv.col.published': 'Published',
    'sv.col.interviews': 'Interviews', 'sv.results': 'Results', 'sv.callList': 'Call list of the campaign',
    'sv.back': 'All surveys', 'sv.unsaved': 'Unsaved changes.',
    'sv.view': 'View', 'sv.viewLabel': 'View version {0}', 'sv.showLive': 'Show the live version {0}',
    'sv.versionTitle': 'Version {0} ({1}), read-only', 'sv.optional': 'optional', 'sv.range': 'from {0} to {1}',
    'sv.goTo': 'then {0}', 'sv.whenAnswer': 'answer {0}: {1}', 'sv.close': 'Close',
  },
  ru: {
    'sv.new': 'Новая анкета', 'sv.title': 'Название', 'sv.campaign': 'Кампания опроса', 'sv.noCampaign': '— пока нет —',
    'sv.intro': 'Вступление, которое читает оператор', 'sv.target': 'Цель: завершённых анкет', 'sv.questions': 'Вопросы',
    'sv.question': 'Вопрос {0}', 'sv.code': 'Код', 'sv.text': 'Текст вопроса', 'sv.kind': 'Тип',
    'sv.required': 'Ответ обязателен', 'sv.min': 'Минимум', 'sv.max': 'Максимум',
    'sv.kind.SINGLE': 'Один вариант', 'sv.kind.MULTIPLE': 'Несколько вариантов', 'sv.kind.SCALE': 'Шкала',
    'sv.kind.NUMBER': 'Число', 'sv.kind.DATE': 'Дата', 'sv.kind.TEXT': 'Свободный ответ',
    'sv.options': 'Варианты ответа', 'sv.optionCode': 'Код варианта {0}', 'sv.optionText': 'Текст варианта {0}',
    'sv.optionBranch': 'После варианта {0} перейти к', 'sv.addOption': 'Добавить вариант', 'sv.removeOption': 'Удалить вариант {0}',
    'sv.branches': 'Переходы', 'sv.branchAnswer': 'Переход {0}: если ответ', 'sv.branchGoTo': 'Переход {0}: перейти к',
    'sv.addBranch': 'Добавить переход', 'sv.removeBranch': 'Удалить переход {0}',
    'sv.branch.next': 'следующему вопросу', 'sv.branch.end': 'концу анкеты', 'sv.branch.back': 'вопрос выше!',
    'sv.branch.missing': 'такого вопроса нет!',
    'sv.up': 'Выше', 'sv.down': 'Ниже', 'sv.remove': 'Удалить',
    'sv.upLabel': 'Переместить вопрос {0} выше', 'sv.downLabel': 'Переместить вопрос {0} ниже', 'sv.removeLabel': 'Удалить вопрос {0}',
    'sv.addQuestion': 'Добавить вопрос', 'sv.quotas': 'Квоты', 'sv.addQuota': 'Добавить квоту', 'sv.quota': 'Квота {0}',
    'sv.quotaCode': 'Код', 'sv.quotaName': 'Название', 'sv.quotaLimit': 'Допустимо завершённых', 'sv.quotaBy': 'Считает',
    'sv.quotaByAnswer': 'ответ на вопрос', 'sv.quotaByAttribute': 'атрибут контакта',
    'sv.quotaQuestion': 'Вопрос', 'sv.quotaAnswer': 'Ответ', 'sv.quotaAttribute': 'Атрибут', 'sv.quotaValue': 'Значение',
    'sv.removeQuota': 'Удалить квоту {0}', 'sv.noQuotas': 'Квот нет.',
    'sv.attr.city': 'Город', 'sv.attr.company': 'Компания', 'sv.attr.timeZone': 'Часовой пояс',
    'sv.save': 'Сохранить', 'sv.publish': 'Опубликовать', 'sv.saved': 'Сохранено: версия {0}, черновик.',
    'sv.published': 'Опубликовано: версия {0} действует.', 'sv.edit': 'Изменить — будет версия {0}',
    'sv.state': 'Версия {0}: {1}', 'sv.state.DRAFT': 'черновик', 'sv.state.PUBLISHED': 'действует',
    'sv.liveToo': 'действует версия {0}', 'sv.readOnly': 'Эта версия уже действует и не меняется. Изменение создаст следующую версию; начатые анкеты останутся на своей версии.',
    'sv.versions': 'Версии', 'sv.col.version': 'Версия', 'sv.col.state': 'Состояние', 'sv.col.published': 'Опубликована',
    'sv.col.interviews': 'Анкет', 'sv.results': 'Результаты', 'sv.callList': 'Список обзвона кампании',
    'sv.back': 'Все анкеты', 'sv.unsaved': 'Есть несохранённые изменения.',
    'sv.view': 'Показать', 'sv.viewLabel': 'Показать версию {0}', 'sv.showLive': 'Показать действующую версию {0}',
    'sv.versionTitle': 'Версия {0} ({1}), только просмотр', 'sv.optional': 'необязательный', 'sv.range': 'от {0} до {1}',
    'sv.goTo': 'далее {0}', 'sv.whenAnswer': 'ответ {0}: {1}', 'sv.close': 'Закрыть',
  },
});

/** The survey as the form edits it, from the API's view (or empty for a new one). */
function editable(survey) {
  const questions = (survey?.questions || []).map((q) => ({
    code: q.code || '', text: q.text || '', kind: q.kind || 'SINGLE', required: q.required !== false,
    options: (q.options || []).map((o) => ({ code: o.code || '', text: o.text || '' })),
    min: q.min ?? '', max: q.max ?? '',
    branches: (q.branches || []).map((b) => ({ answer: b.answer ?? '', goTo: b.goTo ?? '' })),
  }));
  const quotas = (survey?.quotas || []).map((q) => ({
    code: q.code || '', name: q.name || '', limit: q.limit ?? '', by: q.attribute ? 'attribute' : 'answer',
    question: q.question || '', answer: q.answer || '', attribute: q.attribute || 'city', value: q.value || '',
  }));
  return {
    title: survey?.title || '', intro: survey?.intro || '', campaign: survey?.campaign || '',
    targetCompletes: survey?.targetCompletes ?? '', questions, quotas,
  };
}

/** The body of POST/PUT /api/surveys. */
function body(s, version) {
  return {
    title: s.title.trim(), intro: textOrNull(s.intro), campaign: textOrNull(s.campaign),
    targetCompletes: numberOrNull(s.targetCompletes),
    questions: s.questions.map((q) => ({
      code: q.code.trim(), text: q.text.trim(), kind: q.kind, required: q.required,
      options: isChoice(q.kind) ? q.options.map((o) => ({ code: o.code.trim(), text: o.text.trim() })) : null,
      min: hasRange(q.kind) ? numberOrNull(q.min) : null, max: hasRange(q.kind) ? numberOrNull(q.max) : null,
      branches: q.branches.filter((b) => b.goTo && String(b.answer).trim() !== '')
        .map((b) => ({ answer: String(b.answer).trim(), goTo: b.goTo })),
    })),
    quotas: s.quotas.map((q) => (q.by === 'attribute'
      ? { code: q.code.trim(), name: textOrNull(q.name), limit: numberOrNull(q.limit), attribute: q.attribute, value: textOrNull(q.value) }
      : { code: q.code.trim(), name: textOrNull(q.name), limit: numberOrNull(q.limit), question: textOrNull(q.question), answer: textOrNull(q.answer) })),
    version,
  };
}

function freeCode(taken, prefix) {
  for (let n = 1; ; n++) if (!taken.includes(prefix + n)) return prefix + n;
}

/**
 * The builder for survey id (or a new survey when id is null). Campaigns of type SURVEY fill the campaign select;
 * a live latest version is shown read-only until the marketer chooses to edit it.
 */
export async function surveyBuilder(main, me, id) {
  const root = el('section', { id: 'survey-builder' }, el('p', {}, t('loading')));
  main.append(el('p', {}, el('a', { href: '#/surveys', id: 'survey-back' }, t('sv.back'))), root);
  let campaigns = [];
  let survey = null;
  try {
    campaigns = (await get('/api/campaigns', { type: 'SURVEY', size: 500 })).items || [];
    if (id) survey = await get(`/api/surveys/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(root, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
    return;
  }
  const canEdit = me.roles.includes('MARKETER') || me.roles.includes('ADMIN') || me.roles.includes('SUPERVISOR');
  const session = { survey, state: editable(survey), editing: !survey || survey.state === 'DRAFT', dirty: false };
  render(root, session, campaigns, canEdit);
}

function render(root, session, campaigns, canEdit) {
  const { survey, state: s } = session;
  const general = el('div', { id: 'survey-message', role: 'alert', class: 'message' });
  const status = el('p', { id: 'survey-status', role: 'status' });
  const questionsBox = el('div', { id: 'survey-questions' });
  const quotasBox = el('div', { id: 'survey-quotas' });
  const touched = () => {
    if (!session.dirty) {
      session.dirty = true;
      clear(status, t('sv.unsaved'));
    }
  };
  const title = el('input', { id: 'survey-title', required: true, maxlength: 300, value: s.title,
    oninput: (e) => { s.title = e.target.value; touched(); } });
  const campaign = el('select', { id: 'survey-campaign', onchange: (e) => { s.campaign = e.target.value; touched(); } },
    el('option', { value: '' }, t('sv.noCampaign')),
    campaigns.map((c) => el('option', { value: c.code, selected: c.code === s.campaign }, `${c.name} (${c.code})`)));
  if (s.campaign && !campaigns.some((c) => c.code === s.campaign)) {
    campaign.append(el('option', { value: s.campaign, selected: true }, s.campaign));
  }
  const intro = el('textarea', { id: 'survey-intro', rows: 2, maxlength: 20000,
    oninput: (e) => { s.intro = e.target.value; touched(); } }, s.intro);
  const target = el('input', { id: 'survey-target', type: 'number', min: 1, step: 1, value: s.targetCompletes,
    oninput: (e) => { s.targetCompletes = e.target.value; touched(); } });

  const drawQuestions = (focus) => {
    clear(questionsBox, s.questions.map((q, i) => questionCard(s, q, i, { touched, redraw: drawAll })));
    if (focus) questionsBox.querySelector(focus)?.focus();
  };
  const drawQuotas = (focus) => {
    clear(quotasBox, s.quotas.length ? s.quotas.map((q, i) => quotaRow(s, q, i, { touched, redraw: drawAll }))
      : el('p', { id: 'survey-no-quotas' }, t('sv.noQuotas')));
    if (focus) quotasBox.querySelector(focus)?.focus();
  };
  // every structural change redraws both: quota selects list the questions, branch selects the later questions
  function drawAll(focus) {
    touched();
    drawQuestions(focus);
    drawQuotas(focus);
  }

  const addQuestion = el('button', { type: 'button', id: 'add-question', class: 'link', onclick: () => {
    s.questions.push({ code: freeCode(s.questions.map((q) => q.code), 'Q'), text: '', kind: 'SINGLE', required: true,
      options: [{ code: 'a', text: '' }, { code: 'b', text: '' }], min: '', max: '', branches: [] });
    drawAll(`fieldset.question:last-of-type .q-text`);
  } }, t('sv.addQuestion'));
  const addQuota = el('button', { type: 'button', id: 'add-quota', class: 'link', onclick: () => {
    s.quotas.push({ code: freeCode(s.quotas.map((q) => q.code), 'QT'), name: '', limit: '', by: 'answer',
      question: s.questions[0]?.code || '', answer: '', attribute: 'city', value: '' });
    drawAll('.quota:last-of-type .quota-limit');
  } }, t('sv.addQuota'));

  const save = el('button', { type: 'submit', class: 'primary', id: 'survey-save' }, t('sv.save'));
  const publish = el('button', { type: 'button', class: 'primary', id: 'survey-publish', hidden: !survey }, t('sv.publish'));
  const fields = el('fieldset', { id: 'survey-fields', class: 'plain', disabled: !session.editing },
    el('legend', { class: 'sr-only' }, t('sv.title')),
    el('div', { class: 'survey-head' },
      field(t('sv.title'), title), errorSlot('survey', 'title'),
      field(t('sv.campaign'), campaign), errorSlot('survey', 'campaign'),
      field(t('sv.target'), target), errorSlot('survey', 'targetCompletes')),
    field(t('sv.intro'), intro), errorSlot('survey', 'intro'),
    el('h2', {}, t('sv.questions')), errorSlot('survey', 'questions'), questionsBox, addQuestion,
    el('h2', {}, t('sv.quotas')), quotasBox, addQuota);
  const form = el('form', { id: 'survey-form', novalidate: true }, fields, general,
    el('div', { class: 'row' }, session.editing && canEdit ? [save, publish] : null, status));

  const reload = async () => {
    const fresh = await get(`/api/surveys/${survey.id}`);
    Object.assign(session, { survey: fresh, state: editable(fresh), editing: fresh.state === 'DRAFT', dirty: false });
    render(root, session, campaigns, canEdit);
  };
  const store = async () => {
    clearErrors(form);
    clear(general);
    try {
      const saved = survey ? await put(`/api/surveys/${survey.id}`, body(s, survey.version))
        : await post('/api/surveys', body(s));
      session.dirty = false;
      if (!survey) {
        // the new survey has an address now; the route renders it afresh
        location.hash = `#/surveys/${saved.id}`;
        return null;
      }
      session.survey = saved;
      return saved;
    } catch (e) {
      showQuestionnaireProblem(form, general, e, s, survey ? reload : null);
      return null;
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    const saved = await store();
    save.disabled = false;
    if (saved) {
      render(root, session, campaigns, canEdit);
      clear(document.getElementById('survey-status'), el('span', { class: 'ok', id: 'survey-saved' },
        t('sv.saved', saved.versionNumber)));
    }
  });
  publish.addEventListener('click', async () => {
    publish.disabled = true;
    try {
      if (session.dirty && !(await store())) return;
      const published = await post(`/api/surveys/${session.survey.id}/publish`);
      Object.assign(session, { survey: published, state: editable(published), editing: false, dirty: false });
      render(root, session, campaigns, canEdit);
      clear(document.getElementById('survey-status'), el('span', { class: 'ok', id: 'survey-published' },
        t('sv.published', published.versionNumber)));
    } catch (e) {
      showQuestionnaireProblem(form, general, e, s, reload);
    } finally {
      publish.disabled = false;
    }
  });

  const heading = [];
  if (survey) {
    const live = survey.liveVersion && survey.liveVersion !== survey.versionNumber ? ` — ${t('sv.liveToo', survey.liveVersion)}` : '';
    const campaignId = campaigns.find((c) => c.code === survey.campaign)?.id;
    heading.push(el('h2', { id: 'survey-name' }, survey.title),
      el('p', { id: 'survey-state', dataset: { state: survey.state, version: survey.versionNumber } },
        t('sv.state', survey.versionNumber, t('sv.state.' + survey.state)) + live),
      el('p', { class: 'row links' },
        el('a', { href: `#/surveys/${survey.id}/results`, id: 'survey-results-link' }, t('sv.results')),
        campaignId ? el('a', { href: `#/campaigns/${campaignId}`, id: 'survey-call-list' }, t('sv.callList')) : null));
    if (!session.editing) {
      heading.push(el('div', { class: 'card readonly', id: 'survey-readonly' }, el('p', {}, t('sv.readOnly')),
        canEdit ? el('button', { type: 'button', class: 'primary', id: 'survey-edit', onclick: () => {
          session.editing = true;
          render(root, session, campaigns, canEdit);
          document.getElementById('survey-title').focus();
        } }, t('sv.edit', survey.versionNumber + 1)) : null));
    }
    if (survey.state === 'DRAFT' && survey.liveVersion) {
      heading.push(el('p', {}, el('button', { type: 'button', class: 'link', id: 'survey-show-live',
        onclick: () => showVersion(root, survey, survey.liveVersion) }, t('sv.showLive', survey.liveVersion))));
    }
  } else {
    heading.push(el('h2', { id: 'survey-name' }, t('sv.new')));
  }
  clear(root, heading, el('section', { id: 'survey-version-view', 'aria-live': 'polite' }), form,
    survey ? versionsTable(survey, (n) => showVersion(root, survey, n)) : null);
  drawQuestions();
  drawQuotas();
  if (!survey) title.focus();
}

/** 400 violations at their questions (a loop at every question it passes through), 409 with a reload. */
function showQuestionnaireProblem(form, general, e, s, reload) {
  showProblem(form, general, e, reload);
  for (const v of e.problem?.violations || []) {
    if (v.field !== 'questions' || !/→/.test(v.message || '')) continue;
    const codes = new Set((v.message.split(':').slice(1).join(':').split(';')[0] || '').split('→').map((c) => c.trim()));
    s.questions.forEach((q, i) => {
      if (!codes.has(q.code.trim())) return;
      const slot = form.querySelector(`ul.field-errors[data-field="questions[${i}]"]`);
      slot?.append(el('li', {}, v.message));
      slot?.closest('fieldset.question')?.setAttribute('aria-invalid', 'true');
    });
  }
  form.querySelector('ul.field-errors li')?.closest('fieldset.question')?.scrollIntoView({ block: 'center' });
}

/** A select whose options come from fill(), now and whenever a question's code changes (select.refill()). */
function targets(select, fill) {
  select.refill = () => clear(select, fill());
  select.refill();
  return select;
}

/** The targets a branch of question i may name: later questions and END, plus what it names now if that is not one. */
function branchTargets(s, i, current) {
  const later = s.questions.slice(i + 1).map((q) => q.code).filter(Boolean);
  const choices = [el('option', { value: '' }, t('sv.branch.next'))];
  later.forEach((code) => choices.push(el('option', { value: code, selected: code === current }, code)));
  choices.push(el('option', { value: END, selected: current === END }, t('sv.branch.end')));
  if (current && current !== END && !later.includes(current)) {
    const known = s.questions.some((q) => q.code === current);
    choices.push(el('option', { value: current, selected: true },
      `${current} — ${t(known ? 'sv.branch.back' : 'sv.branch.missing')}`));
  }
  return choices;
}

function questionCard(s, q, i, { touched, redraw }) {
  const n = i + 1;
  const at = `questions[${i}]`;
  const card = el('fieldset', { class: 'question card', id: `question-${i}`, dataset: { code: q.code } },
    el('legend', {}, t('sv.question', n)));
  const code = el('input', { class: 'q-code', maxlength: 40, required: true, value: q.code, oninput: (e) => {
    q.code = e.target.value;
    touched();
  }, onchange: (e) => {
    // branches and quotas that named the old code follow the question; the selects are refilled in place, so that
    // the field the focus moved to stays where it is
    const old = card.dataset.code;
    const now = e.target.value.trim();
    card.dataset.code = now;
    s.questions.forEach((other) => other.branches.forEach((b) => { if (b.goTo === old) b.goTo = now; }));
    s.quotas.forEach((quota) => { if (quota.question === old) quota.question = now; });
    card.closest('form')?.querySelectorAll('select.targets').forEach((select) => select.refill());
  } });
  const text = el('textarea', { class: 'q-text', rows: 2, required: true,
    oninput: (e) => { q.text = e.target.value; touched(); } }, q.text);
  const kind = el('select', { class: 'q-kind', onchange: (e) => {
    q.kind = e.target.value;
    if (isChoice(q.kind) && q.options.length === 0) q.options = [{ code: 'a', text: '' }, { code: 'b', text: '' }];
    if (!isChoice(q.kind)) q.options = [];
    if (q.kind === 'SCALE' && (q.min === '' || q.max === '')) { q.min = 1; q.max = 5; }
    q.branches = [];
    redraw(`#question-${i} .q-kind`);
  } }, KINDS.map((k) => el('option', { value: k, selected: k === q.kind }, t('sv.kind.' + k))));
  const required = el('input', { type: 'checkbox', class: 'q-required', checked: q.required,
    onchange: (e) => { q.required = e.target.checked; touched(); } });
  const move = (delta, focusClass) => {
    const [moved] = s.questions.splice(i, 1);
    s.questions.splice(i + delta, 0, moved);
    redraw(`#question-${i + delta} ${focusClass}`);
  };
  const tools = el('div', { class: 'row q-tools' },
    el('button', { type: 'button', class: 'link q-up', disabled: i === 0, 'aria-label': t('sv.upLabel', n),
      onclick: () => move(-1, i - 1 === 0 ? '.q-down' : '.q-up') }, '↑ ', t('sv.up')),
    el('button', { type: 'button', class: 'link q-down', disabled: i === s.questions.length - 1, 'aria-label': t('sv.downLabel', n),
      onclick: () => move(1, i + 1 === s.questions.length - 1 ? '.q-up' : '.q-down') }, '↓ ', t('sv.down')),
    el('button', { type: 'button', class: 'link q-remove', 'aria-label': t('sv.removeLabel', n), onclick: () => {
      s.questions.splice(i, 1);
      redraw('#add-question');
    } }, '✕ ', t('sv.remove')));
  card.append(tools,
    el('div', { class: 'row' }, field(t('sv.code'), code), field(t('sv.kind'), kind),
      el('label', { class: 'check' }, required, t('sv.required'))),
    errorSlot('survey', `${at}.code`), errorSlot('survey', `${at}.kind`),
    field(t('sv.text'), text), errorSlot('survey', `${at}.text`));

  if (hasRange(q.kind)) {
    const range = (key, label) => el('input', { type: 'number', class: `q-${key}`, step: q.kind === 'SCALE' ? 1 : 'any',
      value: q[key], 'aria-label': label, oninput: (e) => { q[key] = e.target.value; touched(); } });
    card.append(el('div', { class: 'row' }, field(t('sv.min'), range('min', t('sv.min'))),
      field(t('sv.max'), range('max', t('sv.max')))), errorSlot('survey', `${at}.min`), errorSlot('survey', `${at}.max`));
  }
  if (isChoice(q.kind)) {
    const rows = q.options.map((o, j) => {
      const m = j + 1;
      return el('div', { class: 'option row', dataset: { index: j } },
        field(t('sv.optionCode', m), el('input', { class: 'opt-code', maxlength: 40, value: o.code, oninput: (e) => {
          const old = o.code;
          o.code = e.target.value;
          q.branches.forEach((b) => { if (b.answer === old) b.answer = o.code; });
          touched();
        } })),
        field(t('sv.optionText', m), el('input', { class: 'opt-text', maxlength: 500, value: o.text,
          oninput: (e) => { o.text = e.target.value; touched(); } })),
        field(t('sv.optionBranch', m), targets(el('select', { class: 'opt-branch targets', onchange: (e) => {
          q.branches = q.branches.filter((b) => b.answer !== o.code);
          if (e.target.value) q.branches.push({ answer: o.code, goTo: e.target.value });
          touched();
        } }), () => branchTargets(s, i, q.branches.find((b) => b.answer === o.code)?.goTo || ''))),
        el('button', { type: 'button', class: 'link opt-remove', 'aria-label': t('sv.removeOption', m), onclick: () => {
          q.options.splice(j, 1);
          q.branches = q.branches.filter((b) => b.answer !== o.code);
          redraw(`#question-${i} .q-add-option`);
        } }, '✕'));
    });
    card.append(el('fieldset', { class: 'options' }, el('legend', {}, t('sv.options')), rows,
      el('button', { type: 'button', class: 'link q-add-option', onclick: () => {
        q.options.push({ code: freeCode(q.options.map((o) => o.code), 'o'), text: '' });
        redraw(`#question-${i} .option:last-of-type .opt-text`);
      } }, t('sv.addOption'))), errorSlot('survey', `${at}.options`));
  } else {
    const rows = q.branches.map((b, j) => el('div', { class: 'branch row' },
      field(t('sv.branchAnswer', j + 1), el('input', { class: 'br-answer', value: b.answer,
        oninput: (e) => { b.answer = e.target.value; touched(); } })),
      field(t('sv.branchGoTo', j + 1), targets(el('select', { class: 'br-goto targets',
        onchange: (e) => { b.goTo = e.target.value; touched(); } }), () => branchTargets(s, i, b.goTo))),
      el('button', { type: 'button', class: 'link br-remove', 'aria-label': t('sv.removeBranch', j + 1), onclick: () => {
        q.branches.splice(j, 1);
        redraw(`#question-${i} .q-add-branch`);
      } }, '✕')));
    card.append(el('fieldset', { class: 'options' }, el('legend', {}, t('sv.branches')), rows,
      el('button', { type: 'button', class: 'link q-add-branch', onclick: () => {
        q.branches.push({ answer: '', goTo: END });
        redraw(`#question-${i} .branch:last-of-type .br-answer`);
      } }, t('sv.addBranch'))));
  }
  card.append(errorSlot('survey', `${at}.branches`), errorSlot('survey', at));
  return card;
}

function quotaRow(s, quota, i, { touched, redraw }) {
  const n = i + 1;
  const at = `quotas[${i}]`;
  const input = (key, attrs = {}) => el('input', { class: `quota-${key}`, value: quota[key], ...attrs,
    oninput: (e) => { quota[key] = e.target.value; touched(); } });
  const by = el('select', { class: 'quota-by', onchange: (e) => { quota.by = e.target.value; redraw(`#quota-${i} .quota-by`); } },
    el('option', { value: 'answer', selected: quota.by === 'answer' }, t('sv.quotaByAnswer')),
    el('option', { value: 'attribute', selected: quota.by === 'attribute' }, t('sv.quotaByAttribute')));
  const which = quota.by === 'attribute'
    ? [field(t('sv.quotaAttribute'), el('select', { class: 'quota-attribute', onchange: (e) => { quota.attribute = e.target.value; touched(); } },
        ATTRIBUTES.map((a) => el('option', { value: a, selected: a === quota.attribute }, t('sv.attr.' + a))))),
      field(t('sv.quotaValue'), input('value', { maxlength: 200 }))]
    : [field(t('sv.quotaQuestion'), targets(el('select', { class: 'quota-question targets',
        onchange: (e) => { quota.question = e.target.value; touched(); } }), () => [el('option', { value: '' }, '—'),
        s.questions.map((q) => el('option', { value: q.code, selected: q.code === quota.question }, q.code))])),
      field(t('sv.quotaAnswer'), input('answer', { maxlength: 200 }))];
  return el('fieldset', { class: 'quota row', id: `quota-${i}` }, el('legend', {}, t('sv.quota', n)),
    field(t('sv.quotaCode'), input('code', { maxlength: 40, size: 8 })),
    field(t('sv.quotaName'), input('name', { maxlength: 200 })),
    field(t('sv.quotaLimit'), input('limit', { type: 'number', min: 1, step: 1 })),
    field(t('sv.quotaBy'), by), which,
    el('button', { type: 'button', class: 'link quota-remove', 'aria-label': t('sv.removeQuota', n), onclick: () => {
      s.quotas.splice(i, 1);
      redraw('#add-quota');
    } }, '✕'),
    errorSlot('survey', at));
}

/** A version as it was written, read-only, above the form (GET /api/surveys/{id}/versions/{n}). */
async function showVersion(root, survey, number) {
  const target = root.querySelector('#survey-version-view');
  clear(target, el('p', {}, t('loading')));
  try {
    const v = await get(`/api/surveys/${survey.id}/versions/${number}`);
    const goTo = (code) => (code === END ? t('sv.branch.end') : code);
    const heading = el('h2', { tabindex: -1 }, t('sv.versionTitle', v.number, t('sv.state.' + v.state)));
    clear(target, el('div', { class: 'card readonly', id: `survey-version-${v.number}` }, heading,
      v.intro ? el('p', { class: 'script' }, v.intro) : null,
      el('ol', { class: 'version-questions' }, (v.questions || []).map((q) => el('li', { dataset: { code: q.code } },
        el('strong', {}, `${q.code}. ${q.text}`), ` — ${t('sv.kind.' + q.kind)}`,
        q.required === false ? ` (${t('sv.optional')})` : '',
        q.min !== undefined && q.min !== null ? `, ${t('sv.range', formatNumber(q.min, 4), formatNumber(q.max, 4))}` : '',
        q.options?.length ? el('ul', {}, q.options.map((o) => {
          const branch = (q.branches || []).find((b) => b.answer === o.code);
          return el('li', {}, `${o.text} (${o.code})`, branch ? ` → ${t('sv.goTo', goTo(branch.goTo))}` : '');
        })) : null,
        !q.options?.length && q.branches?.length ? el('ul', {}, q.branches.map((b) =>
          el('li', {}, t('sv.whenAnswer', b.answer, t('sv.goTo', goTo(b.goTo)))))) : null))),
      el('button', { type: 'button', class: 'link', id: 'survey-version-close', onclick: () => clear(target) }, t('sv.close'))));
    heading.focus();
  } catch (e) {
    clear(target, el('p', { class: 'message', role: 'alert' }, t('error.generic', e.message)));
  }
}

function versionsTable(survey, view) {
  const head = ['sv.col.version', 'sv.col.state', 'sv.col.published', 'sv.col.interviews', 'sv.view'];
  return el('section', { class: 'card' }, el('h2', {}, t('sv.versions')),
    el('table', { id: 'survey-versions', class: 'data' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, (survey.versions || []).map((v) => el('tr', { dataset: { version: v.number } },
        el('th', { scope: 'row' }, String(v.number)), el('td', {}, t('sv.state.' + v.state)),
        el('td', {}, formatDateTime(v.publishedAt)), el('td', { class: 'num' }, formatNumber(v.responses)),
        el('td', {}, el('button', { type: 'button', class: 'link version-view', 'aria-label': t('sv.viewLabel', v.number),
          onclick: () => view(v.number) }, t('sv.view'))))))));
}
