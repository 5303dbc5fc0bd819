/** Audit states (DESIGN §6): planned → in_progress → reported → closed. */
export enum AuditState {
  Planned = 'planned',
  InProgress = 'in_progress',
  Reported = 'reported',
  Closed = 'closed',
}

export const AUDIT_STATE_LABELS: Record<AuditState, string> = {
  [AuditState.Planned]: 'Đã lập kế hoạch',
  [AuditState.InProgress]: 'Đang đánh giá',
  [AuditState.Reported]: 'Đã báo cáo',
  [AuditState.Closed]: 'Đã kết thúc',
};

/** Checklist answers. */
export enum ChecklistAnswer {
  Conform = 'conform',
  Nonconform = 'nonconform',
  Observation = 'observation',
  NotApplicable = 'not_applicable',
}

export const CHECKLIST_ANSWER_LABELS: Record<ChecklistAnswer, string> = {
  [ChecklistAnswer.Conform]: 'Phù hợp',
  [ChecklistAnswer.Nonconform]: 'Không phù hợp',
  [ChecklistAnswer.Observation]: 'Cần lưu ý',
  [ChecklistAnswer.NotApplicable]: 'Không áp dụng',
};

export type ChecklistItemKind = 'clause' | 'procedure';

/** Finding types: two grades of nonconformity, an observation, an opportunity for improvement. */
export enum FindingType {
  MajorNc = 'major_nc',
  MinorNc = 'minor_nc',
  Observation = 'observation',
  Ofi = 'ofi',
}

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  [FindingType.MajorNc]: 'Không phù hợp nặng',
  [FindingType.MinorNc]: 'Không phù hợp nhẹ',
  [FindingType.Observation]: 'Điểm cần lưu ý',
  [FindingType.Ofi]: 'Cơ hội cải tiến',
};

export const NONCONFORMITY_FINDINGS: readonly FindingType[] = [FindingType.MajorNc, FindingType.MinorNc];
