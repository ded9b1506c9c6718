import { expect, signIn, test } from "./fixtures";

test("switching to English changes the navigation labels and <html lang>", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  const zhNav = page.getByRole("navigation", { name: "主导航" });
  await expect(zhNav.getByRole("link", { name: "总览" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("button", { name: "English" }).click();
  const enNav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(enNav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(enNav.getByRole("link", { name: "Rankings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");

  // the choice sticks across pages, and can be switched back
  await enNav.getByRole("link", { name: "Regions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "县市区" })).toBeVisible();
});

test("the sign-in page switches language too", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  const form = page.getByTestId("signin-form");
  await expect(form.getByLabel("Account")).toBeVisible();
  await expect(form.getByLabel("Password")).toBeVisible();
});
