/**
 * Lighthouse (performance + accessibility) on the overview, the rankings and the entry
 * page of a RUNNING app, signed in as xiangxi-admin.
 *
 *   npm run lighthouse -- http://127.0.0.1:3000      (or LIGHTHOUSE_URL=…)
 *
 * Builds nothing: start a production build first (e.g. as scripts/e2e.sh does). Signs in
 * with a fetch-based next-auth credentials sign-in (csrf token + POST
 * /api/auth/callback/credentials) and hands the session cookie to Lighthouse as an extra
 * header; Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH). Prints the scores and
 * exits non-zero when a score is below LIGHTHOUSE_MIN (default 0: report only).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = (process.argv[2] ?? process.env.LIGHTHOUSE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const account = process.env.LIGHTHOUSE_ACCOUNT ?? "xiangxi-admin";
const password = process.env.LIGHTHOUSE_PASSWORD ?? "demo1234";
const pages = (process.env.LIGHTHOUSE_PAGES ?? "/xiangxi/overview,/xiangxi/rankings,/xiangxi/entry").split(",");
const minimum = Number(process.env.LIGHTHOUSE_MIN ?? "0");

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function signIn(): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of cookiesOf(res)) {
      const [name, ...value] = c.split("=");
      jar.set(name, value.join("="));
    }
  };
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, account, password, json: "true", callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${account} failed (HTTP ${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function main() {
  const cookie = await signIn();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows: { page: string; performance: number; accessibility: number; failing: string[] }[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(
        `${base}${page}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } },
        { extends: "lighthouse:default", settings: { formFactor: "desktop", screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: "simulate" } },
      );
      if (!result) throw new Error(`no result for ${page}`);
      const { categories, audits, finalDisplayedUrl } = result.lhr;
      if (new URL(finalDisplayedUrl).pathname !== page) throw new Error(`${page} ended on ${finalDisplayedUrl} (not signed in?)`);
      const failing = Object.values(audits)
        .filter((a) => a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric"))
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      rows.push({
        page,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        failing,
      });
    }
  } finally {
    chrome.kill();
  }
  console.log(`Lighthouse (desktop) on ${base} as ${account}`);
  console.log("page".padEnd(24), "performance".padStart(12), "accessibility".padStart(14));
  for (const r of rows) {
    console.log(r.page.padEnd(24), String(r.performance).padStart(12), String(r.accessibility).padStart(14));
    if (r.failing.length) console.log("  below 90:", r.failing.join(", "));
  }
  if (rows.some((r) => r.performance < minimum || r.accessibility < minimum)) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
