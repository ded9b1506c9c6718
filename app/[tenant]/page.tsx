import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/home";
import { requireTenantPage } from "@/lib/auth/guard";

/** `/{tenant}` → the member's home page. */
export default async function TenantIndex({ params }: { params: Promise<{ tenant: string }> }) {
  const { user } = await requireTenantPage(params, null);
  redirect(homePath(user));
}
