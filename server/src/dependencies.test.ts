/**
 * The folders under server/src depend on each other one way only: a module
 * may use a lower one (cards → boards → events → db), never the other way
 * round. A two-way dependency (or any longer cycle) means a helper lives in
 * the wrong module; this test names the files that close the loop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
/** Composition roots: they wire every module together, so they sit on top and nothing imports them. */
const ROOTS = new Set(['app.ts', 'main.ts']);
const ROOT_FOLDER = '(server/src)';

type Edges = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The folder a file belongs to: its first directory under src, or the root files' own group. */
function folderOf(relative: string): string {
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0]! : ROOT_FOLDER;
}

/** Relative imports (static, type-only, re-exports and dynamic) of one file, resolved against src. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.relative(SRC, path.resolve(path.dirname(file), name)).replace(/\.js$/, '.ts'));
}

function folderEdges(): { edges: Edges; rootImports: string[] } {
  const edges: Edges = new Map();
  const rootImports: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = path.relative(SRC, file);
    if (ROOTS.has(from)) continue;
    for (const target of importsOf(file)) {
      if (ROOTS.has(target)) rootImports.push(`${from} imports ${target}`);
      const a = folderOf(from);
      const b = folderOf(target);
      if (a === b || target.startsWith('..')) continue;
      const out = edges.get(a) ?? new Map<string, string[]>();
      out.set(b, [...(out.get(b) ?? []), `${from} → ${target}`]);
      edges.set(a, out);
    }
  }
  return { edges, rootImports };
}

/** Strongly connected groups of more than one folder (Tarjan): every dependency cycle, however long. */
export function cycles(edges: Edges): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Each cycle with the imports that make it up, for a failure message that says what to move. */
function describeCycle(edges: Edges, group: string[]): string {
  const members = new Set(group);
  const lines = [`cycle between ${group.join(', ')}:`];
  for (const a of group) {
    for (const [b, via] of edges.get(a) ?? []) if (members.has(b)) lines.push(`  ${a} → ${b}: ${via.join('; ')}`);
  }
  return lines.join('\n');
}

describe('server/src folder dependencies', () => {
  it('the cycle finder sees two-way and longer cycles, and nothing in a one-way graph', () => {
    const graph = (pairs: [string, string][]): Edges => {
      const e: Edges = new Map();
      for (const [a, b] of pairs) e.set(a, new Map([...(e.get(a) ?? []), [b, [`${a}/x.ts → ${b}/y.ts`]]]));
      return e;
    };
    expect(cycles(graph([['cards', 'boards'], ['boards', 'events'], ['cards', 'events']]))).toEqual([]);
    expect(cycles(graph([['cards', 'boards'], ['boards', 'cards'], ['boards', 'events']]))).toEqual([['boards', 'cards']]);
    expect(cycles(graph([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]))).toEqual([['a', 'b', 'c']]);
  });

  it('no two folders depend on each other, directly or through others', () => {
    const { edges } = folderEdges();
    expect(edges.size).toBeGreaterThan(5); // the scan found the modules at all
    expect(cycles(edges).map((group) => describeCycle(edges, group))).toEqual([]);
  });

  it('nothing imports the composition roots (app.ts, main.ts)', () => {
    expect(folderEdges().rootImports).toEqual([]);
  });
});
