import { formatDateTimeVi, JobName } from '@eiso/common';
import type { JobSummary } from '@eiso/queue';

/**
 * What each job does, as operators read it. A Record over JobName: a new job does not compile
 * until it has its label.
 */
export const JOB_LABELS: Record<JobName, string> = {
  [JobName.AuditVerifyChain]: 'Kiểm tra tính toàn vẹn của chuỗi nhật ký hệ thống',
  [JobName.NotificationsSend]: 'Gửi thư điện tử kèm thông báo',
  [JobName.DocumentsReviewDue]: 'Nhắc xem xét định kỳ các tài liệu đến hạn',
  [JobName.DocumentsActivateScheduled]: 'Cho phiên bản đã ban hành có hiệu lực khi đến ngày',
  [JobName.PdfControlledCopy]: 'Tạo bản PDF có kiểm soát của tài liệu',
  [JobName.RecordsRetention]: 'Chuyển hồ sơ hết thời hạn lưu trữ sang trạng thái đến hạn hủy',
  [JobName.RecordsDispose]: 'Hủy các hồ sơ của đề nghị hủy đã được phê duyệt',
  [JobName.StorageSweepOrphans]: 'Dọn các tệp lưu trữ không còn dữ liệu nào tham chiếu (tệp mồ côi)',
  [JobName.CapaDue]: 'Nhắc hạn và báo quá hạn các hành động khắc phục, nhắc hạn kiểm tra hiệu lực',
  [JobName.ObjectivesDue]: 'Nhắc đơn vị nhập số liệu các kỳ đo mục tiêu chất lượng đã qua mà chưa có số liệu',
  [JobName.RisksReviewDue]: 'Nhắc xem xét lại các rủi ro và cơ hội đến hạn xem xét',
  [JobName.ContentRender]: 'Chuyển tệp Word, ODF, Excel sang bản PDF (LibreOffice)',
  [JobName.ContentExtract]: 'Đọc nội dung tệp để tìm kiếm toàn văn',
  [JobName.ContentCatchUp]: 'Xếp lại việc chuyển PDF và đọc nội dung các tệp còn chờ',
};

/** Vietnamese texts of job runs: logs and the command line. */
export const JOB_MESSAGES = {
  caughtUp: (job: JobName, period: Date, lastSuccess: Date | null) =>
    `Chạy bù "${JOB_LABELS[job]}" (${job}) cho lần chạy lúc ${formatDateTimeVi(period)} đã bị lỡ; ` +
    (lastSuccess
      ? `lần chạy thành công gần nhất lúc ${formatDateTimeVi(lastSuccess)}`
      : 'công việc chưa từng chạy thành công'),
  catchUpFailed: (job: JobName, reason: string) => `Không chạy bù được công việc ${job}: ${reason}`,
  interrupted: 'Tiến trình đã dừng khi công việc chưa chạy xong (máy tắt hoặc khởi động lại).',
  interruptedCount: (n: number) => `Đánh dấu thất bại ${n} lượt chạy dở dang của lần khởi động trước`,
  enqueueFailed: (reason: string) => `Không đưa được công việc vào hàng đợi: ${reason}`,
  pruned: (n: number, days: number) => `Đã xóa ${n} lượt chạy công việc cũ hơn ${days} ngày`,
  cliUnknownJob: (name: string, known: readonly string[]) =>
    `Không có công việc chạy theo lịch tên "${name}". Các công việc: ${known.join(', ')}.`,
  cliBadWait: '--wait phải là số giây chờ kết quả, từ 1 đến 999999.',
  cliQueued: (job: JobName, runId: string) =>
    `Đã yêu cầu chạy "${JOB_LABELS[job]}" (${job}), mã lượt chạy ${runId}; đang chờ kết quả…`,
  cliSucceeded: (job: JobName, summary: JobSummary | null) => {
    const counts = Object.entries(summary ?? {}).map(([key, value]) => `${key}=${String(value)}`);
    return `Đã chạy xong "${JOB_LABELS[job]}" (${job})${counts.length ? `: ${counts.join(', ')}` : ''}.`;
  },
  cliFailed: (job: JobName, error: string) => `Công việc "${JOB_LABELS[job]}" (${job}) thất bại: ${error}`,
  cliTimedOut: (runId: string, seconds: number) =>
    `Sau ${seconds} giây lượt chạy ${runId} vẫn chưa xong (worker có đang chạy không?). ` +
    'Xem kết quả sau tại GET /api/v1/admin/jobs.',
};
