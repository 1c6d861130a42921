import {
  can,
  checkAnswers,
  FormDefinition,
  walk,
  type Campaign,
  type CampaignCreate,
  type CampaignQuery,
  type CampaignResults,
  type Paging,
  type SubmissionCreate,
  type Submission,
  type SurveyForm,
  type SurveyFormDetail,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { Upload } from '../../platform/files/import/form.ts';
import { findPlacesByIds, placeById } from '../places/places.service.ts';
import { activeHousehold, householdMember, residentHouseholds } from '../registry/concerned.service.ts';
import * as policy from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import type { CampaignRow, FormRow } from './surveys.sql.ts';
import { readXlsForm } from './xlsform.ts';

const today = () => new Date().toISOString().slice(0, 10);

const presentForm = (r: FormRow): SurveyForm => ({
  id: String(r.id),
  formKey: r.form_key,
  formVersion: r.form_version,
  title: r.title,
  placeId: String(r.place_id),
  placeName: r.place_name,
  questions: [...walk(FormDefinition.parse(r.definition).questions)].filter(
    ({ q }) => q.type !== 'group' && q.type !== 'repeat',
  ).length,
  createdAt: new Date(r.created_at).toISOString(),
});

const presentCampaign = (r: CampaignRow): Campaign => ({
  id: String(r.id),
  formId: String(r.form_id),
  formTitle: r.form_title,
  formVersion: r.form_version,
  title: r.title,
  placeId: String(r.place_id),
  placeName: r.place_name,
  audience: r.audience as Campaign['audience'],
  tag: r.tag,
  anonymous: r.anonymous,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  answered: r.answered,
  version: r.version,
});

/** Imports a form version from an XLSForm workbook, kept by the officials of a place. */
export async function importForm(
  database: Database,
  ctx: Ctx,
  upload: Upload,
  fields: { placeId: number },
): Promise<SurveyFormDetail> {
  if (upload.format !== 'xlsx')
    throw invalid('file', 'an XLSForm is an .xlsx workbook with survey, choices and settings sheets');
  const place = await placeById(database.db, fields.placeId);
  policy.assertSurveyPlace(ctx.actor, place);
  const definition = await readXlsForm(upload.path);
  return database.db.transaction(async (tx) => {
    const id = await repo.insertForm(
      tx,
      {
        formKey: definition.formId,
        formVersion: definition.version,
        title: definition.title,
        definition,
        placeId: place!.id,
        placePath: place!.path,
      },
      ctx.actor.userId,
    );
    if (!id)
      throw new AppError('conflict', 'this version of the form is imported already', [
        {
          field: 'version',
          reason: 'version {{version}} of the form is imported already',
          params: { version: definition.version },
        },
      ]);
    await audit(tx, ctx, { action: 'survey.form_import', targetType: 'survey_form', targetId: id });
    const row = await repo.findForm(tx, id);
    return { ...presentForm(row!), definition };
  });
}

export async function listForms(database: Database, ctx: Ctx, q: Paging) {
  const { items, total } = await repo.listForms(
    database.db,
    policy.formScope(ctx.actor),
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentForm), total, page: q.page, pageSize: q.pageSize };
}

async function visibleForm(conn: Conn, ctx: Ctx, id: number) {
  const row = await repo.findForm(conn, id);
  if (!row || !policy.reachesPlace(ctx.actor, row.place_path)) throw notFound('form');
  return row;
}

export async function getForm(database: Database, ctx: Ctx, id: number): Promise<SurveyFormDetail> {
  const row = await visibleForm(database.db, ctx, id);
  return { ...presentForm(row), definition: FormDefinition.parse(row.definition) };
}

/** A campaign the caller reaches, else 404. */
export async function visibleCampaign(conn: Conn, ctx: Ctx, id: number) {
  const row = await repo.findCampaign(conn, id, policy.answersScope(ctx.actor));
  if (!row || !policy.reachesPlace(ctx.actor, row.place_path)) throw notFound('campaign');
  return row;
}

/** Sends a form version to the audience of a place in the caller's scope. */
export async function createCampaign(database: Database, ctx: Ctx, input: CampaignCreate): Promise<Campaign> {
  return database.db.transaction(async (tx) => {
    const form = await repo.findForm(tx, input.formId);
    if (!form || !policy.reachesPlace(ctx.actor, form.place_path)) throw invalid('formId', 'unknown form');
    const place = await placeById(tx, input.placeId);
    policy.assertSurveyPlace(ctx.actor, place);
    const id = await repo.insertCampaign(
      tx,
      {
        formId: input.formId,
        title: input.title,
        placeId: place!.id,
        placePath: place!.path,
        audience: input.audience,
        tag: input.audience === 'tag' ? input.tag! : null,
        anonymous: input.anonymous,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
      },
      ctx.actor.userId,
    );
    await audit(tx, ctx, { action: 'survey.campaign_create', targetType: 'survey_campaign', targetId: id });
    return presentCampaign((await repo.findCampaign(tx, id, policy.answersScope(ctx.actor)))!);
  });
}

export async function listCampaigns(database: Database, ctx: Ctx, q: CampaignQuery) {
  const { items, total } = await repo.listCampaigns(
    database.db,
    policy.campaignScope(ctx.actor),
    policy.answersScope(ctx.actor),
    q.open,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map(presentCampaign), total, page: q.page, pageSize: q.pageSize };
}

export async function getCampaign(database: Database, ctx: Ctx, id: number) {
  const row = await visibleCampaign(database.db, ctx, id);
  return { ...presentCampaign(row), definition: FormDefinition.parse(row.definition) };
}

/** The grid (else the community) a dwelling lies in: the answer's place for the response rates. */
async function gridPathOf(conn: Conn, residencePath: string) {
  const ids = residencePath.split('/').filter(Boolean).map(Number);
  const places = await findPlacesByIds(conn, ids);
  const area = places.find((p) => p.level === 'grid') ?? places.find((p) => p.level === 'community');
  return area?.path ?? residencePath;
}

/** Who answers: the household a grid worker names, or the resident's own; and the member when the campaign asks persons. */
async function respondentOf(conn: Conn, ctx: Ctx, c: CampaignRow, input: SubmissionCreate) {
  const door = can(ctx.actor.roles, 'survey:answer');
  let householdId = input.householdId;
  if (!door) {
    const own = await residentHouseholds(conn, ctx.actor);
    householdId ??= own[0];
    if (householdId === undefined || !own.includes(householdId))
      throw invalid('householdId', 'unknown household');
  } else if (householdId === undefined) throw invalid('householdId', 'is required');
  const household = await activeHousehold(conn, householdId);
  if (!household || (door && !policy.mayAnswerFor(ctx.actor, household.residencePath)))
    throw invalid('householdId', 'unknown household');
  if (!household.residencePath.startsWith(c.place_path))
    throw invalid('householdId', 'the campaign is not sent to this household');
  let personId: number | null = null;
  if (c.audience !== 'households') {
    if (input.personId === undefined) throw invalid('personId', 'is required');
    const member = await householdMember(conn, householdId, input.personId);
    if (!member) throw invalid('personId', 'not a member of the household');
    if (c.audience === 'tag' && !member.tags.includes(c.tag!))
      throw invalid('personId', 'the campaign is not sent to this person');
    personId = member.id;
  }
  return { household, personId, channel: door ? ('door' as const) : ('phone' as const) };
}

/** Takes one answer: checked by the form's engine, once per respondent, under the form version of the campaign. */
export async function submit(
  database: Database,
  ctx: Ctx,
  campaignId: number,
  input: SubmissionCreate,
): Promise<Submission> {
  if (!can(ctx.actor.roles, 'survey:answer') && !can(ctx.actor.roles, 'survey:respond')) throw forbidden();
  return database.db.transaction(async (tx) => {
    const c = await visibleCampaign(tx, ctx, campaignId);
    policy.assertOpen(c, today());
    const who = await respondentOf(tx, ctx, c, input);
    const { answers, errors } = checkAnswers(FormDefinition.parse(c.definition), input.answers, new Date());
    if (errors.length) throw new AppError('validation_failed', 'the answers are not valid', errors);
    const respondent = who.personId ? `p${who.personId}` : `h${who.household.id}`;
    if (!(await repo.claimRespondent(tx, c.id, respondent)))
      throw new AppError('conflict', 'answered already', [
        {
          field: c.audience === 'households' ? 'householdId' : 'personId',
          reason: 'has answered this campaign already',
        },
      ]);
    const saved = await repo.insertSubmission(tx, {
      campaignId: c.id,
      formId: Number(c.form_id),
      gridPath: await gridPathOf(tx, who.household.residencePath),
      householdId: c.anonymous ? null : who.household.id,
      personId: c.anonymous ? null : who.personId,
      channel: who.channel,
      answers,
    });
    // an anonymous answer is audited against its campaign only, so the log does not link it either
    await audit(tx, ctx, {
      action: 'survey.answer',
      targetType: c.anonymous ? 'survey_campaign' : 'survey_submission',
      targetId: c.anonymous ? c.id : saved.id,
    });
    return {
      id: String(saved.id),
      campaignId: String(c.id),
      formId: String(c.form_id),
      formVersion: c.form_version,
      channel: who.channel,
      submittedAt: saved.submittedAt,
    };
  });
}

/** Response rates per community and grid of the caller's scope, and the answers to each choice question counted. */
export async function results(database: Database, ctx: Ctx, campaignId: number): Promise<CampaignResults> {
  const c = await visibleCampaign(database.db, ctx, campaignId);
  if (!can(ctx.actor.roles, 'survey:read')) throw notFound('campaign');
  const form = FormDefinition.parse(c.definition);
  const rates = await repo.responseRates(
    database.db,
    { id: c.id, placePath: c.place_path, audience: c.audience, tag: c.tag },
    policy.areaScope(ctx.actor),
  );
  const counted = form.questions.flatMap(function top(q): typeof form.questions {
    if (q.type === 'group') return (q.children ?? []).flatMap(top);
    return ['select_one', 'select_multiple', 'integer'].includes(q.type) ? [q] : [];
  });
  const counts = await repo.answerCounts(
    database.db,
    c.id,
    counted.map((q) => q.name),
    policy.answersScope(ctx.actor),
  );
  const label = (texts: Record<string, string>, fallback: string) =>
    texts[form.defaultLanguage] ?? Object.values(texts)[0] ?? fallback;
  return {
    answered: c.answered,
    rates: rates.map((r) => ({
      placeId: String(r.id),
      placeName: r.name,
      level: r.level,
      audience: r.audience,
      answered: r.answered,
    })),
    questions: counted.map((q) => ({
      name: q.name,
      label: label(q.label, q.name),
      type: q.type,
      counts: counts
        .filter((n) => n.name === q.name)
        .map((n) => {
          const choice = q.listName ? form.choices[q.listName]?.find((ch) => ch.name === n.value) : undefined;
          return { value: n.value, label: choice ? label(choice.label, n.value) : n.value, count: n.count };
        }),
    })),
  };
}
