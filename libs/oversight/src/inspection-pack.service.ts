import { PassThrough, Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import archiver from 'archiver';
import { Clock, DomainException, ErrorCode, formatDateTimeVi, todayInVietnam } from '@eiso/common';
import { AuditDirectory, AuditReportService } from '@eiso/audits';
import { CapaRegisterService } from '@eiso/capa';
import { ConformityDeclarationsService } from '@eiso/conformity';
import { RegistersService } from '@eiso/documents';
import { ManagementReviewDirectory } from '@eiso/management-reviews';
import { AgencyDirectory } from '@eiso/organizations';
import { StorageDriver } from '@eiso/storage';
import { OVERSIGHT_MESSAGES } from './oversight.messages';

export interface InspectionPack {
  fileName: string;
  stream: Readable;
}

/** One entry of the pack: its name in the ZIP and where its bytes come from (opened when written). */
interface PackEntry {
  name: string;
  title: string;
  open: () => Promise<Readable | Buffer>;
}

const logger = new Logger('InspectionPackService');

/**
 * The ZIP an inspection (kiểm tra) of an agency starts from: its registers of documents in force,
 * the decision declaring its QMS conformant, the report of its last closed internal audit, the
 * minutes of its last signed management review and its log of nonconformities and corrective
 * actions, with a table of contents naming what the agency has not got yet. Only issued and
 * declared material, never a draft or a record's file. Streamed: each stored file is copied from
 * storage into the archive as it is written, never held whole in memory.
 */
@Injectable()
export class InspectionPackService {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly registers: RegistersService,
    private readonly capa: CapaRegisterService,
    private readonly declarations: ConformityDeclarationsService,
    private readonly audits: AuditDirectory,
    private readonly auditReports: AuditReportService,
    private readonly reviews: ManagementReviewDirectory,
    private readonly storage: StorageDriver,
    private readonly clock: Clock,
  ) {}

  async pack(agencyId: string): Promise<InspectionPack> {
    const agency = await this.agencies.summaryOf(agencyId);
    if (!agency) throw new DomainException(ErrorCode.AgencyNotFound);
    const M = OVERSIGHT_MESSAGES.pack;
    const found: PackEntry[] = [
      {
        name: '01-danh-muc-tai-lieu-noi-bo.xlsx',
        title: M.internalRegister,
        open: async () => (await this.registers.fileOf(agencyId, 'internal', 'xlsx')).bytes,
      },
      {
        name: '02-danh-muc-tai-lieu-ben-ngoai.xlsx',
        title: M.externalRegister,
        open: async () => (await this.registers.fileOf(agencyId, 'external', 'xlsx')).bytes,
      },
      {
        name: '06-so-theo-doi-khac-phuc.xlsx',
        title: M.capaLog,
        open: async () => (await this.capa.fileOf(agencyId, 'xlsx')).bytes,
      },
    ];
    const missing: string[] = [];
    const decision = await this.declarations.currentDecision(agencyId);
    if (decision) {
      found.push({
        name: `03-${decision.file.name}`,
        title: M.declaration,
        open: () => Promise.resolve(decision.stream),
      });
    } else missing.push(M.declaration);
    const audit = await this.audits.lastClosed(agencyId);
    const report = audit ? await this.auditReports.pdfForOversight(agencyId, audit.auditId) : null;
    if (report) {
      found.push({
        name: `04-${report.fileName}`,
        title: `${M.auditReport} ${audit!.number}`,
        open: () => Promise.resolve(report.bytes),
      });
    } else missing.push(M.auditReport);
    const minutes = await this.reviews.lastSignedMinutes(agencyId);
    if (minutes) {
      found.push({
        name: `05-bao-cao-xem-xet-cua-lanh-dao-${minutes.number.replace('/', '-')}.pdf`,
        title: `${M.reviewMinutes} ${minutes.number}`,
        open: () => this.storage.get(minutes.key),
      });
    } else missing.push(M.reviewMinutes);
    found.sort((a, b) => a.name.localeCompare(b.name));

    const at = this.clock.now();
    const contents = M.contents(
      agency.name,
      formatDateTimeVi(at),
      found.map((e) => `${e.name} — ${e.title}`),
      missing,
    );
    const zip = archiver('zip', { zlib: { level: 6 } });
    const out = new PassThrough();
    zip.on('warning', (e) => logger.warn(`Gói hồ sơ kiểm tra: ${String(e)}`));
    zip.on('error', (e) => out.destroy(e));
    zip.pipe(out);
    void (async () => {
      try {
        zip.append(Buffer.from(contents, 'utf8'), { name: '00-muc-luc.txt', date: at });
        for (const entry of found) zip.append(await entry.open(), { name: entry.name, date: at });
        await zip.finalize();
      } catch (error) {
        logger.error(`Không tạo được gói hồ sơ kiểm tra của ${agencyId}: ${String(error)}`);
        zip.abort();
        out.destroy(error as Error);
      }
    })();
    return { fileName: M.fileName(agency.name, todayInVietnam(at)), stream: out };
  }
}
