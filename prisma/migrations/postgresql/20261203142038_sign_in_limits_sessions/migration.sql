-- Throttling counters are transient: the old shape is not carried over.
DELETE FROM "SignInAttempt";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SignInAttempt" DROP COLUMN "failures",
DROP COLUMN "lockedUntil",
DROP COLUMN "updatedAt",
DROP COLUMN "windowStart",
ADD COLUMN     "expire" TIMESTAMP(3),
ADD COLUMN     "points" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "RevokedSession" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

