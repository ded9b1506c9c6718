-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TenantSettings" (
    "tenantId" TEXT NOT NULL PRIMARY KEY,
    "deadlineDay" INTEGER NOT NULL DEFAULT 5,
    "behindGap" BIGINT NOT NULL DEFAULT 0,
    "seriousGap" BIGINT NOT NULL DEFAULT -10000000,
    "fullMarks" BIGINT NOT NULL DEFAULT 100000000,
    "bonusPerPercent" BIGINT NOT NULL DEFAULT 100000,
    "bonusCap" BIGINT NOT NULL DEFAULT 4000000,
    "reportedSharePercent" INTEGER NOT NULL DEFAULT 100,
    "rankUnreported" BOOLEAN NOT NULL DEFAULT false,
    "countPending" BOOLEAN NOT NULL DEFAULT true,
    "issuer" TEXT NOT NULL DEFAULT '',
    "shortName" TEXT NOT NULL DEFAULT '',
    "areaWord" TEXT NOT NULL DEFAULT '全市',
    "childTargets" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TenantSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TenantSettings" ("behindGap", "bonusCap", "bonusPerPercent", "countPending", "deadlineDay", "fullMarks", "rankUnreported", "reportedSharePercent", "seriousGap", "tenantId", "updatedAt", "issuer", "shortName", "areaWord") SELECT "behindGap", "bonusCap", "bonusPerPercent", "countPending", "deadlineDay", "fullMarks", "rankUnreported", "reportedSharePercent", "seriousGap", "tenantId", "updatedAt", "issuer", "shortName", "areaWord" FROM "TenantSettings";
DROP TABLE "TenantSettings";
ALTER TABLE "new_TenantSettings" RENAME TO "TenantSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

