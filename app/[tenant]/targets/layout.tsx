import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the target grid's client components read (i18n/client-messages.ts). */
export default function TargetsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="targets">{children}</ClientMessages>;
}
