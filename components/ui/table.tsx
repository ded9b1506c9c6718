/**
 * The one table: a scroll box (horizontal scroll stays inside it, never on the page), a
 * caption for screen readers, and header and data cells. Numbers align right in tabular
 * figures. The box is positioned: the screen-reader-only text of its cells is absolutely
 * positioned and would otherwise widen the page instead of the box.
 */
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({
  caption,
  showCaption = false,
  children,
  className = "",
  testId,
}: {
  caption: ReactNode;
  /** show the caption above the table (otherwise it is for screen readers only) */
  showCaption?: boolean;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={`relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${className}`} data-testid={testId}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className={showCaption ? "px-3 pt-2 text-left text-xs font-medium text-slate-600" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ numeric = false, className = "", scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={`whitespace-nowrap px-3 py-2 text-xs font-semibold text-slate-700 ${numeric ? "text-right" : "text-left"} ${className}`}
      {...rest}
    />
  );
}

export function Td({ numeric = false, className = "", ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={`whitespace-nowrap px-3 py-2 text-slate-800 ${numeric ? "text-right tabular-nums" : ""} ${className}`} {...rest} />;
}

/** The head row of a table. */
export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50">
      <tr>{children}</tr>
    </thead>
  );
}

/** The body, rows divided. */
export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}
