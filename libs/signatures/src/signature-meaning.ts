/**
 * What a signature means. A typed list, not a database check: a new domain adds its meanings here
 * as one line each (key and Vietnamese label), and `signature.meaning` stores the key.
 */
export const SignatureMeaning = {
  /** The drafter hands a version in: recorded like a review, without a password. */
  Submit: 'submit',
  Review: 'review',
  Approve: 'approve',
  Issue: 'issue',
  Withdraw: 'withdraw',
  /** Trình: a proposal put before an approver. */
  Propose: 'propose',
  /** The approver's signature on a disposal batch (phê duyệt hủy). */
  Dispose: 'dispose',
  /** Ký công bố: a conformity declaration. */
  Declare: 'declare',
  /** The lead auditor signs the internal audit report (Trưởng đoàn đánh giá). */
  Report: 'report',
  /** The chair signs the minutes of a management review. */
  ReviewMinutes: 'review_minutes',
} as const;

export type SignatureMeaning = (typeof SignatureMeaning)[keyof typeof SignatureMeaning];

export const SIGNATURE_MEANING_LABELS: Readonly<Record<SignatureMeaning, string>> = {
  [SignatureMeaning.Submit]: 'Soạn thảo',
  [SignatureMeaning.Review]: 'Xem xét',
  [SignatureMeaning.Approve]: 'Phê duyệt',
  [SignatureMeaning.Issue]: 'Ban hành',
  [SignatureMeaning.Withdraw]: 'Hủy bỏ',
  [SignatureMeaning.Propose]: 'Trình',
  [SignatureMeaning.Dispose]: 'Phê duyệt hủy',
  [SignatureMeaning.Declare]: 'Ký công bố',
  [SignatureMeaning.Report]: 'Ký báo cáo đánh giá',
  [SignatureMeaning.ReviewMinutes]: 'Ký báo cáo xem xét của lãnh đạo',
};

/** Whether a stored text is one of the meanings this code knows. */
export function isSignatureMeaning(value: string): value is SignatureMeaning {
  return Object.prototype.hasOwnProperty.call(SIGNATURE_MEANING_LABELS, value);
}
