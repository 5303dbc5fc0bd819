import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Actor, DomainException, ErrorCode, Role, systemActor } from '@eiso/common';
import type { ContentIndex } from '@eiso/content';
import { AppConfig } from '@eiso/config';
import { Db, throwIfCommitAborted, TransactionRunner } from '@eiso/database';
import { AuditRecord, AuditTrailService } from '@eiso/audit-trail';
import {
  ALLOWED_DOCUMENT_MEDIA_TYPES,
  PRIMARY_DOCUMENT_MEDIA_TYPES,
  StorageDriver,
  StoredObject,
} from '@eiso/storage';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentSubject, AttachmentSubjectRef, WritableSubject } from './attachment-subject';
import { AttachmentSubjectRegistry } from './attachment-subject.registry';
import { AttachmentsService } from './attachments.service';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const NOW = new Date('2026-12-02T03:00:00Z');
const db = {} as Db;
const actor: Actor = { ...systemActor('test'), userId: 'u-1', username: 'soan', roles: [Role.Drafter] };
const subject: AttachmentSubjectRef = { type: 'evidence', id: 'e-1' };

/** Rows in memory, with the queries the service uses. */
class MemoryFiles {
  rows: AttachmentEntity[] = [];
  insert = (_db: Db, rows: AttachmentEntity[]): Promise<void> => {
    this.rows.push(...rows.map((r) => ({ ...r })));
    return Promise.resolve();
  };
  list = (_db: Db, s: AttachmentSubjectRef): Promise<AttachmentEntity[]> =>
    Promise.resolve(this.rows.filter((r) => r.subjectType === s.type && r.subjectId === s.id));
  findOne = async (_db: Db, s: AttachmentSubjectRef, id: string): Promise<AttachmentEntity | null> =>
    (await this.list(db, s)).find((r) => r.id === id) ?? null;
  hasPrimary = async (_db: Db, s: AttachmentSubjectRef): Promise<boolean> =>
    (await this.list(db, s)).some((r) => r.kind === 'primary');
  delete = (_db: Db, id: string): Promise<void> => {
    this.rows = this.rows.filter((r) => r.id !== id);
    return Promise.resolve();
  };
  keyStillUsed = (_db: Db, key: string): Promise<boolean> =>
    Promise.resolve(this.rows.some((r) => r.storageKey === key));
  keysSharedElsewhere = (_db: Db, s: AttachmentSubjectRef, keys: string[]): Promise<Set<string>> =>
    Promise.resolve(
      new Set(
        this.rows
          .filter((r) => !(r.subjectType === s.type && r.subjectId === s.id) && !r.deletedAt)
          .map((r) => r.storageKey)
          .filter((k) => keys.includes(k)),
      ),
    );
  markDeleted = async (_db: Db, s: AttachmentSubjectRef, at: Date): Promise<void> => {
    for (const r of await this.list(db, s)) r.deletedAt ??= at;
  };
}

/** Objects in memory; `put` reads the whole body like a driver, refusing past maxBytes. */
class MemoryStorage {
  objects = new Map<string, Buffer>();
  async put(key: string, body: Readable, options: { maxBytes?: number } = {}): Promise<StoredObject> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
      throw new DomainException(ErrorCode.PayloadTooLarge, { maxBytes: options.maxBytes });
    }
    this.objects.set(key, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      key,
      sha256,
      size: bytes.length,
      mediaType: bytes.subarray(0, 4).toString() === '%PDF' ? 'application/pdf' : 'x',
    };
  }
  get = (key: string): Promise<Readable> => Promise.resolve(Readable.from([this.objects.get(key)!]));
  delete = (key: string): Promise<void> => {
    this.objects.delete(key);
    return Promise.resolve();
  };
  presignedGetUrl = (key: string, ttl: number, name?: string): Promise<string> =>
    Promise.resolve(`https://s3/${key}?ttl=${ttl}&name=${name}`);
}

/** A subject whose state a test changes: `open` lets files be added, anything else refuses. */
class EvidenceSubject implements AttachmentSubject {
  state = 'open';
  /** Called with every check; a test may change the state at the locked one (the commit's). */
  onCheck: (lock: boolean) => void = () => undefined;
  readonly errors = {
    fileNotFound: ErrorCode.RecordFileNotFound,
    fileDeleted: ErrorCode.RecordDisposed,
    primaryExists: ErrorCode.DocumentPrimaryFileExists,
  };
  readonly audit = { uploaded: 'document_file.uploaded', deleted: 'document_file.deleted' } as const;
  findReadable(): Promise<{ agencyId: string }> {
    return Promise.resolve({ agencyId: 'ag-1' });
  }
  findWritable(_db: Db, _actor: Actor, id: string, lock: boolean): Promise<WritableSubject> {
    this.onCheck(lock);
    if (this.state !== 'open') throw new DomainException(ErrorCode.RecordNotActive, { state: this.state });
    return Promise.resolve({ agencyId: 'ag-1', keyPrefix: `agency/ag-1/evidence/${id}` });
  }
}

function setup() {
  const files = new MemoryFiles();
  const storage = new MemoryStorage();
  const rules = new EvidenceSubject();
  const audit: AuditRecord[] = [];
  const tx = {
    db,
    // Like a transaction: what the work wrote is rolled back when it (or the commit guard) throws.
    run: async <T>(work: (db: Db) => Promise<T>): Promise<T> => {
      const before = files.rows.map((r) => ({ ...r }));
      try {
        const result = await work(db);
        throwIfCommitAborted();
        return result;
      } catch (error) {
        files.rows = before;
        throw error;
      }
    },
  } as unknown as TransactionRunner;
  const registry = {
    of: (type: string) => (type === 'evidence' ? rules : undefined),
  } as unknown as AttachmentSubjectRegistry;
  const auditTrail = {
    record: (_db: Db, _actor: Actor, record: AuditRecord) => Promise.resolve(void audit.push(record)),
  } as unknown as AuditTrailService;
  const clock = { now: () => NOW };
  const service = new AttachmentsService(
    tx,
    files as unknown as AttachmentRepository,
    registry,
    storage as unknown as StorageDriver,
    auditTrail,
    clock,
    { MAX_UPLOAD_MB: 1 } as AppConfig,
    // The evidence subject indexes no content: nothing is tracked, nothing forgotten.
    {
      track: () => Promise.resolve(),
      forget: () => Promise.resolve([]),
      deleteRenditions: () => Promise.resolve(),
    } as unknown as ContentIndex,
  );
  const upload = (
    bytes: Buffer,
    options: { kind?: string; signal?: AbortSignal; to?: AttachmentSubjectRef } = {},
  ) =>
    service.upload(actor, options.to ?? subject, 'bien-ban.pdf', Readable.from([bytes]), options.signal, {
      kind: options.kind ?? null,
      accepted: options.kind === 'primary' ? PRIMARY_DOCUMENT_MEDIA_TYPES : ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
  return { files, storage, rules, audit, service, upload };
}

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof DomainException ? e.code : String(e)),
  );

describe('AttachmentsService', () => {
  it('stores the bytes under the subject key prefix, then writes the row and its audit event', async () => {
    const { files, storage, audit, upload } = setup();
    const row = await upload(PDF);
    expect(row).toMatchObject({
      subjectType: 'evidence',
      subjectId: 'e-1',
      agencyId: 'ag-1',
      kind: null,
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      mediaType: 'application/pdf',
      storageKey: `agency/ag-1/evidence/e-1/${row.id}`,
      uploadedBy: 'u-1',
      createdAt: NOW,
      deletedAt: null,
    });
    expect(files.rows).toEqual([row]);
    expect([...storage.objects.keys()]).toEqual([row.storageKey]);
    expect(audit).toEqual([
      expect.objectContaining({
        entityType: 'evidence',
        entityId: 'e-1',
        action: 'document_file.uploaded',
        after: {
          fileId: row.id,
          name: 'bien-ban.pdf',
          size: PDF.length,
          sha256: row.sha256,
          mediaType: 'application/pdf',
        },
      }),
    ]);
  });

  it('refuses a sniffed type outside those accepted before anything is stored (415 with the kind)', async () => {
    const { files, storage, upload } = setup();
    const refusal = await upload(PNG, { kind: 'primary' }).catch((e: DomainException) => e);
    expect(refusal).toBeInstanceOf(DomainException);
    expect((refusal as DomainException).code).toBe(ErrorCode.UnsupportedMediaType);
    expect((refusal as DomainException).details).toMatchObject({ mediaType: 'image/png', kind: 'primary' });
    expect(files.rows).toEqual([]);
    expect(storage.objects.size).toBe(0);
  });

  it('removes the object when the subject changed while the bytes streamed (checked again under lock)', async () => {
    const { files, storage, rules, upload } = setup();
    rules.onCheck = (lock) => {
      if (lock) rules.state = 'closed';
    };
    expect(await codeOf(upload(PDF))).toBe(ErrorCode.RecordNotActive);
    expect(files.rows).toEqual([]);
    expect(storage.objects.size).toBe(0);
  });

  it('keeps nothing when the client has gone before the commit', async () => {
    const { files, storage, rules, upload } = setup();
    const client = new AbortController();
    rules.onCheck = (lock) => {
      if (lock) client.abort(new Error('client gone'));
    };
    await expect(upload(PDF, { signal: client.signal })).rejects.toThrow('client gone');
    expect(files.rows).toEqual([]);
    expect(storage.objects.size).toBe(0);
  });

  it('refuses a second primary file, before storing and again at the commit', async () => {
    const { files, storage, rules, upload } = setup();
    const first = await upload(PDF, { kind: 'primary' });
    expect(await codeOf(upload(PDF, { kind: 'primary' }))).toBe(ErrorCode.DocumentPrimaryFileExists);
    // A primary that arrives while this upload streams: the locked check sees it and undoes the store.
    files.rows = [];
    rules.onCheck = (lock) => {
      if (lock) files.rows.push({ ...first, id: 'raced' });
    };
    expect(await codeOf(upload(PDF, { kind: 'primary' }))).toBe(ErrorCode.DocumentPrimaryFileExists);
    expect([...storage.objects.keys()]).toEqual([first.storageKey]);
  });

  it('opens a file for a reader, answers the subject’s codes for a missing or disposed one', async () => {
    const { service, upload } = setup();
    const row = await upload(PDF);
    const { file, stream } = await service.open(actor, subject, row.id);
    expect(file.id).toBe(row.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PDF);
    expect((await service.downloadLink(actor, subject, row.id, 60)).url).toBe(
      `https://s3/${row.storageKey}?ttl=60&name=bien-ban.pdf`,
    );
    expect(await codeOf(service.open(actor, subject, 'other'))).toBe(ErrorCode.RecordFileNotFound);
    expect(await codeOf(service.open(actor, { type: 'evidence', id: 'e-2' }, row.id))).toBe(
      ErrorCode.RecordFileNotFound,
    );
    await service.markDeleted(db, subject, NOW);
    expect(await codeOf(service.open(actor, subject, row.id))).toBe(ErrorCode.RecordDisposed);
  });

  it('copies rows to a new subject by reference, and deletes bytes only with the last row naming them', async () => {
    const { files, storage, service, upload } = setup();
    const row = await upload(PDF);
    const next = { type: 'evidence', id: 'e-2' };
    const [copy] = await service.copy(db, actor, subject, next);
    expect(copy).toMatchObject({ subjectId: 'e-2', storageKey: row.storageKey, sha256: row.sha256 });
    expect(copy.id).not.toBe(row.id);
    expect(storage.objects.size).toBe(1);
    await service.remove(actor, next, copy.id);
    expect(storage.objects.has(row.storageKey)).toBe(true);
    await service.remove(actor, subject, row.id);
    expect(storage.objects.size).toBe(0);
    expect(files.rows).toEqual([]);
  });

  it('disposes a subject’s objects except those a live copy still names, and keeps tombstone rows', async () => {
    const { files, storage, service, upload } = setup();
    const shared = await upload(PDF);
    const own = await upload(Buffer.concat([PDF, Buffer.from('x')]));
    await service.copy(db, actor, subject, { type: 'evidence', id: 'e-2' });
    files.rows = files.rows.filter((r) => r.subjectId === 'e-1' || r.storageKey === shared.storageKey);
    const disposed = await service.deleteObjects(db, subject);
    expect(disposed.map((f) => f.id).sort()).toEqual([shared.id, own.id].sort());
    expect([...storage.objects.keys()]).toEqual([shared.storageKey]);
    await service.markDeleted(db, subject, NOW);
    expect((await service.list(db, subject)).map((f) => f.deletedAt)).toEqual([NOW, NOW]);
  });

  it('refuses to remove files of a subject that declares no deletion event', async () => {
    const { rules, service, upload } = setup();
    const row = await upload(PDF);
    (rules as { audit: object }).audit = { uploaded: 'record_file.uploaded' };
    await expect(service.remove(actor, subject, row.id)).rejects.toThrow('cannot be removed');
  });
});
