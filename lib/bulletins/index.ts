export * from "./types";
export { generateBulletin, bulletinTitle, defaultIssuer, wholeArea, dataHash } from "./generate";
export { applyEdits, keepCustomParagraphs, parseDocument, untracedNumbers } from "./edit";
export { lastMonthOf, periodName, latestPeriodOf, isValidPeriod, PERIOD_COUNT } from "./period";
