import { z } from 'zod';

/** The question types of XLSForm that Anju forms may use. */
export const QUESTION_TYPES = [
  'text',
  'integer',
  'decimal',
  'select_one',
  'select_multiple',
  'date',
  'time',
  'dateTime',
  'geopoint',
  'image',
  'note',
  'acknowledge',
  'calculate',
  'hidden',
  'group',
  'repeat',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A text by language ('' for a column without a language, else the language as the form names it). */
export const Texts = z.record(z.string(), z.string());
export type Texts = z.infer<typeof Texts>;

interface QuestionShape {
  type: QuestionType;
  name: string;
  row: number;
  listName?: string;
  orOther?: boolean;
  label: Texts;
  hint: Texts;
  required?: string;
  requiredMessage: Texts;
  relevant?: string;
  constraint?: string;
  constraintMessage: Texts;
  calculation?: string;
  default?: string;
  choiceFilter?: string;
  readOnly?: boolean;
  appearance?: string;
  children?: QuestionShape[];
}

/** A question of a form, a group or a repeat holding its children in order; `row` is its survey sheet row. */
export const Question: z.ZodType<QuestionShape> = z.lazy(() =>
  z.object({
    type: z.enum(QUESTION_TYPES),
    name: z.string(),
    row: z.number().int(),
    listName: z.string().optional(),
    orOther: z.boolean().optional(),
    label: Texts,
    hint: Texts,
    required: z.string().optional(),
    requiredMessage: Texts,
    relevant: z.string().optional(),
    constraint: z.string().optional(),
    constraintMessage: Texts,
    calculation: z.string().optional(),
    default: z.string().optional(),
    choiceFilter: z.string().optional(),
    readOnly: z.boolean().optional(),
    appearance: z.string().optional(),
    children: z.array(Question).optional(),
  }),
);
export type Question = QuestionShape;

/** A choice of a list: its value (`name`), label by language, and the other columns choice_filter reads. */
export const Choice = z.object({
  name: z.string(),
  label: Texts,
  columns: z.record(z.string(), z.string()),
});
export type Choice = z.infer<typeof Choice>;

/** A form read from an XLSForm workbook. */
export const FormDefinition = z.object({
  title: z.string(),
  formId: z.string(),
  version: z.string(),
  defaultLanguage: z.string(),
  languages: z.array(z.string()),
  questions: z.array(Question),
  choices: z.record(z.string(), z.array(Choice)),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** The answers of one submission: a value by question name, a repeat as its list of instances. */
export type Answers = { [name: string]: string | Answers[] };
export const Answers: z.ZodType<Answers> = z.lazy(() =>
  z.record(z.string().max(64), z.union([z.string().max(10_000), z.array(Answers).max(200)])),
);

/** The text of `texts` in `language`, else the form's default language, else any. */
export function textIn(texts: Texts, language: string, fallback = ''): string {
  return texts[language] ?? texts[''] ?? Object.values(texts)[0] ?? fallback;
}

/** Every question of a form, groups and repeats included, in order, with the repeat it sits in. */
export function* walk(
  questions: Question[],
  repeat?: Question,
): Generator<{ q: Question; repeat?: Question }> {
  for (const q of questions) {
    yield { q, repeat };
    if (q.children) yield* walk(q.children, q.type === 'repeat' ? q : repeat);
  }
}
