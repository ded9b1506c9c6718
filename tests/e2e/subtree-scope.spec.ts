/**
 * Subtree scope (decision 025): the 湖南省 administrator creates a leader of 湘西州 on the
 * users page; that leader, after choosing their own password, sees 湘西州's counties only on
 * the overview and the rankings, and a county of 怀化市 is not found.
 */
import { expect, changePassword, failedResourceStatus, signIn, test } from "./fixtures";

test("a province admin creates a city leader who sees only that city", async ({ page, freshPage, allowBrowserError }) => {
  await signIn(page, "hunan-admin");
  await page.goto("/hunan/admin/users");
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("账号").fill("hunan-xiangxi-leader");
  await form.getByLabel("姓名").fill("湘西州分管领导");
  await form.getByLabel("角色").selectOption({ label: "领导" });
  await form.getByLabel("所属地区").selectOption({ label: "湘西土家族苗族自治州（433100）" });
  await form.getByRole("button", { name: "新建用户" }).click();
  const secret = form.getByTestId("one-time-password").locator("code");
  await expect(secret).toHaveText(/^\S{12}$/);
  const password = (await secret.textContent())!.trim();
  const row = page.getByTestId("users-table").locator('tr[data-account="hunan-xiangxi-leader"]');
  await expect(row).toContainText("湘西土家族苗族自治州及下级");
  await expect(page.getByTestId("users-table").locator('tr[data-account="hunan-leader"]')).toContainText("全单位");

  const leader = await freshPage();
  await signIn(leader, "hunan-xiangxi-leader", password);
  await expect(leader).toHaveURL(/\/account\/password$/);
  await changePassword(leader, password, "Xiangxi#Lead2026");
  await expect(leader).toHaveURL(/\/hunan\/overview$/);

  // the overview ranks 湘西州's counties, nothing of 怀化市
  const heat = leader.getByRole("table", { name: "各地区指标完成情况（热力图）" });
  await expect(heat.getByRole("link", { name: "保靖县", exact: true })).toBeVisible();
  await expect(heat.getByRole("link", { name: "鹤城区", exact: true })).toHaveCount(0);
  await expect(heat.getByRole("link", { name: "怀化市", exact: true })).toHaveCount(0);

  // the rankings likewise: the nine units of 湘西州
  await leader.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "排名" }).click();
  await expect(leader).toHaveURL(/\/hunan\/rankings$/);
  await expect(leader.locator("[data-testid^=rank-row-4331]")).toHaveCount(9);
  await expect(leader.getByTestId("rank-row-431202")).toHaveCount(0);

  // a county of the sibling city, the sibling city's dashboards and the province are not found
  allowBrowserError(failedResourceStatus(404));
  for (const path of ["/hunan/regions/431202", "/hunan/overview?region=431200", "/hunan/regions/430000", "/hunan/bulletins", "/hunan/admin"]) {
    const response = await leader.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(leader.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  expect((await leader.goto("/hunan/regions/433125"))?.status()).toBe(200);
});
