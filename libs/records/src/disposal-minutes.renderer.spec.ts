import { PDFDocument } from 'pdf-lib';
import { extractPdfText } from '@eiso/pdf/testing';
import { DisposalMinutesInput, renderDisposalMinutes } from './disposal-minutes.renderer';

// Wider than its column at the table's size: it shrinks rather than break.
const LONG_REFERENCE = '1234/QĐ-UBND-2026';

function minutes(overrides: Partial<DisposalMinutesInput> = {}): DisposalMinutesInput {
  return {
    heading: {
      governingBody: 'UBND TỈNH KON TUM',
      agencyName: 'Sở Tư pháp',
      abbreviation: 'STP',
      place: 'Kon Tum',
    },
    number: 1,
    date: '2026-12-03',
    proposedAt: new Date('2026-12-01T02:00:00Z'),
    proposer: {
      name: 'Nguyễn Thị Thu Hà',
      position: 'Chánh Văn phòng',
      at: new Date('2026-12-01T02:00:00Z'),
    },
    approver: { name: 'Phạm Quốc Hùng', position: 'Giám đốc', at: new Date('2026-12-03T03:20:00Z') },
    contentHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    completedAt: new Date('2026-12-03T04:00:00Z'),
    rows: [
      {
        title: 'Hồ sơ cấp Phiếu lý lịch tư pháp số 123',
        type: 'HS-LLTP — Hồ sơ cấp Phiếu lý lịch tư pháp',
        reference: LONG_REFERENCE,
        recordDate: '15/01/2021',
        retention: '5 năm',
        retentionEnd: '15/01/2026',
      },
    ],
    generatedAt: new Date('2026-12-03T05:00:00Z'),
    ...overrides,
  };
}

async function layoutLines(pdf: Buffer): Promise<string[]> {
  return (await extractPdfText(pdf, { layout: true }))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe('renderDisposalMinutes', () => {
  it('lays the biên bản out as Nghị định 30 has it: heading, number, place and date, title, signatures', async () => {
    const lines = await layoutLines(await renderDisposalMinutes(minutes()));
    expect(lines.slice(0, 4)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BB-STP Kon Tum, ngày 03 tháng 12 năm 2026',
      'BIÊN BẢN HỦY HỒ SƠ',
    ]);
    const signatures = lines.indexOf('NGƯỜI ĐỀ NGHỊ GIÁM ĐỐC');
    expect(signatures).toBeGreaterThan(4);
    expect(lines.slice(signatures, signatures + 4)).toEqual([
      'NGƯỜI ĐỀ NGHỊ GIÁM ĐỐC',
      'CHÁNH VĂN PHÒNG',
      'Đề nghị lúc 09:00 01/12/2026 Ký lúc 10:20 03/12/2026',
      'Nguyễn Thị Thu Hà Phạm Quốc Hùng',
    ]);
    // A long reference number stays whole in its cell.
    expect(lines.some((line) => line.includes(LONG_REFERENCE))).toBe(true);
  });

  it('signs "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" when a deputy approves', async () => {
    const lines = await layoutLines(
      await renderDisposalMinutes(
        minutes({
          approver: { name: 'Lê Văn Bình', position: 'Phó Giám đốc', at: new Date('2026-12-03T03:20:00Z') },
        }),
      ),
    );
    const signatures = lines.indexOf('NGƯỜI ĐỀ NGHỊ KT. GIÁM ĐỐC');
    expect(lines.slice(signatures, signatures + 4)).toEqual([
      'NGƯỜI ĐỀ NGHỊ KT. GIÁM ĐỐC',
      'CHÁNH VĂN PHÒNG PHÓ GIÁM ĐỐC',
      'Đề nghị lúc 09:00 01/12/2026 Ký lúc 10:20 03/12/2026',
      'Nguyễn Thị Thu Hà Lê Văn Bình',
    ]);
  });

  it('prints a number without ký hiệu, and the date alone, for an agency that has neither', async () => {
    const bare = { governingBody: null, agencyName: 'Sở Tư pháp', abbreviation: null, place: null };
    const lines = await layoutLines(await renderDisposalMinutes(minutes({ heading: bare })));
    expect(lines.slice(0, 3)).toEqual([
      'SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BB Ngày 03 tháng 12 năm 2026',
    ]);
  });

  it('keeps the closing line, the signatures and the hash together on the last page', async () => {
    const row = minutes().rows[0];
    const pdf = await renderDisposalMinutes(minutes({ rows: Array.from({ length: 40 }, () => row) }));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const last = await extractPdfText(pdf, { firstPage: pages, lastPage: pages });
    expect(last).toContain('Hoàn thành hủy lúc 11:00 03/12/2026');
    expect(last).toContain('Phạm Quốc Hùng');
    expect(last).toContain('Mã băm nội dung đã ký (SHA-256)');
  });
});
