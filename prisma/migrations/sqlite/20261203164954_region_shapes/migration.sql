-- CreateTable
CREATE TABLE "TenantMap" (
    "tenantId" TEXT NOT NULL PRIMARY KEY,
    "attribution" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TenantMap_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegionShape" (
    "tenantId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "geometry" TEXT NOT NULL,

    PRIMARY KEY ("tenantId", "regionId"),
    CONSTRAINT "RegionShape_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegionShape_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region" ("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

