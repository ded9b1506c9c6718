/**
 * Targets: the 湘西 admin imports next year's targets from an .xlsx file written
 * by LibreOffice, sees the city-versus-sum check, edits one cell and finds the change in the
 * audit trail. A malformed file reports its bad rows and changes nothing.
 */
import path from "node:path";
import { expect, signIn, test } from "./fixtures";

const fixtures = path.join(import.meta.dirname, "../fixtures");

test("the admin imports 2027 targets from a LibreOffice xlsx, checks city against counties, edits a cell and finds it audited", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/targets?year=2027");
  await expect(page.getByRole("heading", { name: "2027年度目标" })).toBeVisible();
  const jishouRd = page.getByLabel("吉首市 全社会研发经费投入 2027年目标");
  await expect(jishouRd).toHaveValue("");

  const importer = page.getByTestId("target-import");
  const file = importer.getByLabel("Excel / CSV 文件（.xlsx、.csv）");

  // a malformed file: every bad row listed, nothing written
  await file.setInputFiles(path.join(fixtures, "targets-2027-malformed.xlsx"));
  await importer.getByRole("button", { name: "导入", exact: true }).click();
  await expect(importer.getByTestId("import-result")).toContainText("文件有 7 处错误，未写入任何数据。");
  const issues = importer.getByTestId("import-issues");
  await expect(issues.getByRole("row")).toHaveCount(8);
  await expect(issues).toContainText("区域代码“999999”不存在");
  await expect(issues).toContainText("“一点一”不是数字");
  await expect(issues).toContainText("与第 2 行重复");
  await expect(issues).toContainText("年度应为 2027");
  await page.reload();
  await expect(page.getByLabel("吉首市 全社会研发经费投入 2027年目标")).toHaveValue("");

  // the real file: check first, then import
  await file.setInputFiles(path.join(fixtures, "targets-2027.xlsx"));
  await importer.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(importer.getByTestId("import-result")).toContainText("检查通过：50 行可以导入，0 行目标值为空、不作改动。");
  await importer.getByRole("button", { name: "导入", exact: true }).click();
  await expect(importer.getByTestId("import-result")).toContainText("导入完成：新增 50 个");

  // the grid now holds the targets, with the sum of the counties against the city's own
  await expect(jishouRd).toHaveValue("1.90");
  await expect(page.getByTestId("sum-RD_EXP")).toHaveText("11.07");
  await expect(page.getByTestId("check-RD_EXP")).toContainText("低于市级目标 0.43");
  await expect(page.getByTestId("check-TALENT")).toContainText("与市级目标一致");
  await expect(page.getByTestId("check-TSME")).toContainText("高于市级目标 2");

  // edit one cell: saved on leaving it, the check follows
  await jishouRd.fill("2.00");
  await jishouRd.press("Tab");
  await expect(page.getByTestId("sum-RD_EXP")).toHaveText("11.17");
  await expect(page.getByTestId("check-RD_EXP")).toContainText("低于市级目标 0.33");

  // a bad value is refused next to the cell
  const fenghuang = page.getByLabel("凤凰县 全社会研发经费投入 2027年目标");
  await fenghuang.fill("1.234");
  await fenghuang.press("Tab");
  await expect(page.getByText("该指标最多 2 位小数。")).toBeVisible();

  // the audit trail names the change
  await page.goto("/xiangxi/admin/audit?entity=Target");
  const row = page.getByTestId("audit-table").getByRole("row").filter({ hasText: "吉首市 · 全社会研发经费投入 · 2027" }).filter({ hasText: "由 1.90 改为 2.00" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("xiangxi-admin");
});

test("a leader reads the targets without editing; a reporter sees only their own row", async ({ freshPage }) => {
  const leader = await freshPage();
  await signIn(leader, "xiangxi-leader");
  await leader.goto("/xiangxi/targets?year=2026");
  await expect(leader.getByTestId("target-grid")).toBeVisible();
  await expect(leader.getByTestId("target-grid").getByRole("textbox")).toHaveCount(0);
  await expect(leader.getByTestId("target-import")).toHaveCount(0);
  await expect(leader.getByTestId("check-RD_EXP")).toBeVisible();

  const reporter = await freshPage();
  await signIn(reporter, "xiangxi-433125");
  await reporter.goto("/xiangxi/targets?year=2026");
  const rows = reporter.getByTestId("target-grid").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("保靖县");
  await expect(reporter.getByTestId("target-grid").getByRole("textbox")).toHaveCount(0);
  await expect(reporter.getByTestId("check-RD_EXP")).toHaveCount(0);
});

test("the export is an xlsx of the caller's tenant only", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  const ok = await page.request.get("/xiangxi/targets/export?year=2026");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toContain("spreadsheetml");
  const other = await page.request.get("/huaihua/targets/export?year=2026");
  expect(other.status()).toBe(404);
});
