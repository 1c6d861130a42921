-- A live monitoring case keeps the paths of its household, so both sides find it after a move.
CREATE FUNCTION monitoring_cases_follow_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE monitoring_cases
     SET residence_path = NEW.residence_path, origin_path = NEW.origin_path
   WHERE household_id = NEW.id AND step NOT IN ('eliminated', 'not_identified');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER households_paths_to_cases
  AFTER UPDATE OF residence_path, origin_path ON households
  FOR EACH ROW
  WHEN (OLD.residence_path IS DISTINCT FROM NEW.residence_path OR OLD.origin_path IS DISTINCT FROM NEW.origin_path)
  EXECUTE FUNCTION monitoring_cases_follow_household();
