/**
 * The client address of a request, for the per-address sign-in limit and the request log.
 *
 * Next's request handlers never see the socket, and they keep a client-supplied
 * X-Forwarded-For as it is; so the server's request hook (lib/server/request-hook.ts) works
 * the address out from the socket and hands it on in CLIENT_ADDRESS_HEADER, replacing any
 * value the client sent. X-Forwarded-For is read only when the configuration names how many
 * reverse proxies stand in front (`TRUSTED_PROXY_HOPS`): each appends the address it was
 * reached from, so the entry that many places from the right is the client as the outermost
 * trusted proxy saw it; the entries further left are client-controlled and never used.
 */
export const CLIENT_ADDRESS_HEADER = "x-sti-client-address";

/** An IPv4 address seen through an IPv6 socket, written the usual way. */
function normalise(address: string): string {
  const a = address.trim();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice("::ffff:".length) : a;
}

export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string | null {
  const socket = socketAddress ? normalise(socketAddress) : null;
  if (trustedHops <= 0 || !socket) return socket;
  const forwarded = (forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  const chain = [...forwarded, socket];
  // fewer entries than proxies: the request did not come through all of them
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return chain[index]!.slice(0, 64);
}

/** The address the request hook handed on in the headers next-auth passes to authorize(). */
export function handedOnAddress(headers: Record<string, unknown> | undefined | null): string | null {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : null;
}
