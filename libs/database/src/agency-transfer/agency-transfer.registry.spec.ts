import { Global, INestApplicationContext, Injectable, Module, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode, systemActor } from '@eiso/common';
import type { Db } from '../transaction.runner';
import { agencyTransferCoverage } from './agency-transfer-coverage';
import { AgencyTransferSetupError } from './agency-transfer-setup.error';
import { AgencyTransferModule } from './agency-transfer.module';
import { AgencyTransferRegistry } from './agency-transfer.registry';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  TransferSummary,
} from './agency-transfer.step';

const calls: string[] = [];
let bookConflicts: AgencyTransferConflict[] = [];

@Injectable()
@AgencyTransfer()
class BooksTransfer implements AgencyTransferStep {
  readonly domain = 'books';
  readonly tables = ['book', 'book_page'];
  conflicts(): Promise<AgencyTransferConflict[]> {
    calls.push('books.conflicts');
    return Promise.resolve(bookConflicts);
  }
  transfer(): Promise<TransferSummary> {
    calls.push('books.transfer');
    return Promise.resolve({ moved: { book: 2, book_page: 5 } });
  }
}

@Injectable()
@AgencyTransfer()
class LedgerTransfer implements AgencyTransferStep {
  readonly domain = 'ledger';
  readonly tables = ['ledger_entry'];
  transfer(): Promise<TransferSummary> {
    calls.push('ledger.transfer');
    return Promise.resolve({ moved: {}, kept: { ledger_entry: 3 }, keptBecause: 'history' });
  }
}

@Injectable()
@AgencyTransfer()
class PagesTransfer implements AgencyTransferStep {
  readonly domain = 'pages';
  readonly tables = ['book_page'];
  transfer(): Promise<TransferSummary> {
    return Promise.resolve({ moved: {} });
  }
}

/** Not a step: no decorator. */
@Injectable()
class Bystander {
  readonly domain = 'bystander';
  readonly tables = ['bystander'];
}

const db = {} as Db;
const input: AgencyTransferInput = {
  fromAgencyId: '11111111-1111-4111-8111-111111111111',
  toAgencyId: '22222222-2222-4222-8222-222222222222',
  actor: systemActor('test'),
  at: new Date('2027-07-01T00:00:00Z'),
};

/**
 * Boots (and so runs the start-up check of) the transfer module with the given steps, on a
 * database whose schema has `tables` with an agency_id column.
 */
async function boot(providers: Provider[], tables: string[] = []): Promise<INestApplicationContext> {
  const dataSource = { query: () => Promise.resolve(tables.map((table) => ({ table }))) };
  // TypeORM's DataSource is global in the apps.
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class SchemaModule {}
  @Module({ providers })
  class StepsModule {}
  @Module({ imports: [SchemaModule, StepsModule, AgencyTransferModule] })
  class RootModule {}
  return NestFactory.createApplicationContext(RootModule, { logger: false, abortOnError: false });
}

describe('agencyTransferCoverage', () => {
  it('names every table with agency_id that no step claims, once and sorted', () => {
    expect(
      agencyTransferCoverage(
        ['record', 'document', 'audit_event', 'document'],
        [{ domain: 'documents', tables: ['document'] }],
      ),
    ).toEqual({ missing: ['audit_event', 'record'], shared: [] });
  });

  it('names a table two steps claim, with both domains', () => {
    expect(
      agencyTransferCoverage(
        ['book'],
        [
          { domain: 'books', tables: ['book', 'book'] },
          { domain: 'library', tables: ['book'] },
        ],
      ),
    ).toEqual({ missing: [], shared: [{ table: 'book', domains: ['books', 'library'] }] });
  });

  it('accepts a schema whose tables are all claimed; a claimed table the schema lacks is harmless', () => {
    expect(
      agencyTransferCoverage(['book'], [{ domain: 'books', tables: ['book', 'not_yet_migrated'] }]),
    ).toEqual({
      missing: [],
      shared: [],
    });
  });
});

describe('AgencyTransferSetupError', () => {
  it('carries its code and says in Vietnamese which tables lack a step', () => {
    const error = new AgencyTransferSetupError({
      missing: ['signature'],
      shared: [{ table: 'book', domains: ['books', 'library'] }],
    });
    expect(error.code).toBe('AGENCY_TRANSFER_STEP_MISSING');
    expect(error.message).toContain('AGENCY_TRANSFER_STEP_MISSING');
    expect(error.message).toContain('bảng "signature" chưa có bước chuyển nào');
    expect(error.message).toContain('bảng "book" được nhiều bước cùng khai báo: books, library');
  });
});

describe('AgencyTransferRegistry and its start-up check', () => {
  beforeEach(() => {
    calls.length = 0;
    bookConflicts = [];
  });

  it('finds the decorated steps only, in order of domain', async () => {
    const app = await boot([LedgerTransfer, BooksTransfer, Bystander], ['book', 'ledger_entry']);
    expect(
      app
        .get(AgencyTransferRegistry)
        .steps()
        .map((s) => s.domain),
    ).toEqual(['books', 'ledger']);
    await app.close();
  });

  it('fails start-up when a table with agency_id has no step', async () => {
    const failure = await boot([BooksTransfer], ['book', 'ledger_entry', 'book_page']).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(AgencyTransferSetupError);
    expect(failure).toMatchObject({ coverage: { missing: ['ledger_entry'], shared: [] } });
  });

  it('fails start-up when two steps claim one table', async () => {
    await expect(boot([BooksTransfer, PagesTransfer], ['book', 'book_page'])).rejects.toThrow(
      /"book_page".*books, pages/,
    );
  });

  it('runs every step and reports by domain, moved and kept', async () => {
    const app = await boot([BooksTransfer, LedgerTransfer], ['book', 'book_page', 'ledger_entry']);
    const report = await app.get(AgencyTransferRegistry).transferAll(db, input);
    expect(report).toEqual({
      books: { moved: { book: 2, book_page: 5 } },
      ledger: { moved: {}, kept: { ledger_entry: 3 }, keptBecause: 'history' },
    });
    expect(calls).toEqual(['books.conflicts', 'books.transfer', 'ledger.transfer']);
    await app.close();
  });

  it('asks every step for conflicts first and moves nothing when one answers', async () => {
    bookConflicts = [{ table: 'book', reason: 'code_taken', key: 'QT-01', fromId: 'a', toId: 'b' }];
    const app = await boot([BooksTransfer, LedgerTransfer], ['book', 'book_page', 'ledger_entry']);
    const refusal = await app
      .get(AgencyTransferRegistry)
      .transferAll(db, input)
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainException);
    expect(refusal).toMatchObject({
      code: ErrorCode.AgencyTransferConflicts,
      details: { conflicts: [{ domain: 'books', table: 'book', key: 'QT-01', fromId: 'a', toId: 'b' }] },
    });
    expect(calls).toEqual(['books.conflicts']);
    await app.close();
  });

  it('refuses to move an agency onto itself', async () => {
    const app = await boot([BooksTransfer], ['book', 'book_page']);
    await expect(
      app.get(AgencyTransferRegistry).transferAll(db, { ...input, toAgencyId: input.fromAgencyId }),
    ).rejects.toMatchObject({ code: ErrorCode.AgencyTransferSameAgency });
    expect(calls).toEqual([]);
    await app.close();
  });
});
