// Prints one closing line for the whole suite from the vitest and Playwright JSON reports.
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestFile, playwrightFile] = process.argv.slice(2);
const vitest = JSON.parse(fs.readFileSync(vitestFile, "utf8"));
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;
const pw = JSON.parse(fs.readFileSync(playwrightFile, "utf8"));
passed += pw.stats.expected + pw.stats.flaky;
failed += pw.stats.unexpected;
skipped += pw.stats.skipped;
console.log(`\nvitest: ${vitest.numPassedTests} passed · playwright: ${pw.stats.expected + pw.stats.flaky} passed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
