/**
 * The data of one tenant, as pages and route handlers reach it. The page guard
 * (lib/auth/guard.ts) builds it from the signed-in session, the read API from the token's
 * tenant: the tenant id is never taken from a URL or a request body. Every method calls a
 * lib/data function with this tenant's context; the Prisma client stays inside lib/data.
 */
import { db as processDb, type Db } from "../db/client";
import { authorizeApiRequest, listApiTokens, markApiTokenUsed } from "./api-tokens";
import { auditActors, listAudit, type AuditQuery } from "./audit";
import { getBulletin, isOutdated, latestDataMonth, listBulletins } from "./bulletins";
import { getIndicatorForEdit, listCatalogue, ratioPartOptions } from "./catalogue";
import { indicatorStates } from "./catalogue-import";
import type { Period, TenantContext } from "./context";
import { dashboardScope, getCompositeRanking, NotFoundError, getOverview, getRankingsView, getRegionDetail, listIndicators, resolvePeriod } from "./dashboard";
import { deadlineDayOf, entryRegions, getCompletenessBoard, getEntrySheet, getHistories, getReviewQueue, getUnlockRequests } from "./fills";
import { getBoundaryStatus, getCountyMap } from "./geo";
import { listNotes, type NoteFilter } from "./notes";
import { latestReportedPeriod, monthReporting } from "./reported";
import { listRegions, listRegionTree, regionByCode } from "./regions";
import { regionStates } from "./regions-import";
import { getSettingsForm } from "./settings";
import { getSetupProgress } from "./setup";
import { getTargetGrid, targetExportRows } from "./targets";
import { listRegionOptions, listUsers } from "./users";
import { userStates } from "./users-import";
import { getTenantWording } from "./wording";
import { tenantYears } from "./years";
import * as clock from "../clock";
import { sharedRead } from "../server/shared-read";
import { chinaMonth } from "../reporting/locks";
import type { DashboardQuery } from "../schemas/dashboard";

export class TenantData {
  readonly #db: Db;

  constructor(
    readonly ctx: TenantContext,
    db: Db = processDb,
  ) {
    this.#db = db;
  }

  // ---------------------------------------------------------------- dashboards
  /** The tenant's words: issuing organ, short name, area word (全州 / 全市 / 全省). */
  wording() {
    return getTenantWording(this.#db, this.ctx);
  }
  resolvePeriod(query: DashboardQuery) {
    return resolvePeriod(this.#db, this.ctx, query);
  }
  /** The latest reported month at `now` (the dashboards' default). */
  latestReportedPeriod(now: Date) {
    return latestReportedPeriod(this.#db, this.ctx, now);
  }
  /** How far a month is reported: by the reporting units below the region shown (the banner of every dashboard). */
  async monthReporting(period: Period, now: Date, parentId?: string) {
    return monthReporting(this.#db, this.ctx, period, now, this.#scopeParent(parentId));
  }
  /** The scope of `?region=<code>` (NotFoundError for a region without dashboards of its own). */
  dashboardScope(code: string | undefined) {
    return dashboardScope(this.#db, this.ctx, code);
  }
  /**
   * The region whose children a dashboard ranks: `parentId`, or by default the member's own
   * region when they are bound to a subtree (undefined: the root). A region outside that
   * subtree is not found.
   */
  #scopeParent(parentId: string | undefined): string | undefined {
    const { subtree, regionId } = this.ctx;
    if (!subtree || !regionId) return parentId;
    if (parentId !== undefined && !subtree.has(parentId)) throw new NotFoundError(`region ${parentId}`);
    return parentId ?? regionId;
  }
  /** Shared by the page requests waiting when it is computed (lib/server/shared-read.ts). */
  async overview(period: Period, parentId?: string) {
    const { tenantId, role, regionId } = this.ctx;
    const parent = this.#scopeParent(parentId);
    const key = ["overview", tenantId, role, regionId, period.year, period.month, parent ?? ""].join("|");
    return sharedRead(key, () => getOverview(this.#db, this.ctx, period, { parentId: parent }));
  }
  async compositeRanking(period: Period) {
    return getCompositeRanking(this.#db, this.ctx, period, this.#scopeParent(undefined));
  }
  async rankingsView(indicatorCode: string, period: Period, parentId?: string, depth?: number) {
    return getRankingsView(this.#db, this.ctx, indicatorCode, period, this.#scopeParent(parentId), depth);
  }
  indicators() {
    return listIndicators(this.#db, this.ctx);
  }
  regionDetail(code: string, period: Period) {
    return getRegionDetail(this.#db, this.ctx, code, period);
  }
  notes(filter?: NoteFilter) {
    return listNotes(this.#db, this.ctx, filter);
  }

  // ---------------------------------------------------------------- regions
  regions() {
    return listRegions(this.#db, this.ctx);
  }
  /** The tenant's region with this code, or null. */
  regionByCode(code: string) {
    return regionByCode(this.#db, this.ctx, code);
  }
  regionTree() {
    return listRegionTree(this.#db, this.ctx);
  }
  /** The county outlines as SVG paths, or null before a boundary file is uploaded. */
  countyMap() {
    return getCountyMap(this.#db, this.ctx);
  }
  /** The boundary file and which regions have an outline (the map's administration). */
  boundaryStatus() {
    return getBoundaryStatus(this.#db, this.ctx);
  }
  /** Every region in tree order with its parent's code (the sheet import's and export's view). */
  regionStates() {
    return regionStates(this.#db, this.ctx);
  }

  // ---------------------------------------------------------------- reporting
  entryRegions() {
    return entryRegions(this.#db, this.ctx);
  }
  async entrySheet(regionId: string, period: Period, now: Date) {
    // a region outside a subtree-bound member's scope has no sheet for them
    if (this.ctx.subtree && !this.ctx.subtree.has(regionId)) return null;
    return getEntrySheet(this.#db, this.ctx, regionId, period, now);
  }
  histories(fillIds: string[]) {
    return getHistories(this.#db, this.ctx, fillIds);
  }
  deadlineDay() {
    return deadlineDayOf(this.#db, this.ctx.tenantId);
  }
  reviewQueue() {
    return getReviewQueue(this.#db, this.ctx);
  }
  unlockRequests() {
    return getUnlockRequests(this.#db, this.ctx);
  }
  async completenessBoard(period: Period, now: Date, parentId?: string) {
    return getCompletenessBoard(this.#db, this.ctx, period, now, this.#scopeParent(parentId));
  }
  /** The earliest period a region's granted unlock request still holds open at `now`, or null. */
  async openUnlockGrant(regionId: string, now: Date): Promise<Period | null> {
    const grant = await this.#db.unlockRequest.findFirst({
      where: { tenantId: this.ctx.tenantId, regionId, status: "GRANTED", openUntil: { gt: now } },
      orderBy: [{ year: "asc" }, { month: "asc" }],
      select: { year: true, month: true },
    });
    return grant;
  }
  /** The active indicators that are entered (every kind but RATIO), in catalogue order. */
  enteredIndicators() {
    return this.#db.indicator.findMany({
      where: { tenantId: this.ctx.tenantId, active: true, kind: { not: "RATIO" } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    });
  }
  /** The fills of a month in the given regions. */
  monthFills(period: Period, regionIds: string[]) {
    return this.#db.fill.findMany({ where: { tenantId: this.ctx.tenantId, year: period.year, month: period.month, regionId: { in: regionIds } } });
  }

  // ---------------------------------------------------------------- targets
  /** Every year holding targets or figures, the current year and the next one, newest first. */
  years() {
    return tenantYears(this.#db, this.ctx, chinaMonth(clock.now()).year);
  }
  targetGrid(year: number) {
    return getTargetGrid(this.#db, this.ctx, year);
  }
  targetExportRows(year: number) {
    return targetExportRows(this.#db, this.ctx, year);
  }

  // ---------------------------------------------------------------- bulletins
  bulletins(options: { includeDrafts: boolean }) {
    return listBulletins(this.#db, this.ctx, options);
  }
  bulletin(id: string, options: { includeDrafts: boolean }) {
    return getBulletin(this.#db, this.ctx, id, options);
  }
  isOutdated(record: NonNullable<Awaited<ReturnType<typeof getBulletin>>>) {
    return isOutdated(this.#db, this.ctx, record);
  }
  latestDataMonth() {
    return latestDataMonth(this.#db, this.ctx);
  }

  // ---------------------------------------------------------------- administration
  users() {
    return listUsers(this.ctx, this.#db);
  }
  /** Every active member as the users import reads them (the export's view; no passwords). */
  userStates() {
    return userStates(this.#db, this.ctx);
  }
  regionOptions() {
    return listRegionOptions(this.ctx, this.#db);
  }
  catalogue() {
    return listCatalogue(this.#db, this.ctx);
  }
  /** Every indicator with its parts by code (the sheet import's and export's view). */
  indicatorStates() {
    return indicatorStates(this.#db, this.ctx);
  }
  indicatorForEdit(code: string) {
    return getIndicatorForEdit(this.#db, this.ctx, code);
  }
  ratioPartOptions() {
    return ratioPartOptions(this.#db, this.ctx);
  }
  /** How far the tenant is set up (the administrator's first-run checklist), targets of `year`. */
  setupProgress(year: number) {
    return getSetupProgress(this.#db, this.ctx, year);
  }
  settingsForm() {
    return getSettingsForm(this.#db, this.ctx);
  }
  audit(query: AuditQuery) {
    return listAudit(this.#db, this.ctx, query);
  }
  auditActors() {
    return auditActors(this.#db, this.ctx);
  }
  apiTokens() {
    return listApiTokens(this.#db, this.ctx);
  }
}


export type ApiTenant = { ok: true; data: TenantData; markUsed: () => Promise<void> } | { ok: false; status: 401 | 404 };

/** The read API's access: the bearer token names the tenant; the URL's slug is only checked against it. */
export async function apiTenant(slug: string, authorization: string | null, db: Db = processDb): Promise<ApiTenant> {
  const check = await authorizeApiRequest(db, slug, authorization);
  if (!check.ok) return check;
  return { ok: true, data: new TenantData(check.ctx, db), markUsed: () => markApiTokenUsed(db, check.ctx, check.tokenId) };
}
