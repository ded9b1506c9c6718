/**
 * The tenant-scoped action client: every server action goes through `tenantAction`.
 * Session → member of a tenant → zod-validated input → permission on the resource →
 * handler with a TenantContext. The tenant is taken from the session, never from the
 * input; a resource named by the input is looked up inside that tenant first and the
 * permission asked about it. Failures never leak internals: unknown errors are logged
 * on the server and the user gets a plain message.
 *
 * One action per file under lib/actions/, named verb-noun (e.g. submit-fills.ts); the
 * isolation tests enumerate that folder.
 */
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getSessionUser } from "../auth/session";
import { isTenantMember, type SessionUser, type TenantMember } from "../auth/types";
import { db, type Db } from "../db/client";
import type { TenantContext } from "../data/context";
import { can, PermissionError, type Action, type Resource } from "../permissions";
import { localizeIssues } from "../schemas/messages";
import type { ActionResult, FieldErrors } from "./result";

export interface ActionContext {
  user: TenantMember;
  tenant: TenantContext;
  db: Db;
}

/** A refusal the handler can throw with a message for the user (already translated). */
export class ActionError extends Error {
  constructor(message: string, readonly errors: FieldErrors = {}) {
    super(message);
    this.name = "ActionError";
  }
}

type Input = FormData | Record<string, unknown>;

function toObject(input: Input): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of input.entries()) {
    if (k.startsWith("$ACTION")) continue; // React's own fields
    const value = typeof v === "string" ? v : v; // File stays a File
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], value);
    else out[k] = value;
  }
  return out;
}

export interface TenantActionOptions<S extends z.ZodType> {
  /** the permission this action needs */
  action: Action;
  schema: S;
  /**
   * The resource the input names, looked up inside the caller's tenant (e.g. the fill's
   * region). Return null when it does not exist in this tenant: the action is refused as
   * not found. Without it, the permission is checked for the caller's own tenant.
   */
  resource?: (input: z.output<S>, ctx: ActionContext) => Promise<Resource | null>;
  /** allowed while the user must still change their password (only the change itself) */
  allowWithPendingPasswordChange?: boolean;
}

/**
 * Wraps a handler into a server action usable with useActionState (prev, formData) or
 * called directly with an object.
 */
export function tenantAction<S extends z.ZodType, T = undefined>(
  options: TenantActionOptions<S>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
): (prev: ActionResult<T> | null, input: Input) => Promise<ActionResult<T>> {
  return async (_prev, raw) => {
    const t = await getTranslations("Actions");
    const refuse = (message: string, errors: FieldErrors = {}): ActionResult<T> => ({ ok: false, message, errors });
    try {
      const user = await getSessionUser();
      if (!user) return refuse(t("signedOut"));
      if (!isTenantMember(user)) return refuse(t("forbidden"));
      if (user.mustChangePassword && !options.allowWithPendingPasswordChange) return refuse(t("mustChangePassword"));
      if (!can(user, options.action)) return refuse(t("forbidden"));

      const parsed = options.schema.safeParse(toObject(raw));
      if (!parsed.success) {
        const tv = await getTranslations("Validation");
        return refuse(t("invalid"), localizeIssues(parsed.error.issues, (k, v) => tv(k as never, v as never)));
      }
      const ctx: ActionContext = {
        user,
        tenant: { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId },
        db,
      };
      const resource = options.resource ? await options.resource(parsed.data, ctx) : { tenantId: user.tenantId };
      if (!resource) return refuse(t("notFound"));
      if (!can(user, options.action, resource)) return refuse(t("forbidden"));
      return await handler(parsed.data, ctx);
    } catch (error) {
      if (error instanceof ActionError) return refuse(error.message, error.errors);
      if (error instanceof PermissionError) return refuse(t("forbidden"));
      console.error("[action]", options.action, error);
      return refuse(t("failed"));
    }
  };
}

export interface UserActionContext {
  user: SessionUser;
  db: Db;
}

export interface UserActionOptions<S extends z.ZodType> {
  schema: S;
  /**
   * The permission needed (asked without a resource: platform-scoped actions such as
   * "tenant.manage"). Absent only for actions on the caller's own account (the password
   * change), which every signed-in user may do.
   */
  action?: Action;
  allowWithPendingPasswordChange?: boolean;
}

/**
 * The action client for actions that are not about one tenant's data: the caller's own
 * account (any signed-in user) and platform administration (permission "tenant.manage").
 * Same contract as tenantAction: session → permission → zod → handler; refusals as
 * ActionResult, never a stack trace.
 */
export function userAction<S extends z.ZodType, T = undefined>(
  options: UserActionOptions<S>,
  handler: (input: z.output<S>, ctx: UserActionContext) => Promise<ActionResult<T>>,
): (prev: ActionResult<T> | null, input: Input) => Promise<ActionResult<T>> {
  return async (_prev, raw) => {
    const t = await getTranslations("Actions");
    const refuse = (message: string, errors: FieldErrors = {}): ActionResult<T> => ({ ok: false, message, errors });
    try {
      const user = await getSessionUser();
      if (!user) return refuse(t("signedOut"));
      if (user.mustChangePassword && !options.allowWithPendingPasswordChange) return refuse(t("mustChangePassword"));
      if (options.action && !can(user, options.action)) return refuse(t("forbidden"));
      const parsed = options.schema.safeParse(toObject(raw));
      if (!parsed.success) {
        const tv = await getTranslations("Validation");
        return refuse(t("invalid"), localizeIssues(parsed.error.issues, (k, v) => tv(k as never, v as never)));
      }
      return await handler(parsed.data, { user, db });
    } catch (error) {
      if (error instanceof ActionError) return refuse(error.message, error.errors);
      if (error instanceof PermissionError) return refuse(t("forbidden"));
      console.error("[action]", options.action ?? "account", error);
      return refuse(t("failed"));
    }
  };
}
