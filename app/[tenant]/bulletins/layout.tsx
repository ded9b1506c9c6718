import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the bulletin pages' client components read (i18n/client-messages.ts). */
export default function BulletinsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="bulletins">{children}</ClientMessages>;
}
