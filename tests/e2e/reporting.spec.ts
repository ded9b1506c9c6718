/**
 * Reporting: the 保靖县 reporter fills and submits November; the admin returns one
 * value with a reason; the reporter sees it at the field, corrects and resubmits; the admin
 * approves; the cell is then locked with its reason shown. (Today is 2026-11-22: October
 * closed on Nov 5, November is open for entry until Dec 5.)
 */
import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

async function typeValue(row: Locator, factor: number) {
  const last = (await row.getAttribute("data-last")) ?? "";
  const precision = Number(await row.getAttribute("data-precision"));
  const base = last === "" ? 1 : Number(last);
  const value = (base * factor).toFixed(precision);
  await row.locator("input[inputmode=decimal]").fill(value);
  return value;
}

/** Ticks and explains every value the checks flagged. */
async function confirmFlagged(page: Page) {
  const boxes = page.getByRole("checkbox", { name: "数值无误，确认保存" });
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    await boxes.nth(i).check();
    await page.getByPlaceholder("请说明原因（必填）").nth(i).fill("已与企业核实");
  }
}

test("reporter submits, admin returns one value, reporter corrects, admin approves, the cell locks", async ({ page, freshPage }) => {
  test.setTimeout(120_000);
  // 1. the reporter fills November and submits
  await signIn(page, "xiangxi-433125");
  await page.goto("/xiangxi/entry?region=433122");
  await expect(page.getByText("保靖县 · 2026年11月")).toBeVisible();
  await expect(page.getByText("泸溪县")).toHaveCount(0);
  await expect(page.getByTestId("period-lock")).toContainText("本月正在填报期内");
  const rows = page.locator("tr[data-kind]:not([data-kind=RATIO])");
  const count = await rows.count();
  expect(count).toBe(16); // 18 indicators, 2 of them ratios
  for (let i = 0; i < count; i++) await typeValue(rows.nth(i), 1.1);
  // the ratio is computed from the typed parts, never typed
  const intensity = page.getByTestId("row-RD_INTENSITY");
  await expect(intensity.locator("input")).toHaveCount(0);
  await expect(intensity.locator("output")).toHaveText(/^\d+\.\d{2}$/);
  // live completion against 序时进度 (November: 11/12 = 91.7 % unless a curve says otherwise)
  await expect(page.getByTestId("row-RD_EXP")).toContainText("序时 91.7%");
  await confirmFlagged(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已提交 16 项" })).toBeVisible();
  await expect(page.getByTestId("row-RD_EXP")).toContainText("已提交");

  // 2. the admin returns 全社会研发经费投入 with a reason
  const admin = await freshPage();
  await signIn(admin, "xiangxi-admin");
  await admin.goto("/xiangxi/review?region=433125&year=2026&month=11");
  await expect(admin.getByRole("heading", { name: "保靖县 2026年11月" })).toBeVisible();
  const rd = admin.getByTestId("review-RD_EXP");
  // each value with its change from last month, at the indicator's precision
  await expect(admin.getByTestId("change-RD_EXP")).toHaveText(/^\+\d[\d,]*\.\d{2}$/);
  await rd.getByRole("button", { name: /退回/ }).click();
  await rd.getByLabel("退回原因").fill("与统计局快报不一致，请核实");
  await rd.getByRole("button", { name: "确认退回" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();
  await expect(rd).toContainText("已退回");

  // 3. the reporter sees the reason at the field, corrects and resubmits
  await page.reload();
  await expect(page.getByTestId("returned-RD_EXP")).toHaveText("退回原因：与统计局快报不一致，请核实");
  const corrected = await typeValue(page.getByTestId("row-RD_EXP"), 1.08);
  await confirmFlagged(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已提交 1 项" })).toBeVisible();

  // 4. the admin sees the history and approves everything
  await admin.reload();
  await expect(rd).toContainText("已提交");
  await rd.getByText(/修改记录/).click();
  await expect(rd.getByText("原因：与统计局快报不一致，请核实")).toBeVisible();
  await admin.getByRole("checkbox", { name: /全选/ }).check();
  await admin.getByRole("button", { name: "批准所选（16）" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已批准 16 项" })).toBeVisible();

  // 5. the cell is locked, with its reason shown
  await page.reload();
  const cell = page.getByTestId("row-RD_EXP");
  await expect(cell.locator("input[inputmode=decimal]")).toHaveCount(0);
  await expect(cell).toContainText(Number(corrected).toFixed(2));
  await expect(page.getByTestId("lock-RD_EXP")).toContainText("已审核通过");
  await expect(page.getByTestId("lock-RD_EXP")).toContainText("自");
});

test("the admin reads a county's month, sees completeness, and an import dry run lists every bad row", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "xiangxi-admin");
  // completeness board: October 2026 (the latest month with figures)
  await page.goto("/xiangxi/completeness?year=2026&month=10");
  await expect(page.getByTestId("completeness-433126")).toContainText("逾期报送");
  await expect(page.getByTestId("completeness-433130")).toContainText("逾期未报");
  // a county's month past its deadline: locked for the admin too (entering on a county's behalf needs an open month)
  await page.goto("/xiangxi/entry?region=433122&year=2026&month=10");
  await expect(page.getByText("泸溪县 · 2026年10月")).toBeVisible();
  await expect(page.getByTestId("period-lock")).toContainText("已过报送截止时间");
  await expect(page.locator("input[inputmode=decimal]")).toHaveCount(0);
  // import dry run
  const csv = "\uFEFF区域代码,指标代码,年,月,数值,备注\r\n433122,RD_EXP,2026,10,1,\r\n999999,RD_EXP,2026,11,1,\r\n433125,RD_INTENSITY,2026,11,abc,\r\n";
  await page.getByLabel("选择文件").setInputFiles({ name: "fills.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf-8") });
  await page.getByRole("button", { name: "检查文件" }).click();
  const issues = page.getByTestId("import-issues");
  await expect(issues).toContainText("该月已锁定");
  await expect(issues).toContainText("区域代码 999999 不存在");
  await expect(issues).toContainText("RD_INTENSITY 为计算指标，不能导入");
  await expect(page.getByRole("button", { name: "导入", exact: true })).toBeDisabled();
});
