-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TenantRole" AS ENUM ('ADMIN', 'LEADER', 'REPORTER');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'PREFECTURE', 'COUNTY', 'COUNTY_CITY', 'DISTRICT', 'ZONE');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('CUMULATIVE', 'STOCK', 'INCREMENT', 'RATIO');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "FillStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "FillAction" AS ENUM ('CREATE', 'UPDATE', 'SUBMIT', 'APPROVE', 'RETURN', 'UNLOCK', 'IMPORT');

-- CreateEnum
CREATE TYPE "LockState" AS ENUM ('LOCKED', 'OPEN');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'GRANTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "NoteStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "BulletinPeriod" AS ENUM ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR');

-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "tenantId" TEXT,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "passwordChangedAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantSettings" (
    "tenantId" TEXT NOT NULL,
    "deadlineDay" INTEGER NOT NULL DEFAULT 5,
    "behindGap" BIGINT NOT NULL DEFAULT 0,
    "seriousGap" BIGINT NOT NULL DEFAULT -10000000,
    "fullMarks" BIGINT NOT NULL DEFAULT 100000000,
    "bonusPerPercent" BIGINT NOT NULL DEFAULT 100000,
    "bonusCap" BIGINT NOT NULL DEFAULT 4000000,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "ScoreTier" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "minScore" BIGINT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ScoreTier_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Region" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "TenantRole" NOT NULL,
    "regionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("tenantId","userId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "kind" "IndicatorKind" NOT NULL,
    "direction" "Direction" NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    "precision" INTEGER NOT NULL DEFAULT 2,
    "weight" BIGINT NOT NULL DEFAULT 0,
    "frequency" "Frequency" NOT NULL DEFAULT 'MONTHLY',
    "numeratorId" TEXT,
    "denominatorId" TEXT,
    "ratioFactor" BIGINT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "IndicatorCurvePoint" (
    "tenantId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "share" BIGINT NOT NULL,

    CONSTRAINT "IndicatorCurvePoint_pkey" PRIMARY KEY ("tenantId","indicatorId","month")
);

-- CreateTable
CREATE TABLE "Target" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Fill" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "FillStatus" NOT NULL DEFAULT 'DRAFT',
    "reviewReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fill_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "FillAudit" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "fillId" TEXT NOT NULL,
    "action" "FillAction" NOT NULL,
    "oldValue" BIGINT,
    "newValue" BIGINT,
    "oldStatus" "FillStatus",
    "newStatus" "FillStatus",
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FillAudit_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PeriodLock" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "state" "LockState" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodLock_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "UnlockRequest" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "openUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnlockRequest_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "SupervisionNote" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3),
    "status" "NoteStatus" NOT NULL DEFAULT 'OPEN',
    "authorId" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNote_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "NoteReply" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteReply_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "periodType" "BulletinPeriod" NOT NULL,
    "year" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "BulletinStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_account_key" ON "User"("account");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_id_key" ON "User"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreTier_tenantId_label_key" ON "ScoreTier"("tenantId", "label");

-- CreateIndex
CREATE INDEX "Region_tenantId_parentId_idx" ON "Region"("tenantId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Region_tenantId_code_key" ON "Region"("tenantId", "code");

-- CreateIndex
CREATE INDEX "Membership_tenantId_regionId_idx" ON "Membership"("tenantId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_tenantId_code_key" ON "Indicator"("tenantId", "code");

-- CreateIndex
CREATE INDEX "Target_tenantId_year_idx" ON "Target"("tenantId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Target_tenantId_regionId_indicatorId_year_key" ON "Target"("tenantId", "regionId", "indicatorId", "year");

-- CreateIndex
CREATE INDEX "Fill_tenantId_year_month_idx" ON "Fill"("tenantId", "year", "month");

-- CreateIndex
CREATE INDEX "Fill_tenantId_indicatorId_year_idx" ON "Fill"("tenantId", "indicatorId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Fill_tenantId_regionId_indicatorId_year_month_key" ON "Fill"("tenantId", "regionId", "indicatorId", "year", "month");

-- CreateIndex
CREATE INDEX "FillAudit_tenantId_fillId_createdAt_idx" ON "FillAudit"("tenantId", "fillId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodLock_tenantId_year_month_key" ON "PeriodLock"("tenantId", "year", "month");

-- CreateIndex
CREATE INDEX "UnlockRequest_tenantId_status_idx" ON "UnlockRequest"("tenantId", "status");

-- CreateIndex
CREATE INDEX "UnlockRequest_tenantId_regionId_year_month_idx" ON "UnlockRequest"("tenantId", "regionId", "year", "month");

-- CreateIndex
CREATE INDEX "SupervisionNote_tenantId_status_idx" ON "SupervisionNote"("tenantId", "status");

-- CreateIndex
CREATE INDEX "SupervisionNote_tenantId_regionId_year_month_idx" ON "SupervisionNote"("tenantId", "regionId", "year", "month");

-- CreateIndex
CREATE INDEX "NoteReply_tenantId_noteId_createdAt_idx" ON "NoteReply"("tenantId", "noteId", "createdAt");

-- CreateIndex
CREATE INDEX "Bulletin_tenantId_year_periodType_period_idx" ON "Bulletin"("tenantId", "year", "periodType", "period");

-- CreateIndex
CREATE INDEX "Bulletin_tenantId_status_idx" ON "Bulletin"("tenantId", "status");

-- CreateIndex
CREATE INDEX "AuditEntry_tenantId_createdAt_idx" ON "AuditEntry"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_tenantId_entity_entityId_idx" ON "AuditEntry"("tenantId", "entity", "entityId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantSettings" ADD CONSTRAINT "TenantSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreTier" ADD CONSTRAINT "ScoreTier_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_tenantId_numeratorId_fkey" FOREIGN KEY ("tenantId", "numeratorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_tenantId_denominatorId_fkey" FOREIGN KEY ("tenantId", "denominatorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "IndicatorCurvePoint" ADD CONSTRAINT "IndicatorCurvePoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorCurvePoint" ADD CONSTRAINT "IndicatorCurvePoint_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Fill" ADD CONSTRAINT "Fill_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fill" ADD CONSTRAINT "Fill_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Fill" ADD CONSTRAINT "Fill_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FillAudit" ADD CONSTRAINT "FillAudit_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FillAudit" ADD CONSTRAINT "FillAudit_tenantId_fillId_fkey" FOREIGN KEY ("tenantId", "fillId") REFERENCES "Fill"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PeriodLock" ADD CONSTRAINT "PeriodLock_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "NoteReply" ADD CONSTRAINT "NoteReply_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteReply" ADD CONSTRAINT "NoteReply_tenantId_noteId_fkey" FOREIGN KEY ("tenantId", "noteId") REFERENCES "SupervisionNote"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

