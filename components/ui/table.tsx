/**
 * The one table: a scroll box (horizontal scroll stays inside it, never on the page; the box
 * is the containing block of its screen-reader-only text, which therefore cannot widen the
 * page), a caption for screen readers, and header and data cells. Numbers align right in tabular
 * figures. `cardsOnPhone`: below 640 px each row becomes a card (CSS only, the same
 * markup): the head row is hidden and every cell shows its column name from `data-label`.
 */
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({
  caption,
  showCaption = false,
  children,
  className = "",
  testId,
  cardsOnPhone = false,
}: {
  caption: ReactNode;
  /** show the caption above the table (otherwise it is for screen readers only) */
  showCaption?: boolean;
  children: ReactNode;
  className?: string;
  testId?: string;
  cardsOnPhone?: boolean;
}) {
  const box = cardsOnPhone ? "sm:overflow-x-auto sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white sm:shadow-sm" : "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm";
  return (
    <div className={`relative max-w-full ${box} ${className}`} data-testid={testId}>
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${cardsOnPhone ? CARDS : ""}`}>
        <caption className={showCaption ? "px-3 pt-2 text-left text-xs font-medium text-slate-600" : "sr-only"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/**
 * Phone cards, set on the table so that rows and cells need no classes of their own: the
 * head row hidden, each row a bordered two-column card (row header and cells marked
 * `data-wide` across both columns), each cell labelled from its `data-label`.
 */
const CARDS = [
  "max-sm:block max-sm:divide-y-0",
  "max-sm:[&>thead]:hidden max-sm:[&>tbody]:block max-sm:[&>tbody]:space-y-3",
  "max-sm:[&_tbody>tr]:grid max-sm:[&_tbody>tr]:grid-cols-2 max-sm:[&_tbody>tr]:gap-x-3 max-sm:[&_tbody>tr]:rounded-lg max-sm:[&_tbody>tr]:border max-sm:[&_tbody>tr]:border-slate-200 max-sm:[&_tbody>tr]:bg-white max-sm:[&_tbody>tr]:p-3 max-sm:[&_tbody>tr]:shadow-sm",
  "max-sm:[&_tbody_:is(td,th)]:block max-sm:[&_tbody_:is(td,th)]:min-w-0 max-sm:[&_tbody_:is(td,th)]:whitespace-normal max-sm:[&_tbody_:is(td,th)]:px-0 max-sm:[&_tbody_:is(td,th)]:py-1 max-sm:[&_tbody_:is(td,th)]:text-left",
  "max-sm:[&_tbody_[data-wide]]:col-span-2",
  "max-sm:[&_td[data-label]]:before:block max-sm:[&_td[data-label]]:before:text-xs max-sm:[&_td[data-label]]:before:font-medium max-sm:[&_td[data-label]]:before:text-slate-500 max-sm:[&_td[data-label]]:before:content-[attr(data-label)]",
].join(" ");

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
