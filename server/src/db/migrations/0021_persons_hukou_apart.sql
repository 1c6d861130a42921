-- The depth at which a person's hukou path parts from their residence path (1 = province), or NULL
-- when they live under their hukou place. A scope root of depth d sees someone from the hukou side
-- alone only if their paths part at depth d or above, so the hukou side of a person list reads just
-- the people registered in scope who live elsewhere (ADR 0008). Depths past 8 count as 8.
CREATE FUNCTION hukou_parting(hukou text, residence text) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE
    WHEN left(residence, length(hukou)) = hukou THEN NULL
    WHEN split_part(hukou, '/', 2) <> split_part(residence, '/', 2) THEN 1
    WHEN split_part(hukou, '/', 3) <> split_part(residence, '/', 3) THEN 2
    WHEN split_part(hukou, '/', 4) <> split_part(residence, '/', 4) THEN 3
    WHEN split_part(hukou, '/', 5) <> split_part(residence, '/', 5) THEN 4
    WHEN split_part(hukou, '/', 6) <> split_part(residence, '/', 6) THEN 5
    WHEN split_part(hukou, '/', 7) <> split_part(residence, '/', 7) THEN 6
    WHEN split_part(hukou, '/', 8) <> split_part(residence, '/', 8) THEN 7
    ELSE 8 END)::smallint
$$;--> statement-breakpoint
DROP INDEX "persons_living_hukou_idx";--> statement-breakpoint
CREATE INDEX "persons_living_apart_idx" ON "persons"
  USING btree (hukou_parting("hukou_path", "residence_path"), "hukou_path" text_pattern_ops)
  INCLUDE ("id", "household_id", "relation", "birth_date", "updated_at", "name", "initials", "tags",
    "labour_capacity", "sex", "id_masked", "phone_masked", "residence_place_id", "residence_path")
  WHERE "status" = 'living' AND hukou_parting("hukou_path", "residence_path") IS NOT NULL;
