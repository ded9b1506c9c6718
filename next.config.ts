import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/schemas/upload";

// next-intl without i18n routing: the locale comes from a cookie (see i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Server actions compare the Origin header with the Host; no other origin is allowed
    // (an empty list = same origin only). See docs/decisions/005-access-and-throttling.md.
    // same origin only; room for a spreadsheet import at the importers' own limit (lib/schemas/upload.ts)
    serverActions: { allowedOrigins: [], bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // pages get a nonce-based policy from proxy.ts; API answers this strict one
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
