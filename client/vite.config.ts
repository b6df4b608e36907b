import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes .br and .gz next to each text asset, so the server can send them
 * precompressed (@fastify/static `preCompressed`) instead of compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'opsboard-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * The built client is served by the API server at `/` (client/dist). In dev,
 * Vite proxies the API and its websocket to a server on port 3000, so the
 * browser sees one origin either way (the cookie and CSP rely on it).
 */
export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // Only for the bundle: see build/typebox-stub.ts.
    alias: [{ find: /^typebox$/, replacement: fileURLToPath(new URL('./build/typebox-stub.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Keep every asset a file: the server's CSP forbids inline styles and data: scripts.
    assetsInlineLimit: 0,
    // Rolldown's plugin-timing report reads as a warning on every build; the slow part is the brotli above, on purpose.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // React changes far less often than the app: its own chunk stays cached across our releases
      // (and keeps the entry under Vite's 500 kB warning).
      output: { codeSplitting: { groups: [{ name: 'react', test: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:react|react-dom|scheduler)[\\/]/ }] } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', ws: true, changeOrigin: false },
    },
  },
});
