import { Readable } from 'node:stream';
import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  AttachmentsModule,
  AttachmentsService,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode, Role, systemActor } from '@eiso/common';
import { ConfigModule } from '@eiso/config';
import { DatabaseModule, Db, TransactionRunner } from '@eiso/database';
import { ALLOWED_DOCUMENT_MEDIA_TYPES, PRIMARY_DOCUMENT_MEDIA_TYPES, StorageModule } from '@eiso/storage';
import { JobOutboxModule, QueueModule } from '@eiso/queue';
import { disguisedExe, samplePdf, sha256 } from '../support/files';
import { objectKeys } from '../support/s3-objects';
import { createTestContext, TestContext } from '../support/test-app';

/**
 * A subject type only this suite registers (next domains' evidence will look like it): its files
 * may be added while its id is in `open`, and `onLockedCheck` runs at the commit's locked check.
 */
@Injectable()
@AttachmentSubjectOf('test_evidence')
class TestEvidence implements AttachmentSubject {
  readonly open = new Set<string>();
  agencyId = '';
  onLockedCheck: () => void = () => undefined;
  readonly errors = {
    fileNotFound: ErrorCode.RecordFileNotFound,
    fileDeleted: ErrorCode.RecordDisposed,
    primaryExists: ErrorCode.DocumentPrimaryFileExists,
  };
  readonly audit = { uploaded: 'record_file.uploaded', deleted: 'document_file.deleted' } as const;

  findReadable(): Promise<{ agencyId: string }> {
    return Promise.resolve({ agencyId: this.agencyId });
  }

  findWritable(_db: Db, _actor: Actor, id: string, lock: boolean): Promise<WritableSubject> {
    if (lock) this.onLockedCheck();
    if (!this.open.has(id)) throw new DomainException(ErrorCode.RecordNotActive, { state: 'closed' });
    return Promise.resolve({
      agencyId: this.agencyId,
      keyPrefix: `agency/${this.agencyId}/test-evidence/${id}`,
    });
  }
}

describe('attachments lib (a subject type registered by its domain)', () => {
  let ctx: TestContext;
  let lib: INestApplicationContext;
  let attachments: AttachmentsService;
  let evidence: TestEvidence;
  let actor: Actor;
  let pdf: Buffer;
  let n = 0;

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    actor = {
      ...systemActor('attachments-e2e'),
      userId: user.id,
      username: user.username,
      agencyId: agency.id,
    };
    @Module({
      imports: [
        ConfigModule.forRoot(ctx.config),
        DatabaseModule.forRoot(ctx.db.url, 2, ctx.config.requestDatabaseTimeouts),
        // Same bucket (or directory) and link secret as the API of the context.
        StorageModule.forRoot(),
        // Files of indexed subjects queue their rendering through the outbox (none here does).
        QueueModule.forRoot({ config: ctx.config, runWorkers: false }),
        JobOutboxModule.forRoot(),
        AttachmentsModule,
      ],
      providers: [TestEvidence],
    })
    class EvidenceModule {}
    lib = await NestFactory.createApplicationContext(EvidenceModule, {
      logger: ['error'],
      abortOnError: false,
    });
    attachments = lib.get(AttachmentsService);
    evidence = lib.get(TestEvidence);
    evidence.agencyId = agency.id;
    pdf = await samplePdf('bang-chung');
  });
  afterAll(async () => {
    await lib?.close();
    await ctx?.close();
  });
  afterEach(() => (evidence.onLockedCheck = () => undefined));

  const newSubject = (): AttachmentSubjectRef => {
    const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    evidence.open.add(id);
    return { type: 'test_evidence', id };
  };
  const upload = (
    subject: AttachmentSubjectRef,
    bytes: Buffer,
    kind: string | null = null,
    signal?: AbortSignal,
  ) =>
    attachments.upload(actor, subject, 'bang-chung.pdf', Readable.from([bytes]), signal, {
      kind,
      accepted: kind === 'primary' ? PRIMARY_DOCUMENT_MEDIA_TYPES : ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
  const rows = (subject: AttachmentSubjectRef) =>
    ctx.sql<{
      id: string;
      storage_key: string;
      agency_id: string;
      kind: string | null;
      deleted_at: Date | null;
    }>(
      `SELECT id, storage_key, agency_id, kind, deleted_at FROM attachment
        WHERE subject_type = $1 AND subject_id = $2 ORDER BY created_at, id`,
      [subject.type, subject.id],
    );
  const objects = (subject: AttachmentSubjectRef) =>
    objectKeys(ctx.config, `agency/${evidence.agencyId}/test-evidence/${subject.id}/`);
  const read = async (stream: Readable): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const codeOf = (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (e instanceof DomainException ? e.code : String(e)),
    );

  it('uploads: the object under the subject’s prefix, the row with its hash, the audit event under the subject', async () => {
    const subject = newSubject();
    const file = await upload(subject, pdf, 'primary');
    expect(file).toMatchObject({
      kind: 'primary',
      size: pdf.length,
      sha256: sha256(pdf),
      mediaType: 'application/pdf',
    });
    expect(await rows(subject)).toEqual([
      {
        id: file.id,
        storage_key: file.storageKey,
        agency_id: evidence.agencyId,
        kind: 'primary',
        deleted_at: null,
      },
    ]);
    expect(await objects(subject)).toEqual([file.storageKey]);
    const events = await ctx.sql<{
      entity_type: string;
      action: string;
      after: { fileId: string; sha256: string };
    }>(`SELECT entity_type, action, after FROM audit_event WHERE entity_id = $1`, [subject.id]);
    expect(events).toEqual([
      {
        entity_type: 'test_evidence',
        action: 'record_file.uploaded',
        after: expect.objectContaining({ fileId: file.id, kind: 'primary', sha256: sha256(pdf) }),
      },
    ]);
    const { file: opened, stream } = await attachments.open(actor, subject, file.id);
    expect(opened.id).toBe(file.id);
    expect(sha256(await read(stream))).toBe(sha256(pdf));
    const { url } = await attachments.downloadLink(actor, subject, file.id, 60);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(sha256(Buffer.from(await fetched.arrayBuffer()))).toBe(sha256(pdf));
    expect(await codeOf(upload(subject, pdf, 'primary'))).toBe(ErrorCode.DocumentPrimaryFileExists);
  });

  it('refuses a file whose bytes are not an accepted type: no row, no object', async () => {
    const subject = newSubject();
    const refusal = await upload(subject, disguisedExe(), 'primary').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainException);
    expect((refusal as DomainException).code).toBe(ErrorCode.UnsupportedMediaType);
    expect((refusal as DomainException).details).toMatchObject({ kind: 'primary' });
    expect(await rows(subject)).toEqual([]);
    expect(await objects(subject)).toEqual([]);
  });

  it('keeps neither row nor object when the client leaves before the commit', async () => {
    const subject = newSubject();
    const client = new AbortController();
    evidence.onLockedCheck = () => client.abort(new Error('client gone'));
    await expect(upload(subject, pdf, null, client.signal)).rejects.toThrow('client gone');
    expect(await rows(subject)).toEqual([]);
    expect(await objects(subject)).toEqual([]);
  });

  it('keeps neither when the subject closed while the bytes streamed', async () => {
    const subject = newSubject();
    evidence.onLockedCheck = () => evidence.open.delete(subject.id);
    expect(await codeOf(upload(subject, pdf))).toBe(ErrorCode.RecordNotActive);
    expect(await rows(subject)).toEqual([]);
    expect(await objects(subject)).toEqual([]);
  });

  it('lists in upload order, copies rows to a new subject by reference, removes bytes with their last row', async () => {
    const db = lib.get(TransactionRunner).db;
    const subject = newSubject();
    const first = await upload(subject, pdf, 'primary');
    const second = await upload(subject, await samplePdf('phu-luc'), 'attachment');
    expect((await attachments.list(db, subject)).map((f) => f.id)).toEqual([first.id, second.id]);

    const next = newSubject();
    const copies = await lib.get(TransactionRunner).run((tx) => attachments.copy(tx, actor, subject, next));
    expect(copies.map((c) => [c.kind, c.storageKey, c.sha256])).toEqual([
      ['primary', first.storageKey, first.sha256],
      ['attachment', second.storageKey, second.sha256],
    ]);
    expect((await rows(next)).map((r) => r.storage_key)).toEqual([first.storageKey, second.storageKey]);
    expect(await objects(next)).toEqual([]);
    expect((await attachments.listMany(db, 'test_evidence', [subject.id, next.id])).length).toBe(4);

    // The copy's removal keeps the object the original still names; the original's removes it.
    await attachments.remove(actor, next, copies[0].id);
    expect((await objects(subject)).sort()).toEqual([first.storageKey, second.storageKey].sort());
    await attachments.remove(actor, subject, first.id);
    expect(await objects(subject)).toEqual([second.storageKey]);
    expect(await codeOf(attachments.open(actor, subject, first.id))).toBe(ErrorCode.RecordFileNotFound);
    const deleted = await ctx.sql<{ before: { fileId: string } }>(
      `SELECT before FROM audit_event WHERE entity_id = $1 AND action = 'document_file.deleted'`,
      [subject.id],
    );
    expect(deleted.map((e) => e.before.fileId)).toEqual([first.id]);
  });

  it('disposes: objects deleted (not one a live copy names), rows kept as tombstones, reads answer the subject’s code', async () => {
    const db = lib.get(TransactionRunner).db;
    const subject = newSubject();
    const kept = await upload(subject, pdf);
    const own = await upload(subject, await samplePdf('rieng'));
    const other = newSubject();
    await lib.get(TransactionRunner).run((tx) => attachments.copy(tx, actor, subject, other));
    await attachments.remove(
      actor,
      other,
      (await rows(other)).find((r) => r.storage_key === own.storageKey)!.id,
    );

    const disposed = await attachments.deleteObjects(db, subject);
    expect(disposed.map((f) => f.id)).toEqual([kept.id, own.id]);
    expect(await objects(subject)).toEqual([kept.storageKey]);
    const at = new Date();
    await lib.get(TransactionRunner).run((tx) => attachments.markDeleted(tx, subject, at));
    expect((await rows(subject)).map((r) => r.deleted_at)).toEqual([at, at]);
    expect(await attachments.listStored(db, 'test_evidence', [subject.id])).toEqual([]);
    expect((await attachments.listStored(db, 'test_evidence', [subject.id], at)).length).toBe(2);
    expect(await codeOf(attachments.open(actor, subject, own.id))).toBe(ErrorCode.RecordDisposed);
  });
});
