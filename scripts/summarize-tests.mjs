#!/usr/bin/env node
// Adds up the results of every suite the test command ran and prints the one closing line CI reads:
// "N passed, N failed, N skipped". Inputs: .trx files (dotnet test) and vitest JSON reports.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const resultsDir = process.argv[2] ?? "artifacts/test-results";
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function add(suite, passed, failed, skipped) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`  ${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

function attribute(xml, name) {
  const match = xml.match(new RegExp(`<Counters[^>]*\\s${name}="(\\d+)"`));
  return match ? Number(match[1]) : 0;
}

const files = existsSync(resultsDir) ? readdirSync(resultsDir).sort() : [];
for (const file of files) {
  const path = join(resultsDir, file);
  if (file.endsWith(".trx")) {
    const xml = readFileSync(path, "utf8");
    const total = attribute(xml, "total");
    const passed = attribute(xml, "passed");
    const failed = attribute(xml, "failed") + attribute(xml, "error") + attribute(xml, "timeout") + attribute(xml, "aborted");
    add(file, passed, failed, Math.max(0, total - passed - failed));
  } else if (file.endsWith(".vitest.json")) {
    const report = JSON.parse(readFileSync(path, "utf8"));
    add(file, report.numPassedTests ?? 0, report.numFailedTests ?? 0, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0));
  }
}

// A suite that crashed before writing its report counts as one failure, so it cannot pass silently.
for (const missing of (process.env.EXPECTED_REPORTS ?? "").split(",").filter(Boolean)) {
  if (!files.includes(missing)) add(`${missing} (missing: the suite did not finish)`, 0, 1, 0);
}

console.log(lines.join("\n"));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
