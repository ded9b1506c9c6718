"use client";
/**
 * Completion by region as bars coloured by status, with the 序时进度 reference line.
 * Ties are visible: each bar carries its rank label ("第2名", "第2名", "第4名"). The table beneath the
 * chart on the page is its text alternative.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_FILL } from "./colors";

export interface RankingBar {
  name: string;
  /** completion in percent (rounded for drawing only) */
  completion: number | null;
  /** "第2名": ties share a place */
  rankLabel: string;
  status: string;
  statusLabel: string;
}

export function RankingBarChart({
  bars,
  expectedPercent,
  expectedLabel,
  completionLabel,
  title,
}: {
  bars: RankingBar[];
  expectedPercent: number;
  expectedLabel: string;
  completionLabel: string;
  title: string;
}) {
  const data = bars.map((b) => ({ ...b, value: b.completion ?? 0 }));
  const max = Math.max(expectedPercent, ...data.map((d) => d.value), 10);
  return (
    <figure aria-label={title} className="w-full">
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: 360 }}
        margin={{ top: 24, right: 12, bottom: 8, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12, fill: "#334155" }} angle={-30} textAnchor="end" height={60} />
        <YAxis unit="%" tick={{ fontSize: 12, fill: "#334155" }} domain={[0, Math.ceil(max / 10) * 10]} width={48} label={{ value: `${completionLabel}（%）`, position: "top", offset: 10, fontSize: 12, fill: "#334155", textAnchor: "start" }} />
        <Tooltip
          formatter={(value, _name, item) => [`${Number(value).toFixed(1)}% · ${(item?.payload as { statusLabel?: string })?.statusLabel ?? ""}`, completionLabel]}
        />
        <ReferenceLine
          y={expectedPercent}
          stroke="#1e3a8a"
          strokeDasharray="6 3"
          strokeWidth={2}
          label={{ value: `${expectedLabel} ${expectedPercent.toFixed(1)}%`, position: "insideTopRight", fill: "#1e3a8a", fontSize: 12 }}
        />
        <Bar dataKey="value" name={completionLabel} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={STATUS_FILL[d.status] ?? "#64748b"} />
          ))}
          <LabelList dataKey="rankLabel" position="top" fill="#0f172a" fontSize={12} />
        </Bar>
      </BarChart>
    </figure>
  );
}
