/**
 * Onboarding from files: the 怀化 admin brings in a region tree (a GBK CSV as WPS saves it)
 * and a catalogue (an Excel "CSV UTF-8" file) through the admin pages — each checked first
 * (a preview of what would be created and changed), then imported — and creates accounts
 * from a users sheet, whose one-time passwords come back once as an .xlsx; a new account
 * signs in with its password and is asked to choose its own. It works in 怀化市, whose entry and
 * dashboards the other specs leave alone (the regions and indicators it adds would change theirs).
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import fs from "node:fs";
import { expect, signIn, test } from "./fixtures";

const csvFile = (name: string, lines: string[], encoding: "gbk" | "utf8bom") => ({
  name,
  mimeType: "text/csv",
  buffer: encoding === "gbk" ? iconv.encode(lines.join("\r\n") + "\r\n", "gbk") : Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf-8"),
});

test("the admin imports a region tree and a catalogue from files (check, then import) and creates accounts whose passwords come back once", async ({ page, freshPage }) => {
  test.setTimeout(120_000);
  await signIn(page, "huaihua-admin");

  // the region tree: a bad file lists its problems, a good one previews, then imports
  await page.goto("/huaihua/admin/regions");
  const regions = page.getByTestId("regions-import");
  const regionFile = regions.getByLabel("文件（.xlsx 或 .csv）");
  await regionFile.setInputFiles(csvFile("区域-错误.csv", ["区域代码,区域名称,级别,上级代码,排序,启用", "43129,短代码,园区,431200,,"], "gbk"));
  await regions.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(regions.getByTestId("regions-result")).toContainText("文件有 1 处问题，未写入任何数据。");
  await expect(regions.getByTestId("sheet-import-issues")).toContainText("应为 6 位数字的行政区划代码");

  await regionFile.setInputFiles(csvFile("区域.csv", ["区域代码,区域名称,级别,上级代码,排序,启用", "431290,怀化经开区,园区,431200,40,是", "431291,经开区二园,园区,431290,,"], "gbk"));
  await regions.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(regions.getByTestId("regions-result")).toContainText("检查通过：将新增 2 个，修改 0 个");
  await expect(regions.getByTestId("sheet-import-preview")).toContainText("经开区二园");
  await expect(page.getByTestId("region-431290")).toHaveCount(0);
  await regions.getByRole("button", { name: "导入", exact: true }).click();
  await expect(regions.getByTestId("regions-result")).toContainText("导入完成：新增 2 个，修改 0 个。");
  await page.reload();
  await expect(page.getByTestId("region-431291")).toContainText("经开区二园");

  // the catalogue: a ratio of two indicators made in the same file
  await page.goto("/huaihua/admin/indicators");
  const catalogue = page.getByTestId("catalogue-import");
  await catalogue.getByLabel("文件（.xlsx 或 .csv）").setInputFiles(
    csvFile(
      "指标.csv",
      [
        "指标代码,指标名称,单位,统计口径,类型,方向,小数位数,权重,报送频率,分子指标代码,分母指标代码,系数,进度曲线",
        "E2E_RATE,试点转化率,%,,比率,越高越好,1,0,年报,E2E_DONE,E2E_ALL,100,",
        "E2E_DONE,已转化项目,项,,累计值,,0,,,,,,线性",
        "E2E_ALL,登记项目,项,,累计值,,0,,,,,,",
      ],
      "utf8bom",
    ),
  );
  await catalogue.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(catalogue.getByTestId("catalogue-result")).toContainText("检查通过：将新增 3 个，修改 0 个");
  await catalogue.getByRole("button", { name: "导入", exact: true }).click();
  await expect(catalogue.getByTestId("catalogue-result")).toContainText("导入完成：新增 3 个");
  await page.reload();
  await expect(page.getByTestId("catalogue-table")).toContainText("试点转化率");

  // users: the passwords come back once, as an .xlsx
  await page.goto("/huaihua/admin/users");
  const users = page.getByTestId("users-import");
  await users.getByLabel("文件（.xlsx 或 .csv）").setInputFiles(csvFile("账号.csv", ["账号,姓名,角色,区域代码", "e2e-431202,鹤城新填报员,填报员,431202", "e2e-leader,新领导,领导,"], "gbk"));
  await users.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(users.getByTestId("users-result")).toContainText("检查通过：将新建 2 个账号");
  await users.getByRole("button", { name: "导入", exact: true }).click();
  await expect(users.getByTestId("users-result")).toContainText("已新建 2 个账号");
  const download = page.waitForEvent("download");
  await users.getByTestId("sheet-import-download").click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const row = wb.worksheets[0]!.getRow(2).values as unknown[];
  expect(row.slice(1, 4)).toEqual(["e2e-431202", "鹤城新填报员", "填报员"]);
  const password = String(row[5]);
  expect(password).toMatch(/^[A-Za-z0-9]{12}$/);

  // the new reporter signs in with it and must choose their own password first
  const other = await freshPage();
  await signIn(other, "e2e-431202", password);
  await expect(other).toHaveURL(/\/account\/password/);
});
