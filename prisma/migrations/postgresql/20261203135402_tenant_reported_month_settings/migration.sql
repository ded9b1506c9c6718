-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "rankUnreported" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reportedSharePercent" INTEGER NOT NULL DEFAULT 100;

