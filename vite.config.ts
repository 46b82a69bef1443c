import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDirectory } from './server/lib/transfer';

/** Writes brotli and gzip variants beside the built files; the server picks one per request. */
const precompress = (): Plugin => ({
  name: 'kizuna-precompress',
  apply: 'build',
  closeBundle: {
    order: 'post',
    handler() {
      precompressDirectory(new URL('./dist/web', import.meta.url).pathname);
    },
  },
});

// The web UI lives in web/ and is built into dist/web, which the API server serves (server/app.ts).
export default defineConfig({
  root: 'web',
  plugins: [react(), tailwindcss(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // common/ holds pure contracts (constants, zod schemas, types): importing one for a constant
      // must not drag zod into a page, e.g. PASSWORD_MIN on the invitation page, a first page.
      treeshake: { moduleSideEffects: [{ test: /[\\/]common[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            // The framework every page needs, in one long-cached chunk. zod (used by the contracts in
            // common/) is left out on purpose: only the pages that import a schema module load it.
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|i18next-browser-languagedetector|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // The API server of `npm run dev` listens on PORT (default 3000) at 127.0.0.1 (HOST's
      // development default): not `localhost`, which may resolve to ::1 first.
      '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    },
  },
});
