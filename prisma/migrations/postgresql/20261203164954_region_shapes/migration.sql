-- CreateTable
CREATE TABLE "TenantMap" (
    "tenantId" TEXT NOT NULL,
    "attribution" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantMap_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "RegionShape" (
    "tenantId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "geometry" TEXT NOT NULL,

    CONSTRAINT "RegionShape_pkey" PRIMARY KEY ("tenantId","regionId")
);

-- AddForeignKey
ALTER TABLE "TenantMap" ADD CONSTRAINT "TenantMap_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionShape" ADD CONSTRAINT "RegionShape_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionShape" ADD CONSTRAINT "RegionShape_tenantId_regionId_fkey" FOREIGN KEY ("tenantId", "regionId") REFERENCES "Region"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

