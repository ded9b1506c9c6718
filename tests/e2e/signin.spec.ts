import { HUAIHUA, PLATFORM_ACCOUNT, XIANGXI, tenantAccounts, type DemoAccount } from "./accounts";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, failedResourceStatus, signIn, test } from "./fixtures";

/**
 * Signs every account in, one after the other, in one fresh browser context whose
 * cookies are cleared between accounts (a new session each time, cached assets kept:
 * fast).
 */
async function checkAccounts(freshPage: () => Promise<Page>, accounts: DemoAccount[]) {
  const page = await freshPage();
  for (const a of accounts) {
    await test.step(a.account, async () => {
      await page.context().clearCookies();
      await signIn(page, a.account);
      await expect(page).toHaveURL((url) => url.pathname === a.home);
      await expect(page.getByTestId("tenant-name")).toHaveText(a.title);
      if (a.region) await expect(page.getByTestId("user-region")).toHaveText(a.region);
      else await expect(page.getByTestId("user-region")).toHaveCount(0);
    });
  }
}

test.describe("every demo account signs in and lands on its home page", () => {
  test("platform admin and 湘西州 accounts", async ({ freshPage }) => {
    await checkAccounts(freshPage, [PLATFORM_ACCOUNT, ...tenantAccounts(XIANGXI)]);
  });

  test("怀化市 accounts", async ({ freshPage }) => {
    await checkAccounts(freshPage, tenantAccounts(HUAIHUA));
  });
});

test("a reporter's header names the tenant, the region and the role", async ({ page }) => {
  await signIn(page, "xiangxi-433125");
  await expect(page).toHaveURL(/\/xiangxi\/entry$/);
  await expect(page.getByTestId("tenant-name")).toHaveText(XIANGXI.name);
  await expect(page.getByTestId("user-region")).toHaveText("保靖县");
  await expect(page.getByTestId("user-role")).toHaveText("填报员");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link")).toHaveText(["数据填报", "我的排名", "目标任务", "通报"]);
  await expect(page.getByRole("form", { name: "月度数据填报表" })).toBeVisible();
});

test("an admin sees every section; the regions page lists the tenant's own regions", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link")).toHaveText(["总览", "排名", "县市区", "数据填报", "填报审核", "填报情况", "目标任务", "通报", "系统管理"]);
  await nav.getByRole("link", { name: "县市区" }).click();
  await expect(page).toHaveURL(/\/xiangxi\/regions$/);
  const table = page.getByRole("table");
  for (const r of XIANGXI.regions) await expect(table.getByRole("link", { name: r.name, exact: true })).toBeVisible();
  await expect(table.getByText("鹤城区")).toHaveCount(0);
  await table.getByRole("link", { name: "保靖县", exact: true }).click();
  await expect(page).toHaveURL(/\/xiangxi\/regions\/433125$/);
  await expect(page.getByRole("heading", { level: 1, name: "保靖县" })).toBeVisible();
});

test("a wrong password shows one generic error and stays on /signin", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(401)); // next-auth answers a failed sign-in with 401
  await page.goto("/signin");
  const form = page.getByTestId("signin-form");
  await form.getByLabel("账号").fill("xiangxi-admin");
  await form.getByLabel("密码").fill(`${DEMO_PASSWORD}-wrong`);
  await form.getByRole("button", { name: "登录" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toHaveText("账号或密码不正确，或该账号已停用。请核对后重试。");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(form.getByLabel("密码")).toHaveAttribute("aria-describedby", "signin-error");
  await expect(form.getByLabel("密码")).toBeFocused();

  // an unknown account gets exactly the same message
  await form.getByLabel("账号").fill("no-such-account");
  await form.getByLabel("密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(alert).toHaveText("账号或密码不正确，或该账号已停用。请核对后重试。");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a 保靖县 reporter opening another tenant's page gets the not-found page", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(404));
  await signIn(page, "xiangxi-433125");
  const response = await page.goto("/huaihua/overview");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByText("怀化市")).toHaveCount(0);
  // and a page of their own tenant still works
  await page.goto("/xiangxi/bulletins");
  await expect(page.getByTestId("tenant-name")).toHaveText(XIANGXI.name);
});

test("the platform admin gets not-found for tenant pages; members get not-found for /platform", async ({
  freshPage,
  allowBrowserError,
}) => {
  allowBrowserError(failedResourceStatus(404));
  const admin = await freshPage();
  await signIn(admin, "platform");
  expect((await admin.goto("/xiangxi/overview"))?.status()).toBe(404);
  await expect(admin.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  const leader = await freshPage();
  await signIn(leader, "huaihua-leader");
  expect((await leader.goto("/platform"))?.status()).toBe(404);
});

test("sign-out returns to /signin and tenant pages then require signing in", async ({ page }) => {
  await signIn(page, "xiangxi-leader");
  await expect(page).toHaveURL(/\/xiangxi\/overview$/);
  const cookiesBefore = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/xiangxi/overview");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  await expect(page.getByTestId("signin-form")).toBeVisible();

  // a copy of the signed-out cookie opens nothing either: the session ended on the server
  await page.context().addCookies(cookiesBefore);
  await page.goto("/xiangxi/overview");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  await expect(page.getByTestId("signin-form")).toBeVisible();
});

test("signing in from a deep link returns to that page", async ({ page }) => {
  await page.goto("/xiangxi/regions");
  await expect(page).toHaveURL((url) => url.pathname === "/signin");
  const form = page.getByTestId("signin-form");
  await form.getByLabel("账号").fill("xiangxi-leader");
  await form.getByLabel("密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/xiangxi/regions");
});

test("the platform page lists the tenants", async ({ page }) => {
  await signIn(page, "platform");
  const table = page.getByRole("table");
  await expect(table.getByRole("cell", { name: "xiangxi", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: XIANGXI.name, exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: HUAIHUA.name, exact: true })).toBeVisible();
  await expect(page.getByTestId("create-tenant-form")).toBeVisible();
});
