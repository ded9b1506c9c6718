import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

/** The messages the sign-in form's client components read (i18n/client-messages.ts). */
export default function SignInLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="signin">{children}</ClientMessages>;
}
