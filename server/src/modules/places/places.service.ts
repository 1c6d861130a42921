import {
  CHILD_LEVELS,
  DIVISION_LEVELS,
  type Division,
  PLACE_LEVELS,
  type Place,
  type PlaceCreate,
  type PlaceLevel,
  type PlaceSummary,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { seesWholeTree } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { assertCanRead, assertCanRename, assertCanWrite, placeScope } from './places.policy.ts';
import { initialsOf } from './initials.ts';
import * as repo from './places.repo.ts';

export { initialsOf } from './initials.ts';
export type { PlaceRow } from './places.repo.ts';

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

function summary(row: {
  id: number;
  parentId: number | null;
  level: string;
  code: string | null;
  name: string;
  childCount: number;
}): PlaceSummary {
  return {
    id: String(row.id),
    parentId: row.parentId === null ? null : String(row.parentId),
    level: row.level as PlaceLevel,
    code: row.code,
    name: row.name,
    childCount: row.childCount,
  };
}

export async function get(database: Database, ctx: Ctx, id: number): Promise<Place> {
  const row = await repo.findById(database.db, id);
  assertCanRead(ctx.actor, row);
  const ancestors = await repo.findByIds(database.db, pathIds(row.path));
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return {
    ...summary(row),
    attributes: row.attributes as Record<string, unknown>,
    version: row.version,
    path: pathIds(row.path)
      .map((pid) => byId.get(pid))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: String(a.id), name: a.name, level: a.level as PlaceLevel })),
  };
}

/** The places a user starts browsing from: their scope roots, or the provinces for tree-wide admins. */
export async function roots(database: Database, ctx: Ctx): Promise<PlaceSummary[]> {
  if (seesWholeTree(ctx.actor)) return (await repo.roots(database.db)).map(summary);
  const rows = await repo.findByIds(
    database.db,
    ctx.actor.scopes.map((s) => s.id),
  );
  return rows.sort((a, b) => a.path.localeCompare(b.path)).map(summary);
}

export async function children(database: Database, ctx: Ctx, id: number, page: number, pageSize: number) {
  const parent = await repo.findById(database.db, id);
  assertCanRead(ctx.actor, parent);
  const { items, total } = await repo.children(
    database.db,
    id,
    placeScope(ctx.actor),
    pageSize,
    (page - 1) * pageSize,
  );
  return { items: items.map(summary), total, page, pageSize };
}

export async function search(
  database: Database,
  ctx: Ctx,
  q: { q: string; under?: string; levels?: PlaceLevel[]; limit: number },
) {
  let underPath: string | undefined;
  if (q.under) {
    const under = await repo.findById(database.db, Number(q.under));
    assertCanRead(ctx.actor, under);
    underPath = under.path;
  }
  const rows = await repo.search(database.db, q.q, placeScope(ctx.actor), {
    underPath,
    levels: q.levels,
    limit: q.limit,
  });
  return rows.map(summary);
}

/** A new grid's code, numbered within its community (community code + 3-digit sequence). */
async function gridCode(tx: Conn, community: repo.PlaceRow): Promise<string> {
  if (!community.code) throw invalid('parentId', 'the community has no code to number its grids from');
  await repo.lockPlace(tx, community.id);
  return repo.nextGridCode(tx, { id: community.id, code: community.code });
}

/** Inserts a place under `parent` in the caller's transaction: path, child count and audit row. */
export async function addChild(
  tx: Conn,
  ctx: Ctx,
  parent: repo.PlaceRow,
  input: Omit<PlaceCreate, 'parentId'>,
): Promise<repo.PlaceRow> {
  if (!CHILD_LEVELS[parent.level as PlaceLevel]?.includes(input.level)) {
    throw invalid('level', 'a {{level}} cannot be placed under a {{parentLevel}}', {
      level: input.level,
      parentLevel: parent.level,
    });
  }
  const row = await repo
    .insert(tx, {
      parentId: parent.id,
      level: input.level,
      code: input.code ?? (input.level === 'grid' ? await gridCode(tx, parent) : null),
      name: input.name,
      initials: initialsOf(input.name),
      path: 'pending',
      depth: parent.depth + 1,
      attributes: input.attributes,
    })
    .catch((e: { code?: string; cause?: { code?: string } }) => {
      if (e.code === '23505' || e.cause?.code === '23505')
        throw conflict('code already used', [{ field: 'code', reason: 'already used' }]);
      throw e;
    });
  row.path = `${parent.path}${row.id}/`;
  await repo.setPath(tx, row.id, row.path);
  await repo.bumpChildCount(tx, parent.id, 1);
  await audit(tx, ctx, {
    action: 'place.create',
    targetType: 'place',
    targetId: row.id,
    detail: { name: input.name, level: input.level },
  });
  return row;
}

export async function create(database: Database, ctx: Ctx, input: PlaceCreate): Promise<Place> {
  const created = await database.db.transaction(async (tx) => {
    const parent = await repo.findById(tx, Number(input.parentId));
    assertCanWrite(ctx.actor, parent);
    return (await addChild(tx, ctx, parent, input)).id;
  });
  return get(database, ctx, created);
}

export async function rename(
  database: Database,
  ctx: Ctx,
  id: number,
  input: { name: string; attributes?: Record<string, unknown>; version: number },
): Promise<Place> {
  await database.db.transaction(async (tx) => {
    const place = await repo.findById(tx, id);
    assertCanRename(ctx.actor, place);
    if (PLACE_LEVELS.indexOf(place.level as PlaceLevel) < PLACE_LEVELS.indexOf('community')) {
      throw new AppError(
        'forbidden',
        'administrative divisions follow the official codes and are not edited here',
      );
    }
    const row = await repo.updateVersioned(tx, id, input.version, {
      name: input.name,
      initials: initialsOf(input.name),
      attributes: input.attributes,
    });
    if (!row)
      throw conflict('the place was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    await audit(tx, ctx, {
      action: 'place.update',
      targetType: 'place',
      targetId: id,
      detail: { from: place.name, to: input.name },
    });
  });
  return get(database, ctx, id);
}

/** A subtree moved from one path prefix to another. */
export interface PathMove {
  from: string;
  to: string;
}

/**
 * Moves children of `from` (with their subtrees) under `to`, a place of the same level: rewrites the
 * paths of the whole subtrees in one statement and keeps child counts. Returns the prefix moves.
 */
export async function moveChildren(
  tx: Conn,
  childIds: number[],
  from: repo.PlaceRow,
  to: repo.PlaceRow,
): Promise<PathMove[]> {
  const moves = childIds.map((id) => ({ id, from: `${from.path}${id}/`, to: `${to.path}${id}/` }));
  const moved = await repo.rebase(tx, from.path, moves, to.id);
  const roots = moved.filter((m) => moves.some((x) => x.id === Number(m.id)));
  if (roots.length !== childIds.length)
    throw invalid('buildingIds', 'only children of {{name}} can be moved from it', { name: from.name });
  await repo.bumpChildCount(tx, from.id, -childIds.length);
  await repo.bumpChildCount(tx, to.id, childIds.length);
  return moves.map(({ from: f, to: t }) => ({ from: f, to: t }));
}

/** Looks up administrative divisions by name, pinyin initials or code, whatever the caller's scope. */
export async function searchDivisions(
  database: Database,
  q: { q: string; levels?: (typeof DIVISION_LEVELS)[number][]; limit: number },
): Promise<Division[]> {
  const found = await repo.search(database.db, q.q, undefined, {
    levels: q.levels ?? [...DIVISION_LEVELS],
    limit: q.limit,
  });
  const ancestors = await repo.findByIds(database.db, [...new Set(found.flatMap((f) => pathIds(f.path)))]);
  const names = new Map(ancestors.map((a) => [a.id, a.name]));
  return found.map((f) => ({
    id: String(f.id),
    level: f.level as Division['level'],
    code: f.code,
    name: f.name,
    fullName: pathIds(f.path)
      .map((id) => names.get(id) ?? '')
      .join(''),
  }));
}

/** The path of the place a list is narrowed to (`under`); an unknown place is the caller's mistake. */
export async function underPath(conn: Conn, id: string): Promise<string> {
  const place = await repo.findById(conn, Number(id));
  if (!place) throw invalid('under', 'unknown place');
  return place.path;
}

/** One place by id, whatever the caller's scope: for modules that check where something lies. */
export const placeById = (conn: Conn, id: number) => repo.findById(conn, id);

/** The places of `ids` (summary columns, in no order): ancestors of a path, scope roots to check. */
export const findPlacesByIds = (conn: Conn, ids: number[]) => repo.findByIds(conn, ids);
