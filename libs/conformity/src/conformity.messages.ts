import { formatDateVi } from '@eiso/common';
import { DECLARATION_KIND_LABELS, DeclarationKind } from './declaration-state';
import type { ReadinessCheck } from './readiness';

/** Vietnamese texts of the conformity declaration: names in the trail, notifications, refusals. */
export const CONFORMITY_MESSAGES = {
  name: (number: string | null, kind: DeclarationKind) =>
    number
      ? `Quyết định công bố số ${number}`
      : `Dự thảo quyết định công bố (${DECLARATION_KIND_LABELS[kind].toLocaleLowerCase('vi')})`,
  submitted: (agencyName: string, number: string, date: string) => ({
    title: `${agencyName} gửi quyết định công bố HTQLCL`,
    body: `Quyết định số ${number} ngày ${formatDateVi(date)} công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015. Vui lòng xem và xác nhận tiếp nhận.`,
  }),
  acknowledged: (number: string) => ({
    title: `Sở KH&CN đã tiếp nhận quyết định công bố số ${number}`,
    body: 'Sở Khoa học và Công nghệ đã xác nhận tiếp nhận quyết định công bố của cơ quan.',
  }),
  notReady: (failed: readonly ReadinessCheck[]) =>
    `Chưa đủ điều kiện công bố; chưa có gì được ký. Còn thiếu: ${failed
      .map((c) => c.detail.replace(/\.$/, ''))
      .join('; ')}.`,
  alreadyDeclared: (number: string | null) =>
    `Cơ quan đã công bố theo Quyết định số ${number ?? '…'}; thay đổi phạm vi hoặc công bố mới cần lập quyết định công bố lại.`,
  notDeclaredYet: 'Cơ quan chưa công bố lần nào; hãy lập quyết định công bố lần đầu.',
};
