import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeOffice,
  OfficeResult,
  percentile,
  runOffice,
  setUpOffice,
} from '../test/support/office-workload';
import { freePort, startProcess, waitForOk } from '../test/support/process';
import { createDatabase, migrate, runBench, startApi, startS3Process } from './stack';

/**
 * `npm run bench:office`: the office workload of the embedded e2e suite (two agencies, twenty people
 * at once: logins, lists, searches, versions, downloads, acknowledgements, drafts with uploads),
 * first against the embedded profile (`npm start` with nothing configured: embedded PostgreSQL,
 * local disk, in-process jobs), then against the services profile (PostgreSQL, Redis, s3rver),
 * in one run. Prints both and the ratios embedded / services.
 */
const SECONDS = Number(process.env.BENCH_OFFICE_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_OFFICE_CLIENTS ?? 20);
const ADMIN_PASSWORD = 'Quantri-Bench-2026';
// Twenty people behind one address; the per-account lockout still holds.
const LOGIN_LIMIT = { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' };

async function measure(base: string): Promise<OfficeResult> {
  const fixture = await setUpOffice(base, ADMIN_PASSWORD);
  await runOffice(fixture, { clients: CLIENTS, durationMs: 3_000 }); // warm-up
  return runOffice(fixture, { clients: CLIENTS, durationMs: SECONDS * 1000 });
}

runBench(async (ctx) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-bench-office-'));
  ctx.defer('embedded data directory', () =>
    Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  );
  const port = await freePort();
  const embeddedApi = startProcess('dist/apps/api/src/main.js', {
    EISO_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    EISO_DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    ...LOGIN_LIMIT,
  });
  ctx.defer('embedded API', () => embeddedApi.stop());
  ctx.onFailure(() => embeddedApi.output().slice(-4000));
  await waitForOk(`http://127.0.0.1:${port}/health/ready`, embeddedApi, 120_000);
  const embedded = await measure(`http://127.0.0.1:${port}`);
  await embeddedApi.stop();

  const databaseUrl = await createDatabase(ctx, 'eiso_bench_office');
  migrate(databaseUrl);
  const s3 = await startS3Process(ctx);
  const api = await startApi(ctx, {
    databaseUrl,
    s3,
    env: { EISO_ADMIN_PASSWORD: ADMIN_PASSWORD, ...LOGIN_LIMIT },
  });
  await api.ready();
  const services = await measure(api.base);

  for (const [label, result] of [
    ['embedded', embedded],
    ['services', services],
  ] as const) {
    process.stdout.write(`bench:office ${describeOffice(`profile=${label} clients=${CLIENTS}`, result)}\n`);
    for (const error of result.errors.slice(0, 5)) process.stdout.write(`  error: ${error}\n`);
  }
  const rate = (r: OfficeResult): number => r.requests / (r.elapsedMs / 1000);
  process.stdout.write(
    `bench:office ops_ratio=${(rate(embedded) / rate(services)).toFixed(2)} ` +
      `p99_ratio=${(percentile(embedded.latenciesMs, 99) / percentile(services.latenciesMs, 99)).toFixed(2)} ` +
      `errors=${embedded.errors.length + services.errors.length}\n`,
  );
  if (embedded.errors.length + services.errors.length > 0)
    throw new Error('answers with errors or wrong rows');
});
