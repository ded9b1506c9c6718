/**
 * A mock of next-intl/server for integration tests: translators return "Namespace.key"
 * (so tests can assert which message was chosen without depending on the wording).
 *
 *   vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
 */
type Values = Record<string, unknown> | undefined;

function translator(namespace?: string) {
  const t = (key: string, _values?: Values) => (namespace ? `${namespace}.${key}` : key);
  t.rich = t;
  t.markup = t;
  t.raw = t;
  t.has = () => true;
  return t;
}

export const intlServerModule = {
  getTranslations: async (arg?: string | { namespace?: string }) => translator(typeof arg === "string" ? arg : arg?.namespace),
  getLocale: async () => "zh-CN",
  getMessages: async () => ({}),
  getNow: async () => new Date(),
  getTimeZone: async () => "Asia/Shanghai",
  getFormatter: async () => ({
    number: (n: number) => String(n),
    dateTime: (d: Date) => d.toISOString(),
    relativeTime: (d: Date) => d.toISOString(),
    list: (l: string[]) => l.join(", "),
  }),
  setRequestLocale: () => {},
};
