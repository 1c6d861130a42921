ALTER TABLE "persons" ADD COLUMN "employed_through" date;--> statement-breakpoint
ALTER TABLE "assistance_measures" ADD COLUMN "employment_record_id" bigint;--> statement-breakpoint
ALTER TABLE "assistance_measures" ADD CONSTRAINT "assistance_measures_employment_record_id_employment_records_id_fk" FOREIGN KEY ("employment_record_id") REFERENCES "public"."employment_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A person's employed_through follows their employment records in the statement that changes them,
-- whatever writes them: the last end day, 'infinity' while one has no end, null without records.
CREATE FUNCTION persons_follow_employment_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE persons p SET employed_through = t.through
      FROM (SELECT c.person_id, (SELECT max(coalesce(r.end_on, 'infinity'::date)) FROM employment_records r
                                   WHERE r.person_id = c.person_id) AS through
              FROM (SELECT DISTINCT person_id FROM new_rows) c) t
     WHERE p.id = t.person_id AND p.employed_through IS DISTINCT FROM t.through;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE persons p SET employed_through = t.through
      FROM (SELECT c.person_id, (SELECT max(coalesce(r.end_on, 'infinity'::date)) FROM employment_records r
                                   WHERE r.person_id = c.person_id) AS through
              FROM (SELECT DISTINCT person_id FROM old_rows) c) t
     WHERE p.id = t.person_id AND p.employed_through IS DISTINCT FROM t.through;
  ELSE
    UPDATE persons p SET employed_through = t.through
      FROM (SELECT c.person_id, (SELECT max(coalesce(r.end_on, 'infinity'::date)) FROM employment_records r
                                   WHERE r.person_id = c.person_id) AS through
              FROM (SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows) c) t
     WHERE p.id = t.person_id AND p.employed_through IS DISTINCT FROM t.through;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER employment_records_insert_to_persons
  AFTER INSERT ON employment_records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION persons_follow_employment_records();
--> statement-breakpoint
CREATE TRIGGER employment_records_update_to_persons
  AFTER UPDATE ON employment_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION persons_follow_employment_records();
--> statement-breakpoint
CREATE TRIGGER employment_records_delete_to_persons
  AFTER DELETE ON employment_records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION persons_follow_employment_records();
--> statement-breakpoint
UPDATE persons p SET employed_through = t.through
  FROM (SELECT person_id, max(coalesce(end_on, 'infinity'::date)) AS through
          FROM employment_records GROUP BY person_id) t
 WHERE p.id = t.person_id;
