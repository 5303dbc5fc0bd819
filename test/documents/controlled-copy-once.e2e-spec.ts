import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@eiso/common';
import { controlledCopyKeyOf, VersionState } from '@eiso/documents';
import { StorageDriver } from '@eiso/storage';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { apiAs } from '../support/api-as';
import {
  approvedVersion,
  newDocument as createDocument,
  issueVersion as issue,
} from '../support/document-flow';
import { samplePdf, sha256 } from '../support/files';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Driver {
  name: string;
  start(): Promise<{ ctx: TestContext; cleanup: () => Promise<void> }>;
}

const DRIVERS: Driver[] = [
  {
    // The in-process queue renders the copy after issue too: one more concurrent renderer.
    name: 'local-disk storage (embedded profile)',
    async start() {
      const dataDir = await mkdtemp(join(tmpdir(), 'eiso-controlled-copy-'));
      const ctx = await createTestContext({ S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir });
      return { ctx, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    // The worker renders the copy after issue while readers render on demand.
    name: 'S3 storage (services profile)',
    async start() {
      return { ctx: await createTestContext({}, { worker: true }), cleanup: () => Promise.resolve() };
    },
  },
];

/**
 * One controlled-copy render per version state: readers opening a just-issued version at once share
 * one render and one stored object; a state change leaves the new copy only; a render stored by a
 * process that died before its row was written is reused, never duplicated.
 */
describe.each(DRIVERS)('controlled copies on $name', (driver) => {
  let ctx: TestContext;
  let cleanup: () => Promise<void>;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let agencyId: string;
  let unitId: string;
  let serial = 0;

  const api = (user: TestUser) => apiAs(ctx, user);
  const storage = () => ctx.app.get(StorageDriver);
  const versionPrefix = (documentId: string, versionId: string) =>
    `agency/${agencyId}/documents/${documentId}/versions/${versionId}/`;
  /** The controlled copies stored for a version, read from the store itself. */
  const copiesOf = async (documentId: string, versionId: string): Promise<string[]> => {
    const prefix = `${versionPrefix(documentId, versionId)}controlled-copy`;
    const keys: string[] = [];
    for await (const object of storage().listObjects())
      if (object.key.startsWith(prefix)) keys.push(object.key);
    return keys.sort();
  };
  const row = async (versionId: string) =>
    (
      await ctx.sql<{
        controlled_copy_key: string | null;
        controlled_copy_state: string | null;
        controlled_copy_claimed_at: Date | null;
      }>(
        `SELECT controlled_copy_key, controlled_copy_state, controlled_copy_claimed_at
           FROM document_version WHERE id = $1`,
        [versionId],
      )
    )[0];
  const openCopy = (documentId: string, versionId: string) =>
    api(staff).binary(`/documents/${documentId}/versions/${versionId}/controlled-copy`);
  /** `n` readers at once; every one answered 200. */
  const openAtOnce = async (n: number, documentId: string, versionId: string): Promise<Buffer[]> => {
    const answers = await Promise.all(Array.from({ length: n }, () => openCopy(documentId, versionId)));
    for (const answer of answers) expect(answer.status).toBe(200);
    return answers.map((a) => a.body as Buffer);
  };

  const circle = () => ({ drafter, reviewer, approver, secretary, unitId });
  const newDocument = async (): Promise<{ id: string; v1: string; code: string }> => {
    const doc = await createDocument(ctx, circle(), `QT-KS-${String(++serial).padStart(2, '0')}`);
    return { id: doc.id, v1: doc.versionId, code: doc.code };
  };
  /** Uploads a primary file when the version has none, then submits, reviews, approves and issues it. */
  const issueVersion = async (documentId: string, versionId: string, label: string): Promise<void> => {
    await approvedVersion(ctx, circle(), { id: documentId, versionId }, label);
    expect((await issue(ctx, circle(), { id: documentId, versionId })).status).toBe(200);
  };

  beforeAll(async () => {
    ({ ctx, cleanup } = await driver.start());
    const agency = await ctx.newAgency({ name: 'Sở Xây dựng tỉnh Gia Lai' });
    agencyId = agency.id;
    unitId = (await ctx.newOrgUnit(agency.id, 'Phòng Quản lý xây dựng')).id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId, orgUnitId: unitId });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId, orgUnitId: unitId });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId, orgUnitId: unitId });
  });

  afterAll(async () => {
    await ctx?.close();
    await cleanup?.();
  });

  it('10 readers opening a just-issued version share one render: one object, the one the row names', async () => {
    const doc = await newDocument();
    await issueVersion(doc.id, doc.v1, `${doc.code} ban 1`);

    const bodies = await openAtOnce(10, doc.id, doc.v1);

    // One render: every reader got the same bytes (a second render would differ in its time stamp).
    expect(new Set(bodies.map(sha256)).size).toBe(1);
    await waitForQueuesToDrain(ctx.worker ?? ctx.app, 30_000);
    const key = controlledCopyKeyOf({
      id: doc.v1,
      documentId: doc.id,
      agencyId,
      state: VersionState.Effective,
    });
    expect(await copiesOf(doc.id, doc.v1)).toEqual([key]);
    expect(await row(doc.v1)).toEqual({
      controlled_copy_key: key,
      controlled_copy_state: 'effective',
      controlled_copy_claimed_at: null,
    });
  });

  it('a superseded version keeps only its new copy, removed from the old one after the row moved', async () => {
    const doc = await newDocument();
    await issueVersion(doc.id, doc.v1, `${doc.code} ban 1`);
    await openAtOnce(2, doc.id, doc.v1);
    const revision = await api(drafter).post(`/documents/${doc.id}/versions`);
    expect(revision.status).toBe(201);
    const v2 = revision.body.id as string;
    await issueVersion(doc.id, v2, `${doc.code} ban 2`);

    await Promise.all([openAtOnce(4, doc.id, doc.v1), openAtOnce(4, doc.id, v2)]);

    await waitForQueuesToDrain(ctx.worker ?? ctx.app, 30_000);
    const superseded = controlledCopyKeyOf({
      id: doc.v1,
      documentId: doc.id,
      agencyId,
      state: VersionState.Superseded,
    });
    expect(await copiesOf(doc.id, doc.v1)).toEqual([superseded]);
    expect(await row(doc.v1)).toMatchObject({
      controlled_copy_key: superseded,
      controlled_copy_state: 'superseded',
    });
    expect(await copiesOf(doc.id, v2)).toEqual([
      controlledCopyKeyOf({ id: v2, documentId: doc.id, agencyId, state: VersionState.Effective }),
    ]);
  });

  it('reuses the copy a renderer killed after storing left, instead of storing another', async () => {
    const doc = await newDocument();
    await issueVersion(doc.id, doc.v1, `${doc.code} ban 1`);
    await waitForQueuesToDrain(ctx.worker ?? ctx.app, 30_000);
    const key = controlledCopyKeyOf({
      id: doc.v1,
      documentId: doc.id,
      agencyId,
      state: VersionState.Effective,
    });
    // The dead renderer: its object stored under the version state's key, its claim three minutes
    // old, and no row naming the object.
    await storage().delete(key);
    const left = await samplePdf(`${doc.code} ban do dang`);
    await storage().put(key, Readable.from([left]));
    await ctx.sql(
      `UPDATE document_version SET controlled_copy_key = NULL, controlled_copy_state = NULL,
         controlled_copy_claimed_at = now() - interval '3 minutes' WHERE id = $1`,
      [doc.v1],
    );

    const bodies = await openAtOnce(4, doc.id, doc.v1);

    for (const body of bodies) expect(sha256(body)).toBe(sha256(left));
    expect(await copiesOf(doc.id, doc.v1)).toEqual([key]);
    expect(await row(doc.v1)).toEqual({
      controlled_copy_key: key,
      controlled_copy_state: 'effective',
      controlled_copy_claimed_at: null,
    });
  });

  it('a reader waits for the render another process is doing, and gets its copy', async () => {
    const doc = await newDocument();
    await issueVersion(doc.id, doc.v1, `${doc.code} ban 1`);
    await waitForQueuesToDrain(ctx.worker ?? ctx.app, 30_000);
    const key = controlledCopyKeyOf({
      id: doc.v1,
      documentId: doc.id,
      agencyId,
      state: VersionState.Effective,
    });
    await storage().delete(key);
    await ctx.sql(
      `UPDATE document_version SET controlled_copy_key = NULL, controlled_copy_state = NULL,
         controlled_copy_claimed_at = now() WHERE id = $1`,
      [doc.v1],
    );

    let answered = false;
    const reading = openCopy(doc.id, doc.v1).then((res) => {
      answered = true;
      return res;
    });
    await sleep(700);
    expect(answered).toBe(false);
    // The other process finishes: its copy is stored and the row names it.
    const theirs = await samplePdf(`${doc.code} ban cua tien trinh khac`);
    await storage().put(key, Readable.from([theirs]));
    await ctx.sql(
      `UPDATE document_version SET controlled_copy_key = $2, controlled_copy_state = 'effective',
         controlled_copy_claimed_at = NULL WHERE id = $1`,
      [doc.v1, key],
    );

    const res = await reading;
    expect(res.status).toBe(200);
    expect(sha256(res.body as Buffer)).toBe(sha256(theirs));
    expect(await copiesOf(doc.id, doc.v1)).toEqual([key]);
  });
  it('renders again when the object the row names is gone, instead of failing every reader', async () => {
    const doc = await newDocument();
    await issueVersion(doc.id, doc.v1, `${doc.code} ban 1`);
    await openAtOnce(1, doc.id, doc.v1);
    await waitForQueuesToDrain(ctx.worker ?? ctx.app, 30_000);
    const key = controlledCopyKeyOf({
      id: doc.v1,
      documentId: doc.id,
      agencyId,
      state: VersionState.Effective,
    });
    await storage().delete(key);

    await openAtOnce(3, doc.id, doc.v1);

    expect(await copiesOf(doc.id, doc.v1)).toEqual([key]);
    expect(await row(doc.v1)).toMatchObject({ controlled_copy_key: key, controlled_copy_state: 'effective' });
  });
});
