/**
 * A server-rendered SVG bar chart: each county's completion with the 序时进度 line.
 * Plain SVG (no script), so it shows on screen, in print and in a PDF alike.
 */
import { Decimal } from "@/lib/decimal";
import type { BulletinChart } from "@/lib/bulletins/types";

export function CompletionChart({ chart, expectedLabel, axisLabel, ariaLabel }: { chart: BulletinChart; expectedLabel: string; axisLabel: string; ariaLabel: string }) {
  const width = 640;
  const rowH = 26;
  const left = 96;
  const right = 56;
  const top = 28;
  const height = top + chart.bars.length * rowH + 24;
  const values = chart.bars.map((b) => (b.percent !== null ? new Decimal(b.percent) : new Decimal(0)));
  const max = Decimal.max(new Decimal(100), new Decimal(chart.expectedPercent), ...values);
  const scale = (v: Decimal) => v.div(max).times(width - left - right).toNumber();
  const expectedX = left + scale(new Decimal(chart.expectedPercent));
  return (
    <figure className="bulletin-chart">
      <figcaption className="bulletin-caption">{chart.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={ariaLabel} style={{ maxWidth: "160mm" }}>
        <text x={left} y={14} fontSize="11" fill="#334155">
          {axisLabel}
        </text>
        {chart.bars.map((b, k) => {
          const y = top + k * rowH;
          const v = values[k];
          const behind = b.percent !== null && v.lt(chart.expectedPercent);
          return (
            <g key={b.label}>
              <text x={left - 8} y={y + 16} fontSize="13" textAnchor="end" fill="#0f172a">
                {b.label}
              </text>
              <rect x={left} y={y + 4} width={Math.max(0, scale(v))} height={rowH - 10} fill={behind ? "#b91c1c" : "#1f5fae"} />
              <text x={left + scale(v) + 4} y={y + 16} fontSize="12" fill="#0f172a">
                {b.percent ?? "—"}
              </text>
            </g>
          );
        })}
        <line x1={expectedX} x2={expectedX} y1={top - 4} y2={height - 18} stroke="#d97706" strokeWidth="2" strokeDasharray="5 3" />
        <text x={expectedX} y={height - 4} fontSize="11" textAnchor="middle" fill="#92400e">
          {expectedLabel} {chart.expectedPercent}%
        </text>
      </svg>
    </figure>
  );
}
