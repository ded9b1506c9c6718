/**
 * Bulletins end to end below the UI: generate, edit, publish through the server actions
 * (session mocked), visibility by role, audit entries, the xlsx and docx export routes — on
 * the demo data, on SQLite and PostgreSQL alike.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyTranslator, signInAs, signedIn } from "../support/bulletin-mocks";

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => signedIn.user,
  requireUser: async () => signedIn.user,
}));
vi.mock("next-intl/server", () => ({ getTranslations: keyTranslator }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { testDb } = await import("../support/db");
const { seedDemo } = await import("../../prisma/seed");
const { generateBulletin } = await import("../../lib/actions/generate-bulletin");
const { saveBulletin } = await import("../../lib/actions/save-bulletin");
const { publishBulletin } = await import("../../lib/actions/publish-bulletin");
const { getBulletin, listBulletins } = await import("../../lib/data/bulletins");
const { GET: exportRoute } = await import("../../app/[tenant]/bulletins/[id]/export/route");
const { GET: docxRoute } = await import("../../app/[tenant]/bulletins/[id]/docx/route");

const db = testDb();
let xiangxiId: string;
let bulletinId: string;

beforeAll(async () => {
  await seedDemo(db);
  xiangxiId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
}, 180_000);
afterAll(() => db.$disconnect());

const ctxOf = (role: "ADMIN" | "LEADER" | "REPORTER") => ({ tenantId: xiangxiId, userId: null, role, regionId: null });
const h1 = { periodType: "HALF_YEAR", year: "2026", period: "1" };
const exportFor = (id: string, tenant = "xiangxi") =>
  exportRoute(new Request(`http://test/${tenant}/bulletins/${id}/export`), { params: Promise.resolve({ tenant, id }) });
const docxFor = (id: string, tenant = "xiangxi") => docxRoute(new Request(`http://test/${tenant}/bulletins/${id}/docx`), { params: Promise.resolve({ tenant, id }) });
/** The text of a .docx's body: the runs of word/document.xml, tags dropped. */
async function docxParts(response: Response) {
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const xml = await zip.file("word/document.xml")!.async("string");
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
  return { xml, text: xml.replace(/<[^>]+>/g, ""), footers, media: Object.keys(zip.files).filter((f) => f.startsWith("word/media/")) };
}

describe("bulletins", () => {
  it("refuses generation to leaders and reporters, and for a period without figures", async () => {
    await signInAs(db, "xiangxi-leader");
    expect(await generateBulletin(null, h1)).toMatchObject({ ok: false, message: "forbidden" });
    await signInAs(db, "xiangxi-433125");
    expect(await generateBulletin(null, h1)).toMatchObject({ ok: false, message: "forbidden" });
    await signInAs(db, "xiangxi-admin");
    expect(await generateBulletin(null, { periodType: "HALF_YEAR", year: "2026", period: "2" })).toMatchObject({ ok: false, message: "noDataYet" });
    expect(await generateBulletin(null, { periodType: "QUARTER", year: "2026", period: "5" })).toMatchObject({ ok: false, errors: { period: expect.any(Array) } });
  });

  it("generates the half-year draft from the figures and audits it", async () => {
    const admin = await signInAs(db, "xiangxi-admin");
    const result = await generateBulletin(null, h1);
    expect(result).toMatchObject({ ok: true, message: "generated" });
    bulletinId = (result as { data: { id: string } }).data.id;
    const record = (await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!;
    expect(record.status).toBe("DRAFT");
    expect(record.title).toBe("湘西土家族苗族自治州2026年上半年科技创新工作情况分析通报");
    const text = record.document.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("");
    expect(text).toContain("保靖县的全社会研发经费投入（23.7%）");
    const audit = await db.auditEntry.findMany({ where: { tenantId: xiangxiId, entity: "Bulletin", entityId: bulletinId } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["bulletin.generate", admin.userId]]);
    // generating the same period again regenerates that draft instead of adding one
    expect(await generateBulletin(null, h1)).toMatchObject({ ok: true, message: "regenerated", data: { id: bulletinId } });
  });

  it("hides drafts from reporters (list, page data and export), shows them to leaders", async () => {
    expect(await listBulletins(db, ctxOf("REPORTER"), { includeDrafts: false })).toEqual([]);
    expect(await getBulletin(db, ctxOf("REPORTER"), bulletinId, { includeDrafts: false })).toBeNull();
    expect((await listBulletins(db, ctxOf("LEADER"), { includeDrafts: true })).map((b) => b.id)).toEqual([bulletinId]);
    await signInAs(db, "xiangxi-433125");
    expect((await exportFor(bulletinId)).status).toBe(404);
    await signInAs(db, "xiangxi-leader");
    expect((await exportFor(bulletinId)).status).toBe(200);
  });

  it("saves edits that keep the figures, refuses those that drop or invent numbers", async () => {
    await signInAs(db, "xiangxi-admin");
    const before = (await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!;
    const intro = before.document.sections[0].paragraphs[0];
    const figures = before.document.sections[0].paragraphs[1];
    const ok = await saveBulletin(null, { id: bulletinId, updatedAt: before.updatedAt, [`p:${intro.id}`]: `${intro.text}（经局务会审定）`, "add:next": "请各县市区于下月5日前报送整改措施。" });
    expect(ok).toMatchObject({ ok: true, message: "saved" });
    const after = (await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!;
    expect(after.document.sections[0].paragraphs[0]).toMatchObject({ text: `${intro.text}（经局务会审定）`, edited: true });
    expect(after.document.sections.find((s) => s.id === "next")!.paragraphs.at(-1)).toMatchObject({ origin: "custom", text: "请各县市区于下月5日前报送整改措施。" });
    // a stale copy is refused
    expect(await saveBulletin(null, { id: bulletinId, updatedAt: before.updatedAt, [`p:${intro.id}`]: "x" })).toMatchObject({ ok: false, message: "stale" });
    const dropped = await saveBulletin(null, { id: bulletinId, updatedAt: after.updatedAt, [`p:${figures.id}`]: figures.text.replace("7.96", "八") });
    expect(dropped).toMatchObject({ ok: false, errors: { [`p:${figures.id}`]: ["problem.figureRemoved"] } });
    const audit = await db.auditEntry.findMany({ where: { tenantId: xiangxiId, entityId: bulletinId, action: "bulletin.edit" } });
    expect(audit).toHaveLength(1);
  });

  it("takes a 发文字号 in the GB/T 9704 form, reading look-alike brackets as 〔〕", async () => {
    await signInAs(db, "xiangxi-admin");
    const before = (await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!;
    expect(await saveBulletin(null, { id: bulletinId, updatedAt: before.updatedAt, docNumber: "湘西科通2026-3" })).toMatchObject({ ok: false, errors: { docNumber: ["docNumberFormat"] } });
    expect(await saveBulletin(null, { id: bulletinId, updatedAt: before.updatedAt, docNumber: "湘西科通[2026]3号" })).toMatchObject({ ok: true });
    expect((await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!.docNumber).toBe("湘西科通〔2026〕3号");
    // regenerating without a number keeps the draft's
    expect(await generateBulletin(null, h1)).toMatchObject({ ok: true, message: "regenerated" });
    expect((await getBulletin(db, ctxOf("ADMIN"), bulletinId, { includeDrafts: true }))!.docNumber).toBe("湘西科通〔2026〕3号");
    expect(await generateBulletin(null, { ...h1, docNumber: "3号" })).toMatchObject({ ok: false, errors: { docNumber: ["docNumberFormat"] } });
  });

  it("exports a .docx that opens and carries the title, the 发文字号, the figures, 图1, the county map and page numbers", async () => {
    await signInAs(db, "xiangxi-433125");
    expect((await docxFor(bulletinId)).status).toBe(404);
    await signInAs(db, "xiangxi-leader");
    const response = await docxFor(bulletinId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
    const { xml, text, footers, media } = await docxParts(response);
    expect(text).toContain("湘西土家族苗族自治州2026年上半年");
    expect(text).toContain("科技创新工作情况分析通报");
    expect(text).toContain("湘西科通〔2026〕3号");
    expect(text).toContain("全社会研发经费投入完成7.96亿元");
    expect(text).toContain("保靖县综合得分61.2分");
    // the tables: 表2's first row, the 单位 kept on one line
    expect(text).toContain("表2 各县市区主要指标完成率");
    expect(text).toContain("亿\u2060元");
    // A4 with the GB/T 9704 margins (twips), the red 版头, 图1 as an image, "— n —" footers
    const section = xml.match(/<w:sectPr>.*<\/w:sectPr>/)![0];
    expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(section).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml.includes('w:color="C00000"')).toBe(true);
    // 图1 and the county map (图2) with its caption, the zone it cannot draw and the outlines' attribution
    expect(media.filter((f) => f.endsWith(".png"))).toHaveLength(2);
    expect(text).toContain("图2 各县市区科技创新综合得分等次（1—6月）");
    expect(text).toMatch(/注：湘西高新区（.档）无单独边界，图中未绘出。/);
    expect(text).toContain("mapAttribution");
    expect(text).toContain("（详见表3、图1、图2）");
    expect(footers.length).toBe(2);
    for (const footer of footers) expect(footer.replace(/<[^>]+>/g, "")).toMatch(/— .*PAGE.* —/);
  });

  it("publishes once; then every role reads it and nobody edits it", async () => {
    await signInAs(db, "xiangxi-leader");
    expect(await publishBulletin(null, { id: bulletinId })).toMatchObject({ ok: false, message: "forbidden" });
    const admin = await signInAs(db, "xiangxi-admin");
    expect(await publishBulletin(null, { id: bulletinId })).toMatchObject({ ok: true, message: "published" });
    expect(await publishBulletin(null, { id: bulletinId })).toMatchObject({ ok: false, message: "alreadyPublished" });
    const row = await db.bulletin.findUniqueOrThrow({ where: { tenantId_id: { tenantId: xiangxiId, id: bulletinId } } });
    expect(row).toMatchObject({ status: "PUBLISHED", publishedById: admin.userId });
    expect(await saveBulletin(null, { id: bulletinId, "add:next": "x" })).toMatchObject({ ok: false, message: "alreadyPublished" });
    expect((await listBulletins(db, ctxOf("REPORTER"), { includeDrafts: false })).map((b) => b.id)).toEqual([bulletinId]);

    await signInAs(db, "xiangxi-433125");
    const response = await exportFor(bulletinId);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["表1", "表2", "表3"]);
    expect(workbook.getWorksheet("表2")!.getRow(3).values).toEqual([undefined, "全社会研发经费投入", 50, 55.5, 42.4, 47.9, 47.5, 23.7, 46.4, 50, 40.7, 64.5]);
    const actions = (await db.auditEntry.findMany({ where: { tenantId: xiangxiId, entityId: bulletinId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toContain("bulletin.publish");
  });

  it("tells when the figures moved after generation, and regenerates only on request", async () => {
    await signInAs(db, "xiangxi-admin");
    const result = await generateBulletin(null, h1); // a new draft: the previous one is published
    const id = (result as { data: { id: string } }).data.id;
    expect(id).not.toBe(bulletinId);
    const { isOutdated } = await import("../../lib/data/bulletins");
    const draft = (await getBulletin(db, ctxOf("ADMIN"), id, { includeDrafts: true }))!;
    expect(await isOutdated(db, ctxOf("ADMIN"), draft)).toBe(false);
    const fill = await db.fill.findFirstOrThrow({ where: { tenantId: xiangxiId, year: 2026, month: 6, region: { code: "433125" }, indicator: { code: "RD_EXP" } } });
    await db.fill.update({ where: { tenantId_id: { tenantId: xiangxiId, id: fill.id } }, data: { value: fill.value + 100_000n } });
    expect(await isOutdated(db, ctxOf("ADMIN"), draft)).toBe(true);
    // nothing changed silently: the stored text is the old one until the admin regenerates
    expect((await getBulletin(db, ctxOf("ADMIN"), id, { includeDrafts: true }))!.document.dataHash).toBe(draft.document.dataHash);
    expect(await generateBulletin(null, h1)).toMatchObject({ ok: true, message: "regenerated", data: { id } });
    const fresh = (await getBulletin(db, ctxOf("ADMIN"), id, { includeDrafts: true }))!;
    expect(await isOutdated(db, ctxOf("ADMIN"), fresh)).toBe(false);
    // the published bulletin keeps the text it was published with
    const published = (await getBulletin(db, ctxOf("REPORTER"), bulletinId, { includeDrafts: false }))!;
    expect(published.document.dataHash).toBe(draft.document.dataHash);
    await db.fill.update({ where: { tenantId_id: { tenantId: xiangxiId, id: fill.id } }, data: { value: fill.value } });
  });

  it("leaves the map out of the bulletin of a tenant without outlines: no image, no caption, no reference", async () => {
    const hunan = await signInAs(db, "hunan-admin");
    const result = await generateBulletin(null, h1);
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    const record = (await getBulletin(db, { tenantId: hunan.tenantId!, userId: null, role: "ADMIN", regionId: null }, id, { includeDrafts: true }))!;
    expect(record.document.map).toBeUndefined();
    const { text, media } = await docxParts(await docxFor(id, "hunan"));
    expect(media.filter((f) => f.endsWith(".png"))).toHaveLength(1);
    expect(text).not.toContain("图2");
    expect(text).not.toContain("mapAttribution");
  });

  it("keeps tenants apart: huaihua's admin can neither read, edit, publish nor export xiangxi's bulletin", async () => {
    await signInAs(db, "huaihua-admin");
    expect(await publishBulletin(null, { id: bulletinId })).toMatchObject({ ok: false, message: "notFound" });
    expect(await saveBulletin(null, { id: bulletinId, "add:next": "x" })).toMatchObject({ ok: false, message: "notFound" });
    expect((await exportFor(bulletinId, "huaihua")).status).toBe(404);
    expect((await exportFor(bulletinId, "xiangxi")).status).toBe(404);
    expect((await docxFor(bulletinId, "huaihua")).status).toBe(404);
  });
});
