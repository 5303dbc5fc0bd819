import { formatDateTimeVi } from '../text/vietnam-time';

/**
 * Sharper messages the catalogue builds from an error's details (`ErrorDefinition.detailed`).
 * Each answers undefined when the details do not carry what it needs, so the fixed message stands.
 */

/** "14:35 ngày 10/01/2027" in Vietnam, from an ISO instant. */
function timeAndDay(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const [time, day] = formatDateTimeVi(at).split(' ');
  return `${time} ngày ${day}`;
}

/** A wrong signing password: how many tries are left before signing locks. */
export function signaturePasswordInvalidMessage(details: Record<string, unknown>): string | undefined {
  const left = details.attemptsLeft;
  const minutes = details.lockMinutes;
  if (typeof left !== 'number' || !Number.isInteger(left) || left < 1) return undefined;
  const lock = typeof minutes === 'number' ? `bị khóa ${minutes} phút` : 'bị khóa';
  return left === 1
    ? `Mật khẩu xác nhận ký không đúng; chưa có gì được ký. Chỉ còn 1 lần thử: nếu nhập sai nữa, chức năng ký sẽ ${lock}.`
    : `Mật khẩu xác nhận ký không đúng; chưa có gì được ký. Còn ${left} lần thử trước khi chức năng ký ${lock}.`;
}

/** Signing locked by wrong signing passwords (not by failed logins): until when. */
export function signatureLockedMessage(details: Record<string, unknown>): string | undefined {
  const until = timeAndDay(details.lockedUntil);
  if (!until) return undefined;
  return (
    `Chữ ký bị khóa do nhập sai mật khẩu ký nhiều lần liên tiếp; chưa có gì được ký. ` +
    `Vui lòng thử lại sau ${until}. Đăng nhập và các việc khác không bị ảnh hưởng.`
  );
}

/** How the summary of a refused disposal proposal names each reason, in this order. */
const INELIGIBLE_REASONS: Record<string, string> = {
  on_hold: 'đang bị phong tỏa',
  not_due: 'chưa đến hạn hủy',
  in_batch: 'đã thuộc một đợt hủy khác',
  disposed: 'đã bị hủy',
  not_found: 'không tìm thấy trong cơ quan',
};

/**
 * A refused disposal proposal: the one record's own sentence, or how many records were refused
 * for each reason (each record's sentence is in the details).
 */
export function disposalRecordsNotEligibleMessage(details: Record<string, unknown>): string | undefined {
  const records = details.records;
  if (!Array.isArray(records) || records.length === 0) return undefined;
  const refused = records as { reason?: unknown; message?: unknown }[];
  if (refused.length === 1 && typeof refused[0].message === 'string') return refused[0].message;
  const reasons = refused.map((r) => r.reason);
  const known = (reason: unknown) =>
    typeof reason === 'string' && Object.prototype.hasOwnProperty.call(INELIGIBLE_REASONS, reason);
  if (!reasons.every(known)) return undefined;
  const parts = Object.entries(INELIGIBLE_REASONS).flatMap(([reason, label]) => {
    const n = reasons.filter((r) => r === reason).length;
    return n ? [`${n} hồ sơ ${label}`] : [];
  });
  const requested = details.requested;
  const count =
    typeof requested === 'number' && requested > refused.length
      ? `${refused.length} trong số ${requested} hồ sơ`
      : `${refused.length} hồ sơ`;
  return (
    `Có ${count} không thể đưa vào đợt hủy: ${parts.join(', ')}. ` +
    'Lý do của từng hồ sơ được nêu trong phần chi tiết.'
  );
}

/** parseIfMatch sends what it could not read: an If-Match that is no version at all, not an older one. */
export function preconditionFailedMessage(details: Record<string, unknown>): string | undefined {
  if (typeof details.ifMatch !== 'string') return undefined;
  return 'Tiêu đề If-Match không phải ETag của một phiên bản (ví dụ "3"). Vui lòng tải lại dữ liệu rồi sửa tiếp.';
}

/** The formats accepted (`accepted: ['PDF', 'DOCX']`) and, when sniffed, what the file is. */
export function unsupportedMediaTypeMessage(details: Record<string, unknown>): string | undefined {
  const accepted = details.accepted;
  if (!Array.isArray(accepted) || accepted.length === 0) return undefined;
  if (!accepted.every((name) => typeof name === 'string')) return undefined;
  const found = typeof details.detected === 'string' ? ` Tệp gửi lên là ${details.detected}.` : '';
  return `Định dạng tệp không được hỗ trợ: chỉ nhận tệp ${accepted.join(', ')}.${found}`;
}

/** A refused form: the one field's message, or how many fields and which, by their labels. */
export function validationFailedMessage(details: Record<string, unknown>): string | undefined {
  const errors = Array.isArray(details.errors) ? (details.errors as unknown[]) : [];
  const items = errors.filter(
    (e): e is { field?: unknown; label?: unknown; message?: unknown } => typeof e === 'object' && e !== null,
  );
  if (items.length === 1 && typeof items[0].message === 'string') {
    return `Dữ liệu gửi lên không hợp lệ — ${items[0].message}`;
  }
  const names = [
    ...new Set(
      items
        .map((e) => (typeof e.label === 'string' ? e.label : typeof e.field === 'string' ? e.field : null))
        .filter((n): n is string => !!n),
    ),
  ];
  if (items.length > 1 && names.length) {
    return `Dữ liệu gửi lên không hợp lệ ở ${items.length} chỗ: ${names.join('; ')}. Xem chi tiết từng trường.`;
  }
  return undefined;
}

const SERVICE_NAMES: Record<string, string> = {
  database: 'Cơ sở dữ liệu',
  storage: 'Kho lưu trữ tệp',
  queue: 'Hàng đợi công việc (Redis)',
};

/** Names the service that is down (`service`, or a `reason` naming one). */
export function serviceUnavailableMessage(details: Record<string, unknown>): string | undefined {
  const service = details.service ?? details.reason;
  const name = typeof service === 'string' ? SERVICE_NAMES[service] : undefined;
  if (!name) return undefined;
  return `${name} tạm thời không phản hồi. Vui lòng thử lại sau ít phút.`;
}
