import { ValueType, Workbook } from 'exceljs';
import type { ReportTable } from './report-table';
import { renderXlsx } from './xlsx-report.renderer';

function register(overrides: Partial<ReportTable> = {}): ReportTable {
  return {
    title: 'DANH MỤC TÀI LIỆU NỘI BỘ',
    subtitle: ['Tài liệu đang hiệu lực: 2'],
    heading: { governingBody: null, agencyName: 'UBND HUYỆN ĐĂK HÀ', abbreviation: 'UBND', place: 'Đăk Hà' },
    generatedAt: new Date('2026-11-29T18:30:00Z'),
    columns: [
      { key: 'no', header: 'STT', width: 5, align: 'center' },
      { key: 'code', header: 'Mã hiệu', width: 14 },
      { key: 'title', header: 'Tên tài liệu', width: 40 },
      { key: 'owner', header: 'Đơn vị chủ trì', width: 18 },
    ],
    rows: [
      {
        no: 1,
        code: 'QT-HT-01',
        title: 'Quy trình kiểm soát thông tin dạng văn bản',
        owner: 'Văn phòng HĐND và UBND',
      },
      { no: 2, code: 'QT-HT-02', title: 'Quy trình kiểm soát hồ sơ'.normalize('NFD'), owner: null },
    ],
    footnote: 'Ghi chú: danh mục do hệ thống eISO lập tự động.',
    ...overrides,
  };
}

async function readBack(bytes: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('renderXlsx', () => {
  it('writes the Vietnamese titles, header and cells exactly', async () => {
    const sheet = await readBack(await renderXlsx(register()));

    expect(sheet.name).toBe('DANH MỤC TÀI LIỆU NỘI BỘ');
    expect(sheet.getCell('A1').value).toBe('UBND HUYỆN ĐĂK HÀ');
    expect(sheet.getCell('A2').value).toBe('DANH MỤC TÀI LIỆU NỘI BỘ');
    expect(sheet.getCell('A2').font.bold).toBe(true);
    expect(sheet.getCell('A3').value).toBe('Tài liệu đang hiệu lực: 2');
    // 18:30 UTC is 01:30 the next day in Vietnam.
    expect(sheet.getCell('A4').value).toBe('Ngày lập: 01:30 30/11/2026');

    const header = sheet.getRow(6);
    expect([1, 2, 3, 4].map((c) => header.getCell(c).value)).toEqual([
      'STT',
      'Mã hiệu',
      'Tên tài liệu',
      'Đơn vị chủ trì',
    ]);
    expect(header.getCell(2).font.bold).toBe(true);
    expect(header.getCell(2).border.bottom?.style).toBe('thin');

    const first = sheet.getRow(7);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('QT-HT-01');
    expect(first.getCell(3).value).toBe('Quy trình kiểm soát thông tin dạng văn bản');
    expect(first.getCell(3).alignment.wrapText).toBe(true);
    expect(first.getCell(1).alignment.horizontal).toBe('center');
    const second = sheet.getRow(8);
    expect(second.getCell(3).value).toBe('Quy trình kiểm soát hồ sơ'.normalize('NFC'));
    expect(second.getCell(4).value).toBeNull();
    expect(sheet.getCell('A10').value).toBe('Ghi chú: danh mục do hệ thống eISO lập tự động.');
  });

  it('merges the title across the columns, freezes the header and prints A4 landscape', async () => {
    const sheet = await readBack(await renderXlsx(register()));

    expect(sheet.getCell('D2').isMerged).toBe(true);
    expect(sheet.getCell('D2').master.address).toBe('A2');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '6:6',
    });
    // Relative widths 5 : 14 : 40 : 18, the wide title column stays the widest.
    const widths = [1, 2, 3, 4].map((c) => sheet.getColumn(c).width ?? 0);
    expect(widths[2]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBeGreaterThan(widths[0]);
  });

  it('names the sheet from a long title within Excel limits', async () => {
    const sheet = await readBack(
      await renderXlsx(register({ title: 'Danh mục hồ sơ: Phòng Tài chính – Kế hoạch / năm 2026' })),
    );
    expect(sheet.name).toBe('Danh mục hồ sơ Phòng Tài chính');
    expect(sheet.getCell('A2').value).toBe('Danh mục hồ sơ: Phòng Tài chính – Kế hoạch / năm 2026');
  });

  it('writes a date column as real Excel dates shown dd/mm/yyyy, never as text', async () => {
    const sheet = await readBack(
      await renderXlsx(
        register({
          columns: [
            { key: 'code', header: 'Mã hiệu', width: 14 },
            { key: 'effective', header: 'Ngày hiệu lực', width: 11, align: 'center', type: 'date' },
            { key: 'review', header: 'Ngày xem xét tiếp theo', width: 11, type: 'date' },
          ],
          rows: [
            { code: 'QT-HT-01', effective: '2027-01-15', review: '2028-01-15' },
            // Leap day, and a row with no review date yet.
            { code: 'QT-HT-02', effective: '2028-02-29', review: null },
          ],
        }),
      ),
    );

    const first = sheet.getRow(7);
    for (const [column, expected] of [
      [2, Date.UTC(2027, 0, 15)],
      [3, Date.UTC(2028, 0, 15)],
    ]) {
      const cell = first.getCell(column);
      expect(cell.type).toBe(ValueType.Date);
      expect(cell.value).toBeInstanceOf(Date);
      expect((cell.value as Date).getTime()).toBe(expected);
      expect(cell.numFmt).toBe('dd/mm/yyyy');
    }
    expect(first.getCell(2).alignment.horizontal).toBe('center');
    expect((sheet.getRow(8).getCell(2).value as Date).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(sheet.getRow(8).getCell(3).value).toBeNull();
  });

  it('keeps a value that is no calendar date as text, even in a date column', async () => {
    const sheet = await readBack(
      await renderXlsx(
        register({
          columns: [{ key: 'effective', header: 'Ngày hiệu lực', width: 11, type: 'date' }],
          rows: [{ effective: '2027-02-30' }, { effective: 'chưa xác định' }],
        }),
      ),
    );
    expect(sheet.getRow(7).getCell(1).value).toBe('2027-02-30');
    expect(sheet.getRow(8).getCell(1).value).toBe('chưa xác định');
  });

  it('says so when the register is empty', async () => {
    const sheet = await readBack(await renderXlsx(register({ rows: [], footnote: undefined })));
    expect(sheet.getCell('A7').value).toBe('Không có dữ liệu.');
  });
});
