import { PeriodProblem, periodExample, periodLabel } from './objective-periods';
import { ObjectiveFrequency, OBJECTIVE_FREQUENCY_LABELS } from './objective-state';

const formatNumber = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 4 });

/** Vietnamese texts of quality objectives: refusals, notifications, import errors, names. */
export const OBJECTIVE_MESSAGES = {
  /** An objective as the audit trail and notifications name it. */
  name: (year: number, statement: string) => `Mục tiêu chất lượng năm ${year}: ${statement}`,
  measurementName: (period: string, statement: string) =>
    `Số liệu ${periodLabel(period)} của mục tiêu "${statement}"`,
  periodProblem: (problem: PeriodProblem, period: string, frequency: ObjectiveFrequency, year: number) => {
    switch (problem) {
      case 'shape':
      case 'frequency':
        return (
          `Kỳ đo "${period}" không đúng tần suất ${OBJECTIVE_FREQUENCY_LABELS[frequency].toLowerCase()} ` +
          `của mục tiêu (ví dụ: ${periodExample(frequency, year)}).`
        );
      case 'year':
        return `Kỳ đo "${period}" không thuộc năm ${year} của mục tiêu.`;
      case 'future':
        return `Kỳ đo ${periodLabel(period)} chưa bắt đầu: không nhập số liệu cho kỳ trong tương lai.`;
    }
  },
  measurementExists: (period: string) => `Kỳ ${periodLabel(period)} đã có số liệu; hãy sửa số liệu đã nhập.`,
  nonconformityExists: (number: string) =>
    `Đã ghi nhận sự không phù hợp số ${number} cho hồ sơ trễ hạn của kỳ đo này.`,
  assigned: (year: number, statement: string, unit: string) => ({
    title: `Đơn vị được giao mục tiêu chất lượng năm ${year}`,
    body: `${unit} chủ trì mục tiêu "${statement}": đơn vị theo dõi và nhập số liệu đo theo từng kỳ.`,
  }),
  due: (statement: string, periods: readonly string[]) => ({
    title: `Chưa có số liệu mục tiêu chất lượng: ${periods.map(periodLabel).join(', ')}`,
    body:
      `Mục tiêu "${statement}" chưa có số liệu của ${periods.map(periodLabel).join(', ')} ` +
      '(kỳ đo đã kết thúc hơn 5 ngày). Đề nghị đơn vị chủ trì nhập số liệu.',
  }),
  lateNote: (total: number, late: number) => `${total} hồ sơ, ${late} trễ hạn`,
  lateTitle: (period: string, late: number) =>
    `Hồ sơ TTHC giải quyết trễ hạn ${periodLabel(period)}: ${late} hồ sơ`,
  lateDescription: (
    period: string,
    statement: string,
    tthc: readonly { code: string; name: string; late: number }[],
  ) =>
    `Theo số liệu của mục tiêu chất lượng "${statement}", ${periodLabel(period)} có hồ sơ thủ tục hành chính ` +
    'giải quyết trễ hạn: ' +
    tthc.map((t) => `${t.code} ${t.name} (${t.late} hồ sơ trễ hạn)`).join('; ') +
    '. Đầu ra không phù hợp (điều khoản 8.7 Kiểm soát đầu ra không phù hợp).',
  /** What stands for the dossier number in the register of nonconformities. */
  lateReference: (period: string) => `Tổng hợp ${periodLabel(period)}`,
  /**
   * The TTHC codes of a month's summary, as many as fit in `max` characters, then "và N thủ tục
   * khác" (the description lists every one): a month can have hundreds.
   */
  lateCodes: (codes: readonly string[], max = 200): string => {
    let text = '';
    let shown = 0;
    for (const code of codes) {
      const next = shown ? `${text}, ${code}` : code;
      const rest = codes.length - shown - 1;
      const tail = rest ? ` và ${rest} thủ tục khác` : '';
      if ((next + tail).length > max && shown) break;
      text = next;
      shown += 1;
    }
    return shown < codes.length ? `${text} và ${codes.length - shown} thủ tục khác` : text;
  },
  import: {
    empty: 'Tệp không có dòng số liệu nào.',
    notUtf8: 'Tệp phải được lưu ở dạng UTF-8.',
    malformed: 'Tệp CSV không đúng định dạng (dấu ngoặc kép hoặc dấu phân cách không khớp).',
    unstorable: 'Tệp có ký tự không lưu được (ký tự NUL).',
    unknownHeader:
      'Dòng tiêu đề phải là "ky,gia_tri,ghi_chu" (hoặc "period,value,note") hoặc ' +
      '"ky,ma_tthc,ten_tthc,dung_han,tre_han" (số liệu xuất từ hệ thống một cửa).',
    tooManyRows: (max: number) => `Tệp có quá ${max} dòng số liệu.`,
    columnCount: (found: number, expected: number) =>
      `Dòng có ${found} cột, cần ${expected} cột như dòng tiêu đề.`,
    missing: (field: string) => `Thiếu ${field}.`,
    badValue: (raw: string) => `Giá trị "${raw}" không phải là một số hợp lệ.`,
    badCount: (field: string, raw: string) => `${field} "${raw}" phải là số nguyên không âm.`,
    noteTooLong: (max: number) => `Ghi chú dài quá ${max} ký tự.`,
    textTooLong: (field: string, max: number) => `${field} dài quá ${max} ký tự.`,
    duplicatePeriod: (period: string, firstLine: number) => `Kỳ ${period} đã có ở dòng ${firstLine}.`,
    duplicateTthc: (code: string, period: string, firstLine: number) =>
      `Thủ tục ${code} của kỳ ${period} đã có ở dòng ${firstLine}.`,
    oneStopMonthlyOnly:
      'Số liệu hồ sơ đúng hạn, trễ hạn theo tháng chỉ nhập được cho mục tiêu đo hằng tháng.',
    noDossiers: (period: string) => `Kỳ ${period} không có hồ sơ nào (đúng hạn và trễ hạn đều bằng 0).`,
    fields: {
      period: 'kỳ đo',
      value: 'giá trị',
      tthcCode: 'mã TTHC',
      tthcName: 'tên TTHC',
      onTime: 'Số hồ sơ đúng hạn',
      late: 'Số hồ sơ trễ hạn',
    },
  },
  formatNumber,
};
