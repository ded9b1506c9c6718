/**
 * The bulletin as an official document (GB/T 9704 manner): issuer block, title, body
 * sections, charts and tables. The same markup serves the screen and the A4 print
 * layout (styles in app/[tenant]/bulletins/bulletin.css).
 */
import { getTranslations } from "next-intl/server";
import type { BulletinDocument } from "@/lib/bulletins/types";
import { CompletionChart } from "./CompletionChart";

export async function BulletinDocumentView({ document: doc, draft }: { document: BulletinDocument; draft?: boolean }) {
  const t = await getTranslations("BulletinText");
  return (
    <article className="bulletin-doc" lang="zh-CN" data-testid="bulletin-document" data-draft={draft ? "true" : undefined}>
      {draft ? <p className="bulletin-draft-mark">{t("draftMark")}</p> : null}
      <header className="bulletin-masthead">
        <p className="bulletin-issuer">{doc.issuer}</p>
        <hr className="bulletin-rule" />
      </header>
      <h1 className="bulletin-title">{doc.title}</h1>
      {doc.sections.map((s) => (
        <section key={s.id} className="bulletin-section" aria-labelledby={`sec-${s.id}`}>
          <h2 id={`sec-${s.id}`} className="bulletin-heading">
            {s.heading}
          </h2>
          {s.paragraphs.map((p) => (
            <p key={p.id} className="bulletin-para" data-origin={p.origin}>
              {p.text}
            </p>
          ))}
        </section>
      ))}
      <div className="bulletin-signature">
        <p>{doc.issuer}</p>
        <p>{doc.dateText}</p>
      </div>
      <section className="bulletin-annex" aria-label={t("tablesHeading")}>
        <h2 className="bulletin-annex-heading">{t("tablesHeading")}</h2>
        {doc.charts.map((c) => (
          <CompletionChart key={c.id} chart={c} expectedLabel={t("expectedLine")} axisLabel={t("completionAxis")} ariaLabel={t("chartLabel", { title: c.title, expected: c.expectedPercent })} />
        ))}
        {doc.tables.map((table) => (
          <div key={table.id} className="bulletin-table-wrap">
            <table className="bulletin-table" data-testid={`bulletin-table-${table.id}`}>
              <caption className="bulletin-caption">{table.title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (c === 1 || (table.id === "laggards" && c === 0) ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
            {table.note ? <p className="bulletin-note">{table.note}</p> : null}
          </div>
        ))}
      </section>
    </article>
  );
}
