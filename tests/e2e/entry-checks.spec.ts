/**
 * The entry form says what it wants: a CUMULATIVE value is 截至本月累计, an INCREMENT value
 * the 期末总数 with last year-end's total and the year's increase beside it, live. Typing
 * the year's new firms (2) instead of the total is refused at the field with what it would
 * mean, until it is confirmed with a note; a saved value keeps the indicator's precision.
 * The 凤凰县 reporter works on the open month (drafts only, so no dashboard changes).
 */
import { expect, signIn, test } from "./fixtures";

test("an INCREMENT row asks for the end-of-month total, shows the increase live and refuses a negative one until confirmed", async ({ page, freshPage }) => {
  test.setTimeout(90_000);
  await signIn(page, "xiangxi-433123");
  await page.goto("/xiangxi/entry");
  const heading = page.getByText(/凤凰县 · \d{4}年\d{1,2}月/);
  await expect(heading).toBeVisible();
  const [, year, month] = /(\d{4})年(\d{1,2})月/.exec((await heading.textContent()) ?? "")!;

  await expect(page.getByTestId("wants-RD_EXP")).toHaveText("截至本月累计");
  const hte = page.getByTestId("row-HTE_NEW");
  await expect(page.getByTestId("wants-HTE_NEW")).toHaveText("期末总数");
  const baselineText = (await page.getByTestId("baseline-HTE_NEW").textContent()) ?? "";
  const baseline = Number(/上年末总数 (\d+)/.exec(baselineText)?.[1]);
  expect(baseline).toBeGreaterThan(2);
  const input = hte.locator("input[inputmode=decimal]");

  // a total above last year-end's: the increase is shown live, nothing to confirm
  await input.fill(String(baseline + 3));
  await expect(page.getByTestId("increase-HTE_NEW")).toHaveText("本年新增 3 家");
  await expect(page.getByTestId("flags-HTE_NEW")).toHaveCount(0);

  // the year's new firms typed instead: the message says what 2 would mean
  await input.fill("2");
  await expect(page.getByTestId("increase-HTE_NEW")).toHaveText(`本年新增 −${baseline - 2} 家`);
  const meaning = `填写的是期末总数：上年末 ${baseline} 家，填 2 表示减少 ${baseline - 2} 家；若本年新增 2 家，应填 ${baseline + 2}`;
  await expect(page.getByTestId("flags-HTE_NEW")).toContainText(meaning);

  // saving without the confirmation is refused by the server, at the field
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(hte.getByRole("alert")).toContainText("需要确认");
  await expect(hte.getByRole("alert")).toContainText(meaning);
  await expect(hte).toContainText("未填写");

  // confirmed with a note it is saved
  await hte.getByRole("checkbox", { name: "数值无误，确认保存" }).check();
  await hte.getByPlaceholder("请说明原因（必填）").fill("两家企业资格到期未续，已核实");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 1 项" })).toBeVisible();
  await page.reload();
  await expect(hte).toContainText("草稿");
  await expect(hte.locator("input[inputmode=decimal]")).toHaveValue("2");

  // the reviewer sees the change from last month and which check the value raised
  const admin = await freshPage();
  await signIn(admin, "xiangxi-admin");
  await admin.goto(`/xiangxi/review?region=433123&year=${year}&month=${month}`);
  await expect(admin.getByTestId("checks-HTE_NEW")).toContainText("低于上年末总数（本年新增为负）");
  await expect(admin.getByTestId("change-HTE_NEW")).toHaveText(/^−\d+$/);
});

test("a saved value keeps the indicator's precision in its field (0.60 stays 0.60)", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "xiangxi-433123");
  await page.goto("/xiangxi/entry");
  const rd = page.getByTestId("row-RD_EXP");
  const last = Number((await rd.getAttribute("data-last")) ?? "1");
  const value = `${(last * 1.05).toFixed(1)}0`;
  await rd.locator("input[inputmode=decimal]").fill(value);
  const box = rd.getByRole("checkbox", { name: "数值无误，确认保存" });
  if ((await box.count()) > 0) {
    await box.check();
    await rd.getByPlaceholder("请说明原因（必填）").fill("已与企业核实");
  }
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存 1 项" })).toBeVisible();
  await page.reload();
  await expect(rd.locator("input[inputmode=decimal]")).toHaveValue(value);
});
