/**
 * Layout at a desktop and a phone size: no page scrolls sideways, the overview opens on
 * the laggard summary, and the heat map keeps its header and region column in view while
 * it scrolls inside its own box.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function pageOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
}

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  const { scrollWidth, clientWidth } = await pageOverflow(page);
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("no dashboard page scrolls sideways", async ({ page }) => {
      await signIn(page, "huaihua-leader");
      for (const path of ["/huaihua/overview", "/huaihua/rankings?indicator=TECH_CONTRACT", "/huaihua/regions/431224", "/huaihua/completeness"]) {
        await expectNoSidewaysScroll(page, path);
      }
    });

    test("the entry page does not scroll sideways", async ({ page }) => {
      await signIn(page, "xiangxi-433125");
      await expectNoSidewaysScroll(page, "/xiangxi/entry");
    });

    test("the overview opens on who is behind; the heat map keeps its header while it scrolls", async ({ page }) => {
      await signIn(page, "huaihua-leader");
      await page.goto("/huaihua/overview");
      const summary = page.getByTestId("laggard-summary");
      await expect(summary).toBeVisible();
      const box = (await summary.boundingBox())!;
      expect(box.y, "the laggard summary starts in the first screen").toBeLessThan(size.height);
      await expect(summary.getByRole("link", { name: "辰溪县" })).toBeVisible();

      const heat = page.getByTestId("heatmap");
      await heat.scrollIntoViewIfNeeded();
      const header = heat.getByRole("columnheader").nth(3);
      const corner = heat.getByRole("columnheader", { name: "地区" });
      const firstRegion = heat.getByRole("rowheader").first();
      const before = (await heat.boundingBox())!;
      await heat.evaluate((el) => el.scrollBy(400, 400));
      const scrolled = await heat.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
      expect(scrolled.left + scrolled.top, "the heat map scrolls inside its box").toBeGreaterThan(0);
      for (const cell of [header, corner]) {
        const b = (await cell.boundingBox())!;
        expect(b.y, "the header stays at the top of the box").toBeLessThanOrEqual(before.y + 2);
        expect(b.y + b.height).toBeGreaterThan(before.y);
      }
      const first = (await firstRegion.boundingBox())!;
      expect(first.x, "the region column stays at the left of the box").toBeLessThanOrEqual(before.x + 2);
      const { scrollWidth, clientWidth } = await pageOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    });
  });
}
