import { HANDLING_LEVELS, type IncidentReport } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { placeContaining } from '../grids/grids.service.ts';
import { report } from '../incidents/incidents.service.ts';
import { answerLines, attributesOf } from './attributes.ts';
import { badRequest, issues, listFilter, PLACE_NEEDED, PostFields, type Submission } from './input.ts';
import { publicView } from './feed.ts';
import * as repo from './open311.repo.ts';
import type { Value } from './xml.ts';
import { w3c } from './w3c.ts';

export type Locale = 'zh' | 'en';

const LEVEL_ZH = ['网格', '社区', '乡镇', '县'];
const levelName = (level: number, locale: Locale) =>
  locale === 'en' ? HANDLING_LEVELS[level] : LEVEL_ZH[level];
const CLOSED = ['closed', 'recalled'];
/** How far outside every grid a lat/long may lie and still go to the nearest community. */
const PLACE_LIMIT_KM = 2;
/** The most requests one GET returns, as the spec's default volume. */
const MAX_REQUESTS = 1000;

const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** What will happen to a request: who handles it and by when (China time). */
function notice(handling: string, acceptBy: Date | string, dueBy: Date | string, locale: Locale) {
  const [a, d] = [chinaTime.format(new Date(acceptBy)), chinaTime.format(new Date(dueBy))];
  return locale === 'en'
    ? `Handled by ${handling}: accepted by ${a}, resolved by ${d} (UTC+8).`
    : `由${handling}办理：${a}前签收，${d}前办结。`;
}

/** Who takes a category and its limits, in hours or in working days. */
function limitsText(c: repo.CategoryRow, locale: Locale) {
  const level = levelName(c.start_level, locale);
  if (c.limit_unit === 'working_days')
    return locale === 'en'
      ? `Taken by the ${level}; accepted within ${c.accept_days} working days, resolved within ${c.deadline_days} working days.`
      : `由${level}受理，${c.accept_days}个工作日内签收，${c.deadline_days}个工作日内办结。`;
  return locale === 'en'
    ? `Taken by the ${level}; accepted within ${c.accept_hours} h, resolved within ${c.deadline_hours} h.`
    : `由${level}受理，${c.accept_hours}小时内签收，${c.deadline_hours}小时内办结。`;
}

/** The services with what they ask at `path`: the key's place, or the national ones for a reader without a key. */
export async function services(database: Database, locale: Locale, path?: string): Promise<Value[]> {
  return (await repo.categories(database.db, path)).map((c) => ({
    service_code: c.code,
    service_name: locale === 'en' ? c.name_en : c.name_zh,
    description: limitsText(c, locale),
    metadata: attributesOf(c.attributes).length > 0,
    type: 'realtime',
    keywords: `${c.name_zh}, ${c.name_en}`,
    group: levelName(c.start_level, locale),
  }));
}

async function categoryOrFail(database: Database, code: string, path?: string) {
  const category = await repo.category(database.db, code, path);
  if (!category) throw new AppError('not_found', `service_code ${code} was not found`);
  return category;
}

export async function serviceDefinition(database: Database, code: string, path?: string): Promise<Value> {
  const category = await categoryOrFail(database, code, path);
  return {
    service_code: category.code,
    attributes: attributesOf(category.attributes).map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/** 张 + 三 for Chinese names, "John Smith" otherwise. */
function fullName(first = '', last = '') {
  const name = /[\u3400-\u9fff]/.test(first + last) ? `${last}${first}` : `${first} ${last}`;
  return name.trim() || undefined;
}

/** The fields of the incidents API named as the client sent them. */
const FIELD: Record<string, string> = {
  placeId: 'address_id',
  reporterPhone: 'phone',
  reporterName: 'first_name',
  categoryCode: 'service_code',
  title: 'description',
};

/** The place a request names by address_id or address_string, else the one its lat/long lies in. */
async function placeOf(database: Database, scopePath: string, f: PostFields) {
  const ref = f.address_id ?? f.address_string;
  const named = ref === undefined ? undefined : await repo.placeIn(database.db, scopePath, ref);
  if (named) return named;
  if (f.address_id)
    return { field: 'address_id', reason: 'no place with this code in the area of the api_key' };
  if (f.lat !== undefined && f.long !== undefined) {
    const found = await placeContaining(database.db, scopePath, f.lat, f.long, PLACE_LIMIT_KM * 1000);
    if (found) return found;
    return {
      field: 'lat',
      reason: `is not inside a grid, nor within ${PLACE_LIMIT_KM} km of a community, in the area of the api_key`,
    };
  }
  return { field: 'address_id', reason: PLACE_NEEDED };
}

/** Files a request as an incident of the key's system, through the same reporting as the web app. */
export async function postRequest(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  submission: Submission,
  locale: Locale,
): Promise<Value[]> {
  // an unknown service is a 404 whatever else is wrong, as clients look it up before its fields
  const code = submission.fields.service_code;
  if (typeof code === 'string' && code.trim() && !(await repo.category(database.db, code.trim())))
    throw new AppError('not_found', `service_code ${code.trim()} was not found`);
  const parsed = PostFields.safeParse(submission.fields);
  if (!parsed.success) throw badRequest(issues(parsed.error));
  const f = parsed.data;
  // what the key's region asks, as services/{code} showed the key
  const category = await categoryOrFail(database, f.service_code, ctx.actor.scopes[0].path);
  const { errors, lines } = answerLines(attributesOf(category.attributes), submission.answers);
  const place = await placeOf(database, ctx.actor.scopes[0].path, f);
  if ('field' in place) errors.unshift(place);
  if (errors.length || 'field' in place) throw badRequest(errors);
  const said = f.description ?? '';
  const firstLine = said.split('\n')[0].trim();
  const input: IncidentReport = {
    categoryCode: category.code,
    title: firstLine.length >= 2 ? firstLine.slice(0, 30) : category.name_zh,
    description: [said, ...lines, f.media_url && `附件：${f.media_url}`].filter(Boolean).join('\n'),
    source: 'open311',
    placeId: String(place.id),
    reporterName: fullName(f.first_name, f.last_name),
    reporterPhone: f.phone,
    lat: f.lat,
    lng: f.long,
  };
  try {
    const incident = await report(database, cipher, ctx, input);
    return [
      {
        service_request_id: incident.code,
        service_notice: notice(incident.handlingPlace.name, incident.acceptDueAt, incident.dueAt, locale),
        account_id: null,
      },
    ];
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    throw badRequest(e.details.map((d) => ({ field: FIELD[d.field] ?? d.field, reason: d.reason })));
  }
}

function present(r: repo.RequestRow, locale: Locale): Record<string, Value> {
  return {
    service_request_id: r.code,
    status: CLOSED.includes(r.status) ? 'closed' : 'open',
    status_notes: r.status_notes,
    service_name: locale === 'en' ? r.name_en : r.name_zh,
    service_code: r.category_code,
    description: r.description || r.title,
    agency_responsible: r.agency,
    service_notice: notice(r.handling_name, r.accept_due_at, r.due_at, locale),
    requested_datetime: w3c(r.reported_at),
    updated_datetime: w3c(r.updated_at),
    expected_datetime: w3c(r.due_at),
    address: r.address,
    address_id: r.place_code,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
}

/** The requests a key's system filed (never other reporters'), each read audited against the key. */
async function filed(database: Database, ctx: Ctx, filter: repo.RequestFilter, limit: number) {
  const found = await repo.requests(
    database.db,
    ctx.actor.scopes[0].path,
    { ...filter, reporter: ctx.actor.userId },
    limit,
  );
  await audit(database.db, ctx, {
    action: 'open311.read',
    targetType: 'open311_key',
    targetId: -ctx.actor.userId,
    detail: { requests: found.map((r) => r.code) },
  });
  return found;
}

/** Requests an official put in the public feed, as that feed shows them. */
async function publicRequests(database: Database, filter: repo.RequestFilter, limit: number, locale: Locale) {
  const found = await repo.requests(database.db, null, { ...filter, publicOnly: true }, limit);
  return found.map((r) => ({
    at: new Date(r.reported_at).getTime(),
    value: publicView(present(r, locale), r),
  }));
}

/**
 * Newest first, with the spec's filters: with a key, the requests its system filed (complete) and the
 * public feed; without one, the public feed alone.
 */
export async function listRequests(
  database: Database,
  ctx: Ctx | null,
  query: Record<string, unknown>,
  locale: Locale,
): Promise<Value[]> {
  const filter = listFilter(query);
  const own = ctx ? await filed(database, ctx, filter, MAX_REQUESTS) : [];
  const codes = new Set(own.map((r) => r.code));
  const shown = [
    ...own.map((r) => ({ at: new Date(r.reported_at).getTime(), value: present(r, locale) })),
    ...(await publicRequests(database, filter, MAX_REQUESTS, locale)).filter(
      (p) => !codes.has((p.value as { service_request_id: string }).service_request_id),
    ),
  ];
  return shown
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_REQUESTS)
    .map((s) => s.value);
}

async function one(database: Database, ctx: Ctx | null, code: string, what: string, locale: Locale) {
  const [own] = ctx ? await filed(database, ctx, { codes: [code] }, 1) : [];
  if (own) return present(own, locale);
  const [shown] = await publicRequests(database, { codes: [code] }, 1, locale);
  if (!shown) throw new AppError('not_found', `${what} ${code} was not found`);
  return shown.value;
}

export async function getRequest(database: Database, ctx: Ctx | null, code: string, locale: Locale) {
  return [await one(database, ctx, code, 'service_request_id', locale)];
}

/** Requests are created at once, so a token is the request's own id. */
export async function requestOfToken(database: Database, ctx: Ctx | null, token: string): Promise<Value[]> {
  await one(database, ctx, token, 'token', 'zh');
  return [{ service_request_id: token, token }];
}
