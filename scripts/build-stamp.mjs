// What each build is made from, and whether its output is current: a stamp in
// the output folder holds a hash of every input file (path and content), so a
// fresh clone, a pull, an edit or a new lockfile rebuilds, and nothing else does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP = '.build-stamp';

/** Inputs are paths from the repository root: folders are walked (without node_modules and dist), files taken as they are. */
export const TARGETS = {
  client: { dir: 'client', output: 'client/dist', entry: 'client/dist/index.html', inputs: ['client', 'shared', 'package.json', 'pnpm-lock.yaml', 'tsconfig.base.json'] },
  server: { dir: 'server', output: 'server/dist', entry: 'server/dist/main.js', inputs: ['server/src', 'server/build.mjs', 'server/package.json', 'shared', 'package.json', 'pnpm-lock.yaml', 'tsconfig.base.json'] },
};

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
// Tests do not go into a build: editing one should not rebuild.
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

/** Every input file of a target, as sorted paths from the root. */
export function inputFiles(root, inputs) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const entries = readdirSync(abs, { withFileTypes: true });
    for (const entry of entries) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && !TEST_FILE.test(entry.name)) {
        out.push(child);
      }
    }
  };
  for (const input of inputs) {
    const abs = path.join(root, input);
    if (!existsSync(abs)) continue;
    if (readdirSafe(abs)) walk(input);
    else out.push(input);
  }
  return [...new Set(out)].sort();
}

function readdirSafe(abs) {
  try {
    readdirSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** The hash of a target's inputs: paths and contents, in order. */
export function stampOf(root, inputs) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root, inputs)) {
    hash.update(file);
    hash.update('\0');
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether a target's output is there and was built from exactly these inputs. */
export function isCurrent(root, target) {
  const stampFile = path.join(root, target.output, STAMP);
  if (!existsSync(path.join(root, target.entry)) || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === stampOf(root, target.inputs);
}
