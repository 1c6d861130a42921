import { PARTY_PLACE_LEVELS, type PartyLevel, type PartyOrgKind } from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { assertSetsPartyLevels } from './party.policy.ts';
import * as repo from './party.repo.ts';
import { levels as currentLevels } from './party.service.ts';

type LevelInput = {
  placeLevel: (typeof PARTY_PLACE_LEVELS)[number];
  labelZh: string;
  labelEn: string;
  kind?: PartyOrgKind;
};

/** What organizations on a place level are unless the setting says otherwise. */
const DEFAULT_KINDS: Record<LevelInput['placeLevel'], PartyOrgKind> = {
  township: 'committee',
  community: 'committee',
  grid: 'branch',
  building: 'group',
  dwelling: 'household',
};

/** Checks the shape of a level setting: tree order, no repeats, the community taken in, the dwelling last. */
function checkLevels(levels: LevelInput[]) {
  const order = levels.map((l) => PARTY_PLACE_LEVELS.indexOf(l.placeLevel));
  order.forEach((o, i) => {
    if (i > 0 && o <= order[i - 1])
      throw invalid(`levels.${i}.placeLevel`, 'levels must go down the place tree without repeats');
  });
  if (!levels.some((l) => l.placeLevel === 'community'))
    throw invalid('levels', 'the community must have a party level');
  if (levels.at(-1)!.placeLevel !== 'dwelling')
    throw invalid(`levels.${levels.length - 1}.placeLevel`, 'the last level is the party-member household');
  levels.forEach((l, i) => {
    if (l.kind && (l.kind === 'household') !== (i === levels.length - 1))
      throw invalid(`levels.${i}.kind`, 'only the last level is the party-member household');
  });
}

/**
 * Sets the party levels of every community, by an admin of a whole province. Labels may always change;
 * a place level that organizations are founded on keeps its depth, so a change that would move or drop
 * one is 409.
 */
export async function setLevels(
  database: Database,
  ctx: Ctx,
  input: { levels: LevelInput[] },
): Promise<PartyLevel[]> {
  assertSetsPartyLevels(ctx.actor);
  checkLevels(input.levels);
  await database.db.transaction(async (tx) => {
    const before = await repo.levels(tx);
    const used = await repo.levelsInUse(tx);
    const lost = used.filter((u) => input.levels[u.depth - 1]?.placeLevel !== u.place_level);
    if (lost.length)
      throw conflict('party organizations exist on levels this setting would move or drop', [
        { field: 'levels', reason: `in use: ${[...new Set(lost.map((l) => l.place_level))].join(', ')}` },
      ]);
    await repo.replaceLevels(
      tx,
      input.levels.map((l) => ({ ...l, kind: l.kind ?? DEFAULT_KINDS[l.placeLevel] })),
    );
    await audit(tx, ctx, {
      action: 'party.levels',
      targetType: 'party_levels',
      detail: { from: before.map((l) => l.place_level), to: input.levels.map((l) => l.placeLevel) },
    });
  });
  return currentLevels(database);
}
