/** The catalogue refuses to re-interpret figures, the region tree, and the settings preview. */
import { expect, failedResourceStatus, signIn, test } from "./fixtures";

test("the catalogue says why a change of kind is refused for an indicator with figures", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/admin/indicators");
  await expect(page.getByTestId("catalogue-table")).toContainText("全社会研发经费投入");
  await page.getByRole("link", { name: "全社会研发经费投入" }).click();
  const form = page.getByTestId("indicator-form");
  await expect(form.getByTestId("figures-notice")).toContainText("系统拒绝修改，不做版本化");
  await form.getByLabel("类型").selectOption("STOCK");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByTestId("indicator-result")).toContainText("已拒绝");
  await expect(form).toContainText("已有数据的指标不能修改类型");
});

test("the admin adds a region to the tree and finds it audited", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/admin/regions");
  await expect(page.getByTestId("region-433125")).toContainText("保靖县");
  const add = page.getByTestId("region-add");
  await add.getByLabel("行政区划代码").fill("433197");
  await add.getByLabel("名称").fill("湘西经开区");
  await add.getByLabel("层级").selectOption("ZONE");
  await add.getByRole("button", { name: "新增" }).click();
  await expect(add.getByRole("status")).toContainText("已新增 湘西经开区");
  await expect(page.getByTestId("region-433197")).toContainText("湘西经开区");
  await page.goto("/xiangxi/admin/audit?entity=Region");
  await expect(page.getByTestId("audit-table")).toContainText("433197 湘西经开区");
});

test("the settings preview shows statuses and ranking before and after, without saving", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/admin/settings");
  const form = page.getByTestId("settings-form");
  await form.getByLabel("严重落后阈值（百分点）").fill("-1");
  await form.getByRole("button", { name: "预览变化" }).click();
  const preview = form.getByTestId("settings-preview");
  await expect(preview).toContainText("2026 年 10 月按新设置的变化（未保存）");
  await expect(preview).toContainText("严重落后");
  await expect(preview).toContainText("保靖县");
  await page.reload();
  await expect(page.getByTestId("settings-form").getByLabel("严重落后阈值（百分点）")).toHaveValue("-10");
});

test("a leader cannot open the administration pages", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(404));
  await signIn(page, "xiangxi-leader");
  for (const path of ["/xiangxi/admin/settings", "/xiangxi/admin/indicators", "/xiangxi/admin/regions", "/xiangxi/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
