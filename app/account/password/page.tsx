import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ChangePasswordForm } from "@/components/access/ChangePasswordForm";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Account");
  return { title: t("passwordTitle") };
}

export default async function PasswordPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getTranslations("Account");
  return (
    <>
      <PageHeader title={t("passwordTitle")} description={t("passwordDescription")} />
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm account={user.account} mustChange={user.mustChangePassword} />
      </section>
    </>
  );
}
