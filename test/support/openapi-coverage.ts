import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ResponseCheckState } from './openapi-response-check';

/**
 * Where the suites of one jest run write which (operation, status) pairs they exercised: one file
 * per suite, `{ suite, operations, seen }`, under the temp dir, named after the run's template database.
 */
export function openApiCoverageDir(): string {
  return join(tmpdir(), 'eiso-openapi-coverage', process.env.EISO_TEST_TEMPLATE_DB ?? 'local');
}

export function writeOpenApiCoverage(state: ResponseCheckState, testPath: string): void {
  if (!state.operations.size) return;
  const dir = openApiCoverageDir();
  mkdirSync(dir, { recursive: true });
  const suite = basename(testPath);
  writeFileSync(
    join(dir, `${suite}.json`),
    JSON.stringify(
      { suite, operations: [...state.operations].sort(), seen: [...state.seen].sort() },
      null,
      2,
    ),
  );
}
