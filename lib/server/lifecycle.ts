/**
 * Shutdown as a load balancer needs it. `next start` already answers SIGTERM/SIGINT
 * gracefully (it stops accepting connections, lets the requests in flight finish, then
 * exits); from the first signal on, the health check answers 503 so that a balancer still
 * holding a kept-alive connection takes this instance out before it is gone. Server only.
 */
import { logger } from "./log";

let draining = false;

export function isDraining(): boolean {
  return draining;
}

export function installShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      draining = true;
      logger().info({ signal }, "shutting down: finishing the requests in flight");
    });
  }
}
