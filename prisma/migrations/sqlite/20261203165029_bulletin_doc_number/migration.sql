-- AlterTable
ALTER TABLE "Bulletin" ADD COLUMN "docNumber" TEXT;

