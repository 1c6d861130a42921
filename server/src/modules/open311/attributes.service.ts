import type { Open311AttributesSet, Open311Service } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { attributesOf, storedOf, versionOf } from './attributes.ts';
import * as repo from './attributes.repo.ts';

function present(row: repo.CategoryAttributesRow): Open311Service {
  const attributes = attributesOf(row.attributes);
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    attributes: attributes.map((a) => ({
      code: a.code,
      datatype: a.datatype,
      description: a.description,
      required: a.required,
      datatype_description: a.datatype_description,
      values: a.values,
    })),
    version: versionOf(attributes),
    regionId: row.region_id === null ? null : String(row.region_id),
    region: row.region_name,
  };
}

/** Where the caller manages Open311: their own place, whose attributes they read and set. */
const pathOf = (ctx: Ctx) => ctx.actor.scopes[0]?.path ?? '/';

/** Every Open311 service (an active incident category) with the attributes it asks at the caller's place. */
export async function listServices(database: Database, ctx: Ctx): Promise<Open311Service[]> {
  return (await repo.categoryAttributes(database.db, null, pathOf(ctx))).map(present);
}

/** One service's attributes at the caller's place, for editing. */
export async function getService(database: Database, ctx: Ctx, code: string): Promise<Open311Service> {
  const [row] = await repo.categoryAttributes(database.db, code, pathOf(ctx));
  if (!row) throw notFound('service');
  return present(row);
}

/**
 * Replaces a service's attributes in the caller's own region (a province, city or county) when they
 * are still as the official read them (else 409); Open311 asks them there from the next request on.
 */
export async function setServiceAttributes(
  database: Database,
  ctx: Ctx,
  code: string,
  input: Open311AttributesSet,
): Promise<Open311Service> {
  const root = ctx.actor.scopes[0];
  await database.db.transaction(async (tx) => {
    const region = root && (await repo.placeOf(tx, root.id));
    if (!region || !['province', 'city', 'county'].includes(region.level))
      throw forbidden('Open311 attributes are set by the official of a province, city or county');
    const [row] = await repo.categoryAttributes(tx, code, region.path, true);
    if (!row) throw notFound('service');
    const before = present(row);
    if (before.version !== input.version)
      throw conflict('the attributes were changed by someone else', [{ field: 'version', reason: 'stale' }]);
    await repo.setAttributes(tx, code, root.id, storedOf(input.attributes), ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'open311.attributes.set',
      targetType: 'incident_category',
      targetId: code,
      detail: {
        region: root.id,
        regionName: region.name,
        before: before.attributes,
        after: input.attributes,
      },
    });
  });
  return getService(database, ctx, code);
}
