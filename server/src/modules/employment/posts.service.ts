import type {
  HolderAssign,
  HoldingEnd,
  Post,
  PostCreate,
  PostDetail,
  PostQuery,
  PostUpdate,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, invalid } from '../../platform/errors.ts';
import { placeById } from '../places/places.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import { assertPersonVisible, assertResidenceSide } from './employment.policy.ts';
import * as records from './employment.repo.ts';
import { assertCommunity, assertPostVisible, mayKeepPost, postScope, postsUnder } from './posts.policy.ts';
import * as repo from './posts.repo.ts';
import type { HoldingRow, PostRow } from './posts.sql.ts';
import { recheckHousehold, today } from './zero.service.ts';

const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const presentHolding = (h: HoldingRow) => ({
  id: String(h.id),
  personId: String(h.person_id),
  name: h.name,
  householdId: String(h.household_id),
  startOn: h.start_on,
  endOn: h.end_on,
  endReason: h.end_reason as PostDetail['holdings'][number]['endReason'],
  shouldExit: h.should_exit as PostDetail['holdings'][number]['shouldExit'],
  version: h.version,
});

const present = (p: PostRow, open: HoldingRow | undefined): Post => ({
  id: String(p.id),
  placeId: String(p.place_id),
  placeName: p.place_name,
  postType: p.post_type,
  title: p.title,
  termStart: p.term_start,
  termEnd: p.term_end,
  monthlySubsidy: Number(p.monthly_subsidy),
  holder: open ? presentHolding(open) : null,
  version: p.version,
});

/** The post types of the `post_type` dictionary. */
export const postTypes = (database: Database) => dictionary(database, 'post_type');

async function checkPostType(database: Database, type: string | undefined) {
  if (type !== undefined && !(await postTypes(database)).some((d) => d.code === type))
    throw invalid('postType', 'not a post type');
}

function checkTerm(start: string, end: string) {
  if (end < start) throw invalid('termEnd', 'is before termStart');
}

/** A post the caller keeps: seen (else 404) and theirs to change (else 403). */
async function keptPost(conn: Conn, ctx: Ctx, id: number) {
  const post = await repo.findPost(conn, id);
  assertPostVisible(ctx.actor, post);
  if (!mayKeepPost(ctx.actor, post.place_path)) throw forbidden();
  return post;
}

/** A page of the posts in scope, each with its holder and why they should exit. */
export async function list(database: Database, ctx: Ctx, q: PostQuery) {
  const place = q.placeId === undefined ? undefined : await placeById(database.db, q.placeId);
  const on = today();
  const { items, total } = await repo.listPosts(
    database.db,
    postScope(ctx.actor),
    {
      place: q.placeId === undefined ? undefined : postsUnder(place?.path),
      postType: q.postType,
      status: q.status,
      q: q.q,
    },
    on,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  const open = await repo.holdingsOf(
    database.db,
    items.map((p) => Number(p.id)),
    on,
    true,
  );
  return {
    items: items.map((p) =>
      present(
        p,
        open.find((h) => Number(h.post_id) === Number(p.id)),
      ),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A post with its holders, newest first. */
export async function get(database: Database, ctx: Ctx, id: number): Promise<PostDetail> {
  const post = await repo.findPost(database.db, id);
  assertPostVisible(ctx.actor, post);
  const holdings = await repo.holdingsOf(database.db, [id], today(), false);
  return {
    ...present(
      post,
      holdings.find((h) => h.end_on === null),
    ),
    holdings: holdings.map(presentHolding),
    mayKeep: mayKeepPost(ctx.actor, post.place_path),
  };
}

/** Opens a post on a community of the caller's scope. */
export async function create(database: Database, ctx: Ctx, input: PostCreate) {
  checkTerm(input.termStart, input.termEnd);
  await checkPostType(database, input.postType);
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    assertCommunity(ctx.actor, place);
    const id = await repo.insertPost(tx, { ...input, placeId: place!.id, placePath: place!.path });
    await audit(tx, ctx, {
      action: 'employment.post_create',
      targetType: 'public_welfare_post',
      targetId: id,
      detail: { postType: input.postType, monthlySubsidy: input.monthlySubsidy },
    });
    return id;
  });
  return get(database, ctx, id);
}

/** Changes a post from the version read (409 when stale); a new subsidy becomes the holder's wage. */
export async function update(database: Database, ctx: Ctx, id: number, input: PostUpdate) {
  await checkPostType(database, input.postType);
  await database.db.transaction(async (tx) => {
    const before = await keptPost(tx, ctx, id);
    const next: repo.PostFields = {
      placeId: Number(before.place_id),
      placePath: before.place_path,
      postType: input.postType ?? before.post_type,
      title: input.title ?? before.title,
      termStart: input.termStart ?? before.term_start,
      termEnd: input.termEnd ?? before.term_end,
      monthlySubsidy: input.monthlySubsidy ?? Number(before.monthly_subsidy),
    };
    checkTerm(next.termStart, next.termEnd);
    if (!(await repo.updatePost(tx, id, input.version, next))) throw stale();
    const was = Number(before.monthly_subsidy);
    const [open] = await repo.holdingsOf(tx, [id], today(), true);
    if (open && was !== next.monthlySubsidy) {
      const version = await repo.changeRecord(tx, Number(open.record_id), {
        monthlyWage: next.monthlySubsidy,
      });
      await records.insertHistory(tx, {
        recordId: Number(open.record_id),
        event: 'update',
        version: version + 1,
        changes: { monthlyWage: [was, next.monthlySubsidy] },
        actorId: ctx.actor.userId,
        actorName: ctx.actor.username,
      });
    }
    await audit(tx, ctx, {
      action: 'employment.post_update',
      targetType: 'public_welfare_post',
      targetId: id,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version'), version: input.version + 1 },
    });
  });
  return get(database, ctx, id);
}

/**
 * Puts a labour-capable person of the caller's scope on a vacant post: the holding and the holder's
 * employment record (public-welfare post, the subsidy as wage) in one transaction, the household's
 * zero-employment flag following.
 */
export async function assign(database: Database, ctx: Ctx, postId: number, input: HolderAssign) {
  await database.db.transaction(async (tx) => {
    const post = await keptPost(tx, ctx, postId);
    if (input.startOn < post.term_start || input.startOn > post.term_end)
      throw invalid('startOn', "is outside the post's term");
    const person = await records.findPerson(tx, input.personId, today());
    assertPersonVisible(ctx.actor, person?.status === 'living' ? person : undefined, 'person', 'personId');
    assertResidenceSide(ctx.actor, person);
    if (!person.labour_force) throw invalid('personId', 'is not of working age with labour capacity');
    if (await repo.holdsPost(tx, person.id)) throw invalid('personId', 'already holds a public-welfare post');
    if (!(await repo.bumpPost(tx, postId, input.version))) throw stale();
    if ((await repo.holdingsOf(tx, [postId], today(), true)).length > 0)
      throw invalid('personId', 'the post has a holder');
    const recordId = await records.insertRecordOnly(tx, person.id, {
      kind: 'public_welfare_post',
      employerName: `${post.place_name}（${post.title}）`.slice(0, 128),
      place: post.place_name,
      monthlyWage: Number(post.monthly_subsidy),
      startOn: input.startOn,
      endOn: null,
      source: 'department_list',
      verified: true,
    });
    await records.insertHistory(tx, {
      recordId,
      event: 'create',
      version: 1,
      changes: {},
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
    });
    const holdingId = await repo.insertHolding(tx, {
      postId,
      personId: person.id,
      recordId,
      startOn: input.startOn,
    });
    await recheckHousehold(tx, Number(person.household_id));
    await audit(tx, ctx, {
      action: 'employment.post_assign',
      targetType: 'person',
      targetId: person.id,
      detail: { postId, holdingId, recordId },
    });
  });
  return get(database, ctx, postId);
}

/** Ends a holding from the version read, and with it the holder's employment record. */
export async function endHolding(database: Database, ctx: Ctx, holdingId: number, input: HoldingEnd) {
  const postId = await database.db.transaction(async (tx) => {
    const holding = await repo.findHolding(tx, holdingId, today());
    const post = holding && (await repo.findPost(tx, Number(holding.post_id)));
    assertPostVisible(ctx.actor, post || undefined);
    if (!mayKeepPost(ctx.actor, post!.place_path)) throw forbidden();
    if (input.endOn < holding!.start_on) throw invalid('endOn', 'is before startOn');
    if (!(await repo.endHolding(tx, holdingId, input.version, input.endOn, input.reason))) throw stale();
    const recordId = Number(holding!.record_id);
    const version = await repo.changeRecord(tx, recordId, { endOn: input.endOn });
    await records.insertHistory(tx, {
      recordId,
      event: 'end',
      version: version + 1,
      changes: { endOn: [null, input.endOn] },
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
    });
    const person = await records.findPerson(tx, Number(holding!.person_id), today());
    await recheckHousehold(tx, Number(person.household_id));
    await audit(tx, ctx, {
      action: 'employment.post_end',
      targetType: 'person',
      targetId: Number(holding!.person_id),
      detail: { postId: Number(post!.id), holdingId, reason: input.reason },
    });
    return Number(post!.id);
  });
  return get(database, ctx, postId);
}
