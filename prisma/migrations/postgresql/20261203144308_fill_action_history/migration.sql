-- AlterEnum
ALTER TYPE "FillAction" ADD VALUE 'HISTORY';

