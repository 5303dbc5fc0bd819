import { formatDateVi } from '@eiso/common';
import { FINDING_TYPE_LABELS, FindingType } from './audit-state';

/** How many findings of each type, in the order the types are listed: "1 không phù hợp nặng, 2 cơ hội cải tiến". */
export function findingCountsText(counts: Readonly<Record<FindingType, number>>): string {
  const parts = Object.values(FindingType)
    .filter((type) => counts[type] > 0)
    .map((type) => `${counts[type]} ${FINDING_TYPE_LABELS[type].toLocaleLowerCase('vi')}`);
  return parts.length ? parts.join(', ') : 'không có phát hiện';
}

/** Vietnamese texts of findings, the audit report (Báo cáo đánh giá nội bộ) and closing an audit. */
export const AUDIT_REPORT_MESSAGES = {
  /** A finding's number within its audit: "PH-03". */
  findingNumber: (serial: number) => `PH-${String(serial).padStart(2, '0')}`,
  /** A finding as the audit trail names it. */
  findingName: (auditNumber: string, serial: number, statement: string) =>
    `Phát hiện ${AUDIT_REPORT_MESSAGES.findingNumber(serial)} của cuộc đánh giá số ${auditNumber}: ${statement}`,
  /** The title of the nonconformity raised from a finding. */
  nonconformityTitle: (auditNumber: string, serial: number, clause: string, clauseTitle: string | null) =>
    `Phát hiện ${AUDIT_REPORT_MESSAGES.findingNumber(serial)} của cuộc đánh giá nội bộ số ${auditNumber} — ` +
    `điều khoản ${clause}${clauseTitle ? ` ${clauseTitle}` : ''}`,
  refusals: {
    clauseUnknown: (clause: string, edition: string) =>
      `Điều khoản ${clause} không có trong tiêu chuẩn ${edition} mà cuộc đánh giá áp dụng.`,
    clauseOutOfScope: (clause: string, scope: readonly string[]) =>
      `Điều khoản ${clause} không thuộc phạm vi của cuộc đánh giá (các điều khoản ${scope.join(', ')} ` +
      'và các điều khoản con của chúng).',
    orgUnitOutOfScope: (unit: string | null, scope: readonly string[]) =>
      `${unit ? `Đơn vị "${unit}"` : 'Đơn vị đã chọn'} không thuộc phạm vi của cuộc đánh giá` +
      (scope.length ? ` (${scope.join(', ')}).` : '.'),
    orgUnitNotOfAgency: 'Đơn vị đã chọn không thuộc cơ quan.',
    findingNotIndependent: (b: {
      auditorName: string;
      orgUnitName: string;
      scopeUnitName: string;
      relation: 'same' | 'below' | 'above';
    }) =>
      `${b.auditorName} thuộc ${b.orgUnitName}` +
      (b.relation === 'same'
        ? ''
        : b.relation === 'below'
          ? `, trực thuộc ${b.scopeUnitName}`
          : `, là đơn vị cấp trên của ${b.scopeUnitName}`) +
      `: đánh giá viên không được ghi phát hiện cho "${b.scopeUnitName}" — đơn vị của chính mình, ` +
      'đơn vị cấp trên hoặc cấp dưới của mình. Hãy để thành viên khác của đoàn ghi phát hiện này.',
    checklistUnanswered: (items: readonly { position: number; question: string }[]) => {
      const shown = items.slice(0, 5).map((i) => `câu ${i.position} (${i.question})`);
      const more = items.length > shown.length ? ` và ${items.length - shown.length} câu khác` : '';
      return (
        `Còn ${items.length} câu hỏi trong danh mục kiểm tra chưa được trả lời: ${shown.join('; ')}${more}. ` +
        'Hãy trả lời (hoặc đánh dấu "Không áp dụng") trước khi ký báo cáo; chưa có gì được ký.'
      );
    },
    nonconformitiesOpen: (items: readonly { number: string; state: string }[]) =>
      `Chưa kết thúc được cuộc đánh giá: sự không phù hợp số ${items.map((i) => i.number).join(', ')} ` +
      'chưa có hành động khắc phục ở bước kiểm tra hiệu lực hoặc đã kết thúc.',
  },
  notifications: {
    reported: (auditNumber: string, title: string, by: string, ncNumbers: readonly string[]) => ({
      title: `Báo cáo đánh giá nội bộ số ${auditNumber} đã được ký`,
      body:
        `${by} (trưởng đoàn đánh giá) đã ký báo cáo cuộc đánh giá "${title}". ` +
        (ncNumbers.length
          ? `Các sự không phù hợp đã được ghi nhận: số ${ncNumbers.join(', ')}; ` +
            'đơn vị liên quan lập hành động khắc phục cho từng sự không phù hợp.'
          : 'Cuộc đánh giá không ghi nhận sự không phù hợp nào.'),
    }),
    closed: (auditNumber: string, title: string, nonconformities: number) => ({
      title: `Cuộc đánh giá nội bộ số ${auditNumber} đã kết thúc`,
      body: nonconformities
        ? `Cuộc đánh giá "${title}" đã kết thúc: mọi sự không phù hợp đã có hành động khắc phục ` +
          'đang được kiểm tra hiệu lực hoặc đã kết thúc; việc kiểm tra hiệu lực tiếp tục theo từng hành động khắc phục.'
        : `Cuộc đánh giá "${title}" đã kết thúc; cuộc đánh giá không ghi nhận sự không phù hợp nào.`,
    }),
  },
  report: {
    title: 'BÁO CÁO ĐÁNH GIÁ NỘI BỘ',
    /** The form's symbol in "Số: 01/BC-ĐGNB-STP" (báo cáo đánh giá nội bộ); the serial is the audit's. */
    numberSymbol: 'BC-ĐGNB',
    subtitle: (auditNumber: string, title: string) => `Cuộc đánh giá số ${auditNumber}: ${title}`,
    sections: {
      objectives: '1. Mục tiêu đánh giá',
      scope: '2. Phạm vi đánh giá',
      criteria: '3. Chuẩn mực đánh giá',
      team: '4. Đoàn đánh giá',
      dates: '5. Thời gian đánh giá',
      results: '6. Kết quả đánh giá',
      conclusion: '7. Kết luận',
    },
    scope: {
      units: 'Đơn vị được đánh giá:',
      clauses: 'Điều khoản của tiêu chuẩn:',
      procedures: 'Thủ tục, quy trình:',
      none: 'không giới hạn',
    },
    edition: (edition: string) => `Tiêu chuẩn: ${edition}.`,
    lead: (name: string, position: string | null) =>
      `Trưởng đoàn: ${name}${position ? ` — ${position}` : ''}`,
    member: (name: string, position: string | null) =>
      `Thành viên: ${name}${position ? ` — ${position}` : ''}`,
    dates: (start: string, end: string) =>
      start === end
        ? `Ngày ${formatDateVi(start)}.`
        : `Từ ngày ${formatDateVi(start)} đến ngày ${formatDateVi(end)}.`,
    total: (count: number, counts: string) =>
      count ? `Tổng số phát hiện: ${count} (${counts}).` : 'Cuộc đánh giá không ghi nhận phát hiện nào.',
    byClause: '6.1. Phát hiện theo điều khoản',
    byUnit: '6.2. Phát hiện theo đơn vị',
    clauseGroup: (clause: string, title: string | null, counts: string) =>
      `Điều khoản ${clause}${title ? ` — ${title}` : ''} (${counts})`,
    unitGroup: (unit: string, counts: string, numbers: readonly string[]) =>
      `${unit}: ${counts} (${numbers.join(', ')})`,
    noUnit: 'Chung (không gắn với đơn vị)',
    finding: (number: string, typeLabel: string, unit: string | null) =>
      `${number} [${typeLabel}]${unit ? ` — ${unit}` : ''}`,
    evidence: (text: string) => `Bằng chứng: ${text}`,
    nonconformity: (number: string) => `Sự không phù hợp số ${number}`,
    signer: 'TRƯỞNG ĐOÀN ĐÁNH GIÁ',
    signedAt: (time: string) => `Ký lúc ${time}`,
    contentHash: (hash: string) => `Mã băm nội dung đã ký (SHA-256): ${hash}`,
    recipients: [
      'Lãnh đạo cơ quan (để báo cáo);',
      'Các đơn vị được đánh giá;',
      'Thư ký ISO;',
      'Lưu: hồ sơ đánh giá nội bộ.',
    ],
    generatedAt: (time: string) => `Lập bởi hệ thống eISO lúc ${time}`,
    page: (page: number, count: number) => `Trang ${page}/${count}`,
    fileName: (serial: number, year: number) =>
      `bao-cao-danh-gia-noi-bo-${String(serial).padStart(2, '0')}-${year}.pdf`,
  },
};
