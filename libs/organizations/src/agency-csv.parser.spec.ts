import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainException, ErrorCode } from '@eiso/common';
import { AgencyCsvRowError, parseAgencyCsv } from './agency-csv.parser';
import { AgencyLevel } from './agency-level';

const FIXTURE = join(__dirname, '../../../seed/kontum-agencies-2020.csv');
const HEADER = 'no,group,level,deadline_year,district,name';

function rowErrors(input: Buffer | string): AgencyCsvRowError[] {
  try {
    parseAgencyCsv(input);
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(DomainException);
    const domain = error as DomainException;
    expect(domain.code).toBe(ErrorCode.AgencyImportInvalid);
    return (domain.details as { errors: AgencyCsvRowError[] }).errors;
  }
  throw new Error('expected the CSV to be refused');
}

function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('parseAgencyCsv', () => {
  describe('the Kon Tum roadmap of 2020', () => {
    const rows = parseAgencyCsv(readFileSync(FIXTURE));

    it('reads all 147 agencies with their roadmap years', () => {
      expect(rows).toHaveLength(147);
      expect(countBy(rows, (r) => r.roadmapYear)).toEqual({ 2025: 35, 2027: 10, 2030: 102 });
    });

    it('reads the level of each agency', () => {
      expect(countBy(rows, (r) => r.level)).toEqual({
        [AgencyLevel.ProvinceDepartment]: 20,
        [AgencyLevel.SubDepartment]: 15,
        [AgencyLevel.District]: 10,
        [AgencyLevel.Commune]: 102,
      });
    });

    it('keeps line numbers, names in NFC and the district of each commune', () => {
      expect(rows[0]).toEqual({
        line: 2,
        no: '1',
        group: 'I',
        level: AgencyLevel.ProvinceDepartment,
        roadmapYear: 2025,
        district: null,
        name: 'Văn phòng Ủy ban nhân dân tỉnh',
        // The list has no heading columns.
        abbreviation: null,
        place: null,
      });
      const dakPet = rows.find((r) => r.name === 'Ủy ban nhân dân xã Đăk Pét');
      expect(dakPet).toMatchObject({ line: 69, level: AgencyLevel.Commune, district: 'Huyện Đăk Glei' });
      expect(rows.every((r) => r.name === r.name.normalize('NFC'))).toBe(true);
      expect(rows.filter((r) => r.level === AgencyLevel.Commune).every((r) => r.district)).toBe(true);
    });

    it('reads the same file with a BOM, as a string, and decomposed (NFD) text alike', () => {
      const text = readFileSync(FIXTURE, 'utf8');
      expect(parseAgencyCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(FIXTURE)]))).toEqual(
        rows,
      );
      expect(parseAgencyCsv(`\uFEFF${text}`)).toEqual(rows);
      expect(parseAgencyCsv(text.normalize('NFD'))).toEqual(rows);
    });
  });

  it('lists every broken row with its line number', () => {
    const csv = [
      HEADER,
      '1,I,province_department,2025,,Sở Tư pháp',
      '2,I,ministry,2025,,Bộ Tư pháp',
      '3,I,province_department,2025,,',
      '4,I,province_department,năm 2025,,Sở Y tế',
      '5,I,province_department,1999,,Sở Nội vụ',
      '6,IV,commune,2030,,Ủy ban nhân dân xã Ia Chim',
      '7,I,province_department,2025,,SỞ TƯ PHÁP',
    ].join('\n');
    expect(rowErrors(csv)).toEqual([
      { line: 3, message: expect.stringContaining('"ministry"') },
      { line: 4, message: 'Thiếu tên cơ quan.' },
      { line: 5, message: expect.stringContaining('"năm 2025"') },
      { line: 6, message: expect.stringContaining('"1999"') },
      { line: 7, message: expect.stringContaining('cột district') },
      { line: 8, message: expect.stringContaining('dòng 2') },
    ]);
  });

  it('reports several faults of one row, and a row with the wrong number of columns', () => {
    const csv = [HEADER, '1,I,,,,', '2,I,province_department,2025,Sở Tư pháp'].join('\r\n');
    expect(rowErrors(csv)).toEqual([
      { line: 2, message: expect.stringContaining('Thiếu cấp cơ quan') },
      { line: 2, message: expect.stringContaining('Thiếu năm hoàn thành') },
      { line: 2, message: 'Thiếu tên cơ quan.' },
      { line: 3, message: expect.stringContaining('5 cột') },
    ]);
  });

  it('refuses a file without the required columns, without rows, not in UTF-8 or with broken quoting', () => {
    expect(rowErrors('no,name\n1,Sở Tư pháp')).toEqual([
      { line: 1, message: expect.stringContaining('level, deadline_year, district') },
    ]);
    expect(rowErrors(`${HEADER}\n`)).toEqual([{ line: 1, message: 'Tệp không có dòng dữ liệu nào.' }]);
    expect(
      rowErrors(Buffer.from(`${HEADER}\n1,I,province_department,2025,,S\xf4 T\xf9 ph\xe1p`, 'latin1')),
    ).toEqual([{ line: 1, message: expect.stringContaining('UTF-8') }]);
    expect(rowErrors(`${HEADER}\n1,I,province_department,2025,,"Sở "Tư" pháp`)[0].message).toContain(
      'định dạng CSV',
    );
  });

  it('refuses a NUL byte, which PostgreSQL cannot store, naming its line', () => {
    const csv = `${HEADER}\r\n1,I,province_department,2025,,Sở Nội vụ\r\n2,I,province_department,2025,,Sở\u0000Tư pháp\r\n`;
    expect(rowErrors(csv)).toEqual([{ line: 3, message: expect.stringContaining('NUL') }]);
    expect(rowErrors(Buffer.from(csv))).toEqual([{ line: 3, message: expect.stringContaining('NUL') }]);
  });

  it('skips blank lines and rows of bare separators left by spreadsheets', () => {
    const rows = parseAgencyCsv(`${HEADER}\n\n1,I,province_department,2025,,Sở Tư pháp\n,,,,,\n`);
    expect(rows).toEqual([expect.objectContaining({ line: 3, name: 'Sở Tư pháp' })]);
  });

  it('reads the optional ký hiệu and địa danh columns, and checks the ký hiệu', () => {
    const header = `${HEADER},abbreviation,place`;
    const rows = parseAgencyCsv(
      `${header}\n1,I,province_department,2025,,Sở Tư pháp,STP,Kon Tum\n2,I,province_department,2025,,Sở Y tế,,\n`,
    );
    expect(rows.map((r) => [r.name, r.abbreviation, r.place])).toEqual([
      ['Sở Tư pháp', 'STP', 'Kon Tum'],
      ['Sở Y tế', null, null],
    ]);
    expect(
      rowErrors(
        `${header}\n1,I,province_department,2025,,Sở Tư pháp,S TP,Kon Tum\n2,I,province_department,2025,,Sở Y tế,SYT/1,\n`,
      ),
    ).toEqual([
      { line: 2, message: expect.stringContaining('Ký hiệu cơ quan') },
      { line: 3, message: expect.stringContaining('Ký hiệu cơ quan') },
    ]);
  });
});
