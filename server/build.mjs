// Bundles the server and the shared package into dist/main.js; npm packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // The shared workspace package is TypeScript source: bundle it in.
  alias: { '@opsboard/shared': '../shared/src/index.ts' },
  sourcemap: true,
  logLevel: 'warning',
});
