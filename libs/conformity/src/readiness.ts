import { addMonths, formatDateVi } from '@eiso/common';

/** The prerequisites of a conformity declaration (DESIGN §8), in the order the checklist shows them. */
export enum ReadinessCheckCode {
  QualityPolicy = 'quality_policy',
  Objectives = 'objectives',
  Procedures = 'procedures',
  InternalAudit = 'internal_audit',
  ManagementReview = 'management_review',
  MajorNonconformities = 'major_nonconformities',
}

export const READINESS_CHECK_CODES: readonly ReadinessCheckCode[] = Object.values(ReadinessCheckCode);

/** What an item of the checklist points at, so that a screen can link to it. */
export const READINESS_SUBJECT_TYPES = [
  'document',
  'objective',
  'audit',
  'management_review',
  'nonconformity',
  'tthc',
] as const;

export type ReadinessSubjectType = (typeof READINESS_SUBJECT_TYPES)[number];

export interface ReadinessItem {
  label: string;
  subjectType: ReadinessSubjectType | null;
  /** The subject's id; the TTHC code for `tthc`; null when there is nothing to open. */
  subjectId: string | null;
}

export interface ReadinessCheck {
  code: ReadinessCheckCode;
  /** The prerequisite, in Vietnamese. */
  title: string;
  passed: boolean;
  /** One sentence: what satisfies it, or what is missing. */
  detail: string;
  /** What satisfies it (the policy in force, the objectives of the year, the audit closed…). */
  found: ReadinessItem[];
  /** What is missing, by name (empty when passed). */
  missing: ReadinessItem[];
}

export interface ConformityReadiness {
  agencyId: string;
  /** The day the prerequisites were read (Vietnam). */
  asOf: string;
  ready: boolean;
  /** The TTHC codes of the declared scope that were checked (empty: none was named). */
  scope: string[];
  checks: ReadinessCheck[];
}

/** What the domains say, read at `asOf`. */
export interface ReadinessFacts {
  asOf: string;
  scope: readonly string[];
  policy: { documentId: string; code: string; title: string; effectiveFrom: string } | null;
  objectives: readonly { id: string; statement: string }[];
  procedures: readonly { documentId: string; code: string; title: string; tthcCodes: readonly string[] }[];
  lastAudit: { auditId: string; number: string; title: string; closedOn: string } | null;
  lastReview: { reviewId: string; number: string; title: string; meetingDate: string } | null;
  openMajor: readonly { id: string; number: string; title: string }[];
}

const item = (label: string, subjectType: ReadinessSubjectType | null, subjectId: string | null) => ({
  label,
  subjectType,
  subjectId,
});

/**
 * The readiness checklist from the facts. Pure: the service reads the facts, this decides.
 * "Within the last 12 months" counts from the same day a year before `asOf`, inclusive.
 */
export function assessReadiness(agencyId: string, facts: ReadinessFacts): ConformityReadiness {
  const { asOf } = facts;
  const year = Number(asOf.slice(0, 4));
  const since = addMonths(asOf, -12);
  const checks: ReadinessCheck[] = [];

  const policy = facts.policy;
  checks.push({
    code: ReadinessCheckCode.QualityPolicy,
    title: 'Chính sách chất lượng có hiệu lực',
    passed: !!policy,
    detail: policy
      ? `${policy.code} — ${policy.title}, hiệu lực từ ${formatDateVi(policy.effectiveFrom)}.`
      : 'Chưa có chính sách chất lượng nào được ban hành và đang có hiệu lực.',
    found: policy ? [item(`${policy.code} — ${policy.title}`, 'document', policy.documentId)] : [],
    missing: policy ? [] : [item('Chính sách chất lượng', null, null)],
  });

  checks.push({
    code: ReadinessCheckCode.Objectives,
    title: `Mục tiêu chất lượng năm ${year}`,
    passed: facts.objectives.length > 0,
    detail: facts.objectives.length
      ? `${facts.objectives.length} mục tiêu chất lượng năm ${year}.`
      : `Chưa đặt mục tiêu chất lượng nào cho năm ${year}.`,
    found: facts.objectives.map((o) => item(o.statement, 'objective', o.id)),
    missing: facts.objectives.length ? [] : [item(`Mục tiêu chất lượng năm ${year}`, null, null)],
  });

  const covered = new Set(facts.procedures.flatMap((p) => p.tthcCodes));
  const scope = [...new Set(facts.scope)];
  const uncovered = scope.filter((code) => !covered.has(code));
  const procedurePassed = scope.length ? uncovered.length === 0 : facts.procedures.length > 0;
  const inScope = scope.length
    ? facts.procedures.filter((p) => p.tthcCodes.some((c) => scope.includes(c)))
    : facts.procedures;
  checks.push({
    code: ReadinessCheckCode.Procedures,
    title: 'Quy trình giải quyết thủ tục hành chính có hiệu lực',
    passed: procedurePassed,
    detail: scope.length
      ? uncovered.length
        ? `${uncovered.length}/${scope.length} thủ tục hành chính trong phạm vi chưa có quy trình có hiệu lực.`
        : `Cả ${scope.length} thủ tục hành chính trong phạm vi đều có quy trình có hiệu lực.`
      : facts.procedures.length
        ? `${facts.procedures.length} quy trình giải quyết thủ tục hành chính đang có hiệu lực.`
        : 'Chưa có quy trình giải quyết thủ tục hành chính nào có hiệu lực.',
    found: inScope.map((p) => item(`${p.code} — ${p.title}`, 'document', p.documentId)),
    missing: scope.length
      ? uncovered.map((code) => item(`Thủ tục ${code}: chưa có quy trình có hiệu lực`, 'tthc', code))
      : facts.procedures.length
        ? []
        : [item('Quy trình giải quyết thủ tục hành chính', null, null)],
  });

  const audit = facts.lastAudit;
  const auditRecent = !!audit && audit.closedOn >= since;
  checks.push({
    code: ReadinessCheckCode.InternalAudit,
    title: 'Đánh giá nội bộ đã kết thúc trong 12 tháng qua',
    passed: auditRecent,
    detail: audit
      ? auditRecent
        ? `Cuộc đánh giá số ${audit.number} kết thúc ngày ${formatDateVi(audit.closedOn)}.`
        : `Cuộc đánh giá gần nhất (số ${audit.number}) kết thúc ngày ${formatDateVi(audit.closedOn)}, đã quá 12 tháng.`
      : 'Chưa có cuộc đánh giá nội bộ nào kết thúc.',
    found: audit ? [item(`Đánh giá nội bộ số ${audit.number} — ${audit.title}`, 'audit', audit.auditId)] : [],
    missing: auditRecent
      ? []
      : [item(`Cuộc đánh giá nội bộ kết thúc từ ngày ${formatDateVi(since)}`, null, null)],
  });

  const review = facts.lastReview;
  const reviewRecent = !!review && review.meetingDate >= since && review.meetingDate <= asOf;
  checks.push({
    code: ReadinessCheckCode.ManagementReview,
    title: 'Họp xem xét của lãnh đạo trong 12 tháng qua',
    passed: reviewRecent,
    detail: review
      ? reviewRecent
        ? `Cuộc họp xem xét số ${review.number} ngày ${formatDateVi(review.meetingDate)}.`
        : `Cuộc họp xem xét gần nhất (số ${review.number}) ngày ${formatDateVi(review.meetingDate)}, đã quá 12 tháng.`
      : 'Chưa tổ chức cuộc họp xem xét của lãnh đạo nào.',
    found: review
      ? [
          item(
            `Xem xét của lãnh đạo số ${review.number} — ${review.title}`,
            'management_review',
            review.reviewId,
          ),
        ]
      : [],
    missing: reviewRecent
      ? []
      : [item(`Cuộc họp xem xét của lãnh đạo từ ngày ${formatDateVi(since)}`, null, null)],
  });

  checks.push({
    code: ReadinessCheckCode.MajorNonconformities,
    title: 'Không còn điểm không phù hợp nặng chưa khắc phục',
    passed: facts.openMajor.length === 0,
    detail: facts.openMajor.length
      ? `Còn ${facts.openMajor.length} điểm không phù hợp nặng chưa đóng.`
      : 'Không còn điểm không phù hợp nặng nào chưa đóng.',
    found: [],
    missing: facts.openMajor.map((n) =>
      item(`Điểm không phù hợp số ${n.number} — ${n.title}`, 'nonconformity', n.id),
    ),
  });

  return { agencyId, asOf, ready: checks.every((c) => c.passed), scope, checks };
}
