/**
 * Access: what each role sees (domain.md §1), tenant and region isolation of pages,
 * tenant creation by the platform admin with the forced password change of its first
 * admin, sign-in throttling, security headers and foreign-origin server actions; hostile
 * requests, the health check and the request log.
 */
import fs from "node:fs";
import { changePassword, DEMO_PASSWORD, expect, failedResourceStatus, signIn, test } from "./fixtures";

const NAV: Record<string, string[]> = {
  "xiangxi-admin": ["总览", "排名", "县市区", "数据填报", "填报审核", "填报情况", "目标任务", "通报", "系统管理"],
  "xiangxi-leader": ["总览", "排名", "县市区", "填报情况", "目标任务", "通报"],
  "xiangxi-433125": ["数据填报", "我的排名", "目标任务", "通报"],
};

for (const [account, items] of Object.entries(NAV)) {
  test(`${account} sees exactly the navigation of the role`, async ({ page }) => {
    await signIn(page, account);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText(items);
  });
}

test("a 保靖县 reporter gets not-found for 泸溪县's page, other tenants and admin pages", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(404));
  await signIn(page, "xiangxi-433125");
  for (const path of ["/xiangxi/regions/433122", "/xiangxi/regions", "/xiangxi/overview", "/xiangxi/review", "/huaihua/entry", "/huaihua/regions/431202", "/xiangxi/admin", "/xiangxi/admin/users", "/platform"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByText("泸溪县")).toHaveCount(0);
  }
  // their own region's page opens
  const own = await page.goto("/xiangxi/regions/433125");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("保靖县");
});

test("a leader cannot open the administration or review pages, but reads every dashboard and the figures", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(404));
  await signIn(page, "xiangxi-leader");
  for (const path of ["/xiangxi/admin", "/xiangxi/admin/users", "/xiangxi/review"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  // and reads every dashboard page of the tenant, and the counties' figures read-only
  for (const path of ["/xiangxi/overview", "/xiangxi/rankings", "/xiangxi/regions", "/xiangxi/regions/433122", "/xiangxi/bulletins", "/xiangxi/entry", "/xiangxi/targets"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
});

test("an admin manages users: create with a one-time password, who must change it at first sign-in", async ({ page, freshPage }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/xiangxi/admin");
  await page.getByRole("link", { name: /用户管理/ }).click();
  await expect(page).toHaveURL(/\/xiangxi\/admin\/users$/);
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("账号").fill("xiangxi-433123-b");
  await form.getByLabel("姓名").fill("凤凰县填报员乙");
  await form.getByLabel("所属地区").selectOption({ label: "凤凰县（433123）" });
  await form.getByRole("button", { name: "新建用户" }).click();
  const secret = form.getByTestId("one-time-password").locator("code");
  await expect(secret).toHaveText(/^\S{12}$/);
  const password = (await secret.textContent())!.trim();
  await expect(page.getByTestId("users-table").locator('tr[data-account="xiangxi-433123-b"]')).toContainText("待修改密码");

  const user = await freshPage();
  await signIn(user, "xiangxi-433123-b", password);
  await expect(user).toHaveURL(/\/account\/password$/);
  // every page sends them back until the password is changed
  await user.goto("/xiangxi/entry");
  await expect(user).toHaveURL(/\/account\/password$/);
  const change = user.getByTestId("change-password-form");
  await change.getByLabel("当前密码").fill(password);
  await change.getByLabel("新密码", { exact: true }).fill("xiangxi-433123-b");
  await change.getByLabel("再次输入新密码").fill("xiangxi-433123-b");
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(change.locator("#change-password-newPassword-error")).toHaveText("新密码不能与账号相同。");
  await change.getByLabel("当前密码").fill(password);
  await change.getByLabel("新密码", { exact: true }).fill("Fenghuang#2026");
  await change.getByLabel("再次输入新密码").fill("Fenghuang#2026");
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(user).toHaveURL(/\/xiangxi\/entry$/);
  await expect(user.getByTestId("user-region")).toHaveText("凤凰县");
});

test("the platform admin creates a tenant whose first admin must change the password", async ({ page, freshPage }) => {
  await signIn(page, "platform");
  const form = page.getByTestId("create-tenant-form");
  await form.getByLabel("租户标识").fill("changde");
  await form.getByLabel("单位名称").fill("常德市");
  await form.getByLabel("本级行政区划代码").fill("430700");
  await form.getByLabel("本级地区名称").fill("常德市");
  await form.getByLabel("发文机关").fill("常德市科学技术局");
  await form.getByLabel("管理员账号").fill("changde-admin");
  await form.getByLabel("管理员姓名").fill("常德市科技局管理员");
  await form.getByRole("button", { name: "新建租户" }).click();
  const secret = form.getByTestId("one-time-password").locator("code");
  await expect(secret).toHaveText(/^\S{12}$/);
  const password = (await secret.textContent())!.trim();

  const admin = await freshPage();
  await signIn(admin, "changde-admin", password);
  await expect(admin).toHaveURL(/\/account\/password$/);
  await changePassword(admin, password, "Changde#2026");
  await expect(admin).toHaveURL(/\/changde\/overview$/);
  await expect(admin.getByTestId("tenant-name")).toHaveText("常德市");
});

test("repeated failed sign-ins are throttled with a Chinese message saying how long to wait", async ({ page, allowBrowserError }) => {
  allowBrowserError(failedResourceStatus(401));
  // An account of its own: locking a demo account would fail the sign-in tests that run
  // after this one (the lock lasts 15 minutes). Failures count per account name, known or
  // not; that the right password also waits is proven in tests/integration/access.test.ts.
  const account = "huaihua-throttle-probe";
  await page.goto("/signin");
  const form = page.getByTestId("signin-form");
  const alert = form.getByRole("alert");
  for (let i = 0; i < 5; i++) {
    await form.getByLabel("账号").fill(account);
    await form.getByLabel("密码").fill(`wrong-${i}`);
    // wait for each answer: the previous attempt's message is still on screen meanwhile
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await form.getByRole("button", { name: "登录" }).click();
    expect((await answered).status()).toBe(401);
    await expect(alert).toHaveText("账号或密码不正确，或该账号已停用。请核对后重试。");
    await expect(form.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  // the sixth attempt is not even checked: the account waits
  await form.getByLabel("账号").fill(account);
  await form.getByLabel("密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(alert).toHaveText("登录失败次数过多，请 15 分钟后再试。");
  await expect(page).toHaveURL(/\/signin$/);
});

test("pages carry a nonce CSP without unsafe-eval and the other security headers", async ({ page }) => {
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a server action posted from a foreign origin is refused", async ({ page, request, baseURL }) => {
  await signIn(page, "xiangxi-admin");
  await page.goto("/account/password");
  // a harmless real action call (wrong current password) to learn its id and body
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  const change = page.getByTestId("change-password-form");
  await change.getByLabel("当前密码").fill("not-my-password");
  await change.getByLabel("新密码", { exact: true }).fill("Whatever#2026");
  await change.getByLabel("再次输入新密码").fill("Whatever#2026");
  await change.getByRole("button", { name: "修改密码" }).click();
  const action = await posted;
  await expect(change.locator("#change-password-currentPassword-error")).toHaveText("当前密码不正确。");

  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const replay = (origin: string) =>
    request.post(new URL("/account/password", baseURL).toString(), {
      headers: { ...action.headers(), cookie: cookies, origin },
      data: action.postDataBuffer() ?? undefined,
      failOnStatusCode: false,
    });
  const same = await replay(new URL(baseURL!).origin);
  expect(same.status()).toBe(200);
  expect(await same.text()).toContain("当前密码不正确");
  const foreign = await replay("https://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("当前密码不正确");
});

test("hostile requests get the product's 400, not a server error", async ({ page, request, baseURL }) => {
  await signIn(page, "xiangxi-admin");
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = (path: string) => new URL(path, baseURL).toString();
  const badAddress = "请求无效：地址中含有不允许的字符。";
  // NUL in a path segment and in a query value, signed in, on pages and on the read API
  for (const path of ["/xiangxi/regions/4331%0022", "/xiangxi/overview?year=2026%00"]) {
    const res = await request.get(url(path), { headers: { cookie: cookies }, failOnStatusCode: false, maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.text()).toBe(badAddress);
  }
  const api = await request.get(url("/api/v1/xiangxi%00/overview"), { failOnStatusCode: false });
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: "bad_request", detail: badAddress });
  // a server action call with an empty body, or one that is neither a form nor JSON
  const actionHeaders = { cookie: cookies, "next-action": "0123456789abcdef0123456789abcdef01234567", origin: new URL(baseURL!).origin };
  const empty = await request.post(url("/account/password"), { headers: { ...actionHeaders, "content-type": "text/plain;charset=UTF-8" }, data: "", failOnStatusCode: false });
  expect(empty.status()).toBe(400);
  expect(await empty.text()).toBe("请求无效：提交的内容无法读取。");
  const garbage = await request.post(url("/account/password"), { headers: { ...actionHeaders, "content-type": "text/plain;charset=UTF-8" }, data: "{not json", failOnStatusCode: false });
  expect(garbage.status()).toBe(400);
});

test("the health check answers without sign-in, and every answer names its request", async ({ request, baseURL }) => {
  const res = await request.get(new URL("/api/health", baseURL).toString());
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  expect(res.headers()["cache-control"]).toBe("no-store");
  const id = res.headers()["x-request-id"]!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // its line in the server's JSON log (scripts/e2e.sh writes the server's output there)
  const logLine = () => fs.readFileSync(".tmp/e2e/server.log", "utf8").split("\n").find((l) => l.includes(id));
  await expect.poll(logLine).toBeTruthy();
  const entry = JSON.parse(logLine()!) as Record<string, unknown>;
  expect(entry).toMatchObject({ reqId: id, method: "GET", path: "/api/health", status: 200 });
  expect(typeof entry.durationMs).toBe("number");
});

test("the request log carries no cookie, password or token", async ({ page }) => {
  await signIn(page, "xiangxi-admin");
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("session-token"))!.value;
  const log = fs.readFileSync(".tmp/e2e/server.log", "utf8");
  expect(log).toContain('"path":"/api/auth/callback/credentials"');
  expect(log).not.toContain(cookie.slice(0, 40));
  expect(log).not.toContain(DEMO_PASSWORD);
});
