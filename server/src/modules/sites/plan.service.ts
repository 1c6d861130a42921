import type { SupportTask, SupportTaskCreate, SupportTaskUpdate } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { placeById } from '../places/places.service.ts';
import { holdersWithin } from '../users/users.service.ts';
import * as repo from './plan.repo.ts';
import * as policy from './sites.policy.ts';
import type { TaskRow } from './sites.sql.ts';

const today = () => new Date().toISOString().slice(0, 10);
const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const present = (r: TaskRow): SupportTask => ({
  id: String(r.id),
  siteId: String(r.site_id),
  siteName: r.site_name,
  year: r.year,
  area: r.area as SupportTask['area'],
  goal: r.goal,
  title: r.title,
  owner: r.owner,
  dueOn: r.due_on,
  progress: r.progress,
  evidence: r.evidence,
  doneOn: r.done_on,
  late: r.late,
  version: r.version,
});

/** The plan tasks of `year` of the caller's sites under `path`. */
export async function tasksOf(database: Database, ctx: Ctx, path: string, year: number) {
  return (await repo.tasksUnder(database.db, path, policy.taskScope(ctx.actor), year, today())).map(present);
}

/** The plans of every site under a place of the caller's scope, side by side. */
export async function plans(database: Database, ctx: Ctx, q: { place?: number; year?: number }) {
  const placeId = q.place ?? ctx.actor.scopes[0]?.id;
  const place = placeId ? await placeById(database.db, placeId) : undefined;
  policy.assertPlaceInScope(ctx.actor, place);
  return tasksOf(database, ctx, place!.path, q.year ?? Number(today().slice(0, 4)));
}

function checkDue(year: number, dueOn: string) {
  if (Number(dueOn.slice(0, 4)) !== year)
    throw invalid('dueOn', 'is not in the plan year {{year}}', { year });
}

/** Adds a task to a site's plan of a year; a task needs an owner. */
export async function create(database: Database, ctx: Ctx, input: SupportTaskCreate) {
  checkDue(input.year, input.dueOn);
  const id = await database.db.transaction(async (tx) => {
    const site = await placeById(tx, input.siteId);
    if (!site || site.level !== 'community' || !policy.mayKeep(ctx.actor, site.path))
      throw invalid('siteId', 'unknown site');
    const taskId = await repo.insertTask(tx, site, input);
    await audit(tx, ctx, {
      action: 'sites.task_create',
      targetType: 'support_task',
      targetId: taskId,
      detail: { area: input.area, year: input.year },
    });
    return taskId;
  });
  return present((await repo.findTask(database.db, id, today()))!);
}

/** Records progress and evidence, or changes a task, from the version read (409 when stale). */
export async function update(database: Database, ctx: Ctx, id: number, input: SupportTaskUpdate) {
  await database.db.transaction(async (tx) => {
    const before = await repo.findTask(tx, id, today());
    if (!before || !policy.reachesTask(ctx.actor, before.site_path)) throw notFound('task');
    policy.assertKeeps(ctx.actor, before.site_path);
    const next = {
      title: input.title ?? before.title,
      owner: input.owner ?? before.owner,
      dueOn: input.dueOn ?? before.due_on,
      progress: input.progress ?? before.progress,
      evidence: input.evidence ?? before.evidence,
    };
    checkDue(before.year, next.dueOn);
    if (next.progress === 100 && next.evidence === '')
      throw invalid('evidence', 'a finished task needs its evidence');
    if (!(await repo.updateTask(tx, id, input.version, next, today()))) throw stale();
    await audit(tx, ctx, {
      action: 'sites.task_update',
      targetType: 'support_task',
      targetId: id,
      detail: { progress: next.progress },
    });
  });
  return present((await repo.findTask(database.db, id, today()))!);
}

/** Tells the community staff of each site of the tasks past their deadline unfinished, once a task. */
export async function alertLate(database: Database) {
  return database.db.transaction(async (tx) => {
    const late = await repo.lateToAlert(tx, today());
    for (const t of late) {
      const to = await holdersWithin(tx, 'community_staff', t.site_path);
      await notifyUsers(
        tx,
        to.map((u) => Number(u.id)),
        {
          kind: 'support_task_late',
          params: { site: t.site_name, title: t.title, owner: t.owner, dueOn: t.due_on },
          link: `/sites/${String(t.site_path.split('/').at(-2))}`,
        },
      );
    }
    return late.length;
  });
}
