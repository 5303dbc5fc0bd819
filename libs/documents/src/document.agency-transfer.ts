import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  Db,
  moveAgencyRows,
  takenKeys,
  TransferSummary,
} from '@eiso/database';

/**
 * Documents move with every version (their files move with the attachments step): what was in force stays in force under the
 * receiving agency, drafts stay drafts. A document code is unique per agency and is printed on
 * issued copies: a code the receiving agency already uses is a conflict that people settle first
 * (a new revision under another code, or withdrawing one of the two), unless the restructuring
 * gives a `codePrefix`, which is put before each such code (copies issued before keep the old
 * code they were printed with). A prefixed code still taken is a conflict.
 */
@Injectable()
@AgencyTransfer()
export class DocumentAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'documents';
  readonly tables = ['document', 'document_version'];

  conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const prefix = input.codePrefix ?? '';
    return takenKeys(
      db,
      'document',
      (r) => (r === 'f' && prefix ? `lower(${literal(prefix)} || f.code)` : `lower(${r}.code)`),
      'code',
      input,
    );
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const renamed = input.codePrefix ? await this.prefixTakenCodes(db, input, input.codePrefix) : 0;
    return {
      ...(renamed ? { renamed: { document: renamed } } : {}),
      moved: {
        document: await moveAgencyRows(db, 'document', input, { touch: true }),
        document_version: await moveAgencyRows(db, 'document_version', input, { touch: true }),
      },
    };
  }

  /** Puts `prefix` before each code of the old agency that the receiving agency uses. */
  private async prefixTakenCodes(db: Db, input: AgencyTransferInput, prefix: string): Promise<number> {
    const rows: { n: number }[] = await db.query(
      `WITH renamed AS (
         UPDATE document f SET code = $3 || f.code, updated_at = $4, version = f.version + 1
          WHERE f.agency_id = $1
            AND EXISTS (SELECT 1 FROM document t WHERE t.agency_id = $2 AND lower(t.code) = lower(f.code))
         RETURNING 1
       ) SELECT count(*)::int AS n FROM renamed`,
      [input.fromAgencyId, input.toAgencyId, prefix, input.at],
    );
    return rows[0].n;
  }
}

/** A SQL string literal of a checked prefix (letters, digits, dash, dot, underscore only). */
function literal(prefix: string): string {
  if (!/^[\p{L}\p{N}._-]{1,20}$/u.test(prefix)) throw new Error(`Not a code prefix: ${prefix}`);
  return `'${prefix}'`;
}
