-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "areaWord" TEXT NOT NULL DEFAULT '全市',
ADD COLUMN     "issuer" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shortName" TEXT NOT NULL DEFAULT '';


-- Existing tenants keep the wording they had before it became a setting (docs/decisions/024):
-- the name as short name, the issuer their bulletins carried, the area word by the root's level.
UPDATE "TenantSettings" SET
  "shortName" = (SELECT t."name" FROM "Tenant" t WHERE t."id" = "TenantSettings"."tenantId"),
  "issuer" = (SELECT t."name" || '科学技术局' FROM "Tenant" t WHERE t."id" = "TenantSettings"."tenantId"),
  "areaWord" = CASE
    WHEN EXISTS (SELECT 1 FROM "Region" r WHERE r."tenantId" = "TenantSettings"."tenantId" AND r."parentId" IS NULL AND r."level" = 'PROVINCE') THEN '全省'
    WHEN (SELECT t."name" FROM "Tenant" t WHERE t."id" = "TenantSettings"."tenantId") LIKE '%州' THEN '全州'
    ELSE '全市'
  END;
