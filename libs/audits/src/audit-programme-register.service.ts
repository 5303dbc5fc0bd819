import { Injectable } from '@nestjs/common';
import { Actor, Clock, Role } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { UserCard, UserDirectory } from '@eiso/identity';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { OfficialSigner } from '@eiso/pdf';
import { renderReport, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
import { AuditProgrammeEntryEntity } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditProgrammeFinder } from './audit-programme-finder';
import { auditNumber } from './audit-team';
import { AuditEntity } from './audit.entity';
import { AuditProgrammeRepository } from './audit-programme.repository';
import { AuditRepository } from './audit.repository';
import { AUDIT_MESSAGES, RISK_LEVEL_LABELS } from './audits.messages';
import { AuditRiskLevel } from './audit-programme-entry.entity';

export interface ProgrammeRegisterAudit {
  id: string;
  number: string;
  title: string;
  startDate: string;
  endDate: string;
  leadAuditor: string;
}

export interface ProgrammeRegisterEntry {
  no: number;
  orgUnitId: string | null;
  /** The unit's name, the process, or both ("Văn phòng — Tiếp nhận hồ sơ"). */
  subject: string;
  riskLevel: AuditRiskLevel;
  riskLevelLabel: string;
  auditsPerYear: number;
  plannedMonths: number[];
  /** Audits planned under the programme whose scope holds the line's unit, by start date. */
  audits: ProgrammeRegisterAudit[];
  note: string | null;
}

export interface ProgrammeRegister {
  programmeId: string;
  year: number;
  title: string;
  objectives: string;
  criteria: string;
  clauseEdition: string;
  entries: ProgrammeRegisterEntry[];
}

/** Chương trình đánh giá nội bộ năm YYYY, as JSON or as the signed-off document (XLSX, PDF). */
@Injectable()
export class AuditProgrammeRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly programmeFinder: AuditProgrammeFinder,
    private readonly programmes: AuditProgrammeRepository,
    private readonly audits: AuditRepository,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, programmeId: string): Promise<ProgrammeRegister> {
    const db = this.tx.db;
    const programme = await this.programmeFinder.findReadable(actor, programmeId, db);
    return this.read(db, programme);
  }

  async file(actor: Actor, programmeId: string, format: ReportFormat): Promise<ReportFile> {
    const db = this.tx.db;
    const programme = await this.programmeFinder.findReadable(actor, programmeId, db);
    const register = await this.read(db, programme);
    const text = AUDIT_MESSAGES.register;
    const table: ReportTable = {
      title: text.title(programme.year),
      heading: await this.headings.headingOf(programme.agencyId, db),
      number: { serial: 1, symbol: text.numberSymbol },
      generatedAt: this.clock.now(),
      subtitle: [
        programme.title,
        text.objectives(programme.objectives),
        text.criteria(programme.criteria),
        text.edition(programme.clauseEdition),
      ],
      columns: [
        { key: 'no', header: text.columns.no, width: 5, align: 'center' },
        { key: 'subject', header: text.columns.subject, width: 24 },
        { key: 'risk', header: text.columns.risk, width: 9, align: 'center' },
        { key: 'perYear', header: text.columns.perYear, width: 8, align: 'center' },
        { key: 'months', header: text.columns.months, width: 12 },
        { key: 'audits', header: text.columns.audits, width: 30 },
        { key: 'note', header: text.columns.note, width: 14 },
      ],
      rows: register.entries.map((e) => ({
        no: e.no,
        subject: e.subject,
        risk: e.riskLevelLabel,
        perYear: e.auditsPerYear,
        months: text.months(e.plannedMonths),
        audits: e.audits
          .map((a) => text.plannedAudit(a.number, a.startDate, a.endDate, a.leadAuditor))
          .join('; '),
        note: e.note,
      })),
      closing: { signers: await this.signers(db, programme) },
    };
    return renderReport(table, format, text.fileName(programme.year));
  }

  private async read(db: Db, programme: AuditProgrammeEntity): Promise<ProgrammeRegister> {
    // One connection (the caller's transaction, maybe): queries one after the other.
    const entries = await this.programmes.entriesOf(db, programme.id);
    const audits = await this.audits.ofProgramme(db, programme.id);
    const units = await this.agencies.orgUnitNames(
      entries.flatMap((e) => (e.orgUnitId ? [e.orgUnitId] : [])),
      db,
    );
    const leads = await this.users.fullNamesOf(
      audits.map((a) => a.leadAuditorId),
      db,
    );
    return {
      programmeId: programme.id,
      year: programme.year,
      title: programme.title,
      objectives: programme.objectives,
      criteria: programme.criteria,
      clauseEdition: programme.clauseEdition,
      entries: entries.map((e, i) => toEntry(i + 1, e, units, auditsOf(e, audits), leads)),
    };
  }

  /** "Người lập" (who drew the programme up), then the agency head approving it (ký thay for a deputy). */
  private async signers(db: Db, programme: AuditProgrammeEntity): Promise<OfficialSigner[]> {
    const approverIds = (await this.users.withRole(programme.agencyId, Role.Approver, {}, db)).map(
      (u) => u.id,
    );
    const cards = await this.users.cardsOf([programme.createdBy, ...approverIds], db);
    const drafter = cards.find((c) => c.id === programme.createdBy);
    const head = pickHead(cards.filter((c) => approverIds.includes(c.id)));
    const signers: OfficialSigner[] = [];
    if (drafter)
      signers.push({ caption: AUDIT_MESSAGES.register.drafter, position: null, name: drafter.fullName });
    if (head) signers.push({ position: head.position, forHead: true, name: head.fullName });
    return signers;
  }
}

/** The head: an approver whose position is not a deputy's, else any approver (by name, as read). */
function pickHead(approvers: UserCard[]): UserCard | null {
  return approvers.find((c) => c.position && !/^phó\s/iu.test(c.position.trim())) ?? approvers[0] ?? null;
}

function auditsOf(entry: AuditProgrammeEntryEntity, audits: readonly AuditEntity[]): AuditEntity[] {
  if (!entry.orgUnitId) return [];
  return audits.filter((a) => a.orgUnitIds.includes(entry.orgUnitId!));
}

function toEntry(
  no: number,
  e: AuditProgrammeEntryEntity,
  units: ReadonlyMap<string, string>,
  audits: readonly AuditEntity[],
  leads: ReadonlyMap<string, string>,
): ProgrammeRegisterEntry {
  const unit = e.orgUnitId ? (units.get(e.orgUnitId) ?? null) : null;
  return {
    no,
    orgUnitId: e.orgUnitId,
    subject: [unit, e.process].filter(Boolean).join(' — '),
    riskLevel: e.riskLevel,
    riskLevelLabel: RISK_LEVEL_LABELS[e.riskLevel],
    auditsPerYear: e.auditsPerYear,
    plannedMonths: e.plannedMonths,
    audits: audits.map((a) => ({
      id: a.id,
      number: auditNumber(a),
      title: a.title,
      startDate: a.startDate,
      endDate: a.endDate,
      leadAuditor: leads.get(a.leadAuditorId) ?? '',
    })),
    note: e.note,
  };
}
