/**
 * Every action the trail records, with what a Vietnamese reader calls it. `AuditRecord.action`
 * takes only these keys, so an action without a label does not compile; `audit-actions.spec.ts`
 * also reads every `action:` of the code, for what the compiler cannot see.
 */
export const AUDIT_ACTION_LABELS = {
  // accounts and sign-in
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập sai mật khẩu',
  'auth.locked': 'Tạm khóa đăng nhập do nhập sai mật khẩu nhiều lần',
  'auth.unlocked': 'Mở khóa tài khoản',
  'auth.signing_failed': 'Nhập sai mật khẩu khi ký',
  'auth.signing_locked': 'Tạm khóa ký do nhập sai mật khẩu nhiều lần',
  'user.created': 'Tạo tài khoản',
  'user.updated': 'Cập nhật tài khoản',
  'user.updated_password_reset': 'Cập nhật tài khoản và đặt lại mật khẩu',
  'user.password_changed': 'Đổi mật khẩu',
  // organizations
  'agency.created': 'Tạo cơ quan',
  'agency.updated': 'Cập nhật thông tin cơ quan',
  'agency.import': 'Nhập danh sách cơ quan từ tệp',
  'agency.restructured': 'Sắp xếp lại cơ quan (sáp nhập, đổi tên, giải thể)',
  'org_unit.created': 'Tạo phòng, ban',
  'org_unit.updated': 'Cập nhật phòng, ban',
  // documents
  'document.created': 'Tạo tài liệu',
  'document.withdrawn': 'Hủy bỏ tài liệu',
  'document_file.uploaded': 'Tải lên tệp của tài liệu',
  'document_file.deleted': 'Xóa tệp của tài liệu',
  'document_file.content_retried': 'Chạy lại việc chuyển tệp sang PDF và đọc nội dung',
  'document_version.created': 'Tạo dự thảo',
  'document_version.edited': 'Sửa dự thảo',
  'document_version.submitted': 'Trình xem xét dự thảo',
  'document_version.reviewed': 'Xem xét, chuyển phê duyệt',
  'document_version.review_returned': 'Trả lại dự thảo khi xem xét',
  'document_version.approved': 'Phê duyệt tài liệu',
  'document_version.approval_returned': 'Trả lại dự thảo khi phê duyệt',
  'document_version.issued': 'Ban hành tài liệu',
  'document_version.scheduled': 'Ban hành tài liệu, chờ ngày có hiệu lực',
  'document_version.activated': 'Tài liệu bắt đầu có hiệu lực',
  'document_version.cancelled': 'Hủy phiên bản chờ hiệu lực',
  'document_version.superseded': 'Phiên bản bị thay thế',
  'document_version.acknowledged': 'Xác nhận đã đọc và hiểu tài liệu',
  // records
  'record_type.created': 'Tạo loại hồ sơ',
  'record_type.updated': 'Cập nhật loại hồ sơ',
  'record.created': 'Tạo hồ sơ',
  'record_file.uploaded': 'Tải lên tệp của hồ sơ',
  'record.held': 'Phong tỏa hồ sơ',
  'record.released': 'Gỡ phong tỏa hồ sơ',
  'record.retention_due': 'Hồ sơ hết thời hạn lưu trữ, đến hạn hủy',
  'record.disposed': 'Hủy hồ sơ',
  'disposal.proposed': 'Đề nghị hủy hồ sơ',
  'disposal.approved': 'Phê duyệt hủy hồ sơ',
  'disposal.rejected': 'Từ chối đề nghị hủy hồ sơ',
  'disposal.completed': 'Hoàn tất hủy hồ sơ',
  // jobs
  'job_run.requested': 'Yêu cầu chạy công việc theo lịch ngay',
  'job_run.retried': 'Chạy lại công việc đã thất bại',
  // audit programmes and audits (H5)
  'audit_programme.created': 'Lập chương trình đánh giá nội bộ',
  'audit_programme.updated': 'Cập nhật chương trình đánh giá nội bộ',
  'audit.planned': 'Lập kế hoạch đánh giá nội bộ',
  'audit.updated': 'Cập nhật kế hoạch đánh giá nội bộ',
  'audit.plan_issued': 'Ban hành kế hoạch đánh giá nội bộ',
  'audit.started': 'Bắt đầu cuộc đánh giá nội bộ',
  'audit.checklist_answered': 'Trả lời câu hỏi kiểm tra',
  'audit_checklist_file.uploaded': 'Tải lên tệp bằng chứng của câu hỏi kiểm tra',
  'audit_checklist_file.deleted': 'Xóa tệp bằng chứng của câu hỏi kiểm tra',
  // audit findings and report (H6)
  'audit_finding.created': 'Ghi nhận phát hiện đánh giá',
  'audit_finding.updated': 'Sửa phát hiện đánh giá',
  'audit_finding.deleted': 'Xóa phát hiện đánh giá',
  'audit_finding_file.uploaded': 'Tải lên tệp bằng chứng của phát hiện đánh giá',
  'audit_finding_file.deleted': 'Xóa tệp bằng chứng của phát hiện đánh giá',
  'audit.reported': 'Ký báo cáo đánh giá nội bộ',
  'audit.closed': 'Kết thúc cuộc đánh giá nội bộ',
  // nonconformities (H2)
  'nonconformity.raised': 'Ghi nhận sự không phù hợp',
  'nonconformity.updated': 'Cập nhật sự không phù hợp',
  // corrective actions (H3)
  'corrective_action.created': 'Lập phiếu yêu cầu hành động khắc phục',
  'corrective_action.updated': 'Cập nhật phiếu yêu cầu hành động khắc phục',
  'corrective_action.planned': 'Hoàn thành kế hoạch hành động khắc phục',
  'corrective_action.started': 'Bắt đầu thực hiện hành động khắc phục',
  'corrective_action.action_added': 'Thêm hành động khắc phục',
  'corrective_action.action_updated': 'Sửa hành động khắc phục',
  'corrective_action.action_removed': 'Xóa hành động khắc phục',
  'corrective_action.action_done': 'Báo cáo hoàn thành hành động khắc phục',
  'corrective_action.verified': 'Ghi kết quả kiểm tra hiệu lực hành động khắc phục',
  'corrective_action.reopened': 'Hành động khắc phục chưa có hiệu lực, thực hiện lại',
  'corrective_action.closed': 'Kết thúc phiếu yêu cầu hành động khắc phục',
  'corrective_action_task_file.uploaded': 'Tải lên tệp bằng chứng của hành động khắc phục',
  'corrective_action_task_file.deleted': 'Xóa tệp bằng chứng của hành động khắc phục',
  // --- objectives ---
  'objective.created': 'Xây dựng mục tiêu chất lượng',
  'objective.updated': 'Sửa mục tiêu chất lượng',
  'objective.withdrawn': 'Hủy bỏ mục tiêu chất lượng',
  'objective_measurement.recorded': 'Nhập số liệu đo mục tiêu chất lượng',
  'objective_measurement.updated': 'Sửa số liệu đo mục tiêu chất lượng',
  'objective_measurement.nonconformity_raised': 'Ghi nhận sự không phù hợp từ hồ sơ trễ hạn của kỳ đo',
  'objective_measurement_file.uploaded': 'Tải lên tệp bằng chứng của số liệu đo',
  'objective_measurement_file.deleted': 'Xóa tệp bằng chứng của số liệu đo',
  // --- risks ---
  'risk.created': 'Ghi nhận rủi ro hoặc cơ hội',
  'risk.updated': 'Sửa rủi ro hoặc cơ hội',
  'risk.assessed': 'Đánh giá lại rủi ro hoặc cơ hội',
  'risk.closed': 'Đóng rủi ro hoặc cơ hội',
  'risk.reopened': 'Mở lại rủi ro hoặc cơ hội',
  // --- management reviews ---
  'management_review.created': 'Lập kỳ xem xét của lãnh đạo',
  'management_review.updated': 'Sửa kỳ xem xét của lãnh đạo',
  'management_review.compiled': 'Tổng hợp lại đầu vào xem xét của lãnh đạo',
  'management_review.held': 'Họp xem xét của lãnh đạo',
  'management_review.signed': 'Ký báo cáo xem xét của lãnh đạo',
  'management_review_action.added': 'Thêm quyết định, hành động của xem xét lãnh đạo',
  'management_review_action.updated': 'Sửa quyết định, hành động của xem xét lãnh đạo',
  'management_review_action.done': 'Hoàn thành hành động của xem xét lãnh đạo',
  'management_review_action_file.uploaded': 'Tải lên bằng chứng hành động của xem xét lãnh đạo',
  'management_review_action_file.deleted': 'Xóa bằng chứng hành động của xem xét lãnh đạo',
  'conformity_declaration.created': 'Lập dự thảo quyết định công bố',
  'conformity_declaration.updated': 'Sửa dự thảo quyết định công bố',
  'conformity_declaration.discarded': 'Hủy dự thảo quyết định công bố',
  'conformity_declaration.signed': 'Ký quyết định công bố',
  'conformity_declaration.superseded': 'Quyết định công bố được thay thế bằng quyết định công bố lại',
  'conformity_declaration.submitted': 'Gửi quyết định công bố đến Sở KH&CN',
  'conformity_declaration.acknowledged': 'Sở KH&CN tiếp nhận quyết định công bố',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** Shown for an action written by an older release and since renamed: the code stays readable. */
const UNKNOWN_ACTION = (action: string) => `Thao tác khác (${action})`;

export function isAuditAction(action: string): action is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : UNKNOWN_ACTION(action);
}
