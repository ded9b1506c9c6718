/**
 * The review queue moves on per submission (one region's month): once a submission is
 * approved, the next one of the queue is open with the focus on its heading, the queue stays
 * on the reviewer's page, and the approved one is gone from it — on a desktop and on a phone.
 * Each figure shows its change from last month and which check it raised.
 */
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

for (const [viewport, pick] of [[{ width: 1440, height: 900 }, 1], [{ width: 390, height: 844 }, 3]] as const) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("approving a submission opens the next one, in place, and drops the approved one from the queue", async ({ page }) => {
      await signIn(page, "hunan-admin");
      await page.goto("/hunan/review?page=2");
      const queue = page.getByTestId("review-queue");
      await expect(queue).toContainText("第 2");
      const items = queue.getByTestId("queue-item");
      const titles = (await items.allInnerTexts()).map((t) => t.split("\n")[0]!.trim());
      const [title, following] = [titles[pick]!, titles[pick + 1]!];

      await items.nth(pick).getByRole("link").click();
      const desk = page.getByTestId("review-desk-title");
      await expect(desk).toHaveText(title);
      await expect(page.getByRole("columnheader", { name: "较上月" })).toBeAttached();
      await expect(page.getByRole("columnheader", { name: "检查提示" })).toBeAttached();
      await expect(page.locator('[data-testid^="change-"]').first()).toHaveText(/\S/);
      await expect(page.locator('[data-testid^="checks-"]').first()).toHaveText(/\S/);

      await page.getByRole("checkbox", { name: /全选/ }).check();
      await page.getByRole("button", { name: /批准所选/ }).click();
      await expect(page.getByRole("status").filter({ hasText: "已转到下一份" })).toBeVisible();
      // the next submission is open, its heading focused and in view
      await expect(desk).toHaveText(following);
      await expect(desk).toBeFocused();
      await expect(desk).toBeInViewport();
      await expect(page).toHaveURL(/\/hunan\/review\?region=\d+&year=\d+&month=\d+/);
      // the queue stays on its page, the approved submission gone, the next one marked as open
      await expect(queue.getByRole("link", { name: title })).toHaveCount(0);
      await expect(queue.locator('a[aria-current="page"]')).toContainText(following);
      await expect(queue).toContainText("第 2");
    });
  });
}
