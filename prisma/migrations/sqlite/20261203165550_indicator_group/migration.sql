-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN "groupName" TEXT;

