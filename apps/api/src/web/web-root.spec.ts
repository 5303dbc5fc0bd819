import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWebRoot } from './web-root';

describe('findWebRoot', () => {
  const repo = mkdtempSync(join(tmpdir(), 'eiso-web-root-'));
  const built = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
  };

  it('finds dist/web from the compiled API (dist/apps/api/src/web)', () => {
    built(join(repo, 'dist', 'web'));
    expect(findWebRoot(join(repo, 'dist', 'apps', 'api', 'src', 'web'), {})).toBe(join(repo, 'dist', 'web'));
  });

  it('finds dist/web from the sources, as jest runs them (apps/api/src/web)', () => {
    expect(findWebRoot(join(repo, 'apps', 'api', 'src', 'web'), {})).toBe(join(repo, 'dist', 'web'));
  });

  it('takes WEB_DIST_DIR in place of the build it would find', () => {
    const other = join(repo, 'other-build');
    built(other);
    expect(findWebRoot(join(repo, 'apps', 'api', 'src', 'web'), { WEB_DIST_DIR: other })).toBe(other);
  });

  it('serves nothing when the named or found folder has no index.html', () => {
    expect(
      findWebRoot(join(repo, 'apps', 'api', 'src', 'web'), { WEB_DIST_DIR: join(repo, 'nothing') }),
    ).toBeNull();
    const bare = mkdtempSync(join(tmpdir(), 'eiso-web-root-bare-'));
    expect(findWebRoot(join(bare, 'apps', 'api', 'src', 'web'), {})).toBeNull();
  });
});
