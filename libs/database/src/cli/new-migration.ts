import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run migration:generate -- Name`: writes a timestamped plain-SQL migration skeleton and adds it
 * to migrations/index.ts. The schema is owned by hand-written SQL (named constraints, partial and
 * expression indexes, triggers) that entity metadata cannot express, so a diff against the entities
 * would propose dropping them; the up/down SQL is written by the developer instead.
 */
function main(): void {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Cách dùng: npm run migration:generate -- TenMigrationDangPascalCase');
  }
  const dir = resolve(__dirname, '../../../../../migrations');
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const base = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
  writeFileSync(
    resolve(dir, `${base}.ts`),
    [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  async up(q: QueryRunner): Promise<void> {',
      '    await q.query(`SELECT 1`);',
      '  }',
      '',
      '  async down(q: QueryRunner): Promise<void> {',
      '    await q.query(`SELECT 1`);',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const indexFile = resolve(dir, 'index.ts');
  const index = readFileSync(indexFile, 'utf8')
    .replace(/^((?:import .*\n)+)/, `$1import { ${className} } from './${base}';\n`)
    .replace(/\];\s*$/, `, ${className}];\n`);
  writeFileSync(indexFile, index);
  process.stdout.write(
    `Đã tạo migrations/${base}.ts và thêm vào migrations/index.ts; hãy viết SQL cho up và down.\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
