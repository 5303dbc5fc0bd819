import { DomainException, ErrorCode } from '@eiso/common';
import { NonconformitySource } from './capa-state';
import { LATE_DOSSIER_CLAUSE, NONCONFORMITY_MESSAGES } from './capa.messages';
import { assertDetectedOn, missingSourceDetails, sourceDetailsOf } from './nonconformity-sources';

describe('what each source of a nonconformity requires', () => {
  it('a complaint needs its reference and the complainant', () => {
    expect(missingSourceDetails(NonconformitySource.Complaint, {})).toEqual([
      'số phản ánh, kiến nghị',
      'người phản ánh, kiến nghị',
    ]);
    expect(
      missingSourceDetails(NonconformitySource.Complaint, { complaintRef: ' ', complainant: 'Ông A' }),
    ).toEqual(['số phản ánh, kiến nghị']);
    expect(
      missingSourceDetails(NonconformitySource.Complaint, { complaintRef: 'PA-01', complainant: 'Ông A' }),
    ).toEqual([]);
  });

  it('a late dossier needs the TTHC code, the dossier number and at least one day late', () => {
    expect(missingSourceDetails(NonconformitySource.LateDossier, {})).toEqual([
      'mã thủ tục hành chính',
      'số hồ sơ',
      'số ngày trễ hạn (từ 1 ngày)',
    ]);
    const base = { tthcCode: '1.000948', dossierNumber: 'HS-01' };
    expect(missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: 0 })).toEqual([
      'số ngày trễ hạn (từ 1 ngày)',
    ]);
    expect(missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: 1.5 })).toEqual([
      'số ngày trễ hạn (từ 1 ngày)',
    ]);
    expect(missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: 1 })).toEqual([]);
  });

  it('a month’s summary of counted late dossiers may lack the day count, never the TTHC or reference', () => {
    const summary = { lateDossierSummary: true };
    const base = { tthcCode: '1.000948, 2.001234', dossierNumber: 'Tổng hợp tháng 04/2026' };
    expect(
      missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: null }, summary),
    ).toEqual([]);
    expect(missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: 0 }, summary)).toEqual([
      'số ngày trễ hạn (từ 1 ngày)',
    ]);
    expect(missingSourceDetails(NonconformitySource.LateDossier, { daysLate: null }, summary)).toEqual([
      'mã thủ tục hành chính',
      'số hồ sơ',
    ]);
    // Without the option (every HTTP raise) a missing day count is refused.
    expect(missingSourceDetails(NonconformitySource.LateDossier, { ...base, daysLate: null })).toEqual([
      'số ngày trễ hạn (từ 1 ngày)',
    ]);
  });

  it('a management review needs its minutes; self-detected needs nothing', () => {
    expect(missingSourceDetails(NonconformitySource.ManagementReview, {})).toEqual([
      'số biên bản xem xét của lãnh đạo',
    ]);
    expect(missingSourceDetails(NonconformitySource.Self, {})).toEqual([]);
  });

  it('keeps only the details of its own source, trimmed', () => {
    expect(
      sourceDetailsOf(NonconformitySource.Self, { complaintRef: 'PA-01', tthcCode: '1.000948', daysLate: 3 }),
    ).toEqual({
      complaintRef: null,
      complainant: null,
      tthcCode: null,
      dossierNumber: null,
      daysLate: null,
      managementReviewRef: null,
    });
    expect(
      sourceDetailsOf(NonconformitySource.LateDossier, {
        tthcCode: ' 1.000948 ',
        dossierNumber: 'HS-01 ',
        daysLate: 3,
        complainant: 'Ông A',
      }),
    ).toEqual({
      complaintRef: null,
      complainant: null,
      tthcCode: '1.000948',
      dossierNumber: 'HS-01',
      daysLate: 3,
      managementReviewRef: null,
    });
  });
});

describe('the late dossier texts', () => {
  it('names the dossier, the procedure and the days late, under clause 8.7', () => {
    expect(NONCONFORMITY_MESSAGES.lateDossierTitle('1.000948', '000.00.12.H34-260105-0001', 3)).toBe(
      'Hồ sơ TTHC 000.00.12.H34-260105-0001 (1.000948) giải quyết trễ hạn 3 ngày',
    );
    expect(NONCONFORMITY_MESSAGES.lateDossierDescription('1.000948', 'HS-01', 2)).toBe(
      'Hồ sơ HS-01 của thủ tục hành chính 1.000948 được giải quyết trễ 2 ngày so với thời hạn quy định: ' +
        'đầu ra không phù hợp (điều khoản 8.7 Kiểm soát đầu ra không phù hợp).',
    );
    expect(LATE_DOSSIER_CLAUSE).toBe('8.7');
  });
});

describe('the detection date filed by hand', () => {
  it('is not after today nor before 1 January of the year before (Vietnam calendar)', () => {
    const code = (detectedOn: string) => {
      try {
        assertDetectedOn(detectedOn, '2026-06-15');
        return null;
      } catch (e) {
        return (e as DomainException).code;
      }
    };
    expect(code('2026-06-15')).toBeNull();
    expect(code('2025-01-01')).toBeNull();
    expect(code('2026-06-16')).toBe(ErrorCode.NonconformityDetectedInFuture);
    expect(code('2024-12-31')).toBe(ErrorCode.NonconformityDetectedTooEarly);
  });
});
