/**
 * 图1 on the page and in print: the SVG of lib/bulletins/chart-svg.ts (the .docx embeds the
 * same drawing as an image), inline so it prints without a script or a request.
 */
import { completionChartSvg, type ChartLabels } from "@/lib/bulletins/chart-svg";
import type { BulletinChart } from "@/lib/bulletins/types";

export function CompletionChart({ chart, labels }: { chart: BulletinChart; labels: ChartLabels }) {
  return (
    <figure className="bulletin-chart">
      <figcaption className="bulletin-caption">{chart.title}</figcaption>
      {/* markup built from escaped text by completionChartSvg */}
      <div className="bulletin-chart-svg" dangerouslySetInnerHTML={{ __html: completionChartSvg(chart, labels) }} />
    </figure>
  );
}
