"use server";
/**
 * Upload the tenant's county outlines: a GeoJSON FeatureCollection whose features name
 * their region by code. Checked (what is wrong and in which feature), matched to the
 * regions, simplified for the browser and stored in place of the previous outlines.
 * Features naming no region and regions left without an outline are reported. Audited.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { matchBoundaries, parseBoundaries, simplifyGeometry, type BoundaryProblem } from "../geo/boundaries";
import { mappableRegions, saveBoundaries } from "../data/geo";
import { MAX_UPLOAD_BYTES } from "../schemas/upload";
import { uploadBoundariesSchema } from "../schemas/geo";
import type { ActionResult } from "./result";
import { ActionError, defineAction } from "./client";

export interface BoundaryUploadData {
  matched: number;
  /** "第 3 个要素（代码 431299 某区）" per feature that names no region */
  unmatched: string[];
  /** "433199 湘西高新区" per active region left without an outline */
  missing: string[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function problemText(t: Translate, p: BoundaryProblem): string {
  // reason keys come from the schema's messages; the tests check each one is in the catalogue
  const reason = t(`problems.${p.reason}`);
  return p.feature === null ? reason : t("problemAt", { feature: p.feature, path: p.path, reason });
}

async function readText(file: File, t: Translate): Promise<string> {
  if (file.size === 0) throw new ActionError(t("rejected"), { file: [t("emptyFile")] });
  if (file.size > MAX_UPLOAD_BYTES) throw new ActionError(t("rejected"), { file: [t("tooLarge", { max: MAX_UPLOAD_BYTES / 1024 / 1024 })] });
  if (!/\.(geo)?json$/i.test(file.name)) throw new ActionError(t("rejected"), { file: [t("fileType")] });
  return file.text();
}

const action = defineAction({ action: "region.manage", schema: uploadBoundariesSchema }, async (input, { db, tenant, user }): Promise<ActionResult<BoundaryUploadData>> => {
  const t = (await getTranslations("MapUpload")) as unknown as Translate;
  const parsed = parseBoundaries(await readText(input.file, t));
  if (!parsed.ok) throw new ActionError(t("rejected"), { file: parsed.problems.map((p) => problemText(t, p)) });
  const regions = await mappableRegions(db, tenant);
  const match = matchBoundaries(parsed.features, regions, input.codeProperty);
  const unmatched = match.unmatched.map((u) => t("unmatchedFeature", { feature: u.feature, code: u.code ?? "—", name: u.name ?? "" }).trim());
  if (match.matched.length === 0) {
    const hint = input.codeProperty ? t("noMatchProperty", { property: input.codeProperty }) : t("noMatch");
    throw new ActionError(t("rejected"), { file: [hint] });
  }
  const missing = match.missing.filter((r) => r.active);
  const data: BoundaryUploadData = { matched: match.matched.length, unmatched, missing: missing.map((r) => `${r.code} ${r.name}`) };
  await db.$transaction((tx) =>
    saveBoundaries(tx, tenant, {
      shapes: match.matched.map((m) => ({ regionId: m.region.id, geometry: simplifyGeometry(m.geometry) })),
      attribution: input.attribution,
      fileName: input.file.name,
      summary: { matched: data.matched, unmatched: unmatched.length, missing: missing.map((r) => r.code) },
    }),
  );
  revalidatePath(`/${user.tenantSlug}`, "layout");
  return { ok: true, message: t("done", { matched: data.matched, unmatched: unmatched.length, missing: missing.length }), data };
});

export async function uploadBoundaries(...args: Parameters<typeof action>) {
  return action(...args);
}
