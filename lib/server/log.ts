/**
 * The server's one logger: JSON lines on stdout (pino), at the configured level. Request
 * lines carry an id, the method, the path without its query, the status and the duration —
 * never a header, a cookie, a password or a token (lib/server/request-hook.ts). Server only.
 */
import pino, { type Logger } from "pino";
import { config } from "@/lib/config";

let instance: Logger | null = null;

export function logger(): Logger {
  instance ??= pino({ level: config().logLevel, base: { app: "sti-monitor" }, timestamp: pino.stdTimeFunctions.isoTime });
  return instance;
}
