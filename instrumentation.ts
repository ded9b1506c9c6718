/**
 * Server start-up (Next calls `register` once, before the server takes requests): a
 * server with an invalid configuration — in production a missing or short NEXTAUTH_SECRET,
 * or a pinned test clock — stops here with every problem listed (lib/config.ts).
 * `next build` does not call it, so building needs no secret. A server that starts gets
 * its request hook (request id, JSON log line, client address, HSTS) and its shutdown
 * handling (lib/server/).
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own, not a setting; the configuration module needs Node.js
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ConfigError, serverConfig } = await import("./lib/config");
  try {
    serverConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Next logs a failing hook and keeps serving; a misconfigured server must not
    console.error(`STI Monitor refuses to start: ${error.message}`);
    process.exit(1);
  }
  const { installRequestHook } = await import("./lib/server/request-hook");
  const { installShutdown } = await import("./lib/server/lifecycle");
  installRequestHook();
  installShutdown();
}
