import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { JOB_QUEUE, JobName } from '@eiso/common';
import { samplePdf } from '../support/files';
import { ADMIN_PASSWORD, eventually, FaultHarness, USER_PASSWORD, within } from './support/fault-harness';
import {
  approvedVersion,
  createDraft,
  createOffice,
  issue,
  issueEffects,
  Office,
  pdfForm,
  proposedDisposal,
} from './support/office';
import { heldUpload } from './support/raw-request';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 11: Redis, S3 and PostgreSQL fail one at a time under the real, built API and worker
 * (child processes), and each scenario checks the property that must hold.
 */
describe('fault injection: Redis, S3 and PostgreSQL failing under the built API and worker', () => {
  // Short bounds so that each scenario ends in seconds; production keeps the defaults.
  const TIMEOUTS = {
    DATABASE_CONNECT_TIMEOUT_MS: 2_000,
    DATABASE_STATEMENT_TIMEOUT_MS: 2_000,
    DATABASE_QUERY_TIMEOUT_MS: 3_000,
    REDIS_COMMAND_TIMEOUT_MS: 1_000,
    S3_CONNECT_TIMEOUT_MS: 2_000,
    S3_REQUEST_TIMEOUT_MS: 3_000,
  };
  const h = new FaultHarness({
    ...Object.fromEntries(Object.entries(TIMEOUTS).map(([k, v]) => [k, String(v)])),
    ORPHAN_MIN_AGE_HOURS: '1',
  });
  let office: Office;

  /** The jobs of an issue ran: the controlled copy of the effective state exists and the e-mails went out. */
  const expectIssueJobsRan = async (versionId: string, timeoutMs = 30_000) => {
    const effects = await eventually(async () => {
      const e = await issueEffects(h, versionId);
      return e.copyState === 'effective' && e.notifications > 0 && e.emailed === e.notifications ? e : null;
    }, timeoutMs);
    if (!effects)
      throw new Error(
        `the issue's jobs did not run: ${JSON.stringify(await issueEffects(h, versionId))}\n${h.output()}`,
      );
  };

  beforeAll(async () => {
    await h.start();
    office = await createOffice(h, ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await h.dropQueueKeys();
    await h.stop();
  }, 60_000);

  describe('Redis', () => {
    it('(1) down: an issue answers within 2 s, and its controlled-copy and e-mail jobs run once Redis returns', async () => {
      const version = await approvedVersion(h, office);
      await h.redis.kill();
      try {
        const res = await issue(h, office, version, 10_000);
        expect(res.status).toBe(200);
        expect(res.ms).toBeLessThan(2_000);
      } finally {
        await h.redis.start();
      }
      await expectIssueJobsRan(version.versionId);
    }, 60_000);

    it('(2) stalled (SIGSTOP): an issue answers within 2 s, and its jobs run once Redis wakes', async () => {
      const version = await approvedVersion(h, office);
      h.redis.freeze();
      try {
        const res = await issue(h, office, version, 10_000);
        expect(res.status).toBe(200);
        expect(res.ms).toBeLessThan(2_000);
      } finally {
        h.redis.thaw();
      }
      await expectIssueJobsRan(version.versionId);
    }, 60_000);

    it('(5) stalled: /health/ready answers 503 within 3 s', async () => {
      h.redis.freeze();
      try {
        const started = Date.now();
        const res = await fetch(`${h.baseUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) }).catch(
          (error: Error) => ({ status: `no answer: ${error.name}` }),
        );
        expect(res.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(3_500);
      } finally {
        h.redis.thaw();
      }
      await sleep(100);
    }, 30_000);
    it('(3) the API SIGKILLed right after a committed issue while Redis is down: the jobs still run after restart', async () => {
      const version = await approvedVersion(h, office);
      await h.redis.kill();
      const answer = issue(h, office, version, 15_000).catch((error: Error) => error);
      const committed = await eventually(
        async () => {
          const [row] = await h.sql<{ state: string }>(`SELECT state FROM document_version WHERE id = $1`, [
            version.versionId,
          ]);
          return row.state === 'effective';
        },
        10_000,
        20,
      );
      expect(committed).toBe(true);
      await h.killApi();
      await answer;
      await h.redis.start();
      await h.startApi();
      await expectIssueJobsRan(version.versionId);
    }, 90_000);

    it('(4) a signed disposal whose dispose job failed for good while S3 was down runs again and completes', async () => {
      const batch = await proposedDisposal(h, office);
      const queue = new Queue(JOB_QUEUE[JobName.RecordsDispose], {
        connection: { url: h.redisUrl },
        prefix: h.prefix,
      });
      // The worker's attempts, all made while S3 was down, stood in for by one that gives up at once.
      let standIn: Worker | undefined;
      await h.killWorker();
      await h.s3.kill();
      try {
        const signed = await h.request('POST', `/api/v1/disposals/${batch.disposalId}/approve`, {
          auth: office.approver.auth,
          body: { password: USER_PASSWORD },
        });
        expect(signed.status).toBe(200);
        expect(signed.body.state).toBe('approved');
        const queued = await eventually(async () => {
          const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
          return jobs.find(
            (j) => j.name === String(JobName.RecordsDispose) && j.data.disposalId === batch.disposalId,
          );
        }, 15_000);
        expect(queued).toBeTruthy();
        standIn = new Worker(
          queue.name,
          () =>
            Promise.reject(new UnrecoverableError('S3 không phản hồi: connect ECONNREFUSED (hết lượt thử)')),
          { connection: { url: h.redisUrl }, prefix: h.prefix, autorun: true },
        );
        const failed = await eventually(async () => (await queued!.getState()) === 'failed', 15_000);
        expect(failed).toBe(true);
      } finally {
        await standIn?.close();
        await h.s3.start();
      }
      await h.startWorker();
      // The daily re-queue of signed batches, as the scheduler would run it.
      const run = await h.request('POST', '/api/v1/admin/jobs/records.retention/run', {
        auth: office.admin.auth,
      });
      expect(run.status).toBe(202);
      const done = await eventually(async () => {
        const [row] = await h.sql<{ state: string }>(`SELECT state FROM disposal WHERE id = $1`, [
          batch.disposalId,
        ]);
        return row.state === 'completed';
      }, 30_000);
      await queue.close();
      expect(done).toBe(true);
      const left = h.s3.objects().filter((o) => batch.fileKeys.some((k) => o.endsWith(k)));
      expect(left).toEqual([]);
    }, 120_000);
  });

  describe('PostgreSQL (through the TCP proxy)', () => {
    const list = () =>
      h.request('GET', '/api/v1/documents?pageSize=5', { auth: office.staff.auth, timeoutMs: 20_000 });

    it('(6) connections cut: the next requests succeed (no 500; at most one 503)', async () => {
      // Six trials: the pool full of idle connections and two requests in flight, all cut at once,
      // by the network (the proxy resets every socket) or by the server (pg_terminate_backend).
      const inFlight: number[] = [];
      const next: number[] = [];
      for (let trial = 0; trial < 6; trial++) {
        await Promise.all(Array.from({ length: 5 }, () => list()));
        const flying = Promise.all(Array.from({ length: 2 }, () => list()));
        if (trial % 2 === 0) await h.pg.cutAll();
        else
          await h.sql(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          );
        inFlight.push(...(await flying).map((r) => r.status));
        next.push((await list()).status);
      }
      expect([...inFlight, ...next]).not.toContain(500);
      const failures = next.filter((s) => s !== 200);
      expect(failures.length).toBeLessThanOrEqual(1);
      expect(failures.every((s) => s === 503)).toBe(true);
    }, 60_000);

    it('(7) stalled: a read answers 503 within the statement/query timeout instead of hanging', async () => {
      await list();
      h.pg.stall();
      try {
        const res = await list().catch((error: Error) => ({
          status: `no answer: ${error.name}`,
          ms: 20_000,
          headers: new Headers(),
          body: {},
        }));
        expect(res.status).toBe(503);
        expect(res.ms).toBeLessThan(TIMEOUTS.DATABASE_QUERY_TIMEOUT_MS + 2_000);
        expect(res.headers.get('retry-after')).toBeTruthy();
        expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { service: 'database' } });
      } finally {
        h.pg.resume();
      }
      // And the API works again once the database answers.
      expect(await eventually(async () => (await list()).status === 200, 10_000)).toBe(true);
    }, 60_000);
  });

  describe('S3 (child s3rver)', () => {
    it('(8) stalled: an upload and a download answer 503 within the request timeout', async () => {
      const draft = await createDraft(h, office);
      const up = await h.request('POST', `${draft.path}/files`, {
        auth: office.drafter.auth,
        form: pdfForm(await samplePdf('tai-xuong')),
      });
      expect(up.status).toBe(201);
      const bound = TIMEOUTS.S3_REQUEST_TIMEOUT_MS + TIMEOUTS.S3_CONNECT_TIMEOUT_MS + 2_000;
      h.s3.freeze();
      try {
        const noAnswer = (error: Error) => ({
          status: `no answer: ${error.name}`,
          ms: 20_000,
          headers: new Headers(),
          body: {},
        });
        const [upload, download] = await Promise.all([
          h
            .request('POST', `${draft.path}/files`, {
              auth: office.drafter.auth,
              form: pdfForm(await samplePdf('dinh-kem'), 'dinh-kem.pdf', 'attachment'),
              timeoutMs: 20_000,
            })
            .catch(noAnswer),
          h
            .request('GET', `${draft.path}/files/${String(up.body.id)}`, {
              auth: office.drafter.auth,
              timeoutMs: 20_000,
            })
            .catch(noAnswer),
        ]);
        for (const res of [upload, download]) {
          expect(res.status).toBe(503);
          expect(res.ms).toBeLessThan(bound);
          expect(res.headers.get('retry-after')).toBeTruthy();
          expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { service: 'storage' } });
        }
      } finally {
        h.s3.thaw();
      }
      const rows = await h.sql(
        `SELECT 1 FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1 AND kind = 'attachment'`,
        [draft.versionId],
      );
      expect(rows).toHaveLength(0);
    }, 60_000);

    it('(9) the client gives up during a stalled upload: once S3 resumes, no row and no object', async () => {
      const draft = await createDraft(h, office);
      const before = new Set(h.s3.objects());
      h.s3.freeze();
      let upload: ReturnType<typeof heldUpload> | undefined;
      try {
        const bytes = await samplePdf('bo-cuoc');
        upload = heldUpload(h.apiPort, `${draft.path}/files`, office.drafter.auth, bytes, bytes.length);
        upload.answer.catch(() => undefined);
        upload.finish();
        await sleep(1_000);
        upload.abort();
        await sleep(300);
      } finally {
        h.s3.thaw();
      }
      // Long enough for a store that woke up to finish the upload and for the API to commit it.
      await sleep(TIMEOUTS.S3_REQUEST_TIMEOUT_MS + 1_000);
      const rows = await h.sql(
        `SELECT 1 FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`,
        [draft.versionId],
      );
      expect(rows).toHaveLength(0);
      const added = await eventually(() => {
        const now = h.s3.objects().filter((o) => !before.has(o) && o.includes(draft.versionId));
        return now.length === 0 ? [] : null;
      }, 5_000);
      expect(added ?? h.s3.objects().filter((o) => !before.has(o) && o.includes(draft.versionId))).toEqual(
        [],
      );
    }, 60_000);

    it('(standing) an upload while S3 is down leaves neither row nor object, and answers 503', async () => {
      const draft = await createDraft(h, office);
      const before = new Set(h.s3.objects());
      await h.s3.kill();
      let status: number;
      try {
        status = (
          await h.request('POST', `${draft.path}/files`, {
            auth: office.drafter.auth,
            form: pdfForm(await samplePdf('s3-tat')),
            timeoutMs: 20_000,
          })
        ).status;
      } finally {
        await h.s3.start();
      }
      expect(
        await h.sql(`SELECT 1 FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`, [
          draft.versionId,
        ]),
      ).toHaveLength(0);
      expect(h.s3.objects().filter((o) => !before.has(o))).toEqual([]);
      expect(status).toBe(503);
    }, 60_000);
  });

  describe('orphans', () => {
    it('(10) the API SIGKILLed between storing an object and its commit: the sweep job removes it once old enough', async () => {
      const draft = await createDraft(h, office);
      const before = new Set(h.s3.objects());
      const bytes = await samplePdf('mo-coi');
      const upload = heldUpload(h.apiPort, `${draft.path}/files`, office.drafter.auth, bytes, -64);
      upload.answer.catch(() => undefined);
      // The request's checks run while the end of the body is held; then the database stops answering.
      await sleep(1_000);
      h.pg.stall();
      let orphan: string | undefined;
      try {
        upload.finish();
        orphan = await eventually(
          () => h.s3.objects().find((o) => !before.has(o) && o.includes(draft.versionId)),
          10_000,
          20,
        );
        expect(orphan).toBeTruthy();
        await within(h.killApi(), 10_000, 'SIGKILL of the API');
      } finally {
        await within(h.pg.cutAll(), 10_000, 'cut of the PostgreSQL connections');
        h.pg.resume();
      }
      await within(h.startApi(), 70_000, 'API restart').catch((error: Error) => {
        throw new Error(`${error.message}\n${h.output()}`);
      });
      expect(
        await h.sql(`SELECT 1 FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`, [
          draft.versionId,
        ]),
      ).toHaveLength(0);

      // Younger than the safe age: kept.
      const sweep = async () => {
        const run = await h.request('POST', '/api/v1/admin/jobs/storage.sweep-orphans/run', {
          auth: office.admin.auth,
        });
        expect(run.status).toBe(202);
        const runId = run.body.id as string;
        const finished = await eventually(async () => {
          const r = await h.request('GET', `/api/v1/admin/jobs/runs/${runId}`, { auth: office.admin.auth });
          return ['succeeded', 'completed', 'failed'].includes(String(r.body.state ?? r.body.status))
            ? r.body
            : null;
        }, 30_000);
        expect(finished).toBeTruthy();
        return finished!;
      };
      await sweep();
      expect(h.s3.objects()).toContain(orphan);

      // Two hours old (> ORPHAN_MIN_AGE_HOURS): removed; objects that rows name stay.
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(join(h.s3.directory, `${orphan!}._S3rver_object`), twoHoursAgo, twoHoursAgo);
      // Files still stored (a disposed record's tombstone rows name objects already deleted).
      const named = await h.sql<{ storage_key: string }>(
        `SELECT storage_key FROM attachment WHERE deleted_at IS NULL`,
      );
      const result = await sweep();
      expect(h.s3.objects()).not.toContain(orphan);
      expect(JSON.stringify(result)).toMatch(/"removed":\s*[1-9]/);
      for (const { storage_key } of named) expect(h.s3.objects()).toContain(`${h.bucket}/${storage_key}`);
    }, 120_000);

    it('(11) four concurrent controlled-copy reads of a just-issued version leave one object for its state', async () => {
      const version = await approvedVersion(h, office);
      expect((await issue(h, office, version)).status).toBe(200);
      const reads = await Promise.all(
        Array.from({ length: 4 }, () =>
          h.request('GET', `${version.path}/controlled-copy`, { auth: office.staff.auth, timeoutMs: 30_000 }),
        ),
      );
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      await expectIssueJobsRan(version.versionId);
      const [row] = await h.sql<{ controlled_copy_key: string }>(
        `SELECT controlled_copy_key FROM document_version WHERE id = $1`,
        [version.versionId],
      );
      const copies = () =>
        h.s3.objects().filter((o) => o.includes(`versions/${version.versionId}/controlled-copy`));
      await eventually(() => copies().length === 1, 5_000);
      expect(copies()).toEqual([`${h.bucket}/${row.controlled_copy_key}`]);
    }, 90_000);
  });

  describe('properties that held before', () => {
    it('a transition cut before commit leaves nothing, and succeeds when tried again', async () => {
      const draft = await createDraft(h, office);
      const up = await h.request('POST', `${draft.path}/files`, {
        auth: office.drafter.auth,
        form: pdfForm(await samplePdf('cat')),
      });
      expect(up.status).toBe(201);
      const audit = async () =>
        (
          await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [
            draft.versionId,
          ])
        )[0].n;
      const auditBefore = await audit();
      h.pg.stall();
      const submit = h
        .request('POST', `${draft.path}/submit`, { auth: office.drafter.auth, timeoutMs: 20_000 })
        .catch((error: Error) => ({ status: `no answer: ${error.name}` }));
      await sleep(500);
      await h.pg.cutAll();
      h.pg.resume();
      const res = await submit;
      expect(res.status).not.toBe(500);
      const [row] = await h.sql<{ state: string }>(`SELECT state FROM document_version WHERE id = $1`, [
        draft.versionId,
      ]);
      const submitted = async () =>
        (
          await h.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'document_version.submitted'`,
            [draft.versionId],
          )
        )[0].n;
      if (res.status === 200) {
        // The cut came before the transaction ran a statement: the server retried it on a fresh
        // connection, and it took effect exactly once.
        expect(row.state).toBe('in_review');
        expect(await submitted()).toBe(1);
        return;
      }
      expect(row.state).toBe('draft');
      expect(await audit()).toBe(auditBefore);
      const again = await h.request('POST', `${draft.path}/submit`, { auth: office.drafter.auth });
      expect(again.status).toBe(200);
      expect(again.body.state).toBe('in_review');
      expect(await submitted()).toBe(1);
    }, 60_000);

    it('the audit chain verifies after every fault', async () => {
      const res = await h.request('GET', '/api/v1/audit-events/verify', { auth: office.admin.auth });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, scope: 'all', firstBroken: null });
    }, 30_000);
  });
});
