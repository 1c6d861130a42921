import type { Incident, VisitIncidentCreate } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { report } from '../incidents/incidents.service.ts';
import { addPhoto, PHOTOS_PER_STEP } from '../incidents/photos.service.ts';
import * as repo from './visits.repo.ts';
import { get, mayVisit, visible } from './visits.service.ts';

/** Visit locks live above 2^52, far from the numbered advisory locks. */
const VISIT_LOCK = 2 ** 52;
const running = new Map<number, Promise<unknown>>();

/** Runs `fn` alone for one visit: in this process by a queue, across processes by an advisory lock. */
async function alone<T>(database: Database, visitId: number, fn: () => Promise<T>): Promise<T> {
  const before = running.get(visitId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => database.exclusive(VISIT_LOCK + visitId, fn));
  running.set(visitId, run);
  try {
    return await run;
  } finally {
    if (running.get(visitId) === run) running.delete(visitId);
  }
}

const alreadyIncident = (incidentId: number) =>
  conflict(`the finding is already incident ${incidentId}`, [
    { field: 'incidentId', reason: `already incident ${incidentId}` },
  ]);

/**
 * Turns a visit's finding into an incident in one step, reported through the incidents module at
 * the household's dwelling, with the visit's photos; a visit becomes at most one incident.
 */
export async function toIncident(
  database: Database,
  cipher: Cipher,
  ctx: Ctx,
  visitId: number,
  input: VisitIncidentCreate,
) {
  return alone(database, visitId, async () => {
    const visit = await visible(database, ctx, visitId);
    if (visit.incident_id !== null) throw alreadyIncident(visit.incident_id);
    await mayVisit(database.db, ctx, visit.residence_path);
    const title = input.title ?? visit.findings.split('\n')[0].trim().slice(0, 100);
    if (title.length < 2) throw invalid('title', 'required when the visit has no findings');
    const placeId = visit.residence_path.split('/').filter(Boolean).at(-1)!;
    const source: Incident['source'] =
      ctx.actor.roles.includes('party_member') && !ctx.actor.roles.includes('grid_worker')
        ? 'party_member'
        : 'grid_worker';
    const incident = await report(database, cipher, ctx, {
      categoryCode: input.categoryCode,
      title,
      description: input.description ?? visit.findings.slice(0, 2000),
      source,
      placeId,
      householdId: String(visit.household_id),
    });
    const photos = await repo.photosOf(database.db, visitId);
    for (const p of photos.slice(0, PHOTOS_PER_STEP))
      await addPhoto(database, ctx, Number(incident.id), Buffer.from(p.content));
    await database.db.transaction(async (tx) => {
      if (!(await repo.linkIncident(tx, visitId, Number(incident.id))))
        throw alreadyIncident((await repo.findVisit(tx, visitId))!.incident_id!);
      await audit(tx, ctx, {
        action: 'visit.incident',
        targetType: 'visit',
        targetId: visitId,
        detail: { incidentId: Number(incident.id), categoryCode: input.categoryCode, photos: photos.length },
      });
    });
    return {
      visit: await get(database, ctx, visitId),
      incident: { id: incident.id, code: incident.code, title: incident.title, status: incident.status },
    };
  });
}
