#!/usr/bin/env node
// The whole test suite, one project at a time so each database's count is plain:
//   unit          pure rules and stores (shared, server, client)
//   api-pglite    API + websocket integration on embedded PGlite
//   api-postgres  the same suite on PostgreSQL (needs OPSBOARD_TEST_DATABASE_URL)
//   browser       Chromium end-to-end against the real server (needs Chromium)
//   browser-firefox  the board's drag and drop, live sync and editing again in Firefox (needs Firefox)
// OPSBOARD_REQUIRE_ALL=1 (set by .ci/run) turns a missing Postgres, Chromium or Firefox into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const requireAll = process.env.OPSBOARD_REQUIRE_ALL === '1';
const only = process.argv.slice(2);

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

const projects = ['unit', 'api-pglite'];
const skipped = [];
if (process.env.OPSBOARD_TEST_DATABASE_URL) projects.push('api-postgres');
else skipped.push('api-postgres: set OPSBOARD_TEST_DATABASE_URL=postgres://user@host:5432/postgres (a role that may CREATE DATABASE)');
const chromium = findChromium();
if (chromium) projects.push('browser');
else skipped.push('browser: install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM_PATH');
const firefox = findFirefox();
if (firefox) projects.push('browser-firefox');
else skipped.push('browser-firefox: install Firefox (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH');

const selected = only.length > 0 ? projects.filter((p) => only.includes(p)) : projects;
if (requireAll && skipped.length > 0 && only.length === 0) {
  console.error(`\nOPSBOARD_REQUIRE_ALL=1 but some suites cannot run:\n  - ${skipped.join('\n  - ')}`);
  process.exit(1);
}

// Each project also writes a JSON report, so the summary at the very end can name what failed and why:
// a long log is often read from its tail only.
const reportDir = mkdtempSync(join(tmpdir(), 'opsboard-test-report-'));

/** The failed tests (and files that failed to load) of one project's JSON report, a few lines each. */
function failuresOf(reportPath) {
  if (!existsSync(reportPath)) return ['(no report was written: the run stopped before vitest finished)'];
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    return [`(the report could not be read: ${error instanceof Error ? error.message : String(error)})`];
  }
  const lines = [];
  for (const file of report.testResults ?? []) {
    const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (file.status === 'failed' && failed.length === 0) lines.push(`${name}: ${firstLines(file.message)}`);
    for (const t of failed) lines.push(`${name} > ${t.fullName ?? t.title}: ${firstLines((t.failureMessages ?? []).join('\n'))}`);
  }
  return lines;
}

function firstLines(text) {
  return String(text ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s*at .*node_modules/.test(l))
    .slice(0, 4)
    .join(' | ')
    .slice(0, 600);
}

const results = [];
for (const project of selected) {
  console.log(`\n=== ${project} ===`);
  const started = Date.now();
  // Chromium files run two at a time: each has its own server and database, and they mostly wait on the page
  // (measured: 265 s instead of 463 s for the same 32 files on 2 cores, all passing).
  const parallel = project === 'browser' ? ['--fileParallelism', '--maxWorkers=2'] : [];
  const reportPath = join(reportDir, `${project}.json`);
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`];
  const run = spawnSync('npx', ['vitest', 'run', '--project', project, ...reporters, ...parallel], {
    stdio: 'inherit',
    env: { ...process.env, ...(chromium && { CHROMIUM_PATH: chromium }), ...(firefox && { FIREFOX_PATH: firefox }) },
  });
  const ok = run.status === 0;
  results.push({ project, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), failures: ok ? [] : failuresOf(reportPath) });
}
rmSync(reportDir, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.project.padEnd(15)} ${r.seconds} s`);
  for (const f of r.failures) console.log(`      ✗ ${f}`);
}
for (const s of skipped) console.log(`SKIP  ${s}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
