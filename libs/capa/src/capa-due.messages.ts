import { formatDateVi } from '@eiso/common';
import { nonconformityNumber } from './nonconformity-numbering';

/** At most this many actions are named in the agency head's daily notice of overdue actions. */
export const OVERDUE_DIGEST_NAMED = 20;

/** A long description is cut at a word for a notification title or list line. */
function short(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

const nc = (serial: number, year: number) => `Sự không phù hợp số ${nonconformityNumber(serial, year)}`;

export interface OverdueLine {
  serial: number;
  year: number;
  description: string;
  dueDate: string;
  ownerName: string;
}

/** Vietnamese texts of the daily capa.due reminders. */
export const CAPA_DUE_MESSAGES = {
  actionDueSoon: (serial: number, year: number, description: string, dueDate: string, daysLeft: number) => ({
    title:
      daysLeft === 0
        ? `Hành động khắc phục đến hạn hôm nay (${formatDateVi(dueDate)})`
        : `Hành động khắc phục sắp đến hạn (${formatDateVi(dueDate)})`,
    body:
      `${nc(serial, year)}: hành động "${short(description)}" do anh/chị thực hiện ` +
      (daysLeft === 0
        ? `đến hạn hôm nay, ngày ${formatDateVi(dueDate)}. `
        : `đến hạn ngày ${formatDateVi(dueDate)} (còn ${daysLeft} ngày). `) +
      'Khi hoàn thành, đề nghị cập nhật ngày hoàn thành và bằng chứng thực hiện.',
  }),
  /** `escalated`: the agency's approvers were told today (said to the owner only then). */
  actionOverdue: (
    serial: number,
    year: number,
    description: string,
    dueDate: string,
    daysLate: number,
    escalated: boolean,
  ) => ({
    title: `Hành động khắc phục đã quá hạn ${daysLate} ngày`,
    body:
      `${nc(serial, year)}: hành động "${short(description)}" do anh/chị thực hiện đã quá hạn ` +
      `(hạn ngày ${formatDateVi(dueDate)}, trễ ${daysLate} ngày)` +
      (escalated ? ' và đã được báo cáo lãnh đạo cơ quan. ' : '. ') +
      'Đề nghị hoàn thành ngay và cập nhật ngày hoàn thành cùng bằng chứng thực hiện.',
  }),
  overdueDigest: (lines: readonly OverdueLine[], today: string) => {
    const named = lines
      .slice(0, OVERDUE_DIGEST_NAMED)
      .map(
        (l) =>
          `- ${nc(l.serial, l.year)}: "${short(l.description, 120)}" — hạn ${formatDateVi(l.dueDate)}, ` +
          `người thực hiện: ${l.ownerName}`,
      );
    const rest = lines.length - named.length;
    return {
      title:
        lines.length === 1
          ? `Báo cáo hành động khắc phục quá hạn: ${nc(lines[0].serial, lines[0].year)}`
          : `Báo cáo ${lines.length} hành động khắc phục quá hạn`,
      body:
        `Đến ngày ${formatDateVi(today)}, ${lines.length} hành động khắc phục chưa hoàn thành đã quá hạn:\n` +
        named.join('\n') +
        (rest > 0 ? `\n… và ${rest} hành động khác.` : ''),
    };
  },
  verificationDue: (
    serial: number,
    year: number,
    title: string,
    due: string,
    round: number,
    today: string,
    verifierAssigned: boolean,
  ) => ({
    title: `Đến hạn kiểm tra hiệu lực hành động khắc phục: ${nc(serial, year)}`,
    body:
      `${nc(serial, year)} — ${short(title)}: các hành động khắc phục${round > 1 ? ` (lần ${round})` : ''} ` +
      `đã hoàn thành; việc kiểm tra hiệu lực ` +
      (due < today
        ? `đã quá hạn từ ngày ${formatDateVi(due)}. `
        : `đến hạn hôm nay, ngày ${formatDateVi(due)}. `) +
      (verifierAssigned
        ? 'Đề nghị kiểm tra và ghi nhận kết quả (có hiệu lực hoặc chưa có hiệu lực, kèm lý do).'
        : 'Chưa phân công người kiểm tra hiệu lực: đề nghị phân công người không thực hiện hành động nào của phiếu.'),
  }),
};
