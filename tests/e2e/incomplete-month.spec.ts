/**
 * The truth of an incomplete month (the demo's clock: early December 2026, November's
 * deadline is 5 December). 花垣县 submits November early; the leader's overview, rankings and
 * county pages stay on October, the last reported month; choosing November shows the banner
 * "已报 1/9", 未报 and 待审核 marks and the states' legend; the bulletin for November warns,
 * asks for confirmation and names the counties that have not reported.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

async function typeValue(row: Locator) {
  const last = (await row.getAttribute("data-last")) ?? "";
  const precision = Number(await row.getAttribute("data-precision"));
  const base = last === "" ? 1 : Number(last);
  await row.locator("input[inputmode=decimal]").fill((base * 1.05).toFixed(precision));
}

async function confirmFlagged(page: Page) {
  const boxes = page.getByRole("checkbox", { name: "数值无误，确认保存" });
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    await boxes.nth(i).check();
    await page.getByPlaceholder("请说明原因（必填）").nth(i).fill("已与企业核实");
  }
}

test("one county reports November early: the dashboards stay on October, November is shown for what it is", async ({ page, freshPage }) => {
  test.setTimeout(180_000);
  // 花垣县 submits November before the deadline
  await signIn(page, "xiangxi-433124");
  await page.goto("/xiangxi/entry");
  await expect(page.getByText("花垣县 · 2026年11月")).toBeVisible();
  const rows = page.locator("tr[data-kind]:not([data-kind=RATIO])");
  const count = await rows.count();
  for (let i = 0; i < count; i++) await typeValue(rows.nth(i));
  await confirmFlagged(page);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已提交 ${count} 项` })).toBeVisible();

  // the leader's dashboards open on October
  const leader = await freshPage();
  await signIn(leader, "xiangxi-leader");
  await leader.goto("/xiangxi/overview");
  await expect(leader.getByText(/^2026年10月 全州/)).toBeVisible();
  await leader.goto("/xiangxi/rankings?indicator=TECH_CONTRACT");
  await expect(leader.getByText("技术合同成交额 · 2026年10月")).toBeVisible();
  await leader.goto("/xiangxi/regions/433124");
  await expect(leader.getByText(/2026年10月/).first()).toBeVisible();

  // November, chosen: the banner, the marks and the legend with its rules
  await leader.goto("/xiangxi/overview");
  await leader.getByLabel("月份").selectOption("11");
  await leader.getByRole("button", { name: "查看" }).click();
  await expect(leader).toHaveURL(/year=2026&month=11/);
  // 1/9 on its own; other specs of a full run may report November or add a unit as well
  await expect(leader.getByTestId("reporting-banner")).toContainText(/2026年11月：已报 \d\/\d+ 个县市区，报送截止 12月5日/);
  const heat = leader.getByRole("table", { name: "各地区指标完成情况（热力图）" });
  await expect(heat.locator("[data-state=MISSING]").first()).toHaveText("未报");
  // the usual state of the reported figures is named once; figures in another state carry a mark
  await expect(leader.getByTestId("heatmap-help")).toContainText("未加标注的数据均为待审核");
  await expect(leader.getByTestId("state-legend")).toContainText("未报的县市区不参与该指标排名");

  await leader.goto("/xiangxi/rankings?year=2026&month=11&indicator=TECH_CONTRACT");
  await expect(leader.getByTestId("reporting-banner")).toBeVisible();
  await expect(leader.getByTestId("rank-row-433124")).toContainText("待审核");
  const unreported = leader.getByTestId("rank-row-433101");
  await expect(unreported).toContainText("未报");
  await expect(unreported.getByRole("cell").first()).toHaveText("—");
  await leader.goto("/xiangxi/regions/433101?year=2026&month=11");
  await expect(leader.getByTestId("reporting-banner")).toBeVisible();
  await expect(leader.locator("[data-state=MISSING]").first()).toBeVisible();

  // the bulletin for November warns, then names the counties that have not reported
  const admin = await freshPage();
  await signIn(admin, "xiangxi-admin");
  await admin.goto("/xiangxi/bulletins");
  const form = admin.getByTestId("bulletin-generate");
  await form.getByLabel("期间类型").selectOption("MONTH");
  await form.getByLabel("年份").selectOption("2026");
  await form.getByLabel("期间", { exact: true }).selectOption({ label: "1—11月" });
  await form.getByRole("button", { name: "生成通报" }).click();
  await expect(form).toContainText(/尚未报送11月数据的县市区（\d+个）：[^。]*吉首市/);
  await form.getByRole("checkbox", { name: "我已知悉上述情况，仍然生成通报" }).check();
  await form.getByRole("button", { name: "生成通报" }).click();
  await admin.waitForURL(/\/xiangxi\/bulletins\/[^/]+$/);
  await expect(admin.getByTestId("bulletin-document")).toContainText(/截至12月\d+日，\S+?等\d+个县市区尚未报送11月数据（[^）]*吉首市/);
});
