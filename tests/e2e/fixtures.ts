/**
 * The shared test fixture: fails a test on any browser console error or uncaught page
 * error, in every page of the test (including pages of fresh contexts opened through
 * `freshPage`). A test that provokes an error on purpose (a 404 page, a 401 from a wrong
 * password) declares exactly that one with `allowBrowserError`.
 */
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

/** Chromium's console line for a response with this HTTP status. */
export function failedResourceStatus(status: number): RegExp {
  return new RegExp(`^Failed to load resource: the server responded with a status of ${status} `);
}

interface Problem {
  text: string;
  url: string;
}

type Fixtures = {
  /** console/page errors seen so far; the fixture fails the test if any is not allowed */
  browserProblems: Problem[];
  /** allow console errors whose text matches `pattern` in this test */
  allowBrowserError: (pattern: RegExp) => void;
  /** a page in a brand-new browser context (no cookies), watched for errors */
  freshPage: () => Promise<Page>;
};

export function watchBrowserErrors(page: Page, problems: Problem[]): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push({ text: msg.text(), url: page.url() });
  });
  page.on("pageerror", (err) => {
    problems.push({ text: `uncaught: ${err.message}`, url: page.url() });
  });
}

const allowed = new WeakMap<Problem[], RegExp[]>();

export const test = base.extend<Fixtures>({
  browserProblems: async ({}, use) => {
    const problems: Problem[] = [];
    allowed.set(problems, []);
    await use(problems);
    const patterns = allowed.get(problems) ?? [];
    const unexpected = problems
      .filter((p) => !patterns.some((re) => re.test(p.text)))
      .map((p) => `${p.text} (on ${p.url})`);
    expect(unexpected, "the browser reported errors").toEqual([]);
  },
  allowBrowserError: async ({ browserProblems }, use) => {
    await use((pattern) => allowed.get(browserProblems)?.push(pattern));
  },
  page: async ({ page, browserProblems }, use) => {
    watchBrowserErrors(page, browserProblems);
    await use(page);
  },
  freshPage: async ({ browser, browserProblems, baseURL, locale, timezoneId, viewport }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, locale, timezoneId, viewport });
      contexts.push(context);
      const page = await context.newPage();
      watchBrowserErrors(page, browserProblems);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };

/** Signs in through the form and waits until the browser has left /signin. */
export async function signIn(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  const form = page.getByTestId("signin-form");
  await form.getByLabel(/^(账号|Account)$/).fill(account);
  await form.getByLabel(/^(密码|Password)$/).fill(password);
  await form.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
}

/** Fills the change-password form (current, new, new again) and sends it; returns the form. */
export async function changePassword(page: Page, current: string, next: string) {
  const change = page.getByTestId("change-password-form");
  await change.getByLabel("当前密码").fill(current);
  await change.getByLabel("新密码", { exact: true }).fill(next);
  await change.getByLabel("再次输入新密码").fill(next);
  await change.getByRole("button", { name: "修改密码" }).click();
  return change;
}
