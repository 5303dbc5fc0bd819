import { SignatureMeaning, SignatureSubjectType, signatureHash, signatureVerifies } from '@eiso/signatures';
import {
  auditReportContent,
  auditReportSubject,
  reportSignatureOf,
  ReportedAudit,
  ReportedFinding,
} from './audit-report-content';
import { FindingType } from './audit-state';

describe('audit report content', () => {
  const audit: ReportedAudit = {
    id: 'a-1',
    agencyId: 'ag-1',
    year: 2026,
    serial: 2,
    title: 'Đánh giá nội bộ đợt 2 năm 2026',
    objectives: 'Xác định mức độ phù hợp',
    criteria: 'TCVN ISO 9001:2015',
    clauseEdition: 'TCVN ISO 9001:2015',
    orgUnitIds: ['u-2', 'u-1'],
    clauses: ['8.5', '7.5'],
    procedureDocumentIds: ['d-1'],
    startDate: '2026-12-01',
    endDate: '2026-12-03',
    leadAuditorId: 'lead',
    teamIds: ['m-2', 'm-1'],
    conclusion: 'Cơ bản phù hợp.',
  };
  const findings: ReportedFinding[] = [
    {
      id: 'f-2',
      serial: 2,
      type: FindingType.Ofi,
      clause: '7.5',
      orgUnitId: null,
      checklistItemId: null,
      statement: 'Nên số hóa sổ công văn.',
      evidence: null,
    },
    {
      id: 'f-1',
      serial: 1,
      type: FindingType.MajorNc,
      clause: '8.5.1',
      orgUnitId: 'u-1',
      checklistItemId: 'i-1',
      statement: 'Trả kết quả trễ hạn.',
      evidence: 'Hồ sơ 0001',
    },
  ];
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  const files = [
    { subjectId: 'f-1', sha256: b },
    { subjectId: 'f-1', sha256: a },
  ];
  const act = {
    meaning: SignatureMeaning.Report,
    signerId: 'lead',
    signedAt: new Date('2026-12-04T03:20:00Z'),
  };

  it('pins the hash of a report, whatever the order of findings, files and scope lists', () => {
    const one = signatureHash(auditReportContent(audit, findings, files), act);
    const two = signatureHash(
      auditReportContent(
        { ...audit, orgUnitIds: ['u-1', 'u-2'], clauses: ['7.5', '8.5'], teamIds: ['m-1', 'm-2', 'lead'] },
        [...findings].reverse(),
        [...files].reverse(),
      ),
      act,
    );
    expect(one).toBe('309e15e8fd3c659314804dd77d41023a5915039af8a1ad907b6160edb9094e3d');
    expect(two).toBe(one);
  });

  it('covers the conclusion, each finding, its evidence files and the team', () => {
    const signed = { ...act, contentHash: signatureHash(auditReportContent(audit, findings, files), act) };
    expect(signatureVerifies(signed, auditReportContent(audit, findings, files))).toBe(true);
    expect(
      signatureVerifies(signed, auditReportContent({ ...audit, conclusion: 'Khác.' }, findings, files)),
    ).toBe(false);
    expect(signatureVerifies(signed, auditReportContent(audit, findings.slice(1), files))).toBe(false);
    expect(
      signatureVerifies(
        signed,
        auditReportContent(audit, [{ ...findings[0], type: FindingType.MinorNc }, findings[1]], files),
      ),
    ).toBe(false);
    expect(signatureVerifies(signed, auditReportContent(audit, findings, files.slice(1)))).toBe(false);
    expect(
      signatureVerifies(signed, auditReportContent({ ...audit, teamIds: ['m-1'] }, findings, files)),
    ).toBe(false);
  });

  it("finds the report's signature among an audit's signatures", () => {
    const report = {
      subjectType: SignatureSubjectType.AuditReport,
      subjectId: 'a-1',
      meaning: SignatureMeaning.Report,
    };
    const other = {
      subjectType: SignatureSubjectType.AuditReport,
      subjectId: 'a-2',
      meaning: SignatureMeaning.Report,
    };
    const signatures = [other, report] as unknown as Parameters<typeof reportSignatureOf>[0];
    expect(reportSignatureOf(signatures, 'a-1')).toBe(report);
    expect(reportSignatureOf(signatures, 'a-3')).toBeNull();
    expect(auditReportSubject('a-1')).toEqual({ type: 'audit_report', id: 'a-1' });
  });
});
