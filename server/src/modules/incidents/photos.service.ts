import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { audioTypeOf } from '../../platform/files/audio.ts';
import { imageTypeOf } from '../../platform/files/photo.ts';
import { canSee } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import * as photos from './photos.repo.ts';
import { isOpen } from './workflow.ts';
import type { IncidentStatus } from '@anju/contracts';

/** Steps a photo may go with: the report, starting work, a progress note, the reply. */
const PHOTO_STEPS = ['report', 'start', 'progress', 'reply'];
/** Most photos one step may carry. */
export const PHOTOS_PER_STEP = 9;

async function visible(database: Database, ctx: Ctx, incidentId: number) {
  const row = await repo.findById(database.db, incidentId);
  if (!row || !canSee(ctx.actor, row, await repo.departmentsOf(database.db, ctx.actor.userId)))
    throw new AppError('not_found', 'incident not found');
  return row;
}

/** Adds a photo to the caller's latest step on an open incident they can see; the type comes from the content. */
export async function addPhoto(database: Database, ctx: Ctx, incidentId: number, content: Buffer) {
  return attach(database, ctx, incidentId, content, imageTypeOf(content));
}

/** Adds a voice message (one a step) to the caller's report or note, as photos are added. */
export async function addVoice(database: Database, ctx: Ctx, incidentId: number, content: Buffer) {
  return attach(database, ctx, incidentId, content, audioTypeOf(content));
}

async function attach(
  database: Database,
  ctx: Ctx,
  incidentId: number,
  content: Buffer,
  contentType: string,
) {
  const incident = await visible(database, ctx, incidentId);
  if (!isOpen(incident.status as IncidentStatus))
    throw conflict('the incident is finished', [{ field: 'file', reason: 'the incident is finished' }]);
  const voice = contentType.startsWith('audio/');
  return database.db.transaction(async (tx) => {
    const step = await photos.latestStepOf(tx, incidentId, ctx.actor.userId);
    if (!step || !PHOTO_STEPS.includes(step.action))
      throw invalid('file', 'photos go with a report, a progress note or a reply: take that step first');
    if (!voice && step.photos >= PHOTOS_PER_STEP)
      throw invalid('file', 'at most {{max}} photos a step', { max: PHOTOS_PER_STEP });
    if (voice && step.voices >= 1) throw invalid('file', 'one voice message a step');
    const id = await photos.insertPhoto(tx, { incidentId, stepId: Number(step.id), contentType, content });
    await audit(tx, ctx, {
      action: voice ? 'incident.voice' : 'incident.photo',
      targetType: 'incident',
      targetId: incidentId,
      detail: { [voice ? 'voiceId' : 'photoId']: id, stepId: Number(step.id) },
    });
    return { id: String(id), stepId: String(step.id), contentType, bytes: content.length };
  });
}

/** A photo of an incident the caller can see; anything else is reported missing. */
export async function photo(database: Database, ctx: Ctx, id: number) {
  const row = await photos.findPhoto(database.db, id);
  if (!row) throw notFound('photo');
  await visible(database, ctx, Number(row.incident_id));
  return { contentType: row.content_type, content: Buffer.from(row.content) };
}
