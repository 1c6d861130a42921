import { HANDLING_LEVELS, type IncidentCategory, type IncidentCategoryLimits } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { assertSetsCategoryLimits } from './categories.policy.ts';
import * as repo from './categories.repo.ts';

const present = (c: repo.CategoryLimitsRow): IncidentCategory => ({
  code: c.code,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  limitUnit: c.limit_unit,
  acceptHours: c.accept_hours,
  deadlineHours: c.deadline_hours,
  acceptDays: c.accept_days,
  deadlineDays: c.deadline_days,
  extensionCapHours: c.extension_cap_hours,
  extensionCapDays: c.extension_cap_days,
  extensionCapSource: c.extension_cap_source,
  startLevel: HANDLING_LEVELS[c.start_level],
  autoEscalate: c.auto_escalate,
  version: c.version,
});

export async function listCategories(database: Database): Promise<IncidentCategory[]> {
  return (await repo.categories(database.db)).map(present);
}

/**
 * Sets a category's limits, in hours or in working days, at the version read (409 when another edit
 * came first), by an admin of a whole province. Incidents reported, escalated or dispatched from now on run by them.
 */
export async function saveCategoryLimits(
  database: Database,
  ctx: Ctx,
  code: string,
  input: IncidentCategoryLimits,
): Promise<IncidentCategory> {
  assertSetsCategoryLimits(ctx.actor);
  return database.db.transaction(async (tx) => {
    const before = await repo.category(tx, code);
    if (!before) throw notFound('category');
    const { version, ...limits } = input;
    const after = await repo.setLimits(tx, code, limits, version);
    if (!after) throw conflict('the category was changed by someone else; reload it');
    await audit(tx, ctx, {
      action: 'incident.category_limits',
      targetType: 'incident_category',
      targetId: code,
      detail: { before: present(before), after: limits },
    });
    return present(after);
  });
}
