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

// the transaction as the import runs it, with a pause after its second statement
const transaction = db.$transaction.bind(db) as (fn: (tx: object) => Promise<unknown>, options?: unknown) => Promise<unknown>;
let statements = 0;
db.$transaction = ((fn: (tx: object) => Promise<unknown>, options?: unknown) =>
  transaction(
    (tx) =>
      fn(
        new Proxy(tx, {
          get(target, prop, receiver) {
            const model = Reflect.get(target, prop, receiver) as object;
            if (prop !== "fill") return model;
            return new Proxy(model, {
              get(m, op, r) {
                const method = Reflect.get(m, op, r) as (...a: unknown[]) => Promise<unknown[]>;
                if (op !== "createManyAndReturn") return method;
                return async (...args: unknown[]) => {
                  const created = await method.apply(m, args);
                  if (++statements === 2) {
                    process.stdout.write(`IN-TRANSACTION ${process.pid} ${statements * created.length}\n`);
                    await new Promise((resolve) => setTimeout(resolve, holdMs));
                  }
                  return created;
                };
              },
            });
          },
        }),
      ),
    options,
  )) as typeof db.$transaction;

await writeImport(db, { tenantId: tenant.id, actorId: admin.id, status: "SUBMITTED", now: new Date() }, writes);
process.stdout.write("COMMITTED\n");
await db.$disconnect();
