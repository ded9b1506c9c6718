import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the review page's client components read (i18n/client-messages.ts). */
export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="review">{children}</ClientMessages>;
}
