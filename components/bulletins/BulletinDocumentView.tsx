/**
 * The bulletin as an official document (GB/T 9704 manner): 版头 (issuer in red, 发文字号, red
 * rule), title, body sections with 图1 in section 三, signature, then the tables. The same
 * markup serves the screen and the A4 print layout (app/[tenant]/bulletins/bulletin.css).
 */
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { BulletinDocument, BulletinTable } from "@/lib/bulletins/types";
import { CompletionChart } from "./CompletionChart";

/** the column whose cells name their row: the indicator of 表2, the indicator or county elsewhere */
const headerColumn = (table: BulletinTable) => (table.id === "counties" ? 0 : 1);

function DocumentTable({ table }: { table: BulletinTable }) {
  const bold = new Set((table.emphasis ?? []).map((e) => `${e.row}:${e.column}`));
  // the unit (亿元, 件/万人) stays on one line
  const nowrap = new Set(table.columns.flatMap((c, k) => (c === "单位" ? [k] : [])));
  const classOf = (r: number, c: number) => [nowrap.has(c) ? "bulletin-nowrap" : "", bold.has(`${r}:${c}`) ? "bulletin-em" : ""].join(" ").trim() || undefined;
  return (
    <div className="bulletin-table-wrap">
      <table className="bulletin-table" data-testid={`bulletin-table-${table.id}`} data-table={table.id}>
        <caption className="bulletin-caption">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c, k) => (
              <th key={c} scope="col" className={nowrap.has(k) ? "bulletin-nowrap" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === headerColumn(table) ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={classOf(r, c)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? <p className="bulletin-note">{table.note}</p> : null}
    </div>
  );
}

/**
 * `countyMap`: the county map figure (图2), placed after 图1 in section 三 when given; the
 * document leaves its place and draws no map itself.
 */
export async function BulletinDocumentView({ document: doc, docNumber, draft, countyMap }: { document: BulletinDocument; docNumber?: string | null; draft?: boolean; countyMap?: ReactNode }) {
  const t = await getTranslations("BulletinText");
  const labels = (title: string, expected: string) => ({ expected: t("expectedLine"), axis: t("completionAxis"), aria: t("chartLabel", { title, expected }) });
  return (
    <article className="bulletin-doc" lang="zh-CN" data-testid="bulletin-document" data-draft={draft ? "true" : undefined}>
      {draft ? <p className="bulletin-draft-mark">{t("draftMark")}</p> : null}
      <header className="bulletin-masthead">
        <p className="bulletin-issuer">{doc.issuer}</p>
        {docNumber ? (
          <p className="bulletin-doc-number" data-testid="bulletin-doc-number">
            {docNumber}
          </p>
        ) : null}
        <hr className="bulletin-rule" />
      </header>
      <h1 className="bulletin-title">
        {(doc.titleLines ?? [doc.title]).map((line) => (
          <span key={line} className="bulletin-title-line">
            {line}
          </span>
        ))}
      </h1>
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
          {s.id === "counties" ? doc.charts.map((c) => <CompletionChart key={c.id} chart={c} labels={labels(c.title, c.expectedPercent)} />) : null}
          {s.id === "counties" && countyMap ? (
            <div className="bulletin-map" data-slot="county-map">
              {countyMap}
            </div>
          ) : null}
        </section>
      ))}
      <div className="bulletin-signature">
        <p>{doc.issuer}</p>
        <p>{doc.dateText}</p>
      </div>
      <section className="bulletin-annex" aria-label={t("tablesHeading")}>
        <h2 className="bulletin-annex-heading">{t("tablesHeading")}</h2>
        {doc.tables.map((table) => (
          <DocumentTable key={table.id} table={table} />
        ))}
      </section>
    </article>
  );
}
