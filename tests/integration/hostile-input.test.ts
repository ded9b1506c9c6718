/**
 * Hostile bytes reach no database and get no 500: control characters in action fields are
 * answered with a message next to the field, in a path segment with not-found, and every
 * export answers a period it cannot read with the same 400 and message. Runs on SQLite and
 * PostgreSQL (which refuses NUL in text outright).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);

import { seedDemo } from "../../prisma/seed";
import type { Db } from "../../lib/db/client";
import { authorizeCredentials } from "../../lib/auth/authorize";
import { createNote } from "../../lib/actions/create-note";
import { updateUser } from "../../lib/actions/update-user";
import { importFills } from "../../lib/actions/import-fills";
import { GET as overviewExport } from "../../app/[tenant]/overview/export/route";
import { GET as rankingsExport } from "../../app/[tenant]/rankings/export/route";
import { GET as regionExport } from "../../app/[tenant]/regions/[code]/export/route";
import { GET as entryExport } from "../../app/[tenant]/entry/export/route";
import { GET as targetsExport } from "../../app/[tenant]/targets/export/route";
import { testDb, testProvider } from "../support/db";
import { sessionUserFor, setSessionUser } from "../support/session-mock";

const BASE = "http://sti.test";
const NUL = "\u0000";

describe(`hostile bytes (${testProvider()})`, () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await seedDemo(db);
    setSessionUser(await sessionUserFor(db, "xiangxi-admin"));
  }, 180_000);

  it("a control character in a note or a name is refused next to its field, and nothing is written", async () => {
    const region = await db.region.findFirstOrThrow({ where: { code: "433122" } });
    const notes = await db.supervisionNote.count();
    const note = await createNote(null, { regionId: region.id, year: 2026, month: 6, body: `请核实${NUL}数据` });
    expect(note.ok).toBe(false);
    expect(!note.ok && note.errors).toEqual({ body: ["Validation.controlCharacters"] });
    const badRegion = await createNote(null, { regionId: `${region.id}${NUL}`, year: 2026, month: 6, body: "请核实" });
    expect(!badRegion.ok && badRegion.errors.regionId).toEqual(["Validation.controlCharacters"]);
    expect(await db.supervisionNote.count()).toBe(notes);

    const target = await db.user.findUniqueOrThrow({ where: { account: "xiangxi-433126" } });
    const renamed = await updateUser(null, { userId: target.id, name: `古丈\u001B县`, role: "LEADER" });
    expect(!renamed.ok && renamed.errors.name).toEqual(["Validation.controlCharacters"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(target.name);
  });

  it("a fill file with a control character in a cell is refused at that row and column, and nothing is written", async () => {
    const file = new File([`区域代码,指标代码,年,月,数值,备注\r\n433125,RD_EXP,2026,11,1,说${NUL}明\r\n`], "fills.csv", { type: "text/csv" });
    const form = new FormData();
    form.set("file", file);
    form.set("mode", "commit");
    const fills = await db.fill.count();
    const res = await importFills(null, form);
    expect(!res.ok && res.errors).toEqual({ "2|备注": ["Import.reasons.controlCharacters"] });
    expect(await db.fill.count()).toBe(fills);
  });

  it("a control character in an account name is a failed sign-in, not a database error", async () => {
    expect(await authorizeCredentials(db, { account: `xiangxi-admin${NUL}`, password: "demo1234" }, "198.51.100.30")).toBeNull();
  });

  it("a county code with a control character is not found", async () => {
    const res = await regionExport(new Request(`${BASE}/xiangxi/regions/4331${NUL}22/export`), { params: Promise.resolve({ tenant: "xiangxi", code: `4331${NUL}22` }) });
    expect(res.status).toBe(404);
  });

  it("every export answers a period it cannot read with the same 400 and message", async () => {
    const tenant = { params: Promise.resolve({ tenant: "xiangxi" }) };
    const bad = ["year=20x6&month=6", "year=2026&month=13", `year=2026${NUL}&month=6`];
    for (const query of bad) {
      const answers = await Promise.all([
        overviewExport(new Request(`${BASE}/xiangxi/overview/export?${query}`), tenant),
        rankingsExport(new Request(`${BASE}/xiangxi/rankings/export?${query}`), tenant),
        regionExport(new Request(`${BASE}/xiangxi/regions/433122/export?${query}`), { params: Promise.resolve({ tenant: "xiangxi", code: "433122" }) }),
        entryExport(new Request(`${BASE}/xiangxi/entry/export?${query}`), tenant),
        targetsExport(new Request(`${BASE}/xiangxi/targets/export?${query}`), tenant),
      ]);
      for (const res of answers) {
        expect(res.status, query).toBe(400);
        expect(await res.text()).toBe("Errors.badPeriod");
      }
    }
    // a readable period still exports
    const ok = await overviewExport(new Request(`${BASE}/xiangxi/overview/export?year=2026&month=6`), tenant);
    expect(ok.status).toBe(200);
  });
});
