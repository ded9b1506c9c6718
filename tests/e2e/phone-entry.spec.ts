/**
 * A reporter fills the month on a phone (390 × 844): one card per indicator, no sideways
 * scrolling, the save bar in view without scrolling, a figure saved. An administrator
 * corrects a figure on the county's behalf with a reason; the review queue opens on the
 * newest month and moves on after an approval; the audit log tells both saves as sentences.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Types 10 % above last month's figure into the indicator's card, ticking and explaining any check that fires. */
async function typeAbove(page: Page, code: string, note: string) {
  const card = page.getByTestId(`row-${code}`);
  const precision = Number(await card.getAttribute("data-precision"));
  const value = (Number((await card.getAttribute("data-last")) || "1") * 1.1).toFixed(precision);
  await card.locator("input[inputmode=decimal]").fill(value);
  const confirm = card.getByRole("checkbox", { name: "数值无误，确认保存" });
  if ((await confirm.count()) > 0) {
    await confirm.check();
    await card.getByPlaceholder("请说明原因（必填）").fill(note);
  }
  return value;
}

test("a reporter saves a figure on a phone: cards, no sideways scrolling, the save bar in view", async ({ page }) => {
  await signIn(page, "xiangxi-433127");
  await page.goto("/xiangxi/entry?year=2026&month=11");
  await expect(page.getByText("永顺县 · 2026年11月")).toBeVisible();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const bar = page.getByTestId("entry-actions");
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole("button", { name: "保存草稿" })).toBeInViewport();

  // each indicator is a card: its name, unit, the field and completion against 序时进度 stacked in the phone's width
  const card = page.getByTestId("row-RD_EXP");
  const box = (await card.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  await expect(card).toContainText("全社会研发经费投入");
  await expect(card).toContainText("（亿元）");
  const value = await typeAbove(page, "RD_EXP", "企业集中报送");
  await expect(page.getByTestId("completion-RD_EXP")).toContainText("序时");
  await bar.getByRole("button", { name: "保存草稿" }).click();
  await expect(bar.getByRole("status")).toHaveText("已保存 1 项。");
  await expect(bar).toBeInViewport();
  await page.reload();
  await expect(page.getByTestId("row-RD_EXP").locator("input[inputmode=decimal]")).toHaveValue(value);
  const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(after).toBe(true);
});

test("an administrator corrects a county's figure on its behalf, with a reason, and the audit log says so in words", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/entry?region=433127&year=2026&month=11");
  await expect(page.getByTestId("on-behalf")).toContainText("代永顺县");
  await typeAbove(page, "TECH_CONTRACT", "合同集中登记");
  await page.getByTestId("entry-actions").getByRole("button", { name: "保存草稿" }).click();
  // no reason, no save
  await expect(page.getByText("请填写代填原因。")).toBeVisible();
  await page.getByLabel("代填原因").fill("县局电话报送");
  await page.getByTestId("entry-actions").getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("entry-actions").getByRole("status")).toHaveText("已代为保存 1 项，已记入审计日志。");

  await page.goto("/xiangxi/admin/audit");
  await page.getByLabel("类别").selectOption("Fill");
  await page.getByLabel("操作人").selectOption({ label: "湘西州科技局管理员（xiangxi-admin）" });
  await page.getByRole("button", { name: "筛选" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "代永顺县 · 2026年11月填报或更正了数据：技术合同成交额" }).filter({ hasText: "原因：县局电话报送" })).toHaveCount(1);
  await expect(rows.filter({ hasText: /填报了永顺县2026年11月“技术合同成交额”：[\d.]+ 亿元/ })).toHaveCount(1);

  // the reporter's own save of the first test, told as a sentence with the region, indicator and month
  await page.getByLabel("操作人").selectOption({ label: "永顺县科技局填报员（xiangxi-433127）" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(rows.filter({ hasText: /永顺县科技局填报员（xiangxi-433127）填报了永顺县2026年11月“全社会研发经费投入”：[\d.]+ 亿元。/ })).toHaveCount(1);
  await expect(page.getByTestId("audit-table")).not.toContainText("{");
});

test("the review queue opens on the newest month and moves on to the next submission after an approval", async ({ page }) => {
  await signIn(page, "huaihua-admin");
  await page.goto("/huaihua/review");
  const queue = page.getByTestId("review-queue");
  const months = await queue.getByRole("heading", { level: 3 }).allTextContents();
  const periods = months.map((m) => { const [, y, mo] = /(\d{4})年(\d{1,2})月/.exec(m)!; return Number(y) * 100 + Number(mo); });
  expect(periods.length).toBeGreaterThan(1);
  expect(periods).toEqual([...periods].sort((a, b) => b - a));
  // each month names its counts
  await expect(queue.getByRole("heading", { level: 3 }).first()).toContainText(/个县市区 · \d+ 项/);

  // the oldest submission: approve all of it, and the desk moves on to the next one
  const items = queue.getByTestId("queue-item");
  const oldest = items.last();
  const title = (await oldest.getByRole("link").innerText()).split("\n")[0]!.trim();
  await oldest.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "较上月" })).toBeAttached();
  await expect(page.getByRole("columnheader", { name: "检查提示" })).toBeAttached();
  await page.getByRole("checkbox", { name: /全选/ }).check();
  await page.getByRole("button", { name: /批准所选/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已转到下一份" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: title })).toHaveCount(0);
  await expect(queue.getByRole("link", { name: title })).toHaveCount(0);
});
