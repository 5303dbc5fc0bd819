import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, foldVietnamese } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AgencyLevel } from './agency-level';
import { AgencyHeadingRow, AgencyRepository } from './agency.repository';

/**
 * The official heading of a document an agency issues (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the governing body (cơ quan chủ quản) above the agency's name, its ký hiệu for the number and
 * the địa danh of the place-and-date line.
 */
export interface AgencyHeading {
  /** Upper case, as printed ("UBND TỈNH KON TUM"); null when the agency has none above it. */
  governingBody: string | null;
  /** As stored ("Sở Tư pháp"); the layout prints it in capitals. */
  agencyName: string;
  abbreviation: string | null;
  /** The agency's own, else the nearest agency's above it (the province's); null if none has one. */
  place: string | null;
}

// A People's Committee heads its own heading ("ỦY BAN NHÂN DÂN / HUYỆN ĐĂK HÀ"): no governing body.
const SELF_GOVERNING_LEVELS: ReadonlySet<AgencyLevel> = new Set([
  AgencyLevel.Province,
  AgencyLevel.District,
  AgencyLevel.Commune,
]);
const PEOPLES_COMMITTEE = foldVietnamese('Ủy ban nhân dân');

/**
 * The governing body's line: the parent's name in capitals, "Ủy ban nhân dân" shortened to
 * "UBND" as headings write it ("UBND TỈNH KON TUM").
 */
export function governingBodyLine(parentName: string): string {
  const name = parentName.normalize('NFC').trim();
  const words = name.split(/\s+/);
  const shortened =
    words.length > 4 && foldVietnamese(words.slice(0, 4).join(' ')) === PEOPLES_COMMITTEE
      ? ['UBND', ...words.slice(4)].join(' ')
      : name;
  return shortened.toLocaleUpperCase('vi');
}

/** The heading from the agency and its ancestors, nearest first. */
export function agencyHeadingOf(chain: readonly AgencyHeadingRow[]): AgencyHeading {
  const [agency, parent] = chain;
  return {
    governingBody: parent && !SELF_GOVERNING_LEVELS.has(agency.level) ? governingBodyLine(parent.name) : null,
    agencyName: agency.name,
    abbreviation: agency.abbreviation,
    place: chain.find((a) => a.place)?.place ?? null,
  };
}

/**
 * Reads the official heading of an agency, for every domain that generates a document. Takes the
 * caller's transaction handle when it has one, like AgencyDirectory.
 */
@Injectable()
export class AgencyHeadingReader {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly agencies: AgencyRepository,
  ) {}

  async headingOf(agencyId: string, db: Db = this.tx.db): Promise<AgencyHeading> {
    const chain = await this.agencies.selfAndAncestors(db, agencyId);
    if (chain.length === 0) throw new DomainException(ErrorCode.AgencyNotFound);
    return agencyHeadingOf(chain);
  }
}
