import type { IsolationCase } from "../../support/isolation";

export const cases: IsolationCase[] = [
  { kind: "exempt", module: "i18n/actions", reason: "sets the interface-language cookie; reads and writes no tenant data" },
  { kind: "exempt", module: "app/api/auth/[...nextauth]/route", reason: "next-auth's own sign-in endpoints; sign-in is tested in tests/e2e and throttling tests" },
  { kind: "exempt", module: "app/api/health/route", reason: "the load balancer's health check: database reachable and migrations applied; reads no tenant data (health.test.ts)" },
];
