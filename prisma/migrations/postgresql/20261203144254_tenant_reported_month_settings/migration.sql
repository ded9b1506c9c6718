-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "countPending" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "rankUnreported" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reportedSharePercent" INTEGER NOT NULL DEFAULT 100;

