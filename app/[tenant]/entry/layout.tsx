import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the entry page's client components read (i18n/client-messages.ts). */
export default function EntryLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="entry">{children}</ClientMessages>;
}
