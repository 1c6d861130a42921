import type { Database } from './client.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the application's role may do when migrations run as the owner: read and write the tables,
 * never change or empty the audit log or the volunteers' service records, never record a migration. Not owning any table, it can
 * neither alter one (disable a trigger) nor, not being a superuser, set `session_replication_role`.
 * CREATE on the database lets it make the job queue's own `pgboss` schema.
 */
export function applicationGrants(role: string): string[] {
  const r = ident(role);
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON anju_migrations FROM ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON volunteer_service_records FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `DO $$ BEGIN EXECUTE format('GRANT CREATE, TEMPORARY ON DATABASE %I TO ${r.replace(/'/g, "''")}', current_database()); END $$`,
  ];
}

/**
 * Why the role the application runs as could rewrite the audit log on PostgreSQL (a superuser, or
 * the owner of its table); empty when it cannot, and always on PGlite, which has one role.
 */
export async function applicationRoleRisks(database: Database): Promise<string[]> {
  if (database.kind === 'pglite') return [];
  const [r] = await database.query<{ role: string; superuser: boolean; owner: boolean }>(
    `SELECT current_user AS role, r.rolsuper AS superuser,
            EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = 'audit_log'::regclass
                      AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const risks: string[] = [];
  if (r.superuser) risks.push(`the database role ${r.role} is a superuser`);
  else if (r.owner) risks.push(`the database role ${r.role} owns the audit log`);
  return risks;
}
