import { z } from 'zod';
import { ExportFormat, Id, IdParam, IsoDay, pageOf, Paging } from './common.ts';
import { Answers, FormDefinition } from './survey-forms.ts';

export * from './xlsform/expr.ts';
export * from './xlsform/evaluate.ts';
export * from './survey-forms.ts';
export * from './xlsform/run.ts';

/** Who a campaign asks: each household once, each resident once, or each resident holding a tag once. */
export const SURVEY_AUDIENCES = ['households', 'residents', 'tag'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

/** How an answer came: the resident on their phone, or a grid worker door to door on the household's behalf. */
export const SURVEY_CHANNELS = ['phone', 'door'] as const;

/** The fields of a form's import besides its workbook: the place whose officials keep it. */
export const FormImportFields = z.object({ placeId: IdParam });
export type FormImportFields = z.infer<typeof FormImportFields>;

export const SurveyForm = z.object({
  id: Id,
  formKey: z.string(),
  formVersion: z.string(),
  title: z.string(),
  placeId: Id,
  placeName: z.string(),
  questions: z.number().int(),
  createdAt: z.string(),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

export const SurveyFormDetail = SurveyForm.extend({ definition: FormDefinition });
export type SurveyFormDetail = z.infer<typeof SurveyFormDetail>;

export const SurveyFormPage = pageOf(SurveyForm);
export type SurveyFormPage = z.infer<typeof SurveyFormPage>;

export const CampaignCreate = z
  .object({
    formId: IdParam,
    title: z.string().trim().min(1).max(256),
    placeId: IdParam,
    audience: z.enum(SURVEY_AUDIENCES),
    tag: z.string().trim().min(1).max(32).optional(),
    anonymous: z.boolean().default(false),
    opensOn: IsoDay,
    closesOn: IsoDay,
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'is before opensOn' })
  .refine((c) => c.audience !== 'tag' || c.tag, { path: ['tag'], message: 'is required' });
export type CampaignCreate = z.infer<typeof CampaignCreate>;
export type CampaignCreateInput = z.input<typeof CampaignCreate>;

export const Campaign = z.object({
  id: Id,
  formId: Id,
  formTitle: z.string(),
  formVersion: z.string(),
  title: z.string(),
  placeId: Id,
  placeName: z.string(),
  audience: z.enum(SURVEY_AUDIENCES),
  tag: z.string().nullable(),
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  answered: z.number().int(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignPage = pageOf(Campaign);
export type CampaignPage = z.infer<typeof CampaignPage>;

export const CampaignQuery = Paging.extend({ open: z.enum(['true', 'false']).optional() });
export type CampaignQuery = z.infer<typeof CampaignQuery>;

/** A campaign with the form to answer it by. */
export const CampaignDetail = Campaign.extend({ definition: FormDefinition });
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** An answer: a grid worker names the household (and, for a residents' campaign, the member); a resident names the member. */
export const SubmissionCreate = z.object({
  householdId: IdParam.optional(),
  personId: IdParam.optional(),
  answers: Answers,
});
export type SubmissionCreate = z.infer<typeof SubmissionCreate>;
export type SubmissionCreateInput = z.input<typeof SubmissionCreate>;

export const Submission = z.object({
  id: Id,
  campaignId: Id,
  formId: Id,
  formVersion: z.string(),
  channel: z.enum(SURVEY_CHANNELS),
  submittedAt: z.string(),
});
export type Submission = z.infer<typeof Submission>;

/** How many of a place's audience answered. */
export const ResponseRate = z.object({
  placeId: Id,
  placeName: z.string(),
  level: z.enum(['community', 'grid']),
  audience: z.number().int(),
  answered: z.number().int(),
});
export type ResponseRate = z.infer<typeof ResponseRate>;

/** The answers to one choice or number question, counted by value. */
export const QuestionResult = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const CampaignResults = z.object({
  answered: z.number().int(),
  rates: z.array(ResponseRate),
  questions: z.array(QuestionResult),
});
export type CampaignResults = z.infer<typeof CampaignResults>;

export const AnswersExportQuery = z.object({ format: ExportFormat.default('xlsx') });
export type AnswersExportQuery = z.infer<typeof AnswersExportQuery>;
