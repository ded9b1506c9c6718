import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { Section, TableWrap, TD, TH } from "@/components/dashboard/bits";
import { requireTenantPage } from "@/lib/auth/guard";
import { CreateTokenForm, RevokeTokenButton } from "./TokenForms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApiTokens");
  return { title: t("title") };
}

export default async function TokensPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { data } = await requireTenantPage(params, "apiToken.manage");
  const [tokens, t] = await Promise.all([data.apiTokens(), getTranslations("ApiTokens")]);
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : t("never"));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-8">
        <CreateTokenForm />
      </div>
      <Section title={t("list")} id="tokens">
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <TableWrap caption={t("list")}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={TH}>{t("name")}</th>
                <th scope="col" className={TH}>{t("createdAt")}</th>
                <th scope="col" className={TH}>{t("createdBy")}</th>
                <th scope="col" className={TH}>{t("lastUsedAt")}</th>
                <th scope="col" className={TH}>{t("state")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row" className={`${TD} font-medium`}>{tok.name}</th>
                  <td className={TD}>{when(tok.createdAt)}</td>
                  <td className={TD}>{tok.createdByName ?? "—"}</td>
                  <td className={TD}>{when(tok.lastUsedAt)}</td>
                  <td className={TD}>
                    {tok.revokedAt ? (
                      t("revokedState")
                    ) : (
                      <span className="inline-flex items-center gap-2">
                        {t("active")} <RevokeTokenButton tokenId={tok.id} label={t("revoke")} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        )}
      </Section>
    </>
  );
}
