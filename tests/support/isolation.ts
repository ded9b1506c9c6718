/**
 * The isolation matrix (issue "Access"): every server action and route handler of the
 * app is called as every role of tenant A (xiangxi) with the ids of tenant B's (huaihua)
 * rows, and — for region-scoped roles — of another region's rows of tenant A. Nothing may
 * be read or written; the answer must be a refusal.
 *
 * Each feature declares its cases in tests/integration/isolation/<feature>.cases.ts,
 * exporting `cases: IsolationCase[]`. The harness (tests/integration/isolation.test.ts)
 * enumerates every "use server" module and every app route handler and fails when one
 * is not covered by a case, so a new action cannot be forgotten.
 */
import type { Db } from "../../lib/db/client";

export type AttackRole = "ADMIN" | "LEADER" | "REPORTER" | "PLATFORM_ADMIN";

/** The demo seed's two tenants, looked up once per run. */
export interface TenantRefs {
  tenantId: string;
  slug: string;
  rootRegionId: string;
  /** county-level regions in sort order */
  regionIds: string[];
  /** the region of the REPORTER account the harness signs in as (tenant A: 保靖县 433125, account xiangxi-433125) */
  reporterRegionId: string;
  /** a county of the same tenant that is NOT the reporter's (tenant A: 泸溪县 433122) */
  otherRegionId: string;
  indicatorIds: Record<string, string>;
}

export interface Attack {
  label: string;
  /** what the action receives (it is turned into FormData for form actions) */
  input: Record<string, unknown>;
  /** the roles of tenant A that must be refused (default: all of ADMIN, LEADER, REPORTER) */
  roles?: AttackRole[];
}

export interface ActionCase {
  kind: "action";
  /** module path from the repo root without extension, e.g. "lib/actions/submit-fills" */
  module: string;
  /** the exported function */
  exportName: string;
  attacks: (env: { db: Db; a: TenantRefs; b: TenantRefs }) => Promise<Attack[]>;
}

export interface RouteCase {
  kind: "route";
  /** route file from the repo root, e.g. "app/api/v1/[tenant]/overview/route.ts" */
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  attacks: (env: { db: Db; a: TenantRefs; b: TenantRefs }) => Promise<{ label: string; request: Request; params: Record<string, string>; roles?: AttackRole[] }[]>;
}

/** A module or route that touches no tenant data, with the reason (e.g. the language switch). */
export interface Exemption {
  kind: "exempt";
  module: string;
  reason: string;
}

export type IsolationCase = ActionCase | RouteCase | Exemption;
