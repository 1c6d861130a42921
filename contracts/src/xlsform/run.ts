import type { ErrorDetail } from '../errors.ts';
import { bool, evaluate, selectedOf, str, type Scope, type Value } from './evaluate.ts';
import { parseExpr, type Expr } from './expr.ts';
import {
  textIn,
  walk,
  type Answers,
  type Choice,
  type FormDefinition,
  type Question,
} from '../survey-forms.ts';

/** Why an answer is refused: fixed sentences the web translates. */
export const ANSWER_REASONS = {
  required: 'is required',
  requiredMessage: 'is required: {{message}}',
  constraint: 'is refused by the form: {{message}}',
  constraintBare: "does not meet the form's constraint {{constraint}}",
  integer: 'must be a whole number',
  decimal: 'must be a number',
  date: 'must be a day (YYYY-MM-DD)',
  time: 'must be a time (HH:MM)',
  dateTime: 'must be a date and time',
  geopoint: 'must be a latitude and longitude',
  choice: 'is not a choice of the list {{list}}',
  unknown: 'is not a question of the form',
  repeat: 'must be a list of answers',
  value: 'must be a single answer',
} as const;

/** How one question stands for the answers given: shown or not, required, and what is wrong with it. */
export interface FieldState {
  path: string;
  q: Question;
  relevant: boolean;
  required: boolean;
  value: string;
  /** The choices offered, after the choice_filter: for select questions. */
  choices?: Choice[];
  error?: { reason: string; params?: Record<string, string> };
}

interface Frame {
  repeat: string;
  index: number;
  answers: Answers;
}

const CHECKS: Partial<Record<Question['type'], [RegExp, string]>> = {
  integer: [/^-?\d{1,15}$/, ANSWER_REASONS.integer],
  decimal: [/^-?(\d+(\.\d*)?|\.\d+)$/, ANSWER_REASONS.decimal],
  date: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, ANSWER_REASONS.date],
  time: [/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/, ANSWER_REASONS.time],
  dateTime: [
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/,
    ANSWER_REASONS.dateTime,
  ],
};

const geopointOk = (v: string) => {
  const [lat, lng, ...rest] = v.trim().split(/\s+/).map(Number);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && rest.length <= 2 && rest.every(Number.isFinite);
};

/** Runs a form over answers as XForms does: relevance, calculations, required, types, constraints. */
export class FormRun {
  private parsed = new Map<string, Expr>();
  private chains = new Map<string, string[]>();
  private questions = new Map<string, Question>();
  readonly fields: FieldState[] = [];
  readonly errors: ErrorDetail[] = [];

  constructor(
    readonly form: FormDefinition,
    readonly answers: Answers,
    private now: Date,
    private language = form.defaultLanguage,
  ) {
    for (const { q } of walk(form.questions)) this.questions.set(q.name, q);
    const chain = (qs: Question[], repeats: string[]) => {
      for (const q of qs) {
        this.chains.set(q.name, repeats);
        if (q.children) chain(q.children, q.type === 'repeat' ? [...repeats, q.name] : repeats);
      }
    };
    chain(form.questions, []);
    // calculations may read those after them: a second pass settles them
    this.visit(form.questions, answers, [], true, 'calculate');
    this.visit(form.questions, answers, [], true, 'calculate');
    this.visit(form.questions, answers, [], true, 'check');
    for (const name of Object.keys(answers))
      if (!this.questions.has(name))
        this.errors.push({ field: `answers.${name}`, reason: ANSWER_REASONS.unknown });
  }

  private expr(src: string) {
    let e = this.parsed.get(src);
    if (!e) this.parsed.set(src, (e = parseExpr(src)));
    return e;
  }

  /** The values of `name` as read from inside `frames`: one value, or every instance's when outside its repeat. */
  private read(name: string, frames: Frame[]): Value {
    const chain = this.chains.get(name) ?? [];
    let level: Answers[] = [this.answers];
    let many = false;
    for (const repeat of chain) {
      const frame = frames.find((f) => f.repeat === repeat);
      if (frame) level = [frame.answers];
      else {
        many = true;
        level = level.flatMap((a) => (Array.isArray(a[repeat]) ? a[repeat] : []));
      }
    }
    if (this.questions.get(name)?.type === 'repeat') {
      const n = level.flatMap((a) => (Array.isArray(a[name]) ? a[name] : []));
      return { nodes: n.map(() => '') };
    }
    const values = level.map((a) => (typeof a[name] === 'string' ? a[name] : ''));
    return many ? { nodes: values } : (values[0] ?? '');
  }

  scope(frames: Frame[], self: string, column?: (name: string) => string): Scope {
    return {
      ref: (name) => this.read(name, frames),
      self: () => self,
      position: () => (frames.at(-1)?.index ?? 0) + 1,
      column,
      choiceLabel: (question, value) => {
        const list = this.questions.get(question)?.listName;
        const choice = list ? this.form.choices[list]?.find((c) => c.name === value) : undefined;
        return choice ? textIn(choice.label, this.language, value) : '';
      },
      now: this.now,
    };
  }

  private test(src: string | undefined, frames: Frame[], self: string, fallback: boolean) {
    if (!src) return fallback;
    if (/^(yes|true|true\(\))$/i.test(src.trim())) return true;
    if (/^(no|false|false\(\))$/i.test(src.trim())) return false;
    return bool(evaluate(this.expr(src), this.scope(frames, self)));
  }

  /** The choices of a select question offered in the repeat instance `frames`, after its choice_filter. */
  choicesOf(q: Question, frames: Frame[] = []): Choice[] {
    const list = (q.listName && this.form.choices[q.listName]) || [];
    if (!q.choiceFilter) return list;
    const e = this.expr(q.choiceFilter);
    return list.filter((c) =>
      bool(
        evaluate(
          e,
          this.scope(frames, '', (col) => (col === 'name' ? c.name : (c.columns[col] ?? ''))),
        ),
      ),
    );
  }

  private visit(
    qs: Question[],
    answers: Answers,
    frames: Frame[],
    shown: boolean,
    pass: 'calculate' | 'check',
    prefix = 'answers.',
  ) {
    for (const q of qs) {
      const raw = answers[q.name];
      const own = typeof raw === 'string' ? raw : '';
      const relevant = shown && this.test(q.relevant, frames, own, true);
      const path = `${prefix}${q.name}`;
      if (q.type === 'group') {
        this.visit(q.children ?? [], answers, frames, relevant, pass, prefix);
        continue;
      }
      if (q.type === 'repeat') {
        if (raw !== undefined && !Array.isArray(raw)) this.refuse(pass, path, q, ANSWER_REASONS.repeat);
        const instances = relevant && Array.isArray(raw) ? raw : [];
        if (!relevant) delete answers[q.name];
        instances.forEach((inst, index) =>
          this.visit(
            q.children ?? [],
            inst,
            [...frames, { repeat: q.name, index, answers: inst }],
            true,
            pass,
            `${path}.${index}.`,
          ),
        );
        continue;
      }
      if (Array.isArray(raw)) {
        this.refuse(pass, path, q, ANSWER_REASONS.value);
        continue;
      }
      if (q.type === 'calculate' || (q.calculation && q.type !== 'note')) {
        if (relevant && q.calculation)
          answers[q.name] = str(evaluate(this.expr(q.calculation), this.scope(frames, own)));
        else delete answers[q.name];
      } else if (!relevant || q.type === 'note') delete answers[q.name];
      if (pass === 'check')
        this.check(q, path, relevant, frames, (answers[q.name] as string | undefined) ?? '');
    }
  }

  private refuse(pass: string, path: string, q: Question, reason: string) {
    if (pass === 'check')
      this.fields.push({ path, q, relevant: true, required: false, value: '', error: { reason } });
    if (pass === 'check') this.errors.push({ field: path, reason });
  }

  private check(q: Question, path: string, relevant: boolean, frames: Frame[], value: string) {
    const state: FieldState = { path, q, relevant, required: false, value };
    this.fields.push(state);
    if (!relevant || q.type === 'note' || q.type === 'calculate') return;
    if (q.type === 'select_one' || q.type === 'select_multiple') state.choices = this.choicesOf(q, frames);
    state.required = this.test(q.required, frames, value, false);
    const fail = (reason: string, params?: Record<string, string>) => {
      state.error = { reason, params };
      this.errors.push({ field: path, reason, ...(params ? { params } : {}) });
    };
    if (value.trim() === '') {
      if (!state.required) return;
      const message = textIn(q.requiredMessage, this.language);
      return message ? fail(ANSWER_REASONS.requiredMessage, { message }) : fail(ANSWER_REASONS.required);
    }
    const typeCheck = CHECKS[q.type];
    if (typeCheck && !typeCheck[0].test(value.trim())) return fail(typeCheck[1]);
    if (q.type === 'geopoint' && !geopointOk(value)) return fail(ANSWER_REASONS.geopoint);
    if (q.type === 'select_one' || q.type === 'select_multiple') {
      const names = new Set(state.choices!.map((c) => c.name));
      if (q.orOther) names.add('other');
      const picked = q.type === 'select_one' ? [value.trim()] : selectedOf(value);
      if (picked.some((p) => !names.has(p))) return fail(ANSWER_REASONS.choice, { list: q.listName ?? '' });
    }
    if (q.constraint && !this.test(q.constraint, frames, value, true)) {
      const message = textIn(q.constraintMessage, this.language);
      if (message) fail(ANSWER_REASONS.constraint, { message });
      else fail(ANSWER_REASONS.constraintBare, { constraint: q.constraint });
    }
  }
}

/** Checks a submission with the engine the phone uses: the answers kept (calculated, irrelevant ones cleared) and the errors. */
export function checkAnswers(form: FormDefinition, answers: Answers, now: Date) {
  const copy = structuredClone(answers);
  const run = new FormRun(form, copy, now);
  return { answers: copy, errors: run.errors };
}
