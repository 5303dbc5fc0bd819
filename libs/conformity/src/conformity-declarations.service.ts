import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditTrailService } from '@eiso/audit-trail';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  hasPermission,
  offsetOf,
  Page,
  PageRequest,
  Permission,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, isUniqueViolation, TransactionRunner } from '@eiso/database';
import { DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { officialNumber } from '@eiso/pdf';
import { SignatureEntity, SignaturesService, toSignatureFacts } from '@eiso/signatures';
import { StorageDriver } from '@eiso/storage';
import { ConformityReadinessService } from './conformity-readiness.service';
import { CONFORMITY_MESSAGES } from './conformity.messages';
import { DECLARATION_MEANING, declarationContent, declarationSubject } from './declaration-content';
import { DeclarationFinder, declaringAgencyOf } from './declaration-finder';
import { DeclarationNotifier } from './declaration-notifier';
import { DeclarationListFilter, DeclarationRepository } from './declaration.repository';
import {
  assertDraft,
  DECLARED_STATES,
  DEFAULT_LEGAL_BASES,
  DeclarationKind,
  DeclarationState,
  DeclarationTransition,
  nextDeclarationState,
} from './declaration-state';
import { ConformityDeclarationEntity, DeclaredProcedure } from './declaration.entity';
import { DECLARATION_TEXT } from './declaration-text';
import { DeclarationPdfInput, renderDeclaration } from './declaration.renderer';
import {
  DeclarationSummaryView,
  DeclarationView,
  toDeclarationRef,
  toDeclarationSummaryView,
} from './declaration.views';

export interface CreateDeclarationInput {
  /** Defaults to a redeclaration when the agency has declared before, else the initial one. */
  kind?: DeclarationKind;
  /** The TTHC codes declared; all those of the procedures in force when absent or empty. */
  tthcCodes?: string[];
  legalBases?: string[];
}

export interface UpdateDeclarationInput {
  tthcCodes?: string[];
  legalBases?: string[];
}

export interface ListDeclarationsQuery extends PageRequest {
  /** The overseer's filter (an agency member sees their own agency's only). */
  agencyId?: string;
  state?: DeclarationState;
}

export interface DeclarationFile {
  file: { name: string; mediaType: string; size: number; sha256: string };
  stream: Readable;
}

const logger = new Logger('ConformityDeclarationsService');

/**
 * The conformity declaration (DESIGN §8): the ISO secretary drafts it (scope frozen to the
 * procedures in force, legal bases), the head signs it with the signing password only while the
 * agency is ready, the decision PDF is stored with the signature, the secretary submits it to
 * Sở KH&CN, whose overseer acknowledges it. One use case per method, one transaction each with
 * its audit event.
 */
@Injectable()
export class ConformityDeclarationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: DeclarationRepository,
    private readonly finder: DeclarationFinder,
    private readonly readiness: ConformityReadinessService,
    private readonly documents: DocumentDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly users: UserDirectory,
    private readonly signatures: SignaturesService,
    private readonly notifier: DeclarationNotifier,
    private readonly storage: StorageDriver,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateDeclarationInput): Promise<DeclarationView> {
    const agencyId = declaringAgencyOf(actor);
    try {
      return await this.tx.run(async (db) => {
        if (await this.repository.draftOf(db, agencyId)) {
          throw new DomainException(ErrorCode.ConformityDeclarationDraftExists);
        }
        const current = await this.repository.currentOf(db, agencyId);
        const kind = input.kind ?? (current ? DeclarationKind.Redeclaration : DeclarationKind.Initial);
        if (kind === DeclarationKind.Initial && current) {
          throw new DomainException(ErrorCode.ConformityDeclarationKindInvalid, {
            kind,
            message: CONFORMITY_MESSAGES.alreadyDeclared(current.number),
          });
        }
        if (kind === DeclarationKind.Redeclaration && !current) {
          throw new DomainException(ErrorCode.ConformityDeclarationKindInvalid, {
            kind,
            message: CONFORMITY_MESSAGES.notDeclaredYet,
          });
        }
        const now = this.clock.now();
        const declaration: ConformityDeclarationEntity = {
          id: randomUUID(),
          agencyId,
          kind,
          state: DeclarationState.Draft,
          year: null,
          serial: null,
          number: null,
          decisionDate: null,
          tthcCodes: [],
          procedures: [],
          legalBases: cleanBases(input.legalBases ?? DEFAULT_LEGAL_BASES),
          supersedesId: kind === DeclarationKind.Redeclaration ? current!.id : null,
          supersededById: null,
          signedAt: null,
          signedBy: null,
          pdfKey: null,
          pdfSize: null,
          pdfSha256: null,
          submittedAt: null,
          submittedBy: null,
          acknowledgedAt: null,
          acknowledgedBy: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await this.freezeScope(db, declaration, input.tthcCodes);
        await this.repository.insert(db, declaration);
        await this.record(
          db,
          actor,
          declaration,
          'conformity_declaration.created',
          undefined,
          details(declaration),
        );
        return this.view(db, declaration);
      });
    } catch (error) {
      // Two drafts started at once: the partial unique index keeps one.
      if (isUniqueViolation(error, 'uq_conformity_declaration_draft'))
        throw new DomainException(ErrorCode.ConformityDeclarationDraftExists);
      throw error;
    }
  }

  async list(actor: Actor, query: ListDeclarationsQuery): Promise<Page<DeclarationSummaryView>> {
    const db = this.tx.db;
    const member = !!actor.agencyId && hasPermission(actor.roles, Permission.ConformityRead);
    const overseer = hasPermission(actor.roles, Permission.ConformityOversee);
    if (!member && !overseer) throw new DomainException(ErrorCode.Forbidden);
    // The overseer reads every agency's signed declarations; a member, their agency's, drafts too.
    const filter: DeclarationListFilter = overseer
      ? {
          agencyId: query.agencyId,
          states: query.state ? DECLARED_STATES.filter((s) => s === query.state) : DECLARED_STATES,
        }
      : { agencyId: actor.agencyId!, states: query.state ? [query.state] : undefined };
    if (filter.states?.length === 0)
      return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.repository.findPage(db, filter, offsetOf(query), query.pageSize);
    const names = await this.agencies.namesOf(
      rows.map((r) => r.agencyId),
      db,
    );
    return {
      items: rows.map((r) => toDeclarationSummaryView(r, names.get(r.agencyId) ?? '')),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<DeclarationView> {
    const db = this.tx.db;
    return this.view(db, await this.finder.declaration(db, actor, id));
  }

  /** Scope (refrozen to what is in force now) and legal bases, while a draft (If-Match required). */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: UpdateDeclarationInput,
  ): Promise<DeclarationView> {
    return this.tx.run(async (db) => {
      const declaration = await this.finder.declaration(db, actor, id, true);
      assertOwnAgency(actor, declaration);
      assertVersion(declaration, expectedVersion);
      assertDraft(declaration.state);
      const before = details(declaration);
      if (input.legalBases !== undefined) declaration.legalBases = cleanBases(input.legalBases);
      await this.freezeScope(db, declaration, input.tthcCodes ?? declaration.tthcCodes);
      const after = details(declaration);
      if (JSON.stringify(before) === JSON.stringify(after)) return this.view(db, declaration);
      await this.repository.save(db, declaration, this.clock.now());
      await this.record(db, actor, declaration, 'conformity_declaration.updated', before, after);
      return this.view(db, declaration);
    });
  }

  /** Discards a draft (409 once signed: a signed decision is never lost). */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (db) => {
      const declaration = await this.finder.declaration(db, actor, id, true);
      assertOwnAgency(actor, declaration);
      assertDraft(declaration.state);
      await this.repository.remove(db, declaration.id);
      await this.record(db, actor, declaration, 'conformity_declaration.discarded', details(declaration));
    });
  }

  /**
   * The head signs with the signing password. Refused (422 CONFORMITY_NOT_READY, naming what is
   * missing, nothing signed) while the agency is not ready, checked again under the lock; the
   * scope is frozen once more to the versions in force, the number and date are given, the PDF is
   * rendered with the signature and stored. A failure after the object was stored removes it.
   */
  async sign(actor: Actor, id: string, password: string, expectedVersion?: number): Promise<DeclarationView> {
    const pending = await this.finder.declaration(this.tx.db, actor, id);
    assertOwnAgency(actor, pending);
    assertVersion(pending, expectedVersion);
    nextDeclarationState(pending.state, DeclarationTransition.Sign);
    await this.assertReady(this.tx.db, pending);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    let storedKey: string | null = null;
    try {
      return await this.tx.run(async (db) => {
        const declaration = await this.finder.declaration(db, actor, id, true);
        assertVersion(declaration, expectedVersion);
        declaration.state = nextDeclarationState(declaration.state, DeclarationTransition.Sign);
        await this.assertReady(db, declaration);
        await this.freezeScope(db, declaration, declaration.tthcCodes);
        const now = this.clock.now();
        const date = todayInVietnam(now);
        const heading = await this.headings.headingOf(declaration.agencyId, db);
        declaration.year = Number(date.slice(0, 4));
        declaration.serial = await this.repository.nextSerial(db, declaration.agencyId, declaration.year);
        declaration.number = officialNumber(
          declaration.serial,
          DECLARATION_TEXT.numberSymbol,
          heading.abbreviation,
        );
        declaration.decisionDate = date;
        const signature = await this.signatures.sign(db, {
          actor,
          password: confirmed,
          subject: declarationSubject(declaration.id),
          meaning: DECLARATION_MEANING,
          content: declarationContent(declaration),
        });
        declaration.signedAt = signature.signedAt;
        declaration.signedBy = actor.userId;
        const bytes = await this.render(db, declaration, {
          name: signature.signerName,
          position: signature.signerPosition,
          signedAt: signature.signedAt,
          contentHash: signature.contentHash,
        });
        const key = `agency/${declaration.agencyId}/conformity/declarations/${declaration.id}/${randomUUID()}.pdf`;
        const stored = await this.storage.put(key, Readable.from([bytes]));
        storedKey = key;
        declaration.pdfKey = key;
        declaration.pdfSize = stored.size;
        declaration.pdfSha256 = stored.sha256;
        await this.repository.save(db, declaration, now);
        if (declaration.supersedesId) await this.supersede(db, actor, declaration);
        await this.record(
          db,
          actor,
          declaration,
          'conformity_declaration.signed',
          { state: DeclarationState.Draft },
          {
            state: declaration.state,
            number: declaration.number,
            decisionDate: declaration.decisionDate,
            signerName: signature.signerName,
            signerPosition: signature.signerPosition,
            contentHash: signature.contentHash,
            pdfSha256: stored.sha256,
          },
        );
        return this.view(db, declaration);
      });
    } catch (error) {
      if (storedKey) {
        const key: string = storedKey;
        await this.storage
          .delete(key)
          .catch((e: unknown) => logger.error(`Không xóa được tệp mồ côi ${key}: ${String(e)}`));
      }
      throw error;
    }
  }

  /** The secretary sends the signed decision to Sở KH&CN; every overseer is told. */
  async submit(actor: Actor, id: string, expectedVersion?: number): Promise<DeclarationView> {
    return this.tx.run(async (db) => {
      const declaration = await this.finder.declaration(db, actor, id, true);
      assertOwnAgency(actor, declaration);
      assertVersion(declaration, expectedVersion);
      declaration.state = nextDeclarationState(declaration.state, DeclarationTransition.Submit);
      const now = this.clock.now();
      declaration.submittedAt = now;
      declaration.submittedBy = actor.userId;
      await this.repository.save(db, declaration, now);
      await this.record(
        db,
        actor,
        declaration,
        'conformity_declaration.submitted',
        { state: DeclarationState.Signed },
        { state: declaration.state, submittedAt: now.toISOString() },
      );
      await this.notifier.submitted(
        db,
        actor.userId,
        declaration,
        await this.agencies.nameOf(declaration.agencyId, db),
      );
      return this.view(db, declaration);
    });
  }

  /** The overseer records receipt; the agency's ISO secretaries and its signer are told. */
  async acknowledge(actor: Actor, id: string, expectedVersion?: number): Promise<DeclarationView> {
    return this.tx.run(async (db) => {
      const declaration = await this.finder.declaration(db, actor, id, true);
      assertVersion(declaration, expectedVersion);
      declaration.state = nextDeclarationState(declaration.state, DeclarationTransition.Acknowledge);
      const now = this.clock.now();
      declaration.acknowledgedAt = now;
      declaration.acknowledgedBy = actor.userId;
      await this.repository.save(db, declaration, now);
      await this.record(
        db,
        actor,
        declaration,
        'conformity_declaration.acknowledged',
        { state: DeclarationState.Submitted },
        { state: declaration.state, acknowledgedAt: now.toISOString() },
      );
      await this.notifier.acknowledged(db, actor.userId, declaration);
      return this.view(db, declaration);
    });
  }

  /**
   * The signed decision (PDF) as stored. Before signing, with `draft`, the decision as it would
   * read today, marked "DỰ THẢO" and unsigned (for the agency: the overseer never sees a draft).
   */
  async pdf(actor: Actor, id: string, draft = false): Promise<DeclarationFile> {
    const db = this.tx.db;
    const declaration = await this.finder.declaration(db, actor, id);
    const stored = await this.storedFile(declaration);
    if (stored) return stored;
    if (!draft)
      throw new DomainException(ErrorCode.ConformityDeclarationPdfUnavailable, { state: declaration.state });
    const bytes = await this.render(db, declaration, {
      name: '',
      position: (await this.users.cardOf(actor.userId, db))?.position ?? null,
      signedAt: null,
      contentHash: null,
    });
    return {
      file: {
        name: DECLARATION_TEXT.draftFileName,
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
      stream: Readable.from([bytes]),
    };
  }

  /** The agency's decision in force (the signed PDF as stored), for an inspection pack; null if none. */
  async currentDecision(agencyId: string): Promise<DeclarationFile | null> {
    const current = await this.repository.currentOf(this.tx.db, agencyId);
    return current ? this.storedFile(current) : null;
  }

  /** The signed decision as stored; null before signing. */
  private async storedFile(d: ConformityDeclarationEntity): Promise<DeclarationFile | null> {
    if (!d.pdfKey || !d.number) return null;
    return {
      file: {
        name: DECLARATION_TEXT.fileName(d.number),
        mediaType: 'application/pdf',
        size: d.pdfSize ?? 0,
        sha256: d.pdfSha256 ?? '',
      },
      stream: await this.storage.get(d.pdfKey),
    };
  }

  async view(db: Db, stored: ConformityDeclarationEntity): Promise<DeclarationView> {
    const d = await this.asOfToday(db, stored);
    const [agencyName, supersedes, supersededBy, signature] = await Promise.all([
      this.agencies.nameOf(d.agencyId, db),
      d.supersedesId ? this.repository.findById(db, d.supersedesId) : null,
      d.supersededById ? this.repository.findById(db, d.supersededById) : null,
      d.state === DeclarationState.Draft ? null : this.signatureOf(db, d.id),
    ]);
    const names = await this.users.fullNamesOf(
      [d.submittedBy, d.acknowledgedBy].filter((id): id is string => !!id),
      db,
    );
    return {
      ...toDeclarationSummaryView(d, agencyName),
      legalBases: d.legalBases,
      procedures: d.procedures,
      supersedes: toDeclarationRef(supersedes),
      supersededBy: toDeclarationRef(supersededBy),
      signature: signature ? toSignatureFacts(signature) : null,
      pdf: d.pdfKey ? { size: d.pdfSize ?? 0, sha256: d.pdfSha256 ?? '' } : null,
      submittedBy: d.submittedBy ? (names.get(d.submittedBy) ?? '') : null,
      acknowledgedBy: d.acknowledgedBy ? (names.get(d.acknowledgedBy) ?? '') : null,
    };
  }

  /**
   * A draft as it would be signed today: its procedures are those in force now (the stored ones
   * are from its last edit; signing freezes them again). A signed declaration as it is.
   */
  private async asOfToday(db: Db, d: ConformityDeclarationEntity): Promise<ConformityDeclarationEntity> {
    if (d.state !== DeclarationState.Draft) return d;
    const live = { ...d };
    await this.freezeScope(db, live, d.tthcCodes);
    return live;
  }

  /** 422 CONFORMITY_NOT_READY naming each prerequisite not met, for the draft's scope. */
  private async assertReady(db: Db, d: ConformityDeclarationEntity): Promise<void> {
    const readiness = await this.readiness.readinessIn(db, d.agencyId, d.tthcCodes);
    if (readiness.ready) return;
    const failed = readiness.checks.filter((c) => !c.passed);
    throw new DomainException(ErrorCode.ConformityNotReady, {
      message: CONFORMITY_MESSAGES.notReady(failed),
      missing: failed.map((c) => ({ code: c.code, title: c.title, items: c.missing.map((m) => m.label) })),
    });
  }

  /**
   * The scope: the codes given (trimmed, once each, sorted), or every TTHC code of the procedures
   * in force; and the procedures in force covering them, at their current versions.
   */
  private async freezeScope(db: Db, d: ConformityDeclarationEntity, codes: readonly string[] | undefined) {
    const inForce = await this.documents.proceduresInForce(d.agencyId, undefined, db);
    const wanted = [...new Set((codes ?? []).map((c) => c.trim()).filter(Boolean))].sort();
    d.tthcCodes = wanted.length ? wanted : [...new Set(inForce.flatMap((p) => p.tthcCodes))].sort();
    const scope = new Set(d.tthcCodes);
    d.procedures = inForce
      .filter((p) => p.tthcCodes.some((c) => scope.has(c)))
      .map((p): DeclaredProcedure => ({
        documentId: p.documentId,
        versionId: p.versionId,
        code: p.code,
        title: p.title,
        tthcCodes: [...p.tthcCodes],
      }));
  }

  /** A signed redeclaration replaces the declaration in force it named. */
  private async supersede(db: Db, actor: Actor, d: ConformityDeclarationEntity): Promise<void> {
    const previous = await this.repository.findByIdForUpdate(db, d.supersedesId!);
    if (!previous || previous.supersededById) return;
    previous.supersededById = d.id;
    await this.repository.save(db, previous, this.clock.now());
    await this.record(db, actor, previous, 'conformity_declaration.superseded', undefined, {
      supersededBy: d.number,
    });
  }

  private async render(
    db: Db,
    d: ConformityDeclarationEntity,
    signer: DeclarationPdfInput['signer'],
  ): Promise<Buffer> {
    const [heading, agencyName, supersedes] = await Promise.all([
      this.headings.headingOf(d.agencyId, db),
      this.agencies.nameOf(d.agencyId, db),
      d.supersedesId ? this.repository.findById(db, d.supersedesId) : null,
    ]);
    const draft = d.state === DeclarationState.Draft;
    return renderDeclaration({
      heading,
      serial: d.serial,
      number: d.number,
      date: d.decisionDate ?? todayInVietnam(this.clock.now()),
      draft,
      body: {
        kind: d.kind,
        agencyName,
        signerPosition: signer.position,
        legalBases: d.legalBases,
        supersedes:
          supersedes?.number && supersedes.decisionDate
            ? { number: supersedes.number, date: supersedes.decisionDate }
            : null,
        tthcCodes: d.tthcCodes,
        procedures: d.procedures,
      },
      signer,
      generatedAt: this.clock.now(),
    });
  }

  private async signatureOf(db: Db, id: string): Promise<SignatureEntity | null> {
    const all = await this.signatures.listFor(db, declarationSubject(id));
    return all.filter((s) => s.meaning === DECLARATION_MEANING).at(-1) ?? null;
  }

  private record(
    db: Db,
    actor: Actor,
    d: ConformityDeclarationEntity,
    action: AuditAction,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
  ): Promise<unknown> {
    return this.auditTrail.record(db, actor, {
      agencyId: d.agencyId,
      entityType: 'conformity_declaration',
      entityId: d.id,
      action,
      before,
      after,
    });
  }
}

/** Drafting, signing and submitting are the agency's own work (the overseer only reads). */
function assertOwnAgency(actor: Actor, d: ConformityDeclarationEntity): void {
  if (d.agencyId !== actor.agencyId) throw new DomainException(ErrorCode.ConformityDeclarationNotFound);
}

function cleanBases(bases: readonly string[]): string[] {
  return bases.map((b) => b.trim()).filter(Boolean);
}

function details(d: ConformityDeclarationEntity) {
  return {
    kind: d.kind,
    tthcCodes: d.tthcCodes,
    procedures: d.procedures.map((p) => `${p.code}@${p.versionId}`),
    legalBases: d.legalBases,
  };
}
