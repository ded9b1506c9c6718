export * from "./types";
export { generateBulletin } from "./generate";
export { applyEdits, keepCustomParagraphs, parseDocument, untracedNumbers } from "./edit";
export { lastMonthOf } from "./period";
