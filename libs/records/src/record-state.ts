/**
 * Where a record is in its life (DESIGN §5). A legal hold is a flag beside the state, not a state:
 * lifting it returns the record to exactly where it was, and the retention job and disposal simply
 * pass over held records.
 */
export enum RecordState {
  Active = 'active',
  DueForDisposal = 'due_for_disposal',
  Disposed = 'disposed',
}

export const RECORD_STATE_LABELS: Record<RecordState, string> = {
  [RecordState.Active]: 'Đang lưu trữ',
  [RecordState.DueForDisposal]: 'Đến hạn hủy',
  [RecordState.Disposed]: 'Đã hủy',
};

export enum DisposalState {
  Proposed = 'proposed',
  Approved = 'approved',
  Completed = 'completed',
  Rejected = 'rejected',
}

export const DISPOSAL_STATE_LABELS: Record<DisposalState, string> = {
  [DisposalState.Proposed]: 'Chờ phê duyệt',
  [DisposalState.Approved]: 'Đã phê duyệt, đang hủy',
  [DisposalState.Completed]: 'Đã hủy xong',
  [DisposalState.Rejected]: 'Bị từ chối',
};
