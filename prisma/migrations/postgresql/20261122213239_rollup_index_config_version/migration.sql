-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "configVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Fill_rollup_idx" ON "Fill"("tenantId", "regionId", "indicatorId", "year", "month", "status", "value");

