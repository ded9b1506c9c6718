-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "tenantId" TEXT,
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "passwordChangedAt" DATETIME,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TenantSettings" (
    "tenantId" TEXT NOT NULL PRIMARY KEY,
    "deadlineDay" INTEGER NOT NULL DEFAULT 5,
    "behindGap" BIGINT NOT NULL DEFAULT 0,
    "seriousGap" BIGINT NOT NULL DEFAULT -10000000,
    "fullMarks" BIGINT NOT NULL DEFAULT 100000000,
    "bonusPerPercent" BIGINT NOT NULL DEFAULT 100000,
    "bonusCap" BIGINT NOT NULL DEFAULT 4000000,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TenantSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreTier" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "minScore" BIGINT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "ScoreTier_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Region" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "Region_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Region_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "userId"),
    CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User" ("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT "Membership_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "Indicator" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    "precision" INTEGER NOT NULL DEFAULT 2,
    "weight" BIGINT NOT NULL DEFAULT 0,
    "frequency" TEXT NOT NULL DEFAULT 'MONTHLY',
    "numeratorId" TEXT,
    "denominatorId" TEXT,
    "ratioFactor" BIGINT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "Indicator_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_tenantId_numeratorId_fkey" FOREIGN KEY ("tenantId", "numeratorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Indicator_tenantId_denominatorId_fkey" FOREIGN KEY ("tenantId", "denominatorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "IndicatorCurvePoint" (
    "tenantId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "share" BIGINT NOT NULL,

    PRIMARY KEY ("tenantId", "indicatorId", "month"),
    CONSTRAINT "IndicatorCurvePoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IndicatorCurvePoint_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "Target_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Target_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Target_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "reviewReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "submittedAt" DATETIME,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "Fill_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Fill_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "Fill_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "FillAudit" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "fillId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "oldValue" BIGINT,
    "newValue" BIGINT,
    "oldStatus" TEXT,
    "newStatus" TEXT,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "FillAudit_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FillAudit_tenantId_fillId_fkey" FOREIGN KEY ("tenantId", "fillId") REFERENCES "Fill" ("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "PeriodLock" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "PeriodLock_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnlockRequest" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    "openUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "UnlockRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnlockRequest_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
    "dueDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "authorId" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "SupervisionNote_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNote_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
    CONSTRAINT "SupervisionNote_tenantId_indicatorId_fkey" FOREIGN KEY ("tenantId", "indicatorId") REFERENCES "Indicator" ("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "NoteReply" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "NoteReply_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoteReply_tenantId_noteId_fkey" FOREIGN KEY ("tenantId", "noteId") REFERENCES "SupervisionNote" ("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "periodType" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "publishedById" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "Bulletin_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("tenantId", "id"),
    CONSTRAINT "AuditEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

