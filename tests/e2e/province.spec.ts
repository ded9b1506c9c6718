/**
 * A province: the 湖南省 leader opens 怀化市's page, goes to the rankings of its counties
 * (?region=431200), sees them ranked with breadcrumbs back to the province's own rankings,
 * then every county of the province ranked in one table (?depth=2).
 */
import { expect, signIn, test } from "./fixtures";

test("the province leader opens a city's rankings and sees its counties ranked", async ({ page }) => {
  await signIn(page, "hunan-leader");
  await expect(page).toHaveURL(/\/hunan\/overview$/);
  // the province's own overview ranks its two cities; 怀化市 has no target of its own
  const heat = page.getByRole("table", { name: "各地区指标完成情况（热力图）" });
  await expect(heat.getByRole("link", { name: "怀化市", exact: true })).toBeVisible();
  await expect(heat.getByTestId("target-from-children").first()).toBeVisible();

  await page.goto("/hunan/regions/431200");
  const links = page.getByTestId("child-dashboards");
  await links.getByRole("link", { name: "下辖地区排名" }).click();
  await expect(page).toHaveURL(/\/hunan\/rankings\?region=431200$/);
  const crumbs = page.getByTestId("scope-breadcrumbs");
  await expect(crumbs).toContainText("湖南省");
  await expect(crumbs).toContainText("怀化市下辖地区");
  // the 13 counties of 怀化市, the first ranked 1
  await expect(page.locator("[data-testid^=rank-row-4312]")).toHaveCount(13);
  await expect(page.getByTestId("rank-row-431202")).toBeVisible();
  await expect(page.locator("[data-testid^=rank-row-]").first().getByRole("cell").first()).toHaveText("1");

  // the period picker keeps the region
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/region=431200/);
  await crumbs.getByRole("link", { name: "湖南省" }).click();
  await expect(page).toHaveURL(/\/hunan\/rankings$/);
  await expect(page.locator("[data-testid^=rank-row-]")).toHaveCount(2);

  // every county of the province in one ranking, across its two cities
  const reach = page.getByTestId("ranking-reach");
  await reach.getByRole("link", { name: "全省各县市区" }).click();
  await expect(page).toHaveURL(/depth=2/);
  await expect(reach.getByText("全省各县市区")).toHaveAttribute("aria-current", "page");
  await expect(page.locator("[data-testid^=rank-row-]")).toHaveCount(22);
  await expect(page.getByTestId("rank-row-433125")).toBeVisible();
  await expect(page.getByTestId("rank-row-431202")).toBeVisible();
});
