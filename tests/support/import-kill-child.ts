/**
 * The process tests/integration/import-kill.test.ts kills: it commits a month import of
 * every fillable indicator of the bench counties (BK…) of 湘西州 through the import's write
 * (lib/data/fill-import.ts) on the database of DATABASE_URL. Once the transaction has
 * written its first statements it prints "IN-TRANSACTION <pid> <cells written so far>" and holds
 * the transaction open, so that the kill lands inside it; "COMMITTED" if it ever finishes.
 */
import { createDb } from "../../lib/db/client";
import { databaseUrl } from "../../lib/db/url";
import { writeImport, type ImportWrite } from "../../lib/data/fill-import";
import { Decimal } from "../../lib/decimal";

const db = createDb(databaseUrl());
const [period, holdMs] = [{ year: Number(process.argv[2]), month: Number(process.argv[3]) }, Number(process.argv[4] ?? "60000")];

const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
const admin = await db.user.findFirstOrThrow({ where: { tenantId: tenant.id, membership: { role: "ADMIN" } } });
const regions = await db.region.findMany({ where: { tenantId: tenant.id, code: { startsWith: "BK" } }, orderBy: { code: "asc" } });
const indicators = await db.indicator.findMany({ where: { tenantId: tenant.id, active: true, kind: { not: "RATIO" } } });
const writes: ImportWrite[] = regions.flatMap((r, k) =>
  indicators.map((i, n) => ({ regionId: r.id, indicatorId: i.id, ...period, value: new Decimal(100 + ((k + n) % 50)), note: "", reason: "导入：kill.csv", existing: null })),
);

// the transaction as the import runs it, with a pause after its second INSERT of new cells
const transaction = db.$transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, options?: unknown) => Promise<unknown>;
let statements = 0;
let written = 0;
db.$transaction = ((fn: (tx: object) => Promise<unknown>, options?: unknown) =>
  transaction(
    (tx) =>
      fn(
        new Proxy(tx, {
          get(target, prop, receiver) {
            const execute = Reflect.get(target, prop, receiver) as (sql: string, ...values: unknown[]) => Promise<number>;
            if (prop !== "$executeRawUnsafe") return execute;
            return async (sql: string, ...values: unknown[]) => {
              const count = await execute.call(target, sql, ...values);
              if (sql.startsWith('INSERT INTO "Fill" ')) {
                written += count;
                if (++statements === 2) {
                  process.stdout.write(`IN-TRANSACTION ${process.pid} ${written}\n`);
                  await new Promise((resolve) => setTimeout(resolve, holdMs));
                }
              }
              return count;
            };
          },
        }),
      ),
    options,
  )) as typeof db.$transaction;

await writeImport(db, { tenantId: tenant.id, actorId: admin.id, status: "SUBMITTED", now: new Date() }, writes);
process.stdout.write("COMMITTED\n");
await db.$disconnect();
