/**
 * The one action client: every server action is made with `defineAction`. The pipeline is
 * the same for all: session → (member of a tenant) → must-change-password rule → permission
 * → zod-validated input → permission on the resource the input names → handler. Refusals
 * are ActionResults (`{ ok, message, errors }`), never a stack trace: unknown errors are
 * logged on the server and the user gets a plain message — a transient database failure
 * that outlasted the retries (lib/db/retry.ts) one that says nothing was changed and to try
 * again in a few seconds.
 *
 * Two scopes. "tenant" (the default): the tenant is taken from the session, never from the
 * input; a resource named by the input is looked up inside that tenant first and the
 * permission asked about it. "account": actions that are not about one tenant's data —
 * the caller's own account (no permission needed) and platform administration (a
 * platform permission such as "tenant.manage").
 *
 * One action per file under lib/actions/, named verb-noun (e.g. submit-fills.ts); the
 * isolation tests enumerate that folder.
 */
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getSessionUser } from "../auth/session";
import { isTenantMember, type SessionUser, type TenantMember } from "../auth/types";
import { db, type Db } from "../db/client";
import { isTransient } from "../db/retry";
import type { TenantContext } from "../data/context";
import { can, PermissionError, type Action, type Resource } from "../permissions";
import { localizeIssues } from "../schemas/messages";
import { CONTROL_CHARACTERS_MESSAGE, fieldsWithControlCharacters } from "../schemas/text";
import type { ActionResult, FieldErrors } from "./result";

export interface ActionContext {
  user: TenantMember;
  tenant: TenantContext;
  db: Db;
}

export interface AccountActionContext {
  user: SessionUser;
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

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v));

function toObject(input: Input): Record<string, unknown> {
  // a body that is not a form or a plain object (a crafted request) is an empty form: the
  // schema then names every required field
  if (!(input instanceof FormData)) return isPlainObject(input) ? input : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of input.entries()) {
    if (k.startsWith("$ACTION")) continue; // React's own fields
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v; // a File stays a File
  }
  return out;
}

interface CommonOptions<S extends z.ZodType> {
  schema: S;
  /** allowed while the user must still change their password (only the change itself) */
  allowWithPendingPasswordChange?: boolean;
}

export interface TenantActionOptions<S extends z.ZodType> extends CommonOptions<S> {
  scope?: "tenant";
  /** the permission this action needs; of a list, any one of them */
  action: Action | readonly Action[];
  /**
   * The resource the input names, looked up inside the caller's tenant (e.g. the fill's
   * region). Return null when it does not exist in this tenant: the action is refused as
   * not found. Without it, the permission is checked for the caller's own tenant.
   */
  resource?: (input: z.output<S>, ctx: ActionContext) => Promise<Resource | null>;
}

export interface AccountActionOptions<S extends z.ZodType> extends CommonOptions<S> {
  scope: "account";
  /**
   * The platform permission needed (asked without a resource). Absent only for actions on
   * the caller's own account (the password change), which every signed-in user may do.
   */
  action?: Action;
}

/** A server action usable with useActionState (prev, formData) or called with an object. */
export type ServerAction<T> = (prev: ActionResult<T> | null, input: Input) => Promise<ActionResult<T>>;

type Handler<S extends z.ZodType, C, T> = (input: z.output<S>, ctx: C) => Promise<ActionResult<T>>;
type Refuse = (message: string, errors?: FieldErrors) => never;

class Refusal extends Error {
  constructor(readonly result: ActionResult<never>) {
    super(result.message);
  }
}

async function parseInput<S extends z.ZodType>(schema: S, raw: Input, refuse: Refuse, invalid: string): Promise<z.output<S>> {
  const object = toObject(raw);
  const tv = await getTranslations("Validation");
  // before the schema, for every action alike: such text must never reach the database
  const hostile = fieldsWithControlCharacters(object);
  if (hostile.length > 0) return refuse(invalid, Object.fromEntries(hostile.map((f) => [f, [tv(CONTROL_CHARACTERS_MESSAGE)]])));
  const parsed = schema.safeParse(object);
  if (parsed.success) return parsed.data;
  return refuse(invalid, localizeIssues(parsed.error.issues, (k, v) => tv(k as never, v as never)));
}

/** May `user` do the action, or one of the actions, (on `resource`)? */
function canSome(user: SessionUser, action: Action | readonly Action[], resource?: Resource): boolean {
  return (typeof action === "string" ? [action] : action).some((a) => can(user, a, resource));
}

/** The handler's context, or why the resource the input names is refused. */
async function tenantContext<S extends z.ZodType>(user: TenantMember, options: TenantActionOptions<S>, input: z.output<S>): Promise<ActionContext | "notFound" | "forbidden"> {
  const ctx: ActionContext = {
    user,
    tenant: { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId, ...(user.subtree ? { subtree: user.subtree } : {}) },
    db,
  };
  const resource = options.resource ? await options.resource(input, ctx) : { tenantId: user.tenantId };
  if (!resource) return "notFound";
  if (!canSome(user, options.action, resource)) return "forbidden";
  return ctx;
}

export function defineAction<S extends z.ZodType, T = undefined>(options: TenantActionOptions<S>, handler: Handler<S, ActionContext, T>): ServerAction<T>;
export function defineAction<S extends z.ZodType, T = undefined>(options: AccountActionOptions<S>, handler: Handler<S, AccountActionContext, T>): ServerAction<T>;
export function defineAction<S extends z.ZodType, T>(
  options: TenantActionOptions<S> | AccountActionOptions<S>,
  handler: Handler<S, ActionContext, T> | Handler<S, AccountActionContext, T>,
): ServerAction<T> {
  return async (_prev, raw) => {
    const t = await getTranslations("Actions");
    const refuse: Refuse = (message, errors = {}) => {
      throw new Refusal({ ok: false, message, errors });
    };
    try {
      const user = await getSessionUser();
      if (!user) return refuse(t("signedOut"));
      const member = isTenantMember(user) ? user : null;
      if (options.scope !== "account" && !member) return refuse(t("forbidden"));
      if (user.mustChangePassword && !options.allowWithPendingPasswordChange) return refuse(t("mustChangePassword"));
      if (options.action && !canSome(user, options.action)) return refuse(t("forbidden"));
      const input = await parseInput(options.schema, raw, refuse, t("invalid"));
      if (options.scope === "account") return await (handler as Handler<S, AccountActionContext, T>)(input, { user, db });
      const ctx = await tenantContext(member!, options, input);
      if (typeof ctx === "string") return refuse(t(ctx));
      return await (handler as Handler<S, ActionContext, T>)(input, ctx);
    } catch (error) {
      if (error instanceof Refusal) return error.result;
      if (error instanceof ActionError) return { ok: false, message: error.message, errors: error.errors };
      if (error instanceof PermissionError) return { ok: false, message: t("forbidden"), errors: {} };
      console.error("[action]", options.action ?? "account", error);
      // a transaction was retried already (lib/db/retry.ts): what is still busy is said as such
      return { ok: false, message: t(isTransient(error) ? "busy" : "failed"), errors: {} };
    }
  };
}
