-- The dashboards no longer cache past years (docs/decisions/010-one-read-path.md): the
-- trigger and function that kept the ledger stamps go first (hand-written, as they were
-- created), then the table.
DROP TRIGGER IF EXISTS "Fill_stamp" ON "Fill";
DROP FUNCTION IF EXISTS "ledger_stamp_bump"();

-- DropForeignKey
ALTER TABLE "LedgerStamp" DROP CONSTRAINT "LedgerStamp_tenantId_fkey";

-- DropTable
DROP TABLE "LedgerStamp";
