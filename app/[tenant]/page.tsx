import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/home";
import { requireTenantMember } from "@/lib/auth/session";

/** `/{tenant}` → the member's home page. */
export default async function TenantIndex({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  redirect(homePath(await requireTenantMember(tenant)));
}
