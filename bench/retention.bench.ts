import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client as PgClient } from 'pg';
import { Clock, JobName, todayInVietnam } from '@eiso/common';
import { loadConfig } from '@eiso/config';
import { runMigrations } from '@eiso/database';
import { InProcessJobQueue, JobHandlerRegistry, JobQueue } from '@eiso/queue';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { indexDefinitions, loadWithoutIndexes } from './stack';

/**
 * `npm run bench:retention`: 1,000,000 records across 150 agencies, then the `records.retention`
 * job (the real handler, booted in the worker's Nest modules) against one raw SQL UPDATE making
 * the same change on a copy of the table. The copy gets the same indexes, so both statements
 * maintain the same index entries and the ratio measures what the job adds: the per-agency
 * summary, the audit events and the notifications. For reference it also times the UPDATE on a
 * bare `CREATE TABLE … AS` copy, which has no index to maintain.
 */
const PG_URL = process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RECORDS = Number(process.env.BENCH_RETENTION_RECORDS ?? 1_000_000);
const AGENCIES = 150;
const TYPES_PER_AGENCY = 8;
/** Retention of each agency's eight record types, in months; null is permanent. */
const RETENTIONS = '12, 24, 36, 60, 60, 120, 240, NULL';
/** Record dates spread over 15 years before the bench's today. */
const FIRST_DATE = '2012-01-01';
const DAYS = 5479;
const NOW = new Date('2027-01-10T00:30:00+07:00');

class BenchClock extends Clock {
  now(): Date {
    return new Date(NOW);
  }
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function seed(pg: PgClient): Promise<void> {
  await pg.query(`SET maintenance_work_mem = '512MB'`);
  await pg.query(
    `INSERT INTO agency (id, code, name, level, roadmap_year)
     SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 3, '0'), 'Cơ quan đo số ' || i, 'province_department', 2025
       FROM generate_series(1, $1::int) i`,
    [AGENCIES],
  );
  await pg.query(
    `INSERT INTO org_unit (id, agency_id, name) SELECT gen_random_uuid(), id, 'Văn phòng' FROM agency`,
  );
  await pg.query(
    `INSERT INTO app_user (id, username, full_name, agency_id, org_unit_id, roles, password_hash)
     SELECT gen_random_uuid(), 'thuky.' || lower(a.code), 'Thư ký ISO ' || a.name, a.id, o.id,
            ARRAY['iso_secretary'], 'khong-dang-nhap'
       FROM agency a JOIN org_unit o ON o.agency_id = a.id`,
  );
  await pg.query(
    `INSERT INTO record_type (id, agency_id, code, name, retention_months, permanent, storage_place,
                              responsible_org_unit_id, created_by)
     SELECT gen_random_uuid(), a.id, 'HS-' || k, 'Loại hồ sơ ' || k, (ARRAY[${RETENTIONS}]::int[])[k],
            (ARRAY[${RETENTIONS}]::int[])[k] IS NULL, 'Kho lưu trữ', u.org_unit_id, u.id
       FROM agency a JOIN app_user u ON u.agency_id = a.id CROSS JOIN generate_series(1, $1::int) k`,
    [TYPES_PER_AGENCY],
  );
  await loadWithoutIndexes(pg, ['record', 'record_search'], async () => {
    await pg.query(
      `WITH t AS (
         SELECT id, agency_id, retention_months, created_by,
                (row_number() OVER (ORDER BY agency_id, code) - 1)::int AS n
           FROM record_type)
       INSERT INTO record (id, agency_id, record_type_id, title, reference, record_date, retention_months,
                           retention_end, state, hold_reason, held_at, held_by, created_by)
       SELECT gen_random_uuid(), t.agency_id, t.id, 'Hồ sơ giải quyết thủ tục hành chính số ' || g, 'HS-' || g,
              d.record_date, t.retention_months,
              CASE WHEN t.retention_months IS NULL THEN NULL
                   ELSE (d.record_date + make_interval(months => t.retention_months))::date END,
              'active',
              CASE WHEN g % 100 = 0 THEN 'Phong tỏa phục vụ thanh tra' END,
              CASE WHEN g % 100 = 0 THEN now() END,
              CASE WHEN g % 100 = 0 THEN t.created_by END,
              t.created_by
         FROM generate_series(0, $1::int - 1) g
         JOIN t ON t.n = g % $2::int
         CROSS JOIN LATERAL (SELECT ($3::date + (g::bigint * 7919 % $4::int)::int) AS record_date) d`,
      [RECORDS, AGENCIES * TYPES_PER_AGENCY, FIRST_DATE, DAYS],
    );
    await pg.query(
      `INSERT INTO record_search (record_id, agency_id, text)
       SELECT id, agency_id, title || ' ' || reference FROM record`,
    );
  });
  await pg.query('VACUUM ANALYZE record, record_search');
}

/** The baseline's table: `CREATE TABLE … AS` the seeded rows, with the same indexes. */
async function copyTable(pg: PgClient): Promise<void> {
  await pg.query('CREATE TABLE record_bare AS SELECT * FROM record');
  await pg.query('VACUUM ANALYZE record_bare');
  await pg.query('CREATE TABLE record_copy AS SELECT * FROM record');
  await pg.query('ALTER TABLE record_copy ADD CONSTRAINT pk_record_copy PRIMARY KEY (id)');
  for (const { name, definition } of await indexDefinitions(pg, 'record')) {
    await pg.query(
      definition
        .replace(` ${name} ON `, ` ${name}_copy ON `)
        .replace(' ON public.record ', ' ON public.record_copy '),
    );
  }
  await pg.query('VACUUM ANALYZE record_copy');
}

async function main(): Promise<void> {
  const database = `eiso_bench_retention_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new PgClient({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-bench-retention-'));
  const pg = new PgClient({ connectionString: url.toString() });
  try {
    await runMigrations(url.toString());
    await pg.connect();
    let started = process.hrtime.bigint();
    await seed(pg);
    say(
      `Đã tạo ${RECORDS.toLocaleString('vi-VN')} hồ sơ của ${AGENCIES} cơ quan trong ${seconds(started).toFixed(1)} s`,
    );
    started = process.hrtime.bigint();
    await copyTable(pg);
    say(`Đã sao chép bảng record (cùng chỉ mục) trong ${seconds(started).toFixed(1)} s`);

    const today = todayInVietnam(NOW);
    const update = async (table: string) => {
      await pg.query('CHECKPOINT');
      const at = process.hrtime.bigint();
      const result = await pg.query(
        `UPDATE ${table} SET state = 'due_for_disposal', due_at = $2, updated_at = $2, version = version + 1
          WHERE state = 'active' AND hold_reason IS NULL AND retention_end <= $1::date`,
        [today, NOW],
      );
      return { rows: result.rowCount ?? 0, seconds: seconds(at) };
    };
    const bare = await update('record_bare');
    const baseline = await update('record_copy');
    const sqlSeconds = baseline.seconds;

    const config = loadConfig({
      DATABASE_URL: url.toString(),
      JWT_SECRET: randomBytes(32).toString('hex'),
      EISO_DATA_DIR: dataDir,
      EISO_SCHEDULER: 'false',
      LOG_LEVEL: 'warn',
    });
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        config,
        databaseUrl: url.toString(),
        signingSecret: config.JWT_SECRET!,
        clock: new BenchClock(),
      }),
      { logger: ['error', 'warn'] },
    );
    await worker.init();
    let jobSeconds: number;
    try {
      await pg.query('CHECKPOINT');
      started = process.hrtime.bigint();
      await worker
        .get(JobHandlerRegistry)
        .dispatch(JobName.RecordsRetention, {}, { jobId: 'bench-retention', attempt: 1 });
      jobSeconds = seconds(started);
      // Let the e-mail job the run queued finish before closing (it is not part of the timing).
      const queue = worker.get(JobQueue);
      if (queue instanceof InProcessJobQueue) await queue.whenIdle();
    } finally {
      await worker.close();
    }

    const { rows: check } = await pg.query<{
      moved: number;
      differ: number;
      events: number;
      notices: number;
    }>(
      `SELECT (SELECT count(*)::int FROM record WHERE state = 'due_for_disposal') AS moved,
              (SELECT count(*)::int FROM record r JOIN record_copy c USING (id) WHERE r.state <> c.state) AS differ,
              (SELECT count(*)::int FROM audit_event WHERE action = 'record.retention_due') AS events,
              (SELECT count(*)::int FROM notification WHERE kind = 'record.retention_due') AS notices`,
    );
    const { moved, differ, events, notices } = check[0];
    if (moved !== baseline.rows || moved !== bare.rows || differ !== 0) {
      throw new Error(
        `job and SQL disagree: job moved ${moved}, SQL ${baseline.rows}, ${differ} rows differ`,
      );
    }
    const ratio = jobSeconds / sqlSeconds;
    say(
      `Công việc records.retention: ${moved.toLocaleString('vi-VN')} hồ sơ chuyển sang "đến hạn hủy" trong ` +
        `${jobSeconds.toFixed(2)} s (kèm ${events} sự kiện nhật ký, ${notices} thông báo)`,
    );
    say(
      `Một câu lệnh UPDATE trên bản sao (cùng chỉ mục): ${baseline.rows.toLocaleString('vi-VN')} dòng trong ` +
        `${sqlSeconds.toFixed(2)} s`,
    );
    say(
      `Để tham khảo, cùng câu lệnh trên bản sao không chỉ mục: ${bare.seconds.toFixed(2)} s ` +
        '(phần chênh là chi phí cập nhật các chỉ mục của bảng record)',
    );
    say(`Tỉ lệ công việc / SQL: ${ratio.toFixed(2)} (mục tiêu ≤ 1,5)`);
    say(
      `bench:retention job_s=${jobSeconds.toFixed(2)} sql_s=${sqlSeconds.toFixed(2)} ratio=${ratio.toFixed(2)}`,
    );
  } finally {
    await pg.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
