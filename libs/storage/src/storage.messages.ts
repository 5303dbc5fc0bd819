/** Operator-facing log lines of the storage lib, in one place. */
export const StorageMessages = {
  usingS3: (endpoint: string, bucket: string): string =>
    `Lưu trữ tệp: S3/MinIO tại ${endpoint}, bucket ${bucket}`,
  usingLocalDisk: (root: string): string => `Lưu trữ tệp: ổ đĩa cục bộ tại ${root}`,
  bucketCreated: (bucket: string): string => `Đã tạo bucket ${bucket}`,
  abortFailed: (key: string, reason: string): string =>
    `Không hủy được phiên tải lên dở dang của ${key} (${reason}); cần quy tắc vòng đời AbortIncompleteMultipartUpload để dọn`,
  cleanupFailed: (key: string, reason: string): string =>
    `Không xóa được phần đã ghi của ${key} sau lỗi (${reason})`,
  staleTempRemoved: (count: number): string => `Đã xóa ${count} tệp tạm bị bỏ dở`,
  orphansRemoved: (count: number, bytes: number, minAgeMs: number): string =>
    `Đã xóa ${count} tệp mồ côi (${bytes} byte): cũ hơn ${ageVi(minAgeMs)} và không còn dòng dữ liệu nào tham chiếu`,
  unclassifiedKeyColumns: (columns: string[]): string =>
    `chưa rõ các cột ${columns.join(', ')} có giữ khóa tệp hay không: khai báo chúng trong libs/storage/src/object-key-columns.ts`,
} as const;

/** `24 giờ`, `90 phút`, `5 giây`: the largest unit that divides the age. */
function ageVi(ms: number): string {
  if (ms >= 3600_000 && ms % 3600_000 === 0) return `${ms / 3600_000} giờ`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} phút`;
  return `${Math.round(ms / 1000)} giây`;
}
