import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EditDraftDto } from '../documents/dto/edit-draft.dto';
import { CreateRecordDto } from '../records/dto/record.dto';
import { IsCalendarDate, IsIsoClauses, IsLocalCode, IsTthcCode } from './field-formats';

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
