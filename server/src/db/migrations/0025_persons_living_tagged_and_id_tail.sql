-- Two narrower ways into the residence side of a person list (ADR 0008). A search by tag reads only
-- the tagged (a quarter of the living) from a partial copy of the residence index, which the
-- list's own tags > {} condition selects; a search by ID tail finds the few hundred people of the
-- province with that tail first, then keeps those in scope. Hand-written: drizzle-kit cannot express INCLUDE.
CREATE INDEX "persons_living_tagged_idx" ON "persons" USING btree ("residence_path" text_pattern_ops,
    "name" text_pattern_ops, "initials" text_pattern_ops, right("id_masked", 4), right("phone_masked", 4),
    "labour_capacity" text_pattern_ops, "sex" text_pattern_ops, "birth_date", "tags")
  INCLUDE ("id", "household_id", "relation", "updated_at", "residence_place_id")
  WHERE "status" = 'living' AND "tags" > '{}'::text[];--> statement-breakpoint
CREATE INDEX "persons_living_id_tail_idx" ON "persons" USING btree (right("id_masked", 4))
  WHERE "status" = 'living';
