import type { Open311AttributesSet, Open311Service } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
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
  };
}

/** Every Open311 service (an active incident category) with the attributes it asks. */
export async function listServices(database: Database): Promise<Open311Service[]> {
  return (await repo.categoryAttributes(database.db, null)).map(present);
}

/** One service's attributes, for editing. */
export async function getService(database: Database, code: string): Promise<Open311Service> {
  const [row] = await repo.categoryAttributes(database.db, code);
  if (!row) throw notFound('service');
  return present(row);
}

/**
 * Replaces a service's attributes when they are still as the official read them (else 409);
 * Open311 asks them from the next request on.
 */
export async function setServiceAttributes(
  database: Database,
  ctx: Ctx,
  code: string,
  input: Open311AttributesSet,
): Promise<Open311Service> {
  await database.db.transaction(async (tx) => {
    const [row] = await repo.categoryAttributes(tx, code, true);
    if (!row) throw notFound('service');
    const before = present(row);
    if (before.version !== input.version)
      throw conflict('the attributes were changed by someone else', [{ field: 'version', reason: 'stale' }]);
    await repo.setAttributes(tx, code, storedOf(input.attributes));
    await audit(tx, ctx, {
      action: 'open311.attributes.set',
      targetType: 'incident_category',
      targetId: code,
      detail: { before: before.attributes, after: input.attributes },
    });
  });
  return getService(database, code);
}
