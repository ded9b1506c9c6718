"use client";
/**
 * A county's cumulative actual through the year against the target pace (target × 序时进度)
 * and last year's line, the value axis headed with the indicator's unit. The table in the
 * <details> beneath it is its text alternative.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendPoint {
  month: string;
  actual: number | null;
  targetPace: number | null;
  lastYear: number | null;
}

export function TrendLineChart({
  points,
  labels,
  title,
  unit,
}: {
  points: TrendPoint[];
  labels: { actual: string; targetPace: string; lastYear: string };
  title: string;
  /** the indicator's unit (亿元, 家, %) */
  unit: string;
}) {
  return (
    <figure aria-label={title} className="w-full">
      <LineChart responsive data={points} style={{ width: "100%", height: 300 }} margin={{ top: 28, right: 16, bottom: 4, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis tick={{ fontSize: 12, fill: "#334155" }} width={56} label={{ value: `（${unit}）`, position: "top", offset: 14, fontSize: 12, fill: "#334155" }} />
        <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${String(value)} ${unit}`)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="actual" name={labels.actual} stroke="#1d4ed8" strokeWidth={2.5} dot connectNulls={false} isAnimationActive={false} />
        <Line type="linear" dataKey="targetPace" name={labels.targetPace} stroke="#b45309" strokeDasharray="6 3" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="lastYear" name={labels.lastYear} stroke="#64748b" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </figure>
  );
}
