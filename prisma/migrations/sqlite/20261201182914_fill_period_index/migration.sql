-- DropIndex
DROP INDEX "Fill_tenantId_year_month_idx";

-- CreateIndex
CREATE INDEX "Fill_period_idx" ON "Fill"("tenantId", "year", "month", "regionId", "indicatorId", "status", "submittedAt");

