-- Person lists of the living read each side of the dual jurisdiction from one of these indexes alone
-- (index-only scans): the path range is the caller's scope, the included columns answer every list
-- filter and carry the sort keys, so counting and paging never visit the table (ADR 0008).
-- drizzle-kit cannot express INCLUDE, hence hand-written.
CREATE INDEX "persons_living_residence_idx" ON "persons" USING btree ("residence_path" text_pattern_ops)
  INCLUDE ("id", "household_id", "relation", "birth_date", "updated_at", "name", "initials", "tags",
    "labour_capacity", "sex", "id_masked", "phone_masked", "residence_place_id", "hukou_path")
  WHERE "status" = 'living';--> statement-breakpoint
CREATE INDEX "persons_living_hukou_idx" ON "persons" USING btree ("hukou_path" text_pattern_ops)
  INCLUDE ("id", "household_id", "relation", "birth_date", "updated_at", "name", "initials", "tags",
    "labour_capacity", "sex", "id_masked", "phone_masked", "residence_place_id", "residence_path")
  WHERE "status" = 'living';
