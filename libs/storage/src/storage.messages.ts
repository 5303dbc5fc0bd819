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
  orphansRemoved: (count: number, bytes: number): string =>
    `Đã xóa ${count} tệp mồ côi (${bytes} byte): cũ hơn 1 giờ và không còn dòng dữ liệu nào tham chiếu`,
  orphanSweepFailed: (reason: string): string =>
    `Không dọn được tệp mồ côi (${reason}); sẽ thử lại ở lần khởi động sau`,
  unclassifiedKeyColumns: (columns: string[]): string =>
    `chưa rõ các cột ${columns.join(', ')} có giữ khóa tệp hay không: khai báo chúng trong libs/storage/src/object-key-columns.ts`,
} as const;
