import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '@eiso/audit-trail';
import { Actor, Clock, DomainException, ErrorCode, isAdmin } from '@eiso/common';
import {
  AgencyTransferConflict,
  AgencyTransferRegistry,
  AgencyTransferReport,
  Db,
  TransactionRunner,
} from '@eiso/database';
import { AgencyEntity, AgencyStatus, AgencySuccession } from '@eiso/organizations';
import { RestructureInput, RestructureKind } from './restructure.input';

export type RestructureConflict = AgencyTransferConflict & { domain: string; fromAgencyId: string };

export interface RestructureResult {
  kind: RestructureKind;
  effectiveDate: string;
  from: { id: string; name: string }[];
  to: { id: string; name: string };
  /** What each old agency's rows did, by domain (moved, renamed, kept). */
  transfers: { agencyId: string; report: AgencyTransferReport }[];
  /** Agencies directly under the old ones, now under the successor. */
  childrenMoved: number;
  /** Empty when the restructuring went through (or would, for a preview). */
  conflicts: RestructureConflict[];
  /** A preview: nothing was changed. */
  preview: boolean;
}

/** Thrown inside the preview's transaction so that it rolls back with the result in hand. */
class PreviewRollback extends Error {
  constructor(readonly result: RestructureResult) {
    super('preview');
  }
}

/**
 * Merges, renames and dissolves agencies (DESIGN §3, the 2025 reform) in one transaction: the
 * agencies are locked and checked, every domain's transfer step moves (or keeps) the old agencies'
 * rows to the successor, agencies under the old ones hang under the successor, the old ones are
 * marked merged or dissolved with their successor, and each gets its audit event. A code the
 * successor already uses refuses the whole restructuring (409 listing every one) unless a
 * `codePrefix` is given. `preview` runs the same and rolls back, answering what would move.
 */
@Injectable()
export class RestructureService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registry: AgencyTransferRegistry,
    private readonly succession: AgencySuccession,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  restructure(actor: Actor, input: RestructureInput): Promise<RestructureResult> {
    return this.run(actor, input, false);
  }

  async preview(actor: Actor, input: RestructureInput): Promise<RestructureResult> {
    try {
      await this.run(actor, input, true);
    } catch (error) {
      if (error instanceof PreviewRollback) return error.result;
      throw error;
    }
    throw new Error('unreachable: a preview always rolls back');
  }

  private async run(actor: Actor, input: RestructureInput, preview: boolean): Promise<RestructureResult> {
    if (!isAdmin(actor)) throw new DomainException(ErrorCode.Forbidden);
    assertShape(input);
    return this.tx.run(async (db) => {
      const at = this.clock.now();
      const from = await this.succession.lockActive(db, input.from);
      const tooEarly = from.find((a) => a.validFrom >= input.effectiveDate);
      if (tooEarly) {
        throw new DomainException(ErrorCode.AgencyRestructureInvalid, {
          agencyId: tooEarly.id,
          message: `Ngày có hiệu lực phải sau ngày "${tooEarly.name}" bắt đầu hoạt động.`,
        });
      }
      const to =
        input.kind === RestructureKind.Rename
          ? await this.succession.createSuccessor(db, from[0], input.newName!.trim(), input.effectiveDate, at)
          : (await this.succession.lockActive(db, [input.to!]))[0];
      const transfers: RestructureResult['transfers'] = [];
      const conflicts: RestructureConflict[] = [];
      for (const agency of from) {
        try {
          const report = await this.registry.transferAll(db, {
            fromAgencyId: agency.id,
            toAgencyId: to.id,
            actor,
            at,
            codePrefix: input.codePrefix,
          });
          transfers.push({ agencyId: agency.id, report });
        } catch (error) {
          if (!(error instanceof DomainException) || error.code !== ErrorCode.AgencyTransferConflicts)
            throw error;
          const found = (error.details?.conflicts ?? []) as (AgencyTransferConflict & { domain: string })[];
          conflicts.push(...found.map((c) => ({ ...c, fromAgencyId: agency.id })));
        }
      }
      const childrenMoved = await this.succession.reparentChildren(
        db,
        from.map((a) => a.id),
        to.id,
        at,
      );
      const result: RestructureResult = {
        kind: input.kind,
        effectiveDate: input.effectiveDate,
        from: from.map((a) => ({ id: a.id, name: a.name })),
        to: { id: to.id, name: to.name },
        transfers,
        childrenMoved,
        conflicts,
        preview,
      };
      if (preview) throw new PreviewRollback(result);
      if (conflicts.length) throw new DomainException(ErrorCode.AgencyTransferConflicts, { conflicts });
      const status = input.kind === RestructureKind.Dissolve ? AgencyStatus.Dissolved : AgencyStatus.Merged;
      for (const agency of from) {
        await this.succession.retire(db, agency, status, to.id, input.effectiveDate, at);
        await this.record(
          db,
          actor,
          agency,
          to,
          input,
          transfers.find((t) => t.agencyId === agency.id)?.report,
        );
      }
      return result;
    });
  }

  private record(
    db: Db,
    actor: Actor,
    agency: AgencyEntity,
    to: AgencyEntity,
    input: RestructureInput,
    report: AgencyTransferReport | undefined,
  ): Promise<unknown> {
    return this.auditTrail.record(db, actor, {
      agencyId: agency.id,
      entityType: 'agency',
      entityId: agency.id,
      action: 'agency.restructured',
      before: { name: agency.name, status: agency.status },
      after: {
        kind: input.kind,
        status: input.kind === RestructureKind.Dissolve ? AgencyStatus.Dissolved : AgencyStatus.Merged,
        successorId: to.id,
        successorName: to.name,
        effectiveDate: input.effectiveDate,
        codePrefix: input.codePrefix ?? null,
        moved: Object.fromEntries(Object.entries(report ?? {}).map(([domain, s]) => [domain, s.moved])),
      },
    });
  }
}

/** What each kind needs (422 otherwise): the receiving agency or the new name, distinct agencies. */
function assertShape(input: RestructureInput): void {
  const invalid = (message: string) => new DomainException(ErrorCode.AgencyRestructureInvalid, { message });
  if (new Set(input.from).size !== input.from.length) throw invalid('Mỗi cơ quan chỉ được nêu một lần.');
  if (input.kind === RestructureKind.Rename) {
    if (input.from.length !== 1) throw invalid('Đổi tên áp dụng cho đúng một cơ quan.');
    if (!input.newName?.trim()) throw invalid('Cần tên mới của cơ quan.');
    if (input.to) throw invalid('Đổi tên không có cơ quan tiếp nhận.');
    return;
  }
  if (!input.to) throw invalid('Cần chọn cơ quan tiếp nhận.');
  if (input.from.includes(input.to))
    throw invalid('Cơ quan tiếp nhận không được nằm trong số cơ quan bị sáp nhập, giải thể.');
}
