import { Button, Card, Form, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FormRun,
  textIn,
  type Answers,
  type FieldState,
  type FormDefinition,
  type Question,
} from '@anju/contracts';
import { QuestionField } from './QuestionField.tsx';

/** The form's language closest to the user's: `中文 (zh)` or `Chinese` for zh-CN, `English (en)` for en-US. */
export function formLanguage(form: FormDefinition, uiLanguage: string) {
  const code = uiLanguage.slice(0, 2);
  const words = code === 'zh' ? ['(zh)', 'chinese', '中文'] : ['(en)', 'english'];
  return form.languages.find((l) => words.some((w) => l.toLowerCase().includes(w))) ?? form.defaultLanguage;
}

/** The defaults a new answer starts with: plain values of the `default` column (not expressions). */
export function defaultsOf(questions: Question[]): Answers {
  const out: Answers = {};
  for (const q of questions) {
    if (q.type === 'group') Object.assign(out, defaultsOf(q.children ?? []));
    else if (q.default && !/[${(]/.test(q.default)) out[q.name] = q.default;
  }
  return out;
}

interface Props {
  form: FormDefinition;
  answers: Answers;
  onChange(answers: Answers): void;
  /** Show every error, not only those of the questions answered (after a send was tried). */
  showAll: boolean;
  /** Errors the server named, by field. */
  serverErrors: Map<string, FieldState['error']>;
}

/**
 * A form on a phone, run by the engine the server checks answers with: relevant questions appear
 * and disappear, constraints refuse with the form's message, required ones say so, groups and
 * repeats, calculations kept up to date.
 */
export function FormRenderer({ form, answers, onChange, showAll, serverErrors }: Props) {
  const { t, i18n } = useTranslation();
  const language = formLanguage(form, i18n.language);
  const run = useMemo(
    () => new FormRun(form, structuredClone(answers), new Date(), language),
    [form, answers, language],
  );
  const states = new Map(run.fields.map((f) => [f.path, f]));
  const text = (texts: Record<string, string>, fallback = '') => textIn(texts, language, fallback);

  const setAt = (path: (string | number)[], value: string | Answers[]) => {
    const next = structuredClone(answers);
    let at: Answers = next;
    for (let i = 0; i < path.length - 1; i += 2)
      at = (at[path[i] as string] as Answers[])[path[i + 1] as number];
    at[path.at(-1) as string] = value;
    onChange(next);
  };

  const render = (qs: Question[], values: Answers, prefix: (string | number)[]): ReactNode =>
    qs.map((q) => {
      const path = [...prefix, q.name];
      const key = `answers.${path.join('.')}`;
      if (q.type === 'group') {
        const inner = render(q.children ?? [], values, prefix);
        const within = `answers.${prefix.map((p) => `${p}.`).join('')}`;
        const shown = run.fields.some((f) => f.relevant && f.path.startsWith(within) && groupHolds(q, f.q));
        if (!shown) return null;
        const label = text(q.label);
        return label ? (
          <Card
            key={key}
            size="small"
            title={label}
            style={{ marginBottom: 12 }}
            data-testid={`group-${q.name}`}
          >
            {inner}
          </Card>
        ) : (
          <div key={key}>{inner}</div>
        );
      }
      if (q.type === 'repeat') {
        const instances = Array.isArray(values[q.name]) ? (values[q.name] as Answers[]) : [];
        return (
          <Card
            key={key}
            size="small"
            title={text(q.label, q.name)}
            style={{ marginBottom: 12 }}
            data-testid={`repeat-${q.name}`}
          >
            {instances.map((inst, i) => (
              <Card
                key={i}
                size="small"
                type="inner"
                style={{ marginBottom: 8 }}
                title={`${text(q.label, q.name)} ${i + 1}`}
                extra={
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() =>
                      setAt(
                        path,
                        instances.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('common.delete')}
                  </Button>
                }
              >
                {render(q.children ?? [], inst, [...path, i])}
              </Card>
            ))}
            <Button onClick={() => setAt(path, [...instances, {}])} data-testid={`repeat-${q.name}-add`}>
              {t('surveys.addInstance')}
            </Button>
          </Card>
        );
      }
      const state = states.get(key);
      if (!state || !state.relevant || q.type === 'calculate' || q.type === 'hidden') return null;
      const value = typeof values[q.name] === 'string' ? (values[q.name] as string) : '';
      const server = serverErrors.get(key);
      return (
        <QuestionField
          key={key}
          q={q}
          state={server ? { ...state, error: server } : state}
          value={value}
          text={text}
          showError={showAll || value !== '' || !!server}
          onChange={(v) => setAt(path, v)}
        />
      );
    });

  return (
    <Form layout="vertical" data-testid="survey-form">
      <Typography.Title level={5}>{form.title}</Typography.Title>
      {render(form.questions, answers, [])}
    </Form>
  );
}

/** Whether `q` sits somewhere inside `group`. */
function groupHolds(group: Question, q: Question): boolean {
  return (group.children ?? []).some((c) => c === q || (c.type === 'group' && groupHolds(c, q)));
}

/** The errors the engine finds before sending, as the server would name them. */
export const errorsBefore = (form: FormDefinition, answers: Answers) =>
  new FormRun(form, structuredClone(answers), new Date()).errors;
