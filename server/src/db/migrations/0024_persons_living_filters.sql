-- The residence side of a person list reads this index alone. Its keys after the path are the columns
-- the list filters on, so the btree tests a filter inside the index page and hands the executor only
-- the matches: a county searching a surname or an ID tail no longer turns every resident into a row.
-- Tags stay a Filter (no btree operator for @>), but as a key a search by tag skips the untagged
-- (tags > {}). The sort keys left are included (ADR 0008). Hand-written: drizzle-kit cannot express INCLUDE.
DROP INDEX "persons_living_residence_idx";--> statement-breakpoint
CREATE INDEX "persons_living_residence_idx" ON "persons" USING btree ("residence_path" text_pattern_ops,
    "name" text_pattern_ops, "initials" text_pattern_ops, right("id_masked", 4), right("phone_masked", 4),
    "labour_capacity" text_pattern_ops, "sex" text_pattern_ops, "birth_date", "tags")
  INCLUDE ("id", "household_id", "relation", "updated_at", "residence_place_id")
  WHERE "status" = 'living';
