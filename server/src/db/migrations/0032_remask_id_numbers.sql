-- ID numbers show only their first and last character (maskIdNumber); the stored masks follow.
UPDATE persons SET id_masked = left(id_masked, 1) || repeat('*', length(id_masked) - 2) || right(id_masked, 1)
 WHERE length(id_masked) > 2;
--> statement-breakpoint
UPDATE registry_import_rows SET id_masked = left(id_masked, 1) || repeat('*', length(id_masked) - 2) || right(id_masked, 1)
 WHERE length(id_masked) > 2;
