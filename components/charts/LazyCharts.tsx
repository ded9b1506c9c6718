"use client";
/**
 * The charts load after the page (their tables are server-rendered beside them): Recharts
 * stays out of the first bundle and the page is interactive sooner. The placeholder keeps
 * the chart's height so nothing shifts.
 */
import dynamic from "next/dynamic";

export const LazyRankingBarChart = dynamic(() => import("./RankingBarChart").then((m) => m.RankingBarChart), {
  ssr: false,
  loading: () => <div style={{ height: 360 }} aria-hidden="true" />,
});

export const LazyTrendLineChart = dynamic(() => import("./TrendLineChart").then((m) => m.TrendLineChart), {
  ssr: false,
  loading: () => <div style={{ height: 300 }} aria-hidden="true" />,
});
