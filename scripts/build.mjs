#!/usr/bin/env node
// Builds the client (Vite) and the server bundle (esbuild), then stamps each
// output with a hash of its inputs (build-stamp.mjs).
//   node scripts/build.mjs             build both (`pnpm build`)
//   node scripts/build.mjs --if-stale  build only what changed since its stamp, quietly (`pnpm start`)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCurrent, STAMP, stampOf, TARGETS } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');

function viteBin() {
  const require = createRequire(path.join(root, 'client', 'package.json'));
  return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

const COMMANDS = {
  // On start only warnings and errors: the asset table is for people who asked for a build.
  client: () => [viteBin(), 'build', ...(ifStale ? ['--logLevel', 'warn'] : [])],
  server: () => ['build.mjs'],
};

function build(name) {
  const target = TARGETS[name];
  // Hashed before the build: an edit made while it runs then shows as stale next time.
  const stamp = stampOf(root, target.inputs);
  const run = spawnSync(process.execPath, COMMANDS[name](), { cwd: path.join(root, target.dir), stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`The ${name} build failed.`);
    process.exit(run.status ?? 1);
  }
  writeFileSync(path.join(root, target.output, STAMP), `${stamp}\n`);
}

const stale = Object.keys(TARGETS).filter((name) => !ifStale || !isCurrent(root, TARGETS[name]));
if (ifStale && stale.length === 0) {
  console.log('The build is up to date with the sources; starting.');
} else {
  if (ifStale) console.log(`Building the ${stale.join(' and the ')} (first start, or the sources changed)…`);
  for (const name of stale) build(name);
}
