import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = join(__dirname, 'check-boundaries.js');
const REPO = join(__dirname, '..');

/** Runs the checker on `root` as `npm run check` does: exit status and the violation lines. */
function check(root: string): { status: number | null; violations: string[] } {
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: run.status, violations: run.stderr.split('\n').filter((line) => /:\d+: /.test(line)) };
}

/**
 * A tree with two domains, `alpha` and `beta`, that keeps every boundary: alpha reads beta only
 * through `@eiso/beta` (and its declared `testing` alias), its SQL names its own table, and its
 * spec may name anything.
 */
const CLEAN_TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      paths: {
        '@eiso/alpha': ['libs/alpha/src'],
        '@eiso/beta': ['libs/beta/src'],
        '@eiso/beta/testing': ['libs/beta/src/beta.testing'],
      },
    },
  }),
  'migrations/1-init.ts': `export class Init1 {
  async up(q: Q): Promise<void> {
    await q.query(\`CREATE TABLE alpha_item (id uuid NOT NULL)\`);
    await q.query('CREATE TABLE beta_item (id uuid NOT NULL)');
    await q.query('CREATE TABLE beta_old (id uuid NOT NULL)');
    await q.query('CREATE TABLE beta_search (id uuid NOT NULL)');
  }
  async down(q: Q): Promise<void> {
    await q.query('DROP TABLE beta_item');
  }
}`,
  'migrations/2-later.ts': `export class Later2 {
  async up(q: Q): Promise<void> {
    await q.query('DROP TABLE IF EXISTS beta_old');
    await q.query('ALTER TABLE beta_search RENAME TO record_search');
  }
}`,
  'apps/api/src/thing.ts': `export const thing = 1;`,
  'libs/alpha/src/alpha-item.entity.ts': `@Entity({ name: 'alpha_item' })
export class AlphaItemEntity {}`,
  'libs/alpha/src/alpha.repository.ts': `import { BetaDirectory } from '@eiso/beta';
import { betaFixture } from '@eiso/beta/testing';
import { AlphaItemEntity } from './alpha-item.entity';
export class AlphaRepository {
  find(db: Db) {
    return db.query('SELECT id FROM alpha_item WHERE id = $1', [AlphaItemEntity, BetaDirectory, betaFixture]);
  }
}`,
  'libs/alpha/src/alpha.repository.spec.ts': `const sql = 'SELECT id FROM beta_item';`,
  'libs/alpha/src/index.ts': `export * from './alpha.repository';`,
  'libs/beta/src/beta-item.entity.ts': `@Entity('beta_item')
export class BetaItemEntity {}`,
  'libs/beta/src/index.ts': `export * from './beta-item.entity';`,
  // A table no entity maps, owned by the name RAW_TABLE_OWNERS gives it (records).
  'libs/records/src/record.repository.ts': `const sql = 'INSERT INTO record_search (id) VALUES ($1)';`,
};

describe('check-boundaries (npm run check)', () => {
  let root: string;

  const write = (files: Record<string, string>): void => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eiso-boundaries-'));
    write(CLEAN_TREE);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes a tree that keeps every boundary', () => {
    expect(check(root)).toEqual({ status: 0, violations: [] });
  });

  it('fails a lib that imports from an app', () => {
    write({ 'libs/alpha/src/uses-app.ts': `\nimport { thing } from '../../../apps/api/src/thing';` });
    expect(check(root)).toEqual({
      status: 1,
      violations: [
        `libs/alpha/src/uses-app.ts:2: imports from apps/ ('../../../apps/api/src/thing'): a lib never depends on an app`,
      ],
    });
  });

  it("fails a lib that imports another lib's internals, by alias or by path", () => {
    write({
      'libs/alpha/src/deep.ts': [
        `import { BetaItemEntity } from '@eiso/beta/src/beta-item.entity';`,
        `export { BetaItemEntity as Again } from '../../beta/src/beta-item.entity';`,
      ].join('\n'),
    });
    expect(check(root)).toEqual({
      status: 1,
      violations: [
        `libs/alpha/src/deep.ts:1: imports internals of @eiso/beta ('@eiso/beta/src/beta-item.entity'): import '@eiso/beta'`,
        `libs/alpha/src/deep.ts:2: reaches into @eiso/beta by path ('../../beta/src/beta-item.entity'): import '@eiso/beta'`,
      ],
    });
  });

  it("fails SQL and query builders of a lib that name another domain's table", () => {
    write({
      'libs/alpha/src/alpha-report.repository.ts': [
        `import { BetaItemEntity } from '@eiso/beta';`,
        `export async function report(db: Db, x: string) {`,
        '  await db.query(`SELECT a.id FROM alpha_item a',
        '                   JOIN public.beta_item b ON b.id = a.id WHERE ${x}`);',
        `  return db.getRepository(BetaItemEntity).find();`,
        `}`,
      ].join('\n'),
    });
    expect(check(root)).toEqual({
      status: 1,
      violations: [
        'libs/alpha/src/alpha-report.repository.ts:3: SQL names table beta_item of @eiso/beta: read it through @eiso/beta',
        'libs/alpha/src/alpha-report.repository.ts:5: getRepository(BetaItemEntity) names table beta_item of @eiso/beta: read it through @eiso/beta',
      ],
    });
  });

  it('fails a table the migrations create that no lib owns', () => {
    write({
      'migrations/3-loose.ts': `export class Loose3 {
  async up(q: Q): Promise<void> {
    await q.query('CREATE TABLE IF NOT EXISTS loose_table (id uuid)');
  }
}`,
    });
    const { status, violations } = check(root);
    expect(status).toBe(1);
    expect(violations).toEqual([
      expect.stringMatching(/^migrations\/3-loose\.ts:1: table loose_table has no owner: /),
    ]);
  });

  it('passes the real tree', () => {
    expect(check(REPO)).toEqual({ status: 0, violations: [] });
  });
});
