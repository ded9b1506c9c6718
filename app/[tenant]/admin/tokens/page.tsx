import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { RowHeader, Section } from "@/components/dashboard/bits";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
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
          <Table caption={t("list")}>
            <THead>
              <Th>{t("name")}</Th>
              <Th>{t("createdAt")}</Th>
              <Th>{t("createdBy")}</Th>
              <Th>{t("lastUsedAt")}</Th>
              <Th>{t("state")}</Th>
            </THead>
            <TBody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <RowHeader>{tok.name}</RowHeader>
                  <Td>{when(tok.createdAt)}</Td>
                  <Td>{tok.createdByName ?? "—"}</Td>
                  <Td>{when(tok.lastUsedAt)}</Td>
                  <Td>
                    {tok.revokedAt ? (
                      t("revokedState")
                    ) : (
                      <span className="inline-flex items-center gap-2">
                        {t("active")} <RevokeTokenButton tokenId={tok.id} label={t("revoke")} />
                      </span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
