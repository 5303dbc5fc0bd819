import { extractPdfText } from '@eiso/pdf/testing';
import { PDFDocument } from 'pdf-lib';
import { renderPdf } from './pdf-report.renderer';
import type { ReportTable } from './report-table';

const TITLES = [
  'Quy trình kiểm soát thông tin dạng văn bản',
  'Quy trình đánh giá nội bộ và xem xét của lãnh đạo đối với hệ thống quản lý chất lượng',
  'Hướng dẫn cấp giấy chứng nhận quyền sử dụng đất lần đầu',
];

function register(rowCount: number): ReportTable {
  return {
    title: 'DANH MỤC TÀI LIỆU NỘI BỘ',
    subtitle: [`Tài liệu đang hiệu lực: ${rowCount}`],
    heading: {
      governingBody: 'UBND TỈNH KON TUM',
      agencyName: 'Ủy ban nhân dân huyện Đăk Hà',
      abbreviation: 'UBND',
      place: 'Đăk Hà',
    },
    generatedAt: new Date('2026-11-29T18:30:00Z'),
    columns: [
      { key: 'no', header: 'STT', width: 5, align: 'center' },
      { key: 'code', header: 'Mã hiệu', width: 14 },
      { key: 'title', header: 'Tên tài liệu', width: 40 },
      { key: 'issue', header: 'Lần ban hành', width: 9, align: 'center' },
      { key: 'owner', header: 'Đơn vị chủ trì', width: 18 },
    ],
    rows: Array.from({ length: rowCount }, (_, i) => ({
      no: i + 1,
      code: `QT-${String(i + 1).padStart(3, '0')}`,
      title: TITLES[i % TITLES.length],
      issue: '01',
      owner: i % 4 === 0 ? null : 'Phòng Tài nguyên và Môi trường',
    })),
    footnote: 'Ghi chú: danh mục gồm các tài liệu đang có hiệu lực.',
  };
}

describe('renderPdf', () => {
  it('lays a 200-row register over several A4 landscape pages, every row readable', async () => {
    const pdf = await renderPdf(register(200));

    const doc = await PDFDocument.load(pdf);
    const pageCount = doc.getPageCount();
    expect(pageCount).toBeGreaterThan(2);
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect(width).toBeGreaterThan(height);

    const text = await extractPdfText(pdf);
    for (let i = 1; i <= 200; i++) expect(text).toContain(`QT-${String(i).padStart(3, '0')}`);
    const firstLines = (await extractPdfText(pdf, { firstPage: 1, lastPage: 1, layout: true }))
      .split('\n')
      .slice(0, 5)
      .map((line) => line.replace(/\s+/g, ' '));
    // The official heading; a register has no number, and its date is the day it was drawn up
    // (18:30 UTC is already 30/11 in Vietnam).
    expect(firstLines).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ Độc lập - Tự do - Hạnh phúc',
      'Đăk Hà, ngày 30 tháng 11 năm 2026',
      'DANH MỤC TÀI LIỆU NỘI BỘ',
      'Tài liệu đang hiệu lực: 200',
    ]);
    expect(text).not.toContain('Số:');
    expect(text).toContain('Lập bởi hệ thống eISO lúc 01:30 30/11/2026');
    expect(text).toContain('Quy trình kiểm soát thông tin dạng văn bản');
    expect(text).toContain('Ghi chú: danh mục gồm các tài liệu đang có hiệu lực.');
    expect(text).toContain(`Trang 1/${pageCount}`);
    expect(text).toContain(`Trang ${pageCount}/${pageCount}`);

    const second = await extractPdfText(pdf, { firstPage: 2, lastPage: 2 });
    for (const header of ['STT', 'Mã hiệu', 'Tên tài liệu', 'Đơn vị chủ trì'])
      expect(second).toContain(header);
    expect(second).toContain(`Trang 2/${pageCount}`);
  });

  it('prints a date column as dd/mm/yyyy', async () => {
    const pdf = await renderPdf({
      ...register(0),
      columns: [
        { key: 'code', header: 'Mã hiệu', width: 14 },
        { key: 'effective', header: 'Ngày hiệu lực', width: 11, type: 'date' },
        { key: 'review', header: 'Ngày xem xét tiếp theo', width: 11, type: 'date' },
      ],
      rows: [{ code: 'QT-HT-01', effective: '2027-01-15', review: '2028-02-29' }],
    });

    const text = await extractPdfText(pdf);
    expect(text).toContain('Ngày xem xét tiếp theo');
    expect(text).toContain('15/01/2027');
    expect(text).toContain('29/02/2028');
    expect(text).not.toContain('2027-01-15');
  });

  it('keeps a long code whole in its cell: the cell shrinks, the code does not break', async () => {
    const code = 'QT-HTQLCL-ISO9001-KSTL-2026-01';
    const table = register(1);
    table.rows[0].code = code;
    const text = await extractPdfText(await renderPdf(table));
    expect(text.split('\n').map((line) => line.trim())).toContain(code);
  });

  it('renders an empty register as one page that says so', async () => {
    const pdf = await renderPdf({ ...register(0), footnote: undefined });

    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    expect(await extractPdfText(pdf)).toContain('Không có dữ liệu.');
  });

  it('splits a row taller than a page instead of losing its text', async () => {
    const table = register(1);
    table.rows[0].title = Array.from({ length: 120 }, (_, i) => `Dòng ${i + 1} của nội dung rất dài.`).join(
      '\n',
    );
    const pdf = await renderPdf(table);

    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    const text = await extractPdfText(pdf);
    expect(text).toContain('Dòng 1 của nội dung rất dài.');
    expect(text).toContain('Dòng 120 của nội dung rất dài.');
  });
});
