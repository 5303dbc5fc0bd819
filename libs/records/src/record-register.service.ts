import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { DocumentDirectory } from '@eiso/documents';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { renderReport, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
import { agencyOf } from './record-finder';
import { RecordTypeRepository } from './record-type.repository';
import { retentionLabel } from './retention';
import { RECORD_MESSAGES } from './records.messages';

export interface RecordRegisterEntry {
  no: number;
  recordTypeId: string;
  code: string;
  name: string;
  documentId: string | null;
  documentCode: string | null;
  retentionMonths: number | null;
  permanent: boolean;
  retentionLabel: string;
  storagePlace: string;
  responsibleOrgUnitId: string;
  responsibleOrgUnit: string | null;
  recordsKept: number;
}

/** Danh mục hồ sơ: the agency's record types with retention, storage place and who keeps them. */
@Injectable()
export class RecordRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly types: RecordTypeRepository,
    private readonly documents: DocumentDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  async entries(actor: Actor): Promise<RecordRegisterEntry[]> {
    const rows = await this.types.register(this.tx.db, agencyOf(actor));
    const documents = await this.documents.labelsOf(rows.flatMap((r) => r.type.documentId ?? []));
    const units = await this.agencies.orgUnitNames(rows.map((r) => r.type.responsibleOrgUnitId));
    return rows.map((r, i) => ({
      no: i + 1,
      recordTypeId: r.type.id,
      code: r.type.code,
      name: r.type.name,
      documentId: r.type.documentId,
      documentCode: (r.type.documentId && documents.get(r.type.documentId)?.code) ?? null,
      retentionMonths: r.type.retentionMonths,
      permanent: r.type.permanent,
      retentionLabel: retentionLabel({ months: r.type.retentionMonths, permanent: r.type.permanent }),
      storagePlace: r.type.storagePlace,
      responsibleOrgUnitId: r.type.responsibleOrgUnitId,
      responsibleOrgUnit: units.get(r.type.responsibleOrgUnitId) ?? null,
      recordsKept: r.kept,
    }));
  }

  async file(actor: Actor, format: ReportFormat): Promise<ReportFile> {
    const entries = await this.entries(actor);
    const text = RECORD_MESSAGES.register;
    const table: ReportTable = {
      title: text.title,
      heading: await this.headings.headingOf(agencyOf(actor)),
      generatedAt: this.clock.now(),
      subtitle: [
        text.subtitle(
          entries.length,
          entries.reduce((sum, e) => sum + e.recordsKept, 0),
        ),
      ],
      columns: [
        { key: 'no', header: text.columns.no, width: 5, align: 'center' },
        { key: 'code', header: text.columns.code, width: 11 },
        { key: 'name', header: text.columns.name, width: 30 },
        { key: 'procedure', header: text.columns.procedure, width: 12 },
        { key: 'retention', header: text.columns.retention, width: 11, align: 'center' },
        { key: 'place', header: text.columns.place, width: 20 },
        { key: 'responsible', header: text.columns.responsible, width: 18 },
        { key: 'kept', header: text.columns.kept, width: 9, align: 'center' },
      ],
      rows: entries.map((e) => ({
        no: e.no,
        code: e.code,
        name: e.name,
        procedure: e.documentCode,
        retention: e.retentionLabel,
        place: e.storagePlace,
        responsible: e.responsibleOrgUnit,
        kept: e.recordsKept,
      })),
    };
    return renderReport(table, format, text.fileName);
  }
}
