import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputFiles, isCurrent, STAMP, stampOf } from './build-stamp.mjs';

const dirs = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A tiny repository: an app folder, a shared folder and a lockfile. */
function repo() {
  const root = mkdtempSync(path.join(tmpdir(), 'opsboard-stamp-'));
  dirs.push(root);
  const put = (rel, text) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  put('app/src/main.ts', 'console.log(1);');
  put('app/src/main.test.ts', 'test');
  put('app/node_modules/dep/index.js', 'dep');
  put('shared/index.ts', 'export {};');
  put('lock.yaml', 'v1');
  const target = { dir: 'app', output: 'app/dist', entry: 'app/dist/index.html', inputs: ['app', 'shared', 'lock.yaml'] };
  const built = () => {
    put('app/dist/index.html', '<html>');
    put(`app/dist/${STAMP}`, `${stampOf(root, target.inputs)}\n`);
  };
  return { root, put, target, built };
}

describe('build stamps', () => {
  it('hash the sources, the shared package and the lockfile, not dependencies, output or tests', () => {
    const { root, target, built } = repo();
    built();
    expect(inputFiles(root, target.inputs)).toEqual(['app/src/main.ts', 'lock.yaml', 'shared/index.ts']);
  });

  it('make a fresh clone build, and a second start skip it', () => {
    const { root, target, built } = repo();
    expect(isCurrent(root, target)).toBe(false);
    built();
    expect(isCurrent(root, target)).toBe(true);
  });

  it('rebuild after a change to a source, the shared package or the lockfile, or when the output is gone', () => {
    for (const [file, text] of [['app/src/main.ts', 'console.log(2);'], ['shared/index.ts', 'export const x = 1;'], ['lock.yaml', 'v2'], ['app/src/new.ts', '']]) {
      const { root, target, built, put } = repo();
      built();
      put(file, text);
      expect(isCurrent(root, target)).toBe(false);
    }
    const { root, target, built } = repo();
    built();
    rmSync(path.join(root, 'app/dist/index.html'));
    expect(isCurrent(root, target)).toBe(false);
  });

  it('skip the build when only a test or a dependency changed', () => {
    const { root, target, built, put } = repo();
    built();
    put('app/src/main.test.ts', 'another test');
    put('app/node_modules/dep/index.js', 'dep 2');
    expect(isCurrent(root, target)).toBe(true);
  });
});
