import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateAgencyDto } from '../agencies/dto/update-agency.dto';
import { UpdateOrgUnitDto } from '../agencies/dto/update-org-unit.dto';
import { ListAuditEventsQuery } from '../audit-events/dto/list-audit-events.query';
import { EditDraftDto } from '../documents/dto/edit-draft.dto';
import { UpdateRecordTypeDto } from '../records/dto/record-type.dto';
import { CreateRecordDto } from '../records/dto/record.dto';
import { UpdateUserDto } from '../users/dto/update-user.dto';
import {
  IsCalendarDate,
  isCalendarDate,
  IsIsoClauses,
  IsLocalCode,
  isTimestamp,
  IsTthcCode,
} from './field-formats';
import { PageQueryDto } from './page-query.dto';

class Sample {
  @IsLocalCode()
  code: string;

  @IsIsoClauses()
  clauses: string[];

  @IsTthcCode()
  tthc: string;

  @IsCalendarDate()
  date: string;
}

const VALID = { code: 'QT-HT-01', clauses: ['7.5.3', '10.2'], tthc: '1.000948', date: '2026-02-28' };

function failing(values: Partial<Record<keyof Sample, unknown>>): string[] {
  const errors = validateSync(plainToInstance(Sample, { ...VALID, ...values }));
  return errors.map((e) => e.property);
}

describe('shared field formats', () => {
  it('accepts the formats users type', () => {
    expect(failing({})).toEqual([]);
    expect(failing({ code: 'HS/TTHC.02', tthc: '2.001234.000.00.00.H40', clauses: [] })).toEqual([]);
    expect(failing({ code: 'Đề-án-01' })).toEqual([]);
  });

  it('refuses malformed codes, clauses, TTHC codes and dates', () => {
    expect(failing({ code: '-QT' })).toEqual(['code']);
    expect(failing({ code: 'QT 01' })).toEqual(['code']);
    expect(failing({ clauses: ['7.5.3', 'điều 8'] })).toEqual(['clauses']);
    expect(failing({ clauses: '7.5' })).toEqual(['clauses']);
    expect(failing({ tthc: 'x' })).toEqual(['tthc']);
    expect(failing({ date: '2026-02-30' })).toEqual(['date']);
    expect(failing({ date: '28/02/2026' })).toEqual(['date']);
    expect(failing({ date: '9999-12-31' })).toEqual(['date']);
    expect(failing({ date: '20260228' })).toEqual(['date']);
  });

  it('checks TTHC codes the same way when a draft is edited as when a record is filed', () => {
    const draft = validateSync(plainToInstance(EditDraftDto, { tthcCodes: ['mã sai có dấu cách'] }));
    expect(draft.map((e) => e.property)).toEqual(['tthcCodes']);
    const record = validateSync(
      plainToInstance(CreateRecordDto, {
        recordTypeId: '1b7f3c1e-6a4e-4d55-9a43-3f5a8f1c2d10',
        title: 'Hồ sơ cấp phép',
        recordDate: '2026-01-05',
        tthcCode: 'mã sai có dấu cách',
      }),
    );
    expect(record.map((e) => e.property)).toEqual(['tthcCode']);
  });
});

describe('calendar dates and timestamps', () => {
  it.each(['2026-01-05', '2024-02-29', '1900-01-01', '2199-12-31'])(
    'accepts the calendar date %j',
    (date) => {
      expect(isCalendarDate(date)).toBe(true);
    },
  );

  it.each([
    '2026-W01-1',
    '2026-W01',
    '2026-001',
    '20260101',
    '2026-1-5',
    '9999-12-31',
    '1899-12-31',
    '2200-01-01',
    '-271821-04-20',
    '+010000-01-01',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
  ])('refuses the calendar date %j', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it.each([
    '2026-01-05T08:30:00+07:00',
    '2026-01-05T01:30:00Z',
    '2026-01-05T01:30Z',
    '2026-01-05T01:30:00.123456Z',
  ])('accepts the timestamp %j', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it.each([
    '2026',
    '2026-01-05',
    '2026-01-05T08:30:00',
    '2026-01-05 08:30:00Z',
    '2026-W01-1T08:30:00Z',
    '20260105T083000Z',
    '9999-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-05T24:00:00Z',
    '2026-01-05T08:60:00Z',
    '2026-01-05T08:30:00+25:00',
    '1',
  ])('refuses the timestamp %j', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });

  it('hands a valid timestamp of a query on as a Date', () => {
    const query = plainToInstance(ListAuditEventsQuery, { from: '2026-01-05T08:30:00+07:00', to: '2026' });
    expect(query.from).toEqual(new Date('2026-01-05T01:30:00Z'));
    expect(validateSync(query).map((e) => e.property)).toEqual(['to']);
  });
});

describe('page and page size', () => {
  const errorsOf = (query: Record<string, string>) =>
    validateSync(plainToInstance(PageQueryDto, query)).map((e) => e.property);

  it('reads plain digits and keeps the defaults', () => {
    expect(plainToInstance(PageQueryDto, { page: '3', pageSize: '50' })).toMatchObject({
      page: 3,
      pageSize: 50,
    });
    expect(plainToInstance(PageQueryDto, {})).toMatchObject({ page: 1, pageSize: 20 });
    expect(errorsOf({ page: '10000000' })).toEqual([]);
  });

  it.each(['1e21', '99999999999999999999', '1e3', '0x10', ' 2', '2 ', '1.5', '-1', '0', '', '10000001'])(
    'refuses page=%j',
    (page) => {
      expect(errorsOf({ page })).toEqual(['page']);
    },
  );

  it('refuses a page size over 100 or written as a float', () => {
    expect(errorsOf({ pageSize: '101' })).toEqual(['pageSize']);
    expect(errorsOf({ pageSize: '1e1' })).toEqual(['pageSize']);
  });
});

describe('null on PATCH', () => {
  const refused = (dto: new () => object, body: Record<string, unknown>) =>
    validateSync(plainToInstance(dto, body)).map((e) => e.property);

  it.each([
    [UpdateAgencyDto, ['name', 'level', 'validFrom'], ['code', 'parentId', 'roadmapYear', 'validTo']],
    [UpdateOrgUnitDto, ['name', 'active'], ['code', 'parentId']],
    [UpdateUserDto, ['fullName', 'roles', 'active', 'password'], ['email', 'position', 'orgUnitId']],
    [
      UpdateRecordTypeDto,
      ['code', 'name', 'storagePlace', 'responsibleOrgUnitId', 'permanent'],
      ['documentId', 'retentionMonths'],
    ],
    [EditDraftDto, ['title', 'isoClauses', 'tthcCodes'], ['changeSummary']],
  ] as const)('%p refuses null for %j and clears %j', (dto, notNull, nullable) => {
    for (const field of notNull) expect(refused(dto, { [field]: null })).toEqual([field]);
    for (const field of nullable) expect(refused(dto, { [field]: null })).toEqual([]);
    expect(refused(dto, {})).toEqual([]);
  });

  it('still validates a value sent for a nullable field', () => {
    expect(refused(UpdateRecordTypeDto, { documentId: 'không phải uuid', retentionMonths: 0 })).toEqual([
      'documentId',
      'retentionMonths',
    ]);
    expect(plainToInstance(UpdateRecordTypeDto, { retentionMonths: null }).retentionMonths).toBeNull();
  });
});
