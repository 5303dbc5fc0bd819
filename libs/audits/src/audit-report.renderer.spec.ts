import { PDFDocument } from 'pdf-lib';
import { extractPdfText } from '@eiso/pdf/testing';
import {
  AuditReportInput,
  findingsByClause,
  findingsByUnit,
  renderAuditReport,
  ReportFindingLine,
} from './audit-report.renderer';
import { FindingType } from './audit-state';

const finding = (overrides: Partial<ReportFindingLine>): ReportFindingLine => ({
  serial: 1,
  type: FindingType.MinorNc,
  clause: '7.5',
  clauseTitle: 'Thông tin dạng văn bản',
  unit: 'Văn phòng Sở',
  statement: 'Hồ sơ chưa được lưu đúng danh mục.',
  evidence: null,
  nonconformityNumber: null,
  ...overrides,
});

const FINDINGS: ReportFindingLine[] = [
  finding({
    serial: 1,
    type: FindingType.MajorNc,
    clause: '8.5.1',
    clauseTitle: 'Kiểm soát sản xuất và cung cấp dịch vụ',
    unit: 'Phòng Hành chính tư pháp',
    statement: 'Ba hồ sơ cấp Phiếu lý lịch tư pháp trả kết quả trễ hạn không có văn bản xin lỗi.',
    evidence: 'Hồ sơ số 000.00.12.H34-261201-0001, 0002, 0005',
    nonconformityNumber: '01/2026',
  }),
  finding({
    serial: 2,
    type: FindingType.Ofi,
    clause: '7.5',
    unit: 'Văn phòng Sở',
    statement: 'Nên số hóa sổ công văn đến.',
  }),
  finding({
    serial: 3,
    type: FindingType.MinorNc,
    clause: '7.5',
    unit: null,
    nonconformityNumber: '02/2026',
  }),
  finding({
    serial: 4,
    type: FindingType.Observation,
    clause: '10.2',
    clauseTitle: 'Sự không phù hợp và hành động khắc phục',
    unit: 'Văn phòng Sở',
    statement: 'Chưa phân tích nguyên nhân.',
  }),
];

function report(overrides: Partial<AuditReportInput> = {}): AuditReportInput {
  return {
    heading: {
      governingBody: 'UBND TỈNH KON TUM',
      agencyName: 'Sở Tư pháp',
      abbreviation: 'STP',
      place: 'Kon Tum',
    },
    serial: 2,
    date: '2026-12-04',
    auditNumber: '02/2026',
    title: 'Đánh giá nội bộ đợt 2 năm 2026',
    objectives: 'Xác định mức độ phù hợp của hệ thống quản lý chất lượng.',
    criteria: 'TCVN ISO 9001:2015 và các quy trình nội bộ của Sở.',
    edition: 'TCVN ISO 9001:2015',
    units: ['Văn phòng Sở', 'Phòng Hành chính tư pháp'],
    clauses: [
      { number: '7.5', title: 'Thông tin dạng văn bản' },
      { number: '8.5', title: 'Sản xuất và cung cấp dịch vụ' },
    ],
    procedures: ['QT-LLTP-01 — Cấp Phiếu lý lịch tư pháp'],
    lead: { name: 'Lê Thị Hồng', position: 'Phó Chánh Thanh tra' },
    team: [{ name: 'Đỗ Văn Nam', position: 'Chuyên viên' }],
    startDate: '2026-12-01',
    endDate: '2026-12-03',
    findings: FINDINGS,
    conclusion: 'Hệ thống quản lý chất lượng cơ bản phù hợp; cần khắc phục hai sự không phù hợp.',
    signature: {
      name: 'Lê Thị Hồng',
      signedAt: new Date('2026-12-04T03:20:00Z'),
      contentHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    },
    generatedAt: new Date('2026-12-04T05:00:00Z'),
    ...overrides,
  };
}

async function layoutLines(pdf: Buffer): Promise<string[]> {
  return (await extractPdfText(pdf, { layout: true }))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe('audit report grouping', () => {
  it('groups findings by clause with counts per type, findings by serial', () => {
    const groups = findingsByClause(FINDINGS);
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.serial)])).toEqual([
      ['7.5', [2, 3]],
      ['8.5.1', [1]],
      ['10.2', [4]],
    ]);
    expect(groups[0].counts).toEqual({ major_nc: 0, minor_nc: 1, observation: 0, ofi: 1 });
  });

  it('groups findings by unit in the order of the scope, findings tied to no unit last', () => {
    const groups = findingsByUnit(FINDINGS, ['Văn phòng Sở', 'Phòng Hành chính tư pháp']);
    expect(groups.map((g) => [g.key, g.findings.map((f) => f.serial)])).toEqual([
      ['Văn phòng Sở', [2, 4]],
      ['Phòng Hành chính tư pháp', [1]],
      [null, [3]],
    ]);
    expect(groups[0].counts).toEqual({ major_nc: 0, minor_nc: 0, observation: 1, ofi: 1 });
  });
});

describe('renderAuditReport', () => {
  it('lays the report out as Nghị định 30 has it, with sections 1–7, findings and the signer', async () => {
    const lines = await layoutLines(await renderAuditReport(report()));
    expect(lines.slice(0, 5)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 02/BC-ĐGNB-STP Kon Tum, ngày 04 tháng 12 năm 2026',
      'BÁO CÁO ĐÁNH GIÁ NỘI BỘ',
      'Cuộc đánh giá số 02/2026: Đánh giá nội bộ đợt 2 năm 2026',
    ]);
    const expected = [
      '1. Mục tiêu đánh giá',
      'Xác định mức độ phù hợp của hệ thống quản lý chất lượng.',
      '2. Phạm vi đánh giá',
      'Đơn vị được đánh giá:',
      '- Văn phòng Sở',
      '- Phòng Hành chính tư pháp',
      'Điều khoản của tiêu chuẩn:',
      '- 7.5 Thông tin dạng văn bản',
      '- 8.5 Sản xuất và cung cấp dịch vụ',
      'Thủ tục, quy trình:',
      '- QT-LLTP-01 — Cấp Phiếu lý lịch tư pháp',
      '3. Chuẩn mực đánh giá',
      'TCVN ISO 9001:2015 và các quy trình nội bộ của Sở.',
      'Tiêu chuẩn: TCVN ISO 9001:2015.',
      '4. Đoàn đánh giá',
      'Trưởng đoàn: Lê Thị Hồng — Phó Chánh Thanh tra',
      'Thành viên: Đỗ Văn Nam — Chuyên viên',
      '5. Thời gian đánh giá',
      'Từ ngày 01/12/2026 đến ngày 03/12/2026.',
      '6. Kết quả đánh giá',
      'Tổng số phát hiện: 4 (1 không phù hợp nặng, 1 không phù hợp nhẹ, 1 điểm cần lưu ý, 1 cơ hội',
      'cải tiến).',
      '6.1. Phát hiện theo điều khoản',
      'Điều khoản 7.5 — Thông tin dạng văn bản (1 không phù hợp nhẹ, 1 cơ hội cải tiến)',
      'PH-02 [Cơ hội cải tiến] — Văn phòng Sở',
      'Nên số hóa sổ công văn đến.',
      'PH-03 [Không phù hợp nhẹ]',
      'Hồ sơ chưa được lưu đúng danh mục.',
      'Sự không phù hợp số 02/2026',
    ];
    const start = lines.indexOf(expected[0]);
    expect(start).toBeGreaterThan(4);
    expect(lines.slice(start, start + expected.length)).toEqual(expected);
    expect(lines).toContain('Sự không phù hợp số 01/2026');
    expect(lines).toContain('Bằng chứng: Hồ sơ số 000.00.12.H34-261201-0001, 0002, 0005');
    expect(lines).toContain('6.2. Phát hiện theo đơn vị');
    expect(lines).toContain('Văn phòng Sở: 1 điểm cần lưu ý, 1 cơ hội cải tiến (PH-02, PH-04)');
    expect(lines).toContain('Phòng Hành chính tư pháp: 1 không phù hợp nặng (PH-01)');
    expect(lines).toContain('Chung (không gắn với đơn vị): 1 không phù hợp nhẹ (PH-03)');
    expect(lines).toContain('7. Kết luận');
    const signer = lines.findIndex((l) => l.endsWith('TRƯỞNG ĐOÀN ĐÁNH GIÁ'));
    expect(signer).toBeGreaterThan(start);
    const tail = lines.slice(signer).join('\n');
    expect(tail).toContain('Ký lúc 10:20 04/12/2026');
    expect(tail).toContain('Lê Thị Hồng');
    expect(tail).toContain('Nơi nhận:');
    // The agency's head, whatever the title (Giám đốc, Chánh Thanh tra, Chủ tịch…).
    expect(tail).toContain('Lãnh đạo cơ quan (để báo cáo);');
    expect(tail).not.toContain('Giám đốc');
    expect(tail).toContain(
      'Mã băm nội dung đã ký (SHA-256): a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    );
  });

  it('says so when an audit found nothing, and breaks long reports over pages', async () => {
    const none = await layoutLines(await renderAuditReport(report({ findings: [] })));
    expect(none).toContain('Cuộc đánh giá không ghi nhận phát hiện nào.');
    expect(none).not.toContain('6.1. Phát hiện theo điều khoản');
    const many = Array.from({ length: 60 }, (_v, i) => finding({ serial: i + 1 }));
    const pdf = await renderAuditReport(report({ findings: many }));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(2);
    const last = await extractPdfText(pdf, { firstPage: pages, lastPage: pages });
    expect(last).toContain('TRƯỞNG ĐOÀN ĐÁNH GIÁ');
    expect(last).toContain(`Trang ${pages}/${pages}`);
  });
});
