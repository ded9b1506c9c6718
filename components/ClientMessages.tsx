import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientArea } from "@/i18n/client-messages";

/** The messages of one part of the app for its client components (i18n/client-messages.ts); locale and time zone as the server's. */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={clientMessages(all, area)}>{children}</NextIntlClientProvider>;
}
