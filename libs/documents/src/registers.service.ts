import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { renderPdf, renderXlsx, ReportTable } from '@eiso/reports';
import { DOCUMENT_TYPE_LABELS, DocumentType } from './document-type';
import { DocumentRepository, RegisterRow } from './document.repository';
import { formatDateVi } from '@eiso/common';

export type RegisterKind = 'internal' | 'external';
export type RegisterFormat = 'json' | 'xlsx' | 'pdf';

export interface RegisterEntry {
  no: number;
  documentId: string;
  code: string;
  title: string;
  type: DocumentType;
  typeLabel: string;
  issueNumber: number;
  effectiveFrom: string;
  ownerOrgUnit: string | null;
  nextReviewDate: string | null;
}

export interface RegisterFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const TITLES: Record<RegisterKind, string> = {
  internal: 'DANH MỤC TÀI LIỆU NỘI BỘ',
  external: 'DANH MỤC TÀI LIỆU BÊN NGOÀI',
};

/** Danh mục tài liệu nội bộ / bên ngoài: the documents in force of the reader's agency. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly clock: Clock,
  ) {}

  async entries(actor: Actor, kind: RegisterKind): Promise<RegisterEntry[]> {
    if (!actor.agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
    const rows = await this.documents.register(this.tx.db, actor.agencyId, kind === 'external');
    return rows.map((r: RegisterRow, i) => ({
      no: i + 1,
      documentId: r.id,
      code: r.code,
      title: r.title,
      type: r.type,
      typeLabel: DOCUMENT_TYPE_LABELS[r.type],
      issueNumber: r.issueNumber,
      effectiveFrom: r.effectiveFrom,
      ownerOrgUnit: r.ownerOrgUnit,
      nextReviewDate: r.nextReviewDate,
    }));
  }

  async file(
    actor: Actor,
    kind: RegisterKind,
    format: Exclude<RegisterFormat, 'json'>,
  ): Promise<RegisterFile> {
    const entries = await this.entries(actor, kind);
    const table: ReportTable = {
      title: TITLES[kind],
      agencyName: await this.documents.agencyName(this.tx.db, actor.agencyId!),
      generatedAt: this.clock.now(),
      subtitle: [`Tài liệu đang hiệu lực: ${entries.length}`],
      columns: [
        { key: 'no', header: 'STT', width: 5, align: 'center' },
        { key: 'code', header: 'Mã hiệu', width: 14 },
        { key: 'title', header: 'Tên tài liệu', width: 40 },
        { key: 'type', header: 'Loại', width: 16 },
        { key: 'issue', header: 'Lần ban hành', width: 9, align: 'center' },
        { key: 'effective', header: 'Ngày hiệu lực', width: 11, align: 'center' },
        { key: 'owner', header: 'Đơn vị chủ trì', width: 18 },
      ],
      rows: entries.map((e) => ({
        no: e.no,
        code: e.code,
        title: e.title,
        type: e.typeLabel,
        issue: String(e.issueNumber).padStart(2, '0'),
        effective: formatDateVi(e.effectiveFrom),
        owner: e.ownerOrgUnit,
      })),
    };
    const base = kind === 'internal' ? 'danh-muc-tai-lieu-noi-bo' : 'danh-muc-tai-lieu-ben-ngoai';
    return format === 'xlsx'
      ? {
          fileName: `${base}.xlsx`,
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: await renderXlsx(table),
        }
      : { fileName: `${base}.pdf`, mediaType: 'application/pdf', bytes: await renderPdf(table) };
  }
}
