-- Staged import rows are transient: no WAL for millions of them. A crash empties the table; such an import is refused on commit and uploaded again.
ALTER TABLE "registry_import_rows" SET UNLOGGED;
