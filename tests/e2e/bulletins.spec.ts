/**
 * Bulletins: the 湘西 admin generates the half-year bulletin for the latest June
 * of the demo data, its text names the counties below 序时进度, the admin publishes it, a
 * reporter reads it, and Chromium's PDF of the print layout carries the title and the
 * laggard sentences (text extracted with poppler's pdftotext).
 */
import { execFileSync } from "node:child_process";
import { expect, signIn, test } from "./fixtures";

const TITLE = "湘西土家族苗族自治州2026年上半年科技创新工作情况分析通报";
// the demo data's June 2026: counties below 序时进度 on 全社会研发经费投入, worst first
const RD_LAGGARDS = [
  "保靖县仅完成目标任务的23.7%，低于序时进度26.3个百分点",
  "龙山县完成目标任务的40.7%，低于序时进度9.3个百分点",
  "泸溪县完成目标任务的42.4%，低于序时进度7.6个百分点",
  "古丈县完成目标任务的46.4%，低于序时进度3.6个百分点",
  "花垣县完成目标任务的47.5%，低于序时进度2.5个百分点",
  "凤凰县完成目标任务的47.9%，低于序时进度2.1个百分点",
];

test.describe.configure({ mode: "serial" });

test("the admin generates and publishes the half-year bulletin; a reporter reads it; its PDF carries the laggards", async ({ page, freshPage }, testInfo) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/bulletins");
  const form = page.getByTestId("bulletin-generate");
  await form.getByLabel("期间类型").selectOption("HALF_YEAR");
  await form.getByLabel("年份").selectOption("2026");
  await form.getByLabel("期间", { exact: true }).selectOption({ label: "上半年" });
  await form.getByRole("button", { name: "生成通报" }).click();
  // a region another spec adds to the tree has not reported June: the form then asks to confirm
  const confirm = form.getByLabel("我已知悉上述情况，仍然生成通报");
  const opened = /\/xiangxi\/bulletins\/[^/]+$/;
  await Promise.race([page.waitForURL(opened), confirm.waitFor()]);
  if (await confirm.isVisible()) {
    await confirm.check();
    await form.getByRole("button", { name: "生成通报" }).click();
  }
  await page.waitForURL(opened);

  const doc = page.getByTestId("bulletin-document");
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("bulletin-status")).toHaveText("草稿");
  for (const sentence of RD_LAGGARDS) await expect(doc).toContainText(sentence);
  // the counties at or above 序时进度 on the indicator are not named as laggards
  await expect(doc).not.toContainText("吉首市仅完成");
  await expect(doc).toContainText("同比增长5.7%");
  await expect(page.getByTestId("bulletin-table-composite")).toContainText("保靖县");

  // an added paragraph, then publish
  const edit = page.getByTestId("bulletin-edit");
  await edit.getByLabel("在“四、下一步工作”末尾添加段落").fill("请各县市区于下月5日前报送整改措施。");
  await edit.getByRole("button", { name: "保存修改" }).click();
  await expect(edit.getByRole("status")).toHaveText("修改已保存。");
  await page.reload();
  await expect(doc).toContainText("请各县市区于下月5日前报送整改措施。");

  await page.getByTestId("bulletin-publish").getByRole("button", { name: "发布通报" }).click();
  await expect(page.getByTestId("bulletin-status")).toHaveText("已发布");
  await expect(page.getByTestId("bulletin-edit")).toHaveCount(0);
  const bulletinPath = new URL(page.url()).pathname;

  // a reporter (保靖县) reads the published bulletin from the archive
  const reporter = await freshPage();
  await signIn(reporter, "xiangxi-433125");
  await reporter.goto("/xiangxi/bulletins");
  await reporter.getByRole("link", { name: TITLE }).click();
  await reporter.waitForURL(`**${bulletinPath}`);
  const readerDoc = reporter.getByTestId("bulletin-document");
  await expect(readerDoc.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(readerDoc).toContainText(RD_LAGGARDS[0]);
  await expect(reporter.getByTestId("bulletin-publish")).toHaveCount(0);

  // the print layout as a PDF (A4 from the page's own @page rule), read back as text
  await reporter.goto(`${bulletinPath}/print`);
  await reporter.emulateMedia({ media: "print" });
  const file = testInfo.outputPath("bulletin.pdf");
  await reporter.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const flat = text.replace(/\s+/g, "");
  expect(flat).toContain(TITLE);
  for (const sentence of RD_LAGGARDS) expect(flat).toContain(sentence);
  // the page numbers of the @page margin boxes, and no application chrome
  expect(flat).toContain("—1—");
  expect(flat).not.toContain("退出登录");
});

test("in the English interface the chrome is English and the published document stays Chinese", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await signIn(page, "xiangxi-leader");
  await page.goto("/xiangxi/bulletins");
  await expect(page.getByRole("heading", { level: 1, name: "Bulletins" })).toBeVisible();
  await page.getByRole("link", { name: TITLE }).first().click();
  await expect(page.getByRole("link", { name: "Back to bulletins" })).toBeVisible();
  await expect(page.getByTestId("bulletin-status")).toHaveText("Published");
  const doc = page.getByTestId("bulletin-document");
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(doc).toContainText(RD_LAGGARDS[0]);
  await expect(page.getByTestId("bulletin-edit")).toHaveCount(0);
});
