import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { renderReport, ReportColumn, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
import { DOCUMENT_TYPE_LABELS, DocumentType, VERSION_STATE_LABELS, VersionState } from './document-type';
import { DocumentRepository, RegisterRow } from './document.repository';
import { REGISTER_MESSAGES } from './registers.messages';

export type RegisterKind = 'internal' | 'external';

interface RegisterEntryBase {
  no: number;
  documentId: string;
  versionId: string;
  /** `effective`, or `scheduled` ("Đã ban hành, chờ hiệu lực") for a version issued for a later date. */
  state: VersionState;
  stateLabel: string;
  code: string;
  title: string;
}

/** A line of the Danh mục tài liệu nội bộ. Dates are calendar dates `YYYY-MM-DD`. */
export interface InternalRegisterEntry extends RegisterEntryBase {
  type: DocumentType;
  typeLabel: string;
  issueNumber: number;
  effectiveFrom: string;
  ownerOrgUnit: string | null;
  nextReviewDate: string | null;
}

/**
 * A line of the Danh mục tài liệu bên ngoài: what identifies the external document, not the
 * internal columns. Empty fields only for an external document created before they existed.
 */
export interface ExternalRegisterEntry extends RegisterEntryBase {
  issuingBody: string | null;
  numberSymbol: string | null;
  issuedDate: string | null;
  inForceDate: string | null;
  storagePlace: string | null;
}

export type RegisterEntry = InternalRegisterEntry | ExternalRegisterEntry;

/** Danh mục tài liệu nội bộ / bên ngoài: the documents in force of the reader's agency. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  async entries(actor: Actor, kind: 'internal'): Promise<InternalRegisterEntry[]>;
  async entries(actor: Actor, kind: 'external'): Promise<ExternalRegisterEntry[]>;
  async entries(actor: Actor, kind: RegisterKind): Promise<RegisterEntry[]>;
  async entries(actor: Actor, kind: RegisterKind): Promise<RegisterEntry[]> {
    if (!actor.agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
    return this.entriesOf(actor.agencyId, kind);
  }

  async file(actor: Actor, kind: RegisterKind, format: ReportFormat): Promise<ReportFile> {
    if (!actor.agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
    return this.fileOf(actor.agencyId, kind, format);
  }

  /**
   * An agency's register as a file, whoever asks: the routes pass the reader's own agency; the
   * province's inspection pack the inspected one (a register lists only issued documents).
   */
  async fileOf(agencyId: string, kind: RegisterKind, format: ReportFormat): Promise<ReportFile> {
    const text = REGISTER_MESSAGES[kind];
    const entries = await this.entriesOf(agencyId, kind);
    const { columns, rows } =
      kind === 'internal'
        ? internalTable(entries as InternalRegisterEntry[])
        : externalTable(entries as ExternalRegisterEntry[]);
    const table: ReportTable = {
      title: text.title,
      heading: await this.headings.headingOf(agencyId),
      generatedAt: this.clock.now(),
      subtitle: [
        REGISTER_MESSAGES.subtitle(
          entries.filter((e) => e.state === VersionState.Effective).length,
          entries.filter((e) => e.state === VersionState.Scheduled).length,
        ),
      ],
      columns,
      rows,
    };
    return renderReport(table, format, text.fileName);
  }

  private async entriesOf(agencyId: string, kind: RegisterKind): Promise<RegisterEntry[]> {
    const rows = await this.documents.register(this.tx.db, agencyId, kind === 'external');
    if (kind === 'external') return rows.map((r, i) => externalEntry(r, i + 1));
    const owners = await this.agencies.orgUnitNames(rows.flatMap((r) => r.ownerOrgUnitId ?? []));
    return rows.map((r, i) => internalEntry(r, i + 1, owners));
  }
}

/** `owners`: org unit id → name. */
function internalEntry(
  r: RegisterRow,
  no: number,
  owners: ReadonlyMap<string, string>,
): InternalRegisterEntry {
  return {
    no,
    documentId: r.id,
    versionId: r.versionId,
    state: r.state,
    stateLabel: VERSION_STATE_LABELS[r.state],
    code: r.code,
    title: r.title,
    type: r.type,
    typeLabel: DOCUMENT_TYPE_LABELS[r.type],
    issueNumber: r.issueNumber,
    effectiveFrom: r.effectiveFrom,
    ownerOrgUnit: (r.ownerOrgUnitId && owners.get(r.ownerOrgUnitId)) ?? null,
    nextReviewDate: r.nextReviewDate,
  };
}

function externalEntry(r: RegisterRow, no: number): ExternalRegisterEntry {
  return {
    no,
    documentId: r.id,
    versionId: r.versionId,
    state: r.state,
    stateLabel: VERSION_STATE_LABELS[r.state],
    code: r.code,
    title: r.title,
    issuingBody: r.external?.issuingBody ?? null,
    numberSymbol: r.external?.numberSymbol ?? null,
    issuedDate: r.external?.issuedDate ?? null,
    inForceDate: r.external?.inForceDate ?? null,
    storagePlace: r.external?.storagePlace ?? null,
  };
}

type TableBody = Pick<ReportTable, 'columns' | 'rows'>;

// Dates go to the renderers as calendar dates in `date` columns: real dates in XLSX, dd/mm/yyyy in PDF.
function internalTable(entries: InternalRegisterEntry[]): TableBody {
  const h = REGISTER_MESSAGES.internal.columns;
  const columns: ReportColumn[] = [
    { key: 'no', header: h.no, width: 5, align: 'center' },
    { key: 'code', header: h.code, width: 13 },
    { key: 'title', header: h.title, width: 36 },
    { key: 'type', header: h.type, width: 15 },
    { key: 'issue', header: h.issue, width: 9, align: 'center' },
    { key: 'effective', header: h.effective, width: 11, align: 'center', type: 'date' },
    { key: 'nextReview', header: h.nextReview, width: 11, align: 'center', type: 'date' },
    { key: 'owner', header: h.owner, width: 15 },
    { key: 'state', header: h.state, width: 13 },
  ];
  const rows = entries.map((e) => ({
    no: e.no,
    code: e.code,
    title: e.title,
    type: e.typeLabel,
    issue: String(e.issueNumber).padStart(2, '0'),
    effective: e.effectiveFrom,
    nextReview: e.nextReviewDate,
    owner: e.ownerOrgUnit,
    state: e.stateLabel,
  }));
  return { columns, rows };
}

function externalTable(entries: ExternalRegisterEntry[]): TableBody {
  const h = REGISTER_MESSAGES.external.columns;
  const columns: ReportColumn[] = [
    { key: 'no', header: h.no, width: 5, align: 'center' },
    { key: 'numberSymbol', header: h.numberSymbol, width: 14 },
    { key: 'title', header: h.title, width: 34 },
    { key: 'issuingBody', header: h.issuingBody, width: 20 },
    { key: 'issuedDate', header: h.issuedDate, width: 11, align: 'center', type: 'date' },
    { key: 'inForceDate', header: h.inForceDate, width: 11, align: 'center', type: 'date' },
    { key: 'storagePlace', header: h.storagePlace, width: 14 },
    { key: 'state', header: h.state, width: 12 },
  ];
  const rows = entries.map((e) => ({
    no: e.no,
    numberSymbol: e.numberSymbol,
    title: e.title,
    issuingBody: e.issuingBody,
    issuedDate: e.issuedDate,
    inForceDate: e.inForceDate,
    storagePlace: e.storagePlace,
    state: e.stateLabel,
  }));
  return { columns, rows };
}
