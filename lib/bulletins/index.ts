export * from "./types";
export { generateBulletin, defaultIssuer } from "./generate";
export { applyEdits, keepCustomParagraphs, parseDocument, untracedNumbers } from "./edit";
export { lastMonthOf } from "./period";
