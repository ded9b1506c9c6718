/**
 * Dashboards: the 湘西 leader reads the overview, opens the ranking of
 * 技术合同成交额, sees the laggards below the 序时进度 line, opens 保靖县 and leaves a
 * 督办 note, which the 保靖县 reporter then sees (and answers).
 */
import { expect, failedResourceStatus, signIn, test } from "./fixtures";

const NOTE = "技术合同成交额严重滞后于序时进度，请于月底前报送整改措施。";

test.describe.configure({ mode: "serial" });

test("the leader reads the overview, the ranking and leaves a 督办 note on 保靖县", async ({ page }) => {
  await signIn(page, "xiangxi-leader");
  await expect(page).toHaveURL(/\/xiangxi\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  const cards = page.locator("section", { has: page.getByRole("heading", { name: "各项指标完成情况" }) });
  await expect(cards.getByText("序时进度").first()).toBeVisible();
  const heat = page.getByRole("table", { name: "各地区指标完成情况（热力图）" });
  await expect(heat.getByRole("link", { name: "保靖县", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "落后地区一览" })).toBeVisible();
  await expect(page.getByTestId("lag-row-433125")).toContainText("保靖县");
  await expect(page.getByRole("heading", { name: "填报情况" })).toBeVisible();

  await cards.getByRole("link", { name: "技术合同成交额", exact: true }).click();
  await expect(page).toHaveURL(/\/xiangxi\/rankings\?year=\d{4}&month=\d+&indicator=TECH_CONTRACT$/);
  await expect(page.getByRole("heading", { level: 2, name: "技术合同成交额完成率排名" })).toBeVisible();
  const chart = page.getByRole("figure", { name: "技术合同成交额完成率排名" });
  await expect(chart.locator(".recharts-reference-line line")).toHaveCount(1);
  const lineLabel = chart.getByText(/^序时进度 \d+\.\d%$/);
  await expect(lineLabel).toBeVisible();
  const expected = parseFloat((await lineLabel.textContent())!.replace("序时进度 ", ""));
  // 保靖县 lies below the line: its completion is under 序时进度, its gap negative, its status 滞后
  const row = page.getByTestId("rank-row-433125");
  await expect(row).toContainText(/滞后/);
  const cells = row.getByRole("cell");
  expect(parseFloat((await cells.nth(3).textContent())!)).toBeLessThan(expected);
  await expect(cells.nth(4)).toHaveText(/^−\d+\.\d个百分点$/);
  await expect(page.getByTestId("laggards")).toContainText("保靖县");

  await row.getByRole("link", { name: "保靖县" }).click();
  await expect(page).toHaveURL(/\/xiangxi\/regions\/433125\?.*indicator=TECH_CONTRACT/);
  await expect(page.getByRole("heading", { level: 1, name: "保靖县" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "技术合同成交额：累计完成与目标进度" })).toBeVisible();

  const form = page.getByTestId("new-note-form");
  await expect(form.getByLabel("指标")).toHaveValue(/.+/);
  await form.getByLabel("办结期限（可选）").fill("2026-12-15");
  await form.getByLabel("督办内容").fill(NOTE);
  await form.getByRole("button", { name: "发出督办" }).click();
  await expect(form.getByRole("status")).toHaveText("督办已发出。");
  const notes = page.getByTestId("region-notes");
  await expect(notes.getByTestId("note").filter({ hasText: NOTE })).toContainText("技术合同成交额");

  await page.goto("/xiangxi/overview");
  await expect(page.locator("#notes-heading")).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
});

test("the 保靖县 reporter sees the note on their county page and replies; other counties stay closed", async ({ page, allowBrowserError }) => {
  await signIn(page, "xiangxi-433125");
  await page.goto("/xiangxi/regions/433125");
  const note = page.getByTestId("region-notes").getByTestId("note").filter({ hasText: NOTE });
  await expect(note).toBeVisible();
  await expect(note).toContainText("限 2026-12-15 前办结");
  await note.getByLabel("回复", { exact: true }).fill("已召开专题会议，本月新增登记合同 12 项。");
  await note.getByRole("button", { name: "提交回复" }).click();
  await expect(note.getByRole("status")).toHaveText("回复已提交。");
  await expect(note).toContainText("已召开专题会议");
  await expect(page.getByTestId("new-note-form")).toHaveCount(0);

  // a reporter sees where they stand in the rankings, but not another county's page
  await page.goto("/xiangxi/rankings?indicator=TECH_CONTRACT");
  await expect(page.getByRole("heading", { level: 1, name: "我的排名" })).toBeVisible();
  allowBrowserError(failedResourceStatus(404));
  expect((await page.goto("/xiangxi/regions/433122"))?.status()).toBe(404);
  expect((await page.goto("/xiangxi/overview"))?.status()).toBe(404);
});

test("an invalid period in the link falls back to the latest month with a visible note", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/rankings?year=abc&month=13&indicator=NOPE");
  await expect(page.getByText(/链接中的期间无效/)).toBeVisible();
  await expect(page.getByText(/链接中的指标无效/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.locator("#table-heading").locator("xpath=..").getByRole("link", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/^ranking-xiangxi-.*\.xlsx$/);
});
