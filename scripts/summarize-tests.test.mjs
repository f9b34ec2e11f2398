// The closing line must not say "0 failed" when a suite did not run. Each case feeds the summarizer a
// results directory from scripts/fixtures/ (trimmed from real runs, except trx-aborted) and checks
// every line it prints and its exit code. Run: node --test scripts/summarize-tests.test.mjs
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const scripts = import.meta.dirname;

function summarize(dir) {
  const run = spawnSync(process.execPath, [join(scripts, "summarize-tests.mjs"), dir], { encoding: "utf8" });
  return { lines: run.stdout.trimEnd().split("\n"), exitCode: run.status };
}

const cases = [
  {
    fixture: "all-green",
    exitCode: 0,
    lines: [
      "  addin.vitest.json: 2 passed, 0 failed, 0 skipped",
      "  service.trx: 3 passed, 0 failed, 0 skipped",
      "  summarize-tests.tap: 2 passed, 0 failed, 1 skipped",
      "  sqlserver: not run (set OUTLOOKCRM_TEST_SQLSERVER to a SQL Server connection string to run it; see docs/sqlserver.md)",
      "7 passed, 0 failed, 1 skipped",
    ],
  },
  {
    fixture: "vitest-failed-test",
    exitCode: 1,
    lines: ["  addin.vitest.json: 2 passed, 1 failed, 0 skipped — vitest exited 1; report success:false; 1 failed file", "2 passed, 1 failed, 0 skipped"],
  },
  {
    // Every e2e file fails in beforeAll (Chromium will not launch); vitest calls their tests skipped.
    fixture: "no-chromium",
    exitCode: 1,
    lines: ["  e2e.vitest.json: 0 passed, 1 failed, 2 skipped — vitest exited 1; report success:false; 2 failed files", "0 passed, 1 failed, 2 skipped"],
  },
  {
    // The service did not build or start: vitest still writes a report, of zeros.
    fixture: "global-setup-failed",
    exitCode: 1,
    lines: ["  e2e.vitest.json: 0 passed, 1 failed, 0 skipped — vitest exited 1; report success:false; ran no tests", "0 passed, 1 failed, 0 skipped"],
  },
  {
    fixture: "trx-failed-test",
    exitCode: 1,
    lines: [
      '  service.trx: 2 passed, 1 failed, 0 skipped — dotnet test exited 1; run outcome Failed; 1 run-level error ("[xUnit.net 00:00:00.33]     Tests.Adds [FAIL]")',
      "2 passed, 1 failed, 0 skipped",
    ],
  },
  {
    // The counters only hold the tests that finished before the host died: all of them passed.
    fixture: "trx-host-crash",
    exitCode: 1,
    lines: [
      '  service.trx: 2 passed, 1 failed, 0 skipped — dotnet test exited 1; run outcome Failed; 1 run-level error ("The active test run was aborted. Reason: Test host process crashed")',
      "2 passed, 1 failed, 0 skipped",
    ],
  },
  {
    // Hand-made: the outcome alone, with green counters and exit code 0, fails the suite.
    fixture: "trx-aborted",
    exitCode: 1,
    lines: ["  service.trx: 3 passed, 1 failed, 0 skipped — run outcome Aborted", "3 passed, 1 failed, 0 skipped"],
  },
  {
    fixture: "missing-report",
    exitCode: 1,
    lines: ["  e2e.vitest.json: 0 passed, 1 failed, 0 skipped — vitest exited 1; no report (the suite did not finish)", "0 passed, 1 failed, 0 skipped"],
  },
  {
    fixture: "zero-tests",
    exitCode: 1,
    lines: ["  manifest.vitest.json: 0 passed, 1 failed, 0 skipped — ran no tests", "0 passed, 1 failed, 0 skipped"],
  },
  {
    fixture: "exit-code-clean-report",
    exitCode: 1,
    lines: ["  addin.vitest.json: 2 passed, 1 failed, 0 skipped — vitest exited 1", "2 passed, 1 failed, 0 skipped"],
  },
  {
    // The exit code file is there but empty (the disk filled up, say): not taken as success.
    fixture: "exit-code-not-recorded",
    exitCode: 1,
    lines: ["  addin.vitest.json: 2 passed, 1 failed, 0 skipped — no exit code recorded", "2 passed, 1 failed, 0 skipped"],
  },
  {
    // A step without a report (type check, build, install) that failed.
    fixture: "failed-check",
    exitCode: 1,
    lines: ["  addin-typecheck: 0 passed, 1 failed, 0 skipped — exited 2", "0 passed, 1 failed, 0 skipped"],
  },
  {
    fixture: "tap-failed",
    exitCode: 1,
    lines: ["  summarize-tests.tap: 1 passed, 1 failed, 1 skipped — node --test exited 1", "1 passed, 1 failed, 1 skipped"],
  },
  {
    // The runner was killed while writing its report. (JSON.parse's wording differs between Node versions.)
    fixture: "unreadable-report",
    exitCode: 1,
    lines: [/^ {2}addin\.vitest\.json: 0 passed, 1 failed, 0 skipped — vitest exited 137; unreadable report \(.+\)$/, "0 passed, 1 failed, 0 skipped"],
  },
];

for (const { fixture, exitCode, lines } of cases) {
  test(fixture, () => {
    const summary = summarize(join(scripts, "fixtures", fixture));
    assert.equal(summary.lines.length, lines.length, summary.lines.join("\n"));
    lines.forEach((expected, i) => (expected instanceof RegExp ? assert.match(summary.lines[i], expected) : assert.equal(summary.lines[i], expected)));
    assert.equal(summary.exitCode, exitCode);
  });
}

test("a results directory with nothing in it", () => {
  const empty = mkdtempSync(join(tmpdir(), "summarize-tests-"));
  try {
    const summary = summarize(empty);
    assert.deepEqual(summary.lines, [`  no suites: ${empty} has no reports or exit codes`, "0 passed, 1 failed, 0 skipped"]);
    assert.equal(summary.exitCode, 1);
  } finally {
    rmSync(empty, { recursive: true });
  }
});
