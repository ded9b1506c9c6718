-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "childTargets" BOOLEAN NOT NULL DEFAULT true;

