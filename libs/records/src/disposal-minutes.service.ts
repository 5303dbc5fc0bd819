import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, formatDateVi, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { SignaturesService } from '@eiso/signatures';
import { approvalOf, disposalSubject } from './disposal-content';
import { UserDirectory } from '@eiso/identity';
import { AgencyHeadingReader } from '@eiso/organizations';
import { DisposalRepository } from './disposal.repository';
import { renderDisposalMinutes } from './disposal-minutes.renderer';
import { RecordFinder } from './record-finder';
import { DisposalState } from './record-state';
import { RECORD_MESSAGES } from './records.messages';
import { retentionLabel } from './retention';

export interface MinutesFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** The biên bản hủy hồ sơ of a signed batch, rendered on request from the batch and its tombstones. */
@Injectable()
export class DisposalMinutesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly disposals: DisposalRepository,
    private readonly users: UserDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly finder: RecordFinder,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
  ) {}

  async render(actor: Actor, id: string): Promise<MinutesFile> {
    const db = this.tx.db;
    const disposal = await this.finder.disposal(db, actor, id);
    const signed = disposal.state === DisposalState.Approved || disposal.state === DisposalState.Completed;
    const approval = approvalOf(await this.signatures.listFor(db, disposalSubject(disposal.id)), disposal.id);
    if (!signed || !approval) {
      throw new DomainException(ErrorCode.DisposalMinutesUnavailable, { state: disposal.state });
    }
    const rows = await this.disposals.minuteRows(db, disposal.id);
    // As they were at proposal; batches proposed before that was kept show the current card.
    const proposer =
      disposal.proposerName !== null
        ? { fullName: disposal.proposerName, position: disposal.proposerPosition }
        : await this.currentCard(disposal.proposedBy);
    const bytes = await renderDisposalMinutes({
      heading: await this.headings.headingOf(disposal.agencyId, db),
      number: disposal.number,
      date: todayInVietnam(approval.signedAt),
      proposedAt: disposal.proposedAt,
      proposer: { name: proposer.fullName, position: proposer.position, at: disposal.proposedAt },
      approver: {
        name: approval.signerName,
        position: approval.signerPosition,
        at: approval.signedAt,
      },
      contentHash: approval.contentHash,
      completedAt: disposal.completedAt,
      rows: rows.map((r) => ({
        title: r.title,
        type: `${r.typeCode} — ${r.typeName}`,
        reference: r.reference ?? '',
        recordDate: formatDateVi(r.recordDate),
        retention: retentionLabel({ months: r.retentionMonths, permanent: r.retentionEnd === null }),
        retentionEnd: r.retentionEnd ? formatDateVi(r.retentionEnd) : '',
      })),
      generatedAt: this.clock.now(),
    });
    return {
      fileName: RECORD_MESSAGES.minute.fileName(disposal.number),
      mediaType: 'application/pdf',
      bytes,
    };
  }

  /** The proposer's card as it is now ('' for an account that no longer exists). */
  private async currentCard(userId: string): Promise<{ fullName: string; position: string | null }> {
    const card = await this.users.cardOf(userId, this.tx.db);
    return { fullName: card?.fullName ?? '', position: card?.position ?? null };
  }
}
