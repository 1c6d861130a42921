import { sql } from 'drizzle-orm';

export interface EnterpriseRow {
  id: number;
  credit_code: string;
  name: string;
  kind: string;
  place_id: number;
  place_path: string;
  place_name: string;
  address: string;
  contact_name: string;
  contact_phone_masked: string | null;
  workshop_type: string | null;
  version: number;
  updated_at: string | Date;
}

/** An enterprise (`e`) with the name of the place it sits on (`pl`). */
export const ENTERPRISE_SELECT = sql`SELECT e.id, e.credit_code, e.name, e.kind, e.place_id, e.place_path,
       pl.name AS place_name, e.address, e.contact_name, e.contact_phone_masked, e.workshop_type,
       e.version, e.updated_at
  FROM enterprises e JOIN places pl ON pl.id = e.place_id`;
