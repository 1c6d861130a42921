import { sql } from 'drizzle-orm';
import { placeLabelSql } from '../../db/place-label.ts';

export { like, rows } from '../../db/rows.ts';

export interface PersonRow {
  id: number;
  household_id: number;
  relation: string;
  name: string;
  id_cipher: string;
  id_masked: string;
  sex: string;
  birth_date: string;
  ethnicity: string;
  phone_cipher: string | null;
  phone_masked: string | null;
  education: string | null;
  health: string;
  disability_grade: number | null;
  labour_capacity: string;
  tags: string[];
  party_member: boolean;
  hukou_place_id: number;
  hukou_path: string;
  hukou_name: string;
  residence_place_id: number;
  residence_path: string;
  residence_name: string;
  status: string;
  version: number;
}

export const PERSON_SELECT = sql.raw(`
  SELECT p.id, p.household_id, p.relation, p.name, p.id_cipher, p.id_masked, p.sex,
         to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.ethnicity, p.phone_cipher, p.phone_masked,
         p.education, p.health, p.disability_grade, p.labour_capacity, p.tags, p.party_member,
         p.hukou_place_id, p.hukou_path, hp.name AS hukou_name,
         p.residence_place_id, p.residence_path,
         ${placeLabelSql('rp', 'rb')} AS residence_name,
         p.status, p.version
    FROM persons p
    JOIN places hp ON hp.id = p.hukou_place_id
    JOIN places rp ON rp.id = p.residence_place_id
    LEFT JOIN places rb ON rb.id = rp.parent_id`);

export interface HouseholdRow {
  id: number;
  household_no: string;
  head_name: string;
  member_count: number;
  residence_place_id: number;
  residence_path: string;
  residence_name: string;
  dwelling_id: number | null;
  dwelling_name: string | null;
  origin_village_id: number | null;
  origin_path: string | null;
  origin_name: string | null;
  relocation_year: number | null;
  resettlement_type: string;
  poverty_status: string;
  status: string;
  version: number;
}

export const HOUSEHOLD_SELECT = sql.raw(`
  SELECT h.id, h.household_no, h.head_name, h.member_count, h.residence_place_id, h.residence_path,
         rp.name AS residence_name, h.dwelling_id, ${placeLabelSql('dp', 'db')} AS dwelling_name,
         h.origin_village_id, h.origin_path, op.name AS origin_name, h.relocation_year,
         h.resettlement_type, h.poverty_status, h.status, h.version
    FROM households h
    JOIN places rp ON rp.id = h.residence_place_id
    LEFT JOIN places dp ON dp.id = h.dwelling_id
    LEFT JOIN places db ON db.id = dp.parent_id
    LEFT JOIN places op ON op.id = h.origin_village_id`);
