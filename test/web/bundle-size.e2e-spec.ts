import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require('../../scripts/web-bundle-size.js') as {
  measure: (dir: string) => { screens: Record<string, { bytes: number; chunks: number }>; total: number };
};

/**
 * Issue 14: the first screen loads under 300 KB of JavaScript gzipped, the areas being split
 * into chunks loaded when opened. Measured on the build the API serves (deterministic, not timed).
 */
describe('the JavaScript a first visit loads', () => {
  const dir = process.env.WEB_DIST_DIR ?? join(__dirname, '..', '..', 'dist', 'web');
  const result = measure(dir);

  it.each(Object.keys(result.screens))('%s: under 300 KB gzipped', (screen) => {
    expect(result.screens[screen].bytes).toBeLessThan(300 * 1024);
  });

  it('is split: the first screens load well under the whole app', () => {
    for (const { bytes } of Object.values(result.screens)) expect(bytes).toBeLessThan(result.total);
  });
});
