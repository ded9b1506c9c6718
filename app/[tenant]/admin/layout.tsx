import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the administration pages' client components read (i18n/client-messages.ts). */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="admin">{children}</ClientMessages>;
}
