-- CreateTable
CREATE TABLE "LedgerStamp" (
    "tenantId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LedgerStamp_pkey" PRIMARY KEY ("tenantId","year")
);

-- AddForeignKey
ALTER TABLE "LedgerStamp" ADD CONSTRAINT "LedgerStamp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Every insert, delete and figure-changing update of a fill bumps the stamp of its
-- (tenant, year). The dashboards reuse their cached roll-ups of past years while the stamps
-- of those years stand still (docs/decisions/009-past-years-roll-up-cache.md). Triggers are
-- not expressible in the model: they live here only. No stamp is written for a tenant that
-- is being deleted (its fills go by cascade after it), and a fill moved to another year
-- bumps both years.
--
-- The function's body is an escape string with every semicolon written as \073: the
-- PostgreSQL driver adapter splits a migration at each semicolon character, quoted or not,
-- so a dollar-quoted PL/pgSQL body would be cut into pieces.
CREATE FUNCTION "ledger_stamp_bump"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP <> ''DELETE'' THEN
    INSERT INTO "LedgerStamp" ("tenantId", "year", "version") VALUES (NEW."tenantId", NEW."year", 1)
    ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "LedgerStamp"."version" + 1\073
    IF TG_OP = ''INSERT'' THEN
      RETURN NULL\073
    END IF\073
    IF OLD."tenantId" = NEW."tenantId" AND OLD."year" = NEW."year" THEN
      RETURN NULL\073
    END IF\073
  END IF\073
  INSERT INTO "LedgerStamp" ("tenantId", "year", "version")
  SELECT OLD."tenantId", OLD."year", 1 WHERE EXISTS (SELECT 1 FROM "Tenant" WHERE "id" = OLD."tenantId")
  ON CONFLICT ("tenantId", "year") DO UPDATE SET "version" = "LedgerStamp"."version" + 1\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Fill_stamp" AFTER INSERT OR DELETE OR UPDATE OF "tenantId", "regionId", "indicatorId", "year", "month", "value", "status" ON "Fill"
FOR EACH ROW EXECUTE FUNCTION "ledger_stamp_bump"();
