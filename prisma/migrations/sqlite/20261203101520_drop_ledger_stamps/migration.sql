-- The dashboards no longer cache past years (docs/decisions/010-one-read-path.md): the
-- triggers that kept the ledger stamps go first (hand-written, as they were created), then
-- the table.
DROP TRIGGER IF EXISTS "Fill_stamp_insert";
DROP TRIGGER IF EXISTS "Fill_stamp_update";
DROP TRIGGER IF EXISTS "Fill_stamp_delete";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "LedgerStamp";
PRAGMA foreign_keys=on;
