import { PDFDocument } from 'pdf-lib';
import { extractPdfText } from '@eiso/pdf/testing';
import { DeclarationKind } from './declaration-state';
import { DEFAULT_LEGAL_BASES } from './declaration-state';
import { annexLines, authorityLine, legalBasisLines } from './declaration-text';
import { DeclarationPdfInput, renderDeclaration } from './declaration.renderer';

const procedure = (n: number, codes: string[]) => ({
  documentId: `d${n}`,
  versionId: `v${n}`,
  code: `QT-TTHC-${String(n).padStart(2, '0')}`,
  title: `Quy trình giải quyết thủ tục hành chính số ${n} về lĩnh vực hộ tịch, chứng thực và lý lịch tư pháp`,
  tthcCodes: codes,
});

const input = (overrides: Partial<DeclarationPdfInput> = {}): DeclarationPdfInput => ({
  heading: {
    governingBody: 'UBND TỈNH KON TUM',
    agencyName: 'Sở Tư pháp',
    abbreviation: 'STP',
    place: 'Kon Tum',
  },
  serial: 3,
  number: '03/QĐ-STP',
  date: '2027-02-05',
  draft: false,
  body: {
    kind: DeclarationKind.Initial,
    agencyName: 'Sở Tư pháp',
    signerPosition: 'Giám đốc Sở',
    legalBases: DEFAULT_LEGAL_BASES,
    supersedes: null,
    tthcCodes: ['1.000948', '2.000123'],
    procedures: [procedure(1, ['1.000948']), procedure(2, ['2.000123', '1.000948'])],
  },
  signer: {
    name: 'Trần Quốc Hùng',
    position: 'Giám đốc Sở',
    signedAt: new Date('2027-02-05T03:00:00Z'),
    contentHash: 'ab'.repeat(32),
  },
  generatedAt: new Date('2027-02-05T03:00:00Z'),
  ...overrides,
});

describe('the decision declaring the QMS conformant', () => {
  it('names who decides without repeating the kind of agency', () => {
    expect(authorityLine({ signerPosition: 'Giám đốc Sở', agencyName: 'Sở Tư pháp' })).toBe(
      'GIÁM ĐỐC SỞ TƯ PHÁP',
    );
    expect(authorityLine({ signerPosition: 'Giám đốc', agencyName: 'Sở Y tế' })).toBe('GIÁM ĐỐC SỞ Y TẾ');
    expect(authorityLine({ signerPosition: 'Chủ tịch', agencyName: 'Ủy ban nhân dân xã Đăk Rơ Wa' })).toBe(
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐĂK RƠ WA',
    );
    expect(authorityLine({ signerPosition: null, agencyName: 'Sở Y tế' })).toBe('THỦ TRƯỞNG SỞ Y TẾ');
  });

  it('writes each legal basis as "Căn cứ …;" and the annex by TTHC code', () => {
    expect(legalBasisLines([' Luật Tổ chức chính quyền địa phương.', 'Nghị định 30/2020/NĐ-CP;'])).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'Căn cứ Nghị định 30/2020/NĐ-CP;',
    ]);
    const body = input().body;
    expect(annexLines({ ...body, tthcCodes: ['2.000123', '1.000948', '9.999999'] })).toEqual([
      `1. 1.000948: QT-TTHC-01 — ${body.procedures[0].title}; QT-TTHC-02 — ${body.procedures[1].title}`,
      `2. 2.000123: QT-TTHC-02 — ${body.procedures[1].title}`,
      '3. 9.999999: (chưa có quy trình)',
    ]);
  });

  it('is an A4 decision with the annex on its own page, every letter readable', async () => {
    const bytes = await renderDeclaration(input());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('QUYẾT ĐỊNH 03/QĐ-STP');
    const first = await extractPdfText(bytes, { layout: true, lastPage: 1 });
    expect(first).toContain('Số: 03/QĐ-STP');
    expect(first).toMatch(/Kon Tum, ngày 05 tháng 02 năm 2027/);
    expect(first).toContain('Trần Quốc Hùng');
    expect(first).not.toContain('PHỤ LỤC');
    const annex = await extractPdfText(bytes, { firstPage: 2 });
    expect(annex.replace(/\s+/g, ' ')).toContain(
      '(Kèm theo Quyết định số 03/QĐ-STP ngày 05/02/2027 của Sở Tư pháp)',
    );
  });

  it('a long scope flows over pages and a draft carries no number and no signature', async () => {
    const many = Array.from({ length: 120 }, (_, i) => `1.${String(i).padStart(6, '0')}`);
    const bytes = await renderDeclaration(
      input({
        serial: null,
        number: null,
        draft: true,
        body: { ...input().body, tthcCodes: many, procedures: [procedure(1, many)] },
        signer: { name: '', position: 'Giám đốc Sở', signedAt: null, contentHash: null },
      }),
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(3);
    const text = (await extractPdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('DỰ THẢO — chưa ký, chưa có giá trị');
    expect(text).not.toContain('Số: ');
    expect(text).not.toContain('Mã băm');
    expect(text).toContain('120. 1.000119: QT-TTHC-01');
    expect(text).toContain(`Trang ${doc.getPageCount()}/${doc.getPageCount()}`);
  });
});
