import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `npm run build` put the web app (`dist/web`), seen from this file: compiled, it runs from
 * `dist/apps/api/src/web`; under jest, from `apps/api/src/web`. `null` when the web app was not
 * built (an API-only image, or a test run before the first build). `WEB_DIST_DIR` names another
 * build (a developer's or a test's own) in its place.
 */
export function findWebRoot(from: string = __dirname, env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.WEB_DIST_DIR;
  if (named) return existsSync(join(named, 'index.html')) ? resolve(named) : null;
  const candidates = [resolve(from, '../../../../web'), resolve(from, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}
