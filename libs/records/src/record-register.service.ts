import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { renderPdf, renderXlsx, ReportTable } from '@eiso/reports';
import { agencyOf } from './record-finder';
import { RecordTypeRepository } from './record-type.repository';
import { retentionLabel } from './retention';
import { RECORD_MESSAGES } from './records.messages';

export type RecordRegisterFormat = 'json' | 'xlsx' | 'pdf';

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

export interface RecordRegisterFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** Danh mục hồ sơ: the agency's record types with retention, storage place and who keeps them. */
@Injectable()
export class RecordRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly types: RecordTypeRepository,
    private readonly clock: Clock,
  ) {}

  async entries(actor: Actor): Promise<RecordRegisterEntry[]> {
    const rows = await this.types.register(this.tx.db, agencyOf(actor));
    return rows.map((r, i) => ({
      no: i + 1,
      recordTypeId: r.type.id,
      code: r.type.code,
      name: r.type.name,
      documentId: r.type.documentId,
      documentCode: r.documentCode,
      retentionMonths: r.type.retentionMonths,
      permanent: r.type.permanent,
      retentionLabel: retentionLabel({ months: r.type.retentionMonths, permanent: r.type.permanent }),
      storagePlace: r.type.storagePlace,
      responsibleOrgUnitId: r.type.responsibleOrgUnitId,
      responsibleOrgUnit: r.responsibleOrgUnit,
      recordsKept: r.kept,
    }));
  }

  async file(actor: Actor, format: Exclude<RecordRegisterFormat, 'json'>): Promise<RecordRegisterFile> {
    const entries = await this.entries(actor);
    const text = RECORD_MESSAGES.register;
    const table: ReportTable = {
      title: text.title,
      agencyName: await this.types.agencyName(this.tx.db, agencyOf(actor)),
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
    return format === 'xlsx'
      ? {
          fileName: `${text.fileName}.xlsx`,
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: await renderXlsx(table),
        }
      : { fileName: `${text.fileName}.pdf`, mediaType: 'application/pdf', bytes: await renderPdf(table) };
  }
}
