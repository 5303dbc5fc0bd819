import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChainVerifier, GENESIS_HASH, hashLink } from '@eiso/audit-trail';
import { dataSourceOptions, LONG_WORK_TIMEOUTS, runMigrations } from '@eiso/database';
import { MIGRATIONS } from '@eiso/migrations';
import { SignatureMeaning, signatureHash, SignedContent, signatureVerifies } from '@eiso/signatures';
import { dropDatabase, TEST_PG_ADMIN_URL } from '../support/database';

/**
 * Migration 1764450000000 carries every document signature and disposal approval into the one
 * `signature` table: rows seeded in the old shape at the migration before it are all there after
 * it, with equal hashes that still verify over what they covered, and back again after its `down`;
 * the audit chain verifies throughout.
 */
describe('signatures migration', () => {
  const name = `eiso_sigmig_${Date.now()}`;
  const url = (() => {
    const u = new URL(TEST_PG_ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const mine = MIGRATIONS.findIndex((m) => m.name === 'Signatures1764450000000');
  let pg: Client;

  /** Applies the migrations before `count` only, or reverts down to the first `count`. */
  async function migrateTo(count: number): Promise<void> {
    const dataSource = new DataSource({
      ...dataSourceOptions(url, 1, LONG_WORK_TIMEOUTS),
      entities: [],
      migrations: MIGRATIONS.slice(0, count),
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }

  async function revertTo(count: number): Promise<void> {
    const dataSource = new DataSource({ ...dataSourceOptions(url, 1, LONG_WORK_TIMEOUTS), entities: [] });
    await dataSource.initialize();
    try {
      const applied = async () =>
        (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM schema_migrations`))[0].n;
      while ((await applied()) > count) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }

  const agencyId = randomUUID();
  const users = {
    drafter: randomUUID(),
    reviewer: randomUUID(),
    approver: randomUUID(),
    secretary: randomUUID(),
  };
  const documentId = randomUUID();
  const versionId = randomUUID();
  const passwordSetAt = new Date('2026-11-01T01:00:00.000Z');

  interface OldDocumentSignature {
    id: string;
    meaning: SignatureMeaning;
    signerId: string;
    signerName: string;
    signerPosition: string | null;
    signerRole: string;
    signedAt: Date;
    comment: string | null;
    passwordSetAt: Date | null;
    content: SignedContent;
    contentHash: string;
  }
  interface OldApproval {
    disposalId: string;
    number: number;
    signerId: string;
    signerName: string;
    signerPosition: string | null;
    signerRole: string;
    signedAt: Date;
    passwordSetAt: Date | null;
    content: SignedContent;
    contentHash: string;
  }

  const versionContent = (meaning: SignatureMeaning): SignedContent => ({
    documentId,
    agencyId,
    code: 'QT-01',
    versionId,
    revision: 1,
    title: 'Quy trình tiếp nhận hồ sơ',
    changeSummary: null,
    isoClauses: ['7.5'],
    tthcCodes: [],
    files: [{ kind: 'primary', name: 'quy-trinh.pdf', sha256: 'a'.repeat(64), size: 10 }],
    extra: meaning === SignatureMeaning.Issue ? { issueNumber: 1, effectiveFrom: '2026-12-01' } : null,
  });

  const documentSignature = (
    meaning: SignatureMeaning,
    signer: [string, string, string | null, string],
    signedAt: string,
    extra: { comment?: string; passwordSetAt?: Date | null } = {},
  ): OldDocumentSignature => {
    const [signerId, signerName, signerPosition, signerRole] = signer;
    const at = new Date(signedAt);
    const content = versionContent(meaning);
    return {
      id: randomUUID(),
      meaning,
      signerId,
      signerName,
      signerPosition,
      signerRole,
      signedAt: at,
      comment: extra.comment ?? null,
      passwordSetAt: extra.passwordSetAt === undefined ? passwordSetAt : extra.passwordSetAt,
      content,
      contentHash: signatureHash(content, { meaning, signerId, signedAt: at }),
    };
  };

  const documentSignatures: OldDocumentSignature[] = [
    documentSignature(
      SignatureMeaning.Submit,
      [users.drafter, 'Nguyễn Thị Hường', 'Chuyên viên', 'drafter'],
      '2026-11-20T02:00:00.000Z',
    ),
    // Signed before the password epoch was kept: null stays null.
    documentSignature(
      SignatureMeaning.Review,
      [users.reviewer, 'Trần Văn Minh', 'Trưởng phòng', 'reviewer'],
      '2026-11-21T03:00:00.000Z',
      { comment: 'Đạt yêu cầu', passwordSetAt: null },
    ),
    documentSignature(
      SignatureMeaning.Approve,
      [users.approver, 'Lê Văn Phúc', null, 'approver,reviewer'],
      '2026-11-22T04:00:00.123Z',
    ),
    documentSignature(
      SignatureMeaning.Issue,
      [users.secretary, 'Phạm Thu Hà', 'Thư ký ISO', 'iso_secretary'],
      '2026-11-23T05:00:00.000Z',
    ),
    documentSignature(
      SignatureMeaning.Withdraw,
      [users.approver, 'Lê Văn Phúc', null, 'approver,reviewer'],
      '2026-11-24T06:00:00.000Z',
      { comment: 'Thay bằng quy trình mới' },
    ),
  ];

  const approval = (number: number, signedAt: string): OldApproval => {
    const disposalId = randomUUID();
    const at = new Date(signedAt);
    const content: SignedContent = {
      disposalId,
      agencyId,
      number,
      records: [{ id: randomUUID(), files: ['b'.repeat(64)] }],
    };
    return {
      disposalId,
      number,
      signerId: users.approver,
      signerName: 'Lê Văn Phúc',
      signerPosition: number === 1 ? null : 'Phó Giám đốc',
      signerRole: 'approver',
      signedAt: at,
      passwordSetAt: number === 1 ? null : passwordSetAt,
      content,
      contentHash: signatureHash(content, {
        meaning: SignatureMeaning.Dispose,
        signerId: users.approver,
        signedAt: at,
      }),
    };
  };
  // Batch 1 is carried out (completed), batch 2 signed and waiting for its job.
  const approvals = [approval(1, '2026-11-25T07:00:00.000Z'), approval(2, '2026-11-26T08:00:00.000Z')];
  const proposedId = randomUUID();
  const rejectedId = randomUUID();

  async function seedOldShape(): Promise<void> {
    await pg.query(`INSERT INTO agency (id, name, level) VALUES ($1, 'Sở Tư pháp', 'province_department')`, [
      agencyId,
    ]);
    const names = {
      drafter: 'Nguyễn Thị Hường',
      reviewer: 'Trần Văn Minh',
      approver: 'Lê Văn Phúc',
      secretary: 'Phạm Thu Hà',
    };
    for (const [role, id] of Object.entries(users)) {
      await pg.query(
        `INSERT INTO app_user (id, username, full_name, agency_id, roles, password_hash, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, 'x', $6)`,
        [
          id,
          role,
          names[role as keyof typeof names],
          agencyId,
          [role === 'secretary' ? 'iso_secretary' : role],
          passwordSetAt,
        ],
      );
    }
    await pg.query(
      `INSERT INTO document (id, agency_id, code, title, type, created_by, status)
       VALUES ($1, $2, 'QT-01', 'Quy trình tiếp nhận hồ sơ', 'procedure', $3, 'obsolete')`,
      [documentId, agencyId, users.drafter],
    );
    await pg.query(
      `INSERT INTO document_version (id, document_id, agency_id, revision, issue_number, state, title, author_id,
                                     effective_from)
       VALUES ($1, $2, $3, 1, 1, 'obsolete', 'Quy trình tiếp nhận hồ sơ', $4, '2026-12-01')`,
      [versionId, documentId, agencyId, users.drafter],
    );
    for (const s of documentSignatures) {
      await pg.query(
        `INSERT INTO document_signature (id, version_id, meaning, signer_id, signer_name, signer_position,
                                         signer_role, signed_at, content_hash, comment, signer_password_set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          s.id,
          versionId,
          s.meaning,
          s.signerId,
          s.signerName,
          s.signerPosition,
          s.signerRole,
          s.signedAt,
          s.contentHash,
          s.comment,
          s.passwordSetAt,
        ],
      );
    }
    for (const a of approvals) {
      const completed = a.number === 1;
      await pg.query(
        `INSERT INTO disposal (id, agency_id, number, state, record_count, proposed_by, proposed_at, proposer_name,
                               proposer_position, approved_by, signer_name, signer_position, signer_role, signed_at,
                               content_hash, signer_password_set_at, completed_at)
         VALUES ($1, $2, $3, $4, 1, $5, $6, 'Phạm Thu Hà', 'Thư ký ISO', $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          a.disposalId,
          agencyId,
          a.number,
          completed ? 'completed' : 'approved',
          users.secretary,
          new Date(a.signedAt.getTime() - 86_400_000),
          a.signerId,
          a.signerName,
          a.signerPosition,
          a.signerRole,
          a.signedAt,
          a.contentHash,
          a.passwordSetAt,
          completed ? new Date(a.signedAt.getTime() + 60_000) : null,
        ],
      );
    }
    await pg.query(
      `INSERT INTO disposal (id, agency_id, number, state, record_count, proposed_by, proposed_at)
       VALUES ($1, $2, 3, 'proposed', 1, $3, now())`,
      [proposedId, agencyId, users.secretary],
    );
    await pg.query(
      `INSERT INTO disposal (id, agency_id, number, state, record_count, proposed_by, proposed_at, rejected_by,
                             rejected_at, rejection_reason)
       VALUES ($1, $2, 4, 'rejected', 1, $3, now(), $4, now(), 'Chưa đủ hồ sơ')`,
      [rejectedId, agencyId, users.secretary, users.approver],
    );
    await appendAuditEvents(
      ...documentSignatures.map((s) => ({
        entityType: 'document_version',
        entityId: versionId,
        action: `document_version.${s.meaning}`,
        after: { contentHash: s.contentHash },
      })),
      ...approvals.map((a) => ({
        entityType: 'disposal',
        entityId: a.disposalId,
        action: 'disposal.approved',
        after: { contentHash: a.contentHash },
      })),
    );
  }

  /** Appends links exactly as AuditTrailService does: each hashed over its fields and its predecessor's hash. */
  async function appendAuditEvents(
    ...events: { entityType: string; entityId: string; action: string; after: Record<string, unknown> }[]
  ): Promise<void> {
    const last = await pg.query<{ hash: string }>(`SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1`);
    let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
    for (const e of events) {
      const fields = {
        id: randomUUID(),
        occurredAt: new Date(),
        actorId: users.approver,
        actorUsername: 'approver',
        agencyId,
        entityType: e.entityType,
        entityId: e.entityId,
        action: e.action,
        before: null,
        after: e.after,
        requestId: null,
        prevHash,
      };
      const hash = hashLink(fields);
      await pg.query(
        `INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, agency_id, entity_type, entity_id,
                                  action, before, after, request_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          fields.id,
          fields.occurredAt,
          fields.actorId,
          fields.actorUsername,
          fields.agencyId,
          fields.entityType,
          fields.entityId,
          fields.action,
          fields.before,
          fields.after,
          fields.requestId,
          prevHash,
          hash,
        ],
      );
      prevHash = hash;
    }
  }

  async function auditChain(): Promise<{ ok: boolean; checked: number }> {
    const verifier = new ChainVerifier();
    const { rows } = await pg.query<Record<string, unknown>>(`SELECT * FROM audit_event ORDER BY seq`);
    for (const r of rows) {
      verifier.accept({
        seq: String(r.seq),
        id: r.id as string,
        occurredAt: r.occurred_at as Date,
        actorId: r.actor_id as string | null,
        actorUsername: r.actor_username as string,
        agencyId: r.agency_id as string | null,
        entityType: r.entity_type as string,
        entityId: r.entity_id as string,
        action: r.action as string,
        before: r.before as Record<string, unknown> | null,
        after: r.after as Record<string, unknown> | null,
        requestId: r.request_id as string | null,
        prevHash: r.prev_hash as string,
        hash: r.hash as string,
      });
    }
    const { ok, checked } = verifier.result();
    return { ok, checked };
  }

  async function tableExists(table: string): Promise<boolean> {
    const { rows } = await pg.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
    return rows[0].present as boolean;
  }

  beforeAll(async () => {
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    await migrateTo(mine);
    pg = new Client({ connectionString: url });
    await pg.connect();
    await seedOldShape();
  });
  afterAll(async () => {
    await pg?.end();
    await dropDatabase(name);
  });

  it('is the migration right after the controlled-copy claim', () => {
    expect(mine).toBeGreaterThan(0);
    expect(MIGRATIONS[mine - 1].name).toBe('ControlledCopyClaim1764441000000');
  });

  it('carries every document signature and disposal approval over with equal hashes, and drops the old shape', async () => {
    const chainBefore = await auditChain();
    expect(chainBefore).toEqual({ ok: true, checked: documentSignatures.length + approvals.length });

    expect(await runMigrations(url)).toContain('Signatures1764450000000');

    const { rows } = await pg.query<Record<string, unknown>>(`SELECT * FROM signature ORDER BY signed_at`);
    expect(rows).toHaveLength(documentSignatures.length + approvals.length);
    for (const s of documentSignatures) {
      const row = rows.find((r) => r.id === s.id);
      expect(row).toEqual({
        id: s.id,
        subject_type: 'document_version',
        subject_id: versionId,
        meaning: s.meaning,
        signer_id: s.signerId,
        signer_name: s.signerName,
        signer_position: s.signerPosition,
        signer_role: s.signerRole,
        signed_at: s.signedAt,
        content_hash: s.contentHash,
        signer_password_set_at: s.passwordSetAt,
        comment: s.comment,
      });
      const act = { meaning: s.meaning, signerId: s.signerId, signedAt: row!.signed_at as Date };
      expect(signatureVerifies({ ...act, contentHash: row!.content_hash as string }, s.content)).toBe(true);
    }
    for (const a of approvals) {
      const row = rows.find((r) => r.subject_type === 'disposal' && r.subject_id === a.disposalId);
      expect(row).toEqual({
        id: expect.any(String),
        subject_type: 'disposal',
        subject_id: a.disposalId,
        meaning: SignatureMeaning.Dispose,
        signer_id: a.signerId,
        signer_name: a.signerName,
        signer_position: a.signerPosition,
        signer_role: a.signerRole,
        signed_at: a.signedAt,
        content_hash: a.contentHash,
        signer_password_set_at: a.passwordSetAt,
        comment: null,
      });
      const act = {
        meaning: SignatureMeaning.Dispose,
        signerId: a.signerId,
        signedAt: row!.signed_at as Date,
      };
      expect(signatureVerifies({ ...act, contentHash: row!.content_hash as string }, a.content)).toBe(true);
    }
    // Unsigned batches have no signature; the proposer is recorded on the batch, not signed.
    expect(rows.some((r) => r.subject_id === proposedId || r.subject_id === rejectedId)).toBe(false);

    expect(await tableExists('document_signature')).toBe(false);
    const { rows: columns } = await pg.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'disposal'`,
    );
    const names = columns.map((c) => c.column_name);
    expect(names).toEqual(expect.arrayContaining(['proposer_name', 'proposer_position', 'proposed_by']));
    for (const dropped of [
      'approved_by',
      'signer_name',
      'signer_position',
      'signer_role',
      'signed_at',
      'content_hash',
      'signer_password_set_at',
    ]) {
      expect(names).not.toContain(dropped);
    }
    expect(await auditChain()).toEqual(chainBefore);
  });

  it('puts every signature back in the old shape when reverted, and refuses to drop signatures it has no place for', async () => {
    const other = randomUUID();
    await pg.query(
      `INSERT INTO signature (id, subject_type, subject_id, meaning, signer_id, signer_name, signer_role, signed_at,
                              content_hash)
       VALUES ($1, 'conformity_declaration', $2, 'declare', $3, 'Lê Văn Phúc', 'approver', now(), $4)`,
      [other, randomUUID(), users.approver, 'c'.repeat(64)],
    );
    await expect(revertTo(mine)).rejects.toThrow('không thể hoàn tác');
    expect(await tableExists('signature')).toBe(true);
    await pg.query(`DELETE FROM signature WHERE id = $1`, [other]);

    await revertTo(mine);
    expect(await tableExists('signature')).toBe(false);
    const { rows: signatures } = await pg.query<Record<string, unknown>>(
      `SELECT id, meaning, signer_id, signer_name, signer_position, signer_role, signed_at, content_hash, comment,
              signer_password_set_at
         FROM document_signature WHERE version_id = $1 ORDER BY signed_at`,
      [versionId],
    );
    expect(signatures).toEqual(
      documentSignatures.map((s) => ({
        id: s.id,
        meaning: s.meaning,
        signer_id: s.signerId,
        signer_name: s.signerName,
        signer_position: s.signerPosition,
        signer_role: s.signerRole,
        signed_at: s.signedAt,
        content_hash: s.contentHash,
        comment: s.comment,
        signer_password_set_at: s.passwordSetAt,
      })),
    );
    const { rows: disposals } = await pg.query<Record<string, unknown>>(
      `SELECT id, approved_by, signer_name, signer_position, signer_role, signed_at, content_hash, signer_password_set_at
         FROM disposal ORDER BY number`,
    );
    expect(disposals).toEqual([
      ...approvals.map((a) => ({
        id: a.disposalId,
        approved_by: a.signerId,
        signer_name: a.signerName,
        signer_position: a.signerPosition,
        signer_role: a.signerRole,
        signed_at: a.signedAt,
        content_hash: a.contentHash,
        signer_password_set_at: a.passwordSetAt,
      })),
      ...[proposedId, rejectedId].map((id) => ({
        id,
        approved_by: null,
        signer_name: null,
        signer_position: null,
        signer_role: null,
        signed_at: null,
        content_hash: null,
        signer_password_set_at: null,
      })),
    ]);
    expect((await auditChain()).ok).toBe(true);

    // And forward again: the same rows, the same hashes.
    await runMigrations(url);
    const { rows: again } = await pg.query<{ content_hash: string }>(
      `SELECT content_hash FROM signature ORDER BY signed_at`,
    );
    const inOrder = [...documentSignatures, ...approvals].sort(
      (x, y) => x.signedAt.getTime() - y.signedAt.getTime(),
    );
    expect(again.map((r) => r.content_hash)).toEqual(inOrder.map((s) => s.contentHash));
  });
});
