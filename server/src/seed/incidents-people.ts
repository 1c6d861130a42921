import { LEVEL_ROLE } from '../modules/incidents/ladder.ts';
import type { Database } from '../db/client.ts';
import { CATEGORY_MIX, DEPARTMENTS } from './incidents-catalogue.ts';

/** The department of a county a category goes to, or null when none fits. */
export type DepartmentOf = (countyId: number, categoryCode: string) => number | null;

/** Creates the departments of every county the communities (by place path) are in; returns the lookup. */
export async function seedDepartments(database: Database, communityPaths: string[]): Promise<DepartmentOf> {
  const counties = [...new Set(communityPaths.map((p) => Number(p.split('/').filter(Boolean)[2])))];
  await database.query(
    `INSERT INTO departments (county_id, code, name_zh, name_en)
     SELECT c.id, d.code, d.name_zh, d.name_en
       FROM unnest($1::int8[]) AS c(id)
      CROSS JOIN jsonb_to_recordset($2::jsonb) AS d(code text, name_zh text, name_en text)
     ON CONFLICT (county_id, code) DO NOTHING`,
    [
      counties,
      JSON.stringify(DEPARTMENTS.map((d) => ({ code: d.code, name_zh: d.nameZh, name_en: d.nameEn }))),
    ],
  );
  const rows = await database.query<{ id: number; county_id: number; code: string }>(
    `SELECT id::int8 AS id, county_id::int8 AS county_id, code FROM departments WHERE county_id = ANY($1::int8[])`,
    [counties],
  );
  const byKey = new Map(rows.map((r) => [`${Number(r.county_id)}/${r.code}`, Number(r.id)]));
  return (countyId, categoryCode) => {
    const code = CATEGORY_MIX[categoryCode]?.department;
    return code ? (byKey.get(`${countyId}/${code}`) ?? null) : null;
  };
}

export interface DemoResident {
  userId: number;
  name: string;
  dwellingId: number;
  dwellingPath: string;
  /** grid, community, township, county above the dwelling */
  ladder: number[];
}

/**
 * The demo accounts that take part in the history: the handler of each rung takes what is dispatched
 * at their place, the department officer works for the human resources bureau of their county, the
 * resident reports a few incidents of their own.
 */
export async function demoHandlers(
  database: Database,
  departmentOf: DepartmentOf,
): Promise<{ assignees: Map<number, number>; resident?: DemoResident }> {
  const users = await database.query<{
    id: number;
    username: string;
    display_name: string;
    place_id: number;
    path: string;
  }>(
    `SELECT u.id::int8 AS id, u.username, u.display_name, p.id::int8 AS place_id, p.path
       FROM users u JOIN user_scopes s ON s.user_id = u.id JOIN places p ON p.id = s.place_id
      WHERE u.username = ANY($1::text[])`,
    [[...LEVEL_ROLE, 'resident', 'department_officer']],
  );
  const assignees = new Map<number, number>();
  let resident: DemoResident | undefined;
  for (const u of users) {
    if ((LEVEL_ROLE as readonly string[]).includes(u.username))
      assignees.set(Number(u.place_id), Number(u.id));
    if (u.username === 'department_officer') {
      const department = departmentOf(Number(u.place_id), 'employment_help');
      if (department !== null)
        await database.query(
          `INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [u.id, department],
        );
    }
    if (u.username === 'resident') {
      const [, , county, township, community, grid] = u.path.split('/').filter(Boolean).map(Number);
      resident = {
        userId: Number(u.id),
        name: u.display_name,
        dwellingId: Number(u.place_id),
        dwellingPath: u.path,
        ladder: [grid, community, township, county],
      };
    }
  }
  return { assignees, resident };
}
