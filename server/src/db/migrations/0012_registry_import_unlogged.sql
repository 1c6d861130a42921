-- Staged import rows are rebuilt from the uploaded file when lost: no WAL for millions of them.
ALTER TABLE "registry_import_rows" SET UNLOGGED;
