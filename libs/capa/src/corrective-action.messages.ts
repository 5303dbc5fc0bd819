import { formatDateVi } from '@eiso/common';

const PLAN_GAP_LABELS: Record<string, string> = {
  rootCause: 'nguyên nhân gốc rễ',
  actions: 'ít nhất một hành động khắc phục',
  verifier: 'người kiểm tra hiệu lực',
};

/** A list read out in Vietnamese: "a", "a và b", "a, b và c". */
function listVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

/** A text ending as a sentence: a period added when it ends without one (".", "!", "?", "…"). */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** Vietnamese texts of corrective actions: refusals, blockers and notifications. */
export const CORRECTIVE_ACTION_MESSAGES = {
  /** A corrective action as the audit trail and notifications name it. */
  name: (ncNumber: string) => `Phiếu yêu cầu hành động khắc phục cho sự không phù hợp số ${ncNumber}`,
  invalidTransition: (state: string, allowed: readonly string[]) =>
    `Phiếu yêu cầu hành động khắc phục đang ở trạng thái "${state}"; thao tác này chỉ thực hiện được khi phiếu ở trạng thái ${listVi(allowed.map((s) => `"${s}"`))}.`,
  actionsLocked: (state: string) =>
    `Phiếu đang ở trạng thái "${state}": chỉ thêm, sửa hoặc xóa hành động khi phiếu đang mở, đã lập kế hoạch hoặc đang thực hiện.`,
  exists: (ncNumber: string) =>
    `Sự không phù hợp số ${ncNumber} đã có phiếu yêu cầu hành động khắc phục; mỗi sự không phù hợp chỉ có một phiếu.`,
  nonconformityClosed: (ncNumber: string) =>
    `Sự không phù hợp số ${ncNumber} đã kết thúc; không lập thêm phiếu yêu cầu hành động khắc phục.`,
  taskDone: (description: string, doneOn: string) =>
    `Hành động "${description}" đã hoàn thành ngày ${formatDateVi(doneOn)}; không sửa, xóa hay bổ sung tệp được nữa.`,
  notInProgress: (state: string) =>
    `Phiếu đang ở trạng thái "${state}": chỉ báo cáo hoàn thành hành động khi phiếu đang thực hiện.`,
  planIncomplete: (missing: readonly string[]) =>
    `Kế hoạch hành động khắc phục chưa đủ, còn thiếu: ${listVi(missing.map((m) => PLAN_GAP_LABELS[m] ?? m))}.`,
  verifierWithoutRole: (name: string) =>
    `${name} không có vai trò đánh giá viên nội bộ, thư ký ISO hoặc lãnh đạo phê duyệt nên không được phân công kiểm tra hiệu lực.`,
  selfVerification: (name: string | null, owned: readonly string[]) =>
    `${name ?? 'Người kiểm tra hiệu lực'} đang là người thực hiện hành động ${listVi(owned.map((d) => `"${d}"`))} ` +
    'của phiếu này; người kiểm tra hiệu lực phải độc lập với các hành động được kiểm tra.',
  noVerifierAssigned: 'Phiếu chưa được phân công người kiểm tra hiệu lực.',
  notActionOwner: (description: string) =>
    `Chỉ người được giao thực hiện hành động "${description}" mới được báo cáo hoàn thành hoặc bổ sung bằng chứng.`,
  dueDatePast: (dueDate: string, today: string) =>
    `Hạn hoàn thành ${formatDateVi(dueDate)} đã qua; hạn phải từ ngày ${formatDateVi(today)} trở đi.`,
  doneInFuture: (doneOn: string) =>
    `Ngày hoàn thành ${formatDateVi(doneOn)} chưa đến; không báo cáo hoàn thành trước.`,
  doneBeforeRaised: (doneOn: string, raisedOn: string) =>
    `Ngày hoàn thành ${formatDateVi(doneOn)} trước ngày giao hành động (${formatDateVi(raisedOn)}).`,
  delayLocked: (due: string) =>
    `Đang chờ kiểm tra hiệu lực, hạn kiểm tra từ ngày ${formatDateVi(due)}: không được rút ngắn thời gian chờ ` +
    'để kiểm tra sớm hơn; chỉ được giữ nguyên hoặc kéo dài.',
  tooEarly: (due: string) =>
    `Chưa đến hạn kiểm tra hiệu lực: chỉ kết luận hành động khắc phục có hiệu lực từ ngày ${formatDateVi(due)}.`,
  documentNotRevised: (d: { code: string; issueAtRaise: number | null; issueInForce: number | null }) =>
    `Tài liệu ${d.code} chưa có phiên bản mới có hiệu lực ` +
    `(${d.issueAtRaise === null ? 'khi giao hành động chưa có lần ban hành nào có hiệu lực' : `khi giao hành động: lần ban hành ${d.issueAtRaise}`}; ` +
    `${d.issueInForce === null ? 'hiện không có phiên bản đang hiệu lực' : `đang hiệu lực: lần ban hành ${d.issueInForce}`}).`,
  blockers: {
    noActions: (round: number) => `Lần thực hiện thứ ${round} chưa có hành động khắc phục nào.`,
    noVerifier: 'Chưa phân công người kiểm tra hiệu lực.',
    actionNotDone: (description: string, dueDate: string) =>
      `Hành động "${description}" (hạn ${formatDateVi(dueDate)}) chưa hoàn thành.`,
    verificationNotDue: (due: string) => `Chưa đến hạn kiểm tra hiệu lực (ngày ${formatDateVi(due)}).`,
    verificationPending: 'Chưa có kết luận kiểm tra hiệu lực của người được phân công.',
  },
  notifications: {
    actionAssigned: (ncNumber: string, description: string, dueDate: string, by: string) => ({
      title: `Bạn được giao hành động khắc phục (sự không phù hợp số ${ncNumber})`,
      body:
        `${by} giao cho bạn hành động khắc phục: "${description}", hạn hoàn thành ${formatDateVi(dueDate)}. ` +
        'Khi hoàn thành, vui lòng báo cáo và đính kèm bằng chứng.',
    }),
    actionRescheduled: (ncNumber: string, description: string, from: string, to: string, by: string) => ({
      title: `Hạn hoàn thành hành động khắc phục đã thay đổi (sự không phù hợp số ${ncNumber})`,
      body:
        `${by} đã đổi hạn hoàn thành hành động khắc phục "${description}" do bạn thực hiện ` +
        `từ ngày ${formatDateVi(from)} sang ngày ${formatDateVi(to)}.`,
    }),
    verificationStarted: (ncNumber: string, due: string) => ({
      title: `Hành động khắc phục sự không phù hợp số ${ncNumber} chờ kiểm tra hiệu lực`,
      body:
        `Các hành động khắc phục đã hoàn thành. Bạn được phân công kiểm tra hiệu lực; ` +
        `hạn kiểm tra: từ ngày ${formatDateVi(due)}.`,
    }),
    reopened: (ncNumber: string, round: number, reason: string, by: string) => ({
      title: `Hành động khắc phục sự không phù hợp số ${ncNumber} chưa có hiệu lực`,
      body:
        `${by} kết luận hành động khắc phục chưa có hiệu lực. Lý do: ${sentence(reason)} ` +
        `Cần lập và thực hiện các hành động của lần thực hiện thứ ${round}.`,
    }),
    closed: (ncNumber: string, by: string) => ({
      title: `Sự không phù hợp số ${ncNumber} đã được khắc phục và kết thúc`,
      body: `${by} kết luận hành động khắc phục có hiệu lực; phiếu yêu cầu hành động khắc phục đã kết thúc.`,
    }),
  },
};
