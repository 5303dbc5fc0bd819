import { DomainException, ErrorCode } from '@eiso/common';
import { onTimePercent, parseDecimal, parseMeasurementCsv, recogniseShape } from './objective-csv';
import { ObjectiveFrequency } from './objective-state';
import { OBJECTIVE_MESSAGES } from './objectives.messages';

const monthly = { year: 2026, frequency: ObjectiveFrequency.Monthly, today: '2026-06-15' };

function errorsOf(fn: () => unknown): { line: number; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    expect((e as DomainException).code).toBe(ErrorCode.ObjectiveImportInvalid);
    return (e as DomainException).details!.errors as {
      line: number;
      field: string | null;
      message: string;
    }[];
  }
  throw new Error('expected a refusal');
}

describe('CSV shape recognition', () => {
  it('values: Vietnamese or English header, note column optional, any case', () => {
    expect(recogniseShape(['ky', 'gia_tri', 'ghi_chu'])?.shape).toBe('values');
    expect(recogniseShape(['Period', 'Value'])?.shape).toBe('values');
    expect(recogniseShape([' KY ', 'GIA_TRI'])?.shape).toBe('values');
  });
  it('one-stop export', () => {
    expect(recogniseShape(['ky', 'ma_tthc', 'ten_tthc', 'dung_han', 'tre_han'])?.shape).toBe('one_stop');
  });
  it('anything else is refused', () => {
    expect(recogniseShape(['ky', 'ma_tthc', 'dung_han', 'tre_han'])).toBeNull();
    expect(recogniseShape(['ky'])).toBeNull();
    expect(recogniseShape(['gia_tri', 'ky'])).toBeNull();
  });
});

describe('percent on time', () => {
  it('100 × on time / all, to 2 decimals', () => {
    expect(onTimePercent(98, 2)).toBe(98);
    expect(onTimePercent(2, 1)).toBe(66.67);
    expect(onTimePercent(1, 2)).toBe(33.33);
    expect(onTimePercent(0, 5)).toBe(0);
    expect(onTimePercent(7, 0)).toBe(100);
    expect(onTimePercent(407, 5)).toBe(98.79);
  });
});

describe('decimals', () => {
  it('point or comma, sign, no garbage', () => {
    expect(parseDecimal('98.5')).toBe(98.5);
    expect(parseDecimal('98,5')).toBe(98.5);
    expect(parseDecimal('-3')).toBe(-3);
    for (const bad of ['', 'abc', '1e3', '98.5.1', 'NaN', 'Infinity', '1,000.5'])
      expect(parseDecimal(bad)).toBeNull();
  });
});

describe('parseMeasurementCsv', () => {
  it('values with BOM, CRLF and a semicolon separator (decimal comma)', () => {
    const csv = '\uFEFFky;gia_tri;ghi_chu\r\n2026-01;98,5;Tháng đầu\r\n2026-02;97;\r\n';
    expect(parseMeasurementCsv(Buffer.from(csv), monthly)).toEqual({
      shape: 'values',
      rows: [
        { line: 2, period: '2026-01', value: 98.5, note: 'Tháng đầu', detail: null },
        { line: 3, period: '2026-02', value: 97, note: null, detail: null },
      ],
    });
  });

  it('one-stop export: per month, the % on time, the note and the per-TTHC detail', () => {
    const csv = [
      'ky,ma_tthc,ten_tthc,dung_han,tre_han',
      '2026-03,1.000948,Cấp phiếu lý lịch tư pháp,120,3',
      '2026-03,2.001234,"Đăng ký khai sinh, kết hợp",80,0',
      '2026-04,1.000948,Cấp phiếu lý lịch tư pháp,50,0',
    ].join('\n');
    const { shape, rows } = parseMeasurementCsv(csv, monthly);
    expect(shape).toBe('one_stop');
    expect(rows).toEqual([
      {
        line: 2,
        period: '2026-03',
        value: 98.52, // 200 / 203
        note: '203 hồ sơ, 3 trễ hạn',
        detail: {
          tthc: [
            { code: '1.000948', name: 'Cấp phiếu lý lịch tư pháp', onTime: 120, late: 3 },
            { code: '2.001234', name: 'Đăng ký khai sinh, kết hợp', onTime: 80, late: 0 },
          ],
        },
      },
      {
        line: 4,
        period: '2026-04',
        value: 100,
        note: '50 hồ sơ, 0 trễ hạn',
        detail: { tthc: [{ code: '1.000948', name: 'Cấp phiếu lý lịch tư pháp', onTime: 50, late: 0 }] },
      },
    ]);
  });

  it('names every bad row and field at once', () => {
    const csv = [
      'ky,gia_tri,ghi_chu',
      '2026-01,98,',
      '2026-13,97,',
      '2026-02,abc,',
      '2026-01,99,',
      '2026-07,99,',
      '2025-12,99,',
    ].join('\n');
    const errors = errorsOf(() => parseMeasurementCsv(csv, monthly));
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [3, 'Dòng 3, kỳ đo'],
      [4, 'Dòng 4, giá trị'],
      [5, 'Dòng 5, kỳ đo'],
      [6, 'Dòng 6, kỳ đo'],
      [7, 'Dòng 7, kỳ đo'],
    ]);
    expect(errors[1].message).toBe('Dòng 4, giá trị: Giá trị "abc" không phải là một số hợp lệ.');
    expect(errors[2].message).toBe('Dòng 5, kỳ đo: Kỳ 2026-01 đã có ở dòng 2.');
    expect(errors[3].message).toContain('chưa bắt đầu');
    expect(errors[4].message).toContain('không thuộc năm 2026');
  });

  it('one-stop rows: counts must be whole numbers, a TTHC once per month, monthly objectives only', () => {
    const csv = [
      'ky,ma_tthc,ten_tthc,dung_han,tre_han',
      '2026-03,1.1,A,-1,2',
      '2026-03,1.2,B,5,',
      '2026-03,1.3,C,5,1',
      '2026-03,1.3,C,5,1',
    ].join('\n');
    const errors = errorsOf(() => parseMeasurementCsv(csv, monthly));
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [2, 'Dòng 2, số hồ sơ đúng hạn'],
      [3, 'Dòng 3, số hồ sơ trễ hạn'],
      [5, 'Dòng 5, mã TTHC'],
    ]);
    const quarterly = { ...monthly, frequency: ObjectiveFrequency.Quarterly };
    expect(
      errorsOf(() =>
        parseMeasurementCsv('ky,ma_tthc,ten_tthc,dung_han,tre_han\n2026-03,1.1,A,1,0', quarterly),
      )[0].message,
    ).toContain('hằng tháng');
  });

  it('unknown header, empty file, not UTF-8', () => {
    expect(errorsOf(() => parseMeasurementCsv('thang,so\n1,2', monthly))[0].message).toContain(
      'ky,gia_tri,ghi_chu',
    );
    expect(errorsOf(() => parseMeasurementCsv('ky,gia_tri\n', monthly))[0].message).toContain(
      'không có dòng',
    );
    expect(
      errorsOf(() => parseMeasurementCsv(Buffer.from([0x6b, 0x79, 0xff, 0x0a]), monthly))[0].message,
    ).toContain('UTF-8');
  });
});

describe('the TTHC codes of a month’s late-dossier summary', () => {
  it('lists them all when they fit, else as many as fit and how many more', () => {
    expect(OBJECTIVE_MESSAGES.lateCodes(['1.000948', '2.001234'])).toBe('1.000948, 2.001234');
    const many = Array.from({ length: 300 }, (_, i) => `1.${String(i).padStart(6, '0')}`);
    const text = OBJECTIVE_MESSAGES.lateCodes(many);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toMatch(/^1\.000000, 1\.000001, .* và \d+ thủ tục khác$/);
    const shown = text.split(' và ')[0].split(', ').length;
    expect(text.endsWith(`và ${300 - shown} thủ tục khác`)).toBe(true);
  });
});
