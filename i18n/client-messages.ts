/**
 * The message namespaces client components read, by the part of the app that renders them
 * (docs/decisions/017). Server components translate on the server from every message; only
 * these namespaces are serialised into a page for the browser. A client component that reads
 * a namespace lists it here, under every part that renders it (tests/unit/client-messages.test.ts
 * checks that each namespace read by a client component is listed).
 */
export const CLIENT_NAMESPACES = {
  /** every page: the header's sign-out button, the error boundaries */
  shell: ["Header", "Errors"],
  signin: ["SignIn", "Throttle"],
  account: ["Account"],
  platform: ["PlatformAdmin", "Regions"],
  admin: ["Admin", "Roles", "ApiTokens", "Catalogue", "RegionAdmin", "Settings", "SheetImport", "MapUpload"],
  targets: ["Targets", "Upload"],
  entry: ["Entry", "Review", "Locks", "Import", "SheetImport", "Notes"],
  review: ["Review", "Locks"],
  regions: ["Notes"],
  bulletins: ["Bulletins"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof CLIENT_NAMESPACES;

/** The messages a part of the app hands to the browser: the shell's and its own namespaces. */
export function clientMessages(all: Record<string, unknown>, area: ClientArea): Record<string, unknown> {
  const names = new Set<string>([...CLIENT_NAMESPACES.shell, ...CLIENT_NAMESPACES[area]]);
  return Object.fromEntries([...names].filter((n) => n in all).map((n) => [n, all[n]]));
}
