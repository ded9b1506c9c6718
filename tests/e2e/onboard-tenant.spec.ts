/**
 * A bureau adopts the product from its files alone: the platform admin creates the tenant
 * (湘潭市, with its issuing organ and area word), its administrator changes the one-time
 * password and, guided by the first-run checklist, imports the region tree, the catalogue,
 * the users, this year's targets and two years of history (a GBK CSV as WPS saves it), then
 * the current month. The overview shows the figures of the files and the checklist is gone.
 *
 * The figures are built so the expected ones are plain: each county reports a cumulative
 * 1.5 (雨湖区) and 2.5 (湘潭县) 亿元 a month, and the targets are a year of that — the city is
 * exactly on schedule, 4 × month 亿元, no change on last year.
 */
import iconv from "iconv-lite";
import { changePassword, expect, signIn, test } from "./fixtures";
import type { Page } from "@playwright/test";

const ROOT = "430300";
const COUNTIES = [
  { code: "430302", name: "雨湖区", level: "区", perMonth: 1.5 },
  { code: "430321", name: "湘潭县", level: "县", perMonth: 2.5 },
];

type Encoding = "gbk" | "utf8bom";
/** A CSV as spreadsheet software saves it: CRLF lines, GBK (WPS, Chinese Excel) or UTF-8 with a BOM. */
const csvFile = (name: string, lines: string[], encoding: Encoding) => {
  const text = lines.join("\r\n") + "\r\n";
  return { name, mimeType: "text/csv", buffer: encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from("\uFEFF" + text, "utf-8") };
};

/** The month now in China (the server's clock decides which months are history). */
function chinaMonth(): { year: number; month: number } {
  const d = new Date(Date.now() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** The `count` months before (year, month), oldest first. */
function monthsBefore(year: number, month: number, count: number): { year: number; month: number }[] {
  const out = [];
  for (let k = count; k >= 1; k--) {
    const index = year * 12 + (month - 1) - k;
    out.push({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }
  return out;
}

const figureRows = (periods: { year: number; month: number }[]) =>
  periods.flatMap(({ year, month }) => COUNTIES.map((c) => `${c.code},RD_EXP,${year},${month},${(c.perMonth * month).toFixed(2)},`));

/** Check a sheet import, then write it; `id` is the import form's prefix. */
async function importSheet(page: Page, id: string, file: ReturnType<typeof csvFile>, expectCheck: string, expectDone: string, reason?: string) {
  const form = page.getByTestId(`${id}-import`);
  await form.getByLabel("文件（.xlsx 或 .csv）").setInputFiles(file);
  if (reason) await form.getByLabel("补录原因").fill(reason);
  await form.getByRole("button", { name: "检查（不写入）" }).click();
  await expect(form.getByTestId(`${id}-result`)).toContainText(expectCheck);
  await form.getByRole("button", { name: id === "history" ? "写入历史数据" : "导入", exact: true }).click();
  await expect(form.getByTestId(`${id}-result`)).toContainText(expectDone);
}

test("a new tenant is onboarded from files alone, and its overview shows the files' figures", async ({ page, freshPage }) => {
  test.setTimeout(180_000);
  const { year, month } = chinaMonth();
  const history = monthsBefore(year, month, 24);

  // the platform admin creates the tenant with its level and words
  await signIn(page, "platform");
  const create = page.getByTestId("create-tenant-form");
  await create.getByLabel("租户标识").fill("xiangtan");
  await create.getByLabel("单位名称").fill("湘潭市");
  await create.getByLabel("本级行政区划代码").fill(ROOT);
  await create.getByLabel("本级地区名称").fill("湘潭市");
  await create.getByLabel("本级层级").selectOption({ label: "市（州）" });
  await create.getByLabel("发文机关").fill("湘潭市科学技术局");
  await create.getByLabel("单位简称").fill("湘潭市");
  await create.getByLabel("管理员账号").fill("xiangtan-admin");
  await create.getByLabel("管理员姓名").fill("湘潭市科技局管理员");
  await create.getByRole("button", { name: "新建租户" }).click();
  const secret = create.getByTestId("one-time-password").locator("code");
  await expect(secret).toHaveText(/^\S{12}$/);
  const oneTime = (await secret.textContent())!.trim();

  // its administrator chooses a password and lands on a checklist with everything to do
  const admin = await freshPage();
  await signIn(admin, "xiangtan-admin", oneTime);
  await changePassword(admin, oneTime, "Xiangtan#2026");
  await expect(admin).toHaveURL(/\/xiangtan\/overview$/);
  const checklist = admin.getByTestId("setup-checklist");
  await expect(checklist).toContainText("还有 6/6 步未完成");
  await expect(checklist.getByTestId("setup-regions")).toContainText("待完成 · 下设地区 0 个");

  // regions (GBK, as WPS saves a CSV), catalogue (UTF-8 with BOM), users (GBK)
  await admin.goto("/xiangtan/admin/regions");
  await importSheet(
    admin,
    "regions",
    csvFile("区域.csv", ["区域代码,区域名称,级别,上级代码,排序,启用", ...COUNTIES.map((c, i) => `${c.code},${c.name},${c.level},${ROOT},${i + 1},是`)], "gbk"),
    "检查通过：将新增 2 个，修改 0 个",
    "导入完成：新增 2 个，修改 0 个。",
  );
  await admin.goto("/xiangtan/admin/indicators");
  await importSheet(
    admin,
    "catalogue",
    csvFile("指标.csv", ["指标代码,指标名称,单位,统计口径,类型,方向,小数位数,权重,报送频率,分子指标代码,分母指标代码,系数,进度曲线", "RD_EXP,全社会研发经费投入,亿元,,累计值,越高越好,2,100,月报,,,,"], "utf8bom"),
    "检查通过：将新增 1 个，修改 0 个",
    "导入完成：新增 1 个",
  );
  await admin.goto("/xiangtan/admin/users");
  await importSheet(
    admin,
    "users",
    csvFile("账号.csv", ["账号,姓名,角色,区域代码", ...COUNTIES.map((c) => `xiangtan-${c.code},${c.name}填报员,填报员,${c.code}`), "xiangtan-leader,分管领导,领导,"], "gbk"),
    "检查通过：将新建 3 个账号",
    "已新建 3 个账号",
  );

  // this year's targets: a year of each county's pace, the city the sum
  await admin.goto(`/xiangtan/targets?year=${year}`);
  const targets = admin.getByTestId("target-import");
  await targets.getByLabel("Excel / CSV 文件（.xlsx、.csv）").setInputFiles(
    csvFile(
      "目标.csv",
      ["区域代码,区域名称,指标代码,指标名称,年度,目标值", `${ROOT},湘潭市,RD_EXP,全社会研发经费投入,${year},48`, ...COUNTIES.map((c) => `${c.code},${c.name},RD_EXP,全社会研发经费投入,${year},${c.perMonth * 12}`)],
      "gbk",
    ),
  );
  await targets.getByRole("button", { name: "导入", exact: true }).click();
  await expect(targets.getByTestId("import-result")).toContainText("导入完成：新增 3 个");

  // two years of history up to last month, one GBK file, with a reason
  await admin.goto("/xiangtan/entry");
  await importSheet(admin, "history", csvFile("历史数据.csv", ["区域代码,指标代码,年,月,数值,备注", ...figureRows(history)], "gbk"), "检查通过：将新增 48 个，修改 0 个", "导入完成：新增 48 个", "启用系统前的台账");
  await admin.goto("/xiangtan/overview");
  const pastYears = history.filter((p) => p.year < year).length;
  await expect(checklist.getByTestId("setup-history")).toContainText(`已完成 · 往年数据 ${pastYears} 个月`);
  await expect(checklist.getByTestId("setup-firstMonth")).toContainText("待完成 · 已报送 0 个月");
  await expect(checklist).toContainText("还有 1/6 步未完成");

  // the first month through the month import (submitted, to be reviewed)
  await admin.goto("/xiangtan/entry");
  await admin.getByLabel("选择文件").setInputFiles(csvFile("本月.csv", ["区域代码,指标代码,年,月,数值,备注", ...figureRows([{ year, month }])], "utf8bom"));
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByText("检查通过：2 行可以导入。")).toBeVisible();
  await admin.getByRole("button", { name: "导入", exact: true }).click();
  await expect(admin.getByText("已导入 2 行。")).toBeVisible();

  // the overview opens on this month with the files' figures; the checklist is done and gone
  await admin.goto("/xiangtan/overview");
  await expect(admin.getByTestId("setup-checklist")).toHaveCount(0);
  const main = admin.locator("main");
  await expect(main).toContainText(`${year}年${month}月 全市各项指标完成情况`);
  // the first screen's line of the indicator: its completion of the year's target (4 a month of 48)
  await expect(main).toContainText("全社会研发经费投入");
  await expect(main).toContainText(`${((month * 100) / 12).toFixed(1)}%`);
});
