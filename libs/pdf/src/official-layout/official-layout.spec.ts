import { PageSizes, PDFDocument } from 'pdf-lib';
import { pageColumn } from '../page-geometry';
import { embedPdfFonts } from '../pdf-fonts';
import { extractPdfText } from '../pdf-text.testing';
import { drawOfficialClosing, officialClosingHeight } from './official-closing.block';
import type { OfficialClosing, OfficialHeader } from './official-document';
import { drawOfficialHeader } from './official-header.block';
import { authorityLines, isDeputy, officialNumber, placeDateLine } from './official-lines';

const HEADER: OfficialHeader = {
  heading: {
    governingBody: 'UBND TỈNH KON TUM',
    agencyName: 'Sở Tư pháp',
    abbreviation: 'STP',
    place: 'Kon Tum',
  },
  number: { serial: 1, symbol: 'BB' },
  date: '2026-12-03',
  title: 'Biên bản hủy hồ sơ',
  subtitle: ['Về việc hủy hồ sơ hết thời hạn lưu trữ'],
};

const LONG_CODE = 'QT-HTQLCL-TCVN-ISO-9001-2015-KIEM-SOAT-THONG-TIN-DANG-VAN-BAN-01';

async function render(
  header: OfficialHeader,
  closing: OfficialClosing,
  size = PageSizes.A4,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  const page = doc.addPage(size);
  const area = pageColumn(page);
  const bottom = drawOfficialHeader(page, fonts, header, area, page.getHeight() - 56);
  expect(bottom).toBeLessThan(page.getHeight() - 56);
  const end = drawOfficialClosing(page, fonts, closing, area, bottom - 40);
  expect(bottom - 40 - end).toBeCloseTo(officialClosingHeight(fonts, closing, area), 3);
  return doc.save();
}

/** The text as pdftotext -layout reads it: one line per baseline. */
async function lines(pdf: Uint8Array): Promise<string[]> {
  return (await extractPdfText(pdf, { layout: true }))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
}

/** The text as pdftotext reads it by default: each column's lines in a block of their own. */
async function blocks(pdf: Uint8Array): Promise<string[]> {
  return (await extractPdfText(pdf)).split('\n').map((line) => line.trim());
}

describe('official layout (Nghị định 30/2020/NĐ-CP, Phụ lục I)', () => {
  it('prints the heading columns side by side, then the number, place and date, title and subtitle', async () => {
    const pdf = await render(HEADER, {
      signers: [
        { position: 'Giám đốc', forHead: true, name: 'Phạm Quốc Hùng', note: 'Ký lúc 10:20 03/12/2026' },
      ],
      recipients: ['Như trên;', 'Lưu: VT, hồ sơ ISO.'],
    });
    const text = await lines(pdf);
    expect(text.slice(0, 6)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BB-STP Kon Tum, ngày 03 tháng 12 năm 2026',
      'BIÊN BẢN HỦY HỒ SƠ',
      'Về việc hủy hồ sơ hết thời hạn lưu trữ',
      'Nơi nhận: GIÁM ĐỐC',
    ]);
    const read = await blocks(pdf);
    // Each column reads as a block: governing body over agency name, quốc hiệu over tiêu ngữ.
    expect(read.indexOf('SỞ TƯ PHÁP')).toBe(read.indexOf('UBND TỈNH KON TUM') + 1);
    expect(read.indexOf('Độc lập - Tự do - Hạnh phúc')).toBe(
      read.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + 1,
    );
    expect(read).toEqual(expect.arrayContaining(['- Như trên;', '- Lưu: VT, hồ sơ ISO.']));
    // The head signs as themself: the position, the signature space, the name beneath.
    const head = read.indexOf('GIÁM ĐỐC');
    expect(read.slice(head, head + 3)).toEqual(['GIÁM ĐỐC', 'Ký lúc 10:20 03/12/2026', 'Phạm Quốc Hùng']);
    expect(read).not.toContain('KT. GIÁM ĐỐC');
  });

  it('signs "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" when a deputy signs for the head', async () => {
    const pdf = await render(HEADER, {
      signers: [
        { caption: 'Người đề nghị', position: 'Chánh Văn phòng', name: 'Nguyễn Thị Thu Hà' },
        { position: 'Phó Giám đốc', forHead: true, name: 'Lê Văn Bình' },
      ],
      recipients: ['Lưu: VT.'],
    });
    const text = await lines(pdf);
    const captions = text.indexOf('NGƯỜI ĐỀ NGHỊ KT. GIÁM ĐỐC');
    expect(captions).toBeGreaterThan(0);
    expect(text.slice(captions, captions + 4)).toEqual([
      'NGƯỜI ĐỀ NGHỊ KT. GIÁM ĐỐC',
      'CHÁNH VĂN PHÒNG PHÓ GIÁM ĐỐC',
      'Nguyễn Thị Thu Hà Lê Văn Bình',
      // Two signers take both columns: "Nơi nhận:" goes under them.
      'Nơi nhận:',
    ]);
  });

  it('keeps a long code and a long number whole: the line shrinks, it never breaks mid-token', async () => {
    const pdf = await render(
      {
        ...HEADER,
        heading: { ...HEADER.heading, abbreviation: 'SNNPTNT-CCTTBVTV-KT' },
        number: { serial: 1234567, symbol: 'BB-HHS-TCVNISO' },
        title: `Danh mục ${LONG_CODE}`,
        subtitle: [`Mã hiệu ${LONG_CODE}`],
      },
      { signers: [{ position: 'Giám đốc', name: 'Phạm Quốc Hùng' }] },
    );
    const text = (await lines(pdf)).join('\n');
    expect(text).toContain('Số: 1234567/BB-HHS-TCVNISO-SNNPTNT-CCTTBVTV-KT');
    expect(text).toContain(LONG_CODE.toUpperCase());
    expect(text).toContain(`Mã hiệu ${LONG_CODE}`);
  });

  it('lays the same heading out on a landscape page', async () => {
    const pdf = await render(
      { ...HEADER, number: undefined, title: 'Danh mục tài liệu nội bộ', subtitle: [] },
      { signers: [] },
      [PageSizes.A4[1], PageSizes.A4[0]],
    );
    const text = await lines(pdf);
    expect(text.slice(0, 4)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Kon Tum, ngày 03 tháng 12 năm 2026',
      'DANH MỤC TÀI LIỆU NỘI BỘ',
    ]);
    expect(text.join('\n')).not.toContain('Số:');
  });
});

describe('official lines', () => {
  it('writes dates as Nghị định 30 does: a zero before days 1–9 and months 1–2 only', () => {
    expect(placeDateLine('Kon Tum', '2026-12-03')).toBe('Kon Tum, ngày 03 tháng 12 năm 2026');
    expect(placeDateLine('Kon Tum', '2027-02-09')).toBe('Kon Tum, ngày 09 tháng 02 năm 2027');
    expect(placeDateLine('Đăk Hà', '2020-07-10')).toBe('Đăk Hà, ngày 10 tháng 7 năm 2020');
    expect(placeDateLine(null, '2026-01-01')).toBe('Ngày 01 tháng 01 năm 2026');
    expect(() => placeDateLine('Kon Tum', '03/12/2026')).toThrow(RangeError);
  });

  it('numbers with the form symbol and the agency abbreviation when there is one', () => {
    expect(officialNumber(1, 'BB', 'STP')).toBe('01/BB-STP');
    expect(officialNumber(12, 'BB', null)).toBe('12/BB');
  });

  it('tells a deputy by the position and signs for the head only when asked', () => {
    expect(isDeputy('Phó Giám đốc Sở')).toBe(true);
    expect(isDeputy('PHÓ CHÁNH VĂN PHÒNG')).toBe(true);
    expect(isDeputy('Giám đốc')).toBe(false);
    expect(isDeputy('Phòng Hành chính')).toBe(false);
    expect(isDeputy(null)).toBe(false);
    expect(authorityLines({ position: 'Phó Chánh Văn phòng', forHead: true, name: 'A' })).toEqual([
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
    ]);
    expect(authorityLines({ position: 'Phó Giám đốc', name: 'A' })).toEqual(['PHÓ GIÁM ĐỐC']);
    expect(authorityLines({ caption: 'Người phê duyệt', position: null, name: 'A' })).toEqual([
      'NGƯỜI PHÊ DUYỆT',
    ]);
  });
});
