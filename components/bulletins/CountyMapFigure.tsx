/**
 * The county map of a bulletin on the page and in print: the SVG of lib/bulletins/map-svg.ts
 * (the .docx embeds the same drawing as an image), inline so it prints without a script, with
 * the counties it does not draw and the outlines' attribution under it.
 */
import { getTranslations } from "next-intl/server";
import { countyMapSvg, drawable, mapSummary } from "@/lib/bulletins/map-svg";
import type { BulletinMapFigure } from "@/lib/bulletins/types";
import type { CountyMapData } from "@/lib/data/geo";

async function CountyMapFigure({ figure, map }: { figure: BulletinMapFigure; map: CountyMapData }) {
  const t = await getTranslations("BulletinText");
  const aria = t("mapLabel", { title: figure.title, legend: mapSummary(figure) });
  return (
    <figure className="bulletin-chart" data-testid="bulletin-county-map">
      <figcaption className="bulletin-caption">{figure.title}</figcaption>
      {/* markup built from escaped text by countyMapSvg */}
      <div className="bulletin-map-svg" dangerouslySetInnerHTML={{ __html: countyMapSvg(figure, map, aria) }} />
      {figure.note ? <p className="bulletin-figure-note">{figure.note}</p> : null}
      {map.attribution ? (
        <p className="bulletin-figure-note" data-testid="bulletin-map-attribution">
          {t("mapAttribution", { text: map.attribution })}
        </p>
      ) : null}
    </figure>
  );
}

/** The map figure when the document has one and the tenant still has outlines; else nothing. */
export function bulletinMap(figure: BulletinMapFigure | undefined, map: CountyMapData | null) {
  if (!map || !drawable(figure, map)) return null;
  return <CountyMapFigure figure={figure} map={map} />;
}
