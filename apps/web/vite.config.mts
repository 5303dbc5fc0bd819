import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web app: built into dist/web, which the API serves at `/` (apps/api/src/web). During
 * development `npx vite --config apps/web/vite.config.mts` serves it with /api sent to a running API.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each screen loads (scripts/web-bundle-size.js reads it).
    manifest: true,
    // Each area is its own chunk (React.lazy in app/routes.tsx); the kit is shared by all of them.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" (for React Server Components): meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
