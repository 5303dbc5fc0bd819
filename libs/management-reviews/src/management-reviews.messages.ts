import { formatDateVi } from '@eiso/common';
import { managementReviewNumber } from './management-review-numbering';

/** Vietnamese texts of management reviews: names in the trail, notifications, labels. */
export const REVIEW_MESSAGES = {
  /** "Lần ban hành 2"; "Chưa đánh số lần ban hành" when none. */
  versionLabel: (issueNumber: number | null) =>
    issueNumber === null ? 'Chưa đánh số lần ban hành' : `Lần ban hành ${issueNumber}`,
  name: (serial: number, year: number, title: string) =>
    `Kỳ xem xét của lãnh đạo số ${managementReviewNumber(serial, year)} — ${title}`,
  actionName: (description: string) => `Hành động sau xem xét của lãnh đạo "${description}"`,
  planned: (number: string, title: string, meetingDate: string, place: string | null) => ({
    title: `Mời họp xem xét của lãnh đạo số ${number}`,
    body:
      `Cuộc họp "${title}" dự kiến ngày ${formatDateVi(meetingDate)}` +
      (place ? ` tại ${place}` : '') +
      '. Vui lòng đọc trước các đầu vào đã được tổng hợp.',
  }),
  actionAssigned: (number: string, description: string, dueDate: string) => ({
    title: `Hành động sau xem xét của lãnh đạo số ${number}`,
    body: `Anh/chị được giao thực hiện: ${description}. Hạn hoàn thành: ${formatDateVi(dueDate)}.`,
  }),
};
