import { generateChecklist } from './checklist';

describe('checklist generation', () => {
  const clauses = [
    { number: '7.5', titleVi: 'Thông tin dạng văn bản', titleEn: 'Documented information' },
    { number: '8.5.1', titleVi: 'Kiểm soát sản xuất và cung cấp dịch vụ', titleEn: 'Control' },
  ];
  const procedures = [
    { documentId: 'd2', versionId: 'v2', code: 'QT-TTHC-02', title: 'Cấp phép xây dựng' },
    { documentId: 'd1', versionId: 'v1', code: 'QT-TTHC-01', title: 'Đăng ký hộ kinh doanh' },
  ];

  it('asks one question per clause, then one per procedure by code, numbered from 1', () => {
    expect(generateChecklist(clauses, procedures)).toEqual([
      {
        position: 1,
        kind: 'clause',
        clause: '7.5',
        documentId: null,
        documentVersionId: null,
        question:
          'Điều khoản 7.5 — Thông tin dạng văn bản: đơn vị có đáp ứng các yêu cầu của điều khoản này không?',
        sample: null,
      },
      {
        position: 2,
        kind: 'clause',
        clause: '8.5.1',
        documentId: null,
        documentVersionId: null,
        question:
          'Điều khoản 8.5.1 — Kiểm soát sản xuất và cung cấp dịch vụ: đơn vị có đáp ứng các yêu cầu của điều khoản này không?',
        sample: null,
      },
      {
        position: 3,
        kind: 'procedure',
        clause: null,
        documentId: 'd1',
        documentVersionId: 'v1',
        question: 'Quy trình QT-TTHC-01 — Đăng ký hộ kinh doanh có được tuân thủ không?',
        sample: null,
      },
      {
        position: 4,
        kind: 'procedure',
        clause: null,
        documentId: 'd2',
        documentVersionId: 'v2',
        question: 'Quy trình QT-TTHC-02 — Cấp phép xây dựng có được tuân thủ không?',
        sample: null,
      },
    ]);
  });

  it('is empty for an empty scope, and has only procedure questions without clauses', () => {
    expect(generateChecklist([], [])).toEqual([]);
    expect(generateChecklist([], procedures.slice(0, 1)).map((i) => [i.position, i.kind])).toEqual([
      [1, 'procedure'],
    ]);
  });
});
