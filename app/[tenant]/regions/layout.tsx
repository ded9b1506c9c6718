import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the county page's client components read (i18n/client-messages.ts). */
export default function RegionsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="regions">{children}</ClientMessages>;
}
