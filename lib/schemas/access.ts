/**
 * Schemas of sign-in, password and user/tenant administration. Custom messages are keys of
 * the "Validation" catalogue namespace.
 */
import { z } from "zod";
import { REGION_LEVELS, wordingFields } from "./admin";

export const PASSWORD_MIN_LENGTH = 8;

const id = z.string().trim().min(1).max(64);
const accountName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "accountFormat" });
const personName = z.string().trim().min(1).max(64);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH, { message: "passwordLength" }).max(256),
    confirmPassword: z.string().min(1).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordsDiffer", path: ["confirmPassword"] });

const roleSchema = z.enum(["ADMIN", "LEADER", "REPORTER"]);

export const createUserSchema = z.object({
  account: accountName,
  name: personName,
  role: roleSchema,
  /** required for reporters (their county); for admins and leaders their scope, empty: the root (or a subtree-bound creator's own region) */
  regionId: z.string().trim().max(64).optional().default(""),
});

export const updateUserSchema = z.object({
  userId: id,
  name: personName,
  role: roleSchema,
  regionId: z.string().trim().max(64).optional().default(""),
});

export const userIdSchema = z.object({ userId: id });

export const setUserActiveSchema = z.object({
  userId: id,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const createTenantSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[a-z][a-z0-9-]*$/, { message: "slugFormat" }),
  name: z.string().trim().min(1).max(64),
  rootCode: z.string().trim().regex(/^\d{6}$/, { message: "regionCodeFormat" }),
  rootName: z.string().trim().min(1).max(64),
  /** the tenant's own level: 省, 市州, … (its counties and cities come with the region import) */
  rootLevel: z.enum(REGION_LEVELS).refine((l) => l !== "ZONE"),
  issuer: wordingFields.issuer,
  /** blank: the tenant's name */
  shortName: z.string().trim().max(32).default(""),
  /** blank: from the root's level (全省, 全州, 全市) */
  areaWord: z.string().trim().max(8).default(""),
  adminAccount: accountName,
  adminName: personName,
});
