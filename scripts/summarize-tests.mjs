#!/usr/bin/env node
// Adds up every suite the test command ran and prints the one closing line CI reads:
// "N passed, N failed, N skipped". Anything that means a suite did not run as it should counts as a
// failure, not only failed tests: a runner that exited non-zero, a report that says it failed, a
// missing or unreadable report, a suite that ran no tests. Each suite's line says which happened.
//
// It reads one directory (scripts/test.sh writes it; scripts/fixtures/ holds examples):
//   service.trx, <name>.vitest.json, <name>.tap   reports of dotnet test, vitest and node --test
//   <name>.exit                                   exit code of the command that ran <name>: a report
//                                                 (which then must exist) or a check without one
//   <name>.not-run                                a suite left out on purpose, and why (counted neither way)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Each reader returns the counts and whatever the report itself says went wrong.
const readers = [
  { suffix: ".trx", runner: "dotnet test", read: readTrx },
  { suffix: ".vitest.json", runner: "vitest", read: readVitest },
  { suffix: ".tap", runner: "node --test", read: readTap },
];

function readVitest(text) {
  const report = JSON.parse(text);
  const problems = [];
  if (report.success !== true) problems.push(`report success:${report.success}`);
  // A file whose import or beforeAll throws fails here while its tests only show as skipped.
  // (numFailedTestSuites counts describe blocks too; the files are what a reader looks for.)
  const failedFiles = (report.testResults ?? []).filter((file) => file.status === "failed").length;
  if (failedFiles > 0) problems.push(plural(failedFiles, "failed file"));
  else if (report.numFailedTestSuites > 0) problems.push(plural(report.numFailedTestSuites, "failed suite"));
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    problems,
  };
}

function readTrx(xml) {
  const outcome = xml.match(/<ResultSummary\b[^>]*\soutcome="([^"]*)"/)?.[1];
  if (outcome === undefined) throw new Error("no <ResultSummary>");
  const count = (name) => Number(xml.match(new RegExp(`<Counters\\b[^>]*\\s${name}="(\\d+)"`))?.[1] ?? 0);
  const passed = count("passed");
  const failed = count("failed") + count("error") + count("timeout") + count("aborted");
  const problems = [];
  if (outcome !== "Completed") problems.push(`run outcome ${outcome}`);
  // Run-level errors are where a test host crash is told; the counters only hold what finished before it.
  const errors = [...xml.matchAll(/<RunInfo\b[^>]*\soutcome="Error"[^>]*>\s*<Text>([^<\n]*)/g)].map((m) => m[1].trim());
  if (errors.length > 0) problems.push(`${plural(errors.length, "run-level error")} ("${errors[0].slice(0, 100)}")`);
  return { passed, failed, skipped: Math.max(0, count("total") - passed - failed), problems };
}

function readTap(text) {
  const count = (name) => {
    const match = text.match(new RegExp(`^# ${name} (\\d+)$`, "m"));
    if (!match) throw new Error(`no "# ${name}" line`);
    return Number(match[1]);
  };
  return { passed: count("pass"), failed: count("fail") + count("cancelled"), skipped: count("skipped") + count("todo"), problems: [] };
}

function judge(dir, name, exitCode) {
  const reader = readers.find((r) => name.endsWith(r.suffix));
  const problems = [];
  if (Number.isNaN(exitCode)) problems.push("no exit code recorded");
  else if (exitCode !== undefined && exitCode !== 0) problems.push(reader ? `${reader.runner} exited ${exitCode}` : `exited ${exitCode}`);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (reader) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push("no report (the suite did not finish)");
    } else {
      try {
        const { problems: reported, ...read } = reader.read(readFileSync(path, "utf8"));
        counts = read;
        problems.push(...reported);
        if (counts.passed + counts.failed + counts.skipped === 0) problems.push("ran no tests");
      } catch (error) {
        problems.push(`unreadable report (${error.message})`);
      }
    }
  } else if (problems.length === 0) {
    return null; // a check that passed has nothing to add
  }
  // Whatever went wrong, it shows in the failed count even when no single test failed.
  if (problems.length > 0) counts.failed = Math.max(counts.failed, 1);
  return { ...counts, line: `  ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${problems.length ? ` — ${problems.join("; ")}` : ""}` };
}

const exitCodeIn = (path) => {
  const text = readFileSync(path, "utf8").trim();
  return /^\d+$/.test(text) ? Number(text) : NaN;
};

function summarize(dir) {
  const files = existsSync(dir) ? readdirSync(dir) : [];
  const exitCodes = new Map(
    files.filter((f) => f.endsWith(".exit")).map((f) => [f.slice(0, -".exit".length), exitCodeIn(join(dir, f))]),
  );
  const reports = files.filter((f) => readers.some((r) => f.endsWith(r.suffix)));
  const names = [...new Set([...exitCodes.keys(), ...reports])].sort();

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  for (const name of names) {
    const verdict = judge(dir, name, exitCodes.get(name));
    if (!verdict) continue;
    totals.passed += verdict.passed;
    totals.failed += verdict.failed;
    totals.skipped += verdict.skipped;
    lines.push(verdict.line);
  }
  if (names.length === 0) {
    totals.failed = 1;
    lines.push(`  no suites: ${dir} has no reports or exit codes`);
  }
  for (const file of files.filter((f) => f.endsWith(".not-run")).sort()) {
    lines.push(`  ${file.slice(0, -".not-run".length)}: not run (${readFileSync(join(dir, file), "utf8").trim()})`);
  }
  lines.push(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return { lines, failed: totals.failed };
}

const { lines, failed } = summarize(process.argv[2] ?? "artifacts/test-results");
console.log(lines.join("\n"));
process.exit(failed > 0 ? 1 : 0);
