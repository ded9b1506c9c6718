/** A status as text + colour (the text carries the meaning; colours meet WCAG AA contrast). */
const STATUS_CLASS: Record<string, string> = {
  AHEAD: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  BEHIND: "bg-amber-50 text-amber-900 ring-amber-300",
  SERIOUSLY_BEHIND: "bg-red-50 text-red-900 ring-red-300",
  NO_TARGET: "bg-slate-100 text-slate-700 ring-slate-300",
  NO_DATA: "bg-slate-100 text-slate-700 ring-slate-300",
  INACTIVE: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** Heat-map cell backgrounds (text stays dark: ≥ 4.5:1). */
export const HEAT_CLASS: Record<string, string> = {
  AHEAD: "bg-emerald-100 text-emerald-950",
  BEHIND: "bg-amber-100 text-amber-950",
  SERIOUSLY_BEHIND: "bg-red-200 text-red-950",
  NO_TARGET: "bg-slate-50 text-slate-700",
  NO_DATA: "bg-slate-50 text-slate-700",
  INACTIVE: "bg-slate-50 text-slate-700",
};

/** A glyph per status so the heat map does not rely on colour alone. */
export const STATUS_GLYPH: Record<string, string> = {
  AHEAD: "▲",
  BEHIND: "▼",
  SERIOUSLY_BEHIND: "▼▼",
  NO_TARGET: "",
  NO_DATA: "",
  INACTIVE: "",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_CLASS[status] ?? STATUS_CLASS.NO_DATA}`}>
      {label}
    </span>
  );
}
