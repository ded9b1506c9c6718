-- CreateTable
CREATE TABLE "LedgerStamp" (
    "tenantId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tenantId", "year"),
    CONSTRAINT "LedgerStamp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Every insert, delete and figure-changing update of a fill bumps the stamp of its
-- (tenant, year). The dashboards reuse their cached roll-ups of past years while the stamps
-- of those years stand still (docs/decisions/009-past-years-roll-up-cache.md). Triggers are
-- not expressible in the model: they live here only. No stamp is written for a tenant that
-- is being deleted (its fills go by cascade after it).
CREATE TRIGGER "Fill_stamp_insert" AFTER INSERT ON "Fill"
BEGIN
  INSERT INTO "LedgerStamp" ("tenantId", "year", "version") VALUES (NEW."tenantId", NEW."year", 1)
  ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "Fill_stamp_update" AFTER UPDATE OF "tenantId", "regionId", "indicatorId", "year", "month", "value", "status" ON "Fill"
BEGIN
  INSERT INTO "LedgerStamp" ("tenantId", "year", "version") VALUES (NEW."tenantId", NEW."year", 1)
  ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "version" + 1;
  INSERT INTO "LedgerStamp" ("tenantId", "year", "version")
  SELECT OLD."tenantId", OLD."year", 1 WHERE OLD."tenantId" <> NEW."tenantId" OR OLD."year" <> NEW."year"
  ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "Fill_stamp_delete" AFTER DELETE ON "Fill"
BEGIN
  INSERT INTO "LedgerStamp" ("tenantId", "year", "version")
  SELECT OLD."tenantId", OLD."year", 1 WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE "id" = OLD."tenantId")
  ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "version" + 1;
END;
