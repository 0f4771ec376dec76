// A survey interview on the next call: started (or resumed) for the contact, one question at a time with the
// control its kind needs; the server checks each answer and picks the next question by the branching rules.
import { clear, el, field } from './dom.js';
import { t, addStrings } from './i18n.js';
import { get, post } from './api.js';

addStrings({
  en: {
    'survey.title': 'Survey: {0}', 'survey.none': 'This campaign has no published survey.',
    'survey.start': 'Start the interview', 'survey.resumed': 'The unfinished interview is resumed where it stopped.',
    'survey.question': 'Question {0}', 'survey.required': 'required', 'survey.next': 'Answer and go on',
    'survey.complete': 'The interview is complete. Record the outcome below.',
    'survey.quotaFull': 'The interview ended: the quota “{0}” is full. Record the outcome below.',
    'survey.invalid': 'The answer {0}.', 'survey.answers': 'Answers given',
    'survey.scaleHint': 'from {0} to {1}', 'survey.numberHint': 'a number', 'survey.yourAnswer': 'Answer',
  },
  ru: {
    'survey.title': 'Опрос: {0}', 'survey.none': 'У этой кампании нет опубликованного опроса.',
    'survey.start': 'Начать интервью', 'survey.resumed': 'Незаконченное интервью продолжено с того места, где оно прервалось.',
    'survey.question': 'Вопрос {0}', 'survey.required': 'обязательный', 'survey.next': 'Ответить и продолжить',
    'survey.complete': 'Интервью завершено. Запишите результат звонка ниже.',
    'survey.quotaFull': 'Интервью закончено: квота «{0}» заполнена. Запишите результат звонка ниже.',
    'survey.invalid': 'Ответ: {0}.', 'survey.answers': 'Данные ответы',
    'survey.scaleHint': 'от {0} до {1}', 'survey.numberHint': 'число', 'survey.yourAnswer': 'Ответ',
  },
});

const numbersBetween = (min, max) => Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);

/** The control for a question by its kind, and how to read its value as the API takes it. */
function answerControl(q) {
  const name = `survey-${q.code}`;
  const choice = (type, value, text) => {
    const input = el('input', { type, name, value: String(value), id: `${name}-${value}` });
    return { input, label: el('label', { class: 'check', for: input.id }, input, el('span', {}, text)) };
  };
  switch (q.kind) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const type = q.kind === 'SINGLE' ? 'radio' : 'checkbox';
      const choices = (q.options || []).map((o) => choice(type, o.code, o.text));
      return {
        element: el('div', { class: 'choices', role: q.kind === 'SINGLE' ? 'radiogroup' : 'group', 'aria-labelledby': 'survey-text' },
          choices.map((c) => c.label)),
        value: () => {
          const checked = choices.filter((c) => c.input.checked).map((c) => c.input.value);
          return q.kind === 'SINGLE' ? checked[0] ?? null : checked;
        },
        focus: () => choices[0]?.input.focus(),
      };
    }
    case 'SCALE': {
      const choices = numbersBetween(Number(q.min), Number(q.max)).map((n) => choice('radio', n, String(n)));
      return {
        element: el('div', { class: 'choices scale', role: 'radiogroup', 'aria-labelledby': 'survey-text',
          'aria-describedby': 'survey-hint' }, choices.map((c) => c.label),
        el('span', { id: 'survey-hint', class: 'hint' }, t('survey.scaleHint', q.min, q.max))),
        value: () => {
          const checked = choices.find((c) => c.input.checked);
          return checked ? Number(checked.input.value) : null;
        },
        focus: () => choices[0]?.input.focus(),
      };
    }
    case 'NUMBER': {
      const input = el('input', { id: 'survey-value', type: 'number', step: 'any', min: q.min ?? null, max: q.max ?? null });
      return {
        element: field(t('survey.yourAnswer') + (q.min != null || q.max != null
          ? ` (${t('survey.scaleHint', q.min ?? '…', q.max ?? '…')})` : ''), input),
        value: () => (input.value === '' ? null : Number(input.value)),
        focus: () => input.focus(),
      };
    }
    case 'DATE': {
      const input = el('input', { id: 'survey-value', type: 'date' });
      return { element: field(t('survey.yourAnswer'), input), value: () => input.value || null, focus: () => input.focus() };
    }
    default: {
      const input = el('textarea', { id: 'survey-value', rows: 3, maxlength: 4000 });
      return { element: field(t('survey.yourAnswer'), input), value: () => input.value.trim() || null, focus: () => input.focus() };
    }
  }
}

function problemText(e) {
  const violation = e.problem?.violations?.[0];
  return violation ? t('survey.invalid', violation.message) : t('error.generic', e.message);
}

/**
 * The interview panel of an offered entry of a SURVEY campaign. finished(step) is called when the interview ends
 * (complete, or ended by a full quota), so the screen can point the operator to the outcome.
 */
export function interviewPanel(campaign, entry, finished) {
  const panel = el('section', { id: 'survey-panel', class: 'card survey' }, el('p', {}, t('loading')));
  let given = [];

  const showStep = (responseId, step, answered) => {
    if (step.complete) {
      clear(panel.querySelector('.survey-body'),
        el('p', { id: 'survey-complete', class: 'ok', role: 'status', tabindex: -1, dataset: { response: responseId } },
          step.quotaFull ? t('survey.quotaFull', step.quota || '') : t('survey.complete')),
        answersList());
      panel.querySelector('#survey-complete').focus();
      finished(step);
      return;
    }
    const q = step.next;
    const control = answerControl(q);
    const error = el('p', { id: 'survey-error', class: 'message', role: 'alert' });
    const form = el('form', { id: 'survey-question', class: 'question', dataset: { code: q.code, kind: q.kind, response: responseId } },
      el('p', { class: 'hint' }, t('survey.question', answered + 1), q.required ? ` — ${t('survey.required')}` : ''),
      el('p', { id: 'survey-text', class: 'question-text' }, q.text),
      control.element,
      el('button', { type: 'submit', class: 'primary', id: 'survey-next' }, t('survey.next')),
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(error);
      const value = control.value();
      try {
        const next = await post(`/api/responses/${responseId}/answers`, { question: q.code, value });
        given = [...given, [q.text, Array.isArray(value) ? value.join(', ') : value ?? '—']];
        showStep(responseId, next, answered + 1);
      } catch (e) {
        clear(error, problemText(e));
        control.focus();
      }
    });
    clear(panel.querySelector('.survey-body'), form, answersList());
    control.focus();
  };

  const answersList = () => (given.length === 0 ? null : el('details', { id: 'survey-answers' },
    el('summary', {}, t('survey.answers')),
    el('ol', {}, given.map(([text, value]) => el('li', {}, `${text}: `, el('strong', {}, String(value)))))));

  (async () => {
    try {
      const surveys = (await get('/api/surveys', { campaign: campaign.code, size: 50 })).items
        .filter((s) => s.liveVersion !== null && s.liveVersion !== undefined);
      const survey = surveys[0];
      if (!survey) {
        clear(panel, el('p', { id: 'survey-none' }, t('survey.none')));
        return;
      }
      const status = el('p', { id: 'survey-status', role: 'status' });
      const start = el('button', { type: 'button', class: 'primary', id: 'survey-start' }, t('survey.start'));
      start.addEventListener('click', async () => {
        clear(status);
        try {
          const step = await post(`/api/surveys/${survey.id}/responses`, { contactId: entry.contactId, entryId: entry.id });
          if (step.resumed) {
            clear(status, t('survey.resumed'));
            const answers = (await get(`/api/responses/${step.id}`)).answers || [];
            given = answers.map((a) => [a.question, a.value ?? '—']);
          }
          showStep(step.id, step, given.length);
        } catch (e) {
          clear(status, el('span', { class: 'message' }, problemText(e)));
        }
      });
      clear(panel,
        el('h2', { id: 'survey-title' }, t('survey.title', survey.title)),
        survey.intro ? el('p', { id: 'survey-intro', class: 'script' }, survey.intro) : null,
        status,
        el('div', { class: 'survey-body' }, start));
    } catch (e) {
      clear(panel, el('p', { class: 'message', role: 'alert' }, problemText(e)));
    }
  })();
  return panel;
}
